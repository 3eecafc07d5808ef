"""Exercises of lesson 00 (start here): how answers are checked."""

from __future__ import annotations

from cxlab.exercises.lesson00b import self_assessment_question
from cxlab.exercises.registry import Exercise, register


def _ecsi_rows() -> int:
    from cxlab import datasets

    return len(datasets.load("ecsi_mobile"))


def _ecsi_cusa1_mean() -> float:
    from cxlab import datasets

    return float(datasets.load("ecsi_mobile")["CUSA1"].mean())


register(
    Exercise(
        id="00.sum",
        prompt="What is 3 + 4 + 5?",
        solution=lambda: 12,
        wrong=lambda: 11,
        hint="Add the three numbers; Python can do it for you: 3 + 4 + 5.",
        explanation="3 + 4 + 5 = 12.",
        prompt_zh="3 + 4 + 5 等于多少？",
        hint_zh="把三个数相加；Python 可以替你算：3 + 4 + 5。",
        explanation_zh="3 + 4 + 5 = 12。",
        worked="Add the three numbers in a code cell: `3 + 4 + 5` gives 12.",
        worked_zh="在代码单元格里把三个数相加：`3 + 4 + 5` 得 12。",
    )
)

register(
    Exercise(
        id="00.rows",
        prompt="How many respondents (rows) does the ecsi_mobile survey have?",
        solution=_ecsi_rows,
        wrong=lambda: 24,
        hint="len(df) or df.shape[0] counts rows; df.shape[1] counts columns (items).",
        explanation="Each row is one respondent; each of the 24 columns is one item.",
        prompt_zh="ecsi_mobile 调查共有多少位受访者（行数）？",
        hint_zh="len(df) 或 df.shape[0] 统计行数；df.shape[1] 统计列数（题项数）。",
        explanation_zh="每一行是一位受访者；24 列中的每一列是一道题项。",
        worked="Load the survey and count its rows:\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nlen(df)  # 250 respondents\n```\n\n'
        "`df.shape` gives (rows, columns) = (250, 24): 24 is the number of items, not of people.",
        worked_zh="载入调查数据，数一数行数：\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nlen(df)  # 250 位受访者\n```\n\n'
        "`df.shape` 给出（行数，列数）=（250, 24）：24 是题项的个数，不是人数。",
    )
)

register(
    Exercise(
        id="00.cusa1_mean",
        prompt="What is the mean of item CUSA1 (overall satisfaction, 1-10) in ecsi_mobile? "
        "Two decimals are enough.",
        solution=_ecsi_cusa1_mean,
        wrong=lambda: 7.13,
        tol=0.005,
        hint="Select the column with df['CUSA1'] and call .mean() on it.",
        explanation="Customers rate their overall satisfaction at about 8 out of 10.",
        prompt_zh="ecsi_mobile 中题项 CUSA1（总体满意度，1–10 分）的平均值是多少？保留两位小数即"
        "可。",
        hint_zh="用 df['CUSA1'] 选出这一列，再对它调用 .mean()。",
        explanation_zh="客户给总体满意度的打分平均约为 8 分（满分 10 分）。",
        worked="Select the column and average it:\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nround(df["CUSA1"].mean(), 2)\n```\n\n'
        "The mean of the 250 answers is 7.99 — about 8 on the 1–10 scale.",
        worked_zh="选出这一列，求平均值：\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nround(df["CUSA1"].mean(), 2)\n```\n\n'
        "250 个答案的平均值是 7.99，在 1–10 分的量表上约为 8 分。",
    )
)

# --- Self-assessment: how the workbook works ------------------------------------------------

register(
    self_assessment_question(
        "00.sa1",
        "b",
        "a",
        prompt="You ran cells out of order and changed one of them; now the numbers no longer "
        "make sense. What is the safest way back? (a) run the confusing cell a few more times; "
        "(b) Kernel → Restart Kernel and Run All Cells; (c) save with Ctrl+S; (d) delete the "
        "notebook and copy the workbook again",
        hint="Reread the first paragraph of Concepts: what do the cells share, and what does the "
        "lesson advise when the order of runs gets confusing?",
        explanation="(b): the kernel keeps every variable in the order the cells ran; "
        "restarting clears that memory, and running all cells rebuilds it from the top, in "
        "order. Running one cell again (a) builds on the muddled memory; saving (c) stores the "
        "file, not a clean state; your code is fine, so (d) is not needed.",
        worked="Cells share one memory, the kernel, which keeps what ran in the order it ran. "
        "After runs out of order only a restart clears that memory, and running all cells "
        "rebuilds it from the top: **Kernel → Restart Kernel and Run All Cells**, option (b).",
        prompt_zh="你没有按顺序运行单元格，还改过其中一个，现在的数字已经说不通了。最稳妥的办法是"
        "什么？(a) 把让你糊涂的那个单元格再多运行几次；(b) 内核 → 重启并运行所有单元格；(c) 按 "
        "Ctrl+S 保存；(d) 删掉这个笔记本，重新复制一份手册",
        hint_zh="重读“基本概念”的第一段：各单元格共用的是什么？运行顺序把你弄糊涂时，课文建议怎么"
        "做？",
        explanation_zh="(b)：内核按单元格运行的先后保存每一个变量；重启会清空这块内存，运行所有单元"
        "格则从头按顺序把它重建起来。把一个单元格再运行一次 (a)，是在混乱的内存上接着算；保存 (c) "
        "存下的是文件，不是一个干净的状态；你的代码没有问题，所以也用不着 (d)。",
        worked_zh="各单元格共用同一块内存，即内核，它按运行的先后保存结果。不按顺序运行之后，只有重"
        "启才能清空这块内存，而运行所有单元格会从头把它重建起来：菜单 **内核 → 重启并运行所有单元"
        "格**，也就是选项 (b)。",
    )
)

register(
    self_assessment_question(
        "00.sa2",
        "d",
        "a",
        prompt="An exercise cell still says answer = None, and you run it. What happens? (a) it "
        "counts as a wrong answer; (b) an error stops the notebook; (c) it shows the right "
        "answer; (d) it says 'not answered yet', nothing counts as wrong, and the notebook runs on",
        hint="Concepts, the paragraph on exercises: what does a cell say while the answer is "
        "still None?",
        explanation="(d): None means not answered yet, so a notebook nobody has touched runs "
        "from top to bottom, and the self-assessment counts such questions as not answered, never "
        "as wrong. Only an answer you give can be wrong (a): then you see ✗ and a hint. No error "
        "stops the notebook (b), and the cell does not give the answer away (c).",
        worked="While the answer is still `None`, the cell only says *not answered yet*: nothing "
        "is wrong yet, and the notebook runs on — option (d). Replace `None` with your answer "
        "and run the cell again:",
        prompt_zh="一道练习题的单元格里仍然写着 answer = None，你运行了它。会发生什么？(a) 算作答错"
        "；(b) 报错，笔记本停止运行；(c) 显示正确答案；(d) 提示“尚未作答”，不算答错，笔记本继续往"
        "下运行",
        hint_zh="“基本概念”中讲练习题的那一段：答案还是 None 的时候，单元格会显示什么？",
        explanation_zh="(d)：None 表示尚未作答，所以一个没人动过的笔记本也能从头运行到尾；自测的得"
        "分把这样的题算作尚未作答，绝不算作答错。只有你填了答案才可能答错 (a)：那时你会看到 ✗ 和提"
        "示。笔记本不会因此报错停止 (b)，单元格也不会直接给出答案 (c)。",
        worked_zh="只要答案还是 `None`，单元格就只提示*尚未作答*：还谈不上答错，笔记本照常往下运行"
        "——选项 (d)。把 `None` 换成你的答案，再运行这个单元格：",
    )
)

register(
    self_assessment_question(
        "00.sa3",
        "a",
        "b",
        prompt="You want your own work kept apart, so that an update of the workbook never "
        "overwrites it. What do you do? (a) run cxlab start my-workspace in a terminal and work "
        "in the copies in my-workspace/; (b) press Ctrl+S often; (c) run cx.self_check(); (d) "
        "work in the project folder that make lab opens",
        hint="Concepts, 'Your own copy', and the last paragraph of Discussion: where do your "
        "edits go, and which copy does an update leave alone?",
        explanation="(a): cxlab start copies every lesson and dataset into your folder and never "
        "overwrites a file you have edited, so updating the workbook never touches your copy. "
        "Ctrl+S (b) saves the notebook you have open — opened with make lab, that is the lesson "
        "in the project folder itself (d); cx.self_check() (c) only checks the installation.",
        worked="`cxlab start my-workspace` copies every lesson and dataset into `my-workspace/` "
        "and never overwrites a file you have edited — option (a). Save with Ctrl+S there as "
        "anywhere: saving keeps your work in the file you have open, and the workspace keeps "
        "that file apart from the workbook.",
        prompt_zh="你想把自己的练习单独保存，让手册更新时绝不会覆盖它。应该怎么做？(a) 在终端里"
        "运行 cxlab start my-workspace，然后在 my-workspace/ 里的副本上学习；(b) 经常按 Ctrl+S；"
        "(c) 运行 cx.self_check()；(d) 就在 make lab 打开的项目文件夹里学习",
        hint_zh="“基本概念”中的“你自己的副本”，以及“讨论”的最后一段：你改动的内容存在哪里？手册更"
        "新时，哪一份副本不会被动到？",
        explanation_zh="(a)：cxlab start 把全部课程和数据集复制到你的文件夹中，而且绝不会覆盖你改过"
        "的文件，所以手册更新时绝不会动到你的副本。Ctrl+S (b) 保存的是你打开的那个笔记本——用 make "
        "lab 打开的，就是项目文件夹里的课程本身 (d)；cx.self_check() (c) 只检查安装是否完整。",
        worked_zh="`cxlab start my-workspace` 把全部课程和数据集复制到 `my-workspace/`，而且绝不会"
        "覆盖你改过的文件——选项 (a)。在那里照样用 Ctrl+S 保存：保存让你的练习留在当前打开的文件里"
        "，而工作区让这个文件与手册分开。",
    )
)
