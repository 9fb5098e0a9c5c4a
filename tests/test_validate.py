"""laotext.validate: the hand-checked cases of cases/validate.tsv, profiles, limits and errors."""

from __future__ import annotations

import pytest
from tsvcases import Row, params, read_rows, split_list, unescape

import laotext
from laotext import Issue, Profile, is_valid, validate

COLUMNS = ("label", "profile", "input", "expected_codes", "spans", "suggestions", "comment", "xfail")
ROWS = read_rows("validate.tsv", COLUMNS)

#: Every issue code validate() may report.
ISSUE_CODES = {
    "mark-without-base",
    "mark-on-foreign-base",
    "tone-before-vowel",
    "mark-order",
    "misplaced-tone",
    "repeated-mark",
    "decomposed-am",
    "double-e-vowel",
    "multiple-tone-marks",
    "multiple-vowel-marks",
    "impossible-syllable",
    "thai-character",
    "legacy-font-text",
    "wrong-keyboard-layout",
    "control-character",
    "private-use-character",
    "unassigned-character",
    "invalid-character",
    "zero-width-character",
    "mixed-script",
    "not-allowed-character",
    "extra-whitespace",
    "empty",
    "too-long",
}
PROFILES = ("text", "lao", "name")
NOT_CHECKED = object()


def spans(cell: str) -> list[tuple[int, int]]:
    out = []
    for item in split_list(cell):
        start, _, end = item.partition("-")
        out.append((int(start), int(end)))
    return out


def suggestions(cell: str) -> list[object]:
    """Parse the suggestions column: ``*`` not checked, ``None``, ``""`` (delete) or the text."""
    if cell == "-":
        return []
    decoded = {"*": NOT_CHECKED, "None": None, '""': ""}
    return [decoded[item] if item in decoded else unescape(item) for item in cell.split("|")]


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 90
    for row in ROWS:
        assert row["profile"] in PROFILES, row.where
        codes = split_list(row["expected_codes"])
        assert set(codes) <= ISSUE_CODES, f"{row.where}: unknown codes {set(codes) - ISSUE_CODES}"
        assert len(spans(row["spans"])) == len(codes), f"{row.where}: one span per issue"
        if row["suggestions"] != "-":
            count = len(suggestions(row["suggestions"]))
            assert count == len(codes), f"{row.where}: one suggestion per issue"
        assert row["comment"].strip(), f"{row.where}: every case says why"


@pytest.mark.parametrize("row", params(ROWS))
def test_validate_case(row: Row) -> None:
    text, profile = row.text("input"), row["profile"]
    issues = validate(text, profile)
    assert [issue.code for issue in issues] == split_list(row["expected_codes"])
    assert [(issue.start, issue.end) for issue in issues] == spans(row["spans"])
    expected_suggestions = suggestions(row["suggestions"])
    if expected_suggestions:
        found = [
            NOT_CHECKED if expected is NOT_CHECKED else issue.suggestion
            for issue, expected in zip(issues, expected_suggestions, strict=True)
        ]
        assert found == expected_suggestions
    for issue in issues:
        assert issue.message.strip() and issue.message_lo.strip(), issue
    assert is_valid(text, profile) == (not issues)


def test_suggestions_repair_the_text() -> None:
    """Applying every suggestion from the end, as the forms guide says, gives text without those issues."""
    text = "ບ່ໍມີ ນໍ້າ ສະບາຍดี"
    fixed = text
    for issue in sorted(validate(text), key=lambda issue: issue.start, reverse=True):
        assert issue.suggestion is not None
        fixed = fixed[: issue.start] + issue.suggestion + fixed[issue.end :]
    assert fixed == "ບໍ່ມີ ນ້ຳ ສະບາຍດີ"
    assert validate(fixed) == []


def test_issues_are_sorted() -> None:
    text = "\u0007່ ສະບາຍดี ບ່ໍ ນ້ໍາ \ue000 ເເ Á»ÈÀê\u00ad¾¡Ä©ª"
    issues = validate(text, "lao")
    assert len(issues) >= 6
    keys = [(issue.start, issue.end, issue.code) for issue in issues]
    assert keys == sorted(keys)


# Lengths: a name may have at most 200 characters.
def test_name_of_200_characters_is_valid() -> None:
    name = ("ສົມສັກ " * 30)[:199] + "ກ"
    assert len(name) == 200
    assert validate(name, "name") == []


def test_name_over_200_characters_is_too_long() -> None:
    name = "ສົມສັກ" + "ກ" * 195
    assert len(name) == 201
    codes = [issue.code for issue in validate(name, "name")]
    assert codes == ["too-long"]


def test_text_and_lao_have_no_length_limit() -> None:
    text = "ສະບາຍດີ " * 2000
    assert validate(text, "text") == []
    assert validate(text, "lao") == []


# Custom profiles.
def test_custom_profile_from_dict() -> None:
    village = Profile.from_dict({"name": "village", "allowed": ["lao_letters", "lao_marks", "space"]})
    assert validate("ບ້ານໂພນໄຊ", village) == []
    assert [issue.code for issue in validate("ບ້ານ 3", village)] == ["not-allowed-character"]
    assert [issue.code for issue in validate("ບ່ໍ", village)] == ["tone-before-vowel"]


def test_custom_profile_with_unknown_class_is_data_error() -> None:
    with pytest.raises(laotext.DataError):
        Profile.from_dict({"name": "bad", "allowed": ["lao_letters", "klingon"]})


def test_unknown_profile() -> None:
    with pytest.raises(laotext.UnknownProfileError):
        validate("ກ", profile="nope")
    with pytest.raises(laotext.UnknownProfileError):
        is_valid("ກ", profile="Name")


@pytest.mark.parametrize("value", [123, None, b"\xe0\xba\x81", ["ກ"]])
def test_not_str_is_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        validate(value)  # type: ignore[arg-type]


def test_issue_to_dict() -> None:
    (issue,) = validate("ນໍ້າ")
    assert isinstance(issue, Issue)
    assert issue.to_dict() == {
        "code": "decomposed-am",
        "start": 1,
        "end": 4,
        "message": issue.message,
        "message_lo": issue.message_lo,
        "suggestion": "້ຳ",
    }
