#!/usr/bin/env python3
"""Measure ``laotext.documents``: time to convert a long Word document, memory for a large workbook.

**Word.** A 100-page letter-style .docx is built in a temporary folder: paragraphs alternating
runs of Lao in Saysettha Lao (LSWin codes of the Lao corpus lines, by default the NTREX-128 test
set next to the repository; the bundled example sentences if it is missing), English in Times New
Roman and bold Lao, about 40,000 words (whitespace-separated pieces) in all. Timed in the same run,
in a rotating order, median of ``--repeat`` (5) runs, one core:

* ``convert_document`` of laotext (read, convert every legacy run, write the new package);
* the peer reference: python-docx opening the same file and saving it again (no conversion): what
  the most used Python library pays just to read and write the document.

The target is at most 3 s for laotext.

**Excel.** A workbook of about ``--xlsx-mb`` (50) MB is built (written in a streaming way): one
sheet of shared-string cells in Saysettha Lao and numbers. Each program runs in a fresh process and
its peak memory (``ru_maxrss``) and time are read: laotext's ``convert_document``, and as the peer
reference openpyxl in read-only mode reading every cell (its memory-bounded mode, converting
nothing). The target is memory that stays bounded (well under the size of the uncompressed XML).

Run from the repository root, after ``pip install -e ".[test]"`` (python-docx and openpyxl are test
extras)::

    python bench/bench_documents.py            # both
    python bench/bench_documents.py --quick    # smaller workbook (5 MB), 3 repeats
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench._common import (
        DEFAULT_CORPUS,
        EXIT_CANNOT_RUN,
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        read_corpus,
        write_json,
    )
else:  # run as a script, this folder is first on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import (
        DEFAULT_CORPUS,
        EXIT_CANNOT_RUN,
        environment_line,
        import_laotext,
        import_optional,
        median,
        print_table,
        read_corpus,
        write_json,
    )

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
ENGLISH = (
    "The committee reviewed the budget of the provincial office and agreed on the following points "
    "for the next financial year."
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lao_lines(corpus: Path) -> list[str]:
    """Lao lines to type in the legacy font: the corpus, or the bundled example sentences."""
    text = read_corpus(corpus)
    if text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import docbuild  # type: ignore[import-not-found]

    return [docbuild.TITLE, docbuild.MOTTO, docbuild.BODY, docbuild.SUBJECT]


def build_docx(path: Path, lines: list[str], words: int = 40_000) -> tuple[int, int]:
    """Write a long legacy-font .docx; return (words, paragraphs)."""
    from laotext.legacy import from_unicode

    rpr_lao = '<w:rPr><w:rFonts w:ascii="Saysettha Lao" w:hAnsi="Saysettha Lao"/><w:sz w:val="28"/></w:rPr>'
    rpr_bold = '<w:rPr><w:rFonts w:ascii="Saysettha Lao" w:hAnsi="Saysettha Lao"/><w:b/></w:rPr>'
    rpr_english = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>'
    paragraphs: list[str] = []
    count = 0
    index = 0
    while count < words:
        line = lines[index % len(lines)]
        index += 1
        legacy = _escape(from_unicode(line, "lswin", errors="ignore"))
        bold = _escape(from_unicode(line.split(" ")[0], "lswin", errors="ignore"))
        paragraphs.append(
            f"<w:p><w:r>{rpr_bold}<w:t>{bold}</w:t></w:r>"
            f'<w:r>{rpr_lao}<w:t xml:space="preserve"> {legacy} </w:t>'
            f"</w:r><w:r>{rpr_english}<w:t>{ENGLISH}</w:t></w:r></w:p>"
        )
        count += len(line.split()) + len(ENGLISH.split()) + 1
    body = "".join(paragraphs)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_DOCX)
        archive.writestr("_rels/.rels", ROOT_RELS_DOCX)
        archive.writestr("word/document.xml", document)
    return count, len(paragraphs)


def _python_docx_round_trip(source: Path, target: Path) -> None:
    import docx

    docx.Document(str(source)).save(str(target))


def time_docx(path: Path, folder: Path, repeat: int) -> list[list[object]]:
    """Median seconds of laotext and python-docx on *path*, interleaved."""
    from laotext.documents import convert_document

    runners: dict[str, Callable[[Path], object]] = {
        "laotext convert_document": lambda out: convert_document(path, out, overwrite=True)
    }
    if import_optional("docx") is not None:
        runners["python-docx open + save (no conversion)"] = lambda out: _python_docx_round_trip(path, out)
    times: dict[str, list[float]] = {name: [] for name in runners}
    names = list(runners)
    for round_ in range(repeat):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            out = folder / f"out-{len(times[name])}.docx"
            started = time.perf_counter()
            runners[name](out)
            times[name].append(time.perf_counter() - started)
            out.unlink(missing_ok=True)
    reference = median(times[names[0]])
    return [
        [name, f"{median(values):.2f}", f"{median(values) / reference:.2f}×"]
        for name, values in times.items()
    ]


def _write_sheet(stream: IO[bytes], rows: int, strings: int, rng: random.Random) -> None:
    stream.write(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxml'
        b'formats.org/spreadsheetml/2006/main"><sheetData>'
    )
    for row in range(1, rows + 1):
        cells = (
            f'<row r="{row}"><c r="A{row}" s="1" t="s"><v>{rng.randrange(strings)}</v></c>'
            f'<c r="B{row}"><v>{rng.random() * 1e6:.4f}</v></c>'
            f'<c r="C{row}"><v>{rng.randrange(10**9)}</v></c>'
            f'<c r="D{row}" s="1" t="s"><v>{rng.randrange(strings)}</v></c></row>'
        )
        stream.write(cells.encode())
    stream.write(b"</sheetData></worksheet>")


def build_xlsx(path: Path, target_mb: float, lines: list[str]) -> tuple[int, int]:
    """Write a workbook of about *target_mb* MB; return (rows, unique strings)."""
    from laotext.legacy import from_unicode

    rng = random.Random(1133)
    strings = max(1000, int(target_mb * 4000))
    rows = max(1000, int(target_mb * 26_000))
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{ns}" xmlns:r="{rel}">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/styles.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{ns}">'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><sz val="12"/><name val="Saysettha Lao"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
            "</styleSheet>",
        )
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{ns}" '
                f'count="{rows * 2}" uniqueCount="{strings}">'.encode()
            )
            for index in range(strings):
                line = lines[index % len(lines)]
                start = rng.randrange(max(1, len(line) - 40))
                piece = _escape(from_unicode(line[start : start + 40], "lswin", errors="ignore"))
                stream.write(f"<si><t>{piece} {index}</t></si>".encode())
            stream.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            _write_sheet(stream, rows, strings, rng)
    return rows, strings


LAOTEXT_CHILD = """
import resource, sys, time
from laotext.documents import convert_document
started = time.perf_counter()
report = convert_document(sys.argv[1], sys.argv[2], overwrite=True)
seconds = time.perf_counter() - started
assert report.status == "converted", report
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, report.runs)
"""
OPENPYXL_CHILD = """
import resource, sys, time
import openpyxl
started = time.perf_counter()
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row)
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, cells)
"""


def measure_child(code: str, *args: str) -> tuple[float, float, int]:
    """Seconds, peak memory in MB and a count from a fresh process running *code*."""
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr else "child failed")
    seconds, peak_kb, count = out.stdout.split()
    return float(seconds), int(peak_kb) / 1024, int(count)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--xlsx-mb", type=float, default=50.0)
    parser.add_argument("--quick", action="store_true", help="5 MB workbook, 3 repeats")
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.xlsx_mb = 3, 5.0
    try:
        import_laotext("documents")
    except SystemExit:
        return int(EXIT_CANNOT_RUN)
    print(environment_line("laotext", "python-docx", "openpyxl"))
    lines = lao_lines(args.corpus)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="laotext-bench-") as scratch:
        folder = Path(scratch)
        source = folder / "long-letter.docx"
        words, paragraphs = build_docx(source, lines)
        print(
            f"\nWord: {words:,} words in {paragraphs:,} paragraphs, {source.stat().st_size / 1e6:.1f} MB file"
        )
        rows = time_docx(source, folder, args.repeat)
        print_table(["program", "median s", "vs laotext"], rows, "lrr")
        results["docx"] = {"words": words, "rows": rows}
        book = folder / "big.xlsx"
        xlsx_rows, strings = build_xlsx(book, args.xlsx_mb, lines)
        size = book.stat().st_size / 1e6
        with zipfile.ZipFile(book) as archive:
            expanded = sum(info.file_size for info in archive.infolist()) / 1e6
        print(
            f"\nExcel: {size:.1f} MB file ({expanded:.0f} MB of XML), {xlsx_rows:,} rows, {strings:,} strings"
        )
        table = []
        seconds, peak, runs = measure_child(LAOTEXT_CHILD, str(book), str(folder / "big-out.xlsx"))
        table.append(
            ["laotext convert_document", f"{seconds:.1f}", f"{peak:.0f}", f"{runs:,} runs converted"]
        )
        if import_optional("openpyxl") is not None:
            seconds, peak, cells = measure_child(OPENPYXL_CHILD, str(book))
            table.append(
                ["openpyxl read-only, every cell", f"{seconds:.1f}", f"{peak:.0f}", f"{cells:,} cells read"]
            )
        print_table(["program", "s", "peak MB", "work"], table, "lrrl")
        results["xlsx"] = {"file_mb": size, "xml_mb": expanded, "rows": table}
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
