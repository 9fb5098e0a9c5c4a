#!/usr/bin/env python3
"""Check ``laotext.legacy`` against real LSWin (Saysettha Lao) text found in public repositories.

The samples file is a UTF-8 TSV with ``#`` comment lines first (sources and licences) and a header
row; this script uses its columns ``hex`` (the legacy bytes, as space-separated hexadecimal pairs),
``raw_cp1252_string`` (the same codes as the characters Word shows) and ``decoded_unicode`` (the
reference Unicode reading). The file is read where it is; nothing of it is copied. Its default place
is ``shared/data/legacy/lswin_real_samples_dev.tsv`` next to the repository.

For each row whose ``hex`` column parses as bytes:

* ``to_unicode(bytes, "lswin")`` and ``to_unicode(raw_cp1252_string, "lswin")`` are compared with
  ``decoded_unicode``, exactly and after ``laotext.normalize(expected, ho_ligatures=False,
  ho_lo=False, thai_lookalikes=False, zero_width=False)``: the reference keeps some repeated marks
  that the conversion removes, and that normalization removes them too;
* for samples of at least ``--min-chars`` (10) characters, ``detect_encoding`` must say ``lswin``,
  for the str and for the bytes.

Rows whose ``hex`` column does not parse are counted and skipped. The script prints the counts and
every mismatch, with the detection's evidence. It reports; it does not fail on a mismatch.

Run from the repository root, after ``pip install -e .``::

    python bench/check_lswin_samples.py
    python bench/check_lswin_samples.py --samples path/to/lswin_real_samples_dev.tsv --min-chars 15

Exits with status 2 if laotext cannot be imported or the samples file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import csv
import re
import shlex
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench import _common
else:  # run as a script, this folder is first on sys.path
    import _common

DEFAULT_SAMPLES = _common.REPO_ROOT.parent / "shared" / "data" / "legacy" / "lswin_real_samples_dev.tsv"
COLUMNS = ("hex", "raw_cp1252_string", "decoded_unicode")
HEX_PAIRS = re.compile(r"[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2})*")
#: Sample lengths, for the detection figures by length: (label, shortest, longest).
LENGTHS = (("10-14", 10, 14), ("15-19", 15, 19), ("20-29", 20, 29), ("30+", 30, sys.maxsize))


@dataclass
class Sample:
    """One row of the samples file with parsable bytes."""

    line: int
    data: bytes
    text: str
    expected: str
    label: str


def cp1252_reading(data: bytes) -> str:
    """The characters Word shows for *data* (undefined cp1252 bytes stay C1 controls)."""
    return "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in data)


def read_samples(path: Path) -> tuple[list[Sample], list[tuple[int, str]]] | str:
    """The rows with parsable bytes and the (line, reason) of each skipped row; or an error message."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return f"cannot read {path}: {error}"
    first = 0
    while first < len(lines) and lines[first].startswith("#"):
        first += 1
    reader = csv.DictReader(lines[first:], delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        return f"{path} has no column {', '.join(missing)} (header: {reader.fieldnames})"
    samples: list[Sample] = []
    skipped: list[tuple[int, str]] = []
    for number, row in enumerate(reader, start=first + 2):
        hex_text = (row.get("hex") or "").strip()
        if not HEX_PAIRS.fullmatch(hex_text):
            shown = hex_text if len(hex_text) <= 60 else hex_text[:57] + "..."
            skipped.append((number, f"hex column does not parse: {shown!r}"))
            continue
        label = row.get("en_label") or row.get("concept_uri") or row.get("source") or ""
        samples.append(
            Sample(
                number,
                bytes.fromhex(hex_text),
                row.get("raw_cp1252_string") or "",
                row.get("decoded_unicode") or "",
                label,
            )
        )
    return samples, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--samples", type=Path, default=DEFAULT_SAMPLES, help="samples TSV file (default: %(default)s)"
    )
    parser.add_argument(
        "--min-chars", type=int, default=10, help="shortest sample to detect (default: 10 characters)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    laotext = _common.import_laotext("normalize")
    try:
        from laotext.legacy import detect_encoding, to_unicode
    except ImportError as error:
        print(
            f"error: cannot import laotext.legacy ({error}); install it: pip install -e {_common.REPO_ROOT}"
        )
        return _common.EXIT_CANNOT_RUN
    path: Path = args.samples
    if not path.is_file():
        print(f"error: samples file not found: {path}")
        print(f"this script expects it at {DEFAULT_SAMPLES}, or give its place with --samples FILE")
        return _common.EXIT_CANNOT_RUN
    read = read_samples(path)
    if isinstance(read, str):
        print(f"error: {read}")
        return _common.EXIT_CANNOT_RUN
    samples, skipped = read

    environment = _common.environment_line("laotext")
    print(environment)
    print("command: " + shlex.join(["python", "bench/check_lswin_samples.py", *sys.argv[1:]]))
    print(f"samples: {path} ({len(samples) + len(skipped)} rows, {len(skipped)} skipped)")
    for number, reason in skipped:
        print(f"  skipped line {number}: {reason}")
    print()

    counts: Counter[str] = Counter()
    mismatches: list[str] = []
    detection_misses: list[str] = []
    by_length: dict[str, list[int]] = {label: [0, 0] for label, _, _ in LENGTHS}
    for sample in samples:
        expected = sample.expected
        normalized = laotext.normalize(
            expected, ho_ligatures=False, ho_lo=False, thai_lookalikes=False, zero_width=False
        )
        if sample.text != cp1252_reading(sample.data):
            counts["raw string is not the cp1252 reading of hex"] += 1
        for form, data in (("bytes", sample.data), ("str", sample.text)):
            got = to_unicode(data, "lswin")
            counts[f"{form} exact"] += got == expected
            counts[f"{form} normalized"] += got == normalized
            if got != normalized:
                mismatches.append(
                    f"line {sample.line} ({form}, {sample.label}): got {got!r}, expected {normalized!r}"
                    + (f" (reference as written: {expected!r})" if normalized != expected else "")
                )
            elif got != expected:
                mismatches.append(
                    f"line {sample.line} ({form}, {sample.label}): got {got!r}, reference {expected!r}; "
                    "equal after normalization"
                )
        if len(sample.text) < args.min_chars:
            continue
        counts["detection samples"] += 1
        bucket = next(label for label, low, high in LENGTHS if low <= len(sample.text) <= high)
        by_length[bucket][0] += 1
        for form, data in (("str", sample.text), ("bytes", sample.data)):
            detection = detect_encoding(data)
            right = detection.encoding == "lswin"
            counts[f"detected {form}"] += right
            if form == "str":
                by_length[bucket][1] += right
            if not right:
                detection_misses.append(
                    f"line {sample.line} ({form}, {len(sample.text)} chars, {sample.label}): "
                    f"{sample.text!r} -> {detection.encoding}: {detection.evidence}"
                )

    total = len(samples)
    detected = counts["detection samples"]

    def share(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f} %" if whole else "-"

    rows: list[list[object]] = [
        ["to_unicode(bytes) == reference", total, counts["bytes exact"], share(counts["bytes exact"], total)],
        [
            "to_unicode(bytes) == normalized reference",
            total,
            counts["bytes normalized"],
            share(counts["bytes normalized"], total),
        ],
        ["to_unicode(str) == reference", total, counts["str exact"], share(counts["str exact"], total)],
        [
            "to_unicode(str) == normalized reference",
            total,
            counts["str normalized"],
            share(counts["str normalized"], total),
        ],
        [
            f"detect_encoding(str) == lswin, >= {args.min_chars} chars",
            detected,
            counts["detected str"],
            share(counts["detected str"], detected),
        ],
        [
            f"detect_encoding(bytes) == lswin, >= {args.min_chars} chars",
            detected,
            counts["detected bytes"],
            share(counts["detected bytes"], detected),
        ],
    ]
    _common.print_table(["check", "samples", "passed", "rate"], rows, "lrrr")
    if counts["raw string is not the cp1252 reading of hex"]:
        print(
            f"note: in {counts['raw string is not the cp1252 reading of hex']} rows the raw_cp1252_string "
            "column is not the cp1252 reading of the hex column"
        )
        print()
    print("detect_encoding(str) by sample length:")
    print()
    _common.print_table(
        ["characters", "samples", "lswin", "rate"],
        [[label, whole, part, share(part, whole)] for label, (whole, part) in by_length.items() if whole],
        "lrrr",
    )
    print(f"conversion mismatches ({len(mismatches)}):")
    for line in mismatches:
        print(f"  {line}")
    print()
    print(f"detection misses ({len(detection_misses)}):")
    for line in detection_misses:
        print(f"  {line}")

    figures: dict[str, Any] = {key: int(value) for key, value in counts.items()}
    figures["samples"] = total
    figures["skipped"] = len(skipped)
    figures["detection_by_length"] = {
        label: {"samples": w, "lswin": p} for label, (w, p) in by_length.items()
    }
    _common.write_json(
        args.json,
        {
            "benchmark": "lswin samples",
            "environment": environment,
            "samples_file": str(path),
            "min_chars": args.min_chars,
            "figures": figures,
            "conversion_mismatches": mismatches,
            "detection_misses": detection_misses,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
