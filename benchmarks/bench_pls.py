"""PLS-PM bootstrap speed against seminr in the same run.

B = 1000 bootstrap of the ECSI model (mode A, path scheme) on ``ecsi_mobile`` with
cx.pls (one thread and all cores) and, when the PyPI package ``seminr`` (0.2.1) is
installed, with ``seminr.bootstrap_model(fit, nboot=1000, seed=1)`` — the same draws, so
the two give the same SEs. Target: cxlab ≤ 0.05 × seminr's time. Without seminr the
seminr row is skipped (it is a reference tool, never a cxlab dependency).
"""

from __future__ import annotations

import time

import cxlab as cx

BLOCKS = {
    "Image": [f"IMAG{i}" for i in range(1, 6)],
    "Expectation": [f"CUEX{i}" for i in range(1, 4)],
    "Quality": [f"PERQ{i}" for i in range(1, 8)],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": [f"CUSA{i}" for i in range(1, 4)],
    "Loyalty": [f"CUSL{i}" for i in range(1, 4)],
}
PATHS = [
    ("Image", "Expectation"),
    ("Expectation", "Quality"),
    ("Expectation", "Value"),
    ("Quality", "Value"),
    ("Image", "Satisfaction"),
    ("Expectation", "Satisfaction"),
    ("Quality", "Satisfaction"),
    ("Value", "Satisfaction"),
    ("Image", "Loyalty"),
    ("Satisfaction", "Loyalty"),
]


def _seminr_seconds(data, B: int) -> tuple[float, float] | None:
    try:
        import seminr as sm
    except ImportError:
        return None
    mm = sm.constructs(*(sm.composite(c, items, weights=sm.mode_A) for c, items in BLOCKS.items()))
    structural = sm.relationships(*(sm.paths(from_=a, to=b) for a, b in PATHS))
    fit = sm.estimate_pls(data, mm, structural)
    start = time.perf_counter()
    boot = sm.bootstrap_model(fit, nboot=B, seed=1)
    seconds = time.perf_counter() - start
    row = boot.paths_descriptives.rows.index("Satisfaction")
    col = boot.paths_descriptives.cols.index("Loyalty Boot SD")
    return seconds, float(boot.paths_descriptives.values[row, col])


def run() -> list[dict]:
    data = cx.datasets.load("ecsi_mobile")
    fit = cx.pls.fit(cx.models.ecsi(), data)
    fit.bootstrap(B=20, seed=0, progress=False)  # warm up (imports, thread pool)
    rows = []
    for jobs in (1, -1):
        start = time.perf_counter()
        boot = fit.bootstrap(B=1000, seed=1, n_jobs=jobs, progress=False)
        seconds = time.perf_counter() - start
        se = boot.paths().set_index(["from", "to"]).loc[("Satisfaction", "Loyalty"), "boot_se"]
        rows.append(
            {
                "name": f"cx.pls bootstrap B=1000 ECSI, n_jobs={jobs}",
                "seconds": seconds,
                "note": f"SE(Satisfaction→Loyalty) = {se:.6f}; {boot.summary().splitlines()[0]}",
            }
        )
    start = time.perf_counter()
    fit.bootstrap(B=5000, seed=1, progress=False)
    rows.append(
        {"name": "cx.pls bootstrap B=5000 ECSI, n_jobs=-1", "seconds": time.perf_counter() - start}
    )
    seminr = _seminr_seconds(data, 1000)
    if seminr is None:
        rows.append(
            {
                "name": "seminr.bootstrap_model(nboot=1000): skipped (seminr not installed)",
                "seconds": 0.0,
            }
        )
        return rows
    seconds, se = seminr
    best = min(r["seconds"] for r in rows[:2])
    rows.append(
        {
            "name": "seminr 0.2.1 bootstrap_model(nboot=1000) on the same machine",
            "seconds": seconds,
            "note": f"SE(Satisfaction→Loyalty) = {se:.6f}; cxlab/seminr = "
            f"{best / seconds:.4f} (target ≤ 0.05)",
        }
    )
    for row in rows[:2]:
        row["limit"] = 0.05 * seconds
    return rows
