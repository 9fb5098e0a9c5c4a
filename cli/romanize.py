"""``laotext romanize``: write Lao text in Latin letters or IPA, line by line.

A thin layer over :func:`laotext.romanize`. Exit status: 0 done, 2 usage or input error (an unreadable
file, text that is not UTF-8).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import IO, NoReturn

import click

from laotext.romanization import SYSTEMS, romanize

EXIT_OK, EXIT_ERROR = 0, 2


def _fail(message: str) -> NoReturn:
    click.echo(f"laotext: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _lines(path: str) -> Iterator[str]:
    """Yield the lines of a UTF-8 file or standard input, with their line ends, one at a time."""
    stream: IO[bytes]
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        _fail(f"cannot read {path}: {error.strerror}")
    source = "standard input" if path == "-" else path
    try:
        for number, raw in enumerate(stream, start=1):
            data = raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
            try:
                yield data.decode("utf-8")
            except UnicodeDecodeError as error:
                byte = f"byte {error.start} is 0x{data[error.start]:02X}"
                _fail(
                    f"{source} line {number} is not UTF-8 text ({byte}); "
                    "save it as UTF-8, or if it was typed in a legacy Lao font, convert it first"
                )
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


@click.command(name="romanize")
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-s",
    "--system",
    type=click.Choice(list(SYSTEMS)),
    default="bgn-pcgn",
    show_default=True,
    help="bgn-pcgn, ala-lc (macrons), moh2020 (ASCII), ipa (with tones) or official (place names).",
)
@click.option("--capitalize", is_flag=True, help="Capitalize each Lao word, as for names.")
def romanize_command(file: str, system: str, capitalize: bool) -> None:
    """Write the Lao text of FILE (or - for standard input) in Latin letters or IPA, line by line.

    Syllables of a word are joined and words separated by spaces; other text is kept as it is.
    Large files are streamed.

    \b
    Examples:
      laotext romanize names.txt
      echo "ຫຼວງພະບາງ" | laotext romanize - --capitalize        # Louangphabang
      laotext romanize --system ipa lesson.txt
      laotext romanize --system official addresses.txt
    """
    out = sys.stdout.buffer
    for line in _lines(file):
        out.write(romanize(line, system, capitalize=capitalize).encode("utf-8"))
    out.flush()
    sys.exit(EXIT_OK)
