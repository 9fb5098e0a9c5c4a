#!/usr/bin/env python3
"""Measure the cost of ``laotext.validate`` on web-form-sized Lao fields, next to reference checks.

Fields (built in this script, no input file needed):

* ``clean 200``: a correct Lao paragraph cut to 200 characters, as a form with ``maxlength=200``
  would deliver it;
* ``errors 200``: the same paragraph with typical mistakes: a tone mark typed before its vowel
  (``ບ່ໍ`` for ``ບໍ່``), ``ຳ`` typed as ``ໍ`` + ``າ``, a Thai word in place of its Lao lookalike and a
  zero-width space, cut to 200 characters;
* ``name 40`` and ``name errors 40``: a 40-character personal name, clean and with the same kinds of
  mistakes.

The 200-character fields are validated with the profiles ``text``, ``lao`` and ``name``; the names
with ``name``. Each row is timed call by call with ``time.perf_counter_ns`` after a warm-up, and the
report gives the median and 95th percentile in microseconds (the garbage collector stays on, as in
a web server). The first call in a process also loads data lazily, so it is measured separately,
in fresh interpreters. The project's target is a median of at most 200 µs for a 200-character field.

There is no Lao validator to compare with, so two reference points run on the same fields:
``unicodedata.is_normalized("NFC", field)`` plus one regular-expression scan for characters and
sequences a validator looks for (the cheapest useful check), and laonlp's Lao normalization
function, when laonlp is installed and has one.

Run from the repository root, after ``pip install -e .`` (and ``pip install laonlp`` for the
reference)::

    python bench/bench_validate.py
    python bench/bench_validate.py --repeat 20000 --cold-runs 9
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench import _common
else:  # run as a script, this folder is first on sys.path
    import _common

TARGET_US = 200.0
FIELD_CHARS = 200
NAME_CHARS = 40
PROFILES = ("text", "lao", "name")

#: A correct Lao paragraph (247 characters) about the country, its capital and its language.
CLEAN_PARAGRAPH = (
    "ປະເທດລາວເປັນປະເທດທີ່ບໍ່ມີທາງອອກສູ່ທະເລ ຕັ້ງຢູ່ໃຈກາງແຫຼມອິນດູຈີນ. "
    "ນະຄອນຫຼວງວຽງຈັນເປັນເມືອງທີ່ໃຫຍ່ທີ່ສຸດ ແລະ ເປັນສູນກາງການປົກຄອງຂອງປະເທດ. "
    "ພາສາລາວຖືກນຳໃຊ້ໃນການສຶກສາ, ການບໍລິຫານ ແລະ ສື່ມວນຊົນ. "
    "ຂ້າພະເຈົ້າຂໍສະແດງຄວາມຂອບໃຈຕໍ່ທຸກທ່ານທີ່ໄດ້ໃຫ້ການຊ່ວຍເຫຼືອ."
)
#: A personal name with its title, 40 characters.
CLEAN_NAME = "ທ້າວ ຄຳພອນ ບຸນທະວີ ສີສຸວັນນະວົງ ແກ້ວມະນີ"

ZWSP = "\u200b"
#: (correct, mistyped) pairs applied to the paragraph, each once.
PARAGRAPH_MISTAKES = (
    ("ບໍ່", "ບ່ໍ"),  # tone mark typed before the vowel mark
    ("ວຽງຈັນ", "ວຽງ" + ZWSP + "ຈັນ"),  # zero-width space inside a word
    ("ໃຫຍ່ທີ່ສຸດ", "ໃຫຍ່ที่ສຸດ"),  # Thai ที่ for its Lao lookalike ທີ່
    ("ນຳໃຊ້", "ນໍາໃຊ້"),  # ຳ typed as NIGGAHITA + AA
)
NAME_MISTAKES = (
    ("ຄຳພອນ", "ຄໍາພອນ"),  # ຳ typed as NIGGAHITA + AA
    ("ບຸນທະວີ", "ບຸນ" + ZWSP + "ທະວີ"),  # zero-width space
    ("ສີສຸວັນນະວົງ", "ສີສຸວັນນະวົງ"),  # Thai ว for Lao ວ
)

#: The reference scan: Thai letters, invisible format characters, C0 controls other than tab and
#: newline, a tone mark before a vowel mark, and the decomposed ຳ.
REFERENCE_PATTERN = re.compile(
    "[\u0e00-\u0e7f]"
    "|[\u200b-\u200f\u2060\ufeff\u00ad]"
    "|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
    "|[\u0ec8-\u0ecb][\u0eb1\u0eb4-\u0eb9\u0ebb\u0ecd]"
    "|\u0ecd\u0eb2"
)


@dataclass(frozen=True)
class Field:
    """A form field to validate."""

    label: str
    text: str
    profiles: tuple[str, ...]


def with_mistakes(text: str, mistakes: tuple[tuple[str, str], ...]) -> str:
    """Apply each (correct, mistyped) replacement once; fail loudly if a word is not found."""
    for correct, mistyped in mistakes:
        if correct not in text:
            raise AssertionError(f"benchmark text lacks {correct!r}")
        text = text.replace(correct, mistyped, 1)
    return text


def build_fields() -> list[Field]:
    """Return the fields to benchmark, each checked to still hold every planted mistake."""
    clean = CLEAN_PARAGRAPH[:FIELD_CHARS]
    errors = with_mistakes(CLEAN_PARAGRAPH, PARAGRAPH_MISTAKES)[:FIELD_CHARS]
    name = CLEAN_NAME[:NAME_CHARS]
    name_errors = with_mistakes(CLEAN_NAME, NAME_MISTAKES)[:NAME_CHARS]
    for text, mistakes in ((errors, PARAGRAPH_MISTAKES), (name_errors, NAME_MISTAKES)):
        lost = [mistyped for _, mistyped in mistakes if mistyped not in text]
        if lost:
            raise AssertionError(f"cutting the field dropped planted mistakes: {lost!r}")
    return [
        Field("clean 200", clean, PROFILES),
        Field("errors 200", errors, PROFILES),
        Field("name 40", name, ("name",)),
        Field("name errors 40", name_errors, ("name",)),
    ]


def time_calls(call: Callable[[], object], repeat: int, warmup: int) -> list[float]:
    """Call *call* *warmup* times untimed, then *repeat* times timed; return microseconds per call."""
    for _ in range(warmup):
        call()
    clock = time.perf_counter_ns
    samples: list[float] = []
    append = samples.append
    for _ in range(repeat):
        start = clock()
        call()
        append((clock() - start) / 1000)
    return samples


def probe_first_call(profile: str) -> int:
    """Child-process mode: time the first and second ``validate`` call on the field read from stdin."""
    text = sys.stdin.buffer.read().decode("utf-8")
    import laotext  # imported here so that the import is not part of either timing

    start = time.perf_counter_ns()
    laotext.validate(text, profile=profile)
    first = time.perf_counter_ns() - start
    start = time.perf_counter_ns()
    laotext.validate(text, profile=profile)
    second = time.perf_counter_ns() - start
    print(first, second)
    return 0


def first_call_us(field: Field, profile: str, runs: int) -> tuple[float, float] | str:
    """Median first- and second-call microseconds over *runs* fresh interpreters, or an error text."""
    firsts: list[float] = []
    seconds: list[float] = []
    for _ in range(runs):
        finished = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--probe-first-call", profile],
            input=field.text.encode("utf-8"),
            capture_output=True,
            check=False,
        )
        if finished.returncode != 0:
            lines = finished.stderr.decode("utf-8", "replace").strip().splitlines()
            return lines[-1] if lines else f"exit status {finished.returncode}"
        first, second = finished.stdout.split()
        firsts.append(int(first) / 1000)
        seconds.append(int(second) / 1000)
    return _common.median(firsts), _common.median(seconds)


def reference_check(text: str) -> tuple[bool, list[re.Match[str]]]:
    """The reference point: is the field NFC, and where are the suspicious characters."""
    return unicodedata.is_normalized("NFC", text), list(REFERENCE_PATTERN.finditer(text))


def describe_issues(result: object) -> str:
    if isinstance(result, list):
        return f"{len(result)} issues"
    return type(result).__name__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5000, help="timed calls per row (default: 5000)")
    parser.add_argument("--warmup", type=int, default=500, help="untimed calls first (default: 500)")
    parser.add_argument(
        "--cold-runs", type=int, default=5, help="fresh interpreters for first-call timing (default: 5)"
    )
    parser.add_argument("--no-peers", action="store_true", help="skip the reference points")
    parser.add_argument("--check", action="store_true", help="exit 1 if a 200-char field misses the target")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--probe-first-call", metavar="PROFILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe_first_call:
        return probe_first_call(args.probe_first_call)
    if args.repeat < 1 or args.warmup < 0 or args.cold_runs < 1:
        parser.error("--repeat and --cold-runs must be at least 1, --warmup at least 0")

    laotext = _common.import_laotext("validate")
    from laotext.errors import UnknownProfileError

    fields = build_fields()
    print(_common.environment_line("laotext", "laonlp"))
    print(
        f"{args.repeat} timed calls per row after {args.warmup} warm-up calls; "
        f"first calls: median of {args.cold_runs} fresh interpreters"
    )

    laonlp_normalize: Callable[[str], str] | None = None
    laonlp_name = ""
    if not args.no_peers:
        laonlp_normalize, laonlp_name = _common.find_laonlp_normalizer()
        if laonlp_normalize is None:
            if laonlp_name == "laonlp not installed":
                print(f"skipped: laonlp not installed ({_common.PEER_INSTALL['laonlp']})")
            else:
                print(f"note: {laonlp_name}")
        elif laonlp_name.endswith("normalize_tone_marks"):
            print(
                f"note: laonlp has no general Lao normalizer; its only one, {laonlp_name}, "
                "reorders a tone mark typed before a vowel mark (one regular-expression substitution)"
            )
    print()

    # First calls, in fresh interpreters, before anything else.
    cold_rows: list[list[str]] = []
    cold: dict[str, tuple[float, float] | str] = {}
    for profile in PROFILES:
        name_field = fields[2] if profile == "name" else fields[0]
        outcome = first_call_us(name_field, profile, args.cold_runs)
        cold[profile] = outcome
        if isinstance(outcome, str):
            cold_rows.append([profile, name_field.label, f"failed: {outcome}", ""])
        else:
            cold_rows.append([profile, name_field.label, f"{outcome[0] / 1000:.2f}", f"{outcome[1]:.1f}"])
    print("First call of laotext.validate in a fresh interpreter (includes loading data on first use):")
    print()
    _common.print_table(["profile", "field", "first call ms", "second call µs"], cold_rows, "llrr")

    rows: list[list[str]] = []
    results: list[dict[str, Any]] = []
    floor = _common.median(time_calls(lambda: None, args.repeat, args.warmup))
    target_rows: list[tuple[str, float]] = []
    for field in fields:
        reference_median: float | None = None
        candidates: list[tuple[str, Callable[[], object]]] = []
        for profile in field.profiles:
            validate_call = partial(laotext.validate, field.text, profile=profile)
            candidates.append((f"laotext.validate(profile={profile!r})", validate_call))
        if not args.no_peers:
            candidates.append(("is_normalized NFC + regex scan", partial(reference_check, field.text)))
            if laonlp_normalize is not None:
                candidates.append((laonlp_name, partial(laonlp_normalize, field.text)))
        for engine, call in candidates:
            try:
                result = call()
            except UnknownProfileError:
                rows.append([field.label, str(len(field.text)), engine, "unknown profile", "", "", ""])
                continue
            except Exception as error:
                rows.append([field.label, str(len(field.text)), engine, f"failed: {error!r}", "", "", ""])
                continue
            samples = time_calls(call, args.repeat, args.warmup)
            middle = _common.median(samples)
            p95 = _common.percentile(samples, 95)
            is_laotext = engine.startswith("laotext.")
            if is_laotext and reference_median is None:
                reference_median = middle
            if is_laotext and len(field.text) == FIELD_CHARS:
                target_rows.append((f"{field.label} {engine.removeprefix('laotext.validate')}", middle))
            if engine.startswith("is_normalized"):
                nfc, hits = reference_check(field.text)
                outcome = f"{'NFC' if nfc else 'not NFC'}, {len(hits)} hits"
            elif is_laotext:
                outcome = describe_issues(result)
            else:
                outcome = "changed" if result != field.text else "unchanged"
            rows.append(
                [
                    field.label,
                    str(len(field.text)),
                    engine,
                    f"{middle:.1f}",
                    f"{p95:.1f}",
                    _common.ratio(middle, reference_median) if reference_median else "-",
                    outcome,
                ]
            )
            results.append(
                {
                    "field": field.label,
                    "chars": len(field.text),
                    "engine": engine,
                    "median_us": middle,
                    "p95_us": p95,
                    "result": outcome,
                }
            )

    print("Steady state, per call:")
    print()
    _common.print_table(
        ["field", "chars", "engine", "median µs", "p95 µs", "vs laotext", "result"], rows, "lrlrrrl"
    )
    print(
        "vs laotext: the row's median over the median of the first laotext.validate row for the same field.\n"
        f"Timer floor (an empty call timed the same way): {floor:.2f} µs, included in every figure."
    )
    over = [f"{label} {middle:.1f} µs" for label, middle in target_rows if middle > TARGET_US]
    met = bool(target_rows) and not over
    print(f"target: median at most {TARGET_US:.0f} µs for a {FIELD_CHARS}-character field")
    if not target_rows:
        print("  no laotext.validate figure for a 200-character field - NOT met")
    else:
        print(f"  met by {len(target_rows) - len(over)} of {len(target_rows)} field/profile rows")
        if over:
            print("  over the target: " + "; ".join(over))

    _common.write_json(
        args.json,
        {
            "benchmark": "validate",
            "environment": _common.environment_line("laotext", "laonlp"),
            "repeat": args.repeat,
            "first_call_us": {
                profile: (value if isinstance(value, str) else {"first": value[0], "second": value[1]})
                for profile, value in cold.items()
            },
            "rows": results,
            "timer_floor_us": floor,
            "target_us": TARGET_US,
        },
    )
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
