"""laotext.numbers: the hand-checked cases of cases/numbers.tsv, type errors, and hypothesis properties."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tsvcases import Row, params, read_rows

from laotext import chars, normalize
from laotext.errors import LaotextError, NumberWordsError, UnknownOptionError
from laotext.numbers import (
    CURRENCIES,
    MAX_NUMBER,
    Currency,
    money_to_words,
    number_to_words,
    to_arabic_digits,
    to_lao_digits,
    words_to_number,
)

COLUMNS = ("label", "input", "expected", "comment", "xfail")
ROWS = read_rows("numbers.tsv", COLUMNS)
KINDS = ("lao", "arabic", "words", "read", "money")
ERRORS: dict[str, type[Exception]] = {
    "NumberWordsError": NumberWordsError,
    "UnknownOptionError": UnknownOptionError,
}
PLAIN_INTEGER = re.compile(r"-?[0-9]+")
PLAIN_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")
SETTINGS = settings(max_examples=300, deadline=None)


def kind(row: Row) -> str:
    return row.label.split("-", 1)[0]


def expected_error(cell: str) -> tuple[type[Exception], int | None] | None:
    """``!Name`` or ``!Name@offset`` → the exception class and the offset it must report."""
    if not cell.startswith("!"):
        return None
    name, _, offset = cell[1:].partition("@")
    return ERRORS[name], int(offset) if offset else None


def money_call(cell: str) -> tuple[str, str, bool]:
    """``<amount> <currency>`` or ``<amount> <currency> exact``."""
    amount, currency, *flags = cell.split(" ")
    if flags not in ([], ["exact"]):
        raise ValueError(f"bad money input {cell!r}")
    return amount, currency, flags == ["exact"]


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 110
    for row in ROWS:
        assert kind(row) in KINDS, f"{row.where}: unknown kind in label {row.label!r}"
        assert row["comment"].strip(), f"{row.where}: every case says why"
        error = expected_error(row["expected"])
        if kind(row) == "money":
            money_call(row.text("input"))
        if error is None and kind(row) in ("words", "money"):
            # Words are written in normalized form, ໜ and not ຫນ.
            expected = row.text("expected")
            assert normalize(expected) == expected == normalize(expected, form="lookup"), row.where
            assert "ຫນ" not in expected and " " not in expected, row.where


def check_error(row: Row, call: Any, *args: Any, **kwargs: Any) -> None:
    error = expected_error(row["expected"])
    assert error is not None
    cls, offset = error
    with pytest.raises(cls) as info:
        call(*args, **kwargs)
    if offset is not None:
        assert isinstance(info.value, NumberWordsError)
        assert info.value.position == offset
        assert info.value.text == args[0]


@pytest.mark.parametrize("row", params(ROWS))
def test_numbers_case(row: Row) -> None:
    text, expected = row.text("input"), row.text("expected")
    if kind(row) == "lao":
        assert to_lao_digits(text) == expected
    elif kind(row) == "arabic":
        assert to_arabic_digits(text) == expected
    elif kind(row) == "words":
        values: list[Any] = [text]
        if PLAIN_INTEGER.fullmatch(text):
            values.append(int(text))
        elif PLAIN_DECIMAL.fullmatch(text):
            values.append(Decimal(text))
        for value in values:
            if expected.startswith("!"):
                check_error(row, number_to_words, value)
            else:
                assert number_to_words(value) == expected
    elif kind(row) == "read":
        if expected.startswith("!"):
            check_error(row, words_to_number, text)
        else:
            result = words_to_number(text)
            assert str(result) == expected
            assert type(result) is (Decimal if "." in expected else int)
    else:
        amount, currency, exact = money_call(text)
        if expected.startswith("!"):
            check_error(row, money_to_words, amount, currency, exact=exact)
        else:
            assert money_to_words(amount, currency, exact=exact) == expected
            if PLAIN_DECIMAL.fullmatch(amount) or PLAIN_INTEGER.fullmatch(amount):
                assert money_to_words(Decimal(amount), currency, exact=exact) == expected


# -- Types -----------------------------------------------------------------------------------------

NOT_NUMBERS = [True, False, 1.5, 0.0, float("nan"), None, [1], b"12", complex(1, 0)]


@pytest.mark.parametrize("value", NOT_NUMBERS, ids=repr)
def test_number_to_words_refuses_other_types(value: Any) -> None:
    with pytest.raises(TypeError):
        number_to_words(value)
    with pytest.raises(TypeError):
        money_to_words(value)


def test_float_error_says_what_to_pass() -> None:
    with pytest.raises(TypeError, match=r"Decimal or a str such as '0\.1'"):
        number_to_words(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize("function", [to_lao_digits, to_arabic_digits, words_to_number])
@pytest.mark.parametrize("value", [None, 12, b"12", ["ໜຶ່ງ"]], ids=repr)
def test_text_functions_refuse_other_types(function: Any, value: Any) -> None:
    with pytest.raises(TypeError):
        function(value)


def test_money_options_are_checked() -> None:
    with pytest.raises(TypeError):
        money_to_words(10, 840)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        money_to_words(10, exact="yes")  # type: ignore[arg-type]
    with pytest.raises(UnknownOptionError) as info:
        money_to_words(10, "EUR")
    assert (info.value.option, info.value.value) == ("currency", "EUR")
    assert info.value.allowed == ["LAK", "THB", "USD"]
    assert isinstance(info.value, LaotextError) and isinstance(info.value, ValueError)


# -- Edges -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("1E+18"), Decimal("1E+999999999")],
    ids=str,
)
def test_decimals_without_words(value: Decimal) -> None:
    with pytest.raises(NumberWordsError):
        number_to_words(value)


def test_decimal_exponents() -> None:
    assert number_to_words(Decimal("5E+3")) == "ຫ້າພັນ"
    assert number_to_words(Decimal("1E-3")) == "ສູນຈຸດສູນສູນໜຶ່ງ"
    assert number_to_words(Decimal("0E+9")) == "ສູນ"
    assert number_to_words(Decimal("-0.00")) == "ສູນຈຸດສູນສູນ"


def test_range_limits() -> None:
    assert words_to_number(number_to_words(MAX_NUMBER)) == MAX_NUMBER
    assert words_to_number(number_to_words(-MAX_NUMBER)) == -MAX_NUMBER
    for value in (MAX_NUMBER + 1, -MAX_NUMBER - 1, str(MAX_NUMBER + 1), "9" * 5000, 10**5000):
        with pytest.raises(NumberWordsError):
            number_to_words(value)


def test_long_input_has_no_depth_limit() -> None:
    # Work grows with the number of digits: no recursion, so a long fraction is fine.
    fraction = "0123456789" * 3000
    words = number_to_words("1." + fraction)
    assert words_to_number(words) == Decimal("1." + fraction)
    assert to_arabic_digits(to_lao_digits(fraction * 10)) == fraction * 10


def test_error_carries_text_and_position() -> None:
    with pytest.raises(NumberWordsError) as info:
        words_to_number("ສອງພັນ ແລະ ຫ້າ")
    assert info.value.text == "ສອງພັນ ແລະ ຫ້າ"
    assert info.value.position == 7


def test_registry() -> None:
    assert CURRENCIES["LAK"] == Currency("LAK", "ກີບ", "ອັດ", 100)
    assert CURRENCIES["USD"] == Currency("USD", "ໂດລາ", "ເຊັນ", 100)
    assert CURRENCIES["THB"] == Currency("THB", "ບາດ", "ສະຕາງ", 100)
    with pytest.raises(TypeError):
        CURRENCIES["EUR"] = Currency("EUR", "ເອີໂຣ", "ເຊັນ", 100)  # type: ignore[index]
    with pytest.raises(AttributeError):
        CURRENCIES["LAK"].unit = "ບາດ"  # type: ignore[misc]


def test_currency_of_your_own() -> None:
    # A unit with 1000 subunits, to show that the subunit count is not fixed at 100.
    mill = Currency("XTS", "ຫົວໜ່ວຍ", "ສ່ວນ", 1000)
    assert money_to_words("2.005", mill) == "ສອງຫົວໜ່ວຍຫ້າສ່ວນ"
    with pytest.raises(NumberWordsError):
        money_to_words("2.0005", mill)
    with pytest.raises(ValueError):
        Currency("XTS", "ຫົວໜ່ວຍ", "ສ່ວນ", 0)


def test_long_fraction_of_money_is_refused() -> None:
    with pytest.raises(NumberWordsError):
        money_to_words("1." + "3" * 5000, "USD")
    assert money_to_words("1.5" + "0" * 5000, "USD") == "ໜຶ່ງໂດລາຫ້າສິບເຊັນ"


def test_nothing_is_compiled_at_import() -> None:
    code = (
        "import laotext.numbers as n\n"
        "assert n._word_pattern.cache_info().currsize == 0\n"
        "assert n._numeral_pattern.cache_info().currsize == 0\n"
        "assert n._to_lao_table.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- Properties ------------------------------------------------------------------------------------

INTEGERS = st.integers(min_value=-(10**15), max_value=10**15)
ANY_SUPPORTED = st.integers(min_value=-MAX_NUMBER, max_value=MAX_NUMBER)
DECIMALS = st.integers(min_value=0, max_value=6).flatmap(
    lambda places: st.decimals(
        min_value=-(10**15), max_value=10**15, places=places, allow_nan=False, allow_infinity=False
    )
)
OUT_OF_RANGE = st.one_of(st.integers(min_value=MAX_NUMBER + 1), st.integers(max_value=-MAX_NUMBER - 1))
NO_LAO_DIGITS = st.text(st.characters(exclude_characters=chars.DIGITS))
NO_ASCII_DIGITS = st.text(st.characters(exclude_characters="0123456789"))


@SETTINGS
@given(st.one_of(INTEGERS, ANY_SUPPORTED))
def test_integers_round_trip(number: int) -> None:
    words = number_to_words(number)
    back = words_to_number(words)
    assert back == number and type(back) is int


@SETTINGS
@given(DECIMALS)
def test_decimals_round_trip(number: Decimal) -> None:
    assert words_to_number(number_to_words(number)) == number


@SETTINGS
@given(st.one_of(INTEGERS, DECIMALS))
def test_words_are_normalized(number: int | Decimal) -> None:
    words = number_to_words(number)
    assert normalize(words) == words
    assert normalize(words, form="lookup") == words


@SETTINGS
@given(ANY_SUPPORTED)
def test_every_spelling_of_a_number_gives_the_same_words(number: int) -> None:
    words = number_to_words(number)
    assert number_to_words(str(number)) == words
    assert number_to_words(Decimal(number)) == words
    assert number_to_words(f"{number:,}") == words
    assert number_to_words(to_lao_digits(f"{number:,}")) == words


@SETTINGS
@given(ANY_SUPPORTED, st.integers(min_value=0, max_value=99))
def test_money_is_the_number_and_the_unit(number: int, cents: int) -> None:
    assert money_to_words(number, "LAK") == number_to_words(number) + "ກີບ"
    amount = Decimal(abs(number)) + Decimal(cents).scaleb(-2)
    expected = number_to_words(abs(number)) + "ໂດລາ" if number else ""
    expected += number_to_words(cents) + "ເຊັນ" if cents else ("" if number else "ສູນໂດລາ")
    assert money_to_words(amount, "USD") == expected


@SETTINGS
@given(NO_LAO_DIGITS)
def test_digits_round_trip_from_ascii(text: str) -> None:
    assert to_arabic_digits(to_lao_digits(text)) == text


@SETTINGS
@given(NO_ASCII_DIGITS)
def test_digits_round_trip_from_lao(text: str) -> None:
    assert to_lao_digits(to_arabic_digits(text)) == text


@SETTINGS
@given(st.text())
def test_digit_conversion_changes_only_digits(text: str) -> None:
    converted = to_lao_digits(text)
    assert len(converted) == len(text)
    assert all(a == b or (a.isascii() and a.isdigit()) for a, b in zip(text, converted, strict=True))


@SETTINGS
@given(OUT_OF_RANGE)
def test_out_of_range_is_refused(number: int) -> None:
    for value in (number, Decimal(number)):
        with pytest.raises(NumberWordsError):
            number_to_words(value)
    if len(str(abs(number))) < 4000:
        with pytest.raises(NumberWordsError):
            number_to_words(str(number))


@SETTINGS
@given(st.one_of(st.booleans(), st.floats(), st.none()))
def test_bool_float_none_are_type_errors(value: Any) -> None:
    with pytest.raises(TypeError):
        number_to_words(value)
    with pytest.raises(TypeError):
        money_to_words(value, "USD")


LAO_NUMBER_PIECES = ["ໜຶ່ງ", "ສອງ", "ສິບ", "ຊາວ", "ເອັດ", "ຮ້ອຍ", "ພັນ", "ແສນ", "ລ້ານ", "ຈຸດ", "ລົບ", "ສູນ", " "]


@SETTINGS
@given(st.one_of(st.text(), st.lists(st.sampled_from(LAO_NUMBER_PIECES), max_size=12).map("".join)))
def test_reading_any_text_gives_a_number_or_number_words_error(text: str) -> None:
    try:
        result = words_to_number(text)
    except NumberWordsError as error:
        assert 0 <= error.position <= len(text)
        assert error.text == text
    else:
        # Whatever was read is written back the same way, up to the accepted variants.
        assert words_to_number(number_to_words(result)) == result


@SETTINGS
@given(st.text(min_size=1), st.sampled_from("abcXYZ!?"))
def test_junk_is_refused(text: str, junk: str) -> None:
    with pytest.raises(NumberWordsError):
        words_to_number(text + junk)
