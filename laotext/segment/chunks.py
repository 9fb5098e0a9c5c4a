"""The first cut of a text: Lao runs, and the pieces that are never split further.

URLs, e-mail addresses, numbers (``3.5``, ``1,000,000``, ``12/05/2025``, Lao digits), Latin words,
Lao abbreviations written with dots (``ພ.ສ.``), runs of Thai, words of other scripts, white space,
and runs of one punctuation character (``!!!``) each come out whole. Outside Lao, no piece ends
inside a user-perceived character: combining marks (``é`` typed as e + U+0301, the vowel signs of
Devanagari), variation selectors, skin-tone modifiers, keycaps, flags and emoji joined with U+200D
stay with the character they belong to. A Lao run keeps Thai
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
_REGIONAL_INDICATOR = "\U0001f1e6-\U0001f1ff"


def _extend() -> str:
    """What may follow a character within one user-perceived character, outside Lao and Thai.

    Combining marks (Unicode categories Mn, Mc, Me) are listed from :mod:`unicodedata` once, on
    first use (about 10 ms); Lao and Thai marks are left to the Lao and Thai rules. Also: emoji
    skin-tone modifiers, tag characters, the supplementary variation selectors, and U+200D with
    the character it joins.
    """
    import unicodedata

    marks = [
        code
        for code in range(0x30000)
        if unicodedata.category(chr(code))[0] == "M" and not 0x0E00 <= code <= 0x0EFF
    ]
    ranges: list[str] = []
    start = previous = marks[0]
    for code in [*marks[1:], -1]:
        if code != previous + 1:
            ranges.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code
        previous = code
    members = "".join(ranges) + "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef"
    # The lookahead turns away white space, Lao and ASCII at once: testing a character against the
    # long class is slow, and almost every chunk is followed by one of those.
    return f"(?:(?![\\s\u0e00-\u0eff!-~])(?:[{members}]|\u200d[^\\s\u0e00-\u0eff]))*"


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
    extend = _extend()
    latin_char = f"[{_LATIN}]{extend}"
    return re.compile(
        rf"""
          (?P<url>(?:https?://|www\.)[^\s<>"'“”]*[^\s<>"'“”.,;:!?)\]}}])
        | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+{extend})
        | (?P<number>[{_DIGIT}]+(?:[.,:/][{_DIGIT}]+)*{extend})
        | (?P<abbreviation>(?:(?:[{_LAO_LETTERS}]{{1,3}}\.)+[{_LAO_LETTERS}]{{1,3}}(?![\u0e81-\u0eff.])
            |(?:[{_LAO_LETTERS}]{{1,3}}\.){{2,}}){extend})
        | (?P<latin>(?:{latin_char})+(?:['’.-](?:{latin_char})+)*)
        | (?P<space>\s+)
        | (?P<lao>[{_LAO_WORD_CHARS}][{_LAO_WORD_CHARS}{_THAI_MARKS}]*)
        | (?P<thai>[\u0e01-\u0e5b]+)
        | (?P<other>(?:(?![\u0e00-\u0eff])[^\W\d_]{extend})+)
        | (?P<punctuation>(?:[{_REGIONAL_INDICATOR}]{{2}}|(?P<mark>.)(?P=mark)*){extend})
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
