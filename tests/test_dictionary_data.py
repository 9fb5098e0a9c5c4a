"""data/dictionary_lo_en.tsv: the bundled Lao–English dictionary parses, is clean, and is right.

The entries below were checked by hand in ``lao-eng-dictionary.csv`` of the MPT Lao–English dictionary as
shipped in laonlp 1.3.0 (the row numbers are its ``ID`` column).
"""

from __future__ import annotations

import pytest

from laotext import normalize
from laotext._data import read_text, read_tsv
from laotext.chars import KO_LA, is_assigned, is_combining_mark, is_lao

NAME = "dictionary_lo_en.tsv"
COLUMNS = ["headword", "variants", "part_of_speech", "glosses", "pronunciation"]
PARTS_OF_SPEECH = {
    "noun",
    "verb",
    "adjective",
    "adverb",
    "preposition",
    "pronoun",
    "conjunction",
    "interjection",
    "classifier",
    "prefix",
    "idiom",
    "auxiliary",
    "numeral",
    "particle",
}

Rows = tuple[dict[str, str], ...]


@pytest.fixture(scope="module")
def rows() -> Rows:
    rows = read_tsv(NAME)
    assert rows and list(rows[0]) == COLUMNS
    return rows


@pytest.fixture(scope="module")
def entries(rows: Rows) -> dict[tuple[str, str], dict[str, str]]:
    return {(row["headword"], row["part_of_speech"]): row for row in rows}


def glosses(entries: dict[tuple[str, str], dict[str, str]], headword: str, pos: str) -> list[str]:
    return entries[headword, pos]["glosses"].split(" ; ")


def test_header_names_script_source_and_licence() -> None:
    header = "\n".join(line for line in read_text(NAME).splitlines() if line.startswith("#"))
    assert "scripts/make_dictionary.py" in header
    assert "laonlp 1.3.0" in header and "laonlp/corpus/lao-eng-dictionary.csv" in header
    assert "LICENSE-MIT-MPT-dictionary.txt" in header
    assert "MIT License" in read_text("LICENSE-MIT-MPT-dictionary.txt")
    assert "repeated header rows" in header and "exact duplicate senses" in header


def test_one_row_per_headword_and_part_of_speech_sorted(
    rows: Rows, entries: dict[tuple[str, str], dict[str, str]]
) -> None:
    keys = [(row["headword"], row["part_of_speech"]) for row in rows]
    assert len(keys) == len(entries)
    assert keys == sorted(keys)


def test_headwords_are_normalized_lao(rows: Rows) -> None:
    for row in rows:
        headword = row["headword"]
        assert headword, row
        assert normalize(headword) == headword, headword
        assert headword == " ".join(headword.split()), headword
        assert all(char == " " or (is_lao(char) and is_assigned(char)) for char in headword), headword
        assert not (len(headword) == 1 and (is_combining_mark(headword) or headword == KO_LA)), headword


def test_phrases_are_kept(rows: Rows) -> None:
    assert sum(1 for row in rows if " " in row["headword"]) > 20


def test_variants_are_other_spellings_of_the_headword(rows: Rows) -> None:
    by_headword: dict[str, str] = {}
    for row in rows:
        headword, variants = row["headword"], row["variants"]
        assert by_headword.setdefault(headword, variants) == variants, headword
        if not variants:
            continue
        spellings = variants.split(",")
        assert len(set(spellings)) == len(spellings), headword
        for spelling in spellings:
            assert spelling and spelling != headword, headword
            assert normalize(spelling) == headword, (headword, spelling)


def test_parts_of_speech_come_from_the_fixed_set(rows: Rows) -> None:
    seen = {row["part_of_speech"] for row in rows}
    assert seen <= PARTS_OF_SPEECH | {""}
    assert {"noun", "verb", "adjective", "adverb"} <= seen


def test_glosses_and_pronunciations_are_clean(rows: Rows) -> None:
    for row in rows:
        senses = row["glosses"].split(" ; ")
        assert all(sense and sense == " ".join(sense.split()) for sense in senses), row
        assert ";" not in row["glosses"].replace(" ; ", ""), row
        assert len(set(senses)) == len(senses), row
        assert any(char.isalnum() for sense in senses for char in sense), row
        assert not any("\u0e80" <= char <= "\u0eff" for char in row["glosses"]), row
        if row["pronunciation"]:
            assert all(part.strip() for part in row["pronunciation"].split(" ; ")), row


def test_size(rows: Rows) -> None:
    headwords = {row["headword"] for row in rows}
    assert 30_000 < len(headwords) < 36_000
    assert 30_000 < len(rows) < 40_000


def test_hand_checked_entries(entries: dict[tuple[str, str], dict[str, str]]) -> None:
    # 51024-51025 ໜັງສື book, letters (n)
    assert glosses(entries, "ໜັງສື", "noun") == ["book", "letters"]
    # 30867-30869 ນ້ຳ water, liquid, sauce (n), pronounced nàm
    assert glosses(entries, "ນ້ຳ", "noun")[0] == "water"
    assert entries["ນ້ຳ", "noun"]["pronunciation"] == "nàm"
    # 51181 ໝາ dog (n); 51040 ໜ້າ face (n)
    assert "dog" in glosses(entries, "ໝາ", "noun")
    assert "face" in glosses(entries, "ໜ້າ", "noun")
    # 41731-41733 ມັກ love, like, Want (n,vi,vt): one row per part of speech
    assert glosses(entries, "ມັກ", "noun") == glosses(entries, "ມັກ", "verb") == ["love", "like", "Want"]
    # 88-89 ກະຈັດ Destroy, expel (vi)
    assert glosses(entries, "ກະຈັດ", "verb") == ["Destroy", "expel"]
    # 50318-50319 ຮ້ອຍ One hundred, 100 (n): a number is a translation, not junk
    assert glosses(entries, "ຮ້ອຍ", "noun") == ["One hundred", "100"]
    # 42565 ມື້ຫນ້າ "tomorrow; one of these days" (n,adv): ';' inside a gloss becomes ','
    assert "tomorrow, one of these days" in glosses(entries, "ມື້ໜ້າ", "adverb")


def test_source_spellings_become_variants(entries: dict[tuple[str, str], dict[str, str]]) -> None:
    # ໜັງສື is spelt only with ໜ in the source, so it has no variant.
    assert entries["ໜັງສື", "noun"]["variants"] == ""
    # 30154 ຫນຶ່ງ "one (1)": ຫນ written as ໜ
    assert entries["ໜຶ່ງ", "noun"]["variants"] == "ຫນຶ່ງ"
    # 12463 ສະໄຫມ and 12516 ສະໄໝ: the same senses under two spellings, merged
    assert entries["ສະໄໝ", "noun"]["variants"] == "ສະໄຫມ"
    assert glosses(entries, "ສະໄໝ", "noun") == ["session", "period of time", "era", "age"]
    # 26893 ຖໍ້າ cave: ໍ + າ composed into ຳ, tone mark after the vowel
    assert entries["ຖ້ຳ", "noun"]["variants"] == "ຖໍ້າ"
    assert ("ຖໍ້າ", "noun") not in entries


def test_removed_rows_are_gone(entries: dict[tuple[str, str], dict[str, str]]) -> None:
    headwords = {headword for headword, _ in entries}
    for junk in ("LaoWord", "Lao", "ຂັດຂີນ(ຂຸນ)", "ໄກປານໃດ?", "ໂ´ງ", "ເກັບ...ໄວ້"):
        assert junk not in headwords
    # 27080 ທະຫານ<ZWSP>ຣາບ: the zero-width space is removed, the entry kept
    assert "foot soldier" in glosses(entries, "ທະຫານຣາບ", "noun")
    # 20443 ຊ່ອຍເຫຼືອ has no English and is removed; 20441-20442 give the word under the spelling ຊ່ອຍເຫລືອ
    assert entries["ຊ່ອຍເຫຼືອ", "verb"]["glosses"] == "help ; assist"
    assert entries["ຊ່ອຍເຫຼືອ", "verb"]["variants"] == "ຊ່ອຍເຫລືອ"
    # 4382 ຂາປັ້ນ "n": its only gloss is a part-of-speech label typed into the English column
    assert ("ຂາປັ້ນ", "noun") not in entries
    # 775 ກະຣິຍາ "verb" is a translation (the word means verb) and stays
    assert glosses(entries, "ກະຣິຍາ", "noun") == ["verb"]
