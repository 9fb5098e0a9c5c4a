"""Conventional spellings of Lao place names, from the gazetteer ``data/gazetteer_lo.tsv``.

Provinces, their capitals and major districts and towns are written as the Lao government and
ISO 3166-2:LA write them (ວຽງຈັນ Vientiane, ຫຼວງພະບາງ Luang Prabang, ສະຫວັນນະເຂດ Savannakhet).
Within a word, the longest run of syllables that is a gazetteer name is replaced by its spelling;
other syllables are romanized by BGN/PCGN. Names are matched in their normalized spelling, so
ຫລວງພະບາງ finds ຫຼວງພະບາງ.

>>> romanize_word("ວຽງຈັນ"), romanize_word("ເມືອງຫຼວງພະບາງ")
('Vientiane', 'muang Luang Prabang')
"""

from __future__ import annotations

from functools import cache

from laotext import _data
from laotext.normalize import normalize
from laotext.romanization import bgn_pcgn
from laotext.syllables import syllables

__all__ = ["gazetteer", "regroup", "romanize_word"]


@cache
def gazetteer() -> dict[str, str]:
    """Normalized Lao name → conventional Latin spelling."""
    return {
        normalize(row["lao"], form="lookup"): row["official"] for row in _data.read_tsv("gazetteer_lo.tsv")
    }


@cache
def _longest_name() -> int:
    return max((len(syllables(name)) for name in gazetteer()), default=1)


def romanize_word(word: str) -> str:
    """Romanize one normalized Lao word: gazetteer names by their spelling, the rest by BGN/PCGN.

    Linear in the length of *word* (names are at most a few syllables long).
    """
    names = gazetteer()
    if word in names:
        return names[word]
    pieces = syllables(word)
    longest = _longest_name()
    parts: list[str] = []
    pending: list[str] = []
    index = 0
    while index < len(pieces):
        for size in range(min(longest, len(pieces) - index), 0, -1):
            name = "".join(pieces[index : index + size])
            if name in names:
                if pending:
                    parts.append(bgn_pcgn.romanize_word("".join(pending)))
                    pending = []
                parts.append(names[name])
                index += size
                break
        else:
            pending.append(pieces[index])
            index += 1
    if pending:
        parts.append(bgn_pcgn.romanize_word("".join(pending)))
    return " ".join(parts)


def regroup(tokens: list[str]) -> list[str]:
    """Join adjacent word tokens that together spell a gazetteer name (ໄຊ + ສົມບູນ → ໄຊສົມບູນ).

    A join is only tried while the tokens so far begin some name, so this stays linear.
    """
    names = gazetteer()
    prefixes = _prefixes()
    out: list[str] = []
    index = 0
    while index < len(tokens):
        best = 1
        joined = normalize(tokens[index], form="lookup")
        size = 1
        while joined in prefixes and index + size < len(tokens):
            joined += normalize(tokens[index + size], form="lookup")
            size += 1
            if joined in names:
                best = size
        out.append("".join(tokens[index : index + best]))
        index += best
    return out


@cache
def _prefixes() -> frozenset[str]:
    """Every proper leading part of a gazetteer name."""
    return frozenset(name[:end] for name in gazetteer() for end in range(1, len(name)))
