# cxlab — the two commands: `make lab` and `make test` (instructors: `make present`).
# Both create .venv with the machine's python3 when it is missing and install the
# project into it; the install is redone only when pyproject.toml changes.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.cxlab-installed
PIP_FLAGS ?= --disable-pip-version-check --no-input
# JupyterLab refuses to run as root unless told to (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_ARGS ?=
# `make present PRESENT_ARGS="--port=9000 --Voila.ip=0.0.0.0 --no-browser"`: another port, the
# room's network, no browser (Voila's own server: no token, no root check).
PRESENT_ARGS ?=
DASHBOARD := notebooks/instructor/dashboard.ipynb
PYTEST_WORKERS ?= 2

.PHONY: help install lab present test lint unit notebooks bench run-notebooks clean

help:
	@echo "make lab    - open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make present - serve the instructor dashboard with Voila (http://localhost:8866)"
	@echo "make test   - ruff, unit tests, and every notebook under nbval"
	@echo "make bench  - speed and scale measurements (benchmarks/)"
	@echo "make run-notebooks - re-execute the notebooks in place (refresh outputs)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) --quiet --upgrade pip
	$(BIN)/python -m pip install $(PIP_FLAGS) --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks/00_start_here.ipynb

present: $(STAMP)
	$(BIN)/voila $(PRESENT_ARGS) $(DASHBOARD)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/python -m pytest tests/ cxlab/ -n $(PYTEST_WORKERS)

notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval-lax --nbval-current-env \
		-n $(PYTEST_WORKERS) --dist loadscope notebooks/

test: lint unit notebooks

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

run-notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
