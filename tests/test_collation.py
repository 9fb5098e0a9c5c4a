"""laotext.dictionary.collation: Lao dictionary order, checked against cases/sort_order.txt."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laotext import chars
from laotext.dictionary.collation import SortKey, sort_key
from laotext.normalize import normalize

CASES = Path(__file__).parent / "cases" / "sort_order.txt"
LINES = CASES.read_text(encoding="utf-8").splitlines()
WORDS = [line.strip() for line in LINES if line.strip() and not line.startswith("#")]


def test_case_file_is_well_formed() -> None:
    assert len(WORDS) >= 60
    assert len(set(WORDS)) == len(WORDS)
    assert any(line.startswith("#") for line in LINES), "the file names the source of its ordering"
    # The list holds standard spellings, so it checks the order and not the normalization.
    assert [normalize(word, form="lookup") for word in WORDS] == WORDS


@pytest.mark.parametrize("seed", range(6))
def test_hand_checked_list_sorts_to_itself(seed: int) -> None:
    shuffled = WORDS[:]
    random.Random(seed).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == WORDS


def test_reversed_list_sorts_to_itself() -> None:
    assert sorted(reversed(WORDS), key=sort_key) == WORDS


def test_neighbours_in_order() -> None:
    # Pairwise, so that a failure names the two words.
    for before, after in pairwise(WORDS):
        assert sort_key(before) < sort_key(after), (before, after)


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("ນໍ້າ", "ນ້ຳ"),  # ໍ + າ for ຳ, tone before the ໍ
        ("ນ້ໍາ", "ນ້ຳ"),  # ໍ + າ for ຳ, tone after the ໍ
        ("ບ່ໍ", "ບໍ່"),  # tone typed before the vowel
        ("ຫນ້າ", "ໜ້າ"),
        ("ຫນັງສື", "ໜັງສື"),
        ("ຫມາ", "ໝາ"),
        ("ໃຫມ່", "ໃໝ່"),
        ("ຫລາຍ", "ຫຼາຍ"),
        ("ຫລວງ", "ຫຼວງ"),
        ("ເເມ່", "ແມ່"),  # two ເ for ແ
        ("ກ\u200bາ", "ກາ"),  # zero-width space inside a syllable
        ("ລາว", "ລາວ"),  # a Thai look-alike inside a Lao word
    ],
)
def test_variants_sort_as_their_standard_spelling(variant: str, standard: str) -> None:
    assert normalize(variant, form="lookup") == standard
    assert sort_key(variant) == sort_key(standard)


@pytest.mark.parametrize("base", ["ກາ", "ປາ", "ໄກ", "ເກົາ", "ກາງ", "ໝູ"])
def test_tone_only_pairs_in_tone_order(base: str) -> None:
    # The tone mark goes on the initial consonant (on the second letter of a ຫ cluster).
    position = 2 if base.startswith(tuple(chars.LEADING_VOWELS)) else 1
    toned = [base[:position] + tone + base[position:] for tone in "່້໊໋"]
    ordered = [base, *toned]
    assert sorted(reversed(ordered), key=sort_key) == ordered


def test_tone_is_last_within_a_syllable() -> None:
    # The tone decides only between syllables that are otherwise equal: ກ້າ before ກາງ.
    assert sorted(["ກາງ", "ກ້າ", "ກາ", "ກ່າງ"], key=sort_key) == ["ກາ", "ກ້າ", "ກາງ", "ກ່າງ"]


@pytest.mark.parametrize("lead", list(chars.LEADING_VOWELS))
def test_leading_vowels_are_not_primary(lead: str) -> None:
    # A word with a leading vowel files under its consonant, after ກ + vowel and before ຂ.
    assert sort_key("ກາ") < sort_key(lead + "ກ") < sort_key("ຂາ")
    assert sort_key("ມີ") < sort_key(lead + "ມ") < sort_key("ຢູ່")


def test_leading_vowel_words_interleave_by_vowel() -> None:
    assert sorted(["ໄກ", "ກາ", "ເກ", "ຂາ", "ກ່າ"], key=sort_key) == ["ກາ", "ກ່າ", "ເກ", "ໄກ", "ຂາ"]


def test_ho_clusters_follow_ho_with_a_vowel() -> None:
    words = ["ຫົວ", "ເຫງົາ", "ໃຫຍ່", "ໜ້າ", "ໝາ", "ຫຼາຍ", "ຫວານ"]
    assert sorted(reversed(words), key=sort_key) == words
    assert sort_key("ຫວານ") < sort_key("ອ້າຍ")


def test_non_lao_after_lao() -> None:
    assert sorted(["abc", "ຮູ້", "ກາ", "໑໒"], key=sort_key) == ["ກາ", "ຮູ້", "໑໒", "abc"]
    assert sort_key("ກາ") < sort_key("ກາໆ") < sort_key("ກາ x")


@pytest.mark.parametrize("wrong", [b"\xe0\xba\x81", None, 1, ["ກາ"]])
def test_wrong_type_raises(wrong: object) -> None:
    with pytest.raises(TypeError):
        sort_key(wrong)  # type: ignore[arg-type]


LAO_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
        st.sampled_from(list("ก่ \u200b a")),
    ),
    max_size=20,
)
ANY_TEXT = st.one_of(st.text(max_size=20), LAO_TEXT)


@given(ANY_TEXT)
def test_sort_key_never_raises(text: str) -> None:
    key = sort_key(text)
    assert isinstance(key, SortKey)
    assert key.text == normalize(text, form="lookup")


@given(ANY_TEXT)
def test_equal_normalized_strings_have_equal_keys(text: str) -> None:
    assert sort_key(text) == sort_key(normalize(text, form="lookup"))
    assert sort_key(text) == sort_key(text)


@given(st.lists(ANY_TEXT, max_size=12))
def test_sorting_is_consistent(words: list[str]) -> None:
    once = sorted(words, key=sort_key)
    assert sorted(once, key=sort_key) == once
    keys = [sort_key(w) for w in once]
    assert keys == sorted(keys)
    # Different normalized words never tie, so the order does not depend on the input order.
    assert [sort_key(w) for w in sorted(reversed(words), key=sort_key)] == keys
