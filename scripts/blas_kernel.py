"""Say which BLAS kernel and thread count numpy runs with here, and whether the kernel
differs from the one this machine picks by itself.

``make test-portable`` runs it with ``OPENBLAS_CORETYPE`` and ``OPENBLAS_NUM_THREADS`` set, so
the log shows that the notebooks really ran under another kernel (threadpoolctl reads it
from the loaded OpenBLAS). It never fails the run: a machine whose own kernel is already
the one asked for still gives a valid one-thread run, and the line says so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = (
    "import json, numpy, threadpoolctl;"
    "info = [i for i in threadpoolctl.threadpool_info() if i.get('user_api') == 'blas'];"
    "print(json.dumps([(i.get('internal_api'), i.get('architecture'), i.get('num_threads'))"
    " for i in info]))"
)


def probe(env: dict[str, str]) -> list[list[object]]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> int:
    here = probe(dict(os.environ))
    own_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OPENBLAS_L2_SIZE"}
    }
    own = probe(own_env)
    asked = os.environ.get("OPENBLAS_CORETYPE", "(none)")
    print(f"BLAS asked for kernel {asked}: running {here}; this machine's own choice: {own}")
    if [k[:2] for k in here] == [k[:2] for k in own]:
        print("note: the kernel is the machine's own; only the thread count differs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
