# The README's two set-up commands: `make demo` and `make test`.
# Both create .venv with everything policylens needs; `make test` also
# installs the Debian packages the tests use (PostgreSQL, Chromium) when run as root.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast system-deps score bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/policylens demo

system-deps:
	bash scripts/install-system-deps.sh

test: $(BIN)/.installed system-deps
	$(BIN)/python -m pytest

test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not slow"

score: $(BIN)/.installed
	$(BIN)/python benchmarks/score_corpus.py

clean:
	rm -rf $(VENV) build *.egg-info policylens-demo.db*
