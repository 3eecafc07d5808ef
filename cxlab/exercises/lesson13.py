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
        worked="Listwise deletion, lavaan's default, drops everyone who skipped any of the "
        "model's 14 items. The report's `sample` table counts them, and `sem_fit` holds the n "
        "of the fit:\n\n"
        '```python\ntables["sem_fit"]["n"].iloc[0]  # 1601\n```\n\n'
        "1,601 of the 2,000 respondents in the file (2,000 is the file, not the model); "
        "`--missing fiml` would keep all 2,000.",
        worked_zh="成列删除（lavaan 的默认做法）会删掉跳过了模型 14 道题项中任何一道的受访者。"
        "报告的 `sample` 表统计了这些人数，`sem_fit` 给出拟合所用的 n：\n\n"
        '```python\ntables["sem_fit"]["n"].iloc[0]  # 1601\n```\n\n'
        "文件中 2,000 名受访者里的 1,601 名（2,000 是文件的人数，不是模型的）；用 "
        "`--missing fiml` 就能保留全部 2,000 人。",
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
        worked="The report's `htmt` table holds one HTMT per pair of constructs, with its "
        "bootstrap interval; take the largest:\n\n"
        '```python\nround(tables["htmt"]["htmt"].max(), 3)  # 0.673\n```\n\n'
        ".673, satisfaction with loyalty intention, bootstrap CI [.633, .714]: well below .85 and "
        "far from 1, so the constructs are distinct. .85 is the threshold, not the answer.",
        worked_zh="报告的 `htmt` 表为每一对构念给出一个 HTMT 及其自助法区间；取最大的那个："
        "\n\n"
        '```python\nround(tables["htmt"]["htmt"].max(), 3)  # 0.673\n```\n\n'
        ".673，在满意度与忠诚意向之间，自助法置信区间 [.633, .714]：远低于 .85，也离 1 很远，所"
        "以两个构念彼此不同。.85 是界限，不是答案。",
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
        worked="Each level adds equality constraints across the groups; the highest level that "
        "holds is the last row of the report's `invariance` table whose `holds` is True:\n\n"
        '```python\ninv = tables["invariance"]\ninv.loc[inv["holds"], "level"].iloc[-1]  '
        "# 'strict'\n```\n\n"
        "'strict': every level holds (ΔCFI ≈ 0 at each step), so loadings, intercepts and "
        "residual variances are equal for store, app and web customers, and their latent means "
        "and paths can be compared.",
        worked_zh="每一级都在各组之间多加一些相等约束；成立的最高一级，就是报告的 `invariance` "
        "表中 `holds` 为 True 的最后一行：\n\n"
        '```python\ninv = tables["invariance"]\ninv.loc[inv["holds"], "level"].iloc[-1]  '
        "# 'strict'\n```\n\n"
        "'strict'（严格不变）：每一级都成立（每一步的 ΔCFI ≈ 0），所以门店、app 和网站客户的载"
        "荷、截距和残差方差都相等，可以比较他们的潜变量均值和路径。",
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
        worked="`power()` drew 200 samples at each n of the grid and counted how often the test "
        "of `LI ~ TRUST` rejected; `n_for(0.80)` gives the first n whose power reaches .80:"
        "\n\n"
        '```python\nprint(power.table[["n", "power"]])\npower.n_for(0.80)  # 800\n```\n\n'
        "n = 800 (power .825; .715 at 600): several hundred more than the 438 web customers of "
        "wave 1, with whom the power would be only about .5.",
        worked_zh="`power()` 在网格的每个 n 上抽取 200 个样本，统计 `LI ~ TRUST` 的检验拒绝原假设的"
        "比例；`n_for(0.80)` 给出功效首次达到 .80 的 n：\n\n"
        '```python\nprint(power.table[["n", "power"]])\npower.n_for(0.80)  # 800\n```\n\n'
        "n = 800（功效 .825；n = 600 时为 .715）：比第一轮的 438 名网站客户多出几百名——只有 438 "
        "人时，功效只有约 .5。",
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
        worked="(b). Power computed at the observed estimate is a one-to-one function of the p "
        "value (Hoenig & Heisey 2001): a non-significant path always shows 'low observed power', "
        "so (a) adds nothing, and (c) changes the test after seeing the result. Give what the "
        "report and section 5 give:\n\n"
        '```python\neff = tables["effects"]\n'
        'print(eff.loc[eff["effect"] == "direct", ["from", "to", "est", "ci_low", "ci_high"]])\n'
        "power.n_for(0.80)  # a-priori: the n for the planning value β = .15\n```\n\n"
        "The CI says which effects the data rule out; the a-priori analysis says what n would "
        "detect the smallest effect that matters.",
        worked_zh="(b)。在观测到的估计值处计算的功效，是 p 值的一一对应函数（Hoenig & Heisey "
        "2001）：不显著的路径总会显得“观测功效低”，所以 (a) 不提供任何新信息，而 (c) 是在看到结果"
        "之后才改变检验。应当给出报告和第 5 节提供的内容：\n\n"
        '```python\neff = tables["effects"]\n'
        'print(eff.loc[eff["effect"] == "direct", ["from", "to", "est", "ci_low", "ci_high"]])\n'
        "power.n_for(0.80)  # a-priori: the n for the planning value β = .15\n```\n\n"
        "置信区间说明数据排除了哪些效应；事前功效分析说明需要多大的 n 才能检测出有意义的最小效应。",
    )
)
