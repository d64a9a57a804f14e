# Fusion Console — build, demo and tests on a Debian machine.
#   make demo    install what is missing, build, open the console on a demo factory
#   make test    install what is missing, build, run every test (unit, command line, terminal, registry,
#                the store suite again on a throwaway PostgreSQL cluster)
#   make bench   release build and the performance benchmark (not part of make test)
#   make man     the man page, generated from the command definitions, in $(SCRATCH)/man (make install puts it away)
#   make completions   bash, zsh and fish completions, generated from the command definitions, in $(SCRATCH)/completions
#   make install  the binary, its man page and completions under PREFIX (default /usr/local)
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
PREFIX          ?= /usr/local

.PHONY: all deps build demo test unit-test e2e-test bench clean fuzz man completions install

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

man: deps
	@mkdir -p $(SCRATCH)/man
	$(SWIFT) package --scratch-path $(SCRATCH) plugin --allow-writing-to-directory $(SCRATCH)/man \
		generate-manual --output-directory $(SCRATCH)/man
	@echo "man page: $(SCRATCH)/man/fusion-console.1   (read it: man -l $(SCRATCH)/man/fusion-console.1)"

completions: build
	@mkdir -p $(SCRATCH)/completions
	$(BIN) --generate-completion-script bash > $(SCRATCH)/completions/fusion-console.bash
	$(BIN) --generate-completion-script zsh > $(SCRATCH)/completions/_fusion-console
	$(BIN) --generate-completion-script fish > $(SCRATCH)/completions/fusion-console.fish
	@echo "completions: $(SCRATCH)/completions (bash: source fusion-console.bash)"

install: build man completions
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/fusion-console
	install -D -m 0644 $(SCRATCH)/man/fusion-console.1 $(DESTDIR)$(PREFIX)/share/man/man1/fusion-console.1
	install -D -m 0644 $(SCRATCH)/completions/fusion-console.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/fusion-console
	install -D -m 0644 $(SCRATCH)/completions/_fusion-console $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_fusion-console
	install -D -m 0644 $(SCRATCH)/completions/fusion-console.fish \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/fusion-console.fish
