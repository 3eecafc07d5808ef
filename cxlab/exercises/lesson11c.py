"""Exercises of lesson 11c: segments (attitudes and behaviour), basket rules, a recommender on
a time holdout, segment offers and the limits of personalisation."""

from __future__ import annotations

from functools import lru_cache

from cxlab.exercises.lesson00b import self_assessment_question
from cxlab.exercises.registry import Exercise, register

#: the lesson's time holdout: recommenders fitted before, checked on or after this date
CUT = "2025-10-01"


@lru_cache(maxsize=1)
def _baskets():
    """``retail_baskets`` (one row per basket and category), loaded once."""
    from cxlab import datasets

    return datasets.load("retail_baskets")


def _rfm_ari() -> float:
    """ARI between the k-means behavioural clusters and the six RFM segments (section 3)."""
    from cxlab import datasets, loyalty, segment

    rfm = loyalty.rfm(datasets.load("retail_transactions"), as_of="2025-12-31")
    clusters = segment.rfm_profiles(rfm, k=range(2, 7), seed=1, B=0)
    return round(float(clusters.crosstab(rfm["segment"]).attrs["ari"]), 2)


def _lift_by_hand() -> float:
    """Lift of bakery → coffee_tea from the basket counts alone."""
    from cxlab import segment

    onehot = segment.basket_matrix(_baskets())
    n = len(onehot)
    both = int((onehot["bakery"] & onehot["coffee_tea"]).sum())
    lift = both * n / (int(onehot["bakery"].sum()) * int(onehot["coffee_tea"].sum()))
    return round(lift, 3)


def _item_k2() -> float:
    """Item-item's hit rate minus popularity's on the time holdout, two offers each."""
    from cxlab import segment

    check = segment.evaluate(_baskets(), cut=CUT, k=2)
    return round(float(check.comparison.loc[0, "est"]), 3)


register(
    Exercise(
        id="11c.rfm_ari",
        prompt="Adjusted Rand index between the two behavioural clusters (rfm_profiles) and the "
        "six RFM segments of retail_transactions? Two decimals.",
        solution=_rfm_ari,
        wrong=lambda: 0.97,
        tol=0.005,
        hint="behaviour.crosstab(rfm['segment']).attrs['ari'] — the agreement of the two "
        "groupings, not the clusters' stability. 0.97 is the mean bootstrap ARI (how well the "
        "clusters come back in resamples).",
        explanation="0.34: the two groupings agree only partly. The rules name six groups; the "
        "data show two stable clouds, active and lapsed, and the rules cut them finer.",
        prompt_zh="两个行为聚类（rfm_profiles）与 retail_transactions 的六个 RFM 分群之间的调整兰德"
        "指数是多少？保留两位小数。",
        hint_zh="behaviour.crosstab(rfm['segment']).attrs['ari']——两种分法的一致程度，而不是聚类的"
        "稳定性。0.97 是平均自助法 ARI（重新抽样时聚类能多好地重现）。",
        explanation_zh="0.34：两种分法只部分一致。规则列出了六个群体；数据显示的是两团稳定的点云，"
        "活跃与流失，规则把它们切得更细。",
        worked="`crosstab` sets the clusters of section 3 against another grouping of the same "
        "customers and stores their adjusted Rand index:\n\n"
        '```python\ntable = behaviour.crosstab(rfm["segment"])\n'
        'round(table.attrs["ari"], 2)  # 0.34\n```\n\n'
        "0.34: champions and loyal customers all fall in the active cluster and the lost all in "
        "the lapsed one, but potential and at-risk customers are split, and six groups cannot "
        "match two. 0.97 is a different number: the mean bootstrap ARI, the clusters' "
        "stability.",
        worked_zh="`crosstab` 把第 3 节的聚类与同一批顾客的另一种分法对照，并保存两者的调整兰德指"
        "数：\n\n"
        '```python\ntable = behaviour.crosstab(rfm["segment"])\n'
        'round(table.attrs["ari"], 2)  # 0.34\n```\n\n'
        "0.34：冠军客户和忠诚客户全部落在活跃聚类，流失客户全部落在流失聚类，但潜力客户和有流失"
        "风险的客户被拆开了，而且六个群体不可能与两个群体一一对应。0.97 是另一个数字：平均自助法 "
        "ARI，即聚类的稳定性。",
    )
)

register(
    Exercise(
        id="11c.lift_by_hand",
        prompt="From the basket counts alone (cx.segment.basket_matrix(baskets)), the lift of "
        "the rule bakery → coffee_tea? Three decimals.",
        solution=_lift_by_hand,
        wrong=lambda: 0.413,
        tol=0.001,
        hint="lift = n(both) · N / (n(bakery) · n(coffee_tea)) over all N baskets: the share "
        "of baskets with both, divided by what independence would give. 0.413 is the rule's "
        "confidence.",
        explanation="2.945: baskets with bakery hold coffee or tea about three times as often "
        "as if the two were bought independently — the same as cx.segment.rules reports.",
        prompt_zh="只用订单计数（cx.segment.basket_matrix(baskets)），规则 bakery → coffee_tea 的"
        "提升度是多少？保留三位小数。",
        hint_zh="提升度 = n(两者) · N / (n(bakery) · n(coffee_tea))，N 为全部订单数：同时含有两者的"
        "订单比例，除以两者相互独立时应有的比例。0.413 是这条规则的置信度。",
        explanation_zh="2.945：含有烘焙面包的订单含有咖啡茶饮的频率，约是两者相互独立时的三倍——与 "
        "cx.segment.rules 报告的一样。",
        worked="`basket_matrix` gives one row per basket and one True/False column per "
        "category. Count the baskets with both, with each, and all of them:\n\n"
        "```python\nonehot = cx.segment.basket_matrix(baskets)\n"
        "n = len(onehot)\n"
        'both = (onehot["bakery"] & onehot["coffee_tea"]).sum()\n'
        'round(both * n / (onehot["bakery"].sum() * onehot["coffee_tea"].sum()), 3)  '
        "# 2.945\n```\n\n"
        "2.945 — 746 baskets hold both. Lift is symmetric: coffee_tea → bakery has the same "
        "lift; only the confidence differs (0.413 one way, 0.357 the other).",
        worked_zh="`basket_matrix` 每张订单一行，每个品类一列（True/False）。数出同时含有两者的订"
        "单、分别含有每一个的订单以及全部订单：\n\n"
        "```python\nonehot = cx.segment.basket_matrix(baskets)\n"
        "n = len(onehot)\n"
        'both = (onehot["bakery"] & onehot["coffee_tea"]).sum()\n'
        'round(both * n / (onehot["bakery"].sum() * onehot["coffee_tea"].sum()), 3)  '
        "# 2.945\n```\n\n"
        "2.945——有 746 张订单同时含有两者。提升度是对称的：coffee_tea → bakery 的提升度相同，只有"
        "置信度不同（一个方向 0.413，另一个方向 0.357）。",
    )
)

register(
    Exercise(
        id="11c.item_k2",
        prompt="Holdout check of section 5 with k = 2 offers per customer: item-item's hit rate "
        "minus popularity's? A proportion, three decimals.",
        solution=_item_k2,
        wrong=lambda: 0.035,
        tol=0.001,
        hint="cx.segment.evaluate(baskets, cut='2025-10-01', k=2).comparison['est'] — a "
        "proportion such as 0.012, not points. 0.035 is the difference at k = 3.",
        explanation="0.066 (interval about 0.026 to 0.107, McNemar p = .002): with two offers "
        "item-item beats popularity clearly, as at k = 1; at k = 3 the gap is no longer clear.",
        prompt_zh="用每位顾客 k = 2 个推荐重做第 5 节的保留期检验：物品关联推荐的命中率减去热门推荐"
        "的命中率是多少？用比例表示，保留三位小数。",
        hint_zh="cx.segment.evaluate(baskets, cut='2025-10-01', k=2).comparison['est']——填比例，"
        "例如 0.012，不是百分点。0.035 是 k = 3 时的差值。",
        explanation_zh="0.066（区间约为 0.026 到 0.107，McNemar p = .002）：推荐两个品类时，物品"
        "关联推荐明显胜过热门推荐，与 k = 1 时一样；到 k = 3 时差距就不再明显。",
        worked="Run the same check with `k=2` and read the paired comparison with popularity "
        "(the segment column is not needed):\n\n"
        '```python\ncheck2 = cx.segment.evaluate(baskets, cut="2025-10-01", k=2)\n'
        "print(check2.summary())\n"
        'round(check2.comparison.loc[0, "est"], 3)  # 0.066\n```\n\n'
        "0.066: 119 customers are hit only by item-item, 75 only by popularity, of 662 "
        "(interval 0.026 to 0.107, p = .002). The advantage is clear at k = 1 and 2 and fades "
        "at k = 3: the more offers, the more the best sellers catch up.",
        worked_zh="用 `k=2` 重做同样的检验，读出与热门推荐的配对比较（不需要细分列）：\n\n"
        '```python\ncheck2 = cx.segment.evaluate(baskets, cut="2025-10-01", k=2)\n'
        "print(check2.summary())\n"
        'round(check2.comparison.loc[0, "est"], 3)  # 0.066\n```\n\n'
        "0.066：662 位顾客中，有 119 位只被物品关联推荐命中，75 位只被热门推荐命中（区间 0.026 到 "
        "0.107，p = .002）。这一优势在 k = 1 和 2 时明显，到 k = 3 时减弱：推荐越多，畅销品类就越能"
        "追上来。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------

register(
    self_assessment_question(
        "11c.sa1",
        "c",
        "a",
        prompt="On the hotel guests' four realms, the mixture's BIC is lowest at k = 5, but the "
        "mean bootstrap ARI is .44 and k-means finds no structure. What do you report? (a) five "
        "guest segments: the BIC chose them; (b) two segments, the k-means solution; (c) the "
        "data do not support attitude segments; the five mixture components are unstable, and "
        "three of them only sit on the top of the rating scale; (d) nothing can be said until "
        "the sample is ten times larger",
        hint="Section 2: what the stability check and the standard deviations within the five "
        "segments say, and what k-means's silhouette says.",
        explanation="(c). A segment must be supported and stable: refits on resampled guests "
        "do not find the five again (ARI .44 < .75), three have an SD of 0 on one realm (all "
        "7s), and k-means's best silhouette (.248) is below 0.25. The data were simulated "
        "without segments.",
        worked="The BIC rule chose k = 5 only because a mixture can put a component on a pile "
        "of identical top ratings. Two independent checks say there are no segments: the "
        "bootstrap ARI of .44 (unstable) and k-means's silhouette of .248 (no structure).",
        prompt_zh="在酒店客人的四个体验领域上，混合模型的 BIC 在 k = 5 时最低，但平均自助法 ARI 只"
        "有 .44，k 均值聚类也发现没有结构。你应当报告什么？(a) 五个客人细分群体：是 BIC 选出了它"
        "们；(b) 两个细分群体，即 k 均值聚类的结果；(c) 数据不支持态度上的细分群体；混合模型的五个"
        "成分不稳定，其中三个只不过落在评分量表的最高分上；(d) 样本扩大十倍之前什么也说不了",
        hint_zh="第 2 节：稳定性检验和五个群体内部的标准差说明了什么，k 均值聚类的轮廓系数又说明"
        "了什么。",
        explanation_zh="(c)。细分群体必须有数据支持而且稳定：对重新抽样的客人重新拟合，找不回这五个"
        "群体（ARI .44 < .75），其中三个在某一领域上的标准差为 0（全是 7 分），k 均值聚类最好的轮"
        "廓系数（.248）也低于 0.25。这批数据本来就是在没有细分群体的情况下模拟的。",
        worked_zh="BIC 规则之所以选了 k = 5，只是因为混合模型可以把一个成分放在一堆完全相同的最高分"
        "上。两项独立的检验都说明没有细分群体：自助法 ARI 为 .44（不稳定），k 均值聚类的轮廓系数为 "
        ".248（没有结构）。",
    )
)

register(
    self_assessment_question(
        "11c.sa2",
        "b",
        "a",
        prompt="Customers in the 'active' behavioural cluster buy 11.9 times a year against 2.5 "
        "in the 'lapsed' one. What does this show? (a) putting a customer in the active cluster "
        "makes her buy more; (b) the clusters were formed from purchase frequency, so the "
        "difference holds by construction and shows no cause; what a segmentation is worth "
        "shows in what it predicts on later data; (c) the RFM rules are wrong; (d) active "
        "customers are more satisfied",
        hint="The Concepts' paragraph 'Clusters describe, they do not explain', and section 3's "
        "test on October–December.",
        explanation="(b). A segment summarises the columns it was formed from; its difference "
        "on them is no finding. Section 3 tests the clusters on later purchases instead: 73 % "
        "of the active cluster bought in the last quarter, 10 % of the lapsed one.",
        worked="The clusters were cut on recency, frequency and spend, so they must differ on "
        "frequency. What they are worth shows on data they were not formed from: segmented on "
        "January–September, 73 % of the active and 10 % of the lapsed customers bought again "
        "in October–December.",
        prompt_zh="“活跃”行为聚类中的顾客一年购买 11.9 次，“流失”聚类中的只有 2.5 次。这说明了什"
        "么？(a) 把一位顾客放进活跃聚类，会让她买得更多；(b) 聚类就是按购买频率形成的，所以这种差"
        "异是构造使然，不说明任何原因；一种细分值多少，要看它对以后的数据能预测什么；(c) RFM 规则是"
        "错的；(d) 活跃顾客的满意度更高",
        hint_zh="核心概念中“聚类只描述，不解释”那一段，以及第 3 节用 10–12 月所做的检验。",
        explanation_zh="(b)。一个细分群体概括的是形成它的那些列；它在这些列上的差异不算发现。第 3 "
        "节改用以后的购买来检验聚类：活跃聚类中 73 % 的顾客在最后一个季度买了东西，流失聚类中只有 "
        "10 %。",
        worked_zh="聚类是按最近购买、购买频率和购买金额切分的，所以它们在购买频率上必然不同。它们的价"
        "值要在没有参与形成它们的数据上才看得出来：用 1–9 月的数据分群，活跃顾客中 73 %、流失顾客"
        "中 10 % 在 10–12 月再次购买。",
    )
)

register(
    self_assessment_question(
        "11c.sa3",
        "d",
        "a",
        prompt="The segment-offer table marks stationery & books for 18–29-year-olds 'clear', a "
        "row the simulation did not plant. What is the best reading? (a) a real preference: its "
        "interval lies above the overall share; (b) a data error; (c) proof that young "
        "customers read more; (d) possibly chance: among 80 segment × category comparisons a "
        "few intervals miss at 95 %; test the offer against a control group before acting on it",
        hint="Section 6: how many comparisons the table makes, and whether 'clear' is corrected "
        "for them.",
        explanation="(d). Each row's interval misses the truth 5 % of the time, and the table "
        "looks at 4 × 20 = 80 segment × category pairs without correction, so a few chance "
        "'clear' rows are expected. Real data do not come with the truth: test before rolling "
        "out.",
        worked="`clear` means that one 95 % interval lies above the overall share. With 80 "
        "comparisons and no correction, some such rows arise by chance; stationery has the same "
        "weight in every taste segment of the simulation. An offer tested on part of the "
        "segment against a control group tells a real difference from a chance one.",
        prompt_zh="“细分群体—优惠”表把 18–29 岁顾客的文具图书标为“clear”，而模拟并没有植入这一"
        "行。最好的解读是什么？(a) 真实的偏好：它的区间高于总体比例；(b) 数据错误；(c) 证明年轻顾客"
        "读书更多；(d) 可能是偶然：在 80 次“细分群体 × 品类”比较中，用 95 % 区间总会有几个区间出"
        "错；先与对照组比较检验这一优惠，再据此行动",
        hint_zh="第 6 节：这张表做了多少次比较，“clear”有没有针对这些比较做校正。",
        explanation_zh="(d)。每一行的区间有 5 % 的时候会错过真值，而这张表不加校正地查看了 "
        "4 × 20 = 80 个“细分群体 × 品类”组合，所以出现几行偶然的“clear”是意料之中的。"
        "真实数据不会附带真相：全面推广之前先检验。",
        worked_zh="`clear` 的意思是某一个 95 % 区间位于总体比例之上。做 80 次比较而不加校正，总会"
        "偶然出现一些这样的行；在模拟中，文具图书在每个口味细分中的权重都一样。在该群体的一部分顾客身上"
        "试推这一优惠，并与对照组比较，就能区分真实的差异和偶然的差异。",
    )
)
