#!/usr/bin/env python3
"""Measure how often ``laotext.keyboard`` flags Lao typed on the English layout, and how often wrongly.

Three figures:

* **False alarms on English**: the share of English words (runs of printable ASCII) and of English
  sentences for which ``find_mistyped`` finds something. The English is real text that ships with
  every CPython: the Python Language Reference topics of ``pydoc_data.topics`` (the text of
  ``help("if")`` and friends) and CPython's ``LICENSE.txt``. Lines that start at the margin are
  counted as prose; indented lines (code, grammar rules, examples, the licence clauses) separately.
  Sentences are the prose paragraphs cut after ``.``, ``!`` or ``?``.
* **False alarms on Lao**: the share of lines of a Lao corpus (default: the NTREX-128 Lao test set,
  ``shared/eval/raw/ntrex128_lao.txt`` next to the repository) with a finding, and the Latin words
  of that corpus (names, abbreviations, numbers) that are flagged.
* **Detection**: each space-separated Lao word of the corpus is turned into the keys that type it
  (``lao_to_latin``, after removing zero-width characters, which nobody types on the English
  layout) and given to ``find_mistyped``. The detection rate is the share with a finding; misses
  are broken down by reason. Words whose Lao text holds ASCII letters or digits are counted apart:
  typed on the English layout, those characters would not have been keys for Lao letters. The
  same is done line by line with ``looks_mistyped``.

The time of ``find_mistyped`` over each corpus is the median of ``--repeat`` runs.

Run from the repository root, after ``pip install -e .``::

    python bench/bench_keyboard.py
    python bench/bench_keyboard.py --corpus lao.txt --english english.txt --json bench/results/keyboard.json

Exits with status 2 if the Lao corpus or the English text cannot be read.
"""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench import _common
else:  # run as a script, this folder is first on sys.path
    import _common

DEFAULT_LAO = Path(__file__).resolve().parents[1].parent / "shared/eval/raw/ntrex128_lao.txt"
LATIN_WORD = re.compile("[!-~]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


@dataclass
class English:
    """English text split into prose words, indented words and prose sentences."""

    sources: list[str]
    prose_words: list[str]
    indented_words: list[str]
    sentences: list[str]
    text: str


def read_english(paths: Sequence[Path]) -> English | str:
    """Read the English text (the given files, else the CPython texts); return it or an error message."""
    texts = _common.english_texts(paths)
    if isinstance(texts, str):
        return texts
    if not paths:
        licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
        if licence.is_file():
            texts.append((str(licence), licence.read_text(encoding="utf-8")))
    prose: list[str] = []
    indented: list[str] = []
    sentences: list[str] = []
    for _, text in texts:
        paragraph: list[str] = []
        for line in [*text.splitlines(), ""]:
            if line.strip() and not line[0].isspace():
                prose.extend(LATIN_WORD.findall(line))
                paragraph.append(line.strip())
                continue
            indented.extend(LATIN_WORD.findall(line))
            if paragraph:
                sentences.extend(s for s in SENTENCE_END.split(" ".join(paragraph)) if s)
                paragraph = []
    return English(
        [name for name, _ in texts], prose, indented, sentences, "\n".join(text for _, text in texts)
    )


def has_ascii_alnum(word: str) -> bool:
    return any(char.isascii() and char.isalnum() for char in word)


def miss_reason(keyboard: Any, typed: str) -> str:
    """Why ``find_mistyped`` found nothing in *typed* (a word with no white space)."""
    words = LATIN_WORD.findall(typed)
    if not words:
        return "no keys"
    if not any(keyboard._is_candidate(word) for word in words):
        lao = sum(1 for char in keyboard.latin_to_lao(typed) if "\u0e80" <= char <= "\u0eff")
        return "too few Lao characters" if lao < keyboard.MIN_KEYS else "looks English or like a number"
    return "word list covers too little"


def rate(part: int, whole: int) -> str:
    return f"{100 * part / whole:.3f} %" if whole else "-"


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return _common.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_LAO, help="Lao UTF-8 text (default: %(default)s)"
    )
    parser.add_argument(
        "--english", type=Path, action="append", default=[], help="English UTF-8 text (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per corpus (default: 5)")
    parser.add_argument(
        "--examples", type=int, default=10, help="false alarms and misses to show (default: 10)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    try:
        import laotext.keyboard as keyboard
    except ImportError as error:
        print(
            f"error: cannot import laotext.keyboard ({error}); install it: pip install -e {_common.REPO_ROOT}"
        )
        return _common.EXIT_CANNOT_RUN
    corpus: Path = args.corpus
    lao_text = _common.read_corpus(corpus)
    if lao_text is None:
        return _common.EXIT_CANNOT_RUN
    english = read_english(args.english)
    if isinstance(english, str):
        print(f"error: {english}")
        return _common.EXIT_CANNOT_RUN
    find = keyboard.find_mistyped

    print(_common.environment_line("laotext"))
    print(f"thresholds: MIN_KEYS={keyboard.MIN_KEYS}, MIN_COVERAGE={keyboard.MIN_COVERAGE}")
    print(f"English: {'; '.join(english.sources)}")
    print(f"Lao: {corpus}")
    print()

    # False alarms on English.
    rows = []
    figures: dict[str, Any] = {}
    examples: Counter[str] = Counter()
    for label, items in (
        ("prose words", english.prose_words),
        ("indented words (code, grammar, examples)", english.indented_words),
        ("prose sentences", english.sentences),
    ):
        flagged = [item for item in items if find(item)]
        examples.update(finding.typed for item in flagged for finding in find(item))
        rows.append([label, len(items), len(flagged), rate(len(flagged), len(items))])
        figures[f"english {label}"] = {"total": len(items), "flagged": len(flagged)}
    print("False alarms on English (find_mistyped finds something):")
    print()
    _common.print_table(["English", "count", "flagged", "rate"], rows, "lrrr")
    if examples:
        shown = examples.most_common(args.examples)
        print("flagged: " + ", ".join(f"{word!r} x{count}" for word, count in shown))
        print()

    # False alarms on Lao.
    lines = [line for line in lao_text.splitlines() if line.strip()]
    flagged_lines = [line for line in lines if find(line)]
    latin_words = [word for line in lines for word in LATIN_WORD.findall(line)]
    flagged_latin = [finding.typed for line in flagged_lines for finding in find(line)]
    print("False alarms on Lao:")
    print()
    _common.print_table(
        ["Lao", "count", "flagged", "rate"],
        [
            ["lines", len(lines), len(flagged_lines), rate(len(flagged_lines), len(lines))],
            ["Latin words", len(latin_words), len(flagged_latin), rate(len(flagged_latin), len(latin_words))],
        ],
        "lrrr",
    )
    if flagged_latin:
        print("flagged: " + ", ".join(repr(word) for word in flagged_latin[: args.examples]))
        print()
    figures["lao lines"] = {"total": len(lines), "flagged": len(flagged_lines)}
    figures["lao latin words"] = {"total": len(latin_words), "flagged": len(flagged_latin)}

    # Detection of Lao typed on the English layout.
    words = [
        word.translate(ZERO_WIDTH)
        for line in lines
        for word in line.split()
        if any("\u0e80" <= char <= "\u0eff" for char in word)
    ]
    pure = [word for word in words if not has_ascii_alnum(word)]
    mixed = [word for word in words if has_ascii_alnum(word)]
    reasons: Counter[str] = Counter()
    missed: list[str] = []
    rows = []
    for label, group in (("Lao words", pure), ("Lao words with ASCII letters or digits", mixed)):
        found = 0
        for word in group:
            typed = keyboard.lao_to_latin(word)
            if find(typed):
                found += 1
            elif group is pure:
                reasons[miss_reason(keyboard, typed)] += 1
                missed.append(f"{typed} ({word})")
        rows.append([label, len(group), found, rate(found, len(group))])
        figures[f"detect {label}"] = {"total": len(group), "detected": found}
    typed_lines = [keyboard.lao_to_latin(line.translate(ZERO_WIDTH)) for line in lines]
    found_lines = sum(1 for line in typed_lines if keyboard.looks_mistyped(line) is not None)
    rows.append(["lines (looks_mistyped)", len(lines), found_lines, rate(found_lines, len(lines))])
    figures["detect lines"] = {"total": len(lines), "detected": found_lines}
    print("Detection of Lao typed on the English layout (the keys of each space-separated Lao word):")
    print()
    _common.print_table(["typed", "count", "detected", "rate"], rows, "lrrr")
    by_reason = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
    print(f"misses of Lao words by reason: {by_reason}")
    print("missed, for example: " + ", ".join(missed[: args.examples]))
    print()
    figures["miss reasons"] = dict(reasons)

    # Time.
    typed_text = "\n".join(typed_lines)
    rows = []
    for label, text in (("English", english.text), ("Lao keys", typed_text), ("Lao", "\n".join(lines))):
        seconds = median_seconds(partial(find, text), args.repeat)
        rows.append([label, len(text), f"{seconds * 1000:.1f}", f"{len(text) / seconds / 1e6:.2f}"])
        figures[f"time {label}"] = {"chars": len(text), "median_s": seconds}
    print(f"find_mistyped over each whole text, median of {args.repeat} runs:")
    print()
    _common.print_table(["text", "chars", "median ms", "M chars/s"], rows, "lrrr")

    _common.write_json(
        args.json,
        {"benchmark": "keyboard", "environment": _common.environment_line("laotext"), "figures": figures},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
