"""The first cut of a text: Lao runs, and the pieces that are never split further.

URLs, e-mail addresses, numbers (``3.5``, ``1,000,000``, ``12/05/2025``, Lao digits), Latin words,
Lao abbreviations written with dots (``ພ.ສ.``), runs of Thai, words of other scripts, white space,
and runs of one punctuation character (``!!!``) each come out whole. A Lao run keeps Thai
look-alike marks typed inside it (they are read as their Lao twins when words are looked up).
One pass of one precompiled regular expression: linear in the length of the text.

>>> [(chunk.kind, chunk.text) for chunk in chunks("ປີ 2025: 3.5% www.gov.la") if chunk.kind != "space"]
... # doctest: +NORMALIZE_WHITESPACE
[('lao', 'ປີ'), ('number', '2025'), ('punctuation', ':'), ('number', '3.5'),
 ('punctuation', '%'), ('url', 'www.gov.la')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

__all__ = ["Chunk", "chunk_pattern", "chunks"]

_DIGIT = "0-9\u0ed0-\u0ed9"
_LAO_LETTERS = "\u0e81-\u0eae\u0edc-\u0edf"
_LAO_WORD_CHARS = "\u0e81-\u0ecf\u0edc-\u0eff"  # letters, vowels, marks, ໆ; not the digits
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"


@dataclass(frozen=True)
class Chunk:
    """A piece of text: ``kind`` is ``lao``, ``thai``, ``number``, ``latin``, ``url``, ``email``,
    ``abbreviation``, ``space``, ``punctuation`` or ``other``; ``start`` is its offset."""

    kind: str
    text: str
    start: int


@cache
def chunk_pattern() -> re.Pattern[str]:
    """The compiled pattern: each match is one chunk, named by ``match.lastgroup``."""
    return re.compile(
        rf"""
          (?P<url>(?:https?://|www\.)[^\s<>"'“”]*[^\s<>"'“”.,;:!?)\]}}])
        | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
        | (?P<number>[{_DIGIT}]+(?:[.,:/][{_DIGIT}]+)*)
        | (?P<abbreviation>(?:[{_LAO_LETTERS}]{{1,3}}\.)+[{_LAO_LETTERS}]{{1,3}}(?![\u0e81-\u0eff.])
            |(?:[{_LAO_LETTERS}]{{1,3}}\.){{2,}})
        | (?P<latin>[{_LATIN}]+(?:['’.-][{_LATIN}]+)*)
        | (?P<space>\s+)
        | (?P<lao>[{_LAO_WORD_CHARS}][{_LAO_WORD_CHARS}{_THAI_MARKS}]*)
        | (?P<thai>[\u0e01-\u0e5b]+)
        | (?P<other>(?:(?![\u0e00-\u0eff])[^\W\d_])+)
        | (?P<punctuation>(?P<mark>.)(?P=mark)*)
        """,
        re.VERBOSE | re.DOTALL,
    )


def chunks(text: str) -> Iterator[Chunk]:
    """Cut *text* into :class:`Chunk` pieces; their texts join back to *text*."""
    for match in chunk_pattern().finditer(text):
        kind = match.lastgroup or "other"
        if kind == "mark":
            kind = "punctuation"
        yield Chunk(kind, match.group(), match.start())
