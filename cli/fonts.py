"""``laotext fonts``: inspect fonts, check a text's coverage, subset a web font, list the bundled fonts.

A thin layer over :mod:`laotext.fontinfo`. Exit status: 0 done, 1 characters missing (coverage),
2 usage or input error (a missing or broken font file, unreadable text).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from laotext.errors import LaotextError

from ._io import EXIT_FOUND, EXIT_OK
from ._io import fail as _fail
from ._io import read_text as _read_text


def _quiet_fonttools() -> None:
    """Keep fontTools' warnings on harmless oddities of old fonts (timestamps) off the terminal."""
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _codepoints(text: str) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in text)


@click.group()
def fonts() -> None:
    """Fonts for Lao: inspect a font, check a text's coverage, subset a web font, list fonts.

    \b
    Examples:
      laotext fonts list
      laotext fonts inspect OldFont.ttf
      laotext fonts coverage --font Phetsarath page.txt
      laotext fonts subset --font Phetsarath --text form.txt -o form.woff2
    """
    _quiet_fonttools()


@fonts.command("inspect")
@click.argument("font")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def inspect_command(font: str, as_json: bool) -> None:
    """Say what FONT (a .ttf .otf .woff .woff2 file, or a bundled font name) is and does for Lao.

    Family, version, copyright and licence; which assigned Lao code points it covers and lacks
    (the Pali letters and Khmu ໞ ໟ too); its OpenType Lao shaping; and, for a legacy Lao font,
    which legacy encoding its layout matches and how to register it for `laotext convert`.

    \b
    Examples:
      laotext fonts inspect Phetsarath
      laotext fonts inspect --json "C:/Windows/Fonts/saysettha_lao.ttf"
    """
    from laotext.fontinfo import inspect

    try:
        report = inspect(font)
    except LaotextError as error:
        _fail(str(error))
    if as_json:
        _echo_json(report.to_dict())
        return
    lines = [
        f"file:      {report.path} ({report.format})",
        f"family:    {report.family} {report.subfamily}".rstrip(),
        f"version:   {report.version}",
        f"copyright: {report.copyright or '(none given)'}",
        f"licence:   {report.licence or '(none given)'}"
        + (f" <{report.licence_url}>" if report.licence_url else ""),
        f"glyphs:    {report.glyph_count}, code points: {report.codepoint_count}",
        f"Lao:       {report.lao_coverage} assigned Lao code points",
    ]
    if report.has_lao and report.lao_missing:
        lines.append(f"  missing: {report.lao_missing} ({_codepoints(report.lao_missing)})")
        if report.pali_missing:
            lines.append(f"  of them Pali/Sanskrit letters: {report.pali_missing}")
        if report.khmu_missing:
            lines.append(f"  of them Khmu letters: {report.khmu_missing}")
    lines.append(f"shaping:   {report.shaping_summary}")
    if report.legacy is not None:
        lines.append(f"legacy:    yes, a legacy Lao font: encoding {report.legacy.encoding or 'unknown'}")
        lines.extend(f"  {line}" for line in report.legacy.evidence)
        lines.append(f"  {report.legacy.advice}")
    elif not report.has_lao:
        lines.append("legacy:    no; this font has no Lao (neither Unicode Lao nor a legacy Lao layout)")
    else:
        lines.append("legacy:    no (a Unicode Lao font)")
    click.echo("\n".join(lines))


@fonts.command("coverage")
@click.option("--font", "-f", "font", required=True, help="A font file or a bundled font name.")
@click.argument("file", default="-")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def coverage_command(font: str, file: str, as_json: bool) -> None:
    """List the characters of FILE (UTF-8 text, or - for standard input) that FONT cannot render.

    Each missing character is given with its line and column (1-based) and its offset. Exits 1
    if any character is missing.

    \b
    Examples:
      laotext fonts coverage --font Phetsarath page.txt
      echo "ພາສາບາລີ ຆ" | laotext fonts coverage --font "Noto Sans Lao" -
    """
    from laotext.chars import describe
    from laotext.fontinfo import coverage

    text = _read_text(file)
    try:
        report = coverage(font, text)
    except LaotextError as error:
        _fail(str(error))
    if as_json:
        _echo_json(report.to_dict())
    elif report.ok:
        click.echo(f"{report.family}: renders all {report.characters} characters")
    else:
        click.echo(
            f"{report.family}: {len(report.missing)} of {report.characters} characters have no glyph "
            f"({len(report.missing_chars)} distinct)"
        )
        for item in report.missing:
            click.echo(f"{file}:{item.line}:{item.column}: offset {item.position}: {describe(item.char)}")
    sys.exit(EXIT_OK if report.ok else EXIT_FOUND)


@fonts.command("subset")
@click.option("--font", "-f", "font", required=True, help="A font file or a bundled font name.")
@click.option(
    "--text",
    "-t",
    "text_file",
    required=True,
    help="The UTF-8 text (a form, a page) whose characters the subset must render, or - for stdin.",
)
@click.option("--output", "-o", required=True, help="The subset font file to write.")
@click.option(
    "--flavor",
    type=click.Choice(["woff2", "woff", "ttf"]),
    default=None,
    help="Output format (default: from the output's extension, else woff2).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def subset_command(font: str, text_file: str, output: str, flavor: str | None, as_json: bool) -> None:
    """Write a web font with only the glyphs a text needs, keeping the Lao shaping features.

    \b
    Examples:
      laotext fonts subset --font Phetsarath --text form.txt -o form.woff2
      laotext fonts subset --font NotoSansLao-Regular.ttf --text page.html -o page.woff
    """
    from laotext.fontinfo import subset

    text = _read_text(text_file)
    if flavor is None:
        suffix = Path(output).suffix.lower().lstrip(".")
        flavor = suffix if suffix in ("woff2", "woff") else "ttf" if suffix in ("ttf", "otf") else "woff2"
    try:
        report = subset(font, text, output, flavor=flavor)
    except LaotextError as error:
        _fail(str(error))
    if as_json:
        _echo_json(report.to_dict())
        return
    click.echo(
        f"{report.output}: {report.bytes:,} bytes ({report.flavor}), {report.glyphs} glyphs, "
        f"{len(report.characters)} characters; the font was {report.original_bytes:,} bytes, "
        f"{report.original_glyphs} glyphs"
    )
    features = ", ".join((*report.gsub_features, *report.gpos_features)) or "none"
    click.echo(f"layout: script 'lao ' in {', '.join(report.lao_scripts) or 'no table'}; features {features}")
    if report.lost_features:
        dropped = ", ".join(report.lost_features)
        click.echo(f"note: features dropped because no glyph of the text uses them: {dropped}")
    if report.missing:
        click.echo(f"warning: the font has no glyph for {report.missing} ({_codepoints(report.missing)})")


@fonts.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def list_command(as_json: bool) -> None:
    """List the bundled fonts and the legacy Lao font names laotext knows, with their encodings.

    \b
    Example:
      laotext fonts list
    """
    from laotext.fontinfo import available
    from laotext.legacy import legacy_fonts

    bundled = available()
    legacy = legacy_fonts()
    if as_json:
        _echo_json(
            {
                "bundled": [
                    {
                        "family": font.family,
                        "weight": font.weight,
                        "file": font.filename,
                        "format": font.format,
                        "licence": "OFL-1.1",
                        "licence_file": font.licence_file,
                        "path": str(font.path()),
                    }
                    for font in bundled
                ],
                "legacy": [{"family": family, "encoding": encoding} for family, encoding in legacy.items()],
            }
        )
        return
    click.echo("Bundled fonts (SIL Open Font License 1.1):")
    for font in bundled:
        click.echo(f"  {font.family:<16} {font.weight:<8} {font.filename:<26} {font.description}")
    click.echo("Known legacy Lao fonts (`laotext convert` converts their text):")
    for family, encoding in legacy.items():
        click.echo(f"  {family:<16} {encoding}")
