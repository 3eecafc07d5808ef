"""Where cxlab finds its bundled folders (datasets, notebooks).

In a source checkout (``pip install -e .``) they are the repository's top-level
``datasets/`` and ``notebooks/``; in a built wheel they are installed inside the
package as ``cxlab/_datasets`` and ``cxlab/_notebooks`` (see ``package-dir`` in
``pyproject.toml``). The wheel copy wins when both exist.
"""

from __future__ import annotations

from pathlib import Path

from cxlab.errors import DataError

_PACKAGE = Path(__file__).resolve().parent
_MARKERS = {"datasets": "datapackage.json", "notebooks": "00_start_here.ipynb"}


def resource_dir(kind: str) -> Path:
    """Return the folder holding cxlab's bundled ``datasets`` or ``notebooks``."""
    marker = _MARKERS[kind]
    for candidate in (_PACKAGE / f"_{kind}", _PACKAGE.parent / kind):
        if (candidate / marker).is_file():
            return candidate
    raise DataError(
        f"cxlab cannot find its bundled {kind} folder (looked for {marker} in "
        f"{_PACKAGE / ('_' + kind)} and {_PACKAGE.parent / kind}). The installation is "
        "incomplete: reinstall cxlab (`pip install --force-reinstall cxlab`, or "
        "`make lab` in a clone of the repository)."
    )
