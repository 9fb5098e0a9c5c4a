"""Convert legacy Lao font text to Unicode and back.

:func:`to_unicode` reads each legacy code through its encoding's table (one ``str.translate``
pass), then puts what the glyph-by-glyph typing left out of Unicode order right: ໍ + າ becomes ຳ,
a tone mark typed before its vowel moves after it, ເເ becomes ແ, repeated marks go, and NFC holds.
The typist's spellings (ຫນ or ໜ) are kept. :func:`to_unicode_and_explain` says what it did, and
:func:`from_unicode` goes back to the legacy codes.

>>> to_unicode(b"\\xea\\x86\\xad\\xd5")
'ທີ່ນ້ຳ'
>>> to_unicode("Á»ÈÀê\\xad¾¡Ä©ª")
'ແຮ່ເທນາກໄດຕ'
>>> from_unicode("ທີ່ນ້ຳ", "lswin")
'ê†\\xadÕ'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from laotext import chars
from laotext.errors import LegacyDecodeError, LegacyEncodeError, UnknownOptionError
from laotext.legacy.detect import (
    LAO_THRESHOLD,
    NOT_LAO,
    UNICODE,
    Detection,
    detect_encoding,
    lao_score,
    text_of,
)
from laotext.legacy.registry import get_encoding, resolve_table
from laotext.legacy.tables import CP1252_HIGH, REPLACEMENT, SYMBOL_BASE, LegacyTable
from laotext.normalize import Change, Normalized, normalize, normalize_and_explain

__all__ = [
    "Conversion",
    "UnknownCode",
    "decode_bytes",
    "encode_bytes",
    "from_unicode",
    "needs_conversion",
    "reads_as_lao",
    "to_unicode",
    "to_unicode_and_explain",
]

LegacyInput = str | bytes | bytearray | memoryview
TableArgument = LegacyTable | str | Path | None


def _in_order(text: str) -> str:
    """The normalization conversion applies: Unicode order and ຳ, not the typist's spellings."""
    return normalize(
        text, thai_lookalikes=False, zero_width=False, ho_ligatures=False, ho_lo=False, misplaced_tones=False
    )


def _in_order_explained(text: str) -> Normalized:
    return normalize_and_explain(
        text, thai_lookalikes=False, zero_width=False, ho_ligatures=False, ho_lo=False, misplaced_tones=False
    )


_DECODE_ERRORS = ("replace", "strict", "ignore")
_ENCODE_ERRORS = ("strict", "replace", "ignore")
_FORMS = ("cp1252", "symbol")


@dataclass(frozen=True)
class UnknownCode:
    """A legacy code whose character is not known: ``original[start:end]`` held legacy code ``code``."""

    start: int
    end: int
    code: int

    @property
    def description(self) -> str:
        """The finding in words, for reports."""
        return f"legacy code 0x{self.code:02X} at position {self.start} has no known character"


@dataclass(frozen=True)
class Conversion:
    """The result of :func:`to_unicode_and_explain`.

    ``encoding`` is the table used (:data:`~laotext.legacy.detect.UNICODE` or
    :data:`~laotext.legacy.detect.NOT_LAO` when the text was left as it was), ``detection`` what
    automatic detection found (None when the encoding was given). ``decoded`` is the text straight
    from the table; ``changes`` (offsets into ``decoded``) put it in Unicode order and give
    ``text``. ``unknown`` lists codes without a known character (offsets into the input), and
    ``kept`` the lines of the input left as they were (Unicode already, or not reading as Lao).
    """

    text: str
    encoding: str
    detection: Detection | None
    decoded: str
    changes: tuple[Change, ...]
    unknown: tuple[UnknownCode, ...]
    kept: tuple[tuple[int, int], ...] = ()

    @property
    def converted(self) -> bool:
        """Whether anything was read through a legacy table."""
        return self.encoding not in (UNICODE, NOT_LAO)

    @property
    def steps(self) -> tuple[str, ...]:
        """What was done, in words, in order (for audits and reports)."""
        if not self.converted:
            reason = self.detection.evidence if self.detection else ""
            return (f"left as it is: {reason}" if reason else "left as it is",)
        how = (
            f"detected {self.encoding}: {self.detection.evidence}"
            if self.detection
            else f"read as {self.encoding}"
        )
        steps = [how]
        steps += [
            f"left the line at {start} ({end - start} characters) as it was: Unicode already or not Lao"
            for start, end in self.kept
        ]
        steps += [unknown.description + ", written as U+FFFD" for unknown in self.unknown]
        steps += [
            f"{change.description} at {change.start}: {change.before!r} → {change.after!r}"
            for change in self.changes
        ]
        return tuple(steps)


def _as_legacy_text(data: LegacyInput, function: str) -> tuple[str, bool]:
    """The legacy characters of *data*, and whether *data* was bytes already in Unicode (UTF-8 Lao)."""
    if isinstance(data, str):
        return data, False
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if not raw.isascii():
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                pass
            else:
                if any(chars.is_lao(char) for char in text):
                    return text, True
        return raw.decode("latin-1"), False
    raise TypeError(f"{function}() expects str or bytes, not {type(data).__name__}")


def _check_errors(errors: str, allowed: tuple[str, ...]) -> None:
    if errors not in allowed:
        raise UnknownOptionError("errors", errors, list(allowed))


@cache
def _out_of_order() -> re.Pattern[str]:
    """Matches any place the conversion fixes must look at (a fast test before normalizing)."""
    key = {mark: (rank, unicodedata.combining(mark)) for mark, rank in chars.MARK_RANK.items()}
    pairs = []
    for mark in key:
        before_or_same = "".join(other for other in key if key[other] <= key[mark])
        pairs.append(re.escape(mark) + "[" + re.escape(before_or_same) + "]")
    return re.compile("|".join([*pairs, "ເເ", chars.NIGGAHITA + "[" + chars.TONE_MARKS + "]*າ"]))


# Lines end at \n only: str.splitlines would also break at U+0085 and U+001C-U+001E, which are
# legacy codes when bytes are read one character per code (0x85 is ິ່ in lswin).
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _fix_order(text: str) -> str:
    """Put converted text in Unicode order (only the lines that need it are touched)."""
    if _out_of_order().search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    return "".join(
        _in_order(line)
        if _out_of_order().search(line) or not unicodedata.is_normalized("NFC", line)
        else line
        for line in _LINE.findall(text)
    )


@cache
def _ignoring(table: LegacyTable) -> dict[int, str]:
    return {key: ("" if value == REPLACEMENT else value) for key, value in table.translation().items()}


def _code_of(table: LegacyTable, char: str) -> int:
    return table.char_codes.get(char, 0x3F)


def _decode(text: str, table: LegacyTable, errors: str) -> str:
    if errors == "strict":
        found = table.unknown_pattern.search(text)
        if found:
            codes = table.char_codes
            view = bytes(codes.get(char, ord(char) if ord(char) < 0x100 else 0x3F) for char in text)
            raise LegacyDecodeError(
                table.name, view, found.start(), found.end(), "no character is known for this code"
            )
    return text.translate(_ignoring(table) if errors == "ignore" else table.translation())


_UNICODE_LAO_LETTER = re.compile("[" + chars.CONSONANTS + "]")


def _reads_as_lao(line: str, table: LegacyTable) -> bool:
    reading = line.translate(table.translation())
    score, pairs = lao_score(reading)
    return pairs > 1 and score >= LAO_THRESHOLD


def _to_convert(line: str, table: LegacyTable) -> bool:
    """With ``"auto"``: whether to convert *line*. A line that holds Unicode Lao letters is Unicode
    already (so converting twice changes nothing), and a keyboard-font line must read as Lao."""
    if _UNICODE_LAO_LETTER.search(line):
        return False
    return table.keeps_ascii or _reads_as_lao(line, table)


def needs_conversion(line: str, encoding: str, *, table: TableArgument = None) -> bool:
    """Whether :func:`to_unicode` with ``"auto"`` converts *line* of a text detected as *encoding*.

    A line holding Unicode Lao letters is Unicode already; a keyboard-font line must read as Lao.

    >>> needs_conversion("¡¾\xad", "lswin"), needs_conversion("ການ ¡¾\xad", "lswin")
    (True, False)
    """
    if not isinstance(line, str):
        raise TypeError(f"needs_conversion() expects str, not {type(line).__name__}")
    return _to_convert(line, resolve_table(encoding, table))


def reads_as_lao(text: str, encoding: str, *, table: TableArgument = None) -> bool:
    """Whether *text* read through *encoding* (or *table*) looks like Lao spelling.

    :func:`to_unicode` uses it with ``"auto"`` to keep the English lines of keyboard-font text.

    >>> reads_as_lao("ltvk8iu", "keyboard"), reads_as_lao("Hello world", "keyboard")
    (True, False)
    """
    if not isinstance(text, str):
        raise TypeError(f"reads_as_lao() expects str, not {type(text).__name__}")
    return _reads_as_lao(text, resolve_table(encoding, table))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    position = 0
    for line in _LINE.findall(text):
        yield position, line
        position += len(line)


def _choose(
    data: LegacyInput, encoding: str, table: TableArgument, function: str
) -> tuple[str, LegacyTable | None, Detection | None, bool]:
    """The text, the table to read it with (None: leave it), the detection, and whether to judge lines."""
    text, already_unicode = _as_legacy_text(data, function)
    if table is not None:
        return text, resolve_table(encoding, table), None, False
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str, not {type(encoding).__name__}")
    if encoding.strip().lower() != "auto":
        return text, get_encoding(encoding).table(), None, False
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, already_unicode = text_of(bytes(data))
    if already_unicode and _UNICODE_LAO_LETTER.search(text):  # UTF-8 or UTF-16 Lao
        return text, None, Detection(UNICODE, 1.0, "UTF-8 or UTF-16 text with Lao letters"), False
    # Otherwise the text itself may hold legacy codes (a legacy document saved as UTF-8).
    detection = detect_encoding(text)
    if not detection.is_legacy:
        return text, None, detection, False
    chosen = get_encoding(detection.encoding).table()
    return text, chosen, detection, not chosen.keeps_ascii or _UNICODE_LAO_LETTER.search(text) is not None


def to_unicode(
    data: LegacyInput, encoding: str = "auto", *, table: TableArgument = None, errors: str = "replace"
) -> str:
    """Convert legacy Lao font text to Unicode Lao.

    *data* is a str of the characters Word or a browser shows for the legacy codes (cp1252, or
    U+F0xx for symbol fonts) or the bytes of a file. *encoding* is a name from
    :func:`~laotext.legacy.encodings` or ``"auto"``, which detects it and leaves text that is
    Unicode already, or not Lao, as it is (so converting twice changes nothing). *table* is a
    :class:`~laotext.legacy.LegacyTable` or a table file for a font laotext does not know. ASCII
    stays ASCII in the upper-ASCII encodings. A code whose character is unknown becomes U+FFFD
    (``errors="replace"``), raises :class:`~laotext.errors.LegacyDecodeError` (``"strict"``) or is
    dropped (``"ignore"``). With ``"auto"``, lines that hold Unicode Lao letters already are kept,
    and so are lines of a keyboard-position font that do not read as Lao (English typed in another
    font). Linear in the length of the text.

    >>> to_unicode("¡¾\xad¦ô¡¦¾êò¡¾\xad")
    'ການສຶກສາທິການ'
    >>> to_unicode("ສະບາຍດີ")
    'ສະບາຍດີ'
    """
    _check_errors(errors, _DECODE_ERRORS)
    text, chosen, _, judge_lines = _choose(data, encoding, table, "to_unicode")
    if chosen is None:
        return text
    if not judge_lines:
        return _fix_order(_decode(text, chosen, errors))
    return "".join(
        _fix_order(_decode(line, chosen, errors)) if _to_convert(line, chosen) else line
        for _, line in _lines(text)
    )


def to_unicode_and_explain(
    data: LegacyInput, encoding: str = "auto", *, table: TableArgument = None, errors: str = "replace"
) -> Conversion:
    """Like :func:`to_unicode`, and say which table was used, what was reordered and what is unknown.

    >>> result = to_unicode_and_explain("ê†\\xadÕ")
    >>> result.text, result.encoding
    ('ທີ່ນ້ຳ', 'lswin')
    >>> to_unicode_and_explain("¡ð¾", "lswin").changes[0].fixes
    ('decomposed-am',)
    """
    _check_errors(errors, _DECODE_ERRORS)
    text, chosen, detection, judge_lines = _choose(data, encoding, table, "to_unicode_and_explain")
    if chosen is None:
        name = detection.encoding if detection else UNICODE
        return Conversion(text, name, detection, text, (), ())
    unknown = tuple(
        UnknownCode(found.start(), found.end(), _code_of(chosen, found.group()))
        for found in chosen.unknown_pattern.finditer(text)
    )
    if unknown and errors == "strict":
        _decode(text, chosen, errors)  # raises
    decoded_parts: list[str] = []
    changes: list[Change] = []
    kept: list[tuple[int, int]] = []
    output: list[str] = []
    offset = 0
    for start, line in _lines(text):
        if judge_lines and not _to_convert(line, chosen):
            kept.append((start, start + len(line)))
            decoded_parts.append(line)
            output.append(line)
            offset += len(line)
            continue
        decoded = _decode(line, chosen, errors)
        result = _in_order_explained(decoded)
        changes += [
            Change(change.start + offset, change.end + offset, change.before, change.after, change.fixes)
            for change in result.changes
        ]
        decoded_parts.append(decoded)
        output.append(result.text)
        offset += len(decoded)
    return Conversion(
        "".join(output), chosen.name, detection, "".join(decoded_parts), tuple(changes), unknown, tuple(kept)
    )


def _encoded_codes(text: str, table: LegacyTable, errors: str) -> list[int]:
    _check_errors(errors, _ENCODE_ERRORS)
    result = _in_order_explained(text)
    canonical = result.text
    replacement = table.encoding.get("?")
    codes: list[int] = []
    for match in table.encode_pattern.finditer(canonical):
        if match.group(1) is not None:
            codes.append(table.encoding[match.group(1)])
            continue
        if errors == "ignore":
            continue
        if errors == "replace" and replacement is not None:
            codes.append(replacement)
            continue
        start, end = result.original_span(match.start(), match.end())
        char = match.group()
        name = chars.describe(char)
        raise LegacyEncodeError(
            table.name, text, start, max(end, start + 1), f"{name} has no code in {table.name}"
        )
    return codes


def from_unicode(
    text: str,
    encoding: str,
    errors: str = "strict",
    *,
    table: TableArgument = None,
    form: Literal["cp1252", "symbol"] = "cp1252",
) -> str:
    """Convert Unicode Lao to a legacy encoding, as the characters a legacy font document holds.

    The text is first put in the order and spellings :func:`to_unicode` produces, then written
    with the encoding's preferred codes (one code for a vowel and tone where the font has one).
    ``form="cp1252"`` gives the characters Word shows for the bytes; ``"symbol"`` gives U+F000 +
    byte, as symbol-charset fonts store them; ``text.encode("lswin")`` after
    :func:`~laotext.legacy.register_codecs` gives bytes. ``errors``: ``"strict"`` raises
    :class:`~laotext.errors.LegacyEncodeError` naming the character and its position,
    ``"replace"`` writes the encoding's ``?``, ``"ignore"`` leaves the character out.

    >>> from_unicode("ບໍ່ມີ", "lswin")
    '®Ò´ó'
    >>> from_unicode("ສະບາຍດີ", "keyboard")
    'lt[kpfu'
    """
    if not isinstance(text, str):
        raise TypeError(f"from_unicode() expects str, not {type(text).__name__}")
    if form not in _FORMS:
        raise UnknownOptionError("form", form, list(_FORMS))
    chosen = resolve_table(encoding, table)
    codes = _encoded_codes(text, chosen, errors)
    if form == "symbol":
        return "".join(chr(SYMBOL_BASE + code) if code >= 0x20 else chr(code) for code in codes)
    return "".join(CP1252_HIGH.get(code) or chr(code) for code in codes)


def encode_bytes(text: str, encoding: str, errors: str = "strict", *, table: TableArgument = None) -> bytes:
    """Convert Unicode Lao to the bytes of a legacy encoding (what the codecs use).

    >>> encode_bytes("ນ້ຳ", "lswin")
    b'\\xad\\xd5'
    """
    if not isinstance(text, str):
        raise TypeError(f"encode_bytes() expects str, not {type(text).__name__}")
    return bytes(_encoded_codes(text, resolve_table(encoding, table), errors))


def decode_bytes(data: bytes, encoding: str, errors: str = "strict", *, table: TableArgument = None) -> str:
    """Convert the bytes of a legacy encoding to Unicode Lao (what the codecs use).

    Unlike :func:`to_unicode`, the bytes are always read as legacy codes, and ``errors`` defaults
    to ``"strict"`` as in :meth:`bytes.decode`.

    >>> decode_bytes(b"\\xa1\\xf0\\xbe", "lswin")
    'ກຳ'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_bytes() expects bytes, not {type(data).__name__}")
    _check_errors(errors, _DECODE_ERRORS)
    return _fix_order(_decode(bytes(data).decode("latin-1"), resolve_table(encoding, table), errors))
