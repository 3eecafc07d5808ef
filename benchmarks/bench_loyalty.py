"""Scale of cxlab.loyalty: 10 M transactions of 1 M customers → clv_summary + rfm.

The transactions are generated deterministically by DuckDB itself (hashes of the row
number; never held in pandas) into a temporary Parquet file: customer = hash % 1 M
(about 10 purchases each, Poisson-like), a day in 2023–2024, an amount of 5.00–204.99.
Each measurement runs in a fresh subprocess that reports its wall time and peak
resident memory (``resource.getrusage``), so memory is the process's own high-water
mark, Python and pandas included.

1. cxlab reads the Parquet path: ``clv_summary`` + ``rfm`` (limits: 20 s, 2 GB).
2. lifetimes' ``summary_data_from_transaction_data`` on the same 10 M rows as a pandas
   DataFrame (it can: ~2 GB), and cxlab's ``clv_summary`` on that DataFrame; the ratio
   of the two, and a check that both give the same numbers to the last bit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

N_ROWS, N_CUSTOMERS = 10_000_000, 1_000_000
TIME_LIMIT, MEMORY_LIMIT_MB = 20.0, 2048

GENERATE = f"""
COPY (
  SELECT CAST(hash(i, 1) % {N_CUSTOMERS} AS BIGINT) AS customer_id,
         DATE '2023-01-01' + CAST(hash(i, 2) % 730 AS INTEGER) AS date,
         round(5 + CAST(hash(i, 3) % 20000 AS DOUBLE) / 100, 2) AS amount
  FROM range({N_ROWS}) t(i)
) TO '{{path}}' (FORMAT parquet)
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

CXLAB_PATH = """
from cxlab import loyalty
start, cpu0 = time.perf_counter(), cpu()
s = loyalty.clv_summary(PATH, amount="amount")
mid = time.perf_counter()
r = loyalty.rfm(PATH)
end = time.perf_counter()
print(json.dumps({"seconds": end - start, "clv_summary": mid - start, "rfm": end - mid,
                  "cpu": cpu() - cpu0, "customers": len(s), "rfm_rows": len(r),
                  "peak_mb": peak_mb()}))
"""

ON_DATAFRAME = """
import duckdb
df = duckdb.sql(f"SELECT * FROM read_parquet('{PATH}')").df()
loaded = peak_mb()
if WHO == "lifetimes":
    from lifetimes.utils import summary_data_from_transaction_data
    start = time.perf_counter()
    out = summary_data_from_transaction_data(df, "customer_id", "date", "amount")
else:
    from cxlab import loyalty
    start = time.perf_counter()
    out = loyalty.clv_summary(df, amount="amount")
    out.attrs = {}
seconds = time.perf_counter() - start
duckdb.from_df(out.reset_index()).write_parquet(OUT)
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "data_mb": loaded}))
"""


def _child(code: str, **names: str) -> dict:
    head = "".join(f"{k} = {v!r}\n" for k, v in names.items())
    done = subprocess.run(
        [sys.executable, "-c", CHILD_HEAD + head + code],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _same(a: str, b: str) -> bool:
    import duckdb

    con = duckdb.connect()
    count = "SELECT count(*) FROM "
    diff = con.execute(
        f"{count}(SELECT * FROM read_parquet('{a}') EXCEPT SELECT * FROM read_parquet('{b}'))"
    ).fetchone()[0]
    n = con.execute(f"{count}read_parquet('{a}')").fetchone()[0]
    m = con.execute(f"{count}read_parquet('{b}')").fetchone()[0]
    return diff == 0 and n == m


def run() -> list[dict]:
    import duckdb

    load = os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="cxlab_bench_loyalty_"))
    try:
        path = folder / "transactions.parquet"
        duckdb.connect().execute(GENERATE.format(path=path))
        big = _child(CXLAB_PATH, PATH=str(path))
        lt = _child(ON_DATAFRAME, PATH=str(path), WHO="lifetimes", OUT=str(folder / "lt.parquet"))
        cx = _child(ON_DATAFRAME, PATH=str(path), WHO="cxlab", OUT=str(folder / "cx.parquet"))
        same = _same(str(folder / "lt.parquet"), str(folder / "cx.parquet"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mem_flag = "" if big["peak_mb"] <= MEMORY_LIMIT_MB else "  OVER MEMORY LIMIT"
    ratio = lt["seconds"] / cx["seconds"]
    return [
        {
            "name": f"loyalty clv_summary + rfm, {N_ROWS / 1e6:.0f} M tx / "
            f"{N_CUSTOMERS / 1e6:.0f} M customers, Parquet path",
            "seconds": big["seconds"],
            "limit": TIME_LIMIT,
            "note": f"clv_summary {big['clv_summary']:.1f} s + rfm {big['rfm']:.1f} s; "
            f"peak RSS {big['peak_mb']:.0f} MB (limit {MEMORY_LIMIT_MB}){mem_flag}; "
            f"CPU {big['cpu']:.1f} s on {os.cpu_count()} cores, load average {load:.1f} before; "
            f"{big['customers']:,} customers",
            "peak_mb": big["peak_mb"],
        },
        {
            "name": f"lifetimes summary_data_from_transaction_data, {N_ROWS / 1e6:.0f} M tx "
            "DataFrame",
            "seconds": lt["seconds"],
            "note": f"peak RSS {lt['peak_mb']:.0f} MB (data alone {lt['data_mb']:.0f} MB)",
            "peak_mb": lt["peak_mb"],
        },
        {
            "name": f"loyalty clv_summary, same {N_ROWS / 1e6:.0f} M tx DataFrame",
            "seconds": cx["seconds"],
            "note": f"{ratio:.1f}x faster than lifetimes; identical to the last bit: {same}; "
            f"peak RSS {cx['peak_mb']:.0f} MB (data alone {cx['data_mb']:.0f} MB)",
            "peak_mb": cx["peak_mb"],
            "ratio_lifetimes": ratio,
            "identical": same,
        },
    ]
