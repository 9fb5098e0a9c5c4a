"""The ``laotext`` command: a thin layer over the library.

Each command reads a FILE argument or ``-`` for standard input, writes to standard output, and exits
0 (done, nothing found), 1 (problems found) or 2 (usage or input error).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from laotext import __version__, chars, normalize_and_explain
from laotext.errors import LaotextError
from laotext.normalize import normalize
from laotext.validate import Issue, get_profile, line_column, profile_names, validate

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"laotext: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        _fail(
            f"{source} is not UTF-8 text (byte {error.start} is 0x{data[error.start]:02X}); "
            "save it as UTF-8, or if it was typed in a legacy Lao font, convert it first"
        )
        raise AssertionError("unreachable") from None


def _read_text(path: str) -> str:
    if path == "-":
        return _decode(sys.stdin.buffer.read(), "standard input")
    try:
        return _decode(Path(path).read_bytes(), path)
    except OSError as error:
        _fail(f"cannot read {path}: {error.strerror}")
    raise AssertionError("unreachable")


def _lines(path: str) -> Iterator[str]:
    """Yield the lines of a UTF-8 file or standard input, with their line ends, one at a time."""
    stream: IO[bytes]
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        _fail(f"cannot read {path}: {error.strerror}")
        raise AssertionError("unreachable") from None
    source = "standard input" if path == "-" else path
    try:
        for number, raw in enumerate(stream, start=1):
            yield _decode(
                raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw, f"{source} line {number}"
            )
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


class _AtomicOutput:
    """Write to a temporary file beside *path* and move it into place only when all went well."""

    def __init__(self, path: str, inputs: list[str]) -> None:
        target = Path(path).resolve()
        if any(name != "-" and Path(name).resolve() == target for name in inputs):
            _fail(f"refusing to overwrite the input file {path}; choose another output file")
        self.target = target
        handle, self.temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        self.stream = os.fdopen(handle, "wb")

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        self.stream.close()
        Path(self.temporary).unlink(missing_ok=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="laotext")
def cli() -> None:
    """laotext: check, normalize and convert Lao text.

    \b
    Examples:
      laotext check letter.txt
      laotext normalize letter.txt -o letter-fixed.txt
      laotext convert old-letter.txt -o letter.txt
      laotext encodings
      echo "ບ່ໍມີ" | laotext check -
      laotext number 1500000 --money
      laotext date 2025-12-02 --era BE
    """


@cli.command()
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-p",
    "--profile",
    default="text",
    show_default=True,
    help="Validation profile: " + ", ".join(["text", "lao", "name"]) + ".",
)
@click.option("--each-line", is_flag=True, help="Check every line as a field of its own (a list of names).")
@click.option("--json", "as_json", is_flag=True, help="Print the issues as a JSON array.")
@click.option(
    "--lang",
    type=click.Choice(["en", "lo", "both"]),
    default="both",
    show_default=True,
    help="Language of the messages.",
)
def check(file: str, profile: str, each_line: bool, as_json: bool, lang: str) -> None:
    """Check Lao text in FILE (or - for standard input) and report problems.

    Positions are LINE:COLUMN, counted in characters from 1. Exits 1 when problems are found.

    \b
    Examples:
      laotext check form.txt
      laotext check --profile name --each-line names.txt
      laotext check --json - < field.txt
    """
    try:
        chosen = get_profile(profile)
    except LaotextError as error:
        _fail(str(error))
        return
    found: list[tuple[int, int, Issue]] = []
    if each_line:
        for number, raw_line in enumerate(_lines(file), start=1):
            field = raw_line.rstrip("\r\n")
            found.extend((number, issue.start + 1, issue) for issue in validate(field, chosen))
    else:
        text = _read_text(file)
        found.extend((*line_column(text, issue.start), issue) for issue in validate(text, chosen))
    name = "<stdin>" if file == "-" else file
    if as_json:
        records: list[dict[str, Any]] = [
            {"file": name, "line": line, "column": column, **issue.to_dict()} for line, column, issue in found
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for line, column, issue in found:
            fix = "" if issue.suggestion is None else f"  [fix: {issue.suggestion!r}]"
            if lang in ("en", "both"):
                click.echo(f"{name}:{line}:{column}: {issue.code}: {issue.message}{fix}")
            if lang == "lo":
                click.echo(f"{name}:{line}:{column}: {issue.code}: {issue.message_lo}{fix}")
            elif lang == "both":
                click.echo(f"    {issue.message_lo}")
        summary = f"{len(found)} issue(s) found" if found else "no issues found"
        click.echo(f"{name}: {summary} (profile {chosen.name})", err=True)
    sys.exit(EXIT_FOUND if found else EXIT_OK)


@cli.command(name="normalize")
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--form",
    type=click.Choice(["standard", "lookup"]),
    default="standard",
    show_default=True,
    help="lookup turns every fix on (the key used for dictionary matching).",
)
@click.option("--keep-ho-spelling", is_flag=True, help="Keep ຫນ ຫມ as typed (do not write ໜ ໝ).")
@click.option("--keep-ho-lo", is_flag=True, help="Keep ຫລ as typed (do not write ຫຼ).")
@click.option("--keep-thai", is_flag=True, help="Keep Thai look-alike letters inside Lao words.")
@click.option("--keep-zero-width", is_flag=True, help="Keep zero-width characters inside Lao syllables.")
@click.option(
    "--remove-word-breaks",
    is_flag=True,
    help="Also remove zero-width spaces between Lao syllables (line-break hints).",
)
@click.option("--explain", is_flag=True, help="Report every change on standard error.")
def normalize_command(
    file: str,
    output: str | None,
    form: str,
    keep_ho_spelling: bool,
    keep_ho_lo: bool,
    keep_thai: bool,
    keep_zero_width: bool,
    remove_word_breaks: bool,
    explain: bool,
) -> None:
    """Normalize Lao text in FILE (or - for standard input), line by line.

    Composes ໍ+າ into ຳ, puts tone marks after their vowel, removes repeated marks, writes ຫນ ຫມ ຫລ as
    ໜ ໝ ຫຼ, replaces Thai look-alikes inside Lao words, removes zero-width characters inside syllables
    and applies NFC.
    Large files are streamed.

    \b
    Examples:
      laotext normalize letter.txt > letter-fixed.txt
      laotext normalize --explain letter.txt -o letter-fixed.txt
      cat notes.txt | laotext normalize - --keep-ho-spelling
    """
    switches = {
        "ho_ligatures": not keep_ho_spelling,
        "ho_lo": not keep_ho_lo,
        "thai_lookalikes": not keep_thai,
        "zero_width": not keep_zero_width,
        "zero_width_breaks": remove_word_breaks,
    }
    sink = _AtomicOutput(output, [file]) if output else None
    # Bytes go straight out so that line ends (CRLF included) stay exactly as they came in.
    stream = sink.stream if sink else sys.stdout.buffer
    changed = 0
    try:
        for number, line in enumerate(_lines(file), start=1):
            if explain:
                result = normalize_and_explain(line, form=form, **switches)
                for change in result.changes:
                    changed += 1
                    what = f"{change.before!r} -> {change.after!r}: {change.description}"
                    click.echo(f"{number}:{change.start + 1}: {what}", err=True)
                stream.write(result.text.encode())
            else:
                stream.write(normalize(line, form=form, **switches).encode())
    except BaseException:
        if sink:
            sink.discard()
        raise
    if sink:
        sink.commit()
    else:
        stream.flush()
    if explain:
        click.echo(f"{changed} change(s)", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the profiles as JSON.")
def profiles(as_json: bool) -> None:
    """List the validation profiles.

    \b
    Example:
      laotext profiles
    """
    chosen = [get_profile(name) for name in profile_names()]
    if as_json:
        records = [
            {
                "name": p.name,
                "description": p.description,
                "allowed": p.allowed,
                "allow_empty": p.allow_empty,
                "max_length": p.max_length,
            }
            for p in chosen
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for p in chosen:
        click.echo(f"{p.name:6} {p.description}")


@cli.command()
@click.argument("value")
@click.option(
    "--money",
    "currency",
    is_flag=False,
    flag_value="LAK",
    default=None,
    help="Write an amount of money; optionally the currency: --money=USD (default LAK).",
)
@click.option("--digits", is_flag=True, help="Convert between Lao and Arabic digits instead.")
def number(value: str, currency: str | None, digits: bool) -> None:
    """Write VALUE in Lao words, or read Lao number words back.

    \b
    Examples:
      laotext number 1500000
      laotext number 1500000 --money
      laotext number 25.50 --money=USD
      laotext number ສິບພັນຫ້າຮ້ອຍ
      laotext number --digits 2025
    """
    from laotext import numbers

    try:
        if digits:
            lao = numbers.to_lao_digits(value)
            click.echo(numbers.to_arabic_digits(value) if lao == value else lao)
        elif currency:
            click.echo(numbers.money_to_words(value, currency=currency))
        elif any(chars.is_lao(c) and c not in chars.DIGITS for c in value):
            click.echo(str(numbers.words_to_number(value)))
        else:
            click.echo(numbers.number_to_words(value))
    except LaotextError as error:
        _fail(str(error))


@cli.command()
@click.argument("value")
@click.option("--style", default="long", show_default=True, help="full, long, short, …")
@click.option(
    "--era",
    type=click.Choice(["CE", "BE"]),
    default="CE",
    show_default=True,
    help="Common Era or Buddhist Era years.",
)
@click.option("--lao-digits", is_flag=True, help="Write the numbers with Lao digits.")
def date(value: str, style: str, era: str, lao_digits: bool) -> None:
    """Write the date VALUE (ISO 2025-12-02 or a written Lao date) in Lao.

    \b
    Examples:
      laotext date 2025-12-02
      laotext date 2025-12-02 --style full --era BE
      laotext date "2 ທັນວາ 2568"
    """
    from laotext import dates

    try:
        parsed = dates.parse_date(value)
        click.echo(dates.format_date(parsed, style, era=era, digits="lao" if lao_digits else "arabic"))
    except LaotextError as error:
        _fail(str(error))


@cli.command()
@click.argument("text", required=False)
@click.option(
    "--from",
    "source",
    type=click.Choice(["latin", "lao"]),
    default="latin",
    show_default=True,
    help="latin: keys typed on the English layout → Lao; lao: the other way.",
)
def keyboard(text: str | None, source: str) -> None:
    """Retype TEXT (or standard input) as if the other keyboard layout had been on.

    \b
    Examples:
      laotext keyboard "lt[kpfu"
      laotext keyboard --from lao "ຫກດ"
    """
    from laotext import keyboard as layout

    convert = layout.latin_to_lao if source == "latin" else layout.lao_to_latin
    if text is not None:
        click.echo(convert(text))
        return
    for line in _lines("-"):
        sys.stdout.buffer.write(convert(line).encode())


def _legacy_text(data: bytes) -> str:
    """The characters of a legacy text file: Unicode text if it is UTF-8 or UTF-16, else its bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # legacy bytes, one character per code


def _legacy_lines(path: str) -> Iterator[str]:
    """Yield the lines of a legacy text file one at a time, each decoded as :func:`_legacy_text` says."""
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        _fail(f"cannot read {path}: {error.strerror}")
        raise AssertionError("unreachable") from None
    try:
        head = stream.read(1 << 16)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has no byte lines: read it whole
            yield from re.findall(r"[^\n]*\n|[^\n]+", _legacy_text(head + stream.read()))
            return
        for number, raw in enumerate(_byte_lines(head, stream), start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield raw.decode("latin-1")  # legacy bytes, one character per code
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _byte_lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    lines = head.splitlines(keepends=True)
    if lines and not lines[-1].endswith((b"\n", b"\r")):
        lines[-1] += stream.readline()
    yield from lines
    yield from stream


@cli.command()
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-f",
    "--from",
    "source",
    default="auto",
    show_default=True,
    help="The legacy encoding (see `laotext encodings`), or auto to detect it.",
)
@click.option(
    "--table",
    type=click.Path(exists=True, dir_okay=False),
    help="A code table file for a font laotext does not know (format: docs/legacy.md).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first code with no known character (write nothing)."
)
@click.option("--explain", is_flag=True, help="Report the encoding and every reordering on standard error.")
@click.option("--detect", "detect_only", is_flag=True, help="Only say which encoding FILE is in.")
def convert(
    file: str,
    source: str,
    table: str | None,
    output: str | None,
    strict: bool,
    explain: bool,
    detect_only: bool,
) -> None:
    """Convert text typed in a legacy Lao font (FILE or - for standard input) to Unicode.

    The input may be the bytes of an old .txt file, or UTF-8 text holding the characters Word shows
    for legacy text. The output is UTF-8, line ends kept. Codes with no known character are written
    as U+FFFD and reported; the exit status is then 1.

    \b
    Examples:
      laotext convert old-letter.txt -o letter.txt
      laotext convert --from lswin --explain old.txt > new.txt
      laotext convert --from keyboard - < typed-in-boupha.txt
      laotext convert --table myfont.tsv old.txt
      laotext convert --detect old.txt
    """
    from laotext import legacy

    try:
        if table:
            chosen_table = legacy.load_table(table)
            name = chosen_table.name
        else:
            chosen_table = None
            name = source if source.lower() == "auto" else legacy.get_encoding(source).name
    except LaotextError as error:
        _fail(str(error))
        return
    lines = _legacy_lines(file)
    label = "<stdin>" if file == "-" else file
    head: list[str] = []
    if name == "auto":
        for line in lines:
            head.append(line)
            if sum(map(len, head)) >= legacy.detect.SAMPLE_CHARS:
                break
        detection = legacy.detect_encoding("".join(head))
        if detect_only:
            click.echo(
                f"{label}: {detection.encoding} (confidence {detection.confidence:.2f}): {detection.evidence}"
            )
            sys.exit(EXIT_OK if detection.encoding != legacy.NOT_LAO else EXIT_FOUND)
        name = detection.encoding
        click.echo(f"{label}: {detection.encoding}: {detection.evidence}", err=True)
    elif detect_only:
        _fail("--detect needs --from auto")
    judge_lines = source.lower() == "auto" and not table
    sink = _AtomicOutput(output, [file]) if output else None
    stream = sink.stream if sink else sys.stdout.buffer
    unknown = kept = number = 0
    first_unknown = ""
    try:
        for number, line in enumerate(itertools.chain(head, lines), start=1):
            if name in (legacy.UNICODE, legacy.NOT_LAO):
                converted = line
            elif judge_lines and not legacy.needs_conversion(line, name):
                kept += bool(line.strip())
                converted = line
            elif explain:
                result = legacy.to_unicode_and_explain(
                    line, name, table=chosen_table, errors="strict" if strict else "replace"
                )
                for step in result.steps[1:]:
                    click.echo(f"{label}:{number}: {step}", err=True)
                converted = result.text
            else:
                converted = legacy.to_unicode(
                    line, name, table=chosen_table, errors="strict" if strict else "replace"
                )
            found = converted.count("\ufffd") - line.count("\ufffd")
            if found > 0 and not first_unknown:
                first_unknown = f"line {number}"
            unknown += max(found, 0)
            stream.write(converted.encode())
    except LaotextError as error:
        if sink:
            sink.discard()
        click.echo(f"laotext: {label}:{number}: {error}; nothing written", err=True)
        sys.exit(EXIT_FOUND)
    except BaseException:
        if sink:
            sink.discard()
        raise
    if sink:
        sink.commit()
    else:
        stream.flush()
    if name == legacy.UNICODE:
        click.echo(f"{label}: already Unicode Lao; written unchanged", err=True)
    elif name == legacy.NOT_LAO:
        click.echo(
            f"{label}: does not look like Lao in any legacy encoding; written unchanged "
            "(give the encoding with --from if you know it)",
            err=True,
        )
        sys.exit(EXIT_FOUND)
    if kept:
        click.echo(
            f"{label}: kept {kept} line(s) as they were: Unicode Lao already, or not reading as Lao "
            "(English in another font?)",
            err=True,
        )
    if unknown:
        click.echo(
            f"{label}: {unknown} legacy code(s) with no known character written as U+FFFD "
            f"(first on {first_unknown}); see `laotext encodings --codes {name}`",
            err=True,
        )
        sys.exit(EXIT_FOUND)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the encodings as JSON.")
@click.option(
    "--codes", "codes_of", metavar="ENCODING", help="List every code of ENCODING and what it stands for."
)
def encodings(as_json: bool, codes_of: str | None) -> None:
    """List the legacy Lao encodings, their other names and the fonts that use them.

    \b
    Examples:
      laotext encodings
      laotext encodings --codes lswin
      laotext encodings --json
    """
    from laotext import legacy

    if codes_of:
        try:
            chosen = legacy.get_encoding(codes_of)
        except LaotextError as error:
            _fail(str(error))
            return
        table = chosen.table()
        rows = []
        for code in sorted({*table.decoding, *table.unknown}):
            text = table.code_text(code)
            shown = "unknown" if text == "\ufffd" else " ".join(f"U+{ord(c):04X}" for c in text)
            rows.append(
                {"code": f"{code:02X}", "unicode": shown, "text": text, "notes": table.notes.get(code, "")}
            )
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                glyph = (
                    ""
                    if row["unicode"] == "unknown"
                    else f"\u25cc{row['text']}"
                    if chars.is_combining_mark(row["text"][0])
                    else row["text"]
                )
                click.echo(f"{row['code']}  {row['unicode']:<20} {glyph:<4} {row['notes']}")
        return
    fonts = legacy.legacy_fonts()
    records: list[dict[str, Any]] = [
        {
            "name": encoding.name,
            "aliases": list(encoding.aliases),
            "description": encoding.description,
            "keeps_ascii": encoding.keeps_ascii,
            "unknown_codes": len(encoding.table().unknown),
            "fonts": sorted(family for family, name in fonts.items() if name == encoding.name),
        }
        for encoding in legacy.encodings()
    ]
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for record in records:
        click.echo(f"{record['name']}  (also: {', '.join(record['aliases'])})")
        click.echo(f"    {record['description']}")
        if record["fonts"]:
            click.echo(f"    fonts: {', '.join(record['fonts'])}")
        if record["unknown_codes"]:
            click.echo(f"    {record['unknown_codes']} codes with no known character (written as U+FFFD)")


def main() -> None:
    """Run the command line (the ``laotext`` console script)."""
    cli(prog_name="laotext")


if __name__ == "__main__":
    main()
