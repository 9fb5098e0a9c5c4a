"""Example OpenDocument files (.odt, .ods) typed in legacy Lao fonts, written as raw zip + XML.

The parts are plain strings, so every style, font declaration and reference is exactly as a test
expects. :func:`write_odf` and the ``*_xml`` helpers build small documents for single cases;
:func:`build_example` and :func:`build_spreadsheet_example` build realistic ones holding every
sample of :mod:`docbuild`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    ENGLISH_FONT,
    FOOTER,
    FOOTNOTE,
    HEADER,
    ITALIC,
    KEYBOARD,
    KEYBOARD_FONT,
    LSWIN_FONT,
    MOTTO,
    PNG,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    keyboard,
    lswin,
)

#: The name of the legacy-named sheet of :func:`build_spreadsheet_example` ("expenses").
SHEET = "ລາຍຈ່າຍ"

TEXT_MIME = "application/vnd.oasis.opendocument.text"
SPREADSHEET_MIME = "application/vnd.oasis.opendocument.spreadsheet"
PRESENTATION_MIME = "application/vnd.oasis.opendocument.presentation"

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def font_face(name: str, family: str | None = None, quoted: bool = True) -> str:
    """A ``style:font-face`` declaring *name* (of *family*, quoted with ' as LibreOffice writes it)."""
    family = family or name
    declared = quoteattr(repr(family) if quoted else family)
    return f"<style:font-face style:name={quoteattr(name)} svg:font-family={declared}/>"


def font_decls(*fonts: str) -> str:
    """``office:font-face-decls`` declaring *fonts*."""
    return (
        "<office:font-face-decls>" + "".join(font_face(font) for font in fonts) + "</office:font-face-decls>"
    )


def text_style(name: str, properties: str, family: str = "text", parent: str | None = None) -> str:
    """A ``style:style`` of *family* with ``style:text-properties`` *properties* (raw attributes)."""
    parent_attribute = f" style:parent-style-name={quoteattr(parent)}" if parent else ""
    return (
        f"<style:style style:name={quoteattr(name)} style:family={quoteattr(family)}{parent_attribute}>"
        f"<style:text-properties {properties}/></style:style>"
    )


def content_xml(body: str, *, fonts: str = "", automatic: str = "", kind: str = "text") -> str:
    """A content.xml: font declarations, automatic styles and ``office:body/office:<kind>``."""
    return (
        f'{DECLARATION}<office:document-content {NAMESPACES} office:version="1.3">'
        f"{fonts}<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>"
    )


def styles_xml(*, fonts: str = "", styles: str = "", automatic: str = "", master: str = "") -> str:
    """A styles.xml: font declarations, common styles, automatic styles and master pages."""
    return (
        f'{DECLARATION}<office:document-styles {NAMESPACES} office:version="1.3">'
        f"{fonts}<office:styles>{styles}</office:styles>"
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:master-styles>{master}</office:master-styles></office:document-styles>"
    )


META = (
    f'{DECLARATION}<office:document-meta {NAMESPACES} office:version="1.3"><office:meta>'
    "<meta:generator>laotext tests</meta:generator><dc:title>Legacy Lao letter</dc:title>"
    "<meta:creation-date>2010-03-15T09:30:00</meta:creation-date></office:meta></office:document-meta>"
)


def manifest_xml(mimetype: str, pictures: bool, extra: tuple[str, ...] = ()) -> str:
    """META-INF/manifest.xml listing the parts of a package."""
    entry = '<manifest:file-entry manifest:full-path="{}" manifest:media-type="{}"/>'
    entries = [entry.format("/", mimetype)]
    for name in ("content.xml", "styles.xml", "meta.xml", *extra):
        entries.append(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>')
    if pictures:
        entries.append(
            '<manifest:file-entry manifest:full-path="Pictures/image1.png" manifest:media-type="image/png"/>'
        )
    return (
        f"{DECLARATION}<manifest:manifest "
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        f'manifest:version="1.3">{"".join(entries)}</manifest:manifest>'
    )


def write_odf(
    path: Path,
    content: str | bytes,
    styles: str | bytes | None = None,
    *,
    mimetype: str = TEXT_MIME,
    picture: bool = False,
    extra: dict[str, str] | None = None,
) -> None:
    """Write an OpenDocument package: ``mimetype`` first and stored, then the manifest and parts."""
    styles = styles if styles is not None else styles_xml()
    extra = extra or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", (2010, 3, 15, 9, 30, 0)), mimetype, zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest_xml(mimetype, picture, tuple(extra)))
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
        archive.writestr("meta.xml", META)
        for name, data in extra.items():
            archive.writestr(name, data)
        if picture:
            archive.writestr("Pictures/image1.png", PNG, zipfile.ZIP_STORED)


def _t(text: str) -> str:
    return escape(text)


def span_paragraph(style: str, text: str, paragraph_style: str = "Standard") -> str:
    """A paragraph holding one span of *style* with *text*."""
    return (
        f'<text:p text:style-name="{paragraph_style}"><text:span text:style-name="{style}">{_t(text)}'
        "</text:span></text:p>"
    )


def _page_layout() -> str:
    return (
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
        'fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" '
        'fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" '
        'fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties '
        'fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>'
    )


def build_example(path: Path) -> None:
    """Write a legacy-font letter as .odt: title, motto, subject, body with a footnote, bold and
    italic runs, English, keyboard-font and Unicode sentences, a table, header, footer and image."""
    fonts = font_decls(LSWIN_FONT, KEYBOARD_FONT, UNICODE_FONT, ENGLISH_FONT)
    lswin_font = f'style:font-name="{LSWIN_FONT}"'
    styles = (
        '<style:default-style style:family="paragraph"><style:text-properties '
        f'style:font-name="{ENGLISH_FONT}" fo:font-size="12pt" fo:language="en" fo:country="US" '
        'style:font-size-complex="12pt"/></style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
        + text_style("Legacy_20_Body", f'{lswin_font} fo:font-size="14pt"', "paragraph", "Standard")
        + text_style("Header", f'{lswin_font} fo:font-size="11pt"', "paragraph", "Standard")
        + text_style(
            "Footer", f'{lswin_font} fo:font-size="10pt" fo:font-style="italic"', "paragraph", "Standard"
        )
        + text_style("Footnote", f'{lswin_font} fo:font-size="10pt"', "paragraph", "Standard")
        + text_style("Table_20_Contents", lswin_font, "paragraph", "Standard")
    )
    master = (
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        f'<style:header><text:p text:style-name="Header">{_t(lswin(HEADER))}</text:p></style:header>'
        f'<style:footer><text:p text:style-name="Footer">{_t(lswin(FOOTER))}</text:p></style:footer>'
        "</style:master-page>"
    )
    automatic = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center"/></style:style>'
        + text_style("T1", f'{lswin_font} fo:font-size="16pt" fo:font-weight="bold" fo:color="#1f3864"')
        + text_style("T2", f'{lswin_font} fo:font-weight="bold" fo:color="#c00000"')
        + text_style("T3", f'{lswin_font} fo:font-style="italic"')
        + text_style("T4", f'style:font-name="{ENGLISH_FONT}"')
        + text_style("T5", f'style:font-name="{KEYBOARD_FONT}" fo:font-size="13pt"')
        + text_style("T6", f'style:font-name="{UNICODE_FONT}" style:font-name-complex="{UNICODE_FONT}"')
        + '<style:style style:name="Table1" style:family="table"><style:table-properties style:width="17cm" '
        'table:align="margins"/></style:style>'
        '<style:style style:name="fr1" style:family="graphic"><style:graphic-properties '
        'style:wrap="none"/></style:style>'
    )
    rows = "".join(
        "<table:table-row>"
        + "".join(
            '<table:table-cell office:value-type="string">'
            f'<text:p text:style-name="Table_20_Contents">{_t(lswin(cell))}</text:p></table:table-cell>'
            for cell in row
        )
        + "</table:table-row>"
        for row in TABLE
    )
    body = (
        f'<text:p text:style-name="P1"><text:span text:style-name="T1">{_t(lswin(TITLE))}</text:span>'
        "</text:p>"
        f'<text:p text:style-name="Legacy_20_Body">{_t(lswin(MOTTO))}</text:p>'
        f'<text:p text:style-name="Legacy_20_Body">{_t(lswin(SUBJECT))}</text:p>'
        f'<text:p text:style-name="Legacy_20_Body">{_t(lswin(BODY))}'
        '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        f'<text:note-body><text:p text:style-name="Footnote">{_t(lswin(FOOTNOTE))}</text:p></text:note-body>'
        "</text:note></text:p>"
        f'<text:p text:style-name="Standard"><text:span text:style-name="T2">{_t(lswin(BOLD))}</text:span>'
        f'<text:s/><text:span text:style-name="T3">{_t(lswin(ITALIC))}</text:span></text:p>'
        + span_paragraph("T4", ENGLISH)
        + span_paragraph("T5", keyboard(KEYBOARD))
        + span_paragraph("T6", UNICODE)
        + '<table:table table:name="Table1" table:style-name="Table1">'
        f'<table:table-column table:number-columns-repeated="3"/>{rows}</table:table>'
        '<text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="Image1" '
        'text:anchor-type="as-char" svg:width="1cm" svg:height="1cm" draw:z-index="0">'
        '<draw:image xlink:href="Pictures/image1.png" xlink:type="simple" xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame></text:p>'
    )
    write_odf(
        path,
        content_xml(body, fonts=fonts, automatic=automatic),
        styles_xml(fonts=fonts, styles=styles, automatic=_page_layout(), master=master),
        mimetype=TEXT_MIME,
        picture=True,
    )


def build_spreadsheet_example(path: Path) -> None:
    """Write a legacy-font workbook as .ods: a sheet named in legacy Lao holding the table (cell
    styles in the legacy font, bold heading row), English, keyboard-font and Unicode cells, a
    summary sheet whose formulas name the legacy sheet, a header, a footer and an image."""
    fonts = font_decls(LSWIN_FONT, KEYBOARD_FONT, UNICODE_FONT, ENGLISH_FONT)
    name = lswin(SHEET)
    styles = (
        '<style:default-style style:family="table-cell"><style:text-properties '
        f'style:font-name="{ENGLISH_FONT}" fo:font-size="10pt"/></style:default-style>'
        '<style:style style:name="Default" style:family="table-cell"/>'
        + text_style("Legacy", f'style:font-name="{LSWIN_FONT}" fo:font-size="12pt"', "table-cell", "Default")
    )
    master = (
        '<style:master-page style:name="Default" style:page-layout-name="pm1">'
        f'<style:header><style:region-center><text:p><text:span text:style-name="MT1">{_t(lswin(HEADER))}'
        "</text:span></text:p></style:region-center></style:header>"
        f'<style:footer><style:region-center><text:p><text:span text:style-name="MT1">{_t(lswin(FOOTER))}'
        "</text:span></text:p></style:region-center></style:footer></style:master-page>"
    )
    style_automatic = (
        '<style:page-layout style:name="pm1"><style:page-layout-properties/></style:page-layout>'
        + text_style("MT1", f'style:font-name="{LSWIN_FONT}" fo:font-size="10pt"')
    )
    automatic = (
        '<style:style style:name="co1" style:family="table-column"><style:table-column-properties '
        'style:column-width="4cm"/></style:style>'
        '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Legacy">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default">'
        f'<style:text-properties style:font-name="{KEYBOARD_FONT}"/></style:style>'
        '<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Default">'
        f'<style:text-properties style:font-name="{UNICODE_FONT}"/></style:style>'
        + text_style("T1", f'style:font-name="{LSWIN_FONT}" fo:font-style="italic"')
    )

    def cell(text: str, style: str | None = None, number: str | None = None) -> str:
        attributes = f' table:style-name="{style}"' if style else ""
        value = (
            f'office:value-type="float" office:value="{number}"' if number else 'office:value-type="string"'
        )
        return f"<table:table-cell{attributes} {value}><text:p>{_t(text)}</text:p></table:table-cell>"

    heading = "".join(cell(lswin(text), "ce1") for text in TABLE[0])
    rows = [f"<table:table-row>{heading}</table:table-row>"]
    for row in TABLE[1:]:
        amount = row[2].replace(".", "")
        rows.append(
            "<table:table-row>"
            + cell(row[0], None, row[0])
            + cell(lswin(row[1]), "Legacy")
            + cell(row[2], None, amount)
            + "</table:table-row>"
        )
    rows.append(
        "<table:table-row>"
        f'<table:table-cell office:value-type="string"><text:p><text:span text:style-name="T1">'
        f"{_t(lswin(ITALIC))}</text:span></text:p></table:table-cell>"
        + cell(keyboard(KEYBOARD), "ce2")
        + cell(UNICODE, "ce3")
        + "</table:table-row>"
    )
    rows.append(
        f"<table:table-row>{cell(ENGLISH)}"
        '<table:table-cell table:number-columns-repeated="2"/></table:table-row>'
    )
    image = (
        '<table:shapes><draw:frame draw:name="Image1" svg:width="1cm" svg:height="1cm" svg:x="10cm" '
        'svg:y="1cm" draw:z-index="0"><draw:image xlink:href="Pictures/image1.png" xlink:type="simple" '
        'xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame></table:shapes>'
    )
    quoted = name.replace("'", "''")
    summary = (
        '<table:table table:name="Summary">'
        '<table:table-column table:number-columns-repeated="2" table:default-cell-style-name="Default"/>'
        "<table:table-row>"
        f'<table:table-cell table:formula="of:=SUM([$\'{_t(quoted)}\'.C2:.C3])" office:value-type="float" '
        'office:value="15000000"><text:p>15000000</text:p></table:table-cell>'
        f'<table:table-cell table:formula="of:=[\'{_t(quoted)}\'.C2]*2" office:value-type="float" '
        'office:value="10000000"><text:p>10000000</text:p></table:table-cell>'
        "</table:table-row></table:table>"
    )
    body = (
        f"<table:table table:name={quoteattr(name)}>{image}"
        '<table:table-column table:style-name="co1" table:number-columns-repeated="3" '
        'table:default-cell-style-name="Default"/>' + "".join(rows) + "</table:table>" + summary
    )
    write_odf(
        path,
        content_xml(body, fonts=fonts, automatic=automatic, kind="spreadsheet"),
        styles_xml(fonts=fonts, styles=styles, automatic=style_automatic, master=master),
        mimetype=SPREADSHEET_MIME,
        picture=True,
    )
