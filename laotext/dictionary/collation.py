"""Lao dictionary order: a sort key that files words the way Lao dictionaries do.

The rules, and where they come from (docs/collation.md gives them at length):

1. **Spelling variants first become one spelling.** The word is put in the ``lookup`` form of
   :func:`laotext.normalize.normalize` (ໍ+າ → ຳ, tone typed before the vowel, ຫນ ຫມ ຫລ → ໜ ໝ ຫຼ,
   Thai look-alikes, zero-width characters), so ``ນໍ້າ`` files exactly where ``ນ້ຳ`` does.
2. **Words are compared syllable by syllable** (syllables as :func:`laotext.syllables.syllables`
   splits them); a word that is a prefix of another comes first.
3. **Within a syllable the initial consonant decides first**, in the order of the Lao alphabet
   ກ ຂ ຄ ງ ຈ ສ ຊ ຍ ດ ຕ ຖ ທ ນ ບ ປ ຜ ຝ ພ ຟ ມ ຢ ຣ ລ ວ ຫ ອ ຮ (the numbered list of the 27 letters
   in "ປະຫວັດພາສາລາວ", phetsarath.gov.la, and the section order of the Lao–English dictionary
   of the Ministry of Posts and Telecommunications, 2015). A leading vowel ເ ແ ໂ ໃ ໄ is typed
   first but is not the initial: ``ເກ`` is filed under ກ.
4. **Clusters are the consonants they are made of**, and file after every syllable of their first
   consonant alone: ``ກວ່າ`` after ``ກຳ``, ``ແຂວງ`` among the ຂວ words, ``ກຣາມ`` between them (the
   MPT dictionary files its ກຣ, ກວ, ຂວ, ຄວ blocks this way). ໜ ໝ ຫຼ are ຫ + ນ, ຫ + ມ, ຫ + ລ: they
   file under ຫ after every ຫ + vowel word, with ຫງ ຫຍ ໜ ໝ ຫຼ ຫວ in the order of their second
   letter. No Lao dictionary at hand states this for the ຫ clusters; it is a choice, the one
   that treats them like every other cluster.
5. **Then the vowel**, in the order of the 28 vowels of Lao primers: ະ າ ິ ີ ຶ ື ຸ ູ ເະ ເ ແະ ແ ໂະ ໂ
   ເາະ ໍ ເິ ເີ ເັຍ ເຍ ເຶອ ເືອ ົວະ ົວ ໃ ໄ ເົາ ຳ, a syllable with no written vowel first. A closed
   syllable's vowel files with its open form: ັ with ະ, ເັ with ເະ, ົ with ໂະ, ອ with ໍ, ຽ with ເຍ,
   ວ with ົວ. Vowels outside the table file after ຳ.
6. **Then the final consonants**, in alphabet order, an open syllable before a closed one.
7. **Then the tone mark**: none, ່, ້, ໊, ໋. So ``ກາ ກ່າ ກ້າ ກາງ``: the tone is the last thing a
   syllable is compared on, before the next syllable is looked at.
8. **Anything else** (Lao digits, ໆ, ຯ, marks with no base) files after Lao syllables, and
   anything not Lao after that, both by code point. Two different normalized words never get
   equal keys: the normalized text itself breaks the last ties.

The Pali and Sanskrit letters file next to their neighbours in the Unicode chart, which follows
the Pali letter order: ຆ after ຄ, ຉ after ຈ, ຨ ຩ before ສ (as ศ ษ precede ส in Thai), ຌ after ຊ,
ຎ ຏ ຐ ຑ ຒ ຓ after ຍ, ຘ after ທ, ຠ after ຟ, ຬ after ຫ. The Khmu letters ໞ ໟ, which no Lao
dictionary files, come after ຮ.

Computing a key is linear in the length of the word; the tables are built once, on first use.

>>> sorted(["ໄກ", "ກາ", "ເກ", "ຂາ", "ກ່າ"], key=sort_key)
['ກາ', 'ກ່າ', 'ເກ', 'ໄກ', 'ຂາ']
>>> sort_key("ຫນ້າ") == sort_key("ໜ້າ")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from laotext import chars
from laotext.errors import require_str
from laotext.normalize import normalize
from laotext.syllables import syllables

__all__ = ["CONSONANT_ORDER", "TONE_ORDER", "VOWEL_ORDER", "SortKey", "sort_key"]

#: Every consonant letter in filing order: the 27 letters of the Lao alphabet with the Pali and
#: Sanskrit letters beside the letters they stand next to in the Unicode chart, then Khmu ໞ ໟ.
CONSONANT_ORDER = "ກຂຄຆງຈຉຨຩສຊຌຍຎຏຐຑຒຓດຕຖທຘນບປຜຝພຟຠມຢຣລວຫຬອຮໞໟ"
#: The 28 vowels of Lao primers in their order, each written around the placeholder ``-``.
VOWEL_ORDER = (
    "-ະ", "-າ", "-ິ", "-ີ", "-ຶ", "-ື", "-ຸ", "-ູ", "ເ-ະ", "ເ-", "ແ-ະ", "ແ-", "ໂ-ະ", "ໂ-",
    "ເ-າະ", "-ໍ", "ເ-ິ", "ເ-ີ", "ເ-ັຍ", "ເ-ຍ", "ເ-ຶອ", "ເ-ືອ", "-ົວະ", "-ົວ", "ໃ-", "ໄ-", "ເ-ົາ", "-ຳ",
)  # fmt: skip
#: The tone marks in filing order, after a syllable with none.
TONE_ORDER = "່້໊໋"

# Spellings of a vowel inside a syllable that file with one of VOWEL_ORDER: (leading vowel,
# marks above or below, following vowel letters) → the spelling in VOWEL_ORDER.
_CLOSED_FORMS = {
    ("", "ັ", ""): "-ະ",
    ("ເ", "ັ", ""): "ເ-ະ",
    ("ແ", "ັ", ""): "ແ-ະ",
    ("", "ົ", ""): "ໂ-ະ",
    ("", "ັ", "ອ"): "ເ-າະ",
    ("", "", "ອ"): "-ໍ",
    ("", "", "ຽະ"): "ເ-ັຍ",
    ("", "ັ", "ຽ"): "ເ-ັຍ",
    ("", "", "ຽ"): "ເ-ຍ",
    ("ເ", "ຶ", "ອະ"): "ເ-ຶອ",
    ("", "", "ວ"): "-ົວ",
    ("ເ", "", "າ"): "ເ-ົາ",  # the older spelling of ເົາ without ົ
}

_KIND_SYLLABLE = 0
_KIND_OTHER_LAO = 1
_KIND_NOT_LAO = 2

# A piece of a word (one syllable, or a run the syllable splitter leaves on its own) as a tuple
# of fields, each a tuple of numbers: the first field says what kind of piece it is.
PieceKey = tuple[tuple[int, ...], ...]


class SortKey(NamedTuple):
    """The key :func:`sort_key` returns: compare keys to compare words in Lao dictionary order.

    ``pieces`` holds one key per syllable; ``text`` is the normalized word, the last tie-breaker.
    """

    pieces: tuple[PieceKey, ...]
    text: str


@dataclass(frozen=True)
class _Tables:
    consonant: dict[str, int]
    vowel: dict[tuple[str, str, str], int]
    tone: dict[str, int]
    expansions: dict[str, str]


@cache
def _tables() -> _Tables:
    consonant = {letter: rank for rank, letter in enumerate(CONSONANT_ORDER, start=1)}
    vowel: dict[tuple[str, str, str], int] = {}
    for rank, spelling in enumerate(VOWEL_ORDER, start=1):
        lead, _, after = spelling.partition("-")
        marks = "".join(c for c in after if c in chars.VOWEL_MARKS)
        following = "".join(c for c in after if c not in chars.VOWEL_MARKS)
        vowel[(lead, marks, following)] = rank
    for parts, spelling in _CLOSED_FORMS.items():
        vowel[parts] = VOWEL_ORDER.index(spelling) + 1
    tone = {mark: rank for rank, mark in enumerate(TONE_ORDER, start=1)}
    # ໜ ໝ are ຫ + ນ and ຫ + ມ; the subscript ຼ is ລ.
    expansions = {"ໜ": "ຫນ", "ໝ": "ຫມ", chars.SUBSCRIPT_LO: "ລ"}
    return _Tables(consonant, vowel, tone, expansions)


_UNKNOWN_VOWEL = len(VOWEL_ORDER) + 1
_FOLLOWING = "ະາຳ"


def _consonant_ranks(letter: str, tables: _Tables) -> tuple[int, ...]:
    return tuple(tables.consonant[c] for c in tables.expansions.get(letter, letter))


def _is_cluster_second(syllable: str, i: int, first: str, lead: str) -> bool:
    """Whether ``syllable[i]`` is the second consonant of a cluster starting with *first*."""
    char = syllable[i]
    after = syllable[i + 1] if i + 1 < len(syllable) else ""
    if char == chars.SUBSCRIPT_LO:
        return True
    if first == "ຫ" and char in chars.HO_SONORANTS:
        # ຫວນ: ວ is the vowel ua; ຫວານ, ເຫງົາ, ຫລອນ: a cluster.
        return bool(lead) or (after != "" and (after in chars.NEEDS_BASE or after in "ອວ"))
    if char == "ວ":
        # ກວ້າງ and ແຂວງ are clusters; ກວດ has the vowel ua and ແກວ the final ວ.
        before_final = lead in ("ເ", "ແ", "ໂ") and after in chars.CONSONANTS
        return after != "" and (after in chars.NEEDS_BASE or before_final)
    if char == "ຣ":
        return after != "" and after in chars.NEEDS_BASE
    return False


def _syllable_key(syllable: str, tables: _Tables) -> PieceKey | None:
    """Return the key of one syllable, or None if it does not start like a syllable."""
    i = 0
    lead = ""
    if syllable[0] in chars.LEADING_VOWELS:
        lead, i = syllable[0], 1
    if i >= len(syllable) or syllable[i] not in chars.CONSONANTS:
        return None
    first = syllable[i]
    initial = list(_consonant_ranks(first, tables))
    i += 1
    while i < len(syllable) and _is_cluster_second(syllable, i, first, lead):
        initial.extend(_consonant_ranks(syllable[i], tables))
        first = ""  # only one consonant joins a ຫ; ຫຼວງ has the vowel ua
        i += 1
    vowel_marks: list[str] = []
    tone, signs = 0, 0
    while i < len(syllable) and syllable[i] in chars.COMBINING_MARKS:
        char = syllable[i]
        if char in chars.VOWEL_MARKS:
            vowel_marks.append(char)
        elif char in tables.tone:
            tone = tone or tables.tone[char]
        else:
            signs += 1
        i += 1
    marks = "".join(vowel_marks)
    following = ""
    if i < len(syllable):
        char = syllable[i]
        if char in _FOLLOWING or char in "ຽອ" or (char == "ວ" and (marks == "ົ" or not lead + marks)):
            following = char
            i += 1
            # ເາະ, ຽະ, ົວະ: a closing ະ belongs to the vowel
            if i < len(syllable) and syllable[i] == "ະ" and following in "າຽອວ":
                following += "ະ"
                i += 1
        elif char == "ຍ" and lead == "ເ" and marks in ("", "ັ"):
            following, i = char, i + 1  # ເມຍ: the vowel ia, not ee + final ຍ
    spelled = lead + marks + following
    vowel = tables.vowel.get((lead, marks, following), _UNKNOWN_VOWEL if spelled else 0)
    # A spelling outside the table files after ຳ, by its code points.
    vowel_key = (vowel, *(ord(c) for c in spelled)) if vowel == _UNKNOWN_VOWEL else (vowel,)
    finals: list[int] = []
    for char in syllable[i:]:
        if char in chars.CONSONANTS:
            finals.extend(_consonant_ranks(char, tables))
        elif char in tables.tone:
            tone = tone or tables.tone[char]
        else:  # ໌ silencing a consonant, or a mark the syllable splitter let through
            signs += 1
            finals.append(len(CONSONANT_ORDER) + 1 + ord(char))
    return ((_KIND_SYLLABLE,), tuple(initial), vowel_key, tuple(finals), (tone,), (signs,))


def sort_key(word: str) -> SortKey:
    """Return a key that puts Lao words in dictionary order: ``sorted(words, key=sort_key)``.

    Spelling variants (ນໍ້າ and ນ້ຳ, ຫນ້າ and ໜ້າ) get equal keys. Linear in the length of *word*.

    >>> sorted(["ໝາ", "ຫາ", "ຫນັງສື", "ຫຼາຍ", "ເຫັນ"], key=sort_key)
    ['ຫາ', 'ເຫັນ', 'ຫນັງສື', 'ໝາ', 'ຫຼາຍ']
    """
    text = normalize(require_str(word, "sort_key"), form="lookup")
    tables = _tables()
    pieces: list[PieceKey] = []
    for piece in syllables(text):
        key = _syllable_key(piece, tables) if chars.is_lao(piece[0]) else None
        if key is None:
            kind = _KIND_OTHER_LAO if chars.is_lao(piece[0]) else _KIND_NOT_LAO
            key = ((kind,), tuple(ord(c) for c in piece))
        pieces.append(key)
    return SortKey(tuple(pieces), text)
