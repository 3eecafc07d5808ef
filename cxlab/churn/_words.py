"""The words of the churn results' ``summary()`` texts in English and Chinese (private).

Every sentence a result's ``summary()`` prints is a template here, once per language,
with the same named fields, so the numbers are formatted by the same code in both
languages: the English templates reproduce the English text byte for byte, the Chinese
ones carry the same numbers, signs, units and rounding.

- :func:`words` — the template table of a language (``None`` → the notebook's
  language, :func:`cxlab.viz.language`);
- :func:`translate` — the Chinese wording of a label a result stores in English (the
  train/test split, a term cxlab names); unknown labels are returned unchanged;
- :func:`join` — a list of names joined as the language joins them.
"""

from __future__ import annotations

import re
from typing import Any

from cxlab._conventions import Wording

__all__ = ["TEXT", "join", "resolve", "translate", "words"]

TEXT: dict[str, dict[str, Any]] = {
    "en": {
        # Kaplan–Meier (_survival)
        "km_units": {"months": "months", "days": "days"},
        "km_head": "Kaplan–Meier survival ({n:,} members, {ev:,} events; {level:.0%} CI, "
        "conf_type={conf!r}; time in {unit})",
        "km_all": "all",
        "km_medians": "Median survival [CI]:",
        "km_median_row": "  {group}: {med} [{low}, {high}] (n = {n:,}, events = {ev:,})",
        "km_not_reached": "not reached",
        "km_not_reached_note": "  (not reached: S(t) or its bound stays above 0.5 to the last "
        "follow-up)",
        "km_at": "Survival at chosen times [CI]:",
        "km_at_row": "  {group}, t = {t:g}: {s:.3f} [{lo:.3f}, {hi:.3f}]",
        "km_logrank": "Log-rank test: chi2 = {chi2:.3f}, df = {df}, p = {p:.4g}",
        # Cox model (_cox)
        "cox_head": "Cox proportional hazards (ties = {ties}): n = {n:,}, events = {ev:,}",
        "cox_refs": "Reference levels: {refs}",
        "cox_ref": "{name} = {level!r}",
        "cox_ci": "{level:.0%} CI of HR",
        "cox_concordance": "Concordance (Harrell's C) = {c:.4f}",
        "cox_ph": "Proportional hazards (score test, g(t) = {transform}):",
        "cox_ph_row": "  {covariate}: chi2 = {chi2:.3f}, df = {df}, p = {p:.4g}",
        "cox_global": "GLOBAL",
        # churn classifier (_classifier)
        "clf_no_penalty": "no penalty",
        "clf_penalty": "{penalty}, C = {C:g}",
        "clf_logistic": "logistic regression ({strength}, standardised numeric features)",
        "clf_boosting": "gradient boosting (HistGradientBoostingClassifier)",
        "clf_head": "Churn classifier: {name}",
        "clf_split": "Split: {split}; {n_train:,} training rows, {n_test:,} test rows",
        "clf_splits": {"train": "train", "test": "test"},
        "clf_auc": "  AUC {split}: {est:.3f} [{lo:.3f}, {hi:.3f}] ({level:.0%} DeLong CI; "
        "{churners:,} churners, {stayers:,} stayers)",
        "clf_coef_head": "Coefficients (log odds; numeric per training SD):",
        "clf_coef": "  {term}: {est:+.3f} (odds ratio {odds:.2f})",
        "clf_honest": "The test AUC is the honest one; the training AUC is optimistic.",
        # profit of contacting the top x % (_targeting)
        "pc_head": "Profit of contacting the top x % of {n:,} customers (contact cost {cost:g}, "
        "offer keeps {success:.0%} of contacted churners):",
        "pc_none": "  best: contact no one — no customer's expected value saved exceeds the "
        "contact cost (a larger value per retained customer or a cheaper contact changes that)",
        "pc_best": "  best cut-off: contact the top {share:.1%} ({n:,} customers, expected value "
        "saved >= {threshold:.4g}); expected profit {profit:,.0f}",
        "pc_realised": "  realised on the observed churners: {profit:,.0f}",
        "pc_caveat": "  P(churn) is not the effect of contacting a customer: this assumes the "
        "offer keeps the same share ('success') of every contacted churner. Who is actually "
        "moved by the offer is uplift, measured on a randomised campaign "
        "(cx.experiments.uplift).",
        "sep": ", ",
    },
    "zh": {
        "km_units": {"months": "月", "days": "天"},
        "km_head": "Kaplan–Meier 生存曲线（{n:,} 位会员，{ev:,} 次流失事件；{level:.0%} 置信区间，"
        "conf_type={conf!r}；时间单位：{unit}）",
        "km_all": "全部",
        "km_medians": "流失时间的中位数 [置信区间]：",
        "km_median_row": "  {group}：{med} [{low}, {high}]（n = {n:,}，事件数 = {ev:,}）",
        "km_not_reached": "尚未达到",
        "km_not_reached_note": "  （尚未达到：直到最后一次随访，S(t) 或其区间界限都仍高于 0.5）",
        "km_at": "指定时点的留存率 [置信区间]：",
        "km_at_row": "  {group}，t = {t:g}：{s:.3f} [{lo:.3f}, {hi:.3f}]",
        "km_logrank": "对数秩检验：χ² = {chi2:.3f}，自由度 = {df}，p = {p:.4g}",
        "cox_head": "Cox 比例风险模型（结点处理 ties = {ties}）：n = {n:,}，事件数 = {ev:,}",
        "cox_refs": "参照水平：{refs}",
        "cox_ref": "{name} = {level!r}",
        # the same display width as the English "95% CI of HR", so "p" stays above its column
        "cox_ci": "{level:.0%} 置信区间",
        "cox_concordance": "一致性指数（Harrell's C）= {c:.4f}",
        "cox_ph": "比例风险假定的检验（得分检验，g(t) = {transform}）：",
        "cox_ph_row": "  {covariate}：χ² = {chi2:.3f}，自由度 = {df}，p = {p:.4g}",
        "cox_global": "总体",
        "clf_no_penalty": "无惩罚",
        "clf_penalty": "{penalty}，C = {C:g}",
        "clf_logistic": "逻辑回归（{strength}，数值特征已标准化）",
        "clf_boosting": "梯度提升（HistGradientBoostingClassifier）",
        "clf_head": "流失预测模型：{name}",
        "clf_split": "划分：{split}；训练集 {n_train:,} 行，检验集 {n_test:,} 行",
        "clf_splits": {"train": "训练集", "test": "检验集"},
        "clf_auc": "  {split}上的 AUC：{est:.3f} [{lo:.3f}, {hi:.3f}]"
        "（{level:.0%} DeLong 置信区间；{churners:,} 位流失者，{stayers:,} 位留存者）",
        "clf_coef_head": "系数（对数几率；数值特征按训练集的每个标准差计）：",
        "clf_coef": "  {term}：{est:+.3f}（几率比 {odds:.2f}）",
        "clf_honest": "检验集上的 AUC 才是诚实的；训练集上的 AUC 偏乐观。",
        "pc_head": "联系 {n:,} 位客户中排名前 x % 者的利润（联系成本 {cost:g}，优惠能留住被联系的"
        "流失者中的 {success:.0%}）：",
        "pc_none": "  最佳：不联系任何人——没有哪位客户的期望挽回价值超过联系成本（留住一位客户的"
        "价值更高，或者联系更便宜，结论就会改变）",
        "pc_best": "  最佳截断点：联系排名前 {share:.1%} 的客户（{n:,} 位，期望挽回价值 >= "
        "{threshold:.4g}）；期望利润 {profit:,.0f}",
        "pc_realised": "  按实际流失的客户计算，本来能实现：{profit:,.0f}",
        "pc_caveat": "  流失概率并不是联系一位客户的效果：这里假定优惠能留住每一位被联系的流失者中"
        "同样的比例（success）。优惠真正能打动谁是增益效应，要在随机分组的营销活动上测量"
        "（cx.experiments.uplift）。",
        "sep": "、",
    },
}

#: Chinese wording of labels the results store in English
_LABELS = {
    "explicit train and test frames": "分别给出的训练数据和检验数据",
    "(intercept)": "（截距）",
}
#: labels with parts in them: (pattern, Chinese template of its groups)
_PATTERNS = [
    (
        re.compile(r"(.+) < (.+) \(train\) vs >= (.+) \(test\)"),
        "{0} < {1} 为训练集，>= {2} 为检验集",
    ),
]


_WORDING = Wording(TEXT, _LABELS, _PATTERNS)
resolve = _WORDING.resolve
words = _WORDING.words
translate = _WORDING.translate
join = _WORDING.join
