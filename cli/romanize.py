"""``laotext romanize``: write Lao text in Latin letters or IPA, line by line.

A thin layer over :func:`laotext.romanize`. Exit status: 0 done, 2 usage or input error (an unreadable
file, text that is not UTF-8).
"""

from __future__ import annotations

import sys

import click

from laotext.romanization import SYSTEMS, romanize

from ._io import EXIT_OK
from ._io import lines as _lines


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
