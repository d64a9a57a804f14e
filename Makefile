# Fusion Console — build, demo and tests on a Debian machine.
#   make demo    install what is missing, build, open the console on a demo factory
#   make test    install what is missing, build, run every test (unit, command line, terminal, registry,
#                the store suite again on a throwaway PostgreSQL cluster)
#   make bench   release build and the performance benchmark (not part of make test)
#   make fuzz    the property tests of the sanitiser and the registry decoders with FUZZ_SCALE times more cases,
#                then libFuzzer on the sanitiser for FUZZ_SECONDS (not part of make test)

SWIFT        ?= swift
SCRATCH      ?= .build
CONFIG       ?= debug
BIN          := $(SCRATCH)/$(CONFIG)/fusion-console
DEMO_STORE   ?= $(or $(XDG_STATE_HOME),$(HOME)/.local/state)/fusion-console/demo.sqlite
SYSTEM_PACKAGES := libncursesw5-dev libsqlite3-dev libcurl4-openssl-dev libpq-dev pkg-config ca-certificates openssl
TEST_PACKAGES   := tmux postgresql
FUZZ_SCALE      ?= 100
FUZZ_SECONDS    ?= 60
BENCH_SCRATCH   ?= .build-release
BENCH_PACKAGES  := htop btop python3-pyte

.PHONY: all deps build demo test unit-test e2e-test bench clean fuzz

all: build

deps:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

build: deps
	$(SWIFT) build --scratch-path $(SCRATCH) -c $(CONFIG) --product fusion-console

demo: build
	@$(BIN) demo --store "$(DEMO_STORE)"

test: deps
	@scripts/install-system-packages.sh $(TEST_PACKAGES)
	$(SWIFT) build --scratch-path $(SCRATCH) --build-tests
	$(SWIFT) test --scratch-path $(SCRATCH) --skip-build --no-parallel
	@Tests/scripts/run-e2e.sh "$(SCRATCH)"

clean:
	rm -rf $(SCRATCH)

fuzz: deps
	$(SWIFT) build --scratch-path $(SCRATCH) --build-tests
	FUSION_FUZZ_SCALE=$(FUZZ_SCALE) $(SWIFT) test --scratch-path $(SCRATCH) --skip-build \
		--filter 'SanitizerPropertyTests|DecoderPropertyTests'
	@Tests/scripts/fuzz-sanitizer.sh "$(SCRATCH)" $(FUZZ_SECONDS)

bench: deps
	@scripts/install-system-packages.sh $(BENCH_PACKAGES)
	$(SWIFT) build --scratch-path $(BENCH_SCRATCH) -c release --product fusion-console
	@bench/run.sh "$(BENCH_SCRATCH)/release/fusion-console"
