"""Speed and scale measurements (run by hand or `make bench`; never part of `make test`).

    python benchmarks/run.py            # all benchmarks
    python benchmarks/run.py import     # those whose name contains "import"

Each ``bench_*.py`` here defines ``run() -> list[dict]`` with at least the keys
``name``, ``seconds`` and optionally ``limit`` (seconds) and ``note``. Results print
as a table and are written to ``benchmarks/results.json`` (not committed).
"""

from __future__ import annotations

import importlib.util
import json
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        if argv and not any(a in path.stem for a in argv):
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for row in module.run():
            row.setdefault("limit", None)
            row["over_limit"] = row["limit"] is not None and row["seconds"] > row["limit"]
            rows.append(row)
            limit = f"{row['limit']:>6.1f}" if row["limit"] is not None else "     -"
            flag = "  OVER LIMIT" if row["over_limit"] else ""
            print(f"{row['seconds']:9.3f} s  (limit {limit})  {row['name']}{flag}", flush=True)
    (HERE / "results.json").write_text(
        json.dumps(
            {"python": sys.version.split()[0], "machine": platform.machine(), "results": rows},
            indent=2,
        )
        + "\n"
    )
    return 1 if any(r["over_limit"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
