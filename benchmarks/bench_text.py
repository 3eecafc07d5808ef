"""cx.text on all 2,000 voc_reviews: tokenize + sentiment in a fresh interpreter, with
jieba's dictionary cache cold (an empty cache folder: jieba builds and dumps it) and
warm (the cache exists); plus the jieba load alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

CODE = """
import json, time
import cxlab as cx
df = cx.datasets.load("voc_reviews")
t0 = time.perf_counter()
from cxlab.text import _zh as _text_zh
_text_zh.tokenizer()
t1 = time.perf_counter()
cx.text.tokenize(df["text"])
t2 = time.perf_counter()
cx.text.sentiment(df["text"])
t3 = time.perf_counter()
print(json.dumps({"jieba": t1 - t0, "tokenize": t2 - t1, "sentiment": t3 - t2}))
"""


def _run(cache: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CXLAB_CACHE_DIR": cache},
    )
    return json.loads(out.stdout)


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as cache:
        for state in ("cold", "warm"):
            t = _run(cache)
            rows += [
                {"name": f"jieba load, cache {state}", "seconds": t["jieba"], "limit": 5.0},
                {
                    "name": f"tokenize 2,000 voc_reviews (zh + en), cache {state}",
                    "seconds": t["tokenize"],
                    "limit": 5.0,
                },
                {
                    "name": f"sentiment 2,000 voc_reviews (lexicon + VADER), cache {state}",
                    "seconds": t["sentiment"],
                    "limit": 5.0,
                },
            ]
    return rows
