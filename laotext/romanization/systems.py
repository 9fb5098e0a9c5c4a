"""The registry of romanization systems and :func:`romanize`, which runs one over a text.

>>> romanize("ຫຼວງພະບາງ ແລະ ວຽງຈັນ", capitalize=True)
'Louangphabang Lè Viangchan'
>>> romanize("ວຽງຈັນ", "official"), romanize("ລາວ", "ipa")
('Vientiane', 'laːw˦˥')
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from laotext import chars
from laotext.errors import UnknownOptionError, require_str
from laotext.normalize import normalize

__all__ = ["SYSTEMS", "System", "get_system", "romanize"]


@dataclass(frozen=True)
class System:
    """A romanization system: its name, a description, whether its output is ASCII, and the module
    whose ``romanize_word`` (one normalized Lao word → Latin) implements it (imported on first use).
    """

    name: str
    description: str
    module: str
    ascii_only: bool = False
    cased: bool = True
    regroups: bool = True
    """Whether word tokens that together spell a place name of the gazetteer are romanized as one
    word (ຜົ້ງ + ສາລີ → Phôngsali): the segmenter may cut a name its lists do not hold whole."""

    def regroup(self, tokens: list[str]) -> list[str]:
        """Join word tokens that spell one gazetteer place name, or return *tokens*."""
        if not self.regroups:
            return tokens
        from laotext.romanization.official import regroup

        return regroup(tokens)

    def romanize_word(self, word: str) -> str:
        """Romanize one normalized Lao word."""
        function: Callable[[str], str] = importlib.import_module(self.module).romanize_word
        return function(word)


SYSTEMS: dict[str, System] = {
    system.name: system
    for system in (
        System(
            "bgn-pcgn",
            "BGN/PCGN 1966, French-based; the basis of Lao place names and ISO 3166-2:LA",
            "laotext.romanization.bgn_pcgn",
        ),
        System(
            "ala-lc",
            "ALA-LC (Library of Congress), long vowels marked with a macron",
            "laotext.romanization.ala_lc",
        ),
        System(
            "moh2020",
            "MoH 2020 (Lao Ministry of Health / WHO), ASCII only",
            "laotext.romanization.moh2020",
            ascii_only=True,
        ),
        System(
            "ipa",
            "IPA of Vientiane Lao with vowel length and Chao tone letters",
            "laotext.romanization.ipa",
            cased=False,
        ),
        System(
            "official",
            "conventional spellings of Lao place names (gazetteer), BGN/PCGN for other words",
            "laotext.romanization.official",
        ),
    )
}


def get_system(name: str) -> System:
    """Return the system called *name*; raise UnknownOptionError for an unknown name.

    >>> get_system("moh2020").ascii_only
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"system must be a str, not {type(name).__name__}")
    try:
        return SYSTEMS[name]
    except KeyError:
        raise UnknownOptionError("system", name, list(SYSTEMS)) from None


_LAO_LETTERS = frozenset(chr(code) for code in range(chars.LAO_FIRST, chars.LAO_LAST + 1))
_ZERO_WIDTH = frozenset(chars.ZERO_WIDTH)


def _capitalized(word: str) -> str:
    for index, char in enumerate(word):
        if char.upper() != char:
            return word[:index] + char.upper() + word[index + 1 :]
        if char.isalnum():
            break
    return word


def romanize(text: str, system: str = "bgn-pcgn", *, capitalize: bool = False) -> str:
    """Write Lao *text* in Latin letters (or IPA) by *system*, one of :data:`SYSTEMS`.

    The text is cut into words by :func:`laotext.segment.word_tokenize`; the syllables of a word are
    joined and words get a space between them where none was typed. Text that is not Lao passes
    through unchanged; spelling variants (ໍາ, ຫນ, ຫລ, a tone mark typed before its vowel) give
    the same result as the standard spelling. ``capitalize=True`` capitalizes each Lao word, as for
    names. Linear in the length of *text*.

    >>> romanize("ສະບາຍດີ"), romanize("ສະບາຍດີ", "ala-lc"), romanize("ສະບາຍດີ", "moh2020")
    ('sabaydi', 'sabāidī', 'sabaydi')
    >>> romanize("ເມືອງ Vang Vieng")
    'muang Vang Vieng'
    """
    require_str(text, "romanize")
    spec = get_system(system)
    if not isinstance(capitalize, bool):
        raise TypeError(f"capitalize must be a bool, not {type(capitalize).__name__}")
    if _LAO_LETTERS.isdisjoint(text):
        return text
    from laotext.segment import word_tokenize

    out: list[str] = []
    previous_lao = False
    previous = ""
    for token in spec.regroup(word_tokenize(text, keep_whitespace=True)):
        if _LAO_LETTERS.isdisjoint(token):
            if previous_lao and _ZERO_WIDTH.issuperset(token):
                continue  # a zero-width word break between Lao words becomes the space below
            out.append(token)
            previous_lao = False
            continue
        stem = token.replace(chars.KO_LA, "")
        if stem:
            word = spec.romanize_word(normalize(stem, form="lookup"))
            if capitalize and spec.cased:
                word = " ".join(_capitalized(part) for part in word.split(" "))
            previous = word
        else:
            word = ""
        if previous:  # ໆ repeats the word before it
            word = " ".join([word] * bool(word) + [previous] * token.count(chars.KO_LA))
        if not word:
            continue
        if previous_lao:
            out.append(" ")
        out.append(word)
        previous_lao = True
    return "".join(out)
