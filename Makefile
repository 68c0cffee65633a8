# boras-intl — the front door. `make help` lists the targets.
# Set-up is idempotent: the virtual environment is rebuilt only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
YEAR   ?= 2025
LANG_  ?= sv
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help setup report test test-fast lint lab bench browser-deps mutate clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@# pytest-notebook -> nbdime -> jupyter-server -> jupyter-events pulls rfc3987-syntax, which
	@# costs every papermill/nbconvert import ~1.7 s; jsonschema only loses its `iri` format check.
	$(PY) -m pip uninstall --quiet -y rfc3987-syntax
	$(PY) -m pip check
	touch $@

setup: $(STAMP)  ## Create .venv and install the toolkit with its test tools

report: $(STAMP)  ## Write the yearly report from the bundled example register
	$(BIN)/boras-intl report --year $(YEAR) --lang $(LANG_)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

browser-deps: node_modules/.installed  ## Install Chromium (Debian) and axe-core (npm) for browser tests
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || { echo "Could not install chromium with apt-get."; exit 1; }; \
	  else \
	    echo "The browser tests need Debian's chromium at $(CHROMIUM)."; \
	    echo "Install it with: sudo apt-get install chromium   (or run: make test-fast)"; \
	    exit 1; \
	  fi; \
	fi

test: $(STAMP) browser-deps  ## Run the whole test suite, browser tests included
	$(PY) -m pytest

test-fast: $(STAMP)  ## Run the tests that start no kernel and no browser (under 2 minutes)
	$(PY) -m pytest -m "not browser and not notebook and not slow"

lint: $(STAMP)  ## ruff lint and format check
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: $(STAMP)  ## Run the benchmark scripts (they print figures)
	for f in benchmarks/bench_*.py; do $(PY) $$f || exit 1; done

lab: $(STAMP)  ## Open JupyterLab on the project's environment with the exploration notebook
	$(PY) -m pip install --quiet -e '.[test,lab]'
	@# jupyterlab pulls rfc3987-syntax again: remove it (see the setup recipe)
	$(PY) -m pip uninstall --quiet -y rfc3987-syntax
	$(BIN)/jupyter lab notebooks/explore.ipynb $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# Mutation testing (docs/testing.md): mutmut mutates the files named under [tool.mutmut] in
# pyproject.toml one change at a time and runs the fast tests that reach each change. Slow
# (an hour or more on two cores); not part of `make test`. Survivors: `$(BIN)/mutmut results`.
mutate: $(STAMP)  ## Mutation testing of the core logic with the fast tests (slow; docs/testing.md)
	$(PY) -m pip install --quiet -e '.[mutate]'
	$(BIN)/mutmut run --max-children $${MUTATE_JOBS:-2}
	$(BIN)/mutmut results

clean:  ## Remove the environment and build products
	rm -rf $(VENV) node_modules reports/*/ .pytest_cache mutants
