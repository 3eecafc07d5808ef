"""Published facts quoted the way their source states them (issue 19, "the facts put right").

Bain & Company's delivery gap (Allen, Reichheld, Hamilton & Markey 2005, *Closing the
delivery gap*): of 362 firms, 80 % believed they delivered a superior experience, and their
customers rated only 8 % **of the firms** as delivering one. 8 % is a share of firms, not of
customers. This module searches every notebook of both editions (markdown, code and the
stored text outputs) and every exercise text of :mod:`cxlab.exercises` for the misquote —
"8 % of customers", "8 % of their customers", "8 % 的客户", "百分之八的顾客", a chart bar
labelled "customers who agree" with the value 8 … — and names the file and the cell (or the
exercise and its field) of every hit.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from cxlab.exercises import all_exercises

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "cxlab" / "exercises"

#: the number 8 on its own (not 18, 0.8 or 80) and the ways to write "per cent"
_EIGHT = r"(?<![\w.,])(?:8|eight)(?!\w|[.,]\d)"
_PERCENT = r"\s*(?:%|％|per\s*cent|percent)"
#: who the 8 % would wrongly be a share of
_PEOPLE_EN = r"(?:customers|consumers|clients|guests|buyers|shoppers|respondents|users)"
_PEOPLE_ZH = r"(?:客户|顾客|消费者|用户|客人|受访者)"
_FIRMS_ZH = r"(?:企业|公司|厂商|商家)"

MISQUOTES: dict[str, re.Pattern[str]] = {
    # "only 8 % of customers", "8 % of their customers", "eight per cent of the surveyed guests"
    "8 % of customers": re.compile(
        _EIGHT
        + _PERCENT
        + r"\s+of\s+(?:the\s+|their\s+|its\s+|our\s+|all\s+|those\s+)?(?:[a-z-]+\s+)?"
        + _PEOPLE_EN
        + r"\b",
        re.IGNORECASE,
    ),
    # "customers who agree: 8 %", "customers who say so 8 %" (but not "customers who rate
    # 8 % of the firms …", which is the correct quote)
    "customers who agree 8 %": re.compile(
        _PEOPLE_EN
        + r"\s+(?:who|that)\s+(?:agree|say|rate|think|believe|feel|find)\w*[^.\n%]{0,40}?"
        + _EIGHT
        + _PERCENT
        + r"(?!\s*of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:firms|companies|businesses))",
        re.IGNORECASE,
    ),
    # "8 % 的客户", "8% 的受访客户", "八％的顾客"
    "8 % 的客户": re.compile(
        r"(?<![\d.,])(?:8|八)\s*(?:%|％)\s*的\s*(?:受访|被调查的?)?" + _PEOPLE_ZH
    ),
    # "百分之八的客户"
    "百分之八的客户": re.compile(r"百分之(?:八|8)(?![\d十])\s*的\s*(?:受访)?" + _PEOPLE_ZH),
    # "客户中只有 8 % 认为…" (but not "客户只把其中 8 % 的企业…")
    "客户中只有 8 %": re.compile(
        _PEOPLE_ZH
        + r"(?:中|当中|里|之中)?(?:只有|仅有|仅|只)?\s*(?<![\d.,])(?:8|八)\s*(?:%|％)(?!\s*的?\s*"
        + _FIRMS_ZH
        + r")"
    ),
}

#: a chart's bar or a table row: a label string followed by the value 8
_LABEL_8 = re.compile(r"""(["'])([^"'\n]{1,80})\1\s*[:,]\s*8(?:\.0)?(?![\d.])""")
_ABOUT_PEOPLE = re.compile(_PEOPLE_EN + "|" + _PEOPLE_ZH, re.IGNORECASE)
_ABOUT_FIRMS = re.compile(r"firm|compan|business|" + _FIRMS_ZH, re.IGNORECASE)


def misquotes(text: str, *, code: bool = False) -> list[str]:
    """The passages of *text* that give Bain's 8 % as a share of customers.

    With ``code=True`` a label string paired with the value 8 (``{"customers who agree": 8}``)
    counts too, unless the label names firms.

    >>> misquotes("their customers rated only 8 % of the firms so")
    []
    >>> misquotes("only 8 % of customers agree")
    ['8 % of customers']
    >>> misquotes('gap = {"customers who agree": 8}', code=True)
    ['"customers who agree": 8']
    """
    hits = [m.group(0) for pattern in MISQUOTES.values() for m in pattern.finditer(text)]
    if code:
        for m in _LABEL_8.finditer(text):
            label = m.group(2)
            if _ABOUT_PEOPLE.search(label) and not _ABOUT_FIRMS.search(label):
                hits.append(m.group(0))
    return hits


def joined_literals(source: str) -> str:
    r"""Python source with implicitly concatenated string literals joined, so that a sentence
    split over two lines (``"8 % of their "`` / ``"customers agree"``) is searched whole.

    >>> joined_literals('x = ("8 % of their "\n     "customers agree")')
    'x = ("8 % of their customers agree")'
    """
    return re.sub(r"""(["'])[ \t]*\n[ \t]*\1""", "", source)


def _notebooks() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _output_text(output: dict) -> str:
    if "text" in output:
        return "".join(output["text"])
    data = output.get("data", {})
    return "".join(data.get("text/plain", "")) + "".join(data.get("text/markdown", ""))


def notebook_hits(path: Path) -> list[str]:
    """Every misquote in one notebook, as 'file, cell n (id …, where): passage'."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    rel = path.relative_to(ROOT).as_posix()
    found = []
    for k, cell in enumerate(nb["cells"]):
        where = f"{rel}, cell {k} (id {cell.get('id', '?')}"
        source = "".join(cell["source"])
        for hit in misquotes(source, code=cell["cell_type"] == "code"):
            found.append(f"{where}, {cell['cell_type']}): {hit!r}")
        for output in cell.get("outputs", []):
            for hit in misquotes(_output_text(output)):
                found.append(f"{where}, output): {hit!r}")
    return found


NOTEBOOK_PATHS = _notebooks()


def test_there_are_notebooks_in_both_editions():
    rel = {p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOK_PATHS}
    assert "01_experience_economy.ipynb" in rel
    assert "zh/01_experience_economy.ipynb" in rel
    assert any(r.startswith("cases/") for r in rel) and any(r.startswith("zh/cases/") for r in rel)


@pytest.mark.parametrize(
    "path", NOTEBOOK_PATHS, ids=[p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOK_PATHS]
)
def test_no_notebook_gives_bains_8_percent_as_a_share_of_customers(path):
    hits = notebook_hits(path)
    assert not hits, (
        "Bain's 8 % is a share of the 362 firms, not of customers (Allen et al. 2005):\n"
        + "\n".join(hits)
    )


def test_no_exercise_text_gives_bains_8_percent_as_a_share_of_customers():
    hits = []
    for ex_id, ex in sorted(all_exercises().items()):
        for f in dataclasses.fields(ex):
            value = getattr(ex, f.name, None)
            if isinstance(value, str):
                hits += [f"exercise {ex_id}, {f.name}: {h!r}" for h in misquotes(value)]
    for path in sorted(EXERCISES.glob("*.py")):
        text = joined_literals(path.read_text(encoding="utf-8"))
        for hit in misquotes(text, code=True):
            hits.append(f"{path.relative_to(ROOT).as_posix()}: {hit!r}")
    assert not hits, "\n".join(hits)


def test_the_delivery_gap_exercise_asks_about_firms():
    ex = all_exercises()["01.delivery_gap"]
    for text in (ex.prompt, ex.explanation):
        assert re.search(r"\bfirms\b", text), text
    for text in (ex.prompt_zh, ex.explanation_zh):
        assert "企业" in text, text
    assert "362" in ex.prompt and "362" in ex.prompt_zh
    assert not misquotes(" ".join([ex.prompt, ex.hint, ex.explanation]))
    assert not misquotes(" ".join([ex.prompt_zh, ex.hint_zh, ex.explanation_zh]))


@pytest.mark.parametrize(
    "text",
    [
        "only 8 % of customers agree that the experience is superior",
        "Only 8% of their customers said so.",
        "but eight per cent of the surveyed guests agreed",
        "8 percent of consumers",
        "customers who agree 8 %",
        "customers who agree that it is superior: 8 %",
        "而只有 8 % 的客户认同",
        "只有8%的顾客这样认为",
        "百分之八的客户认为体验卓越",
        "八％的受访客户",
        "客户中只有 8 % 认为企业提供了卓越的体验",
    ],
)
def test_the_search_catches_the_misquote_and_its_variants(text):
    assert misquotes(text), text


@pytest.mark.parametrize(
    "snippet",
    [
        'gap = pd.Series({"customers who agree": 8, "firms that believe": 80})',
        "labels = {'客户认同': 8}",
    ],
)
def test_the_search_catches_a_chart_that_labels_the_8_as_customers(snippet):
    assert misquotes(snippet, code=True), snippet


@pytest.mark.parametrize(
    "text",
    [
        "their customers rated only 8 % of the firms that way (Allen et al. 2005)",
        "8 % is a share of firms, not of customers",
        "customers who rate 8 % of the firms as superior",
        "80 % of customers say we deliver a superior experience",  # the CEO's claim in the case
        "18 % of customers are detractors",
        "0.8 % of customers",
        "在它们的客户看来，只有 8 % 的企业做到了",
        "而它们的客户只把其中 8 % 的企业评为卓越",
        "8 % 是企业的占比，不是客户的占比",
        "推荐者占 38 % 的客户",
        'gap = pd.Series({"客户评为卓越的企业": 8, "认为自己提供了卓越体验的企业": 80})',
        'gap = {"firms whose customers\\nrate them superior": 8}',
    ],
)
def test_the_search_leaves_the_correct_quote_alone(text):
    assert not misquotes(text, code=True), text


def test_the_search_reads_a_sentence_split_over_two_string_literals():
    old_prompt = (
        'prompt="Bain: 80 % of firms believe they deliver a superior experience, 8 % of their "\n'
        '        "customers agree. How large is the gap, in percentage points?",'
    )
    assert not misquotes(old_prompt)
    assert misquotes(joined_literals(old_prompt), code=True) == ["8 % of their customers"]
