"""Web pages: legacy Lao text converted to Unicode in the new font, the rest of the page as it was."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
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
from docbuild.html import ENGLISH_PARAGRAPH, PNG_URI, SCRIPT, build_example, build_page, page_bytes

from laotext.documents.html import convert, convert_bytes, decode_page
from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.errors import DocumentError

_BLOCKS = {"p", "h1", "td", "li", "div", "textarea"}


class Reader(HTMLParser):
    """The text of each block (p, h1, td …) with the inline elements around each piece of it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.inline: list[tuple[str, frozenset[str], dict[str, str | None]]] = []
        self.open: list[tuple[str, dict[str, str | None]]] = []
        self.skip = 0
        self.meta: list[dict[str, str | None]] = []
        self.styles: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "title"):
            self.skip += 1
        if tag == "style":
            self.in_style = True
        if tag == "meta":
            self.meta.append(dict(attrs))
            return
        if tag in _BLOCKS:
            self.blocks.append("")
        if tag not in ("br", "img", "hr"):
            self.open.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "title"):
            self.skip -= 1
        if tag == "style":
            self.in_style = False
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.styles.append(data)
            return
        if self.skip:
            return
        if self.blocks:
            self.blocks[-1] += data
        if not data.strip():
            return
        tags = frozenset(tag for tag, _ in self.open)
        self.inline.append((data, tags, self.open[-1][1] if self.open else {}))


def read(data: bytes) -> Reader:
    reader = Reader()
    reader.feed(data.decode("utf-8"))
    reader.close()
    return reader


def run(data: bytes, options: ConvertOptions | None = None) -> tuple[bytes, FileReport]:
    tally = Tally(options or ConvertOptions())
    output = convert_bytes(data, tally, path="test.html")
    return output, tally.report("test.html", "out.html", "html")


def page(body: str, head: str = "") -> bytes:
    return page_bytes(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes, FileReport]:
    folder = tmp_path_factory.mktemp("html")
    source = folder / "letter.htm"
    build_example(source)
    tally = Tally(ConvertOptions())
    with (folder / "out.htm").open("wb") as target:
        convert(source, target, tally)
    return source.read_bytes(), (folder / "out.htm").read_bytes(), tally.report(str(source), "out", "html")


def test_example_constants_come_out(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, report = example
    blocks = [block.strip() for block in read(output).blocks]
    for expected in (HEADER, TITLE, MOTTO, MINISTRY, ENGLISH, SUBJECT + "[1]", BODY, BOLD + " " + ITALIC):
        assert expected in blocks
    assert KEYBOARD in blocks and UNICODE in blocks and FOOTER in blocks
    assert "[1] " + FOOTNOTE in blocks
    for row in TABLE:
        for cell in row:
            assert cell in blocks
    assert report.status == "converted"
    assert report.legacy_fonts == {LSWIN_FONT: "lswin", "Boupha": "keyboard"}
    assert report.unknown_codes == 0 and report.suspect_fonts == {}


def test_example_fonts_switched_where_they_were_declared(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, _ = example
    text = output.decode("utf-8")
    # The class rules (shared only by converted text) now name the new font.
    assert (
        '\tfont-size:12.0pt;\n\tfont-family:"Phetsarath OT";\n\tmso-fareast-font-family:"Times New Roman";'
        in text
    )
    assert ".lao {font-family: 'Phetsarath OT'}" in text
    assert 'font-family:"Phetsarath OT";}\nspan.MsoFootnoteReference' in text
    # Inline styles and <font face> too; the English table rule and the @font-face stay.
    assert f"<span\nstyle='font-size:10.0pt;font-family:\"{UNICODE_FONT}\"'>{HEADER}</span>" in text
    assert f'<font face="{UNICODE_FONT}" size=3>{MINISTRY}</font>' in text
    assert f'<font face="{UNICODE_FONT}"\nsize=2>{FOOTER}</font>' in text
    assert 'font-size:10.0pt;\n\tfont-family:"Times New Roman";}' in text
    assert '@font-face\n\t{font-family:"Saysettha Lao";' in text
    assert text.count(LSWIN_FONT) == 2  # the @font-face rule and the script
    assert "<span style=\"font-family:'" not in text  # nothing needed wrapping


def test_example_everything_else_unchanged(example: tuple[bytes, bytes, FileReport]) -> None:
    source, output, _ = example
    text, original = output.decode("utf-8"), source.decode("cp1252", errors="replace")
    assert ENGLISH_PARAGRAPH in text and SCRIPT in text and f'src="{PNG_URI}"' in text
    assert original.split("<style>")[0].replace("windows-1252", "utf-8") == text.split("<style>")[0]
    # Every tag that carries no legacy font is unchanged, in order.
    tags = re.findall(r"<[^>]*>", text)
    original_tags = re.findall(r"<[^>]*>", original)
    changed = [(a, b) for a, b in zip(original_tags, tags, strict=True) if a != b]
    assert len(tags) == len(original_tags)
    assert all(LSWIN_FONT in a or "windows-1252" in a for a, _ in changed)
    assert len(changed) == 5  # the meta charset, the style sheet, the header span and the two <font face>
    assert "&#3737;&#3765;&#3785;" in text  # the Unicode sentence's references are kept as they were


def test_example_bold_italic_and_colour_kept(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, _ = example
    inline = read(output).inline
    bold = [(tags, attrs) for data, tags, attrs in inline if data == BOLD]
    italic = [tags for data, tags, _ in inline if data == ITALIC]
    title = [tags for data, tags, _ in inline if data == TITLE]
    assert bold == [(frozenset({"html", "body", "div", "p", "b", "span"}), {"style": "color:#C00000"})]
    assert italic and "i" in italic[0] and "b" not in italic[0]
    assert title and {"h1", "b"} <= title[0]


def test_example_meta_charset_is_utf8(example: tuple[bytes, bytes, FileReport]) -> None:
    source, output, _ = example
    metas = read(output).meta
    assert {"http-equiv": "Content-Type", "content": "text/html; charset=utf-8"} in metas
    assert decode_page(output) == (output.decode("utf-8"), "utf-8")
    assert decode_page(source)[1] == "cp1252"


def test_meta_charset_added_after_head_when_missing() -> None:
    data = page(f'<p><font face="{LSWIN_FONT}">{lswin(MOTTO)}</font></p>', head="<title>x</title>")
    output, _ = run(data)
    assert output.startswith(b'<html><head><meta charset="utf-8"><title>x</title></head>')
    assert read(output).blocks == [MOTTO]


def test_meta_charset_attribute_rewritten() -> None:
    data = page(
        f"<p style=\"font-family:'{LSWIN_FONT}'\">{lswin(BOLD)}</p>", head='<meta charset="windows-1252">'
    )
    output, _ = run(data)
    assert output.startswith(b'<html><head><meta charset="utf-8"></head>')
    assert f"<p style=\"font-family:'{UNICODE_FONT}'\">{BOLD}</p>".encode() in output


def test_entities_in_legacy_text_are_resolved_and_converted() -> None:
    # 0xAD (soft hyphen) is ນ in LSWin: old pages wrote it as &shy; or &#173;.
    legacy = lswin(BODY).replace("\xad", "&shy;", 2).replace("\xad", "&#173;")
    data = page(f'<p><font face="{LSWIN_FONT}">{legacy}</font></p>')
    output, _ = run(data)
    assert read(output).blocks == [BODY]
    typed = keyboard(KEYBOARD).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    output, _ = run(page(f'<p><font face="Boupha">{typed}</font></p>'))
    assert read(output).blocks == [KEYBOARD]


def test_style_rules_specificity_and_order() -> None:
    head = (
        "<style>p { font-family: Arial }\np.lao { font-family: 'Saysettha Lao', serif }\n"
        "#english { font-family: Arial }\n.late { font-family: Georgia }\n"
        ".late { font-family: Boupha }</style>"
    )
    body = (
        f"<p class=LAO>{lswin(TITLE)}</p><p class=lao id=english>Plain English</p><p>More English</p>"
        f"<div class=late>{keyboard(KEYBOARD)}</div>"
    )
    output, report = run(page(body, head))
    assert read(output).blocks == [TITLE, "Plain English", "More English", KEYBOARD]
    assert b"p.lao { font-family: 'Phetsarath OT', serif }" in output
    assert b".late { font-family: Georgia }\n.late { font-family: 'Phetsarath OT' }" in output
    assert b"#english { font-family: Arial }" in output and report.runs == 2


def test_inline_style_overrides_rules_and_face_lists() -> None:
    head = f'<style>span {{font-family:"{LSWIN_FONT}"}}</style>'
    body = (
        f"<p><span style='font-family:Arial'>English</span> <span>{lswin(HEADER)}</span></p>"
        f'<p><font face="{LSWIN_FONT}, Arial">{lswin(FOOTER)}</font>'
        f"<font face=Boupha>{keyboard(KEYBOARD)}</font></p>"
    )
    output, report = run(page(body, head))
    assert read(output).blocks == ["English " + HEADER, FOOTER + KEYBOARD]
    assert f'<font face="{UNICODE_FONT}, Arial">'.encode() in output
    assert f'<font face="{UNICODE_FONT}">'.encode() in output  # the unquoted value is quoted
    assert f'span {{font-family:"{UNICODE_FONT}"}}'.encode() in output
    assert b"<span style='font-family:Arial'>English</span>" in output
    assert report.runs == 3


def test_shared_declaration_not_changed_when_some_text_was_not_converted() -> None:
    # The textarea's text (a form value) is in the rule's font but is not converted: the rule stays
    # and the converted text gets the new font on a span of its own.
    head = f'<style>.lao {{font-family:"{LSWIN_FONT}"}}</style>'
    body = f"<div class=lao><p>{lswin(MOTTO)}</p><textarea>{lswin(TITLE)}</textarea></div>"
    output, _ = run(page(body, head))
    assert f'.lao {{font-family:"{LSWIN_FONT}"}}'.encode() in output
    assert f"<p><span style=\"font-family:'{UNICODE_FONT}'\">{MOTTO}</span></p>".encode() in output
    assert page_bytes(lswin(TITLE)).decode("cp1252").encode() in output


def test_declaration_with_references_gets_a_span() -> None:
    body = f"<p style='font-family:&quot;{LSWIN_FONT}&quot;'>{lswin(ITALIC)}</p>"
    output, _ = run(page(body))
    kept = f"<p style='font-family:&quot;{LSWIN_FONT}&quot;'>"
    assert f"{kept}<span style=\"font-family:'{UNICODE_FONT}'\">".encode() in output
    assert read(output).blocks == [ITALIC]


def test_implied_end_tags_close_the_font() -> None:
    cell = f"<td style='font-family:\"{LSWIN_FONT}\"'>{lswin(TABLE[0][1])}"
    body = f"<table><tr>{cell}<td>English<tr><td>More</table>"
    output, report = run(page(body))
    assert read(output).blocks == [TABLE[0][1], "English", "More"]
    assert report.runs == 1


def test_unknown_legacy_looking_font_is_reported_not_converted() -> None:
    data = page(f'<p><font face="LaoFontX">{lswin(BODY)} {lswin(MOTTO)}</font></p>')
    output, report = run(data)
    assert output == data
    assert report.status == "unchanged"
    assert "LaoFontX" in report.suspect_fonts and "lswin" in report.suspect_fonts["LaoFontX"]


def test_english_only_page_is_returned_byte_for_byte(tmp_path: Path) -> None:
    data = b'<html><head><meta charset="windows-1252"></head><body><p style="font-family:Arial">caf\xe9</p>'
    source = tmp_path / "english.html"
    source.write_bytes(data)
    target = io.BytesIO()
    tally = Tally(ConvertOptions())
    convert(source, target, tally)
    assert target.getvalue() == data
    assert tally.report("a", "b", "html").status == "unchanged"


def test_decoding_bom_utf8_and_windows_1252_fallback() -> None:
    legacy = lswin(SUBJECT)
    assert "\u02c6" in legacy  # code 0x88, a cp1252 character outside latin-1
    body = f'<p><font face="{LSWIN_FONT}">{legacy}</font></p>'
    # UTF-8 with a BOM (a legacy page saved again as UTF-8): the BOM is kept.
    output, _ = run(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert output.startswith(b'\xef\xbb\xbf<meta charset="utf-8"><p>')
    assert read(output[3:]).blocks == [SUBJECT]
    # No declaration, not UTF-8: windows-1252.
    output, _ = run(page_bytes(body))
    assert read(output).blocks == [SUBJECT]
    # Undefined windows-1252 bytes are kept as their own code.
    assert decode_page(b"\x81\x8d\xa1") == ("\x81\x8d\xa1", "cp1252")


def test_converting_twice_changes_nothing(example: tuple[bytes, bytes, FileReport]) -> None:
    _, output, _ = example
    again, report = run(output)
    assert again == output
    assert report.status == "unchanged" and report.suspect_fonts == {}


def test_missing_file_raises_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        convert(tmp_path / "missing.html", io.BytesIO(), Tally(ConvertOptions()))


def test_builder_is_deterministic() -> None:
    assert build_page() == build_page()


def test_font_shorthand_and_word_list_bullets() -> None:
    # Word's list bullets: a Symbol bullet, then spaces in `font:7.0pt "Times New Roman"`, in a Lao paragraph.
    body = (
        f"<p style='font-family:\"{LSWIN_FONT}\"'><![if !supportLists]><span style='font-family:Symbol'>\xb7"
        "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"
        f"{lswin(MOTTO)}</p><p style=\"font: bold 12pt/1.5 'Boupha', serif\">{keyboard(KEYBOARD)}</p>"
    )
    output, report = run(page(body))
    assert read(output).blocks == ["\xb7\xa0\xa0 " + MOTTO, KEYBOARD]
    assert b"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span>" in output
    assert f"font: bold 12pt/1.5 '{UNICODE_FONT}', serif".encode() in output
    assert report.runs == 2 and report.legacy_fonts == {LSWIN_FONT: "lswin", "Boupha": "keyboard"}
