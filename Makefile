# pgentra's two everyday commands are `make try` and `make test` (see README.md).
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: deps build release try test bench clean

deps:
	scripts/install-deps

build: deps
	$(SWIFT) build

# libstdc++, which the Swift runtime needs, is linked statically as well: loading the shared one
# costs about a millisecond of every start (docs/benchmarks.md). swiftc asks for -lstdc++, so a
# directory holding only the static archive goes first on the library path.
STATIC_CXX_DIR := $(CURDIR)/.build-static-cxx
LIBSTDCXX := $(shell g++ -print-file-name=libstdc++.a 2>/dev/null)
RELEASE_FLAGS := -c release --static-swift-stdlib $(if $(filter /%,$(LIBSTDCXX)),-Xlinker -L$(STATIC_CXX_DIR))

# Products only: TestSupport imports Testing, which release builds do not have.
release: deps
	@if [ -f "$(LIBSTDCXX)" ]; then mkdir -p $(STATIC_CXX_DIR) && ln -sf $(LIBSTDCXX) $(STATIC_CXX_DIR)/libstdc++.a; fi
	$(SWIFT) build $(RELEASE_FLAGS) --product pgentra
	$(SWIFT) build $(RELEASE_FLAGS) --product entra-emulator

# A throwaway PostgreSQL and the local identity emulator, then pgentra against them.
try: release
	scripts/try-it

# The whole suite: unit tests and the real binary against PostgreSQL 15 and the emulator.
test:
	scripts/install-deps --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	scripts/bench-token
	scripts/bench-exec

clean:
	rm -rf .build
