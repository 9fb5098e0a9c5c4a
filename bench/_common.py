"""Helpers shared by the benchmark scripts in this folder: statistics, tables, paths, optional peers.

Not a benchmark itself. The scripts import it as ``_common``, which works because Python puts the
script's own folder first on ``sys.path`` when you run ``python bench/<script>.py``.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, cast

#: The repository root (the folder holding ``pyproject.toml``).
REPO_ROOT = Path(__file__).resolve().parents[1]
#: The shared evaluation folder that sits next to the repository.
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "eval" / "raw" / "ntrex128_lao.txt"

#: Exit status for "cannot run": the subject is not importable or an input file is missing.
EXIT_CANNOT_RUN = 2

#: How to install each optional peer.
PEER_INSTALL = {
    "laonlp": "pip install laonlp",
    "pythainlp": "pip install pythainlp",
}


def median(values: Sequence[float]) -> float:
    """Return the median of *values* (which must not be empty)."""
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """Return the *pct*-th percentile of *values* by the nearest-rank method (no interpolation)."""
    if not values:
        raise ValueError("percentile of an empty sequence")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return float(ordered[rank - 1])


def ratio(value: float, reference: float) -> str:
    """Format ``value / reference`` as ``"1.23x"``, or ``"-"`` when the reference is zero."""
    if reference <= 0:
        return "-"
    return f"{value / reference:.2f}x"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> str:
    """Return *rows* as a plain-text table.

    *align* has one letter per column, ``l`` or ``r``; columns it does not cover are left-aligned when
    first and right-aligned otherwise.
    """
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    sides = [
        align[index] if index < len(align) else ("l" if index == 0 else "r") for index in range(len(widths))
    ]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.ljust(widths[index]) if sides[index] == "l" else cell.rjust(widths[index])
            for index, cell in enumerate(row)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(list(headers)), rule, *(line(row) for row in cells)])


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> None:
    """Print :func:`format_table` followed by a blank line."""
    print(format_table(headers, rows, align))
    print()


def import_optional(name: str) -> ModuleType | None:
    """Import the optional peer *name*, or print a ``skipped:`` line and return ``None``."""
    try:
        return importlib.import_module(name)
    except ImportError:
        hint = PEER_INSTALL.get(name, f"pip install {name}")
        print(f"skipped: {name} not installed ({hint})")
        return None


def import_laotext(*needed: str) -> ModuleType:
    """Import laotext and check it has the attributes *needed*; exit with status 2 if not."""
    try:
        module = importlib.import_module("laotext")
    except ImportError as error:
        print(f"error: cannot import laotext ({error}); install it with: pip install -e {REPO_ROOT}")
        raise SystemExit(EXIT_CANNOT_RUN) from None
    missing = [name for name in needed if not hasattr(module, name)]
    if missing:
        print(
            f"error: the installed laotext ({module.__file__}) has no "
            + ", ".join(f"laotext.{name}" for name in missing)
        )
        raise SystemExit(EXIT_CANNOT_RUN)
    return module


#: Where laonlp keeps (or might keep) a Lao normalization function, best first. laonlp 1.3 has no
#: general normalizer; its only one reorders a tone mark typed before an above or below vowel.
LAONLP_NORMALIZERS = (
    ("laonlp.util", "normalize"),
    ("laonlp.tokenize.syllable", "normalize_tone_marks"),
)


def find_laonlp_normalizer() -> tuple[Callable[[str], str] | None, str]:
    """Return laonlp's Lao normalization function and its dotted name.

    Returns ``(None, reason)`` when laonlp is not installed or has none of :data:`LAONLP_NORMALIZERS`.
    """
    for module_name, attribute in LAONLP_NORMALIZERS:
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            if error.name is not None and error.name.split(".")[0] == "laonlp":
                if importlib.util.find_spec("laonlp") is None:
                    return None, "laonlp not installed"
                continue
            raise
        function = getattr(module, attribute, None)
        if callable(function):  # called directly, so that timings carry no wrapper overhead
            return cast("Callable[[str], str]", function), f"{module_name}.{attribute}"
    return None, "laonlp has no Lao normalization function (looked for " + ", ".join(
        f"{module}.{name}" for module, name in LAONLP_NORMALIZERS
    ) + ")"


def version_of(distribution: str) -> str:
    """Return the installed version of *distribution*, or ``"not installed"``."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def environment_line(*distributions: str) -> str:
    """Describe the interpreter, machine and package versions in one line for the report header."""
    versions = ", ".join(f"{name} {version_of(name)}" for name in distributions)
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; {versions}"
    )


def write_json(path: Path | None, payload: dict[str, Any]) -> None:
    """Write *payload* as JSON to *path* (creating its folder) when a path was given."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


def read_corpus(corpus: Path) -> str | None:
    """The text of a UTF-8 Lao corpus, or None after saying why it cannot be read."""
    if not corpus.is_file():
        print(f"error: Lao corpus not found: {corpus}")
        print("pass a UTF-8 Lao text file with --corpus FILE")
        return None
    try:
        return corpus.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        print(f"error: {corpus} is not UTF-8 ({error})")
        return None


def english_texts(paths: Sequence[Path]) -> list[tuple[str, str]] | str:
    """The given English text files with their names, else the Python Language Reference
    (``pydoc_data.topics``); or a message saying why they cannot be read."""
    texts: list[tuple[str, str]] = []
    for path in paths:
        try:
            texts.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            return f"cannot read {path}: {error}"
    if not paths:
        try:
            from pydoc_data import topics
        except ImportError:
            return "this Python has no pydoc_data.topics; pass English text files with --english FILE"
        texts.append(("pydoc_data.topics (Python Language Reference)", "\n\n".join(topics.topics.values())))
    return texts
