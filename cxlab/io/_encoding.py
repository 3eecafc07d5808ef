"""Encoding detection for survey exports and codebooks (private helper of :mod:`cxlab.io`).

The bytes are streamed in blocks, never held whole: a byte-order mark or a UTF-16 pattern
of NUL bytes in the first block decides UTF-8-with-BOM / UTF-16; otherwise every line is
checked as UTF-8 and, when that fails, as GB18030 (a superset of GBK / GB2312). A file
whose lines are partly UTF-8 and partly GBK, or that holds control characters (NUL …)
after decoding, is refused: decoding it would give mojibake without any error.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from cxlab.errors import DataError

BLOCK_BYTES = 4 * 2**20  # bytes checked at a time (the first block is the leading sample)
_SAVE_AS_UTF8 = (
    "Open it in a text editor (or Excel) and save it again as UTF-8 ('CSV UTF-8'), or pass "
    "encoding='…' if you know the encoding."
)
# C0 controls other than \t \n \r, and DEL: never in survey text. In UTF-8 and GB18030 these
# bytes never occur inside a multi-byte character, so they can be searched in the raw bytes.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Chinese text as UTF-8 decodes to these ranges; GBK bytes that happen to be valid UTF-8
# mostly decode to U+0080–U+07FF (Latin, Greek, Cyrillic …) instead.
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_TWO_BYTE = re.compile(r"[\u0080-\u07ff]")
_LF_LE, _LF_BE = re.compile(b"\n\x00"), re.compile(b"\x00\n")


def open_binary(path: Path) -> BinaryIO:
    """*path* opened for reading bytes; an unreadable file gets a DataError saying why."""
    try:
        return path.open("rb")
    except PermissionError as exc:
        raise DataError(
            f"{path} cannot be opened: permission denied. Give yourself read permission "
            "(e.g. chmod u+r) or copy the file somewhere you can read it, then try again."
        ) from exc
    except OSError as exc:
        raise DataError(
            f"{path} cannot be opened ({exc.strerror or exc}). Check that the file exists, is "
            "not locked by another program, and try again."
        ) from exc


def file_blocks(path: Path, size: int | None = None) -> Iterator[bytes]:
    """The bytes of *path* in blocks of *size* (default :data:`BLOCK_BYTES`)."""
    with open_binary(path) as handle:
        while True:
            try:
                block = handle.read(size or BLOCK_BYTES)
            except OSError as exc:
                raise DataError(f"{path} could not be read to the end ({exc}).") from exc
            if not block:
                return
            yield block


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes cluster at odd / even positions."""
    data = sample[: 2**16]
    if len(data) < 8:
        return None
    even, odd = data[0::2].count(0) / len(data[0::2]), data[1::2].count(0) / len(data[1::2])
    # a line break is one aligned code unit: 0A 00 at an even offset (LE), 00 0A (BE)
    if odd > 0.1 and odd > 4 * even and any(m.start() % 2 == 0 for m in _LF_LE.finditer(data)):
        return "utf-16-le"  # ASCII 'a' is 61 00
    if even > 0.1 and even > 4 * odd and any(m.start() % 2 == 0 for m in _LF_BE.finditer(data)):
        return "utf-16-be"
    return None


def _control_error(path: Any, line: int, char: str, encoding: str) -> DataError:
    what = (
        "a NUL byte: the file is binary (not a CSV) or UTF-16/32 text without a byte-order mark"
        if char == "\x00"
        else f"the control character {char!r}, which survey text never holds"
    )
    return DataError(
        f"{path} line {line} contains {what} (read as {encoding}). If it is a spreadsheet, "
        f"save it as .xlsx or CSV. {_SAVE_AS_UTF8}"
    )


def _check_codec(blocks: Iterable[bytes], path: Any, encoding: str, explicit: bool) -> None:
    """Decode the stream as *encoding*; a failure or a control character is a DataError."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError as exc:
        raise DataError(
            f"{path} cannot be read as {encoding}: Python knows no such encoding. Leave "
            "encoding out to let cxlab detect it, or use e.g. 'utf-8', 'gb18030', 'utf-16'."
        ) from exc
    lines = 0
    for block in chain(blocks, [None]):
        try:
            text = decoder.decode(block or b"", final=block is None)
        except UnicodeDecodeError as exc:
            start = max(exc.start, 0)
            line = lines + (block or b"")[:start].decode(encoding, "replace").count("\n") + 1
            hint = (
                "Leave encoding out to let cxlab detect it, or save the file as UTF-8."
                if explicit
                else _SAVE_AS_UTF8
            )
            raise DataError(
                f"{path} cannot be read as {encoding} (line {line}: {exc.reason}). {hint}"
            ) from exc
        bad = _CONTROL_TEXT.search(text)
        if bad:
            line = lines + text.count("\n", 0, bad.start()) + 1
            raise _control_error(path, line, bad.group(), encoding)
        lines += text.count("\n")


class _Scan:
    """Line-by-line UTF-8 / GB18030 evidence over a stream of byte blocks."""

    def __init__(self) -> None:
        self.lines = 0  # lines before the current chunk
        self.utf8: int | None = None  # first line of Chinese text in UTF-8
        self.gbk: int | None = None  # first line that only GB18030 decodes
        self.bad: tuple[int, bytes] | None = None  # first line neither decodes
        self.control: tuple[int, bytes] | None = None

    def chunk(self, data: bytes) -> None:
        if self.control is None:
            hit = _CONTROL_BYTES.search(data)
            if hit:
                self.control = (self.lines + data.count(b"\n", 0, hit.start()) + 1, hit.group())
        if not data.isascii():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                self._by_line(data)
            else:
                if self.utf8 is None:
                    self._by_line(data, text)
        self.lines += data.count(b"\n")

    def _by_line(self, data: bytes, text: str | None = None) -> None:
        if text is not None:  # the whole chunk is UTF-8: find its first Chinese line
            for number, line in enumerate(text.split("\n"), start=self.lines + 1):
                if _CJK.search(line) and not _TWO_BYTE.search(line):
                    self.utf8 = number
                    return
            return
        for number, raw in enumerate(data.split(b"\n"), start=self.lines + 1):
            if raw.isascii():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    raw.decode("gb18030")
                except UnicodeDecodeError as exc:
                    if self.bad is None:
                        self.bad = (number, raw[exc.start : exc.start + 1])
                else:
                    if self.gbk is None:
                        self.gbk = number
            else:
                if self.utf8 is None and _CJK.search(line) and not _TWO_BYTE.search(line):
                    self.utf8 = number


def detect_encoding(
    blocks: Iterable[bytes], path: Any = "<bytes>", encoding: str | None = None
) -> str:
    """The encoding of a stream of byte blocks (see the module docstring); DataError when none
    decodes it safely. *encoding*, when given, is checked instead of detected."""
    stream = iter(blocks)
    first = next(stream, b"")
    # a sample of at least 64 KiB for the byte-order-mark / UTF-16 checks
    while len(first) < 2**16:
        more = next(stream, None)
        if more is None:
            break
        first += more
    blocks = chain([first], stream)
    if encoding is not None:
        _check_codec(blocks, path, encoding, explicit=True)
        return encoding
    if first.startswith(codecs.BOM_UTF8):
        found: str | None = "utf-8-sig"
    elif first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        found = "utf-16"
    else:
        found = _utf16_without_bom(first)
    if found is not None:
        _check_codec(blocks, path, found, explicit=False)
        return found
    scan = _Scan()
    pending = b""
    for block in blocks:
        data = pending + block
        cut = data.rfind(b"\n") + 1
        pending = data[cut:]
        if cut:
            scan.chunk(data[:cut])
        if scan.bad or (scan.utf8 and scan.gbk):
            break
    else:
        if pending:
            scan.chunk(pending)
    if scan.bad is not None:
        line, byte = scan.bad
        raise DataError(
            f"{path} is not text in any encoding cxlab tried (UTF-8 with or without BOM, UTF-16 "
            f"with BOM, GB18030/GBK) — line {line}: byte {byte!r} fits none of them (UTF-8, "
            "GB18030). If it is a spreadsheet, save it as .xlsx or 'CSV UTF-8'; if you know its "
            "encoding, pass encoding='…'."
        )
    if scan.utf8 is not None and scan.gbk is not None:
        first_line, later = sorted([(scan.utf8, "UTF-8"), (scan.gbk, "GBK/GB18030")])
        raise DataError(
            f"{path} mixes two encodings: line {first_line[0]} is {first_line[1]} but line "
            f"{later[0]} is {later[1]} (parts were probably saved by different programs), so "
            f"either reading would garble some lines. {_SAVE_AS_UTF8}"
        )
    found = "gb18030" if scan.gbk is not None else "utf-8"
    if scan.control is not None:
        line, byte = scan.control
        raise _control_error(path, line, byte.decode("latin-1"), found)
    return found


def decode(
    raw: bytes, path: str | Path = "<bytes>", encoding: str | None = None
) -> tuple[str, str]:
    """(text, encoding) of bytes held in memory, detected as by :func:`detect_encoding`."""
    found = detect_encoding([raw], path, encoding)
    return raw.decode(found), found
