"""Word documents (.docx .docm .dotx): legacy Lao font runs converted to Unicode in place.

What is read: the main document part (found through ``_rels/.rels``, else ``word/document.xml``)
and every part holding text that it relates to: headers, footers, footnotes, endnotes and
comments (by relationship, and by name next to the main part for packages whose relationships
are incomplete), and the glossary document (building blocks) with its own styles. Inside each
part every run (``w:r``) is looked at wherever it stands: paragraphs, tables, hyperlinks, content
controls, tracked insertions and deletions (``w:delText``), the result runs of fields (field
instructions are left alone), and text boxes (``w:txbxContent``, both the ``mc:Choice`` and the
``mc:Fallback`` copy of ``mc:AlternateContent``).

The effective font of a run is decided as Word does: the run's own ``w:rPr``, over its character
style (``w:rStyle`` and its ``w:basedOn`` chain, else the default character style), over its
paragraph's style (``w:pStyle`` and its chain, else the default paragraph style, "Normal"), over
the style of the table it stands in, over ``w:docDefaults``; each ``w:rFonts`` attribute and each
property is taken from the nearest level that sets it. Theme references (``w:asciiTheme`` …)
are read through the theme's major and minor fonts. Characters below U+0080 are shown in the
``w:ascii`` font, complex-script characters (Thai, Lao, Arabic …) in the ``w:cs`` font and the
others in the ``w:hAnsi`` font (all in the ``w:cs`` font when the run is marked ``w:cs``). A run
is legacy when the font its characters are shown in is a legacy Lao font
(:meth:`~laotext.documents.report.Tally.encoding_for`).

In a legacy run the text of ``w:t`` and ``w:delText`` is converted, and ``w:sym`` characters of a
legacy font become ``w:t`` text. The run's ``w:rFonts`` is set to the target font for ASCII, other
and complex-script text (theme references and the hint removed), and, because Word shows Unicode
Lao with the complex-script properties, ``w:bCs``, ``w:iCs`` and ``w:szCs`` are set on the run
to the effective bold, italic and size where they differ, so the text looks as it did. New
elements go where the schema orders them. Styles are never changed (a style may be shared with
text that is not legacy), nor the paragraph mark properties; everything else in a changed part
is written back byte for byte, and parts with nothing converted are copied unchanged.

Not covered: DrawingML text (charts, SmartArt, WordArt shapes outside ``w:txbxContent``), math
(``m:r``), field instructions such as ``SYMBOL`` fields, and numbering (list label) fonts.
Toggle properties are read as plain overrides, not flipped by style chains.
"""

from __future__ import annotations

import gc
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from laotext.documents.package import Package, write_package
from laotext.documents.report import Tally
from laotext.documents.xmltree import XML_NAMESPACE, Element, XmlDocument, parse
from laotext.errors import DocumentError

__all__ = ["convert"]

_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_A_NAMESPACES = (
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/drawingml/main",
)
_REL_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships"

_TEXT_RELATIONSHIPS = frozenset({"header", "footer", "footnotes", "endnotes", "comments"})
_TEXT_PART_NAME = re.compile(r"(?:header\d*|footer\d*|footnotes|endnotes|comments)\.xml")

# Characters Word shows with the complex-script font: Hebrew to Sinhala, Thai, Lao, Tibetan,
# Syriac/Thaana/NKo and the Arabic presentation forms.
_COMPLEX = "\u0590-\u0dff\u0e00-\u0fff\ufb1d-\ufdff\ufe70-\ufeff"
_HAS_ASCII = re.compile("[\x00-\x7f]")
_HAS_COMPLEX = re.compile(f"[{_COMPLEX}]")
_HAS_OTHER = re.compile(f"[^\x00-\x7f{_COMPLEX}]")
_SEGMENT = re.compile(f"[\x00-\x7f]+|[{_COMPLEX}]+|[^\x00-\x7f{_COMPLEX}]+")

_SPACE = f"{{{XML_NAMESPACE}}}space"
_FALSE = frozenset({"0", "false", "off"})

# Children of w:rPr in the order the schema requires (w:rPrChange comes last).
_RPR_SEQUENCE = """
    rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid
    vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs
    em lang eastAsianLayout specVanish oMath rPrChange
"""
_RPR_ORDER = {name: rank for rank, name in enumerate(_RPR_SEQUENCE.split())}
_LAST = len(_RPR_ORDER)

_FONT_ATTRIBUTES = ("ascii", "hAnsi", "cs", "asciiTheme", "hAnsiTheme", "cstheme", "hint")
_SLOTS = (("ascii", "asciiTheme"), ("hAnsi", "hAnsiTheme"), ("cs", "cstheme"))
_TWINS = (("b", "bCs"), ("i", "iCs"), ("sz", "szCs"))
_TOGGLES = frozenset({"b", "bCs", "i", "iCs", "cs"})

Props = dict[str, str]
"""Run properties that matter here: font slots ``ascii``/``hAnsi``/``cs``, ``b`` ``bCs`` ``i``
``iCs`` (``"1"``/``"0"``), ``sz`` ``szCs`` (half-points) and ``csrun`` (the ``w:cs`` flag)."""
_NONE: Props = {}


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the legacy Lao runs of the Word document *source*, writing the result to *target*."""
    path = str(source)
    collecting = gc.isenabled()
    gc.disable()  # a part's tree is many small objects: collecting while it is built costs more than parsing
    try:
        _convert(source, target, tally, path)
    finally:
        if collecting:
            gc.enable()


def _convert(source: Path, target: IO[bytes], tally: Tally, path: str) -> None:
    with Package.open(source, path=path, limits=tally.options.limits) as package:
        replacements: dict[str, bytes] = {}
        main = _main_part(package, path)
        related = _related(package, main, path)
        _convert_story(package, main, related, path, tally, replacements)
        for name in related.get("glossaryDocument", []):
            if package.has(name) and name != main:
                _convert_story(package, name, _related(package, name, path), path, tally, replacements)
        write_package(package, target, replacements)


# -- package structure ----------------------------------------------------------------------------


def _read_xml(package: Package, name: str, path: str) -> XmlDocument:
    try:
        return parse(package.read(name), part=name)
    except DocumentError as error:
        if error.path:
            raise
        raise type(error)(error.reason, path=path, part=error.part or name) from None


def _relationships(package: Package, source: str, path: str) -> list[tuple[str, str]]:
    """(type, target part) of the relationships of part *source* ('' for the package), internal only."""
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    if not package.has(rels):
        return []
    found: list[tuple[str, str]] = []
    for element in _read_xml(package, rels, path).root.elements():
        if element.tag != f"{{{_REL_NAMESPACE}}}Relationship" or element.get("TargetMode") == "External":
            continue
        kind, target = element.get("Type") or "", element.get("Target") or ""
        if not target:
            continue
        name = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found.append((kind.rsplit("/", 1)[-1], name))
    return found


def _related(package: Package, source: str, path: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for kind, name in _relationships(package, source, path):
        result.setdefault(kind, []).append(name)
    return result


def _main_part(package: Package, path: str) -> str:
    for kind, name in _relationships(package, "", path):
        if kind == "officeDocument" and package.has(name):
            return name
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise DocumentError("no main document part (word/document.xml): not a Word document", path=path)


# -- styles and theme -----------------------------------------------------------------------------


def _theme_fonts(document: XmlDocument | None) -> dict[str, str]:
    """Theme font references (``minorHAnsi`` …) and the typefaces they stand for."""
    if document is None:
        return {}
    fonts: dict[str, str] = {}
    for namespace in _A_NAMESPACES:
        for kind in ("major", "minor"):
            for scheme in document.root.iter(f"{{{namespace}}}{kind}Font"):
                for child, names in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
                    face = scheme.find(f"{{{namespace}}}{child}")
                    typeface = face.get("typeface") if face is not None else None
                    if typeface:
                        for name in names:
                            fonts.setdefault(kind + name, typeface)
    return fonts


class _Styles:
    """The run properties each style gives, with ``w:basedOn`` chains and defaults resolved."""

    def __init__(self, document: XmlDocument | None, theme: dict[str, str], w: str) -> None:
        self.w = w
        self.theme = theme
        self.defaults: Props = {}
        self._own: dict[str, Props] = {}
        self._based_on: dict[str, str] = {}
        self._resolved: dict[str, Props] = {}
        self._bases: dict[tuple[str | None, str | None, str | None], Props] = {}
        self._direct: dict[tuple[tuple[str, str], ...], Props] = {}
        self.default_style: dict[str, str] = {}
        if document is None:
            return
        root = document.root
        if _namespace(root.tag) in _W_NAMESPACES:
            w = self.w = _namespace(root.tag)
        defaults = root.find(f"{{{w}}}docDefaults")
        if defaults is not None:
            holder = defaults.find(f"{{{w}}}rPrDefault")
            rpr = holder.find(f"{{{w}}}rPr") if holder is not None else None
            self.defaults = self.properties(rpr)
        for style in root.findall(f"{{{w}}}style"):
            style_id = _get(style, "styleId", w)
            if not style_id:
                continue
            kind = _get(style, "type", w) or "paragraph"
            if _get(style, "default", w) in ("1", "true", "on"):
                self.default_style.setdefault(kind, style_id)
            based = style.find(f"{{{w}}}basedOn")
            if based is not None and _get(based, "val", w):
                self._based_on[style_id] = _get(based, "val", w) or ""
            self._own[style_id] = self.properties(style.find(f"{{{w}}}rPr"))

    def properties(self, rpr: Element | None) -> Props:
        """The properties set directly by the ``w:rPr`` element *rpr* (do not change the result)."""
        if rpr is None:
            return _NONE
        key = tuple((child.tag, child.start_tag()) for child in rpr.elements())
        props = self._direct.get(key)
        if props is None:
            props = self._direct[key] = self._read(rpr)
        return props

    def _read(self, rpr: Element) -> Props:
        props: Props = {}
        w = self.w
        for child in rpr.elements():
            namespace, local = _split(child.tag)
            if namespace != w:
                continue
            if local == "rFonts":
                for slot, theme_attribute in _SLOTS:
                    reference = _get(child, theme_attribute, w)
                    name = self.theme.get(reference) if reference else None
                    if not name:
                        name = _get(child, slot, w)
                    if name:
                        props[slot] = name
            elif local in _TOGGLES:
                value = _get(child, "val", w)
                props["csrun" if local == "cs" else local] = "0" if value in _FALSE else "1"
            elif local in ("sz", "szCs"):
                value = _get(child, "val", w)
                if value:
                    props[local] = value
        return props

    def chain(self, style_id: str | None) -> Props:
        """The properties of style *style_id* with everything it is based on."""
        if not style_id or style_id not in self._own:
            return {}
        resolved = self._resolved.get(style_id)
        if resolved is not None:
            return resolved
        chain: list[str] = []
        current: str | None = style_id
        while current and current in self._own and current not in chain:
            chain.append(current)
            current = self._based_on.get(current)
        props: Props = {}
        for name in reversed(chain):
            props.update(self._own[name])
        self._resolved[style_id] = props
        return props

    def base(self, table: str | None, paragraph: str | None, character: str | None) -> Props:
        """Defaults, then table, paragraph and character style (each falling back to the default style)."""
        key = (table, paragraph, character)
        props = self._bases.get(key)
        if props is None:
            props = dict(self.defaults)
            if table is not None:
                props.update(self.chain(table if table in self._own else self.default_style.get("table")))
            props.update(
                self.chain(paragraph if paragraph in self._own else self.default_style.get("paragraph"))
            )
            props.update(
                self.chain(character if character in self._own else self.default_style.get("character"))
            )
            self._bases[key] = props
        return props


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


def _namespace(tag: str) -> str:
    return _split(tag)[0]


# -- converting one story (a main document and the parts related to it) ---------------------------


def _convert_story(
    package: Package,
    main: str,
    related: dict[str, list[str]],
    path: str,
    tally: Tally,
    replacements: dict[str, bytes],
) -> None:
    """Convert the main part *main* and the text parts it relates to, with its styles and theme."""
    theme_names = [name for name in related.get("theme", []) if package.has(name)]
    theme = _theme_fonts(_read_xml(package, theme_names[0], path) if theme_names else None)
    style_names = [name for name in related.get("styles", []) if package.has(name)]
    if not style_names:
        fallback = posixpath.join(posixpath.dirname(main), "styles.xml")
        style_names = [fallback] if package.has(fallback) else []
    main_document = _read_xml(package, main, path)
    w = _namespace(main_document.root.tag)
    if w not in _W_NAMESPACES:
        raise DocumentError("the main part is not WordprocessingML", path=path, part=main)
    styles = _Styles(_read_xml(package, style_names[0], path) if style_names else None, theme, w)

    parts = [main]
    for kind, names in related.items():
        if kind in _TEXT_RELATIONSHIPS:
            parts += names
    folder = posixpath.dirname(main)
    parts += [
        name
        for name in package.names()
        if posixpath.dirname(name) == folder and _TEXT_PART_NAME.fullmatch(posixpath.basename(name))
    ]
    seen: set[str] = set()
    for name in parts:
        if name in seen or name in replacements or not package.has(name):
            continue
        seen.add(name)
        document = main_document if name == main else _read_xml(package, name, path)
        if _Part(document, styles, tally).convert():
            replacements[name] = document.to_bytes()


class _Part:
    """The runs of one part, converted where their font is legacy."""

    def __init__(self, document: XmlDocument, styles: _Styles, tally: Tally) -> None:
        self.document = document
        self.styles = styles
        self.tally = tally
        namespace = _namespace(document.root.tag)
        w = self.w = namespace if namespace in _W_NAMESPACES else styles.w
        self.tags = {
            local: f"{{{w}}}{local}"
            for local in (
                *("r", "rPr", "rStyle", "rFonts", "p", "pPr", "pStyle", "tbl", "tblPr", "tblStyle"),
                *("txbxContent", "t", "delText", "sym", "softHyphen"),
            )
        }
        self.skip = frozenset(
            f"{{{w}}}{local}" for local in ("rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr")
        )
        self.changed = False

    def convert(self) -> bool:
        """Convert every legacy run; whether anything changed."""
        tags = self.tags
        run, paragraph, table, box = tags["r"], tags["p"], tags["tbl"], tags["txbxContent"]
        stack: list[tuple[Element, str | None, str | None]] = [(self.document.root, None, None)]
        skip = self.skip
        while stack:
            element, table_style, paragraph_style = stack.pop()
            tag = element.tag
            if tag == run:
                self._run(element, table_style, paragraph_style)
            elif tag == paragraph:
                paragraph_style = self._style_of(element, "pPr", "pStyle") or ""
            elif tag == table:
                table_style = self._style_of(element, "tblPr", "tblStyle") or ""
            elif tag == box:
                table_style = None
            stack.extend(
                (child, table_style, paragraph_style)
                for child in reversed(element.children)
                if isinstance(child, Element) and child.tag not in skip
            )
        return self.changed

    def _style_of(self, element: Element, holder_tag: str, style_tag: str) -> str | None:
        holder = element.find(self.tags[holder_tag])
        style = holder.find(self.tags[style_tag]) if holder is not None else None
        return _get(style, "val", self.w) if style is not None else None

    def _run(self, run: Element, table_style: str | None, paragraph_style: str | None) -> None:
        tags = self.tags
        text_tags = (tags["t"], tags["delText"])
        texts: list[Element] = []
        symbols: list[Element] = []
        soft_hyphens = False
        rpr: Element | None = None
        for child in run.children:
            if isinstance(child, Element):
                if child.tag in text_tags:
                    texts.append(child)
                elif child.tag == tags["sym"]:
                    symbols.append(child)
                elif child.tag == tags["softHyphen"]:
                    soft_hyphens = True
                elif child.tag == tags["rPr"] and rpr is None:
                    rpr = child
        if not texts and not symbols and not soft_hyphens:
            return
        styles = self.styles
        character_style: str | None = None
        if rpr is not None:
            style = rpr.find(tags["rStyle"])
            character_style = _get(style, "val", self.w) if style is not None else None
        props = styles.base(table_style, paragraph_style, character_style)
        if rpr is not None:
            direct = styles.properties(rpr)
            if direct:
                props = {**props, **direct}
        shown_in = props.get("cs" if props.get("csrun") == "1" else "hAnsi")  # the font of U+00AD
        if soft_hyphens and self.tally.encoding_for(shown_in):
            texts = self._merge_soft_hyphens(run)
        converted = False
        if texts:
            converted = self._convert_texts(texts, props)
        for symbol in symbols:
            converted = self._convert_symbol(run, symbol) or converted
        if converted:
            self._restyle(run, rpr, props)
            self.changed = True

    def _merge_soft_hyphens(self, run: Element) -> list[Element]:
        """Join the run's text pieces around ``w:softHyphen`` into one ``w:t``; return its text elements.

        Word stores the character U+00AD as ``<w:softHyphen/>``, but in the LSWin fonts code 0xAD
        is the letter ນ, so in a legacy run it is text, and must be converted with its neighbours.
        """
        tags = self.tags
        mergeable = (tags["t"], tags["softHyphen"])
        children: list[object] = []
        group: list[Element] = []

        def flush() -> None:
            if not group:
                return
            if any(element.tag == tags["softHyphen"] for element in group):
                soft = tags["softHyphen"]
                text = "".join("\u00ad" if element.tag == soft else element.text for element in group)
                merged = next((element for element in group if element.tag == tags["t"]), None)
                if merged is None:
                    merged = run.make_child(tags["t"])
                    run.remove(merged)
                merged.set_text(text)
                if text != text.strip():
                    merged.set(_SPACE, "preserve")
                children.append(merged)
            else:
                children.extend(group)
            group.clear()

        for child in run.children:
            if isinstance(child, Element) and child.tag in mergeable:
                group.append(child)
            else:
                flush()
                children.append(child)
        flush()
        run.children = children  # type: ignore[assignment]
        return [child for child in run.elements() if child.tag in (tags["t"], tags["delText"])]

    def _convert_texts(self, elements: list[Element], props: Props) -> bool:
        pieces = [element.text for element in elements]
        joined = "\n".join(pieces)
        if not joined.strip():
            return False
        if props.get("csrun") == "1":
            fonts = {"ascii": props.get("cs"), "other": props.get("cs"), "complex": props.get("cs")}
        else:
            fonts = {"ascii": props.get("ascii"), "other": props.get("hAnsi"), "complex": props.get("cs")}
        if joined.isascii():
            present = ["ascii"]
        else:
            present = [
                kind
                for kind, pattern in (("other", _HAS_OTHER), ("ascii", _HAS_ASCII), ("complex", _HAS_COMPLEX))
                if pattern.search(joined)
            ]
        tally = self.tally
        # Beside Unicode Lao (or other complex-script) letters, ASCII is the spaces and digits of
        # that Unicode text, not legacy codes, whatever its font.
        judged = [kind for kind in present if kind != "ascii"] if "complex" in present else present
        legacy = [
            (font, encoding)
            for font, encoding in ((fonts[kind], tally.encoding_for(fonts[kind])) for kind in judged)
            if font and encoding
        ]
        if not legacy:
            tally.observe(joined, fonts[present[0]])
            return False
        if len({encoding for _, encoding in legacy}) > 1:
            new_pieces = [self._convert_mixed(piece, fonts) for piece in pieces]
        else:
            font, encoding = legacy[0]
            new_pieces = []
            if len(pieces) > 1 and "\n" not in "".join(pieces):
                new_pieces = tally.convert(joined, font, encoding).split("\n")  # one run, one conversion
            if len(new_pieces) != len(pieces):
                new_pieces = [tally.convert(piece, font, encoding) for piece in pieces]
        for element, old, new in zip(elements, pieces, new_pieces, strict=True):
            if new != old:
                element.set_text(new)
                if new != new.strip() and element.get(_SPACE) != "preserve":
                    element.set(_SPACE, "preserve")
        return True

    def _convert_mixed(self, text: str, fonts: dict[str, str | None]) -> str:
        """Text whose ASCII and other characters are in fonts of different legacy encodings."""
        out: list[str] = []
        for segment in _SEGMENT.findall(text):
            first = ord(segment[0])
            kind = "ascii" if first < 0x80 else ("complex" if _HAS_COMPLEX.match(segment) else "other")
            font = fonts[kind]
            encoding = self.tally.encoding_for(font)
            out.append(self.tally.convert(segment, font, encoding) if font and encoding else segment)
        return "".join(out)

    def _convert_symbol(self, run: Element, symbol: Element) -> bool:
        w = self.w
        font = _get(symbol, "font", w)
        code = _get(symbol, "char", w) or ""
        try:
            number = int(code, 16)
        except ValueError:
            return False
        if not 0x20 <= number <= 0xFFFD or 0xD800 <= number <= 0xDFFF:
            return False  # not a character XML text can hold
        character = chr(number)
        encoding = self.tally.encoding_for(font)
        if font is None or encoding is None:
            self.tally.observe(character, font)
            return False
        text = self.tally.convert(character, font, encoding)
        index = run.children.index(symbol)
        run.remove(symbol)
        element = run.make_child(self.tags["t"], index=index)
        element.set_text(text)
        if text != text.strip():
            element.set(_SPACE, "preserve")
        return True

    def _restyle(self, run: Element, rpr: Element | None, props: Props) -> None:
        """Set the target font on *run* and the complex-script twins of bold, italic and size."""
        w = self.w
        if rpr is None:
            rpr = run.make_child(self.tags["rPr"], index=_first_element_index(run.children))
        fonts = rpr.find(self.tags["rFonts"])
        if fonts is None:
            fonts = _insert(rpr, w, "rFonts")
        names = [_name(fonts, attribute, w) for attribute in _FONT_ATTRIBUTES]
        for name in names[3:]:  # theme references and the hint
            if name in fonts.attributes or name.startswith("{"):
                fonts.remove_attribute(name)
        font = self.tally.options.font
        for name in names[:3]:
            fonts.set(name, font)
        for base, twin in _TWINS:
            if base == "sz":
                value = props.get(base)
                if value is None or props.get(twin) == value:
                    continue
            else:
                value = props.get(base, "0")
                if props.get(twin, "0") == value:
                    continue
            element = rpr.find(f"{{{w}}}{twin}")
            if element is None:
                element = _insert(rpr, w, twin)
            if base == "sz" or value == "0":
                element.set(_name(element, "val", w), value)
            else:
                element.remove_attribute(_name(element, "val", w))


def _get(element: Element, local: str, w: str) -> str | None:
    """Attribute *local* of namespace *w* (fast for the usual ``w:`` prefix)."""
    prefix, colon, _ = element.qname.rpartition(":")
    if colon:
        value = element.attributes.get(f"{prefix}:{local}")
        if value is not None and element.namespaces.get(prefix) == w:
            return value
    suffix = f":{local}"
    if not any(name.endswith(suffix) for name in element.attributes):
        return None
    return element.get(f"{{{w}}}{local}")


def _name(element: Element, local: str, w: str) -> str:
    """The qualified name to set or remove attribute *local* of namespace *w* with."""
    prefix, colon, _ = element.qname.rpartition(":")
    if colon and element.namespaces.get(prefix) == w:
        return f"{prefix}:{local}"
    return f"{{{w}}}{local}"


def _first_element_index(children: Iterable[object]) -> int:
    for index, child in enumerate(children):
        if isinstance(child, Element):
            return index
    return 0


def _insert(rpr: Element, w: str, local: str) -> Element:
    """A new ``w:local`` child of *rpr* placed where the schema orders it."""
    rank = _RPR_ORDER[local]
    prefix = f"{{{w}}}"
    index = len(rpr.children)
    for position, child in enumerate(rpr.children):
        if isinstance(child, Element):
            tag = child.tag
            if _RPR_ORDER.get(tag[len(prefix) :], _LAST) > rank if tag.startswith(prefix) else True:
                index = position
                break
    return rpr.make_child(f"{{{w}}}{local}", index=index)
