"""data/lexicon_lo.tsv: the bundled lexicon parses, is clean, and holds hand-checked words.

The expected sources of the words below were checked by hand in the three word lists as published
(Google's spell-check list, the Wilson–Campbell list, the headwords of the MPT Lao–English dictionary).
"""

from __future__ import annotations

from collections import Counter

import pytest

from laotext import normalize
from laotext._data import read_text, read_tsv
from laotext.chars import DIGITS, ELLIPSIS, KO_LA, is_assigned, is_combining_mark, is_lao

NAMES = ("google", "wilson-campbell", "mpt")


@pytest.fixture(scope="module")
def lexicon() -> dict[str, tuple[str, ...]]:
    rows = read_tsv("lexicon_lo.tsv")
    assert rows and list(rows[0]) == ["word", "sources"]
    return {row["word"]: tuple(row["sources"].split(",")) for row in rows}


def test_header_names_script_sources_and_licences() -> None:
    header = [line for line in read_text("lexicon_lo.tsv").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "scripts/make_lexicon.py" in text
    for name, licence in (
        ("google", "LICENSE-Apache-2.0.txt"),
        ("wilson-campbell", "LICENSE-BSD-2-Clause-Wilson-Campbell.txt"),
        ("mpt", "LICENSE-MIT-MPT-dictionary.txt"),
    ):
        assert any(line.startswith(f"# {name}: ") and licence in line for line in header)
        assert read_text(licence).strip()


def test_words_are_distinct_sorted_and_in_lookup_form(lexicon: dict[str, tuple[str, ...]]) -> None:
    words = [row["word"] for row in read_tsv("lexicon_lo.tsv")]
    assert len(words) == len(lexicon)
    assert words == sorted(words)
    for word in words:
        assert normalize(word, form="lookup") == word, word
        assert all(is_lao(char) and is_assigned(char) for char in word), word
        assert not any(char in DIGITS or char == ELLIPSIS for char in word), word
        assert not (len(word) == 1 and (is_combining_mark(word) or word == KO_LA)), word


def test_sources_come_from_the_fixed_set_in_order(lexicon: dict[str, tuple[str, ...]]) -> None:
    for word, sources in lexicon.items():
        assert sources, word
        assert all(name in NAMES for name in sources), (word, sources)
        assert list(sources) == sorted(set(sources), key=NAMES.index), (word, sources)


def test_list_sizes(lexicon: dict[str, tuple[str, ...]]) -> None:
    sizes = Counter(name for sources in lexicon.values() for name in sources)
    assert sizes["google"] > 20_000
    assert sizes["wilson-campbell"] > 25_000
    assert sizes["mpt"] > 25_000


@pytest.mark.parametrize(
    ("word", "sources"),
    [
        ("ໜັງສື", NAMES),
        ("ສະບາຍດີ", NAMES),
        ("ປະເທດ", NAMES),
        ("ນ້ຳ", NAMES),
        ("ໝາ", NAMES),  # Google's list also spells it ຫມາ: one row after normalization
        ("ຄອມພິວເຕີ", ("google", "wilson-campbell")),
        ("ຫຼວງພະບາງ", ("wilson-campbell",)),
        ("ກຳນົດໃຫ້", ("mpt",)),
    ],
)
def test_hand_checked_words(lexicon: dict[str, tuple[str, ...]], word: str, sources: tuple[str, ...]) -> None:
    assert lexicon.get(word) == sources


@pytest.mark.parametrize("spelling", ["ຫມາ", "ຫນ້າ", "ນໍ້າ"])
def test_variant_spellings_are_not_rows(lexicon: dict[str, tuple[str, ...]], spelling: str) -> None:
    assert spelling not in lexicon
