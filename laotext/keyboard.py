"""Text typed with the keyboard on the wrong layout: Lao typed as Latin gibberish, and the way back.

People often type Lao with the keyboard still on the English (US) layout, which gives Latin gibberish
(``lt[kpfu`` for ສະບາຍດີ), or English with the keyboard on the Lao layout. :func:`latin_to_lao` gives
the text the keys would have typed with the Lao layout on, :func:`lao_to_latin` the keys that type a
Lao text, and :func:`find_mistyped` and :func:`looks_mistyped` find the Latin words that are really
Lao. A word is converted and covered with words of the bundled Lao word list; words that look like
English (letters with a vowel) or like numbers are left alone.

The layout (``data/keyboard_layout.tsv``) is the Lao keyboard as printed on the keys. It agrees with
the Keyman "Lao 2008" layout on 77 of the 94 keys; the others, among them ໜ ໝ ຫຼ and the shifted
number keys (Lao digits here), are listed in ``scripts/make_keyboard_table.py``.

>>> latin_to_lao("lt[kpfu")
'ສະບາຍດີ'
>>> lao_to_latin("ຂອບໃຈ")
'0v[.9'
>>> looks_mistyped("Thank you, 0v[.9").suggestion
'ຂອບໃຈ'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from laotext import _data, chars
from laotext.errors import DataError, require_str
from laotext.normalize import normalize

__all__ = [
    "MIN_COVERAGE",
    "MIN_KEYS",
    "MIN_LAO_SHARE",
    "Mistyped",
    "find_mistyped",
    "keyboard_layout",
    "lao_to_latin",
    "lao_words",
    "latin_to_lao",
    "looks_mistyped",
]

#: A Latin word must type at least this many Lao characters to be considered.
MIN_KEYS = 3
#: Share of the Lao characters of the converted word that words of the word list must cover.
MIN_COVERAGE = 0.8

_LAO_FIRST = "\u0e80"
_LAO_LAST = "\u0eff"
_NEEDS_BASE = frozenset(chars.NEEDS_BASE)
_LEADING_VOWELS = frozenset(chars.LEADING_VOWELS)
# A word: a run of printable ASCII characters.
_LATIN_RUN = re.compile("[!-~]+")
# Words that look English: letters with a vowel, perhaps a contraction ('s n't 'll …) or hyphenated
# parts, perhaps between quotes, brackets, emphasis marks or sentence punctuation.
_ENGLISH_WORD = re.compile(
    r"[(\"'\[*_`<]*"
    r"(?=[A-Za-z'-]*[AEIOUYaeiouy])[A-Za-z]+(?:'(?:[sStTdDmM]|ll|LL|re|RE|ve|VE))?(?:-[A-Za-z]+)*"
    r"[-.,;:!?)\"'\]*_`>]*"
)
# Keys English words hardly ever type, but Lao words often do: q (ົ) not followed by u, j (the tone
# mark ່) not followed by a vowel. A word that looks English but has one of them is still considered.
_NOT_ENGLISH = re.compile("[qQ](?![uU])|[jJ](?![AEIOUaeiou])")
# Numbers, amounts, dates and times.
_NUMBER = re.compile(r"[-+(\[$#]*[0-9][0-9.,:/%-]*(?:st|nd|rd|th|s)?[)\].,;:!?%]*")


@cache
def keyboard_layout() -> Mapping[str, str]:
    """Return the Lao layout: each printable ASCII key and the text it types with the Lao layout on.

    >>> keyboard_layout()["d"], keyboard_layout()["A"], keyboard_layout()["D"]
    ('ກ', 'ັ້', '.')
    """
    layout: dict[str, str] = {}
    for row in _data.read_tsv("keyboard_layout.tsv"):
        try:
            key = chr(int(row["key_hex"], 16))
            output = "".join(chr(int(code, 16)) for code in row["lao_hex"].split())
        except ValueError:
            raise DataError(f"bad code point in row {row}", path="keyboard_layout.tsv") from None
        if not output or key in layout:
            raise DataError(f"key {key!r} types nothing or is listed twice", path="keyboard_layout.tsv")
        layout[key] = output
    if sorted(layout) != [chr(code) for code in range(0x21, 0x7F)]:
        raise DataError("the table must list each printable ASCII key once", path="keyboard_layout.tsv")
    return MappingProxyType(layout)


@cache
def _to_lao() -> dict[int, str]:
    return {ord(key): output for key, output in keyboard_layout().items()}


@cache
def _repeated() -> re.Pattern[str]:
    # A key that does not type a consonant, three times in a row: never Lao spelling, but rules and
    # ASCII art ("===", "..."). A consonant may be (ແບບບໍ່: [[[).
    keys = "".join(key for key, output in keyboard_layout().items() if output[0] not in chars.CONSONANTS)
    return re.compile(f"([{re.escape(keys)}])\\1\\1")


@cache
def _to_latin() -> dict[int, str]:
    # Every character a key types, back to that key. The two characters of a vowel-with-tone key are
    # each typed by a key of their own, so single keys cover every text the layout can type.
    return {ord(output): key for key, output in keyboard_layout().items() if len(output) == 1}


@cache
def _to_latin_composite() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {output: key for key, output in keyboard_layout().items()}
    outputs = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(output) for output in outputs)), table


def latin_to_lao(text: str) -> str:
    """Return what *text* would have been had the Lao layout been on: each key becomes its Lao text.

    Characters that are not printable ASCII (spaces, line breaks, Lao, anything else) are kept.

    >>> latin_to_lao("xtgmf]k;")
    'ປະເທດລາວ'
    >>> latin_to_lao("ສະບາຍ fu")
    'ສະບາຍ ດີ'
    """
    return require_str(text, "latin_to_lao").translate(_to_lao())


def lao_to_latin(text: str, *, composite_keys: bool = False) -> str:
    """Return the keys that type *text* on the Lao layout: the way back from :func:`latin_to_lao`.

    Every character some key types goes back to that key: Lao letters and marks, ₭, and the ASCII
    punctuation the Lao layout moves to shifted letters (``.`` is Shift+D). Characters no key types
    (Latin letters other than ``x``, ASCII digits, white space, other scripts) are kept.

    Nine shifted keys type a vowel or ໍ with a tone mark (Shift+A types ``ັ້``); the same two
    characters are typed by two unshifted keys (``a`` then ``h``). By default such a pair goes back
    to the two unshifted keys, so that English typed on the Lao layout comes back right: ``the``
    types ``ະ້ຳ``, which would otherwise come back as ``tE``. With ``composite_keys=True`` the pair
    goes back to the shifted key.

    ``latin_to_lao(lao_to_latin(t)) == t`` for every text *t* the Lao layout can type, either way.
    ``lao_to_latin(latin_to_lao(s)) == s`` for every ASCII string *s* without the shifted keys
    ``+ A B E N O Q U Y`` (by default) or, with ``composite_keys=True``, whose Lao text has none of
    the nine pairs except where a shifted key typed it.

    >>> lao_to_latin("ປະເທດລາວ")
    'xtgmf]k;'
    >>> lao_to_latin("ນ້ຳ"), lao_to_latin("ນ້ຳ", composite_keys=True)
    ('ohe', 'oE')
    """
    text = require_str(text, "lao_to_latin")
    if not composite_keys:
        return text.translate(_to_latin())
    pattern, table = _to_latin_composite()
    return pattern.sub(lambda match: table[match.group()], text)


@cache
def lao_words() -> frozenset[str]:
    """Return the bundled Lao word list (``data/words_lo.txt``), in the lookup form of normalization.

    >>> "ສະບາຍດີ" in lao_words(), "ຂອບໃຈ" in lao_words()
    (True, True)
    """
    text = _data.read_text("words_lo.txt")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _longest_word() -> int:
    return max(len(word) for word in lao_words())


@dataclass(frozen=True)
class Mistyped:
    """A Latin word that looks like Lao typed with the keyboard on the English layout.

    ``start`` and ``end`` are offsets into the text, ``typed`` is ``text[start:end]`` and
    ``suggestion`` is ``latin_to_lao(typed)``. ``score`` is the share of its Lao characters covered by
    words of the Lao word list, and ``words`` are those words (in lookup form), the evidence.
    """

    start: int
    end: int
    typed: str
    suggestion: str
    score: float
    words: tuple[str, ...]


def _is_candidate(word: str) -> bool:
    """Could *word* be Lao typed on the English layout, before looking at the dictionary?"""
    return (
        len(word) >= MIN_KEYS
        and sum(1 for key in word if _LAO_FIRST <= _to_lao()[ord(key)][0] <= _LAO_LAST) >= MIN_KEYS
        and (_ENGLISH_WORD.fullmatch(word) is None or _NOT_ENGLISH.search(word) is not None)
        and _NUMBER.fullmatch(word) is None
        and _repeated().search(word) is None
    )


def _coverage(lao: str) -> tuple[float, tuple[str, ...]]:
    """Cover *lao* greedily with the longest dictionary words; return the covered share and the words."""
    text = normalize(lao, form="lookup")
    size = len(text)
    letters = sum(1 for char in text if _LAO_FIRST <= char <= _LAO_LAST)
    if not letters:
        return 0.0, ()
    # Where a word may start or end: before a consonant or leading vowel that does not follow a leading
    # vowel. The pieces of syllables() are not used: spelling alone cannot always place the boundary
    # (ໃນວັນ splits as ໃນວັ|ນ, ດີກວ່າ as ດີກ|ວ່າ), and the dictionary decides better.
    edge = [True] * (size + 1)
    for index in range(1, size):
        edge[index] = text[index] not in _NEEDS_BASE and text[index - 1] not in _LEADING_VOWELS
    words = lao_words()
    longest = _longest_word()
    found: list[str] = []
    covered = 0
    start = 0
    while start < size:
        if edge[start] and _LAO_FIRST <= text[start] <= _LAO_LAST:
            for end in range(min(size, start + longest), start + 1, -1):
                if edge[end] and text[start:end] in words:
                    found.append(text[start:end])
                    covered += end - start
                    start = end
                    break
            else:
                start += 1
        else:
            start += 1
    return covered / letters, tuple(found)


#: The least share of Lao characters in the converted word (edge punctuation aside).
MIN_LAO_SHARE = 0.75
_EDGE_PUNCTUATION = "\"'()[]{},.;:!?-"


def _finding(match: re.Match[str]) -> Mistyped | None:
    typed = match.group()
    if not _is_candidate(typed):
        return None
    suggestion = latin_to_lao(typed)
    # Code and markup ("__init__()", "'b'") map mostly to ASCII digits and punctuation: not Lao.
    lao = sum(1 for char in suggestion if _LAO_FIRST <= char <= _LAO_LAST)
    if lao < MIN_LAO_SHARE * len(suggestion.strip(_EDGE_PUNCTUATION)):
        return None
    score, words = _coverage(suggestion)
    if score < MIN_COVERAGE:
        return None
    return Mistyped(match.start(), match.end(), typed, suggestion, score, words)


def find_mistyped(text: str) -> list[Mistyped]:
    """Return every Latin word of *text* that looks like Lao typed on the English layout.

    A word (a run of printable ASCII characters) qualifies when its keys type at least
    :data:`MIN_KEYS` Lao characters, it does not look like an English word or a number, and words of
    :func:`lao_words` cover at least :data:`MIN_COVERAGE` of the Lao characters it converts to.

    An English-looking word is letters with a vowel (``a e i o u y``), perhaps with a contraction
    (``'s``, ``'ll`` …), hyphenated parts or punctuation around it. Such a word is still considered
    when it has a ``q`` not followed by ``u`` or a ``j`` not followed by a vowel: those keys type ົ
    and the tone mark ່, common in Lao (``7qo`` ຄົນ, ``mjko`` ທ່ານ) and rare in English. Lao words
    typed only with letter keys otherwise pass unnoticed (``iPo`` ຮຽນ, ``ohe`` ນ້ຳ).

    >>> [(m.start, m.typed, m.suggestion) for m in find_mistyped("0v[.9 ]k; and thanks")]
    [(0, '0v[.9', 'ຂອບໃຈ'), (6, ']k;', 'ລາວ')]
    """
    text = require_str(text, "find_mistyped")
    found = []
    for match in _LATIN_RUN.finditer(text):
        finding = _finding(match)
        if finding is not None:
            found.append(finding)
    return found


def looks_mistyped(text: str) -> Mistyped | None:
    """Return the strongest sign that *text* holds Lao typed on the English layout, or None.

    The strongest finding of :func:`find_mistyped` is the one with the highest score, then the
    longest, then the first.

    >>> looks_mistyped("Hello, how are you?") is None
    True
    >>> finding = looks_mistyped("Hello lt[kpfu")
    >>> finding.start, finding.typed, f"Did you mean {finding.suggestion}?"
    (6, 'lt[kpfu', 'Did you mean ສະບາຍດີ?')
    """
    found = find_mistyped(require_str(text, "looks_mistyped"))
    if not found:
        return None
    return max(found, key=lambda finding: (finding.score, finding.end - finding.start, -finding.start))
