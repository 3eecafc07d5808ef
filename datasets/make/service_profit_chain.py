"""Simulate the service-profit chain: hotels (units), their employees and their customers
(the service-profit-chain lesson: ``cx.profit_chain``).

    python datasets/make/service_profit_chain.py

The chain (Heskett, Jones, Loveman, Sasser & Schlesinger 1994, "Putting the service-profit
chain to work", Harvard Business Review 72(2), 164-174): internal service quality →
employee satisfaction → employee retention (and productivity) → external service value →
customer satisfaction → customer loyalty → revenue growth. The numbers below are made up
for teaching; they are not estimates from that article or from any company.

Three tables, three resources linked by ``unit_id`` (not one wide table: employees and
customers are different people, sampled separately in each hotel, so each table keeps its
own level; ``cx.datasets.load`` returns one table per resource):

- ``service_profit_chain_units`` — 60 hotels: annual staff turnover (%) and revenue growth
  (%), the two figures a head office has per hotel;
- ``service_profit_chain_employees`` — 10 to 25 employees per hotel: internal service
  quality (ISQ) and job satisfaction scores (1-7) and intention to stay (1-5);
- ``service_profit_chain_customers`` — 30 to 60 guests per hotel: perceived service value
  (1-7), satisfaction (1-10) and likelihood to recommend (0-10, the NPS question).

The truth (also in datapackage.json under ``simulation``). Each hotel u has true means
(population means of its staff and guests); between hotels they follow the chain

    isq_u      = 4.6 + 0.5·z1
    esat_u     = 4.8 + 0.8·(isq_u - 4.6) + 0.3·z2
    turnover_u = 30 - 12·(esat_u - 4.8) + 4·z3                      (observed as such)
    value_u    = 5.0 + 0.5·(esat_u - 4.8) - 0.01·(turnover_u - 30) + 0.3·z4
    csat_u     = 7.0 + 1.2·(value_u - 5.0) + 0.35·z5
    rec_u      = 7.0 + 0.9·(csat_u - 7.0) + 0.3·z6
    growth_u   = 3.0 + 4.0·(rec_u - 7.0) + 1.5·z7                  (observed as such)

with z1…z7 independent N(0, 1) (``UNIT_PATHS``). Within a hotel (``WITHIN``):

    employee: isq   = isq_u + 0.8·e1
              esat  = esat_u + 0.35·(isq - isq_u) + 0.7·e2     (within effect 0.35; between 0.8)
              stay  = round(3.4 + 0.5·(esat - 4.8) + 0.6·e3)    cut to 1…5
    customer: value = value_u + 0.9·e4
              csat  = round(csat_u + 0.8·(value - value_u) + 0.9·e5)   cut to 1…10
              rec   = round(rec_u + 0.7·(csat* - csat_u) + 1.0·e6)     cut to 0…10
                      (csat* = the unrounded satisfaction)

Scores ``isq``, ``esat`` and ``value`` are continuous scale scores rounded to one decimal
and cut to 1…7. Population values of what ``cx.profit_chain`` estimates on these observed
scales (rounding, cutting and sampling error in hotel means included) come from one
simulation of 20,000 hotels with the same design (``population``).

REVERSE DIRECTION (the lesson's point): ``build(direction="reverse")`` draws the hotels'
true means in the opposite order — revenue growth first, then loyalty given growth, …,
internal service quality last, each as the regression on the variables drawn before it
implied by the same joint normal distribution — "successful hotels make satisfied guests
and happy staff". The joint distribution of everything observed is exactly the same as
in the forward chain, so no analysis of these cross-sectional data can tell the two
directions apart; the forward and the reversed path models fit equally well.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261206
N_UNITS = 60
EMPLOYEES = (10, 25)
CUSTOMERS = (30, 60)
#: the unit-level variables in chain order
CHAIN = ["isq", "esat", "turnover", "value", "csat", "recommend", "revenue_growth"]
#: unit-level truth: variable -> (intercept, {parent: (slope, parent's centre)}, residual sd)
UNIT_PATHS: dict[str, tuple[float, dict[str, tuple[float, float]], float]] = {
    "isq": (4.6, {}, 0.5),
    "esat": (4.8, {"isq": (0.8, 4.6)}, 0.3),
    "turnover": (30.0, {"esat": (-12.0, 4.8)}, 4.0),
    "value": (5.0, {"esat": (0.5, 4.8), "turnover": (-0.01, 30.0)}, 0.3),
    "csat": (7.0, {"value": (1.2, 5.0)}, 0.35),
    "recommend": (7.0, {"csat": (0.9, 7.0)}, 0.3),
    "revenue_growth": (3.0, {"recommend": (4.0, 7.0)}, 1.5),
}
#: within-unit truth (individuals around their hotel's true mean)
WITHIN = {
    "isq_sd": 0.8,
    "esat_on_isq": 0.35,
    "esat_sd": 0.7,
    "stay": {"const": 3.4, "esat": 0.5, "esat_centre": 4.8, "sd": 0.6},
    "value_sd": 0.9,
    "csat_on_value": 0.8,
    "csat_sd": 0.9,
    "recommend_on_csat": 0.7,
    "recommend_sd": 1.0,
}


def moments() -> tuple[np.ndarray, np.ndarray]:
    """Mean vector and covariance matrix of the hotels' true means (``CHAIN`` order)
    implied by ``UNIT_PATHS``."""
    k = len(CHAIN)
    b = np.zeros((k, k))  # x = c + B x + e
    c = np.zeros(k)
    psi = np.zeros(k)
    for i, name in enumerate(CHAIN):
        const, parents, sd = UNIT_PATHS[name]
        c[i] = const
        psi[i] = sd**2
        for parent, (slope, centre) in parents.items():
            j = CHAIN.index(parent)
            b[i, j] = slope
            c[i] -= slope * centre
    inv = np.linalg.inv(np.eye(k) - b)
    return inv @ c, inv @ np.diag(psi) @ inv.T


def reverse_paths() -> dict[str, dict[str, float]]:
    """The reverse-direction truth: each variable regressed on those drawn before it
    (revenue growth first), from the same joint distribution."""
    _, cov = moments()
    order = CHAIN[::-1]
    out: dict[str, dict[str, float]] = {}
    for i, name in enumerate(order):
        a = CHAIN.index(name)
        prev = [CHAIN.index(p) for p in order[:i]]
        if prev:
            beta = np.linalg.solve(cov[np.ix_(prev, prev)], cov[prev, a])
            resid = cov[a, a] - cov[a, prev] @ beta
        else:
            beta, resid = np.zeros(0), cov[a, a]
        coefs = {order[j]: round(float(v), 4) for j, v in enumerate(beta) if abs(v) > 1e-9}
        out[name] = {**coefs, "residual_sd": round(float(np.sqrt(resid)), 4)}
    return out


def _unit_means(
    rng: np.random.Generator, n: int, direction: Literal["forward", "reverse"]
) -> pd.DataFrame:
    """True means of *n* hotels, drawn along the chain or against it."""
    z = rng.normal(size=(n, len(CHAIN)))
    values: dict[str, np.ndarray] = {}
    if direction == "forward":
        for i, name in enumerate(CHAIN):
            const, parents, sd = UNIT_PATHS[name]
            x = const + sd * z[:, i]
            for parent, (slope, centre) in parents.items():
                x = x + slope * (values[parent] - centre)
            values[name] = x
        return pd.DataFrame(values)[CHAIN]
    if direction != "reverse":
        raise ValueError(f"direction must be 'forward' or 'reverse', not {direction!r}")
    mean, cov = moments()
    order = CHAIN[::-1]
    for i, name in enumerate(order):
        a = CHAIN.index(name)
        prev = [CHAIN.index(p) for p in order[:i]]
        x = np.full(n, mean[a])
        resid = cov[a, a]
        if prev:
            beta = np.linalg.solve(cov[np.ix_(prev, prev)], cov[prev, a])
            resid = cov[a, a] - cov[a, prev] @ beta
            for j, p in zip(prev, order[:i], strict=True):
                x = x + beta[prev.index(j)] * (values[p] - mean[j])
        values[name] = x + np.sqrt(resid) * z[:, i]
    return pd.DataFrame(values)[CHAIN]


def _people(
    rng: np.random.Generator, true: pd.DataFrame, sizes_e: np.ndarray, sizes_c: np.ndarray
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Employees and customers around their hotels' true means."""
    w = WITHIN
    ue = np.repeat(np.arange(len(true)), sizes_e)
    t = true.to_numpy()
    col = {name: i for i, name in enumerate(CHAIN)}
    isq_dev = w["isq_sd"] * rng.normal(size=len(ue))
    isq = t[ue, col["isq"]] + isq_dev
    esat = t[ue, col["esat"]] + w["esat_on_isq"] * isq_dev + w["esat_sd"] * rng.normal(size=len(ue))
    st = w["stay"]
    stay = (
        st["const"] + st["esat"] * (esat - st["esat_centre"]) + st["sd"] * rng.normal(size=len(ue))
    )
    employees = pd.DataFrame(
        {
            "unit": ue,
            "isq": np.clip(np.round(isq, 1), 1, 7),
            "esat": np.clip(np.round(esat, 1), 1, 7),
            "stay": np.clip(np.rint(stay), 1, 5).astype(int),
        }
    )
    uc = np.repeat(np.arange(len(true)), sizes_c)
    value_dev = w["value_sd"] * rng.normal(size=len(uc))
    csat_dev = w["csat_on_value"] * value_dev + w["csat_sd"] * rng.normal(size=len(uc))
    rec = (
        t[uc, col["recommend"]]
        + w["recommend_on_csat"] * csat_dev
        + w["recommend_sd"] * rng.normal(size=len(uc))
    )
    customers = pd.DataFrame(
        {
            "unit": uc,
            "value": np.clip(np.round(t[uc, col["value"]] + value_dev, 1), 1, 7),
            "csat": np.clip(np.rint(t[uc, col["csat"]] + csat_dev), 1, 10).astype(int),
            "recommend": np.clip(np.rint(rec), 0, 10).astype(int),
        }
    )
    return employees, customers


def build(
    seed: int = SEED,
    *,
    n_units: int = N_UNITS,
    direction: Literal["forward", "reverse"] = "forward",
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(units, employees, customers), deterministic for a seed."""
    rng = np.random.default_rng(seed)
    true = _unit_means(rng, n_units, direction)
    sizes_e = rng.integers(EMPLOYEES[0], EMPLOYEES[1] + 1, n_units)
    sizes_c = rng.integers(CUSTOMERS[0], CUSTOMERS[1] + 1, n_units)
    employees, customers = _people(rng, true, sizes_e, sizes_c)
    ids = np.arange(1, n_units + 1)
    units = pd.DataFrame(
        {
            "unit_id": ids,
            "turnover": np.round(true["turnover"].to_numpy(), 1),
            "revenue_growth": np.round(true["revenue_growth"].to_numpy(), 1),
        }
    )
    employees.insert(0, "employee_id", np.arange(1, len(employees) + 1))
    employees.insert(0, "unit_id", ids[employees.pop("unit").to_numpy()])
    customers.insert(0, "customer_id", np.arange(1, len(customers) + 1))
    customers.insert(0, "unit_id", ids[customers.pop("unit").to_numpy()])
    return units, employees, customers


#: the chain as a path model on hotel means (the columns ``cx.profit_chain.link`` gives)
MODEL = """esat ~ isq
turnover ~ esat
value ~ esat + turnover
csat ~ value
recommend ~ csat
revenue_growth ~ recommend"""


def _ols(y: np.ndarray, x: list[np.ndarray]) -> np.ndarray:
    design = np.column_stack([np.ones(len(y)), *x])
    return np.linalg.lstsq(design, y, rcond=None)[0]


def population(seed: int = SEED + 1, n_units: int = 20_000) -> dict[str, dict[str, float]]:
    """Population values on the observed scales, from one simulation of *n_units* hotels
    of the same design: (a) the unit-level path coefficients of ``MODEL`` on observed hotel
    means (OLS per equation = ML for this recursive model); (b) the pooled within-hotel
    slopes and the between-hotel slopes on observed hotel means."""
    units, emp, cus = build(seed, n_units=n_units)
    means = pd.concat(
        [
            emp.groupby("unit_id")[["isq", "esat", "stay"]].mean(),
            cus.groupby("unit_id")[["value", "csat", "recommend"]].mean(),
        ],
        axis=1,
    ).join(units.set_index("unit_id"))
    paths: dict[str, float] = {}
    for line in MODEL.splitlines():
        lhs, rhs = (s.strip() for s in line.split("~"))
        preds = [p.strip() for p in rhs.split("+")]
        beta = _ols(means[lhs].to_numpy(), [means[p].to_numpy() for p in preds])
        for p, b in zip(preds, beta[1:], strict=True):
            paths[f"{lhs} ~ {p}"] = round(float(b), 4)

    def within_between(data: pd.DataFrame, y: str, x: str) -> dict[str, float]:
        g = data.groupby("unit_id")[x].transform("mean")
        beta = _ols(data[y].to_numpy(), [(data[x] - g).to_numpy(), g.to_numpy()])
        return {"within": round(float(beta[1]), 4), "between": round(float(beta[2]), 4)}

    return {
        "unit_paths_on_observed_means": paths,
        "esat ~ isq (employees)": within_between(emp, "esat", "isq"),
        "csat ~ value (customers)": within_between(cus, "csat", "value"),
        "recommend ~ csat (customers)": within_between(cus, "recommend", "csat"),
    }


def _f(title: str, title_zh: str, **extra: object) -> dict:
    return {"title": title, "title_zh": title_zh, **extra}


def fields() -> dict[str, dict[str, dict]]:
    """Codebooks of the three tables, in English and 中文."""
    unit = _f("Hotel (unit) id; links the three tables", "酒店（单位）编号；连接三张表")
    return {
        "units": {
            "unit_id": unit,
            "turnover": _f(
                "Annual staff turnover of the hotel (% of staff who left in the year)",
                "酒店年度员工流失率（一年内离职员工占比，%）",
                construct="Employee retention (reversed)",
                construct_zh="员工保留（反向）",
            ),
            "revenue_growth": _f(
                "Revenue growth of the hotel on the previous year (%)",
                "酒店营业收入较上年增长率（%）",
                construct="Revenue growth",
                construct_zh="收入增长",
            ),
        },
        "employees": {
            "unit_id": unit,
            "employee_id": _f("Employee (respondent) id", "员工（受访者）编号"),
            "isq": _f(
                "Internal service quality: the tools, training, support and cooperation I get "
                "to serve guests (scale score, 1 = very poor, 7 = excellent)",
                "内部服务质量：我为服务客人所获得的工具、培训、支持与协作"
                "（量表得分，1 = 很差，7 = 很好）",
                construct="Internal service quality",
                construct_zh="内部服务质量",
                constraints={"minimum": 1, "maximum": 7},
            ),
            "esat": _f(
                "Job satisfaction (scale score, 1 = very dissatisfied, 7 = very satisfied)",
                "工作满意度（量表得分，1 = 非常不满意，7 = 非常满意）",
                construct="Employee satisfaction",
                construct_zh="员工满意度",
                constraints={"minimum": 1, "maximum": 7},
            ),
            "stay": _f(
                "I intend to be working for this hotel a year from now "
                "(1 = strongly disagree, 5 = strongly agree)",
                "一年后我仍打算在这家酒店工作（1 = 非常不同意，5 = 非常同意）",
                construct="Intention to stay",
                construct_zh="留任意向",
                constraints={"minimum": 1, "maximum": 5},
            ),
        },
        "customers": {
            "unit_id": unit,
            "customer_id": _f("Guest (respondent) id", "客人（受访者）编号"),
            "value": _f(
                "Perceived service value: what I got for what I paid "
                "(scale score, 1 = very poor, 7 = excellent)",
                "感知服务价值：所得与所付相比（量表得分，1 = 很差，7 = 很好）",
                construct="Service value",
                construct_zh="服务价值",
                constraints={"minimum": 1, "maximum": 7},
            ),
            "csat": _f(
                "Overall, how satisfied are you with your stay? "
                "(1 = not at all satisfied, 10 = completely satisfied)",
                "总体而言，您对本次入住的满意程度如何？（1 = 完全不满意，10 = 非常满意）",
                construct="Customer satisfaction",
                construct_zh="客户满意度",
                constraints={"minimum": 1, "maximum": 10},
            ),
            "recommend": _f(
                "How likely is it that you would recommend this hotel to a friend or "
                "colleague? (0 = not at all likely, 10 = extremely likely)",
                "您向朋友或同事推荐这家酒店的可能性有多大？（0 = 完全不可能，10 = 极有可能）",
                construct="Customer loyalty (NPS)",
                construct_zh="客户忠诚度（净推荐值）",
                constraints={"minimum": 0, "maximum": 10},
            ),
        },
    }


def simulation() -> dict:
    """The documented truth (the ``simulation`` entry of each resource)."""
    _, cov = moments()
    sd = np.sqrt(np.diag(cov))
    return {
        "script": "datasets/make/service_profit_chain.py",
        "seed": SEED,
        "units": N_UNITS,
        "employees_per_unit": list(EMPLOYEES),
        "customers_per_unit": list(CUSTOMERS),
        "tables": [
            "service_profit_chain_units",
            "service_profit_chain_employees",
            "service_profit_chain_customers",
        ],
        "chain": "Heskett et al. (1994): internal service quality -> employee satisfaction -> "
        "retention -> service value -> customer satisfaction -> loyalty -> revenue growth",
        "unit_paths": {
            k: {"const": c, "slopes": {p: s for p, (s, _) in ps.items()}, "residual_sd": r}
            for k, (c, ps, r) in UNIT_PATHS.items()
        },
        "unit_paths_note": "true hotel means: x = const + sum(slope*(parent - parent's "
        "mean)) + residual_sd*N(0,1), drawn in chain order (see the script)",
        "unit_true_mean_sd": {k: round(float(s), 4) for k, s in zip(CHAIN, sd, strict=True)},
        "within": WITHIN,
        "within_note": "employee: isq = isq_u + 0.8*e1; esat = esat_u + 0.35*(isq - isq_u) + "
        "0.7*e2; stay = round(3.4 + 0.5*(esat - 4.8) + 0.6*e3) cut to 1..5. customer: value = "
        "value_u + 0.9*e4; csat = round(csat_u + 0.8*(value - value_u) + 0.9*e5) cut to "
        "1..10; recommend = round(rec_u + 0.7*(csat* - csat_u) + 1.0*e6) cut to 0..10 (csat* "
        "unrounded). isq, esat, value rounded to 0.1 and cut to 1..7.",
        "model": MODEL,
        "reverse_direction": {
            "how": "build(direction='reverse') draws the hotels' true means from revenue "
            "growth back to internal service quality, each regressed on those drawn before "
            "it; the joint distribution is exactly the forward one, so the data cannot "
            "separate the directions",
            "paths": reverse_paths(),
        },
        "population": population(),
        "population_note": "one simulation of 20,000 hotels (seed + 1) of the same design, "
        "on the observed scales (rounding, cutting, sampling error of hotel means included)",
    }


def main() -> None:
    """Write the three CSVs and their resource entries."""
    units, employees, customers = build()
    sim = simulation()
    cb = fields()
    common = (
        "Simulated service-profit chain (Heskett et al. 1994) for 60 hotels of a group; the "
        "tables link by unit_id; the truth is in `simulation`."
    )
    for key, table, title, what in [
        (
            "units",
            units,
            "Service-profit chain: 60 hotels' staff turnover and revenue growth (simulated)",
            "One row per hotel: annual staff turnover (%) and revenue growth (%).",
        ),
        (
            "employees",
            employees,
            "Service-profit chain: employees of 60 hotels (simulated)",
            f"{len(employees):,} employees, 10-25 per hotel: internal service quality and "
            "job satisfaction (1-7 scale scores), intention to stay (1-5).",
        ),
        (
            "customers",
            customers,
            "Service-profit chain: guests of 60 hotels (simulated)",
            f"{len(customers):,} guests, 30-60 per hotel: perceived service value (1-7 "
            "scale score), satisfaction (1-10) and likelihood to recommend (0-10).",
        ),
    ]:
        register(
            f"service_profit_chain_{key}",
            table,
            title=title,
            description=f"{what} {common}",
            sources=simulated_sources("service_profit_chain.py"),
            licenses=SIMULATED_LICENSES,
            fields=cb[key],
            extra={"simulation": sim},
        )


if __name__ == "__main__":
    main()
