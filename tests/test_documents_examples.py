"""The bundled example documents (docs/examples/documents) convert to the hand-written Lao they encode.

Each example was built by scripts/make_document_examples.py from the Unicode sentences in
tests/docbuild: the expected text is those sentences, not anything the converter produced. The
outputs are read back format by format, and, when LibreOffice is installed, opened by LibreOffice
and saved as OpenDocument, whose text must hold the same sentences in the new font.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    FOOTER,
    HEADER,
    ITALIC,
    KEYBOARD,
    MOTTO,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    keyboard,
    lswin,
)
from docbuild.odf import SHEET
from docbuild.text import expected_csv_rows, expected_text

from laotext.documents import FORMATS, convert_all, convert_document
from laotext.documents.office import soffice_command
from laotext.documents.text import decode_text

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples" / "documents"
#: Sentences every example holds (the CSV holds the table only; it is checked on its own).
EVERYWHERE = (TITLE, MOTTO, SUBJECT, BODY, BOLD, ITALIC, ENGLISH, KEYBOARD, UNICODE)
#: What the examples that do not hold every sentence hold (see their builders).
EXPECTED = {
    "letter.txt": (TITLE, MOTTO, SUBJECT, BODY, BOLD, ITALIC, ENGLISH, KEYBOARD),  # no fonts: no Unicode run
    "budget.ods": (
        SHEET,
        *TABLE[0],
        TABLE[1][1],
        TABLE[2][1],
        ITALIC,
        ENGLISH,
        KEYBOARD,
        UNICODE,
        HEADER,
        FOOTER,
    ),
}
FILES = sorted(path.name for path in EXAMPLES.iterdir() if path.suffix != ".md") if EXAMPLES.is_dir() else []


_TEXT_ELEMENTS = ("t", "p", "h", "span", "a", "delText", "oddHeader", "oddFooter")


def _zip_text(path: Path) -> str:
    """Every text node of every XML part, paragraphs on their own lines."""
    pieces: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            root = ElementTree.fromstring(archive.read(name))
            for element in root.iter():
                local = element.tag.rsplit("}", 1)[-1]
                if (
                    local in ("p", "h", "si", "sheet", "table")
                    or local.endswith("Header")
                    or local.endswith("Footer")
                ):
                    pieces.append("\n")
                if element.text and local in (
                    "t",
                    "p",
                    "h",
                    "span",
                    "a",
                    "delText",
                    "oddHeader",
                    "oddFooter",
                ):
                    pieces.append(element.text)
                if element.tail and element.tail.strip():
                    pieces.append(element.tail)
                if local in ("sheet", "table"):
                    pieces.append(
                        element.get(next((k for k in element.attrib if k.endswith("name")), ""), "")
                    )
    return "".join(pieces)


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def _html_text(path: Path) -> str:
    reader = _HtmlText()
    reader.feed(decode_text(path.read_bytes())[0])  # the legacy original is cp1252
    return "".join(reader.pieces)


def _rtf_text(path: Path) -> str:
    """The characters of \\uN escapes and plain text of an RTF file (control words dropped)."""
    data = path.read_bytes().decode("latin-1")
    data = re.sub(r"\\u(-?\d+) ?(?:\\'[0-9a-fA-F]{2}|\?)?", lambda m: chr(int(m.group(1)) % 65536), data)
    return re.sub(r"\\[a-z]+-?\d* ?|[{}]", "", data)


def _text_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv"):
        return decode_text(path.read_bytes())[0]  # (CSV is also checked cell by cell)
    if suffix in (".html", ".htm"):
        return _html_text(path)
    if suffix == ".rtf":
        return _rtf_text(path)
    return _zip_text(path)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_there_is_an_example_of_every_format() -> None:
    suffixes = {Path(name).suffix for name in FILES}
    for fmt in FORMATS.values():
        if fmt.via is None:  # old binary formats need LibreOffice to be made
            assert suffixes & set(fmt.suffixes), f"no example for {fmt.name}"


@pytest.mark.parametrize("name", FILES)
def test_example_converts_to_the_hand_written_text(name: str, tmp_path: Path) -> None:
    source = EXAMPLES / name
    target = tmp_path / name
    report = convert_document(source, target)
    assert report.status == "converted", report.error
    assert report.unknown_codes == 0 and not report.suspect_fonts, report
    text = _squeeze(_text_of(target))
    if name.endswith(".txt"):
        assert target.read_bytes().decode() == expected_text()
    if name.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
        assert rows == expected_csv_rows()
        return
    for sentence in EXPECTED.get(name, EVERYWHERE):
        assert _squeeze(sentence) in text, f"{sentence!r} missing from {name}"
    before = _squeeze(_text_of(source))
    assert _squeeze(lswin(BODY)) not in text and _squeeze(keyboard(KEYBOARD)) not in text
    assert _squeeze(ENGLISH) in before  # English was there and is still there, unchanged


@pytest.mark.parametrize("name", FILES)
def test_a_converted_example_is_left_as_it_is(name: str, tmp_path: Path) -> None:
    first = tmp_path / "first" / name
    convert_document(EXAMPLES / name, first)
    second = convert_document(first, tmp_path / "second" / name)
    assert second.status == "unchanged" and second.runs == 0
    assert (tmp_path / "second" / name).read_bytes() == first.read_bytes()


def test_the_whole_folder_converts_in_one_batch(tmp_path: Path) -> None:
    batch = convert_all([EXAMPLES], tmp_path / "out", jobs=2)
    assert batch.ok and batch.counts().get("converted") == len(FILES)


ODF_TARGET = {".docx": "odt", ".rtf": "odt", ".odt": "odt", ".xlsx": "ods", ".ods": "ods", ".pptx": "odp"}


@pytest.mark.skipif(soffice_command() is None, reason="LibreOffice is not installed (CI installs it)")
def test_libreoffice_opens_every_converted_example(tmp_path: Path) -> None:
    converted = tmp_path / "converted"
    assert convert_all([EXAMPLES], converted).ok
    program = soffice_command()
    assert program is not None
    by_target: dict[str, list[Path]] = {}
    staged = tmp_path / "staged"
    staged.mkdir()
    for path in sorted(converted.iterdir()):
        if path.suffix in ODF_TARGET:  # one stem per file: LibreOffice names its outputs by stem
            copy = staged / f"{path.stem}-{path.suffix[1:]}{path.suffix}"
            shutil.copyfile(path, copy)
            by_target.setdefault(ODF_TARGET[path.suffix], []).append(copy)
    assert sum(map(len, by_target.values())) == 6
    for target, paths in by_target.items():
        out = tmp_path / "reopened" / target
        profile = (tmp_path / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
        ]
        subprocess.run(
            [*command, "--outdir", str(out), *map(str, paths)], check=True, capture_output=True, timeout=300
        )
        for path in paths:
            reopened = out / f"{path.stem}.{target}"
            assert reopened.is_file(), f"LibreOffice could not open {path.name}"
            text = _squeeze(_zip_text(reopened))
            original = path.name.replace(f"-{path.suffix[1:]}", "")
            for sentence in EXPECTED.get(original, EVERYWHERE):
                assert _squeeze(sentence) in text, f"{sentence!r} missing once LibreOffice opened {path.name}"
            with zipfile.ZipFile(reopened) as archive:
                fonts = archive.read("content.xml") + archive.read("styles.xml")
            assert b"Phetsarath OT" in fonts, path.name


def test_libreoffice_is_used_for_old_word_files(tmp_path: Path) -> None:
    if soffice_command() is None or shutil.which(soffice_command() or "") is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    program = soffice_command()
    assert program is not None
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            str(tmp_path),
            str(EXAMPLES / "letter.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    report = convert_document(tmp_path / "letter.doc", tmp_path / "out" / "letter.docx")
    assert report.status == "converted", report.error
    text = _squeeze(_zip_text(tmp_path / "out" / "letter.docx"))
    for sentence in (TITLE, BODY, ENGLISH):
        assert _squeeze(sentence) in text
