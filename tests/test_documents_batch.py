"""Converting documents one by one and in batches: text and CSV files, atomic writes, no overwrites."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner
from docbuild import BODY, ENGLISH, KEYBOARD, MOTTO, SUBJECT, TITLE, keyboard, lswin

from laotext.cli.main import cli
from laotext.documents import ConvertOptions, Tally, convert_all, convert_document, output_name, plan
from laotext.documents.formats import FORMATS, DocumentFormat
from laotext.errors import DocumentError
from laotext.legacy import encode_bytes


def _lswin_bytes(text: str) -> bytes:
    return encode_bytes(text, "lswin")


# -- plain text and CSV --------------------------------------------------------------------------


def test_legacy_text_file_becomes_utf8_with_line_ends_and_english_kept(tmp_path: Path) -> None:
    source = tmp_path / "old.txt"
    source.write_bytes(_lswin_bytes(f"{TITLE}\r\n{SUBJECT}\r\n") + ENGLISH.encode() + b"\r\n")
    report = convert_document(source, tmp_path / "new.txt")
    assert report.status == "converted"
    assert (tmp_path / "new.txt").read_bytes() == f"{TITLE}\r\n{SUBJECT}\r\n{ENGLISH}\r\n".encode()
    assert report.runs == 2 and report.legacy_fonts == {"(plain text)": "lswin"}


def test_each_paragraph_gets_its_own_encoding(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    typed = keyboard(f"{KEYBOARD} {MOTTO}")
    source.write_bytes(_lswin_bytes(f"{BODY}\n{MOTTO}\n") + b"\n" + typed.encode("ascii") + b"\n")
    convert_document(source, tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == f"{BODY}\n{MOTTO}\n\n{KEYBOARD} {MOTTO}\n"


def test_unicode_text_is_copied_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "new.txt"
    source.write_bytes(f"{TITLE}\n{ENGLISH}\n".encode())
    report = convert_document(source, tmp_path / "out.txt")
    assert report.status == "unchanged" and report.runs == 0
    assert (tmp_path / "out.txt").read_bytes() == source.read_bytes()


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16"])
def test_legacy_characters_saved_as_unicode_text_are_converted(tmp_path: Path, codec: str) -> None:
    source = tmp_path / "resaved.txt"
    source.write_bytes(lswin(f"{TITLE}\n{BODY}\n").encode(codec))
    convert_document(source, tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8-sig") == f"{TITLE}\n{BODY}\n"


def test_csv_cells_are_converted_one_by_one_and_quoting_kept(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    rows = [["ID", "Name", "Office"], ["1", lswin(SUBJECT), "Ref. 12, 2010"], ["2", lswin(TITLE), "x"]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    source.write_bytes(buffer.getvalue().encode("cp1252"))
    report = convert_document(source, tmp_path / "out.csv")
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    got = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert got == [["ID", "Name", "Office"], ["1", SUBJECT, "Ref. 12, 2010"], ["2", TITLE, "x"]]
    assert report.runs == 2


def test_keyboard_font_csv_keeps_its_delimiters(tmp_path: Path) -> None:
    typed = keyboard(KEYBOARD)  # holds ',' ';' and quote keys, which are Lao letters in this font
    source = tmp_path / "kb.csv"
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[typed, keyboard(MOTTO)], ["Total", "15"]])
    source.write_text(buffer.getvalue(), encoding="ascii")
    convert_document(source, tmp_path / "out.csv")
    got = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert got == [[KEYBOARD, MOTTO], ["Total", "15"]]


# -- one document --------------------------------------------------------------------------------


def test_the_input_is_never_the_output(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(_lswin_bytes(TITLE))
    report = convert_document(source, tmp_path / "." / "a.txt", overwrite=True)
    assert report.status == "failed" and "overwrite the input" in (report.error or "")
    assert source.read_bytes() == _lswin_bytes(TITLE)


def test_existing_outputs_are_kept_unless_overwrite(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(_lswin_bytes(TITLE))
    target = tmp_path / "b.txt"
    target.write_text("keep me")
    report = convert_document(source, target)
    assert report.status == "failed" and "--overwrite" in (report.error or "")
    assert target.read_text() == "keep me"
    assert convert_document(source, target, overwrite=True).status == "converted"
    assert target.read_text(encoding="utf-8") == TITLE


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(_lswin_bytes(TITLE))
    report = convert_document(source, tmp_path / "out" / "a.txt", dry_run=True)
    assert report.status == "converted" and report.output is None
    assert [p.name for p in (tmp_path / "out").iterdir()] == []


def _broken_after_writing(source: Path, target: IO[bytes], tally: Tally) -> None:
    target.write(b"half a document")
    raise DocumentError("broken in the middle")


def _interrupted(source: Path, target: IO[bytes], tally: Tally) -> None:
    target.write(b"half a document")
    raise KeyboardInterrupt


@pytest.mark.parametrize("converter", [_broken_after_writing, _interrupted])
def test_an_interrupted_conversion_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, converter: object
) -> None:
    fake = DocumentFormat("text", (".txt",), "unused", "test")
    monkeypatch.setattr(DocumentFormat, "converter", lambda self: converter)
    monkeypatch.setitem(FORMATS, "text", fake)
    source = tmp_path / "a.txt"
    source.write_bytes(_lswin_bytes(TITLE))
    out = tmp_path / "out"
    if converter is _interrupted:
        with pytest.raises(KeyboardInterrupt):
            convert_document(source, out / "a.txt")
    else:
        assert convert_document(source, out / "a.txt").status == "failed"
    assert list(out.iterdir()) == []  # neither the output nor a temporary file


def test_unknown_formats_and_missing_files_fail_clearly(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    assert "not a format laotext converts" in (
        convert_document(tmp_path / "a.pdf", tmp_path / "b.pdf").error or ""
    )
    assert convert_document(tmp_path / "none.docx", tmp_path / "x.docx").error == "no such file"


def test_old_office_files_need_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAOTEXT_SOFFICE", str(tmp_path / "no-such-program"))
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    report = convert_document(tmp_path / "old.doc", tmp_path / "out" / output_name("old.doc"))
    assert report.status == "failed"
    assert "LibreOffice" in (report.error or "") and "apt-get install" in (report.error or "")


# -- batches -------------------------------------------------------------------------------------


def _tree(root: Path) -> Path:
    (root / "in" / "2009" / "letters").mkdir(parents=True)
    (root / "in" / "2009" / "letters" / "a.txt").write_bytes(_lswin_bytes(TITLE))
    (root / "in" / "2009" / "b.csv").write_bytes(_lswin_bytes(f"{SUBJECT},1\n"))
    (root / "in" / "notes.pdf").write_bytes(b"%PDF")
    (root / "in" / "~$lock.docx").write_bytes(b"lock")
    (root / "in" / ".hidden").mkdir()
    (root / "in" / ".hidden" / "c.txt").write_bytes(b"x")
    (root / "in" / "broken.docx").write_bytes(b"not a zip")
    return root / "in"


def test_plan_keeps_relative_paths_and_skips_lock_and_hidden_files(tmp_path: Path) -> None:
    jobs = plan([_tree(tmp_path)], tmp_path / "out")
    assert [(str(j.target.relative_to(tmp_path / "out")), j.supported) for j in jobs] == [
        ("broken.docx", True),
        ("notes.pdf", False),
        ("2009/b.csv", True),
        ("2009/letters/a.txt", True),
    ]


def test_output_inside_an_input_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    with pytest.raises(DocumentError, match="inside this input folder"):
        plan([source], source / "converted")
    jobs = plan([source], source / "converted", allow_inside=True)
    (source / "converted").mkdir()
    (source / "converted" / "old-output.txt").write_text("x")
    assert all(
        "converted" not in j.source.parts for j in plan([source], source / "converted", allow_inside=True)
    )
    assert jobs
    with pytest.raises(DocumentError, match="is this input"):
        plan([source], source)


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_broken_file_does_not_stop_the_batch(tmp_path: Path, jobs: int) -> None:
    batch = convert_all([_tree(tmp_path)], tmp_path / "out", jobs=jobs)
    statuses = {Path(r.source).name: r.status for r in batch.files}
    assert statuses == {
        "broken.docx": "failed",
        "notes.pdf": "skipped",
        "b.csv": "converted",
        "a.txt": "converted",
    }
    assert not batch.ok
    assert (tmp_path / "out" / "2009" / "letters" / "a.txt").read_text(encoding="utf-8") == TITLE
    assert not (tmp_path / "out" / "broken.docx").exists()
    broken = next(r for r in batch.files if r.source.endswith("broken.docx"))
    assert "not a valid zip" in (broken.error or "")


def test_two_inputs_writing_the_same_output_both_fail(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_bytes(_lswin_bytes(TITLE))
    batch = convert_all([tmp_path / "x", tmp_path / "y"], tmp_path / "out")
    assert [r.status for r in batch.files] == ["failed", "failed"]
    assert "separate output folders" in (batch.files[0].error or "")


# -- command line --------------------------------------------------------------------------------


def test_cli_converts_a_folder_and_reports(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output  # broken.docx failed
    assert "failed     " in result.output and "not a valid zip" in result.output
    assert "4 file(s): 2 converted, 1 failed, 1 skipped" in result.output
    again = CliRunner().invoke(cli, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert "exists already; pass --overwrite" in again.output


def test_cli_json_report_and_dry_run(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    result = CliRunner().invoke(
        cli, ["convert", str(source), "-o", str(tmp_path / "out"), "--json", "--dry-run"]
    )
    report = json.loads(result.output)
    assert report["dry_run"] is True and report["ok"] is False
    assert report["counts"] == {"failed": 1, "skipped": 1, "converted": 2}
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))


def test_cli_refuses_plain_text_options_and_bad_font_maps_for_documents(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(tmp_path / "o"), "--from", "lswin"])
    assert result.exit_code == 2 and "plain text only" in result.output
    result = CliRunner().invoke(
        cli, ["convert", str(source), "-o", str(tmp_path / "o"), "--font-map", "Alice"]
    )
    assert result.exit_code == 2 and "FONT=ENCODING" in result.output
    result = CliRunner().invoke(
        cli, ["convert", str(source), "-o", str(tmp_path / "o"), "--font-map", "A=nope"]
    )
    assert result.exit_code == 2 and "unknown legacy encoding" in result.output
    result = CliRunner().invoke(cli, ["convert", str(source)])
    assert result.exit_code == 2 and "-o FOLDER" in result.output


def test_cli_single_document_to_a_file(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_bytes(_lswin_bytes(f"{TITLE},1\n"))
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(tmp_path / "new.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new.csv").read_text(encoding="utf-8-sig") == f"{TITLE},1\n"


def test_zip_bomb_in_a_batch_is_a_per_file_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with zipfile.ZipFile(tmp_path / "in" / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b"x" * (60 << 20) + b"</a>")
    (tmp_path / "in" / "ok.txt").write_bytes(_lswin_bytes(TITLE))
    batch = convert_all([tmp_path / "in"], tmp_path / "out", options=ConvertOptions())
    assert [r.status for r in batch.files] == ["failed", "converted"]
    assert "zip bomb" in (batch.files[0].error or "")
