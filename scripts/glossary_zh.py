"""Write notebooks/zh/glossary.md, the Chinese-first edition of notebooks/glossary.md.

The Chinese lessons link to a glossary next to them, so that the links also work in a
workspace made by ``cxlab start --lang zh`` (which puts the Chinese lessons at the top of
the folder). The file is generated, never edited by hand: the same rows, with the columns
中文 | English | 释义 | Definition. tests/test_glossary.py checks that it is up to date.

Usage: python scripts/glossary_zh.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "notebooks" / "glossary.md"
TARGET = ROOT / "notebooks" / "zh" / "glossary.md"

INTRO = """# 中英术语表 · Glossary

本表列出课程中的关键术语及其中英文对照，每个术语附一句简明的释义（按英文术语排序）。\
"中文"一列给出中文版所用的术语；中文文本中也常直接用拉丁字母书写的术语（NPS、CFI、AVE……），\
其拉丁字母写法列在" / "之后。"不用"之后是本课程不采用的译法，好让每一课都用同样的词说同样的事。\
本文件由 `scripts/glossary_zh.py` 根据英文版术语表（`notebooks/glossary.md`）生成，请勿手工修改。

The Chinese-first edition of the course glossary, generated from `notebooks/glossary.md` by
`scripts/glossary_zh.py`: the same rows, Chinese columns first.

"""


def build(source: str) -> str:
    """The Chinese-first glossary for the text of notebooks/glossary.md.

    >>> md = "| English | 中文 | Definition | 释义 |\\n|---|---|---|---|\\n"
    >>> md += "| NPS | 净推荐值 | A. | 甲。 |"
    >>> for line in build(md).splitlines()[-3:]:
    ...     print(line)
    | 中文 | English | 释义 | Definition |
    |---|---|---|---|
    | 净推荐值 | NPS | 甲。 | A. |
    """
    rows = []
    for line in source.splitlines():
        if not line.lstrip().startswith("|"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            rows.append("|---|---|---|---|")
            continue
        english, chinese, definition, definition_zh = cells
        rows.append(f"| {chinese} | {english} | {definition_zh} | {definition} |")
    return INTRO + "\n".join(rows) + "\n"


def main() -> int:
    TARGET.write_text(build(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
