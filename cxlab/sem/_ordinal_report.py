"""The APA tables and the notebook display of a WLSMV fit (ordered items): the fit line
reports the mean-and-variance adjusted (scaled-shifted) χ² and the CFI, TLI and RMSEA
computed from it — lavaan's ``chisq.scaled``, ``cfi.scaled``, ``tli.scaled``,
``rmsea.scaled`` — instead of the unscaled DWLS statistic, and the note says that the
standardized values are those of the latent responses y* behind the answers.

Examples
--------
>>> from cxlab.sem.ordinal import _example_fit
>>> apa = _example_fit().to_apa()
>>> apa.note.split(";")[0]
'WLSMV estimation (DWLS on polychoric correlations, robust standard errors)'
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from cxlab.sem.report import _HEAD, ApaTables, apa_number, apa_p, repr_html

if TYPE_CHECKING:
    from cxlab.sem import SEMFit

__all__ = ["apa_wlsmv", "repr_html_wlsmv"]

_NOTE = {
    "en": (
        "WLSMV estimation (DWLS on polychoric correlations, robust standard errors); χ² = "
        "mean-and-variance adjusted (scaled-shifted) test statistic, and CFI, TLI and RMSEA "
        "computed from it (lavaan's chisq.scaled, cfi.scaled, tli.scaled, rmsea.scaled); "
        "β = standardized (std.all) on the latent responses behind the ordered answers; "
        "CI = Wald 95% interval of b; CR = composite reliability and AVE = average variance "
        "extracted, from the standardized loadings of the latent responses (not of the "
        "observed answer scale); R² of the outcome."
    ),
    "zh": (
        "WLSMV 估计（基于多分格相关的对角加权最小二乘，稳健标准误）；χ² 为均值与方差校正"
        "（scaled-shifted）的检验统计量，CFI、TLI、RMSEA 均由它计算（lavaan 的 chisq.scaled、"
        "cfi.scaled、tli.scaled、rmsea.scaled）；β 为有序题项背后潜在反应上的完全标准化系数；"
        "置信区间为 b 的 Wald 95% 区间；CR 与 AVE 由潜在反应的标准化载荷计算（并非观测答案"
        "量表上的信度）；R² 为结果变量的解释方差。"
    ),
}

#: the first clause of the note for a model with continuous variables too
_MIXED = {
    "en": (
        "DWLS on polychoric correlations",
        "DWLS on polychoric and polyserial correlations and the continuous variables' "
        "means, variances and covariances",
    ),
    "zh": (
        "基于多分格相关的对角加权最小二乘",
        "基于多分格相关、多序列相关（polyserial）及连续变量的均值、方差与协方差的对角加权最小二乘",
    ),
}


def _scaled_row(fit: SEMFit, lang: str, decimals: int) -> pd.DataFrame:
    f = fit.fit_measures
    h = _HEAD[lang]

    def bounded(key: str) -> str:
        return apa_number(f[key], 3, bounded=True)

    return pd.DataFrame(
        [
            {
                h["chisq"]: apa_number(f["chisq_scaled"], decimals),
                h["df"]: f"{f['df']:.0f}",
                h["p"]: apa_p(f["pvalue_scaled"]),
                "CFI": bounded("cfi_scaled"),
                "TLI": bounded("tli_scaled"),
                "RMSEA [90% CI]": (
                    f"{bounded('rmsea_scaled')} [{bounded('rmsea_ci_low_scaled')}, "
                    f"{bounded('rmsea_ci_high_scaled')}]"
                ),
                "SRMR": bounded("srmr"),
                "N": f"{f['n']:.0f}",
            }
        ]
    )


def apa_wlsmv(tables: ApaTables, fit: SEMFit, *, lang: str = "en", decimals: int = 2) -> ApaTables:
    """*tables* (``report.apa_tables`` of a WLSMV fit) with the scaled fit line and the
    WLSMV note (see the module docstring).

    Examples
    --------
    >>> from cxlab.sem.ordinal import _example_fit
    >>> from cxlab.sem.report import apa_tables
    >>> fit = _example_fit()
    >>> apa = apa_wlsmv(apa_tables(fit), fit)
    >>> apa.fit.iloc[0]["χ²"] == f"{fit.fit_measures['chisq_scaled']:.2f}"
    True
    """
    note = _NOTE[lang]
    if fit.meta.get("continuous"):  # ordered items with continuous variables
        note = note.replace(*_MIXED[lang])
    return replace(tables, fit=_scaled_row(fit, lang, decimals), note=note)


def repr_html_wlsmv(fit: SEMFit) -> str:
    """Jupyter display of a WLSMV fit: the scaled fit line, then the notes and the
    parameters as ``report.repr_html`` shows them (or the diagnosis when inadmissible).

    Examples
    --------
    >>> from cxlab.sem.ordinal import _example_fit
    >>> repr_html_wlsmv(_example_fit())[:45]
    '<p><b>SEM fit</b> (WLSMV, N = 500): scaled χ²'
    """
    shown = repr_html(fit)
    if not fit.admissible:
        return shown
    f = fit.fit_measures
    num = {k: apa_number(f[k], 3, bounded=True) for k in
           ("cfi_scaled", "tli_scaled", "rmsea_scaled", "rmsea_ci_low_scaled",
            "rmsea_ci_high_scaled", "srmr")}  # fmt: skip
    head = html.escape(
        f"scaled χ²({f['df']:.0f}) = {f['chisq_scaled']:.3f}, p = {apa_p(f['pvalue_scaled'])}; "
        f"scaled CFI = {num['cfi_scaled']}, TLI = {num['tli_scaled']}, RMSEA = "
        f"{num['rmsea_scaled']} [{num['rmsea_ci_low_scaled']}, {num['rmsea_ci_high_scaled']}], "
        f"SRMR = {num['srmr']}"
    )
    head = f"<p><b>SEM fit</b> (WLSMV, N = {f['n']:.0f}): {head}</p>"
    return head + shown[shown.index("</p>") + len("</p>") :]
