"""Lao digits and Lao number words: ໑໒໓ ↔ 123, 1500000 → ໜຶ່ງລ້ານຫ້າແສນ and back, amounts in words.

The words follow CLDR's Lao spell-out rules (``common/rbnf/lo.xml``) except where noted:

* Units: ສູນ ໜຶ່ງ ສອງ ສາມ ສີ່ ຫ້າ ຫົກ ເຈັດ ແປດ ເກົ້າ. One is written ໜຶ່ງ with the letter ໜ (U+0EDC),
  never ຫນ, so the words are in :func:`laotext.normalize` form.
* Tens: 10 is ສິບ (not ໜຶ່ງສິບ), 20 is ຊາວ, 30 to 90 are ສາມສິບ … ເກົ້າສິບ.
* A final one right after a ten is ເອັດ: 11 ສິບເອັດ, 21 ຊາວເອັດ, 31 ສາມສິບເອັດ, also before a scale word
  (11 000 ສິບເອັດພັນ). Anywhere else one is ໜຶ່ງ: 101 ໜຶ່ງຮ້ອຍໜຶ່ງ, 1001 ໜຶ່ງພັນໜຶ່ງ (as in CLDR).
* Scale words always have a number before them: 100 ໜຶ່ງຮ້ອຍ, 1000 ໜຶ່ງພັນ, never bare ຮ້ອຍ or ພັນ.
* Below a million the scales are ຮ້ອຍ (10²), ພັນ (10³) and ແສນ (10⁵). Ten thousands are counted in
  thousands, as is usual in written Lao amounts: 10 000 ສິບພັນ, 250 000 ສອງແສນຫ້າສິບພັນ. CLDR uses
  the ten-thousand word instead (ໜຶ່ງໝື່ນ).
* From a million on, ລ້ານ counts groups of six digits: 10⁹ ໜຶ່ງພັນລ້ານ, 10¹² ໜຶ່ງລ້ານລ້ານ. The largest
  number written is :data:`MAX_NUMBER` (10¹⁸ − 1); anything larger raises
  :class:`~laotext.errors.NumberWordsError`.
* Negative numbers start with ລົບ; decimals are read digit by digit after ຈຸດ, trailing zeros included
  (3.05 ສາມຈຸດສູນຫ້າ, 3.50 ສາມຈຸດຫ້າສູນ). Words are joined without spaces.

Numbers may be given as ``int``, :class:`~decimal.Decimal` or ``str`` ("1,500,000", "໑໕໐໐", "-3.05").
``float`` is refused with :class:`TypeError`: a binary float cannot hold most decimal fractions, and
its digits are not the ones the user typed. ``bool`` is refused too.

:func:`words_to_number` reads the words back after ``normalize(text, form="lookup")``, skipping white
space. It also accepts ໝື່ນ (10⁴), ຕື້ (10⁹), ນຶ່ງ for ໜຶ່ງ, ເອັດ after a scale word (ໜຶ່ງຮ້ອຍເອັດ) and
ໜຶ່ງ after a ten (ສິບໜຶ່ງ).

>>> number_to_words(1500000), number_to_words("10,500"), number_to_words(-21)
('ໜຶ່ງລ້ານຫ້າແສນ', 'ສິບພັນຫ້າຮ້ອຍ', 'ລົບຊາວເອັດ')
>>> words_to_number("ຫນຶ່ງ ພັນ ຊາວ ຫ້າ")
1025
>>> money_to_words("1,500,000.50", "LAK")
'ໜຶ່ງລ້ານຫ້າແສນກີບຫ້າສິບອັດ'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache
from types import MappingProxyType

from laotext import chars
from laotext.errors import NumberWordsError, UnknownOptionError, require_str
from laotext.normalize import normalize_and_explain

__all__ = [
    "CURRENCIES",
    "MAX_NUMBER",
    "Currency",
    "money_to_words",
    "number_to_words",
    "to_arabic_digits",
    "to_lao_digits",
    "words_to_number",
]

#: The largest absolute value :func:`number_to_words` writes and :func:`words_to_number` reads.
MAX_NUMBER = 10**18 - 1

ASCII_DIGITS = "0123456789"
#: The words for 0 to 9, as written alone and digit by digit after ຈຸດ.
DIGIT_WORDS = ("ສູນ", "ໜຶ່ງ", "ສອງ", "ສາມ", "ສີ່", "ຫ້າ", "ຫົກ", "ເຈັດ", "ແປດ", "ເກົ້າ")
ET = "ເອັດ"
TEN = "ສິບ"
TWENTY = "ຊາວ"
HUNDRED = "ຮ້ອຍ"
THOUSAND = "ພັນ"
HUNDRED_THOUSAND = "ແສນ"
MILLION = "ລ້ານ"
MINUS = "ລົບ"
POINT = "ຈຸດ"
#: Appended by ``money_to_words(..., exact=True)`` to an amount without subunits.
EXACT = "ຖ້ວນ"


@cache
def _to_lao_table() -> dict[int, int]:
    return str.maketrans(ASCII_DIGITS, chars.DIGITS)


@cache
def _to_arabic_table() -> dict[int, int]:
    return str.maketrans(chars.DIGITS, ASCII_DIGITS)


def to_lao_digits(text: str) -> str:
    """Return *text* with the ASCII digits 0-9 written as Lao digits ໐-໙; nothing else changes.

    >>> to_lao_digits("ປີ 2025, ເລກທີ 15/3")
    'ປີ ໒໐໒໕, ເລກທີ ໑໕/໓'
    """
    return require_str(text, "to_lao_digits").translate(_to_lao_table())


def to_arabic_digits(text: str) -> str:
    """Return *text* with the Lao digits ໐-໙ written as ASCII digits 0-9; nothing else changes.

    >>> to_arabic_digits("ວັນທີ ໑໕/໐໘/໒໐໒໕")
    'ວັນທີ 15/08/2025'
    """
    return require_str(text, "to_arabic_digits").translate(_to_arabic_table())


# -- Numbers to words ------------------------------------------------------------------------------


@cache
def _numeral_pattern() -> re.Pattern[str]:
    # An optional sign, digits with or without comma thousands separators, an optional fraction.
    return re.compile(r"([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?", re.ASCII)


_NUMERAL_CHARACTERS = frozenset(ASCII_DIGITS + chars.DIGITS + "+-\u2212,.")


def _out_of_range(function: str, number: object) -> NumberWordsError:
    try:
        text = str(number)
    except ValueError:  # an int too long for str()
        text = ""
    return NumberWordsError(
        f"{function}() supports numbers up to {MAX_NUMBER:,} in absolute value", text=text, position=-1
    )


def _split_string(number: str, function: str) -> tuple[bool, int, str]:
    stripped = number.strip()
    match = _numeral_pattern().fullmatch(stripped.translate(_to_arabic_table()))
    if match is None:
        offset = len(number) - len(number.lstrip())
        bad = next((i for i, char in enumerate(stripped) if char not in _NUMERAL_CHARACTERS), -1)
        raise NumberWordsError(
            f"{number!r} is not a number: use digits (ASCII or Lao), an optional sign, commas between "
            "groups of three digits and a point before decimals",
            text=number,
            position=bad + offset if bad >= 0 else -1,
        )
    sign, integer, fraction = match.groups()
    integer = integer.replace(",", "").lstrip("0")
    if len(integer) > len(str(MAX_NUMBER)):  # before int(), which refuses very long strings
        raise _out_of_range(function, number)
    return sign in ("-", "\u2212"), int(integer or "0"), fraction or ""


def _split_decimal(number: Decimal, function: str) -> tuple[bool, int, str]:
    if not number.is_finite():
        raise NumberWordsError(f"{function}() cannot write {number} in words", text=str(number))
    sign, digit_tuple, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite
    digits = "".join(map(str, digit_tuple))
    if not digits.strip("0"):
        integer, fraction = 0, "0" * max(0, -exponent)
    elif number.adjusted() > len(str(MAX_NUMBER)) - 1:  # before building a huge integer
        raise _out_of_range(function, number)
    elif exponent >= 0:
        integer, fraction = int(digits) * 10**exponent, ""
    elif len(digits) + exponent > 0:
        split = len(digits) + exponent
        integer, fraction = int(digits[:split]), digits[split:]
    else:
        integer, fraction = 0, "0" * -(len(digits) + exponent) + digits
    return bool(sign), integer, fraction


def _split(number: object, function: str) -> tuple[bool, int, str]:
    """Return (negative, integer part, fraction digits) of a number given as int, Decimal or str."""
    if isinstance(number, float):
        raise TypeError(
            f"{function}() does not take float, because a binary float cannot hold most decimal "
            f"fractions exactly; pass a Decimal or a str such as {str(number)!r}"
        )
    if isinstance(number, bool) or not isinstance(number, (int, Decimal, str)):
        raise TypeError(f"{function}() expects int, Decimal or str, not {type(number).__name__}")
    if isinstance(number, int):
        negative, integer, fraction = number < 0, abs(number), ""
    elif isinstance(number, Decimal):
        negative, integer, fraction = _split_decimal(number, function)
    else:
        negative, integer, fraction = _split_string(number, function)
    if integer > MAX_NUMBER:
        raise _out_of_range(function, number)
    return negative, integer, fraction


def _below_hundred(number: int) -> str:
    """Words for 1 to 99; a final one after a ten is ເອັດ."""
    tens, units = divmod(number, 10)
    words = ("", TEN, TWENTY)[tens] if tens < 3 else DIGIT_WORDS[tens] + TEN
    if units:
        words += ET if units == 1 and tens else DIGIT_WORDS[units]
    return words


def _below_million(number: int) -> str:
    """Words for 1 to 999 999: [d ແສນ][1-99 ພັນ][d ຮ້ອຍ][1-99]."""
    hundred_thousands, rest = divmod(number, 100_000)
    thousands, rest = divmod(rest, 1000)
    hundreds, rest = divmod(rest, 100)
    words = []
    if hundred_thousands:
        words += [DIGIT_WORDS[hundred_thousands], HUNDRED_THOUSAND]
    if thousands:
        words += [_below_hundred(thousands), THOUSAND]
    if hundreds:
        words += [DIGIT_WORDS[hundreds], HUNDRED]
    if rest:
        words.append(_below_hundred(rest))
    return "".join(words)


def _integer_words(number: int) -> str:
    """Words for 0 to :data:`MAX_NUMBER`: groups of six digits, each followed by its ລ້ານ."""
    if number == 0:
        return DIGIT_WORDS[0]
    groups = []
    while number:
        number, group = divmod(number, 1_000_000)
        groups.append(group)
    return "".join(
        _below_million(group) + MILLION * power for power, group in reversed(list(enumerate(groups))) if group
    )


def _words(negative: bool, integer: int, fraction: str) -> str:
    words = _integer_words(integer)
    if fraction:
        words += POINT + "".join(DIGIT_WORDS[int(digit)] for digit in fraction)
    if negative and (integer or fraction.strip("0")):  # no ລົບ before a zero
        words = MINUS + words
    return words


def number_to_words(number: int | Decimal | str) -> str:
    """Return the Lao words for *number* (an int, a Decimal or a numeric str).

    Strings may use Lao digits, a sign, commas between groups of three digits and a point before the
    decimals, which are read one digit at a time.

    >>> number_to_words(2025), number_to_words("໑,໐໐໐"), number_to_words(Decimal("3.05"))
    ('ສອງພັນຊາວຫ້າ', 'ໜຶ່ງພັນ', 'ສາມຈຸດສູນຫ້າ')
    >>> number_to_words(10**12)
    'ໜຶ່ງລ້ານລ້ານ'
    """
    return _words(*_split(number, "number_to_words"))


# -- Words to numbers ------------------------------------------------------------------------------


class _Kind(Enum):
    DIGIT = "digit"  # ສູນ to ເກົ້າ
    ET = "et"  # ເອັດ, one at the end
    TEN = "ten"  # ສິບ
    TWENTY = "twenty"  # ຊາວ
    SCALE = "scale"  # ຮ້ອຍ ພັນ ໝື່ນ ແສນ: a number of 1 to 9 (ພັນ: 1 to 99) before it
    BIG = "big"  # ລ້ານ ຕື້: a whole group before it
    MINUS = "minus"
    POINT = "point"


_VOCABULARY: dict[str, tuple[_Kind, int]] = {
    **{word: (_Kind.DIGIT, value) for value, word in enumerate(DIGIT_WORDS)},
    "ນຶ່ງ": (_Kind.DIGIT, 1),
    ET: (_Kind.ET, 1),
    TEN: (_Kind.TEN, 10),
    TWENTY: (_Kind.TWENTY, 20),
    HUNDRED: (_Kind.SCALE, 100),
    THOUSAND: (_Kind.SCALE, 1000),
    "ໝື່ນ": (_Kind.SCALE, 10_000),
    HUNDRED_THOUSAND: (_Kind.SCALE, 100_000),
    MILLION: (_Kind.BIG, 10**6),
    "ຕື້": (_Kind.BIG, 10**9),
    MINUS: (_Kind.MINUS, 0),
    POINT: (_Kind.POINT, 0),
}


@cache
def _word_pattern() -> re.Pattern[str]:
    return re.compile("|".join(sorted(_VOCABULARY, key=len, reverse=True)))


@dataclass(frozen=True)
class _Token:
    word: str
    kind: _Kind
    value: int
    position: int  # offset in the original text


def _tokens(text: str) -> list[_Token]:
    """Split *text* into number words, with offsets into *text*; white space is skipped."""
    normalized = normalize_and_explain(text, form="lookup")
    kept = [i for i, char in enumerate(normalized.text) if not char.isspace()]
    compact = "".join(normalized.text[i] for i in kept)
    pattern = _word_pattern()
    tokens, index = [], 0
    while index < len(compact):
        position = normalized.original_span(kept[index], kept[index] + 1)[0]
        match = pattern.match(compact, index)
        if match is None:
            raise NumberWordsError(
                f"not a Lao number word at offset {position}: {text[position : position + 8]!r}",
                text=text,
                position=position,
            )
        kind, value = _VOCABULARY[match.group()]
        tokens.append(_Token(match.group(), kind, value, position))
        index = match.end()
    return tokens


class _Reader:
    """Reads a list of tokens left to right, once, with a grammar of the Lao numbers."""

    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0

    def peek(self, *kinds: _Kind) -> _Token | None:
        if self.index < len(self.tokens) and self.tokens[self.index].kind in kinds:
            return self.tokens[self.index]
        return None

    def take(self, *kinds: _Kind) -> _Token | None:
        token = self.peek(*kinds)
        if token is not None:
            self.index += 1
        return token

    def error(self, message: str, token: _Token | None = None) -> NumberWordsError:
        if token is None and self.index < len(self.tokens):
            token = self.tokens[self.index]
        position = token.position if token is not None else len(self.text)
        return NumberWordsError(f"{message} (offset {position})", text=self.text, position=position)

    def number(self) -> int | Decimal:
        negative = self.take(_Kind.MINUS) is not None
        integer = self.integer()
        fraction = ""
        point = self.take(_Kind.POINT)
        if point is not None:
            while (digit := self.take(_Kind.DIGIT)) is not None:
                fraction += str(digit.value)
            if not fraction:
                raise self.error(f"{POINT} must be followed by digits, one word for each")
        if self.index < len(self.tokens):
            token = self.tokens[self.index]
            raise self.error(f"{token.word} cannot come here")
        if point is not None:
            return Decimal(f"{'-' if negative else ''}{integer}.{fraction}")
        return -integer if negative else integer

    def integer(self) -> int:
        zero = self.peek(_Kind.DIGIT)
        if zero is not None and zero.value == 0:  # ສູນ is a number only on its own
            self.index += 1
            return 0
        total, previous_multiplier = 0, 0
        while True:
            start = self.peek(*_Kind)
            group = self.group(first=total == 0)
            if group == 0:
                if total == 0:
                    token = self.peek(*_Kind)
                    if token is not None and token.kind is _Kind.BIG:
                        raise self.error(f"{token.word} needs a number before it")
                    raise self.error("expected a Lao number")
                return total
            multiplier = 1
            while (big := self.take(_Kind.BIG)) is not None:
                multiplier *= big.value
                if multiplier > MAX_NUMBER:
                    raise self.error(f"numbers above {MAX_NUMBER:,} are not supported", big)
            if previous_multiplier and group * multiplier >= previous_multiplier:
                raise self.error("this part is too large for the part before it", start)
            total += group * multiplier
            if total > MAX_NUMBER:
                raise self.error(f"numbers above {MAX_NUMBER:,} are not supported", start)
            if multiplier == 1:
                return total
            previous_multiplier = multiplier

    def group(self, *, first: bool) -> int:
        """Read a number below a million (0 when there is none): phrases, each but the last with a
        scale word after it, the scales getting smaller."""
        total, last_scale = 0, None
        while True:
            start = self.peek(*_Kind)
            phrase = self.phrase()
            scale = self.peek(_Kind.SCALE)
            if phrase is None:
                if scale is not None:
                    raise self.error(f"{scale.word} needs a number before it, as in ໜຶ່ງ{scale.word}")
                return total
            value, single_digit = phrase
            assert start is not None
            if scale is None:  # the last phrase
                if start.kind is _Kind.ET and first and total == 0:
                    raise self.error(f"{ET} is only used after another number word", start)
                return total + value
            if start.kind is _Kind.ET and single_digit:
                raise self.error(f"write ໜຶ່ງ{scale.word}, not {ET}{scale.word}", start)
            if last_scale is not None and scale.value >= last_scale.value:
                raise self.error(f"{scale.word} cannot come after {last_scale.word}", scale)
            if scale.value == 1000:
                if value >= 10 and last_scale is not None and last_scale.value == 10_000:
                    raise self.error(f"only one digit can come before {scale.word} after ໝື່ນ", scale)
            elif not single_digit:
                raise self.error(f"only one digit can come before {scale.word}", scale)
            self.index += 1
            total += value * scale.value
            last_scale = scale

    def phrase(self) -> tuple[int, bool] | None:
        """Read 1 to 99 (ສາມ, ສິບເອັດ, ຊາວ, ສີ່ສິບຫ້າ …): its value, and whether it is one digit."""
        token = self.peek(_Kind.DIGIT, _Kind.ET, _Kind.TEN, _Kind.TWENTY)
        if token is None or (token.kind is _Kind.DIGIT and token.value == 0):
            return None
        self.index += 1
        if token.kind in (_Kind.DIGIT, _Kind.ET):
            if token.kind is _Kind.ET or self.peek(_Kind.TEN) is None:
                return token.value, True
            self.index += 1  # ສິບ after a digit: ສາມສິບ (and ໜຶ່ງສິບ, ສອງສິບ as people say them)
            value = token.value * 10
        else:
            value = token.value
        unit = self.peek(_Kind.DIGIT, _Kind.ET)
        if unit is not None and unit.value:
            self.index += 1
            value += unit.value
        return value, False


def words_to_number(text: str) -> int | Decimal:
    """Return the number written in Lao words in *text*: an int, or a Decimal when it has ຈຸດ.

    Spelling variants are accepted (``normalize(text, form="lookup")`` is applied first) and white
    space is skipped. Text that is not a number raises :class:`~laotext.errors.NumberWordsError`
    with the offset where reading stopped.

    >>> words_to_number("ສິບພັນຫ້າຮ້ອຍ"), words_to_number("ລົບ ສາມ ຈຸດ ສູນ ຫ້າ")
    (10500, Decimal('-3.05'))
    >>> words_to_number("ພັນໜຶ່ງພັນ")
    Traceback (most recent call last):
    ...
    laotext.errors.NumberWordsError: ພັນ needs a number before it, as in ໜຶ່ງພັນ (offset 0)
    """
    text = require_str(text, "words_to_number")
    tokens = _tokens(text)
    if not tokens:
        raise NumberWordsError("the text has no number words", text=text, position=0)
    return _Reader(text, tokens).number()


# -- Money -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Currency:
    """A currency as written in words: the unit, the subunit, and how many subunits make a unit.

    >>> CURRENCIES["USD"]
    Currency(code='USD', unit='ໂດລາ', subunit='ເຊັນ', subunits=100)
    """

    code: str
    unit: str
    subunit: str
    subunits: int

    def __post_init__(self) -> None:
        if isinstance(self.subunits, bool) or not isinstance(self.subunits, int) or self.subunits < 1:
            raise ValueError(f"subunits must be a positive int, not {self.subunits!r}")


#: The currencies :func:`money_to_words` knows, by ISO 4217 code.
CURRENCIES: Mapping[str, Currency] = MappingProxyType(
    {
        "LAK": Currency("LAK", "ກີບ", "ອັດ", 100),
        "USD": Currency("USD", "ໂດລາ", "ເຊັນ", 100),
        "THB": Currency("THB", "ບາດ", "ສະຕາງ", 100),
    }
)


def _currency(currency: object) -> Currency:
    if isinstance(currency, Currency):
        return currency
    if not isinstance(currency, str):
        raise TypeError(f"currency must be a str or a Currency, not {type(currency).__name__}")
    found = CURRENCIES.get(currency.upper())
    if found is None:
        raise UnknownOptionError("currency", currency, sorted(CURRENCIES))
    return found


def money_to_words(
    amount: int | Decimal | str, currency: str | Currency = "LAK", *, exact: bool = False
) -> str:
    """Return *amount* in words with the currency's unit and subunit, for cheques and invoices.

    *currency* is a code of :data:`CURRENCIES` (any case) or a :class:`Currency`. Decimals are
    subunits: 0.50 USD is ຫ້າສິບເຊັນ. An amount that is not a whole number of subunits (1.005 USD)
    raises :class:`~laotext.errors.NumberWordsError`; it is never rounded. ``exact=True`` writes ຖ້ວນ
    ("exactly") after an amount without subunits, so nothing can be added after it.

    >>> money_to_words(1500000), money_to_words("12.34", "USD"), money_to_words(20000, "THB", exact=True)
    ('ໜຶ່ງລ້ານຫ້າແສນກີບ', 'ສິບສອງໂດລາສາມສິບສີ່ເຊັນ', 'ຊາວພັນບາດຖ້ວນ')
    """
    negative, integer, fraction = _split(amount, "money_to_words")
    found = _currency(currency)
    if not isinstance(exact, bool):
        raise TypeError(f"exact must be True or False, not {exact!r}")
    fraction = fraction.rstrip("0")
    # A fraction ending in a non-zero digit at place n times the subunit count is whole only if that
    # count has n factors of 2 or of 5, so a longer fraction is refused before any arithmetic.
    whole = len(fraction) <= found.subunits.bit_length()
    subunits, remainder = (
        divmod(int(fraction or "0") * found.subunits, 10 ** len(fraction)) if whole else (0, 1)
    )
    if remainder:
        raise NumberWordsError(
            f"{amount} {found.code} is not a whole number of {found.subunit} "
            f"({found.subunits} to the {found.unit}); round it first",
            text=str(amount),
        )
    words = ""
    if integer or not subunits:
        words = _integer_words(integer) + found.unit
    if subunits:
        words += _integer_words(subunits) + found.subunit
    elif exact:
        words += EXACT
    if negative and (integer or subunits):
        words = MINUS + words
    return words
