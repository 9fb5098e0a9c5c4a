"""Convert many documents: files and folders in, one output folder out.

:func:`plan` maps every input file to its output: a file named on its own goes straight into the
output folder, a file found in a folder keeps its path relative to that folder. Folders are walked
recursively in name order, skipping hidden files and folders, Office lock files (``~$…``) and
symbolic links to folders. The output folder may not be an input, nor lie inside an input folder
(its outputs would become inputs next time) unless allowed, and then it is not walked.

:func:`convert_all` converts the plan, in worker processes when asked, and returns a
:class:`BatchReport`. One file failing never stops the others.

>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "in" / "2009").mkdir(parents=True)
>>> _ = (root / "in" / "2009" / "letter.txt").write_bytes(b"\\xa1\\xbe\\xad\\n")
>>> [str(job.target.relative_to(root)) for job in plan([root / "in"], root / "out")]
['out/2009/letter.txt']
>>> convert_all([root / "in"], root / "out").counts()
{'converted': 1}
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from laotext.documents.convert import convert_document, output_name
from laotext.documents.formats import format_for
from laotext.documents.report import ConvertOptions, FileReport
from laotext.errors import DocumentError

__all__ = ["BatchReport", "Job", "convert_all", "plan"]


@dataclass(frozen=True)
class Job:
    """One input file and where its output goes; ``supported`` is False for files to skip."""

    source: Path
    target: Path
    supported: bool = True


@dataclass(frozen=True)
class BatchReport:
    """The reports of every file of a batch, in input order."""

    files: tuple[FileReport, ...]

    @property
    def ok(self) -> bool:
        """Whether every file was converted, copied or skipped without error."""
        return all(report.ok for report in self.files)

    def counts(self) -> dict[str, int]:
        """How many files ended in each status."""
        return dict(Counter(report.status for report in self.files))

    def as_dict(self) -> dict[str, object]:
        """The report as plain JSON-ready values."""
        return {"ok": self.ok, "counts": self.counts(), "files": [report.as_dict() for report in self.files]}


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _walk(folder: Path, skip: Path | None) -> Iterator[Path]:
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        here = Path(directory)
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and (skip is None or (here / name).resolve() != skip)
        )
        for name in sorted(files):
            if not name.startswith((".", "~$")):
                yield here / name


def plan(inputs: Sequence[str | Path], outdir: str | Path, *, allow_inside: bool = False) -> list[Job]:
    """The jobs converting *inputs* (files and folders) into *outdir*.

    Raises :class:`~laotext.errors.DocumentError` when an input does not exist, when *outdir* is
    an input, or when it lies inside an input folder and *allow_inside* is false.
    """
    outdir = Path(outdir)
    resolved_out = outdir.resolve()
    jobs: list[Job] = []
    for given in map(Path, inputs):
        if not given.exists():
            raise DocumentError("no such file or folder", path=str(given))
        resolved = given.resolve()
        if resolved == resolved_out:
            raise DocumentError(
                "the output folder is this input; choose another output folder", path=str(given)
            )
        if given.is_dir():
            if _inside(resolved_out, resolved) and not allow_inside:
                raise DocumentError(
                    f"the output folder {outdir} is inside this input folder, so its outputs would be read "
                    "as inputs next time; choose a folder outside it or pass --allow-output-inside",
                    path=str(given),
                )
            for path in _walk(given, resolved_out if _inside(resolved_out, resolved) else None):
                relative = path.relative_to(given)
                jobs.append(
                    Job(
                        path,
                        outdir / relative.parent / output_name(path),
                        supported=format_for(path) is not None,
                    )
                )
        else:
            jobs.append(Job(given, outdir / output_name(given)))
    return jobs


def _skipped(job: Job) -> FileReport:
    return FileReport(source=str(job.source), output=None, format="", status="skipped")


def _duplicates(jobs: Iterable[Job]) -> set[Path]:
    seen: Counter[Path] = Counter(job.target.resolve() for job in jobs if job.supported)
    return {target for target, count in seen.items() if count > 1}


def _run(job: Job, options: ConvertOptions, overwrite: bool, dry_run: bool) -> FileReport:
    return convert_document(job.source, job.target, options=options, overwrite=overwrite, dry_run=dry_run)


def convert_all(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    *,
    options: ConvertOptions | None = None,
    overwrite: bool = False,
    dry_run: bool = False,
    jobs: int = 1,
    allow_inside: bool = False,
    on_done: Callable[[FileReport], None] | None = None,
) -> BatchReport:
    """Convert every document in *inputs* into *outdir* (see :func:`plan`); *jobs* worker processes.

    *on_done* is called with each file's report as soon as it is ready (for progress bars).
    """
    options = options or ConvertOptions()
    work = plan(inputs, outdir, allow_inside=allow_inside)
    clashes = _duplicates(work)
    reports: list[FileReport | None] = [None] * len(work)

    def finish(index: int, report: FileReport) -> None:
        reports[index] = report
        if on_done is not None:
            on_done(report)

    pending: list[int] = []
    for index, job in enumerate(work):
        if not job.supported:
            finish(index, _skipped(job))
        elif job.target.resolve() in clashes:
            finish(
                index,
                FileReport(
                    source=str(job.source),
                    output=None,
                    format="",
                    status="failed",
                    error=f"another input is also written to {job.target}; use separate output folders",
                ),
            )
        else:
            pending.append(index)
    if jobs > 1 and len(pending) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {
                pool.submit(_run, work[index], options, overwrite, dry_run): index for index in pending
            }
            for future in as_completed(futures):
                finish(futures[future], future.result())
    else:
        for index in pending:
            finish(index, _run(work[index], options, overwrite, dry_run))
    return BatchReport(tuple(report for report in reports if report is not None))
