"""Converting Excel workbooks typed in legacy Lao fonts (laotext.documents.xlsx)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
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
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    keyboard,
    lswin,
)
from docbuild.xlsx import (
    BUDGET_SHEET,
    Sheet,
    build_example,
    font,
    formula_cell,
    inline_cell,
    number_cell,
    run,
    shared,
    string_cell,
    text,
    write_workbook,
    xf,
)
from openpyxl.cell.rich_text import CellRichText, TextBlock

from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.documents.xlsx import convert
from laotext.errors import DocumentError

SI = re.compile(r"<si>.*?</si>|<si/>", re.DOTALL)


def convert_file(source: Path, target: Path, **options: object) -> FileReport:
    tally = Tally(ConvertOptions(**options))  # type: ignore[arg-type]
    with open(target, "wb") as handle:
        convert(source, handle, tally)
    return tally.report(str(source), str(target), "xlsx")


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def strings_of(path: Path) -> list[str]:
    return SI.findall(members(path)["xl/sharedStrings.xml"].decode())


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, FileReport]:
    folder = tmp_path_factory.mktemp("xlsx")
    source, target = folder / "letter.xlsx", folder / "letter.out.xlsx"
    build_example(source)
    return source, target, convert_file(source, target)


def test_example_opens_before_conversion(example: tuple[Path, Path, FileReport]) -> None:
    source, _, _ = example
    book = openpyxl.load_workbook(source)
    assert book.sheetnames == ["Letter", lswin(BUDGET_SHEET)]
    assert book["Letter"]["A1"].value == lswin(TITLE)


def test_constants_come_out_in_their_cells(example: tuple[Path, Path, FileReport]) -> None:
    _, target, report = example
    assert report.status == "converted"
    assert report.legacy_fonts == {LSWIN_FONT: "lswin", KEYBOARD_FONT: "keyboard"}
    book = openpyxl.load_workbook(target)
    letter = book["Letter"]
    expected = {
        "A1": TITLE,
        "A2": MOTTO,
        "A3": SUBJECT,
        "A4": BODY,
        "A5": BOLD,
        "B5": ITALIC,
        "A6": TABLE[1][1] + " (water pipes)",
        "A7": ENGLISH,
        "A8": KEYBOARD,
        "A9": UNICODE,
    }
    assert {ref: letter[ref].value for ref in expected} == expected
    budget = book[BUDGET_SHEET]
    assert [[cell.value for cell in row] for row in budget["A1:C3"]] == [list(row) for row in TABLE]
    assert budget["C4"].value == 15000000


def test_converted_cells_get_the_new_font_and_keep_bold_italic_size_colour(
    example: tuple[Path, Path, FileReport],
) -> None:
    _, target, _ = example
    letter = openpyxl.load_workbook(target)["Letter"]
    for ref in ("A1", "A2", "A3", "A4", "A5", "B5", "A8"):
        assert letter[ref].font.name == UNICODE_FONT, ref
    assert (letter["A1"].font.b, letter["A1"].font.sz) == (True, 16)
    assert (letter["A5"].font.b, letter["A5"].font.i) == (True, False)
    assert (letter["B5"].font.i, letter["B5"].font.b, letter["B5"].font.color.rgb) == (
        True,
        False,
        "FF0000FF",
    )
    assert letter["A8"].font.sz == 14
    assert letter["A7"].font.name == ENGLISH_FONT
    assert letter["A10"].font.name == "Calibri"


def test_english_and_unicode_strings_are_byte_identical(example: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = example
    before, after = strings_of(source), strings_of(target)
    assert len(before) == len(after)
    for index in (7, 8):  # ENGLISH, UNICODE
        assert after[index] == before[index]
    assert ENGLISH in after[7] and UNICODE in after[8]
    english_run = run("(water pipes)", ENGLISH_FONT, italic=True)
    assert english_run in before[6] and english_run in after[6]


def test_rich_text_runs_are_converted_one_by_one(example: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = example
    cell = openpyxl.load_workbook(target, rich_text=True)["Letter"]["A6"]
    assert isinstance(cell.value, CellRichText)
    blocks = [block for block in cell.value if isinstance(block, TextBlock)]
    assert [block.text for block in blocks] == [TABLE[1][1] + " ", "(water pipes)"]
    assert blocks[0].font.rFont == UNICODE_FONT
    assert (blocks[1].font.rFont, blocks[1].font.i) == (ENGLISH_FONT, True)


def test_header_and_footer(example: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = example
    book = openpyxl.load_workbook(target)
    letter = book["Letter"]
    assert letter.oddHeader.center.text == HEADER
    assert letter.oddHeader.center.font == f"{UNICODE_FONT},Bold"
    assert letter.oddHeader.center.size == 14
    assert letter.oddFooter.right.text == FOOTER
    assert letter.oddFooter.right.font == f"{UNICODE_FONT},Regular"
    assert letter.oddFooter.left.text == "Page &P of &N"
    assert letter.oddFooter.left.font == f"{ENGLISH_FONT},Regular"
    assert book[BUDGET_SHEET].oddHeader.center.text == HEADER


def test_sheet_renamed_and_references_follow(example: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = example
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Letter", BUDGET_SHEET]
    assert book["Letter"]["A10"].value == f"=COUNTA('{BUDGET_SHEET}'!A1:C3)"
    assert book[BUDGET_SHEET].print_area == f"'{BUDGET_SHEET}'!$A$1:$C$4"
    app = members(target)["docProps/app.xml"].decode()
    assert f"<vt:lpstr>{BUDGET_SHEET}</vt:lpstr>" in app


def test_members_without_legacy_text_are_byte_identical(example: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = example
    before, after = members(source), members(target)
    assert list(before) == list(after)
    for name in (
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/theme/theme1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/media/image1.png",
    ):
        assert after[name] == before[name], name
    # Only the font names changed in styles.xml (in place: every cell in those fonts was converted
    # or holds ASCII in Saysettha Lao, like the number in C4).
    styles_before, styles_after = before["xl/styles.xml"].decode(), after["xl/styles.xml"].decode()
    assert styles_after.replace(f'"{UNICODE_FONT}"', "X").count("X") >= 5
    for name in (LSWIN_FONT, KEYBOARD_FONT):
        styles_before = styles_before.replace(f'<name val="{name}"/>', f'<name val="{UNICODE_FONT}"/>')
    assert styles_after == styles_before


def test_second_conversion_changes_nothing(example: tuple[Path, Path, FileReport], tmp_path: Path) -> None:
    _, target, _ = example
    again = tmp_path / "again.xlsx"
    report = convert_file(target, again)
    assert (report.status, report.runs) == ("unchanged", 0)
    assert members(again) == members(target)


def _write(path: Path, sheets: list[Sheet], **kwargs: object) -> Path:
    write_workbook(path, sheets, **kwargs)  # type: ignore[arg-type]
    return path


def test_shared_string_used_by_legacy_and_other_cells_is_copied(tmp_path: Path) -> None:
    value = lswin(TABLE[0][1])
    source = _write(
        tmp_path / "shared.xlsx",
        [Sheet("Data", rows=[[string_cell("A1", 0, 1), string_cell("B1", 0, 2), string_cell("C1", 1, 1)]])],
        strings=[shared(value), shared("Total")],
        fonts=[font("Calibri", 11, scheme="minor"), font(LSWIN_FONT, 12, bold=True), font(ENGLISH_FONT, 12)],
        cell_xfs=[xf(0), xf(1), xf(2)],
    )
    target = tmp_path / "shared.out.xlsx"
    convert_file(source, target)
    sheet = openpyxl.load_workbook(target)["Data"]
    assert sheet["A1"].value == TABLE[0][1]
    assert (sheet["A1"].font.name, sheet["A1"].font.b) == (UNICODE_FONT, True)
    assert sheet["B1"].value == value  # the Times New Roman cell keeps its text
    assert sheet["B1"].font.name == ENGLISH_FONT
    assert sheet["C1"].value == "Total"
    before, after = strings_of(source), strings_of(target)
    assert after[:2] == before  # originals unchanged, the converted copy appended
    assert after[2] == shared(TABLE[0][1])
    sst = members(target)["xl/sharedStrings.xml"].decode()
    assert 'count="2" uniqueCount="3"' in sst


def test_font_shared_with_numbers_gets_a_new_font(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "numbers.xlsx",
        [
            Sheet(
                "Data",
                rows=[
                    [
                        string_cell("A1", 0, 1),
                        number_cell("B1", 42, 1),
                        inline_cell("C1", text(keyboard(KEYBOARD)), 1),
                    ]
                ],
                footer="&C" + keyboard(HEADER),
            )
        ],
        strings=[shared(keyboard(KEYBOARD))],
        fonts=[
            font(KEYBOARD_FONT, 11),
            font(KEYBOARD_FONT, 14, bold=True, italic=True, color="FFFF0000", charset=0),
        ],
        cell_xfs=[xf(0), xf(1)],
    )
    target = tmp_path / "numbers.out.xlsx"
    report = convert_file(source, target)
    book = openpyxl.load_workbook(target)
    sheet = book["Data"]
    assert sheet["A1"].value == KEYBOARD
    assert sheet["C1"].value == KEYBOARD
    for ref in ("A1", "C1"):
        cell_font = sheet[ref].font
        assert (cell_font.name, cell_font.sz, cell_font.b, cell_font.i) == (UNICODE_FONT, 14, True, True)
        assert cell_font.color.rgb == "FFFF0000"
        assert cell_font.charset is None
    assert (sheet["B1"].value, sheet["B1"].font.name) == (42, KEYBOARD_FONT)  # the number keeps its font
    styles = members(target)["xl/styles.xml"].decode()
    assert '<fonts count="3">' in styles and '<cellXfs count="3">' in styles
    assert any("keep that font" in warning for warning in report.warnings)
    # The default font (font 0, Boupha) is not changed, so the footer names the new font itself.
    assert sheet.oddFooter.center.text == HEADER
    assert sheet.oddFooter.center.font == f"{UNICODE_FONT},Regular"


def test_theme_font_of_a_style(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "theme.xlsx",
        [Sheet("Data", rows=[[string_cell("A1", 0)], [string_cell("A2", 1)]], header="&L" + lswin(HEADER))],
        strings=[shared(lswin(MOTTO)), shared("Budget 2010")],
        fonts=[font("Calibri", 11, scheme="minor")],
        theme_minor=LSWIN_FONT,
    )
    target = tmp_path / "theme.out.xlsx"
    report = convert_file(source, target)
    assert report.legacy_fonts == {LSWIN_FONT: "lswin"}
    sheet = openpyxl.load_workbook(target)["Data"]
    assert sheet["A1"].value == MOTTO
    assert sheet["A2"].value == "Budget 2010"
    assert (sheet["A1"].font.name, sheet["A1"].font.scheme) == (UNICODE_FONT, None)
    # Header text before any font code is in the Normal style's font, now the new font itself.
    assert sheet.oddHeader.left.text == HEADER
    assert sheet.oddHeader.left.font is None
    assert members(target)["xl/theme/theme1.xml"] == members(source)["xl/theme/theme1.xml"]


def test_inline_rich_runs_and_unquoted_references(tmp_path: Path) -> None:
    sheet_name = lswin("ບັນຊີ")
    inline = run(lswin(BOLD), LSWIN_FONT, bold=True) + run(" Ref. 15", ENGLISH_FONT)
    link = f'<hyperlink ref="A3" location="\'{sheet_name}\'!A1" display="go"/>'
    source = _write(
        tmp_path / "inline.xlsx",
        [
            Sheet(
                "Main",
                rows=[
                    [inline_cell("A1", inline, 1)],
                    [formula_cell("A2", f"'{sheet_name}'!A1&\"{lswin(BOLD)}\"", "x", 1, "str")],
                ],
                after_data=f"<hyperlinks>{link}</hyperlinks>",
            ),
            Sheet(sheet_name, rows=[[string_cell("A1", 0, 2)]]),
        ],
        strings=[shared(lswin(TITLE))],
        fonts=[font("Calibri", 11, scheme="minor"), font(ENGLISH_FONT, 11), font(LSWIN_FONT, 11)],
        cell_xfs=[xf(0), xf(1), xf(2)],
    )
    target = tmp_path / "inline.out.xlsx"
    convert_file(source, target)
    book = openpyxl.load_workbook(target, rich_text=True)
    main = book["Main"]
    blocks = list(main["A1"].value)
    assert [block.text for block in blocks] == [BOLD, " Ref. 15"]
    assert [block.font.rFont for block in blocks] == [UNICODE_FONT, ENGLISH_FONT]
    assert blocks[0].font.b is True
    assert main["A1"].font.name == ENGLISH_FONT  # the cell's own font is not legacy
    # The sheet reference follows the rename; the string literal inside the formula is left alone.
    assert main["A2"].value == f"='ບັນຊີ'!A1&\"{lswin(BOLD)}\""
    assert main.cell(3, 1).hyperlink.location == "'ບັນຊີ'!A1"
    assert book["ບັນຊີ"]["A1"].value == TITLE


def test_comment_runs_in_a_legacy_font(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "comments.xlsx",
        [
            Sheet(
                "Data",
                rows=[[string_cell("A1", 0)]],
                comments=[("A1", run("Author:", "Tahoma", bold=True) + run(lswin(ITALIC), LSWIN_FONT))],
            )
        ],
        strings=[shared("Total")],
    )
    target = tmp_path / "comments.out.xlsx"
    report = convert_file(source, target)
    assert report.status == "converted"
    comment = openpyxl.load_workbook(target)["Data"]["A1"].comment
    assert comment.text == "Author:" + ITALIC
    after = members(target)
    assert after["xl/comments1.xml"].decode().count(f'<rFont val="{UNICODE_FONT}"/>') == 1
    assert after["xl/sharedStrings.xml"] == members(source)["xl/sharedStrings.xml"]
    assert after["xl/worksheets/sheet1.xml"] == members(source)["xl/worksheets/sheet1.xml"]


def test_unknown_font_that_reads_as_lao_is_reported_not_converted(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "suspect.xlsx",
        [
            Sheet(
                "Data", rows=[[string_cell("A1", 0, 1)], [string_cell("A2", 1, 1)], [string_cell("A3", 2, 2)]]
            )
        ],
        strings=[shared(lswin(BODY)), shared(lswin(MOTTO)), shared(ENGLISH)],
        fonts=[font("Calibri", 11, scheme="minor"), font("Lao Office Old", 12), font(ENGLISH_FONT, 12)],
        cell_xfs=[xf(0), xf(1), xf(2)],
    )
    target = tmp_path / "suspect.out.xlsx"
    report = convert_file(source, target)
    assert report.status == "unchanged"
    assert "Lao Office Old" in report.suspect_fonts
    assert ENGLISH_FONT not in report.suspect_fonts
    assert members(target) == members(source)
    # Named in the font map, the same font is converted.
    mapped = tmp_path / "mapped.out.xlsx"
    report = convert_file(source, mapped, font_map={"Lao Office Old": "lswin"})
    assert openpyxl.load_workbook(mapped)["Data"]["A1"].value == BODY


SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


@pytest.mark.parametrize(
    "strings_xml",
    [
        SST + "<si><t>abc</si></sst>",  # mismatched end tag
        SST + "<si><t>a &bogus; b</t></si></sst>",  # undefined entity
        SST + "<si><t>abc</t></si>",  # truncated
        "<table><si><t>abc</t></si></table>",  # not a shared string table
        SST + "</sst>",  # A1 refers to string 0, which is missing
        "<!DOCTYPE sst [<!ENTITY a 'b'>]>" + SST + "<si><t>&a;</t></si></sst>",
    ],
)
def test_malformed_shared_strings(tmp_path: Path, strings_xml: str) -> None:
    source = _write(
        tmp_path / "bad.xlsx",
        [Sheet("Data", rows=[[string_cell("A1", 0, 1)]])],
        strings_xml=strings_xml,
        fonts=[font("Calibri", 11), font(LSWIN_FONT, 11)],
        cell_xfs=[xf(0), xf(1)],
    )
    with pytest.raises(DocumentError) as caught:
        convert_file(source, tmp_path / "bad.out.xlsx")
    assert str(source) in str(caught.value)


def test_bad_cell_references_and_broken_files(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "index.xlsx",
        [Sheet("Data", rows=[['<c r="A1" t="s"><v>seven</v></c>']])],
        strings=[shared("x")],
    )
    with pytest.raises(DocumentError, match="shared string"):
        convert_file(source, tmp_path / "index.out.xlsx")
    not_zip = tmp_path / "not.xlsx"
    not_zip.write_bytes(b"this is not a workbook")
    with pytest.raises(DocumentError):
        convert_file(not_zip, tmp_path / "not.out.xlsx")
    truncated = _write(
        tmp_path / "sheet.xlsx",
        [Sheet("Data", rows=[[string_cell("A1", 0, 1)]])],
        strings=[shared(lswin(BOLD))],
        fonts=[font("Calibri", 11), font(LSWIN_FONT, 11)],
        cell_xfs=[xf(0), xf(1)],
    )
    with zipfile.ZipFile(truncated) as archive:
        content = {name: archive.read(name) for name in archive.namelist()}
    content["xl/worksheets/sheet1.xml"] = content["xl/worksheets/sheet1.xml"][:-40]
    with zipfile.ZipFile(truncated, "w") as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    with pytest.raises(DocumentError, match=r"sheet1\.xml"):
        convert_file(truncated, tmp_path / "sheet.out.xlsx")
