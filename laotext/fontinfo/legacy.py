"""Recognizing legacy Lao fonts: Lao letters drawn on ASCII, Latin-1 or symbol code points.

A legacy Lao font has no Lao code points in its character map; it draws Lao letters on the codes of
other characters, so the text typed in it is stored as those characters and must be converted (see
:mod:`laotext.legacy`). Two kinds of evidence tell such a font and its layout:

* **glyph names** that name Lao characters (``uni0E81``, ``ko``, ``lao_ko``, ``maiek`` …) on
  non-Lao code points: each one says which character its code stands for;
* **shapes**: combining marks (vowel signs above and below, tone marks) are drawn with no advance
  width, and no printable ASCII or Latin-1 character has a zero-width glyph in a Latin font. Where
  those zero-width glyphs sit is the fingerprint of the layout.

Each candidate layout (:data:`LAYOUTS`: the keyboard-position fonts and LSWin) is scored by how
well the glyph names agree with its code table and how well the zero-width glyphs fall on the codes
its table gives to combining marks. The work is linear in the size of the character map.

>>> glyph_name_text("uni0E81"), glyph_name_text("kho_sung"), glyph_name_text("lao_maiek.alt")
('ກ', 'ຂ', '່')
>>> glyph_name_text("A"), glyph_name_text("one"), glyph_name_text("uni0041")
('', '', '')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from laotext import _data
from laotext.chars import COMBINING_MARKS, DIGITS, is_lao

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

__all__ = ["LAYOUTS", "LayoutMatch", "LegacyLayout", "detect_layout", "font_codes", "glyph_name_text"]

#: The legacy encodings whose layouts are fonts' layouts, in the order they are tried.
LAYOUTS = ("keyboard", "lswin")

#: Fewest agreeing glyph names, or zero-width marks on the expected codes, that count as evidence.
MIN_NAME_HITS = 5
MIN_MARK_HITS = 3
#: Lowest score (0-1) of the best layout for a font to be called a legacy font of that layout.
MIN_SCORE = 0.5

_UNI_NAME = re.compile(r"^(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_CATEGORY_WORDS = ("LETTER ", "VOWEL SIGN ", "SEMIVOWEL SIGN ", "SIGN ", "TONE ", "DIGIT ")
_CP1252_CODES = {
    char: byte
    for byte in range(0x80, 0xA0)
    for char in [bytes([byte]).decode("cp1252", errors="ignore")]
    if char
}


@dataclass(frozen=True)
class LayoutMatch:
    """How well a font's glyphs agree with one legacy layout (``encoding``), with the counts behind it.

    ``score`` is the mean of the glyph-name agreement (``name_hits`` of ``named_glyphs``) and the
    zero-width-mark agreement (a Dice coefficient of the font's zero-width glyphs and the codes the
    table gives to combining marks), over the kinds of evidence the font has.
    """

    encoding: str
    score: float
    lao_codes: int
    glyph_codes: int
    named_glyphs: int
    name_hits: int
    zero_width_glyphs: int
    mark_codes: int
    mark_hits: int

    @property
    def decisive(self) -> bool:
        """Whether the evidence is strong enough to name this layout."""
        return self.score >= MIN_SCORE and (
            self.name_hits >= MIN_NAME_HITS or self.mark_hits >= MIN_MARK_HITS
        )

    def evidence(self) -> str:
        """One line saying what agrees with this layout."""
        parts = [f"glyphs on {self.glyph_codes} of the {self.lao_codes} codes it uses for Lao"]
        if self.named_glyphs:
            parts.append(f"{self.name_hits} of {self.named_glyphs} Lao glyph names agree with its table")
        if self.zero_width_glyphs or self.mark_hits:
            parts.append(
                f"{self.mark_hits} of the {self.zero_width_glyphs} zero-width (combining-mark) glyphs "
                f"sit on its {self.mark_codes} mark codes"
            )
        return f"{self.encoding} (score {self.score:.2f}): " + "; ".join(parts)


@dataclass(frozen=True)
class LegacyLayout:
    """A legacy Lao font: which encoding its text is in, the evidence, and how to register it.

    ``encoding`` is the layout the glyphs match (None when the evidence names none); ``known_encoding``
    is the encoding laotext already assigns to the family name (:func:`laotext.legacy.legacy_fonts`).
    """

    family: str
    encoding: str | None
    known_encoding: str | None
    evidence: tuple[str, ...]
    candidates: tuple[LayoutMatch, ...]

    @property
    def font_map(self) -> str:
        """The ``FONT=ENCODING`` to pass to ``laotext convert --font-map`` ('' if the encoding is unknown)."""
        encoding = self.encoding or self.known_encoding
        return f"{self.family}={encoding}" if encoding and self.family else ""

    @property
    def advice(self) -> str:
        """What a clerk should do with documents typed in this font."""
        if self.known_encoding and self.encoding in (None, self.known_encoding):
            return (
                f"'{self.family}' is a known legacy font ({self.known_encoding}): "
                "`laotext convert` converts its text without --font-map"
            )
        if self.known_encoding:
            return (
                f"'{self.family}' is listed as {self.known_encoding}, but its glyphs match {self.encoding}: "
                f"check a converted sample; to override, pass --font-map '{self.font_map}'"
            )
        if self.encoding:
            return f"convert its documents with: laotext convert --font-map '{self.font_map}' FILE -o OUT"
        return (
            "its layout matches no table laotext has; write its mapping as a table and pass --table FILE "
            "(see `laotext encodings`)"
        )


@cache
def _name_index() -> Mapping[str, str]:
    """Folded Lao glyph names (``ko``, ``laoko``, ``kolao``, ``letterko``, ``laoletterko`` …) to text."""
    from fontTools.agl import AGL2UV  # type: ignore[import-untyped]

    index: dict[str, str] = {}
    for row in _data.read_tsv("unicode_lao.tsv"):
        char = chr(int(row["code"], 16))
        name = row["name"].removeprefix("LAO ")
        short = name
        for word in _CATEGORY_WORDS:
            if short.startswith(word):
                short = short[len(word) :]
                break
        folded = _NOT_ALNUM.sub("", short.lower())
        keys = {"lao" + folded, folded + "lao", _NOT_ALNUM.sub("", name.lower()), "lao" + _fold(name)}
        if len(folded) >= 2 and folded not in AGL2UV and char not in DIGITS:
            keys.add(folded)
        for key in keys:
            index.setdefault(key, char)
    return index


def _fold(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower())


def glyph_name_text(name: str) -> str:
    """The Lao text a glyph name names (``uni0E81`` → ``ກ``, ``maiek`` → ``່``), or '' if none.

    A suffix after a dot (``ko.alt``) is ignored. Bare names that are also Latin glyph names
    (``o``, ``u``, ``one``) do not count: only ``lao_o``, ``o_lao`` or ``uni0EAD`` do.

    >>> glyph_name_text("uni0EB10EC8"), glyph_name_text("LaoLetterKhoTam")
    ('ັ່', 'ຄ')
    """
    base = name.split(".", 1)[0]
    match = _UNI_NAME.match(base)
    if match:
        digits = match.group(1) or match.group(2)
        width = 4 if match.group(1) else len(digits)
        try:
            text = "".join(chr(int(digits[i : i + width], 16)) for i in range(0, len(digits), width))
        except ValueError:
            return ""
        return text if text and all(is_lao(char) for char in text) else ""
    return _name_index().get(_fold(base), "")


def font_codes(font: TTFont) -> dict[int, str]:
    """The legacy codes (0x21-0xFF) a font draws a glyph on, each with its glyph name.

    Code points are read from every Windows and Unicode character map: U+0021-U+00FF as they are,
    U+F021-U+F0FF (symbol fonts) as their low byte, and the cp1252 characters of 0x80-0x9F
    (U+20AC, U+02DC …) as their byte. Spaces (0x20, 0xA0) and DEL are left out.
    """
    codes: dict[int, str] = {}
    for table in font["cmap"].tables:
        if table.platformID not in (0, 3):
            continue
        for point, glyph in table.cmap.items():
            if 0xF021 <= point <= 0xF0FF:
                code = point - 0xF000
            elif 0x21 <= point <= 0xFF:
                code = point
            else:
                code = _CP1252_CODES.get(chr(point), 0)
            if code and code not in (0x7F, 0xA0):
                codes.setdefault(code, glyph)
    return codes


def _zero_width_codes(font: TTFont, codes: Mapping[int, str]) -> set[int]:
    """The codes whose glyph has ink but no advance width (how combining marks are drawn)."""
    from fontTools.pens.boundsPen import ControlBoundsPen  # type: ignore[import-untyped]

    metrics = font["hmtx"].metrics
    glyph_set = font.getGlyphSet()
    found: set[int] = set()
    for code, glyph in codes.items():
        if glyph not in metrics or metrics[glyph][0] != 0 or glyph not in glyph_set:
            continue
        pen = ControlBoundsPen(glyph_set)
        glyph_set[glyph].draw(pen)
        if pen.bounds is not None:
            found.add(code)
    return found


def _match(
    encoding: str, codes: Mapping[int, str], named: Mapping[int, str], zero_width: set[int]
) -> LayoutMatch:
    from laotext.legacy.registry import get_encoding

    table = get_encoding(encoding).table()
    lao = {
        code: text
        for code in range(0x21, 0x100)
        for text in [table.code_text(code)]
        if any(is_lao(char) for char in text)
    }
    marks = {code for code, text in lao.items() if all(char in COMBINING_MARKS for char in text)}
    present = lao.keys() & codes.keys()
    name_hits = sum(1 for code, text in named.items() if any(char in lao.get(code, "") for char in text))
    mark_hits = len(zero_width & marks)
    parts: list[float] = []
    if named:
        parts.append(name_hits / len(named))
    expected = marks & codes.keys()
    if zero_width or expected:
        parts.append(2 * mark_hits / (len(zero_width) + len(expected)) if zero_width else 0.0)
    return LayoutMatch(
        encoding=encoding,
        score=round(sum(parts) / len(parts), 3) if parts else 0.0,
        lao_codes=len(lao),
        glyph_codes=len(present),
        named_glyphs=len(named),
        name_hits=name_hits,
        zero_width_glyphs=len(zero_width),
        mark_codes=len(expected),
        mark_hits=mark_hits,
    )


def detect_layout(font: TTFont, family: str = "") -> LegacyLayout | None:
    """Whether *font* is a legacy Lao font, and in which layout; None if it is not one.

    A font with any Lao code point in its character map is a Unicode font, never a legacy one. A
    font whose family laotext lists as legacy is one even without other evidence.
    """
    from laotext.legacy.fonts import font_encoding

    cmap = font.getBestCmap() or {}
    if any(0x0E80 <= point <= 0x0EFF for point in cmap):
        return None
    known = font_encoding(family) if family else None
    known_legacy = known if known not in (None, "unicode") else None
    codes = font_codes(font)
    named = {code: text for code, glyph in codes.items() for text in [glyph_name_text(glyph)] if text}
    zero_width = _zero_width_codes(font, codes)
    matches = sorted(
        (_match(encoding, codes, named, zero_width) for encoding in LAYOUTS),
        key=lambda match: -match.score,
    )
    best = matches[0]
    if not best.decisive and known_legacy is None:
        return None
    evidence: list[str] = []
    if named:
        evidence.append(f"{len(named)} glyphs on non-Lao code points carry Lao glyph names")
    if zero_width:
        evidence.append(
            f"{len(zero_width)} glyphs on ASCII/Latin-1/symbol codes have no advance width "
            "(drawn like combining marks)"
        )
    if any(table.platformID == 3 and table.platEncID == 0 for table in font["cmap"].tables):
        evidence.append("symbol-encoded character map (platform 3, encoding 0)")
    if known_legacy:
        evidence.append(f"family '{family}' is a known legacy Lao font ({known_legacy})")
    evidence.extend(match.evidence() for match in matches)
    return LegacyLayout(
        family=family,
        encoding=best.encoding if best.decisive else None,
        known_encoding=known_legacy,
        evidence=tuple(evidence),
        candidates=tuple(matches),
    )
