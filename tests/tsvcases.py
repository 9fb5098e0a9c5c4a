"""Read the hand-checked test cases in ``tests/cases/*.tsv``.

File format: UTF-8, one case per line, columns separated by a tab. Lines starting with ``#`` and
blank lines are comments. The first other line names the columns. Every row must have one value per
column; the last column (``xfail``) may be left off when it is empty.

Text cells are written with real Lao characters. Characters that cannot be seen or that a TSV file
cannot hold are written as escapes, which :func:`unescape` decodes:

* ``\\uXXXX`` and ``\\UXXXXXXXX``: the code point with that hexadecimal number;
* ``\\t``, ``\\n``, ``\\r``: tab, line feed, carriage return;
* ``\\\\``: one backslash.

Only these sequences are decoded; every other character, Lao included, stands for itself. A space at
the start or end of a cell is written ``\\u0020`` so that editors do not strip it.

A non-empty ``xfail`` cell is a known bug in the library: the case keeps the expected value and is
marked ``pytest.mark.xfail(strict=True)`` with the cell as the reason, so it fails loudly once the
library is fixed and the mark can go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).resolve().parent / "cases"

_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[ntr\\])")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def unescape(cell: str) -> str:
    r"""Decode the escapes of a TSV cell (see the module docstring).

    >>> unescape(r"ສະບາຍ\u200bດີ") == "ສະບາຍ\u200bດີ"
    True
    >>> unescape(r"a\\u0041\tb")
    'a\\u0041\tb'
    """

    def decode(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] in "uU":
            return chr(int(escape[1:], 16))
        return _SIMPLE_ESCAPES[escape]

    return _ESCAPE.sub(decode, cell)


@dataclass(frozen=True)
class Row:
    """One case: its label, its cells by column name (not yet unescaped) and its line number."""

    label: str
    cells: dict[str, str]
    path: Path
    line: int

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def text(self, column: str) -> str:
        """The cell as text, escapes decoded."""
        return unescape(self.cells[column])

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def read_rows(name: str, columns: tuple[str, ...]) -> list[Row]:
    """Return the rows of ``tests/cases/<name>``, checking the header and the shape of every row."""
    path = CASES_DIR / name
    rows: list[Row] = []
    header: list[str] | None = None
    labels: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != columns:
                raise ValueError(f"{path.name}:{number}: columns are {header}, expected {list(columns)}")
            continue
        if len(cells) == len(header) - 1 and header[-1] == "xfail":
            cells.append("")
        if len(cells) != len(header):
            raise ValueError(f"{path.name}:{number}: {len(cells)} cells, expected {len(header)}")
        label = cells[0]
        if not label or label in labels:
            raise ValueError(f"{path.name}:{number}: empty or repeated label {label!r}")
        labels.add(label)
        rows.append(Row(label, dict(zip(header, cells, strict=True)), path, number))
    if header is None:
        raise ValueError(f"{path.name}: no header row")
    return rows


def params(rows: list[Row]) -> list[Any]:
    """Turn rows into ``pytest.param`` objects with the label as id and the xfail mark where given."""
    out = []
    for row in rows:
        reason = row.cells.get("xfail", "").strip()
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(row, id=row.label, marks=marks))
    return out


def split_list(cell: str, separator: str = ",") -> list[str]:
    """A list cell: ``-`` is the empty list, otherwise items separated by *separator*."""
    if cell == "-":
        return []
    return [item.strip() for item in cell.split(separator)]
