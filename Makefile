# presswatch: every target sets up its own virtual environment first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.presswatch-installed

.PHONY: setup demo run test test-fast lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

## Offline end to end on the bundled sample outlets (embedded SQLite store in ./data).
demo: setup
	$(BIN)/presswatch demo

## One nightly run over the catalogue (PRESSWATCH_* settings apply).
run: setup
	$(BIN)/presswatch run

## Every test suite, slow ones included.
test: setup
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff check presswatch crawlers nlp index alerts dags tests bench
	$(BIN)/mypy presswatch crawlers nlp index alerts

bench: setup
	$(BIN)/python bench/nlp.py
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache *.egg-info
