"""OpenDocument files (.odt .ods .odp): legacy Lao font text converted to Unicode in place.

What is read: ``content.xml`` and ``styles.xml``. Every paragraph (``text:p``, ``text:h``) in them
is looked at wherever it stands: the body, tables, notes (footnotes and endnotes), draw frames and
text boxes, shapes on presentation pages (``draw:page``) and master pages, spreadsheet cells,
comments, and the headers and footers of master pages (``style:header``, ``style:footer`` and
their left/first variants, spreadsheet header regions). The text read is what stands directly in
``text:p``, ``text:h``, ``text:span`` and ``text:a`` (also through ``text:meta`` and ruby bases);
``text:s``, ``text:tab`` and ``text:line-break`` are structure and stay as they are. Fields
(page numbers, dates …) are generated text and are left alone.

The effective font of a text node is decided as LibreOffice does for Western text: the innermost
enclosing ``text:span`` or ``text:a`` whose style (``text:style-name``, family ``text``, looked up
in the part's ``office:automatic-styles`` and then in the common ``office:styles`` of
styles.xml, with its ``style:parent-style-name`` chain) sets a font, else the next span out, else
the paragraph's style and its chain, else, in spreadsheets, the cell's style (``table:style-name``,
else the row's or the column's ``table:default-cell-style-name``, else "Default", family
``table-cell``), and for text in shapes and comments the shape's styles
(``draw:text-style-name``, ``presentation:style-name``, ``draw:style-name``; not for the text
frames of text documents, whose text follows paragraph styles only), else the default style
(``style:default-style`` of the cell or graphic family, then of family ``paragraph``). A
style's font is its ``style:text-properties`` ``style:font-name`` (a name declared in
``office:font-face-decls``, read through the ``svg:font-family`` of that ``style:font-face``,
which may be quoted) or ``fo:font-family``. Bold, italic and size are taken the same way, each
from the nearest level that sets it (relative sizes are multiplied out). A text node is legacy
when its effective font is a legacy Lao font
(:meth:`~laotext.documents.report.Tally.encoding_for`); other text is passed to
:meth:`~laotext.documents.report.Tally.observe`.

Converted text gets the target font. LibreOffice shows Lao with the *complex* (CTL) font and
properties, so the style that converted text ends up in gets ``style:font-name`` and
``style:font-name-complex`` set to the target font (a ``style:font-face`` is declared for it in
each part that needs one), the descriptions of the old font (``fo:font-family``, charset, pitch)
removed, and ``style:font-weight-complex``, ``style:font-style-complex`` and
``style:font-size-complex`` set to the effective Western bold, italic and size, so the text looks
as it did. Which style that is: an automatic style of a span or paragraph that holds only legacy
text (and no other element refers to) is changed in place; otherwise a span whose whole text is
legacy is pointed at a new automatic style (a copy of its automatic style, or a child of its common
style), and any other legacy text is wrapped in a new ``text:span`` with a new automatic style
holding just the font. Sizes, bold, italic, colour and language attributes stay as they were.

In spreadsheets, sheet names (``table:table/@table:name``) are converted when they read as Lao
(:func:`laotext.legacy.reads_as_lao`) in exactly one of the legacy encodings of the text converted
in the document (so, with text of one encoding, when they read as Lao in it; a name that could be
either is left alone). The references to the old names in formulas (``[$'Old'.A1]``,
``['Old'.A1]``, ``[$Old.A1]``; string literals are skipped), conditions, named ranges and cell
range addresses, also those of embedded charts, are changed to match.

Parts with nothing converted (meta.xml, settings.xml, the manifest, pictures …) are copied byte
for byte, ``mimetype`` stays first and stored, and inside a changed part only converted text, the
styles of converted text and font declarations change.

Not covered: text in embedded objects (charts, formulas), ``office:string-value`` attributes of
cells, list bullet fonts, ``svg:title``/``svg:desc`` of shapes, flat XML files (.fodt), links to
cells (``xlink:href="#Sheet.A1"``) and the sheet names that settings.xml remembers (LibreOffice then
opens on the first sheet). Conversion is per text node, so a syllable split between two
differently formatted spans is converted in two pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from laotext.documents.package import Package, write_package
from laotext.documents.report import Tally
from laotext.documents.xmltree import Element, Node, Text, XmlDocument, parse
from laotext.errors import DocumentError
from laotext.legacy.convert import reads_as_lao, to_unicode

__all__ = ["convert"]

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"


def _o(local: str) -> str:
    return f"{{{_OFFICE}}}{local}"


def _s(local: str) -> str:
    return f"{{{_STYLE}}}{local}"


def _t(local: str) -> str:
    return f"{{{_TEXT}}}{local}"


def _tb(local: str) -> str:
    return f"{{{_TABLE}}}{local}"


_P, _H, _SPAN, _A = _t("p"), _t("h"), _t("span"), _t("a")
_PARAGRAPHS = frozenset({_P, _H})
_STYLED_INLINE = frozenset({_SPAN, _A})
_INLINE = frozenset({_SPAN, _A, _t("meta"), _t("ruby"), _t("ruby-base")})
_STRUCTURE = frozenset({_t("s"), _t("tab"), _t("line-break"), _t("soft-page-break")})
_STYLE_NAME = _t("style-name")
_CELLS = frozenset({_tb("table-cell"), _tb("covered-table-cell")})
_COLUMN_HOLDERS = frozenset({_tb("table-columns"), _tb("table-header-columns"), _tb("table-column-group")})
_STYLE_STYLE, _DEFAULT_STYLE, _TEXT_PROPERTIES = _s("style"), _s("default-style"), _s("text-properties")
_FONT_FACE = _s("font-face")
_DRAW_PREFIX = f"{{{_DRAW}}}"
_DRAW_FRAME = f"{{{_DRAW}}}frame"
_ANNOTATION = _o("annotation")
_SVG_FONT_FAMILY = f"{{{_SVG}}}font-family"

_FONT_DESCRIPTIONS = (
    f"{{{_FO}}}font-family",
    _s("font-family-complex"),
    *(
        _s(f"font-{what}{script}")
        for what in ("family-generic", "pitch", "charset", "style-name")
        for script in ("", "-complex")
    ),
)
"""Attributes describing the old font, removed where the target font is set."""

_PERCENT = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*%\s*$")
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*([a-zA-Z]+)\s*$")
_FORMULA_TOKEN = re.compile(r'"(?:[^"]|"")*"|\[((?:\'(?:[^\']|\'\')*\'|[^\]\'])*)\]')
_QUOTED = re.compile(r"'(?:[^']|'')*'")
_SHEET_PREFIX = re.compile(r"(\$?)('(?:[^']|'')*'|[^'.:\s\[\]#$]+)\.")
_FORMULA_ATTRIBUTES = frozenset({"formula", "condition", "expression"})

_KINDS = ("text", "spreadsheet", "presentation", "drawing", "chart", "image")

Triple = tuple[str | None, str | None, str | None]
"""The effective Western font weight, font style and font size of a text node."""

Ref = tuple[str, str]
"""A style reference: (family, name); the family ``"default"`` names a default style's family."""


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the legacy Lao text of the OpenDocument file *source*, writing the result to *target*."""
    path = str(source)
    with Package.open(source, path=path, limits=tally.options.limits) as package:
        if not package.has("content.xml"):
            raise DocumentError("not an OpenDocument package: it has no content.xml", path=path)
        if package.has("META-INF/manifest.xml") and b"encryption-data" in package.read(
            "META-INF/manifest.xml"
        ):
            raise DocumentError(
                "document is password-protected (encrypted); remove the password in LibreOffice "
                "(File > Properties) and convert it again",
                path=path,
            )
        content = _read_xml(package, "content.xml", path, "document-content")
        styles = (
            _read_xml(package, "styles.xml", path, "document-styles") if package.has("styles.xml") else None
        )
        kind = _document_kind(content, path)
        index = _StyleIndex(content, styles)
        parts = [_Part("content.xml", content, kind, index, tally)]
        if styles is not None:
            parts.append(_Part("styles.xml", styles, kind, index, tally))
        try:
            for part in parts:
                part.convert()
            replacements: dict[str, bytes] = {}
            if kind == "spreadsheet":
                encodings: dict[str, str] = {}
                for part in parts:
                    for encoding, font in part.encodings.items():
                        encodings.setdefault(encoding, font)
                renames = _rename_sheets(content, encodings, tally)
                if renames:
                    parts[0].changed = True
                    _fix_references(content.root, renames)
                    replacements.update(_fix_embedded_charts(package, renames, path))
            for part in parts:
                if part.changed:
                    replacements[part.name] = part.document.to_bytes()
        except DocumentError as error:
            if error.path:
                raise
            raise type(error)(error.reason, path=path, part=error.part) from None
        write_package(package, target, replacements)


# -- reading --------------------------------------------------------------------------------------


def _read_xml(package: Package, name: str, path: str, root: str | None = None) -> XmlDocument:
    try:
        document = parse(package.read(name), part=name)
    except DocumentError as error:
        if error.path:
            raise
        raise type(error)(error.reason, path=path, part=error.part or name) from None
    if root is not None and document.root.tag != _o(root):
        raise DocumentError(
            f"not an OpenDocument part: the root element is <{document.root.qname}>, not office:{root}",
            path=path,
            part=name,
        )
    return document


def _document_kind(content: XmlDocument, path: str) -> str:
    body = content.root.find(_o("body"))
    if body is None:
        raise DocumentError("content.xml has no office:body", path=path, part="content.xml")
    for child in body.elements():
        local = child.tag.rpartition("}")[2]
        if local in _KINDS:
            return local
    raise DocumentError(
        "content.xml holds no text, spreadsheet or presentation body", path=path, part="content.xml"
    )


_QNAMES: dict[int, tuple[dict[str, str], dict[str, tuple[str, ...]]]] = {}


def _attr(element: Element, name: str) -> str | None:
    """Attribute *name* (``{namespace}local``) of *element*: :meth:`Element.get`, with the qualified
    names each namespace scope gives it cached (element.get compares every attribute)."""
    namespaces = element.namespaces
    entry = _QNAMES.get(id(namespaces))
    if entry is None or entry[0] is not namespaces:
        if len(_QNAMES) > 256:
            _QNAMES.clear()
        entry = _QNAMES[id(namespaces)] = (namespaces, {})
    qnames = entry[1].get(name)
    if qnames is None:
        namespace, local = name[1:].split("}", 1)
        qnames = entry[1][name] = tuple(
            f"{prefix}:{local}" for prefix, uri in namespaces.items() if uri == namespace and prefix
        )
    attributes = element.attributes
    for qname in qnames:
        value = attributes.get(qname)
        if value is not None:
            return value
    return None


def _local(qname: str) -> str:
    return qname.rpartition(":")[2]


def _unquote_family(value: str) -> str:
    """The first family of a font family list, without its quotes."""
    value = value.strip()
    if value[:1] in ("'", '"'):
        end = value.find(value[0], 1)
        return value[1:end] if end > 0 else value[1:]
    return value.split(",", 1)[0].strip()


def _int(value: str | None, default: int = 1) -> int:
    try:
        return max(1, min(int(value), 1 << 20)) if value is not None else default
    except ValueError:
        return default


# -- styles ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Props:
    font: str | None
    weight: str | None
    style: str | None
    size: str | None


_NO_PROPS = _Props(None, None, None, None)


class _StyleIndex:
    """The styles of both parts: automatic styles per part, common and default styles, font faces."""

    def __init__(self, content: XmlDocument, styles: XmlDocument | None) -> None:
        self.common: dict[Ref, Element] = {}
        self.defaults: dict[str, Element] = {}
        self.automatic: dict[str, dict[Ref, Element]] = {"content.xml": {}, "styles.xml": {}}
        self.faces: dict[str, dict[str, str]] = {"content.xml": {}, "styles.xml": {}}
        self.home: dict[Element, str] = {}
        self.names: set[str] = set()
        self.counter = 0  # the number of the last new style name
        self._chains: dict[tuple[str, Ref], tuple[Element, ...]] = {}
        self._props: dict[Element, _Props] = {}
        self._effective: dict[tuple[str, tuple[Ref, ...]], tuple[str | None, Triple]] = {}
        for part, document in (("content.xml", content), ("styles.xml", styles)):
            if document is None:
                continue
            for section in document.root.elements():
                if section.tag == _o("font-face-decls"):
                    for face in section.findall(_FONT_FACE):
                        name, family = _attr(face, _s("name")), _attr(face, _SVG_FONT_FAMILY)
                        if name:
                            self.faces[part][name] = _unquote_family(family) if family else name
                elif section.tag in (_o("automatic-styles"), _o("styles")):
                    common = section.tag == _o("styles") and part == "styles.xml"
                    target = self.common if common else self.automatic[part]
                    for style in section.elements():
                        if style.tag == _STYLE_STYLE:
                            name, family = _attr(style, _s("name")), _attr(style, _s("family"))
                            if name and family:
                                target.setdefault((family, name), style)
                                self.home[style] = part
                                self.names.add(name)
                        elif style.tag == _DEFAULT_STYLE and common:
                            family = _attr(style, _s("family"))
                            if family:
                                self.defaults.setdefault(family, style)
                                self.home[style] = part

    def lookup(self, part: str, ref: Ref) -> Element | None:
        """The style *ref* as seen from *part*: its automatic styles first, then the common ones."""
        return self.automatic[part].get(ref) or self.common.get(ref)

    def chain(self, part: str, ref: Ref) -> tuple[Element, ...]:
        """Style *ref* and its parents, nearest first (a default style for family ``"default"``)."""
        key = (part, ref)
        cached = self._chains.get(key)
        if cached is not None:
            return cached
        family, name = ref
        found: list[Element] = []
        if family == "default":
            default = self.defaults.get(name)
            if default is not None:
                found.append(default)
        else:
            style = self.lookup(part, ref)
            seen: set[str] = set()
            while style is not None and name not in seen and len(found) < 64:
                seen.add(name)
                found.append(style)
                parent = _attr(style, _s("parent-style-name"))
                if not parent:
                    break
                name = parent
                style = self.common.get((family, name)) or self.automatic[part].get((family, name))
        result = tuple(found)
        self._chains[key] = result
        return result

    def props(self, style: Element) -> _Props:
        """The font, weight, style and size that *style* itself sets."""
        cached = self._props.get(style)
        if cached is not None:
            return cached
        result = _NO_PROPS
        properties = style.find(_TEXT_PROPERTIES)
        if properties is not None:
            font: str | None = None
            name = _attr(properties, _s("font-name"))
            if name:
                home = self.home.get(style, "styles.xml")
                other = "content.xml" if home == "styles.xml" else "styles.xml"
                font = self.faces[home].get(name) or self.faces[other].get(name) or name
            else:
                family = _attr(properties, f"{{{_FO}}}font-family")
                font = _unquote_family(family) if family else None
            result = _Props(
                font or None,
                _attr(properties, f"{{{_FO}}}font-weight"),
                _attr(properties, f"{{{_FO}}}font-style"),
                _attr(properties, f"{{{_FO}}}font-size"),
            )
        self._props[style] = result
        return result

    def effective(self, part: str, refs: tuple[Ref, ...]) -> tuple[str | None, Triple]:
        """The font and (weight, style, size) for styles *refs*, innermost first."""
        key = (part, refs)
        cached = self._effective.get(key)
        if cached is not None:
            return cached
        font = weight = style = size = None
        factor = 1.0
        for ref in refs:
            for element in self.chain(part, ref):
                props = self.props(element)
                font = font or props.font
                weight = weight or props.weight
                style = style or props.style
                if size is None and props.size:
                    percent = _PERCENT.match(props.size)
                    if percent:
                        factor *= float(percent.group(1)) / 100
                    else:
                        size = props.size
                        length = _LENGTH.match(size)
                        if factor != 1.0 and length:
                            size = f"{float(length.group(1)) * factor:g}{length.group(2)}"
        result = (font, (weight, style, size))
        self._effective[key] = result
        return result


# -- one part -------------------------------------------------------------------------------------


@dataclass
class _Node:
    """A text node, the inline elements it stands in (innermost first, the paragraph last) and its font."""

    text: Text
    chain: tuple[Element, ...]
    value: str
    font: str | None
    encoding: str | None
    triple: Triple

    @property
    def container(self) -> Element:
        return self.chain[0]


def _own_ref(element: Element) -> Ref | None:
    name = _attr(element, _STYLE_NAME)
    if not name:
        return None
    return ("paragraph" if element.tag in _PARAGRAPHS else "text", name)


class _Part:
    """Converts the legacy text of one part (content.xml or styles.xml)."""

    def __init__(self, name: str, document: XmlDocument, kind: str, index: _StyleIndex, tally: Tally) -> None:
        self.name = name
        self.document = document
        self.kind = kind
        self.index = index
        self.tally = tally
        self.changed = False
        self.encodings: dict[str, str] = {}  # encoding -> first font seen with it
        self._derived: dict[tuple[Ref | None, Triple], str] = {}
        self._face: str | None = None
        self._row_columns: dict[Element, dict[Element, int]] = {}
        self._table_columns: dict[Element, tuple[list[int], list[int], list[str | None]]] = {}

    # -- reading --------------------------------------------------------------------------------
    def _nodes(self) -> list[_Node]:
        nodes: list[_Node] = []
        for paragraph in self.document.root.iter():
            if paragraph.tag not in _PARAGRAPHS:
                continue
            tail = self._tail_refs(paragraph)
            stack: list[tuple[Element, tuple[Element, ...], tuple[Ref, ...]]] = [
                (paragraph, (paragraph,), ())
            ]
            while stack:
                element, chain, spans = stack.pop()
                pending: list[tuple[Element, tuple[Element, ...], tuple[Ref, ...]]] = []
                for child in element.children:
                    if isinstance(child, Text):
                        value = child.value
                        refs = spans + tail
                        font, triple = self.index.effective(self.name, refs)
                        encoding = self.tally.encoding_for(font) if value.strip() else None
                        nodes.append(_Node(child, chain, value, font, encoding, triple))
                    elif isinstance(child, Element) and child.tag in _INLINE:
                        ref = _own_ref(child) if child.tag in _STYLED_INLINE else None
                        pending.append((child, (child, *chain), ((ref, *spans) if ref else spans)))
                stack.extend(reversed(pending))
        return nodes

    def _tail_refs(self, paragraph: Element) -> tuple[Ref, ...]:
        """The style references after the spans: the paragraph's, its context's and the defaults."""
        refs: list[Ref] = []
        own = _own_ref(paragraph)
        if own:
            refs.append(own)
        context_default: str | None = None
        for ancestor in paragraph.ancestors():
            tag = ancestor.tag
            if tag in _CELLS:
                if self.kind == "spreadsheet":
                    refs.extend(self._cell_refs(ancestor))
                    context_default = "table-cell"
                    break
                continue
            if tag == _DRAW_FRAME and self.kind == "text":
                break  # text frames of text documents take their text from paragraph styles
            if tag.startswith(_DRAW_PREFIX) or tag == _ANNOTATION:
                text_style = _attr(ancestor, f"{{{_DRAW}}}text-style-name")
                presentation = _attr(ancestor, f"{{{_PRESENTATION}}}style-name")
                graphic = _attr(ancestor, f"{{{_DRAW}}}style-name")
                if presentation or graphic or text_style:
                    if text_style:
                        refs.append(("paragraph", text_style))
                    if presentation:
                        refs.append(("presentation", presentation))
                    if graphic:
                        refs.append(("graphic", graphic))
                    context_default = "graphic"
                    break
        if context_default:
            refs.append(("default", context_default))
        refs.append(("default", "paragraph"))
        return tuple(refs)

    def _cell_refs(self, cell: Element) -> list[Ref]:
        name = _attr(cell, _tb("style-name"))
        row = cell.parent
        if not name and row is not None:
            name = _attr(row, _tb("default-cell-style-name"))
            if not name:
                name = self._column_default(cell, row)
        if not name and ("table-cell", "Default") in self.index.common:
            name = "Default"
        return [("table-cell", name)] if name else []

    def _column_default(self, cell: Element, row: Element) -> str | None:
        table = next((a for a in row.ancestors() if a.tag == _tb("table")), None)
        if table is None:
            return None
        columns = self._table_columns.get(table)
        if columns is None:
            starts: list[int] = []
            ends: list[int] = []
            defaults: list[str | None] = []
            position = 0
            stack = list(reversed(list(table.elements())))
            while stack:
                element = stack.pop()
                if element.tag == _tb("table-column"):
                    starts.append(position)
                    defaults.append(_attr(element, _tb("default-cell-style-name")))
                    position += _int(_attr(element, _tb("number-columns-repeated")))
                    ends.append(position)
                elif element.tag in _COLUMN_HOLDERS:
                    stack.extend(reversed(list(element.elements())))
            columns = self._table_columns[table] = (starts, ends, defaults)
        positions = self._row_columns.get(row)
        if positions is None:
            positions, position = {}, 0
            for element in row.elements():
                if element.tag in _CELLS:
                    positions[element] = position
                    position += _int(_attr(element, _tb("number-columns-repeated")))
            self._row_columns[row] = positions
        column = positions.get(cell)
        starts, ends, defaults = columns
        if column is None:
            return None
        slot = bisect_right(starts, column) - 1
        return defaults[slot] if slot >= 0 and column < ends[slot] else None

    # -- converting -----------------------------------------------------------------------------
    def convert(self) -> None:
        """Convert every legacy text node of the part and give it the target font."""
        nodes = self._nodes()
        if not any(node.encoding for node in nodes):
            for node in nodes:
                if node.value.strip():
                    self.tally.observe(node.value, node.font)
            return
        automatic = self.index.automatic[self.name]
        tainted = self._referenced_elsewhere(automatic)
        mixed: set[Element] = set()
        innermost: dict[Ref, set[Triple]] = {}
        for node in nodes:
            if not node.value.strip():
                continue
            if node.encoding is None:
                for element in node.chain:
                    mixed.add(element)
                    ref = _own_ref(element)
                    if ref:
                        tainted.add(ref)
                continue
            ref = _own_ref(node.container)
            if ref:
                innermost.setdefault(ref, set()).add(node.triple)
        in_place: dict[Ref, Triple] = {}
        groups: dict[Element, list[_Node]] = {}
        for node in nodes:
            if node.encoding is None:
                if node.value.strip():
                    self.tally.observe(node.value, node.font)
                continue
            assert node.font is not None
            node.text.value = self.tally.convert(node.value, node.font, node.encoding)
            self.encodings.setdefault(node.encoding, node.font)
            groups.setdefault(node.container, []).append(node)
        for container, legacy in groups.items():
            ref = _own_ref(container)
            triples = {node.triple for node in legacy}
            if ref and ref in automatic and ref not in tainted and len(innermost.get(ref, ())) == 1:
                in_place[ref] = next(iter(innermost[ref]))
            elif container.tag == _SPAN and container not in mixed and len(triples) == 1:
                container.set(_STYLE_NAME, self._derived_style(ref, legacy[0].triple))
            else:
                self._wrap(container, {node.text: node for node in legacy})
        for ref, triple in in_place.items():
            self._set_font(self._text_properties(automatic[ref]), triple)
        self.changed = True

    def _referenced_elsewhere(self, automatic: dict[Ref, Element]) -> set[Ref]:
        """Automatic text and paragraph styles that something other than a span or paragraph refers to."""
        names = {name for family, name in automatic if family in ("text", "paragraph")}
        tainted: set[Ref] = set()
        for element in self.document.root.iter():
            inline = element.tag in _PARAGRAPHS or element.tag in _STYLED_INLINE
            for qname, value in element.attributes.items():
                local = _local(qname)
                if not (local.endswith("style-name") or local == "class-names"):
                    continue
                if inline and local == "style-name" and _attr(element, _STYLE_NAME) == value:
                    continue
                for name in value.split() if local == "class-names" else (value,):
                    if name in names:
                        tainted.update((("text", name), ("paragraph", name)))
        return tainted

    def _wrap(self, container: Element, legacy: dict[Text, _Node]) -> None:
        """Put each run of legacy text nodes of *container* (with the structure between) in a new span."""
        children = container.children
        result: list[Node] = []
        index = 0
        while index < len(children):
            child = children[index]
            node = legacy.get(child) if isinstance(child, Text) else None
            if node is None:
                result.append(child)
                index += 1
                continue
            end, last = index + 1, index + 1
            while end < len(children):
                following = children[end]
                if isinstance(following, Text):
                    other = legacy.get(following)
                    if other is not None and other.triple == node.triple:
                        last = end + 1
                    elif other is not None or following.value.strip():
                        break
                elif not (isinstance(following, Element) and following.tag in _STRUCTURE):
                    break
                end += 1
            span = container.make_child(_SPAN, {_STYLE_NAME: self._derived_style(None, node.triple)})
            container.children.pop()
            span.children = children[index:last]
            for moved in span.children:
                if isinstance(moved, Element):
                    moved.parent = span
            result.append(span)
            index = last
        container.children = result

    def _derived_style(self, base: Ref | None, triple: Triple) -> str:
        """The name of an automatic text style in the target font based on style *base*."""
        if base is not None and base not in self.index.automatic[self.name] and base not in self.index.common:
            base = None  # a reference to a style that does not exist
        key = (base, triple)
        name = self._derived.get(key)
        if name is not None:
            return name
        name = self._new_name()
        holder = self._automatic_styles()
        original = self.index.automatic[self.name].get(base) if base else None
        if original is not None:
            style = _copy(original, holder)
            style.set(_s("name"), name)
        else:
            attributes = {_s("name"): name, _s("family"): "text"}
            if base and base in self.index.common:
                attributes[_s("parent-style-name")] = base[1]
            style = holder.make_child(_STYLE_STYLE, attributes)
        self._set_font(self._text_properties(style), triple)
        self.index.automatic[self.name][("text", name)] = style
        self.index.home[style] = self.name
        self._derived[key] = name
        return name

    def _new_name(self) -> str:
        """A style name used nowhere in the document."""
        index = self.index
        index.counter += 1
        while f"LaoT{index.counter}" in index.names:
            index.counter += 1
        name = f"LaoT{index.counter}"
        index.names.add(name)
        return name

    def _automatic_styles(self) -> Element:
        root = self.document.root
        holder = root.find(_o("automatic-styles"))
        if holder is None:
            after = (_o("scripts"), _o("font-face-decls"), _o("styles"))
            position = 0
            for i, child in enumerate(root.children):
                if isinstance(child, Element) and child.tag in after:
                    position = i + 1
            holder = root.make_child(_o("automatic-styles"), index=position)
        return holder

    @staticmethod
    def _text_properties(style: Element) -> Element:
        properties = style.find(_TEXT_PROPERTIES)
        if properties is None:
            position = next(
                (
                    i
                    for i, child in enumerate(style.children)
                    if isinstance(child, Element) and child.tag == _s("map")
                ),
                None,
            )
            properties = style.make_child(_TEXT_PROPERTIES, index=position)
        return properties

    def _set_font(self, properties: Element, triple: Triple) -> None:
        face = self._font_face()
        for name in _FONT_DESCRIPTIONS:
            properties.remove_attribute(name)
        weight, style, size = triple
        properties.set(_s("font-name"), face)
        properties.set(_s("font-name-complex"), face)
        properties.set(_s("font-weight-complex"), weight or "normal")
        properties.set(_s("font-style-complex"), style or "normal")
        if size:
            properties.set(_s("font-size-complex"), size)

    def _font_face(self) -> str:
        """The name of a ``style:font-face`` of the target font in this part, declared if missing."""
        if self._face is not None:
            return self._face
        font = self.tally.options.font
        faces = self.index.faces[self.name]
        for name, family in faces.items():
            if family.casefold() == font.casefold():
                self._face = name
                return name
        name, number = font, 1
        while name in faces:
            number += 1
            name = f"{font} {number}"
        root = self.document.root
        decls = root.find(_o("font-face-decls"))
        if decls is None:
            position = next(
                (
                    i + 1
                    for i, c in enumerate(root.children)
                    if isinstance(c, Element) and c.tag == _o("scripts")
                ),
                0,
            )
            decls = root.make_child(_o("font-face-decls"), index=position)
        family = f"'{font}'" if " " in font else font
        if any(uri == _SVG for uri in root.namespaces.values()):
            decls.make_child(_FONT_FACE, {_s("name"): name, _SVG_FONT_FAMILY: family})
        else:
            decls.make_child(_FONT_FACE, {_s("name"): name, "xmlns:svg": _SVG, "svg:font-family": family})
        faces[name] = font
        self._face = name
        return name


def _copy(original: Element, parent: Element) -> Element:
    """A deep copy of element *original* (attributes and child elements) appended to *parent*."""
    copy = parent.make_child(original.tag, dict(original.attributes))
    for child in original.elements():
        _copy(child, copy)
    return copy


# -- sheet names ----------------------------------------------------------------------------------


def _rename_sheets(content: XmlDocument, encodings: dict[str, str], tally: Tally) -> dict[str, str]:
    """Convert the sheet names that read as Lao in exactly one of *encodings* (encoding -> font of
    converted text); old name -> new name."""
    body = content.root.find(_o("body"))
    sheet_holder = body.find(_o("spreadsheet")) if body is not None else None
    if sheet_holder is None or not encodings:
        return {}
    sheets = sheet_holder.findall(_tb("table"))
    taken = {_attr(sheet, _tb("name")) for sheet in sheets}
    renames: dict[str, str] = {}
    for sheet in sheets:
        name = _attr(sheet, _tb("name"))
        if not name or not name.strip():
            continue
        readings = [encoding for encoding in encodings if reads_as_lao(name, encoding)]
        if len(readings) != 1:
            continue
        encoding = readings[0]
        new = to_unicode(name, encoding)
        if new == name:
            continue
        if new in taken or "\ufffd" in new:
            tally.warn(f"sheet {name!r} was not renamed: {new!r} is taken or not fully converted")
            continue
        tally.convert(name, encodings[encoding], encoding)
        taken.add(new)
        sheet.set(_tb("name"), new)
        renames[name] = new
    return renames


def _fix_references(root: Element, renames: dict[str, str]) -> bool:
    """Rewrite sheet names in formulas and range addresses below *root*; whether anything changed."""
    changed = False
    for element in root.iter():
        for qname, value in list(element.attributes.items()):
            local = _local(qname)
            if local in _FORMULA_ATTRIBUTES:
                new = _FORMULA_TOKEN.sub(
                    lambda m: m.group() if m.group(1) is None else f"[{_fix_reference(m.group(1), renames)}]",
                    value,
                )
            elif local.endswith(("address", "addresses", "ranges")):
                new = _fix_reference(value, renames)
            else:
                continue
            if new != value:
                element.set(qname, new)
                changed = True
    return changed


def _fix_reference(reference: str, renames: dict[str, str]) -> str:
    """*reference* (cell addresses joined by ':' and spaces) with renamed sheets."""
    out: list[str] = []
    position, length, at_start = 0, len(reference), True
    while position < length:
        if at_start:
            at_start = False
            match = _SHEET_PREFIX.match(reference, position)
            if match:
                raw = match.group(2)
                name = raw[1:-1].replace("''", "'") if raw.startswith("'") else raw
                new = renames.get(name)
                if new is not None:
                    out.append(f"{match.group(1)}'{new.replace(chr(39), chr(39) * 2)}'.")
                    position = match.end()
                    continue
        character = reference[position]
        if character == "'":
            quoted = _QUOTED.match(reference, position)
            end = quoted.end() if quoted else length
            out.append(reference[position:end])
            position = end
            continue
        out.append(character)
        position += 1
        at_start = character == ":" or character.isspace()
    return "".join(out)


def _fix_embedded_charts(package: Package, renames: dict[str, str], path: str) -> Iterator[tuple[str, bytes]]:
    """The content parts of embedded objects whose range addresses name renamed sheets, fixed."""
    for name in package.names():
        if not name.endswith("/content.xml") or name.startswith("META-INF/"):
            continue
        data = package.read(name)
        if not any(old.encode("utf-8") in data for old in renames):
            continue
        document = _read_xml(package, name, path)
        if _fix_references(document.root, renames):
            yield name, document.to_bytes()
