"""A small XML tree that writes back every byte it did not change.

Office documents are XML parts inside a zip. Converting their legacy Lao text must leave the rest
of each part exactly as it was (namespace prefixes, attribute order and quotes, whitespace), so
this module keeps the source text of every start tag, end tag and text node and rebuilds only the
pieces that were edited. It is also the safe parser: document type declarations (and with them
entity expansion and external entities) are refused, and so is nesting deeper than
:data:`MAX_DEPTH`. Parsing is one pass with precompiled regular expressions, linear in the size of
the part.

>>> doc = parse(b'<r xmlns:w="urn:w"><w:t a=\\'1\\'>Tom &amp; Jerry</w:t></r>', part="demo.xml")
>>> t = doc.root.find("{urn:w}t")
>>> t.text
'Tom & Jerry'
>>> t.set_text("ສະບາຍດີ")
>>> doc.to_bytes().decode()
'<r xmlns:w="urn:w"><w:t a=\\'1\\'>ສະບາຍດີ</w:t></r>'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Union

from laotext.errors import DocumentError, UnsafeDocumentError

__all__ = [
    "MAX_DEPTH",
    "Element",
    "Text",
    "XmlDocument",
    "escape_attribute",
    "escape_text",
    "iter_tokens",
    "parse",
    "parse_start_tag",
    "unescape",
]

MAX_DEPTH = 512
"""Deepest element nesting accepted; real office parts stay far below it."""

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

_NAME = r"[A-Za-z_:][-.\w:]*"
_TOKEN = re.compile(
    rf"""
      (?P<text>[^<]+)
    | (?P<start><(?P<name>{_NAME})(?P<attrs>(?:\s+{_NAME}\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(?P<empty>/?)>)
    | (?P<end></(?P<endname>{_NAME})\s*>)
    | (?P<comment><!--.*?-->)
    | (?P<cdata><!\[CDATA\[.*?\]\]>)
    | (?P<pi><\?.*?\?>)
    | (?P<dtd><!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION))
    """,
    re.VERBOSE | re.DOTALL,
)
_ATTRIBUTE = re.compile(rf"({_NAME})\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
_REFERENCE = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][-.\w]*);|&")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([-\w.]+)["']""")


def unescape(raw: str) -> str:
    """The characters that escaped XML text *raw* stands for.

    >>> unescape("a &lt; b &#x0E81;&#3714;")
    'a < b ກຂ'
    """
    if "&" not in raw:
        return raw

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            raise DocumentError("a bare '&' in XML text (write &amp;)")
        if name.startswith("#"):
            try:
                return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
            except (ValueError, OverflowError):
                raise DocumentError(f"invalid character reference &{name};") from None
        if name in _PREDEFINED:
            return _PREDEFINED[name]
        raise DocumentError(
            f"undefined XML entity &{name}; (entities other than the five predefined are refused)"
        )

    return _REFERENCE.sub(replace, raw)


def escape_text(text: str) -> str:
    """*text* escaped for XML character data.

    >>> escape_text("a<b & c")
    'a&lt;b &amp; c'
    """
    return text.translate(_TEXT_ESCAPES)


def escape_attribute(value: str) -> str:
    """*value* escaped for a double-quoted XML attribute.

    >>> escape_attribute('say "ສະບາຍດີ"')
    'say &quot;ສະບາຍດີ&quot;'
    """
    return value.translate(_ATTRIBUTE_ESCAPES)


def parse_start_tag(raw: str) -> tuple[str, dict[str, str]]:
    """The qualified name of start tag *raw* and its attributes (qualified names, unescaped values).

    >>> parse_start_tag('<w:rFonts w:ascii="Saysettha Lao" w:hAnsi=\\'Times\\'/>')
    ('w:rFonts', {'w:ascii': 'Saysettha Lao', 'w:hAnsi': 'Times'})
    """
    match = _TOKEN.match(raw)
    if match is None or match.group("start") is None:
        raise DocumentError(f"not an XML start tag: {raw[:60]!r}")
    return match.group("name"), {
        name: unescape(double or single) for name, double, single in _ATTRIBUTE.findall(match.group("attrs"))
    }


class Text:
    """Character data (or a CDATA section) of an element, kept as written until it is changed."""

    __slots__ = ("cdata", "raw")

    def __init__(self, raw: str, cdata: bool = False) -> None:
        self.raw = raw
        self.cdata = cdata

    @property
    def value(self) -> str:
        """The characters the node stands for."""
        return self.raw[9:-3] if self.cdata else unescape(self.raw)

    @value.setter
    def value(self, text: str) -> None:
        self.raw = escape_text(text)
        self.cdata = False


class _Other:
    """A comment or processing instruction inside the root element, written back as it was."""

    __slots__ = ("raw",)

    def __init__(self, raw: str) -> None:
        self.raw = raw


Node = Union["Element", Text, _Other]


class Element:
    """An element: its tag in ``{namespace}local`` form, attributes and children.

    ``qname`` is the name as written (``w:r``); attribute methods take ``{namespace}local`` or
    plain names. Only an element whose attributes were changed gets its start tag rebuilt.
    """

    __slots__ = ("_end", "_names", "_start", "attributes", "children", "namespaces", "parent", "qname", "tag")

    def __init__(
        self,
        qname: str,
        attributes: dict[str, str],
        namespaces: dict[str, str],
        parent: Element | None,
        start: str | None = None,
    ) -> None:
        self.qname = qname
        self.attributes = attributes  # qualified name -> unescaped value, in document order
        self.namespaces = namespaces  # prefix ('' for the default) -> namespace, in scope here
        self.parent = parent
        self.children: list[Node] = []
        self._start = start  # source of the start tag, None once attributes change
        self._end: str | None = None  # source of the end tag, None when written as <x/>
        self._names: dict[str, str] | None = None  # {namespace}local -> qualified name, made on first use
        self.tag = _clark(qname, namespaces, default=True)

    # -- attributes -----------------------------------------------------------------------------
    def _qualified(self, name: str, *, create: bool = False) -> str | None:
        if not name.startswith("{"):
            return name
        names = self._names
        if names is None:
            names = self._names = {_clark(q, self.namespaces, default=False): q for q in self.attributes}
        qname = names.get(name)
        if qname is not None or not create:
            return qname
        namespace, local = name[1:].split("}", 1)
        if namespace == XML_NAMESPACE:
            return f"xml:{local}"
        for prefix, uri in self.namespaces.items():
            if uri == namespace and prefix:
                return f"{prefix}:{local}"
        raise DocumentError(f"no prefix is declared for namespace {namespace!r}")

    def get(self, name: str, default: str | None = None) -> str | None:
        """The value of attribute *name* (``{namespace}local`` or plain), or *default*."""
        qname = self._qualified(name)
        if qname is None:
            return default
        return self.attributes.get(qname, default)

    def set(self, name: str, value: str) -> None:
        """Set attribute *name*, keeping its place if it exists, else adding it at the end."""
        qname = self._qualified(name, create=True)
        assert qname is not None
        if self.attributes.get(qname) != value:
            self.attributes[qname] = value
            self._start = None
            self._names = None

    def remove_attribute(self, name: str) -> None:
        """Remove attribute *name* if present."""
        qname = self._qualified(name)
        if qname is not None and qname in self.attributes:
            del self.attributes[qname]
            self._start = None
            self._names = None

    # -- navigation -----------------------------------------------------------------------------
    def elements(self) -> Iterator[Element]:
        """The child elements, in order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child

    def find(self, tag: str) -> Element | None:
        """The first child element with *tag*, or None."""
        for child in self.children:
            if isinstance(child, Element) and child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[Element]:
        """The child elements with *tag*."""
        return [child for child in self.children if isinstance(child, Element) and child.tag == tag]

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and its descendants in document order (those with *tag*, if given)."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            if tag is None or element.tag == tag:
                yield element
            stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))

    def ancestors(self) -> Iterator[Element]:
        """The parent, its parent, and so on up to the root."""
        element = self.parent
        while element is not None:
            yield element
            element = element.parent

    # -- text -----------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The text directly inside this element (its text nodes, not its children's)."""
        return "".join(child.value for child in self.children if isinstance(child, Text))

    def set_text(self, text: str) -> None:
        """Replace the text nodes directly inside this element by one holding *text*."""
        first = next((i for i, child in enumerate(self.children) if isinstance(child, Text)), None)
        self.children = [child for child in self.children if not isinstance(child, Text)]
        node = Text(escape_text(text))
        self.children.insert(len(self.children) if first is None else first, node)
        if self._end is None and self._start is not None:
            self._start = None  # <x/> becomes <x>text</x>

    # -- building -------------------------------------------------------------------------------
    def make_child(
        self, tag: str, attributes: dict[str, str] | None = None, *, index: int | None = None
    ) -> Element:
        """Create a child element *tag* (``{namespace}local``) with a prefix in scope here."""
        qname = self._qualified_tag(tag)
        child = Element(qname, {}, self.namespaces, self)
        for name, value in (attributes or {}).items():
            child.set(name, value)
        child._start = None
        self.children.insert(len(self.children) if index is None else index, child)
        if self._end is None:
            self._start = None
        return child

    def remove(self, child: Node) -> None:
        """Remove *child* from this element."""
        self.children.remove(child)

    def _qualified_tag(self, tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        namespace, local = tag[1:].split("}", 1)
        if self.namespaces.get("") == namespace:
            return local
        for prefix, uri in self.namespaces.items():
            if uri == namespace and prefix:
                return f"{prefix}:{local}"
        raise DocumentError(f"no prefix is declared for namespace {namespace!r}")

    def start_tag(self) -> str:
        """The start tag as it will be written."""
        if self._start is not None:
            return self._start
        attributes = "".join(
            f' {name}="{escape_attribute(value)}"' for name, value in self.attributes.items()
        )
        empty = not self.children and self._end is None
        return f"<{self.qname}{attributes}{'/' if empty else ''}>"

    def end_tag(self) -> str:
        """The end tag as it will be written ('' for an element written as ``<x/>``)."""
        if self._end is not None:
            return self._end
        if not self.children and (self._start is None or self._start.endswith("/>")):
            return ""
        return f"</{self.qname}>"

    def __repr__(self) -> str:
        return f"<Element {self.qname}>"


def _clark(qname: str, namespaces: dict[str, str], *, default: bool) -> str:
    prefix, colon, local = qname.rpartition(":")
    if not colon:
        namespace = namespaces.get("") if default else None
        return f"{{{namespace}}}{qname}" if namespace else qname
    if prefix == "xml":
        return f"{{{XML_NAMESPACE}}}{local}"
    if prefix == "xmlns":
        return qname
    namespace = namespaces.get(prefix)
    return f"{{{namespace}}}{local}" if namespace else qname


class XmlDocument:
    """A parsed part: what comes before the root (declaration, comments), the root, what follows."""

    __slots__ = ("encoding", "epilog", "part", "prolog", "root")

    def __init__(self, prolog: str, root: Element, epilog: str, encoding: str, part: str) -> None:
        self.prolog = prolog
        self.root = root
        self.epilog = epilog
        self.encoding = encoding
        self.part = part

    def to_text(self) -> str:
        """The part as text: unchanged pieces exactly as read."""
        out: list[str] = [self.prolog]
        stack: list[tuple[Node, bool]] = [(self.root, False)]
        while stack:
            node, closing = stack.pop()
            if isinstance(node, Element):
                if closing:
                    out.append(node.end_tag())
                    continue
                out.append(node.start_tag())
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.children))
            else:
                out.append(node.raw)
        out.append(self.epilog)
        return "".join(out)

    def to_bytes(self) -> bytes:
        """The part encoded as it was read (UTF-8 or UTF-16, with its byte order mark if it had one)."""
        return self.to_text().encode(self.encoding)


def _decode(data: bytes, part: str) -> tuple[str, str]:
    """The text of part *data* and the codec to write it back with."""
    if data.startswith(b"\xef\xbb\xbf"):
        codec = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    else:
        declared = _DECLARED_ENCODING.match(data)
        codec = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        if codec.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii"):
            raise DocumentError(
                f"XML part in encoding {codec!r}; only UTF-8 and UTF-16 parts are read", part=part
            )
        codec = "utf-8"
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as error:
        raise DocumentError(f"XML part is not valid {codec} (byte {error.start})", part=part) from None


def _error_at(text: str, position: int, message: str, part: str) -> DocumentError:
    line = text.count("\n", 0, position) + 1
    return DocumentError(f"not well-formed XML at line {line}: {message}", part=part)


def parse(data: bytes, *, part: str = "") -> XmlDocument:
    """Parse an XML part (bytes) into a tree that writes back unchanged bytes where nothing changed.

    Raises :class:`~laotext.errors.UnsafeDocumentError` for a document type declaration or nesting
    deeper than :data:`MAX_DEPTH`, and :class:`~laotext.errors.DocumentError` for malformed XML.
    """
    import gc

    collecting = gc.isenabled()
    gc.disable()  # building a tree makes no garbage; collections while it grows would only cost time
    try:
        return _parse(data, part)
    finally:
        if collecting:
            gc.enable()


def _parse(data: bytes, part: str) -> XmlDocument:
    text, codec = _decode(data, part)
    position, length = 0, len(text)
    prolog: list[str] = []
    root: Element | None = None
    stack: list[Element] = []
    epilog_start = length
    match_token = _TOKEN.match
    while position < length:
        match = match_token(text, position)
        if match is None:
            raise _error_at(text, position, f"unexpected {text[position : position + 20]!r}", part)
        kind = "start" if match.group("start") is not None else (match.lastgroup or "")
        raw = match.group()
        if kind == "dtd":
            raise UnsafeDocumentError(
                "XML part declares a document type (<!DOCTYPE or <!ENTITY); refused, because entity "
                "expansion and external entities can exhaust memory or read local files",
                part=part,
            )
        position = match.end()
        if kind == "start":
            qname = match.group("name")
            attributes: dict[str, str] = {}
            for name, double, single in _ATTRIBUTE.findall(match.group("attrs")):
                try:
                    attributes[name] = unescape(double or single)
                except DocumentError as error:
                    raise _error_at(text, match.start(), str(error), part) from None
            parent = stack[-1] if stack else None
            if parent is None and root is not None:
                raise _error_at(text, match.start(), "a second root element", part)
            namespaces = parent.namespaces if parent else {}
            declared = {
                ("" if name == "xmlns" else name[6:]): value
                for name, value in attributes.items()
                if name == "xmlns" or name.startswith("xmlns:")
            }
            if declared:
                namespaces = {**namespaces, **declared}
            element = Element(qname, attributes, namespaces, parent, raw)
            if parent is None:
                root = element
            else:
                parent.children.append(element)
            if not match.group("empty"):
                if len(stack) >= MAX_DEPTH:
                    raise UnsafeDocumentError(
                        f"XML nested deeper than {MAX_DEPTH} elements; refused", part=part
                    )
                stack.append(element)
            elif parent is None:
                epilog_start = position
                break
        elif kind == "end":
            if not stack or stack[-1].qname != match.group("endname"):
                expected = f"</{stack[-1].qname}>" if stack else "nothing"
                raise _error_at(text, match.start(), f"{raw!r} where {expected} was expected", part)
            element = stack.pop()
            element._end = raw
            if not stack:
                epilog_start = position
                break
        elif stack:
            if kind == "text":
                stack[-1].children.append(Text(raw))
            elif kind == "cdata":
                stack[-1].children.append(Text(raw, cdata=True))
            else:
                stack[-1].children.append(_Other(raw))
        elif root is None:
            if kind == "text" and raw.strip():
                raise _error_at(text, match.start(), "text before the root element", part)
            prolog.append(raw)
        else:
            raise _error_at(text, match.start(), "content after the root element", part)
    if root is None:
        raise DocumentError("XML part has no root element", part=part)
    if stack:
        raise DocumentError(f"XML part ends inside <{stack[-1].qname}> (truncated?)", part=part)
    epilog = text[epilog_start:]
    if _TOKEN.sub(lambda m: "" if m.lastgroup in ("comment", "pi") else m.group(), epilog).strip():
        raise _error_at(text, epilog_start, "content after the root element", part)
    return XmlDocument("".join(prolog), root, epilog, codec, part)


def iter_tokens(stream: IO[bytes], *, part: str = "", chunk_size: int = 1 << 20) -> Iterator[tuple[str, str]]:
    """Stream the tokens of a large UTF-8 XML part as ``(kind, source)`` pairs, in bounded memory.

    *kind* is ``"start"`` (``"empty"`` for ``<x/>``), ``"end"``, ``"text"``, ``"cdata"``,
    ``"comment"`` or ``"pi"``; joining every source gives the part back. Document type
    declarations raise :class:`~laotext.errors.UnsafeDocumentError`.

    >>> import io
    >>> list(iter_tokens(io.BytesIO(b'<a x="1">t<b/></a>')))
    [('start', '<a x="1">'), ('text', 't'), ('empty', '<b/>'), ('end', '</a>')]
    """
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    buffer, position, finished = "", 0, False
    while True:
        if not finished and len(buffer) - position < chunk_size:
            block = stream.read(chunk_size)
            try:
                buffer = buffer[position:] + decoder.decode(block, final=not block)
            except UnicodeDecodeError:
                raise DocumentError("XML part is not valid UTF-8", part=part) from None
            position, finished = 0, not block
        if position >= len(buffer):
            return
        match = _TOKEN.match(buffer, position)
        if match is None or (match.end() == len(buffer) and not finished):
            if finished:
                raise DocumentError(
                    f"not well-formed XML near {buffer[position : position + 20]!r}", part=part
                )
            block = stream.read(chunk_size)  # the token may go on in the next chunk
            try:
                buffer = buffer[position:] + decoder.decode(block, final=not block)
            except UnicodeDecodeError:
                raise DocumentError("XML part is not valid UTF-8", part=part) from None
            position, finished = 0, not block
            continue
        kind = match.lastgroup or ""
        if kind == "dtd":
            raise UnsafeDocumentError(
                "XML part declares a document type (<!DOCTYPE or <!ENTITY); refused", part=part
            )
        if match.group("start") is not None:
            kind = "empty" if match.group("empty") else "start"
        elif match.group("end") is not None:
            kind = "end"
        position = match.end()
        yield kind, match.group()
