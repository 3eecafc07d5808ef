"""Simulate ``hotel_4e``: resort guests rating Pine & Gilmore's four realms of experience,
memory, satisfaction, loyalty and word of mouth (lessons 04, 05, 07; the hotel case).

    python datasets/make/hotel_4e.py

The truth (also recorded in datapackage.json under ``simulation``):
- The measurement and structural model follows Oh, Fiore & Jeoung (2007): education,
  esthetics, entertainment and escapism (correlated .15–.25) → memory → satisfaction →
  loyalty and word of mouth, with a direct entertainment → satisfaction path. Three
  7-point items per construct, standardized loadings .75–.90, left-skewed cut points
  (``cxlab.simulate.likert_cuts(7, "skewed")``). The item ``esc3r`` is worded negatively
  and stored reverse-keyed (8 − the answer).
- 240 business and 360 leisure guests, drawn from the same model except for ONE path:
  esthetics → memory is .45 for leisure guests and .15 for business guests. Loadings,
  thresholds and latent means are equal across segments (so measurement invariance
  holds). Pooled over both segments, the true standardized esthetics → memory path is
  the share-weighted mean, .4·.15 + .6·.45 = .33 (every other path is the same in both);
  this holds exactly because the segments differ in no mean and in no other parameter.
- Precision, measured before the seed was used (200 draws of n = 600 from the leisure
  model, semopy): standardized paths are unbiased up to −.016 (7-point rounding), with
  sampling SDs .032–.042; in 91 % of draws every path lies within .10 of the truth.
- The NPS item is 0.55·satisfaction + 0.35·word of mouth + noise (latent scale), cut so
  that 22 % are detractors and 45 % promoters in the population (NPS ≈ 23).
- Booking channel depends on segment only; language (zh / en) is independent of all.
- About 55 % of guests leave a short comment; its topic is the realm the guest rated
  most strongly (latent) and its tone follows latent satisfaction (terciles).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _package import SIMULATED_LICENSES, register

from cxlab.simulate import implied_correlations, likert_cuts, parse, simulate

SEED = 20261124
SEGMENTS = {"business": 240, "leisure": 360}
EST_MEM = {"business": 0.15, "leisure": 0.45}
ITEMS = {
    "EDU": ["edu1", "edu2", "edu3"],
    "EST": ["est1", "est2", "est3"],
    "ENT": ["ent1", "ent2", "ent3"],
    "ESC": ["esc1", "esc2", "esc3r"],
    "MEM": ["mem1", "mem2", "mem3"],
    "SAT": ["sat1", "sat2", "sat3"],
    "LOY": ["loy1", "loy2", "loy3"],
    "WOM": ["wom1", "wom2", "wom3"],
}
LOADINGS = {
    "EDU": (0.85, 0.85, 0.80),
    "EST": (0.90, 0.85, 0.80),
    "ENT": (0.85, 0.85, 0.80),
    "ESC": (0.85, 0.85, 0.75),
    "MEM": (0.90, 0.85, 0.85),
    "SAT": (0.90, 0.90, 0.80),
    "LOY": (0.85, 0.85, 0.75),
    "WOM": (0.90, 0.85, 0.75),
}
STRUCTURE = """
MEM ~ 0.20*EDU + {est_mem}*EST + 0.15*ENT + 0.25*ESC
SAT ~ 0.60*MEM + 0.15*ENT
LOY ~ 0.60*SAT
WOM ~ 0.65*SAT
EDU ~~ 0.20*EST
EDU ~~ 0.15*ENT
EDU ~~ 0.15*ESC
EST ~~ 0.25*ENT
EST ~~ 0.20*ESC
ENT ~~ 0.20*ESC
"""
# cumulative shares of NPS answers 0..9 (the rest answer 10)
NPS_CUM = [0.01, 0.02, 0.04, 0.07, 0.10, 0.15, 0.22, 0.37, 0.55, 0.78]
CHANNELS = ["direct", "OTA", "travel agent", "corporate"]
CHANNEL_P = {"business": [0.20, 0.30, 0.05, 0.45], "leisure": [0.30, 0.50, 0.15, 0.05]}


def model(segment: str) -> str:
    """The true model of one segment in lavaan syntax with standardized values."""
    lines = [
        f"{f} =~ "
        + " + ".join(f"{lam:.2f}*{i}" for lam, i in zip(LOADINGS[f], ITEMS[f], strict=True))
        for f in ITEMS
    ]
    return "\n".join(lines) + STRUCTURE.format(est_mem=f"{EST_MEM[segment]:.2f}")


COMMENTS = {
    ("en", "EDU", "pos"): [
        "Loved the cooking class and the guided history walk.",
        "Learned so much from the local guide, really well organised.",
        "The wine tasting was fun and very informative.",
    ],
    ("en", "EST", "pos"): [
        "Beautiful lobby and a stunning view from our room.",
        "Gorgeous design, calm and elegant everywhere.",
        "The garden at sunset was unforgettable.",
    ],
    ("en", "ENT", "pos"): [
        "The evening shows were great, the kids loved them.",
        "Live music at the bar every night, great atmosphere.",
        "Fun activities all day long.",
    ],
    ("en", "ESC", "pos"): [
        "Felt like a different world, completely switched off.",
        "A real escape from the city, we forgot about work.",
        "Like stepping into another time.",
    ],
    ("en", "any", "mid"): [
        "Nice stay overall, a bit pricey.",
        "Good location, room was fine.",
        "Decent hotel, breakfast could be better.",
        "OK for a short stay.",
    ],
    ("en", "any", "neg"): [
        "Room was not clean and nobody answered the phone.",
        "Check-in took forever, staff seemed overwhelmed.",
        "Noisy at night and the air conditioning did not work.",
        "Too expensive for what you get.",
        "Disappointing, the photos look much better than reality.",
    ],
    ("zh", "EDU", "pos"): [
        "烹饪课和历史导览都很棒，学到了很多。",
        "当地导游讲解得很专业，收获满满。",
        "品酒活动有趣又长知识。",
    ],
    ("zh", "EST", "pos"): [
        "大堂很漂亮，房间的景色美极了。",
        "设计优雅，处处安静舒适。",
        "傍晚的花园美得让人难忘。",
    ],
    ("zh", "ENT", "pos"): [
        "晚上的演出很精彩，孩子们特别喜欢。",
        "酒吧每晚都有现场音乐，气氛很好。",
        "一整天都有好玩的活动。",
    ],
    ("zh", "ESC", "pos"): [
        "仿佛进入了另一个世界，彻底放松了。",
        "真正远离城市的喧嚣，完全忘了工作。",
        "好像穿越到了另一个时代。",
    ],
    ("zh", "any", "mid"): [
        "整体不错，就是价格有点贵。",
        "位置好，房间还可以。",
        "酒店还行，早餐可以再改进。",
        "短住的话可以。",
    ],
    ("zh", "any", "neg"): [
        "房间不干净，打电话也没人接。",
        "办理入住等了很久，员工忙不过来。",
        "晚上很吵，空调也坏了。",
        "性价比太低。",
        "很失望，实际比照片差很多。",
    ],
}

REALMS = ["EDU", "EST", "ENT", "ESC"]


def _segment(segment: str, seed: int) -> pd.DataFrame:
    n = SEGMENTS[segment]
    sim = simulate(model(segment), n=n, seed=seed, likert=7, thresholds="skewed")
    rng = np.random.default_rng(seed + 1000)
    df = sim.data[[i for items in ITEMS.values() for i in items]].copy()
    df["esc3r"] = 8 - df["esc3r"]
    lat = sim.latent
    z = 0.55 * lat["SAT"] + 0.35 * lat["WOM"]
    z = z + rng.normal(0, np.sqrt(_nps_residual_variance(segment)), n)
    df.insert(0, "nps", np.searchsorted(stats.norm.ppf(NPS_CUM), z.to_numpy()).astype("int64"))
    df.insert(0, "lang", rng.choice(["zh", "en"], size=n, p=[0.6, 0.4]))
    df.insert(0, "channel", rng.choice(CHANNELS, size=n, p=CHANNEL_P[segment]))
    df.insert(0, "segment", segment)
    topic = lat[REALMS].to_numpy().argmax(axis=1)
    tone = np.digitize(lat["SAT"], stats.norm.ppf([1 / 3, 2 / 3]))
    leave = rng.random(n) < 0.55
    comments = []
    for i in range(n):
        if not leave[i]:
            comments.append("")
            continue
        key = (
            (df["lang"].iat[i], REALMS[topic[i]], "pos")
            if tone[i] == 2
            else (df["lang"].iat[i], "any", ["neg", "mid"][tone[i]])
        )
        pool = COMMENTS[key]
        comments.append(pool[int(rng.integers(len(pool)))])
    df["comment"] = comments
    return df


def _nps_residual_variance(segment: str) -> float:
    """1 − var(0.55·SAT + 0.35·WOM) under the true model, so the NPS latent has variance 1."""
    cor = implied_correlations(model(segment))
    w = pd.Series({"SAT": 0.55, "WOM": 0.35})
    return 1 - float(w @ cor.loc[w.index, w.index] @ w)


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset as a DataFrame (deterministic for a seed)."""
    parts = [_segment(s, seed + k) for k, s in enumerate(SEGMENTS)]
    df = pd.concat(parts, ignore_index=True)
    order = np.random.default_rng(seed).permutation(len(df))
    df = df.iloc[order].reset_index(drop=True)
    df.insert(0, "guest_id", np.arange(1, len(df) + 1, dtype="int64"))
    return df


WORDING = {
    "edu1": ("The experience has made me more knowledgeable", "这次体验让我增长了知识"),
    "edu2": ("I learned a lot during my stay", "入住期间我学到了很多"),
    "edu3": ("It stimulated my curiosity to learn new things", "它激发了我学习新事物的好奇心"),
    "est1": ("I felt a real sense of harmony", "我感到一种真正的和谐"),
    "est2": ("Just being here was very pleasant", "仅仅身处此地就令人非常愉悦"),
    "est3": ("The setting was very attractive", "这里的环境非常有吸引力"),
    "ent1": ("Activities of others were amusing to watch", "观看他人的活动很有趣"),
    "ent2": ("Watching the shows and performances was captivating", "观看演出和表演很吸引人"),
    "ent3": ("I really enjoyed watching what others were doing", "我很享受观看别人的活动"),
    "esc1": ("I felt I played a different character here", "在这里我仿佛扮演了另一个角色"),
    "esc2": ("I felt like I was living in a different time or place", "我感觉自己置身于另一个时空"),
    "esc3r": (
        "I could not get away from my everyday routine here (reverse-keyed)",
        "在这里我无法摆脱日常琐事（反向题）",
    ),
    "mem1": ("I will have wonderful memories about this hotel", "我会对这家酒店留下美好的回忆"),
    "mem2": (
        "I will remember many positive things about this hotel",
        "我会记住这家酒店的许多美好之处",
    ),
    "mem3": ("I won't forget my experience at this hotel", "我不会忘记在这家酒店的经历"),
    "sat1": ("Overall, I am satisfied with this stay", "总体而言，我对这次入住感到满意"),
    "sat2": ("This stay met my expectations", "这次入住达到了我的期望"),
    "sat3": ("Choosing this hotel was a wise decision", "选择这家酒店是明智的决定"),
    "loy1": ("I will stay at this hotel again", "我会再次入住这家酒店"),
    "loy2": (
        "This hotel will be my first choice for my next stay in the area",
        "下次来此地，这家酒店是我的首选",
    ),
    "loy3": (
        "I would stay here even if other hotels were cheaper",
        "即使其他酒店更便宜，我也会选择这里",
    ),
    "wom1": ("I will say positive things about this hotel to others", "我会向他人称赞这家酒店"),
    "wom2": ("I will recommend this hotel to friends and family", "我会向亲友推荐这家酒店"),
    "wom3": ("I will post a positive review online", "我会在网上发布好评"),
}
CONSTRUCTS = {
    "EDU": ("Education", "教育体验"),
    "EST": ("Esthetics", "审美体验"),
    "ENT": ("Entertainment", "娱乐体验"),
    "ESC": ("Escapism", "逃避现实体验"),
    "MEM": ("Memory", "记忆"),
    "SAT": ("Satisfaction", "满意度"),
    "LOY": ("Loyalty intention", "忠诚意向"),
    "WOM": ("Word of mouth", "口碑"),
}


def fields() -> dict[str, dict]:
    """The codebook: wording in English and 中文, construct, scale, reverse flag."""
    out: dict[str, dict] = {
        "guest_id": {"title": "Guest (respondent) id", "title_zh": "住客（受访者）编号"},
        "segment": {
            "title": "Travel purpose: business or leisure",
            "title_zh": "出行目的：商务或休闲",
        },
        "channel": {
            "title": "Booking channel (direct, OTA, travel agent, corporate)",
            "title_zh": "预订渠道（官网直订、在线旅行社、旅行社、企业协议）",
        },
        "lang": {
            "title": "Language of the questionnaire (zh, en)",
            "title_zh": "问卷语言（中文、英文）",
        },
        "nps": {
            "title": "How likely is it that you would recommend this hotel to a friend or "
            "colleague? (0 = not at all likely, 10 = extremely likely)",
            "title_zh": "您向朋友或同事推荐这家酒店的可能性有多大？"
            "（0 = 完全不可能，10 = 极有可能）",
            "construct": "NPS",
            "constraints": {"minimum": 0, "maximum": 10},
        },
    }
    for factor, items in ITEMS.items():
        en, zh = CONSTRUCTS[factor]
        for item in items:
            wording_en, wording_zh = WORDING[item]
            out[item] = {
                "title": f"{wording_en} (1 = strongly disagree, 7 = strongly agree)",
                "title_zh": f"{wording_zh}（1 = 非常不同意，7 = 非常同意）",
                "construct": en,
                "construct_zh": zh,
                "reverse": item.endswith("r"),
                "constraints": {"minimum": 1, "maximum": 7},
            }
    out["comment"] = {
        "title": "Anything else you would like to tell us? (optional free text)",
        "title_zh": "您还有什么想告诉我们的吗？（选填）",
    }
    return out


def pooled_paths() -> dict[str, float]:
    """True standardized structural paths of the pooled data (share-weighted)."""
    n = sum(SEGMENTS.values())
    out: dict[str, float] = {}
    for segment, size in SEGMENTS.items():
        table = parse(model(segment))
        for row in table[table.op == "~"].itertuples():
            key = f"{row.lhs} ~ {row.rhs}"
            out[key] = round(out.get(key, 0.0) + row.value * size / n, 4)
    return out


def main() -> None:
    """Write hotel_4e.csv and its resource entry."""
    register(
        "hotel_4e",
        build(),
        title="Resort guests: four realms of experience, memory, satisfaction, loyalty (simulated)",
        description=(
            "600 guests of a resort rate the four realms of the experience economy (Pine & "
            "Gilmore 1998; scale after Oh, Fiore & Jeoung 2007), memory, satisfaction, "
            "loyalty intention and word of mouth on 7-point items (one reverse-keyed), plus "
            "an NPS item and an optional comment in Chinese or English. Business and leisure "
            "guests differ in one path (esthetics -> memory). Simulated; the true model is "
            "in `simulation`."
        ),
        sources=[
            {"title": "Simulated by datasets/make/hotel_4e.py (cxlab)"},
            {
                "title": "Oh, H., Fiore, A. M., & Jeoung, M. (2007). Measuring experience economy "
                "concepts: Tourism applications. Journal of Travel Research, 46(2), 119-132."
            },
        ],
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/hotel_4e.py",
                "seed": SEED,
                "model": model("leisure"),
                "group": "segment",
                "group_models": {s: model(s) for s in SEGMENTS},
                "group_sizes": SEGMENTS,
                "pooled_paths": pooled_paths(),
                "likert": {
                    "points": 7,
                    "thresholds": "skewed",
                    "cuts": [round(float(c), 4) for c in likert_cuts(7, "skewed")],
                },
                "reverse_keyed": ["esc3r"],
                "nps": "0.55*SAT + 0.35*WOM + noise (latent variance 1), cut at the normal "
                "quantiles of the cumulative shares " + str(NPS_CUM),
                "comments": "55% comment; topic = the realm with the highest latent score "
                "(positive comments only), tone = tercile of latent satisfaction",
            }
        },
    )


if __name__ == "__main__":
    main()
