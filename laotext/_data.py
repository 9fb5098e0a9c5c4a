"""The one place that opens files shipped in ``laotext.data``.

Everything is read on first use and cached with :func:`functools.cache`; nothing is read at import
time. Tables are UTF-8 TSV files whose leading ``#`` lines name their source and licence, followed
by one header row.

>>> rows = read_tsv("unicode_lao.tsv")
>>> rows[0]["code"], rows[0]["name"]
('0E81', 'LAO LETTER KO')
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from laotext.errors import DataError

_PACKAGE = "laotext.data"


@cache
def read_text(name: str) -> str:
    """Return the text of the data file *name*."""
    from importlib.resources import files  # imported on first use: it is slow to import

    try:
        return files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("bundled data file is missing; reinstall laotext", path=name) from None


def read_text_once(name: str) -> str:
    """Return the text of the data file *name* without keeping it: for large files that their reader
    turns into its own (cached) structure, so that the text is not held twice."""
    from importlib.resources import files

    try:
        return files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("bundled data file is missing; reinstall laotext", path=name) from None


def data_rows(text: str, name: str, columns: int) -> Iterator[list[str]]:
    """Yield the rows of TSV *text* (after its ``#`` lines and header row), each with *columns*
    values, one at a time (so that a large file is never held as a list of rows)."""
    import io

    lines = (line.rstrip("\n") for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    next(lines, None)  # the header row
    for number, line in enumerate(lines, start=2):
        fields = line.split("\t")
        if len(fields) != columns:
            raise DataError(f"row does not have {columns} values", path=name, line=number)
        yield fields


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of the TSV data file *name* as dicts keyed by its header row."""
    import csv

    lines = [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = tuple(reader)
    expected = len(reader.fieldnames or ())
    for number, row in enumerate(rows, start=2):
        if None in row or len(row) != expected or any(value is None for value in row.values()):
            raise DataError("row does not have one value per column", path=name, line=number)
    return rows


@cache
def read_json(name: str) -> Any:
    """Return the parsed JSON data file *name* (treat it as read-only: it is shared)."""
    import json

    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as error:
        raise DataError(f"invalid JSON: {error.msg}", path=name, line=error.lineno) from None
