"""First use stays light (issue 24): ``import cxlab; cx.sem.fit(...)`` in a fresh
interpreter must not import the slow libraries it does not need. A structural check
(which modules are loaded), never a timing: the seconds are in benchmarks/bench_import.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SLOW = ("scipy.stats", "scipy.optimize", "matplotlib", "joblib", "tqdm", "semopy")


def _loaded_after(code: str) -> dict[str, bool]:
    """Which of SLOW a fresh interpreter has in ``sys.modules`` after running *code*."""
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {SLOW!r}}}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


FIRST_FIT = (
    "import cxlab as cx\n"
    "hs = cx.datasets.load('holzinger_swineford')\n"
    "fit = cx.sem.fit('visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6', hs)\n"
    "fit.estimates(); fit.fit_indices(); fit.standardized_solution(); fit.summary()\n"
)


def test_first_sem_fit_imports_no_slow_library():
    loaded = _loaded_after(FIRST_FIT)
    assert not any(loaded.values()), [name for name, is_loaded in loaded.items() if is_loaded]


@pytest.mark.parametrize("extra", ["estimator='MLR'", "group='school'"])
def test_robust_and_multigroup_fits_import_no_slow_library(extra):
    code = FIRST_FIT.replace(", hs)", f", hs, {extra})")
    loaded = _loaded_after(code)
    assert not any(loaded.values()), [name for name, is_loaded in loaded.items() if is_loaded]


def test_the_probe_sees_a_loaded_library():
    # the check can fail: bootstrapping loads scipy.stats
    code = FIRST_FIT + "fit.bootstrap(B=20, seed=1, n_jobs=1, progress=False)\n"
    assert _loaded_after(code)["scipy.stats"]


def test_lazy_face_keeps_names_and_functions():
    code = (
        "import cxlab.sem as sem\n"
        "import cxlab.sem.bootstrap, cxlab.sem.growth\n"  # modules named like their functions
        "from cxlab.sem import BootstrapResult, fit, invariance\n"
        "assert callable(sem.bootstrap) and callable(sem.growth), (sem.bootstrap, sem.growth)\n"
        "assert set(sem.__all__) <= set(dir(sem))\n"
        "assert all(getattr(sem, name) is not None for name in sem.__all__)\n"
        "assert sem.robust.__name__ == 'cxlab.sem.robust'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        import cxlab.sem

        _ = cxlab.sem.nothing
