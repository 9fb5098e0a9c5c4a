"""RTF documents: legacy Lao runs converted to Unicode in the new font, everything else byte for byte."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    FOOTER,
    FOOTNOTE,
    HEADER,
    ITALIC,
    KEYBOARD,
    LSWIN_FONT,
    MINISTRY,
    MOTTO,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    keyboard,
    lswin,
)
from docbuild.rtf import build_example, build_rtf, escape, unicode_escape

from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.documents.rtf import convert, convert_bytes
from laotext.errors import DocumentError

# A small RTF reader, independent of the converter: the text of each paragraph with its font and style.

_TOKEN = re.compile(
    rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)", re.DOTALL
)
_SKIPPED = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"fldinst", b"listtext", b"themedata"}


@dataclass
class Piece:
    text: str
    font: str | None
    bold: bool
    italic: bool
    where: str  # body, header, footer or footnote


def read_rtf(data: bytes) -> tuple[list[Piece], dict[int, str]]:
    """The text pieces of *data* (merged while font, bold, italic and place stay the same) and its fonts."""
    fonts: dict[int, str] = {}
    pieces: list[Piece] = []
    stack: list[dict[str, object]] = []
    state: dict[str, object] = {"f": None, "b": False, "i": False, "uc": 1, "skip": False, "where": "body"}
    deff: int | None = None
    skip_next = 0
    first = ignorable = False
    font_number: int | None = None

    def add(text: str) -> None:
        font = state["f"] if state["f"] is not None else deff
        name = fonts.get(font) if isinstance(font, int) else None
        piece = Piece(text, name, bool(state["b"]), bool(state["i"]), str(state["where"]))
        last = pieces[-1] if pieces else None
        same = last is not None and (last.font, last.bold, last.italic, last.where) == (
            piece.font, piece.bold, piece.italic, piece.where
        )  # fmt: skip
        if last and same and "\n" not in (text, last.text):
            last.text += text
        else:
            pieces.append(piece)

    for match in _TOKEN.finditer(data):
        word, param, hexcode, symbol, brace, text = match.groups()
        if brace:
            skip_next = 0
            if brace == b"{":
                stack.append(state)
                state = dict(state)
                first, ignorable = True, False
            else:
                state = stack.pop()
            continue
        if symbol == b"*" and first:
            ignorable = True
            continue
        if word is not None and first:
            if word in _SKIPPED or ignorable:
                state["name_skip"] = bool(state.get("fonttbl"))
                state["skip"] = True
                state["fonttbl"] = word == b"fonttbl" or bool(state.get("fonttbl"))
            if word in (b"header", b"footer", b"footnote"):
                state["where"] = word.decode()
        first = False
        if skip_next and word is None and hexcode is None and symbol is None and text is None:
            continue  # line breaks
        if skip_next:
            if text is not None:
                used = min(skip_next, len(text))
                skip_next -= used
                text = text[used:]
                if not text:
                    continue
            else:
                skip_next -= 1
                continue
        if state.get("fonttbl"):
            if word == b"f" and param is not None:
                font_number = int(param)
                fonts[font_number] = ""
            elif text is not None and font_number is not None and not state.get("name_skip"):
                fonts[font_number] = (fonts[font_number] + text.decode("cp1252")).split(";")[0]
            continue
        if state["skip"]:
            continue
        if word is not None:
            value = int(param) if param is not None else None
            if word == b"f":
                state["f"] = value
            elif word == b"deff":
                deff = value
            elif word in (b"b", b"i"):
                state[word.decode()] = value != 0
            elif word == b"plain":
                state.update(f=None, b=False, i=False)
            elif word == b"uc":
                state["uc"] = value
            elif word == b"u":
                assert value is not None
                add(chr(value % 0x10000))
                skip_next = int(str(state["uc"]))
            elif word in (b"par", b"cell", b"row"):
                add("\n")
        elif hexcode is not None:
            add(bytes([int(hexcode, 16)]).decode("cp1252", errors="replace"))
        elif symbol is not None and symbol in b"\\{}":
            add(symbol.decode())
        elif text is not None:
            add(text.decode("cp1252"))
    return pieces, fonts


def paragraphs(pieces: list[Piece], where: str = "body") -> list[list[Piece]]:
    result: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.where != where:
            continue
        if piece.text == "\n":
            result.append([])
        else:
            result[-1].append(piece)
    return [paragraph for paragraph in result if paragraph]


def text_of(paragraph: list[Piece]) -> str:
    return "".join(piece.text for piece in paragraph)


def fonts_of(paragraph: list[Piece]) -> set[str | None]:
    return {piece.font for piece in paragraph if piece.text.strip()}


def run(data: bytes, options: ConvertOptions | None = None) -> tuple[bytes, FileReport]:
    tally = Tally(options or ConvertOptions())
    output = convert_bytes(data, tally, path="test.rtf")
    return output, tally.report("test.rtf", "out.rtf", "rtf")


def small(body: str, fonts: str = "", header: str = "\\ansi\\ansicpg1252\\deff0") -> bytes:
    table = "{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset0 Saysettha Lao;}" + fonts
    return f"{{\\rtf1{header}{{\\fonttbl{table}}}\n{body}}}".encode("latin-1")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes, FileReport]:
    folder = tmp_path_factory.mktemp("rtf")
    source = folder / "letter.rtf"
    build_example(source)
    tally = Tally(ConvertOptions())
    with (folder / "out.rtf").open("wb") as target:
        convert(source, target, tally)
    return source.read_bytes(), (folder / "out.rtf").read_bytes(), tally.report(str(source), "out.rtf", "rtf")


def test_example_constants_come_out_in_the_new_font(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, report = example
    pieces, _ = read_rtf(output)
    body = paragraphs(pieces)
    texts = [text_of(paragraph) for paragraph in body]
    for expected in (TITLE, MOTTO, MINISTRY, SUBJECT, BODY, BOLD + " " + ITALIC, KEYBOARD, UNICODE, ENGLISH):
        assert expected in texts
    for paragraph in body:
        if text_of(paragraph) in (TITLE, MOTTO, MINISTRY, SUBJECT, BODY, KEYBOARD, UNICODE):
            assert fonts_of(paragraph) == {UNICODE_FONT}
    cells = [text_of(paragraph) for paragraph in body if text_of(paragraph) not in texts[:9]]
    for row in TABLE:
        for cell in row:
            assert cell in texts or cell in cells
    assert [text_of(p) for p in paragraphs(pieces, "header")] == [HEADER]
    assert [text_of(p) for p in paragraphs(pieces, "footer")] == [FOOTER]
    assert [text_of(p) for p in paragraphs(pieces, "footnote")] == [FOOTNOTE]
    assert report.status == "converted"
    assert report.legacy_fonts == {LSWIN_FONT: "lswin", "Boupha": "keyboard"}
    assert report.unknown_codes == 0


def test_example_table_cells_converted(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, _ = example
    pieces, _ = read_rtf(output)
    cells = {text_of(p): p for p in paragraphs(pieces)}
    for index, row in enumerate(TABLE):
        for cell in row:
            assert cell in cells
            assert fonts_of(cells[cell]) == {UNICODE_FONT}
            assert all(piece.bold == (index == 0) for piece in cells[cell])


def test_example_bold_italic_kept_and_copied_to_complex_script(
    example: tuple[bytes, bytes, FileReport],
) -> None:
    _, output, _ = example
    pieces, _ = read_rtf(output)
    bold = [piece for piece in pieces if piece.text == BOLD]
    italic = [piece for piece in pieces if piece.text == ITALIC]
    title = [piece for piece in pieces if piece.text == TITLE]
    assert len(bold) == 1 and bold[0].bold and not bold[0].italic
    assert len(italic) == 1 and italic[0].italic and not italic[0].bold
    assert title[0].bold
    # Lao is a complex script: the converted run's complex-script bold, italic and size follow the run.
    assert re.search(rb"\\cf3\\insrsid4525154 \{\\rtlch\\fcs1\\af3\\afs24\\ab\\ai0\\ltrch", output)
    assert re.search(rb"\\fs24\\i\\insrsid4525154 \{\\rtlch\\fcs1\\af3\\afs24\\ab0\\ai\\ltrch", output)
    assert b"\\fs32\\b\\insrsid4525154 {\\rtlch\\fcs1\\af3\\afs32\\ab\\ai0" in output


def test_example_english_unicode_picture_and_tables_byte_identical(
    example: tuple[bytes, bytes, FileReport],
) -> None:
    source, output, _ = example
    english = escape(ENGLISH).encode()
    unicode_run = unicode_escape(UNICODE).encode()
    assert english in output and unicode_run in output
    picture = re.search(rb"\{\\\*\\shppict.*?\\pngblip.*?\}\}\}", source, re.DOTALL)
    assert picture is not None and picture.group() in output
    hex_png = re.sub(rb"\s", b"", picture.group().split(b"{\\*\\blipuid 0}")[1].rstrip(b"}"))
    from docbuild import PNG

    assert bytes.fromhex(hex_png.decode()) == PNG
    # The header of the document (font table with the font already there, styles, info) is unchanged.
    assert output[: source.index(b"\\paperw")] == source[: source.index(b"\\paperw")]
    assert source.count(b"\\trowd") == output.count(b"\\trowd") == 2 * len(TABLE)
    # Only runs changed: removing the inserted groups gives back the input with its text removed.
    stripped = re.sub(
        rb"\{\\rtlch\\fcs1\\af3\\afs\d+\\ab0?\\ai0?\\ltrch\\fcs0\\f3\\uc1 [^{}]*\}", b"", output
    )
    removed = re.sub(
        rb"(\\f[12](?:\\[a-z]+\d*)*\\insrsid4525154 )(?! \})((?:[^{}\\]|\\'[0-9a-f]{2}|\\[{}\\])+)\}",
        rb"\1}",
        source,
    )
    assert stripped == removed


def test_example_opens_in_libreoffice_with_lao_in_the_new_font(
    example: tuple[bytes, bytes, FileReport], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    (tmp_path / "out.rtf").write_bytes(example[1])
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
         "docx", "--outdir", str(tmp_path), str(tmp_path / "out.rtf")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        document = package.read("word/document.xml").decode()
        header = package.read("word/header1.xml").decode()
        names = package.namelist()
    assert any(name.startswith("word/media/") for name in names)
    runs = re.findall(r"<w:r>(.*?)</w:r>", document)
    title = [r for r in runs if TITLE[:10] in r]
    assert title and f'w:cs="{UNICODE_FONT}"' in title[0] and "<w:bCs/>" in title[0]
    assert BODY.split()[0] in document and HEADER in header


def test_adds_the_new_font_to_the_font_table_when_missing() -> None:
    data = small("\\pard\\plain {\\f1\\fs28\\b " + escape(lswin(MOTTO)) + "}\\par English\\par")
    output, report = run(data)
    assert output.startswith(
        b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}"
        b"{\\f1\\fnil\\fcharset0 Saysettha Lao;}{\\f2\\fnil\\fcharset0 Phetsarath OT;}}"
    )
    pieces, fonts = read_rtf(output)
    assert fonts[2] == UNICODE_FONT
    assert [(p.text, p.font, p.bold) for p in pieces if p.text.strip()] == [
        (MOTTO, UNICODE_FONT, True),
        ("English", "Times New Roman", False),
    ]
    assert b"\\afs28\\ab\\ai0" in output
    assert report.runs == 1


def test_other_target_font_option() -> None:
    data = small("{\\f1 " + escape(lswin(HEADER)) + "}")
    output, _ = run(data, ConvertOptions(font="Noto Sans Lao"))
    pieces, fonts = read_rtf(output)
    assert fonts[2] == "Noto Sans Lao"
    assert [(p.text, p.font) for p in pieces] == [(HEADER, "Noto Sans Lao")]


def test_group_scoping_plain_and_deff() -> None:
    # \deff1: text with no \f is in the legacy font; \plain goes back to it; a group restores the font.
    body = (
        escape(lswin(TITLE)) + "\\par {\\f0 Times text}" + escape(lswin(MOTTO))
        + "\\par\\f0 English \\plain " + escape(lswin(FOOTER)) + "\\par"
    )  # fmt: skip
    data = small(body, header="\\ansi\\deff1")
    output, report = run(data)
    pieces, _ = read_rtf(output)
    assert [text_of(p) for p in paragraphs(pieces)] == [TITLE, "Times text" + MOTTO, "English " + FOOTER]
    assert [(p.text, p.font) for p in pieces if p.text == "Times text"] == [("Times text", "Times New Roman")]
    assert report.runs == 3


def test_pard_does_not_reset_the_font() -> None:
    data = small("\\f1 " + escape(lswin(TITLE)) + "\\par\\pard " + escape(lswin(MOTTO)) + "\\par")
    output, report = run(data)
    pieces, _ = read_rtf(output)
    assert [text_of(p) for p in paragraphs(pieces)] == [TITLE, MOTTO]
    assert report.runs == 2


def legacy_codes(text: str) -> list[int]:
    """The legacy codes of the cp1252 characters *text* is made of."""
    codes = []
    for char in text:
        try:
            codes.append(char.encode("cp1252")[0])
        except UnicodeEncodeError:
            codes.append(ord(char))
    return codes


def test_symbol_charset_hex_escapes_and_private_use_unicode() -> None:
    fonts = "{\\f2\\fnil\\fcharset2 Saysettha Lao;}"
    hex_codes = "".join(f"\\'{code:02x}" for code in legacy_codes(lswin(BOLD)))
    private = "".join(f"\\u{0xF000 + code - 0x10000}\\'3f" for code in legacy_codes(lswin(ITALIC)))
    data = small(f"{{\\f2 {hex_codes}}}\\par{{\\f2\\uc1 {private}}}\\par", fonts=fonts)
    output, report = run(data)
    pieces, _ = read_rtf(output)
    assert [(text_of(p), fonts_of(p)) for p in paragraphs(pieces)] == [
        (BOLD, {UNICODE_FONT}),
        (ITALIC, {UNICODE_FONT}),
    ]
    assert report.runs == 2


def test_unicode_escapes_of_cp1252_characters_with_uc_skip_counts() -> None:
    # Other writers put the cp1252 characters of the legacy codes as \uN with a two-byte fallback.
    legacy = lswin(BOLD + " " + SUBJECT)
    assert {"\u2020", "\u02c6"} <= set(legacy)  # cp1252 characters of codes 0x86 and 0x88
    text = "".join(c if ord(c) < 128 else f"\\u{ord(c)}\\'3f\\'3f" for c in legacy)
    data = small("{\\f1\\uc2 " + text + "}\\par")
    output, _ = run(data)
    pieces, _ = read_rtf(output)
    assert [text_of(p) for p in paragraphs(pieces)] == [BOLD + " " + SUBJECT]


def test_keyboard_font() -> None:
    data = small(
        "{\\f2\\fs28 " + escape(keyboard(KEYBOARD)) + "}\\par", fonts="{\\f2\\fnil\\fcharset0 Boupha;}"
    )
    output, report = run(data)
    pieces, fonts = read_rtf(output)
    assert fonts[3] == UNICODE_FONT
    assert [(text_of(p), fonts_of(p)) for p in paragraphs(pieces)] == [(KEYBOARD, {UNICODE_FONT})]
    assert report.legacy_fonts == {"Boupha": "keyboard"}


def test_unknown_legacy_looking_font_is_reported_not_converted() -> None:
    fonts = "{\\f2\\fnil\\fcharset0 LaoFontX;}"
    data = small("{\\f2 " + escape(lswin(BODY)) + " " + escape(lswin(MOTTO)) + "}\\par", fonts=fonts)
    output, report = run(data)
    assert output == data
    assert report.status == "unchanged"
    assert "LaoFontX" in report.suspect_fonts
    assert "lswin" in report.suspect_fonts["LaoFontX"]


def test_english_only_document_is_returned_unchanged(tmp_path: Path) -> None:
    data = small("{\\f0\\b Bold {\\i and italic} caf\\'e9\\par}{\\pict\\pngblip 89504e47}")
    source = tmp_path / "english.rtf"
    source.write_bytes(data)
    target = io.BytesIO()
    tally = Tally(ConvertOptions())
    convert(source, target, tally)
    assert target.getvalue() == data
    assert tally.report("a", "b", "rtf").status == "unchanged"


def test_binary_data_and_skipped_destinations_copied_verbatim() -> None:
    binary = b"\\{}\x00\xff" + b"{" * 5  # braces and backslashes inside \bin data are data, not RTF
    legacy = escape(lswin(TITLE)).encode()
    body = (
        b"{\\f1 {\\*\\bkmkstart " + legacy + b'}{\\field{\\*\\fldinst {\\f1 HYPERLINK "' + legacy + b'"}}'
        b"{\\fldrslt {\\f1 " + legacy + b"}}}}"
        b"{\\*\\shppict{\\pict\\wmetafile8 \\bin" + str(len(binary)).encode() + b" " + binary + b"}}\\par"
    )
    data = small("")[:-1] + body + b"}"
    output, report = run(data)
    assert report.runs == 1
    assert b"{\\*\\bkmkstart " + legacy + b"}" in output
    assert b'{\\*\\fldinst {\\f1 HYPERLINK "' + legacy + b'"}}' in output
    assert b"\\bin" + str(len(binary)).encode() + b" " + binary + b"}}\\par}" in output
    pieces, _ = read_rtf(output)
    assert [p.text for p in pieces if p.font == UNICODE_FONT] == [TITLE]


def test_text_boxes_in_shapes_are_converted_shape_properties_are_not() -> None:
    legacy = escape(lswin(HEADER))
    data = small(
        "{\\shp{\\*\\shpinst\\shpleft0{\\sp{\\sn wzName}{\\sv " + legacy + "}}"
        "{\\shptxt \\pard\\plain {\\f1 " + legacy + "}\\par}}}"
    )
    output, report = run(data)
    assert report.runs == 1
    assert ("{\\sv " + legacy + "}").encode() in output
    assert b"\\u3713?\\u3760?" in output  # ກະ of ກະຊວງ


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Hello, this is plain text", "not an RTF document"),
        (b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Hello\\par", "not closed"),
        (b"{\\rtf1\\ansi Hello {\\b bold\\par}", "not closed"),
        (b"{\\rtf1\\ansi {\\pict\\bin200 abc}}", "\\bin"),
        (b"{\\rtf1\\ansi Hello\\'zz}", "malformed"),
        (b"{\\rtf1\\ansi Hello\\", "malformed"),
        (b"", "not an RTF document"),
        (b"{\\rtf1\\ansi Hello}\\par}", "unbalanced"),
    ],
)
def test_malformed_input_raises_document_error(data: bytes, message: str, tmp_path: Path) -> None:
    source = tmp_path / "bad.rtf"
    source.write_bytes(data)
    with pytest.raises(DocumentError, match=re.escape(message)) as raised:
        convert(source, io.BytesIO(), Tally(ConvertOptions()))
    assert raised.value.path == str(source)


def test_missing_file_raises_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        convert(tmp_path / "missing.rtf", io.BytesIO(), Tally(ConvertOptions()))


def test_converting_twice_changes_nothing(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, _ = example
    again, report = run(output)
    assert again == output
    assert report.status == "unchanged"
    assert report.suspect_fonts == {}
    new_font, _ = run(small("{\\f1 " + escape(lswin(MOTTO)) + "}"))
    assert run(new_font)[0] == new_font


def test_builder_is_deterministic() -> None:
    assert build_rtf() == build_rtf()
