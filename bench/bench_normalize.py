#!/usr/bin/env python3
"""Measure the throughput of ``laotext.normalize`` on a Lao corpus, next to other normalizers.

Throughput is the UTF-8 size of the input over the median time of 7 (``--repeat``) runs, in MB/s
(1 MB = 10^6 bytes), and the same in millions of characters per second. Two modes:

* ``whole file``: one call on the whole corpus text;
* ``line by line``: one call per line, line endings removed, as a program reading a file or a
  form field by field would; throughput counts the line contents only.

Engines, timed in the same run with a rotating order in each round:

* ``laotext.normalize`` (the subject) and ``laotext.normalize_and_explain`` (the same fixes, with
  every change recorded);
* ``unicodedata.normalize("NFC", ...)``: the baseline every normalizer pays at least;
* laonlp's Lao normalization function, when laonlp is installed and has one (laonlp 1.3 only has
  ``laonlp.tokenize.syllable.normalize_tone_marks``, a single reordering substitution);
* ``pythainlp.util.normalize``: pythainlp's Thai normalizer, a peer doing similar clean-up
  (zero-width characters, mark reordering, repeated marks) for the sister script. On Lao text it
  finds little to change, so its figure is the cost of its passes, not of equivalent work.

The ``lines changed`` column counts the lines each engine's output differs from its input, to show
how much each one actually does.

The default corpus is ``shared/eval/raw/ntrex128_lao.txt`` next to the repository (the NTREX-128 Lao
test set); any UTF-8 text file can be given with ``--corpus``. If the file is missing the script
exits with status 2.

Run from the repository root, after ``pip install -e .`` (and ``pip install laonlp pythainlp`` for
the peers)::

    python bench/bench_normalize.py
    python bench/bench_normalize.py --corpus some_lao.txt --repeat 11 --mode lines
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench import _common
else:  # run as a script, this folder is first on sys.path
    import _common

MODES = {"file": "whole file", "lines": "line by line"}
SUBJECT = "laotext.normalize"


@dataclass
class Engine:
    """A normalizer and the timings collected for it, per mode."""

    name: str
    function: Callable[[str], str]
    seconds: dict[str, list[float]] = field(default_factory=dict)
    failure: dict[str, str] = field(default_factory=dict)
    lines_changed: int | None = None


def run_mode(function: Callable[[str], str], mode: str, text: str, lines: list[str]) -> float:
    """Run *function* once over the corpus in *mode* and return the elapsed seconds."""
    if mode == "file":
        start = time.perf_counter()
        function(text)
        return time.perf_counter() - start
    start = time.perf_counter()
    for line in lines:
        function(line)
    return time.perf_counter() - start


def build_engines(laotext: Any, form: str, peers: bool) -> list[Engine]:
    """Return the engines to time, printing a ``skipped:`` or ``note:`` line for each missing peer."""
    if form == "standard":
        subject: Callable[[str], str] = laotext.normalize
    else:
        subject = partial(laotext.normalize, form=form)

    def explained(text: str) -> str:
        return str(laotext.normalize_and_explain(text, form=form).text)

    engines = [
        Engine(SUBJECT, subject),
        Engine("laotext.normalize_and_explain", explained),
        Engine('unicodedata.normalize("NFC")', partial(unicodedata.normalize, "NFC")),
    ]
    if not peers:
        return engines
    laonlp_normalize, laonlp_name = _common.find_laonlp_normalizer()
    if laonlp_normalize is not None:
        engines.append(Engine(laonlp_name, laonlp_normalize))
    elif laonlp_name == "laonlp not installed":
        print(f"skipped: laonlp not installed ({_common.PEER_INSTALL['laonlp']})")
    else:
        print(f"note: {laonlp_name}")
    if _common.import_optional("pythainlp") is not None:
        from pythainlp.util import normalize as thai_normalize

        engines.append(Engine("pythainlp.util.normalize (Thai)", thai_normalize))
    return engines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=_common.DEFAULT_CORPUS,
        help="UTF-8 text file to normalize (default: %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per engine and mode (default: 7)")
    parser.add_argument("--mode", choices=["both", *MODES], default="both", help="default: both")
    parser.add_argument("--form", default="standard", help="laotext normalization form (default: standard)")
    parser.add_argument("--no-peers", action="store_true", help="skip laonlp and pythainlp")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    corpus: Path = args.corpus
    if not corpus.is_file():
        print(f"error: corpus file not found: {corpus}")
        print("pass a UTF-8 text file with --corpus FILE")
        return _common.EXIT_CANNOT_RUN
    raw = corpus.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        print(f"error: {corpus} is not UTF-8 ({error})")
        return _common.EXIT_CANNOT_RUN
    if not text:
        print(f"error: {corpus} is empty")
        return _common.EXIT_CANNOT_RUN
    lines = text.splitlines()
    sizes = {
        "file": (len(raw), len(text)),
        "lines": (sum(len(line.encode("utf-8")) for line in lines), sum(len(line) for line in lines)),
    }
    modes = list(MODES) if args.mode == "both" else [args.mode]

    laotext = _common.import_laotext("normalize", "normalize_and_explain")
    print(_common.environment_line("laotext", "laonlp", "pythainlp"))
    engines = build_engines(laotext, args.form, not args.no_peers)
    print(
        f"corpus: {corpus} ({len(raw) / 1e6:.3f} MB UTF-8, {len(text):,} characters, {len(lines):,} lines); "
        f"form={args.form!r}; median of {args.repeat} runs"
    )
    print()

    # Warm-up (loads data on first use) and the count of lines each engine changes.
    for engine in engines:
        try:
            engine.function(text[:1000])
            changed = 0
            for line in lines:
                if engine.function(line) != line:
                    changed += 1
            engine.lines_changed = changed
        except Exception as error:
            for mode in modes:
                engine.failure[mode] = f"failed: {type(error).__name__}: {error}"
    subject = engines[0]
    if "file" in modes and not subject.failure:
        try:
            if subject.function(text).splitlines() != [subject.function(line) for line in lines]:
                print("note: laotext.normalize gives a different result on the whole file than line by line")
                print()
        except Exception as error:
            subject.failure["file"] = f"failed: {type(error).__name__}: {error}"

    for round_number in range(args.repeat):
        shift = round_number % len(engines)
        for engine in engines[shift:] + engines[:shift]:
            for mode in modes:
                if mode in engine.failure:
                    continue
                try:
                    elapsed = run_mode(engine.function, mode, text, lines)
                except Exception as error:
                    engine.failure[mode] = f"failed: {type(error).__name__}: {error}"
                    continue
                engine.seconds.setdefault(mode, []).append(elapsed)

    results: dict[str, Any] = {}
    for mode in modes:
        subject_seconds = subject.seconds.get(mode)
        subject_median = _common.median(subject_seconds) if subject_seconds else 0.0
        size_bytes, size_chars = sizes[mode]
        rows: list[list[str]] = []
        for engine in engines:
            changed_cell = "-" if engine.lines_changed is None else f"{engine.lines_changed:,}"
            samples = engine.seconds.get(mode)
            if not samples:
                rows.append([engine.name, engine.failure.get(mode, "no figure"), "", "", "", changed_cell])
                continue
            middle = _common.median(samples)
            rows.append(
                [
                    engine.name,
                    f"{middle:.4f}",
                    f"{size_bytes / 1e6 / middle:.2f}",
                    f"{size_chars / 1e6 / middle:.2f}",
                    _common.ratio(middle, subject_median),
                    changed_cell,
                ]
            )
            results.setdefault(mode, {})[engine.name] = {
                "median_s": middle,
                "mb_per_s": size_bytes / 1e6 / middle,
                "mchars_per_s": size_chars / 1e6 / middle,
                "samples_s": samples,
                "lines_changed": engine.lines_changed,
            }
        print(f"{MODES[mode]} ({size_bytes / 1e6:.3f} MB, {size_chars:,} characters):")
        print()
        _common.print_table(
            ["engine", "median s", "MB/s", "M chars/s", "time vs laotext", "lines changed"], rows
        )
    print(f"time vs laotext: the engine's median time over that of {SUBJECT} in the same mode.")

    _common.write_json(
        args.json,
        {
            "benchmark": "normalize",
            "environment": _common.environment_line("laotext", "laonlp", "pythainlp"),
            "corpus": str(corpus),
            "bytes": len(raw),
            "chars": len(text),
            "lines": len(lines),
            "form": args.form,
            "repeat": args.repeat,
            "results": results,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
