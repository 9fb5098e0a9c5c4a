"""The Lao script model: what each character of the Lao block is and where it goes in a syllable.

The classes follow Lao orthography (the order in which a syllable is typed), not Unicode general
categories: ``ະ`` and ``າ`` are spacing letters to Unicode but following vowels here. Names, general
categories and combining classes of the Lao block come from a table generated from the newest Unicode
Character Database (``data/unicode_lao.tsv``), never from the running Python's :mod:`unicodedata`,
which lacks U+0ECE on Python 3.11.

>>> lao_class("ກ"), lao_class("ເ"), lao_class("່")
(<LaoClass.CONSONANT: 'consonant'>, <LaoClass.LEADING_VOWEL: 'leading_vowel'>, <LaoClass.TONE: 'tone'>)
>>> char_name("\\u0ece")
'LAO YAMAKKAN'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from enum import Enum
from functools import cache
from types import MappingProxyType

from laotext import _data

LAO_FIRST = 0x0E80
LAO_LAST = 0x0EFF
THAI_FIRST = 0x0E00
THAI_LAST = 0x0E7F

#: The 27 consonants of modern Lao, with the ligatures ໜ ໝ.
CORE_CONSONANTS = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮໜໝ"
#: Pali and Sanskrit letters added in Unicode 12.
PALI_CONSONANTS = "\u0e86\u0e89\u0e8c\u0e8e\u0e8f\u0e90\u0e91\u0e92\u0e93\u0e98\u0ea0\u0ea8\u0ea9\u0eac"
#: Khmu letters ໞ ໟ.
KHMU_CONSONANTS = "\u0ede\u0edf"
CONSONANTS = CORE_CONSONANTS + PALI_CONSONANTS + KHMU_CONSONANTS
#: Vowels written before the consonant they follow in sound: ເ ແ ໂ ໃ ໄ.
LEADING_VOWELS = "ເແໂໃໄ"
#: Spacing vowels written after the consonant: ະ າ ຳ.
FOLLOWING_VOWELS = "ະາຳ"
#: ຽ, the subscript-less semivowel written after the initial (ປ່ຽນ).
SEMIVOWEL_NYO = "ຽ"
#: ຼ, the subscript semivowel LO of clusters such as ຫຼ.
SUBSCRIPT_LO = "ຼ"
ABOVE_VOWELS = "ັິີຶືົ"
BELOW_VOWELS = "ຸູ"
NIGGAHITA = "ໍ"
PALI_VIRAMA = "຺"
TONE_MARKS = "່້໊໋"
CANCELLATION_MARK = "໌"
YAMAKKAN = "໎"
DIGITS = "໐໑໒໓໔໕໖໗໘໙"
KO_LA = "ໆ"
ELLIPSIS = "ຯ"
#: Letters that follow a silent ຫ in a cluster (ຫງ ຫຍ ຫນ ຫມ ຫລ ຫວ ຫຣ).
HO_SONORANTS = "ງຍນມລວຣ"
#: The consonants native Lao words end in; loanwords add others (ບັສ, ກຣາຟ).
NATIVE_FINALS = "ກງດນບມຍວ"
#: The decomposed spelling of ຳ.
AM_DECOMPOSED = NIGGAHITA + "າ"
AM = "ຳ"

#: Every combining mark of the Lao block, in the order a syllable is typed.
COMBINING_MARKS = (
    SUBSCRIPT_LO
    + ABOVE_VOWELS
    + NIGGAHITA
    + BELOW_VOWELS
    + PALI_VIRAMA
    + TONE_MARKS
    + CANCELLATION_MARK
    + YAMAKKAN
)
VOWEL_MARKS = ABOVE_VOWELS + NIGGAHITA + BELOW_VOWELS
#: Characters that need the character before them as their base: nothing may come between.
NEEDS_BASE = COMBINING_MARKS + FOLLOWING_VOWELS + SEMIVOWEL_NYO
#: Invisible characters of no width that turn up in typed Lao (ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY, MVS).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"


class LaoClass(str, Enum):
    """The orthographic class of a Lao character."""

    CONSONANT = "consonant"
    LEADING_VOWEL = "leading_vowel"
    FOLLOWING_VOWEL = "following_vowel"
    SEMIVOWEL = "semivowel"
    SUBSCRIPT = "subscript"
    VOWEL_MARK = "vowel_mark"
    VIRAMA = "virama"
    TONE = "tone"
    SIGN = "sign"
    DIGIT = "digit"
    PUNCTUATION = "punctuation"


_CLASS_MEMBERS: dict[LaoClass, str] = {
    LaoClass.CONSONANT: CONSONANTS,
    LaoClass.LEADING_VOWEL: LEADING_VOWELS,
    LaoClass.FOLLOWING_VOWEL: FOLLOWING_VOWELS,
    LaoClass.SEMIVOWEL: SEMIVOWEL_NYO,
    LaoClass.SUBSCRIPT: SUBSCRIPT_LO,
    LaoClass.VOWEL_MARK: VOWEL_MARKS,
    LaoClass.VIRAMA: PALI_VIRAMA,
    LaoClass.TONE: TONE_MARKS,
    LaoClass.SIGN: CANCELLATION_MARK + YAMAKKAN,
    LaoClass.DIGIT: DIGITS,
    LaoClass.PUNCTUATION: KO_LA + ELLIPSIS,
}
_CLASS_OF: dict[str, LaoClass] = {char: cls for cls, members in _CLASS_MEMBERS.items() for char in members}

#: Where each combining mark goes in a well-typed syllable: subscript ຼ, then vowel signs, then
#: the tone mark, then ໌ or ໎. Marks of equal rank keep their order.
MARK_RANK: Mapping[str, int] = MappingProxyType(
    {SUBSCRIPT_LO: 0}
    | dict.fromkeys(VOWEL_MARKS + PALI_VIRAMA, 1)
    | dict.fromkeys(TONE_MARKS, 2)
    | dict.fromkeys(CANCELLATION_MARK + YAMAKKAN, 3)
)


def is_lao(char: str) -> bool:
    """Return True if *char* lies in the Lao block U+0E80..U+0EFF (assigned or not).

    >>> is_lao("ລ"), is_lao("ล")
    (True, False)
    """
    return LAO_FIRST <= ord(char) <= LAO_LAST


def is_thai(char: str) -> bool:
    """Return True if *char* lies in the Thai block U+0E00..U+0E7F.

    >>> is_thai("ก"), is_thai("ກ")
    (True, False)
    """
    return THAI_FIRST <= ord(char) <= THAI_LAST


def lao_class(char: str) -> LaoClass | None:
    """Return the orthographic class of a Lao character, or None for anything else.

    >>> lao_class("ຳ")
    <LaoClass.FOLLOWING_VOWEL: 'following_vowel'>
    >>> lao_class("a") is None
    True
    """
    return _CLASS_OF.get(char)


def is_combining_mark(char: str) -> bool:
    """Return True for a Lao mark that sits above or below its consonant (ັ ິ ຸ ່ ໌ …).

    >>> is_combining_mark("່"), is_combining_mark("າ")
    (True, False)
    """
    return char in MARK_RANK


@cache
def _lao_table() -> Mapping[str, tuple[str, int, str]]:
    return MappingProxyType(
        {
            chr(int(row["code"], 16)): (row["category"], int(row["combining"]), row["name"])
            for row in _data.read_tsv("unicode_lao.tsv")
        }
    )


def is_assigned(char: str) -> bool:
    """Return True if *char* is an assigned code point.

    Inside the Lao block this follows the bundled UCD table; elsewhere it follows the Unicode
    version of the running Python.

    >>> is_assigned("\\u0ece"), is_assigned("\\u0ebe")
    (True, False)
    """
    if is_lao(char):
        return char in _lao_table()
    return unicodedata.category(char) != "Cn"


def char_name(char: str, default: str = "") -> str:
    """Return the Unicode name of *char* (Lao block from the bundled table), or *default*.

    >>> char_name("ໜ")
    'LAO HO NO'
    """
    if is_lao(char):
        entry = _lao_table().get(char)
        return entry[2] if entry else default
    return unicodedata.name(char, default)


def general_category(char: str) -> str:
    """Return the Unicode general category of *char* (``Cn`` if unassigned).

    >>> general_category("ະ"), general_category("ັ")
    ('Lo', 'Mn')
    """
    if is_lao(char):
        entry = _lao_table().get(char)
        return entry[0] if entry else "Cn"
    return unicodedata.category(char)


def describe(char: str) -> str:
    """Return ``U+XXXX NAME`` for messages and reports.

    >>> describe("ຳ")
    'U+0EB3 LAO VOWEL SIGN AM'
    """
    name = char_name(char) or _UNNAMED.get(general_category(char), "character")
    return f"U+{ord(char):04X} {name}"


_UNNAMED = {"Cc": "control character", "Co": "private-use character", "Cs": "surrogate", "Cn": "unassigned"}


@cache
def thai_lookalikes() -> Mapping[str, str]:
    """Return the table of Thai characters that stand for a Lao one (Thai → Lao).

    >>> thai_lookalikes()["ก"], thai_lookalikes()["่"], thai_lookalikes()["๑"]
    ('ກ', '່', '໑')
    """
    return MappingProxyType(
        {chr(int(row["thai"], 16)): chr(int(row["lao"], 16)) for row in _data.read_tsv("thai_lookalikes.tsv")}
    )
