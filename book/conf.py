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


# A Chinese query has no spaces: split it into the index's own words, longest first
# (forward maximum matching against the terms jieba put into the index), so that
# 客户满意度的驱动因素 searches for 客户满意度 + 驱动因素. Latin words stay whole; characters
# that start no indexed word (的, 和) are left out. Sphinx's default splitter keeps the
# whole phrase as one word, which no page contains.
_CHINESE_SPLITTER = r"""
var splitQuery = (query) => {
  const index = typeof Search !== "undefined" && Search._index ? Search._index : null;
  const known = (w) =>
    index !== null && (Object.hasOwn(index.terms, w) || Object.hasOwn(index.titleterms, w));
  const words = [];
  const chunks = query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu);
  for (const chunk of chunks.filter((c) => c)) {
    for (const run of chunk.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/gu)) {
      if (!/[\u3400-\u9fff]/u.test(run) || index === null) {
        words.push(run);
        continue;
      }
      const found = [];
      let i = 0;
      while (i < run.length) {
        let len = Math.min(16, run.length - i);
        while (len > 1 && !known(run.substr(i, len))) len -= 1;
        if (len > 1) found.push(run.substr(i, len));
        i += len;
      }
      words.push(...(found.length ? found : [run]));
    }
  }
  return words;
};
"""


def _chinese_search(app: Any) -> None:
    """The Chinese search of Sphinx (jieba) with the query splitter above."""
    from sphinx.search.zh import SearchChinese

    class SearchChineseWords(SearchChinese):
        js_splitter_code = _CHINESE_SPLITTER

    app.add_search_language(SearchChineseWords)


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
        _chinese_search(app)
    app.connect("html-page-context", _other_language_url)
    app.connect("build-finished", _fix_chinese_stemmer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
