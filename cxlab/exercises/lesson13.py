"""Exercises of lesson 13: a research study end to end — the report and the power analysis."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.lesson04 import INVARIANCE_LEVELS
from cxlab.exercises.registry import Exercise, register

MODEL = """
CONS  =~ cons1 + cons2 + cons3 + cons4
TRUST =~ trust1 + trust2 + trust3
SAT   =~ sat1 + sat2 + sat3
LI    =~ li1 + li2 + li3 + li4r
TRUST ~ a*CONS
SAT   ~ CONS + b*TRUST
LI    ~ c*SAT + TRUST
trust_via_sat := b*c
"""

# the population model of the next wave (lesson 13, section 5): wave 1's standardized
# loadings and paths, rounded, with the planning value .15 for TRUST → LI
NEXT_WAVE = """
CONS  =~ 0.78*cons1 + 0.74*cons2 + 0.69*cons3 + 0.73*cons4
TRUST =~ 0.85*trust1 + 0.80*trust2 + 0.75*trust3
SAT   =~ 0.83*sat1 + 0.83*sat2 + 0.75*sat3
LI    =~ 0.84*li1 + 0.78*li2 + 0.79*li3 + 0.54*li4r
TRUST ~ 0.55*CONS
SAT   ~ 0.38*CONS + 0.41*TRUST
LI    ~ 0.54*SAT + 0.15*TRUST
"""
GRID = [200, 400, 600, 800, 1000]


@cache
def _retail():
    from cxlab import datasets
    from cxlab.survey import Survey

    return Survey(
        datasets.load("retail_omnichannel"),
        datasets.codebook("retail_omnichannel"),
        id_column="customer_id",
    ).reverse_code()


def _n_used() -> int:
    from cxlab import sem

    return int(sem.fit(MODEL, _retail().data).fit_indices()["n"])


def _htmt_max() -> float:
    import numpy as np

    from cxlab.psychometrics import htmt

    scales = {
        "CONS": ["cons1", "cons2", "cons3", "cons4"],
        "TRUST": ["trust1", "trust2", "trust3"],
        "SAT": ["sat1", "sat2", "sat3"],
        "LI": ["li1", "li2", "li3", "li4r"],
    }
    values = htmt(_retail().data, scales).to_numpy()
    return float(values[np.triu_indices(len(scales), k=1)].max())


@cache  # the ladder of four models takes seconds; the answer never changes
def _invariance() -> str:
    from cxlab.sem import invariance

    measurement = "\n".join(line for line in MODEL.splitlines() if "=~" in line)
    table = invariance(measurement, _retail().data, group="preferred_channel").table
    return str(table.loc[table["holds"], "level"].iloc[-1])


@cache
def _power_n() -> int:
    from cxlab.simulate import power

    res = power(
        NEXT_WAVE,
        "LI ~ TRUST",
        n=GRID,
        reps=200,
        seed=2026,
        likert=7,
        thresholds="skewed",
        n_jobs=1,  # the same result on any number of cores; no worker processes in tests
        progress=False,
    )
    n = res.n_for(0.80)
    return int(n) if n is not None else -1


register(
    Exercise(
        id="13.n_used",
        prompt="How many respondents does the structural model of the wave-1 report use?",
        solution=_n_used,
        wrong=lambda: 2000,
        hint="The report's 'sample' table, or the n of sem_fit: listwise deletion drops "
        "everyone who skipped a model item.",
        explanation="1,601 of 2,000: the 399 respondents who skipped at least one of the 14 "
        "items are dropped (missing='listwise'); --missing fiml would keep them.",
        prompt_zh="第一轮报告中的结构模型用了多少名受访者？",
        hint_zh="看报告中的 'sample' 表，或 sem_fit 的 n：成列删除会去掉所有跳过了模型题项的人。",
        explanation_zh="2,000 人中的 1,601 人：至少跳过了 14 道题项之一的 399 名受访者被删除"
        "（missing='listwise'）；用 --missing fiml 就能保留他们。",
    )
)

register(
    Exercise(
        id="13.htmt_max",
        prompt="The largest HTMT between two constructs in the wave-1 report (three decimals)?",
        solution=_htmt_max,
        wrong=lambda: 0.85,
        tol=0.001,
        hint="tables['htmt'], column htmt: the largest value (not the .85 threshold).",
        explanation="About .67, satisfaction with loyalty intention — well below .85, and its "
        "bootstrap CI is far from 1: the two constructs are distinct.",
        prompt_zh="第一轮报告中，两个构念之间最大的 HTMT 是多少（保留三位小数）？",
        hint_zh="tables['htmt'] 的 htmt 列：最大的值（不是 .85 这个界限）。",
        explanation_zh="约 .67，在满意度与忠诚意向之间——远低于 .85，而且它的自助法置信区间离 1 很"
        "远：两个构念彼此不同。",
    )
)

register(
    Exercise(
        id="13.invariance",
        prompt="Highest level of measurement invariance across preferred_channel "
        "(configural, metric, scalar or strict)?",
        kind="choice",
        synonyms=INVARIANCE_LEVELS,
        solution=_invariance,
        wrong=lambda: "metric",
        hint="tables['invariance']: the last level whose column holds is True.",
        explanation="Strict: loadings, intercepts and residual variances are equal across "
        "store, app and web customers, so their latent means and paths can be compared.",
        prompt_zh="在 preferred_channel 各组之间成立的最高一级测量不变性是哪一级（形态 "
        "configural、度量 metric、标量 scalar 或严格 strict）？",
        hint_zh="tables['invariance']：holds 列为 True 的最后一级。",
        explanation_zh="严格不变：门店、app 和网站客户的载荷、截距和残差方差都相等，所以可以比较"
        "他们的潜变量均值和路径。",
    )
)

register(
    Exercise(
        id="13.power_n",
        prompt="Smallest n of the grid at which the power of TRUST → LI (β = .15) reaches .80?",
        solution=_power_n,
        wrong=lambda: 400,
        hint="power.n_for(0.80), or the first row of power.table with power ≥ .80.",
        explanation="The next wave needs several hundred web customers more than the 438 of "
        "wave 1 to detect a direct effect of .15 with power .80.",
        prompt_zh="网格中 TRUST → LI（β = .15）的功效达到 .80 的最小 n 是多少？",
        hint_zh="power.n_for(0.80)，或 power.table 中功效 ≥ .80 的第一行。",
        explanation_zh="下一轮需要比第一轮的 438 名网站客户多出几百名，才能以 .80 的功效检测出 "
        ".15 的直接效应。",
    )
)

register(
    Exercise(
        id="13.observed_power",
        prompt="A reviewer asks for the post-hoc power of a non-significant path. Which reply? "
        "(a) compute power() at the estimate; (b) observed power only restates the p value: "
        "give the CI and an a-priori power analysis for the smallest effect of interest; "
        "(c) test at alpha = .10 instead",
        kind="choice",
        synonyms={
            "(a)": "a",
            "(b)": "b",
            "(c)": "c",
            "a项": "a",
            "b项": "b",
            "c项": "c",
            "第一项": "a",
            "第二项": "b",
            "第三项": "c",
            "第一个": "a",
            "第二个": "b",
            "第三个": "c",
        },
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Power computed at the observed estimate is a one-to-one function of the p value "
        "(Hoenig & Heisey 2001).",
        explanation="(b): a non-significant p always gives 'low observed power'. The CI says "
        "which effects the data rule out; the a-priori analysis says what n would detect the "
        "smallest effect that matters.",
        prompt_zh="一位审稿人要求给出一条不显著路径的事后功效。应该怎样回复？(a) 在估计值处计算 "
        "power()；(b) 观测功效只是把 p 值换了个说法：给出置信区间，以及针对有意义的最小效应所做的"
        "事前功效分析；(c) 改为在 alpha = .10 的水平上检验",
        hint_zh="在观测到的估计值处计算的功效，是 p 值的一一对应函数（Hoenig & Heisey 2001）。",
        explanation_zh="(b)：不显著的 p 值总会带来“观测功效低”。置信区间说明数据排除了哪些效应；"
        "事前功效分析说明需要多大的 n 才能检测出有意义的最小效应。",
    )
)
