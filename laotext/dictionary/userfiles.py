"""User dictionaries: extra entries from CSV, TSV or JSON files, merged over the bundled ones.

A file holds one entry per row (CSV and TSV, with a header row) or per object (a JSON list).
Columns, by name in any order: ``headword`` (or ``lao``, ``word``), ``glosses`` (or ``english``,
``gloss``; several senses separated by ``;``), and optionally ``part_of_speech`` (or ``pos``),
``pronunciation`` and ``variants`` (separated by ``,``). Files must be UTF-8 (a byte order mark is
fine). A bad file raises :class:`~laotext.errors.DataError` naming the file and line.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "office.csv"
>>> _ = path.write_text("headword,english\\nຫ້ອງການ,office; bureau\\n", encoding="utf-8")
>>> [entry.glosses for entry in load_entries(path)]
[('office', 'bureau')]
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from laotext.dictionary.entries import Dictionary, Entry, bundled
from laotext.errors import DataError

__all__ = ["load_entries", "with_user_files"]

_COLUMNS = {
    "headword": ("headword", "lao", "word"),
    "glosses": ("glosses", "english", "gloss", "en"),
    "part_of_speech": ("part_of_speech", "pos", "type"),
    "pronunciation": ("pronunciation",),
    "variants": ("variants",),
}


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError(
            f"not UTF-8 (byte 0x{data[error.start]:02X}); save the file as UTF-8", path=str(path), line=line
        ) from None


def _entry(record: dict[str, object], path: Path, line: int) -> Entry:
    from laotext.normalize import normalize

    def field(name: str) -> str:
        for alias in _COLUMNS[name]:
            value = record.get(alias)
            if value is not None:
                if isinstance(value, list):
                    return "; ".join(str(item) for item in value)
                return str(value).strip()
        return ""

    headword, glosses = field("headword"), field("glosses")
    if not headword:
        raise DataError("no headword (column headword, lao or word)", path=str(path), line=line)
    if not glosses:
        raise DataError(f"no English for {headword!r} (column glosses or english)", path=str(path), line=line)
    standard = normalize(headword)
    variants = tuple(v.strip() for v in field("variants").split(",") if v.strip() and v.strip() != standard)
    if headword != standard:
        variants = (headword, *variants)
    return Entry(
        standard,
        variants,
        field("part_of_speech"),
        tuple(g.strip() for g in glosses.split(";") if g.strip()),
        field("pronunciation"),
        path.name,
    )


def _check_header(fields: Iterable[str] | None, path: Path) -> None:
    names = {name.strip().lower() for name in fields or ()}
    for required in ("headword", "glosses"):
        if not names & set(_COLUMNS[required]):
            raise DataError(
                f"the header row has no {required} column (accepted names: {', '.join(_COLUMNS[required])})",
                path=str(path),
                line=1,
            )


def load_entries(path: str | Path) -> list[Entry]:
    """The entries of the user dictionary file *path* (.csv, .tsv or .json)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".json"):
        raise DataError("a user dictionary must be a .csv, .tsv or .json file", path=str(path))
    text = _text(path)
    if suffix == ".json":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise DataError(f"invalid JSON: {error.msg}", path=str(path), line=error.lineno) from None
        if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
            raise DataError("the JSON must be a list of objects, one per entry", path=str(path))
        return [
            _entry({str(k).lower(): v for k, v in record.items()}, path, number)
            for number, record in enumerate(records, start=1)
        ]
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if suffix == ".tsv" else ",")
    _check_header(reader.fieldnames, path)
    entries = []
    for row in reader:
        record: dict[str, object] = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        if None in row:
            raise DataError("more values than columns", path=str(path), line=reader.line_num)
        entries.append(_entry(record, path, reader.line_num))
    return entries


def with_user_files(*paths: str | Path, base: Dictionary | None = None) -> Dictionary:
    """The bundled dictionary (or *base*) with the entries of *paths* merged over it, in order."""
    dictionary = base if base is not None else bundled()
    for path in paths:
        dictionary = dictionary.merged(load_entries(path))
    return dictionary
