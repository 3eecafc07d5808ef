"""Exercises of lesson 13: a research study end to end — the report and the power analysis."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.lesson00b import OPTION_WORDS
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


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------


def _answer_cell(exercise_id: str, letter: str) -> str:
    """The code block of a worked self-assessment answer: the letter, checked."""
    return f'```python\nanswer = "{letter}"\ncx.check("{exercise_id}", answer)\n```'


register(
    Exercise(
        id="13.sa1",
        prompt="Your SEM ends with a negative error variance (a Heywood case). What does cxlab "
        "report do? (a) it stops and writes nothing, as for a typo in the data; (b) it fixes the "
        "variance at zero and reports the estimates as usual; (c) it reports the inadmissible "
        "solution as a finding, with its diagnosis and no table of estimates; (d) it drops "
        "respondents until the model converges",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "b",
        hint="The Concepts' paragraph 'Stop, or report?' tells input errors from estimation "
        "trouble.",
        explanation="(c). Estimation trouble is a property of this model on these data: a result, "
        "reported with its diagnosis (section 4). An input error — a typo, a missing column — "
        "stops the run (a), because any number would describe the wrong data. (b) hides the "
        "problem behind estimates nobody should copy into a paper.",
        prompt_zh="你的结构方程模型得出了一个为负的误差方差（海伍德案例）。cxlab report 会怎么做？"
        "(a) 停止运行，什么也不写，就像数据中有输入错误时那样；(b) 把这个方差固定为零，照常报告估计"
        "值；(c) 把这个不可接受解作为一项发现来报告，附上诊断，不给估计值表格；(d) 删除受访者，直到"
        "模型收敛",
        hint_zh="核心概念中“停止，还是报告？”一段区分了输入错误和估计问题。",
        explanation_zh="(c)。估计问题是这个模型在这些数据上的一个性质：它本身就是结果，要连同诊断一"
        "起报告（第 4 节）。输入错误——一个打错的值、一个缺少的列——会让运行停止 (a)，因为任何数字描"
        "述的都会是错误的数据。(b) 用没有人应该抄进论文的估计值掩盖了问题。",
        worked="Two kinds of trouble are handled in opposite ways. An input error means the "
        "numbers would describe the wrong data, so the run stops. A Heywood case is what this "
        "model does on these data — a finding:\n\n"
        + _answer_cell("13.sa1", "c")
        + "\n\nSection 4 shows it on the ECSI model: a red box with the diagnosis, the "
        "admissibility checks and no estimates. Fixing the variance at zero (b) would hide exactly "
        "that.",
        worked_zh="两类问题的处理方式正好相反。输入错误意味着数字描述的是错误的数据，所以运行停止。"
        "海伍德案例则是这个模型在这些数据上的表现——是一项发现：\n\n"
        + _answer_cell("13.sa1", "c")
        + "\n\n第 4 节在 ECSI 模型上演示了这一点：一个红框，里面是诊断和可接受性检查，没有估计值。"
        "把方差固定为零 (b) 恰恰会掩盖这些。",
    )
)

register(
    Exercise(
        id="13.sa2",
        prompt="A co-author wants to repeat your analysis and get the same numbers. What does she "
        "need? (a) the same data file (its SHA-256 hash checks that), the model, the settings with "
        "the seed of every random step, and the software versions — all recorded in the report's "
        "JSON; (b) the HTML report: it shows every table and figure; (c) only the data file: the "
        "same data always give the same numbers; (d) a p value below .05",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "c",
        hint="The Concepts' paragraph on reproducibility lists what the JSON file records.",
        explanation="(a). Bootstrap and HTMT intervals come from random draws, so the same data "
        "(c) give the same numbers only with the same seed, model, settings and versions. The HTML "
        "(b) shows the results, not how to repeat them.",
        prompt_zh="一位合作者想重复你的分析并得到相同的数字。她需要什么？(a) "
        "同一个数据文件（用它的 SHA-256 哈希值核对）、模型、包括每一个随机步骤的种子在内的设置，以"
        "及软件版本——这些都记录在报告的 JSON 文件里；(b) HTML "
        "报告：它展示了每一张表和每一幅图；(c) 只要数据文件：同样的数据总会得出同样的数字；(d) 一个"
        "小于 .05 的 p 值",
        hint_zh="核心概念中讲可重复性的那一段，列出了 JSON 文件记录的内容。",
        explanation_zh="(a)。自助法区间和 HTMT 区间来自随机抽样，所以同样的数据 (c) 只有在种子、模"
        "型、设置和版本都相同时才会得出相同的数字。HTML (b) 展示的是结果，而不是如何重复它们。",
        worked="The JSON holds every number with the SHA-256 hash of the input file (change one "
        "cell and the hash changes), the seed of every random step, the settings and the versions "
        "of cxlab, numpy, pandas and scipy:\n\n"
        + _answer_cell("13.sa2", "a")
        + "\n\nThe same file, model, seed and versions give the same numbers; the data alone (c) "
        "do not fix the bootstrap's random draws.",
        worked_zh="JSON 文件记录了每一个数字，以及输入文件的 SHA-256 哈希值（改动一个单元格，哈希值"
        "就会改变）、每一个随机步骤的种子、各项设置，以及 cxlab、numpy、pandas 和 scipy 的版本："
        "\n\n"
        + _answer_cell("13.sa2", "a")
        + "\n\n同样的文件、模型、种子和版本会得出同样的数字；只有数据 (c) 并不能固定自助法的随机抽"
        "样。",
    )
)

register(
    Exercise(
        id="13.sa3",
        prompt="Wave 1 estimated the direct path trust → loyalty intention at β = .21. Why does "
        "the power analysis for the next wave plan with β = .15? (a) a smaller planning value "
        "needs fewer respondents; (b) a significant first estimate tends to overstate the effect "
        "(the winner's curse), and online trust may matter less: plan for a shrunk effect; (c) .15 "
        "is the observed power of wave 1; (d) a simulation needs standardized paths below .20",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Section 5 gives two reasons for the planning value. And think about what a smaller "
        "effect does to the sample size you need.",
        explanation="(b). A smaller effect needs more respondents, not fewer (a): for β = .15 "
        "about 800 reach power .80, where the 438 web customers of wave 1 would give only about "
        ".5. Planning with the inflated .21 would leave the next wave underpowered.",
        prompt_zh="第一轮调查估计信任 → 忠诚意向的直接路径为 β = .21。为什么下一轮的功效分析按 β = "
        ".15 来规划？(a) 规划值越小，需要的受访者越少；(b) 显著的首次估计往往夸大效应（赢家诅咒），"
        "而且线上的信任可能没那么重要：要按缩小后的效应来规划；(c) .15 是第一轮的观测功效；(d) 模拟"
        "要求标准化路径小于 .20",
        hint_zh="第 5 节给出了选择这个规划值的两个理由。再想一想：效应变小，对所需的样本量有什么影"
        "响？",
        explanation_zh="(b)。效应越小，需要的受访者越多，而不是越少 (a)：对 β = .15，大约 800 名受"
        "访者才能使统计功效达到 .80，而第一轮的 438 名网店客户只能达到大约 .5。按被夸大的 .21 来规"
        "划，下一轮调查的统计功效就会不足。",
        worked="Plan for the smallest effect that would matter, and shrink published or first "
        "estimates: a significant estimate tends to overstate the effect (the winner's curse), and "
        "online trust may matter less than over all channels:\n\n"
        + _answer_cell("13.sa3", "b")
        + "\n\nThe smaller the effect, the *larger* the sample it needs (a is the wrong way "
        "round): at β = .15, about 800 respondents reach power .80.",
        worked_zh="按有意义的最小效应来规划，并把已发表的或首次的估计值缩小：显著的估计往往夸大效应"
        "（赢家诅咒），而且线上的信任可能不如所有渠道合起来那么重要：\n\n"
        + _answer_cell("13.sa3", "b")
        + "\n\n效应越小，需要的样本*越大*（(a) 说反了）：在 β = .15 时，大约 800 名受访者才能使统计"
        "功效达到 .80。",
    )
)

register(
    Exercise(
        id="13.sa4",
        prompt="In a one-wave survey the structural model estimates trust → loyalty intention at β "
        "= .21. What may the paper claim? (a) raising trust by one SD raises loyalty intention by "
        ".21 SD; (b) nothing, since cross-sectional data show no relations at all; (c) the model "
        "is proven, because it fits well; (d) an association consistent with the model — a causal "
        "claim needs more: theory, rival models, and a second wave for cross-lagged models",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Section 6 lists what no report can answer for you — causality among them.",
        explanation="(d). Cross-sectional survey paths are associations under the model's "
        "assumptions. (a) reads the path as the effect of an intervention; (c) forgets that "
        "equivalent models fit exactly as well.",
        prompt_zh="在只有一轮的调查中，结构模型估计信任 → 忠诚意向为 β = "
        ".21。论文可以声称什么？(a) 信任提高一个标准差，忠诚意向就提高 .21 个标准差；(b) 什么也不能"
        "声称，因为横截面数据根本显示不出任何关系；(c) 模型拟合得好，所以它得到了证明；(d) 一种与模"
        "型相符的关联——要声称因果，还需要更多：理论、竞争模型，以及可以做交叉滞后模型的第二轮调查",
        hint_zh="第 6 节列出了任何报告都无法替你回答的问题——因果关系就是其中之一。",
        explanation_zh="(d)。横截面调查中的路径是模型假定下的关联。(a) 把路径读成了干预的效应；(c) "
        "忘了等价模型的拟合完全一样好。",
        worked="All constructs come from one questionnaire at one moment. The path says how trust "
        "and loyalty intention go together under the model's assumptions; equivalent models, with "
        "arrows turned round, fit exactly as well:\n\n"
        + _answer_cell("13.sa4", "d")
        + "\n\n(a) reads the path as what an intervention would do. A second wave — the one "
        "section 5 plans — allows cross-lagged models.",
        worked_zh="所有构念都来自同一时刻的同一份问卷。路径说明的是在模型假定下信任与忠诚意向如何相"
        "互关联；把箭头反过来的等价模型，拟合得完全一样好：\n\n"
        + _answer_cell("13.sa4", "d")
        + "\n\n(a) 把路径读成了干预会带来的结果。第二轮调查——也就是第 5 节规划的那一轮——才能做交叉"
        "滞后模型。",
    )
)

register(
    Exercise(
        id="13.sa5",
        prompt="Before you compare the latent means or paths of store, app and web customers, what "
        "must the report show? (a) measurement invariance across the channels, tested level by "
        "level (configural → metric → scalar): the items mean the same in every group; (b) that "
        "the channels have the same number of respondents; (c) nothing: one questionnaire "
        "guarantees that the items mean the same in every channel; (d) that the channels' means "
        "differ significantly",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "c",
        hint="The table of stages in the Concepts ends with groups; section 3 tests them before "
        "anyone compares channels.",
        explanation="(a). The same wording can be read differently in different groups; only "
        "invariance, tested step by step, shows that a difference between channels is a difference "
        "in the constructs, not in how the items work. (c) assumes what has to be tested. Here "
        "even strict invariance holds.",
        prompt_zh="在比较门店、应用程序和网店客户的潜变量均值或路径之前，报告必须表明什么？(a) 各渠"
        "道之间的测量不变性，逐级检验（形态 → 度量 → 标量）：题项在每个群体中含义相同；(b) 各渠道的"
        "受访者人数相同；(c) 什么也不用：同一份问卷保证了题项在每个渠道中含义相同；(d) 各渠道的均值"
        "差异统计显著",
        hint_zh="核心概念中那张阶段表的最后一项是群体比较；第 3 节在比较渠道之前先检验了它。",
        explanation_zh="(a)。同样的措辞在不同群体中可能被理解得不一样；只有逐级检验的测量不变性，才"
        "能表明渠道之间的差异是构念上的差异，而不是题项起作用的方式不同。(c) 把需要检验的东西当成了"
        "前提。这里连严格不变都成立。",
        worked="Comparing groups assumes that the items measure the same construct in the same way "
        "in each group. The report tests it level by level (configural → metric → scalar → strict) "
        "before any comparison:\n\n"
        + _answer_cell("13.sa5", "a")
        + "\n\nHere even strict invariance holds (ΔCFI ≈ 0 at every step), so the channels' latent "
        "means and paths can be compared. (c) takes for granted what has to be tested.",
        worked_zh="比较群体的前提是：题项在每个群体中以同样的方式测量同一个构念。报告在做任何比较之"
        "前都会逐级检验这一点（形态 → 度量 → 标量 → 严格）：\n\n"
        + _answer_cell("13.sa5", "a")
        + "\n\n这里连严格不变都成立（每一步的 ΔCFI ≈ "
        "0），所以可以比较各渠道的潜变量均值和路径。(c) 把需要检验的东西当成了理所当然。",
    )
)
