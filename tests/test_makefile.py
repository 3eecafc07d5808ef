"""The Makefile creates .venv when missing and installs once: a second `make` with
nothing changed does not reinstall; a changed pyproject.toml does.

A fake `python3` records what make asks of it, so the test needs no network."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

CONSTRAINTS = "requirements/constraints.txt"

FAKE_PY = """#!/bin/sh
# fake python: log the call; `-m venv DIR` makes DIR/bin/python (this same script)
echo "$@" >> "$FAKE_LOG"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && chmod +x "$3/bin/python"
fi
"""


@pytest.fixture
def sandbox(tmp_path, root):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shutil.copy(root / "Makefile", tmp_path / "Makefile")
    shutil.copy(root / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "requirements").mkdir()
    shutil.copy(root / CONSTRAINTS, tmp_path / CONSTRAINTS)
    fake = tmp_path / "fakepython3"
    fake.write_text(FAKE_PY)
    fake.chmod(0o755)
    log = tmp_path / "calls.log"
    env = {**os.environ, "FAKE_LOG": str(log)}

    def make(*targets: str) -> list[str]:
        log.write_text("")
        subprocess.run(
            ["make", "--no-print-directory", f"PY={fake}", *targets],
            cwd=tmp_path,
            env=env,
            check=True,
            capture_output=True,
        )
        return log.read_text().splitlines()

    return tmp_path, make


def test_first_run_creates_venv_and_installs(sandbox):
    folder, make = sandbox
    calls = make("install")
    assert calls[0] == "-m venv .venv"
    assert any("install" in c and "-e .[dev]" in c for c in calls)
    assert (folder / ".venv" / ".cxlab-installed").exists()


def test_install_uses_the_tested_version_set(sandbox):
    _, make = sandbox
    calls = make("install")
    assert any(f"-c {CONSTRAINTS}" in c and "-e .[dev]" in c for c in calls)


def test_changed_constraints_reinstall(sandbox):
    folder, make = sandbox
    make("install")
    later = time.time() + 2
    os.utime(folder / CONSTRAINTS, (later, later))
    calls = make("install")
    assert any(f"-c {CONSTRAINTS}" in c for c in calls)


def test_constraints_pin_the_core_libraries(root):
    pins = dict(
        line.split("==", 1)
        for line in (root / CONSTRAINTS).read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    for name in ("numpy", "scipy", "pandas", "pingouin", "semopy", "nbval", "pytest"):
        assert name in pins, f"{name} is not pinned in {CONSTRAINTS}"
    assert "cxlab" not in pins


def test_lock_refreshes_only_after_a_passing_run(root):
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", "lock"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    steps = out.splitlines()
    test_step = next(i for i, s in enumerate(steps) if " test VENV=" in s and "CONSTRAINTS=" in s)
    freeze_step = next(i for i, s in enumerate(steps) if "freeze_constraints.py" in s)
    assert test_step < freeze_step


def test_portable_run_changes_the_blas_kernel(root):
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", "test-portable"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "OPENBLAS_CORETYPE=" in out and "OPENBLAS_NUM_THREADS=1" in out
    assert "--nbval-lax" in out and "blas_kernel.py" in out


def test_second_run_does_not_reinstall(sandbox):
    _, make = sandbox
    make("install")
    assert make("install") == []


def test_changed_pyproject_reinstalls_without_new_venv(sandbox):
    folder, make = sandbox
    make("install")
    time.sleep(0.01)
    later = time.time() + 2
    os.utime(folder / "pyproject.toml", (later, later))
    calls = make("install")
    assert calls and not any("venv" in c for c in calls)
    assert any("-e .[dev]" in c for c in calls)


def test_test_target_runs_ruff_unit_tests_and_nbval(root):
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", "test"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ruff check" in out
    assert "pytest tests/" in out
    assert "--nbval-lax --nbval-current-env" in out and "notebooks/" in out


def test_ci_calls_the_readme_test_command(root):
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in readme
    assert "set -euo pipefail" in ci


@pytest.mark.parametrize(
    ("lang", "page"),
    [("C.UTF-8", "notebooks/instructor/dashboard.ipynb"),
     ("zh", "notebooks/zh/instructor/dashboard.ipynb")],
)  # fmt: skip
def test_present_serves_the_dashboard_with_voila(root, lang, page):
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", "present", f"LANG={lang}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ".venv/bin/voila" in out and out.split()[-1] == page
    assert (root / page).is_file()


def test_help_lists_every_documented_target(root):
    out = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=root, capture_output=True, text=True
    ).stdout
    for target in ("lab", "present", "test", "test-portable", "lock", "bench", "run-notebooks"):
        assert f"make {target}" in out
