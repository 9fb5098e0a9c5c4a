r"""Convert the legacy Lao text of RTF documents (Rich Text Format, as Word, WordPad and LibreOffice write).

The document is read once by a tokenizer over its bytes: control words (``\b``, ``\f2``, ``\u3713``),
control symbols (``\~``, ``\*``), groups, ``\'xx`` hex escapes, and ``\bin N`` binary data, which is
copied byte for byte. Every byte that is not legacy Lao text is written back exactly as read.

**The effective font** of a piece of text is the font of the last ``\fN`` in its group or an enclosing
one (groups restore it when they close); ``\plain`` resets it to the default font ``\deffN`` (``\pard``
resets paragraph properties only, not the font). The font table (``\fonttbl``) gives each number a name
and a character set (``\fcharsetN``, ``\cpgN``). Associated fonts (``\af``, with ``\loch``, ``\hich``,
``\dbch``) and fonts given only by a style (``\sN``, ``\csN`` without an ``\fN`` of their own) are not
consulted: Word writes the ``\fN`` of every run.

**Text in a legacy font** (a run: the characters between two control words) is read as legacy codes:
the byte of each ``\'xx`` escape or raw byte is the code, whatever the font's character set says
(symbol and Thai charset fonts included); a ``\uN`` character is taken back to its code through the
font's code page (and U+F020-U+F0FF symbol-font characters to their low byte). The run is converted by
:meth:`~laotext.documents.report.Tally.convert` and written as ``\uN?`` escapes in a group that sets
the new font both as the run's font and as its complex-script font (Lao is a complex script to Word and
LibreOffice), with the run's bold, italic and size copied to the complex-script properties::

    {\rtlch\fcs1\af9\afs28\ab\ai0\ltrch\fcs0\f9\uc1 \u3713?\u3762?\u3737?}

The new font (``tally.options.font``) is the table's entry of that name if there is one, else a new
entry ``{\fN\fnil\fcharset0 Phetsarath OT;}`` added at the end of the font table. Text in other fonts
is left alone and shown to :meth:`~laotext.documents.report.Tally.observe`.

**Not converted**: the font table, style sheet, colour table, document information, pictures
(``\pict``), field instructions (``\fldinst``), list numbering text (``\listtext``, ``\pntext``) and
every ignorable destination (``{\*\...}``) except shape instructions, whose text boxes (``\shptxt``)
are converted; runs made only of white space.

>>> from laotext.documents.report import ConvertOptions, Tally
>>> rtf = (b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}{\\f1 Saysettha Lao;}}"
...        b"\\f1 \\'a1\\'be\\'ad\\par}")
>>> print(convert_bytes(rtf, Tally(ConvertOptions())).decode("ascii").replace("}}", "}}\n"))
{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}{\f1 Saysettha Lao;}{\f2\fnil\fcharset0 Phetsarath OT;}}
\f1 {\rtlch\fcs1\af2\afs24\ab0\ai0\ltrch\fcs0\f2\uc1 \u3713?\u3762?\u3737?}\par}
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path
from typing import IO

from laotext.documents.package import read_file
from laotext.documents.report import Tally
from laotext.errors import DocumentError

__all__ = ["convert", "convert_bytes"]

_TOKEN = re.compile(
    rb"""
      \\(?P<word>[A-Za-z]+)(?P<param>-?[0-9]{1,10})?\x20?
    | \\'(?P<hex>[0-9A-Fa-f]{2})
    | \\(?P<symbol>[^A-Za-z'])
    | (?P<brace>[{}])
    | (?P<newline>[\r\n]+)
    | (?P<text>[^\\{}\r\n]+)
    """,
    re.VERBOSE,
)
_RTF_START = re.compile(rb"[\s\x00]*(?:\xef\xbb\xbf)?[\s\x00]*\{\\rtf")
_TRAILING_NOISE = b" \t\r\n\x00\x1a"

# Destinations whose text is never converted (the first control word of their group).
_SKIP_DESTINATIONS = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "fldinst", "listtable", "listoverridetable",
        "revtbl", "rsidtbl", "filetbl", "pgdsctbl", "listtext", "pntext", "pntxta", "pntxtb", "nonshppict",
        "sp", "sn", "sv", "objdata", "objclass", "objname", "xe", "tc", "bkmkstart", "bkmkend",
        "template", "title", "subject", "author", "operator", "keywords", "comment", "doccomm", "datafield",
    }
)  # fmt: skip
# Ignorable destinations ({\*\name ...}) that hold text to convert.
_IGNORABLE_TEXT = frozenset({"shpinst", "shptxt", "annotation"})

# Control words that stand for one character inside a run (cp1252 codes that may be legacy Lao codes).
_CHARACTER_WORDS = {
    b"emdash": "\u2014",
    b"endash": "\u2013",
    b"lquote": "\u2018",
    b"rquote": "\u2019",
    b"ldblquote": "\u201c",
    b"rdblquote": "\u201d",
    b"bullet": "\u2022",
}
_CHARACTER_SYMBOLS = {
    ord("\\"): "\\",
    ord("{"): "{",
    ord("}"): "}",
    ord("~"): "\u00a0",
    ord("-"): "\u00ad",
    ord("_"): "\u2011",
}

# \fcharsetN → code page (None: the document's \ansicpg).
_CHARSETS: dict[int, str | None] = {
    0: "cp1252", 1: None, 2: "latin-1", 77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab",
    134: "gbk", 136: "cp950", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256",
    186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850",
}  # fmt: skip
_MULTIBYTE = frozenset({"cp932", "cp949", "johab", "gbk", "cp950", "cp1361", "cp936"})
_DEFAULT_SIZE = 24  # half-points, the RTF default for \fs


def _codec(name: str | None, fallback: str = "cp1252") -> str:
    """*name* if Python knows the codec, else *fallback*."""
    if not name:
        return fallback
    try:
        return codecs.lookup(name).name
    except LookupError:
        return fallback


@cache
def _single_byte_table(codepage: str) -> dict[int, str]:
    """Byte value → character for a single-byte code page; undefined bytes stay their own value."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        char = bytes([byte]).decode(codepage, errors="ignore")
        if char and char != chr(byte):
            table[byte] = char
    return table


def _decode(raw: bytes, codepage: str) -> str:
    """The text of *raw* bytes in *codepage* (for reporting only; never written back)."""
    if codepage in _MULTIBYTE:
        return raw.decode(codepage, errors="replace")
    return raw.decode("latin-1").translate(_single_byte_table(codepage))


def _legacy_char(char: str, codepage: str) -> str:
    """The legacy code (as a latin-1 character) of a ``\\uN`` character of text in a legacy font."""
    value = ord(char)
    if 0xF020 <= value <= 0xF0FF:
        return chr(value - 0xF000)
    if value < 0x100:
        return char
    try:
        encoded = char.encode(codepage)
    except (UnicodeError, LookupError):
        return char
    return chr(encoded[0]) if len(encoded) == 1 else char


def _rtf_text(text: str) -> str:
    """*text* written as RTF: ASCII as it is (escaped where needed), everything else as ``\\uN?``."""
    parts: list[str] = []
    for char in text:
        value = ord(char)
        if char in "\\{}":
            parts.append("\\" + char)
        elif 0x20 <= value < 0x7F:
            parts.append(char)
        elif char == "\t":
            parts.append("\\tab ")
        elif char == "\n":
            parts.append("\\line ")
        elif value > 0xFFFF:
            value -= 0x10000
            for unit in (0xD800 + (value >> 10), 0xDC00 + (value & 0x3FF)):
                parts.append(f"\\u{unit - 0x10000}?")
        else:
            parts.append(f"\\u{value if value < 0x8000 else value - 0x10000}?")
    return "".join(parts)


def _fold(name: str) -> str:
    return "".join(name.lower().split())


class _Font:
    __slots__ = ("charset", "codepage", "done", "name", "parts")

    def __init__(self) -> None:
        self.charset: int | None = None
        self.codepage: int | None = None
        self.parts: list[bytes | str] = []
        self.done = False
        self.name = ""


class _State:
    """What a group inherits and restores: character properties and the kind of destination."""

    __slots__ = (
        "bold", "first", "font", "fonttbl", "ignorable", "italic", "name_skip", "size", "skip", "table_root",
        "uc",
    )  # fmt: skip

    def __init__(self) -> None:
        self.font: int | None = None
        self.bold = False
        self.italic = False
        self.size = _DEFAULT_SIZE
        self.uc = 1
        self.skip = False  # text here is not converted
        self.fonttbl = False  # inside the font table
        self.name_skip = False  # inside a font table entry's ignorable destination (\*\panose ...)
        self.table_root = False  # this group is the font table itself
        self.first = False  # no token read yet in this group
        self.ignorable = False  # the group started with \*

    def child(self) -> _State:
        state = _State()
        state.font, state.bold, state.italic, state.size, state.uc = (
            self.font,
            self.bold,
            self.italic,
            self.size,
            self.uc,
        )
        state.skip, state.fonttbl, state.name_skip = self.skip, self.fonttbl, self.name_skip
        state.first = True
        return state


class _Run:
    """Consecutive text of one group with nothing between: its source bytes and its content."""

    __slots__ = ("bold", "font", "italic", "items", "size", "source")

    def __init__(self, state: _State) -> None:
        self.font, self.bold, self.italic, self.size = state.font, state.bold, state.italic, state.size
        self.items: list[bytes | str] = []  # bytes: codes; str: \uN characters
        self.source: list[bytes] = []


class _Converter:
    def __init__(self, data: bytes, tally: Tally, path: str) -> None:
        self.data, self.tally, self.path = data, tally, path
        self.out: list[bytes] = []
        self.fonts: dict[int, _Font] = {}
        self.entry: _Font | None = None
        self.deff: int | None = None
        self.codepage = "cp1252"
        self.table_end: int | None = None  # index in out of the font table's closing brace
        self.target: int | None = None
        self.new_font = False
        self.run: _Run | None = None
        self.newlines: list[bytes] = []
        self.pending_skip = 0
        self.changed = False

    def error(self, message: str) -> DocumentError:
        return DocumentError(message, path=self.path)

    # The token loop.

    def convert(self) -> bytes:
        data = self.data
        found = _RTF_START.match(data)
        if found is None:
            raise self.error("not an RTF document: it does not start with {\\rtf")
        start = found.end() - len(b"{\\rtf")
        out = self.out
        out.append(data[:start])
        stack: list[_State] = []
        state = _State()
        position, size = start, len(data)
        while position < size:
            match = _TOKEN.match(data, position)
            if match is None:
                raise self.error(f"malformed RTF at byte {position}: a backslash that starts no control word")
            end = match.end()
            lead = data[position]
            if lead == 0x7B:  # {
                self.flush()
                self.pending_skip = 0
                state.first = False
                stack.append(state)
                state = state.child()
                out.append(b"{")
            elif lead == 0x7D:  # }
                self.flush()
                self.pending_skip = 0
                if state.table_root:
                    self.close_font_table()
                    self.table_end = len(out)
                out.append(b"}")
                state = stack.pop()
                if not stack:
                    position = end
                    break
            elif lead == 0x5C:  # backslash
                word = match.group("word")
                if word is None:
                    hex_code = match.group("hex")
                    if hex_code is not None:
                        self.hex_escape(state, int(hex_code, 16), match.group())
                    else:
                        self.symbol(state, match.group("symbol")[0], match.group())
                elif word == b"bin":
                    self.flush()
                    state.first = False
                    count = int(match.group("param") or 0)
                    if count < 0 or end + count > size:
                        raise self.error(
                            f"truncated RTF: \\bin at byte {position} runs past the end of the file"
                        )
                    out.append(data[position : end + count])
                    end += count
                else:
                    param = match.group("param")
                    self.control_word(state, word, int(param) if param is not None else None, match.group())
            elif lead in (0x0D, 0x0A):
                if self.run is not None:
                    self.newlines.append(match.group())
                else:
                    out.append(match.group())
            else:
                self.text(state, match.group())
            position = end
        if stack:
            raise self.error(f"truncated or unbalanced RTF: {len(stack)} group(s) are not closed at the end")
        trailing = data[position:]
        if b"}" in trailing:
            raise self.error("unbalanced RTF: a '}' closes more groups than were opened")
        if trailing.strip(_TRAILING_NOISE):
            self.tally.warn("data after the end of the RTF document was copied as it was")
        if not self.changed:
            return data
        out.append(trailing)
        if self.new_font:
            if self.table_end is None:  # unreachable: fonts have names only through a font table
                raise self.error("no font table to add the new font to")
            entry = f"{{\\f{self.target}\\fnil\\fcharset0 {_rtf_text(self.tally.options.font)};}}"
            out.insert(self.table_end, entry.encode("ascii"))
        return b"".join(out)

    # Tokens.

    def text(self, state: _State, raw: bytes) -> None:
        state.first = False
        if state.skip:
            if state.fonttbl and not state.name_skip:
                skipped = min(self.pending_skip, len(raw))
                self.pending_skip -= skipped
                self.font_name(raw[skipped:])
            self.out.append(raw)
            return
        run = self.start_run(state)
        if self.pending_skip:
            skipped = min(self.pending_skip, len(raw))
            self.pending_skip -= skipped
            run.source.append(raw[:skipped])
            raw = raw[skipped:]
            if not raw:
                return
        run.source.append(raw)
        run.items.append(raw)

    def hex_escape(self, state: _State, code: int, raw: bytes) -> None:
        state.first = False
        if state.skip:
            if state.fonttbl and not state.name_skip:
                if self.pending_skip:
                    self.pending_skip -= 1
                else:
                    self.font_name(bytes([code]))
            self.out.append(raw)
            return
        run = self.start_run(state)
        run.source.append(raw)
        if self.pending_skip:
            self.pending_skip -= 1
        else:
            run.items.append(bytes([code]))

    def symbol(self, state: _State, code: int, raw: bytes) -> None:
        if code == 0x2A and state.first:  # \*: an ignorable destination follows
            state.ignorable = True
            self.flush()
            self.out.append(raw)
            return
        state.first = False
        if not state.skip and self.run is not None and self.pending_skip:
            self.pending_skip -= 1
            self.run.source.append(raw)
            return
        char = _CHARACTER_SYMBOLS.get(code)
        if char is None or state.skip:
            if state.fonttbl and not state.name_skip and char is not None:
                self.font_name(char)
            self.flush()
            self.out.append(raw)
            return
        run = self.start_run(state)
        run.source.append(raw)
        run.items.append(char)

    def control_word(self, state: _State, word: bytes, param: int | None, raw: bytes) -> None:
        if not state.skip and self.run is not None and self.pending_skip:
            self.pending_skip -= 1  # a control word in the fallback of \uN counts as one character
            self.run.source.append(raw)
            return
        if word == b"u" and param is not None:
            char = chr(param + 0x10000 if param < 0 else param)
            state.first = False
            if state.skip:
                if state.fonttbl and not state.name_skip:
                    self.font_name(char)
                    self.pending_skip = max(state.uc, 0)
                self.out.append(raw)
                return
            run = self.start_run(state)
            run.source.append(raw)
            run.items.append(char)
            self.pending_skip = max(state.uc, 0)
            return
        if not state.skip and word in _CHARACTER_WORDS:
            state.first = False
            run = self.start_run(state)
            run.source.append(raw)
            run.items.append(_CHARACTER_WORDS[word])
            return
        self.flush()
        self.out.append(raw)
        if state.first:
            self.destination(state, word)
        if state.fonttbl:
            self.font_table_word(word, param)
            return
        if word == b"f":
            state.font = param
        elif word == b"plain":
            state.font, state.bold, state.italic, state.size = None, False, False, _DEFAULT_SIZE
        elif word == b"b":
            state.bold = param != 0
        elif word == b"i":
            state.italic = param != 0
        elif word == b"fs":
            state.size = param if param is not None and param > 0 else _DEFAULT_SIZE
        elif word == b"uc":
            state.uc = param if param is not None else 1
        elif word == b"deff":
            self.deff = param
        elif word == b"ansicpg" and param is not None:
            self.codepage = _codec(f"cp{param}")
        elif word in (b"mac", b"pc", b"pca"):
            self.codepage = {b"mac": "mac_roman", b"pc": "cp437", b"pca": "cp850"}[word]

    def destination(self, state: _State, word: bytes) -> None:
        """The first control word of a group: decide what kind of text the group holds."""
        state.first = False
        name = word.decode("ascii")
        if state.fonttbl:
            state.name_skip = state.name_skip or state.ignorable
        elif name == "fonttbl":
            state.skip = state.fonttbl = state.table_root = True
        elif state.ignorable:
            state.skip = state.skip or name not in _IGNORABLE_TEXT
        elif name in _SKIP_DESTINATIONS:
            state.skip = True

    # The font table.

    def font_table_word(self, word: bytes, param: int | None) -> None:
        if word == b"f" and param is not None:
            self.entry = self.fonts[param] = _Font()
        elif self.entry is not None and param is not None:
            if word == b"fcharset":
                self.entry.charset = param
            elif word == b"cpg":
                self.entry.codepage = param

    def font_name(self, piece: bytes | str) -> None:
        entry = self.entry
        if entry is None or entry.done:
            return
        if isinstance(piece, bytes) and b";" in piece:
            piece = piece[: piece.index(b";")]
            entry.done = True
        elif isinstance(piece, str) and ";" in piece:
            piece = piece[: piece.index(";")]
            entry.done = True
        entry.parts.append(piece)

    def close_font_table(self) -> None:
        self.entry = None
        for font in self.fonts.values():
            codepage = self.font_codepage(font)
            font.name = "".join(
                _decode(part, codepage) if isinstance(part, bytes) else part for part in font.parts
            ).strip()

    def font_codepage(self, font: _Font | None) -> str:
        if font is None:
            return self.codepage
        if font.codepage is not None:
            return _codec(f"cp{font.codepage}", self.codepage)
        if font.charset is not None and font.charset in _CHARSETS:
            return _codec(_CHARSETS[font.charset], self.codepage)
        return self.codepage

    def target_font(self) -> int:
        """The number of the font converted text is set in (added to the font table on first use)."""
        if self.target is None:
            wanted = _fold(self.tally.options.font)
            for number, font in self.fonts.items():
                if _fold(font.name) == wanted:
                    self.target = number
                    break
            else:
                self.target = max(self.fonts, default=-1) + 1
                self.new_font = True
        return self.target

    # Runs.

    def start_run(self, state: _State) -> _Run:
        if self.run is None:
            self.run = _Run(state)
        elif self.newlines:
            self.run.source.extend(self.newlines)
            self.newlines.clear()
        return self.run

    def flush(self) -> None:
        run = self.run
        if run is None:
            return
        self.run = None
        self.pending_skip = 0
        number = run.font if run.font is not None else self.deff
        font = self.fonts.get(number) if number is not None else None
        name = font.name if font is not None else None
        encoding = self.tally.encoding_for(name)
        codepage = self.font_codepage(font)
        if encoding is None or name is None:
            if name is not None:
                self.tally.observe(self.shown_text(run, codepage), name)
            self.out.extend(run.source)
        else:
            legacy = "".join(
                item.decode("latin-1") if isinstance(item, bytes) else _legacy_char(item, codepage)
                for item in run.items
            )
            if not legacy.strip():
                self.out.extend(run.source)
            else:
                converted = self.tally.convert(legacy, name, encoding)
                target = self.target_font()
                bold = "\\ab" if run.bold else "\\ab0"
                italic = "\\ai" if run.italic else "\\ai0"
                self.out.append(
                    (
                        f"{{\\rtlch\\fcs1\\af{target}\\afs{run.size}{bold}{italic}"
                        f"\\ltrch\\fcs0\\f{target}\\uc1 {_rtf_text(converted)}}}"
                    ).encode("ascii")
                )
                self.changed = True
        self.out.extend(self.newlines)
        self.newlines.clear()

    @staticmethod
    def shown_text(run: _Run, codepage: str) -> str:
        pieces: list[str] = []
        pending = bytearray()
        for item in run.items:
            if isinstance(item, bytes):
                pending += item
                continue
            if pending:
                pieces.append(_decode(bytes(pending), codepage))
                pending.clear()
            pieces.append(item)
        if pending:
            pieces.append(_decode(bytes(pending), codepage))
        return "".join(pieces)


def convert_bytes(data: bytes, tally: Tally, *, path: str = "") -> bytes:
    """The RTF document *data* with its legacy Lao text converted (*data* itself if nothing was).

    Raises :class:`~laotext.errors.DocumentError` for data that is not RTF, or truncated, or whose
    groups do not balance.
    """
    return _Converter(data, tally, path).convert()


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the RTF file *source* into the binary stream *target* (see the module docstring)."""
    data = read_file(source, tally.options.limits.member_bytes)
    target.write(convert_bytes(data, tally, path=str(source)))
