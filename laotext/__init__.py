"""laotext: the open Lao language toolkit.

Normalization, syllables and validation of Lao text, Lao numbers and dates, the Lao keyboard
layout (``laotext.keyboard``), legacy Lao font text (``laotext.legacy``: conversion to Unicode
and back, detection, codecs), documents typed in legacy fonts (``laotext.documents``), word and
sentence segmentation (``laotext.segment``), romanization (``laotext.romanization``), and the
Lao–English dictionary (``laotext.dictionary``). This module only re-exports the public API;
data files are read on first use, not at import, and the numbers, dates, keyboard, legacy,
documents, segment, romanize and dictionary modules are imported when one of their names is
first used.

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
    DocumentError,
    LaotextError,
    LegacyDecodeError,
    LegacyEncodeError,
    NumberWordsError,
    UnknownEncodingError,
    UnknownOptionError,
    UnknownProfileError,
    UnsafeDocumentError,
    UnsupportedDocumentError,
)
from laotext.normalize import Change, Normalized, normalize, normalize_and_explain
from laotext.syllables import syllable_spans, syllables
from laotext.validate import Issue, Profile, is_valid, validate

__all__ = [
    "Change",
    "Conversion",
    "DataError",
    "DateParseError",
    "Detection",
    "DocumentError",
    "Issue",
    "LaoClass",
    "LaotextError",
    "LegacyDecodeError",
    "LegacyEncodeError",
    "Normalized",
    "NumberWordsError",
    "Profile",
    "SyllableInfo",
    "Tokenizer",
    "UnknownEncodingError",
    "UnknownOptionError",
    "UnknownProfileError",
    "UnsafeDocumentError",
    "UnsupportedDocumentError",
    "__version__",
    "convert_document",
    "detect_encoding",
    "dictionary",
    "documents",
    "format_date",
    "from_unicode",
    "is_valid",
    "keyboard",
    "lao_class",
    "legacy",
    "legacy_fonts",
    "lookup",
    "money_to_words",
    "normalize",
    "normalize_and_explain",
    "number_to_words",
    "parse_date",
    "register_codecs",
    "romanize",
    "search",
    "sent_tokenize",
    "sort_key",
    "spellcheck",
    "suggest",
    "syllable_info",
    "syllable_spans",
    "syllables",
    "to_arabic_digits",
    "to_lao_digits",
    "to_unicode",
    "to_unicode_and_explain",
    "validate",
    "word_tokenize",
    "words_to_number",
]

if TYPE_CHECKING:
    from laotext import dictionary, documents, keyboard, legacy
    from laotext.dates import format_date, parse_date
    from laotext.dictionary import lookup, search, sort_key, spellcheck, suggest
    from laotext.documents import convert_document
    from laotext.legacy import (
        Conversion,
        Detection,
        detect_encoding,
        from_unicode,
        legacy_fonts,
        register_codecs,
        to_unicode,
        to_unicode_and_explain,
    )
    from laotext.numbers import (
        money_to_words,
        number_to_words,
        to_arabic_digits,
        to_lao_digits,
        words_to_number,
    )
    from laotext.romanization import SyllableInfo, romanize, syllable_info
    from laotext.segment import Tokenizer, sent_tokenize, word_tokenize

# Public names whose modules are imported on first use, to keep ``import laotext`` light.
_LAZY = {
    "documents": "laotext.documents",
    "convert_document": "laotext.documents",
    "keyboard": "laotext.keyboard",
    "legacy": "laotext.legacy",
    "Conversion": "laotext.legacy",
    "Detection": "laotext.legacy",
    "detect_encoding": "laotext.legacy",
    "from_unicode": "laotext.legacy",
    "legacy_fonts": "laotext.legacy",
    "register_codecs": "laotext.legacy",
    "to_unicode": "laotext.legacy",
    "to_unicode_and_explain": "laotext.legacy",
    "format_date": "laotext.dates",
    "parse_date": "laotext.dates",
    "money_to_words": "laotext.numbers",
    "number_to_words": "laotext.numbers",
    "to_arabic_digits": "laotext.numbers",
    "to_lao_digits": "laotext.numbers",
    "words_to_number": "laotext.numbers",
    "Tokenizer": "laotext.segment",
    "sent_tokenize": "laotext.segment",
    "word_tokenize": "laotext.segment",
    "dictionary": "laotext.dictionary",
    "lookup": "laotext.dictionary",
    "search": "laotext.dictionary",
    "sort_key": "laotext.dictionary",
    "spellcheck": "laotext.dictionary",
    "suggest": "laotext.dictionary",
    "romanize": "laotext.romanization.systems",
    "syllable_info": "laotext.romanization.parse",
    "SyllableInfo": "laotext.romanization.parse",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name not in _LAZY:
        raise AttributeError(f"module 'laotext' has no attribute {name!r}")
    module = importlib.import_module(_LAZY[name])
    value = module if module.__name__ == f"laotext.{name}" else getattr(module, name)
    globals()[name] = value
    return value
