# The README's two set-up commands: `make demo` and `make test`.
# `make demo` creates .venv with policylens and only what it needs to run;
# `make test` adds the test, lint and benchmark tools to the same .venv and
# installs the Debian packages the tests use (PostgreSQL, Chromium, a CJK
# font) when run as root.  Each install has its own stamp file, so `make test`
# after `make demo` upgrades the one environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast lint system-deps score clean

$(BIN)/.product: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed: $(BIN)/.product
	$(BIN)/python -m pip install --quiet -e '.[test,bench,lint]'
	touch $@

demo: $(BIN)/.product
	$(BIN)/policylens demo

system-deps:
	bash scripts/install-system-deps.sh

test: $(BIN)/.installed system-deps
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

# The quick check while working: no test marked slow (whole-corpus ingests and briefs, large
# Hypothesis runs, worker processes, the browser, Dask) and no PostgreSQL, on two workers
# (pytest-xdist); `make test` runs everything.
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not slow and not postgres" -n 2 -q

score: $(BIN)/.installed
	$(BIN)/python benchmarks/score_corpus.py

clean:
	rm -rf $(VENV) build *.egg-info policylens-demo.db*
