"""Convert the legacy Lao text of web pages (Word's "Save as Web Page", old hand-written pages).

**Reading.** The bytes are decoded by their byte order mark, else the charset of a ``<meta charset>``
or ``<meta http-equiv="Content-Type" content="...; charset=...">`` declaration, else as UTF-8 if they
are valid UTF-8, else as windows-1252 (whose five undefined bytes are read as the C1 characters of the
same value, as browsers do, so that no legacy code is lost). The page is cut into tokens by one pass of
a regular expression that keeps the exact source of every tag, text, comment and declaration; what is
not changed is written back character for character.

**The effective font** of a text is decided from the element stack, inherited down the tree, as a
browser would for the common cases: the first family of a ``<font face="...">`` attribute, then the
rules of the ``<style>`` blocks seen so far whose selectors are simple (``tag``, ``.class``,
``tag.class``, ``#id``, ``tag#id``, ``*``, comma lists of them; the most specific, then the latest,
wins; ``font-family`` or the ``font`` shorthand; class names matched without regard to case, as in
the quirks mode old pages are shown in), then the element's own ``style="font-family:..."``.
Approximations: selectors with combinators, pseudo-classes or attribute tests, ``!important``,
external style sheets and rules that come after the element are not considered; end tags close the
elements they name (and unclosed ones inside them), and only the usual implied ends (``<p>`` before a
block, ``<li>``, ``<td>``, ``<tr>`` …) are modelled.

**Converting.** Text in a legacy font has its character references resolved, is converted by
:meth:`~laotext.documents.report.Tally.convert`, and is written back escaped. The declaration that
gave the font (the ``face`` attribute, the ``font-family`` of the ``style`` attribute, or the rule's
``font-family``, with Word's ``mso-*-font-family`` of the same family) is changed to the new font when
every text it gave its font to was converted; otherwise the converted text is wrapped in
``<span style="font-family:'Phetsarath OT'">``. The page is then written in UTF-8, with its charset
declaration changed to ``utf-8`` (or a ``<meta charset="utf-8">`` added). Script and style content,
comments, attribute values other than these fonts, and text in other fonts stay as they were (text in
other fonts is shown to :meth:`~laotext.documents.report.Tally.observe`). A page with no legacy text
is written back byte for byte.

>>> from laotext.documents.report import ConvertOptions, Tally
>>> page = b'<p><font face="Saysettha Lao">\\xa1\\xbe\\xad</font> <i>and English</i></p>'
>>> print(convert_bytes(page, Tally(ConvertOptions())).decode("utf-8"))
<meta charset="utf-8"><p><font face="Phetsarath OT">ການ</font> <i>and English</i></p>
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from laotext.documents.package import read_file
from laotext.documents.report import Tally
from laotext.errors import DocumentError

__all__ = ["convert", "convert_bytes", "decode_page"]

_TOKEN = re.compile(
    r"""
      (?P<comment><!--.*?(?:-->|\Z))
    | (?P<other><![^>]*>|<\?[^>]*>|</(?![A-Za-z])[^>]*>)
    | (?P<end></(?P<endname>[A-Za-z][^\s/>]*)[^>]*>)
    | (?P<start><(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>)
    | (?P<text>[^<]+|<)
    """,
    re.VERBOSE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?(?:charset\s*=\s*["']?\s*(?P<charset>[-\w.:]+))""", re.IGNORECASE | re.DOTALL
)
_CHARSET_IN_CONTENT = re.compile(r"""charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(r"""(encoding\s*=\s*["'])([-\w.:]+)""", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")
_CSS_MASK = re.compile(r"/\*.*?(?:\*/|\Z)|<!--|-->", re.DOTALL)
_AT_RULE = re.compile(r"@([-\w]+)")
_SELECTOR = re.compile(r"(?P<tag>[A-Za-z][-\w:]*|\*)?(?P<rest>(?:[.#][-\w]+)*)")
_SELECTOR_PART = re.compile(r"([.#])([-\w]+)")
_FONT_SIZE = re.compile(
    r"(?:^|\s)(?:[\d.]+(?:pt|px|em|ex|%|cm|mm|in|pc|rem|q|ch|vw|vh)|xx-small|x-small|small|medium|large"
    r"|x-large|xx-large|larger|smaller)(?:\s*/\s*\S+)?\s+",
    re.IGNORECASE,
)

_VOID = frozenset(
    ("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
     "link", "meta", "param", "source", "track", "wbr")
)  # fmt: skip
_RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"}
)
_CLOSES_P = frozenset(
    ("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
     "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
     "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt")
)  # fmt: skip
# Start tag → (elements it closes, elements that stop the search).
_IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu", "table"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "tbody": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
}
_RAW_END = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT}
_P_SCOPE = frozenset(
    {"table", "td", "th", "caption", "html", "body", "button", "object", "marquee", "applet"}
)
_MAX_CSS_NESTING = 16


# Decoding.


def _windows_1252(data: bytes) -> str:
    """*data* as windows-1252, the five undefined bytes read as C1 characters (as browsers do)."""
    return data.decode("latin-1").translate(_CP1252)


_CP1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _codec(label: str) -> str | None:
    """The Python codec of an HTML charset label (latin-1 and ASCII labels mean windows-1252)."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii", "cp1252") else name


def decode_page(data: bytes) -> tuple[str, str]:
    """The text of the web page *data* and the encoding it was read with (see the module docstring).

    >>> decode_page(b'<meta charset="windows-1252"><p>\\xa1\\x81</p>')
    ('<meta charset="windows-1252"><p>¡\\x81</p>', 'cp1252')
    >>> decode_page("<p>ລາວ</p>".encode())[1]
    'utf-8'
    """
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    declared = _META_CHARSET.search(data)
    if declared is not None:
        codec = _codec(declared.group("charset").decode("ascii"))
        if codec is not None and codec.startswith("utf-16"):
            codec = "utf-8"  # a page read without a BOM is ASCII-compatible whatever it says
        if codec == "cp1252":
            return _windows_1252(data), codec
        if codec is not None:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _windows_1252(data), "cp1252"


# CSS.


def _first_family(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The first family name of a font-family value ``text[start:end]`` and its span (quotes included)."""
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    if text[start] in "\"'":
        close = text.find(text[start], start + 1, end)
        if close < 0:
            return None
        return text[start + 1 : close].strip(), start, close + 1
    stop = text.find(",", start, end)
    stop = end if stop < 0 else stop
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    name = _WHITESPACE.sub(" ", text[start:stop])
    if name.lower().endswith("!important"):
        return None
    return (name, start, stop) if name else None


def _declarations(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """The (property, value start, value end) of the declarations in ``text[start:end]``."""
    position = start
    while position < end:
        stop, quote, index = end, "", position
        while index < end:
            char = text[index]
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == ";":
                stop = index
                break
            index += 1
        colon = text.find(":", position, stop)
        if colon >= 0:
            value_end = stop
            important = text[colon:stop].lower().rfind("!important")
            if important >= 0:
                value_end = colon + important
            yield text[position:colon].strip().lower(), colon + 1, value_end
        position = stop + 1


def _font_declarations(text: str, start: int, end: int) -> tuple[str | None, list[tuple[str, int, int]]]:
    """The font family a declaration block sets (the last one wins) and every ``*font-family`` span."""
    family: str | None = None
    spans: list[tuple[str, int, int]] = []
    for name, value_start, value_end in _declarations(text, start, end):
        found = None
        if name == "font":
            size = _FONT_SIZE.search(text[value_start:value_end])
            if size is not None:
                found = _first_family(text, value_start + size.end(), value_end)
        elif name.endswith("font-family"):
            found = _first_family(text, value_start, value_end)
        if found is None:
            continue
        if name in ("font", "font-family"):
            family = found[0]
        spans.append(found)
    return family, spans


class _Rule:
    __slots__ = ("classes", "id", "order", "origin", "specificity", "tag")

    def __init__(
        self, tag: str | None, id_: str | None, classes: frozenset[str], order: int, origin: _Origin
    ) -> None:
        self.tag, self.id, self.classes, self.order, self.origin = tag, id_, classes, order, origin
        self.specificity = (1 if id_ else 0, len(classes), 1 if tag else 0)

    def matches(self, tag: str, id_: str | None, classes: frozenset[str]) -> bool:
        return (
            (self.tag is None or self.tag == tag)
            and (self.id is None or self.id == id_)
            and self.classes <= classes
        )


def _parse_selector(selector: str) -> tuple[str | None, str | None, frozenset[str]] | None:
    selector = selector.strip()
    match = _SELECTOR.fullmatch(selector)
    if not selector or match is None:
        return None
    tag = match.group("tag")
    id_: str | None = None
    classes: set[str] = set()
    for kind, name in _SELECTOR_PART.findall(match.group("rest")):
        if kind == "#":
            id_ = name.lower()
        else:
            classes.add(name.lower())
    return (None if tag in (None, "*") else tag.lower()), id_, frozenset(classes)


# Output pieces resolved at the end.


_Span = tuple[int, int, str, str]


class _Origin:
    """A declaration that gives text its font: counts of the texts it covers, and how to change it."""

    __slots__ = ("converted", "family", "other", "piece", "rewritable", "spans")

    def __init__(self, family: str, piece: _Piece | None, spans: list[_Span]) -> None:
        self.family = family
        self.piece = piece  # the tag or style block holding the declaration
        self.spans = spans  # (start, end, before, after): piece.raw[start:end] becomes before + font + after
        self.rewritable = piece is not None and bool(spans)
        self.converted = 0
        self.other = 0


class _Piece:
    """A tag or style block whose source may be edited."""

    __slots__ = ("edits", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.edits: list[tuple[int, int, str]] = []

    def render(self) -> str:
        raw = self.raw
        for start, end, text in sorted(set(self.edits), reverse=True):
            raw = raw[:start] + text + raw[end:]
        return raw


class _Converted:
    __slots__ = ("origin", "text")

    def __init__(self, origin: _Origin, text: str) -> None:
        self.origin, self.text = origin, text


_Font = tuple[str, _Origin] | None


class _Element:
    __slots__ = ("font", "name")

    def __init__(self, name: str, font: _Font) -> None:
        self.name, self.font = name, font


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False).replace("\xa0", "&nbsp;")


class _Converter:
    def __init__(self, tally: Tally, path: str) -> None:
        self.tally, self.path = tally, path
        self.out: list[str | _Piece | _Converted] = []
        self.stack: list[_Element] = []
        self.rules: dict[tuple[str, str], list[_Rule]] = {}
        self.rule_count = 0
        self.origins: list[_Origin] = []
        self.charsets: list[tuple[_Piece, int, int]] = []  # where the page's charset is declared
        self.head_end: int | None = None  # index in out after the <head> start tag
        self.html_end: int | None = None  # … after the <html> start tag
        self.doctype_end: int | None = None  # … after the document type declaration
        self.changed = False
        name = tally.options.font.replace('"', "").replace("'", "")
        self.font_name = name

    # The token loop.

    def convert(self, text: str) -> str | None:
        position, size = 0, len(text)
        while position < size:
            match = _TOKEN.match(text, position)
            if match is None:  # unreachable: the last alternative matches any character
                raise DocumentError(f"cannot read the page at character {position}", path=self.path)
            kind = match.lastgroup
            raw = match.group()
            position = match.end()
            if kind == "text":
                self.text(raw)
            elif kind == "start":
                name = match.group("name").lower()
                self.start_tag(name, raw, match.start("attrs") - match.start(), match.group("attrs"))
                if name in _RAW_TEXT and not raw.endswith("/>"):
                    close = _RAW_END[name].search(text, position)
                    stop = size if close is None else close.start()
                    if name == "plaintext":
                        stop = size
                    self.raw_text(name, text[position:stop])
                    position = stop
            elif kind == "end":
                self.end_tag(match.group("endname").lower())
                self.out.append(raw)
            elif kind == "other" and raw.startswith("<?xml"):
                encoding = _XML_ENCODING.search(raw)
                piece = _Piece(raw)
                if encoding is not None:
                    self.charsets.append((piece, encoding.start(2), encoding.end(2)))
                self.out.append(piece)
            else:
                self.out.append(raw)
                if kind == "other" and raw[:9].lower() == "<!doctype":
                    self.doctype_end = len(self.out)
        if not self.changed:
            return None
        return self.render()

    def render(self) -> str:
        for origin in self.origins:
            if origin.converted and not origin.other and origin.rewritable and origin.piece is not None:
                for start, end, before, after in origin.spans:
                    origin.piece.edits.append((start, end, before + self.font_name + after))
            else:
                origin.rewritable = False
        for piece, start, end in self.charsets:
            piece.edits.append((start, end, "utf-8"))
        parts: list[str] = []
        for item in self.out:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, _Piece):
                parts.append(item.render())
            elif item.origin.rewritable:
                parts.append(item.text)
            else:
                parts.append(f"<span style=\"font-family:'{self.font_name}'\">{item.text}</span>")
        if not self.charsets:
            where = next((at for at in (self.head_end, self.html_end, self.doctype_end) if at is not None), 0)
            parts.insert(where, '<meta charset="utf-8">')
        return "".join(parts)

    # Elements.

    def start_tag(self, name: str, raw: str, attrs_at: int, attrs: str) -> None:
        self.close_implied(name)
        values: dict[str, tuple[str, int, int, str]] = {}  # name → (value, start, end, quote) in raw
        for found in _ATTRIBUTE.finditer(attrs):
            key = found.group(1).lower()
            if key in values:
                continue
            for group, quote in ((2, '"'), (3, "'"), (4, "")):
                if found.group(group) is not None:
                    values[key] = (
                        found.group(group),
                        attrs_at + found.start(group),
                        attrs_at + found.end(group),
                        quote,
                    )
                    break
            else:
                values[key] = ("", attrs_at + found.end(), attrs_at + found.end(), "")
        piece: _Piece | None = None
        font = self.stack[-1].font if self.stack else None
        if name == "font" and "face" in values:
            piece = _Piece(raw)
            font = self.face_font(values["face"], piece) or font
        classes = (
            frozenset(html.unescape(values["class"][0]).lower().split()) if "class" in values else frozenset()
        )
        id_ = html.unescape(values["id"][0]).strip().lower() if "id" in values else None
        rule = self.matching_rule(name, id_, classes)
        if rule is not None:
            font = (rule.origin.family, rule.origin)
        if "style" in values:
            piece = piece or _Piece(raw)
            font = self.style_font(values["style"], piece) or font
        if name == "meta":
            piece = piece or _Piece(raw)
            self.meta(values, piece)
        self.out.append(piece if piece is not None else raw)
        if name == "head" and self.head_end is None:
            self.head_end = len(self.out)
        elif name == "html" and self.html_end is None:
            self.html_end = len(self.out)
        if name not in _VOID and not raw.endswith("/>"):
            self.stack.append(_Element(name, font))

    def close_implied(self, name: str) -> None:
        stack = self.stack
        if name in _CLOSES_P:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index].name == "p":
                    del stack[index:]
                    break
                if stack[index].name in _P_SCOPE:
                    break
        implied = _IMPLIED_ENDS.get(name)
        if implied is not None:
            closes, boundary = implied
            for index in range(len(stack) - 1, -1, -1):
                if stack[index].name in closes:
                    del stack[index:]
                    break
                if stack[index].name in boundary:
                    break

    def end_tag(self, name: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].name == name:
                del self.stack[index:]
                return

    def meta(self, values: dict[str, tuple[str, int, int, str]], piece: _Piece) -> None:
        if "charset" in values:
            _, start, end, _ = values["charset"]
            self.charsets.append((piece, start, end))
        elif values.get("http-equiv", ("",))[0].strip().lower() == "content-type" and "content" in values:
            content, start, _, _ = values["content"]
            found = _CHARSET_IN_CONTENT.search(content)
            if found is not None:
                self.charsets.append((piece, start + found.start(1), start + found.end(1)))

    # Fonts.

    def face_font(self, value: tuple[str, int, int, str], piece: _Piece) -> _Font:
        text, start, _, quote = value
        if "&" in text:  # character references: read the value, and leave it as it is
            found = _first_family(html.unescape(text), 0, len(html.unescape(text)))
            return self.origin(found[0].strip("\"'"), piece, []) if found else None
        found = _first_family(text, 0, len(text))
        if found is None:
            return None
        family, family_start, family_end = found
        family = family.strip("\"'")
        if quote:
            spans: list[_Span] = [(start + family_start, start + family_end, "", "")]
        else:  # face=Name: the new name may hold a space, so the value is quoted
            spans = [(start, start + len(text), '"' + text[:family_start], text[family_end:] + '"')]
        return self.origin(family, piece, spans)

    def style_font(self, value: tuple[str, int, int, str], piece: _Piece) -> _Font:
        text, start, _, quote = value
        if "&" in text:  # character references: read the value, and leave it as it is
            family = _font_declarations(html.unescape(text), 0, len(html.unescape(text)))[0]
            return self.origin(family, piece, []) if family else None
        family, spans = _font_declarations(text, 0, len(text))
        if family is None:
            return None
        inner = "'" if quote == '"' else '"'
        chosen = [
            (span_start, span_end) for name, span_start, span_end in spans if _fold(name) == _fold(family)
        ]
        edits: list[_Span] = [(start + a, start + b, inner, inner) for a, b in chosen]
        if not quote:  # style=font-family:Name: the value is quoted around the new name
            if len(chosen) != 1:
                edits = []
            else:
                (a, b), inner = chosen[0], "'"
                edits = [(start, start + len(text), '"' + text[:a] + inner, inner + text[b:] + '"')]
        return self.origin(family, piece, edits)

    def origin(self, family: str, piece: _Piece | None, spans: list[_Span]) -> _Font:
        if self.tally.encoding_for(family) is None:
            return (family, _Origin(family, None, []))
        origin = _Origin(family, piece, spans)
        self.origins.append(origin)
        return (family, origin)

    def matching_rule(self, tag: str, id_: str | None, classes: frozenset[str]) -> _Rule | None:
        if not self.rules:
            return None
        candidates = list(self.rules.get(("tag", tag), ())) + list(self.rules.get(("any", ""), ()))
        if id_:
            candidates += self.rules.get(("id", id_), ())
        for name in classes:
            candidates += self.rules.get(("class", name), ())
        best: _Rule | None = None
        for rule in candidates:
            if rule.matches(tag, id_, classes) and (
                best is None or (rule.specificity, rule.order) > (best.specificity, best.order)
            ):
                best = rule
        return best

    def style_block(self, css: str) -> None:
        piece = _Piece(css)
        masked = _CSS_MASK.sub(lambda found: " " * len(found.group()), css)
        self.parse_rules(masked, 0, len(masked), piece, 0)
        self.out.append(piece)

    def parse_rules(self, css: str, start: int, end: int, piece: _Piece, depth: int) -> None:
        position = start
        while position < end:
            while position < end and css[position].isspace():
                position += 1
            if position >= end:
                return
            if css[position] == "@":
                at_rule = _AT_RULE.match(css, position)
                name = at_rule.group(1).lower() if at_rule else ""
                brace, semicolon = css.find("{", position, end), css.find(";", position, end)
                if brace < 0 or (0 <= semicolon < brace):
                    position = end if semicolon < 0 else semicolon + 1
                    continue
                close, level, index = end, 0, brace
                while index < end:
                    if css[index] == "{":
                        level += 1
                    elif css[index] == "}":
                        level -= 1
                        if level == 0:
                            close = index
                            break
                    index += 1
                if name in ("media", "supports", "document") and depth < _MAX_CSS_NESTING:
                    self.parse_rules(css, brace + 1, close, piece, depth + 1)
                position = close + 1
                continue
            brace = css.find("{", position, end)
            if brace < 0:
                return
            close = css.find("}", brace, end)
            close = end if close < 0 else close
            self.add_rule(css[position:brace], css, brace + 1, close, piece)
            position = close + 1

    def add_rule(self, selectors: str, css: str, start: int, end: int, piece: _Piece) -> None:
        family, spans = _font_declarations(css, start, end)
        if family is None:
            return
        edits: list[_Span] = []
        for name, span_start, span_end in spans:
            if _fold(name) == _fold(family):
                quote = css[span_start] if css[span_start] in "\"'" else "'"
                edits.append((span_start, span_end, quote, quote))
        font = self.origin(family, piece, edits)
        assert font is not None
        for selector in selectors.split(","):
            parsed = _parse_selector(selector)
            if parsed is None:
                continue
            tag, id_, classes = parsed
            self.rule_count += 1
            rule = _Rule(tag, id_, classes, self.rule_count, font[1])
            if id_:
                key = ("id", id_)
            elif classes:
                key = ("class", min(classes))
            elif tag:
                key = ("tag", tag)
            else:
                key = ("any", "")
            self.rules.setdefault(key, []).append(rule)

    # Text.

    def raw_text(self, name: str, content: str) -> None:
        if name == "style":
            self.style_block(content)
            return
        if name == "textarea" and content.strip():
            font = self.stack[-1].font if self.stack else None
            if font is not None:
                font[1].other += 1
        self.out.append(content)

    def text(self, raw: str) -> None:
        font = self.stack[-1].font if self.stack else None
        if font is None or not raw.strip():
            self.out.append(raw)
            return
        family, origin = font
        encoding = self.tally.encoding_for(family)
        text = html.unescape(raw)
        if encoding is None or not text.strip():
            if text.strip():
                self.tally.observe(text, family)
            self.out.append(raw)
            return
        converted = self.tally.convert(text, family, encoding)
        origin.converted += 1
        self.changed = True
        self.out.append(_Converted(origin, _escape_text(converted)))


def _fold(name: str) -> str:
    return "".join(name.strip("\"' ").lower().split())


def convert_bytes(data: bytes, tally: Tally, *, path: str = "") -> bytes:
    """The web page *data* with its legacy Lao text converted, in UTF-8 (*data* itself if nothing was)."""
    text, _ = decode_page(data)
    result = _Converter(tally, path).convert(text)
    if result is None:
        return data
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    return bom + result.encode("utf-8", errors="surrogatepass")


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the web page file *source* into the binary stream *target* (see the module docstring)."""
    data = read_file(source, tally.options.limits.member_bytes)
    target.write(convert_bytes(data, tally, path=str(source)))
