"""laotext.keyboard: the hand-checked cases of cases/keyboard.tsv, the data files, round-trip properties."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tsvcases import Row, params, read_rows

from laotext import _data, normalize
from laotext.keyboard import (
    MIN_COVERAGE,
    Mistyped,
    find_mistyped,
    keyboard_layout,
    lao_to_latin,
    lao_words,
    latin_to_lao,
    looks_mistyped,
)

COLUMNS = ("label", "function", "input", "expected", "comment", "xfail")
ROWS = read_rows("keyboard.tsv", COLUMNS)

CONVERSIONS: dict[str, Callable[[str], str]] = {
    "latin_to_lao": latin_to_lao,
    "lao_to_latin": lao_to_latin,
    "lao_to_latin_composite": lambda text: lao_to_latin(text, composite_keys=True),
}
FINDERS = ("find_mistyped", "looks_mistyped")

KEYS = "".join(chr(code) for code in range(0x21, 0x7F))
#: The shifted keys that type two characters, each pair also typed by two unshifted keys.
COMPOSITE_KEYS = "+ABENQUY}"
SETTINGS = settings(max_examples=300, deadline=None)


def shown(findings: list[Mistyped]) -> str:
    return " ".join(f"{finding.typed}→{finding.suggestion}" for finding in findings) or "-"


def check_finding(text: str, finding: Mistyped) -> None:
    assert text[finding.start : finding.end] == finding.typed
    assert finding.suggestion == latin_to_lao(finding.typed)
    assert MIN_COVERAGE <= finding.score <= 1
    assert finding.words
    assert all(word in lao_words() for word in finding.words)


# -- The case file ---------------------------------------------------------------------------------


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 40
    for row in ROWS:
        assert row["function"] in (*CONVERSIONS, *FINDERS), row.where
        assert row["comment"].strip(), f"{row.where}: every case says why"
    functions = {row["function"] for row in ROWS}
    assert functions == {*CONVERSIONS, *FINDERS}


@pytest.mark.parametrize("row", params(ROWS))
def test_keyboard_case(row: Row) -> None:
    text, expected = row.text("input"), row.text("expected")
    function = row["function"]
    if function in CONVERSIONS:
        assert CONVERSIONS[function](text) == expected
    elif function == "find_mistyped":
        findings = find_mistyped(text)
        assert shown(findings) == expected
        for finding in findings:
            check_finding(text, finding)
    else:
        strongest = looks_mistyped(text)
        assert shown([strongest] if strongest else []) == expected
        if strongest is not None:
            check_finding(text, strongest)


# -- The data --------------------------------------------------------------------------------------


def test_layout_has_every_printable_key_and_no_two_keys_type_the_same() -> None:
    layout = keyboard_layout()
    assert sorted(layout) == sorted(KEYS)
    assert len(set(layout.values())) == len(layout)
    composites = {key for key, output in layout.items() if len(output) > 1}
    assert composites == set(COMPOSITE_KEYS)
    singles = {output: key for key, output in layout.items() if len(output) == 1}
    for key in composites:
        assert all(char in singles for char in layout[key]), key


def test_layout_matches_the_lao_keyboard() -> None:
    layout = keyboard_layout()
    # The home row, unshifted and shifted.
    assert "".join(layout[key] for key in "asdfghjkl;'") == "ັຫກດເ້່າສວງ"
    assert "".join(layout[key] for key in 'ASDFGHJKL:"') == "ັ້;.,:໊໋!?%="
    # The unshifted number row.
    assert "".join(layout[key] for key in "1234567890-=") == "ຢຟໂຖຸູຄຕຈຂຊໍ"


def test_data_files_name_their_source() -> None:
    for name in ("keyboard_layout.tsv", "words_lo.txt"):
        first = _data.read_text(name).split("\n", 1)[0]
        assert first.startswith("# "), name
        assert "scripts/make_" in first and "licen" in first.lower(), name


def test_word_list_is_clean_lookup_form() -> None:
    words = lao_words()
    assert len(words) > 20000
    for word in words:
        assert word == normalize(word, form="lookup"), word
        assert all("\u0e80" <= char <= "\u0eff" for char in word), word
    lines = _data.read_text("words_lo.txt").splitlines()[1:]
    assert lines == sorted(set(lines)), "sorted, one word per line, no repeats"


def test_typeable_words_go_back_and_forth() -> None:
    typeable = set("".join(keyboard_layout().values()))
    words = [word for word in lao_words() if set(word) <= typeable]
    assert len(words) > 0.95 * len(lao_words())
    for word in words:
        assert latin_to_lao(lao_to_latin(word)) == word, word
        assert latin_to_lao(lao_to_latin(word, composite_keys=True)) == word, word


# -- Errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("function", [latin_to_lao, lao_to_latin, find_mistyped, looks_mistyped])
@pytest.mark.parametrize("value", [None, b"l;", 7, ["ກ"]])
def test_not_str_is_type_error(function: Callable[[str], object], value: object) -> None:
    with pytest.raises(TypeError):
        function(value)  # type: ignore[arg-type]


# -- Properties ------------------------------------------------------------------------------------

ASCII_TEXT = st.text(st.sampled_from(KEYS + " \t\n"), max_size=40)
PLAIN_KEYS = "".join(key for key in KEYS if key not in COMPOSITE_KEYS)
LAO_COMMON = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮໜໝະັາຳິີຶືຸູົຼຽເແໂໃໄ່້໊໋໌ໍໆຯ໑໒₭"
ANY_TEXT = st.text(
    st.one_of(
        st.sampled_from(KEYS),
        st.sampled_from(LAO_COMMON),
        st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
        st.sampled_from(" \t\n\u200b"),
        st.characters(),
    ),
    max_size=60,
)


@SETTINGS
@given(text=st.text(st.sampled_from(PLAIN_KEYS + " \n"), max_size=40))
def test_keys_go_back_and_forth(text: str) -> None:
    assert lao_to_latin(latin_to_lao(text)) == text


@SETTINGS
@given(keys=st.lists(st.sampled_from(KEYS), max_size=30))
def test_keys_go_back_and_forth_with_composite_keys(keys: list[str]) -> None:
    layout = keyboard_layout()
    pairs = {layout[key] for key in COMPOSITE_KEYS}
    # Leave out key sequences whose Lao text holds a pair no shifted key typed (y then E: ິ ້ຳ).
    for before, after in pairwise(keys):
        if layout[before][-1] + layout[after][0] in pairs:
            return
    text = "".join(keys)
    assert lao_to_latin(latin_to_lao(text), composite_keys=True) == text


@SETTINGS
@given(text=ASCII_TEXT, composite_keys=st.booleans())
def test_lao_typed_with_the_layout_goes_back_and_forth(text: str, composite_keys: bool) -> None:
    typed = latin_to_lao(text)
    assert latin_to_lao(lao_to_latin(typed, composite_keys=composite_keys)) == typed


@SETTINGS
@given(text=ANY_TEXT)
def test_each_character_is_converted_on_its_own(text: str) -> None:
    layout = keyboard_layout()
    keys = {output: key for key, output in layout.items() if len(output) == 1}
    # Keys become their text; everything else, Lao included, is kept.
    assert latin_to_lao(text) == "".join(layout.get(char, char) for char in text)
    # Characters some key types become that key; characters no key types are kept.
    assert lao_to_latin(text) == "".join(keys.get(char, char) for char in text)


@SETTINGS
@given(text=st.one_of(ANY_TEXT, ASCII_TEXT, ASCII_TEXT.map(latin_to_lao)))
def test_findings_are_consistent(text: str) -> None:
    findings = find_mistyped(text)
    previous_end = 0
    for finding in findings:
        check_finding(text, finding)
        assert previous_end <= finding.start < finding.end
        previous_end = finding.end
    strongest = looks_mistyped(text)
    assert (strongest is None) == (not findings)
    assert strongest is None or strongest in findings
