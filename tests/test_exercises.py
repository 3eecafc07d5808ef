"""cx.check: every exercise accepts its reference solution and rejects a wrong answer;
an unanswered exercise never fails; odd answers never raise."""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cxlab as cx
from cxlab.errors import ExerciseError
from cxlab.exercises import Exercise, all_exercises
from cxlab.exercises._keys import solution
from cxlab.exercises.feedback import TEXT, YES_NO, _canon, _compare

ALL_IDS = sorted(all_exercises())


def test_registry_covers_lessons_00_and_01():
    lessons = {i.split(".")[0] for i in ALL_IDS}
    assert {"00", "01"} <= lessons
    assert len([i for i in ALL_IDS if i.startswith("01.")]) >= 3


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_reference_solution_is_accepted(exercise_id, capsys):
    feedback = cx.check(exercise_id, solution(exercise_id))
    assert feedback.correct is True
    assert capsys.readouterr().out.startswith(f"✓ {exercise_id}")


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_wrong_answer_is_rejected_with_a_hint(exercise_id, capsys):
    ex = cx.exercises.exercise(exercise_id)
    feedback = cx.check(exercise_id, ex.wrong())
    assert feedback.correct is False
    out = capsys.readouterr().out
    assert out.startswith(f"✗ {exercise_id}")
    assert "Hint:" in out


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_unanswered_prints_and_never_raises(exercise_id, capsys):
    feedback = cx.check(exercise_id, None)
    assert feedback.correct is None and not feedback
    assert "not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_exercise_has_prompt_hint_explanation(exercise_id):
    ex = cx.exercises.exercise(exercise_id)
    assert ex.prompt and ex.hint and ex.explanation


odd_answers = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.one_of(st.text(max_size=10), st.integers()), max_size=6),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=odd_answers, exercise_id=st.sampled_from(ALL_IDS))
def test_odd_answers_never_raise(answer, exercise_id):
    feedback = cx.check(exercise_id, answer)
    assert feedback.correct in (True, False)


def test_unknown_id_lists_known_ids():
    with pytest.raises(ExerciseError, match=r"00\.sum"):
        cx.check("00.nope", 1)


def test_list_exercises_table():
    table = cx.exercises.list_exercises("00")
    assert list(table.columns) == ["id", "lesson", "kind", "prompt"]
    assert set(table["lesson"]) == {"00"}


def test_number_tolerance_edges():
    ref = solution("00.cusa1_mean")
    assert cx.check("00.cusa1_mean", ref + 0.004)
    assert not cx.check("00.cusa1_mean", ref + 0.02)
    assert not cx.check("00.sum", True)  # a boolean is not the number 1


def test_reference_solutions_are_not_on_the_public_face():
    """Participants check answers with cx.check; the keys stay with the instructors."""
    assert not hasattr(cx.exercises, "solution")
    assert "solution" not in cx.exercises.__all__
    assert set(cx.exercises.all_exercises()) == set(ALL_IDS)
    ex = cx.exercises.exercise(ALL_IDS[0])
    assert not hasattr(ex, "solution")  # the reference is not an attribute of the exercise
    assert "solution" not in repr(ex) and "_reference" not in repr(ex)


def test_progression_accepts_the_chinese_stage_names():
    assert cx.check("01.progression", ["初级产品", "商品", "服务", "体验"]).correct
    assert not cx.check("01.progression", ["商品", "初级产品", "服务", "体验"]).correct


# --- The Chinese edition: prompts, hints and explanations in Chinese; answers in Chinese ---

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
WORD_KINDS = ("choice", "text", "set")
WORD_IDS = [i for i in ALL_IDS if cx.exercises.exercise(i).kind in WORD_KINDS]
#: numbers as the texts write them (".888", "1,411", "−1.52" without its sign)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Chinese counts in 万 (10 000): "1000 万" is the English "10 million"
NUMBERS_IN_OTHER_UNITS = {"01.mot"}


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_exercise_has_chinese_prompt_hint_explanation(exercise_id):
    ex = cx.exercises.exercise(exercise_id)
    for field in ("prompt_zh", "hint_zh", "explanation_zh"):
        text = getattr(ex, field)
        assert text.strip(), f"{exercise_id}: {field} is empty"
        if LATIN.search(text):  # words, not only a formula such as "3 + 4 + 5 = 12。"
            assert CJK.search(text), f"{exercise_id}: {field} has no Chinese characters"


@pytest.mark.parametrize("exercise_id", sorted(set(ALL_IDS) - NUMBERS_IN_OTHER_UNITS))
def test_chinese_texts_keep_every_number(exercise_id):
    """Every number of the English prompt, hint and explanation (all but single digits,
    which Chinese may write as words: wave 1 = 第一轮) is in the Chinese text."""
    ex = cx.exercises.exercise(exercise_id)
    for en, zh in [
        (ex.prompt, ex.prompt_zh),
        (ex.hint, ex.hint_zh),
        (ex.explanation, ex.explanation_zh),
    ]:
        zh_numbers = NUMBER.findall(zh)
        for number in NUMBER.findall(en):
            if len(number) > 1:
                assert number in zh_numbers, f"{exercise_id}: {number} missing in {zh!r}"
                zh_numbers.remove(number)


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_wrong_answer_in_chinese_feedback_shows_the_chinese_hint(exercise_id, capsys):
    ex = cx.exercises.exercise(exercise_id)
    feedback = cx.check(exercise_id, ex.wrong(), lang="zh")
    out = capsys.readouterr().out
    assert feedback.correct is False
    assert out.startswith(f"✗ {exercise_id}：还不对。")
    assert f"提示：{ex.hint_zh}" in out
    assert "Hint:" not in out


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_right_answer_in_chinese_feedback_shows_the_chinese_explanation(exercise_id, capsys):
    ex = cx.exercises.exercise(exercise_id)
    feedback = cx.check(exercise_id, solution(exercise_id), lang="zh")
    assert feedback.correct is True
    assert capsys.readouterr().out == f"✓ {exercise_id}：正确。{ex.explanation_zh}\n"


def test_feedback_follows_the_notebook_language(capsys):
    """Without lang=, check() speaks the language of the last set_theme(lang=...)."""
    try:
        cx.viz.set_theme(lang="zh")
        cx.check("00.sum", 11)
        assert f"提示：{cx.exercises.exercise('00.sum').hint_zh}" in capsys.readouterr().out
    finally:
        cx.viz.set_theme(lang="en")
    cx.check("00.sum", 11)
    assert "Hint: Add the three numbers" in capsys.readouterr().out


@cache
def _reference(exercise_id: str) -> Any:
    """The reference answer, computed once for the tests below (some take seconds)."""
    return solution(exercise_id)


def _elements(answer: Any) -> list[Any]:
    """The elements of a set answer, or the one word of any other answer."""
    return list(answer) if isinstance(answer, list | tuple | set) else [answer]


def _chinese_forms(ex: Exercise, word: Any) -> list[str]:
    """Every way of writing *word* in Chinese that the exercise knows: its Chinese
    synonyms, 是/否 …, and 选B for an option letter."""
    target = _canon(ex, word)
    forms = [k for k in [*ex.synonyms, *YES_NO] if CJK.search(k) and _canon(ex, k) == target]
    if re.fullmatch("[a-h]", target):
        forms.append(f"选{target.upper()}")
    return forms


def _accepted(ex: Exercise, answer: Any, reference: Any) -> bool:
    """What check() decides, without printing or recomputing the reference."""
    return _compare(ex, answer, reference, TEXT["zh"])[0]


@pytest.mark.parametrize("exercise_id", WORD_IDS)
def test_every_word_answer_can_be_given_in_chinese(exercise_id, capsys):
    """The reference of every choice / text / set exercise has Chinese forms, and each
    is accepted (in a set, in place of its English element)."""
    ex = cx.exercises.exercise(exercise_id)
    reference = _reference(exercise_id)
    elements = _elements(reference)
    chinese = [_chinese_forms(ex, element) for element in elements]
    assert all(chinese), f"{exercise_id}: no Chinese way to write {reference!r}"
    for i, forms in enumerate(chinese):
        for form in forms:
            answer = [*elements[:i], form, *elements[i + 1 :]] if ex.kind == "set" else form
            assert _accepted(ex, answer, reference), f"{exercise_id}: {form!r} rejected"
    all_chinese = [forms[0] for forms in chinese] if ex.kind == "set" else chinese[0][0]
    assert cx.check(exercise_id, all_chinese, lang="zh").correct
    assert capsys.readouterr().out.startswith(f"✓ {exercise_id}：正确。")


@pytest.mark.parametrize("exercise_id", WORD_IDS)
def test_wrong_word_answer_in_chinese_is_still_rejected(exercise_id):
    ex = cx.exercises.exercise(exercise_id)
    wrong = ex.wrong()
    forms = [f for element in _elements(wrong) for f in _chinese_forms(ex, element)]
    if not forms:
        pytest.skip(f"{wrong!r} has no Chinese form in {exercise_id}")
    reference = _reference(exercise_id)
    for form in forms:
        answer = [form] if ex.kind == "set" else form
        assert not _accepted(ex, answer, reference), f"{exercise_id}: {form!r} accepted"


#: The answers issue 18 names: the Chinese names of the invariance levels, the constructs,
#: the crew, 是/否 and the types of mediation (full mediation = indirect-only)
CHINESE_ANSWERS = {
    "04.invariance": (
        ["严格", "严格不变", "严格不变性", "严格等值", "严格测量不变性", "残差等值",
         "strict invariance"],
        ["形态不变", "度量不变", "度量", "弱不变", "弱", "标量不变", "标量", "强不变", "强",
         "尺度不变", "度量不变性", "形态"],
    ),
    "13.invariance": (
        ["严格", "严格不变", "严格不变性"],
        ["形态", "度量", "度量不变性", "弱不变", "标量", "强不变", "尺度不变"],
    ),
    "hotel.invariance": (
        ["标量", "标量不变", "标量不变性", "强", "强不变", "强不变性", "强等值", "尺度不变",
         "截距等值", "scalar invariance", "strong invariance"],
        ["形态", "形态不变", "度量", "度量不变", "度量不变性", "弱", "弱不变", "弱等值",
         "严格", "严格不变"],
    ),
    "06.driver": (["感知质量", "质量", "perceived quality"],
                  ["感知价值", "价值", "形象", "满意度"]),
    "06.exp_sat": (["是", "对", "包含", "包含 0"], ["否", "错", "不包含"]),
    "05.top_mot": (["乘务组", "空乘", "乘务员", "机组服务"], ["到达与行李", "登机", "机上餐饮"]),
    "airline.second_driver": (["到达与行李", "到达", "行李", "到达和行李"], ["乘务组", "登机"]),
    "airline.paradox": (["否", "不", "没有", "不显著", "不支持"], ["是", "有", "显著", "支持"]),
    "07.mediation_type": (
        ["完全中介", "仅间接效应型", "仅间接效应", "full mediation", "Indirect only"],
        ["部分中介", "互补型", "竞争型", "遮掩效应", "仅直接效应型", "无效应型"],
    ),
    "01.realm": (["教育", "教育体验"], ["娱乐", "审美", "逃避现实", "遁世"]),
    "08.top_realm": (["娱乐", "娱乐体验"], ["审美", "审美体验", "教育", "逃避现实"]),
    "10.count_model": (["负二项", "负二项回归", "负二项模型"], ["泊松", "泊松回归"]),
    "11.arrival_median": (["重点改进", "重点改进区"], ["低优先级", "继续保持", "过度投入"]),
    "12.detractor_word_en": (["不会再来", "won't come back"], ["slow"]),
    "12.cleanliness_hotel": (["机场酒店", "Skyport"], ["Old Town", "Coral Bay"]),
    "13.observed_power": (["选B", "（Ｂ）", "b项", "第二项"], ["选A", "a项", "第一项", "第三项"]),
    "retail.main_route": (["满意度", "满意", "SAT"], ["信任", "信任 → 满意", "信任→满意度"]),
}  # fmt: skip
CHINESE_CASES = [
    (exercise_id, answer, right)
    for exercise_id, (rights, wrongs) in CHINESE_ANSWERS.items()
    for right, answers in ((True, rights), (False, wrongs))
    for answer in answers
]


@pytest.mark.parametrize(("exercise_id", "answer", "right"), CHINESE_CASES)
def test_chinese_answers_named_in_the_issue(exercise_id, answer, right):
    ex = cx.exercises.exercise(exercise_id)
    assert _accepted(ex, answer, _reference(exercise_id)) is right


def test_chinese_set_answer_and_ids_with_chinese_words():
    assert cx.check("airline.concentrate", ["到达与行李"], lang="zh").correct
    assert not cx.check("airline.concentrate", ["机上餐饮"], lang="zh").correct
    assert not cx.check("airline.concentrate", ["到达与行李", "登机"], lang="zh").correct
    store = _reference("02.alert_store")
    assert cx.check("02.alert_store", f"门店 {store}", lang="zh").correct
    assert cx.check("02.alert_store", f"{store}号店", lang="zh").correct
    assert not cx.check("02.alert_store", "门店 S19", lang="zh").correct
    response = _reference("03.duplicate_id")
    assert cx.check("03.duplicate_id", f"受访者 {response}", lang="zh").correct
    assert not cx.check("03.duplicate_id", "受访者 R_0013", lang="zh").correct


#: the options each exercise names: every synonym must lead to one of them
OPTIONS = {
    "04.invariance": {"configural", "metric", "scalar", "strict"},
    "13.invariance": {"configural", "metric", "scalar", "strict"},
    "hotel.invariance": {"configural", "metric", "scalar", "strict"},
    "07.mediation_type": {"complementary", "competitive", "indirect-only", "direct-only",
                          "no-effect"},
    "11.arrival_median": {"concentrate here", "keep up the good work", "low priority",
                          "possible overkill"},
    "06.driver": {"Image", "Expectation", "Quality", "Value", "Satisfaction", "Loyalty"},
    "01.realm": {"educational", "entertainment", "esthetic", "escapist"},
    "08.top_realm": {"education", "entertainment", "esthetics", "escapism"},
    "05.top_mot": {"mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal",
                   "mot_arrival", "mot_complaint"},
    "10.count_model": {"poisson", "negbin"},
    "retail.main_route": {"SAT", "TRUST", "TRUST → SAT"},
}  # fmt: skip


@pytest.mark.parametrize("exercise_id", sorted(OPTIONS))
def test_synonyms_lead_to_the_options_of_the_exercise(exercise_id):
    ex = cx.exercises.exercise(exercise_id)
    options = {_canon(ex, option) for option in OPTIONS[exercise_id]}
    assert _canon(ex, _reference(exercise_id)) in options
    unknown = {k: v for k, v in ex.synonyms.items() if _canon(ex, k) not in options}
    assert not unknown, f"{exercise_id}: synonyms outside the options: {unknown}"


@pytest.mark.parametrize(
    ("name", "level"),
    [
        # the zh lessons' names (lesson 04, 07, 13 and the hotel case)
        ("形态不变", "configural"), ("度量不变", "metric"), ("标量不变", "scalar"),
        ("严格不变", "strict"), ("形态不变性", "configural"), ("度量不变性", "metric"),
        ("标量不变性", "scalar"), ("严格不变性", "strict"),
        # textbook variants: 弱 weak = metric, 强 strong = scalar; 等值; 尺度 = scalar
        ("弱不变", "metric"), ("弱", "metric"), ("强不变", "scalar"), ("强", "scalar"),
        ("弱等值", "metric"), ("强等值", "scalar"), ("严格等值", "strict"), ("严格", "strict"),
        ("尺度不变", "scalar"), ("构形不变", "configural"), ("strong invariance", "scalar"),
    ],
)  # fmt: skip
def test_invariance_level_names(name, level):
    from cxlab.exercises.lesson04 import INVARIANCE_LEVELS

    assert INVARIANCE_LEVELS[name] == level


# --- the slips a wrong number is checked for, on real exercises ---


def _feedback(exercise_id: str, answer: Any, lang: str, capsys: Any) -> str:
    """The printed feedback on a wrong answer."""
    assert cx.check(exercise_id, answer, lang=lang).correct is False
    return capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slip_percent_given_for_a_proportion(lang, capsys):
    for exercise_id in ("08.share_memory", "12.agree_zh", "hotel.failures_caught"):
        out = _feedback(exercise_id, 100 * _reference(exercise_id), lang, capsys)
        assert TEXT[lang]["percent"] in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slip_proportion_given_for_a_percent(lang, capsys):
    for exercise_id in ("01.top_box", "03.complete", "11.bf_timeouts"):
        out = _feedback(exercise_id, _reference(exercise_id) / 100, lang, capsys)
        assert TEXT[lang]["proportion"] in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slip_sign_turned_round(lang, capsys):
    # the typical wrong answers of these three are the sign slip itself
    for exercise_id in ("airline.ces_problem", "hotel.d_est_ent", "retail.holdout_error"):
        wrong = cx.exercises.exercise(exercise_id).wrong()
        assert math.isclose(wrong, -_reference(exercise_id), abs_tol=0.1)
        assert TEXT[lang]["sign"] in _feedback(exercise_id, wrong, lang, capsys)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slip_rounded_too_coarsely(lang, capsys):
    # (exercise, digits given, digits the hint asks for: from the tolerance .001 or .005)
    for exercise_id, digits, decimals in (
        ("04.alpha", 2, 3),
        ("09.bgnbd_r", 2, 3),
        ("10.spearman_li", 1, 3),
    ):
        ex = cx.exercises.exercise(exercise_id)
        coarse = round(_reference(exercise_id), digits)
        assert ex.tol < abs(coarse - _reference(exercise_id)) <= 10 * ex.tol
        out = _feedback(exercise_id, coarse, lang, capsys)
        assert TEXT[lang]["rounding"].format(decimals=decimals) in out


def test_slip_units_and_order_of_the_chinese_feedback(capsys):
    out = _feedback("01.mot", 50_000, "zh", capsys)  # 50 million given in thousands
    hint = cx.exercises.exercise("01.mot").hint_zh
    assert out == f"✗ 01.mot：还不对。{TEXT['zh']['units'].format(factor=1000)}提示：{hint}\n"
