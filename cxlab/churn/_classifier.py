"""The churn classifier: regularised logistic regression (or gradient boosting) trained on
earlier periods and judged honestly on a later one."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from cxlab._conventions import as_frame
from cxlab.churn._auc import auc_ci, check_binary
from cxlab.churn._design import _Design, _logistic, _wald
from cxlab.churn._evaluation import calibration, gains
from cxlab.churn._targeting import ProfitCurve, profit_curve
from cxlab.churn._words import translate, words
from cxlab.errors import DataError, EstimationError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

_WORDS = {
    "en": {
        "calibration": "Calibration on the test period",
        "cal_x": "mean predicted probability",
        "cal_y": "observed churn rate ({level:.0%} CI)",
        "diagonal": "perfect calibration",
        "gains": "Cumulative gains on the test period",
        "gains_x": "share of customers contacted (highest risk first)",
        "gains_y": "share of churners reached",
        "model": "model",
        "random": "random contact",
        "roc": "ROC curve on the test period (AUC {auc:.3f})",
        "roc_x": "false positive rate (stayers flagged)",
        "roc_y": "true positive rate (churners flagged)",
    },
    "zh": {
        "calibration": "测试期的校准",
        "cal_x": "平均预测概率",
        "cal_y": "实际流失率（{level:.0%} 置信区间）",
        "diagonal": "完美校准",
        "gains": "测试期的累积增益",
        "gains_x": "联系的客户比例（风险最高者优先）",
        "gains_y": "覆盖的流失客户比例",
        "model": "模型",
        "random": "随机联系",
        "roc": "测试期的 ROC 曲线（AUC {auc:.3f}）",
        "roc_x": "假阳性率（被标记的留存客户）",
        "roc_y": "真阳性率（被标记的流失客户）",
    },
}


def _check_columns(data: pd.DataFrame, columns: Sequence[str], where: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise DataError(
            f"Columns {missing} are not in the {where} data; columns: {list(data.columns)}."
        )
    for col in columns:
        na = data[col].isna()
        if na.any():
            rows = list(data.index[na])[:5]
            raise DataError(
                f"Column {col!r} has {int(na.sum())} missing value(s) in the {where} data "
                f"(rows {rows}{' …' if na.sum() > 5 else ''}); the classifier drops nothing "
                "silently: impute them or drop those rows yourself first."
            )


def _split(
    data: pd.DataFrame, time: str | None, cutoff: Any, test: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    if test is not None:
        if time is not None or cutoff is not None:
            raise ValueError("Pass either test= (explicit train/test frames) or time= and cutoff=.")
        return data, as_frame(test, what="test"), "explicit train and test frames"
    if time is None or cutoff is None:
        raise ValueError(
            "An honest evaluation needs a later test period: pass time= (a date or period "
            "column) and cutoff= (the first test period), or test= a separate frame."
        )
    if time not in data.columns:
        raise DataError(f"Column {time!r} (time=) is not in the data.")
    t = data[time]
    if t.isna().any():
        rows = list(data.index[t.isna()])[:5]
        raise DataError(
            f"Column {time!r} (time=) is missing in {int(t.isna().sum())} row(s) (rows {rows}); "
            "every row needs its period to be put in the training or the test data."
        )
    if pd.api.types.is_datetime64_any_dtype(t):
        cut: Any = pd.Timestamp(cutoff)
    else:
        cut = type(t.dropna().iloc[0])(cutoff) if isinstance(cutoff, str) else cutoff
    lo, hi = t.min(), t.max()
    if not lo < cut <= hi:
        raise DataError(
            f"cutoff={cutoff!r} is outside the data's {time!r} range ({lo} to {hi}): the "
            "training rows are those before it and the test rows those from it on, so it "
            f"must be after {lo} and at most {hi}."
        )
    before = (t < cut).to_numpy()
    return data[before], data[~before], f"{time} < {cutoff} (train) vs >= {cutoff} (test)"


@dataclass
class ChurnClassifier:
    """A churn classifier trained on earlier periods and evaluated on a later one;
    :func:`classifier` builds it.

    Attributes: ``model_`` (the fitted scikit-learn estimator), ``coef_`` (logistic
    regression: ``term, est, odds_ratio`` on the design scale — numeric features per
    training SD, categories against their reference level — and, without a penalty,
    ``se, z, pvalue, ci_low, ci_high``; None for boosting), ``auc_`` (``split, est, se,
    ci_low, ci_high, n_churners, n_stayers``: DeLong on train and test), ``y_test_`` and
    ``p_test_`` (outcomes and predicted probabilities of the test rows) and ``test_`` (the
    test rows).
    """

    method: str
    penalty: str | None
    C: float
    features: list[str]
    split: str
    level: float
    model_: Any
    design_: Any
    coef_: pd.DataFrame | None
    auc_: pd.DataFrame
    y_test_: np.ndarray
    p_test_: np.ndarray
    test_: pd.DataFrame
    n_train: int
    n_test: int

    def predict_proba(self, data: pd.DataFrame) -> np.ndarray:
        """P(churn) of each row of *data* (the same feature columns, no missing values).

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> p = m.predict_proba(cx.churn.example_snapshots().head(3))
        >>> bool(((p > 0) & (p < 1)).all())
        True
        """
        frame = as_frame(data)
        _check_columns(frame, self.features, "new")
        with threadpool_limits(1):
            return self.model_.predict_proba(self.design_.matrix(frame, "new"))[:, 1]

    def calibration(self, *, bins: int = 10) -> pd.DataFrame:
        """Calibration on the test period (see :func:`cxlab.churn.calibration`).

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> len(m.calibration(bins=5))
        5
        """
        return calibration(self.y_test_, self.p_test_, bins=bins, level=self.level)

    def gains(self, *, bins: int = 10) -> pd.DataFrame:
        """Lift and cumulative gains on the test period (see :func:`cxlab.churn.gains`).

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> float(m.gains()["share_churners"].iloc[-1])
        1.0
        """
        return gains(self.y_test_, self.p_test_, bins=bins)

    def profit(
        self,
        *,
        value: Any,
        cost: float,
        success: float,
        data: pd.DataFrame | None = None,
        steps: int = 100,
    ) -> ProfitCurve:
        """The expected (and realised) profit of contacting the top x % of the test
        period and the best cut-off (see :func:`cxlab.churn.profit_curve`). *value* is a
        number, an array (one per test row) or a column of the test rows (``test_``, or
        *data* when given), e.g. a margin or CLV column.

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> pc = m.profit(value=600, cost=15, success=0.3)
        >>> 0 < pc.best["share"] < 1
        True
        """
        return profit_curve(
            self.p_test_,
            value=value,
            cost=cost,
            success=success,
            y=self.y_test_,
            data=self.test_ if data is None else data,
            steps=steps,
        )

    def to_frame(self) -> pd.DataFrame:
        """The AUC on the training and the test period (DeLong intervals).

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> m.to_frame()["split"].tolist()
        ['train', 'test']
        """
        return self.auc_.copy()

    def summary(self, lang: Lang | None = None) -> str:
        """The model, the split and the honest AUC in plain words.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> print(m.summary().splitlines()[0])
        Churn classifier: logistic regression (l2, C = 1, standardised numeric features)
        >>> print(m.summary(lang="zh").splitlines()[0])
        流失预测模型：逻辑回归（l2，C = 1，数值特征已标准化）
        """
        w = words(lang)
        strength = (
            w["clf_no_penalty"]
            if self.penalty is None
            else w["clf_penalty"].format(penalty=self.penalty, C=self.C)
        )
        name = (
            w["clf_logistic"].format(strength=strength)
            if self.method == "logistic"
            else w["clf_boosting"]
        )
        lines = [
            w["clf_head"].format(name=name),
            w["clf_split"].format(
                split=translate(self.split, lang), n_train=self.n_train, n_test=self.n_test
            ),
        ]
        for row in self.auc_.itertuples(index=False):
            lines.append(
                w["clf_auc"].format(
                    split=w["clf_splits"].get(row.split, row.split),
                    est=row.est,
                    lo=row.ci_low,
                    hi=row.ci_high,
                    level=self.level,
                    churners=row.n_churners,
                    stayers=row.n_stayers,
                )
            )
        if self.coef_ is not None:
            lines.append(w["clf_coef_head"])
            for row in self.coef_.itertuples(index=False):
                lines.append(
                    w["clf_coef"].format(
                        term=translate(row.term, lang), est=row.est, odds=row.odds_ratio
                    )
                )
        lines.append(w["clf_honest"])
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = "<br>".join(escape(line) for line in self.summary().splitlines()[:4])
        extra = "" if self.coef_ is None else self.coef_.round(3).to_html(index=False)
        return f"<p>{head}</p>" + self.auc_.round(3).to_html(index=False) + extra

    def plot(
        self,
        *,
        kind: Literal["calibration", "gains", "roc"] = "calibration",
        ax: Axes | None = None,
        lang: Lang | None = None,
    ) -> Axes:
        """The calibration plot (deciles with intervals), the cumulative gains chart or
        the ROC curve of the test period. ``lang`` ("en"/"zh"): the figure's language.

        Examples
        --------
        >>> import cxlab as cx
        >>> m = cx.churn.classifier(cx.churn.example_snapshots(), "churned",
        ...                         ["visits_month", "complaints", "plan"],
        ...                         time="quarter", cutoff="2025Q2")
        >>> ax = m.plot(kind="gains", lang="zh")
        >>> ax.get_title()
        '测试期的累积增益'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(5.5, 5))[1]
            if kind == "calibration":
                t = self.calibration()
                err = np.array([t["observed"] - t["ci_low"], t["ci_high"] - t["observed"]])
                top = float(max(t["predicted"].max(), t["ci_high"].max()))
                ax.plot([0, top], [0, top], color="grey", ls="--", label=words["diagonal"])
                ax.errorbar(
                    t["predicted"],
                    t["observed"],
                    yerr=err,
                    fmt="o",
                    capsize=3,
                    label=words["model"],
                )
                ax.set(
                    xlabel=words["cal_x"],
                    ylabel=words["cal_y"].format(level=self.level),
                    title=words["calibration"],
                )
            elif kind == "gains":
                t = self.gains()
                ax.plot(
                    np.r_[0, t["share_contacted"]],
                    np.r_[0, t["share_churners"]],
                    marker="o",
                    label=words["model"],
                )
                ax.plot([0, 1], [0, 1], color="grey", ls="--", label=words["random"])
                ax.set(xlabel=words["gains_x"], ylabel=words["gains_y"], title=words["gains"])
            elif kind == "roc":
                from sklearn.metrics import roc_curve

                fpr, tpr, _ = roc_curve(self.y_test_, self.p_test_)
                auc = float(self.auc_.loc[self.auc_["split"] == "test", "est"].iloc[0])
                ax.plot(fpr, tpr, label=words["model"])
                ax.plot([0, 1], [0, 1], color="grey", ls="--", label=words["random"])
                ax.set(
                    xlabel=words["roc_x"], ylabel=words["roc_y"], title=words["roc"].format(auc=auc)
                )
            else:
                raise ValueError(f"kind must be 'calibration', 'gains' or 'roc', not {kind!r}")
            ax.legend()
            refont(ax, family)
        return ax


def classifier(
    data: pd.DataFrame,
    target: str,
    features: Sequence[str],
    *,
    categorical: Sequence[str] | None = None,
    time: str | None = None,
    cutoff: Any = None,
    test: pd.DataFrame | None = None,
    method: Literal["logistic", "boosting"] = "logistic",
    penalty: Literal["l2"] | None = "l2",
    C: float = 1.0,
    level: float = 0.95,
    seed: int | None = None,
) -> ChurnClassifier:
    """Train a churn classifier on earlier periods and evaluate it on a later one.

    *data* holds one row per customer and period (e.g. ``quarterly_snapshots``), *target*
    the 0/1 churn column, *features* the predictors. Text columns (and *categorical*) are
    one-hot coded with the training data's first sorted level as reference; numeric
    columns are standardised with the training mean and SD.

    - ``method="logistic"`` (default): scikit-learn's ``LogisticRegression``; ``penalty=
      "l2"`` with ``C=1.0`` (the inverse penalty strength: scikit-learn minimises
      C·Σ log-loss + ½‖β‖², intercept unpenalised — statsmodels ``GLM.fit_regularized(
      alpha=1/(C·n), L1_wt=0)`` with a zero weight on the constant), or ``penalty=None``
      for plain maximum likelihood (statsmodels ``Logit``; Wald SEs and intervals added).
    - ``method="boosting"``: ``HistGradientBoostingClassifier`` (no early stopping,
      ``random_state=seed``; ``seed=`` required).

    The split: ``time=`` (a date or period column) and ``cutoff=`` (rows before it train,
    rows from it on test), or ``test=`` a separate frame (then *data* is the training
    data). The AUC with a DeLong interval is given on both; calibration, gains and the
    profit of contacting the top x % on the test rows.

    Bad input: a target that is not 0/1, no churners or no stayers in the training or the
    test rows, a constant feature, a cutoff outside the data, missing values (the column
    and rows are named; nothing is dropped silently).

    Examples
    --------
    >>> import cxlab as cx
    >>> snaps = cx.churn.example_snapshots()
    >>> m = cx.churn.classifier(snaps, "churned", ["visits_month", "complaints", "nps_latest",
    ...                         "plan", "tenure_days"], time="quarter", cutoff="2025Q2")
    >>> print(m.auc_[["split", "n_churners", "n_stayers"]].to_string(index=False))
    split  n_churners  n_stayers
    train        2304      26759
     test         216       3513
    >>> round(float(m.auc_["est"].iloc[1]), 2)
    0.67
    """
    if not 0 < level < 1:
        raise ValueError(f"level is a confidence level between 0 and 1, not {level!r}")
    frame = as_frame(data)
    features = list(features)
    if not features:
        raise ValueError("features= must name at least one column.")
    if target in features:
        raise DataError(
            f"The target {target!r} is also listed as a feature; remove it from features=."
        )
    train, test_frame, split = _split(frame, time, cutoff, test)
    for part, where in ((train, "training"), (test_frame, "test")):
        _check_columns(part, [target, *features], where)
    y_train = check_binary(train[target], what=f"target {target!r} (training rows)")
    y_test = check_binary(test_frame[target], what=f"target {target!r} (test rows)")
    for yy, where in ((y_train, "training"), (y_test, "test")):
        if yy.min() == yy.max():
            kind = "no churners (1)" if yy.max() == 0 else "no stayers (0)"
            raise DataError(
                f"The {where} rows have {kind} in {target!r}: a classifier needs both. Move the "
                "cutoff or check the target's coding."
            )
    cats = list(categorical or [])
    cats += [c for c in features if c not in cats and not pd.api.types.is_numeric_dtype(train[c])]
    numeric = [c for c in features if c not in cats]
    design = _Design(train, numeric, cats)
    x_train, x_test = design.matrix(train, "training"), design.matrix(test_frame, "test")
    coef = None
    if method == "logistic":
        from sklearn.exceptions import ConvergenceWarning

        if penalty not in ("l2", None):
            raise ValueError(f"penalty must be 'l2' or None, not {penalty!r}")
        if not C > 0:
            raise ValueError(f"C (inverse penalty strength) must be positive, not {C!r}")
        model = _logistic(penalty, C)
        with warnings.catch_warnings():
            warnings.simplefilter("error", ConvergenceWarning)
            try:
                with threadpool_limits(1):
                    model.fit(x_train, y_train)
            except ConvergenceWarning as err:
                raise EstimationError(
                    "The logistic regression did not converge (perfect separation or an "
                    f"extreme C?): {err}"
                ) from err
        beta = np.r_[model.intercept_, model.coef_.ravel()]
        coef = pd.DataFrame(
            {"term": ["(intercept)", *design.terms], "est": beta, "odds_ratio": np.exp(beta)}
        )
        if penalty is None:
            p_train = model.predict_proba(x_train)[:, 1]
            for k, v in _wald(x_train, p_train, beta, level).items():
                coef[k] = v
    elif method == "boosting":
        if seed is None:
            raise ValueError("method='boosting' is randomised: pass seed= (e.g. seed=1).")
        from sklearn.ensemble import HistGradientBoostingClassifier

        model = HistGradientBoostingClassifier(early_stopping=False, random_state=seed)
        # one OpenMP thread: the data are small, and on a busy machine many threads spin
        # for minutes; the result is the same with any number of threads
        with threadpool_limits(1):
            model.fit(x_train, y_train)
    else:
        raise ValueError(f"method must be 'logistic' or 'boosting', not {method!r}")
    with threadpool_limits(1):
        p_train = model.predict_proba(x_train)[:, 1]
        p_test = model.predict_proba(x_test)[:, 1]
    auc = pd.concat(
        [auc_ci(y_train, p_train, level=level), auc_ci(y_test, p_test, level=level)],
        ignore_index=True,
    ).drop(columns="method")
    auc.insert(0, "split", ["train", "test"])
    return ChurnClassifier(
        method=method,
        penalty=penalty if method == "logistic" else None,
        C=C,
        features=features,
        split=split,
        level=level,
        model_=model,
        design_=design,
        coef_=coef,
        auc_=auc,
        y_test_=y_test,
        p_test_=p_test,
        test_=test_frame,
        n_train=len(train),
        n_test=len(test_frame),
    )


def example_snapshots() -> pd.DataFrame:
    """The quarterly snapshots of the bundled ``membership_churn`` members (2022Q2 …
    2025Q2) with the member features known at each quarter's start — the table of the
    churn lesson.

    Examples
    --------
    >>> import cxlab as cx
    >>> snaps = cx.churn.example_snapshots()
    >>> snaps["quarter"].min(), snaps["quarter"].max()
    ('2022Q2', '2025Q2')
    """
    from cxlab.churn._snapshots import quarterly_snapshots
    from cxlab.datasets import load

    members = load("membership_churn")
    features = [
        "plan", "segment", "channel", "monthly_fee", "margin_month", "visits_month",
        "complaints", "nps_previous", "nps_latest",
    ]  # fmt: skip
    return quarterly_snapshots(members, features=features, data_end="2025-06-30")
