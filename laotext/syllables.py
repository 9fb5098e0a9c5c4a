"""Split text into Lao syllables by the rules of Lao spelling.

A syllable is typed as: an optional leading vowel (ເ ແ ໂ ໃ ໄ), an initial consonant or cluster
(ຫ + sonorant, consonant + ວ or ຣ, consonant + ຼ), marks above and below (vowels, then the tone mark), an
optional following vowel (ະ າ ຳ, or ອ ວ ຽ acting as vowels) and an optional final consonant, which
may be followed by consonants silenced with ໌. A consonant closes the syllable before it unless the
next character needs it as its base; where spelling alone cannot decide (ບອກວ່າ against ດີກວ່າ)
the consonant closes the syllable. Spellings older than the 1975 reform close syllables with other
consonants too (ລັດຖະບານ was ຣັຖບານ, ເສດຖະກິດ was ເສຖກິດ), and so are read.

Common typing slips keep their syllable whole instead of leaving a mark with no base: ເເ for ແ
(ເເລ້ວ), a tone typed after the vowel letter (ທາ່ນ for ທ່ານ, ຕອ້ງ for ຕ້ອງ) and a tone typed
before the ວ of a cluster (ກ່ວາ for ກວ່າ). :func:`laotext.normalize` puts such a tone in its place,
and word segmentation looks the syllable up in that spelling.

The split is lossless: the pieces join back to the input. Runs of non-Lao text and of Lao digits are
pieces of their own, and so is every character that cannot belong to a syllable (a mark with no
base, a lone leading vowel, ໆ, ຯ). Matching is a single pass of one compiled regular expression,
linear in the length of the text.

>>> syllables("ສະບາຍດີ")
['ສະ', 'ບາຍ', 'ດີ']
>>> syllables("ປະເທດລາວ 2025")
['ປະ', 'ເທດ', 'ລາວ', ' 2025']
"""

from __future__ import annotations

import re
from functools import cache

from laotext import chars

__all__ = ["syllable_spans", "syllables"]


def _set(members: str) -> str:
    return "[" + members + "]"


@cache
def _syllable_regex() -> re.Pattern[str]:
    consonant = _set(chars.CONSONANTS)
    tone = _set(chars.TONE_MARKS)
    # The eight native finals close a syllable freely. Other consonants (loanwords: ບັສ, ກຣາຟ; old
    # spellings: ຣັຖບານ, ເສຖກິດ, ກາຣເມືອງ) close it when no consonant follows, or when the next
    # consonant carries a vowel of its own and would not make a cluster with them (ວ ຣ ລ) — so that
    # ມີຄວາມ and ແລ້ວພຣະ keep their clusters. Not after a tone mark or a vowel that takes no final
    # (ໍ, ເ-ົາ), where a lone consonant is more likely a slip than an old final (ບໍ່ຄ, ເຂົາພ).
    final_consonant = _set(chars.NATIVE_FINALS)
    loan_final = _set("".join(c for c in chars.CONSONANTS if c not in chars.NATIVE_FINALS + "ຫອໜໝ"))
    # Characters that need the consonant before them as their base.
    attached = _set(chars.NEEDS_BASE)
    marks = _set(chars.COMBINING_MARKS) + "*"
    toneless_marks = _set("".join(c for c in chars.COMBINING_MARKS if c not in chars.TONE_MARKS)) + "*"
    sonorant = _set(chars.HO_SONORANTS)
    closing = f"{final_consonant}(?!{attached})"
    old_final_allowed = "(?<![່້໊໋ໍົ])(?<![່້໊໋ໍົ][ອວຽາ])"
    # A final consonant, unless the next consonant (ອ or ວ acting as a vowel) needs it as initial.
    final = (
        f"(?:{final_consonant}໌?(?!{attached})(?![ອວ]{closing})"
        f"|{loan_final}(?:໌|(?!{attached})(?!{consonant}))"
        f"|{old_final_allowed}{loan_final}(?![ວຣລ])(?={consonant}{attached}))"
    )
    silent = f"(?:{consonant}໌)*"
    open_vowel = "(?:າະ|ະ|ຳ)"
    closable_vowel = f"(?:າ|ຽ|ອ(?!{attached})|ວ(?={closing}))"
    # What may follow the marks: an open vowel, a closable vowel and its final, or a final alone.
    # Marks after ະ າ ຳ ອ ວ ຽ have no base and are left to stand alone.
    rest = f"(?:{open_vowel}|{closable_vowel}{final}?|{final})?"
    # Clusters with ຣ (ພຣະ, ກຣາຟ) take stops and fricatives only, so ໃນຣາຍງານ keeps its ນ.
    r_cluster = f"[ກຂຄຈຊດຕຖທບປຜຝພຟສ]ຣ(?={attached})"
    initial = f"(?:ຫ{sonorant}(?={attached}|[ອວ])|{consonant}ວ(?={attached})|{r_cluster}|{consonant})"
    initial_after_lead = f"(?:ຫ{sonorant}|{consonant}ວ(?={attached}|{closing})|{r_cluster}|{consonant})"
    # ໃ and ໄ are the whole vowel, so a ວ after their consonant is a cluster (ໄຂວ່) only before a
    # tone mark; before a vowel it starts the next syllable (ໄປວຽງຈັນ, ໄປວັດ).
    initial_after_ai = f"(?:ຫ{sonorant}|{consonant}ວ(?=[່້໊໋])|{r_cluster}|{consonant})"
    # Slips: a tone after the vowel letter (ທາ່ນ, ຕອ້ງ, ໜອ້ຍ, ນໍາ້, ເຂົາ້, ເຄືອ່ງ) when no vowel
    # follows; a tone before the ວ of a cluster (ກ່ວາ). The vowel letter must make a vowel with
    # what comes before it: in ມືອ່ອນ, ສີອ່ອນ or ໂຕອ່ອນ the ອ starts the next syllable (ອ່ອນ).
    slip_initial = f"(?:ຫ{sonorant}|{consonant})ຼ?"
    late_tone = f"(?:{slip_initial}(?:ໍາ|[າອຽຳ])|ເ{slip_initial}(?:ົາ|ືອ)){tone}(?!{attached}){final}?{silent}"
    tone_before_wo = f"{consonant}{tone}ວ(?=[{chars.VOWEL_MARKS}ະາ]){toneless_marks}{rest}{silent}"
    leading = "(?:ເເ|[ເແໂ])"  # ເເ typed for ແ
    syllable = (
        f"{late_tone}|{tone_before_wo}"
        f"|[ໃໄ]{initial_after_ai}{marks}{silent}"
        f"|{leading}{initial_after_lead}{marks}{rest}{silent}"
        f"|{initial}(?:{_set(chars.COMBINING_MARKS)}+{rest}|{open_vowel}|{closable_vowel}{final}?|){silent}"
    )
    digits = _set(chars.DIGITS) + "+"
    not_lao = "[^\u0e80-\u0eff]+"
    return re.compile(f"{syllable}|{digits}|{not_lao}|.", re.DOTALL)


def syllable_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the pieces :func:`syllables` returns.

    >>> syllable_spans("ບໍ່ມີ")
    [(0, 3), (3, 5)]
    """
    if not isinstance(text, str):
        raise TypeError(f"syllable_spans() expects str, not {type(text).__name__}")
    return [match.span() for match in _syllable_regex().finditer(text)]


def syllables(text: str) -> list[str]:
    """Split *text* into Lao syllables; non-Lao runs come back as pieces of their own.

    ``"".join(syllables(text)) == text`` always holds.

    >>> syllables("ເມືອງຫຼວງພະບາງ")
    ['ເມືອງ', 'ຫຼວງ', 'ພະ', 'ບາງ']
    >>> syllables("ຄວາມຮູ້ OK")
    ['ຄວາມ', 'ຮູ້', ' OK']
    """
    if not isinstance(text, str):
        raise TypeError(f"syllables() expects str, not {type(text).__name__}")
    return _syllable_regex().findall(text)
