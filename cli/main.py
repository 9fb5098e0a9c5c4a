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

from ._io import EXIT_FOUND, EXIT_OK
from ._io import fail as _fail
from ._io import lines as _lines
from ._io import read_text as _read_text
from .fonts import fonts
from .romanize import romanize_command
from .serve import serve


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
      laotext convert "Old documents" -o Converted
      laotext segment letter.txt
      laotext dict ໜັງສື
      laotext spell letter.txt
      laotext fonts inspect MyFont.ttf
      laotext romanize --system ala-lc names.txt
      laotext serve --port 8000
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
    "--keep-tone-slips",
    is_flag=True,
    help="Keep a tone typed after the vowel letter (ທາ່ນ) or inside a cluster (ກ່ວາ) where it is.",
)
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
    keep_tone_slips: bool,
    remove_word_breaks: bool,
    explain: bool,
) -> None:
    """Normalize Lao text in FILE (or - for standard input), line by line.

    Composes ໍ+າ into ຳ, puts tone marks after their vowel, removes repeated marks, puts a tone typed
    after the vowel letter (ທາ່ນ) on its consonant, writes ຫນ ຫມ ຫລ as ໜ ໝ ຫຼ, replaces Thai
    look-alikes inside Lao words, removes zero-width characters inside syllables and applies NFC.
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
        "misplaced_tones": not keep_tone_slips,
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
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-f",
    "--from",
    "source",
    default="auto",
    show_default=True,
    help="Plain text: the legacy encoding (see `laotext encodings`), or auto to detect it.",
)
@click.option(
    "--table",
    type=click.Path(exists=True, dir_okay=False),
    help="Plain text: a code table file for a font laotext does not know (format: docs/legacy.md).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="For one text file: the output file (written atomically; default standard output). "
    "For documents and folders: the output folder, created if needed.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first code with no known character (write nothing for that file).",
)
@click.option(
    "--explain", is_flag=True, help="Plain text: report the encoding and every reordering on standard error."
)
@click.option("--detect", "detect_only", is_flag=True, help="Plain text: only say which encoding FILE is in.")
@click.option(
    "--font",
    default="Phetsarath OT",
    show_default=True,
    help="Documents: the font converted text is set in.",
)
@click.option(
    "--font-map",
    "font_map",
    multiple=True,
    metavar="FONT=ENCODING",
    help="Documents: also treat FONT as a legacy font typed in ENCODING (repeatable).",
)
@click.option(
    "--overwrite", is_flag=True, help="Documents: replace outputs that exist already (never an input)."
)
@click.option("--dry-run", is_flag=True, help="Documents: convert and report, but write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Documents: print the report as JSON.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Documents: worker processes.",
)
@click.option(
    "--allow-output-inside",
    is_flag=True,
    help="Documents: allow the output folder inside an input folder (it is then not read as input).",
)
@click.option("--no-progress", is_flag=True, help="Documents: no progress bar.")
def convert(
    inputs: tuple[str, ...],
    source: str,
    table: str | None,
    output: str | None,
    strict: bool,
    explain: bool,
    detect_only: bool,
    font: str,
    font_map: tuple[str, ...],
    overwrite: bool,
    dry_run: bool,
    as_json: bool,
    jobs: int,
    allow_output_inside: bool,
    no_progress: bool,
) -> None:
    """Convert text typed in legacy Lao fonts to Unicode: plain text, or documents and folders.

    \b
    Documents (.docx .xlsx .pptx .odt .ods .odp .rtf .html .txt .csv, and .doc .xls .ppt
    with LibreOffice): every run of text in a legacy Lao font (see `laotext encodings`) is
    converted and set in Phetsarath OT; everything else is kept as it is. Folders are read
    recursively; each output keeps its path under the output folder. Inputs are never written
    to. The exit status is 1 if any file failed.

    \b
    Plain text (one .txt or other non-document FILE, or - for standard input): the bytes of an old
    text file, or UTF-8 text holding the characters Word shows for legacy text. The output is
    UTF-8, line ends kept. Codes with no known character are written as U+FFFD and reported;
    the exit status is then 1.

    \b
    Examples:
      laotext convert "Old documents" -o Converted
      laotext convert report.docx budget.xls -o Converted --json
      laotext convert --font-map "Alice_3=lswin" minutes.docx -o Converted
      laotext convert old-letter.txt -o letter.txt
      laotext convert --from keyboard - < typed-in-boupha.txt
      laotext convert --detect old.txt
    """
    from laotext.documents import format_for

    def is_document(name: str) -> bool:
        fmt = format_for(name)
        return fmt is not None and fmt.name != "text"

    names = inputs or ("-",)
    if (
        len(names) > 1
        or any(name != "-" and (Path(name).is_dir() or is_document(name)) for name in names)
        or (output is not None and Path(output).is_dir())
    ):
        _convert_documents(
            names,
            output,
            strict,
            font,
            font_map,
            overwrite,
            dry_run,
            as_json,
            jobs,
            allow_output_inside,
            no_progress,
            plain_only=[
                flag
                for flag, given in (
                    ("--from", source.lower() != "auto"),
                    ("--table", table is not None),
                    ("--explain", explain),
                    ("--detect", detect_only),
                )
                if given
            ],
        )
        return
    _convert_plain_text(names[0], source, table, output, strict, explain, detect_only)


def _convert_plain_text(
    file: str,
    source: str,
    table: str | None,
    output: str | None,
    strict: bool,
    explain: bool,
    detect_only: bool,
) -> None:
    """Convert one plain text file (or standard input), streaming it line by line."""
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
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--sep", default="|", show_default=True, help="What to write between the pieces.")
@click.option("--sentences", "unit", flag_value="sentences", help="Split into sentences, one per line.")
@click.option("--syllables", "unit", flag_value="syllables", help="Split into syllables.")
@click.option(
    "--engine",
    default="default",
    show_default=True,
    help="Word segmentation engine: default (dictionary, least cost), longest or syllable.",
)
@click.option("--keep-whitespace", is_flag=True, help="Write white space between words as pieces too.")
def segment(file: str, sep: str, unit: str | None, engine: str, keep_whitespace: bool) -> None:
    """Split Lao text (FILE or - for standard input) into words, sentences or syllables.

    Reads and writes line by line, so it works on files of any size. Each output line holds the
    pieces of one input line joined by --sep; with --sentences each sentence goes on its own line.

    \b
    Examples:
      laotext segment letter.txt
      echo "ຂ້ອຍຮັກປະເທດລາວ" | laotext segment --sep " / "
      laotext segment --sentences news.txt
      laotext segment --syllables letter.txt
    """
    from laotext import segment as segmentation
    from laotext.syllables import syllables

    try:
        tokenizer = segmentation.Tokenizer(engine=engine)
    except LaotextError as error:
        _fail(str(error))
        return
    out = sys.stdout.buffer  # UTF-8 whatever the terminal's locale
    for line in _lines(file):
        body = line.rstrip("\r\n")
        if unit == "sentences":
            for sentence in segmentation.sent_tokenize(body):
                if sentence.strip():
                    out.write((sentence.strip() + "\n").encode())
            continue
        if unit == "syllables":
            pieces = syllables(body) if keep_whitespace else [p.strip() for p in syllables(body) if p.strip()]
        else:
            pieces = tokenizer.tokenize(body, keep_whitespace=keep_whitespace)
        out.write((sep.join(pieces) + "\n").encode())
    out.flush()


def _dictionary(user_files: tuple[str, ...]) -> Any:
    """The bundled dictionary with the user's files merged over it (exit 2 on a bad file)."""
    from laotext import dictionary

    try:
        return dictionary.with_user_files(*user_files)
    except LaotextError as error:
        _fail(str(error))
        raise AssertionError("unreachable") from None


def _show_entry(entry: Any, color: bool) -> None:
    head = click.style(entry.headword, bold=True) if color else entry.headword
    details = [
        part for part in (entry.part_of_speech, entry.pronunciation and f"/{entry.pronunciation}/") if part
    ]
    click.echo(
        f"{head}  {click.style(' '.join(details), fg='cyan') if color else ' '.join(details)}".rstrip()
    )
    if entry.variants:
        click.echo(f"    also written: {', '.join(entry.variants)}")
    for number, gloss in enumerate(entry.glosses, start=1):
        click.echo(f"    {number}. {gloss}")


@cli.command(name="dict")
@click.argument("words", nargs=-1)
@click.option(
    "--en", "english", is_flag=True, help="Search English glosses for WORDS instead (reverse search)."
)
@click.option(
    "--mode",
    type=click.Choice(["word", "prefix", "contains"]),
    default="word",
    show_default=True,
    help="How Lao WORDS match headwords.",
)
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="At most this many."
)
@click.option(
    "--user",
    "user_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A user dictionary (.csv, .tsv or .json) merged over the bundled one; repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
def dict_command(
    words: tuple[str, ...], english: bool, mode: str, limit: int, user_files: tuple[str, ...], as_json: bool
) -> None:
    """Look up Lao WORDS in the Lao–English dictionary (any spelling variant), or English with --en.

    Exit status 1 when nothing is found.

    \b
    Examples:
      laotext dict ໜັງສື
      laotext dict ຫນັງສື               (the same entry: variants are normalized)
      laotext dict --mode prefix ນ້ຳ
      laotext dict --en water
      laotext dict --user office-words.csv ຫ້ອງການ --json
    """
    if not words:
        _fail("give a word to look up, for example: laotext dict ໜັງສື  or  laotext dict --en water")
    dictionary = _dictionary(user_files)
    query = " ".join(words)
    try:
        if english:
            hits = dictionary.search(query, lang="en", limit=limit)
        elif mode == "word":
            hits = [
                hit for word in words for hit in dictionary.search(word, lang="lo", mode="word", limit=limit)
            ]
        else:
            hits = dictionary.search(query, lang="lo", mode=mode, limit=limit)
    except LaotextError as error:
        _fail(str(error))
        return
    if as_json:
        click.echo(json.dumps([hit.entry.as_dict() for hit in hits], ensure_ascii=False, indent=2))
    else:
        color = sys.stdout.isatty()
        for hit in hits:
            _show_entry(hit.entry, color)
        if not hits:
            from laotext.dictionary import suggest

            hint = "" if english else ", ".join(suggest(words[0], 5))
            click.echo(f"not found: {query}" + (f"; did you mean: {hint}" if hint else ""), err=True)
    sys.exit(EXIT_OK if hits else EXIT_FOUND)


@cli.command()
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the unknown words as JSON.")
@click.option(
    "--suggestions", type=click.IntRange(0, 20), default=5, show_default=True, help="Suggestions per word."
)
def spell(file: str, as_json: bool, suggestions: int) -> None:
    """Report the Lao words of FILE (or - for standard input) that no bundled word list knows.

    Each is printed as line:column, the word and suggestions; exit status 1 when some are found.
    Spelling variants of known words (ຫນ for ໜ, ໍາ for ຳ) count as known: `laotext check` reports those.
    """
    from laotext.dictionary import spellcheck

    found: list[dict[str, object]] = []
    for number, line in enumerate(_lines(file), start=1):
        for miss in spellcheck(line, suggestions=max(suggestions, 1)):
            found.append(
                {
                    "line": number,
                    "column": miss.start + 1,
                    "word": miss.word,
                    "suggestions": list(miss.suggestions[:suggestions]),
                }
            )
            if not as_json:
                hint = (
                    f" → {', '.join(miss.suggestions[:suggestions])}"
                    if suggestions and miss.suggestions
                    else ""
                )
                click.echo(f"{number}:{miss.start + 1}: {miss.word}{hint}")
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    sys.exit(EXIT_FOUND if found else EXIT_OK)


def _font_map(pairs: tuple[str, ...]) -> dict[str, str]:
    """FONT=ENCODING pairs from the command line, with the encodings checked."""
    from laotext import legacy

    mapping: dict[str, str] = {}
    for pair in pairs:
        font, equals, encoding = pair.rpartition("=")
        if not equals or not font.strip() or not encoding.strip():
            _fail(f"--font-map {pair!r}: write it as FONT=ENCODING, for example 'Alice_3=lswin'")
        try:
            mapping[font.strip()] = legacy.get_encoding(encoding.strip()).name
        except LaotextError as error:
            _fail(f"--font-map {pair!r}: {error}")
    return mapping


def _describe(report: Any, dry_run: bool) -> list[str]:
    """Lines telling a clerk what happened to one file."""
    arrow = f" → {report.output}" if report.output else ""
    if report.status == "failed":
        return [f"failed     {report.source}: {report.error}"]
    if report.status == "skipped":
        return [f"skipped    {report.source}: not a format laotext converts"]
    verb = ("would convert" if dry_run else "converted") if report.status == "converted" else "unchanged"
    if report.status == "converted":
        fonts = ", ".join(f"{font} ({encoding})" for font, encoding in sorted(report.legacy_fonts.items()))
        detail = f"{report.runs:,} runs, {report.characters:,} characters; {fonts}"
    else:
        detail = "no text in a known legacy Lao font" + ("" if dry_run else "; copied as it is")
    lines = [f"{verb:<10} {report.source}{arrow}: {detail}"]
    lines += [f"    warning: {warning}" for warning in report.warnings]
    lines += [
        f"    font {font!r} looks like a legacy Lao font: {why}" for font, why in report.suspect_fonts.items()
    ]
    return lines


def _convert_documents(
    inputs: tuple[str, ...],
    output: str | None,
    strict: bool,
    font: str,
    font_map: tuple[str, ...],
    overwrite: bool,
    dry_run: bool,
    as_json: bool,
    jobs: int,
    allow_output_inside: bool,
    no_progress: bool,
    plain_only: list[str],
) -> None:
    """Convert documents and folders into an output folder (or one document into one file)."""
    from laotext import documents

    if plain_only:
        _fail(
            f"{', '.join(plain_only)} apply to plain text only; documents are converted by the font of each "
            "run (use --font-map FONT=ENCODING for a font laotext does not know)"
        )
    if "-" in inputs:
        _fail("standard input (-) is for one plain text; name the document files or folders")
    if not output:
        _fail("documents and folders need an output folder: -o FOLDER (inputs are never overwritten)")
        return
    options = documents.ConvertOptions(
        font=font, font_map=_font_map(font_map), errors="strict" if strict else "replace"
    )
    single = (
        len(inputs) == 1
        and Path(inputs[0]).is_file()
        and not Path(output).is_dir()
        and Path(output).suffix.lower() == Path(documents.output_name(inputs[0])).suffix.lower()
    )
    if single:
        report = documents.convert_document(
            inputs[0], output, options=options, overwrite=overwrite, dry_run=dry_run
        )
        batch = documents.BatchReport((report,))
    else:
        try:
            planned = len(documents.plan(inputs, output, allow_inside=allow_output_inside))
        except LaotextError as error:
            _fail(str(error))
            return
        show_progress = not no_progress and not as_json and planned > 1 and sys.stderr.isatty()
        with click.progressbar(
            length=planned, label="Converting", file=sys.stderr, hidden=not show_progress
        ) as bar:
            try:
                batch = documents.convert_all(
                    inputs,
                    output,
                    options=options,
                    overwrite=overwrite,
                    dry_run=dry_run,
                    jobs=jobs,
                    allow_inside=allow_output_inside,
                    on_done=lambda _: bar.update(1),
                )
            except LaotextError as error:
                _fail(str(error))
                return
    if as_json:
        click.echo(json.dumps({"dry_run": dry_run, **batch.as_dict()}, ensure_ascii=False, indent=2))
    else:
        for report in batch.files:
            for line in _describe(report, dry_run):
                click.echo(line)
        counts = batch.counts()
        summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        click.echo(
            f"{len(batch.files)} file(s): {summary}" + (" (dry run: nothing written)" if dry_run else "")
        )
    sys.exit(EXIT_OK if batch.ok else EXIT_FOUND)


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


cli.add_command(fonts)
cli.add_command(romanize_command)
cli.add_command(serve)


def main() -> None:
    """Run the command line (the ``laotext`` console script)."""
    cli(prog_name="laotext")


if __name__ == "__main__":
    main()
