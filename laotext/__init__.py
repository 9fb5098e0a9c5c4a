"""laotext: the open Lao language toolkit.

Normalization, syllables and validation of Lao text. This module only re-exports the public API;
data files are read on first use, not at import.

>>> import laotext
>>> laotext.normalize("ນໍ້າ")
'ນ້ຳ'
"""

from laotext._version import __version__
from laotext.chars import LaoClass, lao_class
from laotext.errors import (
    DataError,
    LaotextError,
    UnknownOptionError,
    UnknownProfileError,
)
from laotext.normalize import Change, Normalized, normalize, normalize_and_explain
from laotext.syllables import syllable_spans, syllables
from laotext.validate import Issue, Profile, is_valid, validate

__all__ = [
    "Change",
    "DataError",
    "Issue",
    "LaoClass",
    "LaotextError",
    "Normalized",
    "Profile",
    "UnknownOptionError",
    "UnknownProfileError",
    "__version__",
    "is_valid",
    "lao_class",
    "normalize",
    "normalize_and_explain",
    "syllable_spans",
    "syllables",
    "validate",
]
