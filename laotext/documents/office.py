"""Old binary Office files (.doc .xls .ppt), converted through LibreOffice.

LibreOffice (``soffice``) reads the old binary formats and writes them as .docx, .xlsx or .pptx,
keeping the font of every run; that file is then converted like any other. LibreOffice runs
headless with a profile of its own in a temporary folder, so several conversions can run at once
and the user's own LibreOffice settings are untouched. Without LibreOffice the file fails with a
message saying how to install it.

>>> soffice_command() is None or isinstance(soffice_command(), str)
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from laotext.documents.report import Tally
from laotext.errors import DocumentError, UnsupportedDocumentError

__all__ = ["INSTALL_HINT", "convert", "soffice_command", "to_office_open_xml"]

INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui "
    "libreoffice-calc-nogui libreoffice-impress-nogui; Windows and macOS: "
    "https://www.libreoffice.org/download/) "
    "or open the file in Office and save it as .docx, .xlsx or .pptx; set LAOTEXT_SOFFICE to the program's "
    "path if it is installed somewhere unusual"
)

#: Old suffix → (new suffix, LibreOffice export filter).
TARGETS = {
    ".doc": ("docx", "docx:MS Word 2007 XML"),
    ".xls": ("xlsx", "xlsx:Calc MS Excel 2007 XML"),
    ".ppt": ("pptx", "pptx:Impress MS PowerPoint 2007 XML"),
}
TIMEOUT_SECONDS = 300


def soffice_command() -> str | None:
    """The LibreOffice program: ``$LAOTEXT_SOFFICE``, else ``soffice`` or ``libreoffice`` on the PATH."""
    configured = os.environ.get("LAOTEXT_SOFFICE")
    if configured:
        return configured
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_office_open_xml(source: Path, folder: Path) -> Path:
    """Have LibreOffice write old Office file *source* as Office Open XML into *folder*; return its path."""
    target = TARGETS.get(source.suffix.lower())
    if target is None:
        raise UnsupportedDocumentError(
            f"LibreOffice conversion is for .doc, .xls and .ppt, not {source.suffix!r}"
        )
    program = soffice_command()
    if program is None:
        raise UnsupportedDocumentError(f"reading {source.suffix} files needs LibreOffice: {INSTALL_HINT}")
    suffix, export_filter = target
    profile = folder / "profile"
    command = [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        export_filter,
        "--outdir",
        str(folder / "out"),
        str(source.resolve()),
    ]
    try:
        finished = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        raise UnsupportedDocumentError(f"LibreOffice was not found at {program!r}: {INSTALL_HINT}") from None
    except subprocess.TimeoutExpired:
        raise DocumentError(
            f"LibreOffice did not finish reading the file within {TIMEOUT_SECONDS} s"
        ) from None
    result = folder / "out" / f"{source.stem}.{suffix}"
    if finished.returncode != 0 or not result.is_file():
        said = (finished.stderr or finished.stdout).decode("utf-8", "replace").strip().splitlines()
        detail = f": {said[-1]}" if said else ""
        raise DocumentError(f"LibreOffice could not read the file (damaged or password-protected?){detail}")
    return result


def convert(source: Path, target: IO[bytes], tally: Tally) -> None:
    """Convert an old .doc, .xls or .ppt file: through LibreOffice, then as .docx, .xlsx or .pptx."""
    from laotext.documents.formats import FORMATS

    with tempfile.TemporaryDirectory(prefix="laotext-office-") as scratch:
        modern = to_office_open_xml(source, Path(scratch))
        FORMATS[modern.suffix[1:]].converter()(modern, target, tally)
