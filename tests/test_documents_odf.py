"""OpenDocument conversion: legacy Lao text in .odt, .ods and .odp files becomes Unicode Lao.

Documents are built as raw zip + XML (tests/docbuild/odf.py); the output is read back with odfpy
and by parsing its XML, and compared with the hand-written Unicode constants of :mod:`docbuild`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

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
    MOTTO,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    lswin,
)
from docbuild.odf import (
    PRESENTATION_MIME,
    SHEET,
    SPREADSHEET_MIME,
    build_example,
    build_spreadsheet_example,
    content_xml,
    font_decls,
    styles_xml,
    text_style,
    write_odf,
)
from lxml import etree
from odf import teletype
from odf import text as odftext
from odf.opendocument import load
from odf.table import Table

from laotext.documents.odf import convert
from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.errors import DocumentError

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}
TEXT_NS = f"{{{NS['text']}}}"
STYLE_NS = f"{{{NS['style']}}}"
TABLE_NS = f"{{{NS['table']}}}"
SVG_NS = f"{{{NS['svg']}}}"


def run(source: Path, tmp_path: Path, name: str = "out") -> tuple[Path, FileReport]:
    """Convert *source* into a file in *tmp_path*; the output path and the report."""
    target = tmp_path / f"{name}{source.suffix}"
    tally = Tally(ConvertOptions())
    with open(target, "wb") as handle:
        convert(source, handle, tally)
    return target, tally.report(str(source), str(target), "odf")


def member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def xml(path: Path, name: str) -> etree._Element:
    return etree.fromstring(member(path, name))


def own_text(paragraph: etree._Element) -> str:
    """The text of a paragraph as shown, without notes and frames (text:s is a space)."""
    pieces: list[str] = [paragraph.text or ""]
    for child in paragraph:
        tag = etree.QName(child).localname
        if tag in ("span", "a"):
            pieces.append(own_text(child))
        elif tag == "s":
            pieces.append(" " * int(child.get(f"{TEXT_NS}c", "1")))
        elif tag == "tab":
            pieces.append("\t")
        pieces.append(child.tail or "")
    return "".join(pieces)


def paragraphs(root: etree._Element) -> list[str]:
    return [own_text(p) for p in root.iter(f"{TEXT_NS}p", f"{TEXT_NS}h")]


class Fonts:
    """The fonts and properties of the styles of one part of a converted document."""

    def __init__(self, document: Path, part: str) -> None:
        self.root = xml(document, part)
        self.other = xml(document, "styles.xml") if part == "content.xml" else self.root
        self.faces = {
            face.get(f"{STYLE_NS}name"): face.get(f"{SVG_NS}font-family").strip("'")
            for root in (self.root, self.other)
            for face in root.iter(f"{STYLE_NS}font-face")
        }

    def style(self, name: str, family: str = "text") -> etree._Element:
        for root in (self.root, self.other):
            for style in root.iter(f"{STYLE_NS}style"):
                if style.get(f"{STYLE_NS}name") == name and style.get(f"{STYLE_NS}family") == family:
                    return style
        raise AssertionError(f"no {family} style {name!r}")

    def properties(self, name: str, family: str = "text") -> dict[str, str]:
        found = self.style(name, family).find(f"{STYLE_NS}text-properties")
        assert found is not None
        return {
            etree.QName(key).localname if "}" in key else key: value for key, value in found.attrib.items()
        }

    def font(self, name: str, family: str = "text") -> tuple[str, str]:
        """The Western and complex font family of style *name*, read through the font declarations."""
        properties = self.properties(name, family)
        return self.faces[properties["font-name"]], self.faces[properties["font-name-complex"]]


def span_of(root: etree._Element, text: str) -> etree._Element:
    """The span holding exactly *text*."""
    for span in root.iter(f"{TEXT_NS}span"):
        if own_text(span) == text:
            return span
    raise AssertionError(f"no span holding {text!r}")


@pytest.fixture(scope="module")
def odt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, FileReport]:
    folder = tmp_path_factory.mktemp("odt")
    source = folder / "letter.odt"
    build_example(source)
    target, report = run(source, folder)
    return source, target, report


@pytest.fixture(scope="module")
def ods(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, FileReport]:
    folder = tmp_path_factory.mktemp("ods")
    source = folder / "budget.ods"
    build_spreadsheet_example(source)
    target, report = run(source, folder)
    return source, target, report


# -- text documents ---------------------------------------------------------------------------


def test_body_text_reads_back_as_unicode_with_odfpy(odt: tuple[Path, Path, FileReport]) -> None:
    _, target, report = odt
    document = load(str(target))
    texts = [teletype.extractText(p) for p in document.getElementsByType(odftext.P)]
    for expected in (TITLE, MOTTO, SUBJECT, KEYBOARD, UNICODE, ENGLISH, f"{BOLD} {ITALIC}"):
        assert expected in texts
    assert any(text.startswith(BODY) for text in texts)
    assert report.status == "converted"
    assert report.legacy_fonts == {LSWIN_FONT: "lswin", "Boupha": "keyboard"}
    assert report.suspect_fonts == {}


def test_table_header_footer_and_footnote_are_converted(odt: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = odt
    content = xml(target, "content.xml")
    cells = [[own_text(p) for p in row.iter(f"{TEXT_NS}p")] for row in content.iter(f"{TABLE_NS}table-row")]
    assert cells == [list(row) for row in TABLE]
    note = content.find(".//text:note/text:note-body/text:p", NS)
    assert note is not None and own_text(note) == FOOTNOTE
    styles = xml(target, "styles.xml")
    header = styles.find(".//style:master-page/style:header/text:p", NS)
    footer = styles.find(".//style:master-page/style:footer/text:p", NS)
    assert header is not None and footer is not None
    assert (own_text(header), own_text(footer)) == (HEADER, FOOTER)
    fonts = Fonts(target, "styles.xml")
    footer_span = footer.find("text:span", NS)
    assert footer_span is not None
    properties = fonts.properties(footer_span.get(f"{TEXT_NS}style-name"))
    assert fonts.font(footer_span.get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)
    assert properties["font-style-complex"] == "italic"  # the Footer style is italic
    assert properties["font-size-complex"] == "10pt"


def test_english_and_unicode_runs_are_byte_identical(odt: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = odt
    before, after = member(source, "content.xml"), member(target, "content.xml")
    for style, text in (("T4", ENGLISH), ("T6", UNICODE)):
        run_bytes = f'<text:span text:style-name="{style}">{text}</text:span>'.encode()
        assert run_bytes in before and run_bytes in after
        start = before.index(f'<style:style style:name="{style}"'.encode())
        definition = before[start : before.index(b"</style:style>", start)]
        assert definition in after


def test_converted_span_style_has_new_font_and_complex_twins(odt: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = odt
    content = xml(target, "content.xml")
    fonts = Fonts(target, "content.xml")
    title = span_of(content, TITLE)
    name = title.get(f"{TEXT_NS}style-name")
    assert fonts.font(name) == (UNICODE_FONT, UNICODE_FONT)
    properties = fonts.properties(name)
    assert properties["font-weight"] == properties["font-weight-complex"] == "bold"
    assert properties["font-size"] == properties["font-size-complex"] == "16pt"
    assert properties["color"] == "#1f3864"


def test_bold_and_italic_are_kept_for_the_complex_script(odt: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = odt
    content = xml(target, "content.xml")
    fonts = Fonts(target, "content.xml")
    bold = fonts.properties(span_of(content, BOLD).get(f"{TEXT_NS}style-name"))
    italic = fonts.properties(span_of(content, ITALIC).get(f"{TEXT_NS}style-name"))
    assert (bold["font-weight"], bold["font-weight-complex"], bold["font-style-complex"]) == (
        "bold",
        "bold",
        "normal",
    )
    assert bold["color"] == "#c00000"
    assert (italic["font-style"], italic["font-style-complex"], italic["font-weight-complex"]) == (
        "italic",
        "italic",
        "normal",
    )


def test_legacy_only_automatic_style_is_changed_in_place(odt: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = odt
    content = xml(target, "content.xml")
    fonts = Fonts(target, "content.xml")
    assert span_of(content, BOLD).get(f"{TEXT_NS}style-name") == "T2"
    assert fonts.font("T2") == (UNICODE_FONT, UNICODE_FONT)
    assert fonts.font("T5") == (UNICODE_FONT, UNICODE_FONT)  # the keyboard-font style
    assert fonts.properties("T5")["font-size-complex"] == "13pt"


def test_font_inherited_from_paragraph_style(odt: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = odt
    content = xml(target, "content.xml")
    fonts = Fonts(target, "content.xml")
    motto = next(p for p in content.iter(f"{TEXT_NS}p") if own_text(p) == MOTTO)
    assert motto.get(f"{TEXT_NS}style-name") == "Legacy_20_Body"
    span = motto.find("text:span", NS)
    assert span is not None
    assert fonts.font(span.get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)
    assert fonts.properties(span.get(f"{TEXT_NS}style-name"))["font-size-complex"] == "14pt"
    # the common style shared by the document is not touched
    before = member(source, "styles.xml")
    start = before.index(b"<office:styles>")
    assert before[start : before.index(b"</office:styles>")] in member(target, "styles.xml")


def test_unchanged_members_are_byte_identical_and_mimetype_first(odt: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = odt
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target) as new:
        assert new.namelist() == old.namelist()
        first = new.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert new.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        for name in ("META-INF/manifest.xml", "meta.xml", "Pictures/image1.png"):
            assert new.read(name) == old.read(name)
            assert new.getinfo(name).compress_type == old.getinfo(name).compress_type


def test_second_conversion_is_unchanged(odt: tuple[Path, Path, FileReport], tmp_path: Path) -> None:
    _, target, _ = odt
    again, report = run(target, tmp_path, "again")
    assert report.status == "unchanged" and report.runs == 0
    assert again.read_bytes() == target.read_bytes()


def test_default_style_font_and_new_font_declaration(tmp_path: Path) -> None:
    styles = styles_xml(
        fonts=font_decls(LSWIN_FONT),
        styles='<style:default-style style:family="paragraph"><style:text-properties '
        f'style:font-name="{LSWIN_FONT}" fo:font-size="12pt" fo:font-weight="bold"/></style:default-style>',
    )
    content = content_xml(f"<text:p>{lswin(BODY)}</text:p>", fonts=font_decls(LSWIN_FONT))
    source = tmp_path / "default.odt"
    write_odf(source, content, styles)
    target, report = run(source, tmp_path)
    assert report.runs == 1
    assert member(target, "styles.xml") == member(source, "styles.xml")
    root = xml(target, "content.xml")
    assert paragraphs(root) == [BODY]
    fonts = Fonts(target, "content.xml")
    span = span_of(root, BODY)
    assert fonts.font(span.get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)
    properties = fonts.properties(span.get(f"{TEXT_NS}style-name"))
    assert (properties["font-weight-complex"], properties["font-size-complex"]) == ("bold", "12pt")
    declared = root.findall(".//office:font-face-decls/style:font-face", NS)
    assert [face.get(f"{STYLE_NS}name") for face in declared] == [LSWIN_FONT, UNICODE_FONT]


def test_spaces_tabs_and_breaks_stay(tmp_path: Path) -> None:
    body = (
        f'<text:p text:style-name="L">{lswin(BOLD)}<text:s text:c="2"/>{lswin(ITALIC)}<text:tab/>'
        f"{lswin(HEADER)}<text:line-break/>{lswin(FOOTER)}</text:p>"
    )
    automatic = text_style("L", f'style:font-name="{LSWIN_FONT}"', "paragraph")
    source = tmp_path / "spaces.odt"
    write_odf(source, content_xml(body, fonts=font_decls(LSWIN_FONT), automatic=automatic))
    target, report = run(source, tmp_path)
    assert report.runs == 4
    root = xml(target, "content.xml")
    paragraph = root.find(".//text:p", NS)
    assert paragraph is not None
    assert own_text(paragraph) == f"{BOLD}  {ITALIC}\t{HEADER}{FOOTER}"
    structure = [etree.QName(e).localname for e in paragraph.iter() if e is not paragraph]
    assert structure.count("s") == 1 and structure.count("tab") == 1 and structure.count("line-break") == 1
    spaces = paragraph.find(".//text:s", NS)
    assert spaces is not None and spaces.get(f"{TEXT_NS}c") == "2"
    texts = [t for t in paragraph.itertext()]
    assert texts == [BOLD, ITALIC, HEADER, FOOTER]
    # the style is used only by legacy text, so it is changed in place and nothing is wrapped
    assert Fonts(target, "content.xml").font("L", "paragraph") == (UNICODE_FONT, UNICODE_FONT)
    assert paragraph.find("text:span", NS) is None


def test_shared_styles_are_not_changed_and_runs_get_the_font(tmp_path: Path) -> None:
    automatic = (
        text_style("P1", f'style:font-name="{LSWIN_FONT}"', "paragraph")
        + text_style("B", 'fo:font-weight="bold"')
        + text_style("U", f'style:font-name="{UNICODE_FONT}"')
    )
    body = (
        f'<text:p text:style-name="P1">{lswin(MOTTO)}</text:p>'
        f'<text:p text:style-name="P1"><text:span text:style-name="U">{UNICODE}</text:span></text:p>'
        f'<text:p text:style-name="P1"><text:span text:style-name="B">{lswin(BOLD)}</text:span></text:p>'
        '<text:p text:style-name="P1"><text:span text:style-name="U">'
        f'<text:span text:style-name="B">{UNICODE}</text:span></text:span></text:p>'
    )
    source = tmp_path / "shared.odt"
    write_odf(source, content_xml(body, fonts=font_decls(LSWIN_FONT, UNICODE_FONT), automatic=automatic))
    target, report = run(source, tmp_path)
    assert report.runs == 2
    before, after = member(source, "content.xml"), member(target, "content.xml")
    for style in ("P1", "B", "U"):
        start = before.index(f'<style:style style:name="{style}"'.encode())
        assert before[start : before.index(b"</style:style>", start)] in after
    root = etree.fromstring(after)
    assert paragraphs(root) == [MOTTO, UNICODE, BOLD, UNICODE]
    fonts = Fonts(target, "content.xml")
    bold = span_of(root, BOLD)
    assert bold.get(f"{TEXT_NS}style-name") != "B"
    assert fonts.font(bold.get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)
    assert fonts.properties(bold.get(f"{TEXT_NS}style-name"))["font-weight"] == "bold"
    assert fonts.font(span_of(root, MOTTO).get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)


def test_fo_font_family_and_symbol_charset_text(tmp_path: Path) -> None:
    symbol = "".join(chr(0xF000 + byte) for byte in lswin(SUBJECT).encode("cp1252"))
    automatic = text_style(
        "S", f'fo:font-family="\'{LSWIN_FONT}\', serif" style:font-charset="x-symbol" fo:font-size="11pt"'
    )
    body = f'<text:p><text:span text:style-name="S">{symbol}</text:span></text:p>'
    source = tmp_path / "symbol.odt"
    write_odf(source, content_xml(body, automatic=automatic))
    target, _ = run(source, tmp_path)
    root = xml(target, "content.xml")
    assert paragraphs(root) == [SUBJECT]
    properties = Fonts(target, "content.xml").properties("S")
    assert "font-family" not in properties and "font-charset" not in properties
    assert properties["font-size-complex"] == "11pt"


def test_unknown_font_that_reads_as_lao_is_reported_not_converted(tmp_path: Path) -> None:
    automatic = text_style("X", 'style:font-name="Lao Old Type"')
    body = f'<text:p><text:span text:style-name="X">{lswin(BODY)}</text:span></text:p>'
    source = tmp_path / "suspect.odt"
    write_odf(source, content_xml(body, fonts=font_decls("Lao Old Type"), automatic=automatic))
    target, report = run(source, tmp_path)
    assert report.status == "unchanged"
    assert "Lao Old Type" in report.suspect_fonts
    assert member(target, "content.xml") == member(source, "content.xml")


def test_malformed_content_raises_document_error(tmp_path: Path) -> None:
    source = tmp_path / "broken.odt"
    write_odf(source, b"<office:document-content><office:body><text:p>unclosed")
    with pytest.raises(DocumentError, match=r"content\.xml"):
        run(source, tmp_path)
    missing = tmp_path / "missing.odt"
    with zipfile.ZipFile(missing, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(DocumentError, match=r"content\.xml"):
        run(missing, tmp_path)
    wrong_root = tmp_path / "wrong.odt"
    write_odf(wrong_root, b"<html/>")
    with pytest.raises(DocumentError, match="not an OpenDocument part"):
        run(wrong_root, tmp_path)
    not_zip = tmp_path / "plain.odt"
    not_zip.write_bytes(b"just text")
    with pytest.raises(DocumentError):
        run(not_zip, tmp_path)


# -- spreadsheets -----------------------------------------------------------------------------


def test_spreadsheet_cells_header_and_footer(ods: tuple[Path, Path, FileReport]) -> None:
    _, target, report = ods
    content = xml(target, "content.xml")
    sheet = content.find(".//table:table", NS)
    assert sheet is not None
    rows = [[own_text(p) for p in row.iter(f"{TEXT_NS}p")] for row in sheet.iter(f"{TABLE_NS}table-row")]
    assert rows[0] == list(TABLE[0])
    assert [row[1] for row in rows[1:3]] == [TABLE[1][1], TABLE[2][1]]
    assert rows[3] == [ITALIC, KEYBOARD, UNICODE]
    assert rows[4] == [ENGLISH]
    fonts = Fonts(target, "content.xml")
    heading = span_of(content, TABLE[0][0])
    assert fonts.font(heading.get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)
    assert (
        fonts.properties(heading.get(f"{TEXT_NS}style-name"))["font-weight-complex"] == "bold"
    )  # cell style ce1
    assert fonts.properties(heading.get(f"{TEXT_NS}style-name"))["font-size-complex"] == "12pt"  # its parent
    styles = xml(target, "styles.xml")
    assert [own_text(p) for p in styles.iter(f"{TEXT_NS}p")] == [HEADER, FOOTER]
    assert report.status == "converted"


def test_sheet_renamed_and_formulas_fixed(ods: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = ods
    content = xml(target, "content.xml")
    names = [t.get(f"{TABLE_NS}name") for t in content.findall(".//table:table", NS)]
    assert names == [SHEET, "Summary"]
    formulas = [c.get(f"{TABLE_NS}formula") for c in content.iter(f"{TABLE_NS}table-cell")]
    assert [f for f in formulas if f] == [f"of:=SUM([$'{SHEET}'.C2:.C3])", f"of:=['{SHEET}'.C2]*2"]
    document = load(str(target))
    assert [sheet.getAttribute("name") for sheet in document.spreadsheet.getElementsByType(Table)] == [
        SHEET,
        "Summary",
    ]


def test_spreadsheet_unchanged_members_and_idempotence(
    ods: tuple[Path, Path, FileReport], tmp_path: Path
) -> None:
    source, target, _ = ods
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target) as new:
        assert new.infolist()[0].filename == "mimetype"
        assert new.infolist()[0].compress_type == zipfile.ZIP_STORED
        for name in ("META-INF/manifest.xml", "meta.xml", "Pictures/image1.png"):
            assert new.read(name) == old.read(name)
    again, report = run(target, tmp_path, "again")
    assert report.status == "unchanged"
    assert again.read_bytes() == target.read_bytes()


def test_column_default_cell_style_and_settings_kept(tmp_path: Path) -> None:
    automatic = '<style:style style:name="ce9" style:family="table-cell">' + (
        f'<style:text-properties style:font-name="{LSWIN_FONT}" fo:font-style="italic"/></style:style>'
    )
    body = (
        '<table:table table:name="Sheet1"><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:default-cell-style-name="ce9"/><table:table-column/>'
        '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
        f'<table:table-cell office:value-type="string"><text:p>{lswin(MOTTO)}</text:p></table:table-cell>'
        f'<table:table-cell office:value-type="string"><text:p>{lswin(MOTTO)}</text:p></table:table-cell>'
        "</table:table-row></table:table>"
    )
    settings = '<?xml version="1.0" encoding="UTF-8"?><office:document-settings/>'
    source = tmp_path / "columns.ods"
    write_odf(
        source,
        content_xml(body, fonts=font_decls(LSWIN_FONT), automatic=automatic, kind="spreadsheet"),
        mimetype=SPREADSHEET_MIME,
        extra={"settings.xml": settings},
    )
    target, report = run(source, tmp_path)
    assert report.runs == 1  # only the third column has the legacy default style
    root = xml(target, "content.xml")
    assert [own_text(p) for p in root.iter(f"{TEXT_NS}p")] == [MOTTO, lswin(MOTTO)]
    span = span_of(root, MOTTO)
    assert (
        Fonts(target, "content.xml").properties(span.get(f"{TEXT_NS}style-name"))["font-style-complex"]
        == "italic"
    )
    assert member(target, "settings.xml") == settings.encode()
    sheet = root.find(".//table:table", NS)
    assert sheet is not None and sheet.get(f"{TABLE_NS}name") == "Sheet1"


# -- presentations ----------------------------------------------------------------------------


def test_presentation_shape_text_uses_the_presentation_style(tmp_path: Path) -> None:
    styles = styles_xml(
        fonts=font_decls(LSWIN_FONT),
        styles='<style:default-style style:family="graphic"><style:text-properties style:font-name="Arial"/>'
        "</style:default-style>"
        + text_style("Default-title", f'style:font-name="{LSWIN_FONT}" fo:font-size="44pt"', "presentation"),
    )
    body = (
        '<draw:page draw:name="page1"><draw:frame presentation:style-name="pr1" presentation:class="title" '
        'svg:width="20cm" svg:height="3cm" svg:x="2cm" svg:y="1cm">'
        f"<draw:text-box><text:p>{lswin(TITLE)}</text:p></draw:text-box></draw:frame>"
        '<draw:frame draw:style-name="gr1" svg:width="20cm" svg:height="3cm" svg:x="2cm" svg:y="5cm">'
        f"<draw:text-box><text:p>{ENGLISH}</text:p></draw:text-box></draw:frame></draw:page>"
    )
    automatic = (
        '<style:style style:name="pr1" style:family="presentation" style:parent-style-name="Default-title"/>'
        '<style:style style:name="gr1" style:family="graphic"/>'
    )
    source = tmp_path / "slides.odp"
    write_odf(
        source,
        content_xml(body, automatic=automatic, kind="presentation"),
        styles,
        mimetype=PRESENTATION_MIME,
    )
    target, report = run(source, tmp_path)
    assert report.runs == 1
    root = xml(target, "content.xml")
    assert paragraphs(root) == [TITLE, ENGLISH]
    span = span_of(root, TITLE)
    fonts = Fonts(target, "content.xml")
    assert fonts.font(span.get(f"{TEXT_NS}style-name")) == (UNICODE_FONT, UNICODE_FONT)
    assert fonts.properties(span.get(f"{TEXT_NS}style-name"))["font-size-complex"] == "44pt"
    assert f"<text:p>{ENGLISH}</text:p>".encode() in member(target, "content.xml")
    assert load(str(target)) is not None


def test_sheet_references_in_names_charts_and_conditions(tmp_path: Path) -> None:
    old = lswin(SHEET)
    formula = f"of:=IF([.A1]=\"['{old}'.A1]\";1;COUNTA(['{old}'.A1:.A2]))"
    automatic = text_style("ce1", f'style:font-name="{LSWIN_FONT}"', "table-cell")
    body = (
        f'<table:table table:name="{old}"><table:table-column/>'
        f'<table:table-row><table:table-cell table:style-name="ce1" office:value-type="string">'
        f"<text:p>{lswin(TABLE[1][1])}</text:p></table:table-cell></table:table-row>"
        f"<table:table-row><table:table-cell table:formula={quoteattr(formula)} "
        'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
        "</table:table>"
        "<table:named-expressions>"
        f'<table:named-range table:name="Items" table:base-cell-address="$\'{old}\'.$A$1" '
        f"table:cell-range-address=\"$'{old}'.$A$1:.$A$2\"/></table:named-expressions>"
    )
    chart = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:chart>'
        f"<chart:chart><chart:plot-area table:cell-range-address=\"'{old}'.$A$1:'{old}'.$A$2\"/>"
        "</chart:chart></office:chart></office:body></office:document-content>"
    )
    source = tmp_path / "references.ods"
    write_odf(
        source,
        content_xml(body, fonts=font_decls(LSWIN_FONT), automatic=automatic, kind="spreadsheet"),
        mimetype=SPREADSHEET_MIME,
        extra={"Object 1/content.xml": chart},
    )
    target, report = run(source, tmp_path)
    assert report.runs == 2  # the cell and the sheet name
    root = xml(target, "content.xml")
    sheet = root.find(".//table:table", NS)
    assert sheet is not None and sheet.get(f"{TABLE_NS}name") == SHEET
    cell_formula = [c.get(f"{TABLE_NS}formula") for c in root.iter(f"{TABLE_NS}table-cell")][1]
    assert cell_formula == f"of:=IF([.A1]=\"['{old}'.A1]\";1;COUNTA(['{SHEET}'.A1:.A2]))"
    named = root.find(".//table:named-range", NS)
    assert named is not None
    assert named.get(f"{TABLE_NS}base-cell-address") == f"$'{SHEET}'.$A$1"
    assert named.get(f"{TABLE_NS}cell-range-address") == f"$'{SHEET}'.$A$1:.$A$2"
    plot = xml(target, "Object 1/content.xml").find(
        ".//{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}plot-area"
    )
    assert plot is not None
    assert plot.get(f"{TABLE_NS}cell-range-address") == f"'{SHEET}'.$A$1:'{SHEET}'.$A$2"


def test_sheet_names_that_do_not_read_as_lao_stay(tmp_path: Path) -> None:
    automatic = text_style("ce1", f'style:font-name="{LSWIN_FONT}"', "table-cell")
    body = (
        '<table:table table:name="Data 2010"><table:table-row><table:table-cell table:style-name="ce1" '
        f'office:value-type="string"><text:p>{lswin(FOOTER)}</text:p></table:table-cell></table:table-row>'
        "</table:table>"
    )
    source = tmp_path / "plain-names.ods"
    write_odf(
        source,
        content_xml(body, fonts=font_decls(LSWIN_FONT), automatic=automatic, kind="spreadsheet"),
        mimetype=SPREADSHEET_MIME,
    )
    target, report = run(source, tmp_path)
    assert report.runs == 1
    root = xml(target, "content.xml")
    assert [own_text(p) for p in root.iter(f"{TEXT_NS}p")] == [FOOTER]
    sheet = root.find(".//table:table", NS)
    assert sheet is not None and sheet.get(f"{TABLE_NS}name") == "Data 2010"


def test_encrypted_package_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "secret.odt"
    write_odf(source, content_xml(""))
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["META-INF/manifest.xml"] = parts["META-INF/manifest.xml"].replace(
        b"</manifest:manifest>", b"<manifest:encryption-data/></manifest:manifest>"
    )
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(DocumentError, match="password"):
        run(source, tmp_path)
