"""Excel workbooks (.xlsx, .xlsm): legacy Lao font text converted to Unicode Lao.

What is converted:

* **Shared strings** (``xl/sharedStrings.xml``): a plain ``<si><t>`` is in the font of the cells
  showing it; in a rich string ``<si><r><rPr><rFont val="..."/>...</rPr><t>`` the run's
  ``rFont`` overrides the cell font, and runs without ``rFont`` are in the cell font. A converted
  run with its own ``rFont`` gets the new font there (its ``charset`` and ``scheme`` go).
* **Inline strings** (``<c t="inlineStr"><is>...``), read the same way.
* **Header and footer text** (``oddHeader``, ``oddFooter``, ``evenHeader`` ... of a sheet): the
  ``&"Font Name,Bold"`` codes choose the font of the text after them (until the next section
  code ``&L``/``&C``/``&R``; before any code the workbook's Normal style font). Text in a legacy
  font is converted and its font code names the new font.
* **Sheet names**, when the workbook's legacy-font text is all in one encoding and a name reads as
  Lao in it; every reference to a renamed sheet follows (``'Old Name'!A1`` in cell formulas,
  conditional formats, data validations, hyperlinks, defined names, chart series, pivot caches,
  and the sheet list of ``docProps/app.xml``).
* Rich-text runs with a legacy ``rFont`` in cell **comments**.

How the font of a cell is decided: its ``s`` attribute indexes ``cellXfs`` in ``xl/styles.xml``
(no ``s``: 0), whose ``fontId`` indexes ``fonts``; the font's ``<name val>`` is the font, except
that a font with ``<scheme val="minor|major"/>`` shows the theme's minor or major Latin font
from the theme part.

The cell font of converted cells becomes ``tally.options.font``: the legacy font in ``styles.xml``
is changed in place only when every cell using it is a converted text cell, an empty cell, or a
cell whose value is ASCII in a font whose encoding keeps ASCII (numbers in Saysettha Lao look the
same in the new font). Otherwise a new font (same size, bold, italic, colour; without
``charset``/``scheme``) and a new ``cellXfs`` entry are added and only the converted cells point
at it. A shared string used by legacy-font cells and by other cells (or by cells of two legacy
encodings) is not converted in place: a converted copy is added to the table and only the legacy
cells are pointed at it.

Worksheets are never held in memory as trees: each is streamed twice (once to learn which strings
and styles are used by which cells, once to write it) with :func:`xmltree.iter_tokens`, and so is
the shared string table; only ``styles.xml``, ``workbook.xml`` and small parts are parsed whole.
Parts with no converted text are copied byte for byte.

Not converted (limitations): numbers, dates and booleans (in a keyboard-position font such as
Boupha their digits show as Lao letters; the new font shows digits, so cells with them keep the
old font and a warning says so); the cached text results of formulas and the string literals
inside formulas (only sheet-name references are rewritten); number formats with literal text;
text in drawings, text boxes, charts and pivot tables; fonts of conditional formats (``dxfs``).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from laotext.documents import xmltree
from laotext.documents.package import Package, Replacement, write_package
from laotext.documents.report import Tally
from laotext.errors import DocumentError, UnsafeDocumentError
from laotext.legacy import get_encoding, reads_as_lao, to_unicode

__all__ = ["convert"]

Token = tuple[str, str, str, int]
"""A streamed token: kind, source, local name (elements only) and nesting depth."""

_NAME = re.compile(r"</?([^\s/>]+)")
_S_ATTRIBUTE = re.compile(r"\ss\s*=\s*[\"']([^\"']*)[\"']")
_T_ATTRIBUTE = re.compile(r"\st\s*=\s*[\"']([^\"']*)[\"']")
_TAG_END = re.compile(r"\s*/?>$")
_UNICODE_LAO = re.compile("[\u0e80-\u0eff]")
_HEADER_TOKEN = re.compile(
    r'&"([^"]*)"?|&([LCR])|&&|&K(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})|&\d+|&.?|[^&]+', re.DOTALL
)
_FORMULA_PIECE = re.compile(
    r"""("(?:[^"]|"")*")|'((?:[^']|'')+)'!|(?<![\w.'"\]])([^\s'"!(),;:+\-*/^&=<>{}\[\]%#@]+)!"""
)
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_BOM = b"\xef\xbb\xbf"
_HEADER_PARTS = frozenset(
    ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
)
_FORMULA_PARTS = frozenset(("f", "formula", "formula1", "formula2"))
_MAX_SHEET_NAME = 31
_OBSERVED_PER_FONT = 200  # shared strings sampled per non-legacy cell font for suspect fonts
_FLUSH = 1 << 20


def _local(tag: str) -> str:
    """The local name of a ``{namespace}local`` or ``prefix:local`` tag."""
    return tag.rpartition("}")[2].rpartition(":")[2]


def _children(element: xmltree.Element, local: str) -> list[xmltree.Element]:
    return [child for child in element.elements() if _local(child.tag) == local]


def _child(element: xmltree.Element | None, local: str) -> xmltree.Element | None:
    if element is None:
        return None
    return next((child for child in element.elements() if _local(child.tag) == local), None)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None and value.strip() else default
    except ValueError:
        return default


_ATTRIBUTE_PATTERNS: dict[str, re.Pattern[str]] = {}


def _set_attribute(raw: str, name: str, value: str) -> str:
    """Start tag *raw* with attribute *name* set to *value* (added at the end if absent)."""
    pattern = _ATTRIBUTE_PATTERNS.get(name)
    if pattern is None:
        pattern = _ATTRIBUTE_PATTERNS[name] = re.compile(
            rf"(\s{re.escape(name)}\s*=\s*)(?:\"[^\"]*\"|'[^']*')"
        )
    escaped = xmltree.escape_attribute(value)
    new, count = pattern.subn(lambda match: f'{match.group(1)}"{escaped}"', raw, count=1)
    if count:
        return new
    end = _TAG_END.search(raw)
    cut = end.start() if end else len(raw) - 1
    return f'{raw[:cut]} {name}="{escaped}"{raw[cut:]}'


def _token_text(kind: str, raw: str) -> str:
    return raw[9:-3] if kind == "cdata" else xmltree.unescape(raw)


# -- streaming ---------------------------------------------------------------------------------------


def _tokens(package: Package, name: str) -> Iterator[Token]:
    """The tokens of part *name*, checked for well-formed nesting, with local names and depths.

    The depth of an element's start and end tags is its nesting level (the root's is 1); the depth
    of text is that of the element holding it.
    """
    reader = package.stream(name)
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    depth = 0
    seen_root = False
    names: dict[str, tuple[str, str]] = {}  # tag source -> (qualified name, local name), for repeated tags
    match_name = _NAME.match
    try:
        for kind, raw in xmltree.iter_tokens(reader, part=name):  # type: ignore[arg-type]
            if kind == "text" or kind == "cdata" or kind == "comment" or kind == "pi":
                if not depth and kind != "comment" and kind != "pi" and (kind == "cdata" or raw.strip()):
                    raise DocumentError("not well-formed XML: text outside the root element", part=name)
                yield kind, raw, "", depth
                continue
            known = names.get(raw)
            if known is None:
                match = match_name(raw)
                qname = match.group(1) if match else ""
                known = (qname, qname[qname.find(":") + 1 :])
                if len(raw) < 40 and len(names) < 4096:
                    names[raw] = known
            qname, local = known
            if kind == "start":
                if not depth:
                    if seen_root:
                        raise DocumentError("not well-formed XML: a second root element", part=name)
                    seen_root = True
                push(qname)
                depth += 1
                if depth > xmltree.MAX_DEPTH:
                    raise UnsafeDocumentError(
                        f"XML nested deeper than {xmltree.MAX_DEPTH} elements; refused", part=name
                    )
                yield kind, raw, local, depth
            elif kind == "end":
                if not depth or pop() != qname:
                    raise DocumentError(f"not well-formed XML: unexpected {raw!r}", part=name)
                depth -= 1
                yield kind, raw, local, depth + 1
            else:
                if not depth:
                    if seen_root:
                        raise DocumentError("not well-formed XML: a second root element", part=name)
                    seen_root = True
                yield kind, raw, local, depth + 1
        if stack:
            raise DocumentError(f"XML part ends inside <{stack[-1]}> (truncated?)", part=name)
        if not seen_root:
            raise DocumentError("XML part has no root element", part=name)
    except (zipfile.BadZipFile, EOFError, zlib.error) as error:
        raise DocumentError(f"member is damaged: {error}", part=name) from None
    finally:
        reader.close()


class _Output:
    """Text written to a binary stream as UTF-8, in blocks."""

    def __init__(self, stream: IO[bytes], bom: bool) -> None:
        self.stream = stream
        self.pieces: list[str] = []
        self.size = 0
        if bom:
            stream.write(_BOM)

    def write(self, text: str) -> None:
        self.pieces.append(text)
        self.size += len(text)
        if self.size > _FLUSH:
            self.flush()

    def flush(self) -> None:
        self.stream.write("".join(self.pieces).encode("utf-8"))
        self.pieces, self.size = [], 0


def _has_bom(package: Package, name: str) -> bool:
    reader = package.stream(name)
    try:
        return reader.read(3) == _BOM
    finally:
        reader.close()


# -- strings (shared, inline, comments) --------------------------------------------------------------

Visitor = Callable[[str | None, str], "tuple[str | None, bool]"]
"""Called with a run's own font (None: the cell font) and text; returns its new text (None: keep)
and whether the run's font becomes the new font."""


def _walk_string(tokens: list[Token], visit: Visitor, new_font: str) -> list[str] | None:
    """Visit the runs of a string item (``<si>``, ``<is>``, ``<text>``).

    Returns the item's new token sources, or None if nothing changed.
    """
    pieces: list[str] | None = None
    in_run = in_text = False
    phonetic = 0
    run_font: str | None = None
    font_at = -1
    drop: list[int] = []
    dropping = ""
    text_at: list[int] = []
    for index, (kind, raw, local, _depth) in enumerate(tokens):
        if local == "rPh":
            phonetic += 1 if kind == "start" else (-1 if kind == "end" else 0)
            continue
        if phonetic:
            continue
        if dropping:
            drop.append(index)
            if kind == "end" and local == dropping:
                dropping = ""
            continue
        if kind == "text" or kind == "cdata":
            if in_text:
                text_at.append(index)
        elif local == "r":
            if kind == "start":
                in_run, run_font, font_at, drop = True, None, -1, []
            elif kind == "end":
                in_run = False
        elif in_run and local == "rFont" and kind != "end":
            run_font = xmltree.parse_start_tag(raw)[1].get("val")
            font_at = index
        elif in_run and local in ("charset", "scheme") and kind != "end":
            drop.append(index)
            if kind == "start":
                dropping = local
        elif local == "t":
            if kind == "start":
                in_text, text_at = True, []
            elif kind == "end":
                in_text = False
                own_font = run_font if in_run and font_at >= 0 else None
                text = "".join(_token_text(tokens[i][0], tokens[i][1]) for i in text_at)
                new_text, rename = visit(own_font, text)
                if new_text is not None and new_text != text:
                    if pieces is None:
                        pieces = [token[1] for token in tokens]
                    pieces[text_at[0]] = xmltree.escape_text(new_text)
                    for i in text_at[1:]:
                        pieces[i] = ""
                if rename and own_font is not None:
                    if pieces is None:
                        pieces = [token[1] for token in tokens]
                    pieces[font_at] = _set_attribute(tokens[font_at][1], "val", new_font)
                    for i in drop:
                        pieces[i] = ""
                    font_at = -1  # renamed once
    return pieces


def _runs(tokens: list[Token]) -> list[tuple[str | None, str]]:
    """The runs of a string item: (own font or None, text)."""
    found: list[tuple[str | None, str]] = []

    def visit(font: str | None, text: str) -> tuple[str | None, bool]:
        found.append((font, text))
        return None, False

    _walk_string(tokens, visit, "")
    return found


# -- headers and footers -----------------------------------------------------------------------------


def _convert_header(
    text: str,
    default_font: str | None,
    tally: Tally,
    *,
    apply: bool,
    default_changed: bool = False,
    fonts_seen: Callable[[str, str], None] | None = None,
) -> tuple[str | None, bool]:
    """Header/footer *text* converted (None if unchanged), and whether it holds legacy-font text or codes.

    With *apply* false nothing is converted: text in other fonts is observed and legacy fonts are
    reported to *fonts_seen*.
    """
    new_font = tally.options.font
    out: list[str] = []
    pending: list[str] = []
    font, implicit, legacy = default_font, True, False

    def flush() -> None:
        nonlocal font, implicit, legacy
        if not pending:
            return
        segment = "".join(pending)
        pending.clear()
        encoding = tally.encoding_for(font)
        if encoding is None or font is None:
            if not apply:
                tally.observe(segment, font)
            out.append(segment.replace("&", "&&"))
            return
        legacy = True
        if not apply:
            if fonts_seen is not None:
                fonts_seen(font, encoding)
            out.append(segment.replace("&", "&&"))
            return
        converted = tally.convert(segment, font, encoding)
        if implicit and not default_changed:
            out.append(f'&"{new_font},Regular"')
            font, implicit = new_font, False
        out.append(converted.replace("&", "&&"))

    for match in _HEADER_TOKEN.finditer(text):
        piece = match.group()
        if not piece.startswith("&"):
            pending.append(piece)
        elif piece == "&&":
            pending.append("&")
        elif match.group(1) is not None:
            flush()
            name, comma, style = match.group(1).partition(",")
            actual = default_font if name.strip() == "-" else name
            encoding = tally.encoding_for(actual)
            if encoding is not None and actual is not None:
                legacy = True
                if apply and not (name.strip() == "-" and default_changed):
                    piece = f'&"{new_font}{comma}{style}"'
            font, implicit = actual, False
            out.append(piece)
        elif match.group(2) is not None:
            flush()
            font, implicit = default_font, True
            out.append(piece)
        else:
            flush()
            out.append(piece)
    flush()
    result = "".join(out)
    return (result if result != text else None), legacy


# -- formulas and sheet names ------------------------------------------------------------------------


def _sheet_references(formula: str) -> Iterator[str]:
    """The sheet names that *formula* refers to (``'Name'!`` or ``Name!``; 3-D ranges give both ends)."""
    if "!" not in formula:
        return
    for match in _FORMULA_PIECE.finditer(formula):
        if match.group(1) is not None:
            continue
        quoted = match.group(2)
        if quoted is not None:
            yield from quoted.replace("''", "'").split(":")
        else:
            yield match.group(3)


class _Renames:
    """Old sheet name → new name, matched as Excel does (case-insensitively)."""

    def __init__(self, renames: dict[str, str]) -> None:
        self.names = renames
        self.folded = {old.casefold(): new for old, new in renames.items()}

    def __bool__(self) -> bool:
        return bool(self.names)

    def get(self, name: str) -> str | None:
        return self.names.get(name) or self.folded.get(name.casefold())

    def touches(self, names: set[str]) -> bool:
        return any(self.get(name) is not None for name in names)

    def fix(self, formula: str) -> str | None:
        """*formula* with references to renamed sheets rewritten, or None if it has none."""
        if "!" not in formula:
            return None

        def replace(match: re.Match[str]) -> str:
            if match.group(1) is not None:
                return match.group()
            quoted = match.group(2)
            parts = quoted.replace("''", "'").split(":") if quoted is not None else [match.group(3)]
            new = [self.get(part) or part for part in parts]
            if new == parts:
                return match.group()
            return "'" + ":".join(new).replace("'", "''") + "'!"

        result = _FORMULA_PIECE.sub(replace, formula)
        return result if result != formula else None


# -- the workbook ------------------------------------------------------------------------------------


@dataclass
class _Sheet:
    name: str
    part: str
    rels: list[tuple[str, str]] = field(default_factory=list)
    legacy_strings: bool = False  # cells in a legacy font showing shared strings
    legacy_inline: bool = False
    legacy_header: bool = False
    text_styles: set[int] = field(default_factory=set)  # styles of legacy-font text cells here
    references: set[str] = field(default_factory=set)  # sheet names its formulas refer to


@dataclass
class _Cell:
    style: int
    type: str
    value: str | None
    value_at: int
    inline: tuple[int, int] | None
    formulas: list[int]


def _read_cell(tokens: list[Token]) -> _Cell:
    start = tokens[0][1]
    match = _S_ATTRIBUTE.search(start)
    style = _int(match.group(1)) if match else 0
    match = _T_ATTRIBUTE.search(start)
    kind_of = match.group(1) if match else "n"
    value: str | None = None
    value_at = -1
    inline_start = -1
    inline: tuple[int, int] | None = None
    formulas: list[int] = []
    owner = ""
    depth = tokens[0][3]
    for index in range(1, len(tokens)):
        kind, raw, local, level = tokens[index]
        if kind == "text" or kind == "cdata":
            if level == depth + 1:
                if owner == "v":
                    value = _token_text(kind, raw) if value is None else value + _token_text(kind, raw)
                    if value_at < 0:
                        value_at = index
                elif owner == "f":
                    formulas.append(index)
        elif level == depth + 1:
            if kind == "start":
                owner = local
                if local == "is":
                    inline_start = index
            elif kind == "end":
                owner = ""
                if local == "is" and inline_start >= 0:
                    inline = (inline_start, index + 1)
            elif kind == "empty" and local == "is":
                inline = (index, index + 1)
    return _Cell(style, kind_of, value, value_at, inline, formulas)


class _Workbook:
    """What one conversion learns about the workbook, and the rewriting of its parts."""

    def __init__(self, package: Package, tally: Tally) -> None:
        self.package = package
        self.tally = tally
        self.new_font = tally.options.font
        self.bits: dict[str, int] = {}  # legacy encoding -> bit (1..7) in the shared-string masks
        self.encodings: list[str] = [""]  # bit -> encoding
        self.keeps_ascii: list[bool] = [True]  # bit -> whether its encoding keeps ASCII as it is
        self.first_font: dict[str, str] = {}  # encoding -> the first legacy font met in it
        self.seen_encodings: set[str] = set()
        self.fonts: list[xmltree.Element] = []
        self.font_names: list[str | None] = []
        self.style_fonts: list[int] = []  # cellXfs index -> fontId
        self.style_group: list[int] = []  # cellXfs index -> encoding bit of its font (0: not legacy)
        self.default_font: str | None = None
        self.default_font_id = 0
        self.masks = (
            bytearray()
        )  # shared string index -> bits of the encodings of cells using it (bit 0: other)
        self.max_index = -1
        self.index_bound = 0
        self.requests: dict[int, str] = {}  # shared string index -> a non-legacy cell font to observe it in
        self.request_counts: Counter[str] = Counter()
        self.text_styles: set[int] = set()
        self.blocked_styles: set[int] = set()
        self.copies: dict[tuple[int, int], int] = {}  # (shared string, encoding bit) -> index of its copy
        self.copy_bits: dict[int, list[int]] = {}
        self.string_count = 0
        self.strings_change = False
        self.style_map: dict[int, int] = {}  # style of converted cells -> its new style
        self.changed_fonts: set[int] = set()  # fonts changed in place
        self.renames = _Renames({})
        self.keyboard_numbers: Counter[str] = Counter()
        self.legacy_results: Counter[str] = Counter()

    # -- parts ---------------------------------------------------------------------------------------
    def parse(self, name: str) -> xmltree.XmlDocument:
        return xmltree.parse(self.package.read(name), part=name)

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part) of the internal relationships of *part*."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.package.has(rels):
            return []
        found: list[tuple[str, str, str]] = []
        for element in self.parse(rels).root.elements():
            if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
                continue
            target = element.get("Target") or ""
            if not target:
                continue
            path = (
                target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
            found.append((element.get("Id") or "", (element.get("Type") or "").rpartition("/")[2], path))
        return found

    def bit(self, encoding: str) -> int:
        bit = self.bits.get(encoding)
        if bit is None:
            if len(self.encodings) >= 8:
                raise DocumentError("more legacy encodings in one workbook than can be told apart")
            bit = self.bits[encoding] = len(self.encodings)
            self.encodings.append(encoding)
            self.keeps_ascii.append(get_encoding(encoding).keeps_ascii)
        return bit

    def note_font(self, font: str, encoding: str) -> None:
        self.first_font.setdefault(encoding, font)
        self.seen_encodings.add(encoding)

    # -- styles and theme ----------------------------------------------------------------------------
    def read_styles(self, styles: xmltree.XmlDocument | None, theme: xmltree.XmlDocument | None) -> None:
        theme_fonts: dict[str, str] = {}
        if theme is not None:
            for element in theme.root.iter():
                local = _local(element.tag)
                if local in ("majorFont", "minorFont"):
                    latin = _child(element, "latin")
                    typeface = latin.get("typeface") if latin is not None else None
                    if typeface:
                        theme_fonts["major" if local == "majorFont" else "minor"] = typeface
        if styles is None:
            return
        root = styles.root
        fonts = _child(root, "fonts")
        self.fonts = _children(fonts, "font") if fonts is not None else []
        for font in self.fonts:
            name_element = _child(font, "name")
            name = name_element.get("val") if name_element is not None else None
            scheme = _child(font, "scheme")
            scheme_value = scheme.get("val") if scheme is not None else None
            if scheme_value in theme_fonts:
                name = theme_fonts[scheme_value]
            self.font_names.append(name)
        cell_xfs = _child(root, "cellXfs")
        for xf in _children(cell_xfs, "xf") if cell_xfs is not None else []:
            font_id = _int(xf.get("fontId"))
            self.style_fonts.append(font_id)
            name = self.font_names[font_id] if 0 <= font_id < len(self.font_names) else None
            encoding = self.tally.encoding_for(name)
            self.style_group.append(self.bit(encoding) if encoding else 0)
        # The Normal style's font is the default font of header and footer text.
        style_xfs_element = _child(root, "cellStyleXfs")
        style_xfs = _children(style_xfs_element, "xf") if style_xfs_element is not None else []
        cell_styles = _child(root, "cellStyles")
        normal = 0
        for style in _children(cell_styles, "cellStyle") if cell_styles is not None else []:
            if style.get("builtinId") == "0":
                normal = _int(style.get("xfId"))
                break
        self.default_font_id = _int(style_xfs[normal].get("fontId")) if 0 <= normal < len(style_xfs) else 0
        if 0 <= self.default_font_id < len(self.font_names):
            self.default_font = self.font_names[self.default_font_id]

    def group_of(self, style: int) -> int:
        return self.style_group[style] if 0 <= style < len(self.style_group) else 0

    def font_of(self, style: int) -> str | None:
        if not 0 <= style < len(self.style_fonts):
            return None
        font_id = self.style_fonts[style]
        return self.font_names[font_id] if 0 <= font_id < len(self.font_names) else None

    # -- first pass over a sheet ---------------------------------------------------------------------
    def survey_sheet(self, sheet: _Sheet) -> None:
        """Learn which shared strings and styles the cells of *sheet* use, and what needs converting."""
        cell: list[Token] | None = None
        in_data = False
        owner = ""
        for token in _tokens(self.package, sheet.part):
            kind, raw, local, _depth = token
            if cell is not None:
                cell.append(token)
                if kind == "end" and local == "c":
                    self.survey_cell(sheet, cell)
                    cell = None
                continue
            if kind == "text" or kind == "cdata":
                if owner in _FORMULA_PARTS:
                    sheet.references.update(_sheet_references(_token_text(kind, raw)))
                elif owner in _HEADER_PARTS:
                    _, legacy = _convert_header(
                        _token_text(kind, raw),
                        self.default_font,
                        self.tally,
                        apply=False,
                        fonts_seen=self.note_font,
                    )
                    sheet.legacy_header = sheet.legacy_header or legacy
                continue
            if local == "sheetData":
                in_data = kind == "start"
            elif in_data and local == "c" and kind == "start":
                cell = [token]
                continue
            if kind == "start":
                owner = local
            elif kind == "end":
                owner = ""
            if local == "hyperlink" and kind != "end":
                location = xmltree.parse_start_tag(raw)[1].get("location")
                if location:
                    sheet.references.update(_sheet_references(location))

    def survey_cell(self, sheet: _Sheet, tokens: list[Token]) -> None:
        cell = _read_cell(tokens)
        group = self.group_of(cell.style)
        if cell.type == "s":
            if cell.value is None:
                return
            index = _int(cell.value, -1)
            if not 0 <= index < self.index_bound:
                raise DocumentError(
                    f"a cell refers to shared string {cell.value.strip()!r}, which does not exist"
                )
            if index >= len(self.masks):
                self.masks.extend(bytes(max(index + 1 - len(self.masks), len(self.masks) // 2)))
            self.max_index = max(self.max_index, index)
            if group:
                self.masks[index] |= 1 << group
                self.text_styles.add(cell.style)
                sheet.text_styles.add(cell.style)
                sheet.legacy_strings = True
                font = self.font_of(cell.style)
                if font:
                    self.note_font(font, self.encodings[group])
            else:
                self.masks[index] |= 1
                font = self.font_of(cell.style)
                if font and index not in self.requests and self.request_counts[font] < _OBSERVED_PER_FONT:
                    self.requests[index] = font
                    self.request_counts[font] += 1
        elif cell.type == "inlineStr":
            if cell.inline is None:
                return
            font = self.font_of(cell.style)
            encoding = self.encodings[group] if group else None
            start, end = cell.inline
            for own_font, text in _runs(tokens[start:end]):
                run_font = own_font if own_font is not None else font
                run_encoding = self.tally.encoding_for(own_font) if own_font is not None else encoding
                if run_encoding and run_font:
                    sheet.legacy_inline = True
                    self.note_font(run_font, run_encoding)
                else:
                    self.tally.observe(text, run_font)
            if group:
                self.text_styles.add(cell.style)
                sheet.text_styles.add(cell.style)
                sheet.legacy_inline = True
        elif group and (cell.value is not None or cell.formulas):
            encoding = self.encodings[group]
            value = cell.value or ""
            if not (value.isascii() and self.keeps_ascii[group]):
                self.blocked_styles.add(cell.style)
                font = self.font_of(cell.style) or encoding
                if cell.type in ("str", "inlineStr"):
                    self.legacy_results[font] += 1
                else:
                    self.keyboard_numbers[font] += 1
        for index in cell.formulas:
            sheet.references.update(_sheet_references(_token_text(tokens[index][0], tokens[index][1])))

    # -- the shared string table ---------------------------------------------------------------------
    def _string_items(self, name: str) -> Iterator[tuple[list[Token] | None, Token]]:
        """Each ``<si>`` of the table as its tokens, and every other token as (None, token)."""
        item: list[Token] | None = None
        for token in _tokens(self.package, name):
            kind, _raw, local, depth = token
            if item is not None:
                item.append(token)
                if kind == "end" and depth == 2:
                    yield item, token
                    item = None
                continue
            if depth == 1 and kind in ("start", "empty") and local != "sst":
                raise DocumentError(f"the shared string table's root is <{local}>, not <sst>", part=name)
            if depth == 2 and kind == "start" and local == "si":
                item = [token]
            elif depth == 2 and kind == "empty" and local == "si":
                yield [token], token
            else:
                yield None, token

    def survey_strings(self, name: str) -> None:
        """Second look at the shared strings: count them, plan copies, observe text in other fonts."""
        index = 0
        planned: list[tuple[int, list[int]]] = []
        for item, _token in self._string_items(name):
            if item is None:
                continue
            mask = self.masks[index] if index < len(self.masks) else 0
            requested = self.requests.get(index)
            has_font = any(token[2] == "rFont" for token in item)
            legacy = mask & ~1
            if legacy:
                self.strings_change = True
            conflict = legacy and (mask & 1 or legacy & (legacy - 1))
            if has_font or requested or conflict:
                runs = _runs(item)
                for font, text in runs:
                    if font is None:
                        if requested:
                            self.tally.observe(text, requested)
                        continue
                    encoding = self.tally.encoding_for(font)
                    if encoding:
                        self.strings_change = True
                        self.note_font(font, encoding)
                    else:
                        self.tally.observe(text, font)
                if conflict:
                    # Used by cells of other fonts too: the legacy cells get converted copies (unless
                    # converting changes nothing, as for ASCII in an encoding that keeps ASCII).
                    texts = [text for font, text in runs if font is None and text]
                    needed = [
                        bit
                        for bit in range(1, len(self.encodings))
                        if mask >> bit & 1
                        and any(to_unicode(text, self.encodings[bit]) != text for text in texts)
                    ]
                    if needed:
                        planned.append((index, needed))
            index += 1
        self.string_count = index
        if self.max_index >= index:
            raise DocumentError(
                f"a cell refers to shared string {self.max_index}, but the table holds only {index}",
                part=name,
            )
        next_copy = index
        for string, bits in planned:
            self.copy_bits[string] = bits
            for bit in bits:
                self.copies[string, bit] = next_copy
                next_copy += 1

    def write_strings(self, name: str, stream: IO[bytes]) -> None:
        """Write the shared string table with its legacy text converted and the copies added."""
        out = _Output(stream, _has_bom(self.package, name))
        copies: list[str] = []
        index = 0
        for item, token in self._string_items(name):
            if item is None:
                kind, raw, _name, depth = token
                if depth == 1 and kind == "start" and self.copies:
                    count = _int(xmltree.parse_start_tag(raw)[1].get("uniqueCount"), -1)
                    if count >= 0:
                        raw = _set_attribute(raw, "uniqueCount", str(count + len(self.copies)))
                elif depth == 1 and kind == "end":
                    for copy in copies:
                        out.write(copy)
                out.write(raw)
                continue
            mask = self.masks[index] if index < len(self.masks) else 0
            legacy_bits = mask & ~1
            for bit in self.copy_bits.get(index, ()):
                pieces = self.convert_string(item, self.encodings[bit], self.first_font[self.encodings[bit]])
                copies.append("".join(pieces) if pieces is not None else "".join(t[1] for t in item))
            if legacy_bits and not mask & 1 and legacy_bits & (legacy_bits - 1) == 0:
                encoding = self.encodings[legacy_bits.bit_length() - 1]
                pieces = self.convert_string(item, encoding, self.first_font[encoding])
            else:
                pieces = self.convert_string(item, None, None)
            out.write("".join(pieces) if pieces is not None else "".join(t[1] for t in item))
            index += 1
        out.flush()

    def convert_string(self, tokens: list[Token], encoding: str | None, font: str | None) -> list[str] | None:
        """Convert a string item whose cell font is *font* (legacy *encoding*, or None: not legacy)."""
        tally = self.tally

        def visit(own_font: str | None, text: str) -> tuple[str | None, bool]:
            if not text:
                return None, own_font is not None and tally.encoding_for(own_font) is not None
            if own_font is None:
                if encoding is None or font is None:
                    return None, False
                return tally.convert(text, font, encoding), False
            own_encoding = tally.encoding_for(own_font)
            if own_encoding is None:
                return None, False
            return tally.convert(text, own_font, own_encoding), True

        return _walk_string(tokens, visit, self.new_font)

    # -- decisions -----------------------------------------------------------------------------------
    def decide_fonts(self, styles: xmltree.XmlDocument | None) -> bool:
        """Change legacy fonts of converted cells in place, or add new fonts and styles.

        Returns whether ``styles.xml`` changed.
        """
        if styles is None or not self.text_styles:
            return False
        blocked_fonts = {
            self.style_fonts[style] for style in self.blocked_styles if style < len(self.style_fonts)
        }
        fonts_element = _child(styles.root, "fonts")
        cell_xfs = _child(styles.root, "cellXfs")
        if fonts_element is None or cell_xfs is None:
            return False
        xfs = _children(cell_xfs, "xf")
        new_fonts: dict[int, int] = {}
        changed = False
        for style in sorted(self.text_styles):
            if style >= len(self.style_fonts):
                continue
            font_id = self.style_fonts[style]
            if not 0 <= font_id < len(self.fonts):
                continue
            name = self.font_names[font_id]
            encoding = self.tally.encoding_for(name)
            if encoding and name:
                self.tally.legacy_fonts.setdefault(name, encoding)
            if font_id not in blocked_fonts:
                if font_id not in self.changed_fonts:
                    self._rename_font(self.fonts[font_id])
                    self.changed_fonts.add(font_id)
                    changed = True
                continue
            if font_id not in new_fonts:
                new_fonts[font_id] = len(self.fonts)
                font = _copy_element(fonts_element, self.fonts[font_id], skip=("charset", "scheme"))
                self._rename_font(font)
                self.fonts.append(font)
            self.style_map[style] = len(xfs)
            xf = _copy_element(cell_xfs, xfs[style], skip=())
            xf.set("fontId", str(new_fonts[font_id]))
            xf.set("applyFont", "1")
            xfs.append(xf)
            changed = True
        if new_fonts and fonts_element.get("count") is not None:
            fonts_element.set("count", str(len(self.fonts)))
        if self.style_map and cell_xfs.get("count") is not None:
            cell_xfs.set("count", str(len(xfs)))
        for font_name, count in sorted(self.keyboard_numbers.items()):
            self.tally.warn(
                f"{count} number, date or formula cell(s) in font {font_name!r} keep that font: numbers "
                "are not converted (in a keyboard-position font their digits show as Lao letters)"
            )
        for font_name, count in sorted(self.legacy_results.items()):
            self.tally.warn(
                f"{count} formula result(s) in font {font_name!r} are not converted and keep that font"
            )
        return changed

    def _rename_font(self, font: xmltree.Element) -> None:
        for child in list(font.elements()):
            if _local(child.tag) in ("charset", "scheme"):
                font.remove(child)
        name = _child(font, "name")
        if name is None:
            namespace = font.tag[1:].partition("}")[0] if font.tag.startswith("{") else ""
            name = font.make_child(f"{{{namespace}}}name" if namespace else "name")
        name.set("val", self.new_font)

    def decide_renames(self, names: list[str]) -> None:
        """Rename sheets whose names read as Lao in exactly one of the workbook's legacy encodings.

        (Sheet names are shown in the interface font, so their encoding is not known from a font:
        the names are read in the encodings of the workbook's legacy-font text.)
        """
        renames: dict[str, str] = {}
        taken = {name.casefold() for name in names}
        for name in names:
            if _UNICODE_LAO.search(name):
                continue
            readings = [encoding for encoding in sorted(self.seen_encodings) if reads_as_lao(name, encoding)]
            if len(readings) != 1:
                continue
            encoding = readings[0]
            font = self.first_font[encoding]
            new = to_unicode(name, encoding, errors=self.tally.options.errors)
            if new == name:
                continue
            problem = ""
            if len(new) > _MAX_SHEET_NAME:
                problem = f"it would be {len(new)} characters long (Excel allows {_MAX_SHEET_NAME})"
            elif _SHEET_NAME_FORBIDDEN.search(new) or new.startswith("'") or new.endswith("'"):
                problem = "it would hold a character Excel does not allow in sheet names"
            elif new.casefold() in taken:
                problem = "another sheet already has that name"
            if problem:
                self.tally.warn(f"sheet name {name!r} reads as Lao but is kept: {problem}")
                continue
            renames[name] = self.tally.convert(name, font, encoding)
            taken.add(new.casefold())
        self.renames = _Renames(renames)

    # -- second pass over a sheet --------------------------------------------------------------------
    def sheet_changes(self, sheet: _Sheet) -> bool:
        return (
            sheet.legacy_inline
            or sheet.legacy_header
            or (sheet.legacy_strings and bool(self.copies))  # may point cells at copies (else same bytes)
            or any(style in self.style_map for style in sheet.text_styles)
            or self.renames.touches(sheet.references)
        )

    def write_sheet(self, sheet: _Sheet, stream: IO[bytes]) -> None:
        """Write *sheet* with its cells, header, footer and references converted."""
        out = _Output(stream, _has_bom(self.package, sheet.part))
        default_changed = self.default_font_id in self.changed_fonts
        cell: list[Token] | None = None
        in_data = False
        owner = ""
        for token in _tokens(self.package, sheet.part):
            kind, raw, local, _depth = token
            if cell is not None:
                cell.append(token)
                if kind == "end" and local == "c":
                    for piece in self.rewrite_cell(cell):
                        out.write(piece)
                    cell = None
                continue
            if kind == "text" or kind == "cdata":
                if owner in _FORMULA_PARTS and self.renames:
                    fixed = self.renames.fix(_token_text(kind, raw))
                    if fixed is not None:
                        raw = xmltree.escape_text(fixed)
                elif owner in _HEADER_PARTS:
                    converted, _ = _convert_header(
                        _token_text(kind, raw),
                        self.default_font,
                        self.tally,
                        apply=True,
                        default_changed=default_changed,
                    )
                    if converted is not None:
                        raw = xmltree.escape_text(converted)
                out.write(raw)
                continue
            if local == "sheetData":
                in_data = kind == "start"
            elif in_data and local == "c" and kind == "start":
                cell = [token]
                continue
            if kind == "start":
                owner = local
            elif kind == "end":
                owner = ""
            if local == "hyperlink" and kind != "end" and self.renames:
                location = xmltree.parse_start_tag(raw)[1].get("location")
                fixed = self.renames.fix(location) if location else None
                if fixed is not None:
                    raw = _set_attribute(raw, "location", fixed)
            out.write(raw)
        out.flush()

    def rewrite_cell(self, tokens: list[Token]) -> list[str]:
        cell = _read_cell(tokens)
        group = self.group_of(cell.style)
        pieces: list[str] | None = None
        text_cell = False
        if cell.type == "s" and group and cell.value is not None:
            text_cell = True
            copy = self.copies.get((_int(cell.value, -1), group))
            if copy is not None:
                pieces = [token[1] for token in tokens]
                pieces[cell.value_at] = str(copy)
        elif cell.type == "inlineStr" and cell.inline is not None:
            text_cell = bool(group)
            encoding = self.encodings[group] if group else None
            start, end = cell.inline
            converted = self.convert_string(
                tokens[start:end], encoding, self.font_of(cell.style) if group else None
            )
            if converted is not None:
                pieces = pieces or [token[1] for token in tokens]
                pieces[start:end] = converted
                shift = len(converted) - (end - start)
                cell.formulas = [i + shift if i > start else i for i in cell.formulas]
        if text_cell and cell.style in self.style_map:
            pieces = pieces or [token[1] for token in tokens]
            pieces[0] = _set_attribute(tokens[0][1], "s", str(self.style_map[cell.style]))
        if self.renames:
            for index in cell.formulas:
                fixed = self.renames.fix(_token_text(tokens[index][0], tokens[index][1]))
                if fixed is not None:
                    pieces = pieces or [token[1] for token in tokens]
                    pieces[index] = xmltree.escape_text(fixed)
        return pieces if pieces is not None else [token[1] for token in tokens]

    # -- small parts ---------------------------------------------------------------------------------
    def convert_comments(self, name: str) -> bytes | None:
        """A comments part with its legacy-font runs converted, or None if nothing changed."""
        pieces: list[str] = []
        item: list[Token] | None = None
        changed = False
        for token in _tokens(self.package, name):
            if item is not None:
                item.append(token)
                if token[0] == "end" and token[2] == "text":
                    converted = self.convert_string(item, None, None)
                    if converted is not None:
                        changed = True
                    pieces.extend(converted if converted is not None else [t[1] for t in item])
                    item = None
                continue
            if token[0] == "start" and token[2] == "text":
                item = [token]
                continue
            pieces.append(token[1])
        if not changed:
            return None
        return (_BOM if _has_bom(self.package, name) else b"") + "".join(pieces).encode("utf-8")

    def fix_references(self, name: str) -> bytes | None:
        """A chart, pivot cache or app properties part with renamed sheets followed, or None."""
        document = self.parse(name)
        changed = False
        for element in document.root.iter():
            local = _local(element.tag)
            if local == "f" or local == "lpstr":
                text = element.text
                fixed = self.renames.get(text) if local == "lpstr" else None
                fixed = fixed or self.renames.fix(text)
                if fixed is not None:
                    element.set_text(fixed)
                    changed = True
            elif local == "worksheetSource":
                sheet = element.get("sheet")
                new = self.renames.get(sheet) if sheet else None
                if new is not None:
                    element.set("sheet", new)
                    changed = True
        return document.to_bytes() if changed else None


def _copy_element(
    parent: xmltree.Element, source: xmltree.Element, *, skip: tuple[str, ...]
) -> xmltree.Element:
    """A copy of *source* (attributes and child elements) appended to *parent*."""
    copy = parent.make_child(source.tag, None)
    for name, value in source.attributes.items():
        copy.set(name, value)
    for child in source.elements():
        if _local(child.tag) not in skip:
            _copy_element(copy, child, skip=())
    return copy


def _sheet_id(element: xmltree.Element) -> str | None:
    for name, value in element.attributes.items():
        if name.endswith(":id"):
            return value
    return None


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the legacy Lao font text of the workbook *source*, writing the result to *target*."""
    path = str(source)
    try:
        with Package.open(source, path=path, limits=tally.options.limits) as package:
            _convert(package, target, tally)
    except DocumentError as error:
        if error.path:
            raise
        raise type(error)(error.reason, path=path, part=error.part) from None


def _find_workbook(package: Package) -> str:
    if package.has("_rels/.rels"):
        root = xmltree.parse(package.read("_rels/.rels"), part="_rels/.rels").root
        for element in root.elements():
            if (element.get("Type") or "").endswith("/officeDocument"):
                target = (element.get("Target") or "").lstrip("/")
                if package.has(target):
                    return target
    if package.has("xl/workbook.xml"):
        return "xl/workbook.xml"
    raise DocumentError("not an Excel workbook: the package has no workbook part")


def _convert(package: Package, target: IO[bytes], tally: Tally) -> None:
    book = _Workbook(package, tally)
    workbook_part = _find_workbook(package)
    workbook = book.parse(workbook_part)
    related = book.relationships(workbook_part)
    targets = {rel_id: part for rel_id, _kind, part in related}

    def part_of(kind: str) -> str | None:
        return next((part for _id, rel, part in related if rel == kind and package.has(part)), None)

    strings_part = part_of("sharedStrings")
    styles_part = part_of("styles")
    theme_part = part_of("theme")
    styles = book.parse(styles_part) if styles_part else None
    theme = book.parse(theme_part) if theme_part else None
    book.read_styles(styles, theme)
    book.index_bound = package.size(strings_part) // 5 + 1 if strings_part else 0

    sheets: list[_Sheet] = []
    sheet_elements: list[xmltree.Element] = []
    sheets_element = _child(workbook.root, "sheets")
    for element in _children(sheets_element, "sheet") if sheets_element is not None else []:
        sheet_elements.append(element)
        part = targets.get(_sheet_id(element) or "")
        if part is None or not package.has(part):
            continue
        rels = [(kind, target) for _id, kind, target in book.relationships(part)]
        sheets.append(_Sheet(element.get("name") or "", part, rels))

    for sheet in sheets:
        book.survey_sheet(sheet)
    if strings_part:
        book.survey_strings(strings_part)
    elif book.max_index >= 0:
        raise DocumentError("cells refer to shared strings, but the workbook has no shared string table")
    styles_changed = book.decide_fonts(styles)
    book.decide_renames([element.get("name") or "" for element in sheet_elements])

    replacements: dict[str, Replacement] = {}
    if styles_changed and styles is not None and styles_part:
        replacements[styles_part] = styles.to_bytes()
    if book.renames:
        changed = False
        for element in sheet_elements:
            new = book.renames.get(element.get("name") or "")
            if new is not None:
                element.set("name", new)
                changed = True
        for defined in workbook.root.iter():
            if _local(defined.tag) == "definedName":
                fixed = book.renames.fix(defined.text)
                if fixed is not None:
                    defined.set_text(fixed)
                    changed = True
        if changed:
            replacements[workbook_part] = workbook.to_bytes()
        for name in package.names():
            if name.endswith(".xml") and (
                name.startswith(("xl/charts/", "xl/pivotCache/")) or name == "docProps/app.xml"
            ):
                fixed_part = book.fix_references(name)
                if fixed_part is not None:
                    replacements[name] = fixed_part
    if strings_part and (book.strings_change or book.copies):
        strings_name = strings_part
        replacements[strings_part] = lambda stream: book.write_strings(strings_name, stream)
    for sheet in sheets:
        if book.sheet_changes(sheet):
            replacements[sheet.part] = _sheet_writer(book, sheet)
        for kind, part in sheet.rels:
            if kind == "comments" and package.has(part) and part not in replacements:
                comments = book.convert_comments(part)
                if comments is not None:
                    replacements[part] = comments
    write_package(package, target, replacements)


def _sheet_writer(book: _Workbook, sheet: _Sheet) -> Callable[[IO[bytes]], None]:
    return lambda stream: book.write_sheet(sheet, stream)
