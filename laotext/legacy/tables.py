"""Legacy code tables: what each code of a legacy Lao font stands for in Unicode.

A table is a UTF-8 TSV file (the bundled ones are in ``laotext/data/encodings/``; users can write
their own for a font laotext does not know). Leading ``#`` lines name the source and licence; the
header row names the columns; columns other than these are ignored:

``legacy_code_hex``
    the code, two hexadecimal digits (``A1``).
``unicode_hex``
    the Unicode characters it stands for, as space-separated hexadecimal code points in Unicode
    order (``0EB5 0EC8`` for the one glyph ີ່). Empty: the code exists but its character is not
    known; it converts to U+FFFD and is reported.
``direction`` (optional)
    ``both`` (the default) or ``decode``: a ``decode`` row is a variant (a raised tone mark, a
    shifted vowel) that is read but never written when converting back. Where several codes stand
    for the same text and none says ``decode``, the first one is written.

Codes not listed stand for themselves below 0x80 (ASCII) and are unknown from 0x80 up.

A legacy code reaches laotext in one of three forms: as a byte, as the cp1252 character Word shows
for that byte (0x98 as ``˜`` U+02DC), or as U+F000 + the byte (text in a symbol-charset font).
:meth:`LegacyTable.translation` maps all three.

>>> table = parse_table("legacy_code_hex\\tunicode_hex\\nA1\\t0E81\\n86\\t0EB5 0EC8\\n", name="mini")
>>> "\\u00a1\\u2020".translate(table.translation())
'ກີ່'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from laotext.errors import DataError

__all__ = ["REPLACEMENT", "LegacyTable", "load_table", "parse_table"]

#: What an unknown legacy code converts to.
REPLACEMENT = "\ufffd"

#: First code point of the private-use block where symbol-charset fonts put their codes.
SYMBOL_BASE = 0xF000

# The cp1252 characters of bytes 0x80-0x9F (the five undefined ones stay C1 controls, as Word shows them).
CP1252_HIGH = {byte: bytes([byte]).decode("cp1252", errors="ignore") for byte in range(0x80, 0xA0)}

_DIRECTIONS = ("both", "decode")


@dataclass(frozen=True, eq=False)
class LegacyTable:
    """A legacy encoding's code table, with the lookups built from it on first use.

    ``decoding`` maps each code with a known character to its text; ``unknown`` holds the codes
    that exist but whose character is unknown; ``encoding`` maps text back to the code written for
    it. ``source`` is the table's ``#`` header (provenance).
    """

    name: str
    decoding: Mapping[int, str]
    unknown: frozenset[int]
    encoding: Mapping[str, int]
    source: str = ""
    notes: Mapping[int, str] = field(default_factory=dict)

    @cached_property
    def keeps_ascii(self) -> bool:
        """Whether every ASCII code stands for itself (true of the upper-ASCII encodings)."""
        return all(
            code not in self.unknown and self.decoding.get(code, chr(code)) == chr(code)
            for code in range(0x80)
        )

    def code_text(self, code: int) -> str:
        """The text *code* converts to (U+FFFD when unknown).

        >>> table = parse_table("legacy_code_hex\\tunicode_hex\\n86\\t0EB5 0EC8\\n", name="mini")
        >>> table.code_text(0x86), table.code_text(0x41), table.code_text(0x87)
        ('ີ່', 'A', '\ufffd')
        """
        if code in self.decoding:
            return self.decoding[code]
        return REPLACEMENT if code in self.unknown or code >= 0x80 else chr(code)

    @cached_property
    def char_codes(self) -> Mapping[str, int]:
        """Each character that carries a legacy code (in any of the three forms) and that code."""
        codes: dict[str, int] = {}
        for code in range(0x100):
            if code >= 0x20:
                codes[chr(SYMBOL_BASE + code)] = code
            if code >= 0x80:
                codes[chr(code)] = code
                codes[CP1252_HIGH.get(code, "") or chr(code)] = code
            elif not self.keeps_ascii:
                codes[chr(code)] = code
        return codes

    def translation(self) -> dict[int, str]:
        """The ``str.translate`` table turning legacy characters into Unicode (unknown ones into U+FFFD)."""
        return self._translation

    @cached_property
    def _translation(self) -> dict[int, str]:
        return {ord(char): self.code_text(code) for char, code in self.char_codes.items()}

    @cached_property
    def unknown_chars(self) -> str:
        """The legacy characters whose code is unknown, for a regular-expression class."""
        return "".join(char for char, code in self.char_codes.items() if self.code_text(code) == REPLACEMENT)

    @cached_property
    def unknown_pattern(self) -> re.Pattern[str]:
        """Matches one legacy character whose code is unknown."""
        if not self.unknown_chars:
            return re.compile(r"(?!)")
        return re.compile("[" + re.escape(self.unknown_chars) + "]")

    @cached_property
    def encode_pattern(self) -> re.Pattern[str]:
        """Matches the longest text with a code at each position, or else one character (group 2)."""
        texts = sorted(self.encoding, key=lambda text: (-len(text), text))
        alternatives = "|".join(re.escape(text) for text in texts) or "(?!)"
        return re.compile(f"({alternatives})|(.)", re.DOTALL)


def parse_table(text: str, *, name: str, path: str = "") -> LegacyTable:
    r"""Parse a table in the format described in the module docstring.

    Raises :class:`~laotext.errors.DataError` naming the file and line of the first bad row.

    >>> table = parse_table("# my font\nlegacy_code_hex\tunicode_hex\n41\t0E81\n42\t\n", name="mine")
    >>> table.code_text(0x41), table.code_text(0x42), table.source
    ('ກ', '\ufffd', 'my font')
    """
    where = path or name
    lines = text.splitlines()
    header_lines = [line[1:].strip() for line in lines if line.startswith("#")]
    numbered = [
        (number, line) for number, line in enumerate(lines, start=1) if line and not line.startswith("#")
    ]
    if not numbered:
        raise DataError("the table has no header row (legacy_code_hex, unicode_hex, ...)", path=where)
    columns = numbered[0][1].split("\t")
    for required in ("legacy_code_hex", "unicode_hex"):
        if required not in columns:
            raise DataError(
                f"the header row has no {required!r} column (found: {', '.join(columns)})",
                path=where,
                line=numbered[0][0],
            )
    decoding: dict[int, str] = {}
    unknown: set[int] = set()
    encoding: dict[str, int] = {}
    decode_only: dict[str, int] = {}
    notes: dict[int, str] = {}
    for number, line in numbered[1:]:
        cells = dict(zip(columns, line.split("\t"), strict=False))
        code = _parse_code(cells.get("legacy_code_hex", ""), where, number)
        if code in decoding or code in unknown:
            raise DataError(f"code {code:02X} is listed twice", path=where, line=number)
        value = _parse_unicode(cells.get("unicode_hex", ""), where, number)
        direction = cells.get("direction", "").strip() or "both"
        if direction not in _DIRECTIONS:
            raise DataError(
                f"direction must be 'both' or 'decode', not {direction!r}", path=where, line=number
            )
        if cells.get("notes"):
            notes[code] = cells["notes"]
        if not value:
            unknown.add(code)
            continue
        decoding[code] = value
        if direction == "both":
            encoding.setdefault(value, code)
        else:
            decode_only.setdefault(value, code)
    for value, code in decode_only.items():  # a text only a variant code writes still has a way back
        encoding.setdefault(value, code)
    for code in range(0x80):  # unlisted ASCII codes stand for themselves
        if code not in decoding and code not in unknown:
            encoding.setdefault(chr(code), code)
    return LegacyTable(name, decoding, frozenset(unknown), encoding, "\n".join(header_lines), notes)


def load_table(path: str | Path, *, name: str = "") -> LegacyTable:
    """Read a table file of the user's (for a font laotext does not know).

    Raises :class:`~laotext.errors.DataError` if the file cannot be read or is malformed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DataError(f"cannot read the table: {error.strerror}", path=str(path)) from None
    except UnicodeDecodeError:
        raise DataError("the table is not UTF-8 text", path=str(path)) from None
    return parse_table(text, name=name or path.stem, path=str(path))


def _parse_code(cell: str, path: str, line: int) -> int:
    cell = cell.strip()
    if cell.lower().startswith("0x"):
        cell = cell[2:]
    try:
        code = int(cell, 16)
    except ValueError:
        raise DataError(
            f"legacy_code_hex {cell!r} is not a hexadecimal number", path=path, line=line
        ) from None
    if not 0 <= code <= 0xFF:
        raise DataError(f"legacy code {cell} is outside 00-FF", path=path, line=line)
    return code


def _parse_unicode(cell: str, path: str, line: int) -> str:
    text = []
    for part in cell.replace(",", " ").split():
        if part.upper().startswith("U+"):
            part = part[2:]
        try:
            text.append(chr(int(part, 16)))
        except (ValueError, OverflowError):
            raise DataError(f"unicode_hex {part!r} is not a code point", path=path, line=line) from None
    return "".join(text)
