"""Sphinx configuration of the cxlab website (``make book``; issue 25).

One configuration for both editions: ``scripts/build_book.py`` stages the English or the
Chinese notebooks into a source folder and runs Sphinx with ``-c book`` and the environment
variable ``CXLAB_BOOK_LANG`` (``en`` or ``zh``). Notebooks are rendered with their committed
outputs (myst-nb, ``nb_execution_mode = "off"``): nothing is executed and nothing is
downloaded at build time (sphinx-book-theme ships its fonts, icons and scripts).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LANG = os.environ.get("CXLAB_BOOK_LANG", "en")
if LANG not in ("en", "zh"):
    raise ValueError(f"CXLAB_BOOK_LANG must be 'en' or 'zh', not {LANG!r}")
OTHER = "zh" if LANG == "en" else "en"

project = "cxlab"
author = "cxlab authors"
copyright = "cxlab authors, GPL-3.0-or-later"
language = "zh_CN" if LANG == "zh" else "en"
root_doc = "index"
extensions = ["myst_nb"]
templates_path = [str(HERE / "_templates")]
html_static_path = [str(HERE / "_static")]
html_css_files = ["cxlab.css"]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "jupyter_execute"]

# notebooks as committed: no execution, outputs exactly as stored
nb_execution_mode = "off"
nb_merge_streams = True
if LANG == "zh":  # the label of folded cells
    nb_code_prompt_show = "显示代码"
    nb_code_prompt_hide = "隐藏代码"
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = "cxlab · 客户体验与忠诚度" if LANG == "zh" else "cxlab · customer experience & loyalty"
html_copy_source = True  # the notebook behind each page, for "download .ipynb"
html_show_sourcelink = False
html_last_updated_fmt = None
html_search_language = "zh" if LANG == "zh" else "en"  # zh: words cut by jieba
# the course's Chinese terms (from the glossary) as jieba words, so that 净推荐值 or 客户旅程 are
# index terms rather than 净 / 推荐 / 值 (scripts/build_book.py writes the file)
if LANG == "zh" and os.environ.get("CXLAB_BOOK_SEARCH_DICT"):
    html_search_options = {"dict": os.environ["CXLAB_BOOK_SEARCH_DICT"]}
html_theme_options: dict[str, Any] = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "article_header_end": ["lang-switch.html", "article-header-buttons.html"],
    "navigation_with_keys": False,
}
html_context = {"cx_lang": LANG, "cx_other": OTHER}


def _other_language_url(
    app: Any, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """The same page in the other edition: the two editions share their page names."""
    depth = pagename.count("/")
    context["cx_other_url"] = "../" * (depth + 1) + f"{OTHER}/{pagename}.html"
    context["cx_other_label"] = "English" if OTHER == "en" else "中文"
    context["cx_other_code"] = "en" if OTHER == "en" else "zh-CN"


_CJK = (
    (0x2E80, 0x2FFF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms: ，：；（）
)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CJK)


def _cjk_friendly_emphasis() -> None:
    """Let ``**路线：**管理者`` be bold, as JupyterLab shows it.

    CommonMark's flanking rules do not open or close ``**`` between a full-width punctuation
    mark and a Chinese character (they are written for languages with spaces between words), so
    the Chinese lessons' ``**路线：**管理者`` would show its asterisks. Here a CJK character next
    to a delimiter run counts as punctuation, which is what the CJK-friendly extension of
    markdown-it proposes; text without CJK characters parses exactly as before.
    """
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
    from markdown_it.rules_inline.state_inline import Scanned, StateInline

    def scan_delims(self: StateInline, start: int, canSplitWord: bool) -> Scanned:
        pos = start
        marker = self.src[start]
        last = self.src[start - 1] if start > 0 else " "
        while pos < self.posMax and self.src[pos] == marker:
            pos += 1
        nxt = self.src[pos] if pos < self.posMax else " "
        last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last) or _is_cjk(last)
        next_punct = isMdAsciiPunct(ord(nxt)) or isPunctChar(nxt) or _is_cjk(nxt)
        last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(nxt))
        left = not next_space and (not next_punct or last_space or last_punct or _is_cjk(nxt))
        right = not last_space and (not last_punct or next_space or next_punct or _is_cjk(last))
        can_open = left and (canSplitWord or not right or last_punct)
        can_close = right and (canSplitWord or not left or next_punct)
        return Scanned(can_open, can_close, pos - start)

    StateInline.scanDelims = scan_delims  # type: ignore[method-assign]


def _fix_chinese_stemmer(app: Any, exception: Exception | None) -> None:
    """Sphinx 9.0's Chinese search stops with "ChineseStemmer is not defined".

    ``language_data.js`` ends with ``window.Stemmer = ChineseStemmer;`` while the Chinese
    search uses the English stemmer (sphinx-doc/sphinx#14229, fixed by #14416 in Sphinx ≥ 9.1,
    which needs Python ≥ 3.12). This does what the fix does; with a fixed Sphinx it does nothing.
    """
    if exception is not None or LANG != "zh":
        return
    path = Path(app.outdir) / "_static" / "language_data.js"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    if "window.Stemmer = ChineseStemmer;" in text and "ChineseStemmer=" not in text:
        text = text.replace("window.Stemmer = ChineseStemmer;", "window.Stemmer = EnglishStemmer;")
        path.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, bool]:
    if LANG == "zh":
        _cjk_friendly_emphasis()
    app.connect("html-page-context", _other_language_url)
    app.connect("build-finished", _fix_chinese_stemmer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
