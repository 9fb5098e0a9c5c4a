"""Plain text (.txt) and CSV (.csv) files typed in legacy Lao fonts, written back as UTF-8.

A text file has no fonts, so the encoding is read from the text itself: the file's bytes are
decoded (a byte order mark, then UTF-8, else one character per byte: the legacy codes), the whole
file is judged by :func:`laotext.legacy.detect_encoding`, and then each paragraph (lines up to a
blank line) is judged again, so that a file mixing, say, LSWin paragraphs with keyboard-font
paragraphs converts each with its own table. Lines that hold Unicode Lao already, and lines of a
keyboard-font reading that do not read as Lao (English), are kept as they are. Line ends are kept.

CSV files are read as records (so a quoted cell may hold line breaks and delimiters) and every cell
is judged and converted on its own; the delimiter and quoting are kept. Cells holding only a number
or a date (digits and separators) are kept as they are, even in a keyboard-position font file.
Output CSV starts with a UTF-8 byte order mark, which Excel needs to open it as UTF-8; text files
get one only if they had it.

>>> import io, pathlib, tempfile
>>> from laotext.documents.report import ConvertOptions, Tally
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> source = folder / "old.txt"
>>> _ = source.write_bytes(b"\\xa1\\xbe\\xad\\xa6\\xf4\\xa1\\xa6\\xbe\\r\\nEnglish line\\r\\n")
>>> target = io.BytesIO()
>>> convert(source, target, Tally(ConvertOptions()))
>>> target.getvalue().decode()
'ການສຶກສາ\\r\\nEnglish line\\r\\n'
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import IO

from laotext.documents.package import read_file
from laotext.documents.report import Tally
from laotext.errors import DocumentError

__all__ = ["convert", "decode_text"]

_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_NUMBER = re.compile(r"[-+]?[\d\s.,:/%()]*")  # a CSV cell holding a number or date, never Lao keys
_PARAGRAPH_CONFIDENCE = 0.5  # how sure a paragraph's own detection must be to override the file's
_PARAGRAPH_MIN_LENGTH = 12  # shorter paragraphs are judged with the whole file
_MAX_TEXT_BYTES = 256 << 20


def decode_text(data: bytes) -> tuple[str, bool]:
    """The characters of a text file and whether it started with a byte order mark.

    UTF-16 and UTF-32 need their byte order mark; UTF-8 is taken when the bytes are valid UTF-8;
    anything else is a legacy file and each byte becomes one character (its legacy code).

    >>> decode_text(b"\\xef\\xbb\\xbf\\xe0\\xba\\x81"), decode_text(b"\\xa1")
    (('ກ', True), ('¡', False))
    """
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), True
            except UnicodeDecodeError as error:
                raise DocumentError(
                    f"the file starts with a {codec} byte order mark but byte {error.start} is not {codec}"
                ) from None
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("latin-1"), False


def _read(source: Path) -> tuple[str, bool]:
    return decode_text(read_file(source, _MAX_TEXT_BYTES))


class _Converter:
    """Converts pieces of a text file, using the file's encoding unless a piece clearly has another."""

    def __init__(self, sample: str, tally: Tally) -> None:
        from laotext.legacy import detect_encoding

        detection = detect_encoding(sample)
        self.encoding = detection.encoding if detection.is_legacy else None
        self.tally = tally

    label = "(plain text)"

    def paragraph(self, text: str) -> str:
        from laotext.legacy import detect_encoding

        encoding = self.encoding
        if len(text.strip()) >= _PARAGRAPH_MIN_LENGTH:
            own = detect_encoding(text)
            if own.is_legacy and own.confidence >= _PARAGRAPH_CONFIDENCE:
                encoding = own.encoding
        if encoding is None:
            self.tally.observe(text, "")
            return text
        return "".join(self.piece(line, encoding) for line in _LINES.findall(text))

    def piece(self, text: str, encoding: str | None = None) -> str:
        from laotext.legacy import get_encoding, needs_conversion

        encoding = encoding or self.encoding
        if encoding is None or not text.strip() or not needs_conversion(text, encoding):
            return text
        if text.isascii() and get_encoding(encoding).keeps_ascii:
            return text  # English in a file whose Lao is in upper-ASCII codes
        end = len(text.rstrip("\r\n"))
        return self.tally.convert(text[:end], self.label, encoding) + text[end:]


def _paragraphs(text: str) -> list[str]:
    """*text* cut into paragraphs (runs of non-blank lines) and the blank lines between them."""
    pieces: list[str] = []
    current: list[str] = []
    for line in _LINES.findall(text):
        if line.strip():
            current.append(line)
            continue
        if current:
            pieces.append("".join(current))
            current = []
        pieces.append(line)
    if current:
        pieces.append("".join(current))
    return pieces


def _convert_text(text: str, tally: Tally) -> str:
    converter = _Converter(text, tally)
    return "".join(converter.paragraph(paragraph) for paragraph in _paragraphs(text))


def _convert_csv(text: str, tally: Tally) -> str:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    newline = "\r\n" if "\r\n" in text[:65536] else "\n"
    converter = _Converter(text, tally)
    output = io.StringIO()
    writer = csv.writer(output, dialect, lineterminator=newline)
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            writer.writerow([cell if _NUMBER.fullmatch(cell) else converter.piece(cell) for cell in row])
    except csv.Error as error:
        raise DocumentError(f"not valid CSV: {error}") from None
    return output.getvalue()


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert the text or CSV file *source*, writing UTF-8 to *target*."""
    text, had_bom = _read(source)
    is_csv = source.suffix.lower() == ".csv"
    converted = _convert_csv(text, tally) if is_csv else _convert_text(text, tally)
    target.write(converted.encode("utf-8-sig" if is_csv or had_bom else "utf-8"))
