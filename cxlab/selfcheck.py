"""Install self-check: is everything a lesson needs present and working?

Lesson 00 runs it; so can anyone who reports a problem (``python -c "import cxlab
as cx; print(cx.self_check())"``).

Examples
--------
>>> import cxlab as cx
>>> report = cx.self_check()
>>> report.ok
True
"""

from __future__ import annotations

import importlib.metadata as md
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SelfCheck", "self_check"]


def _requirements() -> list:
    """cxlab's runtime requirements, as installed (no extras)."""
    from packaging.requirements import Requirement

    reqs = [Requirement(r) for r in md.requires("cxlab") or []]
    return [r for r in reqs if r.marker is None or r.marker.evaluate({"extra": ""})]


@dataclass
class SelfCheck:
    """Result of :func:`self_check`: one row per check (name, detail, ok). No ``plot()``:
    a list of passed and failed checks has nothing to draw."""

    rows: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(ok for _, _, ok in self.rows)

    def summary(self) -> str:
        """One line: all passed, or which checks failed.

        Examples
        --------
        >>> from cxlab.selfcheck import SelfCheck
        >>> report = SelfCheck([("python", "3.11.7 (need ≥ 3.11)", True),
        ...                     ("mplfonts", "missing — run `make lab`", False)])
        >>> report.summary()
        '1 of 2 checks failed: mplfonts.'
        """
        failed = [name for name, _, ok in self.rows if not ok]
        if not failed:
            return "All checks passed."
        return f"{len(failed)} of {len(self.rows)} checks failed: {', '.join(failed)}."

    def to_frame(self) -> pd.DataFrame:
        """The checks as a DataFrame (check, detail, ok).

        Examples
        --------
        >>> from cxlab.selfcheck import SelfCheck
        >>> report = SelfCheck([("python", "3.11.7 (need ≥ 3.11)", True),
        ...                     ("mplfonts", "missing — run `make lab`", False)])
        >>> report.to_frame().loc[~report.to_frame()["ok"], "check"].tolist()
        ['mplfonts']
        """
        import pandas as pd

        return pd.DataFrame(self.rows, columns=["check", "detail", "ok"])

    def _repr_html_(self) -> str:
        from html import escape

        return f"<p><b>{escape(self.summary())}</b></p>" + self.to_frame().to_html(index=False)

    def __repr__(self) -> str:
        lines = [f"{'✓' if ok else '✗'} {name:<22} {detail}" for name, detail, ok in self.rows]
        return "\n".join([*lines, self.summary()])


def self_check() -> SelfCheck:
    """Check Python, the required packages, the datasets and the Chinese font.

    Examples
    --------
    >>> import cxlab as cx
    >>> report = cx.self_check()
    >>> report.summary()
    'All checks passed.'
    >>> sorted({"python", "datasets", "chinese font"} & set(report.to_frame()["check"]))
    ['chinese font', 'datasets', 'python']
    """
    report = SelfCheck()
    py = sys.version.split()[0]
    report.rows.append(("python", f"{py} (need ≥ 3.11)", sys.version_info >= (3, 11)))
    for req in _requirements():
        try:
            version = md.version(req.name)
        except md.PackageNotFoundError:
            report.rows.append((req.name, f"missing — run `make lab` or pip install {req}", False))
            continue
        ok = req.specifier.contains(version, prereleases=True)
        report.rows.append((req.name, f"{version} (need {req.specifier})", ok))
    from cxlab import datasets
    from cxlab.errors import CxlabError

    names = []
    try:
        names = list(datasets.list_datasets()["name"])
        for name in names:
            datasets.load(name)
        report.rows.append(("datasets", f"{len(names)} datasets load and match their hashes", True))
    except CxlabError as exc:
        report.rows.append(("datasets", str(exc), False))
    from cxlab import viz

    font = viz.register_cjk_font()
    report.rows.append(
        ("chinese font", font or "none found — pip install mplfonts", font is not None)
    )
    return report
