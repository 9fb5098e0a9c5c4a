"""The legacy Lao encodings laotext knows, by name: one entry and one table file each.

>>> get_encoding("Saysettha Lao").name
'lswin'
>>> [encoding.name for encoding in encodings()]
['lswin', 'keyboard', 'cp1133', 'mulelao-1']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from laotext import _data
from laotext.errors import UnknownEncodingError
from laotext.legacy.tables import LegacyTable, load_table, parse_table

__all__ = ["ENCODINGS", "Encoding", "encodings", "get_encoding", "normalize_name", "resolve_table"]


@dataclass(frozen=True)
class Encoding:
    """A legacy encoding: its name, other names it goes by, what it is, and its bundled table."""

    name: str
    aliases: tuple[str, ...]
    description: str
    table_file: str

    def table(self) -> LegacyTable:
        """The code table, read on first use."""
        return _bundled_table(self.name, self.table_file)

    @property
    def keeps_ascii(self) -> bool:
        """Whether ASCII text (English, numbers) inside the legacy text stays as it is."""
        return self.table().keeps_ascii


@cache
def _bundled_table(name: str, table_file: str) -> LegacyTable:
    return parse_table(_data.read_text(f"encodings/{table_file}"), name=name, path=f"encodings/{table_file}")


#: Every encoding, by name.
ENCODINGS: dict[str, Encoding] = {
    encoding.name: encoding
    for encoding in (
        Encoding(
            "lswin",
            ("saysettha-lao", "chanthabouli-lao", "saysettha", "lao-script-for-windows"),
            "the upper-ASCII coding of the Lao Script for Windows fonts (Saysettha Lao, Chanthabouli Lao): "
            "most legacy Lao office documents; English and numbers stay ASCII",
            "lswin.tsv",
        ),
        Encoding(
            "keyboard",
            ("lao-keyboard", "lowascii", "boupha"),
            "lower-ASCII keyboard-position fonts (Boupha, Nakkham, Sengdao, Duangdao, Kittivong, Phattana): "
            "each key's code shows the Lao character printed on that key",
            "keyboard.tsv",
        ),
        Encoding(
            "cp1133",
            ("ibm-1133", "ibm1133", "ibm-cp1133", "cp-1133"),
            "IBM code page 1133 (IBM Lao), 8-bit with ASCII in the lower half",
            "cp1133.tsv",
        ),
        Encoding(
            "mulelao-1",
            ("mulelao", "mule-lao", "mulelao1", "mule-lao-1"),
            "MuleLao-1, the X11 and Emacs font encoding, 8-bit with ASCII in the lower half",
            "mulelao-1.tsv",
        ),
    )
}


def normalize_name(name: str) -> str:
    """Fold an encoding or alias name the way codec names are folded (case, spaces, ``_`` and ``-``).

    >>> normalize_name(" Saysettha_Lao ")
    'saysettha-lao'
    """
    return "-".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for encoding in ENCODINGS.values():
        for name in (encoding.name, *encoding.aliases):
            names[normalize_name(name)] = encoding.name
            names[normalize_name(name).replace("-", "")] = encoding.name
    return names


def encodings() -> list[Encoding]:
    """Every encoding laotext knows, in the order of :data:`ENCODINGS`."""
    return list(ENCODINGS.values())


def get_encoding(name: str) -> Encoding:
    """The encoding called *name* (or one of its aliases), else :class:`UnknownEncodingError`.

    >>> get_encoding("IBM1133").name
    'cp1133'
    """
    if not isinstance(name, str):
        raise TypeError(f"an encoding name must be a str, not {type(name).__name__}")
    folded = normalize_name(name)
    found = _names().get(folded) or _names().get(folded.replace("-", ""))
    if found is None:
        raise UnknownEncodingError(name, list(ENCODINGS))
    return ENCODINGS[found]


def resolve_table(encoding: str, table: LegacyTable | str | Path | None) -> LegacyTable:
    """The table to use: *table* (a :class:`LegacyTable` or a table file) if given, else *encoding*'s."""
    if table is None:
        return get_encoding(encoding).table()
    if isinstance(table, LegacyTable):
        return table
    if isinstance(table, (str, Path)):
        return load_table(table)
    raise TypeError(f"table must be a LegacyTable or a path to a table file, not {type(table).__name__}")
