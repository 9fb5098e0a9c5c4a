"""Split text into Lao syllables by the rules of Lao spelling.

A syllable is typed as: an optional leading vowel (ເ ແ ໂ ໃ ໄ), an initial consonant or cluster
(ຫ + sonorant, consonant + ວ or ຣ, consonant + ຼ), marks above and below (vowels, then the tone mark), an
optional following vowel (ະ າ ຳ, or ອ ວ ຽ acting as vowels) and an optional final consonant, which
may be followed by consonants silenced with ໌. A consonant closes the syllable before it unless the
next character needs it as its base; where spelling alone cannot decide (ບອກວ່າ against ດີກວ່າ)
the consonant closes the syllable.

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
    # The eight native finals close a syllable freely; other consonants (loanwords: ບັສ, ກຣາຟ) only
    # when no consonant follows, so that ມີຄວາມ and ແລ້ວພຣະ keep their clusters.
    final_consonant = _set(chars.NATIVE_FINALS)
    loan_final = _set("".join(c for c in chars.CONSONANTS if c not in chars.NATIVE_FINALS + "ຫອໜໝ"))
    # Characters that need the consonant before them as their base.
    attached = _set(chars.NEEDS_BASE)
    marks = _set(chars.COMBINING_MARKS) + "*"
    sonorant = _set(chars.HO_SONORANTS)
    closing = f"{final_consonant}(?!{attached})"
    # A final consonant, unless the next consonant (ອ or ວ acting as a vowel) needs it as initial.
    final = (
        f"(?:{final_consonant}໌?(?!{attached})(?![ອວ]{closing})"
        f"|{loan_final}(?:໌|(?!{attached})(?!{consonant})))"
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
    syllable = (
        f"[ໃໄ]{initial_after_ai}{marks}{silent}"
        f"|[ເແໂ]{initial_after_lead}{marks}{rest}{silent}"
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
