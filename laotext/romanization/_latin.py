"""The table-driven speller shared by the Latin letter systems (BGN/PCGN, ALA-LC, MoH 2020).

Each system is a :class:`LatinSpelling`: tables from the parse of :mod:`laotext.romanization.parse`
(initial letters, vowel keys, final sounds) to Latin letters. Syllables of one word are joined.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from laotext import chars
from laotext.romanization.parse import SyllableInfo, parse_word

_LAO_DIGITS = str.maketrans(chars.DIGITS, "0123456789")


@dataclass(frozen=True)
class LatinSpelling:
    """The tables of one Latin system.

    ``initials`` maps each consonant letter to its spelling as an initial; ``ho_sonorants`` the
    sonorant of a ຫ cluster (ໜ ໝ ຫຼ ຫງ ຫຍ ຫວ ຫຣ) to its spelling; ``medial_w`` is written for ວ
    in a cluster (ຂວາ); ``vowels`` maps vowel keys and ``finals`` IPA codas; ``final_after``
    overrides a final after some vowel keys (ALA-LC iu). ``finish`` post-processes a syllable.
    """

    initials: Mapping[str, str]
    ho_sonorants: Mapping[str, str]
    medial_w: str
    vowels: Mapping[str, str]
    finals: Mapping[str, str]
    final_after: Mapping[tuple[str, str], str] = field(default_factory=dict)
    finish: Callable[[str], str] = str

    def syllable(self, info: SyllableInfo) -> str:
        """Spell one parsed syllable."""
        first = info.initial[0]
        if info.cluster == "ho":
            sonorant = {"ໜ": "ນ", "ໝ": "ມ"}.get(first) or info.initial[-1]
            if sonorant == "ຼ":
                sonorant = "ລ"
            onset = self.ho_sonorants[sonorant]
        else:
            onset = self.initials.get(first, "")
            if info.cluster == "w":
                onset += self.medial_w
            elif info.cluster == "r":
                onset += "r"
            elif info.cluster == "l":
                onset += "l"
        vowel = self.vowels[info.vowel_key]
        coda = "" if info.vowel_key in ("ai", "ao", "am") else info.final
        final = self.final_after.get((info.vowel_key, coda)) or self.finals.get(coda, "")
        return self.finish(onset + vowel + final)

    def fallback(self, piece: str) -> str:
        """Spell a piece that is not a syllable: digits become ASCII, consonants their initial,
        other Lao signs are dropped, and anything else is kept."""
        out = []
        for char in piece.translate(_LAO_DIGITS):
            if char in self.initials:
                out.append(self.initials[char])
            elif not chars.is_lao(char):
                out.append(char)
            elif char == chars.ELLIPSIS:
                out.append("...")
        return "".join(out)

    def word(self, word: str) -> str:
        """Spell a normalized Lao word: its syllables joined."""
        return "".join(
            self.syllable(piece) if isinstance(piece, SyllableInfo) else self.fallback(piece)
            for piece in parse_word(word)
        )


#: The consonants as the French-based systems spell them (BGN/PCGN 1966; MoH 2020 differs in ຍ).
FRENCH_INITIALS: dict[str, str] = {
    "ກ": "k",
    "ຂ": "kh",
    "ຄ": "kh",
    "ງ": "ng",
    "ຈ": "ch",
    "ສ": "s",
    "ຊ": "x",
    "ຍ": "gn",
    "ດ": "d",
    "ຕ": "t",
    "ຖ": "th",
    "ທ": "th",
    "ນ": "n",
    "ບ": "b",
    "ປ": "p",
    "ຜ": "ph",
    "ຝ": "f",
    "ພ": "ph",
    "ຟ": "f",
    "ມ": "m",
    "ຢ": "y",
    "ຣ": "r",
    "ລ": "l",
    "ວ": "v",
    "ຫ": "h",
    "ອ": "",
    "ຮ": "h",
    "ໜ": "n",
    "ໝ": "m",
    # Pali and Sanskrit letters, as the modern letter of the same sound.
    "\u0e86": "kh",
    "\u0e89": "ch",
    "\u0e8c": "x",
    "\u0e8e": "gn",
    "\u0e8f": "t",
    "\u0e90": "th",
    "\u0e91": "th",
    "\u0e92": "th",
    "\u0e93": "n",
    "\u0e98": "th",
    "\u0ea0": "ph",
    "\u0ea8": "s",
    "\u0ea9": "s",
    "\u0eac": "l",
    "\u0ede": "ng",
    "\u0edf": "gn",
}
