"""PowerPoint presentations (.pptx, .pptm): legacy Lao text in slides, notes, layouts and masters.

Parts read and, where they hold legacy text, rewritten: slides (``ppt/slides``), speaker notes
(``ppt/notesSlides``), slide layouts and masters, the notes master and the handout master, and
SmartArt text (``ppt/diagrams/data*.xml`` and the drawing PowerPoint keeps of it,
``ppt/diagrams/drawing*.xml``). Text is found in every paragraph (``a:p``) of those parts: shapes,
placeholders, group shapes, table cells (``a:tbl`` in a graphic frame) and SmartArt points.

The effective Latin font of each run (``a:r``, and the text of fields ``a:fld``) is decided as
PowerPoint does, from the nearest source that names one:

1. the run's own ``a:rPr/a:latin@typeface`` (for text in symbol form, code points U+F020-U+F0FF,
   the ``a:sym`` typeface when one applies: symbol-charset text is drawn in that font);
2. the text body's list style (``a:lstStyle``), at the paragraph's level (``a:pPr@lvl``, 0 by
   default, read from ``a:lvl1pPr`` … ``a:lvl9pPr`` and then ``a:defPPr``, their ``a:defRPr``);
3. for placeholders (``p:ph``), the list style of the matching placeholder on the slide layout and
   then on the slide master (a slide's placeholder matches the layout's by ``idx`` and type, a
   layout's matches the master's by type); for notes, the notes master's placeholder;
4. the master's text styles (``p:txStyles``): ``p:titleStyle`` for title and centred-title
   placeholders, ``p:bodyStyle`` for body, subtitle and content placeholders, ``p:otherStyle`` for
   every other shape, table cells and SmartArt; the notes master's ``p:notesStyle`` for notes body
   placeholders;
5. the presentation's ``p:defaultTextStyle`` (``ppt/presentation.xml``);

and a theme typeface (``+mn-lt``, ``+mj-lt`` …) is resolved through the font scheme of the theme
of the part's master (``a:minorFont`` / ``a:majorFont``). A run whose font is a legacy Lao font
(:meth:`~laotext.documents.report.Tally.encoding_for`) has the text of its ``a:t`` converted, and
its ``a:rPr`` (created as the run's first child when missing) gets ``a:latin`` and ``a:cs`` (and
``a:sym`` when the run has one) set to the output font, in the order the schema requires; their
``panose``, ``pitchFamily`` and ``charset`` attributes are removed, since they described the old
font (a symbol charset would keep the text in it). Bold, italic, size, language and colour are not
touched, and shared styles (list styles, text styles, themes) are never changed: the font is set on
each converted run. Every other run is left byte for byte as it was and shown to
:meth:`~laotext.documents.report.Tally.observe`; parts without converted runs are copied unchanged.

The text of a slide-number field on masters and layouts, the stand-in ``‹#›`` that PowerPoint
replaces by each slide's number, is never converted.

Approximations: fonts from table styles (``ppt/tableStyles.xml``, ``a:tcTxStyle``) are not read,
so table cells fall back to the master's ``p:otherStyle`` and the presentation defaults; a
paragraph's own ``a:pPr/a:defRPr`` is not used (PowerPoint does not apply it to existing runs);
SmartArt text falls back to the ``p:otherStyle`` of the master of the slide that shows it, not to
the diagram's style definitions. Not covered: text in charts (``ppt/charts``), comments, embedded
OLE objects and strict Open XML (ISO 29500 strict namespaces) presentations.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from laotext.documents.package import Package, Replacement, write_package
from laotext.documents.report import Tally
from laotext.documents.xmltree import Element, XmlDocument, parse
from laotext.errors import DocumentError

__all__ = ["convert"]

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

_PARTS = re.compile(
    r"^ppt/(?:(slides|notesSlides|slideLayouts|slideMasters|notesMasters|handoutMasters)/[^/]+"
    r"|(diagrams)/(?:data|drawing)[^/]*)\.xml$"
)
_SYMBOL = re.compile("[\uf020-\uf0ff]")

_P_TAG = f"{{{A}}}p"
_FIELD = f"{{{A}}}fld"
_RUNS = frozenset({f"{{{A}}}r", _FIELD})
_SLIDE_NUMBER_MARK = "\u2039#\u203a"  # ‹#›, which PowerPoint replaces by each slide's number
_SHAPE = f"{{{P}}}sp"
_LEVELS = tuple(f"{{{A}}}lvl{level}pPr" for level in range(1, 10))
_DEF_PPR = f"{{{A}}}defPPr"
_DEF_RPR = f"{{{A}}}defRPr"
_LATIN, _CS, _SYM = f"{{{A}}}latin", f"{{{A}}}cs", f"{{{A}}}sym"
_FONT_ATTRIBUTES_DROPPED = ("panose", "pitchFamily", "charset")
# Children of a:rPr that come after a:latin / a:cs in the schema's sequence.
_AFTER_LATIN = frozenset(
    f"{{{A}}}{name}" for name in ("ea", "cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")
)
_AFTER_CS = frozenset(f"{{{A}}}{name}" for name in ("sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst"))

# Placeholder type -> the text style of the master it takes its defaults from.
_TITLE_TYPES = frozenset({"title", "ctrTitle"})
_OTHER_TYPES = frozenset({"dt", "ftr", "sldNum", "hdr", "sldImg"})


def _category(kind: str) -> str:
    return "title" if kind in _TITLE_TYPES else "other" if kind in _OTHER_TYPES else "body"


def _group(kind: str) -> str:
    """The master placeholder type a placeholder of type *kind* inherits from."""
    return "title" if kind in _TITLE_TYPES else kind if kind in _OTHER_TYPES else "body"


@dataclass(frozen=True)
class _Placeholder:
    kind: str
    index: str
    styles: Element | None  # the list style of its text body


@dataclass(frozen=True)
class _Context:
    """What the text of one part inherits: placeholders up the chain, text styles, theme fonts."""

    parents: tuple[tuple[_Placeholder, ...], ...]
    text_styles: Mapping[str, Element]
    default_style: Element | None
    theme: Mapping[str, str]


def _child(element: Element | None, tag: str) -> Element | None:
    return None if element is None else element.find(tag)


def _placeholder_of(shape: Element | None) -> _Placeholder | None:
    """The placeholder *shape* (a ``p:sp``) is, if it is one."""
    if shape is None or shape.tag != _SHAPE:
        return None
    ph = _child(_child(shape.find(f"{{{P}}}nvSpPr"), f"{{{P}}}nvPr"), f"{{{P}}}ph")
    if ph is None:
        return None
    styles = _child(shape.find(f"{{{P}}}txBody"), f"{{{A}}}lstStyle")
    return _Placeholder(ph.get("type") or "obj", ph.get("idx") or "0", styles)


def _match(
    placeholder: _Placeholder, candidates: tuple[_Placeholder, ...], by_index: bool
) -> _Placeholder | None:
    """The placeholder of a layout or master that *placeholder* inherits from.

    A slide's placeholder (*by_index*) matches the layout's with its ``idx`` and type, then its
    ``idx`` and a compatible type; otherwise, and always for layouts, the first of a compatible type.
    """
    group = _group(placeholder.kind)
    if by_index and placeholder.kind not in _TITLE_TYPES:
        for candidate in candidates:
            if candidate.index == placeholder.index and candidate.kind == placeholder.kind:
                return candidate
        for candidate in candidates:
            if candidate.index == placeholder.index and _group(candidate.kind) == group:
                return candidate
    for candidate in candidates:
        if _group(candidate.kind) == group:
            return candidate
    return None


def _typeface(styles: Iterable[Element], level: int, tag: str) -> str | None:
    """The first typeface (*tag*: a:latin or a:sym) the list styles give paragraphs of *level*."""
    for style in styles:
        for properties in (style.find(_LEVELS[level]), style.find(_DEF_PPR)):
            font = _child(_child(properties, _DEF_RPR), tag)
            typeface = font.get("typeface") if font is not None else None
            if typeface:
                return typeface
    return None


def _level(paragraph: Element) -> int:
    properties = paragraph.find(f"{{{A}}}pPr")
    raw = properties.get("lvl") if properties is not None else None
    if raw is None:
        return 0
    try:
        return min(max(int(raw), 0), 8)
    except ValueError:
        return 0


def _set_font(rpr: Element, tag: str, after: frozenset[str], font: str) -> None:
    element = rpr.find(tag)
    if element is None:
        index = next(
            (i for i, child in enumerate(rpr.children) if isinstance(child, Element) and child.tag in after),
            len(rpr.children),
        )
        element = rpr.make_child(tag, index=index)
    element.set("typeface", font)
    for name in _FONT_ATTRIBUTES_DROPPED:
        element.remove_attribute(name)


class _Presentation:
    """The parts of one package, parsed once each, and what each part inherits."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self._docs: dict[str, XmlDocument] = {}
        self._relations: dict[str, list[tuple[str, str]]] = {}
        self._themes: dict[str, dict[str, str]] = {}
        self._placeholders: dict[str, tuple[_Placeholder, ...]] = {}
        self._contexts: dict[str, _Context] = {}
        self._diagram_slides: dict[str, str] | None = None
        main = self.related("", "officeDocument") or "ppt/presentation.xml"
        if not package.has(main):
            raise DocumentError(
                "not a PowerPoint presentation (ppt/presentation.xml is missing)", path=package.path
            )
        self.default_style = self.doc(main).root.find(f"{{{P}}}defaultTextStyle")

    def doc(self, name: str) -> XmlDocument:
        """Part *name*, parsed (once)."""
        doc = self._docs.get(name)
        if doc is None:
            doc = self._docs[name] = parse(self.package.read(name), part=name)
        return doc

    def forget(self, name: str) -> None:
        """Drop the parsed part *name* (a slide nothing else inherits from)."""
        self._docs.pop(name, None)

    def relations(self, name: str) -> list[tuple[str, str]]:
        """(type's last word, target part) of the internal relationships of part *name* ('' = package)."""
        found = self._relations.get(name)
        if found is not None:
            return found
        folder, base = posixpath.split(name)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        found = []
        if self.package.has(rels):
            for relation in parse(self.package.read(rels), part=rels).root.iter(f"{{{RELS}}}Relationship"):
                target, kind = relation.get("Target"), relation.get("Type")
                if not target or not kind or relation.get("TargetMode") == "External":
                    continue
                path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found.append((kind.rsplit("/", 1)[-1], posixpath.normpath(path)))
        self._relations[name] = found
        return found

    def related(self, name: str | None, kind: str) -> str | None:
        """The first part of relationship type *kind* from part *name* that the package holds."""
        if name is None:
            return None
        for relation, target in self.relations(name):
            if relation == kind and self.package.has(target):
                return target
        return None

    def theme(self, master: str | None) -> dict[str, str]:
        """The theme fonts ('+mn-lt' -> typeface …) of the theme of *master*."""
        name = self.related(master, "theme")
        if name is None:
            return {}
        fonts = self._themes.get(name)
        if fonts is None:
            fonts = {}
            for scheme in self.doc(name).root.iter(f"{{{A}}}fontScheme"):
                for short, tag in (("mj", "majorFont"), ("mn", "minorFont")):
                    collection = scheme.find(f"{{{A}}}{tag}")
                    for script, suffix in (("latin", "lt"), ("ea", "ea"), ("cs", "cs")):
                        font = _child(collection, f"{{{A}}}{script}")
                        typeface = font.get("typeface") if font is not None else None
                        if typeface:
                            fonts[f"+{short}-{suffix}"] = typeface
                break
            self._themes[name] = fonts
            self.forget(name)
        return fonts

    def placeholders(self, name: str | None) -> tuple[_Placeholder, ...]:
        """The placeholders of layout or master *name*."""
        if name is None:
            return ()
        found = self._placeholders.get(name)
        if found is None:
            found = tuple(
                placeholder
                for shape in self.doc(name).root.iter(_SHAPE)
                if (placeholder := _placeholder_of(shape)) is not None
            )
            self._placeholders[name] = found
        return found

    def text_styles(self, master: str | None) -> dict[str, Element]:
        """The text styles of a slide master ('title', 'body', 'other') or notes master ('body')."""
        if master is None:
            return {}
        root = self.doc(master).root
        styles: dict[str, Element] = {}
        text_styles = root.find(f"{{{P}}}txStyles")
        for category in ("title", "body", "other"):
            style = _child(text_styles, f"{{{P}}}{category}Style")
            if style is not None:
                styles[category] = style
        notes = root.find(f"{{{P}}}notesStyle")
        if notes is not None:
            styles["body"] = notes
        return styles

    def diagram_slide(self, name: str) -> str | None:
        """The slide showing the SmartArt part *name*."""
        if self._diagram_slides is None:
            self._diagram_slides = {}
            for slide in self.package.names():
                if _PARTS.match(slide) and slide.startswith("ppt/slides/"):
                    for kind, target in self.relations(slide):
                        if kind in ("diagramData", "diagramDrawing"):
                            self._diagram_slides.setdefault(target, slide)
        return self._diagram_slides.get(name)

    def context(self, name: str, folder: str) -> _Context:
        """What part *name* (in ``ppt/<folder>``) inherits."""
        context = self._contexts.get(name)
        if context is not None:
            return context
        parents: tuple[tuple[_Placeholder, ...], ...] = ()
        if folder in ("slides", "diagrams"):
            slide = name if folder == "slides" else self.diagram_slide(name)
            layout = self.related(slide, "slideLayout")
            master = self.related(layout, "slideMaster")
            if folder == "slides":
                parents = (self.placeholders(layout), self.placeholders(master))
        elif folder == "slideLayouts":
            master = self.related(name, "slideMaster")
            parents = (self.placeholders(master),)
        elif folder == "notesSlides":
            master = self.related(name, "notesMaster")
            parents = (self.placeholders(master),)
        else:  # a master itself
            master = name
        context = _Context(parents, self.text_styles(master), self.default_style, self.theme(master))
        self._contexts[name] = context
        return context


def _convert_part(doc: XmlDocument, context: _Context, tally: Tally) -> bool:
    """Convert the legacy runs of one part; whether any was converted."""
    changed = False
    font = tally.options.font
    inherited: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    bodies: dict[int, tuple[Element, ...]] = {}
    for paragraph in doc.root.iter(_P_TAG):
        body = paragraph.parent
        if body is None:
            continue
        styles = bodies.get(id(body))
        if styles is None:
            styles = bodies[id(body)] = _styles_of(body, context)
        level = _level(paragraph)
        fonts = inherited.get((id(body), level))
        if fonts is None:
            fonts = inherited[(id(body), level)] = (
                _typeface(styles, level, _LATIN),
                _typeface(styles, level, _SYM),
            )
        for run in paragraph.elements():
            if run.tag in _RUNS and _convert_run(run, fonts, context.theme, tally, font):
                changed = True
    return changed


def _styles_of(body: Element, context: _Context) -> tuple[Element, ...]:
    """The list styles text in *body* inherits from, nearest first."""
    styles: list[Element] = []
    own = body.find(f"{{{A}}}lstStyle")
    if own is not None:
        styles.append(own)
    placeholder = _placeholder_of(body.parent)
    if placeholder is not None:
        current = placeholder
        for depth, candidates in enumerate(context.parents):
            match = _match(current, candidates, by_index=depth == 0)
            if match is None:
                continue
            if match.styles is not None:
                styles.append(match.styles)
            current = match
        category = _category(placeholder.kind)
    else:
        category = "other"
    text_style = context.text_styles.get(category)
    if text_style is not None:
        styles.append(text_style)
    if context.default_style is not None:
        styles.append(context.default_style)
    return tuple(styles)


def _convert_run(
    run: Element,
    inherited: tuple[str | None, str | None],
    theme: Mapping[str, str],
    tally: Tally,
    new_font: str,
) -> bool:
    """Convert one run if its effective font is a legacy font; whether it was converted."""
    text_element = run.find(f"{{{A}}}t")
    if text_element is None:
        return False
    text = text_element.text
    if not text:
        return False
    if text == _SLIDE_NUMBER_MARK and run.tag == _FIELD:
        return False  # the slide number's stand-in on masters and layouts: not text to convert
    rpr = run.find(f"{{{A}}}rPr")
    own_latin = _child(rpr, _LATIN)
    own_sym = _child(rpr, _SYM)
    latin = (own_latin.get("typeface") if own_latin is not None else None) or inherited[0]
    font = latin
    if _SYMBOL.search(text):
        sym = (own_sym.get("typeface") if own_sym is not None else None) or inherited[1]
        font = sym or latin
    if font and font.startswith("+"):
        font = theme.get(font)
    encoding = tally.encoding_for(font)
    if font is None or encoding is None:
        tally.observe(text, font)
        return False
    text_element.set_text(tally.convert(text, font, encoding))
    if rpr is None:
        rpr = run.make_child(f"{{{A}}}rPr", index=0)
    _set_font(rpr, _LATIN, _AFTER_LATIN, new_font)
    _set_font(rpr, _CS, _AFTER_CS, new_font)
    if own_sym is not None:
        _set_font(rpr, _SYM, frozenset(), new_font)
    return True


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the legacy Lao text of the presentation *source*, writing the result to *target*."""
    path = str(source)
    try:
        with Package.open(source, path=path, limits=tally.options.limits) as package:
            presentation = _Presentation(package)
            replacements: dict[str, Replacement] = {}
            for name in package.names():
                match = _PARTS.match(name)
                if match is None:
                    continue
                folder = match.group(1) or match.group(2)
                doc = presentation.doc(name)
                if _convert_part(doc, presentation.context(name, folder), tally):
                    replacements[name] = doc.to_bytes()
                if folder in ("slides", "notesSlides", "diagrams"):
                    presentation.forget(name)
            write_package(package, target, replacements)
    except DocumentError as error:
        if error.path:
            raise
        raise type(error)(error.reason, path=path, part=error.part) from None
