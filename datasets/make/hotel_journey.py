"""Simulate ``hotel_journey``: hotel guests' journey, stage by stage, with a rating and an
emotion per stage, the touchpoint and channel used, an optional comment (中文 or English),
and overall satisfaction, NPS and revisit intention (the journey-map lesson: journey map,
emotion curve, pain points, peak-end rule).

    python datasets/make/hotel_journey.py

Long form: one row per guest and stage experienced; the guest's segment, language and
outcomes repeat on each of the guest's rows. The truth (also in datapackage.json under
``simulation``):
- 1,500 guests of a hotel group: business 40 %, leisure 45 %, family 15 %; language zh
  60 %, en 40 %, independent of everything else.
- Eight stages in order: search & booking, pre-arrival, arrival & check-in, room, dining,
  facilities & activities, check-out, post-stay. Every guest passes all stages except
  dining (skipped by 15 %) and facilities & activities (skipped by 50 % of business,
  20 % of leisure and 10 % of family guests).
- Each stage has a touchpoint drawn by segment (``TOUCHPOINTS``) and its channel follows
  from the touchpoint. Each guest has a mood u ~ N(0, 0.35²) shared by all stages; the
  stage's latent experience is x = mu(stage) + touchpoint effect + segment effect + u +
  sd(stage)·N(0, 1) (``STAGES``, ``TOUCH_EFFECT``, ``SEGMENT_EFFECT``). The emotion is
  x rounded and cut to -3…+3; the rating is 3 + 0.8·x + N(0, 0.6²) rounded and cut to
  1…5 (a second, noisier reading of the same experience); 1 % of ratings are missing.
- Pain points by design: arrival & check-in (queues at the front desk; the kiosk and the
  mobile check-in fare better) and post-stay (late invoices, unwanted mail).
- THE PEAK-END EFFECT: overall satisfaction (1-10) = round(5.9 + 1.0·mean + 0.45·peak +
  0.45·end + N(0, 0.9²)) cut to 1…10, where mean is the guest's average emotion over the
  stages experienced, peak the most intense emotion (farthest from 0; a tie between +k
  and -k counts -k) and end the post-stay emotion — exactly the definitions of
  ``cx.journey.peak_end``. Population values on the observed scales (rounding and
  cutting included) come from one simulation of 400,000 guests (``population``).
- NPS (0-10) = round(overall + 0.3 + N(0, 1.1²)), revisit intention (1-5) =
  round(1 + 4·(overall - 1)/9 + N(0, 0.6²)), both cut to their scales.
- Comments: a stage row gets a comment with probability 0.03 + 0.05·|emotion|, in the
  guest's language, built from the phrase lists below for the stage and the tone
  (negative below 0, neutral at 0, positive above).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261215
N_GUESTS = 1500
SEGMENTS = {"business": 0.40, "leisure": 0.45, "family": 0.15}
#: stage: (mean, sd) of the latent experience
STAGES = {
    "search & booking": (1.0, 0.9),
    "pre-arrival": (0.9, 0.8),
    "arrival & check-in": (-0.2, 1.5),
    "room": (0.8, 1.3),
    "dining": (0.8, 1.2),
    "facilities & activities": (1.2, 1.1),
    "check-out": (0.7, 1.0),
    "post-stay": (0.1, 1.4),
}
STAGES_ZH = ["搜索与预订", "入住前", "抵达与入住", "客房", "餐饮", "设施与活动", "退房", "离店后"]
SKIP = {
    "dining": {"business": 0.15, "leisure": 0.15, "family": 0.15},
    "facilities & activities": {"business": 0.50, "leisure": 0.20, "family": 0.10},
}
#: stage: touchpoint: (channel, probability for business, leisure, family)
TOUCHPOINTS = {
    "search & booking": {
        "hotel website": ("web", 0.30, 0.30, 0.30),
        "hotel app": ("app", 0.30, 0.15, 0.15),
        "online travel agency": ("OTA", 0.20, 0.45, 0.45),
        "call centre": ("phone", 0.20, 0.10, 0.10),
    },
    "pre-arrival": {
        "confirmation email": ("email", 0.50, 0.40, 0.40),
        "WeChat message": ("WeChat", 0.35, 0.45, 0.45),
        "SMS reminder": ("SMS", 0.15, 0.15, 0.15),
    },
    "arrival & check-in": {
        "front desk": ("in person", 0.45, 0.70, 0.80),
        "self check-in kiosk": ("kiosk", 0.25, 0.15, 0.10),
        "mobile check-in": ("app", 0.30, 0.15, 0.10),
    },
    "room": {"room & housekeeping": ("in person", 1.0, 1.0, 1.0)},
    "dining": {
        "breakfast buffet": ("in person", 0.60, 0.55, 0.60),
        "restaurant": ("in person", 0.20, 0.35, 0.30),
        "room service": ("phone", 0.20, 0.10, 0.10),
    },
    "facilities & activities": {
        "pool & spa": ("in person", 0.30, 0.55, 0.30),
        "gym": ("in person", 0.60, 0.15, 0.10),
        "kids club": ("in person", 0.00, 0.05, 0.50),
        "tour desk": ("in person", 0.10, 0.25, 0.10),
    },
    "check-out": {
        "front desk": ("in person", 0.50, 0.75, 0.80),
        "express check-out": ("app", 0.50, 0.25, 0.20),
    },
    "post-stay": {
        "follow-up email": ("email", 0.50, 0.45, 0.45),
        "loyalty app": ("app", 0.30, 0.20, 0.20),
        "WeChat service account": ("WeChat", 0.20, 0.35, 0.35),
    },
}
TOUCH_EFFECT = {
    ("arrival & check-in", "front desk"): -0.3,
    ("arrival & check-in", "self check-in kiosk"): 0.2,
    ("arrival & check-in", "mobile check-in"): 0.6,
    ("check-out", "express check-out"): 0.4,
    ("dining", "room service"): -0.3,
}
SEGMENT_EFFECT = {
    ("family", "dining"): -0.4,
    ("family", "facilities & activities"): 0.3,
    ("business", "arrival & check-in"): -0.2,
}
MOOD_SD = 0.35
OVERALL = {"const": 5.9, "mean": 1.0, "peak": 0.45, "end": 0.45, "sd": 0.9}

PHRASES = {
    "en": {
        "open": {
            "neg": ["Sadly,", "Honestly,", "Not great:"],
            "neu": ["", "Well,"],
            "pos": ["", "Really nice:", "Loved it:"],
        },
        "search & booking": {
            "neg": ["the booking site kept crashing", "the price changed at payment"],
            "neu": ["booking was straightforward", "found the hotel on the usual sites"],
            "pos": ["booking took two minutes", "great rate on the hotel app"],
        },
        "pre-arrival": {
            "neg": ["no confirmation until the day before", "the transfer request was ignored"],
            "neu": ["got the usual confirmation", "the reminder arrived on time"],
            "pos": ["they asked about my pillow preference", "helpful tips before arrival"],
        },
        "arrival & check-in": {
            "neg": [
                "waited 40 minutes at the front desk",
                "the room was not ready at 3 pm",
                "check-in queue was far too long",
            ],
            "neu": ["check-in was fine", "standard check-in"],
            "pos": ["mobile check-in was instant", "a warm welcome at the desk"],
        },
        "room": {
            "neg": ["the room was noisy", "the air conditioning was broken"],
            "neu": ["the room was okay", "a standard room"],
            "pos": ["a spotless, quiet room", "the bed was so comfortable"],
        },
        "dining": {
            "neg": ["breakfast ran out early", "room service took over an hour"],
            "neu": ["breakfast was average", "the usual buffet"],
            "pos": ["the breakfast was excellent", "a lovely dinner at the restaurant"],
        },
        "facilities & activities": {
            "neg": ["the pool was overcrowded", "the gym equipment was broken"],
            "neu": ["the facilities were fine", "the pool was okay"],
            "pos": ["the spa was wonderful", "the kids loved the kids club"],
        },
        "check-out": {
            "neg": ["the bill had wrong charges", "check-out took ages"],
            "neu": ["check-out was quick enough", "normal check-out"],
            "pos": ["express check-out in seconds", "they called a taxi for us"],
        },
        "post-stay": {
            "neg": [
                "the invoice arrived weeks late",
                "too many marketing emails afterwards",
                "my points were never credited",
            ],
            "neu": ["got the usual survey email", "points credited as expected"],
            "pos": ["a kind thank-you note after the stay", "points credited at once"],
        },
    },
    "zh": {
        "open": {
            "neg": ["很遗憾，", "说实话，", "不太满意："],
            "neu": ["", "总体来说，"],
            "pos": ["", "非常好：", "很喜欢："],
        },
        "search & booking": {
            "neg": ["预订网站一直崩溃", "付款时价格变了"],
            "neu": ["预订流程正常", "在常用平台上找到的酒店"],
            "pos": ["两分钟就订好了", "酒店App上的价格很优惠"],
        },
        "pre-arrival": {
            "neg": ["到店前一天才收到确认", "接送机的需求没人理"],
            "neu": ["收到了常规的确认信息", "提醒信息按时收到"],
            "pos": ["提前询问了我对枕头的偏好", "入住前的提示很贴心"],
        },
        "arrival & check-in": {
            "neg": ["前台排队等了四十分钟", "下午三点房间还没准备好", "办理入住排队太长"],
            "neu": ["入住办理还可以", "入住流程中规中矩"],
            "pos": ["手机办理入住一下就好", "前台的欢迎很热情"],
        },
        "room": {
            "neg": ["房间很吵", "空调坏了"],
            "neu": ["房间还可以", "标准的房间"],
            "pos": ["房间干净又安静", "床特别舒服"],
        },
        "dining": {
            "neg": ["早餐很早就没有了", "送餐服务等了一个多小时"],
            "neu": ["早餐一般", "常规的自助早餐"],
            "pos": ["早餐非常棒", "餐厅的晚餐很好吃"],
        },
        "facilities & activities": {
            "neg": ["泳池人太多了", "健身房的器械坏了"],
            "neu": ["设施还行", "泳池还可以"],
            "pos": ["水疗太舒服了", "孩子们很喜欢儿童俱乐部"],
        },
        "check-out": {
            "neg": ["账单上有错误的收费", "退房等了很久"],
            "neu": ["退房还算快", "正常退房"],
            "pos": ["快速退房几秒钟就好", "帮我们叫了出租车"],
        },
        "post-stay": {
            "neg": ["发票过了几周才寄到", "离店后营销邮件太多", "积分一直没有到账"],
            "neu": ["收到了常规的调查邮件", "积分按时到账"],
            "pos": ["离店后收到了暖心的感谢信", "积分马上就到账了"],
        },
    },
}


def _pick(rng: np.random.Generator, pool: list[str]) -> str:
    return pool[int(rng.integers(len(pool)))]


def _comment(rng: np.random.Generator, lang: str, stage: str, emotion: int) -> str:
    """A short comment on *stage* with the tone of *emotion*, from the phrase lists."""
    tone = "neg" if emotion < 0 else "pos" if emotion > 0 else "neu"
    words = PHRASES[lang]
    opener, phrase = _pick(rng, words["open"][tone]), _pick(rng, words[stage][tone])
    if lang == "zh":
        return f"{opener}{phrase}。"
    text = f"{opener} {phrase}".strip()
    return text[0].upper() + text[1:] + "."


def peak(e: np.ndarray) -> np.ndarray:
    """Each row's most intense emotion (NaN = stage skipped; a tie of +k and -k is -k)."""
    far = np.nanmax(np.abs(e), axis=1)
    return np.where(np.any(e == -far[:, None], axis=1), -far, far)


def _guests(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Guests' segments, touchpoints and latent experience (guest × stage; NaN: skipped)."""
    names = list(SEGMENTS)
    segment = rng.choice(names, size=n, p=list(SEGMENTS.values()))
    lang = rng.choice(["zh", "en"], size=n, p=[0.6, 0.4])
    mood = rng.normal(0, MOOD_SD, n)
    k = len(STAGES)
    latent = np.full((n, k), np.nan)
    touch = np.empty((n, k), dtype=object)
    seg_index = np.array([names.index(s) for s in segment])
    for j, (stage, (mu, sd)) in enumerate(STAGES.items()):
        options = list(TOUCHPOINTS[stage])
        probs = np.array([[TOUCHPOINTS[stage][t][1 + g] for t in options] for g in range(3)])
        u = rng.random(n)
        choice = (u[:, None] > np.cumsum(probs[seg_index], axis=1)).sum(axis=1)
        touch[:, j] = np.array(options, dtype=object)[np.minimum(choice, len(options) - 1)]
        effect = np.array([TOUCH_EFFECT.get((stage, t), 0.0) for t in touch[:, j]])
        effect += np.array([SEGMENT_EFFECT.get((s, stage), 0.0) for s in segment])
        x = mu + effect + mood + sd * rng.normal(size=n)
        if stage in SKIP:
            skip = rng.random(n) < np.array([SKIP[stage][s] for s in segment])
            x[skip] = np.nan
        latent[:, j] = x
    return pd.DataFrame({"segment": segment, "lang": lang}), latent, touch


def _outcomes(rng: np.random.Generator, emotion: np.ndarray) -> dict[str, np.ndarray]:
    n = len(emotion)
    mean, pk, end = np.nanmean(emotion, axis=1), peak(emotion), emotion[:, -1]
    o = OVERALL
    raw = o["const"] + o["mean"] * mean + o["peak"] * pk + o["end"] * end
    overall = np.clip(np.rint(raw + rng.normal(0, o["sd"], n)), 1, 10)
    nps = np.clip(np.rint(overall + 0.3 + rng.normal(0, 1.1, n)), 0, 10)
    revisit = np.clip(np.rint(1 + 4 * (overall - 1) / 9 + rng.normal(0, 0.6, n)), 1, 5)
    return {
        "overall": overall,
        "nps": nps,
        "revisit": revisit,
        "mean": mean,
        "peak": pk,
        "end": end,
    }


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset (long form, one row per guest and stage), deterministic for a seed."""
    rng = np.random.default_rng(seed)
    guests, latent, touch = _guests(rng, N_GUESTS)
    emotion = np.clip(np.rint(latent), -3, 3)
    out = _outcomes(rng, emotion)
    rating = np.clip(np.rint(3 + 0.8 * latent + rng.normal(0, 0.6, latent.shape)), 1, 5)
    rating[rng.random(latent.shape) < 0.01] = np.nan
    stages = list(STAGES)
    rows = []
    for i in range(N_GUESTS):
        lang = guests["lang"].iat[i]
        for j, stage in enumerate(stages):
            if np.isnan(latent[i, j]):
                continue
            e = int(emotion[i, j])
            talk = rng.random() < 0.03 + 0.05 * abs(e)
            rows.append(
                {
                    "guest_id": i + 1,
                    "segment": guests["segment"].iat[i],
                    "lang": lang,
                    "stage": stage,
                    "step": j + 1,
                    "touchpoint": touch[i, j],
                    "channel": TOUCHPOINTS[stage][touch[i, j]][0],
                    "rating": rating[i, j],
                    "emotion": e,
                    "comment": _comment(rng, lang, stage, e) if talk else "",
                    "overall": int(out["overall"][i]),
                    "nps": int(out["nps"][i]),
                    "revisit": int(out["revisit"][i]),
                }
            )
    df = pd.DataFrame(rows)
    df["rating"] = df["rating"].astype("Int64")
    return df


def population(seed: int = SEED + 1, n: int = 400_000) -> dict[str, float]:
    """Population values on the observed scales, from one simulation of *n* guests: the
    OLS coefficients of overall ~ mean + peak + end, the R² of each peak-end model and
    their differences (the definitions of ``cx.journey.peak_end``)."""
    rng = np.random.default_rng(seed)
    _, latent, _ = _guests(rng, n)
    emotion = np.clip(np.rint(latent), -3, 3)
    out = _outcomes(rng, emotion)
    y = out["overall"]
    x = {"mean": out["mean"], "peak": out["peak"], "end": out["end"]}
    x["peak_end"] = (x["peak"] + x["end"]) / 2

    def r2(cols: list[str]) -> float:
        design = np.column_stack([np.ones(n), *[x[c] for c in cols]])
        beta = np.linalg.lstsq(design, y, rcond=None)[0]
        return 1 - float(np.var(y - design @ beta) / np.var(y)), beta

    result: dict[str, float] = {}
    for name, cols in {
        "mean": ["mean"],
        "peak-end": ["peak_end"],
        "peak + end": ["peak", "end"],
        "mean + peak + end": ["mean", "peak", "end"],
    }.items():
        result[f"r2 {name}"] = round(r2(cols)[0], 4)
    beta = r2(["mean", "peak", "end"])[1]
    result |= {
        f"coef {c}": round(float(b), 4)
        for c, b in zip(["const", "mean", "peak", "end"], beta, strict=True)
    }
    r = {c: float(np.corrcoef(y, x[c])[0, 1]) for c in ("mean", "peak_end")}
    result["R2(peak-end) - R2(mean)"] = round(result["r2 peak-end"] - result["r2 mean"], 4)
    result["r(peak-end) - r(mean)"] = round(r["peak_end"] - r["mean"], 4)
    result["R2(mean + peak + end) - R2(mean)"] = round(
        result["r2 mean + peak + end"] - result["r2 mean"], 4
    )
    complete = ~np.isnan(emotion).any(axis=1)
    result["relative weights of stage emotions (% of R2, guests with all stages)"] = _weights(
        emotion[complete], y[complete]
    )
    return result


def _weights(emotion: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Johnson's relative weights (% of R²) of the stage emotions on overall satisfaction."""
    from cxlab.drivers import from_corr

    names = ["overall", *STAGES]
    corr = pd.DataFrame(
        np.corrcoef(np.column_stack([y, emotion]), rowvar=False), index=names, columns=names
    )
    pct = from_corr(corr, "overall", list(STAGES)).table["pct"]
    return {s: round(float(pct[s]), 2) for s in STAGES}


def fields() -> dict[str, dict]:
    """The codebook: wording in English and 中文, scales, constructs."""
    stage_values = "; ".join(f"{e} = {z}" for e, z in zip(STAGES, STAGES_ZH, strict=True))
    return {
        "guest_id": {"title": "Guest (respondent) id", "title_zh": "住客（受访者）编号"},
        "segment": {
            "title": "Segment: business, leisure or family trip",
            "title_zh": "客群：商务、休闲或家庭出行",
        },
        "lang": {
            "title": "Language of the questionnaire (zh, en)",
            "title_zh": "问卷语言（中文、英文）",
        },
        "stage": {
            "title": "Stage of the customer journey (in order: " + ", ".join(STAGES) + ")",
            "title_zh": "客户旅程阶段（依次为：" + "、".join(STAGES_ZH) + "）",
            "description": "Chinese names of the stages: " + stage_values,
        },
        "step": {
            "title": "Position of the stage in the journey (1 = first)",
            "title_zh": "该阶段在旅程中的顺序（1 = 第一个）",
        },
        "touchpoint": {"title": "Touchpoint used at this stage", "title_zh": "该阶段使用的触点"},
        "channel": {
            "title": "Channel of the touchpoint (web, app, OTA, phone, email, "
            "WeChat, SMS, kiosk, in person)",
            "title_zh": "触点所属渠道（官网、App、在线旅行社、电话、邮件、微信、短信、"
            "自助机、面对面）",
        },
        "rating": {
            "title": "How satisfied were you with this stage of your stay? "
            "(1 = very dissatisfied, 5 = very satisfied)",
            "title_zh": "您对本次入住这一阶段的满意程度如何？（1 = 非常不满意，5 = 非常满意）",
            "construct": "Stage satisfaction",
            "construct_zh": "阶段满意度",
            "constraints": {"minimum": 1, "maximum": 5},
        },
        "emotion": {
            "title": "How did you feel at this stage? (-3 = very negative, 0 = neutral, "
            "+3 = very positive)",
            "title_zh": "您在这一阶段的感受如何？（-3 = 非常负面，0 = 中性，+3 = 非常正面）",
            "construct": "Emotion (valence)",
            "construct_zh": "情绪（效价）",
            "constraints": {"minimum": -3, "maximum": 3},
        },
        "comment": {
            "title": "Anything you would like to tell us about this stage? (optional)",
            "title_zh": "关于这一阶段，您还有什么想告诉我们的吗？（选填）",
        },
        "overall": {
            "title": "Overall, how satisfied are you with your stay? "
            "(1 = not at all satisfied, 10 = completely satisfied)",
            "title_zh": "总体而言，您对本次入住的满意程度如何？（1 = 完全不满意，10 = 非常满意）",
            "construct": "Overall satisfaction",
            "construct_zh": "客户满意度",
            "constraints": {"minimum": 1, "maximum": 10},
        },
        "nps": {
            "title": "How likely is it that you would recommend this hotel to a friend or "
            "colleague? (0 = not at all likely, 10 = extremely likely)",
            "title_zh": "您向朋友或同事推荐这家酒店的可能性有多大？"
            "（0 = 完全不可能，10 = 极有可能）",
            "construct": "NPS",
            "construct_zh": "净推荐值",
            "constraints": {"minimum": 0, "maximum": 10},
        },
        "revisit": {
            "title": "I will stay at this hotel group again (1 = strongly disagree, "
            "5 = strongly agree)",
            "title_zh": "我会再次入住这家酒店集团（1 = 非常不同意，5 = 非常同意）",
            "construct": "Revisit intention",
            "construct_zh": "重游意向",
            "constraints": {"minimum": 1, "maximum": 5},
        },
    }


def main() -> None:
    """Write hotel_journey.csv and its resource entry."""
    register(
        "hotel_journey",
        build(),
        title="Hotel guests' journey: rating and emotion per stage, overall satisfaction "
        "(simulated)",
        description=(
            "1,500 guests of a hotel group, one row per guest and stage of the stay (search "
            "& booking, pre-arrival, arrival & check-in, room, dining, facilities & "
            "activities, check-out, post-stay): the touchpoint and channel used, a rating "
            "(1-5) and an emotion (-3 to +3) per stage, optional comments in Chinese or "
            "English, and per guest overall satisfaction (1-10), NPS (0-10) and revisit "
            "intention (1-5). Built for journey maps, pain points and the peak-end rule; "
            "simulated with a known peak-end effect, the truth is in `simulation`."
        ),
        sources=simulated_sources("hotel_journey.py"),
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/hotel_journey.py",
                "seed": SEED,
                "guests": N_GUESTS,
                "segments": SEGMENTS,
                "stages": dict(zip(STAGES, STAGES_ZH, strict=True)),
                "latent_stage_mean_sd": {s: list(v) for s, v in STAGES.items()},
                "skip_probability": SKIP,
                "touchpoint_effects": {f"{s} | {t}": v for (s, t), v in TOUCH_EFFECT.items()},
                "segment_effects": {f"{g} | {s}": v for (g, s), v in SEGMENT_EFFECT.items()},
                "mood_sd": MOOD_SD,
                "emotion": "round(latent) cut to -3..3",
                "rating": "round(3 + 0.8*latent + N(0, 0.6^2)) cut to 1..5; 1% missing",
                "overall": "round(5.9 + 1.0*mean + 0.45*peak + 0.45*end + N(0, 0.9^2)) cut "
                "to 1..10 (mean = average emotion over the stages experienced, peak = most "
                "intense emotion, a tie of +k and -k counting -k, end = post-stay emotion)",
                "overall_coefficients": OVERALL,
                "nps": "round(overall + 0.3 + N(0, 1.1^2)) cut to 0..10",
                "revisit": "round(1 + 4*(overall - 1)/9 + N(0, 0.6^2)) cut to 1..5",
                "pain_points": ["arrival & check-in", "post-stay"],
                "comments": "probability 0.03 + 0.05*|emotion| per stage row; tone = sign "
                "of the emotion; phrase lists in the script",
                "population": population(),
                "population_note": "one simulation of 400,000 guests (seed + 1) from the "
                "same generator, on the observed scales",
            }
        },
    )


if __name__ == "__main__":
    main()
