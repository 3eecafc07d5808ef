"""cx.sem path diagrams (cxlab.sem.diagram): pure matplotlib, readable, honest.

Models: Political Democracy (lavaan's SEM example), Holzinger-Swineford 3-factor CFA,
the hotel 4E model (four realms → memory → satisfaction → loyalty / word of mouth),
an observed-variable path model, a multi-group model and the ECSI model on
ecsi_mobile, whose CB-SEM solution is inadmissible.
"""

from __future__ import annotations

import itertools
import json
import logging
import warnings

import matplotlib
import matplotlib.figure
import matplotlib.image
import numpy as np
import pytest
from matplotlib.patches import Ellipse, Rectangle

import cxlab as cx
from cxlab.errors import DataError, InadmissibleSolutionError
from cxlab.sem.diagram import RED, format_coef, plot_path, save_path

PD_MODEL = """
ind60 =~ x1 + x2 + x3
dem60 =~ y1 + a*y2 + b*y3 + c*y4
dem65 =~ y5 + a*y6 + b*y7 + c*y8
dem60 ~ ind60
dem65 ~ ind60 + dem60
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8
"""
HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
# datasets/make/hotel_4e.py: three 7-point items per construct (no 7-item constructs);
# esc3r is stored reverse-keyed, so the model uses esc3 = 8 - esc3r.
HOTEL_MODEL = """
EDU =~ edu1 + edu2 + edu3
EST =~ est1 + est2 + est3
ENT =~ ent1 + ent2 + ent3
ESC =~ esc1 + esc2 + esc3
MEM =~ mem1 + mem2 + mem3
SAT =~ sat1 + sat2 + sat3
LOY =~ loy1 + loy2 + loy3
WOM =~ wom1 + wom2 + wom3
MEM ~ EDU + EST + ENT + ESC
SAT ~ MEM + ENT
LOY ~ SAT
WOM ~ SAT
"""
HOTEL_ZH = {
    "EDU": "教育体验",
    "EST": "审美体验",
    "ENT": "娱乐体验",
    "ESC": "逃避体验",
    "MEM": "难忘记忆",
    "SAT": "满意度",
    "LOY": "忠诚度",
    "WOM": "口碑推荐",
}


def _hotel():
    hotel = cx.datasets.load("hotel_4e")
    hotel["esc3"] = 8 - hotel["esc3r"]
    return hotel


@pytest.fixture(scope="module")
def pd_fit():
    return cx.sem.fit(PD_MODEL, cx.datasets.load("political_democracy"))


@pytest.fixture(scope="module")
def hs_fit():
    return cx.sem.fit(HS_MODEL, cx.datasets.load("holzinger_swineford"))


@pytest.fixture(scope="module")
def hotel_fit():
    return cx.sem.fit(HOTEL_MODEL, _hotel())


@pytest.fixture(scope="module")
def path_fit():
    hotel = _hotel()
    for c in ("edu", "est", "ent", "esc", "mem", "sat", "loy"):
        hotel[c.upper()] = hotel[[f"{c}1", f"{c}2", f"{c}3"]].mean(axis=1)
    model = "MEM ~ EDU + EST + ENT + ESC\nSAT ~ MEM + ENT\nLOY ~ SAT"
    return cx.sem.fit(model, hotel[["EDU", "EST", "ENT", "ESC", "MEM", "SAT", "LOY"]])


@pytest.fixture(scope="module")
def ecsi_fit(root):
    model = json.loads((root / "tests/reference/lavaan_ecsi.json").read_text())["model"]
    return cx.sem.fit(model, cx.datasets.load("ecsi_mobile"))


@pytest.fixture(scope="module")
def group_fit():
    hotel = _hotel()[["segment", "sat1", "sat2", "sat3", "loy1", "loy2", "loy3"]]
    model = "SAT =~ sat1 + sat2 + sat3\nLOY =~ loy1 + loy2 + loy3\nLOY ~ SAT"
    return cx.sem.fit(model, hotel, group="segment")


# ------------------------------------------------------------------ helpers
def _texts(fig, prefix: str = "") -> dict[str, str]:
    return {
        t.get_gid(): t.get_text()
        for t in fig.axes[0].texts
        if t.get_gid() and t.get_gid().startswith(prefix)
    }


def _nodes(fig) -> dict[str, matplotlib.patches.Patch]:
    return {
        p.get_gid()[5:]: p
        for p in fig.axes[0].patches
        if p.get_gid() and p.get_gid().startswith("node:")
    }


def _std(fit, lhs, op, rhs, group=None):
    est = fit.estimates(allow_inadmissible=True)
    row = est[(est.lhs == lhs) & (est.op == op) & (est.rhs == rhs)]
    if group is not None:
        row = row[row.group == group]
    return row.iloc[0]


def _node_overlaps(fig) -> list[tuple[str, str]]:
    fig.canvas.draw()
    boxes = {k: p.get_window_extent() for k, p in _nodes(fig).items()}
    bad = []
    for (a, ba), (b, bb) in itertools.combinations(boxes.items(), 2):
        w = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
        h = min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
        if w > 0.5 and h > 0.5:
            bad.append((a, b))
    return bad


def _labels_on_nodes(fig) -> list[tuple[str, str]]:
    """Coefficient labels whose box covers part of a variable's ellipse or box."""
    fig.canvas.draw()
    ax = fig.axes[0]
    inv = ax.transData.inverted()
    bad = []
    for t in ax.texts:
        if not str(t.get_gid()).startswith("coef:"):
            continue
        (x0, y0), (x1, y1) = inv.transform(t.get_window_extent().get_points())
        grid = np.array([(x, y) for x in np.linspace(x0, x1, 7) for y in np.linspace(y0, y1, 4)])
        for name, p in _nodes(fig).items():
            if isinstance(p, Ellipse):
                d = ((grid[:, 0] - p.center[0]) / (p.width / 2)) ** 2 + (
                    (grid[:, 1] - p.center[1]) / (p.height / 2)
                ) ** 2
                hit = (d < 0.98).any()
            else:
                bx, by = p.get_xy()
                hit = (
                    (grid[:, 0] > bx + 0.01)
                    & (grid[:, 0] < bx + p.get_width() - 0.01)
                    & (grid[:, 1] > by + 0.01)
                    & (grid[:, 1] < by + p.get_height() - 0.01)
                ).any()
            if hit:
                bad.append((t.get_gid(), name))
    return bad


# ------------------------------------------------------------------ formatting
def test_format_coef_apa_style():
    assert format_coef(0.4478, 0.0001) == ".45***"
    assert format_coef(0.4478, 0.004) == ".45**"
    assert format_coef(0.4478, 0.03) == ".45*"
    assert format_coef(0.4478, 0.2) == ".45"
    assert format_coef(-0.1234) == "−.12"  # U+2212, a real minus sign
    assert format_coef(-0.001) == ".00"  # no "−.00"
    assert format_coef(1.471, 0.008, apa=False) == "1.47**"
    assert format_coef(0.6, apa=False) == "0.60"
    assert format_coef(2.29) == "2.29"
    assert format_coef(0.5, float("nan")) == ".50"  # fixed parameter: no stars
    assert format_coef(float("nan")) == "NA"


# ------------------------------------------------------------------ Political Democracy
def test_political_democracy_diagram(pd_fit):
    fig = plot_path(pd_fit)
    coefs = _texts(fig, "coef:")
    row = _std(pd_fit, "dem60", "~", "ind60")
    assert format_coef(row["std.all"], row["pvalue"]) == ".45***"  # lavaan: 0.448
    assert coefs["coef:ind60->dem60"] == ".45***"
    assert coefs["coef:dem60->dem65"] == ".88***"
    assert coefs["coef:ind60->dem65"] == ".19**"
    assert coefs["coef:ind60->x1"] == ".92"  # fixed marker loading: no stars
    assert coefs["coef:dem60->y2"].endswith("***")
    assert coefs["coef:y1<->y5"] == ".28"  # p = .10
    # 11 loadings, 3 regressions, 6 residual covariances
    assert len(coefs) == 20
    assert _texts(fig, "r2:") == {"r2:dem60": "R² = .20", "r2:dem65": "R² = .96"}
    nodes = _nodes(fig)
    assert len(nodes) == 3 + 11
    assert sum(isinstance(p, Ellipse) for p in nodes.values()) == 3
    assert _node_overlaps(fig) == []
    assert _labels_on_nodes(fig) == []
    # exogenous on the left, the final outcome on the right
    assert nodes["ind60"].center[0] < nodes["dem60"].center[0] < nodes["dem65"].center[0]


def test_layout_is_deterministic(pd_fit):
    def snapshot():
        fig = plot_path(pd_fit)
        return [(t.get_gid(), t.get_position()) for t in fig.axes[0].texts]

    assert snapshot() == snapshot()


def test_unstandardized_estimates(pd_fit):
    coefs = _texts(plot_path(pd_fit, what="est"), "coef:")
    assert coefs["coef:ind60->dem60"] == "1.47***"  # lavaan: 1.471
    assert coefs["coef:ind60->dem65"] == "0.60**"  # leading zero kept
    assert coefs["coef:ind60->x1"] == "1.00"
    assert _texts(plot_path(pd_fit, what="est"), "legend")["legend:0"] == "Unstandardized estimates"


def test_structural_part_only_and_hidden_covariances(pd_fit):
    fig = plot_path(pd_fit, show_indicators=False)
    assert set(_nodes(fig)) == {"ind60", "dem60", "dem65"}
    assert set(_texts(fig, "coef:")) == {
        "coef:ind60->dem60",
        "coef:ind60->dem65",
        "coef:dem60->dem65",
    }
    fig = plot_path(pd_fit, show_covariances=False)
    assert not any("<->" in k for k in _texts(fig, "coef:"))
    assert len(_nodes(fig)) == 14


# ------------------------------------------------------------------ CFA, 4E, path model
def test_holzinger_swineford_cfa(hs_fit):
    fig = plot_path(hs_fit)
    coefs = _texts(fig, "coef:")
    assert coefs["coef:visual<->textual"] == ".46***"  # lavaan: 0.459
    assert coefs["coef:textual<->speed"] == ".28***"  # lavaan: 0.283
    assert coefs["coef:visual<->speed"] == ".47***"  # lavaan: 0.471
    assert {coefs[f"coef:{f}->{x}"] for f, x in [("visual", "x1"), ("textual", "x4")]} == {
        ".77",
        ".85",
    }
    assert len(_nodes(fig)) == 12
    assert _texts(fig, "r2:") == {}  # a CFA has no structural R²
    assert _node_overlaps(fig) == []
    assert _labels_on_nodes(fig) == []


def test_hotel_4e_model(hotel_fit):
    fig = plot_path(hotel_fit)
    nodes = _nodes(fig)
    assert len(nodes) == 8 + 24
    assert _node_overlaps(fig) == []
    assert _labels_on_nodes(fig) == []
    coefs = _texts(fig, "coef:")
    for lhs, rhs in [("MEM", "EST"), ("SAT", "MEM"), ("LOY", "SAT"), ("WOM", "SAT")]:
        row = _std(hotel_fit, lhs, "~", rhs)
        assert coefs[f"coef:{rhs}->{lhs}"] == format_coef(row["std.all"], row["pvalue"])
    r2 = hotel_fit.r2().set_index("variable")["r2"]
    assert _texts(fig, "r2:") == {
        f"r2:{v}": f"R² = {format_coef(r2[v])}" for v in ("MEM", "SAT", "LOY", "WOM")
    }
    x = {v: nodes[v].center[0] for v in ("EDU", "EST", "ENT", "ESC", "MEM", "SAT", "LOY")}
    assert max(x[v] for v in ("EDU", "EST", "ENT", "ESC")) < x["MEM"] < x["SAT"] < x["LOY"]
    # the four realms' covariances are drawn (6 arcs)
    assert (
        sum(
            k.split(":")[1].split("<->")[0] in ("EDU", "EST", "ENT", "ESC")
            for k in coefs
            if "<->" in k
        )
        == 6
    )


def test_observed_path_model(path_fit):
    fig = plot_path(path_fit)
    nodes = _nodes(fig)
    assert set(nodes) == {"EDU", "EST", "ENT", "ESC", "MEM", "SAT", "LOY"}
    assert all(isinstance(p, Rectangle) for p in nodes.values())
    assert _node_overlaps(fig) == []
    coefs = _texts(fig, "coef:")
    row = _std(path_fit, "SAT", "~", "MEM")
    assert coefs["coef:MEM->SAT"] == format_coef(row["std.all"], row["pvalue"])
    # exogenous covariances are fixed at their sample values: no stars
    assert coefs["coef:EDU<->EST"] == format_coef(_std(path_fit, "EDU", "~~", "EST")["std.all"])
    assert "*" not in coefs["coef:EDU<->EST"]
    assert set(_texts(fig, "r2:")) == {"r2:MEM", "r2:SAT", "r2:LOY"}


# ------------------------------------------------------------------ Chinese
def test_chinese_labels_render_without_missing_glyphs(hotel_fit, tmp_path, caplog):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.WARNING, logger="matplotlib"):
            fig = plot_path(hotel_fit, lang="zh", labels=HOTEL_ZH)
            fig.savefig(tmp_path / "zh.png")
            fig.savefig(tmp_path / "zh.svg")
            # Chinese labels in an English diagram also fall back to the CJK font
            plot_path(hotel_fit, labels=HOTEL_ZH).savefig(tmp_path / "en.png")
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
    names = _texts(fig, "name:")
    assert names["name:SAT"] == "满意度" and names["name:sat1"] == "sat1"
    assert any("标准化" in t.get_text() for t in fig.axes[0].texts)
    assert _node_overlaps(fig) == []


def test_default_font_cannot_draw_chinese_control(hotel_fit, tmp_path):
    """Control: without the CJK font the same text does warn, so the test above can fail."""
    fig = matplotlib.figure.Figure()
    fig.text(0.5, 0.5, "满意度", family="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "control.png")
    assert any("missing from font" in str(w.message) for w in caught)


# ------------------------------------------------------------------ inadmissible
def test_inadmissible_fit_raises(ecsi_fit, tmp_path):
    assert not ecsi_fit.admissible
    with pytest.raises(InadmissibleSolutionError, match="cannot be reported"):
        plot_path(ecsi_fit)
    with pytest.raises(InadmissibleSolutionError):
        save_path(ecsi_fit, tmp_path / "ecsi.svg")
    assert not (tmp_path / "ecsi.svg").exists()


def test_inadmissible_fit_drawn_with_banner(ecsi_fit):
    fig = plot_path(ecsi_fit, allow_inadmissible=True)
    texts = _texts(fig)
    assert texts["banner"] == "NOT ADMISSIBLE — do not report"
    ax = fig.axes[0]
    paths = {p.get_gid(): p for p in ax.patches if str(p.get_gid()).startswith("path:")}
    red = matplotlib.colors.to_rgba(RED)
    for lhs, rhs in [("Satisfaction", "Image"), ("Loyalty", "Satisfaction")]:
        assert abs(_std(ecsi_fit, lhs, "~", rhs)["std.all"]) > 1
        assert paths[f"path:{rhs}->{lhs}"].get_edgecolor() == red
    assert paths["path:Image->Expectation"].get_edgecolor() != red
    assert _nodes(fig)["Satisfaction"].get_edgecolor() == red  # negative variance
    # 23 indicators (5 + 3 + 7 + 2 + 3 + 3), one construct with 7: still no overlaps
    assert len(_nodes(fig)) == 6 + 23
    assert _node_overlaps(fig) == []
    assert _labels_on_nodes(fig) == []
    zh = plot_path(ecsi_fit, allow_inadmissible=True, lang="zh")
    assert _texts(zh)["banner"].startswith("解不可接受")


# ------------------------------------------------------------------ groups
def test_multi_group_picks_a_group(group_fit):
    fig = plot_path(group_fit)
    assert _texts(fig, "title")["title"] == "Group: business"
    fig = plot_path(group_fit, group="leisure")
    assert _texts(fig, "title")["title"] == "Group: leisure"
    row = _std(group_fit, "LOY", "~", "SAT", group=2)
    assert _texts(fig, "coef:")["coef:SAT->LOY"] == format_coef(row["std.all"], row["pvalue"])
    with pytest.raises(DataError, match="business"):
        plot_path(group_fit, group="family")


def test_group_on_single_group_fit_is_refused(hs_fit):
    with pytest.raises(DataError, match="single group"):
        plot_path(hs_fit, group="leisure")


# ------------------------------------------------------------------ export, axes, errors
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
def test_save_path_by_suffix(pd_fit, tmp_path, suffix):
    out = save_path(pd_fit, tmp_path / f"model{suffix}")
    assert out.exists() and out.stat().st_size > 1000
    if suffix == ".png":
        image = matplotlib.image.imread(out)
        assert image.shape[0] > 200 and image.shape[1] > 400
    if suffix == ".svg":
        assert "<svg" in out.read_text(encoding="utf-8")


def test_fig_savefig_svg_and_png(hotel_fit, tmp_path):
    fig = plot_path(hotel_fit, lang="zh", labels=HOTEL_ZH)
    fig.savefig(tmp_path / "model.svg")
    fig.savefig(tmp_path / "model.png")
    assert (tmp_path / "model.svg").stat().st_size > 1000
    assert matplotlib.image.imread(tmp_path / "model.png").ndim == 3


def test_save_path_unknown_suffix(pd_fit, tmp_path):
    with pytest.raises(DataError, match=r"\.svg, \.png or \.pdf"):
        save_path(pd_fit, tmp_path / "model.jpgx")
    assert not (tmp_path / "model.jpgx").exists()


def test_draw_into_given_axes_and_figsize(hs_fit):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 5))
    try:
        out = plot_path(hs_fit, ax=axes[1])
        assert out is fig
        assert any(str(p.get_gid()).startswith("node:") for p in axes[1].patches)
        assert not axes[0].patches
    finally:
        plt.close(fig)
    small = plot_path(hs_fit, figsize=(3, 4))
    assert tuple(small.get_size_inches()) == (3, 4)
    natural = plot_path(hs_fit)
    size = {f: next(t for t in f.axes[0].texts).get_fontsize() for f in (small, natural)}
    assert size[small] < size[natural]


def test_bad_arguments(pd_fit):
    with pytest.raises(ValueError, match="lang"):
        plot_path(pd_fit, lang="fr")
    with pytest.raises(ValueError, match="what"):
        plot_path(pd_fit, what="beta")
