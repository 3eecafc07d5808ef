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
# `make present LANG=zh` serves the Chinese dashboard (it has an English / 中文 switch too)
DASHBOARD = $(if $(filter zh,$(LAB_LANG)),notebooks/zh/instructor/dashboard.ipynb,notebooks/instructor/dashboard.ipynb)
PYTEST_WORKERS ?= 2
# The tested set of versions (a pip constraints file written by `make lock` from a passing
# run). Library users keep pyproject.toml's lower bounds; `make lab` / `make test` install
# exactly this set; `make lock` refreshes it (README, "For developers").
CONSTRAINTS ?= requirements/constraints.txt
CONSTRAINT_FLAG := $(if $(wildcard $(CONSTRAINTS)),-c $(CONSTRAINTS),)
# Another OpenBLAS kernel and one thread for `make test-portable`: checked notebook outputs
# must not depend on the CPU. Prescott on x86-64, the generic ARMV8 kernel on arm64.
PORTABLE_CORETYPE ?= $(if $(filter aarch64 arm64,$(shell uname -m)),ARMV8,Prescott)
LOCK_VENV ?= .venv-lock

.PHONY: help install lab present test test-portable lint unit notebooks bench book run-notebooks lock clean

help:
	@echo "make lab    - open JupyterLab on notebooks/00_start_here.ipynb (make lab LANG=zh: 中文版)"
	@echo "make present - serve the instructor dashboard with Voila (http://localhost:8866; LANG=zh: 中文)"
	@echo "make test   - ruff, unit tests, and every notebook under nbval"
	@echo "make test-portable - the notebooks again under another BLAS kernel and one thread"
	@echo "make lock   - refresh requirements/constraints.txt: newest versions, full test, freeze"
	@echo "make bench  - speed and scale measurements (benchmarks/)"
	@echo "make book   - the course website, English and 中文, into _build/book/html (offline)"
	@echo "make run-notebooks - re-execute the notebooks in place (refresh outputs)"

$(STAMP): pyproject.toml $(wildcard $(CONSTRAINTS))
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) --quiet --upgrade pip
	$(BIN)/python -m pip install $(PIP_FLAGS) --quiet $(CONSTRAINT_FLAG) -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# `make lab LANG=zh` opens the Chinese edition (notebooks/zh/); jupyter then runs with a
# zh_CN.UTF-8 locale rather than the bare value "zh".
LAB_LANG := $(if $(filter zh zh_CN zh-CN zh_CN.UTF-8 zh_CN.utf8,$(LANG)),zh,en)
START_PAGE := $(if $(filter zh,$(LAB_LANG)),notebooks/zh/00_start_here.ipynb,notebooks/00_start_here.ipynb)

lab: $(STAMP)
	$(if $(filter zh,$(LAB_LANG)),LANG=zh_CN.UTF-8) $(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) $(START_PAGE)

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

# Checked outputs must be the same on every CPU: run the notebooks once more under another
# OpenBLAS kernel with one thread (scripts/blas_kernel.py says which kernel ran).
test-portable: $(STAMP)
	OPENBLAS_CORETYPE=$(PORTABLE_CORETYPE) OPENBLAS_NUM_THREADS=1 $(BIN)/python scripts/blas_kernel.py
	OPENBLAS_CORETYPE=$(PORTABLE_CORETYPE) OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest \
		--nbval-lax --nbval-current-env -n $(PYTEST_WORKERS) --dist loadscope notebooks/

# Refresh the tested version set: a fresh venv with the newest versions pyproject.toml allows,
# the whole test suite, and only if it passes, its `pip freeze` becomes the constraints file.
lock:
	rm -rf $(LOCK_VENV)
	$(MAKE) --no-print-directory test VENV=$(LOCK_VENV) CONSTRAINTS=
	$(MAKE) --no-print-directory test-portable VENV=$(LOCK_VENV) CONSTRAINTS=
	$(LOCK_VENV)/bin/python scripts/freeze_constraints.py $(CONSTRAINTS)
	rm -rf $(LOCK_VENV)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The course website from the committed notebooks (nothing is executed or downloaded):
# _build/book/html/index.html, with en/ and zh/ (scripts/build_book.py, book/conf.py).
book: $(STAMP)
	$(BIN)/python scripts/build_book.py --out _build/book

run-notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

clean:
	rm -rf $(VENV) $(LOCK_VENV) build dist *.egg-info .pytest_cache .ruff_cache _build
