# Sluice: every target does its own set-up on a fresh Debian 12 machine.
#   make run          the console on the sample workspace
#   make run-gateway  the sample workspace served by the headless gateway
#   make test   dependencies, configure, build, every test (CI runs this)
#   make package      the .deb and .tar.gz (CPack) in build/
#   make screenshots  docs/screenshots/<page>.png from the real console, offscreen
PRESET ?= default
BUILD_DIR := build
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 10
FUZZ_TIME ?= 300

.PHONY: all deps configure build test test-unit run run-gateway package screenshots format test-asan fuzz fuzz-smoke fuzz-run bench clean

all: build

deps:
	@sh packaging/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

# The tests mostly wait on sockets and processes: the fuzz targets build
# meanwhile, at a lower priority than the tests (their log in
# build-fuzz/build.log, shown when that build fails), then each fuzzes briefly.
test: build
	@cmake --preset fuzz >/dev/null
	@{ nice -n 15 cmake --build --preset fuzz --target fuzzers -j $(JOBS) > build-fuzz/build.log 2>&1; echo $$? > build-fuzz/build.rc; } & \
		ctest --preset $(PRESET) --output-on-failure; tests=$$?; wait; \
		if [ "$$(cat build-fuzz/build.rc)" != 0 ]; then cat build-fuzz/build.log; exit 1; fi; exit $$tests
	@$(MAKE) --no-print-directory fuzz-run

test-unit: build
	@ctest --preset $(PRESET) -L unit --output-on-failure

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --preset asan --output-on-failure

# libFuzzer targets, each run briefly so that a crash fails CI.
fuzz-smoke: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz --target fuzzers -j $(JOBS)
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --test-dir build-fuzz -L fuzz -j 2 --output-on-failure

# make fuzz FUZZ_TIME=3600: every fuzz target for as long as asked.
fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz --target fuzzers -j $(JOBS)
	@FUZZ_SECONDS=$(FUZZ_TIME) ctest --test-dir build-fuzz -L fuzz -j 2 --output-on-failure

run: build
	@sh packaging/run-console.sh $(BUILD_DIR)/bin

run-gateway: build
	@sh packaging/run-sample.sh $(BUILD_DIR)/bin

package: build
	@cmake --build --preset $(PRESET) --target package

screenshots: build
	@sh packaging/screenshots.sh $(BUILD_DIR)/bin docs/screenshots

bench: build
	@cmake --build --preset $(PRESET) --target bench

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build build-asan build-fuzz
