"""Shared fixtures. Plots use the non-interactive Agg backend."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _chromium() -> str | None:
    """$CXLAB_CHROMIUM, or the first Chromium / Chrome on PATH."""
    explicit = os.environ.get("CXLAB_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


@pytest.fixture
def chromium() -> str:
    """The browser of the browser tests (test_browser, test_report_browser), or a skip."""
    path = _chromium()
    if path is None:
        pytest.skip(
            "no Chromium found (looked for $CXLAB_CHROMIUM and "
            f"{', '.join(CHROMIUM_NAMES)} on PATH); install Debian's: apt-get install -y chromium"
        )
    return path
