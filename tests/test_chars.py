"""laotext.chars: the Lao block, the orthographic classes and the Thai look-alike table.

The expected classes below are written out by hand from the Unicode code chart of the Lao block
(U+0E80..U+0EFF) and Lao orthography, not derived from the library.
"""

from __future__ import annotations

import csv
import unicodedata
from importlib.resources import files

import pytest

from laotext import LaoClass, chars, lao_class


def span(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


#: The class of every assigned code point of the Lao block; anything else in the block is unassigned.
EXPECTED_CLASS: dict[int, LaoClass] = {
    **dict.fromkeys(
        [
            *(0x0E81, 0x0E82, 0x0E84),
            *span(0x0E86, 0x0E8A),
            *span(0x0E8C, 0x0EA3),
            0x0EA5,
            *span(0x0EA7, 0x0EAE),
            *span(0x0EDC, 0x0EDF),  # ໜ ໝ and the Khmu letters
        ],
        LaoClass.CONSONANT,
    ),
    **dict.fromkeys([0x0EAF, 0x0EC6], LaoClass.PUNCTUATION),  # ຯ ໆ
    **dict.fromkeys([0x0EB0, 0x0EB2, 0x0EB3], LaoClass.FOLLOWING_VOWEL),  # ະ າ ຳ
    **dict.fromkeys([0x0EB1, *span(0x0EB4, 0x0EB9), 0x0EBB, 0x0ECD], LaoClass.VOWEL_MARK),  # ັ ິ-ູ ົ ໍ
    0x0EBA: LaoClass.VIRAMA,  # ຺
    0x0EBC: LaoClass.SUBSCRIPT,  # ຼ
    0x0EBD: LaoClass.SEMIVOWEL,  # ຽ
    **dict.fromkeys(span(0x0EC0, 0x0EC4), LaoClass.LEADING_VOWEL),  # ເ ແ ໂ ໃ ໄ
    **dict.fromkeys(span(0x0EC8, 0x0ECB), LaoClass.TONE),  # ່ ້ ໊ ໋
    **dict.fromkeys([0x0ECC, 0x0ECE], LaoClass.SIGN),  # ໌ ໎
    **dict.fromkeys(span(0x0ED0, 0x0ED9), LaoClass.DIGIT),
}
#: The 17 combining marks (general category Mn) of the Lao block.
EXPECTED_MARKS = {0x0EB1, *span(0x0EB4, 0x0EBC), *span(0x0EC8, 0x0ECE)}


def lao_table() -> list[dict[str, str]]:
    text = files("laotext.data").joinpath("unicode_lao.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_lao_block_has_83_assigned_code_points() -> None:
    table = lao_table()
    assert len(table) == 83
    assert {int(row["code"], 16) for row in table} == set(EXPECTED_CLASS)
    assert len(EXPECTED_CLASS) == 83


@pytest.mark.parametrize("code", span(0x0E80, 0x0EFF), ids=lambda code: f"U+{code:04X}")
def test_class_of_every_lao_code_point(code: int) -> None:
    char = chr(code)
    assert lao_class(char) == EXPECTED_CLASS.get(code)
    assert chars.is_assigned(char) == (code in EXPECTED_CLASS)
    assert chars.is_lao(char)
    assert chars.is_combining_mark(char) == (code in EXPECTED_MARKS)


def test_combining_marks_are_the_mn_characters_of_the_table() -> None:
    mn = {int(row["code"], 16) for row in lao_table() if row["category"] == "Mn"}
    assert mn == EXPECTED_MARKS
    assert len(mn) == 17
    assert {ord(c) for c in chars.COMBINING_MARKS} == mn
    assert {code for code in EXPECTED_CLASS if chars.general_category(chr(code)) == "Mn"} == mn


def test_table_agrees_with_python_where_python_knows_the_character() -> None:
    for row in lao_table():
        char = chr(int(row["code"], 16))
        if unicodedata.name(char, ""):
            assert unicodedata.name(char) == row["name"]
            assert unicodedata.category(char) == row["category"]
            assert unicodedata.combining(char) == int(row["combining"])


def test_yamakkan_is_assigned_whatever_the_python_version() -> None:
    yamakkan = "\u0ece"  # added in Unicode 15.0; Python 3.11 ships Unicode 14.0
    assert chars.is_assigned(yamakkan)
    assert chars.char_name(yamakkan) == "LAO YAMAKKAN"
    assert chars.general_category(yamakkan) == "Mn"
    assert chars.describe(yamakkan) == "U+0ECE LAO YAMAKKAN"
    assert lao_class(yamakkan) is LaoClass.SIGN


def test_unassigned_lao_code_points() -> None:
    for hole in ("\u0e80", "\u0e83", "\u0ea4", "\u0ebe", "\u0ecf", "\u0eda", "\u0eff"):
        assert not chars.is_assigned(hole)
        assert chars.general_category(hole) == "Cn"
        assert chars.char_name(hole) == ""
        assert lao_class(hole) is None


def test_not_lao() -> None:
    for char in ("a", " ", "ก", "\u0e4e", "\u200b", "1"):
        assert lao_class(char) is None
        assert not chars.is_lao(char)
    assert chars.is_thai("ก") and not chars.is_thai("ກ")


def test_mark_rank_is_the_typing_order() -> None:
    rank = chars.MARK_RANK
    assert rank["ຼ"] < rank["ັ"] < rank["່"] < rank["໌"]
    assert {rank[c] for c in "ັິີຶືົໍ຺ຸູ"} == {rank["ິ"]}
    assert {rank[c] for c in "່້໊໋"} == {rank["່"]}
    assert rank["໌"] == rank["໎"]


# The Thai look-alike table.
def test_thai_lookalikes_examples() -> None:
    table = chars.thai_lookalikes()
    assert table["ก"] == "ກ"
    assert table["\u0e48"] == "\u0ec8"  # mai ek
    assert table["๑"] == "໑"
    assert table["ซ"] == "ຊ"  # by shape, not by position
    assert table["ำ"] == "ຳ"
    assert table["ๆ"] == "ໆ"


# Thai letters whose Lao twin is a Pali or Sanskrit letter, or unassigned (obsolete ฃ ฅ, vowels ฤ ฦ),
# have no Lao look-alike in the table.
UNMAPPED_THAI = "ฃฅฆฉฌฎฏฐฑฒณธภฤฦศษฬ"


@pytest.mark.parametrize("thai", list(UNMAPPED_THAI), ids=lambda c: f"U+{ord(c):04X}")
def test_thai_letters_without_lao_twin_are_not_mapped(thai: str) -> None:
    assert thai not in chars.thai_lookalikes()


def test_thai_lookalikes_are_positional_twins() -> None:
    table = chars.thai_lookalikes()
    assert len(table) >= 60
    for thai, lao in table.items():
        assert chars.is_thai(thai)
        assert chars.is_assigned(lao) and lao_class(lao) is not None
        assert lao not in chars.PALI_CONSONANTS
        if thai != "ซ":
            assert ord(lao) - ord(thai) == 0x80, (thai, lao)
