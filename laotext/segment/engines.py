"""Ways of cutting a run of Lao syllables into words, in a registry keyed by name.

An engine takes the lookup keys of a run's syllables and a :class:`~laotext.segment.lexicon.Lexicon`
and returns the syllable indexes where words end.

* ``default`` (``dictionary``): the cut of least total cost (dynamic programming over syllables).
  A word costs what the lexicon says; a syllable that starts no known word is a word of its own at
  :data:`~laotext.segment.lexicon.UNKNOWN_COST`. Among cuts of equal cost, the longest words from
  the left win. From each syllable only words of the lexicon are tried, stopping as soon as the
  syllables read so far begin no word, so the work is at most (number of syllables × syllables of
  the longest word): linear in the length of the text, and never a search over all cuts.
* ``longest``: greedy longest match from the left, for comparison (faster, less accurate).
* ``syllable``: every syllable a word of its own.

>>> from laotext.segment.lexicon import Lexicon
>>> lexicon = Lexicon({"ສະບາຍ": 700, "ສະບາຍດີ": 600, "ດີ": 900})
>>> ENGINES["default"].cut(["ສະ", "ບາຍ", "ດີ"], lexicon)
[3]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from laotext.segment.lexicon import UNKNOWN_COST, Lexicon

__all__ = ["ENGINES", "Engine", "get_engine"]

Cutter = Callable[[Sequence[str], Lexicon], list[int]]


@dataclass(frozen=True)
class Engine:
    """A segmentation engine: its name, what it does, and the function cutting a run."""

    name: str
    description: str
    cut: Cutter
    joins_unknown: bool = True
    """Whether neighbouring syllables that start no known word are then joined into one word."""


def _least_cost(keys: Sequence[str], lexicon: Lexicon) -> list[int]:
    n = len(keys)
    if n <= 1:
        return [n] if n else []
    cost_of = lexicon.costs.get
    prefixes = lexicon.prefixes
    longest = lexicon.longest
    # Solved from the end: best[i] is the least cost of the syllables from i on, and end_of[i] the
    # end of the first word of that cut. Among cuts of equal cost the one whose first word is
    # longest wins (then the next word, and so on): Lao is read from the left, and where the lexicon
    # allows ເມືອງ|ຫຼວງພະບາງ and ເມືອງຫຼວງ|ພະບາງ equally, readers and annotators take the longer
    # word first far more often than not.
    best = [0] * (n + 1)
    end_of = [n] * (n + 1)
    for start in range(n - 1, -1, -1):
        word = keys[start]
        end = start + 1
        least = cost_of(word, UNKNOWN_COST) + best[end]
        least_end = end
        if word in prefixes:
            limit = min(n, start + longest)
            while end < limit:
                word += keys[end]
                end += 1
                cost = cost_of(word)
                if cost is not None and cost + best[end] <= least:
                    least = cost + best[end]
                    least_end = end
                if word not in prefixes:
                    break
        best[start] = least
        end_of[start] = least_end
    ends: list[int] = []
    start = 0
    while start < n:
        start = end_of[start]
        ends.append(start)
    return ends


def _longest_first(keys: Sequence[str], lexicon: Lexicon) -> list[int]:
    costs, prefixes, longest = lexicon.costs, lexicon.prefixes, lexicon.longest
    ends: list[int] = []
    start, n = 0, len(keys)
    while start < n:
        word, end, found = keys[start], start + 1, start + 1
        while end < min(n, start + longest) and word in prefixes:
            word += keys[end]
            end += 1
            if word in costs:
                found = end
        ends.append(found)
        start = found
    return ends


def _syllables(keys: Sequence[str], lexicon: Lexicon) -> list[int]:
    return list(range(1, len(keys) + 1))


ENGINES: dict[str, Engine] = {
    engine.name: engine
    for engine in (
        Engine("default", "least total cost over the dictionary (dynamic programming, linear)", _least_cost),
        Engine("longest", "greedy longest dictionary match from the left", _longest_first),
        Engine("syllable", "every syllable a word of its own", _syllables, joins_unknown=False),
    )
}
ENGINES["dictionary"] = ENGINES["default"]


def get_engine(name: str) -> Engine:
    """The engine called *name*; an unknown name raises :class:`~laotext.errors.UnknownOptionError`."""
    from laotext.errors import UnknownOptionError

    if not isinstance(name, str):
        raise TypeError(f"engine must be a str, not {type(name).__name__}")
    try:
        return ENGINES[name]
    except KeyError:
        raise UnknownOptionError("engine", name, sorted(ENGINES)) from None
