"""Simulate ``estimator_study``: ML, MLR and WLSMV compared on skewed 5-point items (lesson 05,
section 7) — the precomputed, larger version of the live simulation in the lesson.

    python datasets/make/estimator_study.py        # about 10 minutes on 2 cores

Population (also recorded in datapackage.json under ``simulation``): service quality
(QUAL) → satisfaction (SAT), three items each with standardized loadings .8, .7, .6 and a
standardized path of .5; every item cut into 5 categories at the "skewed" thresholds of
``cx.simulate.likert_cuts(5, "skewed")`` (−2.2, −1.4, −0.6, 0.2: about 42 % answer 5 and
1.4 % answer 1). For n = 200 and n = 500, 1,000 replications each are fitted with ML, MLR
and WLSMV by :func:`cxlab.simulate.estimator_study` (seed below); one row per sample size
and estimator. The numbers depend on the seed alone, not on the number of cores.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import SIMULATED_LICENSES, register, simulated_sources

import cxlab as cx

SEED = 20260520
MODEL = """QUAL =~ 0.8*q1 + 0.7*q2 + 0.6*q3
SAT  =~ 0.8*s1 + 0.7*s2 + 0.6*s3
SAT ~ 0.5*QUAL
"""
SIZES = (200, 500)
REPS = 1000
ESTIMATORS = ("ML", "MLR", "WLSMV")
COLUMNS = [
    "n", "estimator", "truth", "reps", "n_used", "n_nonconverged", "n_inadmissible", "n_error",
    "rel_bias_loadings", "rel_bias_loadings_latent", "coverage_loadings",
    "coverage_loadings_min", "coverage_loadings_max", "rel_bias_path", "coverage_path",
    "chisq_test", "chisq_rejection",
]  # fmt: skip


def run(n_jobs: int = -1) -> tuple[pd.DataFrame, list[cx.simulate.EstimatorStudy]]:
    """The table (one row per sample size and estimator) and the studies behind it."""
    studies = [
        cx.simulate.estimator_study(
            MODEL,
            n=n,
            reps=REPS,
            seed=SEED,
            likert=5,
            thresholds="skewed",
            estimators=ESTIMATORS,
            n_jobs=n_jobs,
            progress=False,
        )
        for n in SIZES
    ]
    frames = [study.table.assign(n=study.n) for study in studies]
    table = pd.concat(frames, ignore_index=True)[COLUMNS]
    numbers = table.select_dtypes("float").columns
    table[numbers] = table[numbers].round(4)
    return table, studies


def fields() -> dict[str, dict[str, str]]:
    """The codebook: an English and a Chinese title per column."""
    return {
        "n": {"title": "Respondents per replication", "title_zh": "每次重复的受访者人数"},
        "estimator": {
            "title": "Estimator (ML, MLR or WLSMV)",
            "title_zh": "估计方法（ML、MLR 或 WLSMV）",
        },
        "truth": {
            "title": "What the estimates are compared with: the loadings of the latent responses "
            "(WLSMV) or of the 1-5 category scores (ML, MLR)",
            "title_zh": "估计值的比较对象：潜在反应的载荷（WLSMV）或 1–5 分类得分的载荷（ML、MLR）",
        },
        "reps": {"title": "Replications", "title_zh": "重复次数"},
        "n_used": {
            "title": "Replications used (converged and admissible)",
            "title_zh": "使用的重复次数（收敛且解可接受）",
        },
        "n_nonconverged": {
            "title": "Replications that did not converge",
            "title_zh": "未收敛的重复次数",
        },
        "n_inadmissible": {
            "title": "Replications with an inadmissible solution",
            "title_zh": "解不可接受的重复次数",
        },
        "n_error": {
            "title": "Replications that could not be fitted",
            "title_zh": "无法拟合的重复次数",
        },
        "rel_bias_loadings": {
            "title": "Mean relative bias of the six standardized loadings against the truth "
            "the estimator targets",
            "title_zh": "六个标准化载荷相对于该估计方法所估计的真值的平均相对偏差",
        },
        "rel_bias_loadings_latent": {
            "title": "Mean relative bias of the standardized loadings against the loadings of "
            "the latent responses",
            "title_zh": "标准化载荷相对于潜在反应载荷的平均相对偏差",
        },
        "coverage_loadings": {
            "title": "Mean coverage of the 95 % CIs of the six loadings",
            "title_zh": "六个载荷 95% 置信区间的平均覆盖率",
        },
        "coverage_loadings_min": {
            "title": "Lowest coverage among the loadings",
            "title_zh": "各载荷中最低的覆盖率",
        },
        "coverage_loadings_max": {
            "title": "Highest coverage among the loadings",
            "title_zh": "各载荷中最高的覆盖率",
        },
        "rel_bias_path": {
            "title": "Relative bias of the standardized path SAT ~ QUAL",
            "title_zh": "标准化路径 SAT ~ QUAL 的相对偏差",
        },
        "coverage_path": {
            "title": "Coverage of the 95 % CI of the path SAT ~ QUAL",
            "title_zh": "路径 SAT ~ QUAL 的 95% 置信区间覆盖率",
        },
        "chisq_test": {
            "title": "Test of the model: ML chi-square, Yuan-Bentler scaled (MLR) or "
            "scaled-shifted (WLSMV)",
            "title_zh": "模型检验：ML 卡方、Yuan-Bentler 校正卡方（MLR）"
            "或均值方差校正卡方（WLSMV）",
        },
        "chisq_rejection": {
            "title": "Share of replications in which the test rejects the correct model at .05",
            "title_zh": "检验在 .05 水平上拒绝正确模型的重复比例",
        },
    }


def main() -> None:
    """Write estimator_study.csv and its resource entry."""
    table, studies = run()
    truth = studies[0].truth.set_index("parameter")
    register(
        "estimator_study",
        table,
        title="ML, MLR and WLSMV on skewed 5-point items: bias, CI coverage, χ² (simulated)",
        description=(
            "A Monte-Carlo study of estimators for Likert items: a two-factor model (service "
            "quality → satisfaction, three 5-point items each, answers skewed towards the top "
            "of the scale), 1,000 replications at n = 200 and n = 500, each fitted with ML, "
            "MLR and WLSMV. One row per sample size and estimator: relative bias and 95 % CI "
            "coverage of the standardized loadings and of the path, rejection rate of the "
            "correct model, failed replications. Simulated; the design is in `simulation`."
        ),
        sources=simulated_sources("estimator_study.py"),
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/estimator_study.py",
                "function": "cxlab.simulate.estimator_study",
                "seed": SEED,
                "model": MODEL,
                "likert": 5,
                "thresholds": "skewed",
                "cuts": cx.simulate.likert_cuts(5, "skewed").round(4).tolist(),
                "sizes": list(SIZES),
                "reps": REPS,
                "estimators": list(ESTIMATORS),
                "truth_latent": truth["truth_latent"].round(4).to_dict(),
                "truth_scores": truth["truth_scores"].round(4).to_dict(),
                "population_rmsea_scores": round(studies[0].population_rmsea, 4),
                "truth_note": (
                    "WLSMV is compared with the loadings of the latent responses (the model's "
                    "numbers); ML and MLR with the standardized ML solution on the exact "
                    "population covariance matrix of the 1-5 scores (bivariate normal "
                    "probabilities, cx.simulate.score_moments)"
                ),
            }
        },
    )


if __name__ == "__main__":
    main()
