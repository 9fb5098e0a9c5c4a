"""What every command shares: exit codes, failing with a message, and reading UTF-8 input.

Exit status 0: done, nothing found; 1: problems found; 2: usage or input error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NoReturn

import click

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    """Print ``laotext: error: message`` on standard error and exit with status 2."""
    click.echo(f"laotext: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def decode(data: bytes, source: str) -> str:
    """*data* as UTF-8 (a byte order mark is fine), or fail saying what to do."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        fail(
            f"{source} is not UTF-8 text (byte {error.start} is 0x{data[error.start]:02X}); "
            "save it as UTF-8, or if it was typed in a legacy Lao font, convert it first"
        )


def read_text(path: str) -> str:
    """The whole UTF-8 text of file *path*, or of standard input for ``-``."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "standard input")
    try:
        return decode(Path(path).read_bytes(), path)
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")


def lines(path: str) -> Iterator[str]:
    """Yield the lines of a UTF-8 file or standard input, with their line ends, one at a time."""
    stream: IO[bytes]
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    source = "standard input" if path == "-" else path
    try:
        for number, raw in enumerate(stream, start=1):
            yield decode(
                raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw, f"{source} line {number}"
            )
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
