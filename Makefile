# Fusion Console — build, demo and tests on a Debian machine.
#   make demo    install what is missing, build, open the console on a demo factory
#   make test    install what is missing, build, run every test (unit, command line, terminal, registry)
#   make bench   release build and the performance benchmark (not part of make test)

SWIFT        ?= swift
SCRATCH      ?= .build
CONFIG       ?= debug
BIN          := $(SCRATCH)/$(CONFIG)/fusion-console
DEMO_STORE   ?= $(or $(XDG_STATE_HOME),$(HOME)/.local/state)/fusion-console/demo.sqlite
SYSTEM_PACKAGES := libncursesw5-dev libsqlite3-dev libcurl4-openssl-dev libpq-dev pkg-config ca-certificates openssl
TEST_PACKAGES   := tmux

.PHONY: all deps build demo test unit-test e2e-test bench clean

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
