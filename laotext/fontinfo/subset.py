"""A web font with only the glyphs a form or page needs, keeping the font's Lao shaping.

:func:`subset` runs :mod:`fontTools.subset` with every layout feature and script kept, so the
``'lao '`` script and its GSUB/GPOS features (ccmp, mark, mkmk, liga …) survive for the glyphs that
remain, and glyphs reachable through those features (stacked marks, ligatures) are kept too. The
name table is kept whole, so the copyright and licence travel with the subset, as the SIL Open Font
License asks.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     report = subset("Phetsarath", "ສະບາຍດີ ທີ່ ນີ້", pathlib.Path(folder) / "form.woff2")
>>> report.missing, report.lost_features, report.bytes < report.original_bytes
('', (), True)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from laotext.errors import UnknownOptionError, require_str
from laotext.fontinfo._load import FontError, FontSource, open_font
from laotext.fontinfo.bundled import find_font
from laotext.fontinfo.inspect import lao_features

__all__ = ["FLAVORS", "SubsetReport", "subset"]

#: Output formats: WOFF2 (smallest, for the web), WOFF, or plain TrueType/OpenType (``"ttf"``).
FLAVORS = ("woff2", "woff", "ttf")
#: Characters always kept when the font has them: space, no-break space and the dotted circle that
#: shapers show under a mark with no base.
ALWAYS_KEPT = " \u00a0\u25cc"


@dataclass(frozen=True)
class SubsetReport:
    """The subset font written by :func:`subset` and what it kept.

    ``characters`` are the code points the subset maps; ``missing`` the characters of the text the
    font never had (they stay missing). ``lost_features`` lists the features reachable from the Lao
    (or default) script in the original that the subset no longer has.
    """

    output: str
    flavor: str
    bytes: int
    original_bytes: int
    glyphs: int
    original_glyphs: int
    characters: str
    missing: str
    lao_scripts: tuple[str, ...]
    gsub_features: tuple[str, ...]
    gpos_features: tuple[str, ...]
    lost_features: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "output": self.output,
            "flavor": self.flavor,
            "bytes": self.bytes,
            "original_bytes": self.original_bytes,
            "glyphs": self.glyphs,
            "original_glyphs": self.original_glyphs,
            "characters": self.characters,
            "missing": [f"U+{ord(char):04X}" for char in self.missing],
            "lao_scripts": list(self.lao_scripts),
            "gsub_features": list(self.gsub_features),
            "gpos_features": list(self.gpos_features),
            "lost_features": list(self.lost_features),
        }


def _layout(font: Any) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    gsub_lao, gsub = lao_features(font, "GSUB")
    gpos_lao, gpos = lao_features(font, "GPOS")
    return tuple(tag for tag, has in (("GSUB", gsub_lao), ("GPOS", gpos_lao)) if has), gsub, gpos


def subset(
    font: FontSource, text: str, output: str | os.PathLike[str], *, flavor: str = "woff2"
) -> SubsetReport:
    """Write to *output* a subset of *font* (a path or bundled font name) with the glyphs *text* needs.

    *flavor* is ``"woff2"``, ``"woff"`` or ``"ttf"``. Raises :class:`~laotext.fontinfo.FontError`
    if the font cannot be read or the output cannot be written.
    """
    from fontTools import subset as ftsubset  # type: ignore[import-untyped]

    require_str(text, "subset")
    if flavor not in FLAVORS:
        raise UnknownOptionError("flavor", flavor, list(FLAVORS))
    source = find_font(font)
    target = Path(output)
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise FontError("refusing to overwrite the input font; choose another output file", path=str(target))
    original, _ = open_font(source)
    try:
        cmap = original.getBestCmap() or {}
        original_glyphs = len(original.getGlyphOrder())
        before = _layout(original)
    finally:
        original.close()
    wanted = set(text) | set(ALWAYS_KEPT)
    missing = "".join(sorted({char for char in text if ord(char) not in cmap and char.isprintable()}))
    options = ftsubset.Options()
    options.layout_features = ["*"]
    options.layout_scripts = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.flavor = None if flavor == "ttf" else flavor
    try:
        working = ftsubset.load_font(str(source), options, dontLoadGlyphNames=True)
        subsetter = ftsubset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(char) for char in wanted if ord(char) in cmap))
        subsetter.subset(working)
        after = _layout(working)
        kept = "".join(chr(point) for point in sorted(working.getBestCmap() or {}))
        glyphs = len(working.getGlyphOrder())
    except FontError:
        raise
    except Exception as error:  # fontTools fails in many ways on a broken font
        raise FontError(f"cannot subset this font ({error})", path=str(source)) from None
    temporary = target.with_name(f".{target.name}.partial")
    try:
        ftsubset.save_font(working, str(temporary), options)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FontError(f"cannot write the subset font: {error.strerror}", path=str(target)) from None
    finally:
        working.close()
    lost = tuple(sorted((set(before[1]) | set(before[2])) - (set(after[1]) | set(after[2]))))
    return SubsetReport(
        output=str(target),
        flavor=flavor,
        bytes=target.stat().st_size,
        original_bytes=source.stat().st_size,
        glyphs=glyphs,
        original_glyphs=original_glyphs,
        characters=kept,
        missing=missing,
        lao_scripts=after[0],
        gsub_features=after[1],
        gpos_features=after[2],
        lost_features=lost,
    )
