"""Spelling suggestions and a spell checker for Lao.

:func:`suggest` ranks known words by a weighted edit distance that knows the usual Lao slips:
a wrong, missing or extra tone mark, ຽ/ຍ, ຣ/ລ, a short vowel for its long twin (ະ/າ, ິ/ີ, ຶ/ື,
ຸ/ູ, ັ/າ), a missing ໌. Those cost less than other edits. Candidates are not found by comparing
with every word: words are indexed by their consonant skeleton (the consonants alone, ຣ read as
ລ), so a word whose vowels or tones are wrong finds its candidates in one lookup, and a word with
one wrong, missing or extra consonant in a few dozen.

:func:`spellcheck` segments a text into words (:func:`laotext.word_tokenize`) and reports each Lao
word that neither the segmentation lexicon nor the dictionary knows, with its position and
suggestions.

>>> suggest("ສະບາຍດີ່")[0]
'ສະບາຍດີ'
>>> [(m.word, m.start, m.suggestions[0]) for m in spellcheck("ສະບາຍດີ່ທຸກຄົນ")]
[('ດີ່', 5, 'ດີ')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from laotext.errors import require_str

__all__ = ["Misspelling", "spellcheck", "suggest", "weighted_distance"]

_CONSONANTS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮໜໝຆຉຌຎຏຐຑຒຓຘຠຨຩຬໞໟ"
_SKELETON_MAP = {ord("ຣ"): "ລ", ord("ໜ"): "ຫນ", ord("ໝ"): "ຫມ"}
_NOT_CONSONANT = re.compile(f"[^{_CONSONANTS}]")
_TONES = "່້໊໋"
#: Pairs of characters typed for each other, and what swapping them costs (other edits cost 1).
CONFUSIONS: dict[frozenset[str], float] = {
    **{frozenset((a, b)): 0.4 for a in _TONES for b in _TONES if a < b},
    frozenset(("ຽ", "ຍ")): 0.4,
    frozenset(("ຣ", "ລ")): 0.4,
    frozenset(("ະ", "າ")): 0.5,
    frozenset(("ິ", "ີ")): 0.5,
    frozenset(("ຶ", "ື")): 0.5,
    frozenset(("ຸ", "ູ")): 0.5,
    frozenset(("ັ", "າ")): 0.6,
    frozenset(("ົ", "ໍ")): 0.6,
    frozenset(("ເ", "ແ")): 0.6,
    frozenset(("ໃ", "ໄ")): 0.5,
}
#: What inserting or deleting a character costs when it is not 1: tone marks and ໌ are often
#: forgotten or doubled.
CHEAP_INSERTS = {**{tone: 0.3 for tone in _TONES}, "໌": 0.4, "ັ": 0.7, "ະ": 0.7}
MAX_DISTANCE = 2.0


def weighted_distance(a: str, b: str, limit: float = MAX_DISTANCE) -> float:
    """The weighted edit distance from *a* to *b* (or more than *limit* as soon as it is exceeded).

    >>> weighted_distance("ບໍ່", "ບໍ້"), weighted_distance("ກາ", "ຂາ")
    (0.4, 1.0)
    """
    previous = [0.0]
    for char in b:
        previous.append(previous[-1] + CHEAP_INSERTS.get(char, 1.0))
    for char_a in a:
        delete = CHEAP_INSERTS.get(char_a, 1.0)
        current = [previous[0] + delete]
        for j, char_b in enumerate(b, start=1):
            if char_a == char_b:
                substitute = previous[j - 1]
            else:
                substitute = previous[j - 1] + CONFUSIONS.get(frozenset((char_a, char_b)), 1.0)
            current.append(
                min(substitute, previous[j] + delete, current[j - 1] + CHEAP_INSERTS.get(char_b, 1.0))
            )
        if min(current) > limit:
            return limit + 1.0
        previous = current
    return previous[-1]


def _skeleton(word: str) -> str:
    return _NOT_CONSONANT.sub("", word.translate(_SKELETON_MAP))


@cache
def _index() -> tuple[dict[str, list[str]], dict[str, int]]:
    """Consonant skeleton → known words, and each known word's cost (lower: more lists agree)."""
    from laotext.dictionary.entries import bundled as bundled_dictionary
    from laotext.segment.lexicon import WORD_COST, bundled

    costs: dict[str, int] = dict(bundled().costs)  # keyed by the normalized spelling
    for entry in bundled_dictionary():
        if " " not in entry.headword:
            costs.setdefault(entry.headword, WORD_COST)
    by_skeleton: dict[str, list[str]] = {}
    for word in costs:
        by_skeleton.setdefault(_skeleton(word), []).append(word)
    return by_skeleton, costs


def _near_skeletons(skeleton: str) -> set[str]:
    """Skeletons one consonant away (substituted, deleted or inserted)."""
    near = {skeleton}
    for i in range(len(skeleton) + 1):
        if i < len(skeleton):
            near.add(skeleton[:i] + skeleton[i + 1 :])
        for consonant in _CONSONANTS[:27]:
            near.add(skeleton[:i] + consonant + skeleton[i:])
            if i < len(skeleton):
                near.add(skeleton[:i] + consonant + skeleton[i + 1 :])
    return near


def is_known(word: str) -> bool:
    """Whether the Lao *word* (any spelling variant) is in the lexicon or the dictionary."""
    from laotext.normalize import normalize

    return normalize(word) in _index()[1]


def suggest(word: str, limit: int = 5) -> list[str]:
    """Known words close to the Lao *word*, best first (its normalized spelling first if known).

    Ranked by :func:`weighted_distance` (at most :data:`MAX_DISTANCE`) plus a small amount that is
    smaller for words more word lists hold (so ດີ comes before the rare ດີ້ for ດີ່), then by length
    difference.
    """
    from laotext.normalize import normalize

    require_str(word, "suggest")
    if not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive int, not {limit!r}")
    key = normalize(word.strip())
    if not key:
        return []
    by_skeleton, costs = _index()
    skeleton = _skeleton(key)
    candidates: set[str] = set(by_skeleton.get(skeleton, ()))
    if len(candidates) < limit or key not in costs:
        for near in _near_skeletons(skeleton) if len(skeleton) <= 8 else (skeleton,):
            candidates.update(by_skeleton.get(near, ()))
    scored = []
    for candidate in candidates:
        if abs(len(candidate) - len(key)) > 3:
            continue
        distance = 0.0 if candidate == key else weighted_distance(key, candidate)
        if distance <= MAX_DISTANCE:
            # A common word (in more lists: lower cost) wins over a rare one a little closer.
            score = distance + costs[candidate] / 2000
            scored.append((score, abs(len(candidate) - len(key)), candidate))
    scored.sort()
    return [candidate for _, _, candidate in scored[:limit]]


@dataclass(frozen=True)
class Misspelling:
    """A word :func:`spellcheck` does not know: ``text[start:end] == word``."""

    word: str
    start: int
    end: int
    suggestions: tuple[str, ...]


_LAO_WORD = re.compile("[\u0e81-\u0ecf\u0edc-\u0edf]+")


def spellcheck(text: str, *, suggestions: int = 5) -> list[Misspelling]:
    """The Lao words of *text* that no bundled word list or dictionary knows, with suggestions.

    Spelling variants of known words (ຫນ for ໜ, ໍາ for ຳ …) are not reported: normalization
    reads them as the known word. Numbers, Latin and other scripts are left alone.
    """
    from laotext.segment import word_tokenize

    require_str(text, "spellcheck")
    found: list[Misspelling] = []
    position = 0
    for token in word_tokenize(text):
        start, position = position, position + len(token)
        if not _LAO_WORD.fullmatch(token) or token == "ໆ" or is_known(token.rstrip("ໆ")):
            continue
        found.append(Misspelling(token, start, position, tuple(suggest(token, suggestions))))
    return found
