"""Publication tables and notebook display of a fitted SEM.

``fit.to_apa()`` gives the three tables reviewers ask for, formatted the APA (7th ed.)
way: model fit (χ²(df), p, CFI, TLI, RMSEA with its 90 % CI, SRMR), the measurement
model (standardized loadings with SEs, and each construct's composite reliability and
AVE from the standardized solution) and the structural model (b, SE, β, 95 % CI, p).
Numbers that cannot exceed 1 lose their leading zero (β = .45, p = .003, CFI = .962); p
below .001 prints as "< .001"; the minus sign is a real minus (−). ``lang="zh"`` gives
Chinese headings. ``fit.diagnostics()`` lists every admissibility check with what it
means; ``_repr_html_`` shows the fit (or its diagnosis) in Jupyter.

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9", hs)
>>> print(fit.to_apa().fit.iloc[0]["RMSEA [90% CI]"])
.092 [.071, .114]
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from cxlab.errors import DataError

if TYPE_CHECKING:
    from cxlab.sem import SEMFit

__all__ = ["ApaTables", "apa_number", "apa_p", "apa_tables", "diagnostics", "repr_html"]

MINUS = "\u2212"
_ROBUST = ("cfi", "tli", "rmsea", "rmsea_ci_low", "rmsea_ci_high")
#: the first clause of the APA note of a robust fit, by language and estimator
_ROBUST_NOTE = {
    "en": {
        "MLR": "MLR estimation (robust standard errors; Yuan–Bentler scaled χ² and p; robust "
        "CFI, TLI and RMSEA)",
        "MLM": "MLM estimation (robust standard errors; Satorra–Bentler scaled χ² and p; robust "
        "CFI, TLI and RMSEA)",
    },
    "zh": {
        "MLR": "稳健最大似然（MLR）估计（稳健标准误；Yuan–Bentler 校正 χ² 及其 p 值；稳健 CFI、"
        "TLI 和 RMSEA）",
        "MLM": "MLM 估计（稳健标准误；Satorra–Bentler 校正 χ² 及其 p 值；稳健 CFI、TLI 和 RMSEA）",
    },
}
_BOUNDED = ("cfi", "tli", "rmsea", "rmsea_ci_low", "rmsea_ci_high", "srmr")

_HEAD = {
    "en": {
        "model": "Model",
        "chisq": "χ²",
        "df": "df",
        "p": "p",
        "construct": "Construct",
        "item": "Item",
        "loading": "β",
        "beta": "β",
        "se": "SE",
        "cr": "CR",
        "ave": "AVE",
        "path": "Path",
        "b": "b",
        "ci": "95% CI",
        "r2": "R²",
    },
    "zh": {
        "model": "模型",
        "chisq": "χ²",
        "df": "自由度",
        "p": "p",
        "construct": "构念",
        "item": "题项",
        "loading": "标准化载荷",
        "beta": "标准化系数 β",
        "se": "标准误",
        "cr": "组合信度 CR",
        "ave": "AVE",
        "path": "路径",
        "b": "非标准化系数 b",
        "ci": "95% 置信区间",
        "r2": "R²",
    },
}


def apa_number(x: float, decimals: int = 2, *, bounded: bool = False) -> str:
    """A number as APA prints it: real minus sign; no leading zero when ``bounded``
    (the value cannot exceed 1 in magnitude, e.g. correlations, β, p, CFI).

    >>> apa_number(-0.1234, bounded=True), apa_number(12.5, 1)
    ('−.12', '12.5')
    """
    if x is None or not math.isfinite(x):
        return "—"
    text = f"{x:.{decimals}f}"
    if bounded and abs(round(x, decimals)) < 1:
        text = text.replace("0.", ".", 1)
    return text.replace("-", MINUS)


def apa_p(p: float) -> str:
    """p as APA prints it: three decimals without the leading zero, "< .001" below that.

    >>> apa_p(0.0004), apa_p(0.0312)
    ('< .001', '.031')
    """
    if p is None or not math.isfinite(p):
        return "—"
    return "< .001" if p < 0.001 else apa_number(p, 3, bounded=True)


@dataclass
class ApaTables:
    """Model fit, measurement model and structural model as formatted text tables.

    No ``plot()``: these are tables of formatted text (draw the model with
    ``fit.plot()``)."""

    fit: pd.DataFrame
    measurement: pd.DataFrame
    structural: pd.DataFrame
    note: str

    def summary(self) -> str:
        """The three tables as plain text, each under its title, then the note.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> print(fit.to_apa().summary().splitlines()[0])
        Model fit
        """
        parts = [
            f"{title}\n{frame.to_string(index=False)}"
            for title, frame in self._titled()
            if len(frame)
        ]
        return "\n\n".join([*parts, self.note])

    def to_frame(
        self, which: Literal["fit", "measurement", "structural"] = "structural"
    ) -> pd.DataFrame:
        """One of the tables (formatted text): by default the structural model, or
        ``which="fit"`` / ``"measurement"``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> list(fit.to_apa().to_frame("measurement").columns[:3])
        ['Construct', 'Item', 'β']
        """
        if which not in ("fit", "measurement", "structural"):
            raise DataError(f"which must be 'fit', 'measurement' or 'structural', not {which!r}.")
        return getattr(self, which).copy()

    def _titled(self) -> list[tuple[str, pd.DataFrame]]:
        return [
            ("Model fit", self.fit),
            ("Measurement model", self.measurement),
            ("Structural model", self.structural),
        ]

    def to_excel(self, path: str | Path) -> Path:
        """All three tables in one workbook (one sheet each), spreadsheet formulas escaped.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> out = fit.to_apa().to_excel(pathlib.Path(tempfile.mkdtemp()) / "tables.xlsx")
        >>> out.name, out.stat().st_size > 0
        ('tables.xlsx', True)
        """
        from cxlab.privacy import escape_formulas

        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            raise DataError(f"to_excel writes .xlsx files, not {target.name!r}.")
        with pd.ExcelWriter(target) as writer:
            for name in ("fit", "measurement", "structural"):
                escape_formulas(getattr(self, name)).to_excel(writer, sheet_name=name, index=False)
        return target

    def to_html(self) -> str:
        """The tables as HTML (for reports).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> fit.to_apa().to_html()[:21]
        '<h4>Model fit</h4><ta'
        """
        parts = []
        for title, frame in self._titled():
            if len(frame):
                parts.append(f"<h4>{title}</h4>" + frame.to_html(index=False, escape=True))
        return "\n".join(parts) + f"<p><em>{html.escape(self.note)}</em></p>"

    def _repr_html_(self) -> str:
        return self.to_html()


def apa_tables(
    fit: SEMFit,
    *,
    lang: str = "en",
    decimals: int = 2,
    labels: Mapping[str, str] | None = None,
) -> ApaTables:
    """The publication tables of an admissible fit (see the module docstring).

    ``labels`` maps variable names to the names printed (e.g. Chinese construct names),
    as in ``fit.plot(labels=...)``; unmapped names print as they are.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.report import apa_tables
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> apa = apa_tables(cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs))
    >>> apa.fit[["CFI", "SRMR", "N"]]
        CFI  SRMR    N
    0  .975  .047  301
    """
    if lang not in _HEAD:
        raise DataError(f"lang must be one of {sorted(_HEAD)}, not {lang!r}.")
    h = _HEAD[lang]
    names = dict(labels or {})

    def name(v: str) -> str:
        return names.get(v, v)

    f = fit.fit_indices()
    estimator = fit.meta.get("estimator", "ML")
    # robust fits (MLR, MLM) report the scaled χ² and the robust CFI, TLI and RMSEA
    sc, rb = ("_scaled", "_robust") if estimator in ("MLR", "MLM") else ("", "")
    fit_table = pd.DataFrame(
        [
            {
                h["chisq"]: apa_number(f[f"chisq{sc}"], decimals),
                h["df"]: f"{f['df']:.0f}",
                h["p"]: apa_p(f[f"pvalue{sc}"]),
                "CFI": apa_number(f[f"cfi{rb}"], 3, bounded=True),
                "TLI": apa_number(f[f"tli{rb}"], 3, bounded=True),
                "RMSEA [90% CI]": (
                    f"{apa_number(f[f'rmsea{rb}'], 3, bounded=True)} "
                    f"[{apa_number(f[f'rmsea_ci_low{rb}'], 3, bounded=True)}, "
                    f"{apa_number(f[f'rmsea_ci_high{rb}'], 3, bounded=True)}]"
                ),
                "SRMR": apa_number(f["srmr"], 3, bounded=True),
                "N": f"{f['n']:.0f}",
            }
        ]
    )
    est = fit.to_frame()
    if "group" in est.columns:
        raise DataError(
            "APA tables are per group: fit each group separately, or report the "
            "invariance table (cx.invariance) for multi-group models."
        )
    meas = []
    for construct, part in est[est.op == "=~"].groupby("lhs", sort=False):
        lam = part["std_all"].to_numpy(dtype=float)
        cr = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
        ave = float(np.mean(lam**2))
        for k, (_, r) in enumerate(part.iterrows()):
            first = k == 0
            meas.append(
                {
                    h["construct"]: name(construct) if first else "",
                    h["item"]: name(r["rhs"]),
                    h["loading"]: apa_number(r["std_all"], decimals, bounded=True),
                    h["se"]: apa_number(r["se"], decimals) if np.isfinite(r["se"]) else "(fixed)",
                    h["p"]: apa_p(r["pvalue"]),
                    h["cr"]: apa_number(cr, decimals, bounded=True) if first else "",
                    h["ave"]: apa_number(ave, decimals, bounded=True) if first else "",
                }
            )
    r2 = fit.r2().set_index("variable")["r2"]
    struct = []
    for _, r in est[est.op == "~"].iterrows():
        struct.append(
            {
                h["path"]: f"{name(r['rhs'])} → {name(r['lhs'])}",
                h["b"]: apa_number(r["est"], decimals),
                h["se"]: apa_number(r["se"], decimals),
                h["beta"]: apa_number(r["std_all"], decimals, bounded=True),
                h["ci"]: f"[{apa_number(r['ci_low'], decimals)}, "
                f"{apa_number(r['ci_high'], decimals)}]",
                h["p"]: apa_p(r["pvalue"]),
                h["r2"]: apa_number(float(r2.get(r["lhs"], np.nan)), decimals, bounded=True),
            }
        )
    note = (
        "ML estimation; β = standardized (std.all); CI = Wald 95% interval of b; CR = "
        "composite reliability and AVE = average variance extracted, from the standardized "
        "loadings; R² of the outcome."
        if lang == "en"
        else "最大似然估计；β 为完全标准化系数；置信区间为 b 的 Wald 95% 区间；"
        "CR 与 AVE 由标准化载荷计算；R² 为结果变量的解释方差。"
    )
    if sc:
        sep = ";" if lang == "en" else "；"
        note = _ROBUST_NOTE[lang][estimator] + sep + note.split(sep, 1)[1]
    return ApaTables(fit_table, pd.DataFrame(meas), pd.DataFrame(struct), note)


def diagnostics(fit: SEMFit) -> pd.DataFrame:
    """Every admissibility check: check, ok, detail (plain words).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.report import diagnostics
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> diagnostics(fit)[["check", "ok"]].head(2)
                                     check    ok
    0                            converged  True
    1  no Heywood case (negative variance)  True
    """
    problems = fit.problems
    rows = [
        (
            "converged",
            fit.converged,
            "The estimation converged."
            if fit.converged
            else f"The estimation did not converge ({fit.optimizer.get('message', '')}): the "
            "numbers are not maximum-likelihood estimates. Try simpler models or check the data.",
        )
    ]
    checks = [
        ("no Heywood case (negative variance)", "is negative"),
        ("standardized estimates within ±1", "beyond ±1"),
        ("latent covariance matrix positive definite", "covariance matrix of the factors"),
        ("residual covariance matrix positive definite", "residual covariance matrix"),
        ("identified", "information matrix is singular"),
    ]
    for name, key in checks:
        hits = [p for p in problems if key in p]
        rows.append((name, not hits, " ".join(hits) if hits else "OK."))
    return pd.DataFrame(rows, columns=["check", "ok", "detail"])


def repr_html(fit: SEMFit) -> str:
    """Jupyter display: the fit line and the parameters (``fit.to_frame()``), or the
    diagnosis in a red box.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.report import repr_html
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> repr_html(fit)[:30]
    '<p><b>SEM fit</b> (ML, N = 301'
    """
    if not fit.admissible:
        body = html.escape(fit.diagnosis()).replace("\n", "<br>")
        return (
            '<div style="border:2px solid #c0392b;padding:8px;color:#c0392b">'
            f"<b>SEM fit NOT admissible — do not report these estimates.</b><br>{body}</div>"
        )
    f = fit.fit_measures
    num = {k: apa_number(f[k], 3, bounded=True) for k in _BOUNDED}
    estimator = fit.meta.get("estimator", "ML")
    head = (
        f"<p><b>SEM fit</b> ({estimator}, N = {f['n']:.0f}): χ²({f['df']:.0f}) = "
        f"{f['chisq']:.3f}, p = {apa_p(f['pvalue'])}; CFI = {num['cfi']}, TLI = {num['tli']}, "
        f"RMSEA = {num['rmsea']} [{num['rmsea_ci_low']}, {num['rmsea_ci_high']}], SRMR = "
        f"{num['srmr']}</p>"
    )
    if estimator in ("MLR", "MLM"):
        rb = {k: apa_number(f[f"{k}_robust"], 3, bounded=True) for k in _ROBUST}
        test = "Yuan–Bentler" if estimator == "MLR" else "Satorra–Bentler"
        head += (
            f"<p>{test} scaled χ²({f['df']:.0f}) = {f['chisq_scaled']:.3f}, p = "
            f"{apa_p(f['pvalue_scaled'])} (scaling factor {f['chisq_scaling_factor']:.3f}); "
            f"robust CFI = {rb['cfi']}, TLI = {rb['tli']}, RMSEA = {rb['rmsea']} "
            f"[{rb['rmsea_ci_low']}, {rb['rmsea_ci_high']}]; robust standard errors</p>"
        )
    notes = "".join(f"<p><em>{html.escape(n)}</em></p>" for n in fit.notes)
    return head + notes + fit.to_frame().round(3).to_html(index=False, na_rep="", escape=True)
