"""The fonts shipped with laotext (package ``laotext.fonts``), by family name and weight.

All are under the SIL Open Font License 1.1; data/SOURCES.md says where each file comes from. Names
match whatever their case, spaces and hyphens; a weight word after the name (``"Phetsarath Bold"``)
chooses the weight.

>>> [font.family for font in available() if font.weight == "regular"]
['Phetsarath', 'Noto Sans Lao', 'Noto Looped Lao']
>>> path("phetsarath", "bold").name
'Phetsarath-Bold.woff2'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from laotext.fontinfo._load import FontError, FontSource, resource_path

__all__ = ["BUNDLED", "WEIGHTS", "BundledFont", "available", "find_font", "path"]

#: Weight names and the CSS weights they stand for.
WEIGHTS = {"regular": 400, "bold": 700}


@dataclass(frozen=True)
class BundledFont:
    """One bundled font file: its family, weight, file name in ``laotext.fonts`` and licence file."""

    family: str
    weight: str
    filename: str
    licence_file: str
    description: str

    @property
    def format(self) -> str:
        """The file's format, from its extension (``ttf`` or ``woff2``)."""
        return self.filename.rsplit(".", 1)[-1]

    def path(self) -> Path:
        """A file system path of the font (extracted to a temporary file if laotext is zipped)."""
        return resource_path(self.filename)


_FAMILIES = (
    (
        "Phetsarath",
        "Phetsarath",
        "woff2",
        "OFL-Phetsarath.txt",
        "the Lao national standard font (Ministry of Posts and Telecommunications, Laos); Lao subset",
    ),
    ("Noto Sans Lao", "NotoSansLao", "ttf", "OFL-Noto.txt", "Google Noto, unlooped Lao design"),
    (
        "Noto Looped Lao",
        "NotoLoopedLao",
        "ttf",
        "OFL-Noto.txt",
        "Google Noto, looped Lao design; also the Pali letters and Khmu ໞ ໟ",
    ),
)

#: Every bundled font file, keyed by (family, weight).
BUNDLED: dict[tuple[str, str], BundledFont] = {
    (family, weight): BundledFont(family, weight, f"{stem}-{weight.title()}.{ext}", licence, description)
    for family, stem, ext, licence, description in _FAMILIES
    for weight in WEIGHTS
}

_SEPARATORS = re.compile(r"[\s_-]+")


def _fold(name: str) -> str:
    return _SEPARATORS.sub("", name.strip().lower())


def available() -> list[BundledFont]:
    """Every bundled font file, family by family, regular before bold.

    >>> len(available()), available()[0].filename
    (6, 'Phetsarath-Regular.woff2')
    """
    return list(BUNDLED.values())


def _lookup(name: str, weight: str | int) -> BundledFont | None:
    folded = _fold(name)
    weight_name = _weight_name(weight)
    for (family, font_weight), font in BUNDLED.items():
        if font_weight != weight_name:
            continue
        if folded == _fold(family):
            return font
    for word in WEIGHTS:
        if folded.endswith(word):
            return _lookup(folded[: -len(word)], word) if folded[: -len(word)] else None
    return None


def _weight_name(weight: str | int) -> str:
    if isinstance(weight, int) and not isinstance(weight, bool):
        for name, value in WEIGHTS.items():
            if value == weight:
                return name
    elif isinstance(weight, str) and weight.strip().lower() in WEIGHTS:
        return weight.strip().lower()
    raise FontError(f"unknown font weight {weight!r}; bundled weights: regular (400), bold (700)")


def path(name: str, weight: str | int = "regular") -> Path:
    """The file system path of the bundled font *name* in *weight* (``"regular"``/400, ``"bold"``/700).

    >>> path("Noto Looped Lao").name, path("Noto Sans Lao Bold").name
    ('NotoLoopedLao-Regular.ttf', 'NotoSansLao-Bold.ttf')
    """
    if not isinstance(name, str):
        raise TypeError(f"path() expects a font name (str), not {type(name).__name__}")
    font = _lookup(name, weight)
    if font is None:
        families = ", ".join(sorted({family for family, _ in BUNDLED}))
        raise FontError(
            f"no bundled font called {name!r}; bundled fonts: {families} (see `laotext fonts list`)"
        )
    return font.path()


def find_font(font: FontSource) -> Path:
    """The file of *font*: an existing file path, else the bundled font of that name (regular weight).

    >>> find_font("Phetsarath").name
    'Phetsarath-Regular.woff2'
    """
    if not isinstance(font, (str, os.PathLike)):
        raise TypeError(f"a font must be a path or a bundled font name, not {type(font).__name__}")
    given = Path(font)
    if given.exists() or not isinstance(font, str):
        return given
    bundled = _lookup(font, "regular")
    if bundled is not None:
        return bundled.path()
    if given.suffix.lower() in {".ttf", ".otf", ".woff", ".woff2", ".ttc"} or os.sep in font:
        raise FontError(
            "no such font file; give the path of a .ttf, .otf, .woff or .woff2 file", path=str(font)
        )
    families = ", ".join(sorted({family for family, _ in BUNDLED}))
    raise FontError(f"no font file {font!r} and no bundled font of that name; bundled fonts: {families}")
