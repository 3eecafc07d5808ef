"""cxlab — customer experience management and loyalty, in a Jupyter workbook.

``import cxlab as cx`` is fast: submodules (and pandas, matplotlib, semopy behind
them) load on first use, e.g. ``cx.datasets.load("ecsi_mobile")``.

Examples
--------
>>> import cxlab as cx
>>> cx.datasets.load("ecsi_mobile").shape
(250, 24)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"


def _submodules() -> set[str]:
    """Public submodules (every ``cxlab/<name>.py`` or package not starting with _)."""
    import pkgutil

    return {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}


_SUBMODULES = _submodules()

if TYPE_CHECKING:  # pragma: no cover
    from cxlab import datasets, errors, exercises, viz
    from cxlab.exercises import check, self_assessment
    from cxlab.selfcheck import self_check

__all__ = [
    "__version__",
    "check",
    "datasets",
    "errors",
    "exercises",
    "self_assessment",
    "self_check",
    "viz",
]


# Old module names kept for one release (each use warns): name -> (new module, advice).
_MOVED = {
    "validity": (
        "cxlab.psychometrics.validity",
        "use cx.psychometrics.cfa / discriminant_validity / common_method_check",
    ),
    "invariance": ("cxlab.sem", "use cx.sem.invariance(...)"),
}


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        import warnings

        target, advice = _MOVED[name]
        warnings.warn(
            f"cx.{name} moved in cxlab 0.2 and this name will be removed in 0.3: {advice}.",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(target)
    if name in _SUBMODULES:
        module = importlib.import_module(f"cxlab.{name}")
        globals()[name] = module
        return module
    if name == "check":
        from cxlab.exercises import check

        return check
    if name == "self_assessment":
        from cxlab.exercises import self_assessment

        return self_assessment
    if name == "self_check":
        from cxlab.selfcheck import self_check

        return self_check
    raise AttributeError(f"module 'cxlab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SUBMODULES | {"check", "self_check"})
