#!/usr/bin/env python3
"""Measure Lao romanization speed: laotext's systems beside laonlp's ``transliterate``, in one run.

The Lao corpus (default: the NTREX-128 Lao test set, ``shared/eval/raw/ntrex128_lao.txt``) is
romanized line by line by each system of ``laotext.romanization`` and by laonlp 1.3's
``transliterate`` with each engine it has (``moh2020``, ``anyascii`` when anyascii is installed),
in a rotating order, ``--repeat`` (5) times; the table gives the median characters per second and
the ratio to laonlp's moh2020 engine. laonlp maps character by character, with no syllable parse
and no tones, so it is a speed reference only.

Run from the repository root, after ``pip install -e .`` (and ``pip install laonlp`` for the peer)::

    python bench/bench_romanize.py
    python bench/bench_romanize.py --quick      # 2 repeats
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench._common import (
        DEFAULT_CORPUS,
        EXIT_CANNOT_RUN,
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        ratio,
        read_corpus,
        write_json,
    )
else:  # run as a script, this folder is first on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import (
        DEFAULT_CORPUS,
        EXIT_CANNOT_RUN,
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        ratio,
        read_corpus,
        write_json,
    )

Romanizer = Callable[[str], str]


def tools() -> list[tuple[str, Romanizer]]:
    """The romanizers to time: every laotext system, then laonlp's engines that work here."""
    laotext = import_laotext("__version__")
    from laotext.romanization import SYSTEMS, romanize

    def system(name: str) -> Romanizer:
        return lambda text: romanize(text, name)

    found: list[tuple[str, Romanizer]] = [(f"laotext {name}", system(name)) for name in SYSTEMS]
    laonlp = import_optional("laonlp")
    if laonlp is not None:

        def engine_of(engine: str) -> Romanizer:
            return lambda text: str(laonlp.transliterate(text, engine=engine))

        for engine in ("moh2020", "anyascii"):
            try:
                laonlp.transliterate("ລາວ", engine=engine)
            except Exception as error:  # an engine whose optional dependency is missing
                print(f"skipped: laonlp transliterate engine {engine!r} ({type(error).__name__}: {error})")
                continue
            found.append((f"laonlp {engine}", engine_of(engine)))
    del laotext
    return found


def time_once(romanizer: Romanizer, lines: list[str]) -> float:
    """Seconds to romanize every line once."""
    start = time.perf_counter()
    for line in lines:
        romanizer(line)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 repeats")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    text = read_corpus(args.corpus)
    if text is None:
        return EXIT_CANNOT_RUN
    lines = text.splitlines()
    chars = sum(len(line) for line in lines)
    repeat = 2 if args.quick else args.repeat
    candidates = tools()
    for _, romanizer in candidates:  # warm up: tables and word lists load on first use
        romanizer(lines[0] if lines else "")
    times: dict[str, list[float]] = {name: [] for name, _ in candidates}
    for round_number in range(repeat):
        shift = round_number % len(candidates)
        for name, romanizer in candidates[shift:] + candidates[:shift]:
            times[name].append(time_once(romanizer, lines))
    print(environment_line("laotext", "laonlp"))
    print(f"corpus: {args.corpus} ({len(lines):,} lines, {chars:,} characters); median of {repeat} runs")
    print()
    speed = {name: chars / median(values) for name, values in times.items()}
    reference = speed.get("laonlp moh2020", 0.0)
    rows = [
        (name, f"{median(times[name]):.3f}", f"{speed[name]:,.0f}", ratio(speed[name], reference))
        for name in speed
    ]
    print_table(("tool", "seconds", "chars/s", "vs laonlp moh2020"), rows, "lrrr")
    write_json(args.json, {"corpus": str(args.corpus), "characters": chars, "chars_per_second": speed})
    return 0


if __name__ == "__main__":
    sys.exit(main())
