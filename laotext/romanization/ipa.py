"""IPA transcription of Vientiane Lao, with vowel length and Chao tone letters.

Each syllable is initial + vowel + coda + tone letters (see the tone table in
:mod:`laotext.romanization.parse`); syllables of one word are joined with ``.``. Long vowels carry ː;
the diphthongs are iə ɯə uə (iːə ɯːə uːə when long); a short open syllable ends in ʔ; ອ as an
initial is ʔ; a silent ຫ leaves no sound. The liquid of a ພຣ/ປລ cluster is not pronounced in
Vientiane speech and is left out; ວ in a cluster is w (kʰwaːm).

>>> romanize_word("ສະບາຍດີ")
'saʔ˦˥.baːj˩˧.diː˩˧'
>>> romanize_word("ລາວ")
'laːw˦˥'
"""

from __future__ import annotations

from laotext import chars
from laotext.romanization.parse import SyllableInfo, parse_word

__all__ = ["romanize_word"]

_LAO_DIGITS = str.maketrans(chars.DIGITS, "0123456789")


def _fallback(piece: str) -> str:
    return "".join(c for c in piece.translate(_LAO_DIGITS) if not chars.is_lao(c))


def romanize_word(word: str) -> str:
    """Transcribe one normalized Lao word in IPA (syllables joined with ``.``)."""
    out: list[str] = []
    after_syllable = False
    for piece in parse_word(word):
        if isinstance(piece, SyllableInfo):
            out.append(("." if after_syllable else "") + piece.ipa)
            after_syllable = True
        else:
            out.append(_fallback(piece))
            after_syllable = False
    return "".join(out)
