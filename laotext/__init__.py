"""laotext: the open Lao language toolkit.

Normalization, syllables and validation of Lao text, Lao numbers and dates, and the Lao keyboard
layout (``laotext.keyboard``). This module only re-exports the public API;
data files are read on first use, not at import, and the numbers, dates and keyboard modules are
imported when one of their names is first used.

>>> import laotext
>>> laotext.normalize("ນໍ້າ")
'ນ້ຳ'
"""

from typing import TYPE_CHECKING, Any

from laotext._version import __version__
from laotext.chars import LaoClass, lao_class
from laotext.errors import (
    DataError,
    DateParseError,
    LaotextError,
    NumberWordsError,
    UnknownOptionError,
    UnknownProfileError,
)
from laotext.normalize import Change, Normalized, normalize, normalize_and_explain
from laotext.syllables import syllable_spans, syllables
from laotext.validate import Issue, Profile, is_valid, validate

__all__ = [
    "Change",
    "DataError",
    "DateParseError",
    "Issue",
    "LaoClass",
    "LaotextError",
    "Normalized",
    "NumberWordsError",
    "Profile",
    "UnknownOptionError",
    "UnknownProfileError",
    "__version__",
    "format_date",
    "is_valid",
    "keyboard",
    "lao_class",
    "money_to_words",
    "normalize",
    "normalize_and_explain",
    "number_to_words",
    "parse_date",
    "syllable_spans",
    "syllables",
    "to_arabic_digits",
    "to_lao_digits",
    "validate",
    "words_to_number",
]

if TYPE_CHECKING:
    from laotext import keyboard
    from laotext.dates import format_date, parse_date
    from laotext.numbers import (
        money_to_words,
        number_to_words,
        to_arabic_digits,
        to_lao_digits,
        words_to_number,
    )

# Public names whose modules are imported on first use, to keep ``import laotext`` light.
_LAZY = {
    "keyboard": "laotext.keyboard",
    "format_date": "laotext.dates",
    "parse_date": "laotext.dates",
    "money_to_words": "laotext.numbers",
    "number_to_words": "laotext.numbers",
    "to_arabic_digits": "laotext.numbers",
    "to_lao_digits": "laotext.numbers",
    "words_to_number": "laotext.numbers",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name not in _LAZY:
        raise AttributeError(f"module 'laotext' has no attribute {name!r}")
    module = importlib.import_module(_LAZY[name])
    value = module if module.__name__ == f"laotext.{name}" else getattr(module, name)
    globals()[name] = value
    return value
