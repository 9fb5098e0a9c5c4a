"""laotext.normalize: the hand-checked cases of cases/normalize.tsv, explanations, offsets and errors."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

import pytest
from tsvcases import Row, params, read_rows, split_list

import laotext
from laotext import Change, normalize, normalize_and_explain

COLUMNS = ("label", "input", "options", "expected", "fixes", "comment", "xfail")
ROWS = read_rows("normalize.tsv", COLUMNS)

#: Every code a change may carry.
FIX_CODES = {
    "zero-width",
    "zero-width-break",
    "thai-lookalike",
    "double-e-vowel",
    "tone-before-vowel",
    "misplaced-tone",
    "mark-order",
    "repeated-mark",
    "decomposed-am",
    "ho-ligature",
    "ho-lo",
    "nfc",
}
SWITCHES = ("zero_width", "zero_width_breaks", "thai_lookalikes", "ho_ligatures", "ho_lo", "misplaced_tones")


def options(cell: str) -> dict[str, Any]:
    """Parse the options column: ``-`` or ``name=value,...`` with True/False or a form name."""
    parsed: dict[str, Any] = {}
    for item in split_list(cell):
        name, _, value = item.partition("=")
        if name == "form":
            parsed[name] = value
        elif name in SWITCHES and value in ("True", "False"):
            parsed[name] = value == "True"
        else:
            raise ValueError(f"bad option {item!r}")
    return parsed


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 80
    for row in ROWS:
        options(row["options"])
        unknown = set(split_list(row["fixes"])) - FIX_CODES
        assert not unknown, f"{row.where}: unknown fix codes {unknown}"
        assert row["comment"].strip(), f"{row.where}: every case says why"
        # Nothing changes exactly when no fix is expected.
        assert (row.text("input") == row.text("expected")) == (row["fixes"] == "-"), row.where


@pytest.mark.parametrize("row", params(ROWS))
def test_normalize_case(row: Row) -> None:
    text, expected, kwargs = row.text("input"), row.text("expected"), options(row["options"])
    assert normalize(text, **kwargs) == expected
    result = normalize_and_explain(text, **kwargs)
    assert result.text == expected
    assert result.original == text
    found = Counter(code for change in result.changes for code in change.fixes)
    assert found == Counter(split_list(row["fixes"]))
    # The expected text is itself normalized: normalizing it again changes nothing.
    assert normalize(expected, **kwargs) == expected


# Explanations: where each change is, in offsets of the original text, narrowed to what changed.
EXPLAINED = [
    pytest.param("ບ່ໍ", [Change(1, 3, "່ໍ", "ໍ່", ("tone-before-vowel",))], id="tone-before-vowel"),
    pytest.param("ນໍ້າດີ", [Change(1, 4, "ໍ້າ", "້ຳ", ("decomposed-am",))], id="decomposed-am"),
    pytest.param("ບໍ່່", [Change(3, 4, "່", "", ("repeated-mark",))], id="repeated-tone-deleted"),
    pytest.param("ຫນັງສື", [Change(0, 2, "ຫນ", "ໜ", ("ho-ligature",))], id="ho-ligature"),
    pytest.param("ຫລວງ", [Change(1, 2, "ລ", "ຼ", ("ho-lo",))], id="ho-lo-keeps-ho"),
    pytest.param("ກ\u200bິນ", [Change(1, 2, "\u200b", "", ("zero-width",))], id="zero-width"),
    pytest.param("ເເລ້ວ", [Change(0, 2, "ເເ", "ແ", ("double-e-vowel",))], id="double-e"),
    pytest.param(
        "ບ່ໍມີ ນໍ້າ ສະບາຍดี",
        [
            Change(1, 3, "່ໍ", "ໍ່", ("tone-before-vowel",)),
            Change(7, 10, "ໍ້າ", "້ຳ", ("decomposed-am",)),
            Change(16, 18, "ดี", "ດີ", ("thai-lookalike",)),
        ],
        id="three-changes",
    ),
    pytest.param("ນ້ໍາ", [Change(2, 4, "ໍາ", "ຳ", ("decomposed-am",))], id="am-after-its-tone-narrowed"),
]


@pytest.mark.parametrize(("text", "changes"), EXPLAINED)
def test_changes(text: str, changes: list[Change]) -> None:
    assert list(normalize_and_explain(text).changes) == changes


# original_span maps a span of the normalized text back to the characters the user typed.
SPANS = [
    pytest.param("ນໍ້າດີ", (3, 5), (4, 6), id="after-a-shorter-change"),
    pytest.param("ນໍ້າດີ", (0, 1), (0, 1), id="before-a-change"),
    pytest.param("ນໍ້າດີ", (1, 3), (1, 4), id="the-change-itself"),
    pytest.param("ນໍ້າດີ", (2, 3), (1, 4), id="inside-a-change-maps-to-all-of-it"),
    pytest.param("ກ\u200bິນດີ", (2, 4), (3, 5), id="after-a-removed-zero-width"),
    pytest.param("ຫນັງສື", (1, 3), (2, 4), id="after-a-ligature"),
    pytest.param("ຫນັງສື", (0, 5), (0, 6), id="whole-text"),
    pytest.param("ສະບາຍດີ", (2, 5), (2, 5), id="unchanged-text"),
]


@pytest.mark.parametrize(("text", "span", "original_span"), SPANS)
def test_original_span(text: str, span: tuple[int, int], original_span: tuple[int, int]) -> None:
    assert normalize_and_explain(text).original_span(*span) == original_span


# An empty span (a cursor position) where a character was removed stays an empty span.
@pytest.mark.parametrize(("text", "position"), [("ບໍ່່", 3), ("ບໍ່່ກ", 3), ("0່່", 2)])
def test_original_span_of_an_empty_span(text: str, position: int) -> None:
    result = normalize_and_explain(text)
    start, end = result.original_span(position, position)
    assert 0 <= start == end <= len(text)


# Normalizing twice changes nothing: inputs where one fix sets up another.
IDEMPOTENT = [
    pytest.param("ຫລຼ", id="ho-lo-before-subscript-lo"),
    pytest.param("ຫລັຼງ", id="ho-lo-before-unordered-subscript-lo"),
    pytest.param("ສ\u200bาມາດ", id="thai-vowel-after-zero-width"),
    pytest.param("ก\u0ec8\u0e38\u0ec8", id="lao-tones-around-thai-vowel"),
    pytest.param("ເເເ", id="three-e"),
    pytest.param("ນ່ໍ້າ", id="two-tones-and-niggahita"),
    pytest.param("ຫນໍາ", id="ho-before-decomposed-am"),
    pytest.param("ກ\u200b່\u200bິ", id="marks-split-by-zero-width"),
]


@pytest.mark.parametrize("form", ["standard", "lookup"])
@pytest.mark.parametrize("text", IDEMPOTENT)
def test_idempotent(text: str, form: str) -> None:
    once = normalize(text, form=form)
    assert normalize(once, form=form) == once


def test_never_nfkc() -> None:
    text = "ນ້ຳ ໜ້າ ໝາ ﬁ ①"
    for form in ("standard", "lookup"):
        assert normalize(text, form=form) == text
        assert unicodedata.normalize("NFKC", text) != text  # the test would be empty otherwise


def test_lookup_ignores_switches() -> None:
    text = "ຫນັງສື ຫລາຍ ສະບາຍดี ສະບາຍ\u200bດີ"
    off = {switch: False for switch in SWITCHES}
    assert normalize(text, form="lookup", **off) == normalize(text, form="lookup")
    assert normalize(text, form="lookup") == "ໜັງສື ຫຼາຍ ສະບາຍດີ ສະບາຍດີ"


@pytest.mark.parametrize("value", [b"\xe0\xba\x81", None, 42, ["ກ"]])
def test_not_str_is_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        normalize(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_and_explain(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("form", ["nfkc", "NFC", "", "Standard"])
def test_unknown_form(form: str) -> None:
    with pytest.raises(laotext.UnknownOptionError):
        normalize("ກ", form=form)
    with pytest.raises(laotext.UnknownOptionError):
        normalize_and_explain("ກ", form=form)


def test_unknown_switch_is_type_error() -> None:
    with pytest.raises(TypeError):
        normalize("ກ", ho_ligature=False)  # a misspelt switch must not pass silently


def test_change_description() -> None:
    (change,) = normalize_and_explain("ບ່ໍ").changes
    assert change.description.strip()


def test_a_long_run_of_niggahita_is_normalized_in_linear_time() -> None:
    import time

    start = time.perf_counter()
    text = "ກ" + "ໍ" * 50_000  # no າ: the decomposed-am pattern must fail once, not from every mark
    assert normalize(text) != "" and laotext.validate(text)
    assert time.perf_counter() - start < 5.0  # cubic backtracking would take hours
