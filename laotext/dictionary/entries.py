"""The Lao–English dictionary: entries, lookup by any spelling, and search both ways.

The bundled dictionary (``data/dictionary_lo_en.tsv``, from the Ministry of Posts and
Telecommunications' Lao–English dictionary, cleaned by ``scripts/make_dictionary.py``) holds one row
per headword and part of speech. It is read on first use into a plain dict keyed by the headword in
laotext's normalized spelling, so a word typed with any spelling variant (ຫນ for ໜ, ໍາ for ຳ, a
tone before its vowel) is found by normalizing it the same way: one normalization and one dict
lookup. The English index (every word of every gloss) is built only when English is first
searched.

>>> [entry.glosses[0] for entry in lookup("ຫນັງສື")][:1]
['book']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from laotext.errors import DataError, UnknownOptionError, require_str

__all__ = ["Dictionary", "Entry", "SearchHit", "bundled", "lookup", "search"]

_GLOSS_SEPARATOR = " ; "
_ENGLISH_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_LAO = re.compile("[\u0e80-\u0eff]")
_MODES = ("prefix", "contains", "word")
_LANGUAGES = ("auto", "lo", "en")


@dataclass(frozen=True, slots=True)
class Entry:
    """One headword with one part of speech.

    ``headword`` is in laotext's normalized spelling; ``variants`` are the other spellings the
    source gave; ``glosses`` the English senses in the source's order; ``pronunciation`` as the
    source gave it (a rough Latin transcription); ``source`` names the dictionary it came from.
    """

    headword: str
    variants: tuple[str, ...]
    part_of_speech: str
    glosses: tuple[str, ...]
    pronunciation: str = ""
    source: str = "bundled"

    @property
    def romanization(self) -> str:
        """The headword in BGN/PCGN romanization (:func:`laotext.romanize`).

        >>> lookup("ໜັງສື")[0].romanization
        'nangsu'
        """
        from laotext.romanization import romanize

        return romanize(self.headword)

    def as_dict(self) -> dict[str, object]:
        """The entry as plain JSON-ready values."""
        return {
            "headword": self.headword,
            "romanization": self.romanization,
            "variants": list(self.variants),
            "part_of_speech": self.part_of_speech,
            "glosses": list(self.glosses),
            "pronunciation": self.pronunciation,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the entry, and how well it matched (lower ``rank`` is better)."""

    entry: Entry
    rank: int
    matched: str


def _key(word: str) -> str:
    from laotext.normalize import normalize

    return normalize(word.strip())


class Dictionary:
    """Entries indexed by normalized headword; later entries for a headword override earlier ones.

    Build one from :class:`Entry` objects, or use :func:`bundled`. :meth:`merged` gives a new
    dictionary where a user's entries replace the bundled entries of the same headword.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        # Normalized headword -> its entries: Entry objects, or (for the bundled file, to keep
        # memory small) the raw TSV lines they are made from on access.
        self._by_key: dict[str, list[Entry | str]] = {}
        for entry in entries:
            self._by_key.setdefault(_key(entry.headword), []).append(entry)
        self._source = "bundled"
        self._english: dict[str, list[tuple[str, int]]] | None = None
        self._sorted_keys: list[str] | None = None

    @classmethod
    def from_lines(cls, lines: Iterable[str], source: str) -> Dictionary:
        """A dictionary from TSV lines ``headword, variants, part of speech, glosses,
        pronunciation`` whose headwords are normalized already (the bundled file)."""
        dictionary = cls()
        dictionary._source = source
        by_key = dictionary._by_key
        for line in lines:
            headword = line[: line.find("\t")]
            by_key.setdefault(headword, []).append(line)
        return dictionary

    def _entries(self, key: str) -> list[Entry]:
        return [item if isinstance(item, Entry) else self._parse(item) for item in self._by_key.get(key, ())]

    def _parse(self, line: str) -> Entry:
        headword, variants, part_of_speech, glosses, pronunciation = line.split("\t")
        return Entry(
            headword,
            tuple(variants.split(",")) if variants else (),
            part_of_speech,
            tuple(glosses.split(_GLOSS_SEPARATOR)) if glosses else (),
            pronunciation,
            self._source,
        )

    def __len__(self) -> int:
        """The number of headwords."""
        return len(self._by_key)

    def __iter__(self) -> Iterator[Entry]:
        for key in self._by_key:
            yield from self._entries(key)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and _key(word) in self._by_key

    def lookup(self, word: str) -> list[Entry]:
        """The entries of *word*, whatever its spelling variant ([] if it is not in the dictionary)."""
        require_str(word, "lookup")
        return self._entries(_key(word))

    def merged(self, entries: Iterable[Entry]) -> Dictionary:
        """A new dictionary: this one, with *entries* replacing the entries of their headwords."""
        combined = Dictionary()
        combined._source = self._source
        combined._by_key = dict(self._by_key)
        replaced: set[str] = set()
        for entry in entries:
            key = _key(entry.headword)
            if key not in replaced:
                combined._by_key[key] = []
                replaced.add(key)
            combined._by_key[key].append(entry)
        return combined

    # -- search -----------------------------------------------------------------------------
    def _english_index(self) -> dict[str, list[tuple[str, int]]]:
        if self._english is None:
            index: dict[str, list[tuple[str, int]]] = {}
            for key in self._by_key:
                for number, entry in enumerate(self._entries(key)):
                    for word in {w for gloss in entry.glosses for w in _ENGLISH_WORD.findall(gloss.lower())}:
                        index.setdefault(word, []).append((key, number))
            self._english = index
        return self._english

    def _keys_in_order(self) -> list[str]:
        if self._sorted_keys is None:
            self._sorted_keys = sorted(self._by_key)
        return self._sorted_keys

    def search(
        self, query: str, *, lang: str = "auto", mode: str = "prefix", limit: int = 20
    ) -> list[SearchHit]:
        """Find entries: Lao headwords by *mode* (``prefix``, ``contains``, ``word``), or English
        glosses holding every word of *query* (``lang="en"``, or ``"auto"`` for a query without
        Lao). English hits are ranked: a gloss equal to the query, then a gloss starting with it,
        then shorter glosses. At most *limit* hits.

        >>> [hit.entry.headword for hit in search("water", limit=3)][:1]
        ['ນ້ຳ']
        """
        require_str(query, "search")
        if mode not in _MODES:
            raise UnknownOptionError("mode", mode, list(_MODES))
        if lang not in _LANGUAGES:
            raise UnknownOptionError("lang", lang, list(_LANGUAGES))
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, not {limit!r}")
        query = query.strip()
        if not query:
            return []
        english = lang == "en" or (lang == "auto" and not _LAO.search(query))
        return self._search_english(query, limit) if english else self._search_lao(query, mode, limit)

    def _search_lao(self, query: str, mode: str, limit: int) -> list[SearchHit]:
        import bisect

        key = _key(query)
        hits: list[SearchHit] = []
        if mode == "word":
            hits = [SearchHit(entry, 0, entry.headword) for entry in self._entries(key)]
        elif mode == "prefix":
            keys = self._keys_in_order()
            start = bisect.bisect_left(keys, key)
            for found in keys[start:]:
                if not found.startswith(key) or len(hits) >= limit:
                    break
                rank = 0 if found == key else 1
                hits.extend(SearchHit(entry, rank, found) for entry in self._entries(found))
        else:
            for found in self._keys_in_order():
                if key in found:
                    rank = 0 if found == key else (1 if found.startswith(key) else 2)
                    hits.extend(SearchHit(entry, rank, found) for entry in self._entries(found))
            hits.sort(key=lambda hit: (hit.rank, len(hit.matched)))
        return hits[:limit]

    def _search_english(self, query: str, limit: int) -> list[SearchHit]:
        words = _ENGLISH_WORD.findall(query.lower())
        if not words:
            return []
        index = self._english_index()
        postings = [index.get(word) for word in words]
        if any(posting is None for posting in postings):
            return []
        common = set(postings[0] or ())
        for posting in postings[1:]:
            common &= set(posting or ())
        wanted = " ".join(words)
        hits: list[SearchHit] = []
        for key, number in common:
            entry = self._entries(key)[number]
            best: tuple[int, int, int, str] | None = None
            for position, gloss in enumerate(entry.glosses):
                plain = " ".join(_ENGLISH_WORD.findall(gloss.lower()))
                if not all(word in plain.split() for word in words):
                    continue
                rank = 0 if plain == wanted else (1 if plain.startswith(wanted) else 2)
                candidate = (rank, min(position, 9), min(len(plain), 999), gloss)
                if best is None or candidate < best:
                    best = candidate
            if best is not None:
                hits.append(SearchHit(entry, best[0] * 10_000 + best[1] * 1000 + best[2], best[3]))
        # Equally good matches: the word more word lists agree on first, then the sense listed
        # first, then the word with fewer other senses.
        hits.sort(
            key=lambda hit: (
                hit.rank // 10_000,
                _commonness(hit.entry.headword),
                hit.rank,
                len(hit.entry.glosses),
                len(hit.entry.headword),
                hit.entry.headword,
            )
        )
        return hits[:limit]


@cache
def _commonness_table() -> dict[str, int]:
    """Word → how many of the bundled word lists hold it, read from the lexicon file."""
    from laotext import _data

    name = "lexicon_lo.tsv"
    return {
        word: sources.count(",") + 1 for word, sources in _data.data_rows(_data.read_text_once(name), name, 2)
    }


def _commonness(headword: str) -> int:
    """Lower for words more of the bundled word lists hold (0: all three; 3: none)."""
    return 3 - _commonness_table().get(headword, 0)


@cache
def bundled() -> Dictionary:
    """The bundled Lao–English dictionary (read on first use)."""
    from laotext import _data

    name = "dictionary_lo_en.tsv"
    lines = [line for line in _data.read_text_once(name).splitlines() if line and not line.startswith("#")]
    for number, line in enumerate(lines[1:], start=2):
        if line.count("\t") != 4:
            raise DataError("row does not have 5 values", path=name, line=number)
    return Dictionary.from_lines(lines[1:], "MPT Lao-English dictionary")


_active: Dictionary | None = None


def active() -> Dictionary:
    """The dictionary :func:`lookup` and :func:`search` use: the bundled one unless replaced."""
    return _active if _active is not None else bundled()


def use(dictionary: Dictionary | None) -> None:
    """Make *dictionary* the one :func:`lookup` and :func:`search` use (None: the bundled one)."""
    global _active
    if dictionary is not None and not isinstance(dictionary, Dictionary):
        raise TypeError(f"use() expects a Dictionary or None, not {type(dictionary).__name__}")
    _active = dictionary


def lookup(word: str) -> list[Entry]:
    """The dictionary entries of the Lao *word*, found whatever its spelling variant.

    >>> lookup("ນໍ້າ") == lookup("ນ້ຳ") != []
    True
    """
    return active().lookup(word)


def search(query: str, *, lang: str = "auto", mode: str = "prefix", limit: int = 20) -> list[SearchHit]:
    """Search the dictionary (see :meth:`Dictionary.search`)."""
    return active().search(query, lang=lang, mode=mode, limit=limit)
