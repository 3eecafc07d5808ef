"""One plotting theme for cxlab, with Chinese (中文) labels that render on any machine.

Matplotlib's default font (DejaVu Sans) has no Chinese glyphs, so a label such as
"满意度" prints as empty boxes with a "Glyph … missing from font(s)" warning. cxlab
registers *Noto Sans CJK SC*, shipped by the PyPI package ``mplfonts`` (SIL Open
Font Licence), directly with matplotlib's font manager — no system fonts, no
changes to the user's matplotlibrc — and lists it as a fallback behind the Latin
font, so English and Chinese can share one label.

Examples
--------
>>> import cxlab as cx
>>> cx.viz.set_theme(lang="zh")
>>> cx.viz.register_cjk_font()
'Noto Sans CJK SC'
>>> fig, ax = cx.viz.plt.subplots()
>>> _ = ax.set_title("顾客满意度 (satisfaction)")
>>> cx.viz.plt.close(fig)
>>> cx.viz.set_theme()  # back to English
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import matplotlib

matplotlib.use(matplotlib.get_backend())  # keep the backend the user (or Jupyter) chose
import matplotlib.font_manager as font_manager
import matplotlib.pyplot as plt

__all__ = [
    "CJK_FONT",
    "NPS_COLORS",
    "PALETTE",
    "cjk_font_path",
    "figure_words",
    "font_family",
    "label",
    "language",
    "plt",
    "refont",
    "register_cjk_font",
    "set_theme",
]

CJK_FONT = "Noto Sans CJK SC"
LATIN_FONT = "DejaVu Sans"
#: cxlab's qualitative palette (colour-blind safe, after Okabe & Ito 2008)
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: NPS groups: detractors, passives, promoters
NPS_COLORS = {"detractor": "#D55E00", "passive": "#BBBBBB", "promoter": "#009E73"}

Lang = Literal["en", "zh"]
#: the language of the last :func:`set_theme` call (the course language of the notebook)
_language: list[Lang] = ["en"]


class _NoBoldCJKWarning(logging.Filter):
    """The bundled CJK font has one weight; matplotlib then logs, for every bold
    label, that it uses the regular weight instead. That is expected: drop it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Failed to find font weight" not in record.getMessage()


def cjk_font_path() -> Path | None:
    """Path of the bundled Noto Sans CJK SC font file, or ``None`` if absent.

    Examples
    --------
    >>> import cxlab as cx
    >>> path = cx.viz.cjk_font_path()  # shipped by the mplfonts package
    >>> path.name if path is not None else None
    'NotoSansCJKsc-Regular.otf'
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NotoSansCJKsc-Regular.otf"
    return path if path.is_file() else None


def register_cjk_font() -> str | None:
    """Make a Chinese-capable font known to matplotlib; return its family name.

    Uses the font bundled with ``mplfonts``; failing that, any CJK font the system
    has. Returns ``None`` (and leaves matplotlib unchanged) when neither exists.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.viz.register_cjk_font()
    'Noto Sans CJK SC'
    """
    names = {f.name for f in font_manager.fontManager.ttflist}
    if CJK_FONT in names:
        return CJK_FONT
    path = cjk_font_path()
    if path is not None:
        font_manager.fontManager.addfont(str(path))
        logging.getLogger("matplotlib.font_manager").addFilter(_NoBoldCJKWarning())
        return CJK_FONT
    for family in (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "WenQuanYi Zen Hei",
        "Microsoft YaHei",
        "PingFang SC",
        "SimHei",
        "Noto Sans SC",
    ):
        if family in names:
            return family
    return None


def set_theme(lang: Lang = "en", context: str = "notebook") -> None:
    """Apply cxlab's plotting theme (fonts, palette, seaborn style).

    The Chinese font in use is :func:`register_cjk_font`'s answer.

    Parameters
    ----------
    lang : {"en", "zh"}
        ``"zh"`` puts the Chinese font first, so Chinese text uses one consistent
        typeface; ``"en"`` keeps DejaVu Sans first and the Chinese font as fallback,
        so a Chinese word in an English plot still renders.
    context : str
        A seaborn context: "paper", "notebook", "talk" or "poster" (talk for
        presenting in class).

    The language is remembered (:func:`language`): answer checks and other package text
    without a ``lang`` argument then speak it.

    With ``lang="zh"`` pandas also counts a Chinese character as two columns when it
    prints a table (``display.unicode.east_asian_width``), so Chinese headings line up with
    their values, and shows text cells whole (``display.max_colwidth = None``); ``"en"``
    restores both.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.viz.set_theme(lang="zh", context="talk")
    >>> cx.viz.plt.rcParams["font.family"]  # Chinese first, DejaVu Sans for the rest
    ['Noto Sans CJK SC', 'DejaVu Sans']
    >>> import pandas as pd
    >>> pd.get_option("display.unicode.east_asian_width")
    True
    >>> cx.viz.set_theme()  # back to English first
    >>> cx.viz.plt.rcParams["font.family"], pd.get_option("display.unicode.east_asian_width")
    (['DejaVu Sans', 'Noto Sans CJK SC'], False)
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    import seaborn as sns

    _language[0] = lang

    cjk = register_cjk_font()
    sns.set_theme(context=context, style="whitegrid", palette=PALETTE)
    fonts = font_family(lang)
    # An explicit family list (not the generic "sans-serif", which resolves to one
    # font) lets matplotlib fall back glyph by glyph from the first font to the next.
    matplotlib.rcParams["font.family"] = fonts
    matplotlib.rcParams["font.sans-serif"] = [*fonts, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = cjk is None or lang == "en"
    matplotlib.rcParams["figure.dpi"] = 100
    import pandas as pd

    pd.set_option("display.unicode.east_asian_width", lang == "zh")
    # pandas 3.1 appends dots to a Chinese cell that is under max_colwidth characters but
    # wider in columns; with Chinese text shown whole the glitch cannot occur
    if lang == "zh":
        pd.set_option("display.max_colwidth", None)
    else:
        pd.reset_option("display.max_colwidth")
    matplotlib.rcParams["savefig.bbox"] = "tight"


def font_family(lang: Lang = "en") -> list[str]:
    """The font list for *lang*: the Chinese font first for ``"zh"``, as the fallback
    behind DejaVu Sans for ``"en"`` (so one label can mix both); DejaVu Sans alone when no
    Chinese font can be registered. Use it in ``matplotlib.rc_context`` to draw one
    figure in a language without changing the theme.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.viz.font_family("zh")
    ['Noto Sans CJK SC', 'DejaVu Sans']
    """
    cjk = register_cjk_font()
    if cjk is None:
        return [LATIN_FONT]
    return [cjk, LATIN_FONT] if lang == "zh" else [LATIN_FONT, cjk]


def figure_words(
    lang: Lang | None, words: Mapping[str, Mapping[str, str]] | None = None
) -> tuple[Lang, Mapping[str, str], list[str]]:
    """What a ``plot(lang=...)`` needs: the language (``None`` → :func:`language`), its
    word table from *words* (``{"en": {...}, "zh": {...}}``) and the font family to draw
    with (:func:`font_family`). An unknown language is a ValueError.

    Draw inside ``matplotlib.rc_context({"font.family": family})`` and call
    :func:`refont` on the axes at the end.

    Examples
    --------
    >>> lang, words, family = figure_words("zh", {"en": {"x": "power"}, "zh": {"x": "功效"}})
    >>> lang, words["x"], family[0]
    ('zh', '功效', 'Noto Sans CJK SC')
    >>> figure_words("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang must be 'en' or 'zh', not 'fr'
    """
    lang = lang or language()
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    return lang, (words or {}).get(lang, {}), font_family(lang)


def refont(ax: Any, family: list[str]) -> None:
    """Give every text of *ax* (title, labels, ticks, legend, annotations) the font
    *family* — also texts made before the plot drew, outside its font context, so a
    Chinese label on an axes the caller made still renders.

    Examples
    --------
    >>> import cxlab as cx
    >>> fig, ax = cx.viz.plt.subplots()
    >>> _ = ax.set_title("功效")
    >>> refont(ax, font_family("zh"))
    >>> ax.title.get_fontfamily()[0]
    'Noto Sans CJK SC'
    >>> cx.viz.plt.close(fig)
    """
    import matplotlib.text

    for text in ax.findobj(matplotlib.text.Text):
        text.set_fontfamily(family)


def language() -> Lang:
    """The notebook's language: the ``lang`` of the last :func:`set_theme` call ("en"
    before any call). Text that cxlab prints without a ``lang`` argument, such as the
    feedback of :func:`cxlab.check`, follows it.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.viz.set_theme(lang="zh")
    >>> cx.viz.language()
    'zh'
    >>> cx.viz.set_theme()
    >>> cx.viz.language()
    'en'
    """
    return _language[0]


def label(en: str, zh: str, lang: Lang = "en") -> str:
    """Pick the English or Chinese wording of a label.

    >>> label("Satisfaction", "满意度", lang="zh")
    '满意度'
    """
    return zh if lang == "zh" else en
