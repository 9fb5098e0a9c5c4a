"""Lao dates: write a date the way Lao is written, and read the common written forms back.

:func:`format_date` writes a :class:`datetime.date` in one of the styles of the :data:`STYLES`
registry, in the Common Era or the Buddhist Era (``BE = CE + 543``, marked ພ.ສ.), with Arabic or Lao
digits. :func:`parse_date` reads the forms people write, with or without weekday, ວັນທີ, ເດືອນ or an
era marker, in either digit system. Month and weekday names come from ``data/dates.json`` (the names
of Unicode CLDR, locale ``lo``).

>>> import datetime
>>> format_date(datetime.date(2025, 12, 2), "full")
'ວັນອັງຄານ ທີ 2 ທັນວາ 2025'
>>> format_date(datetime.date(2025, 12, 2), era="BE", digits="lao")
'໒ ທັນວາ ພ.ສ. ໒໕໖໘'
>>> parse_date("ວັນທີ 2 ທັນວາ 2568")
datetime.date(2025, 12, 2)
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from laotext import _data, chars
from laotext.errors import DataError, DateParseError, UnknownOptionError
from laotext.normalize import normalize

__all__ = [
    "AUTO_BE_ABOVE",
    "DIGIT_SYSTEMS",
    "ERAS",
    "PARSE_ERAS",
    "STYLES",
    "DateParts",
    "Style",
    "date_parts",
    "era_marker",
    "format_date",
    "month_names",
    "parse_date",
    "weekday_names",
]

#: The eras :func:`format_date` writes: the Common Era and the Buddhist Era (CE + 543).
ERAS = ("CE", "BE")
#: How :func:`parse_date` reads a year written without an era marker.
PARSE_ERAS = ("auto", *ERAS)
#: The digits :func:`format_date` writes: ``arabic`` (0-9) or ``lao`` (໐-໙).
DIGIT_SYSTEMS = ("arabic", "lao")
#: With ``era="auto"``, a year without a marker above this is a Buddhist Era year (2568 → 2025).
AUTO_BE_ABOVE = 2400

_TO_LAO_DIGITS = str.maketrans("0123456789", chars.DIGITS)
_FROM_LAO_DIGITS = str.maketrans(chars.DIGITS, "0123456789")
_DATA_FILE = "dates.json"


@dataclass(frozen=True)
class _Names:
    """The Lao words of ``data/dates.json``: names as written, and every spelling read."""

    months: tuple[str, ...]
    abbreviations: tuple[str, ...]
    month_variants: tuple[tuple[str, ...], ...]
    weekdays: tuple[str, ...]
    weekday_variants: tuple[tuple[str, ...], ...]
    markers: Mapping[str, str]
    era_variants: Mapping[str, tuple[str, ...]]
    offsets: Mapping[str, int]
    words: Mapping[str, str]
    word_variants: Mapping[str, tuple[str, ...]]


@cache
def _names() -> _Names:
    raw = _data.read_json(_DATA_FILE)
    try:
        months, weekdays, eras, words = raw["months"], raw["weekdays"], raw["eras"], raw["words"]
        names = _Names(
            months=tuple(str(m["name"]) for m in months),
            abbreviations=tuple(str(m["abbreviation"]) for m in months),
            month_variants=tuple(tuple(map(str, m["variants"])) for m in months),
            weekdays=tuple(str(w["name"]) for w in weekdays),
            weekday_variants=tuple(tuple(map(str, w["variants"])) for w in weekdays),
            markers=MappingProxyType({era: str(eras[era]["marker"]) for era in ERAS}),
            era_variants=MappingProxyType({era: tuple(map(str, eras[era]["variants"])) for era in ERAS}),
            offsets=MappingProxyType({era: int(eras[era]["offset"]) for era in ERAS}),
            words=MappingProxyType({key: str(value["written"]) for key, value in words.items()}),
            word_variants=MappingProxyType(
                {key: tuple(map(str, value["variants"])) for key, value in words.items()}
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"malformed date names ({error!r})", path=_DATA_FILE) from None
    if len(names.months) != 12 or len(names.weekdays) != 7 or set(names.words) != {"day", "month", "year"}:
        raise DataError("expected 12 months, 7 weekdays and the words day, month, year", path=_DATA_FILE)
    return names


def month_names(*, abbreviated: bool = False) -> tuple[str, ...]:
    """Return the twelve Lao month names, January first (or their abbreviations).

    >>> month_names()[0], month_names(abbreviated=True)[11]
    ('ມັງກອນ', 'ທ.ວ.')
    """
    names = _names()
    return names.abbreviations if abbreviated else names.months


def weekday_names() -> tuple[str, ...]:
    """Return the seven Lao weekday names, Monday first as :meth:`datetime.date.weekday` counts.

    >>> weekday_names()[0], weekday_names()[6]
    ('ວັນຈັນ', 'ວັນອາທິດ')
    """
    return _names().weekdays


def era_marker(era: str) -> str:
    """Return the abbreviation that marks a year of *era* (``CE`` or ``BE``).

    >>> era_marker("BE"), era_marker("CE")
    ('ພ.ສ.', 'ຄ.ສ.')
    """
    _check_option("era", era, ERAS)
    return _names().markers[era]


@dataclass(frozen=True)
class DateParts:
    """A date as a style writes it: the numbers in the chosen era and digits, and the Lao names.

    ``year`` is the year in the chosen era; ``marker`` is empty in the Common Era, which Lao writes
    without a marker, and ``ພ.ສ.`` in the Buddhist Era. ``digits`` is the digit system of
    :meth:`number`, and ``day_word`` the ທີ written before the day after a weekday.
    """

    day: int
    month: int
    year: int
    weekday_name: str
    month_name: str
    month_abbreviation: str
    marker: str
    digits: str
    day_word: str

    def number(self, value: int, width: int = 1) -> str:
        """Write *value* with at least *width* digits, zero-padded, in the chosen digit system.

        >>> date_parts(datetime.date(2025, 12, 2), digits="lao").number(2, width=2)
        '໐໒'
        """
        text = f"{value:0{width}d}"
        return text.translate(_TO_LAO_DIGITS) if self.digits == "lao" else text

    @property
    def year_text(self) -> str:
        """The year with four digits at least, after its era marker if it has one (ພ.ສ. 2568).

        >>> date_parts(datetime.date(2025, 12, 2), "BE").year_text
        'ພ.ສ. 2568'
        """
        year = self.number(self.year, width=4)
        return f"{self.marker} {year}" if self.marker else year


def date_parts(value: datetime.date, era: str = "CE", digits: str = "arabic") -> DateParts:
    """Return the :class:`DateParts` a style writes *value* with, in *era* and *digits*.

    >>> date_parts(datetime.date(2025, 12, 2), "BE").year, date_parts(datetime.date(2025, 12, 2)).weekday_name
    (2568, 'ວັນອັງຄານ')
    """
    if not isinstance(value, datetime.date):
        raise TypeError(f"expected a datetime.date, not {type(value).__name__}")
    _check_option("era", era, ERAS)
    _check_option("digits", digits, DIGIT_SYSTEMS)
    names = _names()
    return DateParts(
        day=value.day,
        month=value.month,
        year=value.year + names.offsets[era],
        weekday_name=names.weekdays[value.weekday()],
        month_name=names.months[value.month - 1],
        month_abbreviation=names.abbreviations[value.month - 1],
        marker="" if era == "CE" else names.markers[era],
        digits=digits,
        day_word=names.words["day"],
    )


@dataclass(frozen=True)
class Style:
    """One way of writing a date: ``write`` builds the text, ``eras`` and ``digits`` list what it allows."""

    description: str
    write: Callable[[DateParts], str]
    eras: tuple[str, ...] = ERAS
    digits: tuple[str, ...] = DIGIT_SYSTEMS


def _full(p: DateParts) -> str:
    return f"{p.weekday_name} {p.day_word} {p.number(p.day)} {p.month_name} {p.year_text}"


def _long(p: DateParts) -> str:
    return f"{p.number(p.day)} {p.month_name} {p.year_text}"


def _medium(p: DateParts) -> str:
    return f"{p.number(p.day)} {p.month_abbreviation} {p.year_text}"


def _short(p: DateParts) -> str:
    return f"{p.number(p.day, 2)}/{p.number(p.month, 2)}/{p.number(p.year, 4)}"


def _iso(p: DateParts) -> str:
    return f"{p.number(p.year, 4)}-{p.number(p.month, 2)}-{p.number(p.day, 2)}"


#: The styles of :func:`format_date`, by name. Every one carries the whole date.
STYLES: Mapping[str, Style] = MappingProxyType(
    {
        "full": Style("weekday, ທີ, day, month name, year: ວັນອັງຄານ ທີ 2 ທັນວາ 2025", _full),
        "long": Style("day, month name, year: 2 ທັນວາ 2025", _long),
        "medium": Style("day, abbreviated month, year: 2 ທ.ວ. 2025", _medium),
        "short": Style("day/month/year, zero-padded, no era marker: 02/12/2025", _short),
        "iso": Style("ISO 8601, Common Era and Arabic digits only: 2025-12-02", _iso, ("CE",), ("arabic",)),
    }
)


def _check_option(option: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{option} must be a str, not {type(value).__name__}")
    if value not in allowed:
        raise UnknownOptionError(option, value, list(allowed))
    return value


def format_date(value: datetime.date, style: str = "long", *, era: str = "CE", digits: str = "arabic") -> str:
    """Return *value* written in Lao in *style* (see :data:`STYLES`), *era* and *digits*.

    A :class:`datetime.datetime` is written as its date. The Common Era is written without a
    marker; a Buddhist Era year is written after ພ.ສ., except in the numeric ``short`` style.

    >>> day = datetime.date(2025, 12, 2)
    >>> format_date(day), format_date(day, "short"), format_date(day, "medium", era="BE")
    ('2 ທັນວາ 2025', '02/12/2025', '2 ທ.ວ. ພ.ສ. 2568')
    """
    if not isinstance(value, datetime.date):
        raise TypeError(f"format_date() expects a datetime.date, not {type(value).__name__}")
    chosen = STYLES[_check_option("style", style, tuple(STYLES))]
    written = date_parts(value, era, digits)  # checks era and digits against all the eras and digits
    _check_option("era", era, chosen.eras)
    _check_option("digits", digits, chosen.digits)
    return chosen.write(written)


# -- Reading ------------------------------------------------------------------------------------

_EXAMPLES = "2 ທັນວາ 2025, ວັນທີ 02/12/2025 or 2025-12-02"


@dataclass(frozen=True)
class _Patterns:
    """The compiled patterns of :func:`parse_date` and the tables that turn a match into numbers."""

    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    words: re.Pattern[str]
    month_of: Mapping[str, int]
    weekday_of: Mapping[str, int]
    era_of: Mapping[str, str]


def _abbreviation_key(text: str) -> str:
    """An abbreviation without its dots and spaces (ພ. ສ → ພສ), to look up how it was matched."""
    return text.replace(".", "").replace(" ", "")


def _abbreviation_pattern(abbreviation: str) -> str:
    """``ພ.ສ.`` → a pattern that also reads ``ພ.ສ`` and ``ພ. ສ.``: the last dot and spaces optional."""
    pieces = [re.escape(piece) for piece in abbreviation.split(".") if piece]
    return r"\. ?".join(pieces) + r"\.?"


def _spellings_pattern(spellings: list[str]) -> str:
    """A regex alternation of spellings, longest first so that none hides a longer one."""
    ordered = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "|".join(_abbreviation_pattern(s) if "." in s else re.escape(s) for s in ordered)


@cache
def _patterns() -> _Patterns:
    names = _names()
    month_of: dict[str, int] = {}
    for number, (name, abbreviation, variants) in enumerate(
        zip(names.months, names.abbreviations, names.month_variants, strict=True), start=1
    ):
        month_of.update(dict.fromkeys(map(_abbreviation_key, (name, abbreviation, *variants)), number))
    weekday_of: dict[str, int] = {}
    for number, (name, variants) in enumerate(zip(names.weekdays, names.weekday_variants, strict=True)):
        weekday_of.update(dict.fromkeys((name, *variants), number))
    era_spellings = {era: [names.markers[era], *names.era_variants[era]] for era in ERAS}
    era_of = {_abbreviation_key(s): era for era in ERAS for s in era_spellings[era]}

    def word(key: str) -> str:
        return _spellings_pattern([names.words[key], *names.word_variants[key]])

    month_spellings = [*names.months, *names.abbreviations, *(v for vs in names.month_variants for v in vs)]
    weekday = _spellings_pattern(list(weekday_of))
    era = _spellings_pattern([s for spellings in era_spellings.values() for s in spellings])
    head = rf"(?:(?P<weekday>{weekday}) ?)?(?:(?:{word('day')}) ?)?(?P<day>[0-9]{{1,2}})"
    month = (
        rf"(?:(?:{word('month')}) ?)?(?P<month_name>{_spellings_pattern(month_spellings)})"
        rf"|(?:{word('month')}) ?(?P<month>[0-9]{{1,2}})"
    )
    year = (
        rf"(?:(?:{word('year')}) ?)?(?:(?P<era_before>{era}) ?)?(?P<year>[0-9]+)(?: ?(?P<era_after>{era}))?"
    )
    return _Patterns(
        iso=re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"),
        numeric=re.compile(rf"{head} ?(?P<sep>[/.-]) ?(?P<month>[0-9]{{1,2}}) ?(?P=sep) ?(?P<year>[0-9]+)"),
        words=re.compile(rf"{head} ?(?:{month}) ?{year}"),
        month_of=MappingProxyType(month_of),
        weekday_of=MappingProxyType(weekday_of),
        era_of=MappingProxyType(era_of),
    )


#: Longer texts are not read: no written date comes near this length.
_MAX_LENGTH = 200
#: Longer texts are refused before they are normalized (invisible characters may pad a short date).
_MAX_RAW_LENGTH = 1000
_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _cleaned(text: str) -> str:
    """*text* in lookup normal form, with Arabic digits, no commas and single spaces."""
    text = normalize(text, form="lookup").translate(_FROM_LAO_DIGITS).replace(",", " ")
    return " ".join(text.split())


def parse_date(text: str, *, era: str = "auto") -> datetime.date:
    """Read a date written in Lao: ``2 ທັນວາ 2025``, ``ວັນອັງຄານ ທີ 2 ທັນວາ 2025``, ``02/12/2025``.

    Day first, as in Laos; ISO ``2025-12-02``; month names, their abbreviations or ``ເດືອນ 12``;
    Arabic or Lao digits. A year marked ພ.ສ. is a Buddhist Era year and one marked ຄ.ສ. a Common Era
    year. *era* says how to read a year without a marker: ``auto`` takes a year above 2400 for the
    Buddhist Era, ``CE`` and ``BE`` take every such year for that era. A weekday, if given, must be
    the weekday of the date. Anything else raises :class:`~laotext.errors.DateParseError`.

    >>> parse_date("໒ ທັນວາ ໒໐໒໕"), parse_date("02/12/2568")
    (datetime.date(2025, 12, 2), datetime.date(2025, 12, 2))
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date() expects str, not {type(text).__name__}")
    _check_option("era", era, PARSE_ERAS)
    if len(text) > _MAX_RAW_LENGTH:
        raise DateParseError(f"a text of {len(text)} characters is too long to be a date", text=text)
    cleaned = _cleaned(text)
    if not cleaned:
        raise DateParseError("there is no date in an empty text", text=text)
    if len(cleaned) > _MAX_LENGTH:
        raise DateParseError(f"a text of {len(cleaned)} characters is too long to be a date", text=text)
    patterns = _patterns()
    for pattern in (patterns.iso, patterns.numeric, patterns.words):
        match = pattern.fullmatch(cleaned)
        if match:
            break
    else:
        raise DateParseError(f"cannot read {text!r} as a date; write it like {_EXAMPLES}", text=text)
    found = match.groupdict()
    month_name = found.get("month_name")
    month = patterns.month_of[_abbreviation_key(month_name)] if month_name else int(found["month"])
    markers = [
        patterns.era_of[_abbreviation_key(m)] for m in (found.get("era_before"), found.get("era_after")) if m
    ]
    if len(markers) > 1:
        raise DateParseError(f"{text!r} marks its year with two eras; keep one", text=text)
    value = _checked_date(int(found["day"]), month, found["year"], markers[0] if markers else era, text)
    weekday = found.get("weekday")
    if weekday is not None and patterns.weekday_of[weekday] != value.weekday():
        actual = value.weekday()
        raise DateParseError(
            f"{text!r} says {weekday}, but {value.isoformat()} is a {_ENGLISH_WEEKDAYS[actual]} "
            f"({_names().weekdays[actual]})",
            text=text,
        )
    return value


def _checked_date(day: int, month: int, year_digits: str, era: str, text: str) -> datetime.date:
    """The date of *day*, *month* and the year written *year_digits* in *era*, or a clear error."""
    if len(year_digits) < 4:
        raise DateParseError(
            f"the year {year_digits} in {text!r} is too short: write all of it (2025, or 2568 in the "
            "Buddhist Era)",
            text=text,
        )
    if len(year_digits) > 5:
        raise DateParseError(f"the year {year_digits} in {text!r} has too many digits", text=text)
    year = int(year_digits)
    if era == "auto":
        era = "BE" if year > AUTO_BE_ABOVE else "CE"
    ce_year = year - _names().offsets[era]
    if not datetime.MINYEAR <= ce_year <= datetime.MAXYEAR:
        raise DateParseError(
            f"the year {year_digits} ({era}) in {text!r} is outside the years 1 to 9999 of the Common Era",
            text=text,
        )
    if not 1 <= month <= 12:
        raise DateParseError(f"{text!r} has no month {month}: months run from 1 to 12", text=text)
    last = calendar.monthrange(ce_year, month)[1]
    if not 1 <= day <= last:
        raise DateParseError(
            f"{text!r} is not a date: {_names().months[month - 1]} {ce_year} has {last} days, "
            f"so there is no day {day}",
            text=text,
        )
    return datetime.date(ce_year, month, day)
