"""Time to fit CB-SEM / CFA models with cx.sem (estimates, SEs, standardized solution,
fit indices), and the simulators and survey reader of lesson 03, warm."""

from __future__ import annotations

import time

import cxlab as cx

HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
RETAIL = (
    "CONS =~ cons1 + cons2 + cons3 + cons4\nTRUST =~ trust1 + trust2 + trust3\n"
    "SAT =~ sat1 + sat2 + sat3\nLI =~ li1 + li2 + li3\n"
    "TRUST ~ CONS\nSAT ~ CONS + TRUST\nLI ~ SAT + TRUST"
)


def _time(fn, repeat: int = 3) -> float:
    fn()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def run() -> list[dict]:
    hs = cx.datasets.load("holzinger_swineford")
    retail = cx.datasets.load("retail_omnichannel")
    pd_data = cx.datasets.load("political_democracy")
    hotel = cx.datasets.load("hotel_4e")
    hotel["esc3r"] = 8 - hotel["esc3r"]
    hotel_model = cx.simulate.strip_values(cx.datasets.resource("hotel_4e")["simulation"]["model"])
    hotel_cfa = "\n".join(line for line in hotel_model.splitlines() if "=~" in line)
    pd_model = (
        "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n"
        "dem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\n"
        "y4 ~~ y8\ny6 ~~ y8"
    )
    return [
        {
            "name": "sem: retail_omnichannel 4-factor SEM, FIML (N 2,000, 18 % incomplete)",
            "seconds": _time(lambda: cx.sem.fit(RETAIL, retail, missing="fiml")),
            "limit": 2.0,
        },
        {
            "name": "sem: HS 3-factor CFA (N 301)",
            "seconds": _time(lambda: cx.sem.fit(HS, hs)),
            "limit": 2.0,
        },
        {
            "name": "sem: Political Democracy SEM (N 75)",
            "seconds": _time(lambda: cx.sem.fit(pd_model, pd_data)),
            "limit": 2.0,
        },
        {
            "name": "sem: hotel_4e 8-factor SEM (N 600, 24 items)",
            "seconds": _time(lambda: cx.sem.fit(hotel_model, hotel)),
            "limit": 5.0,
        },
        {
            "name": "sem: hotel_4e CFA, 2 groups configural",
            "seconds": _time(lambda: cx.sem.fit(hotel_cfa, hotel, group="segment"), 1),
            "limit": 10.0,
        },
        {
            "name": "invariance: HS by school, 4 levels",
            "seconds": _time(lambda: cx.invariance.invariance(HS, hs, "school"), 1),
            "limit": 10.0,
        },
        {
            "name": "simulate: hotel_4e model, n = 100,000",
            "seconds": _time(
                lambda: cx.simulate.simulate(
                    cx.datasets.resource("hotel_4e")["simulation"]["model"],
                    100_000,
                    seed=1,
                    likert=7,
                ),
                1,
            ),
            "limit": 5.0,
        },
        {
            "name": "io: read the GBK 问卷星 export",
            "seconds": _time(
                lambda: cx.io.read_survey(cx.datasets.example_file("wjx_hotel_gbk.csv"))
            ),
            "limit": 1.0,
        },
    ]
