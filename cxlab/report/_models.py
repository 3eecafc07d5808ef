"""The model stages of :func:`cxlab.report.report`: CFA, SEM with effects, PLS-PM and
measurement invariance (private).

Problems of estimation (a non-converged or inadmissible model, a failed bootstrap)
become findings of the report, worded in the report's language; input errors still stop
the run.
"""

from __future__ import annotations

import io
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


def _fit_table(fit: Any, name: str) -> pd.DataFrame:
    f = fit.fit_indices()
    row = {k: f[k] for k in FIT_KEYS if k in f}
    row["n"], row["df"] = int(row["n"]), int(row["df"])
    return pd.DataFrame([{"model": name, **row}])


def _fit_words(study: Study, f: pd.Series) -> tuple[bool, str]:
    good = f["cfi"] >= CUTS["cfi"] and f["rmsea"] <= CUTS["rmsea"] and f["srmr"] <= CUTS["srmr"]
    sep, semi = say(study.lang, "stat_sep"), say(study.lang, "stat_semi")
    text = (
        f"χ²({f['df']:.0f}) = {f['chisq']:.2f}{sep}p = {f['pvalue']:.3f}{semi}CFI = "
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


def _fit_or_finding(study: Study, section: str, what: str, model: str, missing: str) -> Any:
    """``sem.fit`` of *model*; an estimation that fails (EstimationError, or a numerical
    error of the optimiser) becomes a "problem" finding and returns None. Input errors
    (DataError, ModelSpecError) still stop the report."""
    from cxlab import sem

    try:
        return sem.fit(model, study.data, missing=missing)
    except (DataError, ModelSpecError):
        raise
    except (EstimationError, ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        study.numbers[section] = {"admissible": False, "converged": False}
        study.find(
            "problem", section, say(study.lang, "f_failed", what=what, reason=study.zh(reason))
        )
        return None


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
    ave_method = joint_reliability(study, fit)
    low = study.tables["cfa_loadings"].query("`std.all` < 0.5")
    if len(low):
        negative = (low["std.all"] < 0).any()
        items = say(study.lang, "list_sep").join(
            f"{r['rhs']} ({r['std.all']:.2f})" for _, r in low.iterrows()
        )
        tail = say(study.lang, "tail_negative" if negative else "tail_end")
        study.find("warning", "cfa", say(study.lang, "f_low_loadings", items=items, tail=tail))
    usable = [f for f, items in study.scales.items() if len(items) >= 2]
    if len(usable) >= 2:
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
    if B > 0 and missing == "listwise":
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
    try:
        apa = fit.to_apa()
        study.tables["apa_fit"], study.tables["apa_measurement"] = apa.fit, apa.measurement
        study.tables["apa_structural"] = apa.structural
    except DataError as exc:  # e.g. multi-group
        study.note("apa", study.zh(str(exc)))
    _effect_findings(study, eff)
    fig = fit.plot(lang=study.lang, labels=study.labels.constructs or None)
    study.figures["path_diagram"] = _svg(fig)


def _svg(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _pls_boot_line(study: Study, boot: Any) -> str:
    if study.lang != "zh":
        return boot.summary().splitlines()[0]  # the draws line, not the table
    return (
        f"自助法共抽样 {boot.B} 次：使用 {boot.n_ok} 次；{boot.n_constant} 次因重抽样中"
        f"某个题项为常数而剔除，{boot.n_nonconverged} 次因 PLS 迭代没有收敛而剔除。"
        f"百分位 {boot.level:.0%} 置信区间；随机种子 {boot.seed}。"
    )


def pls(study: Study, B: int, seed: int, progress: bool) -> None:
    """PLS path modeling of the same model (a comparison, or the only estimate when the
    CB-SEM solution is inadmissible)."""
    from cxlab import pls as pls_

    gaps = bool(study.data[study.observed].isna().any(axis=None))
    try:
        fit = pls_.fit(study.model, study.data, missing="listwise" if gaps else None)
    except CxlabError as exc:
        study.find("warning", "pls", say(study.lang, "f_pls_failed", error=study.zh(str(exc))))
        return
    study.fits["pls"] = fit
    for note in fit.notes:
        study.note("pls", study.zh(note))
    paths = fit.paths_
    if B > 0:
        boot = fit.bootstrap(max(B, 100), seed=seed, progress=progress)
        study.note("pls", _pls_boot_line(study, boot))
        paths = boot.paths()
    study.tables["pls_paths"] = paths.reset_index(drop=True)
    study.tables["pls_r2"] = fit.r2_
    study.tables["pls_reliability"] = fit.reliability()
    study.numbers["pls"] = {"n": fit.n, "iterations": fit.iterations}


_LEVEL_ZH = {"configural": "形态不变", "metric": "度量不变", "scalar": "标量不变",
             "strict": "严格不变", "none": "无"}  # fmt: skip


def invariance(study: Study, group: str) -> None:
    """Configural, metric, scalar and strict invariance of the measurement model."""
    from cxlab.errors import InadmissibleSolutionError
    from cxlab.sem import invariance as inv_

    if not study.latent:
        study.note("invariance", say(study.lang, "n_no_latent_inv"))
        return
    try:
        result = inv_(study.measurement, study.data, group)
    except InadmissibleSolutionError as exc:
        diagnosis = _diagnosis(study, str(exc))
        study.find(
            "problem",
            "invariance",
            say(study.lang, "f_inv_problem", group=repr(group), diagnosis=diagnosis),
        )
        return
    except DataError as exc:  # e.g. a group with fewer respondents than variables
        error = study.zh(str(exc))
        study.find(
            "warning",
            "invariance",
            say(study.lang, "f_inv_not_tested", group=repr(group), error=error),
        )
        return
    study.tables["invariance"] = result.table
    holding = [lvl for lvl, ok in zip(result.table["level"], result.table["holds"], strict=True)
               if ok]  # fmt: skip
    last = holding[-1] if holding else "none"
    study.numbers["invariance"] = {"group": group, "highest_level": last}
    level = "ok" if last in ("scalar", "strict") else "warning"
    shown = f"{_LEVEL_ZH.get(last, last)}（{last}）" if study.lang == "zh" else last
    verdict = say(study.lang, "inv_ok" if level == "ok" else "inv_partial")
    study.find(
        level,
        "invariance",
        say(study.lang, "f_inv", group=repr(group), level=shown, verdict=verdict),
    )
