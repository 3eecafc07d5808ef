"""Privacy and safe export for survey data: salted hashes of identifiers, redaction of
e-mails and phone numbers in free text, and escaping of spreadsheet formulas.

Hashing is SHA-256 over ``salt + value`` (hex, first 16 characters): the same salt
links records across files, a different salt does not, and without the salt the
values cannot be looked up in a table of known e-mails or phone numbers. This is
pseudonymisation in the GDPR / PIPL sense, not anonymisation: keep the salt secret.

Formula escaping follows OWASP's advice on CSV injection: a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'``.

Examples
--------
>>> import pandas as pd
>>> from cxlab.privacy import escape_formulas, hash_values, redact
>>> escape_formulas(pd.DataFrame({"c": ["=HYPERLINK(\\"http://x\\")", "ok", -3]}))["c"].tolist()
['\\'=HYPERLINK("http://x")', 'ok', -3]
>>> hashed = hash_values(pd.Series(["a@b.cn", "a@b.cn", None]), "pepper-2026")
>>> bool(hashed.iloc[0] == hashed.iloc[1]), len(hashed.iloc[0]), bool(pd.isna(hashed.iloc[2]))
(True, 16, True)
>>> redact(pd.Series(["call me on 13812345678 or mail li@163.com"])).iloc[0]
'call me on [phone] or mail [email]'
>>> redact(pd.Series(["电话 +86 138 1234 5678，或 (+86)138-1234-5678"])).iloc[0]
'电话 [phone]，或 [phone]'
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

__all__ = ["escape_formulas", "hash_values", "identifying_columns", "redact"]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers: an optional country code (+86, 0086, (+86)), then a Chinese mobile number
# 13812345678 / 138-1234-5678 / 138 1234 5678, or a 3-3-4 number like (555) 123-4567.
# Every quantifier is bounded and nothing repeated is nested: matching stays linear.
PHONE = re.compile(
    r"(?<![\d+])(?:\(\+?\d{1,3}\)[\s-]?|(?:\+|00)?\d{1,3}[\s-]?)?"
    r"(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{4})(?!\d)"
)
IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?:\s*\(.*\))?$")
# hints in a column's name or question text (word-bounded for English)
_HINT = re.compile(
    r"(?<![a-z])(e-?mail|phone|mobile|tel|telephone|ip ?address"
    r"|recipient ?(?:first|last) ?name)(?![a-z])"
    r"|手机|电话|邮箱|姓名|微信|来自ip|ip地址",
    re.IGNORECASE,
)
# column names that are names of people
_NAME_COLUMN = re.compile(r"^(?:(?:first|last|full|sur|given)[ _]?)?name$", re.IGNORECASE)
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# a whole cell that is a plain number ("-5", "+3.5", "-1e3") is read as a number by a
# spreadsheet, never run as a formula: it is exported as written
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _is_text(values: pd.Series) -> bool:
    return values.dtype == object or pd.api.types.is_string_dtype(values)


def hash_values(values: pd.Series, salt: str) -> pd.Series:
    """Salted SHA-256 (16 hex characters) of each non-missing value; missing stays missing.

    Examples
    --------
    >>> phones = pd.Series(["13812345678", " 13812345678", None])
    >>> hashed = hash_values(phones, salt="keep-me-secret")  # same value, same hash
    >>> hashed.tolist()
    ['9a5550041d88ec3b', '9a5550041d88ec3b', nan]
    """

    def one(v: object) -> object:
        if pd.isna(v):
            return v
        text = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
        return hashlib.sha256((salt + text).encode("utf-8")).hexdigest()[:16]

    return values.map(one).astype(object)


def identifying_columns(
    data: pd.DataFrame, id_column: str | None = None, labels: dict[str, str] | None = None
) -> list[str]:
    """Columns that identify people: the id column, columns whose name or label (question
    text) hints at contact details, and columns whose values are mostly e-mails, phone
    numbers or IP addresses.

    Examples
    --------
    >>> df = pd.DataFrame({"序号": [1], "手机号码": ["13812345678"], "q1": [5],
    ...                    "contact": ["a@b.com"]})
    >>> identifying_columns(df, "序号")
    ['序号', '手机号码', 'contact']
    """
    found = [id_column] if id_column else []
    for col in data.columns:
        if col in found:
            continue
        texts = [str(col).replace("_", " "), str((labels or {}).get(col) or "")]
        if _NAME_COLUMN.match(str(col)) or any(_HINT.search(t) for t in texts):
            found.append(col)
            continue
        values = data[col].dropna().astype(str).str.strip()
        if len(values):
            looks = values.str.fullmatch(EMAIL.pattern) | values.str.fullmatch(PHONE.pattern)
            looks |= values.str.match(IPV4.pattern)
            if looks.mean() > 0.5:
                found.append(col)
    return found


def redact(values: pd.Series) -> pd.Series:
    """Replace e-mail addresses and phone numbers inside text by ``[email]`` / ``[phone]``.

    Examples
    --------
    >>> redact(pd.Series(["房间很好，有问题请打 138-1234-5678 或写 wang@hotel.cn", 5])).tolist()
    ['房间很好，有问题请打 [phone] 或写 [email]', 5]
    """

    def one(v: object) -> object:
        if not isinstance(v, str):
            return v
        return PHONE.sub("[phone]", EMAIL.sub("[email]", v))

    return values.map(one)


def escape_formulas(data: pd.DataFrame) -> pd.DataFrame:
    """A copy in which text cells a spreadsheet would run as formulas start with ``'``.

    Numbers are left alone (a negative number is a number, not a formula), also when
    they stand as text in a text column (``"-5"``); column names are escaped too.

    Examples
    --------
    >>> import pandas as pd
    >>> escape_formulas(pd.DataFrame({"t": ["=1+1", "-5", "-2+3", "ok"]}))["t"].tolist()
    ["'=1+1", '-5', "'-2+3", 'ok']
    """
    out = data.copy()

    def one(v: object) -> object:
        if isinstance(v, str) and v.startswith(_TRIGGERS) and not _NUMBER.fullmatch(v):
            return "'" + v
        return v

    for col in out.columns:
        if _is_text(out[col]):
            out[col] = out[col].map(one)
    out.columns = [one(c) for c in out.columns]
    return out
