"""The Methods and Results paragraphs of :func:`cxlab.report.report` and its reviewers'
checklist (private).

Every sentence is written from what the run did and from the fitted objects' numbers
(``study.numbers``, ``study.tables``, ``study.fits``): the estimator and why (Mardia's
tests, :func:`cxlab.psychometrics.mardia`), the missing-data method and the n analysed,
every resampling step with its B and seed — or that there was none (``bootstrap=0``:
delta-method CIs of effects, HTMT without CI) —, and the software versions. APA 7 number
style: p as "< .001" or three decimals without the leading zero, no leading zero for
quantities that cannot exceed 1, CIs as [a, b].

The checklist marks the items of the journal article reporting standards for structural
equation models (Appelbaum et al. 2018, *American Psychologist*, 73(1), 3–25) that the
brief names — model specification, identification, estimator and its justification,
missing data, fit, modifications, alternative models — plus the software, as done / not
done / not applicable. Words of both languages are in :data:`_WORDS` (same keys).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from cxlab.report._methods_words import EN, ZH
from cxlab.report._steps import Study
from cxlab.report._words import say, tidy

#: the words of this module, one dict per language with the same keys
_WORDS: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}

#: the checklist's rows: (key, English item) — the table's ``item`` column stays English
CHECKLIST = [
    "spec",
    "ident",
    "estimator",
    "missing",
    "fit",
    "modifications",
    "alternatives",
    "software",
]


#: the effects' CI methods (``effects().attrs["ci"]`` without the level) in Chinese
_CI_ZH = {"delta method (Wald)": "delta 法（Wald）", "bootstrap percentile": "百分位自助法",
          "Monte-Carlo percentile": "蒙特卡洛百分位法"}  # fmt: skip


#: the factor-scaling clause of the estimator sentences, dropped for path models
_SCALING = [", first loading of each factor fixed to 1", "; first loading of each factor fixed "
            "to 1", "，每个因子的第一个载荷固定为 1", "；每个因子的第一个载荷固定为 1"]  # fmt: skip


def _say(lang: str, key: str, **values: Any) -> str:
    text = _WORDS[lang][key].format(**values)
    return tidy(text) if lang == "zh" else text


def apa_p(p: float) -> str:
    """p the APA way, with its relation sign: "< .001" or "= .034".

    Examples
    --------
    >>> apa_p(0.0004), apa_p(0.0341), apa_p(1.0)
    ('< .001', '= .034', '= 1.000')
    """
    if not math.isfinite(p):
        return "= n/a"
    if p < 0.001:
        return "< .001"
    return "= " + (f"{p:.3f}" if p >= 1 else f"{p:.3f}".replace("0.", ".", 1))


def nz(x: float, decimals: int = 2) -> str:
    """A value that cannot exceed 1 without its leading zero: ".62", "−.05".

    Examples
    --------
    >>> nz(0.618), nz(-0.054, 3), nz(1.0)
    ('.62', '−.054', '1.00')
    """
    text = f"{abs(x):.{decimals}f}"
    if text.startswith("0."):
        text = text[1:]
    return ("−" if x < 0 and float(text) != 0 else "") + text


def _num(x: float, decimals: int = 2) -> str:
    return f"{x:.{decimals}f}".replace("-", "−")


def _percent(share: float) -> str:
    return f"{100 * share:.1f} %"


def _fit_text(study: Study, model: str) -> tuple[bool, str] | None:
    from cxlab.report._models import CUTS, robust_view

    f = study.numbers.get(model, {}).get("fit_indices")
    if not f:
        return None
    kind, g = robust_view(pd.Series(f))
    good = g["cfi"] >= CUTS["cfi"] and g["rmsea"] <= CUTS["rmsea"] and g["srmr"] <= CUTS["srmr"]
    chi = {"": "χ²", "robust": "scaled χ²", "scaled": "adjusted χ²"}[kind]
    if study.lang == "zh":
        chi = {"": "χ²", "robust": "校正 χ²", "scaled": "均值方差校正 χ²"}[kind]
    sep = ", " if study.lang == "en" else "，"
    text = sep.join(
        [
            f"{chi}({g['df']:.0f}) = {g['chisq']:.2f}",
            f"p {apa_p(g['pvalue'])}",
            f"CFI = {nz(g['cfi'], 3)}",
            f"TLI = {nz(g['tli'], 3)}",
            f"RMSEA = {nz(g['rmsea'], 3)} "
            f"[{nz(g['rmsea_ci_low'], 3)}, {nz(g['rmsea_ci_high'], 3)}]",
            f"SRMR = {nz(g['srmr'], 3)}",
        ]
    )
    return bool(good), text


def _estimator(study: Study) -> str:
    return str(study.settings.get("estimator", "ML"))


def _resampling(study: Study) -> list[str]:
    """The sentences on resampling: effects, HTMT, PLS and the seed."""
    lang, s = study.lang, study.settings
    B = int(s["bootstrap"])
    effects = "effects" in study.tables and bool(
        study.tables["effects"]["effect"].isin(["indirect", "defined"]).any()
    )
    parts: list[str] = []
    how = study.numbers.get("sem", {}).get("resampling", {}).get("method")
    robust = _estimator(study) != "ML"
    if B == 0:
        se = ("稳健" if lang == "zh" else "robust") if robust else "ML"
        htmt = "htmt" in study.tables
        keys = {(True, True): "none", (False, True): "none_noeff",
                (True, False): "none_nohtmt", (False, False): "none_nothing"}  # fmt: skip
        key = keys[(effects, htmt)]
        parts.append(_say(lang, key, se=se))
        if s.get("pls"):
            parts.append(_say(lang, "pls_noboot"))
            parts += _pls_predict(study)
        return parts
    if effects and how == "bootstrap":
        r = study.numbers["sem"]["resampling"]
        parts.append(_say(lang, "boot", B=r["B"], used=r["used"]))
    elif effects and how == "monte_carlo":
        parts.append(_say(lang, "mc", draws=study.numbers["sem"]["resampling"]["draws"]))
    elif effects and _estimator(study) == "WLSMV":
        parts.append(_say(lang, "wlsmv_eff"))
    elif effects:
        parts.append(_say(lang, "boot_failed"))
    if "htmt" in study.tables and "ci_low" in study.tables["htmt"]:
        parts.append(_say(lang, "htmt_ci", B=max(B, 200)))
    if s.get("pls"):
        pls_b = study.numbers.get("pls", {}).get("bootstrap", {}).get("B", B)
        parts.append(_say(lang, "pls", B=pls_b) if pls_b else _say(lang, "pls_noboot"))
    parts += _pls_predict(study)
    parts.append(_say(lang, "seed", seed=s["seed"]))
    return parts


def _pls_predict(study: Study) -> list[str]:
    """PLSpredict's random folds: the one random step left with ``bootstrap=0``."""
    pred = study.numbers.get("pls", {}).get("predict")
    if not pred:
        return []
    return [_say(study.lang, "pls_predict", k=pred["k"], seed=pred["seed"])]


def _estimation(study: Study) -> list[str]:
    """Normality (items and Mardia), then the estimator and why."""
    lang, est = study.lang, _estimator(study)
    info = (
        ("观测" if lang == "zh" else "observed")
        if study.settings["missing"] == "fiml"
        else ("期望" if lang == "zh" else "expected")
    )
    norm = study.numbers.get("normality")
    parts: list[str] = []
    normal = None
    if norm:
        s0, s1 = norm["skew_range"]
        k0, k1 = norm["kurtosis_range"]
        parts.append(_say(lang, "shape", s0=_num(s0), s1=_num(s1), k0=_num(k0), k1=_num(k1)))
        normal = bool(norm["normal"])
        parts.append(
            _say(
                lang,
                "mardia",
                b1p=_num(norm["b1p"]),
                df=f"{norm['df_skew']:.0f}",
                chi=_num(norm["skew"]),
                p1=apa_p(norm["p_skew"]),
                b2p=_num(norm["b2p"]),
                z=_num(norm["kurtosis"]),
                p2=apa_p(norm["p_kurtosis"]),
                n=norm["n"],
                k=norm["p"],
            )
            + _say(lang, "mardia_ok" if normal else "mardia_bad")
        )
    if est == "WLSMV":
        sample = study.numbers.get("sample", {})
        k = sum(len(items) for items in study.scales.values())
        used = study.numbers.get("sem", study.numbers.get("cfa", {}))
        used = used.get("fit_indices", {}).get("n", sample.get("n_complete"))
        parts.append(_say(lang, "wlsmv", k=k, used=int(used), n=sample.get("n_file")))
        return parts
    suffix = "" if normal is None else "_ok" if normal else "_bad"
    text = _say(lang, ("mlr" if est == "MLR" else "ml") + suffix, info=info)
    if not study.latent:  # a path model of observed variables: no factor to scale
        for clause in _SCALING:
            text = text.replace(clause, "")
    parts.append(text)
    return parts


def methods_text(study: Study, meta: dict[str, Any]) -> str:
    """The Methods paragraph: data and software versions, missing data, normality and the
    estimator with its justification, reliability and validity, fit, every resampling
    step (or none) with B and seed, invariance and PLS — in the report's language.

    Examples
    --------
    >>> study = Study(source={"data_sha256": "ab" * 32}, model="y ~ x", lang="en",
    ...     settings={"missing": "listwise", "bootstrap": 0, "seed": 1, "estimator": "MLR"})
    >>> study.numbers["sample"] = {"n_file": 120, "n_complete": 118, "missing_share": 0.01}
    >>> meta = {"versions": {"cxlab": "0.1", "python": "3.12", "numpy": "2.0",
    ...                      "scipy": "1.14", "pandas": "2.2"}}
    >>> text = methods_text(study, meta)
    >>> "MLR" in text and "118 of 120" in text and "No resampling" in text
    True
    """
    lang, s = study.lang, study.settings
    v = meta["versions"]
    sample = study.numbers.get("sample", {})
    n = sample.get("n_file", "?")
    sha = str(study.source.get("data_sha256", ""))[:12]
    parts = [
        _say(
            lang,
            "data",
            n=n,
            sha=sha,
            **{k: v.get(k, "?") for k in ("cxlab", "python", "numpy", "scipy", "pandas")},
        )
    ]
    complete = sample.get("n_complete", n)
    if _estimator(study) == "WLSMV":
        pass  # the WLSMV sentence says how missing answers were handled
    elif s["missing"] == "fiml":
        parts.append(_say(lang, "fiml", n=n, share=_percent(sample.get("missing_share", 0.0))))
    elif complete == n:
        parts.append(_say(lang, "complete", n=n))
    else:
        parts.append(_say(lang, "listwise", used=complete, n=n))
    parts += _estimation(study)
    if study.scales:
        parts.append(_say(lang, "reliability"))
        if study.numbers.get("reliability", {}).get("source") == "measurement_model":
            parts.append(say(lang, "m_rel_joint"))
    kind = {"MLR": "fit_robust", "WLSMV": "fit_scaled"}.get(_estimator(study))
    parts.append(_say(lang, "fit", robust=_say(lang, kind) if kind else ""))
    parts += _resampling(study)
    if s.get("group"):
        parts.append(_say(lang, "invariance", group=s["group"]))
    return ("" if lang == "zh" else " ").join(parts)


def _results_effects(study: Study) -> list[str]:
    lang, named = study.lang, study.labels.named
    eff = study.tables.get("effects")
    if eff is None:
        return []
    ci = str(eff.attrs.get("ci", study.numbers.get("sem", {}).get("effects_ci", "")))
    ci = ci.removeprefix("95% ").removeprefix("95 % ")
    if lang == "zh":
        ci = _CI_ZH.get(ci, study.zh(ci))
    out = []
    for _, r in eff[eff["effect"].isin(["indirect", "defined"])].iterrows():
        if r["effect"] == "defined":
            name = _say(lang, "r_defined", name=r["from"], expr=r["via"])
        elif r["via"]:
            m = study.labels.in_text(r["via"])
            name = _say(lang, "r_indirect", x=named(r["from"]), y=named(r["to"]), m=m)
        else:
            name = _say(lang, "r_indirect_all", x=named(r["from"]), y=named(r["to"]))
        out.append(
            _say(
                lang,
                "r_effect",
                name=name,
                est=_num(r["est"], 3),
                low=_num(r["ci_low"], 3),
                high=_num(r["ci_high"], 3),
                ci=ci,
                beta=nz(r["std_all"], 3),
            )
        )
    return out


def results_text(study: Study) -> str:
    """The Results paragraph: fit of the measurement and structural models (the robust
    versions with MLR / WLSMV), the loadings' and reliabilities' ranges, the standardized
    paths with b, SE and p, R² of each outcome, and the indirect effects with their CIs —
    every number from the report's tables (the fitted objects').

    Examples
    --------
    >>> import cxlab as cx, tempfile, pathlib
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "hs.html"
    >>> rep = cx.report.report(hs, "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6",
    ...                        out, bootstrap=0)
    >>> rep.notes["results_text"][0][:60]
    'The measurement model did not meet all of the conventional c'
    """
    lang, named = study.lang, study.labels.named
    parts: list[str] = []
    for model in ("cfa", "sem"):
        what = _say(lang, f"r_what_{model}")
        if model == "sem" and not study.structural and study.latent:
            continue
        fit = _fit_text(study, model)
        if fit is None:
            if model in study.numbers:
                parts.append(_say(lang, "r_problem", what=what))
            continue
        good, text = fit
        parts.append(
            _say(
                lang,
                "r_fit",
                what=what,
                verdict=_say(lang, "r_good" if good else "r_bad"),
                text=text,
            )
        )
        if model == "cfa" and "cfa_loadings" in study.tables:
            std = study.tables["cfa_loadings"]["std.all"]
            line = _say(lang, "r_loadings", a=nz(std.min()), b=nz(std.max()))
            rel = study.tables.get("reliability")
            if rel is not None and rel["composite_reliability"].notna().any():
                cr, ave = rel["composite_reliability"], rel["ave"]
                line += _say(
                    lang, "r_rel", a=nz(cr.min()), b=nz(cr.max()), c=nz(ave.min()), d=nz(ave.max())
                )
            parts.append(line + ("。" if lang == "zh" else "."))
    est = study.tables.get("sem_estimates")
    if est is not None:
        paths = est[est["op"] == "~"]
        if len(paths):
            items = _say(lang, "sep").join(
                _say(
                    lang,
                    "r_path",
                    y=named(r["lhs"]),
                    x=named(r["rhs"]),
                    beta=nz(r["std.all"]),
                    b=_num(r["est"]),
                    se=_num(r["se"]),
                    p=apa_p(r["pvalue"]),
                )
                for _, r in paths.iterrows()
            )
            parts.append(_say(lang, "r_paths", paths=items))
        r2 = study.tables.get("r2")
        if r2 is not None and (r2["kind"] == "structural").any():
            rows = r2[r2["kind"] == "structural"]
            items = _say(lang, "and").join(
                _say(lang, "r_r2_item", r2=nz(r.r2), y=named(r.variable)) for r in rows.itertuples()
            )
            parts.append(_say(lang, "r_r2", items=items))
    parts += _results_effects(study)
    return ("" if lang == "zh" else " ").join(parts)


def checklist(study: Study, meta: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reviewers' checklist as two tables of the same rows (item, status, evidence):
    English for the CSV / xlsx / JSON files, and in the report's language for the page.

    Examples
    --------
    >>> study = Study(source={}, model="y ~ x", lang="en",
    ...     settings={"missing": "listwise", "bootstrap": 0, "seed": 1, "estimator": "ML"})
    >>> study.numbers["sample"] = {"n_file": 10, "n_complete": 10, "missing_share": 0.0}
    >>> meta = {"versions": {"cxlab": "0.1", "python": "3.12", "numpy": "2.0",
    ...                      "scipy": "1.14", "pandas": "2.2"}}
    >>> table, _ = checklist(study, meta)
    >>> for row in table.tail(3).itertuples():
    ...     print(f"{row.item}: {row.status}")
    Modifications of the model after seeing the data: not applicable
    Alternative (competing or equivalent) models: not done
    Software and versions: done
    """
    s, sample = study.settings, study.numbers.get("sample", {})
    fits = [m for m in ("sem", "cfa") if "fit_indices" in study.numbers.get(m, {})]
    est = _estimator(study)
    kind = {"MLR": " (scaled and robust versions)", "WLSMV": " (scaled versions)"}.get(est, "")
    kind_zh = {"MLR": "（以及校正和稳健版本）", "WLSMV": "（以及校正版本）"}.get(est, "")
    share = _percent(sample.get("missing_share", 0.0))
    rows: dict[str, tuple[str, str, dict[str, Any]]] = {
        "spec": ("done", "e_spec", {}),
        "ident": (
            (
                "done",
                "e_ident" if study.latent else "e_ident_paths",
                {"df": int(study.numbers[fits[0]]["fit_indices"]["df"])},
            )
            if fits
            else ("not_done", "e_ident_none", {})
        ),
        "estimator": (
            ("done", "e_estimator", {"estimator": est})
            if "normality" in study.numbers
            else ("not_done", "e_estimator_nocheck", {"estimator": est})
        ),
        "missing": (
            ("done", "e_missing_fiml", {"share": share, "n": sample.get("n_file")})
            if s["missing"] == "fiml" and est != "WLSMV"
            else (
                "done",
                "e_missing_listwise",
                {"share": share, "n": sample.get("n_file"), "used": sample.get("n_complete")},
            )
        ),
        "fit": ("done", "e_fit", {}) if fits else ("not_done", "e_fit_none", {}),
        "modifications": ("na", "e_modifications", {}),
        "alternatives": ("not_done", "e_alternatives", {}),
        "software": ("done", "e_software", dict(meta["versions"])),
    }
    tables = []
    for lang in ("en", study.lang):
        out = []
        for key in CHECKLIST:
            status, word, values = rows[key]
            if word == "e_fit":
                values = {"robust": kind if lang == "en" else kind_zh}
            out.append(
                (_say(lang, f"c_{key}"), _say(lang, f"status_{status}"), _say(lang, word, **values))
            )
        tables.append(pd.DataFrame(out, columns=["item", "status", "evidence"]))
    return tables[0], tables[1]


def write_up(study: Study, meta: dict[str, Any]) -> None:
    """Add the checklist table (``jars_checklist``; the page's version in
    ``study.shown``) and the Methods and Results paragraphs (``study.notes`` under
    ``methods_text`` and ``results_text``, so that the JSON holds them)."""
    study.tables["jars_checklist"], study.shown["jars_checklist"] = checklist(study, meta)
    study.notes["methods_text"] = [methods_text(study, meta)]
    study.notes["results_text"] = [results_text(study)]
