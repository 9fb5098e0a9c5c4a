"""Excel workbooks (.xlsx) typed in legacy Lao fonts, written as raw zip members and XML strings.

:func:`build_example` writes a realistic legacy workbook; :func:`write_workbook` and the small
helpers beside it let tests write workbooks of their own (fonts, styles, shared and inline strings,
rich text, headers and footers, a drawing with the PNG image).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    ENGLISH_FONT,
    FOOTER,
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

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: Name of the example's second sheet: "budget" in Lao, typed in Saysettha Lao.
BUDGET_SHEET = "ງົບປະມານ"


def font(
    name: str,
    size: float = 11,
    *,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
    scheme: str | None = None,
    charset: int | None = None,
) -> str:
    """A ``<font>`` of ``styles.xml``."""
    parts = ["<font>"]
    if bold:
        parts.append("<b/>")
    if italic:
        parts.append("<i/>")
    parts.append(f'<sz val="{size:g}"/>')
    parts.append(f'<color rgb="{color}"/>' if color else '<color theme="1"/>')
    parts.append(f"<name val={quoteattr(name)}/>")
    parts.append('<family val="2"/>')
    if charset is not None:
        parts.append(f'<charset val="{charset}"/>')
    if scheme:
        parts.append(f'<scheme val="{scheme}"/>')
    parts.append("</font>")
    return "".join(parts)


def xf(font_id: int, *, border: int = 0) -> str:
    """A ``<xf>`` of ``cellXfs`` using font *font_id* (and border *border*)."""
    apply = ' applyFont="1"' if font_id else ""
    apply += ' applyBorder="1"' if border else ""
    return f'<xf numFmtId="0" fontId="{font_id}" fillId="0" borderId="{border}" xfId="0"{apply}/>'


def text(value: str) -> str:
    """A ``<t>`` element holding *value*."""
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<t{space}>{escape(value)}</t>"


def shared(value: str) -> str:
    """A plain shared string ``<si>``."""
    return f"<si>{text(value)}</si>"


def run(
    value: str, rfont: str | None = None, *, bold: bool = False, italic: bool = False, extra: str = ""
) -> str:
    """A rich-text run ``<r>`` (with ``rFont`` when *rfont* is given)."""
    properties = ("<b/>" if bold else "") + ("<i/>" if italic else "")
    if rfont is not None:
        properties += f"<rFont val={quoteattr(rfont)}/>"
    properties += extra
    return f"<r>{f'<rPr>{properties}</rPr>' if properties else ''}{text(value)}</r>"


def rich(*runs: str) -> str:
    """A rich shared string ``<si>`` of *runs* (see :func:`run`)."""
    return f"<si>{''.join(runs)}</si>"


def string_cell(ref: str, index: int, style: int = 0) -> str:
    """A cell showing shared string *index*."""
    return f'<c r="{ref}"{f" s={chr(34)}{style}{chr(34)}" if style else ""} t="s"><v>{index}</v></c>'


def inline_cell(ref: str, content: str, style: int = 0) -> str:
    """An inline-string cell; *content* is the inside of ``<is>`` (a ``<t>`` or runs)."""
    return (
        f'<c r="{ref}"{f" s={chr(34)}{style}{chr(34)}" if style else ""} t="inlineStr"><is>{content}</is></c>'
    )


def number_cell(ref: str, value: float, style: int = 0) -> str:
    """A number cell."""
    return f'<c r="{ref}"{f" s={chr(34)}{style}{chr(34)}" if style else ""}><v>{value:g}</v></c>'


def formula_cell(ref: str, formula: str, value: str, style: int = 0, kind: str = "") -> str:
    """A formula cell with its cached *value* (``kind="str"`` for a text result)."""
    t = f' t="{kind}"' if kind else ""
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s}{t}><f>{escape(formula)}</f><v>{escape(value)}</v></c>'


@dataclass
class Sheet:
    """One worksheet: its name, rows of cell XML, header/footer codes and anything after the data."""

    name: str
    rows: Sequence[Sequence[str]] = ()
    header: str | None = None
    footer: str | None = None
    after_data: str = ""
    image: bool = False
    columns: str = ""
    comments: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (cell, runs XML)


def _sheet_xml(sheet: Sheet, index: int) -> str:
    rows = "".join(
        f'<row r="{number}">{"".join(cells)}</row>'
        for number, cells in enumerate(sheet.rows, start=1)
        if cells
    )
    header_footer = ""
    if sheet.header is not None or sheet.footer is not None:
        header_footer = "<headerFooter>"
        if sheet.header is not None:
            header_footer += f"<oddHeader>{escape(sheet.header)}</oddHeader>"
        if sheet.footer is not None:
            header_footer += f"<oddFooter>{escape(sheet.footer)}</oddFooter>"
        header_footer += "</headerFooter>"
    drawing = '<drawing r:id="rIdDrawing"/>' if sheet.image else ""
    legacy = '<legacyDrawing r:id="rIdVml"/>' if sheet.comments else ""
    columns = f"<cols>{sheet.columns}</cols>" if sheet.columns else ""
    selected = ' tabSelected="1"' if index == 0 else ""
    return (
        f'{DECLARATION}<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        f'<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"{selected}/></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/>{columns}'
        f"<sheetData>{rows}</sheetData>{sheet.after_data}"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        f"{header_footer}{drawing}{legacy}</worksheet>"
    )


def _theme(minor: str, major: str) -> str:
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    colors = "".join(
        f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'
        for name, value in (
            ("dk1", "000000"),
            ("lt1", "FFFFFF"),
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
    line = f'<a:ln w="9525">{fill}</a:ln>'
    return (
        f'{DECLARATION}<a:theme xmlns:a="{a}" name="Office Theme"><a:themeElements>'
        f'<a:clrScheme name="Office">{colors}</a:clrScheme>'
        f'<a:fontScheme name="Office"><a:majorFont><a:latin typeface={quoteattr(major)}/><a:ea typeface=""/>'
        f'<a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface={quoteattr(minor)}/>'
        '<a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>'
        f'<a:fmtScheme name="Office"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/>"
        "</a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


def _drawing() -> str:
    xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    return (
        f'{DECLARATION}<xdr:wsDr xmlns:xdr="{xdr}" xmlns:a="{a}" xmlns:r="{REL}">'
        "<xdr:oneCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>"
        '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>'
        '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1" descr="seal"/><xdr:cNvPicPr>'
        '<a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill>'
        '<a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr>'
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/>'
        "</xdr:oneCellAnchor></xdr:wsDr>"
    )


def _comments(comments: Sequence[tuple[str, str]]) -> str:
    items = "".join(
        f'<comment ref="{ref}" authorId="0"><text>{runs}</text></comment>' for ref, runs in comments
    )
    return (
        f'{DECLARATION}<comments xmlns="{MAIN}"><authors><author>Author</author></authors>'
        f"<commentList>{items}</commentList></comments>"
    )


def _vml(comments: Sequence[tuple[str, str]]) -> str:
    shapes = "".join(
        '<v:shape type="#_x0000_t202" style="position:absolute;width:108pt;height:59pt;visibility:hidden" '
        'fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
        f"<x:Anchor>1, 15, 0, 2, 3, 15, 3, 16</x:Anchor><x:AutoFill>False</x:AutoFill>"
        f"<x:Row>{int(''.join(c for c in ref if c.isdigit())) - 1}</x:Row>"
        f"<x:Column>{ord(ref[0]) - 65}</x:Column></x:ClientData></v:shape>"
        for ref, _ in comments
    )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:path gradientshapeok="t" o:connecttype="rect"/>'
        f"</v:shapetype>{shapes}</xml>"
    )


def write_workbook(
    path: Path,
    sheets: Sequence[Sheet],
    *,
    strings: Sequence[str] = (),
    fonts: Sequence[str] = (),
    cell_xfs: Sequence[str] = (),
    theme_minor: str = "Calibri",
    theme_major: str = "Cambria",
    defined_names: Sequence[str] = (),
    styles_xml: str | None = None,
    strings_xml: str | None = None,
) -> None:
    """Write a workbook: *sheets*, shared *strings* (``<si>`` XML), *fonts* and *cell_xfs* (XML).

    Font 0 defaults to the theme's minor font (Calibri 11) and style 0 to font 0.
    """
    fonts = list(fonts) or [font("Calibri", 11, scheme="minor")]
    cell_xfs = list(cell_xfs) or [xf(0)]
    members: dict[str, str | bytes] = {}
    overrides = [
        ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
        ("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    book_rels = []
    sheet_entries = []
    for index, sheet in enumerate(sheets, start=1):
        overrides.append(
            (
                f"/xl/worksheets/sheet{index}.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            )
        )
        book_rels.append(
            f'<Relationship Id="rId{index}" Type="{REL}/worksheet" Target="worksheets/sheet{index}.xml"/>'
        )
        sheet_entries.append(f'<sheet name={quoteattr(sheet.name)} sheetId="{index}" r:id="rId{index}"/>')
    count = len(sheets)
    book_rels.append(f'<Relationship Id="rId{count + 1}" Type="{REL}/theme" Target="theme/theme1.xml"/>')
    book_rels.append(f'<Relationship Id="rId{count + 2}" Type="{REL}/styles" Target="styles.xml"/>')
    if strings or strings_xml is not None:
        book_rels.append(
            f'<Relationship Id="rId{count + 3}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        overrides.append(
            (
                "/xl/sharedStrings.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
            )
        )
    names = f"<definedNames>{''.join(defined_names)}</definedNames>" if defined_names else ""
    members["[Content_Types].xml"] = ""  # placeholder: written first, filled below
    members["_rels/.rels"] = (
        f'{DECLARATION}<Relationships xmlns="{PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    titles = "".join(f"<vt:lpstr>{escape(sheet.name)}</vt:lpstr>" for sheet in sheets)
    members["docProps/app.xml"] = (
        f"{DECLARATION}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant">'
        f"<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{count}</vt:i4></vt:variant>"
        f'</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="{count}" baseType="lpstr">{titles}'
        "</vt:vector></TitlesOfParts></Properties>"
    )
    members["docProps/core.xml"] = (
        f"{DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Ministry of Finance</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2010-03-01T08:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    members["xl/workbook.xml"] = (
        f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/></bookViews>'
        f"<sheets>{''.join(sheet_entries)}</sheets>{names}</workbook>"
    )
    members["xl/_rels/workbook.xml.rels"] = (
        f'{DECLARATION}<Relationships xmlns="{PACKAGE_REL}">{"".join(book_rels)}</Relationships>'
    )
    has_image = False
    has_comments = False
    for index, sheet in enumerate(sheets, start=1):
        members[f"xl/worksheets/sheet{index}.xml"] = _sheet_xml(sheet, index - 1)
        rels = []
        if sheet.image:
            has_image = True
            rels.append(
                f'<Relationship Id="rIdDrawing" Type="{REL}/drawing" '
                f'Target="../drawings/drawing{index}.xml"/>'
            )
            members[f"xl/drawings/drawing{index}.xml"] = _drawing()
            members[f"xl/drawings/_rels/drawing{index}.xml.rels"] = (
                f'{DECLARATION}<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" '
                f'Type="{REL}/image" Target="../media/image1.png"/></Relationships>'
            )
            overrides.append(
                (
                    f"/xl/drawings/drawing{index}.xml",
                    "application/vnd.openxmlformats-officedocument.drawing+xml",
                )
            )
        if sheet.comments:
            has_comments = True
            rels.append(
                f'<Relationship Id="rIdComments" Type="{REL}/comments" Target="../comments{index}.xml"/>'
            )
            rels.append(
                f'<Relationship Id="rIdVml" Type="{REL}/vmlDrawing" '
                f'Target="../drawings/vmlDrawing{index}.vml"/>'
            )
            members[f"xl/comments{index}.xml"] = _comments(sheet.comments)
            members[f"xl/drawings/vmlDrawing{index}.vml"] = _vml(sheet.comments)
            overrides.append(
                (
                    f"/xl/comments{index}.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
                )
            )
        if rels:
            members[f"xl/worksheets/_rels/sheet{index}.xml.rels"] = (
                f'{DECLARATION}<Relationships xmlns="{PACKAGE_REL}">{"".join(rels)}</Relationships>'
            )
    if has_image:
        members["xl/media/image1.png"] = PNG
    members["xl/theme/theme1.xml"] = _theme(theme_minor, theme_major)
    members["xl/styles.xml"] = styles_xml or (
        f'{DECLARATION}<styleSheet xmlns="{MAIN}">'
        f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/>'
        "<diagonal/>"
        "</border></borders>"
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(cell_xfs)}">{"".join(cell_xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    )
    if strings_xml is not None:
        members["xl/sharedStrings.xml"] = strings_xml
    elif strings:
        members["xl/sharedStrings.xml"] = (
            f'{DECLARATION}<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f"{''.join(strings)}</sst>"
        )
    defaults = (
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    )
    defaults += '<Default Extension="xml" ContentType="application/xml"/>'
    if has_image:
        defaults += '<Default Extension="png" ContentType="image/png"/>'
    if has_comments:
        vml = "application/vnd.openxmlformats-officedocument.vmlDrawing"
        defaults += f'<Default Extension="vml" ContentType="{vml}"/>'
    members["[Content_Types].xml"] = (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{defaults}'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
        + "</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def build_example(path: Path) -> None:
    """Write a legacy-font workbook to *path*.

    Sheet 1 ("Letter") holds the letter: TITLE (bold, 16 pt), MOTTO, SUBJECT, BODY, a BOLD and an
    ITALIC cell (blue), a cell mixing an lswin run and an English run, the ENGLISH sentence, the
    KEYBOARD sentence (an inline string in Boupha), the UNICODE sentence, a formula counting the
    cells of the second sheet, a header (HEADER) and a footer (page number and FOOTER), and the PNG
    image. Sheet 2, named BUDGET_SHEET typed in Saysettha Lao, holds the TABLE with borders, a
    total and a print area defined name.
    """
    fonts = [
        font("Calibri", 11, scheme="minor"),  # 0: default
        font(LSWIN_FONT, 16, bold=True),  # 1: title
        font(LSWIN_FONT, 12),  # 2: body
        font(LSWIN_FONT, 12, bold=True),  # 3: bold
        font(LSWIN_FONT, 12, italic=True, color="FF0000FF"),  # 4: italic, blue
        font(ENGLISH_FONT, 12),  # 5: English
        font(KEYBOARD_FONT, 14),  # 6: keyboard
        font(UNICODE_FONT, 12),  # 7: Unicode
    ]
    cell_xfs = [xf(0), xf(1), xf(2), xf(3), xf(4), xf(5), xf(6), xf(7), xf(2, border=1), xf(3, border=1)]
    strings = [
        shared(lswin(TITLE)),  # 0
        shared(lswin(MOTTO)),  # 1
        shared(lswin(SUBJECT)),  # 2
        shared(lswin(BODY)),  # 3
        shared(lswin(BOLD)),  # 4
        shared(lswin(ITALIC)),  # 5
        rich(run(lswin(TABLE[1][1]) + " ", LSWIN_FONT), run("(water pipes)", ENGLISH_FONT, italic=True)),  # 6
        shared(ENGLISH),  # 7
        shared(UNICODE),  # 8
    ]
    for row in TABLE:
        for value in row:
            strings.append(shared(lswin(value)))  # 9..17
    budget = lswin(BUDGET_SHEET)
    quoted = "'" + budget.replace("'", "''") + "'"
    letter = Sheet(
        "Letter",
        rows=[
            [string_cell("A1", 0, 1)],
            [string_cell("A2", 1, 2)],
            [string_cell("A3", 2, 2)],
            [string_cell("A4", 3, 2)],
            [string_cell("A5", 4, 3), string_cell("B5", 5, 4)],
            [string_cell("A6", 6, 5)],
            [string_cell("A7", 7, 5)],
            [inline_cell("A8", text(keyboard(KEYBOARD)), 6)],
            [string_cell("A9", 8, 7)],
            [formula_cell("A10", f"COUNTA({quoted}!A1:C3)", "9")],
        ],
        header=f'&C&"{LSWIN_FONT},Bold"&14{lswin(HEADER)}',
        footer=f'&L&"{ENGLISH_FONT},Regular"Page &P of &N&R&"{LSWIN_FONT},Regular"{lswin(FOOTER)}',
        image=True,
        columns='<col min="1" max="1" width="60" customWidth="1"/>',
    )
    table_rows = []
    for number in range(len(TABLE)):
        style = 9 if number == 0 else 8
        table_rows.append(
            [
                string_cell(f"{column}{number + 1}", 9 + number * 3 + i, style)
                for i, column in enumerate("ABC")
            ]
        )
    table_rows.append([number_cell("C4", 15000000, 2)])
    budget_sheet = Sheet(
        budget,
        rows=table_rows,
        header=f'&C&"{LSWIN_FONT},Regular"{lswin(HEADER)}',
        columns='<col min="1" max="3" width="20" customWidth="1"/>',
    )
    write_workbook(
        path,
        [letter, budget_sheet],
        strings=strings,
        fonts=fonts,
        cell_xfs=cell_xfs,
        defined_names=[
            f'<definedName name="_xlnm.Print_Area" localSheetId="1">{escape(quoted)}!$A$1:$C$4</definedName>'
        ],
    )
