"""The Chinese edition (notebooks/zh/, the same layout as the English one in notebooks/):
one source of truth for the code, the same sections, prose in Chinese.

- every zh notebook has an English twin at the same relative path;
- their code cells are the same code: equal token by token once string literals, comments and
  the values of ``lang=`` are set aside (titles, labels and printed words may be translated;
  ``# NBVAL_CHECK_OUTPUT`` marks must match);
- the same number of section headings (``#``, ``##``, ``###``) in both;
- at least 70 % of the letters in a zh notebook's markdown cells are CJK characters;
- the English notebooks that have no twin yet are exactly those listed in PENDING, so the list
  shrinks as translations land and cannot silently go stale.
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "notebooks"
ZH = EN / "zh"

#: English notebooks without a Chinese twin yet (issue: the Chinese edition)
PENDING: set[str] = set()

CHECK_MARK = "NBVAL_CHECK_OUTPUT"


def _notebooks(root: Path) -> dict[str, Path]:
    skip = {"zh", ".ipynb_checkpoints"}
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*.ipynb"))
        if not skip & set(p.relative_to(root).parts[:-1])
    }


ZH_NOTEBOOKS = _notebooks(ZH) if ZH.exists() else {}


def _cells(path: Path, kind: str) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


def code_shape(source: str) -> list[str]:
    """The tokens of a code cell with every string literal as ``STR``, comments dropped (but
    the nbval mark kept) and the value of a ``lang=`` keyword set aside.

    >>> zh = code_shape('print("净推荐值", lang="zh")  # 中文注释')
    >>> zh == code_shape('print("NPS", lang="en")') == code_shape('print("NPS")')
    True
    >>> code_shape("x = 1") == code_shape("x = 2")
    False
    """
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    tokens = tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline)
    out: list[str] = []
    for tok in tokens:
        if tok.type == tokenize.COMMENT:
            if CHECK_MARK in tok.string:
                out.append(CHECK_MARK)
            continue
        if tok.type in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            continue
        if tok.type == tokenize.STRING and tok.string.strip("'\"") == "--lang":
            out.append("--lang")  # the command line's language flag: set aside with its value
            continue
        if tok.type == tokenize.STRING or tok.type in _FSTRING_TYPES:
            if not out or out[-1] != "STR":
                out.append("STR")
            continue
        out.append(tok.string)
    return _without_lang(out)


def _without_lang(tokens: list[str]) -> list[str]:
    """Drop every ``lang=<string>`` keyword with its comma: ``f(x, lang="zh")`` == ``f(x)``;
    also a command line's ``"--lang", "zh"``."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i : i + 3] in (["lang", "=", "STR"], ["--lang", ",", "STR"]):
            if out and out[-1] == ",":
                out.pop()
            elif i + 3 < len(tokens) and tokens[i + 3] == ",":
                i += 1
            i += 3
            continue
        out.append(tokens[i])
        i += 1
    return out


_FSTRING_TYPES = {
    getattr(tokenize, name)
    for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
    if hasattr(tokenize, name)
}


def _headings(path: Path) -> list[int]:
    levels = []
    for md in _cells(path, "markdown"):
        levels += [len(m.group(1)) for m in re.finditer(r"^(#{1,3}) ", md, flags=re.M)]
    return levels


def _cjk_share(path: Path) -> float:
    text = "\n".join(_cells(path, "markdown"))
    text = re.sub(r"`[^`]*`|\$[^$]*\$|\([^)]*\)\[|https?://\S+", " ", text)  # code, math, links
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return cjk / max(cjk + latin, 1)


def test_every_english_notebook_has_a_twin_or_is_pending():
    missing = set(_notebooks(EN)) - set(ZH_NOTEBOOKS)
    assert missing == PENDING, (
        f"no zh twin and not listed as pending: {sorted(missing - PENDING)}; "
        f"translated but still listed as pending: {sorted(PENDING - missing)}"
    )


@pytest.mark.parametrize("rel", sorted(ZH_NOTEBOOKS))
def test_zh_notebook_has_an_english_twin(rel):
    assert (EN / rel).is_file(), f"notebooks/zh/{rel} has no English twin notebooks/{rel}"


@pytest.mark.parametrize("rel", sorted(ZH_NOTEBOOKS))
def test_same_code_in_both_editions(rel):
    en, zh = _cells(EN / rel, "code"), _cells(ZH / rel, "code")
    assert len(en) == len(zh), f"{rel}: {len(en)} code cells in English, {len(zh)} in Chinese"
    for k, (a, b) in enumerate(zip(en, zh, strict=True)):
        assert code_shape(a) == code_shape(b), f"{rel}: code cell {k} differs:\n{a}\n---\n{b}"


@pytest.mark.parametrize("rel", sorted(ZH_NOTEBOOKS))
def test_same_sections_in_both_editions(rel):
    assert _headings(EN / rel) == _headings(ZH / rel), f"{rel}: section headings differ"


@pytest.mark.parametrize("rel", sorted(ZH_NOTEBOOKS))
def test_zh_prose_is_chinese(rel):
    share = _cjk_share(ZH / rel)
    assert share >= 0.70, f"notebooks/zh/{rel}: only {share:.0%} of the letters are CJK"


def test_the_code_check_can_fail():
    assert code_shape('f(x, lang="zh")') == code_shape("f(x)")
    assert code_shape('g(lang="zh", y=1)') == code_shape("g(y=1)")
    assert code_shape('run("report", "a.csv", "--lang", "zh", "--out", "r.html")') == code_shape(
        'run("report", "a.csv", "--out", "r.html")'
    )
    assert code_shape('run("report", "--lang", "zh")') != code_shape('run("report", "--pls")')
    plain = code_shape('cx.metrics.nps(df["nps"])')
    assert plain != code_shape('cx.metrics.nps(df["nps"], ci="wald")')
    assert code_shape("# NBVAL_CHECK_OUTPUT\nx") != code_shape("x")


def test_start_copies_the_chinese_edition_and_fills_gaps_in_english(tmp_path):
    from cxlab.cli import start
    from cxlab.errors import DataError

    result = start(tmp_path / "ws", lang="zh")
    ws = tmp_path / "ws"
    for rel in ZH_NOTEBOOKS:
        if rel.split("/")[0] == "instructor":
            continue
        assert (ws / rel).read_bytes() == (ZH / rel).read_bytes(), rel
    for rel in sorted(PENDING - {p for p in PENDING if p.startswith("instructor/")}):
        assert (ws / rel).read_bytes() == (EN / rel).read_bytes(), rel
    assert not (ws / "zh").exists() and not (ws / "instructor").exists()
    assert result["copied"]
    with pytest.raises(DataError, match="lang must be one of en, zh"):
        start(tmp_path / "other", lang="fr")


def _literal_asterisks(markdown: str) -> list[str]:
    """Asterisks that CommonMark (JupyterLab's marked, GitHub, the website) shows as text."""
    from markdown_it import MarkdownIt

    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", "", markdown, flags=re.S)  # math
    html = MarkdownIt("commonmark").enable("table").render(text)
    html = re.sub(r"<(code|pre)>.*?</\1>", "", html, flags=re.S)
    return re.findall(r".{0,12}\*.{0,12}", html)


MARKDOWN_FILES = sorted(
    [p.relative_to(ROOT).as_posix() for p in EN.rglob("*.ipynb")]
    + ["notebooks/glossary.md", "notebooks/zh/glossary.md", "README.md"]
)


@pytest.mark.parametrize("rel", MARKDOWN_FILES)
def test_bold_and_italic_render_next_to_chinese_punctuation(rel):
    """``**路线：**管理者`` shows its asterisks in JupyterLab: CommonMark cannot close a run
    between a full-width mark and a letter. Write ``**路线**：管理者`` (punctuation outside)."""
    pytest.importorskip("markdown_it")
    path = ROOT / rel
    if path.suffix == ".ipynb":
        sources = _cells(path, "markdown")
    else:
        sources = [path.read_text(encoding="utf-8")]
    shown = [hit for source in sources for hit in _literal_asterisks(source)]
    if rel.endswith("instructor/lesson_solutions.ipynb"):  # "(p - d) ** 2" in a formula
        shown = [h for h in shown if "** 2" not in h]
    assert not shown, f"{rel}: asterisks shown as text (put the punctuation outside): {shown}"


def test_the_asterisk_check_can_fail():
    pytest.importorskip("markdown_it")
    assert _literal_asterisks("**路线：**管理者")
    assert not _literal_asterisks("**路线**：管理者 · `a ** b` · $x^*$")
