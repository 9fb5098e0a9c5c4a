"""Tell which legacy encoding a text is in, if any, by how Lao each reading of it looks.

Each candidate encoding's reading of the text is scored with a model of Lao spelling: the average
log-probability of each character after the one before it, within runs of Lao (a run starts and
ends at a boundary, so a vowel sign or tone mark with nothing to sit on scores very low). The
model's counts come from the bundled Lao word list (``data/words_lo.txt``), built on first use.
The reading that looks most like Lao wins, if it looks like Lao at all.

Which candidates are tried depends on what the text holds: Lao letters in the Lao block mean the
text is Unicode already; legacy codes from 0x80 up (in any of their three forms) point to the
upper-ASCII encodings; pure ASCII may be English or a keyboard-position font.

>>> detect_encoding("ສະບາຍດີ").encoding
'unicode'
>>> detect_encoding(b"\\xb4\\xbe\\xbb\\xba\\xa9\\xc1\\xec\\xc9\\xb8").encoding  # ມາຮອດແລ້ວ
'lswin'
>>> detect_encoding("The quick brown fox jumps over the lazy dog.").encoding
'not-lao'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from laotext import _data, chars
from laotext.legacy.registry import ENCODINGS
from laotext.legacy.tables import CP1252_HIGH, REPLACEMENT

__all__ = ["NOT_LAO", "UNICODE", "Detection", "detect_encoding", "lao_score"]

#: :attr:`Detection.encoding` of text that is Unicode Lao already.
UNICODE = "unicode"
#: :attr:`Detection.encoding` of text that is neither Unicode Lao nor a legacy encoding of Lao.
NOT_LAO = "not-lao"

#: The score (mean log-probability per character pair) above which a reading counts as Lao. Lines of
#: real Lao news score -2.9 (median; 1% below -3.3); 200 characters read with the wrong table score
#: -3.4 or less, and lines of English read as a keyboard font -5.5 (median; 1% above -3.6).
LAO_THRESHOLD = -3.6
#: The same for text with codes from 0x80 up read through an upper-ASCII table: European text with
#: accented letters reads as stray marks and single letters, so the bar can be lower, which short
#: real LSWin strings (transliterated foreign names) need.
UPPER_THRESHOLD = -4.3
#: A small preference, in score units, for the encoding of most legacy documents when readings are
#: close (short texts): LSWin.
PRIOR = {"lswin": 0.15}
#: Pure ASCII could be English: a line read through a keyboard-font table must beat the threshold by
#: this much over the square root of its length, so that short English strings are not taken for Lao.
ASCII_MARGIN = 2.0
#: What a code with no known character counts for in a reading's score (an unlikely pair).
UNKNOWN_CODE_SCORE = -10.0
#: A reading needs at least this many Lao letters to count as Lao at all.
MIN_LAO_LETTERS = 2
#: Detection reads at most this many characters of the text (the start, the middle and the end).
SAMPLE_CHARS = 6000

_BOUNDARY = "#"
_SMOOTHING = 0.05
_LAO_RUN = re.compile("[\u0e80-\u0ecf\u0edc-\u0eff]+")  # Lao digits count as boundaries
_LAO_LETTER = re.compile("[" + chars.CONSONANTS + "]")
# Lao letters that are evidence: inside a run of at least three Lao characters (a lone ß read as ນ is not).
_LAO_WORD_LETTER = re.compile(
    "(?<![\u0e80-\u0eff])[\u0e80-\u0eff]{1,2}(?![\u0e80-\u0eff])|([" + chars.CONSONANTS + "])"
)
# Legacy codes from 0x80 up, in their three forms, except U+00A0 (a space in every encoding).
_HIGH_CODES = re.compile("[\u0080-\u009f\u00a1-\u00ff" + "".join(CP1252_HIGH.values()) + "\uf080-\uf0ff]")
_SYMBOL_LOW = re.compile("[\uf020-\uf07f]")
_PRINTABLE_ASCII = re.compile("[!-~]")


@dataclass(frozen=True)
class Detection:
    """What :func:`detect_encoding` found.

    ``encoding`` is a legacy encoding's name, :data:`UNICODE` or :data:`NOT_LAO`; ``confidence``
    runs from 0 to 1; ``evidence`` says why, in words; ``scores`` gives each candidate reading's
    score (see :func:`lao_score`).
    """

    encoding: str
    confidence: float
    evidence: str
    scores: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def is_legacy(self) -> bool:
        """Whether the text is in a legacy encoding (and so needs converting)."""
        return self.encoding not in (UNICODE, NOT_LAO)


@cache
def _model() -> tuple[dict[str, float], dict[str, float]]:
    """Log-probabilities of each character pair (keyed by the two characters), and per first character
    the log-probability of a pair never seen.

    Inside a word, a pair's probability is its share of the pairs starting with that character in
    the word list; across a word break (Lao runs words together) it is the chance that a word ends
    after the first character times the chance that a word starts with the second.
    """
    pairs: Counter[str] = Counter()
    firsts: Counter[str] = Counter()
    for word in _data.read_text("words_lo.txt").splitlines():
        if not word or word.startswith("#"):
            continue
        for first, second in pairwise(_BOUNDARY + word + _BOUNDARY):
            pairs[first + second] += 1
            firsts[first] += 1
    alphabet = sorted({pair[1] for pair in pairs} - {_BOUNDARY})
    width = len(alphabet) + 1
    starts = {char: pairs[_BOUNDARY + char] / firsts[_BOUNDARY] for char in alphabet}
    logp: dict[str, float] = {}
    unseen: dict[str, float] = {}
    for first, total in firsts.items():
        smoothed = total + _SMOOTHING * width
        ends = pairs[first + _BOUNDARY] / smoothed
        for second in [*alphabet, _BOUNDARY]:
            inside = (pairs[first + second] + _SMOOTHING) / smoothed
            across = ends * starts.get(second, 0.0) if first != _BOUNDARY else 0.0
            logp[first + second] = math.log(inside + across)
        unseen[first] = math.log(_SMOOTHING / smoothed)
    return logp, unseen


def lao_score(text: str) -> tuple[float, int]:
    """How much *text* looks like Lao: mean log-probability per character pair, and the pair count.

    Only runs of Lao characters count; a text without any scores ``-inf``. Real Lao scores about
    -2.3, garbage below -4.5.

    >>> lao_score("ສະບາຍດີ")[0] > LAO_THRESHOLD > lao_score("ະ້ຳ ສສນ")[0]
    True
    """
    logp, unseen = _model()
    floor = min(unseen.values())
    total = 0.0
    count = 0
    for run in _LAO_RUN.findall(text):
        framed = _BOUNDARY + run + _BOUNDARY
        for first, second in pairwise(framed):
            pair = first + second
            value = logp.get(pair)
            total += value if value is not None else unseen.get(first, floor)
        count += len(run) + 1
    return (total / count if count else -math.inf), count


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = len(text) // 2
    return text[:third] + "\n" + text[middle - third // 2 : middle + third // 2] + "\n" + text[-third:]


def text_of(data: str | bytes) -> tuple[str, bool]:
    """The text to look at, and whether it is Unicode decoded from UTF-8/UTF-16 bytes."""
    if isinstance(data, str):
        return data, False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), True
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1"), False
    return text, not text.isascii()


def detect_encoding(data: str | bytes, *, candidates: tuple[str, ...] | None = None) -> Detection:
    """Tell whether *data* is Unicode Lao, legacy Lao (and in which encoding), or not Lao at all.

    *data* may be a str (cp1252 characters as Word shows legacy text, or U+F0xx symbol-font codes)
    or bytes (a file's content; UTF-8 and UTF-16 with a BOM are recognized as Unicode).
    *candidates* limits the legacy encodings tried. Reads at most :data:`SAMPLE_CHARS` characters.

    >>> detect_encoding("Sabaidee, how are you?").encoding
    'not-lao'
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"detect_encoding() expects str or bytes, not {type(data).__name__}")
    text, from_unicode_bytes = text_of(data)
    sample = _sample(text)
    lao_letters = len(_LAO_LETTER.findall(sample))
    if from_unicode_bytes and lao_letters:
        return Detection(UNICODE, 1.0, "UTF-8 or UTF-16 text with Lao letters")
    # Otherwise the decoded text itself may hold legacy codes (a legacy document saved as UTF-8).
    high = len(_HIGH_CODES.findall(sample))
    symbol_low = len(_SYMBOL_LOW.findall(sample))
    if lao_letters and lao_letters >= high + symbol_low:
        confidence = lao_letters / (lao_letters + high + symbol_low)
        return Detection(
            UNICODE, round(confidence, 3), f"{lao_letters} Lao letters in the Lao block of Unicode"
        )
    tried = _candidates(sample, high, symbol_low, candidates)
    if not tried:
        return Detection(NOT_LAO, 1.0, "no Lao letters and no legacy codes")
    scores: dict[str, float] = {}
    letters: dict[str, int] = {}
    for name in tried:
        table = ENCODINGS[name].table()
        reading = sample.translate(table.translation())
        if table.keeps_ascii:
            unknown = reading.count(REPLACEMENT) - sample.count(REPLACEMENT)
            score, letters[name] = _reading_score(reading, unknown)
        else:
            score, letters[name] = _ascii_reading_score(reading)
        scores[name] = round(score, 3)
    ranked = sorted(tried, key=lambda name: -(scores[name] + PRIOR.get(name, 0.0)))
    best = ranked[0]
    runner_up = scores[ranked[1]] - PRIOR.get(best, 0.0) if len(ranked) > 1 else LAO_THRESHOLD - 2.0
    others = ", ".join(f"{name} {scores[name]:.2f}" for name in ranked[1:])
    needed = UPPER_THRESHOLD if ENCODINGS[best].keeps_ascii else LAO_THRESHOLD
    if letters[best] < MIN_LAO_LETTERS or scores[best] < needed:
        reason = (
            f"no reading looks like Lao (best: {best} scores {scores[best]:.2f}, needs {needed:.2f})"
            if letters[best] >= MIN_LAO_LETTERS
            else f"too few Lao letters in any reading ({letters[best]} as {best})"
        )
        return Detection(NOT_LAO, _confidence(needed - scores[best], letters[best]), reason, scores)
    gap = min(scores[best] - runner_up, scores[best] - needed)
    evidence = f"reads as Lao with the {best} table (score {scores[best]:.2f} per character" + (
        f"; {others})" if others else ")"
    )
    return Detection(best, _confidence(gap, letters[best]), evidence, scores)


def _reading_score(reading: str, unknown: int) -> tuple[float, int]:
    """The score of a whole reading, counting each of its *unknown* codes as a most unlikely pair,
    and its number of Lao letters."""
    score, pairs = lao_score(reading)
    if unknown:
        score = (
            (score * pairs + UNKNOWN_CODE_SCORE * unknown) / (pairs + unknown)
            if pairs
            else UNKNOWN_CODE_SCORE
        )
    return score, _evidence(reading)


def _evidence(reading: str) -> int:
    """The Lao letters of *reading* inside runs of at least three Lao characters."""
    return sum(1 for match in _LAO_WORD_LETTER.finditer(reading) if match.group(1))


def _ascii_reading_score(reading: str) -> tuple[float, int]:
    """The score of a keyboard-font reading, line by line: English typed in another font may sit
    between the Lao lines, so only lines that read as Lao on their own (beating the threshold by
    :data:`ASCII_MARGIN` over the square root of their length) count, and only if they hold at least a
    quarter of the text.
    """
    total = 0.0
    pairs = letters = lao_chars = all_chars = 0
    for line in reading.split("\n"):
        if not line.strip():
            continue
        all_chars += len(line)
        score, count = _reading_score(line, line.count(REPLACEMENT))[0], lao_score(line)[1]
        if count > 1 and score >= LAO_THRESHOLD + ASCII_MARGIN / math.sqrt(count):
            total += score * count
            pairs += count
            letters += len(_LAO_LETTER.findall(line))
            lao_chars += len(line)
    if not pairs or lao_chars < all_chars / 4:
        return min(lao_score(reading)[0], LAO_THRESHOLD - 0.01), len(_LAO_LETTER.findall(reading))
    return total / pairs, letters


def _confidence(gap: float, letters: int) -> float:
    """Confidence from the score margin and the amount of evidence (both saturate)."""
    margin = 1.0 - math.exp(-3.0 * max(gap, 0.0))
    amount = 1.0 - math.exp(-letters / 8.0)
    return round(max(0.0, min(1.0, margin * amount)), 3)


def _candidates(sample: str, high: int, symbol_low: int, allowed: tuple[str, ...] | None) -> list[str]:
    names = list(ENCODINGS) if allowed is None else [name for name in allowed if name in ENCODINGS]
    keyboard_possible = symbol_low > 0 or (high == 0 and _PRINTABLE_ASCII.search(sample) is not None)
    chosen = []
    for name in names:
        keeps_ascii = ENCODINGS[name].keeps_ascii
        if (keeps_ascii and high > 0) or (not keeps_ascii and keyboard_possible):
            chosen.append(name)
    return chosen
