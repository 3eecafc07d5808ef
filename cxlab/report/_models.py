"""The model stages of :func:`cxlab.report.report`: CFA, SEM with effects, PLS-PM and
measurement invariance (private).

Problems of estimation (a non-converged or inadmissible model, a failed bootstrap)
become findings of the report, worded in the report's language; input errors still stop
the run.
"""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import CxlabError, DataError, EstimationError, ModelSpecError
from cxlab.report._steps import Study, joint_reliability
from cxlab.report._translate import diagnosis_zh
from cxlab.report._words import say

# Hu & Bentler (1999) cut-offs, used to word the findings (never to hide numbers)
CUTS = {"cfi": 0.95, "tli": 0.95, "rmsea": 0.06, "srmr": 0.08}
FIT_KEYS = ["n", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea_ci_low",
            "rmsea_ci_high", "srmr", "aic", "bic"]  # fmt: skip


#: the robust / scaled versions added to the fit table when the estimator is MLR or WLSMV
ROBUST_KEYS = ["chisq_scaled", "df_scaled", "pvalue_scaled", "chisq_scaling_factor",
               "cfi_robust", "tli_robust", "rmsea_robust", "rmsea_ci_low_robust",
               "rmsea_ci_high_robust", "cfi_scaled", "tli_scaled", "rmsea_scaled",
               "rmsea_ci_low_scaled", "rmsea_ci_high_scaled"]  # fmt: skip


def _fit_table(fit: Any, name: str) -> pd.DataFrame:
    f = fit.fit_indices()
    row = {k: f[k] for k in FIT_KEYS if k in f}
    row["n"], row["df"] = int(row["n"]), int(row["df"])
    estimator = fit.meta.get("estimator", "ML")
    if estimator != "ML":
        row.update({k: f[k] for k in ROBUST_KEYS if k in f})
        if "df_scaled" in row:
            row["df_scaled"] = round(float(row["df_scaled"]))
    return pd.DataFrame([{"model": name, "estimator": estimator, **row}])


def robust_view(f: pd.Series) -> tuple[str, pd.Series]:
    """The name of the robust versions of a fit's χ² and indices ("" for ML, "robust"
    for MLR — lavaan's ``cfi.robust`` … with the Yuan–Bentler scaled χ² —, "scaled" for
    WLSMV) and the indices with those versions in the plain names.

    Examples
    --------
    >>> kind, g = robust_view(pd.Series({"chisq": 10.0, "chisq_scaled": 8.0, "pvalue": 0.1,
    ...                                  "pvalue_scaled": 0.2, "cfi": 0.9, "cfi_robust": 0.95}))
    >>> kind, float(g["chisq"]), float(g["cfi"])
    ('robust', 8.0, 0.95)
    """
    if "chisq_scaled" not in f:
        return "", f
    kind = "robust" if "cfi_robust" in f else "scaled"
    g = f.copy()
    g["chisq"], g["pvalue"] = f["chisq_scaled"], f["pvalue_scaled"]
    for k in ("cfi", "tli", "rmsea", "rmsea_ci_low", "rmsea_ci_high"):
        if f"{k}_{kind}" in f:
            g[k] = f[f"{k}_{kind}"]
    return kind, g


def _fit_words(study: Study, f: pd.Series) -> tuple[bool, str]:
    """The fit in one line; with MLR / WLSMV the scaled χ² and the robust (MLR) or scaled
    (WLSMV) indices, the cut-offs applied to those."""
    kind, f = robust_view(f)
    good = f["cfi"] >= CUTS["cfi"] and f["rmsea"] <= CUTS["rmsea"] and f["srmr"] <= CUTS["srmr"]
    sep, semi = say(study.lang, "stat_sep"), say(study.lang, "stat_semi")
    chi = say(study.lang, f"chi_{kind}") if kind else "χ²"
    text = (
        f"{chi}({f['df']:.0f}) = {f['chisq']:.2f}{sep}p = {f['pvalue']:.3f}{semi}CFI = "
        f"{f['cfi']:.3f}{sep}TLI = {f['tli']:.3f}{sep}RMSEA = {f['rmsea']:.3f} "
        f"[{f['rmsea_ci_low']:.3f}, {f['rmsea_ci_high']:.3f}]{sep}SRMR = {f['srmr']:.3f}"
    )
    return bool(good), text


def diagnosis_text(diagnosis: str) -> str:
    """A fit's multi-line diagnosis as one paragraph: the problems joined by semicolons,
    then what to try.

    Examples
    --------
    >>> diagnosis_text("This solution cannot be reported:\\n- a is bad.\\n- b is bad.\\nFix it.")
    'a is bad; b is bad. Fix it.'
    """
    lines = [line.strip() for line in diagnosis.splitlines() if line.strip()]
    bullets = [line[2:].rstrip(".") for line in lines if line.startswith("- ")]
    rest = [line for line in lines[1:] if not line.startswith("- ")]
    return "; ".join(bullets) + (". " if bullets else "") + " ".join(rest)


def _diagnosis(study: Study, text: str) -> str:
    if study.lang == "zh":
        return diagnosis_zh(text, study.labels.named)
    return diagnosis_text(text)


def _inadmissible(study: Study, section: str, what: str, fit: Any) -> None:
    study.tables[f"{section}_diagnostics"] = fit.diagnostics
    study.numbers[section] = {"admissible": False, "converged": bool(fit.converged)}
    diagnosis = _diagnosis(study, fit.diagnosis())
    study.find("problem", section, say(study.lang, "f_cannot", what=what, diagnosis=diagnosis))


def fit_options(study: Study, model: str) -> dict[str, Any]:
    """The estimator arguments of ``cx.sem.fit`` for *model*: ``estimator="MLR"``, or for
    WLSMV the model's indicators as ``ordered`` (cx.sem then fits them by WLSMV); ML adds
    nothing (lavaan's default).

    Examples
    --------
    >>> study = Study(source={}, model="", settings={"estimator": "WLSMV"})
    >>> study.scales = {"SAT": ["s1", "s2", "s3"], "LOY": ["l1", "l2"]}
    >>> fit_options(study, "SAT =~ s1 + s2 + s3")
    {'ordered': ['s1', 's2', 's3']}
    """
    estimator = study.settings.get("estimator", "ML")
    if estimator == "MLR":
        return {"estimator": "MLR"}
    if estimator == "WLSMV":
        names = set(re.findall(r"[A-Za-z_.][\w.]*", model))
        items = [v for items in study.scales.values() for v in items if v in names]
        return {"ordered": list(dict.fromkeys(items))}
    return {}


def _fit_or_finding(study: Study, section: str, what: str, model: str, missing: str) -> Any:
    """``sem.fit`` of *model* with the report's estimator (:func:`fit_options`); an
    estimation that fails (EstimationError, or a numerical error of the optimiser)
    becomes a "problem" finding and returns None. Input errors (DataError,
    ModelSpecError — e.g. an estimator cx.sem refuses for these data) still stop the
    report."""
    from cxlab import sem

    try:
        return sem.fit(model, study.data, missing=missing, **fit_options(study, model))
    except (DataError, ModelSpecError):
        raise
    except (EstimationError, ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        study.numbers[section] = {"admissible": False, "converged": False}
        study.find(
            "problem", section, say(study.lang, "f_failed", what=what, reason=study.zh(reason))
        )
        return None


def _joint_words_known(fit: Any) -> bool:
    """Whether the page can name the joint model's ω and AVE definitions (those of a
    WLSMV fit — categorical ω, AVE of latent responses — need words of their own)."""
    from cxlab.psychometrics.model_reliability import ave_definition, omega_definition
    from cxlab.report._html import definition_words

    if fit.meta.get("estimator") != "WLSMV":
        return True
    known = definition_words()
    return omega_definition(ord_scale=True) in known and ave_definition(ordered=True) in known


def cfa(study: Study, missing: str, B: int, seed: int) -> None:
    """The measurement model: fit, standardized loadings, Fornell–Larcker and HTMT; an
    admissible one also gives the reliability table its ω, CR and AVE
    (:func:`cxlab.report._steps.joint_reliability`), the AVE the Fornell–Larcker table uses."""
    from cxlab.psychometrics.validity import discriminant_validity

    if not study.latent:
        study.note("cfa", say(study.lang, "n_no_latent_cfa"))
        return
    what = say(study.lang, "what_cfa")
    fit = _fit_or_finding(study, "cfa", what, study.measurement, missing)
    if fit is None:
        return
    study.fits["cfa"] = fit
    if not fit.admissible:
        _inadmissible(study, "cfa", what, fit)
        return
    study.tables["cfa_fit"] = _fit_table(fit, "measurement model (CFA)")
    est = fit.estimates()
    study.tables["cfa_loadings"] = est[est.op == "=~"].reset_index(drop=True)
    study.tables["cfa_diagnostics"] = fit.diagnostics
    good, text = _fit_words(study, fit.fit_indices())
    study.numbers["cfa"] = {"admissible": True, "fit_indices": fit.fit_indices().to_dict()}
    study.find("ok" if good else "warning", "cfa", say(study.lang, "f_cfa_fit", text=text))
    if _joint_words_known(fit):
        ave_method = joint_reliability(study, fit)
    else:  # WLSMV before the page can name categorical ω: the one-factor values stay
        ave_method = "fornell_larcker"
        study.note("reliability", say(study.lang, "n_wlsmv_reliability"))
    low = study.tables["cfa_loadings"].query("`std.all` < 0.5")
    if len(low):
        negative = (low["std.all"] < 0).any()
        items = say(study.lang, "list_sep").join(
            f"{r['rhs']} ({r['std.all']:.2f})" for _, r in low.iterrows()
        )
        tail = say(study.lang, "tail_negative" if negative else "tail_end")
        study.find("warning", "cfa", say(study.lang, "f_low_loadings", items=items, tail=tail))
    usable = [f for f, items in study.scales.items() if len(items) >= 2]
    if len(usable) >= 2 and B == 0:  # --bootstrap 0: no resampling at all, HTMT without CI
        _validity_without_ci(study, fit, ave_method)
    elif len(usable) >= 2:
        dv = discriminant_validity(fit, B=max(B, 200), seed=seed, ave_method=ave_method)
        study.tables["fornell_larcker"] = dv.fornell_larcker.reset_index(names="construct")
        study.tables["htmt"] = dv.htmt
        study.numbers["validity"] = {
            "ave_definition": dv.ave_definition,
            "htmt_definition": dv.htmt_definition,
        }
        for p in dv.problems:
            study.find("warning", "validity", study.zh(p))
        for r in dv.htmt[dv.htmt["above_85"] & ~dv.htmt["ci_includes_1"]].itertuples():
            a, b = study.labels.named(r.scale_1), study.labels.named(r.scale_2)
            study.find(
                "note", "validity", say(study.lang, "f_htmt_85", a=a, b=b, htmt=f"{r.htmt:.3f}")
            )
        if dv.ok:
            study.find("ok", "validity", say(study.lang, "f_dv_ok"))


def _validity_without_ci(study: Study, fit: Any, ave_method: str) -> None:
    """Fornell–Larcker and HTMT without resampling (``bootstrap=0``): the same public
    functions :func:`cxlab.psychometrics.discriminant_validity` uses — :func:`ave`,
    :func:`fornell_larcker`, :func:`htmt` — with HTMT's point estimate only (no CI, no
    HTMT-inference verdict)."""
    from cxlab.psychometrics import ave, fornell_larcker, htmt

    est = fit.to_frame()
    loads = est[est.op == "=~"]
    scales = {f: part["rhs"].tolist() for f, part in loads.groupby("lhs", sort=False)}
    factors = list(scales)
    values = ave(fit, method=ave_method, drop_single=False)
    ave_values = values.iloc[0][factors].astype(float).clip(upper=1.0)
    cor = pd.DataFrame(np.eye(len(factors)), index=factors, columns=factors)
    covs = est[(est.op == "~~") & est.lhs.isin(factors) & est.rhs.isin(factors)
               & (est.lhs != est.rhs)]  # fmt: skip
    for r in covs.itertuples():
        cor.loc[r.lhs, r.rhs] = cor.loc[r.rhs, r.lhs] = r.std_all
    fl = fornell_larcker(ave_values, cor)
    usable = {f: items for f, items in scales.items() if len(items) >= 2}
    matrix = htmt(fit.data_, usable)
    i, j = np.triu_indices(len(usable), k=1)
    names = list(usable)
    value = matrix.to_numpy()[i, j]
    table = pd.DataFrame({
        "scale_1": [names[k] for k in i], "scale_2": [names[k] for k in j], "htmt": value,
        "above_85": value > 0.85, "above_90": value > 0.90,
    })  # fmt: skip
    study.tables["fornell_larcker"] = fl.reset_index(names="construct")
    study.tables["htmt"] = table
    study.numbers["validity"] = {
        "ave_definition": values.attrs["definition"],
        "htmt_definition": matrix.attrs["definition"],
        "htmt_ci": None,
    }
    root, bad = np.sqrt(ave_values), False
    for f in factors:
        others = cor.loc[f].drop(f).abs()
        worst = others.idxmax() if len(others) else None
        if worst is not None and others[worst] >= root[f]:
            bad = True
            study.find("warning", "validity", study.zh(
                f"Fornell-Larcker: √AVE of {f} ({root[f]:.3f}) is not above its correlation "
                f"with {worst} ({others[worst]:.3f})."
            ))  # fmt: skip
    for r in table[table["above_85"]].itertuples():
        a, b = study.labels.named(r.scale_1), study.labels.named(r.scale_2)
        study.find(
            "note", "validity", say(study.lang, "f_htmt_85_noci", a=a, b=b, htmt=f"{r.htmt:.3f}")
        )
    if not bad:
        study.find("ok", "validity", say(study.lang, "f_dv_ok_noci"))


def _boot_line(study: Study, boot: Any) -> str:
    """The bootstrap's summary line in the report's language."""
    if study.lang != "zh":
        return boot.summary()
    fate = "与 lavaan 一样予以保留" if boot.inadmissible == "keep" else "已剔除"
    text = (
        f"自助法共抽样 {boot.B} 次：{boot.n_nonconverged} 次未收敛（已剔除）；"
        f"{boot.n_inadmissible} 次收敛到含负方差的解（{fate}）；实际使用 {boot.n_ok} 次。"
    )
    if boot.n_inadmissible > 0.05 * boot.B:
        text += (
            "许多次抽样的解不可接受：全样本的解接近边界（某个方差接近 0），解读置信区间时需谨慎。"
        )
    return text


def _effect_findings(study: Study, eff: pd.DataFrame) -> None:
    ci = study.zh(eff.attrs.get("ci", ""))
    named = study.labels.named
    for _, r in eff[eff["effect"].isin(["indirect", "defined"])].iterrows():
        if r["effect"] == "defined":
            name = say(study.lang, "e_defined", name=r["from"], expr=r["via"])
        elif r["via"]:
            m = study.labels.in_text(r["via"])
            name = say(study.lang, "e_indirect_via", x=named(r["from"]), y=named(r["to"]), m=m)
        else:
            name = say(study.lang, "e_indirect_all", x=named(r["from"]), y=named(r["to"]))
        zero = r["ci_low"] <= 0 <= r["ci_high"]
        text = say(
            study.lang,
            "f_effect",
            name=name,
            est=f"{r['est']:.3f}",
            low=f"{r['ci_low']:.3f}",
            high=f"{r['ci_high']:.3f}",
            beta=f"{r['std_all']:.3f}",
            ci=ci,
            verdict=say(study.lang, "zero_in" if zero else "zero_out"),
        )
        study.find("note", "effects", text)


def structural(study: Study, missing: str, B: int, seed: int, progress: bool) -> None:
    """The full model: fit, estimates, R², effects with bootstrap CIs, APA tables, diagram."""
    what = say(study.lang, "what_sem")
    fit = _fit_or_finding(study, "sem", what, study.model, missing)
    if fit is None:
        return
    study.fits["sem"] = fit
    for note in fit.notes:
        study.note("sem", study.zh(note))
    if not fit.admissible:
        _inadmissible(study, "sem", what, fit)
        return
    f = fit.fit_indices()
    study.tables["sem_fit"] = _fit_table(fit, "structural model (SEM)")
    study.tables["sem_estimates"] = fit.estimates()
    study.tables["r2"] = fit.r2()
    study.tables["sem_diagnostics"] = fit.diagnostics
    study.numbers["sem"] = {"admissible": True, "fit_indices": f.to_dict()}
    good, text = _fit_words(study, f)
    study.find("ok" if good else "warning", "sem", say(study.lang, "f_sem_fit", text=text))
    boot = mc = None
    if B > 0 and fit.meta.get("estimator") == "WLSMV":  # cx.sem refuses to resample it
        study.note("effects", say(study.lang, "n_wlsmv_delta"))
    elif B > 0 and missing == "listwise":
        try:
            boot = fit.bootstrap(B, seed=seed, progress=progress)
            study.note("effects", _boot_line(study, boot))
            study.tables["sem_bootstrap"] = boot.table
        except EstimationError as exc:
            study.find(
                "warning", "effects", say(study.lang, "f_boot_failed", error=study.zh(str(exc)))
            )
    elif B > 0:
        mc = fit.monte_carlo_ci(max(B, 1000), seed=seed)
        study.note("effects", say(study.lang, "n_fiml_mc"))
    eff = fit.effects(boot=boot, mc=mc)
    study.tables["effects"] = eff
    study.numbers["sem"]["effects_ci"] = eff.attrs.get("ci", "")
    study.numbers["sem"]["resampling"] = (
        {"method": "bootstrap", "ci": "percentile", "B": boot.B, "used": boot.n_ok}
        if boot is not None
        else {"method": "monte_carlo", "draws": max(B, 1000)}
        if mc is not None
        else {"method": "none"}
    )
    # the APA tables are built from the fits by cxlab.report._apa when the page is rendered
    _effect_findings(study, eff)
    fig = fit.plot(lang=study.lang, labels=study.labels.constructs or None)
    study.figures["path_diagram"] = _svg(fig)


def _svg(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def pls(study: Study, B: int, seed: int, progress: bool) -> None:
    """PLS path modeling of the same model (a comparison, or the only estimate when the
    CB-SEM solution is inadmissible), reported as SmartPLS does: paths, outer loadings
    and weights with bootstrap SE, t, p and CI (B and seed of the report; none with
    ``B == 0``), VIF, f², R², reliability, HTMT, effects, PLSpredict, SRMR, IPMA and the
    0–100 index (:mod:`cxlab.report._pls_section`)."""
    from cxlab import pls as pls_
    from cxlab.report import _pls_section

    gaps = bool(study.data[study.observed].isna().any(axis=None))
    try:
        fit = pls_.fit(study.model, study.data, missing="listwise" if gaps else None)
    except CxlabError as exc:
        study.find("warning", "pls", say(study.lang, "f_pls_failed", error=study.zh(str(exc))))
        return
    study.fits["pls"] = fit
    for note in fit.notes:
        study.note("pls", study.zh(note))
    try:
        _pls_section.build(study, fit, B, seed, progress)
    except CxlabError as exc:
        study.find("warning", "pls", say(study.lang, "f_pls_failed", error=study.zh(str(exc))))


def invariance(study: Study, group: str) -> None:
    """Configural, metric, scalar and strict invariance of the measurement model (with
    the report's estimator and missing-data method), then the multi-group comparison of
    the structural paths when metric invariance holds
    (:func:`cxlab.report._groups.path_comparison`)."""
    from cxlab.errors import InadmissibleSolutionError
    from cxlab.report import _groups as groups_
    from cxlab.sem import invariance as inv_

    if not study.latent:
        study.note("invariance", say(study.lang, "n_no_latent_inv"))
        groups_.path_comparison(study, group, "no latent")
        return
    estimator, missing, ordered, _ = groups_._settings(study)
    options: dict[str, Any] = {"missing": missing}
    if ordered:
        options["ordered"] = ordered
    else:
        options["estimator"] = estimator
    try:
        result = inv_(study.measurement, study.data, group, **options)
    except InadmissibleSolutionError as exc:
        diagnosis = _diagnosis(study, str(exc))
        study.find(
            "problem",
            "invariance",
            say(study.lang, "f_inv_problem", group=repr(group), diagnosis=diagnosis),
        )
        groups_.path_comparison(study, group, None)
        return
    except DataError as exc:  # e.g. a group with fewer respondents than variables
        error = study.zh(str(exc))
        study.find(
            "warning",
            "invariance",
            say(study.lang, "f_inv_not_tested", group=repr(group), error=error),
        )
        groups_.path_comparison(study, group, None)
        return
    study.tables["invariance"] = result.table
    holding = [lvl for lvl, ok in zip(result.table["level"], result.table["holds"], strict=True)
               if ok]  # fmt: skip
    last = holding[-1] if holding else "none"
    study.numbers["invariance"] = {"group": group, "highest_level": last}
    level = "ok" if last in ("scalar", "strict") else "warning"
    shown = groups_.level_name(study.lang, last)
    key = "scalar" if level == "ok" else "metric" if last == "metric" else "none"
    verdict = groups_.words(study.lang, f"verdict_{key}")
    study.find(
        level,
        "invariance",
        say(study.lang, "f_inv", group=repr(group), level=shown, verdict=verdict),
    )
    groups_.path_comparison(study, group, last, lambda text: _diagnosis(study, text))
