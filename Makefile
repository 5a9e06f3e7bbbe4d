# pgentra's two everyday commands are `make try` and `make test` (see README.md).
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: deps build release try test bench clean

deps:
	scripts/install-deps

build: deps
	$(SWIFT) build

# Products only: TestSupport imports Testing, which release builds do not have.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product pgentra
	$(SWIFT) build -c release --static-swift-stdlib --product entra-emulator

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
