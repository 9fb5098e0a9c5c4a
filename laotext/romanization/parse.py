"""The Lao syllable parser shared by every romanization system.

A syllable (one piece of :func:`laotext.syllables.syllables`, after
:func:`laotext.normalize.normalize`) is read as: an optional leading vowel (ເ ແ ໂ ໃ ໄ); an initial
consonant or cluster (ຫ + sonorant and the ligatures ໜ ໝ ຫຼ, a consonant + ວ, a stop + ຣ, ລ or ຼ);
vowel signs and a tone mark; the rest of the vowel (ະ າ ຳ, or ອ ວ ຍ ຽ acting as vowels); and a
final consonant. Letters silenced with ໌ are dropped. The written vowel is looked up in
:data:`VOWELS`, which gives its sound and length; the final gives the coda; and the consonant class,
the tone mark, whether the syllable is live or dead, and the vowel length give the tone.

Tones of Vientiane Lao (five tones; Chao tone letters), by consonant class::

    class   live (no mark)   mai ek   mai tho   dead, long vowel   dead, short vowel
    high    ˩˧ LR            ˧˧ M     ˨˩ LF     ˨˩ LF              ˦˥ HR
    mid     ˩˧ LR            ˧˧ M     ˥˧ HF     ˨˩ LF              ˦˥ HR
    low     ˦˥ HR            ˧˧ M     ˥˧ HF     ˥˧ HF              ˧˧ M

LR low rising, M mid, LF low falling, HF high falling, HR high rising. Source: the Vientiane tone
chart of the Center for Southeast Asian Studies, Northern Illinois University (SEAsite, "Tone
Chart Based on Vientiane Tones"), the amalgam that Wiktionary's "About Lao" page also follows.
The rare marks ໊ and ໋ give high rising and low rising on any class. A live syllable ends in a
long vowel or in ng, n, m, y or w; a dead one in k, t, p or a short vowel (glottal stop).

High class: ຂ ສ ຖ ຜ ຝ ຫ and ຫ + sonorant (ໜ ໝ ຫຼ ຫງ ຫຍ ຫວ); mid class: ກ ຈ ດ ຕ ບ ປ ຢ ອ; low
class: ຄ ງ ຊ ຍ ທ ນ ພ ຟ ມ ຣ ລ ວ ຮ. A cluster takes the class of its first letter.

>>> info = syllable_info("ຫຼວງ")
>>> info.initial, info.cluster, info.vowel, info.final, info.tone_class, info.tone
('ຫຼ', 'ho', 'uːə', 'ŋ', 'high', 'low-rising')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from laotext import chars
from laotext.errors import require_str
from laotext.normalize import normalize
from laotext.syllables import syllables

__all__ = ["TONES", "VOWELS", "Consonant", "SyllableInfo", "Vowel", "parse_word", "syllable_info"]


class Consonant(NamedTuple):
    """A Lao consonant: its IPA sound as an initial, its class, and its sound as a final."""

    ipa: str
    tone_class: str
    coda: str


# letter: IPA initial, class, coda ("" where the letter does not end native syllables).
CONSONANTS: dict[str, Consonant] = {
    letter: Consonant(ipa, cls, coda)
    for letter, ipa, cls, coda in (
        ("ກ", "k", "mid", "k"),
        ("ຂ", "kʰ", "high", "k"),
        ("ຄ", "kʰ", "low", "k"),
        ("ງ", "ŋ", "low", "ŋ"),
        ("ຈ", "t͡ɕ", "mid", "t"),
        ("ສ", "s", "high", "t"),
        ("ຊ", "s", "low", "t"),
        ("ຍ", "ɲ", "low", "j"),
        ("ດ", "d", "mid", "t"),
        ("ຕ", "t", "mid", "t"),
        ("ຖ", "tʰ", "high", "t"),
        ("ທ", "tʰ", "low", "t"),
        ("ນ", "n", "low", "n"),
        ("ບ", "b", "mid", "p"),
        ("ປ", "p", "mid", "p"),
        ("ຜ", "pʰ", "high", "p"),
        ("ຝ", "f", "high", "p"),
        ("ພ", "pʰ", "low", "p"),
        ("ຟ", "f", "low", "p"),
        ("ມ", "m", "low", "m"),
        ("ຢ", "j", "mid", "j"),
        ("ຣ", "l", "low", "n"),
        ("ລ", "l", "low", "n"),
        ("ວ", "w", "low", "w"),
        ("ຫ", "h", "high", ""),
        ("ອ", "ʔ", "mid", ""),
        ("ຮ", "h", "low", ""),
        ("ໜ", "n", "high", "n"),
        ("ໝ", "m", "high", "m"),
        # Pali and Sanskrit letters (Unicode 12), read as the modern letter of the same sound.
        ("\u0e86", "kʰ", "low", "k"),  # PALI GHA
        ("\u0e89", "t͡ɕ", "mid", "t"),  # PALI CHA
        ("\u0e8c", "s", "low", "t"),  # PALI JHA
        ("\u0e8e", "ɲ", "low", "j"),  # PALI NYA
        ("\u0e8f", "t", "mid", "t"),  # PALI TTA
        ("\u0e90", "tʰ", "high", "t"),  # PALI TTHA
        ("\u0e91", "tʰ", "low", "t"),  # PALI DDA
        ("\u0e92", "tʰ", "low", "t"),  # PALI DDHA
        ("\u0e93", "n", "low", "n"),  # PALI NNA
        ("\u0e98", "tʰ", "low", "t"),  # PALI DHA
        ("\u0ea0", "pʰ", "low", "p"),  # PALI BHA
        ("\u0ea8", "s", "high", "t"),  # SANSKRIT SHA
        ("\u0ea9", "s", "high", "t"),  # SANSKRIT SSA
        ("\u0eac", "l", "low", "n"),  # PALI LLA
        ("\u0ede", "ŋ", "low", "ŋ"),  # KHMU GO
        ("\u0edf", "ɲ", "low", "j"),  # KHMU NYO
    )
}

#: The letters that a silent ຫ turns into high-class sonorants, and the ligatures of two of them.
_HO_LIGATURES = {"ໜ": "ນ", "ໝ": "ມ"}
#: First letters of clusters with ຣ, ລ or ຼ (stops and fricatives).
_LIQUID_CLUSTER_FIRST = "ກຂຄຈຊດຕຖທບປຜຝພຟສ"


class Vowel(NamedTuple):
    """A written vowel: its key (used by the systems' tables), IPA nucleus and length."""

    key: str
    ipa: str
    long: bool


# (leading vowel, vowel signs, following letters, "open" / "closed" / "any") → vowel key.
# "open": the syllable takes no final; "closed": it must have one.
_VOWEL_FORMS: tuple[tuple[str, str, str, str, str], ...] = (
    ("", "", "ະ", "open", "a"),
    ("", "ັ", "", "any", "a"),
    ("", "", "າ", "any", "aa"),
    ("", "ິ", "", "any", "i"),
    ("", "ີ", "", "any", "ii"),
    ("", "ຶ", "", "any", "ue"),
    ("", "ື", "ອ", "open", "uue"),
    ("", "ື", "", "any", "uue"),
    ("", "ຸ", "", "any", "u"),
    ("", "ູ", "", "any", "uu"),
    ("ເ", "", "ະ", "open", "e"),
    ("ເ", "ັ", "", "closed", "e"),
    ("ເ", "", "", "any", "ee"),
    ("ແ", "", "ະ", "open", "ae"),
    ("ແ", "ັ", "", "closed", "ae"),
    ("ແ", "", "", "any", "aae"),
    ("ໂ", "", "ະ", "open", "o"),
    ("", "ົ", "", "any", "o"),
    ("ໂ", "", "", "any", "oo"),
    ("ເ", "", "າະ", "open", "or"),
    ("", "ັ", "ອ", "closed", "or"),
    ("", "ໍ", "", "any", "oor"),
    ("", "", "ອ", "any", "oor"),
    ("ເ", "ິ", "", "any", "er"),
    ("ເ", "ີ", "", "any", "eer"),
    ("ເ", "", "ອ", "open", "eer"),
    ("ເ", "ັ", "ຍ", "open", "ia"),
    ("ເ", "", "ຍ", "open", "iia"),
    ("", "", "ຽ", "any", "iia"),
    ("", "ັ", "ຽ", "any", "ia"),
    ("ເ", "ຶ", "ອ", "any", "uea"),
    ("ເ", "ື", "ອ", "any", "uuea"),
    ("", "ົ", "ວະ", "open", "ua"),
    ("", "ົ", "ວ", "any", "uua"),
    ("", "", "ວ", "closed", "uua"),
    ("ໄ", "", "", "open", "ai"),
    ("ໃ", "", "", "open", "ai"),
    ("ເ", "ົ", "າ", "open", "ao"),
    ("ເ", "", "າ", "open", "ao"),
    ("", "", "ຳ", "open", "am"),
    ("", "", "", "any", "o"),  # no vowel written: the inherent vowel
)

#: Vowel key → IPA nucleus and length. ``ai``, ``ao`` and ``am`` are short a with their glide or m.
VOWELS: dict[str, Vowel] = {
    key: Vowel(key, ipa, long)
    for key, ipa, long in (
        ("a", "a", False),
        ("aa", "aː", True),
        ("i", "i", False),
        ("ii", "iː", True),
        ("ue", "ɯ", False),
        ("uue", "ɯː", True),
        ("u", "u", False),
        ("uu", "uː", True),
        ("e", "e", False),
        ("ee", "eː", True),
        ("ae", "ɛ", False),
        ("aae", "ɛː", True),
        ("o", "o", False),
        ("oo", "oː", True),
        ("or", "ɔ", False),
        ("oor", "ɔː", True),
        ("er", "ɤ", False),
        ("eer", "ɤː", True),
        ("ia", "iə", False),
        ("iia", "iːə", True),
        ("uea", "ɯə", False),
        ("uuea", "ɯːə", True),
        ("ua", "uə", False),
        ("uua", "uːə", True),
        ("ai", "a", False),
        ("ao", "a", False),
        ("am", "a", False),
    )
}

#: Tone names → Chao tone letters (Vientiane).
TONES: dict[str, str] = {
    "low-rising": "˩˧",
    "mid": "˧˧",
    "low-falling": "˨˩",
    "high-falling": "˥˧",
    "high-rising": "˦˥",
}

# (class, mark) → tone for marked syllables; (class, "live" / "dead-long" / "dead-short") otherwise.
_TONE_TABLE: dict[tuple[str, str], str] = {
    ("high", "live"): "low-rising",
    ("mid", "live"): "low-rising",
    ("low", "live"): "high-rising",
    ("high", "dead-long"): "low-falling",
    ("mid", "dead-long"): "low-falling",
    ("low", "dead-long"): "high-falling",
    ("high", "dead-short"): "high-rising",
    ("mid", "dead-short"): "high-rising",
    ("low", "dead-short"): "mid",
    ("high", "່"): "mid",
    ("mid", "່"): "mid",
    ("low", "່"): "mid",
    ("high", "້"): "low-falling",
    ("mid", "້"): "high-falling",
    ("low", "້"): "high-falling",
}
_TONE_OF_MARK = {"໊": "high-rising", "໋": "low-rising"}


def tone_of(tone_class: str, live: bool, long: bool, mark: str) -> str:
    """Return the Vientiane tone of a syllable (see the table in the module docstring).

    >>> tone_of("low", False, True, ""), tone_of("mid", True, True, "້")
    ('high-falling', 'high-falling')
    """
    if mark in _TONE_OF_MARK:
        return _TONE_OF_MARK[mark]
    if mark:
        return _TONE_TABLE[tone_class, mark]
    kind = "live" if live else ("dead-long" if long else "dead-short")
    return _TONE_TABLE[tone_class, kind]


@dataclass(frozen=True)
class SyllableInfo:
    """The parse of one Lao syllable.

    ``initial`` is the initial consonant or cluster as written (``"ຂວ"``, ``"ໜ"``, ``"ຫຼ"``) and
    ``initial_sound`` its IPA (a silent ຫ leaves no sound, ອ is ``ʔ``); ``cluster`` says what kind
    it is: ``""`` (one letter), ``"ho"`` (ຫ + sonorant, ໜ ໝ ຫຼ), ``"w"``, ``"r"`` or ``"l"``.
    ``vowel_key`` names the written vowel (``"uua"`` for ົວ and medial ວ, ``"oor"`` for ໍ and ອ,
    see :data:`VOWELS`), ``vowel`` is its IPA and ``long`` its length. ``final`` is the IPA coda
    (``k t p ŋ n m j w``, ``ʔ`` after a short open vowel, or ``""``) and ``final_letter`` the letter
    written. ``tone_class`` is ``high``, ``mid`` or ``low``; ``live`` is False for dead (checked)
    syllables; ``tone`` is one of :data:`TONES`.
    """

    text: str
    lead: str
    initial: str
    initial_sound: str
    cluster: str
    vowel_key: str
    vowel: str
    long: bool
    final_letter: str
    final: str
    tone_mark: str
    tone_class: str
    live: bool
    tone: str

    @property
    def ipa(self) -> str:
        """The syllable in IPA with Chao tone letters.

        >>> syllable_info("ບໍ່").ipa
        'bɔː˧˧'
        """
        return self.initial_sound + self.vowel + self.final + TONES[self.tone]


_TONE_MARKS = frozenset(chars.TONE_MARKS)
_VOWEL_SIGNS = frozenset(chars.VOWEL_MARKS)
_SILENT_MARKS = frozenset(chars.CANCELLATION_MARK + chars.YAMAKKAN + chars.PALI_VIRAMA)
_NEEDS_BASE = frozenset(chars.NEEDS_BASE)


@cache
def _vowel_forms() -> dict[tuple[str, str], tuple[tuple[str, str, str], ...]]:
    """(lead, signs) → ((following letters, open/closed/any, key), …), longest letters first."""
    table: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for lead, signs, following, kind, key in _VOWEL_FORMS:
        table.setdefault((lead, signs), []).append((following, kind, key))
    return {k: tuple(sorted(v, key=lambda entry: -len(entry[0]))) for k, v in table.items()}


def _drop_silent(text: str) -> str:
    """Remove letters silenced by ໌ (with the mark) and the other silent signs."""
    if not any(c in _SILENT_MARKS for c in text):
        return text
    out: list[str] = []
    for char in text:
        if char == chars.CANCELLATION_MARK:
            while out and out[-1] in _TONE_MARKS | _VOWEL_SIGNS:
                out.pop()
            if out and out[-1] in CONSONANTS:
                out.pop()
        elif char not in _SILENT_MARKS:
            out.append(char)
    return "".join(out)


def _onset(text: str, start: int, lead: str) -> tuple[str, str, str, str]:
    """Read the initial at *start*: (letters, cluster kind, IPA sound, class)."""
    first = text[start]
    second = text[start + 1] if start + 1 < len(text) else ""
    after = text[start + 2] if start + 2 < len(text) else ""
    info = CONSONANTS[first]
    # The second letter belongs to the onset when what follows needs it as its base, or, after a
    # leading vowel, when anything follows it (ແຂວງ); ແກ້ວ and ສ່ວນ keep ວ as final or vowel.
    joins = bool(after) and (after in _NEEDS_BASE or bool(lead) or after in "ອຽ")
    if first in _HO_LIGATURES:
        return first, "ho", info.ipa, "high"
    if second == chars.SUBSCRIPT_LO:
        if first == "ຫ":
            return first + second, "ho", "l", "high"
        return first + second, "l", info.ipa, info.tone_class
    if first == "ຫ" and second and second in chars.HO_SONORANTS:
        sonorant = CONSONANTS[second]
        if second == "ວ" and not joins:
            return first, "", info.ipa, info.tone_class
        if second != "ວ" and not (after or lead):
            return first, "", info.ipa, info.tone_class
        return first + second, "ho", sonorant.ipa, "high"
    if second == "ວ" and joins and first != "ວ":
        return first + second, "w", info.ipa + "w", info.tone_class
    if second in "ຣລ" and first in _LIQUID_CLUSTER_FIRST and joins:
        # Vientiane speech drops the liquid of a cluster (ພຣະ is pʰaʔ); the spelling keeps it.
        return first + second, "r" if second == "ຣ" else "l", info.ipa, info.tone_class
    return first, "", info.ipa, info.tone_class


@lru_cache(maxsize=16384)  # Lao has a few thousand syllables in use; bounded against odd input
def _parse(syllable: str) -> SyllableInfo | None:
    """Parse one normalized syllable, or return None if it is not one."""
    text = _drop_silent(syllable)
    if not text:
        return None
    lead = text[0] if text[0] in chars.LEADING_VOWELS else ""
    position = len(lead)
    if position >= len(text) or text[position] not in CONSONANTS:
        return None
    initial, cluster, sound, tone_class = _onset(text, position, lead)
    position += len(initial)
    signs = mark = ""
    while position < len(text) and (text[position] in _VOWEL_SIGNS or text[position] in _TONE_MARKS):
        if text[position] in _TONE_MARKS:
            mark = text[position]
        elif text[position] not in signs:
            signs += text[position]
        position += 1
    rest = "".join(c for c in text[position:] if c not in _TONE_MARKS and c not in _VOWEL_SIGNS)
    mark = mark or next((c for c in text[position:] if c in _TONE_MARKS), "")
    choice: tuple[str, str] | None = None
    for following, kind, key in _vowel_forms().get((lead, signs), ()):
        if not rest.startswith(following):
            continue
        left = rest[len(following) :]
        if (kind == "open" and left) or (kind == "closed" and not left):
            continue
        if left and left[0] not in CONSONANTS:
            continue
        choice = (key, left[:1])
        break
    if choice is None:
        return None
    key, final_letter = choice
    vowel = VOWELS[key]
    final = CONSONANTS[final_letter].coda if final_letter else {"ai": "j", "ao": "w", "am": "m"}.get(key, "")
    if not final and not vowel.long:
        final = "ʔ"
    live = final not in ("k", "t", "p", "ʔ")
    tone = tone_of(tone_class, live, vowel.long, mark)
    return SyllableInfo(
        text=syllable,
        lead=lead,
        initial=initial,
        initial_sound=sound,
        cluster=cluster,
        vowel_key=key,
        vowel=vowel.ipa,
        long=vowel.long,
        final_letter=final_letter,
        final=final,
        tone_mark=mark,
        tone_class=tone_class,
        live=live,
        tone=tone,
    )


def syllable_info(syllable: str) -> SyllableInfo:
    """Parse one Lao syllable (any spelling variant: ໍາ, ຫນ, ຫລ, a tone typed before its vowel).

    Raises ValueError if *syllable* is not exactly one Lao syllable.

    >>> info = syllable_info("ເມືອງ")
    >>> info.initial, info.vowel_key, info.vowel, info.final, info.tone_class, info.live, info.tone
    ('ມ', 'uuea', 'ɯːə', 'ŋ', 'low', True, 'high-rising')
    >>> syllable_info("ນໍ້າ").ipa
    'nam˥˧'
    """
    text = normalize(require_str(syllable, "syllable_info"), form="lookup")
    pieces = parse_word(text)
    if len(pieces) != 1 or not isinstance(pieces[0], SyllableInfo):
        raise ValueError(f"{syllable!r} is not one Lao syllable; split text with laotext.syllables() first")
    return pieces[0]


def parse_word(word: str) -> list[SyllableInfo | str]:
    """Parse a normalized Lao word into syllables; pieces that are not syllables come back as str.

    A bare stop followed by a syllable starting with ຣ or ລ (ປ + ລາ) is read as one cluster.
    Linear in the length of *word*.

    >>> [piece.initial for piece in parse_word("ພຣະບາງ")]  # doctest: +NORMALIZE_WHITESPACE
    ['ພຣ', 'ບ']
    """
    pieces = syllables(word)
    out: list[SyllableInfo | str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if (
            len(piece) == 1
            and piece in _LIQUID_CLUSTER_FIRST
            and index + 1 < len(pieces)
            and pieces[index + 1][:1] in ("ຣ", "ລ")
            and pieces[index + 1][1:2] in _NEEDS_BASE
        ):
            merged = _parse(piece + pieces[index + 1])
            if merged is not None:
                out.append(merged)
                index += 2
                continue
        parsed = _parse(piece)
        out.append(parsed if parsed is not None else piece)
        index += 1
    return out
