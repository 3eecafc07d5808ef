"""Root fixtures for every test item: the unit tests under ``tests/`` and the doctests in
``cxlab/`` (a ``tests/conftest.py`` fixture would not reach the doctests)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_notebook_language():
    """Start every test in English. ``cx.viz.set_theme(lang="zh")`` sets a process-wide
    language that later text without ``lang=`` follows; under ``pytest -n`` the tests a
    worker runs before another differ from run to run, so a Chinese theme left behind
    by one test must not reach the next."""
    import cxlab.viz

    if cxlab.viz.language() != "en":
        cxlab.viz.set_theme()
    yield
