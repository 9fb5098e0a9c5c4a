"""Build an example PowerPoint presentation typed in legacy Lao fonts (python-pptx, default template).

Slide 1 (Title Slide layout): the TITLE (bold) and the MOTTO in Saysettha Lao, and a footer
placeholder holding the FOOTER. Slide 2 (Title and Content): the SUBJECT as title; in the body
one paragraph each for BODY, BOLD (bold, 28 pt, dark red), ITALIC (italic), ENGLISH (Times New
Roman), KEYBOARD (Boupha) and UNICODE (Phetsarath OT); its speaker notes hold the FOOTNOTE.
Slide 3 (Title Only): the MINISTRY as title, the TABLE as a real table (``a:tbl``) and the PNG.
"""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Inches, Pt

from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    ENGLISH_FONT,
    FOOTER,
    FOOTNOTE,
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

__all__ = ["build_example"]


def _run(paragraph: _Paragraph, text: str, font: str, *, bold: bool = False, italic: bool = False) -> None:
    """Add a run of *text* in *font*, written as PowerPoint writes a font (latin and cs typefaces)."""
    run = paragraph.add_run()
    run.text = text
    run.font.name = font
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", "en-US")
    latin = rpr.find(qn("a:latin"))
    latin.set("pitchFamily", "2")
    latin.set("charset", "0")
    cs = rpr.makeelement(qn("a:cs"), {"typeface": font, "pitchFamily": "2", "charset": "0"})
    latin.addnext(cs)


def _fill(frame: TextFrame, text: str, font: str, *, bold: bool = False) -> None:
    frame.clear()
    _run(frame.paragraphs[0], text, font, bold=bold)


def _add_footer(slide: Slide, text: str) -> None:
    for placeholder in slide.slide_layout.placeholders:
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.FOOTER:
            slide.shapes.clone_placeholder(placeholder)
            _fill(slide.placeholders[placeholder.placeholder_format.idx].text_frame, text, LSWIN_FONT)
            return
    raise AssertionError("the layout has no footer placeholder")


def build_example(path: Path) -> None:
    """Write the example legacy-font presentation to *path*."""
    presentation = Presentation()

    first = presentation.slides.add_slide(presentation.slide_layouts[0])
    _fill(first.shapes.title.text_frame, lswin(TITLE), LSWIN_FONT, bold=True)
    _fill(first.placeholders[1].text_frame, lswin(MOTTO), LSWIN_FONT)
    _add_footer(first, lswin(FOOTER))

    second = presentation.slides.add_slide(presentation.slide_layouts[1])
    _fill(second.shapes.title.text_frame, lswin(SUBJECT), LSWIN_FONT)
    body = second.placeholders[1].text_frame
    body.clear()
    _run(body.paragraphs[0], lswin(BODY), LSWIN_FONT)
    _run(body.add_paragraph(), lswin(BOLD), LSWIN_FONT, bold=True)
    bold_run = body.paragraphs[1].runs[0]
    bold_run.font.size = Pt(28)
    bold_run.font.color.rgb = RGBColor(0x99, 0x00, 0x00)
    _run(body.add_paragraph(), lswin(ITALIC), LSWIN_FONT, italic=True)
    _run(body.add_paragraph(), ENGLISH, ENGLISH_FONT)
    _run(body.add_paragraph(), keyboard(KEYBOARD), KEYBOARD_FONT)
    _run(body.add_paragraph(), UNICODE, UNICODE_FONT)
    notes = second.notes_slide.notes_text_frame
    assert notes is not None
    _fill(notes, lswin(FOOTNOTE), LSWIN_FONT)

    third = presentation.slides.add_slide(presentation.slide_layouts[5])
    _fill(third.shapes.title.text_frame, lswin(MINISTRY), LSWIN_FONT)
    rows, columns = len(TABLE), len(TABLE[0])
    table = third.shapes.add_table(rows, columns, Inches(0.5), Inches(1.8), Inches(9), Inches(2)).table
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            _fill(table.cell(r, c).text_frame, lswin(text), LSWIN_FONT, bold=r == 0)
    third.shapes.add_picture(io.BytesIO(PNG), Inches(4), Inches(4.5), Inches(1), Inches(1))

    presentation.save(str(path))
