"""Converting PowerPoint presentations: each expected text is a hand-written Unicode constant."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    ENGLISH_FONT,
    FOOTER,
    FOOTNOTE,
    ITALIC,
    KEYBOARD,
    LSWIN_FONT,
    MINISTRY,
    MOTTO,
    PNG,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    lswin,
)
from docbuild.pptx import build_example
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.text.text import _Run

from laotext.documents.pptx import convert
from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.errors import DocumentError
from laotext.legacy import from_unicode
from laotext.legacy.fonts import font_encoding

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NEW_FONT = ConvertOptions().font
UNKNOWN_FONT = "Muang Lao Classic"  # not a known font: its lswin text must be reported, not converted


def _convert(source: Path, output: Path, options: ConvertOptions | None = None) -> FileReport:
    tally = Tally(options or ConvertOptions())
    with open(output, "wb") as target:
        convert(source, target, tally)
    return tally.report(str(source), str(output), "pptx")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(source: Path, target: Path, changes: dict[str, Callable[[bytes], bytes]]) -> None:
    """Copy the zip *source* to *target*, passing the members named in *changes* through them."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            new.writestr(name, changes[name](data) if name in changes else data)


def _deck(path: Path, build: Callable[[PresentationType], None]) -> Path:
    presentation = Presentation()
    build(presentation)
    presentation.save(str(path))
    return path


def _run_xml(part: bytes, text: str) -> bytes:
    """The source of the one a:r element whose a:t holds *text*."""
    found = re.findall(
        rb"<a:r>(?:(?!</a:r>).)*?<a:t>" + re.escape(text.encode()) + rb"</a:t></a:r>", part, re.S
    )
    assert len(found) == 1, found
    return found[0]


def _runs(slide: Slide) -> list[_Run]:
    runs: list[_Run] = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            runs += [run for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    return runs


def _run(slide: Slide, text: str) -> _Run:
    matches = [run for run in _runs(slide) if run.text == text]
    assert len(matches) == 1, [run.text for run in _runs(slide)]
    return matches[0]


def _typeface(run: _Run, tag: str) -> str | None:
    rpr = run._r.find(qn("a:rPr"))
    element = None if rpr is None else rpr.find(qn(f"a:{tag}"))
    return None if element is None else element.get("typeface")


def _list_style(text_body: etree._Element, level: int, font: str) -> None:
    """Give *text_body*'s list style a latin *font* for paragraphs of *level* (0-based)."""
    style = text_body.find(qn("a:lstStyle"))
    if style is None:
        style = etree.Element(qn("a:lstStyle"))
        text_body.find(qn("a:bodyPr")).addnext(style)
    for old in style.findall(qn(f"a:lvl{level + 1}pPr")):
        style.remove(old)
    properties = etree.SubElement(style, qn(f"a:lvl{level + 1}pPr"))
    etree.SubElement(etree.SubElement(properties, qn("a:defRPr")), qn("a:latin")).set("typeface", font)


def _textbox(slide: Slide, text: str, font: str | None = None) -> Shape:
    box = slide.shapes.add_textbox(914400, 914400, 4572000, 914400)
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    if font:
        run.font.name = font
    return box


# -- the example presentation -------------------------------------------------------------------


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, FileReport]:
    folder = tmp_path_factory.mktemp("pptx")
    source, output = folder / "example.pptx", folder / "example.out.pptx"
    build_example(source)
    return source, output, _convert(source, output)


def test_title_slide_title_motto_and_footer(example: tuple[Path, Path, FileReport]) -> None:
    slide = Presentation(str(example[1])).slides[0]
    title = slide.shapes.title.text_frame.paragraphs[0].runs[0]
    assert title.text == TITLE
    assert title.font.name == NEW_FONT and _typeface(title, "cs") == NEW_FONT
    assert title.font.bold is True
    assert slide.placeholders[1].text_frame.text == MOTTO
    footers = [shape for shape in slide.placeholders if shape.placeholder_format.type == 15]  # FOOTER
    assert [footer.text_frame.text for footer in footers] == [FOOTER]
    assert footers[0].text_frame.paragraphs[0].runs[0].font.name == NEW_FONT


def test_content_slide_runs(example: tuple[Path, Path, FileReport]) -> None:
    slide = Presentation(str(example[1])).slides[1]
    assert slide.shapes.title.text_frame.text == SUBJECT
    body = slide.placeholders[1].text_frame
    assert [paragraph.text for paragraph in body.paragraphs] == [
        BODY,
        BOLD,
        ITALIC,
        ENGLISH,
        KEYBOARD,
        UNICODE,
    ]
    for text in (BODY, BOLD, ITALIC, KEYBOARD):
        run = _run(slide, text)
        assert run.font.name == NEW_FONT and _typeface(run, "cs") == NEW_FONT
        latin = run._r.find(qn("a:rPr")).find(qn("a:latin"))
        assert latin.get("pitchFamily") is None and latin.get("charset") is None
        assert run._r.find(qn("a:rPr")).get("lang") == "en-US"


def test_bold_italic_size_and_colour_kept(example: tuple[Path, Path, FileReport]) -> None:
    slide = Presentation(str(example[1])).slides[1]
    bold, italic, body = _run(slide, BOLD), _run(slide, ITALIC), _run(slide, BODY)
    assert bold.font.bold is True and bold.font.size.pt == 28 and str(bold.font.color.rgb) == "990000"
    assert italic.font.italic is True and italic.font.bold is None
    assert body.font.bold is None and body.font.italic is None


def test_english_and_unicode_runs_byte_identical(example: tuple[Path, Path, FileReport]) -> None:
    source, output, _ = example
    before, after = _members(source)["ppt/slides/slide2.xml"], _members(output)["ppt/slides/slide2.xml"]
    assert _run_xml(after, ENGLISH) == _run_xml(before, ENGLISH)
    assert _run_xml(after, UNICODE) == _run_xml(before, UNICODE)
    slide = Presentation(str(output)).slides[1]
    assert _run(slide, ENGLISH).font.name == ENGLISH_FONT
    assert _run(slide, UNICODE).font.name == UNICODE_FONT


def test_table_cells(example: tuple[Path, Path, FileReport]) -> None:
    slide = Presentation(str(example[1])).slides[2]
    assert slide.shapes.title.text_frame.text == MINISTRY
    (frame,) = [shape for shape in slide.shapes if shape.has_table]
    table = frame.table
    assert tuple(tuple(cell.text for cell in row.cells) for row in table.rows) == TABLE
    header = table.cell(0, 1).text_frame.paragraphs[0].runs[0]
    assert header.font.name == NEW_FONT and header.font.bold is True


def test_speaker_notes(example: tuple[Path, Path, FileReport]) -> None:
    notes = Presentation(str(example[1])).slides[1].notes_slide.notes_text_frame
    assert notes.text == FOOTNOTE
    assert notes.paragraphs[0].runs[0].font.name == NEW_FONT


def test_only_parts_with_legacy_text_are_rewritten(example: tuple[Path, Path, FileReport]) -> None:
    source, output, _ = example
    before, after = _members(source), _members(output)
    assert list(after) == list(before)
    changed = {name for name in before if before[name] != after[name]}
    expected = {"ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/slides/slide3.xml"}
    assert changed == expected | {"ppt/notesSlides/notesSlide1.xml"}
    assert after["ppt/media/image1.png"] == PNG
    for name in (
        "ppt/theme/theme1.xml",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/slideLayouts/slideLayout2.xml",
    ):
        assert after[name] == before[name]


def test_report(example: tuple[Path, Path, FileReport]) -> None:
    report = example[2]
    assert report.status == "converted"
    # title, motto, footer; subject, body, bold, italic, keyboard, notes; ministry, 9 cells
    assert report.runs == 19
    assert report.legacy_fonts == {LSWIN_FONT: "lswin", "Boupha": "keyboard"}
    assert report.suspect_fonts == {} and report.unknown_codes == 0


def test_second_conversion_changes_nothing(example: tuple[Path, Path, FileReport], tmp_path: Path) -> None:
    again = tmp_path / "again.pptx"
    report = _convert(example[1], again)
    assert report.status == "unchanged" and report.runs == 0
    assert _members(again) == _members(example[1])


def test_output_font_option(example: tuple[Path, Path, FileReport], tmp_path: Path) -> None:
    output = tmp_path / "noto.pptx"
    _convert(example[0], output, ConvertOptions(font="Noto Sans Lao"))
    run = Presentation(str(output)).slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run.text == TITLE and run.font.name == "Noto Sans Lao" and _typeface(run, "cs") == "Noto Sans Lao"


# -- where the font comes from ------------------------------------------------------------------


def test_font_only_in_the_shapes_list_style(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        box = _textbox(slide, lswin(BODY))
        box.text_frame.add_paragraph().text = lswin(BOLD)
        box.text_frame.paragraphs[1].level = 1
        _list_style(box._element.txBody, 0, LSWIN_FONT)
        other = _textbox(slide, lswin(ITALIC))
        _list_style(other._element.txBody, 1, LSWIN_FONT)  # only level 2 is legacy; the text is level 1

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    slide = Presentation(str(output)).slides[0]
    run = _run(slide, BODY)
    assert run.font.name == NEW_FONT
    # level 2 of the first box is not in its list style: it falls back to the theme font (Calibri)
    assert _run(slide, lswin(BOLD)).font.name is None
    assert _run(slide, lswin(ITALIC)).font.name is None
    assert report.runs == 1
    # the shared list style keeps its font; the run carries the new one
    assert b'<a:latin typeface="Saysettha Lao"/>' in _members(output)["ppt/slides/slide1.xml"]


def test_rpr_created_as_first_child(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        _list_style(_textbox(slide, lswin(BODY))._element.txBody, 0, LSWIN_FONT)

    source = _deck(tmp_path / "in.pptx", build)
    assert b"<a:r><a:t>" in _members(source)["ppt/slides/slide1.xml"]
    output = tmp_path / "out.pptx"
    _convert(source, output)
    fonts = f'<a:latin typeface="{NEW_FONT}"/><a:cs typeface="{NEW_FONT}"/>'
    expected = f"<a:r><a:rPr>{fonts}</a:rPr><a:t>{BODY}</a:t></a:r>"
    assert _run_xml(_members(output)["ppt/slides/slide1.xml"], BODY) == expected.encode()


def test_font_elements_follow_the_schema_order(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        run = _textbox(slide, lswin(BODY), LSWIN_FONT).text_frame.paragraphs[0].runs[0]
        rpr = run._r.get_or_add_rPr()
        rpr.remove(rpr.find(qn("a:latin")))
        rpr.insert(0, etree.fromstring(f'<a:solidFill xmlns:a="{A}"><a:srgbClr val="00FF00"/></a:solidFill>'))
        rpr.append(etree.fromstring(f'<a:ea xmlns:a="{A}" typeface="MS Gothic"/>'))
        rpr.append(etree.fromstring(f'<a:sym xmlns:a="{A}" typeface="{LSWIN_FONT}" charset="2"/>'))
        rpr.append(etree.fromstring(f'<a:hlinkClick xmlns:a="{A}" xmlns:r="urn:r" r:id=""/>'))
        _list_style(run._r.getparent().getparent(), 0, LSWIN_FONT)

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    _convert(source, output)
    run = _run(Presentation(str(output)).slides[0], BODY)
    rpr = run._r.find(qn("a:rPr"))
    assert [etree.QName(child).localname for child in rpr] == [
        "solidFill",
        "latin",
        "ea",
        "cs",
        "sym",
        "hlinkClick",
    ]
    assert _typeface(run, "ea") == "MS Gothic"
    assert _typeface(run, "sym") == NEW_FONT and rpr.find(qn("a:sym")).get("charset") is None
    assert str(run.font.color.rgb) == "00FF00"


def test_font_only_on_the_layout_placeholder(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        layout = presentation.slide_layouts[3]  # Two Content: content placeholders idx 1 and 2
        _list_style(layout.placeholders[2]._element.txBody, 0, LSWIN_FONT)
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text_frame.text = "Budget"
        slide.placeholders[1].text_frame.text = lswin(ITALIC)
        slide.placeholders[2].text_frame.text = lswin(BODY)

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    _convert(source, output)
    presentation = Presentation(str(output))
    slide = presentation.slides[0]
    assert slide.placeholders[2].text_frame.text == BODY
    assert slide.placeholders[2].text_frame.paragraphs[0].runs[0].font.name == NEW_FONT
    assert slide.placeholders[1].text_frame.text == lswin(ITALIC)  # idx 1 inherits nothing legacy
    before, after = _members(source), _members(output)
    assert _run_xml(after["ppt/slides/slide1.xml"], "Budget") == _run_xml(
        before["ppt/slides/slide1.xml"], "Budget"
    )
    layout = presentation.slide_layouts[3].placeholders[2]._element.txBody
    assert (
        layout.find(qn("a:lstStyle"))
        .find(qn("a:lvl1pPr"))
        .find(qn("a:defRPr"))
        .find(qn("a:latin"))
        .get("typeface")
        == LSWIN_FONT
    )
    assert after["ppt/slideLayouts/slideLayout1.xml"] == before["ppt/slideLayouts/slideLayout1.xml"]


def test_font_only_in_the_master_body_style(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        master = presentation.slide_master._element
        body_style = master.find(qn("p:txStyles")).find(qn("p:bodyStyle"))
        body_style.find(qn("a:lvl1pPr")).find(qn("a:defRPr")).find(qn("a:latin")).set("typeface", LSWIN_FONT)
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text_frame.text = "Budget"
        slide.placeholders[1].text_frame.text = lswin(BODY)
        _textbox(slide, lswin(BOLD))  # not a placeholder: otherStyle, Calibri

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    slide = Presentation(str(output)).slides[0]
    assert slide.placeholders[1].text_frame.text == BODY
    assert slide.placeholders[1].text_frame.paragraphs[0].runs[0].font.name == NEW_FONT
    assert _run(slide, lswin(BOLD)).font.name is None
    assert slide.shapes.title.text_frame.text == "Budget"
    assert report.legacy_fonts == {LSWIN_FONT: "lswin"}
    assert "Calibri" in report.suspect_fonts  # the textbox's lswin-looking text in the theme font


def test_legacy_theme_font(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        slide.shapes.title.text_frame.text = "Budget"  # title style: +mj-lt, stays Calibri
        _textbox(slide, lswin(BODY))  # otherStyle: +mn-lt
        _textbox(slide, ENGLISH, ENGLISH_FONT)

    built = _deck(tmp_path / "built.pptx", build)
    source = tmp_path / "in.pptx"

    def legacy_minor_font(data: bytes) -> bytes:
        old = b'<a:minorFont><a:latin typeface="Calibri"/>'
        assert old in data
        return data.replace(old, f'<a:minorFont><a:latin typeface="{LSWIN_FONT}"/>'.encode())

    _rewrite(built, source, {"ppt/theme/theme1.xml": legacy_minor_font})
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    slide = Presentation(str(output)).slides[0]
    assert _run(slide, BODY).font.name == NEW_FONT
    before, after = _members(source), _members(output)
    slide_before, slide_after = before["ppt/slides/slide1.xml"], after["ppt/slides/slide1.xml"]
    for text in ("Budget", ENGLISH):
        assert _run_xml(slide_after, text) == _run_xml(slide_before, text)
    assert after["ppt/theme/theme1.xml"] == before["ppt/theme/theme1.xml"]
    # the master's prompt texts are in the theme font too; its slide-number field keeps its stand-in ‹#›
    master = "ppt/slideMasters/slideMaster1.xml"
    master_before, master_after = before[master], after[master]
    assert master_after != master_before
    field = re.compile(rb'<a:fld [^>]*type="slidenum">.*?</a:fld>', re.S)
    assert field.findall(master_after) == field.findall(master_before)
    assert "\u2039#\u203a".encode() in field.findall(master_after)[0]
    assert report.unknown_codes == 0 and report.warnings == ()


def test_notes_inherit_the_notes_master_style(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        slide.notes_slide.notes_text_frame.text = lswin(FOOTNOTE)
        notes_style = presentation.notes_master._element.find(qn("p:notesStyle"))
        notes_style.find(qn("a:lvl1pPr")).find(qn("a:defRPr")).find(qn("a:latin")).set("typeface", LSWIN_FONT)

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    _convert(source, output)
    notes = Presentation(str(output)).slides[0].notes_slide.notes_text_frame
    assert notes.text == FOOTNOTE and notes.paragraphs[0].runs[0].font.name == NEW_FONT


def test_group_shape_text(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        group = slide.shapes.add_group_shape()
        box = group.shapes.add_textbox(0, 0, 914400, 914400)
        run = box.text_frame.paragraphs[0].add_run()
        run.text, run.font.name = lswin(MOTTO), LSWIN_FONT

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    _convert(source, output)
    (group,) = Presentation(str(output)).slides[0].shapes
    assert group.shapes[0].text_frame.text == MOTTO
    assert group.shapes[0].text_frame.paragraphs[0].runs[0].font.name == NEW_FONT


# -- symbol-form text, unknown fonts ---------------------------------------------------------------


def _symbol_deck(tmp_path: Path, latin: str, sym: str | None) -> Path:
    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        run = (
            _textbox(slide, from_unicode(BODY, "lswin", form="symbol"), latin)
            .text_frame.paragraphs[0]
            .runs[0]
        )
        if sym:
            sym_element = etree.SubElement(run._r.get_or_add_rPr(), qn("a:sym"))
            sym_element.set("typeface", sym)
            sym_element.set("charset", "2")

    return _deck(tmp_path / "symbol.pptx", build)


def test_symbol_form_text_in_the_sym_font(tmp_path: Path) -> None:
    source = _symbol_deck(tmp_path, "Calibri", LSWIN_FONT)
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    run = Presentation(str(output)).slides[0].shapes[0].text_frame.paragraphs[0].runs[0]
    assert run.text == BODY and report.runs == 1
    assert run.font.name == NEW_FONT and _typeface(run, "sym") == NEW_FONT
    assert run._r.find(qn("a:rPr")).find(qn("a:sym")).get("charset") is None


def test_symbol_form_text_in_the_latin_font(tmp_path: Path) -> None:
    output = tmp_path / "out.pptx"
    _convert(_symbol_deck(tmp_path, LSWIN_FONT, None), output)
    run = Presentation(str(output)).slides[0].shapes[0].text_frame.paragraphs[0].runs[0]
    assert run.text == BODY and run.font.name == NEW_FONT


def test_symbol_text_in_a_symbol_font_is_left_alone(tmp_path: Path) -> None:
    source = _symbol_deck(tmp_path, LSWIN_FONT, "Wingdings")
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    assert report.status == "unchanged"
    assert _members(output) == _members(source)


def test_unknown_font_reported_not_converted(tmp_path: Path) -> None:
    assert font_encoding(UNKNOWN_FONT) is None

    def build(presentation: PresentationType) -> None:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        _textbox(slide, lswin(BODY), UNKNOWN_FONT)
        _textbox(slide, lswin(MOTTO), UNKNOWN_FONT)

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    assert report.status == "unchanged" and report.runs == 0
    assert UNKNOWN_FONT in report.suspect_fonts
    assert _members(output) == _members(source)


# -- SmartArt -------------------------------------------------------------------------------------

_DATA = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="{A}">
<dgm:ptLst><dgm:pt modelId="{{1}}" type="doc"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>
<a:p><a:r><a:rPr lang="en-US"><a:latin typeface="{LSWIN_FONT}"/></a:rPr><a:t>{lswin(BODY)}</a:t></a:r></a:p>
<a:p><a:r><a:rPr lang="en-US"/><a:t>English point</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst>
</dgm:dataModel>"""

_DRAWING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<dsp:drawing xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:a="{A}"><dsp:spTree>
<dsp:sp modelId="{{2}}"><dsp:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US">
<a:latin typeface="{LSWIN_FONT}"/></a:rPr><a:t>{lswin(BODY)}</a:t></a:r></a:p></dsp:txBody></dsp:sp>
</dsp:spTree></dsp:drawing>"""


def test_smartart_text(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        presentation.slides.add_slide(presentation.slide_layouts[6])

    built = _deck(tmp_path / "built.pptx", build)
    source = tmp_path / "in.pptx"
    with zipfile.ZipFile(built) as old, zipfile.ZipFile(source, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "ppt/slides/_rels/slide1.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/diagramData" Target="../diagrams/data1.xml"/><Relationship Id="rId10" '
                    b'Type="http://schemas.microsoft.com/office/2007/relationships/diagramDrawing" '
                    b'Target="../diagrams/drawing1.xml"/></Relationships>',
                )
            new.writestr(name, data)
        new.writestr("ppt/diagrams/data1.xml", _DATA)
        new.writestr("ppt/diagrams/drawing1.xml", _DRAWING)
    output = tmp_path / "out.pptx"
    report = _convert(source, output)
    assert report.runs == 2
    after = _members(output)
    for name in ("ppt/diagrams/data1.xml", "ppt/diagrams/drawing1.xml"):
        root = etree.fromstring(after[name])
        texts = [t.text for t in root.iter(qn("a:t"))]
        assert texts[0] == BODY
        assert root.find(f".//{{{A}}}latin").get("typeface") == NEW_FONT
    assert _run_xml(after["ppt/diagrams/data1.xml"], "English point") == _run_xml(
        _DATA.encode(), "English point"
    )


# -- masters --------------------------------------------------------------------------------------


def test_text_on_the_master(tmp_path: Path) -> None:
    def build(presentation: PresentationType) -> None:
        master = presentation.slide_master
        box = master.shapes._spTree
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        shape = _textbox(slide, lswin(FOOTER), LSWIN_FONT)._element
        box.append(shape)  # moved from the slide to the master

    source = _deck(tmp_path / "in.pptx", build)
    output = tmp_path / "out.pptx"
    _convert(source, output)
    master = Presentation(str(output)).slide_master
    texts = [shape.text_frame.text for shape in master.shapes if shape.has_text_frame]
    assert FOOTER in texts
    before, after = _members(source), _members(output)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"ppt/slideMasters/slideMaster1.xml"}


# -- broken input ---------------------------------------------------------------------------------


def test_malformed_slide(tmp_path: Path) -> None:
    built = tmp_path / "built.pptx"
    build_example(built)
    source = tmp_path / "broken.pptx"
    _rewrite(built, source, {"ppt/slides/slide2.xml": lambda data: data[: len(data) // 2]})
    with pytest.raises(DocumentError) as caught, open(tmp_path / "out.pptx", "wb") as target:
        convert(source, target, Tally(ConvertOptions()))
    assert caught.value.path == str(source) and caught.value.part == "ppt/slides/slide2.xml"


def test_not_a_presentation(tmp_path: Path) -> None:
    text = tmp_path / "notes.pptx"
    text.write_text("just text")
    other = tmp_path / "other.pptx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w:document xmlns:w='urn:w'/>")
    for source in (text, other):
        with pytest.raises(DocumentError), open(tmp_path / "out.pptx", "wb") as target:
            convert(source, target, Tally(ConvertOptions()))
