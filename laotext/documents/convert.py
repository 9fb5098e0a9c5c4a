"""Convert one document file, atomically, and report what was done.

The output is written to a temporary file beside the target and renamed over it only once the
whole document has been written, so an interrupted run leaves no half-written file. The input is
never written to. A document with no legacy text is copied unchanged.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "old.txt").write_bytes(b"\\xa1\\xbe\\xad\\xa6\\xf4\\xa1\\xa6\\xbe\\n")
>>> report = convert_document(folder / "old.txt", folder / "new.txt")
>>> report.status, (folder / "new.txt").read_text(encoding="utf-8")
('converted', 'ການສຶກສາ\\n')
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from laotext.documents.formats import DocumentFormat, format_for
from laotext.documents.report import ConvertOptions, FileReport, Tally
from laotext.errors import DocumentError, LaotextError, UnsupportedDocumentError

__all__ = ["convert_document", "output_name"]


def output_name(path: str | Path) -> str:
    """The file name of the converted document for input *path* (old Office files become OOXML).

    >>> output_name("minutes 2009.doc"), output_name("budget.xlsx")
    ('minutes 2009.docx', 'budget.xlsx')
    """
    path = Path(path)
    fmt = format_for(path)
    return path.stem + fmt.output_suffix(path.suffix) if fmt else path.name


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (second.exists() and os.path.samefile(first, second))
    except OSError:
        return False


def _failed(
    source: Path, target: Path | None, fmt: DocumentFormat | None, error: str, started: float
) -> FileReport:
    return FileReport(
        source=str(source),
        output=None,
        format=fmt.name if fmt else "",
        status="failed",
        error=error,
        seconds=time.perf_counter() - started,
    )


def convert_document(
    source: str | Path,
    target: str | Path,
    *,
    options: ConvertOptions | None = None,
    overwrite: bool = False,
    dry_run: bool = False,
) -> FileReport:
    """Convert the legacy Lao text of document *source* into a new document *target*.

    Runs of text in known legacy Lao fonts become Unicode Lao in ``options.font``; everything else
    is kept. Never writes to *source*; refuses an existing *target* unless *overwrite*. With
    *dry_run*, does all the work but writes nothing. Errors are not raised: the report's
    ``status`` is ``"failed"`` and ``error`` says why (a batch must go on).
    """
    started = time.perf_counter()
    source, target = Path(source), Path(target)
    options = options or ConvertOptions()
    fmt = format_for(source)
    if fmt is None:
        known = "docx xlsx pptx odt ods odp rtf html txt csv doc xls ppt"
        return _failed(source, None, None, f"not a format laotext converts (it converts: {known})", started)
    if not source.is_file():
        return _failed(source, None, fmt, "no such file", started)
    if _same_file(source, target):
        return _failed(
            source, None, fmt, "the output would overwrite the input; choose another output", started
        )
    if target.exists() and not overwrite and not dry_run:
        return _failed(source, None, fmt, f"{target} exists already; pass --overwrite to replace it", started)
    tally = Tally(options)
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as stream:
            fmt.converter()(source, stream, tally)
        if not tally.runs and not fmt.via:
            shutil.copyfile(source, temporary)  # nothing to convert: the output is the input, byte for byte
        if dry_run:
            temporary.unlink()
        else:
            with open(temporary, "rb+") as written:
                os.fsync(written.fileno())
            os.replace(temporary, target)
        temporary = None
    except UnsupportedDocumentError as error:
        return _failed(source, target, fmt, error.reason, started)
    except DocumentError as error:
        where = f"{error.part}: " if error.part else ""
        return _failed(source, target, fmt, where + error.reason, started)
    except LaotextError as error:
        return _failed(source, target, fmt, str(error), started)
    except OSError as error:
        return _failed(source, target, fmt, f"cannot write the output: {error.strerror or error}", started)
    except (MemoryError, RecursionError) as error:
        return _failed(
            source,
            target,
            fmt,
            f"the document is too large or too deeply nested ({type(error).__name__})",
            started,
        )
    except Exception as error:  # a bug must not stop a clerk's batch: report it for this file
        return _failed(
            source,
            target,
            fmt,
            f"unexpected error, please report it: {type(error).__name__}: {error}",
            started,
        )
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return tally.report(
        str(source), None if dry_run else str(target), fmt.name, seconds=time.perf_counter() - started
    )
