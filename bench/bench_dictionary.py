#!/usr/bin/env python3
"""Measure the Lao–English dictionary: load time, lookup and reverse-search latency, memory.

Side by side in the same run, laotext (``laotext.lookup`` / ``laotext.search``) and laonlp 1.3's
``word_dictionary(word, src, target)`` over the same Ministry dictionary:

* **first lookup in a new process** — a fresh interpreter imports the library, then times its
  first lookup (which loads the data); median of ``--processes`` (7) processes, with the peak
  memory (``ru_maxrss``) of that process after one Lao lookup and one English search;
* **lookup** — median time per call over ``--words`` (1,000) Lao headwords drawn with a fixed seed
  from the bundled dictionary, half of them respelled as variants (ຫນ for ໜ, ໍາ for ຳ …) to show
  that variants cost nothing more;
* **reverse search** — median time per English → Lao query over 200 English words drawn from the
  glosses.

The targets: first lookup ≤ 150 ms, lookup ≤ 20 µs, reverse search ≤ 5 ms, peak memory ≤ 60 MB.

Run from the repository root after ``pip install -e .`` (and ``pip install laonlp`` for the peer)::

    python bench/bench_dictionary.py
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench._common import (
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        write_json,
    )
else:  # run as a script, this folder is first on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import environment_line, import_laotext, import_optional, median, print_table, write_json

LAOTEXT_CHILD = """
import resource, time
started = time.perf_counter()
import laotext
imported = time.perf_counter()
laotext.lookup("ໜັງສື")
first = time.perf_counter()
laotext.search("water", lang="en")
print(imported - started, first - imported, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
LAONLP_CHILD = """
import resource, time
started = time.perf_counter()
from laonlp.translate import word_dictionary
imported = time.perf_counter()
word_dictionary("ໜັງສື", "lao", "eng")
first = time.perf_counter()
word_dictionary("water", "eng", "lao")
print(imported - started, first - imported, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
_VARIANTS = (("ໜ", "ຫນ"), ("ໝ", "ຫມ"), ("ຳ", "ໍາ"), ("ຫຼ", "ຫລ"))


def child(code: str, processes: int) -> tuple[float, float, float]:
    """Median import seconds, first-call seconds and peak MB over fresh processes."""
    imports, firsts, peaks = [], [], []
    for _ in range(processes):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        imported, first, peak = out.stdout.split()
        imports.append(float(imported))
        firsts.append(float(first))
        peaks.append(int(peak) / 1024)
    return median(imports), median(firsts), max(peaks)


def per_call(function: Callable[[str], object], queries: list[str], rounds: int = 3) -> float:
    """Median seconds per call over *rounds* passes through *queries* (the median pass)."""
    passes = []
    for _ in range(rounds):
        started = time.perf_counter()
        for query in queries:
            function(query)
        passes.append((time.perf_counter() - started) / len(queries))
    return median(passes)


def respelled(word: str) -> str:
    """*word* with its first standard spelling turned into the common variant."""
    for standard, variant in _VARIANTS:
        if standard in word:
            return word.replace(standard, variant, 1)
    return word


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=7)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args(argv)
    laotext = import_laotext("lookup", "search")
    print(environment_line("laotext", "laonlp"))
    # Fresh processes first: on Linux a child's ru_maxrss starts from its parent's size at fork
    # time, so they must be started while this process is still small.
    laonlp = import_optional("laonlp")
    fresh = {"laotext": child(LAOTEXT_CHILD, args.processes)}
    if laonlp is not None:
        fresh["laonlp 1.3 word_dictionary"] = child(LAONLP_CHILD, args.processes)
    from laotext.dictionary import bundled

    rng = random.Random(2015)
    headwords = sorted({entry.headword for entry in bundled() if " " not in entry.headword})
    sample = rng.sample(headwords, min(args.words, len(headwords)))
    queries = [respelled(word) if i % 2 else word for i, word in enumerate(sample)]
    english_words = sorted(
        {
            word
            for entry in bundled()
            for gloss in entry.glosses
            for word in gloss.lower().split()
            if word.isalpha() and len(word) > 3
        }
    )
    english = rng.sample(english_words, 200)
    rows: list[list[object]] = []
    results: dict[str, object] = {}
    tools: list[tuple[str, Callable[[str], object], Callable[[str], object]]] = [
        ("laotext", laotext.lookup, lambda q: laotext.search(q, lang="en"))
    ]
    if laonlp is not None:
        from laonlp.translate import word_dictionary

        tools.append(
            (
                "laonlp 1.3 word_dictionary",
                lambda q: word_dictionary(q, "lao", "eng"),
                lambda q: word_dictionary(q, "eng", "lao"),
            )
        )
    for name, lookup, reverse in tools:
        imported, first, peak = fresh[name]
        lookup("ໜັງສື")
        reverse("water")
        lookup_seconds = per_call(lookup, queries if name == "laotext" else queries[:50], 3)
        reverse_seconds = per_call(reverse, english if name == "laotext" else english[:20], 3)
        found = sum(1 for query in queries[:200] if lookup(query))
        rows.append(
            [
                name,
                f"{imported * 1000:.0f}",
                f"{first * 1000:.0f}",
                f"{lookup_seconds * 1e6:.1f}",
                f"{reverse_seconds * 1000:.2f}",
                f"{peak:.0f}",
                f"{found}/200",
            ]
        )
        results[name] = {
            "import_ms": imported * 1000,
            "first_lookup_ms": first * 1000,
            "lookup_us": lookup_seconds * 1e6,
            "reverse_ms": reverse_seconds * 1000,
            "peak_mb": peak,
            "found_of_200": found,
        }
    print(f"\n{len(queries):,} Lao queries (half respelled as variants), {len(english)} English queries")
    headers = ["tool", "import ms", "first lookup ms", "lookup µs", "reverse ms", "peak MB", "found"]
    print_table(headers, rows, "lrrrrrr")
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
