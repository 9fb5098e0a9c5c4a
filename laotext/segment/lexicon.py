"""The word list segmentation looks words up in, keyed by the lookup form of their syllables.

Each word is stored under the joined lookup forms (:func:`laotext.normalize`) of its syllables, so
that ຫນັງສື, ໜັງສື and a ໜັງສື typed with ໍ+າ or a tone before its vowel all find the same entry,
and with a *cost*: segmentation picks, for each run of Lao, the cut into words with the smallest
total cost. The bundled words come from three independent lists (``data/lexicon_lo.tsv``); a word
costs :data:`WORD_COST` less a bonus for each list that has it, so that a word all three lists agree
on is preferred to a string only one list holds. Entries only the spell-check list holds that are
made of syllables which are all well-attested words themselves are left out, and so are entries only
the Wilson–Campbell list holds that are two words all three lists hold: both lists also hold
phrases. The bonuses (:data:`SOURCE_BONUS`) and those rules were chosen by comparing a few settings on the
training part of a public segmentation corpus; no word, cost or list entry was learnt from it.

>>> lexicon = Lexicon({"ໜັງສື": 400})
>>> lexicon.cost(lexicon.key("ຫນັງສື"))
400
>>> lexicon.longest
2
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from laotext.errors import require_str

__all__ = [
    "SOURCE_BONUS",
    "UNKNOWN_COST",
    "USER_WORD_COST",
    "WORD_COST",
    "Lexicon",
    "bundled",
    "syllable_key",
]

#: What a word of the list costs before the bonuses.
WORD_COST = 1000
#: The bonus for each list holding a word. The Wilson–Campbell list (used by ICU) agrees best with
#: how Lao news is segmented, then the Ministry's dictionary, then the spell-check list.
SOURCE_BONUS: Mapping[str, int] = {"google": 100, "wilson-campbell": 300, "mpt": 200}
#: The list whose entries are sometimes phrases, and the cost at most of a syllable that makes such
#: an entry a phrase (a word of two lists, or of the Wilson–Campbell list): see :func:`bundled`.
PHRASE_PRONE_SOURCE = "google"
PHRASE_PART_COST = 600
#: The list that also holds phrases of two common words (ຂອງກຳນັນ, ຄົນລ້ຽງສັດ, ສາມສິບສອງ), and the
#: fewest syllables such an entry has: see :func:`bundled`.
COMPOUND_PRONE_SOURCE = "wilson-campbell"
COMPOUND_MIN_SYLLABLES = 3
#: What a word added by the user costs: as much as a word all lists agree on.
USER_WORD_COST = WORD_COST - sum(SOURCE_BONUS.values())
#: What a syllable that starts no known word costs (it becomes a word of its own).
UNKNOWN_COST = 3000


# A light syllable: a short vowel and no final (ສະ, ວິ, ຕຸ). Pali and Sanskrit loans are built of
# them (ວິລະກຳ, ອັດຕະວິນິບາດ); a compound of two Lao words rarely joins at one.
_LIGHT_SYLLABLE = re.compile("[ະິຶຸ]$")


@lru_cache(maxsize=1 << 16)
def syllable_key(syllable: str) -> str:
    """The lookup form of one syllable (:func:`laotext.normalize`; cached: texts repeat a few
    thousand syllables). A tone typed after the vowel letter or before the ວ of a cluster is put in
    its place there too.

    >>> syllable_key("ຫນັງ"), syllable_key("ນໍ້າ"), syllable_key("ຕອ້ງ"), syllable_key("ກ່ວາ")
    ('ໜັງ', 'ນ້ຳ', 'ຕ້ອງ', 'ກວ່າ')
    """
    from laotext.normalize import normalize

    return normalize(syllable)


class Lexicon:
    """Words and their costs, with every prefix (in whole syllables) of every word.

    *words* maps each word (any spelling) to its cost. Words can be added and removed later.
    """

    def __init__(self, words: Mapping[str, int] | Iterable[str] = ()) -> None:
        self._costs: dict[str, int] = {}
        self._prefixes: Counter[str] = Counter()
        self._lengths: Counter[int] = Counter()
        items = words.items() if isinstance(words, Mapping) else ((word, USER_WORD_COST) for word in words)
        for word, cost in items:
            self.add(word, cost)

    @staticmethod
    def syllables_of(word: str) -> list[str]:
        """The lookup forms of the syllables of *word*."""
        from laotext.syllables import _syllable_regex

        return [syllable_key(piece) for piece in _syllable_regex().findall(word)]

    def key(self, word: str) -> str:
        """The key *word* is stored under."""
        return "".join(self.syllables_of(word))

    def add(self, word: str, cost: int = USER_WORD_COST) -> None:
        """Add *word* (or change its cost)."""
        require_str(word, "Lexicon.add")
        self._add_pieces(self.syllables_of(word.strip()), cost)

    def _add_pieces(self, pieces: list[str], cost: int) -> None:
        """Add the word whose syllables (in lookup form) are *pieces*."""
        if not pieces:
            raise ValueError("cannot add an empty word")
        key = "".join(pieces)
        if key not in self._costs:
            prefix = ""
            for piece in pieces[:-1]:
                prefix += piece
                self._prefixes[prefix] += 1
            self._lengths[len(pieces)] += 1
        self._costs[key] = cost

    def remove(self, word: str) -> None:
        """Remove *word*; a word that is not there raises KeyError."""
        pieces = self.syllables_of(require_str(word, "Lexicon.remove").strip())
        key = "".join(pieces)
        if key not in self._costs:
            raise KeyError(word)
        self._remove_key(key, pieces)

    def _remove_key(self, key: str, pieces: list[str]) -> None:
        """Remove the word stored under *key*, whose syllables are *pieces*; absent keys are ignored."""
        if self._costs.pop(key, None) is None:
            return
        prefix = ""
        for piece in pieces[:-1]:
            prefix += piece
            self._prefixes[prefix] -= 1
            if not self._prefixes[prefix]:
                del self._prefixes[prefix]
        self._lengths[len(pieces)] -= 1
        if not self._lengths[len(pieces)]:
            del self._lengths[len(pieces)]

    def cost(self, key: str) -> int | None:
        """The cost of the word stored under *key*, or None."""
        return self._costs.get(key)

    @property
    def costs(self) -> Mapping[str, int]:
        """Key → cost of every word (read only)."""
        return self._costs

    @property
    def prefixes(self) -> Mapping[str, int]:
        """Every proper prefix of a key, in whole syllables (read only)."""
        return self._prefixes

    @property
    def longest(self) -> int:
        """The most syllables a word has."""
        return max(self._lengths, default=1)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.key(word) in self._costs

    def __len__(self) -> int:
        return len(self._costs)

    def copy(self) -> Lexicon:
        """An independent copy."""
        clone = Lexicon()
        clone._costs = dict(self._costs)
        clone._prefixes = Counter(self._prefixes)
        clone._lengths = Counter(self._lengths)
        return clone


@cache
def bundled() -> Lexicon:
    """The bundled lexicon (shared: copy it before changing it). Built on first use."""
    from laotext import _data

    lexicon = Lexicon()
    name = "lexicon_lo.tsv"
    spell_check_only: list[list[str]] = []
    compound_only: list[list[str]] = []
    for word, sources in _data.data_rows(_data.read_text_once(name), name, 2):
        pieces = lexicon.syllables_of(word)
        bonus = sum(SOURCE_BONUS.get(source, 0) for source in sources.split(","))
        lexicon._add_pieces(pieces, WORD_COST - bonus)
        if sources == PHRASE_PRONE_SOURCE and len(pieces) > 1:
            spell_check_only.append(pieces)
        elif sources == COMPOUND_PRONE_SOURCE and len(pieces) >= COMPOUND_MIN_SYLLABLES:
            compound_only.append(pieces)
    # The spell-check list also holds phrases (ຊື່ຫຍັງ, ມາຊ້າ): an entry only it has, made of
    # syllables that are all well-attested words themselves, is read as a phrase, not a word.
    # (Loanwords such as ອິນເຕີເນັດ keep a syllable no other list holds, so they stay.)
    costs = lexicon.costs
    for pieces in spell_check_only:
        if all(costs.get(piece, WORD_COST) <= PHRASE_PART_COST for piece in pieces):
            lexicon._remove_key("".join(pieces), pieces)
    # A consonant on its own is the name of a letter (the dictionary lists them), not a word of
    # running text: it is left to join its unknown neighbours or stand alone.
    for key in [key for key in costs if len(key) == 1]:
        lexicon._remove_key(key, [key])
    # The Wilson–Campbell list holds phrases too, of two common words (ຂອງກຳນັນ, ຄົນລ້ຽງສັດ,
    # ສາມສິບສອງ, ນະຄອນຫຼວງວຽງຈັນ): an entry only it has, of three syllables or more, that is two
    # words all three lists hold, joined between two heavy syllables, is read as those two words.
    # (Two-syllable entries are left: ພຣະເຈົ້າ, ແທກຊີ are words.)
    for pieces in compound_only:
        if _two_common_words(pieces, costs):
            lexicon._remove_key("".join(pieces), pieces)
    return lexicon


def _two_common_words(pieces: list[str], costs: Mapping[str, int]) -> bool:
    """Whether the syllables *pieces* are two words all the lists hold, joined between heavy syllables.

    >>> _two_common_words(["ສາມ", "ສິບ", "ສອງ"], {"ສາມສິບ": 400, "ສອງ": 400})
    True
    >>> _two_common_words(["ວິ", "ລະ", "ກຳ"], {"ວິລະ": 400, "ກຳ": 400})
    False
    """
    for cut in range(1, len(pieces)):
        if _LIGHT_SYLLABLE.search(pieces[cut - 1]) or _LIGHT_SYLLABLE.search(pieces[cut]):
            continue
        head, tail = "".join(pieces[:cut]), "".join(pieces[cut:])
        if costs.get(head, WORD_COST) <= USER_WORD_COST and costs.get(tail, WORD_COST) <= USER_WORD_COST:
            return True
    return False
