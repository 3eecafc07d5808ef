"""Two-model uplift targeting on a randomised campaign: :func:`uplift` (private; public
through :mod:`cxlab.experiments`).

The two-model approach (also called the T-learner): one outcome model per arm, fitted on
a training part of the campaign — P(outcome = 1 | x, treated) and P(outcome = 1 | x,
control) — and the uplift score of a customer is their difference. It is judged on a
holdout the models never saw: the Qini curve and coefficient (:mod:`._qini`, Radcliffe
2007) and the observed uplift by decile of the score. Uplift is only identified when
the campaign was randomised, so the arms' covariates are checked first.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab.errors import DataError
from cxlab.experiments._checks import balance_table, joint_balance_test, require_columns
from cxlab.experiments._qini import qini_coefficient, qini_curve, uplift_by_group
from cxlab.experiments._words import join, words

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["RANDOMISATION_ALPHA", "UpliftResult", "simulate_campaign", "uplift"]

#: joint balance test p-value below which :func:`uplift` refuses the campaign
RANDOMISATION_ALPHA = 0.001

_WORDS = {
    "en": {
        "qini_title": "Qini curve on the holdout (Qini coefficient {q:.4f})",
        "x": "share of customers contacted (highest predicted uplift first)",
        "y": "incremental response (share of the treated)",
        "model": "model",
        "random": "random targeting",
        "decile_title": "Observed uplift by decile of predicted uplift ({level:.0%} CI)",
        "decile_x": "decile (1 = highest predicted uplift)",
        "decile_y": "uplift (response rate treated - control)",
    },
    "zh": {
        "qini_title": "保留样本上的 Qini 曲线（Qini 系数 {q:.4f}）",
        "x": "联系的客户比例（按预测增益从高到低）",
        "y": "增量响应（占实验组比例）",
        "model": "模型",
        "random": "随机选择",
        "decile_title": "按预测增益十分位的实际增益（{level:.0%} 置信区间）",
        "decile_x": "十分位（1 = 预测增益最高）",
        "decile_y": "增益（实验组 − 对照组响应率）",
    },
}


@dataclass
class UpliftResult:
    """Result of :func:`uplift`.

    Attributes
    ----------
    treatment, outcome, features, model, seed, level
        The settings.
    holdout : DataFrame
        The holdout customers (index of *data*): treatment, outcome, ``p_treated``,
        ``p_control`` and ``uplift`` (the score, p_treated − p_control).
    qini_curve : DataFrame
        ``fraction, k, qini, random`` (see :func:`cxlab.experiments.qini_curve`).
    qini : float
        The Qini coefficient of the score on the holdout.
    deciles : DataFrame
        Observed uplift by decile of the score with CIs
        (:func:`cxlab.experiments.uplift_by_group`).
    balance : DataFrame
        Balance of the features between the arms (all rows): SMD and p-value per feature.
    balance_test : dict
        Joint likelihood-ratio test that the features predict the arm.
    models_ : dict
        The fitted scikit-learn models, ``{"treated": ..., "control": ...}``.
    """

    treatment: str
    outcome: str
    features: list[str]
    model: str
    seed: int
    level: float
    holdout: pd.DataFrame
    qini_curve: pd.DataFrame
    qini: float
    deciles: pd.DataFrame
    balance: pd.DataFrame
    balance_test: dict[str, Any]
    models_: dict[str, Any]
    columns_: list[str] = field(default_factory=list)
    data_: pd.DataFrame | None = field(default=None, repr=False)

    def predict(self, data: pd.DataFrame) -> pd.Series:
        """Predicted uplift (P(outcome | treated) − P(outcome | control)) of each row.

        Examples
        --------
        >>> import cxlab as cx
        >>> df = cx.experiments.simulate_campaign(seed=7)
        >>> res = cx.experiments.uplift(df, "campaign", "renewed", ["usage", "tenure"], seed=1)
        >>> bool(res.predict(df.head()).between(-1, 1).all())
        True
        """
        x = _design(as_frame(data), self.features, self.columns_)
        p_t = self.models_["treated"].predict_proba(x)[:, 1]
        p_c = self.models_["control"].predict_proba(x)[:, 1]
        return pd.Series(p_t - p_c, index=data.index, name="uplift")

    def target(self, k: float, data: pd.DataFrame | None = None) -> pd.DataFrame:
        """Whom to contact: the *k* rows of *data* (default: the data the campaign was
        fitted on) with the highest predicted uplift, highest first, with an ``uplift``
        column. ``k`` is a number of customers, or a share when 0 < k < 1.

        Examples
        --------
        >>> import cxlab as cx
        >>> df = cx.experiments.simulate_campaign(seed=7)
        >>> res = cx.experiments.uplift(df, "campaign", "renewed", ["usage", "tenure"], seed=1)
        >>> len(res.target(100)), len(res.target(0.1))
        (100, 200)
        """
        frame = self.data_ if data is None else as_frame(data)
        if frame is None:
            raise DataError("target: pass data= (the customers who could be contacted).")
        if isinstance(k, bool) or not isinstance(k, int | float | np.integer | np.floating):
            raise DataError(f"k must be a number of customers or a share, not {k!r}.")
        count = round(k * len(frame)) if 0 < k < 1 else int(k)
        if count < 1 or count > len(frame):
            raise DataError(
                f"k={k!r} selects {count} of {len(frame)} customers; give 1 … {len(frame)} "
                "or a share between 0 and 1."
            )
        scores = self.predict(frame)
        order = np.argsort(-scores.to_numpy(), kind="mergesort")[:count]
        out = frame.iloc[order].copy()
        out["uplift"] = scores.iloc[order].to_numpy()
        return out

    def to_frame(self) -> pd.DataFrame:
        """The observed uplift by decile of the predicted uplift (``deciles``).

        Examples
        --------
        >>> import cxlab as cx
        >>> df = cx.experiments.simulate_campaign(seed=7)
        >>> res = cx.experiments.uplift(df, "campaign", "renewed", ["usage", "tenure"], seed=1)
        >>> res.to_frame()["group"].tolist()
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        """
        return self.deciles

    def summary(self, lang: Lang | None = None) -> str:
        """The campaign, the checks and the targeting value in plain words.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> df = cx.experiments.simulate_campaign(seed=7)
        >>> res = cx.experiments.uplift(df, "campaign", "renewed", ["usage", "tenure"], seed=1)
        >>> print(res.summary().splitlines()[0][:60])
        Two-model uplift (logistic) of 'campaign' on 'renewed', feat
        """
        w = words(lang)
        h = self.holdout
        treated = h[self.treatment] == 1
        overall = h.loc[treated, self.outcome].mean() - h.loc[~treated, self.outcome].mean()
        top, bottom = self.deciles.iloc[0], self.deciles.iloc[-1]
        flagged = list(self.balance.loc[self.balance["flag"], "covariate"])
        smd = w["up_smd_flag"].format(names=join(flagged, lang)) if flagged else w["up_smd_ok"]
        return "\n".join(
            [
                w["up_head"].format(
                    model=w["up_model"].get(self.model, self.model),
                    treatment=self.treatment,
                    outcome=self.outcome,
                    features=join(self.features, lang),
                    n=len(h),
                ),
                w["up_check"].format(p=self.balance_test["pvalue"], smd=smd),
                w["up_overall"].format(x=overall),
                w["up_deciles"].format(
                    top=top["est"],
                    top_lo=top["ci_low"],
                    top_hi=top["ci_high"],
                    bottom=bottom["est"],
                    bottom_lo=bottom["ci_low"],
                    bottom_hi=bottom["ci_high"],
                ),
                w["up_qini"].format(q=self.qini),
            ]
        )

    def plot(
        self,
        *,
        ax: Axes | None = None,
        lang: Lang | None = None,
        kind: Literal["qini", "deciles"] = "qini",
    ) -> Axes:
        """The Qini curve against random targeting (``kind="qini"``), or the observed
        uplift by decile with CIs (``kind="deciles"``).

        Examples
        --------
        >>> import cxlab as cx
        >>> df = cx.experiments.simulate_campaign(seed=7)
        >>> res = cx.experiments.uplift(df, "campaign", "renewed", ["usage", "tenure"], seed=1)
        >>> ax = res.plot(lang="zh", kind="deciles")
        >>> ax.get_xlabel()
        '十分位（1 = 预测增益最高）'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        if kind not in ("qini", "deciles"):
            raise ValueError(f"kind must be 'qini' or 'deciles', not {kind!r}")
        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6.5, 4))[1]
            if kind == "qini":
                c = self.qini_curve
                ax.plot(c["fraction"], c["qini"], label=words["model"])
                ax.plot(c["fraction"], c["random"], ls="--", color="grey", label=words["random"])
                ax.set(
                    xlabel=words["x"],
                    ylabel=words["y"],
                    title=words["qini_title"].format(q=self.qini),
                )
                ax.legend(loc="lower right")
            else:
                d = self.deciles
                err = np.array([d["est"] - d["ci_low"], d["ci_high"] - d["est"]])
                ax.errorbar(d["group"], d["est"], yerr=err, fmt="o", capsize=3)
                ax.axhline(0, color="grey", lw=0.8)
                ax.set_xticks(list(d["group"]))
                ax.set(
                    xlabel=words["decile_x"],
                    ylabel=words["decile_y"],
                    title=words["decile_title"].format(level=self.level),
                )
            ax.grid(alpha=0.3)
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        text = "<br>".join(escape(line) for line in self.summary().splitlines())
        return f"<p>{text}</p>" + self.deciles.round(3).to_html(index=False)

    def __repr__(self) -> str:
        return self.summary()


def _design(data: pd.DataFrame, features: Sequence[str], columns: list[str] | None) -> np.ndarray:
    """Features as a float matrix (categories one-hot); DataError on missing values."""
    require_columns(data, features, "uplift")
    for col in features:
        missing = data[col].isna()
        if missing.any():
            raise DataError(
                f"uplift: feature {col!r} has {int(missing.sum())} missing value(s) (rows "
                f"{list(data.index[missing][:5])}); impute or drop them first (never dropped "
                "silently)."
            )
    cats = [c for c in features if not pd.api.types.is_numeric_dtype(data[c])]
    frame = pd.get_dummies(data[list(features)], columns=cats, dtype=float)
    if columns is not None:
        frame = frame.reindex(columns=columns, fill_value=0.0)
    return frame.astype(float)


def _binary(values: pd.Series, column: str, what: str) -> np.ndarray:
    """A 0/1 column as ints; DataError naming the column and the fix."""
    missing = values.isna()
    if missing.any():
        raise DataError(
            f"uplift: {what} column {column!r} has {int(missing.sum())} missing value(s) (rows "
            f"{list(values.index[missing][:5])}); drop those rows first."
        )
    v = values.astype(float) if pd.api.types.is_bool_dtype(values) else values
    numeric = pd.to_numeric(v, errors="coerce")
    levels = sorted(pd.unique(values).tolist(), key=str)
    if numeric.isna().any() or not numeric.isin([0, 1]).all():
        raise DataError(
            f"uplift: {what} column {column!r} must be coded 0/1, but it holds {levels[:5]}. "
            f"Recode it, e.g. (data[{column!r}] == 'yes').astype(int)."
        )
    if numeric.nunique() < 2:
        raise DataError(
            f"uplift: {what} column {column!r} never varies (only {levels}); "
            + (
                "uplift needs a campaign with a randomised control group."
                if what == "treatment"
                else "there is nothing to predict."
            )
        )
    return numeric.to_numpy().astype(int)


def _make_model(model: str, seed: int) -> Any:
    if model == "logistic":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    if model == "boosting":
        from sklearn.ensemble import GradientBoostingClassifier

        return GradientBoostingClassifier(
            n_estimators=100, learning_rate=0.05, max_depth=3, random_state=seed
        )
    raise DataError(f"model must be 'logistic' or 'boosting', not {model!r}.")


def uplift(
    data: pd.DataFrame,
    treatment: str,
    outcome: str,
    features: Sequence[str],
    model: Literal["logistic", "boosting"] = "logistic",
    *,
    seed: int,
    holdout: float = 0.3,
    level: float = 0.95,
    allow_unbalanced: bool = False,
) -> UpliftResult:
    """Two-model uplift on a randomised campaign: who is moved by the contact.

    Parameters
    ----------
    data : DataFrame or Survey
        One row per customer of the campaign.
    treatment : str
        0/1 column: 1 = contacted (randomly chosen), 0 = control.
    outcome : str
        0/1 column: the response (e.g. renewed, or stayed — code the wanted behaviour as 1).
    features : list of str
        Pre-campaign customer features (categories are one-hot encoded).
    model : {"logistic", "boosting"}
        scikit-learn's LogisticRegression (standardized features) or
        GradientBoostingClassifier (100 trees of depth 3, learning rate 0.05; single-
        threaded, so the same seed gives the same scores on any machine), one per arm.
    seed : int
        Seed of the holdout split and of the boosting model (keyword-only, required).
    holdout : float
        Share of customers kept out of fitting (split stratified by arm and outcome) on
        which the Qini curve and the deciles are computed.
    level : float
        Confidence level of the deciles' intervals.
    allow_unbalanced : bool
        By default a campaign whose arms differ in the features (joint likelihood-ratio
        test p < 0.001, :data:`RANDOMISATION_ALPHA`) is refused with a DataError: uplift
        needs a randomised campaign. True turns the refusal into a warning.

    Smaller imbalances (any |SMD| > 0.1) give a UserWarning. Definitions of the Qini
    curve and coefficient: :func:`cxlab.experiments.qini_curve`.

    Examples
    --------
    >>> import cxlab as cx
    >>> df = cx.experiments.simulate_campaign(seed=7)
    >>> res = cx.experiments.uplift(df, "campaign", "renewed", ["usage", "tenure"], seed=1)
    >>> res.qini > 0
    True
    """
    from sklearn.model_selection import train_test_split

    data = as_frame(data)
    features = list(features)
    if not features:
        raise DataError("uplift: give at least one feature (features=[...]).")
    require_columns(data, [treatment, outcome, *features], "uplift")
    if treatment in features or outcome in features:
        raise DataError("uplift: the treatment and the outcome cannot be features.")
    if not 0 < holdout < 1:
        raise DataError(f"holdout must be a share between 0 and 1 (e.g. 0.3), not {holdout!r}.")
    if seed is None:
        raise DataError("uplift splits the data at random: pass seed= (e.g. seed=1).")
    t = _binary(data[treatment], treatment, "treatment")
    y = _binary(data[outcome], outcome, "outcome")
    x = _design(data, features, None)
    arm = pd.Series(t, index=data.index)
    balance = balance_table(data, arm, features, "uplift")
    joint = joint_balance_test(data, arm, features, "uplift")
    _check_randomised(balance, joint, treatment, allow_unbalanced)
    strata = 2 * t + y
    idx = np.arange(len(data))
    try:
        train, test = train_test_split(idx, test_size=holdout, random_state=seed, stratify=strata)
    except ValueError as err:
        raise DataError(
            f"uplift: cannot split {len(data)} customers into training and holdout parts "
            f"stratified by arm and outcome ({err}); more customers are needed."
        ) from None
    train, test = np.sort(train), np.sort(test)
    models = {}
    for name, value in (("treated", 1), ("control", 0)):
        rows = train[t[train] == value]
        if len(np.unique(y[rows])) < 2:
            raise DataError(
                f"uplift: in the training part the {name} arm has only outcome "
                f"{int(y[rows][0])}; every arm needs responders and non-responders."
            )
        models[name] = _make_model(model, seed).fit(x.iloc[rows], y[rows])
    xh = x.iloc[test]
    p_t = models["treated"].predict_proba(xh)[:, 1]
    p_c = models["control"].predict_proba(xh)[:, 1]
    score = p_t - p_c
    held = pd.DataFrame(
        {treatment: t[test], outcome: y[test], "p_treated": p_t, "p_control": p_c, "uplift": score},
        index=data.index[test],
    )
    return UpliftResult(
        treatment=treatment,
        outcome=outcome,
        features=features,
        model=model,
        seed=seed,
        level=level,
        holdout=held,
        qini_curve=qini_curve(y[test], t[test], score),
        qini=qini_coefficient(y[test], t[test], score),
        deciles=uplift_by_group(y[test], t[test], score, groups=min(10, len(test)), level=level),
        balance=balance,
        balance_test=joint,
        models_=models,
        columns_=list(x.columns),
        data_=data,
    )


def _check_randomised(
    balance: pd.DataFrame, joint: dict[str, Any], treatment: str, allow: bool
) -> None:
    flagged = balance.loc[balance["flag"]]
    listed = ", ".join(f"{r.covariate} (SMD {r.smd:+.2f})" for r in flagged.itertuples()) or "-"
    if joint["pvalue"] < RANDOMISATION_ALPHA:
        message = (
            f"uplift: {treatment!r} does not look randomised: the features predict who was "
            f"treated (likelihood-ratio chi2 = {joint['lr_chi2']:.1f}, df = {joint['df']}, p = "
            f"{joint['pvalue']:.2g}); imbalanced: {listed}. Two-model uplift compares treated "
            "and control customers as if the contact were assigned by lot; with a targeted or "
            "self-selected campaign the 'uplift' mixes the effect with who was chosen. Use a "
            "randomised test campaign, or pass allow_unbalanced=True knowingly."
        )
        if not allow:
            raise DataError(message)
        warnings.warn(message, UserWarning, stacklevel=3)
    elif len(flagged):
        warnings.warn(
            f"uplift: {treatment!r} arms differ in {listed} (|SMD| > 0.1) although the joint "
            f"test does not reject randomisation (p = {joint['pvalue']:.3f}); check the "
            "assignment.",
            UserWarning,
            stacklevel=3,
        )


def simulate_campaign(n: int = 2000, *, seed: int) -> pd.DataFrame:
    """A simulated randomised retention campaign with a known, heterogeneous effect.

    Columns: ``usage`` (hours a week, Gamma(2, 2)), ``tenure`` (years, uniform 0-10), a
    randomised ``campaign`` (0/1, each with probability ½), ``renewed`` (0/1) and the truth
    ``true_uplift`` = P(renewed | contacted) − P(renewed | not contacted) of each customer.
    P(renewed | not contacted) = logistic(−1.5 + 0.25·usage + 0.1·tenure); the contact adds
    0.3 / (1 + exp(usage − 3)) − 0.05: up to +0.24 for the lightest users, −0.05 for heavy
    users
    (contacting them slightly annoys them).

    Examples
    --------
    >>> import cxlab as cx
    >>> df = cx.experiments.simulate_campaign(seed=7)
    >>> df.shape, round(float(df["true_uplift"].max()), 2)
    ((2000, 5), 0.23)
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 10:
        raise DataError(f"n must be a whole number of at least 10, not {n!r}.")
    rng = np.random.default_rng(seed)
    usage = rng.gamma(2.0, 2.0, n)
    tenure = rng.uniform(0, 10, n)
    campaign = rng.integers(0, 2, n)
    base = 1 / (1 + np.exp(-(-1.5 + 0.25 * usage + 0.1 * tenure)))
    lift = 0.3 / (1 + np.exp(usage - 3.0)) - 0.05
    p0, p1 = np.clip(base, 0.001, 0.999), np.clip(base + lift, 0.001, 0.999)
    renewed = (rng.uniform(size=n) < np.where(campaign == 1, p1, p0)).astype(int)
    return pd.DataFrame(
        {
            "usage": usage,
            "tenure": tenure,
            "campaign": campaign,
            "renewed": renewed,
            "true_uplift": p1 - p0,
        }
    )
