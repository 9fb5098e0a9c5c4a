"""Build the example legacy documents in docs/examples/documents/, one per format.

Each is a letter whose Lao was written by hand in Unicode (tests/docbuild/__init__.py) and then
encoded into legacy font codes: Saysettha Lao (LSWin) runs, one Boupha (keyboard-position) run,
English in Times New Roman, a run already in Unicode, bold and italic runs, a table, a header and
footer, a footnote and an image, as far as the format has them. Converting an example must give the
hand-written text back; tests/test_documents_examples.py checks that by reading the outputs.

Usage: python scripts/make_document_examples.py [OUTDIR]   (default docs/examples/documents)
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: File name → (builder module under tests/docbuild, builder function).
EXAMPLES = {
    "letter.docx": ("docx", "build_example"),
    "budget.xlsx": ("xlsx", "build_example"),
    "briefing.pptx": ("pptx", "build_example"),
    "letter.odt": ("odf", "build_example"),
    "budget.ods": ("odf", "build_spreadsheet_example"),
    "letter.rtf": ("rtf", "build_example"),
    "notice.html": ("html", "build_example"),
    "letter.txt": ("text", "build_example"),
    "budget.csv": ("text", "build_csv_example"),
}


def main(argv: list[str]) -> int:
    """Write every example into the folder named by *argv* (or the default)."""
    sys.path.insert(0, str(ROOT / "tests"))
    outdir = Path(argv[0]) if argv else ROOT / "docs" / "examples" / "documents"
    outdir.mkdir(parents=True, exist_ok=True)
    for name, (module, function) in EXAMPLES.items():
        builder = getattr(importlib.import_module(f"docbuild.{module}"), function)
        builder(outdir / name)
        print(f"wrote {outdir / name} ({(outdir / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
