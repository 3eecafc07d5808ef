"""Checking an answer: :func:`check` compares it with the exercise's reference solution
and prints ✓ (with an explanation) or ✗ (with a hint); :class:`Feedback` is the outcome.

Feedback speaks the notebook's language (``cx.viz.set_theme(lang="zh")`` → Chinese, or
``lang=`` explicitly). Answers are understood in either language: yes/no as 是/否 or
对/错, option letters as ``"b"``, ``"(B)"``, ``"选B"``, and each exercise's synonyms in
English and Chinese. A wrong number gets a hint about the usual slip when it looks like
one — a percent given for a proportion (or back), the sign turned round, a factor of
1,000 (units), or an answer rounded too coarsely — before the exercise's own hint.

Examples
--------
>>> from cxlab.exercises.feedback import check
>>> feedback = check("00.sum", 11, lang="en")  # doctest: +ELLIPSIS
✗ 00.sum: not quite. Your number is too low. Hint: Add the three numbers; ...
>>> feedback.correct
False
>>> _ = check("00.sum", -12, lang="zh")  # doctest: +ELLIPSIS
✗ 00.sum：还不对。符号反了：...
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from cxlab.exercises.registry import Exercise, exercise

__all__ = ["Feedback", "check", "forget_attempts", "self_assessment", "worked_solution"]

#: exercises answered (wrongly or rightly) in this session: their worked solutions may open
_TRIED: set[str] = set()

Lang = Literal["en", "zh"]

#: what check() prints, by language
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "pending": "⏳ {id}: not answered yet — replace None with your answer and run the cell "
        "again.",
        "right": "✓ {id}: correct.",
        "wrong": "✗ {id}: not quite.",
        "hint": "Hint: {hint}",
        "number": "Expected a single number, got {type} {answer!r}.",
        "word": "Expected a word or letter in quotes, got {type}.",
        "list": "Expected a list of words, e.g. ['a', 'b'].",
        "set": "{missing} missing and {extra} that do not belong.",
        "high": "Your number is too high.",
        "low": "Your number is too low.",
        "percent": "That looks like a percentage: the answer is a proportion between 0 and 1 "
        "(divide by 100).",
        "proportion": "That looks like a proportion: the answer is in percent (multiply by 100).",
        "sign": "The sign is turned round: check the direction (which is subtracted from which).",
        "units": "Off by a factor of {factor:,}: check the units (e.g. thousands or millions).",
        "rounding": "Close, but rounded too coarsely: give at least {decimals} decimals.",
        "crash": "Your answer could not be checked ({error}).",
        "worked": "Worked solution of {id}:",
        "try_first": "Try it first: the worked solution of {id} opens after your first answer.",
        "no_worked": "No worked solution has been written for {id} yet; the hint above shows "
        "the way.",
        "score": "Self-assessment: {right} of {total} right{pending}.",
        "score_pending": ", {n} not answered yet",
        "empty": "The self-assessment needs a dict of question ids and answers, e.g. "
        "{{'05.sa1': 'b'}}; got {type}.",
    },
    "zh": {
        "pending": "⏳ {id}：尚未作答——把 None 换成你的答案，再运行本单元格。",
        "right": "✓ {id}：正确。",
        "wrong": "✗ {id}：还不对。",
        "hint": "提示：{hint}",
        "number": "这里需要一个数字，收到的是 {type} {answer!r}。",
        "word": "这里需要加引号的词或选项字母，收到的是 {type}。",
        "list": "这里需要一个词的列表，例如 ['a', 'b']。",
        "set": "少了 {missing} 个，多了 {extra} 个不属于答案的。",
        "high": "你的数字偏大。",
        "low": "你的数字偏小。",
        "percent": "这像是百分数：答案是 0 到 1 之间的比例（除以 100）。",
        "proportion": "这像是比例：答案要用百分数表示（乘以 100）。",
        "sign": "符号反了：检查方向（谁减谁）。",
        "units": "差了 {factor:,} 倍：检查单位（例如千或百万）。",
        "rounding": "很接近，但舍入太粗：至少保留 {decimals} 位小数。",
        "crash": "无法检查你的答案（{error}）。",
        "worked": "{id} 的完整解答：",
        "try_first": "先试一试：作答一次之后，才能看到 {id} 的完整解答。",
        "no_worked": "{id} 的完整解答尚未写好；请参考上面的提示。",
        "score": "自测：{total} 题中答对 {right} 题{pending}。",
        "score_pending": "，{n} 题尚未作答",
        "empty": "自测需要一个由题号和答案组成的字典，例如 {{'05.sa1': 'b'}}；收到的是 {type}。",
    },
}

#: yes / no in both languages (and the usual ways to type them)
YES_NO = {
    "yes": "yes", "y": "yes", "true": "yes", "是": "yes", "是的": "yes", "对": "yes",
    "正确": "yes", "有": "yes", "会": "yes",
    "no": "no", "n": "no", "false": "no", "否": "no", "不是": "no", "不": "no", "错": "no",
    "不对": "no", "错误": "no", "没有": "no", "不会": "no",
}  # fmt: skip
#: "(b)", "b)", "b.", "选b", "选项b", "答案b", "option b" → "b" (after normalising)
_LETTER = re.compile(r"^(?:选项|选|答案|option|answer)?\s*\(?([a-h])\)?[.、]?$")
_PUNCT = str.maketrans({"。": "", "，": " ", "、": " ", "“": "", "”": "", "'": "", '"': ""})


@dataclass(frozen=True)
class Feedback:
    """The outcome of :func:`check`: ``correct`` is True, False, or None (unanswered)."""

    exercise_id: str
    correct: bool | None
    message: str

    def __bool__(self) -> bool:
        return bool(self.correct)

    def __repr__(self) -> str:
        return self.message

    def _ipython_display_(self) -> None:  # already printed by check(); show nothing twice
        return None


def _norm(text: Any) -> str:
    """Lower case, half-width (ＡＢ → ab, （） → ()), no Chinese full stops or quotes,
    hyphens and underscores as spaces, single spaces."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_PUNCT).strip().lower()
    return " ".join(text.replace("-", " ").replace("_", " ").split())


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, str):  # "0.35", "35 %", "１２"
        answer = _norm(answer).rstrip("%").replace(",", "").strip()
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _canon(ex: Exercise, word: Any) -> str:
    """The canonical form of a word answer: the exercise's synonyms (either language),
    then yes/no and option letters."""
    w = _norm(word)
    synonyms = {_norm(k): v for k, v in ex.synonyms.items()}
    w = _norm(synonyms.get(w, w))
    letter = _LETTER.match(w)
    if letter:
        return letter.group(1)
    return YES_NO.get(w, w)


def _close(ex: Exercise, value: float, target: float, scale: float = 1.0) -> bool:
    return math.isclose(value, target, rel_tol=ex.rel_tol, abs_tol=ex.tol * scale)


def _slip(ex: Exercise, value: float, reference: float, text: dict[str, str]) -> str:
    """The usual slip behind a wrong number, when it looks like one (else too high/low)."""
    if reference != 0:
        # a proportion lies in [0, 1] and a percentage in [0, 100]: no such hint otherwise
        if 0 < reference <= 1 and _close(ex, value, reference * 100, 100):
            return text["percent"]
        if 1 < reference <= 100 and _close(ex, value, reference / 100, 0.01):
            return text["proportion"]
        if _close(ex, value, -reference):
            return text["sign"]
        for factor in (1_000, 1_000_000):
            if _close(ex, value, reference * factor, factor) or _close(
                ex, value, reference / factor, 1 / factor
            ):
                return text["units"].format(factor=factor)
    if ex.tol > 0:  # the reference rounded to fewer decimals than the tolerance needs
        decimals = max(0, math.ceil(-math.log10(ex.tol)))
        if any(math.isclose(value, round(reference, d), abs_tol=1e-9) for d in range(decimals)):
            return text["rounding"].format(decimals=decimals)
    return text["high"] if value > reference else text["low"]


def _compare(ex: Exercise, answer: Any, reference: Any, text: dict[str, str]) -> tuple[bool, str]:
    """Return (correct, extra hint)."""
    if ex.kind == "number":
        value = _as_number(answer)
        if value is None:
            return False, text["number"].format(type=type(answer).__name__, answer=answer)
        if _close(ex, value, float(reference)):
            return True, ""
        return False, _slip(ex, value, float(reference), text)
    if ex.kind in ("choice", "text"):
        if isinstance(answer, bool):  # True / False (e.g. a comparison) answer yes / no
            answer = "yes" if answer else "no"
        if not isinstance(answer, str | int):
            return False, text["word"].format(type=type(answer).__name__)
        return _canon(ex, answer) == _canon(ex, reference), ""
    if ex.kind == "set":
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return False, text["list"]
        given = {_canon(ex, a) for a in answer}
        wanted = {_canon(ex, r) for r in reference}
        if given == wanted:
            return True, ""
        return False, text["set"].format(missing=len(wanted - given), extra=len(given - wanted))
    if ex.checker is None:
        raise ValueError(f"exercise {ex.id} of kind 'custom' needs a checker")
    try:
        return bool(ex.checker(answer, reference)), ""
    except Exception as exc:  # a participant's odd answer must never crash the lesson
        return False, text["crash"].format(error=f"{type(exc).__name__}: {exc}")


class Results(list):
    """The feedback of a self-assessment, one :class:`Feedback` per question (already
    printed by :func:`self_assessment`: a notebook shows nothing twice)."""

    def _ipython_display_(self) -> None:
        return None


def self_assessment(answers: dict[str, Any], *, lang: Lang | None = None) -> Results:
    """Check a lesson's self-assessment at once: one :func:`check` per question (in the
    order given), then the score. Unanswered questions (``None``) count as not answered
    yet, never as wrong, so a participant's untouched notebook runs through.

    Parameters
    ----------
    answers : dict
        Question id → answer, e.g. ``{"05.sa1": "b", "05.sa2": None}``.
    lang : {"en", "zh"}, optional
        Default: the notebook's language.

    Examples
    --------
    >>> from cxlab.exercises import self_assessment
    >>> _ = self_assessment({"00.sum": 12, "00.rows": None}, lang="en")  # doctest: +ELLIPSIS
    ✓ 00.sum: correct. 3 + 4 + 5 = 12.
    ⏳ 00.rows: not answered yet — ...
    Self-assessment: 1 of 2 right, 1 not answered yet.
    """
    from cxlab.errors import ExerciseError
    from cxlab.viz import language

    lang = lang or language()
    text = TEXT[lang]
    if not isinstance(answers, dict) or not answers:
        raise ExerciseError(text["empty"].format(type=type(answers).__name__))
    results = Results(check(qid, answer, lang=lang) for qid, answer in answers.items())
    pending = sum(r.correct is None for r in results)
    right = sum(r.correct is True for r in results)
    note = text["score_pending"].format(n=pending) if pending else ""
    print(text["score"].format(right=right, total=len(results), pending=note))
    return results


def forget_attempts() -> None:
    """Forget which exercises were answered in this session, so every worked solution is
    closed again until the next answer (e.g. before an instructor's demonstration).

    Examples
    --------
    >>> from cxlab.exercises import check, forget_attempts
    >>> _ = check("00.sum", 12, lang="en")
    ✓ 00.sum: correct. 3 + 4 + 5 = 12.
    >>> forget_attempts()
    >>> _ = check("00.sum", None, lang="en", show_solution=True)  # doctest: +ELLIPSIS
    ⏳ 00.sum: not answered yet — ...
    Try it first: the worked solution of 00.sum opens after your first answer.
    """
    _TRIED.clear()


def worked_solution(exercise_id: str, lang: Lang | None = None) -> str:
    """The worked solution of an exercise in *lang* (default: the notebook's language),
    falling back to the other language, "" when none has been written. For instructors'
    keys; participants open it with ``cx.check(..., show_solution=True)`` after trying.

    Examples
    --------
    >>> print(worked_solution("00.sum", lang="en"))
    Add the three numbers in a code cell: `3 + 4 + 5` gives 12.
    """
    from cxlab.viz import language

    ex = exercise(exercise_id)
    first, second = (
        (ex.worked_zh, ex.worked) if (lang or language()) == "zh" else (ex.worked, ex.worked_zh)
    )
    return first or second


def check(
    exercise_id: str,
    answer: Any,
    *,
    lang: Lang | None = None,
    show_solution: bool = False,
) -> Feedback:
    """Check *answer* to exercise *exercise_id*, print feedback, return a Feedback.

    Never raises for a wrong or missing answer; raises :class:`~cxlab.errors.ExerciseError`
    only for an unknown exercise id.

    Parameters
    ----------
    exercise_id : str
        ``"<lesson>.<name>"`` as the lesson's cell gives it.
    answer : Any
        A number, a word or option letter (English or Chinese), or a list of words.
    lang : {"en", "zh"}, optional
        The language of the feedback; default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).
    show_solution : bool
        Also print the worked solution — once this exercise has been answered in this
        session (right or wrong): try first, then look.

    Examples
    --------
    >>> import cxlab as cx
    >>> _ = cx.check("00.sum", 12, lang="zh")
    ✓ 00.sum：正确。3 + 4 + 5 = 12。
    >>> cx.exercises.forget_attempts()  # a fresh session
    >>> _ = cx.check("00.rows", None, lang="en", show_solution=True)  # not yet: try first
    ⏳ 00.rows: not answered yet — replace None with your answer and run the cell again.
    Try it first: the worked solution of 00.rows opens after your first answer.
    >>> _ = cx.check("00.sum", 13, lang="en", show_solution=True)  # doctest: +ELLIPSIS
    ✗ 00.sum: not quite. Your number is too high. Hint: ...
    Worked solution of 00.sum:
    Add the three numbers in a code cell: `3 + 4 + 5` gives 12.
    >>> bool(cx.check("06.exp_sat", "是", lang="en"))  # 是 = yes  # doctest: +ELLIPSIS
    ✓ 06.exp_sat: correct. Yes: ...
    True
    """
    from cxlab.viz import language

    lang = lang or language()
    if lang not in TEXT:
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    text = TEXT[lang]
    ex = exercise(exercise_id)
    zh = lang == "zh"
    hint = (ex.hint_zh if zh else "") or ex.hint
    explanation = (ex.explanation_zh if zh else "") or ex.explanation
    if answer is None:
        msg = text["pending"].format(id=ex.id)
        correct: bool | None = None
    else:
        correct, extra = _compare(ex, answer, ex._reference(), text)
        if correct:
            msg = text["right"].format(id=ex.id) + (
                ("" if zh else " ") + explanation if explanation else ""
            )
        else:
            parts = [text["wrong"].format(id=ex.id), extra]
            parts.append(text["hint"].format(hint=hint) if hint else "")
            msg = ("" if zh else " ").join(p for p in parts if p)
    if correct is not None:
        _TRIED.add(ex.id)
    if show_solution:
        if ex.id not in _TRIED:
            msg += "\n" + text["try_first"].format(id=ex.id)
        else:
            worked = worked_solution(ex.id, lang)
            msg += "\n" + (
                text["worked"].format(id=ex.id) + "\n" + worked
                if worked
                else text["no_worked"].format(id=ex.id)
            )
    print(msg)
    return Feedback(ex.id, correct, msg)
