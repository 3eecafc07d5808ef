"""Item wording and construct names from the codebook, as the report shows them (private).

With a codebook, item rows of the HTML tables (descriptives, missing answers, item
statistics, loadings, the APA measurement table) show the item's wording next to its
column name: ``label_zh`` in Chinese reports and ``label_en`` in English ones, falling
back to the other language, then to nothing (the column name alone). A trailing scale
anchor such as "(1 = strongly disagree, 7 = strongly agree)" is left out of the wording
(the scale is in the descriptives). Chinese reports show a latent variable as its
``construct_zh`` with the model's name in brackets ("满意度（SAT）") wherever the model's
name appears; the codebook's construct of the variable's items decides which label
applies. English reports name it by the codebook's ``construct`` the same way
("Satisfaction (SAT)") when that label differs from the model's name; the APA tables and
the path diagram show the label alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

_ANCHOR = re.compile(r"\s*[(（]\s*[-−]?\d+(?:\.\d+)?\s*=[^()（）]*[)）]\s*$")
#: columns whose cells may hold latent variables' names
NAME_COLUMNS = ("construct", "scale", "lhs", "rhs", "scale_1", "scale_2", "variable", "from",
                "to", "via", "fails_against", "Construct", "构念", "Path", "路径")  # fmt: skip


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    return str(value).strip()


def wording(text: Any) -> str:
    """An item's label without its trailing scale anchor.

    Examples
    --------
    >>> wording("I learned a lot (1 = strongly disagree, 7 = strongly agree)")
    'I learned a lot'
    >>> wording("入住期间我学到了很多（1 = 非常不同意，7 = 非常同意）")
    '入住期间我学到了很多'
    """
    text = _text(text)
    short = _ANCHOR.sub("", text)
    return short or text


@dataclass
class Labels:
    """What the report calls items and latent variables in one language.

    ``items``: column → wording; ``constructs``: latent variable → its label;
    ``named(v)`` is "label（v）" ("label (v)" in English) for a labelled latent variable,
    else v.

    Examples
    --------
    >>> lab = Labels("zh", {"sat1": "我很满意"}, {"SAT": "满意度"})
    >>> lab.named("SAT"), lab.named("sat1")
    ('满意度（SAT）', 'sat1')
    """

    lang: str = "en"
    items: dict[str, str] = field(default_factory=dict)
    constructs: dict[str, str] = field(default_factory=dict)

    def named(self, name: str) -> str:
        """A latent variable's label with the model's name in brackets (or the name).

        Examples
        --------
        >>> Labels("zh", {}, {"LOY": "忠诚意向"}).named("LOY")
        '忠诚意向（LOY）'
        """
        label = self.constructs.get(name)
        if not label or label == name:
            return name
        return f"{label}（{name}）" if self.lang == "zh" else f"{label} ({name})"

    def in_text(self, text: Any) -> Any:
        """Every latent variable's name inside *text* replaced by :meth:`named` (other
        values are returned as they are).

        Examples
        --------
        >>> Labels("zh", {}, {"SAT": "满意度", "TRUST": "信任"}).in_text("TRUST, SAT")
        '信任（TRUST）, 满意度（SAT）'
        """
        if not self.constructs or not isinstance(text, str):
            return text
        names = sorted(self.constructs, key=len, reverse=True)
        pattern = r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?![\w.])"
        return re.sub(pattern, lambda m: self.named(m.group(1)), text)


def from_codebook(codebook: pd.DataFrame | None, scales: dict[str, list[str]], lang: str) -> Labels:
    """The labels of a report in *lang* from a (normalised) codebook and the model's
    scales (latent variable → its observed items).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.survey import Survey
    >>> cb = Survey(cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e")).codebook
    >>> lab = from_codebook(cb, {"MEM": ["mem1", "mem2", "mem3"]}, "zh")
    >>> lab.items["mem1"], lab.named("MEM")
    ('我会对这家酒店留下美好的回忆', '记忆（MEM）')
    >>> en = from_codebook(cb, {"MEM": ["mem1", "mem2", "mem3"]}, "en")
    >>> en.items["mem1"], en.named("MEM")
    ('I will have wonderful memories about this hotel', 'Memory (MEM)')
    """
    if codebook is None or not len(codebook):
        return Labels(lang)
    other = "en" if lang == "zh" else "zh"
    items: dict[str, str] = {}
    for _, row in codebook.iterrows():
        text = wording(row.get(f"label_{lang}")) or wording(row.get(f"label_{other}"))
        if text:
            items[str(row["name"])] = text
    constructs: dict[str, str] = {}
    column = "construct_zh" if lang == "zh" else "construct"
    label = {str(r["name"]): _text(r.get(column)) for _, r in codebook.iterrows()}
    by_name = {_text(r.get("construct")): _text(r.get(column)) for _, r in codebook.iterrows()}
    for latent, measured in scales.items():
        found = {label.get(v, "") for v in measured} - {""}
        if len(found) == 1:
            constructs[latent] = found.pop()
        elif by_name.get(latent):
            constructs[latent] = by_name[latent]
    return Labels(lang, items, constructs)
