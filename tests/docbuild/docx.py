"""Word (.docx) documents typed in legacy Lao fonts, written from raw zip members and XML strings.

:func:`build_example` writes a realistic official letter; :func:`write_docx` and the small XML
helpers (:func:`run`, :func:`paragraph`, :func:`text_box` …) let tests build variants. Nothing
here depends on python-docx, yet the files open in python-docx, Word and LibreOffice.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from . import (
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
    MINISTRY,
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

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Namespace declarations of every WordprocessingML part written here.
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
_STYLE_LIST = (
    "<w:docDefaults><w:rPrDefault><w:rPr>",
    '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" '
    'w:cstheme="minorBidi"/>',
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="lo-LA"/>',
    "</w:rPr></w:rPrDefault>",
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>',
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
    '<w:name w:val="Normal"/><w:qFormat/></w:style>',
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
    "</w:style>",
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
    '<w:name w:val="Normal Table"/><w:semiHidden/>',
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>",
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/>',
    "<w:tblPr><w:tblBorders>"
    + "".join(f"<w:{side} {_BORDER}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders></w:tblPr></w:style>",
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="LaoLegacy"><w:name w:val="Lao Legacy"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/>',
    f'<w:rPr><w:rFonts w:ascii="{LSWIN_FONT}" w:hAnsi="{LSWIN_FONT}"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
    '<w:basedOn w:val="Normal"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
    '<w:basedOn w:val="Normal"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
)


def styles_xml(*extra: str) -> str:
    """``word/styles.xml``: the defaults and styles the builders use, then the ``w:style`` XML *extra*."""
    body = "\n".join((*_STYLE_LIST, *extra))
    return f"{DECLARATION}<w:styles {NAMESPACES}>\n{body}\n</w:styles>"


STYLES = styles_xml()


def theme(minor: str = "Calibri", major: str = "Cambria") -> str:
    """A complete Office theme whose minor and major Latin fonts are *minor* and *major*."""
    colours = "".join(
        f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'
        for name, value in (
            ("dk2", "1F497D"),
            ("lt2", "EEECE1"),
            ("accent1", "4F81BD"),
            ("accent2", "C0504D"),
            ("accent3", "9BBB59"),
            ("accent4", "8064A2"),
            ("accent5", "4BACC6"),
            ("accent6", "F79646"),
            ("hlink", "0000FF"),
            ("folHlink", "800080"),
        )
    )
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'name="Office Theme"><a:themeElements><a:clrScheme name="Office">'
        '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        f'<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>{colours}</a:clrScheme>'
        f'<a:fontScheme name="Office"><a:majorFont><a:latin typeface={quoteattr(major)}/><a:ea typeface=""/>'
        '<a:cs typeface=""/></a:majorFont>'
        f'<a:minorFont><a:latin typeface={quoteattr(minor)}/><a:ea typeface=""/><a:cs typeface=""/>'
        "</a:minorFont>"
        f'</a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst><a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


SETTINGS = (
    f'{DECLARATION}<w:settings {NAMESPACES}><w:defaultTabStop w:val="720"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)

CORE = (
    f"{DECLARATION}<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Budget request</dc:title><dc:creator>Ministry of Finance</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2010-03-15T09:00:00Z</dcterms:created>'
    "</cp:coreProperties>"
)


def run(
    text: str,
    font: str | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    color: str | None = None,
    style: str | None = None,
    rpr: str | None = None,
    tag: str = "w:t",
) -> str:
    """A ``w:r`` holding *text* (already in the characters of its font) with the given properties.

    *rpr* replaces the generated ``w:rPr`` content entirely.
    """
    if rpr is None:
        rpr = f'<w:rStyle w:val="{style}"/>' if style else ""
        if font:
            rpr += f"<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)}/>"
        rpr += ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        rpr += f'<w:color w:val="{color}"/>' if color else ""
        rpr += f'<w:sz w:val="{size}"/>' if size else ""
    properties = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{properties}<{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'


def paragraph(*runs: str, style: str | None = None, align: str | None = None) -> str:
    """A ``w:p`` of *runs*, with a paragraph style and alignment if given."""
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:jc w:val="{align}"/>' if align else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def table(rows: tuple[tuple[str, ...], ...], font: str, *, style: str = "TableGrid") -> str:
    """A table whose cells hold *rows* typed in legacy *font* (its LSWin codes); the first row bold."""
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in rows[0])
    body = ""
    for number, cells in enumerate(rows):
        body += "<w:tr>" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>'
            f"{paragraph(run(lswin(cell), font, bold=number == 0))}</w:tc>"
            for cell in cells
        )
        body += "</w:tr>"
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'
    )


def text_box(content: str, *, shape_id: int = 1) -> str:
    """A run holding a floating text box with paragraphs *content*, as Word writes it: a DrawingML
    shape in ``mc:Choice`` and the same text in a VML ``mc:Fallback``."""
    box = f"<w:txbxContent>{content}</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2743200" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{shape_id + 100}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2743200" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape id="Text Box {shape_id}" style="position:absolute;width:216pt;height:36pt" stroked="t">'
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def image_run(relationship: str = "rIdImage1") -> str:
    """A run showing the image of *relationship* inline (1 inch square)."""
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="914400" cy="914400"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Picture 1" descr="Seal"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{relationship}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def footnotes(*notes: str) -> str:
    """``word/footnotes.xml`` with the separators and footnotes 1, 2 … of paragraph XML *notes*."""
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
    )
    body = "".join(f'<w:footnote w:id="{number}">{note}</w:footnote>' for number, note in enumerate(notes, 1))
    return f"{DECLARATION}<w:footnotes {NAMESPACES}>{separators}{body}</w:footnotes>"


def footnote_paragraph(*runs: str) -> str:
    """The paragraph of a footnote: its number mark, a space, then *runs*."""
    mark = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    return paragraph(mark, '<w:r><w:t xml:space="preserve"> </w:t></w:r>', *runs, style="FootnoteText")


def footnote_reference(number: int = 1) -> str:
    """The run in the text pointing at footnote *number*."""
    mark = f'<w:footnoteReference w:id="{number}"/>'
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>{mark}</w:r>'


def write_docx(
    path: Path,
    body: str,
    *,
    styles: str = STYLES,
    theme_xml: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    footnotes_xml: str | None = None,
    image: bytes | None = None,
    extra: Mapping[str, str | bytes] | None = None,
) -> None:
    """Write a .docx at *path* whose body holds the block XML *body*.

    *header* and *footer* are paragraph XML for ``header1.xml``/``footer1.xml``; *footnotes_xml*
    the whole footnotes part; *image* the bytes of ``word/media/image1.png`` (relationship
    ``rIdImage1``); *extra* more members, written as they are.
    """
    theme_xml = theme_xml if theme_xml is not None else theme()
    wordml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{wordml}.document.main+xml",
        "/word/styles.xml": f"{wordml}.styles+xml",
        "/word/settings.xml": f"{wordml}.settings+xml",
        "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    relationships = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdTheme", "theme", "theme/theme1.xml"),
    ]
    section = ""
    members: dict[str, str | bytes] = {}
    if header is not None:
        overrides["/word/header1.xml"] = f"{wordml}.header+xml"
        relationships.append(("rIdHeader1", "header", "header1.xml"))
        members["word/header1.xml"] = f"{DECLARATION}<w:hdr {NAMESPACES}>{header}</w:hdr>"
        section += '<w:headerReference w:type="default" r:id="rIdHeader1"/>'
    if footer is not None:
        overrides["/word/footer1.xml"] = f"{wordml}.footer+xml"
        relationships.append(("rIdFooter1", "footer", "footer1.xml"))
        members["word/footer1.xml"] = f"{DECLARATION}<w:ftr {NAMESPACES}>{footer}</w:ftr>"
        section += '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
    if footnotes_xml is not None:
        overrides["/word/footnotes.xml"] = f"{wordml}.footnotes+xml"
        relationships.append(("rIdFootnotes", "footnotes", "footnotes.xml"))
        members["word/footnotes.xml"] = footnotes_xml
    if image is not None:
        relationships.append(("rIdImage1", "image", "media/image1.png"))
        members["word/media/image1.png"] = image
    section += (
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
        'w:header="708" w:footer="708" w:gutter="0"/>'
    )
    content_types = (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides.items())
        + "</Types>"
    )
    package_rels = (
        f'{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_BASE}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/></Relationships>'
    )
    document_rels = (
        f'{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{rid}" Type="{REL_BASE}/{kind}" Target="{target}"/>'
            for rid, kind, target in relationships
        )
        + "</Relationships>"
    )
    document = (
        f"{DECLARATION}<w:document {NAMESPACES}><w:body>{body}<w:sectPr>{section}</w:sectPr></w:body>"
        "</w:document>"
    )
    ordered: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "docProps/core.xml": CORE,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": document_rels,
        "word/styles.xml": styles,
        "word/settings.xml": SETTINGS,
        "word/theme/theme1.xml": theme_xml,
        **members,
        **(extra or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in ordered.items():
            info = zipfile.ZipInfo(name, date_time=(2010, 3, 15, 9, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def build_example(path: Path) -> None:
    """Write a legacy-font Lao official letter as a .docx at *path*.

    Title bold in Saysettha Lao; the motto in a paragraph style whose font is Saysettha Lao; the
    ministry, subject (with a footnote) and body in Saysettha Lao; a bold and an italic run; an
    English sentence in Times New Roman; a sentence in the keyboard font Boupha; a sentence already
    in Unicode (Phetsarath OT); a table; a header, a footer with a page-number field; an image.
    """
    body = "".join(
        (
            paragraph(run(lswin(TITLE), LSWIN_FONT, bold=True, size=32), align="center"),
            paragraph(run(lswin(MOTTO)), style="LaoLegacy", align="center"),
            paragraph(run(lswin(MINISTRY), LSWIN_FONT, size=28)),
            paragraph(run(lswin(SUBJECT), LSWIN_FONT, color="1F3864"), footnote_reference(1)),
            paragraph(run(lswin(BODY), LSWIN_FONT)),
            paragraph(
                run(lswin(BOLD), LSWIN_FONT, bold=True, color="C00000"),
                run(" ", LSWIN_FONT),
                run(lswin(ITALIC), LSWIN_FONT, italic=True),
            ),
            paragraph(run(ENGLISH, ENGLISH_FONT)),
            paragraph(run(keyboard(KEYBOARD), KEYBOARD_FONT)),
            paragraph(run(UNICODE, UNICODE_FONT)),
            table(TABLE, LSWIN_FONT),
            paragraph(image_run(), align="center"),
        )
    )
    page_field = (
        '<w:r><w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}"/></w:rPr><w:instrText xml:space="preserve"> PAGE '
        '</w:instrText></w:r><w:r><w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}"/></w:rPr>'
        '<w:fldChar w:fldCharType="separate"/></w:r>{1}'
        '<w:r><w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
    )
    page_number = FOOTER.split()[-1]
    footer = paragraph(
        run(lswin(FOOTER[: -len(page_number)]), LSWIN_FONT),
        page_field.format(LSWIN_FONT, run(lswin(page_number), LSWIN_FONT)),
        style="Footer",
        align="center",
    )
    write_docx(
        path,
        body,
        header=paragraph(run(lswin(HEADER), LSWIN_FONT), style="Header", align="right"),
        footer=footer,
        footnotes_xml=footnotes(footnote_paragraph(run(lswin(FOOTNOTE), LSWIN_FONT))),
        image=PNG,
    )
