"""The Lao–English dictionary: lookup by any spelling, search both ways, user files, spelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import laotext
from laotext.cli.main import cli
from laotext.dictionary import (
    Dictionary,
    Entry,
    load_entries,
    lookup,
    search,
    spellcheck,
    suggest,
    with_user_files,
)
from laotext.dictionary.spelling import weighted_distance
from laotext.errors import DataError, UnknownOptionError

# Facts checked by hand in the source CSV (../shared/data/dictionaries/mpt_lao_eng): ໜັງສື is
# "book" and "letters", ນ້ຳ is "water", "liquid", "sauce".
VARIANTS = [
    ("ຫນັງສື", "ໜັງສື"),  # ຫນ for ໜ
    ("ນໍ້າ", "ນ້ຳ"),  # ໍ + າ for ຳ, tone before the vowel
    ("ຫນຶ່ງ", "ໜຶ່ງ"),
    ("ຖໍ້າ", "ຖ້ຳ"),
    ("ສະໄຫມ", "ສະໄໝ"),
    (" ໜັງສື ", "ໜັງສື"),  # spaces around a word
]


@pytest.mark.parametrize(("typed", "headword"), VARIANTS)
def test_every_spelling_variant_finds_the_entry(typed: str, headword: str) -> None:
    found = lookup(typed)
    assert found, typed
    assert {entry.headword for entry in found} == {headword}
    assert found == lookup(headword)


def test_entries_carry_glosses_part_of_speech_and_pronunciation() -> None:
    (book,) = [entry for entry in lookup("ໜັງສື") if entry.part_of_speech == "noun"]
    assert book.glosses[:2] == ("book", "letters")
    water = lookup("ນ້ຳ")
    assert any("water" in entry.glosses for entry in water)
    assert any(entry.pronunciation for entry in water)
    assert json.dumps(water[0].as_dict(), ensure_ascii=False)


def test_unknown_words_find_nothing_and_wrong_types_raise() -> None:
    assert lookup("ກກກກກກ") == []
    assert lookup("water") == []
    with pytest.raises(TypeError):
        lookup(None)  # type: ignore[arg-type]
    with pytest.raises(UnknownOptionError):
        search("ນ້ຳ", mode="fuzzy")
    with pytest.raises(UnknownOptionError):
        search("ນ້ຳ", lang="th")
    with pytest.raises(ValueError):
        search("ນ້ຳ", limit=0)


def test_lao_prefix_and_contains_search() -> None:
    prefix = [hit.entry.headword for hit in search("ນ້ຳ", mode="prefix", limit=10)]
    assert prefix[0] == "ນ້ຳ" and all(word.startswith("ນ້ຳ") for word in prefix)
    contains = [hit.entry.headword for hit in search("ສຶກສາ", mode="contains", limit=20)]
    assert contains[0] == "ສຶກສາ" and "ການສຶກສາ" in contains
    assert [hit.entry.headword for hit in search("ນໍ້າ", mode="prefix", limit=3)] == prefix[:3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("water", "ນ້ຳ"), ("go", "ໄປ"), ("eat", "ກິນ"), ("school", "ໂຮງຮຽນ"), ("rice", "ເຂົ້າ")],
)
def test_reverse_search_puts_the_common_exact_translation_first(query: str, expected: str) -> None:
    hits = search(query, limit=5)
    assert hits[0].entry.headword == expected, [hit.entry.headword for hit in hits]
    assert hits[0].matched.lower() == query


def test_reverse_search_ranks_exact_glosses_before_longer_ones() -> None:
    hits = search("water", lang="en", limit=50)
    ranks = [hit.rank // 10_000 for hit in hits]
    assert ranks == sorted(ranks)
    assert all("water" in hit.matched.lower() for hit in hits)
    assert search("water buffalo", limit=5)[0].matched.lower().startswith("water buffalo")
    assert search("zzzqqq") == []


def test_user_files_merge_over_the_bundled_dictionary(tmp_path: Path) -> None:
    csv_file = tmp_path / "office.csv"
    csv_file.write_text(
        "headword,english,pos,variants\nຫນັງສື,document; official letter,noun,\nຫ້ອງການໃຫມ່,new office,noun,\n",
        encoding="utf-8",
    )
    json_file = tmp_path / "more.json"
    json_file.write_text(json.dumps([{"lao": "ສະບາຍດີ", "english": ["hello"]}], ensure_ascii=False), "utf-8")
    merged = with_user_files(csv_file, json_file)
    (book,) = merged.lookup("ໜັງສື")
    assert book.glosses == ("document", "official letter") and book.source == "office.csv"
    assert book.variants == ("ຫນັງສື",)  # the spelling the user typed is kept as a variant
    assert merged.lookup("ຫ້ອງການໃໝ່")[0].glosses == ("new office",)
    assert merged.lookup("ສະບາຍດີ")[0].glosses == ("hello",)
    assert lookup("ໜັງສື")[0].glosses[0] == "book"  # the bundled dictionary is untouched
    assert "ໜັງສື" in [hit.entry.headword for hit in merged.search("official letter", limit=10)]
    assert "ໜັງສື" not in [hit.entry.headword for hit in search("official letter", limit=10)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "lao,meaning\nກ,x\n", "no glosses column"),
        ("bad2.csv", "word,english\n,x\n", "no headword"),
        ("bad3.tsv", "word\tenglish\nກາ\t\n", "no English"),
        ("bad4.json", '{"word": "ກາ"}', "list of objects"),
        ("bad5.json", "[{", "invalid JSON"),
        ("bad6.txt", "word,english\n", "must be a .csv"),
    ],
)
def test_bad_user_files_say_what_is_wrong(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message) as raised:
        load_entries(path)
    assert name in str(raised.value)


def test_a_user_file_in_a_legacy_encoding_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(b"word,english\n\xa1\xbe,crow\n")
    with pytest.raises(DataError, match=r"old.csv:2: not UTF-8 \(byte 0xA1\)"):
        load_entries(path)


def test_a_dictionary_of_your_own() -> None:
    mine = Dictionary([Entry("ກາ", (), "noun", ("crow",))])
    assert len(mine) == 1 and "ກາ" in mine and mine.lookup("ກາ")[0].glosses == ("crow",)
    assert mine.search("crow")[0].entry.headword == "ກາ"


# -- spelling ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ສະບາຍດີ່", "ສະບາຍດີ"),  # an extra tone mark
        ("ດີ່", "ດີ"),
        ("ປະເທັດ", "ປະເທດ"),  # a vowel typed wrong
        ("ພາສາລາ", "ພາສາລາວ"),  # a missing final consonant
        ("ໂຮງຮຽນນ", "ໂຮງຮຽນ"),  # a doubled consonant
        ("ຄອມພິວເຕີ", "ຄອມພິວເຕີ"),  # known words come first
    ],
)
def test_suggestions_put_the_meant_word_first(typed: str, meant: str) -> None:
    assert suggest(typed)[0] == meant


def test_confusions_cost_less_than_other_edits() -> None:
    assert weighted_distance("ບໍ່", "ບໍ້") < weighted_distance("ກາ", "ຂາ") == 1.0
    assert weighted_distance("ຣາ", "ລາ") < 1
    assert weighted_distance("ກາ", "ກາ") == 0
    assert weighted_distance("ກກກກກກ", "ຂຂຂຂຂຂ", limit=2.0) > 2.0


def test_spellcheck_reports_unknown_words_with_positions() -> None:
    text = "ສະບາຍດີ່ທຸກຄົນ, ຫນັງສື ແລະ English 2025"
    found = spellcheck(text)
    assert [(miss.word, miss.start, miss.end) for miss in found] == [("ດີ່", 5, 8)]
    assert text[found[0].start : found[0].end] == "ດີ່"
    assert found[0].suggestions[0] == "ດີ"
    assert spellcheck("ໜັງສືພິມລາວ") == []


def test_dict_and_spell_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["dict", "ຫນັງສື"])
    assert result.exit_code == 0 and "ໜັງສື" in result.output and "book" in result.output
    result = runner.invoke(cli, ["dict", "--en", "water", "--json", "--limit", "3"])
    assert result.exit_code == 0 and json.loads(result.output)[0]["headword"] == "ນ້ຳ"
    result = runner.invoke(cli, ["dict", "ສະບາຍດີ່"])
    assert result.exit_code == 1 and "did you mean" in result.output
    assert runner.invoke(cli, ["dict"]).exit_code == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n", encoding="utf-8")
    result = runner.invoke(cli, ["dict", "--user", str(bad), "ກາ"])
    assert result.exit_code == 2 and "no headword column" in result.output
    letter = tmp_path / "letter.txt"
    letter.write_text("ສະບາຍດີ່ທຸກຄົນ\nໜັງສືພິມ\n", encoding="utf-8")
    result = runner.invoke(cli, ["spell", str(letter)])
    assert result.exit_code == 1 and result.output.startswith("1:6: ດີ່ → ດີ")
    result = runner.invoke(cli, ["spell", "--json", str(letter)])
    assert json.loads(result.output)[0]["word"] == "ດີ່"


def test_top_level_names_are_the_dictionary_functions() -> None:
    assert laotext.lookup is lookup and laotext.search is search and laotext.suggest is suggest
