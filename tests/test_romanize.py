"""laotext.romanize: the hand-checked cases of cases/romanize.tsv, the parse, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tsvcases import Row, params, read_rows

from laotext.errors import UnknownOptionError
from laotext.romanization import SYSTEMS, SyllableInfo, romanize, syllable_info

COLUMNS = ("label", "system", "lao", "expected", "rule", "source")
ROWS = read_rows("romanize.tsv", COLUMNS)
KNOWN_FAILURES = read_rows("romanize_known_failures.tsv", (*COLUMNS, "xfail"))


def run(row: Row) -> str:
    expected = row.text("expected")
    # Names are written capitalized in the standards; official spellings carry their own case.
    capitalize = expected[:1].isupper() and row["system"] != "official"
    return romanize(row.text("lao"), row["system"], capitalize=capitalize)


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 200
    for row in ROWS + KNOWN_FAILURES:
        assert row["system"] in SYSTEMS, row.where
        assert row["rule"].strip() and row["source"].strip(), row.where
    for system in SYSTEMS:
        assert any(row["system"] == system for row in ROWS), system


@pytest.mark.parametrize("row", params(ROWS + KNOWN_FAILURES))
def test_romanize_case(row: Row) -> None:
    assert run(row) == row.text("expected")


@pytest.mark.parametrize(
    ("syllable", "initial", "cluster", "vowel_key", "final", "tone_class", "live", "tone"),
    [
        ("ກາ", "ກ", "", "aa", "", "mid", True, "low-rising"),
        ("ຫຼວງ", "ຫຼ", "ho", "uua", "ŋ", "high", True, "low-rising"),
        ("ໜອງ", "ໜ", "ho", "oor", "ŋ", "high", True, "low-rising"),
        ("ໃຫຍ່", "ຫຍ", "ho", "ai", "j", "high", True, "mid"),
        ("ແຂວງ", "ຂວ", "w", "aae", "ŋ", "high", True, "low-rising"),
        ("ພຣະ", "ພຣ", "r", "a", "ʔ", "low", False, "mid"),
        ("ເດັກ", "ດ", "", "e", "k", "mid", False, "high-rising"),
        ("ເລກ", "ລ", "", "ee", "k", "low", False, "high-falling"),
        ("ແກ້ວ", "ກ", "", "aae", "w", "mid", True, "high-falling"),
        ("ມ່ວນ", "ມ", "", "uua", "n", "low", True, "mid"),
        ("ເມືອງ", "ມ", "", "uuea", "ŋ", "low", True, "high-rising"),
        ("ເສຍ", "ສ", "", "iia", "", "high", True, "low-rising"),
        ("ຂຽວ", "ຂ", "", "iia", "w", "high", True, "low-rising"),
        ("ເກາະ", "ກ", "", "or", "ʔ", "mid", False, "high-rising"),
        ("ຂ້ອຍ", "ຂ", "", "oor", "j", "high", True, "low-falling"),
        ("ນ້ຳ", "ນ", "", "am", "m", "low", True, "high-falling"),
        ("ເຂົ້າ", "ຂ", "", "ao", "w", "high", True, "low-falling"),
        ("ຫວານ", "ຫວ", "ho", "aa", "n", "high", True, "low-rising"),
        ("ຫົວ", "ຫ", "", "uua", "", "high", True, "low-rising"),
    ],
)
def test_syllable_info(
    syllable: str,
    initial: str,
    cluster: str,
    vowel_key: str,
    final: str,
    tone_class: str,
    live: bool,
    tone: str,
) -> None:
    info = syllable_info(syllable)
    assert isinstance(info, SyllableInfo)
    got = (info.initial, info.cluster, info.vowel_key, info.final, info.tone_class, info.live, info.tone)
    assert got == (initial, cluster, vowel_key, final, tone_class, live, tone)


@pytest.mark.parametrize(
    ("variant", "standard"), [("ນໍ້າ", "ນ້ຳ"), ("ຫນອງ", "ໜອງ"), ("ຫລວງ", "ຫຼວງ"), ("ບ່ໍ", "ບໍ່")]
)
def test_syllable_info_variants(variant: str, standard: str) -> None:
    assert syllable_info(variant).ipa == syllable_info(standard).ipa


@pytest.mark.parametrize("text", ["ສະບາຍ", "", "abc", "ໆ"])
def test_syllable_info_rejects_other_than_one_syllable(text: str) -> None:
    with pytest.raises(ValueError):
        syllable_info(text)


def test_unknown_system_raises() -> None:
    with pytest.raises(UnknownOptionError) as error:
        romanize("ລາວ", "rtgs")
    assert "bgn-pcgn" in str(error.value)


@pytest.mark.parametrize("bad", [b"\xe0\xba\xa5", None, 3, ["ລາວ"]])
def test_wrong_type_raises(bad: object) -> None:
    with pytest.raises(TypeError):
        romanize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        syllable_info(bad)  # type: ignore[arg-type]


def test_words_get_spaces_and_ko_la_repeats() -> None:
    assert romanize("ເດັກໆ") == "dék dék"
    assert romanize("ຂ້ອຍຮັກປະເທດລາວ") == "khoy hak pathétlao"


LAO = st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF)
LAO_TEXT = st.text(st.one_of(LAO, st.sampled_from(" ,.a1\u200b")), max_size=40)
NOT_LAO = st.text(st.characters(blacklist_characters=[chr(c) for c in range(0x0E80, 0x0F00)]), max_size=40)
WORDS = st.lists(st.sampled_from(["ນ້ຳ", "ໜອງ", "ຫຼວງ", "ບໍ່", "ຄຳ", "ເຂົ້າ", "ຫຼາຍ", "ໝາ", " "]), max_size=8)
VARIANT = {
    "ນ້ຳ": "ນໍ້າ",
    "ໜອງ": "ຫນອງ",
    "ຫຼວງ": "ຫລວງ",
    "ບໍ່": "ບ່ໍ",
    "ຄຳ": "ຄໍາ",
    "ເຂົ້າ": "ເຂ້ົາ",
    "ຫຼາຍ": "ຫລາຍ",
    "ໝາ": "ຫມາ",
}


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), LAO_TEXT), st.sampled_from(sorted(SYSTEMS)), st.booleans())
def test_never_raises(text: str, system: str, capitalize: bool) -> None:
    assert isinstance(romanize(text, system, capitalize=capitalize), str)


@settings(max_examples=200, deadline=None)
@given(NOT_LAO, st.sampled_from(sorted(SYSTEMS)))
def test_non_lao_passes_through(text: str, system: str) -> None:
    assert romanize(text, system) == text


@settings(max_examples=100, deadline=None)
@given(WORDS, st.sampled_from(sorted(SYSTEMS)))
def test_variants_romanize_alike(words: list[str], system: str) -> None:
    standard = "".join(words)
    variant = "".join(VARIANT.get(word, word) for word in words)
    assert romanize(variant, system) == romanize(standard, system)


@settings(max_examples=200, deadline=None)
@given(LAO_TEXT)
def test_moh2020_is_ascii(text: str) -> None:
    ascii_input = "".join(c for c in text if c.isascii() or "\u0e80" <= c <= "\u0eff")
    assert romanize(ascii_input, "moh2020").isascii()


def test_cli_romanize() -> None:
    from click.testing import CliRunner

    from laotext.cli.romanize import romanize_command

    runner = CliRunner()
    result = runner.invoke(romanize_command, ["-", "--capitalize"], input="ຫຼວງພະບາງ\nສະຫວັນນະເຂດ\n".encode())
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == "Louangphabang\nSavannakhét\n"
    result = runner.invoke(romanize_command, ["-", "--system", "official"], input="ວຽງຈັນ\n".encode())
    assert result.stdout_bytes.decode("utf-8") == "Vientiane\n"
    result = runner.invoke(romanize_command, ["-"], input=b"\xff\n")
    assert result.exit_code == 2
    result = runner.invoke(romanize_command, ["-", "--system", "rtgs"], input=b"")
    assert result.exit_code == 2


def test_the_package_does_not_hide_the_function() -> None:
    import laotext
    import laotext.romanization  # importing the package must not replace laotext.romanize

    assert callable(laotext.romanize) and laotext.romanize("ລາວ") == "lao"
