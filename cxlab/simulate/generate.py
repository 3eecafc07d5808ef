"""Data from a model with known population values (the simulator behind
:func:`cxlab.simulate.simulate`); see the package docstring for the model syntax.

Examples
--------
>>> from cxlab.simulate.generate import likert_cuts
>>> likert_cuts(5).round(2).tolist()
[-1.2, -0.4, 0.4, 1.2]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal

import numpy as np
import pandas as pd

from cxlab.errors import DataError, ModelSpecError
from cxlab.models.syntax import statements

_OPS = ("=~", "~~", "~")
_VARIABLE = re.compile(r"[A-Za-z_][\w.]*")
_NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:[eE]-?\d+)?|-?\.\d+")


def parse(model: str) -> pd.DataFrame:
    """Parse lavaan syntax into a table (lhs, op, rhs, value); every term needs a value.

    Examples
    --------
    >>> from cxlab.simulate import parse
    >>> parse("F =~ 0.8*a + 0.7*b\\nY ~ 0.4*F").values.tolist()
    [['F', '=~', 'a', 0.8], ['F', '=~', 'b', 0.7], ['Y', '~', 'F', 0.4]]
    """
    rows = []
    for st in statements(model):
        number, lhs, op = st.line, st.lhs, st.op
        if op in ("==", "<", ">"):
            raise ModelSpecError(
                f"Line {number}: {st.text!r} is a constraint ('==', '<', '>'): the simulator "
                "draws data from population values, so write the values themselves (e.g. "
                "the same number for two paths held equal); constraints belong in the model "
                "you fit (cx.sem.fit)."
            )
        if op not in _OPS:
            raise ModelSpecError(f"Line {number}: {st.text!r} has no =~, ~ or ~~.")
        if not _VARIABLE.fullmatch(lhs):
            raise ModelSpecError(f"Line {number}: {lhs!r} is not a variable name.")
        for term in st.terms:  # each term: a number times a variable
            value, name = "*".join(term.modifiers), term.name
            if not _VARIABLE.fullmatch(name) or (value and not _NUMBER.fullmatch(value)):
                raise ModelSpecError(f"Line {number}: cannot read the term {term.text!r}.")
            if not value:
                raise ModelSpecError(
                    f"Line {number}: {lhs} {op} {name} has no population value. Write "
                    f"it as a number times the variable, e.g. {lhs} {op} 0.5*{name}."
                )
            rows.append((lhs, op, name, float(value)))
    if not rows:
        raise ModelSpecError("The model is empty.")
    return pd.DataFrame(rows, columns=["lhs", "op", "rhs", "value"])


def strip_values(model: str) -> str:
    """The same model with every coefficient free (for fitting with semopy / lavaan).

    Examples
    --------
    >>> from cxlab.simulate import strip_values
    >>> print(strip_values("F =~ 0.8*a + 0.7*b\\nY ~ 0.4*F\\nF ~~ 0.3*G"))
    F =~ a + b
    Y ~ F
    F ~~ G
    """
    table = parse(model)
    lines = []
    for (lhs, op), part in table.groupby(["lhs", "op"], sort=False):
        lines.append(f"{lhs} {op} {' + '.join(part['rhs'])}")
    return "\n".join(lines)


@dataclass
class _Structure:
    latents: list[str]
    indicators: dict[str, dict[str, float]]  # item -> {latent: loading}
    paths: dict[str, dict[str, float]]  # endogenous -> {predictor: beta}
    exogenous: list[str]
    exo_cor: np.ndarray
    order: list[str]  # endogenous variables, predictors first


def _structure(table: pd.DataFrame) -> _Structure:
    latents = list(dict.fromkeys(table.loc[table.op == "=~", "lhs"]))
    indicators: dict[str, dict[str, float]] = {}
    for row in table[table.op == "=~"].itertuples(index=False):
        indicators.setdefault(row.rhs, {})[row.lhs] = row.value
    paths: dict[str, dict[str, float]] = {}
    for row in table[table.op == "~"].itertuples(index=False):
        paths.setdefault(row.lhs, {})[row.rhs] = row.value
    structural = list(
        dict.fromkeys(
            latents
            + [v for p, preds in paths.items() for v in (p, *preds)]
            + list(table.loc[table.op == "~~", "lhs"])
            + list(table.loc[table.op == "~~", "rhs"])
        )
    )
    for item in indicators:
        if item in latents or item in paths:
            raise ModelSpecError(
                f"{item} is measured by a factor and also modelled "
                "structurally; use separate names."
            )
    exogenous = [v for v in structural if v not in paths]
    exo_cor = np.eye(len(exogenous))
    for row in table[table.op == "~~"].itertuples(index=False):
        if row.lhs == row.rhs:
            raise ModelSpecError(
                f"{row.lhs} ~~ {row.rhs}: variances are fixed at 1 (the "
                "model is standardized); remove this line."
            )
        if row.lhs not in exogenous or row.rhs not in exogenous:
            raise ModelSpecError(
                f"{row.lhs} ~~ {row.rhs}: only exogenous variables (never on the left of ~) "
                "may correlate in a simulation model."
            )
        i, j = exogenous.index(row.lhs), exogenous.index(row.rhs)
        if abs(row.value) >= 1:
            raise ModelSpecError(f"{row.lhs} ~~ {row.rhs}: a correlation must lie in (−1, 1).")
        exo_cor[i, j] = exo_cor[j, i] = row.value
    if len(exogenous) and np.linalg.eigvalsh(exo_cor).min() <= 0:
        raise ModelSpecError(
            "The correlations among the exogenous variables "
            f"{exogenous} are not positive definite; make them smaller."
        )
    order: list[str] = []
    pending = dict(paths)
    while pending:
        ready = [v for v, preds in pending.items() if all(p not in pending for p in preds)]
        if not ready:
            raise ModelSpecError(
                f"The paths among {sorted(pending)} form a loop; "
                "only recursive models can be simulated."
            )
        for v in ready:
            order.append(v)
            del pending[v]
    return _Structure(latents, indicators, paths, exogenous, exo_cor, order)


def _implied(s: _Structure) -> tuple[list[str], np.ndarray, dict[str, float]]:
    """Correlations of all structural variables and the R² of each endogenous one."""
    names = list(s.exogenous)
    cor = s.exo_cor.copy()
    r2 = {}
    for v in s.order:
        beta = np.array([s.paths[v].get(n, 0.0) for n in names])
        explained = float(beta @ cor @ beta)
        if explained >= 1:
            raise ModelSpecError(
                f"{v}: its paths explain R² = {explained:.2f} ≥ 1 of its variance; make "
                f"the paths into {v} smaller.",
                zh=f"{v}：指向它的路径解释了 R² = {explained:.2f} ≥ 1 的方差，这不可能；"
                f"请把指向 {v} 的路径调小。",
            )
        r2[v] = explained
        cov_new = cor @ beta
        cor = np.block([[cor, cov_new[:, None]], [cov_new[None, :], np.ones((1, 1))]])
        names.append(v)
    return names, cor, r2


def implied_correlations(model: str) -> pd.DataFrame:
    """Population correlations of the latent and structural variables of a simulation model.

    Examples
    --------
    >>> from cxlab.simulate import implied_correlations
    >>> r = implied_correlations("X =~ 0.8*x\\nM ~ 0.5*X\\nY ~ 0.4*M + 0.3*X")
    >>> round(float(r.loc["X", "Y"]), 2)  # .3 direct + .4·.5 through M
    0.5
    """
    names, cor, _ = _implied(_structure(parse(model)))
    return pd.DataFrame(cor, index=names, columns=names)


def likert_cuts(k: int, shape: Literal["symmetric", "skewed"] = "symmetric") -> np.ndarray:
    """Cut points on the standard-normal scale for a k-point item.

    "symmetric": k − 1 cuts equally spaced from −2 to 2 (a hump-shaped, symmetric
    distribution); "skewed": the same cuts moved down by 1 SD, the left skew of typical
    satisfaction items (for k = 7, about a third of answers are 7).

    Examples
    --------
    >>> from cxlab.simulate import likert_cuts
    >>> likert_cuts(5).round(2).tolist()
    [-1.2, -0.4, 0.4, 1.2]
    """
    if k < 2:
        raise ModelSpecError(f"A Likert item needs at least 2 points, not {k}.")
    cuts = np.linspace(-2, 2, k + 1)[1:-1]
    if shape == "skewed":
        return cuts - 1.0
    if shape != "symmetric":
        raise ModelSpecError(f"thresholds must be 'symmetric', 'skewed' or a dict, not {shape!r}.")
    return cuts


@dataclass
class Simulation:
    """The result of :func:`simulate`: ``data`` (the simulated answers), ``truth`` (the
    population values, lhs/op/rhs/value), ``latent`` (the latent scores), ``model``,
    ``seed`` and ``careless_ids``. :meth:`to_frame` is the truth (the table the data
    are checked against); the data are ``.data``. No ``plot()``: the data are plotted
    with the usual tools (e.g. :mod:`cxlab.viz`), and the truth is a list of numbers.
    """

    data: pd.DataFrame
    truth: pd.DataFrame
    latent: pd.DataFrame
    model: str
    seed: int
    careless_ids: list[int] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """The population values the data were drawn from (``truth``: lhs, op, rhs, value).

        Examples
        --------
        >>> import cxlab as cx
        >>> sim = cx.simulate.simulate("F =~ 0.8*a + 0.7*b + 0.6*c\\nY ~ 0.5*F", n=500, seed=1)
        >>> sim.to_frame().iloc[3, :3].tolist()
        ['Y', '~', 'F']
        """
        return self.truth

    def summary(self) -> str:
        """Plain text: the size, seed, careless respondents and the population values.

        Examples
        --------
        >>> import cxlab as cx
        >>> sim = cx.simulate.simulate("F =~ 0.8*a + 0.7*b + 0.6*c\\nY ~ 0.5*F", n=500, seed=1)
        >>> print(sim.summary().splitlines()[0])
        Simulation(n=500, variables=4, seed=1, careless=0)
        """
        return repr(self) + "\ntrue values:\n" + self.truth.to_string(index=False)

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(repr(self))}</b></p>" + self.truth.to_html(index=False)

    def __repr__(self) -> str:
        return (
            f"Simulation(n={len(self.data)}, variables={self.data.shape[1]}, "
            f"seed={self.seed}, careless={len(self.careless_ids)})"
        )


def simulate(
    model: str,
    n: int,
    *,
    seed: int,
    likert: int | dict[str, int] | None = None,
    thresholds: str | dict[str, list[float]] = "symmetric",
    missing: dict[str, Any] | None = None,
    careless: dict[str, Any] | None = None,
) -> Simulation:
    """Draw ``n`` respondents from a standardized population model.

    Parameters
    ----------
    model : str
        lavaan syntax with a population value on every coefficient (see the module).
    n, seed : int
        Sample size and the seed of numpy's generator (same seed, same data).
    likert : int or dict, optional
        Discretise the indicators to 1..k (one k for all, or per item).
    thresholds : "symmetric", "skewed" or dict
        Cut points (see :func:`likert_cuts`), or explicit cuts per item.
    missing : dict, optional
        ``{"mechanism": "MCAR", "rate": 0.05}`` blanks each answer with probability
        rate; ``{"mechanism": "MAR", "rate": 0.05, "depends_on": "<column>"}`` blanks
        the other columns with probability 2·rate·(1 − percentile rank of that column),
        so respondents low on it skip more (average rate as asked).
    careless : dict, optional
        ``{"share": 0.03, "kind": "straightline" | "random"}`` replaces that share of
        respondents' Likert answers by one repeated value or by uniform noise.

    Returns
    -------
    Simulation with ``data``, ``truth`` (lhs, op, rhs, value; op "~~" rows are derived
    residual variances, op "r2" rows the R² of endogenous variables), ``latent``.

    Examples
    --------
    >>> import cxlab as cx
    >>> model = "F =~ 0.8*x1 + 0.7*x2 + 0.6*x3\\nY =~ 0.8*y1 + 0.7*y2 + 0.6*y3\\nY ~ 0.5*F"
    >>> sim = cx.simulate.simulate(model, 500, seed=1, likert=5)
    >>> sim
    Simulation(n=500, variables=6, seed=1, careless=0)
    >>> sim.data.loc[0].tolist(), sim.truth.query("op == 'r2'")["value"].round(3).tolist()
    ([3, 4, 3, 3, 3, 1], [0.25])
    """
    if n < 1:
        raise DataError(f"n must be a positive number of respondents, not {n!r}.")
    pop = _population(model)
    rng = np.random.default_rng(seed)
    values, data = _draw(pop, n, rng)
    truth = [*pop.table.itertuples(index=False, name=None)]
    truth += [(v, "~~", v, 1 - pop.r2[v]) for v in pop.s.order]
    truth += [(v, "r2", v, pop.r2[v]) for v in pop.s.order]
    truth += [(item, "~~", item, resid) for item, (_, resid) in pop.items.items()]
    frame = pd.DataFrame(data)
    if likert is not None:
        frame = _discretise(frame, list(pop.items), likert, thresholds)
    careless_ids: list[int] = []
    if careless:
        careless_ids = _careless(frame, rng, careless, likert)
    if missing:
        _missing(frame, rng, missing)
    latent = pd.DataFrame({v: values[v] for v in pop.s.latents})
    return Simulation(
        frame,
        pd.DataFrame(truth, columns=["lhs", "op", "rhs", "value"]),
        latent,
        model,
        seed,
        careless_ids,
    )


@dataclass
class _Population:
    """A parsed simulation model with everything derived from it (no random draws)."""

    table: pd.DataFrame
    s: _Structure
    names: list[str]
    r2: dict[str, float]
    items: dict[str, tuple[dict[str, float], float]]  # item -> (loadings, error variance)


def _population(model: str) -> _Population:
    table = parse(model)
    s = _structure(table)
    names, cor, r2 = _implied(s)
    items = {}
    for item, loads in s.indicators.items():
        lam = np.array([loads.get(v, 0.0) for v in names])
        explained = float(lam @ cor @ lam)
        if explained >= 1:
            raise ModelSpecError(
                f"{item}: its loadings explain {explained:.2f} ≥ 1 of its "
                "variance; standardized loadings must be below 1."
            )
        items[item] = (loads, 1 - explained)
    return _Population(table, s, names, r2, items)


def _draw(
    pop: _Population, n: int, rng: np.random.Generator
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Structural values and observed columns of *n* respondents; the draws are made in a
    fixed order, so a seed fixes the data (:func:`simulate` and the power analysis)."""
    s = pop.s
    values: dict[str, np.ndarray] = {}
    if s.exogenous:
        draws = rng.multivariate_normal(
            np.zeros(len(s.exogenous)), s.exo_cor, size=n, method="cholesky"
        )
        values.update({v: draws[:, i] for i, v in enumerate(s.exogenous)})
    for v in s.order:
        mean = sum(beta * values[p] for p, beta in s.paths[v].items())
        values[v] = mean + rng.normal(0, np.sqrt(1 - pop.r2[v]), n)
    data = {}
    for item, (loads, resid) in pop.items.items():
        signal = sum(w * values[f] for f, w in loads.items())
        data[item] = signal + rng.normal(0, np.sqrt(resid), n)
    for v in pop.names:
        if v not in s.latents:
            data[v] = values[v]
    return values, data


def _discretise(
    frame: pd.DataFrame, items: list[str], likert: Any, thresholds: Any
) -> pd.DataFrame:
    out = frame.copy()
    for item in items:
        k = likert.get(item) if isinstance(likert, dict) else likert
        if k is None:
            continue
        cuts = (
            np.asarray(thresholds[item])
            if isinstance(thresholds, dict)
            else likert_cuts(int(k), thresholds)
        )
        if len(cuts) != k - 1:
            raise ModelSpecError(
                f"{item}: {len(cuts)} cut points for a {k}-point item; give {k - 1}."
            )
        out[item] = (np.searchsorted(np.sort(cuts), frame[item].to_numpy()) + 1).astype("int64")
    return out


def _careless(frame: pd.DataFrame, rng: np.random.Generator, spec: dict, likert: Any) -> list[int]:
    share, kind = float(spec.get("share", 0.03)), spec.get("kind", "straightline")
    cols = [c for c in frame.columns if frame[c].dtype.kind == "i"]
    if not cols:
        raise ModelSpecError("careless responders need Likert items: set likert=k.")
    n_bad = round(share * len(frame))
    ids = sorted(rng.choice(len(frame), size=n_bad, replace=False).tolist())
    for i in ids:
        if kind == "straightline":
            value = int(rng.integers(1, int(frame[cols].to_numpy().max()) + 1))
            frame.loc[i, cols] = value
        elif kind == "random":
            top = frame[cols].max().to_numpy()
            frame.loc[i, cols] = rng.integers(1, top + 1)
        else:
            raise ModelSpecError(f"careless kind must be 'straightline' or 'random', not {kind!r}.")
    return ids


def _missing(frame: pd.DataFrame, rng: np.random.Generator, spec: dict) -> None:
    rate, mech = float(spec.get("rate", 0.05)), spec.get("mechanism", "MCAR")
    cols = list(frame.columns)
    if mech == "MCAR":
        prob = np.full((len(frame), len(cols)), rate)
    elif mech == "MAR":
        dep = spec.get("depends_on")
        if dep not in frame.columns:
            raise ModelSpecError(f"MAR missingness needs depends_on = a column, not {dep!r}.")
        cols = [c for c in cols if c != dep]
        rank = frame[dep].rank(pct=True).to_numpy()
        prob = np.clip(2 * rate * (1 - rank), 0, 1)[:, None].repeat(len(cols), axis=1)
    else:
        raise ModelSpecError(f"missing mechanism must be 'MCAR' or 'MAR', not {mech!r}.")
    mask = rng.random(prob.shape) < prob
    for j, col in enumerate(cols):
        if frame[col].dtype.kind == "i":
            frame[col] = frame[col].astype("Int64")
        frame.loc[mask[:, j], col] = pd.NA if frame[col].dtype == "Int64" else np.nan
