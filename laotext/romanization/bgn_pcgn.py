"""BGN/PCGN 1966 romanization of Lao (French-based; the basis of ISO 3166-2:LA names).

Initials: ກ k, ຂ ຄ kh, ງ ng, ຈ ch, ສ s, ຊ x, ຍ gn, ດ d, ຕ t, ຖ ທ th, ນ n, ບ b, ປ p, ຜ ພ ph, ຝ ຟ f,
ມ m, ຢ y, ຣ r, ລ l, ວ v, ຫ ຮ h, ອ not written. ຫ before a sonorant is silent (ຫຼວງ louang, ສະຫວັນ
savan); ວ in a cluster is ou (ຂວາງ khouang). Vowels, length not marked: a, i, u (ɯ), ou (u), é (ເ),
è (ແ), ô (ໂ ົ), o (ɔ: ເາະ ັອ ໍ ອ), eu (ɤ), ia, ua (ເືອ), oua (ົວ and medial ວ), ai (ໄ ໃ), ao (ເົາ),
am (ຳ). Finals: k, ng, t, n, p, m, y (ຍ), o (ວ). Tone marks are not written.

>>> romanize_word("ຫຼວງພະບາງ"), romanize_word("ສະຫວັນນະເຂດ"), romanize_word("ອັດຕະປື")
('louangphabang', 'savannakhét', 'attapu')
"""

from __future__ import annotations

from functools import cache

from laotext.romanization._latin import FRENCH_INITIALS, LatinSpelling

__all__ = ["romanize_word", "spelling"]

VOWELS = {
    "a": "a",
    "aa": "a",
    "i": "i",
    "ii": "i",
    "ue": "u",
    "uue": "u",
    "u": "ou",
    "uu": "ou",
    "e": "é",
    "ee": "é",
    "ae": "è",
    "aae": "è",
    "o": "ô",
    "oo": "ô",
    "or": "o",
    "oor": "o",
    "er": "eu",
    "eer": "eu",
    "ia": "ia",
    "iia": "ia",
    "uea": "ua",
    "uuea": "ua",
    "ua": "oua",
    "uua": "oua",
    "ai": "ai",
    "ao": "ao",
    "am": "am",
}
FINALS = {"k": "k", "t": "t", "p": "p", "ŋ": "ng", "n": "n", "m": "m", "j": "y", "w": "o"}
HO_SONORANTS = {"ງ": "ng", "ຍ": "gn", "ນ": "n", "ມ": "m", "ລ": "l", "ວ": "v", "ຣ": "r"}


@cache
def spelling() -> LatinSpelling:
    """The BGN/PCGN tables."""
    return LatinSpelling(FRENCH_INITIALS, HO_SONORANTS, "ou", VOWELS, FINALS)


def romanize_word(word: str) -> str:
    """Romanize one normalized Lao word by BGN/PCGN 1966 (lower case, syllables joined)."""
    return spelling().word(word)
