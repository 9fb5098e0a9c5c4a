"""Which characters of a text a font cannot render, and where they are.

Control characters (line ends, tabs) and invisible format characters (category Cf: zero-width
space, joiners, soft hyphen, byte order mark) are not counted: renderers draw nothing for them.
The check is one pass over the text.

>>> report = coverage("Phetsarath", "ພາສາລາວ ຆ\\n2025")
>>> report.ok, [(m.char, m.line, m.column) for m in report.missing]
(False, [('ຆ', 1, 9)])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from laotext.chars import char_name, general_category
from laotext.errors import require_str
from laotext.fontinfo._load import FontError, FontSource, open_font
from laotext.fontinfo.bundled import find_font

__all__ = ["CoverageReport", "MissingChar", "coverage", "font_codepoints"]


@dataclass(frozen=True)
class MissingChar:
    """One character the font has no glyph for: 0-based ``position`` in the text, 1-based line and column."""

    position: int
    char: str
    line: int
    column: int

    @property
    def codepoint(self) -> str:
        """The character as ``U+XXXX``."""
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        """The character's Unicode name (Lao names from laotext's own table)."""
        return char_name(self.char, "")


@dataclass(frozen=True)
class CoverageReport:
    """The characters of a text that ``font`` cannot render (``missing``, in text order)."""

    font: str
    family: str
    characters: int
    missing: tuple[MissingChar, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Whether the font renders every character of the text."""
        return not self.missing

    @property
    def missing_chars(self) -> str:
        """The distinct missing characters, in order of first appearance."""
        return "".join(dict.fromkeys(item.char for item in self.missing))

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "font": self.font,
            "family": self.family,
            "characters": self.characters,
            "ok": self.ok,
            "missing_chars": [
                {"char": char, "codepoint": f"U+{ord(char):04X}", "name": char_name(char, "")}
                for char in self.missing_chars
            ],
            "missing": [
                {
                    "position": item.position,
                    "line": item.line,
                    "column": item.column,
                    "char": item.char,
                    "codepoint": item.codepoint,
                }
                for item in self.missing
            ],
        }


def _needs_glyph(char: str) -> bool:
    return general_category(char) not in ("Cc", "Cf")


def font_codepoints(font: FontSource) -> tuple[str, frozenset[int]]:
    """The family name and the mapped code points of *font* (a path or a bundled font name)."""
    path = find_font(font)
    ttfont, _ = open_font(path)
    try:
        cmap = ttfont.getBestCmap() or {}
        name = ttfont["name"]
        family = str(name.getDebugName(16) or name.getDebugName(1) or "")
    except Exception as error:  # a broken character map
        raise FontError(f"cannot read the font's character map ({error})", path=str(path)) from None
    finally:
        ttfont.close()
    return family, frozenset(cmap)


def coverage(font: FontSource, text: str) -> CoverageReport:
    """The characters of *text* that *font* (a path or a bundled font name) has no glyph for.

    >>> coverage("Noto Looped Lao", "ພາສາລາວ ຆ").ok
    True
    """
    require_str(text, "coverage")
    family, points = font_codepoints(font)
    missing: list[MissingChar] = []
    line, line_start = 1, 0
    for position, char in enumerate(text):
        if char == "\n":
            line, line_start = line + 1, position + 1
            continue
        if ord(char) not in points and _needs_glyph(char):
            missing.append(MissingChar(position, char, line, position - line_start + 1))
    return CoverageReport(font=str(font), family=family, characters=len(text), missing=tuple(missing))
