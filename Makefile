# pgentra's two everyday commands are `make try` and `make test` (see README.md).
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: deps build release try test fuzz bench clean install install-files uninstall

deps:
	scripts/install-deps

build: deps
	$(SWIFT) build

# libstdc++, which the Swift runtime needs, is linked statically as well: loading the shared one
# costs about a millisecond of every start (docs/benchmarks.md). swiftc asks for -lstdc++, so a
# directory holding only the static archive goes first on the library path.
STATIC_CXX_DIR := $(CURDIR)/.build-static-cxx
LIBSTDCXX := $(shell g++ -print-file-name=libstdc++.a 2>/dev/null)
# No $ORIGIN run path either: with the Swift libraries inside, every system library would first
# be looked for (and not found) beside the binary, at each start.
RELEASE_FLAGS := -c release --static-swift-stdlib --disable-local-rpath $(if $(filter /%,$(LIBSTDCXX)),-Xlinker -L$(STATIC_CXX_DIR))

# Products only: TestSupport imports Testing, which release builds do not have.
release: deps
	@if [ -f "$(LIBSTDCXX)" ]; then mkdir -p $(STATIC_CXX_DIR) && ln -sf $(LIBSTDCXX) $(STATIC_CXX_DIR)/libstdc++.a; fi
	$(SWIFT) build $(RELEASE_FLAGS) --product pgentra
	$(SWIFT) build $(RELEASE_FLAGS) --product entra-emulator

# A throwaway PostgreSQL and the local identity emulator, then pgentra against them.
try: release
	scripts/try-it

# The whole suite: unit tests, and the real binary beside the pinned psql 18.6 against PostgreSQL 15,
# 16, 17 and 18 and the emulator; then a short fuzzing pass. install-deps --test prints the
# references it compares against.
test:
	scripts/install-deps --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/fuzz --seconds 30

# libFuzzer over every parser of hostile input, FUZZ_SECONDS per target (Fuzz/README.md).
FUZZ_SECONDS ?= 300
fuzz:
	scripts/fuzz --seconds $(FUZZ_SECONDS)

# `make install PREFIX=/usr/local` (the default; DESTDIR for staging): the release binary, the man
# page and the bash, zsh and fish completions in the places those tools look. `install-files`
# installs without building, from INSTALL_BIN (the tests install a debug binary that way).
INSTALL ?= install
INSTALL_BIN ?= .build/release/pgentra
BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHCOMPDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

install: release
	$(MAKE) install-files

install-files:
	@test -x "$(INSTALL_BIN)" || { echo "$(INSTALL_BIN) is missing: run make release first" >&2; exit 1; }
	$(INSTALL) -d -m 0755 $(BINDIR) $(MAN1DIR) $(BASHCOMPDIR) $(ZSHCOMPDIR) $(FISHCOMPDIR)
	$(INSTALL) -m 0755 $(INSTALL_BIN) $(BINDIR)/pgentra
	$(INSTALL) -m 0644 man/pgentra.1 $(MAN1DIR)/pgentra.1
	$(INSTALL) -m 0644 completions/pgentra.bash $(BASHCOMPDIR)/pgentra
	$(INSTALL) -m 0644 completions/_pgentra $(ZSHCOMPDIR)/_pgentra
	$(INSTALL) -m 0644 completions/pgentra.fish $(FISHCOMPDIR)/pgentra.fish

uninstall:
	rm -f $(BINDIR)/pgentra $(MAN1DIR)/pgentra.1 $(BASHCOMPDIR)/pgentra $(ZSHCOMPDIR)/_pgentra \
	  $(FISHCOMPDIR)/pgentra.fish

# Side by side with the pinned reference psql (scripts/install-deps --test installs it).
bench: release
	scripts/install-deps --test
	scripts/bench-token
	scripts/bench-exec
	scripts/bench-longline
	scripts/bench-proxy
	scripts/bench-completion

clean:
	rm -rf .build
