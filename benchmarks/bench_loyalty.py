"""Scale of cxlab.loyalty (issue 24): in memory against lifetimes, and out of core.

Synthetic logs are generated deterministically by DuckDB itself (hashes of the row
number; never held in pandas) with DuckDB's COPY into a temporary Parquet file:
customer = hash % 200 k, a day in 2023–2024, an amount of 5.00–204.99. Each
measurement runs in a fresh subprocess that reports wall time, CPU time and peak
resident memory (``resource.getrusage``: the process's own high-water mark, Python,
pandas and DuckDB included). Wall times are the minimum of 3 runs (the machine is
shared); CPU time is given because the load of other processes inflates wall time.

1. In memory: 2 M rows of 200 k customers as a pandas DataFrame. cxlab's
   ``clv_summary`` against lifetimes' ``summary_data_from_transaction_data`` on the
   same rows, alternately in one process (limit: 0.2 × lifetimes' time), and a check
   that both give the same numbers to the last bit.
2. Out of core: N rows of 200 k customers in Parquet read from the path:
   ``clv_summary`` (limit 10 s for 10⁷ rows; peak RSS ≤ 2 GB at any N) and ``rfm``.
   N defaults to 10⁷; set ``CXLAB_BENCH_LOYALTY_ROWS=1e8`` (≈ 1.2 GB of Parquet in the
   temp folder, several minutes) for the 10⁸-row run, or run this file directly:
   ``python benchmarks/bench_loyalty.py 1e8``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

N_CUSTOMERS = 200_000
N_MEMORY = 2_000_000
N_PARQUET = int(float(os.environ.get("CXLAB_BENCH_LOYALTY_ROWS", "1e7")))
RATIO_LIMIT = 0.2  # cxlab / lifetimes, in memory
TIME_LIMIT_1E7 = 10.0  # seconds for 10^7 rows from Parquet (scaled linearly for other N)
MEMORY_LIMIT_MB = 2048
REPEATS = 3
MARK = "CXLAB-BENCH-RESULT "

GENERATE = """
COPY (
  SELECT CAST(hash(i, 1) % {customers} AS BIGINT) AS customer_id,
         DATE '2023-01-01' + CAST(hash(i, 2) % 730 AS INTEGER) AS date,
         round(5 + CAST(hash(i, 3) % 20000 AS DOUBLE) / 100, 2) AS amount
  FROM range({rows}) t(i)
) TO '{path}' (FORMAT parquet)
"""

CHILD_HEAD = """
import json, resource, time, warnings
warnings.simplefilter("ignore")
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
"""

IN_MEMORY = """
import duckdb
import pandas as pd
from lifetimes.utils import summary_data_from_transaction_data
from cxlab import loyalty
df = duckdb.sql(f"SELECT * FROM read_parquet('{PATH}')").df()
best = {}
for _ in range(REPEATS):
    for who in ("cxlab", "lifetimes"):
        start, cpu0 = time.perf_counter(), cpu()
        if who == "cxlab":
            ours = loyalty.clv_summary(df, amount="amount")
        else:
            ref = summary_data_from_transaction_data(df, "customer_id", "date", "amount")
        run = (time.perf_counter() - start, cpu() - cpu0)
        best[who] = min(best.get(who, run), run)
ours.attrs = {}
try:
    pd.testing.assert_frame_equal(ours, ref, check_exact=True)
    same = True
except AssertionError:
    same = False
print(MARK + json.dumps({"best": best, "identical": same, "customers": len(ours),
                         "peak_mb": peak_mb()}))
"""

FROM_PATH = """
from cxlab import loyalty
start, cpu0 = time.perf_counter(), cpu()
s = loyalty.clv_summary(PATH, amount="amount")
mid, cpu1 = time.perf_counter(), cpu()
peak_summary = peak_mb()
r = loyalty.rfm(PATH)
print(MARK + json.dumps({"clv_summary": mid - start, "clv_cpu": cpu1 - cpu0,
                         "peak_clv_mb": peak_summary, "rfm": time.perf_counter() - mid,
                         "rfm_cpu": cpu() - cpu1, "customers": len(s), "rfm_rows": len(r),
                         "peak_mb": peak_mb()}))
"""


def _child(code: str, **names: object) -> dict:
    head = "".join(f"{k} = {v!r}\n" for k, v in {"MARK": MARK, **names}.items())
    done = subprocess.run(
        [sys.executable, "-c", CHILD_HEAD + head + code],
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-2000:]}")
    # DuckDB may draw a progress bar on stdout during long queries: find the result
    return json.loads(done.stdout.rsplit(MARK, 1)[1].splitlines()[0])


def _generate(path: Path, rows: int) -> None:
    import duckdb

    sql = GENERATE.format(customers=N_CUSTOMERS, rows=rows, path=path)
    duckdb.connect().execute(sql)


def _rows_label(n: int) -> str:
    return f"10^{len(str(n)) - 1}" if str(n).strip("0") == "1" else f"{n:,}"


def run(n_parquet: int = N_PARQUET) -> list[dict]:
    """The two measurements as rows of benchmarks/run.py's table."""
    load = os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="cxlab_bench_loyalty_"))
    try:
        small = folder / "memory.parquet"
        _generate(small, N_MEMORY)
        mem = _child(IN_MEMORY, PATH=str(small), REPEATS=REPEATS)
        big = folder / "transactions.parquet"
        _generate(big, n_parquet)
        disk_mb = big.stat().st_size / 2**20
        path = min(
            (_child(FROM_PATH, PATH=str(big)) for _ in range(REPEATS if n_parquet <= 10**7 else 1)),
            key=lambda r: r["clv_summary"],
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    (cx_s, cx_cpu), (lt_s, lt_cpu) = mem["best"]["cxlab"], mem["best"]["lifetimes"]
    ratio = cx_s / lt_s
    limit = TIME_LIMIT_1E7 * n_parquet / 10**7
    mem_flag = "" if path["peak_mb"] <= MEMORY_LIMIT_MB else "  OVER MEMORY LIMIT"
    cores = os.cpu_count()
    return [
        {
            "name": "lifetimes summary_data_from_transaction_data, 2 M tx / 200 k customers "
            "DataFrame",
            "seconds": lt_s,
            "note": f"min of {REPEATS}; CPU {lt_cpu:.2f} s; load average {load:.1f} before",
        },
        {
            "name": "loyalty clv_summary, same 2 M tx DataFrame",
            "seconds": cx_s,
            "limit": RATIO_LIMIT * lt_s,
            "note": f"{ratio:.2f}x lifetimes' time (limit {RATIO_LIMIT}); CPU {cx_cpu:.2f} s "
            f"({cx_cpu / lt_cpu:.2f}x lifetimes' CPU) on {cores} cores; identical to the last "
            f"bit: {mem['identical']}; {mem['customers']:,} customers",
            "ratio_lifetimes": ratio,
            "identical": mem["identical"],
        },
        {
            "name": f"loyalty clv_summary, {_rows_label(n_parquet)} tx / 200 k customers, "
            "Parquet path",
            "seconds": path["clv_summary"],
            "limit": limit,
            "note": f"CPU {path['clv_cpu']:.1f} s on {cores} cores; peak RSS "
            f"{path['peak_clv_mb']:.0f} MB (limit {MEMORY_LIMIT_MB}){mem_flag}; Parquet "
            f"{disk_mb:,.0f} MB; {path['customers']:,} customers; load average {load:.1f}",
            "peak_mb": path["peak_clv_mb"],
        },
        {
            "name": f"loyalty rfm, same {_rows_label(n_parquet)} tx Parquet path",
            "seconds": path["rfm"],
            "note": f"CPU {path['rfm_cpu']:.1f} s; peak RSS of the process "
            f"{path['peak_mb']:.0f} MB",
            "peak_mb": path["peak_mb"],
        },
    ]


if __name__ == "__main__":
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else N_PARQUET
    for row in run(n):
        print(json.dumps(row))
