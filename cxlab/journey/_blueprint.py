"""The service blueprint (服务蓝图): what the customer does at each stage, what front-stage
staff do in view, what happens back stage out of view, and the support processes — with
the line of interaction, the line of visibility and the line of internal interaction
(Shostack 1984; Bitner, Ostrom & Morgan 2008). Private; public through
:mod:`cxlab.journey`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import pandas as pd

from cxlab.errors import DataError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cxlab.viz import Lang

__all__ = ["LANES", "Blueprint", "blueprint", "example_blueprint"]

#: the lanes of a blueprint, top to bottom (``evidence`` is optional)
LANES = ("evidence", "customer", "front", "back", "support")

_WORDS = {
    "en": {
        "title": "Service blueprint",
        "evidence": "Physical evidence",
        "customer": "Customer actions",
        "front": "Front stage (visible)",
        "back": "Back stage (invisible)",
        "support": "Support processes",
        "interaction": "line of interaction",
        "visibility": "line of visibility",
        "internal": "line of internal interaction",
        "fail": "fail point",
    },
    "zh": {
        "title": "服务蓝图",
        "evidence": "有形展示",
        "customer": "顾客行为",
        "front": "前台（顾客可见）",
        "back": "后台（顾客不可见）",
        "support": "支持流程",
        "interaction": "互动线",
        "visibility": "可视线",
        "internal": "内部互动线",
        "fail": "失误点",
    },
}

_EXAMPLE = {
    "en": {
        "stage": ["search & booking", "arrival & check-in", "room", "check-out"],
        "evidence": ["website, app", "lobby, front desk", "room, amenities", "invoice"],
        "customer": ["compares and books", "arrives, shows ID", "unpacks, sleeps", "pays, leaves"],
        "front": [
            "booking confirmation",
            "greets, checks in",
            "housekeeping visit",
            "settles bill",
        ],
        "back": ["reservations team", "room assignment", "housekeeping schedule", "billing check"],
        "support": [
            "booking engine, OTA feeds",
            "PMS, key cards",
            "laundry, maintenance",
            "payment system",
        ],
        "fail_point": [False, True, False, False],
    },
    "zh": {
        "stage": ["搜索与预订", "抵达与入住", "客房", "退房"],
        "evidence": ["官网、App", "大堂、前台", "客房、用品", "账单"],
        "customer": ["比较并预订", "抵达、出示证件", "入住、休息", "付款、离店"],
        "front": ["预订确认", "迎宾、办理入住", "客房服务", "结账"],
        "back": ["预订团队", "排房", "客房清洁排班", "账单核对"],
        "support": ["预订引擎、OTA 接口", "酒店管理系统、房卡", "布草、维修", "支付系统"],
        "fail_point": [False, True, False, False],
    },
}


@dataclass
class Blueprint:
    """A service blueprint (from :func:`blueprint`): ``table`` has one row per stage and
    one column per lane (``evidence`` optional, ``customer``, ``front``, ``back``,
    ``support``) and a ``fail_point`` flag."""

    table: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The blueprint table.

        Examples
        --------
        >>> import cxlab as cx
        >>> cx.journey.blueprint(cx.journey.example_blueprint()).to_frame().shape
        (4, 7)
        """
        return self.table

    def summary(self) -> str:
        """One line per stage: customer action → front stage | back stage | support.

        Examples
        --------
        >>> import cxlab as cx
        >>> print(cx.journey.blueprint(cx.journey.example_blueprint()).summary().splitlines()[2])
          arrival & check-in: arrives, shows ID → greets, checks in | room assignment | PMS, key cards  <- fail point
        """  # noqa: E501
        t = self.table
        lines = [f"Service blueprint: {len(t)} stages"]
        for row in t.itertuples(index=False):
            lines.append(
                f"  {row.stage}: {row.customer} → {row.front} | {row.back} | {row.support}"
                + ("  <- fail point" if row.fail_point else "")
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(self.summary().splitlines()[0])}</b></p>" + self.table.to_html(
            index=False
        )

    def __repr__(self) -> str:
        return self.summary()

    def plot(self, *, ax: Any = None, lang: Lang | None = None, width: int = 16) -> Figure:
        """The blueprint as a figure: stages as columns, lanes as rows, the three lines
        drawn and named, fail points outlined in red. Returns the Figure (with ``ax=``,
        drawn into that axes). ``lang``: the language of the lane names and lines (the
        cells keep the table's words); ``width``: characters per line in a cell.

        Examples
        --------
        >>> import cxlab as cx
        >>> fig = cx.journey.blueprint(cx.journey.example_blueprint("zh")).plot(lang="zh")
        >>> fig.axes[0].get_title()
        '服务蓝图'
        >>> cx.viz.plt.close(fig)
        """
        import matplotlib
        import matplotlib.pyplot as plt
        from matplotlib.patches import FancyBboxPatch

        from cxlab.viz import PALETTE, figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.table
        lanes = [lane for lane in LANES if lane in t.columns]
        k, m = len(t), len(lanes)
        with matplotlib.rc_context({"font.family": family}):
            own = ax is None
            if own:
                fig, ax = plt.subplots(figsize=(2.3 * k + 3.2, 1.1 * m + 1.6))
            fig = ax.figure
            ax.grid(False)  # the theme's grid would run through the lanes
            for i, lane in enumerate(lanes):
                y = m - 1 - i
                ax.text(
                    -0.6,
                    y,
                    textwrap.fill(words[lane], 14),
                    ha="right",
                    va="center",
                    fontsize=9,
                    weight="bold",
                )
                for j, value in enumerate(t[lane]):
                    fail = bool(t["fail_point"].iat[j]) and lane in ("customer", "front")
                    box = FancyBboxPatch(
                        (j - 0.45, y - 0.38),
                        0.9,
                        0.76,
                        boxstyle="round,pad=0.02",
                        linewidth=2 if fail else 0.8,
                        edgecolor="#D55E00" if fail else "grey",
                        facecolor=PALETTE[5] + "22",
                    )
                    ax.add_patch(box)
                    ax.text(
                        j, y, textwrap.fill(str(value), width), ha="center", va="center", fontsize=8
                    )
            lines = {
                ("customer", "front"): "interaction",
                ("front", "back"): "visibility",
                ("back", "support"): "internal",
            }
            for (upper, _lower), name in lines.items():
                y = m - 1 - lanes.index(upper) - 0.5
                ax.axhline(
                    y,
                    color="black",
                    lw=1.6 if name == "visibility" else 0.8,
                    ls="--" if name == "visibility" else ":",
                )
                ax.text(
                    k - 0.42,
                    y,
                    words[name],
                    ha="left",
                    va="center",
                    fontsize=8,
                    style="italic",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
                )
            if t["fail_point"].any():
                ax.plot([], [], color="#D55E00", lw=2, label=words["fail"])
                ax.legend(loc="upper right", bbox_to_anchor=(1, 1.12), fontsize=8, frameon=False)
            ax.set_xticks(range(k))
            ax.set_xticklabels([textwrap.fill(str(s), 14) for s in t["stage"]])
            ax.xaxis.tick_top()
            ax.set_yticks([])
            ax.set_xlim(-0.6, k + 0.5)
            ax.set_ylim(-0.6, m - 0.4)
            for side in ax.spines.values():
                side.set_visible(False)
            ax.set_title(words["title"], pad=28)
            refont(ax, family)
            if own:
                fig.tight_layout()
        return fig


def blueprint(table: pd.DataFrame, *, stage: str = "stage") -> Blueprint:
    """A service blueprint from a small table: one row per stage (in order), columns
    ``customer`` (customer actions), ``front`` (front-stage contact, visible to the
    customer), ``back`` (back-stage contact, invisible), ``support`` (support processes),
    optionally ``evidence`` (physical evidence) and ``fail_point`` (True where the stage
    fails customers, e.g. a pain point of :func:`journey_map`).

    Examples
    --------
    >>> import cxlab as cx
    >>> bp = cx.journey.blueprint(cx.journey.example_blueprint())
    >>> bp.table["fail_point"].tolist()
    [False, True, False, False]

    References
    ----------
    Shostack, G. L. (1984). Designing services that deliver. Harvard Business Review
    62(1), 133–139.
    Bitner, M. J., Ostrom, A. L., & Morgan, F. N. (2008). Service blueprinting: A practical
    technique for service innovation. California Management Review 50(3), 66–94.
    """
    if not isinstance(table, pd.DataFrame) or table.empty:
        raise DataError("blueprint needs a DataFrame with one row per stage.")
    t = table.rename(columns={stage: "stage"}) if stage != "stage" else table.copy()
    needed = ["stage", "customer", "front", "back", "support"]
    missing = [c for c in needed if c not in t.columns]
    if missing:
        raise DataError(
            f"The blueprint table lacks column(s) {missing} (it has {list(table.columns)}): "
            "one row per stage with customer, front, back and support (evidence, fail_point "
            "optional); see cx.journey.example_blueprint()."
        )
    if t["stage"].duplicated().any():
        raise DataError(f"Stage {t['stage'][t['stage'].duplicated()].iloc[0]!r} is listed twice.")
    if "fail_point" not in t.columns:
        t["fail_point"] = False
    elif not t["fail_point"].isin([True, False]).all():
        raise DataError("Column 'fail_point' must hold True or False for every stage.")
    lanes = [c for c in LANES if c in t.columns]
    t[lanes] = t[lanes].fillna("")
    return Blueprint(t[["stage", *lanes, "fail_point"]].reset_index(drop=True))


def example_blueprint(lang: Lang | None = None) -> pd.DataFrame:
    """A small blueprint of a hotel stay (four stages) in English or Chinese, to start from.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.journey.example_blueprint("zh")["stage"].tolist()
    ['搜索与预订', '抵达与入住', '客房', '退房']
    """
    from cxlab.viz import language

    lang = lang or language()
    if lang not in _EXAMPLE:
        raise DataError(f"lang must be 'en' or 'zh', not {lang!r}.")
    return pd.DataFrame(_EXAMPLE[lang])
