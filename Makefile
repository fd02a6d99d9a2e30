# The two commands a newcomer needs: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
VENDOR := src/aseankg/web/static/vendor

.PHONY: serve test bench install install-test assets build clean

# Builds (one line when the graph is up to date), then serves on $AKG_HOST:$AKG_PORT (default
# 127.0.0.1:8000). A build that fails leaves the graph built before it serving, as it says.
serve: install assets
	@$(BIN)/aseankg build || [ $$? -eq 2 ] || echo "make serve: the build failed (above); serving the graph built before it, if any" >&2
	@$(BIN)/aseankg serve

test: install-test assets
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The benchmarks (20-30 min on 2 cores; results in bench/results/). A smoke run: make bench BENCH_ARGS=--quick
bench: install-test assets
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

build: install
	$(BIN)/aseankg build

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

# Browser assets (SPARQL editor, graph view, API docs) come from the npm registry, never from git;
# they are static files, so no package install script is run.
assets: $(VENDOR)/.stamp

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

$(VENDOR)/.stamp: node_modules/.package-lock.json scripts/vendor-assets.sh
	bash scripts/vendor-assets.sh node_modules $(VENDOR)
	@touch $@

clean:
	rm -rf var node_modules $(VENDOR)
