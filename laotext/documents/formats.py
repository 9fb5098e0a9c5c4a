"""The document formats laotext converts, in a registry keyed by file suffix.

Each format names the module that converts it; the module is imported when a file of that
format is first met. A module's ``convert(source, target, tally)`` reads the file *source*,
writes the converted document to the binary stream *target* and records what it did in the
:class:`~laotext.documents.report.Tally`.

>>> format_for("Report 2010.DOCX").name
'docx'
>>> format_for("notes.pdf") is None
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from laotext.documents.report import Tally

__all__ = ["FORMATS", "Converter", "DocumentFormat", "format_for"]

Converter = Callable[[Path, IO[bytes], Tally], None]


@dataclass(frozen=True)
class DocumentFormat:
    """One format: its name, the suffixes it is recognised by, and the module converting it.

    ``via`` is the format a file is first turned into by LibreOffice (old binary Office files),
    which is then also the suffix of the output.
    """

    name: str
    suffixes: tuple[str, ...]
    module: str
    description: str
    via: str | None = None

    def converter(self) -> Converter:
        """The module's ``convert`` function (imported on first use)."""
        return cast(Converter, importlib.import_module(self.module).convert)

    def output_suffix(self, suffix: str) -> str:
        """The suffix of the converted file for an input with *suffix*."""
        return f".{self.via}" if self.via else suffix


FORMATS: dict[str, DocumentFormat] = {
    fmt.name: fmt
    for fmt in (
        DocumentFormat("docx", (".docx", ".docm", ".dotx"), "laotext.documents.docx", "Word document"),
        DocumentFormat("xlsx", (".xlsx", ".xlsm"), "laotext.documents.xlsx", "Excel workbook"),
        DocumentFormat("pptx", (".pptx", ".pptm"), "laotext.documents.pptx", "PowerPoint presentation"),
        DocumentFormat(
            "odf", (".odt", ".ods", ".odp"), "laotext.documents.odf", "OpenDocument text, sheet or slides"
        ),
        DocumentFormat("rtf", (".rtf",), "laotext.documents.rtf", "Rich Text Format"),
        DocumentFormat("html", (".html", ".htm"), "laotext.documents.html", "web page"),
        DocumentFormat("text", (".txt",), "laotext.documents.text", "plain text"),
        DocumentFormat("csv", (".csv",), "laotext.documents.text", "comma-separated values"),
        DocumentFormat(
            "doc", (".doc",), "laotext.documents.office", "old Word document (via LibreOffice)", "docx"
        ),
        DocumentFormat(
            "xls", (".xls",), "laotext.documents.office", "old Excel workbook (via LibreOffice)", "xlsx"
        ),
        DocumentFormat(
            "ppt", (".ppt",), "laotext.documents.office", "old PowerPoint file (via LibreOffice)", "pptx"
        ),
    )
}

_BY_SUFFIX = {suffix: fmt for fmt in FORMATS.values() for suffix in fmt.suffixes}


def format_for(path: str | Path) -> DocumentFormat | None:
    """The format of the file at *path*, judged by its suffix, or None if laotext does not convert it."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())
