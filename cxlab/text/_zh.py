"""Chinese text for :mod:`cxlab.text`: jieba loaded offline, quietly and cached, and a
lexicon sentiment scorer with negation, degree adverbs and contrast.

jieba
-----
- Never paddle mode (``enable_paddle()`` pip-installs a deep-learning framework); the
  default dictionary and HMM ship inside the jieba wheel, so nothing is downloaded.
- jieba builds a prefix dictionary on first use (≈ 0.6 s) and caches it as
  ``jieba.cache``. cxlab uses its own ``jieba.Tokenizer`` (the global ``jieba.dt`` is
  left alone) whose ``tmp_dir`` is the user's cache folder (:func:`cache_dir`), so the
  file lands there and not in the temp folder.
- jieba logs "Building prefix dict …" to stderr at DEBUG level; its logger is set to
  WARNING. Importing jieba with an old setuptools warns about ``pkg_resources``; that
  warning is silenced during the import.
- At load the tokenizer learns cxlab's CX words (服务态度, 前台, 性价比, 入住 …) and the
  sentiment lexicon's words, so that they come out as one token.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

from cxlab.text import _lexicon as lx

__all__ = ["LEXICON", "cache_dir", "clause_scores", "lookup", "normalize", "tokenizer"]

ALPHA = 15.0  # VADER's normalisation constant: compound = s / sqrt(s² + 15)
BUT_BEFORE, BUT_AFTER = 0.5, 1.5  # VADER's contrast weights
EXCLAIM = 0.292  # VADER's amplification per exclamation mark (at most 4)
SCALAR_VALENCE = -1.5  # a neutral scalar adjective after 太 / 有点 …


def _lexicon() -> dict[str, float]:
    table: dict[str, float] = {}
    for valence, block in lx.LEXICON_ZH.items():
        for word in block.split():
            if word in table and table[word] != valence:
                raise ValueError(f"lexicon word {word!r} has valences {table[word]} and {valence}")
            table[word] = float(valence)
    return table


#: the Chinese sentiment lexicon: word -> valence (−3 … 3)
LEXICON: dict[str, float] = _lexicon()
EMOJI = {k.replace("\ufe0f", ""): v for k, v in lx.EMOJI.items()}
_MODIFIERS = {**lx.DEGREE_ZH, **lx.NEGATORS_ZH}
_PREFIXES = sorted(_MODIFIERS, key=len, reverse=True)
_TRAILING = "了的啊呀啦吧哦呢嘛哈"
_CLAUSE = re.compile(r"[，,。.！!？?；;：:、…~～\n\r]+")
_SENTENCE_END = re.compile(r"[。.！!？?\n]")

_TOKENIZER: Any = None


def cache_dir() -> Path:
    """The user's cache folder for cxlab (jieba's dictionary cache lives there).

    ``$CXLAB_CACHE_DIR`` if set, else the platform's user cache folder
    (``~/.cache/cxlab`` on Linux, via ``platformdirs``); a temporary folder only when
    neither can be written.
    """
    env = os.environ.get("CXLAB_CACHE_DIR")
    if env:
        path = Path(env).expanduser()
    else:
        try:
            import platformdirs

            path = Path(platformdirs.user_cache_dir("cxlab", appauthor=False))
        except ImportError:  # pragma: no cover - platformdirs comes with Jupyter
            base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
            path = Path(base) / "cxlab"
    try:
        path.mkdir(parents=True, exist_ok=True)
        if os.access(path, os.W_OK):
            return path
    except OSError:
        pass
    path = (
        Path(tempfile.gettempdir()) / f"cxlab-cache-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def tokenizer() -> Any:
    """cxlab's jieba tokenizer (created, and its dictionary cached, on first use)."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pkg_resources deprecation, invalid escapes
            import jieba
        logging.getLogger("jieba").setLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.tmp_dir = str(cache_dir())
        tk.initialize()
        for word in lx.CX_WORDS_ZH.split():
            if not tk.FREQ.get(word):
                tk.add_word(word)
        # sentiment words, negators and connectors must come out whole (再来, not 再 + 来)
        # (but not 性价比高: the aspect 性价比 stays a word of its own, and the scorer
        # reads 性价比 + 高 as the lexicon's two-word entry)
        cx_words = set(lx.CX_WORDS_ZH.split())
        for word in dict.fromkeys([*LEXICON, *lx.NEGATORS_ZH, *lx.CONTRAST_ZH]):
            if len(word) > 1 and not any(word.startswith(w) for w in cx_words):
                tk.suggest_freq(word, tune=True)
        _TOKENIZER = tk
    return _TOKENIZER


@functools.lru_cache(maxsize=65536)
def lookup(token: str) -> float | None:
    """Valence of one token: the lexicon, else its parts (太贵 = 太 + 贵, 态度恶劣 → 恶劣).

    Returns ``None`` for a token without sentiment.
    """
    if token in LEXICON:
        return LEXICON[token]
    for prefix in _PREFIXES:  # modifier + word written as one token
        if token.startswith(prefix) and len(token) > len(prefix):
            rest = token[len(prefix) :]
            value = lookup(rest)
            if value is None and prefix in lx.EXCESS_ZH and rest in lx.SCALAR_ZH:
                value = SCALAR_VALENCE
            if value is not None:
                return value * _MODIFIERS[prefix]
    stripped = token.rstrip(_TRAILING)
    if stripped and stripped != token:
        return lookup(stripped)
    if len(token) >= 3:  # a compound ending or starting with a sentiment word:
        for k in range(1, len(token) - 1):  # 态度恶劣, 服务周到; 再也不会
            if token[k:] in LEXICON:
                return LEXICON[token[k:]]
        for k in range(len(token) - 1, 1, -1):
            if token[:k] in LEXICON:
                return LEXICON[token[:k]]
    return None


def _core(token: str) -> tuple[str, float]:
    """A token without its leading modifiers (挺高 → 高, × 1.3)."""
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) > len(prefix):
            core, factor = _core(token[len(prefix) :])
            return core, factor * _MODIFIERS[prefix]
    return token, 1.0


def _is_modifier(token: str) -> bool:
    return token in _MODIFIERS or token in lx.EXCESS_ZH


def _clause_valence(tokens: list[str]) -> tuple[float, list[tuple[str, float]]]:
    """Sum of the valences in one clause, after negation and degree adverbs."""
    total, hits, used = 0.0, [], -1
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if i == 0 and tok in lx.CONTRAST_ZH:
            continue
        nxt = tokens[i + 1] if i + 1 < n else ""
        if _is_modifier(tok) and nxt and (lookup(nxt) is not None or nxt in lx.SCALAR_ZH):
            continue  # 好 in 好舒服, 偏 in 偏软: a modifier here, not a word of its own
        value = lookup(tok)
        first = i
        if value is None:  # a two-word entry split by jieba: 性价比 + (挺)高
            core, f = _core(tok)
            j = i - 1
            while j > used and j >= i - 3 and _is_modifier(tokens[j]):
                j -= 1
            if j > used and tokens[j] + core in LEXICON:
                value, first = LEXICON[tokens[j] + core] * f, j
        if value is None and tok in lx.SCALAR_ZH:
            prev = tokens[i - 1] if i > 0 else ""
            if prev in lx.EXCESS_ZH:
                value = SCALAR_VALENCE
        if value is None:
            continue
        factor, start = 1.0, first
        inside = range(i - 1, first, -1)  # modifiers inside a two-word entry: 性价比挺高
        for j in [*inside, *range(first - 1, max(used, first - 4), -1)]:
            prev = tokens[j]
            if prev in lx.NEGATORS_ZH:
                factor *= lx.NEGATORS_ZH[prev]
            elif prev in lx.DEGREE_ZH:
                factor *= lx.DEGREE_ZH[prev]
            else:
                continue
            start = min(start, j)
        span = "".join(tokens[start : i + 1])
        value *= factor
        used = i
        total += value
        hits.append((span, round(value, 2)))
    return total, hits


def clause_scores(text: str) -> list[tuple[str, float, list[tuple[str, float]]]]:
    """Each clause of *text* with its raw valence (contrast-weighted) and its hits."""
    tk = tokenizer()
    out: list[tuple[str, float, list[tuple[str, float]]]] = []
    sentence_has_contrast = False
    pos = 0
    for piece in _CLAUSE.finditer(text + "\n"):
        clause = text[pos : piece.start()].strip()
        new_sentence = bool(_SENTENCE_END.search(piece.group()))
        pos = piece.end()
        if clause:
            tokens = [t for t in tk.lcut(clause) if t.strip()]
            value, hits = _clause_valence(tokens)
            contrast = bool(tokens) and tokens[0] in lx.CONTRAST_ZH
            if contrast and not sentence_has_contrast:
                # VADER's "but" rule, sentence by sentence
                start = _sentence_start(out)
                for k in range(start, len(out)):
                    c, v, h = out[k]
                    out[k] = (c, v * BUT_BEFORE, h)
                sentence_has_contrast = True
            if sentence_has_contrast:
                value *= BUT_AFTER
            out.append((clause, value, hits))
        if new_sentence:
            out.append(("", 0.0, []))  # sentence boundary marker
            sentence_has_contrast = False
    return [c for c in out if c[0]]


def _sentence_start(out: list[tuple[str, float, list[tuple[str, float]]]]) -> int:
    for k in range(len(out) - 1, -1, -1):
        if not out[k][0]:
            return k + 1
    return 0


def normalize(score: float) -> float:
    """VADER's normalisation of a raw sum of valences to −1 … 1."""
    return score / (score * score + ALPHA) ** 0.5


def score(text: str) -> tuple[float, list[tuple[str, float]]]:
    """Compound score (−1 … 1) of a Chinese text, and the words that made it."""
    clauses = clause_scores(text)
    total = sum(v for _, v, _ in clauses)
    hits = [h for _, _, hs in clauses for h in hs]
    plain = text.replace("\ufe0f", "")
    for emoji, value in EMOJI.items():
        count = plain.count(emoji)
        if count:
            total += value * count
            hits.append((emoji, value * count))
    if total:
        bangs = min(text.count("!") + text.count("！"), 4)
        total += EXCLAIM * bangs * (1 if total > 0 else -1)
    return normalize(total), hits
