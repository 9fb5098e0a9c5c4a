"""Which fonts are legacy Lao fonts, and in which encoding their text is.

The names come from ``data/legacy_fonts.tsv`` (each with its source). Names match whatever their
case, spaces, hyphens and underscores, and with a style word (Bold, Italic …) after them; a listed
name ending in ``*`` matches every name starting with it.

>>> font_encoding("Saysettha Lao"), font_encoding("SAYSETTHA_LAO Bold"), font_encoding("Phetsarath OT")
('lswin', 'lswin', 'unicode')
>>> font_encoding("Times New Roman") is None
True
"""

from __future__ import annotations

import re
from functools import cache

from laotext import _data

__all__ = ["font_encoding", "legacy_fonts"]

_STYLE_WORDS = re.compile(
    r"(?:[\s_-]+(?:bold|italic|regular|normal|oblique|light|medium|semibold|black|bd|it|bi))+$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s_-]+")


def _fold(name: str) -> str:
    return _SEPARATORS.sub("", name.strip().lower())


@cache
def _table() -> tuple[dict[str, str], tuple[tuple[str, str], ...], dict[str, str]]:
    """Exact names, prefixes (from names ending in ``*``), and every listed family with its encoding."""
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    families: dict[str, str] = {}
    for row in _data.read_tsv("legacy_fonts.tsv"):
        family, encoding = row["family"], row["encoding"]
        families[family] = encoding
        if family.endswith("*"):
            prefixes.append((_fold(family[:-1]), encoding))
        else:
            exact[_fold(family)] = encoding
    prefixes.sort(key=lambda item: -len(item[0]))
    return exact, tuple(prefixes), families


def legacy_fonts() -> dict[str, str]:
    """Known legacy Lao font family names and the encoding of each.

    >>> legacy_fonts()["Saysettha Lao"]
    'lswin'
    """
    return {family: encoding for family, encoding in _table()[2].items() if encoding != "unicode"}


def font_encoding(name: str) -> str | None:
    """The encoding of text in font *name*: a legacy encoding, ``"unicode"``, or None if unknown.

    >>> font_encoding("Boupha"), font_encoding("Chanthabouli-Lao")
    ('keyboard', 'lswin')
    """
    if not isinstance(name, str):
        raise TypeError(f"font_encoding() expects str, not {type(name).__name__}")
    exact, prefixes, _ = _table()
    for candidate in (name, _STYLE_WORDS.sub("", name)):
        folded = _fold(candidate)
        if folded in exact:
            return exact[folded]
        for prefix, encoding in prefixes:
            if folded.startswith(prefix):
                return encoding
    return None
