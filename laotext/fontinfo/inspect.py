"""What a font is and what it can do for Lao: names, licence, Lao coverage, shaping, legacy layout.

>>> report = inspect("Noto Looped Lao")
>>> report.family, report.lao_coverage
('Noto Looped Lao', '82/83')
>>> report.has_lao_shaping, report.legacy is None
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from laotext import _data
from laotext.chars import KHMU_CONSONANTS, PALI_CONSONANTS
from laotext.fontinfo._load import FontError, FontSource, open_font
from laotext.fontinfo.bundled import find_font
from laotext.fontinfo.legacy import LegacyLayout, detect_layout

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

__all__ = ["LAO_SCRIPT", "FontReport", "assigned_lao", "inspect", "lao_features"]

#: The OpenType script tag of Lao.
LAO_SCRIPT = "lao "


@cache
def assigned_lao() -> str:
    """The assigned code points of the Lao block, in code point order (from ``data/unicode_lao.tsv``).

    >>> len(assigned_lao()), assigned_lao()[:3]
    (83, 'ກຂຄ')
    """
    return "".join(chr(int(row["code"], 16)) for row in _data.read_tsv("unicode_lao.tsv"))


@dataclass(frozen=True)
class FontReport:
    """What :func:`inspect` found in one font file.

    ``lao_covered``/``lao_missing`` split the assigned Lao code points by whether the font maps
    them. ``lao_scripts`` are the layout tables (GSUB, GPOS) that have a ``'lao '`` script, and
    ``gsub_features``/``gpos_features`` the features reachable from it (from the default script if
    the font has no Lao one). ``legacy`` is set for a legacy Lao font (see
    :mod:`laotext.fontinfo.legacy`).
    """

    path: str
    format: str
    family: str
    subfamily: str
    full_name: str
    version: str
    copyright: str
    licence: str
    licence_url: str
    glyph_count: int
    codepoint_count: int
    lao_covered: str
    lao_missing: str
    lao_scripts: tuple[str, ...]
    gsub_features: tuple[str, ...]
    gpos_features: tuple[str, ...]
    legacy: LegacyLayout | None

    @property
    def lao_coverage(self) -> str:
        """Covered over assigned Lao code points, as ``"65/83"``."""
        return f"{len(self.lao_covered)}/{len(self.lao_covered) + len(self.lao_missing)}"

    @property
    def has_lao(self) -> bool:
        """Whether the font maps any Lao code point."""
        return bool(self.lao_covered)

    @property
    def pali_missing(self) -> str:
        """The Pali and Sanskrit letters (Unicode 12) the font lacks."""
        return "".join(char for char in self.lao_missing if char in PALI_CONSONANTS)

    @property
    def khmu_missing(self) -> str:
        """The Khmu letters ໞ ໟ the font lacks."""
        return "".join(char for char in self.lao_missing if char in KHMU_CONSONANTS)

    @property
    def has_lao_shaping(self) -> bool:
        """Whether the font has OpenType Lao shaping: script ``'lao '`` with GPOS mark and mkmk features."""
        return bool(self.lao_scripts) and {"mark", "mkmk"} <= set(self.gpos_features)

    @property
    def shaping_summary(self) -> str:
        """One line on the font's OpenType Lao shaping."""
        if not self.lao_scripts:
            return "no OpenType 'lao ' script: marks are placed only by the glyphs' own offsets"
        gsub = ", ".join(self.gsub_features) or "none"
        gpos = ", ".join(self.gpos_features) or "none"
        verdict = (
            "marks positioned by mark/mkmk"
            if self.has_lao_shaping
            else "no GPOS mark/mkmk: mark positions come from the glyph outlines and GSUB ligatures only"
        )
        return f"script 'lao ' in {', '.join(self.lao_scripts)}; GSUB {gsub}; GPOS {gpos}; {verdict}"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (characters as strings and as ``U+XXXX`` lists)."""
        legacy: dict[str, Any] | None = None
        if self.legacy is not None:
            legacy = {
                "encoding": self.legacy.encoding,
                "known_encoding": self.legacy.known_encoding,
                "font_map": self.legacy.font_map,
                "advice": self.legacy.advice,
                "evidence": list(self.legacy.evidence),
            }
        return {
            "path": self.path,
            "format": self.format,
            "family": self.family,
            "subfamily": self.subfamily,
            "full_name": self.full_name,
            "version": self.version,
            "copyright": self.copyright,
            "licence": self.licence,
            "licence_url": self.licence_url,
            "glyph_count": self.glyph_count,
            "codepoint_count": self.codepoint_count,
            "lao_coverage": self.lao_coverage,
            "lao_covered": self.lao_covered,
            "lao_missing": [f"U+{ord(char):04X}" for char in self.lao_missing],
            "pali_missing": [f"U+{ord(char):04X}" for char in self.pali_missing],
            "khmu_missing": [f"U+{ord(char):04X}" for char in self.khmu_missing],
            "lao_scripts": list(self.lao_scripts),
            "gsub_features": list(self.gsub_features),
            "gpos_features": list(self.gpos_features),
            "has_lao_shaping": self.has_lao_shaping,
            "legacy": legacy,
        }


def lao_features(font: TTFont, tag: str) -> tuple[bool, tuple[str, ...]]:
    """Whether layout table *tag* (GSUB or GPOS) has a ``'lao '`` script, and the features it reaches.

    Features come from every language system of the Lao script, or of ``DFLT`` when there is no
    Lao script (shapers fall back to it). Sorted, without repeats.
    """
    if tag not in font:
        return False, ()
    table = font[tag].table
    if table.ScriptList is None or table.FeatureList is None:
        return False, ()
    records = {record.ScriptTag: record.Script for record in table.ScriptList.ScriptRecord}
    script = records.get(LAO_SCRIPT) or records.get("DFLT")
    if script is None:
        return False, ()
    systems = [system for system in (script.DefaultLangSys,) if system is not None]
    systems += [record.LangSys for record in script.LangSysRecord]
    indices = {index for system in systems for index in system.FeatureIndex}
    features = table.FeatureList.FeatureRecord
    tags = sorted({features[index].FeatureTag for index in indices if index < len(features)})
    return LAO_SCRIPT in records, tuple(tags)


def _name(font: TTFont, *ids: int) -> str:
    table = font["name"]
    for name_id in ids:
        value = table.getDebugName(name_id)
        if value:
            return str(value).strip()
    return ""


def inspect(font: FontSource) -> FontReport:
    """Inspect a font file (ttf, otf, woff, woff2), or a bundled font by name.

    Raises :class:`~laotext.fontinfo.FontError` for a missing or broken file.

    >>> report = inspect("Phetsarath")
    >>> report.lao_coverage, len(report.pali_missing), report.khmu_missing
    ('65/83', 14, 'ໞໟ')
    """
    path = find_font(font)
    ttfont, fmt = open_font(path)
    try:
        try:
            cmap = ttfont.getBestCmap() or {}
            gsub_lao, gsub = lao_features(ttfont, "GSUB")
            gpos_lao, gpos = lao_features(ttfont, "GPOS")
            family = _name(ttfont, 16, 1)
            report = FontReport(
                path=str(path),
                format=fmt,
                family=family,
                subfamily=_name(ttfont, 17, 2),
                full_name=_name(ttfont, 4),
                version=_name(ttfont, 5),
                copyright=_name(ttfont, 0),
                licence=_name(ttfont, 13),
                licence_url=_name(ttfont, 14),
                glyph_count=len(ttfont.getGlyphOrder()),
                codepoint_count=len(cmap),
                lao_covered="".join(char for char in assigned_lao() if ord(char) in cmap),
                lao_missing="".join(char for char in assigned_lao() if ord(char) not in cmap),
                lao_scripts=tuple(tag for tag, has in (("GSUB", gsub_lao), ("GPOS", gpos_lao)) if has),
                gsub_features=gsub,
                gpos_features=gpos,
                legacy=detect_layout(ttfont, family),
            )
        except FontError:
            raise
        except Exception as error:  # a table fontTools parses lazily may be broken
            raise FontError(f"the font file is broken and cannot be read ({error})", path=str(path)) from None
    finally:
        ttfont.close()
    return report
