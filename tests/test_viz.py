"""cx.viz: Chinese labels render with no missing-glyph warning on a pip-only machine.

The control test shows the check can fail: matplotlib's default font (DejaVu Sans)
has no CJK glyphs and warns "Glyph … missing from font(s)".
"""

from __future__ import annotations

import io
import warnings

import matplotlib
import pytest

import cxlab as cx

CHINESE = "净推荐值与顾客满意度"


def _draw(title: str, fmt: str = "png") -> list[str]:
    import matplotlib.pyplot as plt

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.bar(["推荐者", "中立者", "贬损者"], [50, 30, 20])
        ax.set_title(title)
        ax.set_ylabel("占比 share (%) −")
        fig.savefig(io.BytesIO(), format=fmt)
        plt.close(fig)
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


@pytest.fixture
def clean_rc():
    saved = matplotlib.rcParams.copy()
    yield
    matplotlib.rcParams.update(saved)


def test_default_matplotlib_font_misses_chinese_glyphs(clean_rc):
    matplotlib.rcParams.update(matplotlib.rcParamsDefault)
    matplotlib.rcParams["backend"] = "Agg"
    assert _draw(CHINESE), "control: DejaVu Sans should lack CJK glyphs"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_theme_renders_chinese_without_missing_glyphs(clean_rc, lang, fmt):
    cx.viz.set_theme(lang=lang)
    assert cx.viz.register_cjk_font() == cx.viz.CJK_FONT
    assert _draw(f"{CHINESE} (NPS)", fmt) == []


def test_bundled_font_file_is_found():
    path = cx.viz.cjk_font_path()
    assert path is not None and path.stat().st_size > 1_000_000


def test_zh_theme_puts_chinese_font_first(clean_rc):
    cx.viz.set_theme(lang="zh")
    assert matplotlib.rcParams["font.family"][0] == cx.viz.CJK_FONT
    cx.viz.set_theme(lang="en")
    assert matplotlib.rcParams["font.family"][:2] == [cx.viz.LATIN_FONT, cx.viz.CJK_FONT]


def test_bad_lang_is_refused(clean_rc):
    with pytest.raises(ValueError, match="lang"):
        cx.viz.set_theme(lang="fr")


def test_label_picks_language():
    assert cx.viz.label("Loyalty", "忠诚", "zh") == "忠诚"
    assert cx.viz.label("Loyalty", "忠诚") == "Loyalty"
