#!/usr/bin/env python3
"""Measure Lao word segmentation: accuracy on gold data and speed, laotext beside its peers.

**Accuracy.** Every line of the gold file (default: ``shared/eval/segmentation/yunshan2020_dev.txt``
next to the repository; words split by ``|``) is joined back into its text and segmented by each
tool. Word-level F1 counts a word right when both its ends match a gold word (white space is
ignored on both sides); boundary F1 counts word ends. A second table scores the lines of the same
file where the gold's known defects (Thai-script lines cut between letters and marks, compounds
with a decomposed ໍາ cut apart, ຫນ/ຫມ cut as ຫ|ນ) cannot occur. Tools, in the same run:

* laotext ``word_tokenize`` with its ``default`` engine (least-cost dictionary segmentation) and its
  ``longest`` engine (greedy longest match);
* laonlp ``word_tokenize`` (laonlp 1.3: pythainlp's maximal matching with laonlp's Lao word list);
* pythainlp ``word_tokenize(engine="newmm")`` with a dictionary trie of laotext's Lao lexicon (the
  same words laotext uses), so that the algorithm is compared on equal words;
* ICU's Lao word break iterator (PyICU), when installed (``apt-get install libicu-dev pkg-config``,
  then ``pip install PyICU``).

**Speed.** The Lao corpus (default: the NTREX-128 Lao test set, ``shared/eval/raw/ntrex128_lao.txt``)
is segmented line by line by each tool, in a rotating order, ``--repeat`` (5) times; the table gives
the median characters per second and the ratio to laonlp (the target for laotext is at least 3×).

**Worst case.** ``"ບັນດາ" * 10_000`` (50,000 characters) is segmented by laotext (the target is under
a second); laonlp is given ``"ບັນດາ" * 24`` (120 characters) in a subprocess stopped after
``--timeout`` seconds, since its lattice search grows exponentially with repeated text.

Run from the repository root, after ``pip install -e .`` (and ``pip install laonlp pythainlp`` for
the peers)::

    python bench/bench_segment.py
    python bench/bench_segment.py --quick      # 2 speed repeats, no worst-case subprocess
"""

from __future__ import annotations

import argparse
import itertools
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench._common import (
        DEFAULT_CORPUS,
        EXIT_CANNOT_RUN,
        REPO_ROOT,
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        read_corpus,
        write_json,
    )
else:  # run as a script, this folder is first on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import (
        DEFAULT_CORPUS,
        EXIT_CANNOT_RUN,
        REPO_ROOT,
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        read_corpus,
        write_json,
    )

DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "eval" / "segmentation" / "yunshan2020_dev.txt"
Segmenter = Callable[[str], Sequence[str]]


def spans(tokens: Sequence[str]) -> set[tuple[int, int]]:
    """The (start, end) offsets of the tokens that are not white space."""
    found: set[tuple[int, int]] = set()
    position = 0
    for token in tokens:
        if token.strip():
            start = position + len(token) - len(token.lstrip())
            found.add((start, position + len(token.rstrip())))
        position += len(token)
    return found


def f1(hits: int, predicted: int, gold: int) -> float:
    """F1 from counts (0 when nothing was predicted)."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def accuracy(lines: list[list[str]], segment: Segmenter) -> tuple[float, float, float, float, int]:
    """Word F1, word precision, word recall, boundary F1, and lines whose tokens do not join back."""
    word_hits = word_predicted = word_gold = 0
    end_hits = end_predicted = end_gold = 0
    lossy = 0
    for gold_tokens in lines:
        text = "".join(gold_tokens)
        predicted_tokens = list(segment(text))
        if "".join(predicted_tokens) != text:
            lossy += 1
            predicted_tokens = _realign(text, predicted_tokens)
        gold, predicted = spans(gold_tokens), spans(predicted_tokens)
        word_hits += len(gold & predicted)
        word_predicted += len(predicted)
        word_gold += len(gold)
        gold_ends, predicted_ends = {end for _, end in gold}, {end for _, end in predicted}
        end_hits += len(gold_ends & predicted_ends)
        end_predicted += len(predicted_ends)
        end_gold += len(gold_ends)
    precision = word_hits / word_predicted if word_predicted else 0.0
    recall = word_hits / word_gold if word_gold else 0.0
    return (
        f1(word_hits, word_predicted, word_gold),
        precision,
        recall,
        f1(end_hits, end_predicted, end_gold),
        lossy,
    )


def _realign(text: str, tokens: list[str]) -> list[str]:
    """Tokens of a tool that dropped characters, mapped onto *text* (for scoring only)."""
    out: list[str] = []
    position = 0
    for token in tokens:
        found = text.find(token, position) if token else -1
        if found < 0:
            continue
        if found > position:
            out.append(text[position:found])
        out.append(token)
        position = found + len(token)
    if position < len(text):
        out.append(text[position:])
    return out


# The Yunshan gold has defects that no Lao-aware segmenter reproduces: Thai-script lines cut
# between a letter and its marks, every ໍາ written decomposed and compounds holding it cut apart
# (ກໍາ|ລັງ), and ຫນ and ຫມ often cut as ຫ|ນ. The second table leaves out the lines where they can
# occur.
KNOWN_GOLD_DEFECTS = re.compile("[\u0e00-\u0e7f]|ໍາ|ຫ[ນມ]")


def read_gold(path: Path) -> list[list[str]]:
    """The gold lines as lists of words."""
    return [line.split("|") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def segmenters(laotext_module: object) -> dict[str, Segmenter]:
    """Every tool that can run here, by name."""
    from laotext import word_tokenize
    from laotext.segment.lexicon import bundled

    tools: dict[str, Segmenter] = {
        "laotext (default)": word_tokenize,
        "laotext (longest)": lambda text: word_tokenize(text, engine="longest"),
    }
    laonlp = import_optional("laonlp")
    if laonlp is not None:
        from laonlp.tokenize import word_tokenize as laonlp_tokenize

        tools["laonlp 1.3 word_tokenize"] = laonlp_tokenize
    pythainlp = import_optional("pythainlp")
    if pythainlp is not None:
        from pythainlp.tokenize import word_tokenize as thai_tokenize
        from pythainlp.util import Trie

        trie = Trie(_lexicon_words(bundled()))
        tools["pythainlp newmm + laotext lexicon"] = lambda text: thai_tokenize(
            text, custom_dict=trie, engine="newmm", keep_whitespace=True
        )
    icu = import_optional("icu")
    if icu is not None:
        breaker = icu.BreakIterator.createWordInstance(icu.Locale("lo_LA"))

        def icu_tokenize(text: str) -> list[str]:
            breaker.setText(text)
            bounds = [0, *breaker]
            return [text[start:end] for start, end in itertools.pairwise(bounds)]

        tools[f"ICU {icu.ICU_VERSION} word break"] = icu_tokenize
    return tools


def _lexicon_words(lexicon: object) -> list[str]:
    from laotext import _data

    return [row["word"] for row in _data.read_tsv("lexicon_lo.tsv")]


def speed(tools: dict[str, Segmenter], lines: list[str], repeat: int) -> dict[str, float]:
    """Median characters per second of each tool on *lines*, in a rotating order."""
    characters = sum(map(len, lines))
    times: dict[str, list[float]] = {name: [] for name in tools}
    names = list(tools)
    for round_ in range(repeat):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            segment = tools[name]
            started = time.perf_counter()
            for line in lines:
                segment(line)
            times[name].append(time.perf_counter() - started)
    return {name: characters / median(values) for name, values in times.items()}


LAONLP_WORST = """
import sys, time
from laonlp.tokenize import word_tokenize
started = time.perf_counter()
word_tokenize("ບັນດາ" * int(sys.argv[1]))
print(time.perf_counter() - started)
"""


def worst_case(timeout: float, run_peer: bool) -> list[list[object]]:
    """Repeated text: laotext on 50,000 characters, laonlp on 120 (stopped at *timeout*)."""
    from laotext import word_tokenize

    times = []
    for _ in range(3):
        started = time.perf_counter()
        word_tokenize("ບັນດາ" * 10_000)
        times.append(time.perf_counter() - started)
    rows: list[list[object]] = [["laotext", "ບັນດາ × 10,000 (50,000 chars)", f"{median(times):.3f} s"]]
    if run_peer and import_optional("laonlp") is not None:
        try:
            out = subprocess.run(
                [sys.executable, "-c", LAONLP_WORST, "24"], capture_output=True, text=True, timeout=timeout
            )
            shown = f"{float(out.stdout.strip()):.1f} s" if out.returncode == 0 else "failed"
        except subprocess.TimeoutExpired:
            shown = f"not finished after {timeout:.0f} s"
        rows.append(["laonlp", "ບັນດາ × 24 (120 chars)", shown])
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = 2
    laotext_module = import_laotext("word_tokenize")
    if not args.gold.is_file():
        print(f"error: gold file {args.gold} not found (it lives in ../shared/eval next to the repository)")
        return int(EXIT_CANNOT_RUN)
    corpus = read_corpus(args.corpus)
    if corpus is None:
        return int(EXIT_CANNOT_RUN)
    print(environment_line("laotext", "laonlp", "pythainlp", "PyICU"))
    tools = segmenters(laotext_module)
    gold = read_gold(args.gold)
    results: dict[str, object] = {name: {} for name in tools}
    clean = [line for line in gold if not KNOWN_GOLD_DEFECTS.search("".join(line))]
    for title, lines_, key in (
        (f"Accuracy on {args.gold.name}", gold, ""),
        (
            "Accuracy on the lines of that file free of its known defects "
            "(no Thai script, no decomposed ໍາ, no ຫນ/ຫມ)",
            clean,
            "clean_",
        ),
    ):
        print(f"\n{title}: {len(lines_):,} lines, {sum(len(g) for g in lines_):,} gold words")
        rows = []
        for name, segment in tools.items():
            word, precision, recall, boundary, lossy = accuracy(lines_, segment)
            rows.append(
                [
                    name,
                    f"{word * 100:.2f}",
                    f"{precision * 100:.2f}",
                    f"{recall * 100:.2f}",
                    f"{boundary * 100:.2f}",
                    f"{lossy:,}",
                ]
            )
            entry = results[name]
            assert isinstance(entry, dict)
            entry.update(
                {
                    f"{key}word_f1": word,
                    f"{key}precision": precision,
                    f"{key}recall": recall,
                    f"{key}boundary_f1": boundary,
                }
            )
        print_table(
            ["tool", "word F1", "precision", "recall", "boundary F1", "lines not lossless"], rows, "lrrrrr"
        )
    lines = [line for line in corpus.splitlines() if line.strip()]
    characters = sum(map(len, lines))
    print(
        f"\nSpeed on {args.corpus.name}: {len(lines):,} lines, {characters:,} characters, "
        f"median of {args.repeat}"
    )
    rates = speed(tools, lines, args.repeat)
    reference = next((rate for name, rate in rates.items() if name.startswith("laonlp")), None)
    speed_rows = [
        [name, f"{rate / 1e6:.2f}", f"{rate / reference:.2f}×" if reference else "-"]
        for name, rate in rates.items()
    ]
    print_table(["tool", "M chars/s", "vs laonlp"], speed_rows, "lrr")
    for name, rate in rates.items():
        entry = results[name]
        assert isinstance(entry, dict)
        entry["chars_per_second"] = rate
    print("\nWorst case (repeated text)")
    print_table(["tool", "input", "time"], worst_case(args.timeout, not args.quick), "llr")
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
