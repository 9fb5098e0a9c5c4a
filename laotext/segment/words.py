"""Word segmentation: :func:`word_tokenize` and :class:`Tokenizer`.

The text is first cut into chunks (:mod:`laotext.segment.chunks`): numbers, URLs, e-mail addresses,
Latin words, Thai runs and punctuation stay whole. Each Lao run is cut into syllables (Thai
look-alike marks typed in it read as their Lao twins), each syllable is put in its lookup form
(:func:`~laotext.segment.lexicon.syllable_key`), and an engine (:mod:`laotext.segment.engines`)
picks the word ends. Then syllables next to each other that start no known word are taken as one
word (a name or a loanword the lexicon lacks), and a run of bare consonants (ສປປ) stays one
abbreviation. ໆ is a word of its own unless the lexicon holds the repeated word (ຕ່າງໆ, ດີໆ), as
ICU, laonlp and pythainlp (for Thai ๆ) do: ``ມ່ວນໆ`` gives ``ມ່ວນ``, ``ໆ``. The words returned
are slices of the input: ``"".join(word_tokenize(text)) == text`` for every str (with
``keep_whitespace=True``).

>>> word_tokenize("ສະບາຍດີ ປີ 2025!")
['ສະບາຍດີ', ' ', 'ປີ', ' ', '2025', '!']
>>> word_tokenize("ຫນັງສືພິມລາວ"), word_tokenize("ໜັງສືພິມລາວ")
(['ຫນັງສືພິມ', 'ລາວ'], ['ໜັງສືພິມ', 'ລາວ'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import accumulate

from laotext.errors import require_str
from laotext.segment.chunks import chunk_pattern
from laotext.segment.engines import Engine, get_engine
from laotext.segment.lexicon import USER_WORD_COST, Lexicon, bundled, syllable_key

__all__ = ["Tokenizer", "word_tokenize"]

_BARE_CONSONANT = re.compile("[\u0e81-\u0eae]")


@cache
def _thai_marks() -> dict[int, str]:
    from laotext.chars import thai_lookalikes

    marks = range(0x0E31, 0x0E4F)
    return {ord(thai): lao for thai, lao in thai_lookalikes().items() if ord(thai) in marks}


class Tokenizer:
    """A word segmenter with its own vocabulary.

    *words*: None for the bundled lexicon; an iterable of words, or a mapping of words to costs
    (lower is preferred; see :mod:`laotext.segment.lexicon`), for a vocabulary of your own;
    *extend*: add *words* to the bundled lexicon instead of replacing it. *engine* names an entry
    of :data:`~laotext.segment.engines.ENGINES`.

    >>> tokenizer = Tokenizer(["ສຳນັກງານໃຫຍ່"], extend=True)
    >>> tokenizer.tokenize("ສຳນັກງານໃຫຍ່ແຂວງ")
    ['ສຳນັກງານໃຫຍ່', 'ແຂວງ']
    >>> tokenizer.remove_word("ສຳນັກງານໃຫຍ່")
    >>> tokenizer.tokenize("ສຳນັກງານໃຫຍ່ແຂວງ")
    ['ສຳນັກງານ', 'ໃຫຍ່', 'ແຂວງ']
    """

    def __init__(
        self,
        words: Iterable[str] | Mapping[str, int] | None = None,
        *,
        engine: str = "default",
        extend: bool = False,
    ) -> None:
        from laotext.syllables import _syllable_regex

        self.engine: Engine = get_engine(engine)
        self._split = _syllable_regex().findall
        if words is None:
            self._lexicon = bundled()
            self._shared = True
        else:
            if isinstance(words, str):
                raise TypeError("words must be an iterable of words, not a str")
            self._lexicon = bundled().copy() if extend else Lexicon()
            self._shared = False
            if isinstance(words, Mapping):
                for word, cost in words.items():
                    self._lexicon.add(word, cost)
            else:
                for word in words:
                    self._lexicon.add(word)

    @property
    def lexicon(self) -> Lexicon:
        """The words this tokenizer knows."""
        return self._lexicon

    def _own(self) -> Lexicon:
        if self._shared:
            self._lexicon = self._lexicon.copy()
            self._shared = False
        return self._lexicon

    def add_word(self, word: str, cost: int = USER_WORD_COST) -> None:
        """Teach the tokenizer *word* (this tokenizer only)."""
        self._own().add(word, cost)

    def remove_word(self, word: str) -> None:
        """Forget *word* (this tokenizer only); KeyError if it is not known."""
        self._own().remove(word)

    def tokenize(self, text: str, *, keep_whitespace: bool = True) -> list[str]:
        """The words of *text*, slices of it in order (see :func:`word_tokenize`)."""
        require_str(text, "word_tokenize")
        out: list[str] = []
        lao_run = self._lao_run
        for match in chunk_pattern().finditer(text):
            kind = match.lastgroup
            if kind == "lao":
                lao_run(match.group(), out)
            elif kind != "space" or keep_whitespace:
                out.append(match.group())
        return out

    def _lao_run(self, run: str, out: list[str]) -> None:
        """Append the words of the Lao run *run* to *out*."""
        has_thai = _THAI_MARK.search(run) is not None
        pieces = self._split(run.translate(_thai_marks()) if has_thai else run)
        if len(pieces) == 1:
            words = pieces if not has_thai else [run]
        else:
            keys = list(map(_KEYS.__getitem__, pieces))
            ends = self.engine.cut(keys, self._lexicon)
            if self.engine.joins_unknown:
                ends = _join_unknown(ends, keys, self._lexicon.costs)
            if has_thai:  # the pieces hold the Lao twins of Thai marks: cut the run itself
                offsets = [0, *accumulate(map(len, pieces))]
                words = [
                    run[offsets[start] : offsets[end]] for start, end in zip([0, *ends], ends, strict=False)
                ]
            else:
                words = [
                    pieces[start] if end - start == 1 else "".join(pieces[start:end])
                    for start, end in zip([0, *ends], ends, strict=False)
                ]
        if 1 not in map(len, words):
            out.extend(words)
            return
        groups: list[list[str]] = []  # words to join: bare consonants together
        previous_bare = False  # the last group is an abbreviation of bare consonants (ສປປ)
        for word in words:
            bare = len(word) == 1 and _BARE_CONSONANT.match(word) is not None
            if bare and previous_bare:
                groups[-1].append(word)
            else:
                groups.append([word])
                previous_bare = bare
        out.extend(group[0] if len(group) == 1 else "".join(group) for group in groups)


def _join_unknown(ends: list[int], keys: list[str], costs: Mapping[str, int]) -> list[int]:
    """Word ends with each run of unknown one-syllable words made one word (a name, a loanword)."""
    joined: list[int] = []
    start = 0
    previous_unknown = False
    for end in ends:
        unknown = end - start == 1 and keys[start] not in costs
        if unknown and previous_unknown:
            joined[-1] = end
        else:
            joined.append(end)
        previous_unknown = unknown
        start = end
    return joined


class _SyllableKeys(dict[str, str]):
    """Syllable → lookup form, filled on first sight of each syllable (texts repeat a few thousand)."""

    def __missing__(self, syllable: str) -> str:
        key = syllable_key(syllable)
        if len(self) < 1 << 17:
            self[syllable] = key
        return key


_KEYS = _SyllableKeys()
_THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@cache
def _default_tokenizer(engine: str) -> Tokenizer:
    return Tokenizer(engine=engine)


def word_tokenize(text: str, *, engine: str = "default", keep_whitespace: bool = True) -> list[str]:
    """Split *text* into words; ``"".join(word_tokenize(text)) == text``.

    Lao is cut into dictionary words at syllable boundaries (spelling variants such as ຫນ/ໜ, ໍາ/ຳ,
    ຫລ/ຫຼ and a tone typed before its vowel match the same words; the words returned are slices
    of *text*, as typed). Numbers, URLs, e-mail addresses, Latin words, Thai runs and punctuation
    stay whole. With ``keep_whitespace=False`` white space is left out. *engine*: ``"default"``,
    ``"longest"`` or ``"syllable"``. Linear in the length of *text*.

    >>> word_tokenize("ນ້ຳຖ້ວມໃຫຍ່ 1,000,000 ກີບ", keep_whitespace=False)
    ['ນ້ຳຖ້ວມ', 'ໃຫຍ່', '1,000,000', 'ກີບ']
    """
    return _default_tokenizer(engine).tokenize(text, keep_whitespace=keep_whitespace)
