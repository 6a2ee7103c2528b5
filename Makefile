# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# The local default answers this machine only; ADDRESS=0.0.0.0 lets the network in.
ADDRESS ?= 127.0.0.1

.PHONY: run test test-fast lint format bench demo-data screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/python -m ui.serve --server.address $(ADDRESS) --server.port $(PORT) --server.headless true

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The store's tests run on SQLite and, when Debian's postgresql is installed, on a throwaway
# PostgreSQL cluster on 127.0.0.1 (tests/with-postgres.sh); without it their PostgreSQL half
# skips and says so.
test: lint
	bash tests/with-postgres.sh $(BIN)/python -m pytest

# The inner loop: everything but the slow and the browser tests, on every core.
test-fast: lint
	$(BIN)/python -m pytest -n auto -m "not slow and not e2e" --ignore=tests/e2e

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.installed-dev
	bash tests/with-postgres.sh $(BIN)/python -m bench

# Retake the README's screenshots with the end-to-end browser test.
screenshots: $(VENV)/.installed-dev
	MOT_SCREENSHOTS=docs $(BIN)/python -m pytest tests/e2e -q

demo-data: $(VENV)/.installed-run
	$(BIN)/python data/generate_demo.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
