"""MoH 2020 romanization of Lao (Lao Ministry of Health / WHO): BGN/PCGN without accents, ASCII only.

Differences from BGN/PCGN: ຍ is ny as an initial (y as a final), and the accented vowels lose their
accents: ເ e, ແ e, ໂ ົ o, ɔ o. The output is always ASCII (other Latin letters in the input pass
through as they are).

>>> romanize_word("ຜົ້ງສາລີ"), romanize_word("ອຸດົມໄຊ"), romanize_word("ບໍ່ແກ້ວ")
('phongsali', 'oudomxai', 'bokeo')
"""

from __future__ import annotations

from functools import cache

from laotext.romanization import bgn_pcgn
from laotext.romanization._latin import FRENCH_INITIALS, LatinSpelling

__all__ = ["romanize_word", "spelling"]

_PLAIN = str.maketrans("éèô", "eeo")
VOWELS = {key: value.translate(_PLAIN) for key, value in bgn_pcgn.VOWELS.items()}
INITIALS = FRENCH_INITIALS | {"ຍ": "ny", "\u0e8e": "ny", "\u0edf": "ny"}
HO_SONORANTS = bgn_pcgn.HO_SONORANTS | {"ຍ": "ny"}


@cache
def spelling() -> LatinSpelling:
    """The MoH 2020 tables."""
    return LatinSpelling(INITIALS, HO_SONORANTS, "ou", VOWELS, bgn_pcgn.FINALS)


def romanize_word(word: str) -> str:
    """Romanize one normalized Lao word by MoH 2020 (ASCII, lower case, syllables joined)."""
    return spelling().word(word)
