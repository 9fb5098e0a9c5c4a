"""Example legacy plain text and CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docbuild import BODY, BOLD, ENGLISH, ITALIC, KEYBOARD, MOTTO, SUBJECT, TABLE, TITLE, keyboard
from laotext.legacy import encode_bytes


def build_example(path: Path) -> None:
    """A letter saved from an LSWin editor as cp1252 bytes, CRLF line ends, one keyboard-font paragraph."""
    lswin_part = encode_bytes(f"{TITLE}\r\n{MOTTO}\r\n\r\n{BOLD}: {SUBJECT}\r\n{BODY}\r\n", "lswin")
    typed = keyboard(f"{KEYBOARD} {ITALIC}").encode("ascii")
    path.write_bytes(lswin_part + ENGLISH.encode("ascii") + b"\r\n\r\n" + typed + b"\r\n")


def expected_text() -> str:
    """What converting :func:`build_example` must give."""
    return (
        f"{TITLE}\r\n{MOTTO}\r\n\r\n{BOLD}: {SUBJECT}\r\n{BODY}\r\n{ENGLISH}\r\n\r\n{KEYBOARD} {ITALIC}\r\n"
    )


def build_csv_example(path: Path) -> None:
    """The budget table as Excel wrote it to CSV (cp1252 bytes of the LSWin codes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*TABLE[0], "Note"])
    for row in TABLE[1:]:
        writer.writerow([*row, "paid, 2010"])
    path.write_bytes(encode_bytes(buffer.getvalue(), "lswin"))


def expected_csv_rows() -> list[list[str]]:
    """The rows converting :func:`build_csv_example` must give."""
    return [[*TABLE[0], "Note"], *([*row, "paid, 2010"] for row in TABLE[1:])]
