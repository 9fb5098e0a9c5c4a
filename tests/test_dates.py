"""laotext.dates: the hand-checked cases of cases/dates.tsv, the comparison with CLDR, and properties."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from importlib.resources import files
from typing import Any, Literal

import babel
import pytest
from babel import Locale
from babel.dates import format_date as cldr_format_date
from babel.dates import get_day_names, get_era_names, get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st
from tsvcases import Row, params, read_rows, split_list

from laotext import chars, errors, normalize
from laotext.dates import (
    AUTO_BE_ABOVE,
    DIGIT_SYSTEMS,
    ERAS,
    PARSE_ERAS,
    STYLES,
    date_parts,
    era_marker,
    format_date,
    month_names,
    parse_date,
    weekday_names,
)
from laotext.errors import DateParseError, UnknownOptionError

COLUMNS = ("label", "function", "input", "options", "expected", "comment", "xfail")
ROWS = read_rows("dates.tsv", COLUMNS)
FUNCTIONS: dict[str, Callable[..., Any]] = {"format_date": format_date, "parse_date": parse_date}
OPTIONS = {"format_date": {"style", "era", "digits"}, "parse_date": {"era"}}
ERROR_PREFIX = "error: "


def options(row: Row) -> dict[str, str]:
    """Parse the options column: ``-`` or ``name=value,...``."""
    parsed: dict[str, str] = {}
    for item in split_list(row["options"]):
        name, _, value = item.partition("=")
        if name not in OPTIONS[row["function"]] or not value:
            raise ValueError(f"{row.where}: bad option {item!r}")
        parsed[name] = value
    return parsed


def date_input(cell: str) -> datetime.date:
    """The input of a format_date case: a date, or a datetime when it has a time."""
    if "T" in cell:
        return datetime.datetime.fromisoformat(cell)
    return datetime.date.fromisoformat(cell)


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 50
    for row in ROWS:
        assert row["function"] in FUNCTIONS, row.where
        options(row)
        assert row["comment"].strip(), f"{row.where}: every case says why"
        expected = row.text("expected")
        if expected.startswith(ERROR_PREFIX):
            assert hasattr(errors, expected.removeprefix(ERROR_PREFIX)), row.where
        elif row["function"] == "parse_date":
            datetime.date.fromisoformat(expected)
        if row["function"] == "format_date":
            date_input(row["input"])


def test_case_file_covers_every_name() -> None:
    """Every month and weekday name is written by some case, and every style, era and digit system used."""
    written = " ".join(row.text("expected") for row in ROWS if row["function"] == "format_date")
    for name in (*month_names(), *month_names(abbreviated=True), *weekday_names()):
        assert name in written, name
    used = [options(row) for row in ROWS if row["function"] == "format_date"]
    assert {o.get("style", "long") for o in used} >= set(STYLES)
    assert {o.get("era", "CE") for o in used} >= set(ERAS)
    assert {o.get("digits", "arabic") for o in used} >= set(DIGIT_SYSTEMS)
    read = [row for row in ROWS if row["function"] == "parse_date"]
    assert sum(not row.text("expected").startswith(ERROR_PREFIX) for row in read) >= 20
    assert sum(row.text("expected").startswith(ERROR_PREFIX) for row in read) >= 10


@pytest.mark.parametrize("row", params(ROWS))
def test_date_case(row: Row) -> None:
    function, kwargs, expected = row["function"], options(row), row.text("expected")
    argument: Any = date_input(row["input"]) if function == "format_date" else row.text("input")
    if expected.startswith(ERROR_PREFIX):
        error = getattr(errors, expected.removeprefix(ERROR_PREFIX))
        with pytest.raises(error):
            FUNCTIONS[function](argument, **kwargs)
        return
    result = FUNCTIONS[function](argument, **kwargs)
    if function == "format_date":
        assert result == expected
        assert normalize(result) == result
    else:
        assert result == datetime.date.fromisoformat(expected)
        assert type(result) is datetime.date


# -- The bundled names ---------------------------------------------------------------------------


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "_comment":
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_data_is_in_normal_form() -> None:
    """parse_date matches the lookup form of the text, so every spelling must already be in it."""
    data = json.loads(files("laotext.data").joinpath("dates.json").read_text(encoding="utf-8"))
    assert "CLDR" in data["_comment"] and "Unicode License" in data["_comment"]
    strings = list(_strings(data))
    assert len(strings) > 40
    for text in strings:
        assert normalize(text) == text, text
        assert normalize(text, form="lookup") == text, text


def test_names_are_distinct() -> None:
    assert len(set(month_names())) == 12
    assert len(set(month_names(abbreviated=True))) == 12
    assert len(set(weekday_names())) == 7
    assert all(name.startswith("ວັນ") for name in weekday_names())
    assert era_marker("BE") not in month_names(abbreviated=True)


def test_date_parts() -> None:
    parts = date_parts(datetime.date(2024, 2, 29), "BE", "lao")
    assert (parts.day, parts.month, parts.year) == (29, 2, 2567)
    assert (parts.weekday_name, parts.month_name, parts.month_abbreviation) == ("ວັນພະຫັດ", "ກຸມພາ", "ກ.ພ.")
    assert parts.year_text == "ພ.ສ. ໒໕໖໗"
    assert parts.number(7, width=2) == "໐໗"


def test_nothing_is_read_at_import() -> None:
    code = "import laotext.dates, laotext._data as d; print(d.read_text.cache_info().currsize)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"


# -- Errors --------------------------------------------------------------------------------------

DAY = datetime.date(2025, 12, 2)


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_date("2025-12-02"),  # type: ignore[arg-type]
        lambda: format_date(None),  # type: ignore[arg-type]
        lambda: format_date(DAY, 1),  # type: ignore[arg-type]
        lambda: format_date(DAY, era=None),  # type: ignore[arg-type]
        lambda: format_date(DAY, digits=b"lao"),  # type: ignore[arg-type]
        lambda: parse_date(b"2/12/2025"),  # type: ignore[arg-type]
        lambda: parse_date(None),  # type: ignore[arg-type]
        lambda: parse_date(DAY),  # type: ignore[arg-type]
        lambda: parse_date("2/12/2025", era=2025),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_raise_type_error(call: Any) -> None:
    with pytest.raises(TypeError):
        call()


def test_unknown_option_error_names_the_choices() -> None:
    with pytest.raises(UnknownOptionError) as caught:
        format_date(DAY, "huge")
    assert (caught.value.option, caught.value.value) == ("style", "huge")
    assert caught.value.allowed == list(STYLES)
    with pytest.raises(UnknownOptionError) as caught:
        format_date(DAY, "iso", era="BE")
    assert (caught.value.option, caught.value.allowed) == ("era", ["CE"])
    with pytest.raises(UnknownOptionError) as caught:
        parse_date("2/12/2025", era="AD")
    assert caught.value.allowed == list(PARSE_ERAS)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("31/02/2025", ["ກຸມພາ 2025 has 28 days", "no day 31"]),
        ("15/13/2025", ["no month 13"]),
        ("ວັນຈັນ ທີ 2 ທັນວາ 2025", ["Tuesday", "ວັນອັງຄານ"]),
        ("2 ທັນວາ 25", ["too short"]),
        ("2 ທັນວາ ພ.ສ. 0500", ["outside the years 1 to 9999"]),
        ("hello", ["cannot read", "2 ທັນວາ 2025"]),
        ("", ["empty"]),
    ],
)
def test_parse_errors_say_what_is_wrong(text: str, words: list[str]) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.text == text
    for word in words:
        assert word in str(caught.value)


def test_long_text_is_refused_quickly() -> None:
    for text in ["1 " * 50_000, "ພ." * 50_000, "2 ທັນວາ " + "ພ.ສ. " * 20_000 + "2568", "ວັນທີ" * 30_000]:
        start = time.perf_counter()
        with pytest.raises(DateParseError):
            parse_date(text)
        assert time.perf_counter() - start < 2


def test_near_misses_of_the_patterns_are_fast() -> None:
    """Texts just under the length limit built to make a backtracking pattern work hard."""
    for text in ["1" * 199, "ທີ" * 99, "2 " + "ທ." * 98, "2/" * 99, "ວັນອັງຄານ " * 19 + "x"]:
        start = time.perf_counter()
        with pytest.raises(DateParseError):
            parse_date(text)
        assert time.perf_counter() - start < 0.5


# -- Comparison with CLDR ------------------------------------------------------------------------

#: Babel carries the CLDR data compared against; the owner pins it in the test extra.
CLDR_VERSION = babel.core.get_cldr_version()

#: Names in which laotext differs from CLDR Lao (locale "lo"): none. The month names, their
#: abbreviations and the weekday names are CLDR's, and the glibc lo_LA locale agrees.
NAME_DIFFERENCES: dict[str, str] = {}

#: Date formats in which laotext differs from CLDR Lao: style → (CLDR's pattern, laotext's written as
#: a CLDR pattern, the reason).
FORMAT_DIFFERENCES = {
    "full": (
        "EEEE, d MMMM y",
        "EEEE 'ທີ' d MMMM y",
        "Lao letters, notices and newspapers write the weekday, then ທີ and the day "
        "(ວັນຈັນ ທີ 15 ເມສາ 2013), not a comma as English does.",
    ),
    "short": (
        "d/M/y",
        "dd/MM/y",
        "Lao forms write the day and month with two digits (02/12/2025), which keeps the numeric date "
        "a fixed width for forms and sorting by column; parse_date reads both.",
    ),
}
#: Dates with one- and two-digit days and months, every month, a leap day and both ends of the range.
SAMPLE_DATES = [datetime.date(2025, month, day) for month in range(1, 13) for day in (1, 9, 28)] + [
    datetime.date(2024, 2, 29),
    datetime.date(1900, 1, 1),
    datetime.date(2200, 12, 31),
]


def _differences(ours: tuple[str, ...], cldr: dict[int, str], first: int) -> dict[str, str]:
    return {cldr[i + first]: name for i, name in enumerate(ours) if cldr[i + first] != name}


def test_cldr_version_is_known() -> None:
    assert int(CLDR_VERSION.split(".")[0]) >= 42


@pytest.mark.parametrize("context", ["format", "stand-alone"])
def test_month_names_match_cldr(context: Literal["format", "stand-alone"]) -> None:
    wide = get_month_names("wide", context, locale="lo")
    abbreviated = get_month_names("abbreviated", context, locale="lo")
    assert _differences(month_names(), dict(wide), first=1) == NAME_DIFFERENCES
    assert _differences(month_names(abbreviated=True), dict(abbreviated), first=1) == NAME_DIFFERENCES


@pytest.mark.parametrize("context", ["format", "stand-alone"])
def test_weekday_names_match_cldr(context: Literal["format", "stand-alone"]) -> None:
    wide = dict(get_day_names("wide", context, locale="lo"))  # 0 is Monday, as in Python
    assert _differences(weekday_names(), wide, first=0) == NAME_DIFFERENCES
    # CLDR's abbreviated weekdays are the names without ວັນ; parse_date reads them.
    bare = dict(get_day_names("abbreviated", context, locale="lo"))
    assert [f"ວັນ{bare[i]}" for i in range(7)] == list(weekday_names())
    for i, name in bare.items():
        assert parse_date(f"{name} {format_date(datetime.date(2025, 12, 1 + i))}").weekday() == i


def test_era_marker_matches_cldr() -> None:
    assert get_era_names("abbreviated", locale="lo")[1] == era_marker("CE") == "ຄ.ສ."
    assert parse_date(f"2 ທັນວາ {get_era_names('wide', locale='lo')[1]} 2025") == DAY
    # CLDR Lao has no Buddhist calendar; ພ.ສ. is the marker of the glibc lo_LA locale.
    assert era_marker("BE") == "ພ.ສ."


def test_lao_digits_are_cldr_native_digits() -> None:
    assert Locale.parse("lo").other_numbering_systems["native"] == "laoo"
    assert [unicodedata.decimal(digit) for digit in chars.DIGITS] == list(range(10))
    assert all(unicodedata.name(digit).startswith("LAO DIGIT") for digit in chars.DIGITS)


@pytest.mark.parametrize("style", ["full", "long", "medium", "short"])
def test_formats_match_cldr_except_where_listed(style: str) -> None:
    cldr_pattern = Locale.parse("lo").date_formats[style].pattern
    if style in FORMAT_DIFFERENCES:
        expected_cldr, ours_as_pattern, reason = FORMAT_DIFFERENCES[style]
        assert cldr_pattern == expected_cldr, f"CLDR changed its {style} pattern; review: {reason}"
    else:
        ours_as_pattern = cldr_pattern
    for value in SAMPLE_DATES:
        assert format_date(value, style) == cldr_format_date(value, ours_as_pattern, locale="lo")
        # What CLDR writes is read back too, where laotext writes it differently.
        assert parse_date(cldr_format_date(value, style, locale="lo")) == value


# -- Properties ----------------------------------------------------------------------------------

SETTINGS = settings(max_examples=300, deadline=None)
TESTED_DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31))
#: Every style with every era and digit system it allows; every style carries the whole date.
COMBINATIONS = [
    (name, era, digits) for name, style in STYLES.items() for era in style.eras for digits in style.digits
]


@SETTINGS
@given(TESTED_DATES, st.sampled_from(COMBINATIONS))
def test_parse_reads_what_format_writes(value: datetime.date, combination: tuple[str, str, str]) -> None:
    style, era, digits = combination
    text = format_date(value, style, era=era, digits=digits)
    assert parse_date(text) == value
    assert parse_date(text, era=era) == value


@SETTINGS
@given(st.dates(), st.sampled_from(COMBINATIONS))
def test_format_never_raises_and_reads_back_with_its_era(
    value: datetime.date, combination: tuple[str, str, str]
) -> None:
    """Over the whole range of datetime.date (years 1 to 9999), given the era it was written in."""
    style, era, digits = combination
    text = format_date(value, style, era=era, digits=digits)
    assert isinstance(text, str) and text == text.strip()
    assert parse_date(text, era=era) == value


@SETTINGS
@given(st.datetimes(min_value=datetime.datetime(1900, 1, 1)), st.sampled_from(COMBINATIONS))
def test_datetime_is_written_as_its_date(value: datetime.datetime, combination: tuple[str, str, str]) -> None:
    style, era, digits = combination
    assert format_date(value, style, era=era, digits=digits) == format_date(
        value.date(), style, era=era, digits=digits
    )


@SETTINGS
@given(TESTED_DATES)
def test_be_is_ce_plus_543(value: datetime.date) -> None:
    be = format_date(value, "short", era="BE")
    assert int(be.rsplit("/", 1)[1]) == value.year + 543 > AUTO_BE_ABOVE
    assert format_date(value, era="BE") == format_date(value).replace(
        str(value.year), f"ພ.ສ. {value.year + 543}"
    )


@SETTINGS
@given(TESTED_DATES)
def test_lao_digits_are_arabic_digits_translated(value: datetime.date) -> None:
    to_lao = str.maketrans("0123456789", chars.DIGITS)
    for style in ("full", "long", "medium", "short"):
        assert format_date(value, style, digits="lao") == format_date(value, style).translate(to_lao)


DATE_PIECES = [
    "ທັນວາ", "ມີຖຸນາ", "ທ.ວ.", "ວັນທີ", "ທີ", "ທີ່", "ເດືອນ", "ປີ", "ພ.ສ.", "ຄ.ສ.", "ພ.", "ວັນອັງຄານ", "ຈັນ",
    "/", "-", ".", " ", ",", "0", "2", "12", "31", "2025", "2568", "99999", "໒", "໐", "๒", "\u200b", "ໍ",
    "າ", "\u00a0",
]  # fmt: skip
ARBITRARY_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.characters()), max_size=20).map("".join),
)


@SETTINGS
@given(ARBITRARY_TEXT, st.sampled_from(PARSE_ERAS))
def test_parse_returns_a_date_or_raises_date_parse_error(text: str, era: str) -> None:
    try:
        result = parse_date(text, era=era)
    except DateParseError as error:
        assert error.text == text
    else:
        assert type(result) is datetime.date
