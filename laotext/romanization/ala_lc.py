"""ALA-LC romanization of Lao (Library of Congress table): long vowels with a macron.

Initials as BGN/PCGN except ຊ s, ຍ ny, ອ ʻ (as an initial; not written when it carries a vowel
after another consonant), ວ v as an initial and w as the second letter of a cluster (ຂວາ khwā);
ຫ before a sonorant is not written (ໜ n, ໝ m, ຫຼ l, ຫວ v). Vowels: a/ā i/ī ư/ư̄ u/ū e/ē æ/ǣ o/ō
ǫ/ǭ œ/œ̄ ia/īa ưa/ư̄a ua/ūa, ai (ໄ ໃ), ao (ເົາ), am (ຳ). Finals: k, ng, t, n, p, m, i (ຍ), o (ວ;
u after i and ī). Tone marks are not written.

>>> romanize_word("ພະບາງ"), romanize_word("ຄວາມ"), romanize_word("ອັກສອນ")
('phabāng', 'khwām', 'ʻaksǭn')
"""

from __future__ import annotations

import unicodedata
from functools import cache

from laotext.romanization._latin import FRENCH_INITIALS, LatinSpelling

__all__ = ["romanize_word", "spelling"]

_MACRON = "\u0304"
VOWELS = {
    "a": "a",
    "aa": "ā",
    "i": "i",
    "ii": "ī",
    "ue": "ư",
    "uue": "ư" + _MACRON,
    "u": "u",
    "uu": "ū",
    "e": "e",
    "ee": "ē",
    "ae": "æ",
    "aae": "ǣ",
    "o": "o",
    "oo": "ō",
    "or": "ǫ",
    "oor": "ǭ",
    "er": "œ",
    "eer": "œ" + _MACRON,
    "ia": "ia",
    "iia": "īa",
    "uea": "ưa",
    "uuea": "ư" + _MACRON + "a",
    "ua": "ua",
    "uua": "ūa",
    "ai": "ai",
    "ao": "ao",
    "am": "am",
}
FINALS = {"k": "k", "t": "t", "p": "p", "ŋ": "ng", "n": "n", "m": "m", "j": "i", "w": "o"}
FINAL_AFTER = {("i", "w"): "u", ("ii", "w"): "u"}
INITIALS = FRENCH_INITIALS | {"ຊ": "s", "ຍ": "ny", "ອ": "ʻ", "\u0e8c": "s", "\u0e8e": "ny", "\u0edf": "ny"}
HO_SONORANTS = {"ງ": "ng", "ຍ": "ny", "ນ": "n", "ມ": "m", "ລ": "l", "ວ": "v", "ຣ": "r"}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def spelling() -> LatinSpelling:
    """The ALA-LC tables."""
    return LatinSpelling(INITIALS, HO_SONORANTS, "w", VOWELS, FINALS, FINAL_AFTER, finish=_nfc)


def romanize_word(word: str) -> str:
    """Romanize one normalized Lao word by ALA-LC (lower case, syllables joined, NFC)."""
    return spelling().word(word)
