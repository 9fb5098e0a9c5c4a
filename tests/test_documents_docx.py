"""Converting Word documents: legacy Lao runs become Unicode in Phetsarath OT, everything else stays."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx as python_docx
import pytest
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
    MINISTRY,
    MOTTO,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    lswin,
)
from docbuild.docx import (
    STYLES,
    build_example,
    paragraph,
    run,
    styles_xml,
    text_box,
    theme,
    write_docx,
)

from laotext.documents.docx import convert
from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.errors import DocumentError
from laotext.legacy import encode_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NEW_FONT = "Phetsarath OT"
RPR_ORDER = [
    *(
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
    ),
    *("emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern"),
    *(
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
    ),
    *("em", "lang", "eastAsianLayout", "specVanish", "oMath"),
]


def _convert(source: Path, **options: object) -> tuple[Path, FileReport]:
    target = source.with_name(source.stem + "-unicode.docx")
    tally = Tally(ConvertOptions(**options))  # type: ignore[arg-type]
    with open(target, "wb") as stream:
        convert(source, stream, tally)
    return target, tally.report(str(source), str(target), "docx")


def _member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def _root(path: Path, name: str = "word/document.xml") -> ElementTree.Element:
    return ElementTree.fromstring(_member(path, name))


def _runs(path: Path, name: str = "word/document.xml") -> list[tuple[str, ElementTree.Element]]:
    """(text of the run's w:t and w:delText, the run) for every run of part *name*."""
    return [
        ("".join(t.text or "" for t in r if t.tag in (f"{W}t", f"{W}delText")), r)
        for r in _root(path, name).iter(f"{W}r")
    ]


def _run_with(path: Path, text: str, name: str = "word/document.xml") -> ElementTree.Element:
    found = [r for run_text, r in _runs(path, name) if run_text == text]
    assert len(found) == 1, f"{text!r} in {[t for t, _ in _runs(path, name)]}"
    return found[0]


def _fonts(r: ElementTree.Element) -> dict[str, str]:
    fonts = r.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None
    return {key.removeprefix(W): value for key, value in fonts.attrib.items()}


def _rpr_names(r: ElementTree.Element) -> list[str]:
    rpr = r.find(f"{W}rPr")
    return [child.tag.removeprefix(W) for child in (rpr if rpr is not None else [])]


def _raw_runs(xml: bytes, text: str) -> list[str]:
    """The source of the runs (``<w:r>…</w:r>``, not nested) whose XML contains *text*."""
    return [raw for raw in re.findall(r"<w:r>.*?</w:r>", xml.decode("utf-8")) if text in raw]


def _symbol_form(text: str) -> str:
    """*text* typed in a symbol-charset legacy font: each LSWin code at U+F000 + code."""
    return "".join(chr(0xF000 + code) for code in encode_bytes(text, "lswin"))


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, FileReport]:
    source = tmp_path_factory.mktemp("docx") / "letter.docx"
    build_example(source)
    target, report = _convert(source)
    return source, target, report


# -- the example letter ---------------------------------------------------------------------------


def test_every_text_comes_out_where_it_was(example: tuple[Path, Path, FileReport]) -> None:
    _, target, report = example
    document = python_docx.Document(str(target))
    assert [p.text for p in document.paragraphs if p.text] == [
        TITLE,
        MOTTO,
        MINISTRY,
        SUBJECT,
        BODY,
        f"{BOLD} {ITALIC}",
        ENGLISH,
        KEYBOARD,
        UNICODE,
    ]
    assert tuple(tuple(cell.text for cell in row.cells) for row in document.tables[0].rows) == TABLE
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == [HEADER]
    assert [p.text for p in section.footer.paragraphs] == [FOOTER]
    notes = {note.get(f"{W}id"): note for note in _root(target, "word/footnotes.xml").iter(f"{W}footnote")}
    assert "".join(t.text or "" for t in notes["1"].iter(f"{W}t")).strip() == FOOTNOTE
    assert report.status == "converted"
    assert report.legacy_fonts == {LSWIN_FONT: "lswin", KEYBOARD_FONT: "keyboard"}
    assert report.suspect_fonts == {} and report.unknown_codes == 0


def test_english_and_unicode_runs_are_byte_identical(example: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = example
    before, after = _member(source, "word/document.xml"), _member(target, "word/document.xml")
    for text in (ENGLISH, UNICODE):
        raw = _raw_runs(before, text)
        assert len(raw) == 1 and _raw_runs(after, text) == raw
    assert _fonts(_run_with(target, UNICODE)) == {"ascii": UNICODE_FONT, "hAnsi": UNICODE_FONT}
    assert _fonts(_run_with(target, ENGLISH)) == {"ascii": ENGLISH_FONT, "hAnsi": ENGLISH_FONT}


def test_converted_runs_get_the_new_font_and_keep_bold_italic_size_colour(
    example: tuple[Path, Path, FileReport],
) -> None:
    _, target, _ = example
    new_fonts = {"ascii": NEW_FONT, "hAnsi": NEW_FONT, "cs": NEW_FONT}
    title = _run_with(target, TITLE)
    assert _fonts(title) == new_fonts
    assert _rpr_names(title) == ["rFonts", "b", "bCs", "sz", "szCs"]
    assert title.find(f"{W}rPr/{W}szCs").get(f"{W}val") == "32"  # type: ignore[union-attr]
    bold = _run_with(target, BOLD)
    assert _rpr_names(bold) == ["rFonts", "b", "bCs", "color"]
    assert bold.find(f"{W}rPr/{W}color").get(f"{W}val") == "C00000"  # type: ignore[union-attr]
    italic = _run_with(target, ITALIC)
    assert _fonts(italic) == new_fonts and _rpr_names(italic) == ["rFonts", "i", "iCs"]
    subject = _run_with(target, SUBJECT)
    assert subject.find(f"{W}rPr/{W}color").get(f"{W}val") == "1F3864"  # type: ignore[union-attr]
    assert _fonts(_run_with(target, KEYBOARD)) == new_fonts
    for text, r in _runs(target):
        if text.strip() and r.find(f"{W}rPr/{W}rFonts") is not None and _fonts(r).get("cs") == NEW_FONT:
            names = _rpr_names(r)
            assert names == sorted(names, key=RPR_ORDER.index), names


def test_style_inherited_legacy_font_is_converted_on_the_run(example: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = example
    motto = _run_with(target, MOTTO)
    assert _fonts(motto) == {"ascii": NEW_FONT, "hAnsi": NEW_FONT, "cs": NEW_FONT}
    assert next(iter(motto)).tag == f"{W}rPr"
    assert _member(target, "word/styles.xml") == _member(source, "word/styles.xml")  # the style is untouched


def test_members_without_legacy_text_are_copied_byte_for_byte(example: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = example
    assert python_docx.Document(str(source)).paragraphs[0].text == lswin(TITLE)  # the input opens too
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(target) as after:
        assert after.namelist() == before.namelist()
        changed = {name for name in before.namelist() if before.read(name) != after.read(name)}
        assert after.read("word/media/image1.png") == before.read("word/media/image1.png")
    assert changed == {"word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"}


def test_converting_again_changes_nothing(example: tuple[Path, Path, FileReport]) -> None:
    _, target, _ = example
    again, report = _convert(target)
    assert report.status == "unchanged" and report.runs == 0
    with zipfile.ZipFile(target) as first, zipfile.ZipFile(again) as second:
        assert all(first.read(name) == second.read(name) for name in first.namelist())


def test_field_result_is_converted_and_its_instruction_kept(example: tuple[Path, Path, FileReport]) -> None:
    source, target, _ = example
    instructions = [t.text for t in _root(target, "word/footer1.xml").iter(f"{W}instrText")]
    assert instructions == [" PAGE "]
    assert _member(source, "word/footer1.xml").count(b"fldChar") == _member(target, "word/footer1.xml").count(
        b"fldChar"
    )


# -- single cases ---------------------------------------------------------------------------------


def test_theme_fonts_are_resolved(tmp_path: Path) -> None:
    source = tmp_path / "theme.docx"
    heading = (
        '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi" w:hint="cs"/>'
        "<w:b/>"
    )
    write_docx(
        source,
        paragraph(run(lswin(TITLE), rpr=heading))
        + paragraph(run(ENGLISH, rpr='<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>'))
        + paragraph(run(lswin(BODY))),  # docDefaults: minorHAnsi
        theme_xml=theme(minor="Calibri", major=LSWIN_FONT),
    )
    target, report = _convert(source)
    title = _run_with(target, TITLE)
    assert _fonts(title) == {"ascii": NEW_FONT, "hAnsi": NEW_FONT, "cs": NEW_FONT}
    assert _rpr_names(title) == ["rFonts", "b", "bCs"]
    assert _run_with(target, lswin(BODY)) is not None  # the minor (Calibri) text is left alone
    assert _raw_runs(_member(target, "word/document.xml"), ENGLISH) == _raw_runs(
        _member(source, "word/document.xml"), ENGLISH
    )
    assert report.runs == 1


def test_theme_font_in_document_defaults(tmp_path: Path) -> None:
    source = tmp_path / "defaults.docx"
    write_docx(source, paragraph(run(lswin(BODY))), theme_xml=theme(minor=LSWIN_FONT))
    target, _ = _convert(source)
    assert _fonts(_run_with(target, BODY)) == {"ascii": NEW_FONT, "hAnsi": NEW_FONT, "cs": NEW_FONT}


def test_character_style_font_and_style_size(tmp_path: Path) -> None:
    legacy_style = (
        '<w:style w:type="character" w:customStyle="1" w:styleId="LaoChar"><w:name w:val="Lao Char"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/>'
        f'<w:rPr><w:rFonts w:ascii="{LSWIN_FONT}" w:hAnsi="{LSWIN_FONT}"/>'
        '<w:sz w:val="30"/></w:rPr></w:style>'
    )
    source = tmp_path / "charstyle.docx"
    write_docx(
        source, paragraph(run(lswin(MOTTO), style="LaoChar", bold=True)), styles=styles_xml(legacy_style)
    )
    target, _ = _convert(source)
    motto = _run_with(target, MOTTO)
    assert _rpr_names(motto) == ["rStyle", "rFonts", "b", "bCs", "szCs"]
    assert motto.find(f"{W}rPr/{W}szCs").get(f"{W}val") == "30"  # type: ignore[union-attr]
    assert _member(target, "word/styles.xml") == _member(source, "word/styles.xml")


def test_symbol_elements_in_a_legacy_font_become_text(tmp_path: Path) -> None:
    code = encode_bytes("ກ", "lswin")[0]
    source = tmp_path / "sym.docx"
    write_docx(
        source,
        paragraph(
            f'<w:r><w:sym w:font="{LSWIN_FONT}" w:char="F0{code:02X}"/></w:r>',
            '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
        ),
    )
    target, report = _convert(source)
    runs = list(_root(target).iter(f"{W}r"))
    assert [t.text for t in runs[0].iter(f"{W}t")] == ["ກ"] and runs[0].find(f"{W}sym") is None
    assert _fonts(runs[0])["hAnsi"] == NEW_FONT
    assert runs[1].find(f"{W}sym") is not None and runs[1].find(f"{W}rPr") is None
    assert report.runs == 1


def test_soft_hyphen_elements_in_a_legacy_run_are_the_letter_no(tmp_path: Path) -> None:
    # Word writes U+00AD (LSWin code 0xAD, the letter ນ) as <w:softHyphen/>, splitting the text.
    legacy = lswin("ນ້ຳປະປາ ແລະ ການເງິນ")
    pieces = legacy.split("\xad")
    assert len(pieces) == 4  # three ນ
    inner = "<w:softHyphen/>".join(
        f'<w:t xml:space="preserve">{piece}</w:t>' if piece else "" for piece in pieces
    )
    english = "<w:r><w:softHyphen/><w:t>co-operate</w:t></w:r>"
    source = tmp_path / "soft.docx"
    rpr = f'<w:rPr><w:rFonts w:ascii="{LSWIN_FONT}" w:hAnsi="{LSWIN_FONT}"/></w:rPr>'
    write_docx(source, paragraph(f"<w:r>{rpr}{inner}</w:r>", english))
    target, report = _convert(source)
    assert python_docx.Document(str(target)).paragraphs[0].text.startswith("ນ້ຳປະປາ ແລະ ການເງິນ")
    runs = list(_root(target).iter(f"{W}r"))
    assert runs[0].find(f"{W}softHyphen") is None and runs[1].find(f"{W}softHyphen") is not None
    assert report.runs == 1


def test_symbol_form_text_is_converted(tmp_path: Path) -> None:
    source = tmp_path / "symbolform.docx"
    write_docx(source, paragraph(run(_symbol_form(BOLD), LSWIN_FONT, bold=True)))
    target, _ = _convert(source)
    assert python_docx.Document(str(target)).paragraphs[0].text == BOLD


def test_text_boxes_in_both_alternate_content_branches(tmp_path: Path) -> None:
    source = tmp_path / "textbox.docx"
    write_docx(
        source,
        paragraph(text_box(paragraph(run(lswin(MOTTO), LSWIN_FONT)) + paragraph(run(ENGLISH, ENGLISH_FONT)))),
    )
    target, report = _convert(source)
    boxes = list(_root(target).iter(f"{W}txbxContent"))
    assert len(boxes) == 2  # mc:Choice and mc:Fallback
    for box in boxes:
        assert ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in box.iter(f"{W}p")] == [MOTTO, ENGLISH]
    assert report.legacy_fonts == {LSWIN_FONT: "lswin"}


def test_tracked_deletions_insertions_and_hyperlinks(tmp_path: Path) -> None:
    source = tmp_path / "tracked.docx"
    attributes = 'w:id="1" w:author="Editor" w:date="2010-03-15T09:00:00Z"'
    write_docx(
        source,
        paragraph(
            f"<w:del {attributes}>{run(lswin(BOLD), LSWIN_FONT, tag='w:delText')}</w:del>",
            f"<w:ins {attributes.replace('1', '2', 1)}>{run(lswin(ITALIC), LSWIN_FONT)}</w:ins>",
            f'<w:hyperlink w:anchor="top">{run(lswin(HEADER), LSWIN_FONT)}</w:hyperlink>',
        ),
    )
    target, report = _convert(source)
    assert [t.text for t in _root(target).iter(f"{W}delText")] == [BOLD]
    assert [t.text for t in _root(target).iter(f"{W}t")] == [ITALIC, HEADER]
    assert report.runs == 3


def test_parts_found_by_name_are_converted(tmp_path: Path) -> None:
    namespaces = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    comments = (
        f'<w:comments {namespaces}><w:comment w:id="0" w:author="A">'
        f"{paragraph(run(lswin(FOOTNOTE), LSWIN_FONT))}</w:comment></w:comments>"
    )
    endnotes = (
        f'<w:endnotes {namespaces}><w:endnote w:id="1">{paragraph(run(lswin(SUBJECT), LSWIN_FONT))}'
        "</w:endnote></w:endnotes>"
    )
    source = tmp_path / "parts.docx"
    write_docx(
        source,
        paragraph(run(ENGLISH, ENGLISH_FONT)),
        header=paragraph(run(ENGLISH, ENGLISH_FONT)),
        extra={"word/comments.xml": comments, "word/endnotes.xml": endnotes},
    )
    target, report = _convert(source)
    assert [t for t, _ in _runs(target, "word/comments.xml")] == [FOOTNOTE]
    assert [t for t, _ in _runs(target, "word/endnotes.xml")] == [SUBJECT]
    for name in ("word/document.xml", "word/header1.xml"):  # nothing legacy there: not rewritten
        assert _member(target, name) == _member(source, name)
    assert report.runs == 2


def test_run_size_differing_from_the_style_size_twin_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "size.docx"
    write_docx(source, paragraph(run(lswin(FOOTNOTE), LSWIN_FONT, size=18), style="FootnoteText"))
    target, _ = _convert(source)
    note = _run_with(target, FOOTNOTE)
    assert note.find(f"{W}rPr/{W}szCs").get(f"{W}val") == "18"  # type: ignore[union-attr]  # style says 20


def test_unknown_font_that_reads_as_legacy_lao_is_reported_not_converted(tmp_path: Path) -> None:
    source = tmp_path / "unknown.docx"
    write_docx(
        source, paragraph(run(lswin(BODY), "Lao Old Type")) + paragraph(run(lswin(MOTTO), "Lao Old Type"))
    )
    target, report = _convert(source)
    assert report.status == "unchanged" and report.runs == 0
    assert "Lao Old Type" in report.suspect_fonts
    assert _member(target, "word/document.xml") == _member(source, "word/document.xml")


def test_font_map_converts_an_unknown_font(tmp_path: Path) -> None:
    source = tmp_path / "mapped.docx"
    write_docx(source, paragraph(run(lswin(BODY), "Lao Old Type")))
    target, report = _convert(source, font_map={"Lao Old Type": "lswin"}, font="Saysettha OT")
    assert _run_with(target, BODY) is not None and report.legacy_fonts == {"Lao Old Type": "lswin"}
    assert _fonts(_run_with(target, BODY)) == {
        "ascii": "Saysettha OT",
        "hAnsi": "Saysettha OT",
        "cs": "Saysettha OT",
    }


@pytest.mark.parametrize(
    "damage",
    ["truncated document.xml", "mismatched tags", "no document part", "not a zip", "entity declaration"],
)
def test_broken_documents_raise_document_error(tmp_path: Path, damage: str) -> None:
    source = tmp_path / "broken.docx"
    build_example(source)
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = members["word/document.xml"]
    if damage == "truncated document.xml":
        members["word/document.xml"] = document[: len(document) // 2]
    elif damage == "mismatched tags":
        members["word/document.xml"] = document.replace(b"</w:body>", b"</w:bdy>")
    elif damage == "no document part":
        del members["word/document.xml"]
    elif damage == "entity declaration":
        members["word/document.xml"] = document.replace(
            b"<w:document", b'<!DOCTYPE d [<!ENTITY x "y">]><w:document', 1
        )
    if damage == "not a zip":
        source.write_bytes(b"PK\x03\x04 this is not really a zip file")
    else:
        with zipfile.ZipFile(source, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    with pytest.raises(DocumentError) as caught:
        _convert(source)
    assert str(source) in str(caught.value)


def test_styles_without_a_default_and_missing_parts_still_convert(tmp_path: Path) -> None:
    source = tmp_path / "bare.docx"
    write_docx(source, paragraph(run(lswin(TITLE), LSWIN_FONT), style="NoSuchStyle"), styles=STYLES)
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist() if "theme" not in name}
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    target, report = _convert(source)
    assert [text for text, _ in _runs(target)] == [TITLE] and report.runs == 1


def test_parts_found_by_relationship_whatever_their_name(tmp_path: Path) -> None:
    source = tmp_path / "renamed.docx"
    write_docx(
        source, paragraph(run(ENGLISH, ENGLISH_FONT)), header=paragraph(run(lswin(HEADER), LSWIN_FONT))
    )
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/page-top.xml"] = members.pop("word/header1.xml")
    for name in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
        members[name] = members[name].replace(b"header1.xml", b"page-top.xml")
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    target, _ = _convert(source)
    assert [p.text for p in python_docx.Document(str(target)).sections[0].header.paragraphs] == [HEADER]


def test_unicode_lao_typed_with_a_legacy_font_name_is_left_alone(tmp_path: Path) -> None:
    # Word shows Unicode Lao in the complex-script font, whatever w:ascii and w:hAnsi say.
    source = tmp_path / "mislabelled.docx"
    write_docx(source, paragraph(run(UNICODE, LSWIN_FONT)) + paragraph(run(lswin(BODY), LSWIN_FONT)))
    target, report = _convert(source)
    before, after = _member(source, "word/document.xml"), _member(target, "word/document.xml")
    assert _raw_runs(after, UNICODE) == _raw_runs(before, UNICODE)
    assert [text for text, _ in _runs(target)] == [UNICODE, BODY] and report.runs == 1
