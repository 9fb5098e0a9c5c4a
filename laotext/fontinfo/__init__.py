"""Font utilities for Lao: the bundled fonts, inspection, legacy-font recognition, coverage, subsetting.

No module here imports fontTools at import time: each function imports it when it first needs it.
The same names are available from :mod:`laotext.fonts`.

>>> from laotext import fontinfo
>>> fontinfo.path("Phetsarath").suffix
'.woff2'
"""

from laotext.fontinfo._load import FontError, FontSource
from laotext.fontinfo.bundled import BundledFont, available, find_font, path
from laotext.fontinfo.coverage import CoverageReport, MissingChar, coverage
from laotext.fontinfo.inspect import FontReport, assigned_lao, inspect
from laotext.fontinfo.legacy import LayoutMatch, LegacyLayout, detect_layout
from laotext.fontinfo.subset import SubsetReport, subset

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
