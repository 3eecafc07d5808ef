"""The bilingual glossary (notebooks/glossary.md) and the terms the two editions use.

- the table parses: four filled columns, no English or Chinese term twice, sorted by English term;
- every lesson and case of both editions, every notebooks/instructor/*_solutions.ipynb and every
  notebooks/zh/instructor/*.ipynb that exists links to the glossary from its first markdown cell,
  with a path that resolves to notebooks/glossary.md;
- no notebook's markdown uses a rendering the glossary lists as not used (不用);
- consistency: where an English notebook's prose uses a term (any English variant), its Chinese twin
  uses the glossary's Chinese term — or the term's Latin-letter form (NPS, CFI …) where the 中文
  column lists one.

Format of the 中文 column: ``中文术语[ / LATIN …][（不用：甲、乙）]``. The first form is the
course's term; forms after " / " must be written in Latin letters (they are how Chinese texts write
the term too); the renderings after 不用 must not appear in any notebook.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ZH = NOTEBOOKS / "zh"
GLOSSARY = NOTEBOOKS / "glossary.md"
ZH_GLOSSARY = ZH / "glossary.md"

HEADER = ("English", "中文", "Definition", "释义")
EN_LINK = re.compile(r"^Terms: \[glossary · 中英术语表\]\(([^)\s]+)\)$", flags=re.M)
ZH_LINK = re.compile(r"^术语：\[中英术语表\]\(([^)\s]+)\)$", flags=re.M)
CJK = re.compile(r"[\u3400-\u9fff]")
NOT_USED = re.compile(r"^(?P<terms>.*?)（不用：(?P<not_used>[^）]+)）$")


@dataclass(frozen=True)
class Term:
    """One row of the glossary table."""

    english: tuple[str, ...]
    chinese: str
    latin: tuple[str, ...]
    not_used: tuple[str, ...]
    definition: str
    definition_zh: str

    @property
    def label(self) -> str:
        """The row's name in failure messages."""
        return f"{self.english[0]} / {self.chinese}"


def _cells(line: str) -> list[str]:
    """The cells of one Markdown table row (pipes escaped as ``\\|`` stay inside a cell)."""
    inner = line.strip()
    if not (inner.startswith("|") and inner.endswith("|")):
        raise ValueError(f"not a table row: {line!r}")
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner[1:-1])]


def parse_glossary(text: str) -> list[Term]:
    """Parse the glossary table; raise ``ValueError`` naming the first malformed row.

    >>> md = "| English | 中文 | Definition | 释义 |\\n|---|---|---|---|\\n"
    >>> row = "| NPS / net promoter score | 净推荐值 / NPS（不用：净推介值） | A score. | 分数。 |"
    >>> [term] = parse_glossary(md + row)
    >>> term.english, term.chinese, term.latin, term.not_used
    (('NPS', 'net promoter score'), '净推荐值', ('NPS',), ('净推介值',))
    """
    lines = [ln for ln in text.splitlines() if ln.lstrip().startswith("|")]
    if len(lines) < 3 or tuple(_cells(lines[0])) != HEADER:
        raise ValueError(f"the table must start with the header {' | '.join(HEADER)}")
    if not all(re.fullmatch(r":?-{3,}:?", c) for c in _cells(lines[1])):
        raise ValueError(f"second table line is not a separator: {lines[1]!r}")
    terms = []
    for line in lines[2:]:
        cells = _cells(line)
        if len(cells) != 4 or not all(cells):
            raise ValueError(f"a row needs four filled cells: {line!r}")
        english, chinese, definition, definition_zh = cells
        found = NOT_USED.match(chinese)
        not_used: tuple[str, ...] = ()
        if found:
            chinese = found["terms"]
            not_used = tuple(t.strip() for t in found["not_used"].split("、"))
        forms = [f.strip() for f in chinese.split(" / ")]
        variants = tuple(v.strip() for v in english.split(" / "))
        if not all(forms) or not all(variants) or not all(not_used):
            raise ValueError(f"empty term in row: {line!r}")
        latin = tuple(forms[1:])
        terms.append(Term(variants, forms[0], latin, not_used, definition, definition_zh))
    return terms


@cache
def glossary() -> list[Term]:
    """The glossary of the repository."""
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


# --- notebooks ----------------------------------------------------------------------------------


def _first_level(root: Path, pattern: str = "*.ipynb") -> list[Path]:
    return sorted(root.glob(pattern)) if root.is_dir() else []


def lessons_and_cases() -> list[Path]:
    """Every lesson and case in both editions, and the instructor keys that exist."""
    return [
        *_first_level(NOTEBOOKS),
        *_first_level(NOTEBOOKS / "cases"),
        *_first_level(NOTEBOOKS / "instructor", "*_solutions.ipynb"),
        *_first_level(ZH),
        *_first_level(ZH / "cases"),
        *_first_level(ZH / "instructor"),
    ]


def _rel(path: Path) -> str:
    return path.relative_to(NOTEBOOKS).as_posix()


def _markdown(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


#: the Chinese notebooks with an English twin, relative to notebooks/zh/
TWINS = [
    p.relative_to(ZH).as_posix()
    for p in lessons_and_cases()
    if p.is_relative_to(ZH) and (NOTEBOOKS / p.relative_to(ZH)).is_file()
]


def prose(markdown: str) -> str:
    """Markdown reduced to its prose: code, math, URLs, link targets and emphasis removed,
    dashes made plain hyphens.

    >>> prose("**净推荐值**（`nps`）与 $p$ 见 [第 02 课](02.ipynb)，Fornell–Larcker")
    '净推荐值（ ）与   见 第 02 课，Fornell-Larcker'
    """
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$[^$]*\$", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+|<[^>]+>", " ", text)
    text = text.replace("*", "").replace("[", "").replace("]", "")
    return re.sub(r"[‐‑‒–—]", "-", text)


def _is_abbreviation(variant: str) -> bool:
    """Abbreviations and symbols (NPS, BG/NBD, VoC, R²) are matched case-sensitively."""
    return " " not in variant and (
        sum(ch.isupper() for ch in variant) >= 2 or not re.search(r"[a-z]", variant)
    )


def english_pattern(variant: str) -> re.Pattern[str]:
    """Whole-word pattern for an English variant: case-insensitive with optional plural endings,
    spaces or hyphens between words interchangeable — except for abbreviations (exact case).

    >>> bool(english_pattern("moment of truth").search("three Moments of\\ntruth"))
    True
    >>> bool(english_pattern("AVE").search("we have an average")), bool(
    ...     english_pattern("AVE").search("CR and AVE."))
    (False, True)
    >>> bool(english_pattern("common-method variance").search("common method variance"))
    True
    >>> bool(english_pattern("alert").search("02.alert_store"))
    False
    """
    if _is_abbreviation(variant):
        body, flags = re.escape(variant), 0
    else:
        words = re.split(r"[\s-]+", variant)
        body = r"[\s-]+".join(
            re.escape(w) + ("(?:s|es)?" if w.isalpha() and len(w) > 2 else "") for w in words
        )
        flags = re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9_]){body}(?![A-Za-z0-9_])", flags)


def latin_pattern(form: str) -> re.Pattern[str]:
    """A Latin-letter form inside Chinese text: exact case, not part of a longer Latin word."""
    return re.compile(rf"(?<![A-Za-z0-9_]){re.escape(form)}(?![A-Za-z0-9_])")


def uses_chinese_term(term: Term, zh_text: str) -> bool:
    """Whether Chinese prose uses the term: its Chinese form, or one of its Latin-letter forms."""
    return term.chinese in zh_text or any(latin_pattern(f).search(zh_text) for f in term.latin)


def english_prose_of_twin(en_markdown: list[str], zh_markdown: list[str]) -> str:
    """The English prose the Chinese edition translated: a line the Chinese notebook contains
    verbatim (reference lists, titles; at least 20 characters, however the lines are wrapped)
    is left out.

    >>> english_prose_of_twin(["Kim (2012). Memorable\\ntourism experiences.\\nOn memory."],
    ...                       ["Kim (2012). Memorable tourism experiences.\\n关于记忆。"])
    'On memory.'
    """
    zh_flat = " ".join(prose("\n".join(zh_markdown)).split())
    kept = []
    for line in prose("\n".join(en_markdown)).splitlines():
        flat = " ".join(line.split())
        if not flat or (len(flat) >= 20 and flat in zh_flat):
            continue
        kept.append(line)
    return "\n".join(kept)


def term_hits(terms: list[Term], en_text: str) -> dict[Term, str]:
    """The terms English prose uses, each with the first words found. A match inside a longer
    match of another term does not count: "net promoter score" is not a use of "promoter".

    >>> nps = Term(("net promoter score",), "净推荐值", (), (), "", "")
    >>> promoter = Term(("promoter",), "推荐者", (), (), "", "")
    >>> [t.chinese for t in term_hits([nps, promoter], "Net promoter score = % promoters − …")]
    ['净推荐值', '推荐者']
    >>> [t.chinese for t in term_hits([nps, promoter], "The net promoter score.")]
    ['净推荐值']
    """
    spans = [
        (m.start(), m.end(), term, m.group(0))
        for term in terms
        for variant in term.english
        for m in english_pattern(variant).finditer(en_text)
    ]
    hits: dict[Term, str] = {}
    for start, end, term, words in sorted(spans, key=lambda s: (s[0], -s[1])):
        inside_other = any(
            s <= start and end <= e and (e - s) > (end - start) and t != term
            for s, e, t, _ in spans
        )
        if not inside_other and term not in hits:
            hits[term] = " ".join(words.split())
    return hits


def missing_terms(terms: list[Term], en_text: str, zh_text: str) -> list[str]:
    """The terms the English prose uses while the Chinese prose lacks their Chinese form.

    >>> t = Term(("net promoter score", "NPS"), "净推荐值", ("NPS",), (), "", "")
    >>> missing_terms([t], "The NPS is 20.", "该分数为 20。")
    ['net promoter score / 净推荐值: English has "NPS"']
    >>> missing_terms([t], "The NPS is 20.", "净推荐值为 20。"), missing_terms([t], "x", "y")
    ([], [])
    """
    return [
        f'{term.label}: English has "{words}"'
        for term, words in term_hits(terms, en_text).items()
        if not uses_chinese_term(term, zh_text)
    ]


# --- (a) the table ------------------------------------------------------------------------------


def test_glossary_table_parses_with_four_filled_columns():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert text.startswith("# Glossary · 中英术语表\n"), "title: # Glossary · 中英术语表"
    intro = text.split("| English |")[0]
    assert re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", intro) and CJK.search(intro.split("\n", 1)[1])
    terms = glossary()
    assert 70 <= len(terms) <= 260, f"{len(terms)} rows"  # every key term; grows with the course
    for term in terms:
        assert CJK.search(term.chinese), f"{term.label}: the first 中文 form must be Chinese"
        assert CJK.search(term.definition_zh), f"{term.label}: 释义 must be Chinese"
        assert not CJK.search(" ".join(term.english)), f"{term.label}: English column"
        assert re.search(r"[A-Za-z]{3}", term.definition), f"{term.label}: Definition"


def test_no_english_and_no_chinese_term_twice():
    english = [v.casefold() for t in glossary() for v in t.english]
    chinese = [t.chinese for t in glossary()]
    assert sorted({v for v in english if english.count(v) > 1}) == []
    assert sorted({c for c in chinese if chinese.count(c) > 1}) == []


def test_rows_are_sorted_by_english_term():
    keys = [" / ".join(t.english).casefold() for t in glossary()]
    assert keys == sorted(keys), "rows not sorted by the English column"


def test_latin_forms_and_renderings_not_used_are_well_formed():
    course_terms = {t.chinese for t in glossary()}
    for term in glossary():
        for form in term.latin:
            assert not CJK.search(form), f"{term.label}: {form!r} after ' / ' must be Latin"
        for bad in term.not_used:
            assert CJK.search(bad), f"{term.label}: not-used rendering {bad!r}"
            clash = [c for c in course_terms if bad in c]
            assert clash == [], f"{term.label}: not-used {bad!r} is inside the term(s) {clash}"


def test_parser_rejects_malformed_rows():
    head = "| English | 中文 | Definition | 释义 |\n|---|---|---|---|\n"
    with pytest.raises(ValueError, match="four filled cells"):
        parse_glossary(head + "| NPS | 净推荐值 |  | 一个分数。 |")
    with pytest.raises(ValueError, match="four filled cells"):
        parse_glossary(head + "| NPS | 净推荐值 | A score. |")
    with pytest.raises(ValueError, match="header"):
        parse_glossary("| English | Chinese | Definition | 释义 |\n|---|---|---|---|\n")


# --- (b) every notebook links to the glossary ---------------------------------------------------


@pytest.mark.parametrize("path", lessons_and_cases(), ids=_rel)
def test_notebook_links_to_the_glossary(path):
    first = _markdown(path)[0]
    pattern = ZH_LINK if path.is_relative_to(ZH) else EN_LINK
    found = pattern.search(first)
    assert found, f"{_rel(path)}: first markdown cell lacks the line {pattern.pattern}"
    # Chinese notebooks link to the Chinese-first glossary next to them, so that the link
    # also works in a workspace made by `cxlab start --lang zh`
    target = ZH_GLOSSARY if path.is_relative_to(ZH) else GLOSSARY
    assert (path.parent / found.group(1)).resolve() == target.resolve(), (
        f"{_rel(path)}: link {found.group(1)} does not resolve to {_rel(target)}"
    )


def test_the_chinese_glossary_is_generated_from_the_english_one():
    spec = importlib.util.spec_from_file_location(
        "glossary_zh", ROOT / "scripts" / "glossary_zh.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.build(GLOSSARY.read_text(encoding="utf-8"))
    assert ZH_GLOSSARY.read_text(encoding="utf-8") == expected, (
        "notebooks/zh/glossary.md is out of date: run python scripts/glossary_zh.py"
    )


def test_glossary_links_work_in_a_chinese_workspace(tmp_path):
    from cxlab.cli import start

    start(tmp_path / "ws", instructor=True, lang="zh")
    for notebook in sorted((tmp_path / "ws").rglob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        for link in re.findall(r"\[中英术语表\]\(([^)\s]+)\)", text):
            assert (notebook.parent / link).is_file(), f"{notebook.name}: {link} is missing"


def test_the_lessons_and_cases_are_all_there():
    rels = {_rel(p) for p in lessons_and_cases()}
    assert {"00_start_here.ipynb", "zh/00_start_here.ipynb", "cases/hotel_experience.ipynb"} <= rels
    assert "instructor/dashboard.ipynb" not in rels
    assert len(TWINS) >= 17


# --- (c) renderings not used --------------------------------------------------------------------


@pytest.mark.parametrize("path", lessons_and_cases(), ids=_rel)
def test_no_rendering_the_glossary_does_not_use(path):
    text = "\n".join(_markdown(path)).replace("*", "")
    found = [f"{bad} (use {t.chinese})" for t in glossary() for bad in t.not_used if bad in text]
    assert found == [], f"{_rel(path)} uses: {found}"


# --- (d) the Chinese edition uses the glossary's terms ------------------------------------------


@pytest.mark.parametrize("rel", TWINS)
def test_chinese_twin_uses_the_glossary_terms(rel):
    en, zh = _markdown(NOTEBOOKS / rel), _markdown(ZH / rel)
    en_text = english_prose_of_twin(en, zh)
    zh_text = prose("\n".join(zh))
    missing = missing_terms(glossary(), en_text, zh_text)
    assert missing == [], f"notebooks/zh/{rel} lacks the Chinese term for:\n" + "\n".join(missing)


def test_the_consistency_check_can_fail():
    terms = {t.english[0]: t for t in glossary()}
    nps, mot = terms["NPS"], terms["moment of truth"]
    assert missing_terms([nps], "A net promoter score of 20.", "净推荐值为 20。") == []
    assert missing_terms([nps], "An NPS of 20.", "NPS 为 20。") == []
    assert missing_terms([nps], "A net promoter score of 20.", "推荐分为 20。")
    assert missing_terms([nps], "the nps column", "推荐分") == []  # abbreviations: exact case
    assert missing_terms([mot], "two moments of\ntruth", "两个时刻")
    ref = "Reichheld, F. F. (2003). The one number you need to grow. HBR, 81(12)."
    shared = [ref.replace(" you", "\nyou") + "\nThe NPS is 20."]
    zh = [ref + "\n净推荐值为 20。"]
    assert english_prose_of_twin(shared, zh) == "The NPS is 20."
