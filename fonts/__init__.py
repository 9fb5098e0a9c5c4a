"""Fonts shipped with laotext, and the font tools of :mod:`laotext.fontinfo` under a short name.

The font files (Phetsarath, Noto Sans Lao, Noto Looped Lao; SIL OFL 1.1) and their licence files
sit in this package; laotext/data/SOURCES.md gives their provenance. Importing this package loads
nothing else: ``laotext.fonts.inspect`` and the other names are imported on first use.

>>> import laotext.fonts
>>> [font.filename for font in laotext.fonts.available()][:2]
['Phetsarath-Regular.woff2', 'Phetsarath-Bold.woff2']
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from laotext.fontinfo import (
        BundledFont,
        CoverageReport,
        FontError,
        FontReport,
        FontSource,
        LayoutMatch,
        LegacyLayout,
        MissingChar,
        SubsetReport,
        assigned_lao,
        available,
        coverage,
        detect_layout,
        find_font,
        inspect,
        path,
        subset,
    )

__all__ = [
    "BundledFont",
    "CoverageReport",
    "FontError",
    "FontReport",
    "FontSource",
    "LayoutMatch",
    "LegacyLayout",
    "MissingChar",
    "SubsetReport",
    "assigned_lao",
    "available",
    "coverage",
    "detect_layout",
    "find_font",
    "inspect",
    "path",
    "subset",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module("laotext.fontinfo"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
