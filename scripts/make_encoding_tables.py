"""Regenerate the legacy Lao encoding tables in data/encodings/: lswin.tsv, keyboard.tsv, cp1133.tsv and
mulelao-1.tsv, each mapping the codes of one legacy 8-bit Lao encoding to Unicode.

The tables are compiled from the reference tables ``lswin_evidence.tsv``, ``lswin_saysettha_lao.tsv``,
``bouphak_lowascii_keyboard.tsv``, ``cp1133.tsv`` and ``mulelao1.tsv`` (compiled for laotext from public
facts), read from ``shared/data/legacy/`` next to the repository or from ``--source``. The first line of
each of them names its upstream sources; the first line of each table written here repeats them.

Table format
------------

UTF-8, ``\\n`` line ends. Lines starting with ``# `` come first (the first one names the encoding, this
script, the sources and the licence), then the header row and one row per code, sorted, with five
tab-separated columns:

* ``legacy_code_hex``: the code, two uppercase hex digits;
* ``unicode_hex``: the code points it decodes to, space-separated, in Unicode logical order (a code may
  stand for several characters); empty when the code is known to exist but its character is not: the
  converter outputs U+FFFD and reports it;
* ``unicode_name``: the character names joined with `` + ``;
* ``direction``: ``both``, or ``decode`` for a variant code that is decoded but never written when
  encoding Unicode back to the legacy encoding. Among codes that decode to the same text exactly one is
  ``both``; rows with an empty ``unicode_hex`` are ``both`` too (the direction has no effect there);
* ``notes``: why the row says what it says.

Codes 00-7F that are plain ASCII are left out (the library reads unlisted codes below 80 as ASCII and
unlisted codes 80-FF as unknown); a code below 80 that a source maps otherwise would stay in the table
and be named in the output (none does). The LSWin, CP1133 and MuleLao-1 tables list all of 80-FF; the
keyboard table lists the printable keys 21-7E (space stays a space).

Decisions
---------

LSWin (the Lao Script for Windows fonts, Saysettha Lao and others): ``lswin_evidence.tsv`` decides
where it and ``lswin_saysettha_lao.tsv`` (the merge of three converters) disagree, because it checks each
code against 403 real LSWin strings with parallel Thai and English. Every code with converter or corpus
evidence keeps the evidence value; the notes give the evidence status, the number of corpus strings and
the words. Codes with no evidence (status UNKNOWN) decode to U+FFFD and are reported, except A0, kept
as U+00A0 NO-BREAK SPACE: no source maps it to Lao, and Word puts U+00A0 into documents by itself.
D4 and D5 are ``່ຳ`` and ``້ຳ`` in Unicode order (tone mark, then AM). The variants are ``decode``:
the normal tone-mark set FA-FE (the raised set C8-CC is the one the corpus uses, so the encoder
writes C8-CC), D0 D1 DD DE (variants of F7 F8), D6-DC (variants of F0-F6) and DF (ນ; the encoder
writes AD). CB keeps the value ``໋`` of the series it belongs to, though its one occurrence in the
corpus seems to mean mai ek.

Keyboard (the Bouphak "lower-ASCII" keyboard-position fonts): the values of
``bouphak_lowascii_keyboard.tsv`` as they are, and 5F, whose glyph the source leaves unidentified, read
as ``໙`` (the digits ໑-໘ run along the shifted number row, ໙ is the one digit no key has, and the
standard Lao layout types it with this key; scripts/make_keyboard_table.py infers the same). No two
keys decode to the same text, so every row is ``both``.

CP1133 (IBM-1133): the glibc iconv values, which ICU shares, except A0 and DF, where GNU libiconv is
followed. A0 is U+00A0 NO-BREAK SPACE (glibc leaves it unassigned) and ``decode``, since IBM puts the
no-break space at FF. DF is U+20AD KIP SIGN (as in libiconv and X-TT): glibc and ICU decode this
kip-sign position to ASCII ``k`` one way, which loses the meaning. The C1 controls 80-9F are identity.

MuleLao-1: the GNU libiconv values; the codes libiconv leaves unassigned are unknown, with what the
BSD Citrus table and GNU Emacs make of them in the notes.

The script stops if a source table no longer says what these decisions assume, then checks the tables:
every code point is an assigned character, exactly one ``both`` per decoded text, no tab or line break
inside a cell, and each written file reads back to the same rows. The output depends only on the
source tables.

Usage::

    python scripts/make_encoding_tables.py [--source path/to/shared/data/legacy] [--out data/encodings]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "legacy"
DEFAULT_OUT = REPO / "data" / "encodings"
COLUMNS = ["legacy_code_hex", "unicode_hex", "unicode_name", "direction", "notes"]
HIGH_CODES = range(0x80, 0x100)
KEY_CODES = range(0x21, 0x7F)

#: Names of characters newer than the Unicode version of the oldest supported Python (3.10: Unicode 13).
FALLBACK_NAMES = {0x0ECE: "LAO YAMAKKAN"}

UNKNOWN_NOTE = (
    "unknown: no converter maps it and it does not occur in the evidence corpus; "
    "converted to U+FFFD and reported"
)
FFFD = "converted to U+FFFD and reported"


COLUMN_COMMENTS = [
    "Columns: legacy_code_hex = the code; unicode_hex = the code points it decodes to, in Unicode order "
    "(empty: the code exists but its character is unknown; decoded as U+FFFD and reported); unicode_name; "
    "direction = both (decoded, and written when encoding) or decode (a variant: decoded, never written); "
    "notes = the evidence. Unlisted codes below 80 are ASCII, unlisted codes 80-FF unknown.",
]


@dataclass(frozen=True)
class Row:
    """One code of a table: the text it decodes to ("" when unknown), its direction and why."""

    code: int
    text: str
    direction: str
    notes: str


@dataclass(frozen=True)
class Table:
    """A table to write: its file name, its ``# `` lines (without the ``# ``) and its rows."""

    file_name: str
    comments: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class Source:
    """A reference table: its provenance line (without the ``# ``) and its rows keyed by code."""

    name: str
    provenance: str
    rows: dict[int, dict[str, str]]


# --------------------------------------------------------------------------------------------------
# Reading the reference tables


def fail(message: str) -> SystemExit:
    return SystemExit(f"error: {message}")


def read_source(directory: Path, name: str) -> Source:
    """Read a reference table: provenance line, header row, one row per code."""
    path = directory / name
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines[0].startswith("# "):
        raise fail(f"{path}: the first line is not a provenance line")
    header = lines[1].split("\t")
    if header[:2] != ["legacy_code_hex", "unicode_hex"]:
        raise fail(f"{path}: unexpected header {lines[1]!r}")
    rows: dict[int, dict[str, str]] = {}
    for number, line in enumerate(lines[2:], start=3):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise fail(f"{path}:{number}: more cells than columns")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells, strict=True))
        code = int(row["legacy_code_hex"], 16)
        if code in rows:
            raise fail(f"{path}:{number}: code {code:02X} listed twice")
        rows[code] = row
    return Source(name, lines[0][2:], rows)


def require_mentions(source: Source, phrases: Iterable[str]) -> None:
    """Stop unless the provenance line of *source* still names each upstream source quoted here."""
    missing = [phrase for phrase in phrases if phrase not in source.provenance]
    if missing:
        raise fail(f"{source.name}: the provenance line no longer mentions {missing}")


def parse_hex(cell: str) -> str:
    return "".join(chr(int(code, 16)) for code in cell.split())


def expect(source: Source, code: int, value: str, note_part: str = "") -> dict[str, str]:
    """Return the row of *code*, stopping unless it has the value (and note) a decision assumes."""
    row = source.rows[code]
    if parse_hex(row["unicode_hex"]) != value or note_part not in row.get("notes", ""):
        raise fail(
            f"{source.name}: code {code:02X} is {row['unicode_hex']!r} ({row.get('notes', '')!r}); "
            f"expected {hex_of(value)!r} with a note containing {note_part!r}"
        )
    return row


# --------------------------------------------------------------------------------------------------
# Characters


def char_name(char: str) -> str | None:
    """The Unicode name of *char*, ``<control>`` for a control character, None if unassigned."""
    if unicodedata.category(char) == "Cc":
        return "<control>"
    return unicodedata.name(char, None) or FALLBACK_NAMES.get(ord(char))


def names(text: str) -> str:
    found = []
    for char in text:
        name = char_name(char)
        if name is None:
            raise fail(f"U+{ord(char):04X} is not an assigned character")
        found.append(name)
    return " + ".join(found)


def hex_of(text: str) -> str:
    return " ".join(f"{ord(char):04X}" for char in text)


def describe(code_point: int) -> str:
    """``U+0E86 LAO LETTER PALI GHA``, or ``the unassigned U+0E83``."""
    name = char_name(chr(code_point))
    return f"U+{code_point:04X} {name}" if name else f"the unassigned U+{code_point:04X}"


# --------------------------------------------------------------------------------------------------
# LSWin

LSWIN_STATUSES = {"ATTESTED", "SOURCE", "SOURCES", "SOURCE?", "SOURCE+SERIES", "UNKNOWN"}

#: Variant codes: decoded, never written by the encoder.
LSWIN_DECODE_ONLY = {0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xD0, 0xD1, 0xDD, 0xDE, *range(0xD6, 0xDD), 0xDF}

#: The words of the evidence corpus that settle a code (status ATTESTED or SOURCE?).
LSWIN_WORDS = {
    0x84: "ຝັ່ງ, ການສັ່ນ (Thai การสั่น)",
    0x85: "ສິ່ງ (Thai สิ่ง)",
    0x86: "ທີ່ (Thai ที่)",
    0x88: "ເລື່ອນ, ເຈື່ອນ (Thai เลื่อน)",
    0x89: "ກົ່ວ (tin), ປົ່ງ",
    0x98: "ຊັ້ນ (Thai ชั้น), ເສັ້ນ, ຂັ້ວ",
    0x99: "ສິ້ນສ່ວນ (Thai ชิ้นส่วน)",
    0x9A: "ຂີ້ in ຊາກຂີ້ສັດ (coprolite)",
    0x9B: "ຂຶ້ນ in ການພູນຂຶ້ນ (accretion)",
    0x9C: "ເນື້ອ (Thai เนื้อ), ພື້ນ",
    0xBF: "ຄຳ, ດຳ, ທຳ, ນຳ",
    0xCB: "in ແຮ + CB + ໂທແພັສ (topaz, Thai แร่ = ແຮ່) mai ek seems meant",
    0xCD: "ແຫຼ່ງ, ຫຼາຍ",
    0xCE: "ຂະໜາດ, ແໜ້ນ, ໜຽວ",
    0xCF: "ໝວດ, ໃໝ່",
    0xD2: "ບໍ່ (Thai ไม่), ກໍ່ສ້າງ",
    0xD4: "ຕ່ຳ in ມູມຕ່ຳ (Thai มุมต่ำ)",
    0xD5: "ນ້ຳ (Thai น้ำ)",
    0xED: "ຄົ້ນ in ຂຸດຄົ້ນ, ເຂົ້າ",
    0xF0: "ຟໍ, ຄໍ, ສໍ",
    0xF4: "ສຶກສາ (Thai ศึกษา)",
}

#: Which converters have a code, and anything else that explains the row (B, J, V: see the header).
#: Codes whose evidence note says no more than "B,J,V agree" get "B, J, V agree".
LSWIN_SOURCES = {
    0x84: "in no converter; 84-89 are the vowels of F1-F6 with mai ek",
    0x85: "in no converter",
    0x86: "in no converter (inferred before from a sample string of B)",
    0x87: "J only; fits the series 84-89 (vowel of F1-F6 + mai ek)",
    0x88: "in no converter",
    0x89: "V only",
    0x98: "J, V agree; 98-9C are the vowels of F1-F5 with mai tho",
    0x99: "J agrees; V has ຶ້, which the corpus refutes",
    0x9A: "J agrees; V has ື້, which the corpus refutes",
    0x9B: "no converter has it right: V has ິ້, refuted by the corpus; B's ດ here is a stray line",
    0x9C: "no converter has it right: V has ີ້, refuted by the corpus; B's ຕ here is a stray line",
    0xAD: "B, J, V agree; the soft-hyphen position, which some software hides or drops",
    0xBF: "J, V agree; B writes ໍ + າ, a look-alike that is not canonically equivalent",
    0xC5: "B, V agree",
    0xC6: "B, V agree",
    0xC8: "B, J, V agree; the raised tone-mark set C8-CC, which the corpus uses, so the encoder writes it",
    0xC9: "B, J, V agree; the only mai tho in the corpus (FB never occurs); raised set C8-CC",
    0xCA: "B only; raised tone-mark set C8-CC, mirroring FC",
    0xCB: "B only; kept as ໋, the value of the raised set C8-CC, which mirrors FA-FE (FD = ໋)",
    0xCC: "B only; raised tone-mark set C8-CC, mirroring FE",
    0xCD: "B, J agree; one glyph for ຫຼ (B9 F9 is also used)",
    0xCE: "B, J, V agree",
    0xCF: "J, V agree",
    0xD0: "B only; positional variant of F7 (ຸ)",
    0xD1: "B only; positional variant of F8 (ູ)",
    0xD2: "B, J agree; V has ໍ້, refuted",
    0xD3: "B only; pairs with D2 (ໍ່) as ໍ້",
    0xD4: "only B has it, as ໍ + ່ + າ; written here as ່ + ຳ, the Unicode order (tone mark, then AM)",
    0xD5: "V agrees; B writes ໍ + ້ + າ; Unicode order (tone mark, then AM)",
    **{code: "B only; D6-DC repeat F0-F6 as positional variants" for code in range(0xD6, 0xDD)},
    0xDD: "B only; positional variant of F7 (ຸ)",
    0xDE: "B only; positional variant of F8 (ູ)",
    0xDF: "J only (its ນ for 'newer ascii'); the corpus always uses AD",
    0xE0: "V only (B has ASCII 0, the same shape); E0-E9 are the Lao digits in order",
    **{code: "V only; E0-E9 are the Lao digits in order" for code in range(0xE1, 0xEA)},
    0xED: "B, V agree",
    0xF0: "B, J, V agree",
    0xF4: "B, J, V agree",
    0xFA: "B, J, V agree; the normal tone-mark set FA-FE; the corpus uses it like C8 after bare consonants",
    0xFB: "B, J, V agree; the normal tone-mark set FA-FE (the corpus uses C9)",
    0xFC: "B, J, V agree; the normal tone-mark set FA-FE",
    0xFD: "B, J, V agree; the normal tone-mark set FA-FE",
    0xFE: "B, V agree; the normal tone-mark set FA-FE",
}

#: Unknown codes whose note says more than UNKNOWN_NOTE.
LSWIN_UNKNOWN_NOTES = {
    0x9D: "unknown: only a stray line of converter B maps it (to ຖ), and it does not occur in the evidence "
    f"corpus; ົ້, which the series 98-9C would put here, is at ED; {FFFD}",
    0x9F: "unknown: only a stray line of converter B maps it (to ນ), and it does not occur in the evidence "
    f"corpus; {FFFD}",
    0xAC: f"{UNKNOWN_NOTE} (CP1133 has ທ here; LSWin has it at EA)",
    0xB6: f"{UNKNOWN_NOTE} (CP1133 has ຣ here; LSWin has it at EB)",
    0xB7: f"{UNKNOWN_NOTE} (CP1133 has ລ here; LSWin has it at EC)",
}

LSWIN_A0_NOTE = (
    "no source maps it to Lao; Word inserts U+00A0 itself (non-breaking space), so it is kept as a space "
    "rather than reported"
)

#: Codes where the evidence table overrules the converters' merged table: missing there (84 85 86 88),
#: left open as conflicts (99 9A D5 E0) or given another value (9B 9C D4).
LSWIN_OVERRULED = {0x84, 0x85, 0x86, 0x88, 0x99, 0x9A, 0x9B, 0x9C, 0xD4, 0xD5, 0xE0}

PLAIN_AGREEMENT = re.compile(r"B,J,V( agree)?\.?")


def lswin_status(status: str, count: int, words: str) -> str:
    if status == "ATTESTED":
        text = f"attested in {count} string{'s' if count != 1 else ''}"
    elif status == "SOURCE?":
        text = f"{count} doubtful occurrence{'s' if count != 1 else ''}"
    elif status == "SOURCE+SERIES":
        text = "converter evidence and the code series, not attested"
    else:
        text = "converter evidence only, not attested"
    return f"{text}: {words}" if words else text


def build_lswin(directory: Path) -> Table:
    evidence = read_source(directory, "lswin_evidence.tsv")
    merged = read_source(directory, "lswin_saysettha_lao.tsv")
    commit = "8c732a1d12c0c0743632031a706080164caa51f2"
    require_mentions(evidence, [f"GeoscienceAustralia/cgi-vocabs@{commit}", "CC BY 4.0"])
    require_mentions(
        merged,
        [
            "jvongxay/laofont ascii_unicode.go (MIT, 2020",
            "bii811/SaysetthaLaoToUnicode converter.py (MIT, 2018",
        ],
    )
    if set(evidence.rows) != set(HIGH_CODES):
        raise fail("lswin_evidence.tsv does not list exactly the codes 80-FF")
    if not set(merged.rows) <= set(HIGH_CODES):
        raise fail("lswin_saysettha_lao.tsv lists codes outside 80-FF")
    overruled = {
        code
        for code in HIGH_CODES
        if evidence.rows[code]["unicode_hex"] != merged.rows.get(code, {}).get("unicode_hex", "")
    }
    if overruled != LSWIN_OVERRULED:
        changed = " ".join(f"{code:02X}" for code in sorted(overruled ^ LSWIN_OVERRULED))
        raise fail(f"lswin: the evidence and the converters' table now differ otherwise at {changed}")
    expect(evidence, 0xD4, "\u0ec8\u0eb3")
    expect(evidence, 0xD5, "\u0ec9\u0eb3")
    expect(evidence, 0xA0, "")
    expect(evidence, 0xCB, "\u0ecb")
    rows = []
    for code in HIGH_CODES:
        row = evidence.rows[code]
        status, count, text = row["status"], int(row["n_corpus_strings"]), parse_hex(row["unicode_hex"])
        if status not in LSWIN_STATUSES:
            raise fail(f"lswin_evidence.tsv: code {code:02X} has an unexpected status {status!r}")
        if (status == "UNKNOWN") != (text == ""):
            raise fail(f"lswin_evidence.tsv: code {code:02X} is {status} with value {row['unicode_hex']!r}")
        if code in LSWIN_WORDS and (status not in {"ATTESTED", "SOURCE?"} or count == 0):
            raise fail(f"lswin: code {code:02X} has corpus words but is {status} in {count} strings")
        if status == "UNKNOWN" and code in LSWIN_SOURCES:
            raise fail(f"lswin: code {code:02X} has a sources note but is UNKNOWN")
        if code == 0xA0:
            rows.append(Row(code, "\u00a0", "both", LSWIN_A0_NOTE))
            continue
        if status == "UNKNOWN":
            rows.append(Row(code, "", "both", LSWIN_UNKNOWN_NOTES.get(code, UNKNOWN_NOTE)))
            continue
        if code in LSWIN_SOURCES:
            sources = LSWIN_SOURCES[code]
        elif PLAIN_AGREEMENT.fullmatch(row["notes"].strip()):
            sources = "B, J, V agree"
        else:
            raise fail(f"lswin: code {code:02X} needs a note: the evidence says {row['notes']!r}")
        notes = f"{lswin_status(status, count, LSWIN_WORDS.get(code, ''))}; {sources}"
        rows.append(Row(code, text, "decode" if code in LSWIN_DECODE_ONLY else "both", notes))
    rows = add_variant_notes(rows)
    comments = [
        "LSWin legacy Lao encoding -> Unicode. Made by scripts/make_encoding_tables.py from "
        "lswin_evidence.tsv and lswin_saysettha_lao.tsv (evidence corpus: the 403 LSWin-coded Lao labels, "
        "with parallel Thai and English labels, of the CGI geoscience vocabularies, "
        f"GeoscienceAustralia/cgi-vocabs@{commit}; converters: B = bii811/SaysetthaLaoToUnicode "
        "converter.py (2018), J = jvongxay/laofont ascii_unicode.go (2020), V = an anonymous VB.NET "
        "function LaoAscToUni). Licence: this table is MIT (the laotext licence); it compiles code-point "
        "facts from converters B and J (MIT), from V (licence unknown, used only to corroborate) and from "
        'the evidence corpus (CC BY 4.0, attribution: "IUGS-CGI / Geoscience Australia cgi-vocabs").',
        "The encoding of the Lao Script for Windows fonts (Saysettha Lao, Chanthabouli Lao and others): "
        "ASCII below 80, Lao in 80-FF. In Word documents a code arrives as its cp1252 character "
        "(98 as U+02DC) or, with a symbol-charset font, as U+F000 + code.",
        *COLUMN_COMMENTS,
        "Rules: the evidence corpus decides where it and the converters disagree; 'attested in n strings' "
        "= decoding gives the Lao word that matches the parallel Thai and English label in n distinct "
        "strings. Variants are decode only: the normal tone-mark set FA-FE (the encoder writes the raised "
        "set C8-CC, which the corpus uses), D0 D1 DD DE (the encoder writes F7 F8), D6-DC (F0-F6) and DF "
        "(AD). Codes with no evidence decode to U+FFFD and are reported, except A0 (no-break space).",
    ]
    return Table("lswin.tsv", comments, rows)


def add_variant_notes(rows: list[Row]) -> list[Row]:
    """Add to each ``decode`` row the code the encoder writes for the same text."""
    written = {row.text: row.code for row in rows if row.text and row.direction == "both"}
    result = []
    for row in rows:
        if row.direction == "decode":
            if row.text not in written:
                raise fail(f"code {row.code:02X} is decode only, but no code is written for its text")
            row = Row(
                row.code,
                row.text,
                row.direction,
                f"{row.notes}; decoded only: the encoder writes {written[row.text]:02X}",
            )
        result.append(row)
    return result


# --------------------------------------------------------------------------------------------------
# Keyboard fonts

KEYBOARD_NOTES = {
    "visual (BOUPHA.TTF chart, clear)": "glyph read from BOUPHA.TTF",
    "assumed from Lao typewriter/keyboard position; glyph style not verified": (
        "the Lao digit of this key on the Lao typewriter keyboard; glyph not verified"
    ),
}
KEYBOARD_EXTRAS = {
    "combined glyph": "one glyph for both",
    "combined": "one glyph for both",
    "combined AM+tone glyph, Unicode order tone then AM": "one glyph; Unicode order (tone mark, then AM)",
    "combined AM+mai ek glyph (Windows Lao layout has ໜ on this key instead)": (
        "one glyph; Unicode order (tone mark, then AM); the Windows Lao layout has ໜ on this key"
    ),
    "(ມ-loop at bottom => ໝ; compare 7C)": "ໝ: the loop of ມ at the bottom (compare 7C)",
    "(no ມ-loop => ໜ)": "ໜ: no loop of ມ (compare 5C)",
}
KEYBOARD_5F_NOTE = (
    "key _; inferred ໙: the glyph (a loop, like ລ with an inner loop) was not identified in the source, "
    "but ໑-໘ run along the shifted number row (! to )) and ໙ is the one Lao digit no other key has; "
    "the standard Lao layout (Keyman Lao 2008 Basic) types ໙ with this key"
)


def keyboard_note(key: int, note: str) -> str:
    """Rewrite a note of bouphak_lowascii_keyboard.tsv: "key 'x'; <how read>[; <extra>]"."""
    prefix = f"key {chr(key)!r}; "
    if not note.startswith(prefix):
        raise fail(f"bouphak_lowascii_keyboard.tsv: code {key:02X}: unexpected note {note!r}")
    rest = note[len(prefix) :]
    known = [said for said in KEYBOARD_NOTES if rest.startswith(said)]
    if not known:
        raise fail(f"bouphak_lowascii_keyboard.tsv: code {key:02X}: unexpected note {note!r}")
    how = KEYBOARD_NOTES[known[0]]
    extra = rest[len(known[0]) :].lstrip(" ;")
    if extra and extra not in KEYBOARD_EXTRAS:
        raise fail(f"bouphak_lowascii_keyboard.tsv: code {key:02X}: unexpected note {note!r}")
    return "; ".join(part for part in [f"key {chr(key)}", how, KEYBOARD_EXTRAS.get(extra, "")] if part)


def build_keyboard(directory: Path) -> Table:
    source = read_source(directory, "bouphak_lowascii_keyboard.tsv")
    require_mentions(
        source, ["BOUPHA.TTF 2000, NAKKHAM.TTF 2001", "vasily-kartashov/lao-fonts", "lao_2008_basic"]
    )
    if set(source.rows) != set(KEY_CODES):
        raise fail("bouphak_lowascii_keyboard.tsv does not list exactly the keys 21-7E")
    expect(source, 0x5F, "", "UNIDENTIFIED")
    rows = []
    for code in KEY_CODES:
        row = source.rows[code]
        text = "\u0ed9" if code == 0x5F else parse_hex(row["unicode_hex"])
        notes = KEYBOARD_5F_NOTE if code == 0x5F else keyboard_note(code, row["notes"])
        rows.append(Row(code, text, "both", notes))
    comments = [
        "Keyboard-position font (Bouphak lower-ASCII) legacy Lao encoding -> Unicode. Made by "
        "scripts/make_encoding_tables.py from bouphak_lowascii_keyboard.tsv (the free Bouphak fonts "
        "BOUPHA.TTF 2000, NAKKHAM.TTF 2001, Duangdao, Kittivong, Sengdao, Phattana, as published in "
        "github vasily-kartashov/lao-fonts; each glyph of BOUPHA.TTF read as the Lao character of that key "
        "of the Lao keyboard, compared with the Keyman keyboard keymanapp/keyboards lao_2008_basic). "
        "Licence: this table is MIT (the laotext licence); it records which character each glyph of the "
        "fonts shows (the fonts' own licence is unknown; nothing of them is copied) and uses the Keyman "
        "keyboard (MIT) only for comparison.",
        "Fonts that draw at each ASCII code the Lao character of that key of the Lao keyboard; space (20) "
        "stays a space, codes 80-FF are not used. Other fonts of this kind (Alice, SengChanh) may differ "
        "on a few keys.",
        *COLUMN_COMMENTS,
        "Rules: the values as read from the glyphs; the Lao digits on the shifted number keys are assumed "
        "from the keyboard. No two keys decode to the same text, so every key is 'both'.",
    ]
    return Table("keyboard.tsv", comments, rows)


# --------------------------------------------------------------------------------------------------
# CP1133 and MuleLao-1


def ascii_identity(source: Source) -> list[int]:
    """Codes 00-7F of *source* that are not ASCII identity (they stay in the table)."""
    return [code for code in range(0x80) if source.rows[code]["unicode_hex"] != f"{code:04X}"]


def build_cp1133(directory: Path) -> tuple[Table, list[int]]:
    source = read_source(directory, "cp1133.tsv")
    require_mentions(source, ["glibc iconv 2.36", "ICU 72 ibm-1133_P100-1997", "GNU libiconv lib/cp1133.h"])
    if set(source.rows) != set(range(0x100)):
        raise fail("cp1133.tsv does not list exactly the codes 00-FF")
    expect(source, 0xA0, "", "GNU libiconv: 00A0 NO-BREAK SPACE")
    expect(source, 0xDF, "k", "GNU libiconv: 20AD KIP SIGN")
    expect(source, 0xFF, "\u00a0", "GNU libiconv: unassigned")
    special = {
        0xA0: Row(
            0xA0,
            "\u00a0",
            "decode",
            "NO-BREAK SPACE as in GNU libiconv; glibc and ICU leave it unassigned; IBM's no-break space "
            "is FF",
        ),
        0xDF: Row(
            0xDF,
            "\u20ad",
            "both",
            "the kip-sign position: KIP SIGN as in GNU libiconv and X-TT; glibc and ICU decode it to ASCII k "
            "one way (k encodes back to 6B), which would lose the meaning",
        ),
        0xFF: Row(
            0xFF,
            "\u00a0",
            "both",
            "IBM's no-break space, as in glibc and ICU (GNU libiconv leaves it unassigned); the encoder "
            "writes U+00A0 here",
        ),
    }
    not_identity = ascii_identity(source)
    rows = []
    for code in [*not_identity, *HIGH_CODES]:
        if code in special:
            rows.append(special[code])
            continue
        row = source.rows[code]
        if row["notes"]:
            raise fail(f"cp1133.tsv: code {code:02X} has an unexpected note {row['notes']!r}")
        text = parse_hex(row["unicode_hex"])
        if not text:
            notes = f"unassigned in glibc, ICU and GNU libiconv; {FFFD}"
        elif code < 0xA0:
            notes = "C1 control, identity in glibc, ICU and GNU libiconv"
        else:
            notes = "glibc, ICU and GNU libiconv agree"
        rows.append(Row(code, text, "both", notes))
    rows = add_variant_notes(rows)
    comments = [
        "CP1133 (IBM-1133) legacy Lao encoding -> Unicode. Made by scripts/make_encoding_tables.py from "
        "cp1133.tsv (glibc iconv 2.36 iconvdata/ibm1133.h, identical to ICU 72 ibm-1133_P100-1997; GNU "
        "libiconv lib/cp1133.h for A0 and DF, as X-TT ASCIILAOtoUCS2.c for DF). Licence: this table is "
        "MIT (the laotext licence); it compiles code-point facts from glibc (LGPL-2.1-or-later), ICU "
        "(Unicode License) and GNU libiconv (LGPL-2.0-or-later).",
        "IBM's 8-bit Lao code page: ASCII below 80, C1 controls 80-9F, Lao in A0-FF. Python has no codec "
        "for it.",
        *COLUMN_COMMENTS,
        "Rules: the glibc values (ICU agrees), except A0 (U+00A0 as in libiconv, decode only: IBM's "
        "no-break space is FF) and DF (U+20AD KIP SIGN as in libiconv, where glibc and ICU give ASCII k).",
    ]
    return Table("cp1133.tsv", comments, rows), not_identity


EMACS_NOTE = re.compile(r"Emacs mule-lao: (?:([0-9A-F]{4}) [^;]*|unassigned)")
CITRUS_NOTE = re.compile(r"Citrus/X-TT maps to ([0-9A-F]{4})")


def build_mulelao(directory: Path) -> tuple[Table, list[int]]:
    source = read_source(directory, "mulelao1.tsv")
    require_mentions(source, ["GNU libiconv lib/mulelao.h", "MULELAO-1%UCS.src", "GNU Emacs 28.2"])
    if set(source.rows) != set(range(0x100)):
        raise fail("mulelao1.tsv does not list exactly the codes 00-FF")
    not_identity = ascii_identity(source)
    rows = []
    for code in [*not_identity, *HIGH_CODES]:
        row = source.rows[code]
        text, note = parse_hex(row["unicode_hex"]), row["notes"]
        # Emacs decodes A1-FE as U+0E81-U+0EDE (charset lao, code space 21-7E, offset U+0E81).
        emacs = code + 0x0DE0 if 0xA1 <= code <= 0xFE else None
        emacs_match = EMACS_NOTE.search(note)
        citrus_match = CITRUS_NOTE.search(note)
        citrus = int(citrus_match.group(1), 16) if citrus_match else None
        if emacs_match and emacs_match.group(1) and int(emacs_match.group(1), 16) != emacs:
            raise fail(f"mulelao1.tsv: code {code:02X}: Emacs value {emacs_match.group(1)} breaks the rule")
        if code < 0xA0:
            if not text or note:
                raise fail(f"mulelao1.tsv: code {code:02X} is not an identity control")
            notes = "C1 control, identity in GNU libiconv and Citrus"
        elif code == 0xA0:
            expect(source, code, "\u00a0", "Emacs mule-lao: unassigned")
            notes = "NO-BREAK SPACE in GNU libiconv and Citrus; Emacs leaves it unassigned"
        elif text:
            if note or ord(text) != emacs:
                raise fail(f"mulelao1.tsv: code {code:02X}: unexpected {row['unicode_hex']} {note!r}")
            notes = "GNU libiconv, Citrus and Emacs agree"
        else:
            if emacs is not None and not emacs_match:
                raise fail(f"mulelao1.tsv: code {code:02X}: the note does not give the Emacs value")
            others = []
            if citrus is not None:
                others.append(f"Citrus (from X-TT) decodes it to {describe(citrus)}")
                if citrus == 0x0EDC:
                    others[-1] += " (also at FC)"
            if emacs is not None:
                others.append(f"Emacs decodes it to {describe(emacs)}")
            where = "GNU libiconv" if citrus is not None else "GNU libiconv and Citrus"
            if emacs is None:
                where = "GNU libiconv, Citrus and Emacs"
            notes = "; ".join([f"unassigned in {where}", *others, FFFD])
        rows.append(Row(code, text, "both", notes))
    comments = [
        "MuleLao-1 legacy Lao encoding -> Unicode. Made by scripts/make_encoding_tables.py from "
        "mulelao1.tsv (GNU libiconv lib/mulelao.h; in the notes the NetBSD/FreeBSD Citrus table "
        "share/i18n/csmapper/MISC/MULELAO-1%UCS.src, from the X-TT project, and GNU Emacs 28.2 charset "
        "mule-lao). Licence: this table is MIT (the laotext licence); it compiles code-point facts from "
        "GNU libiconv (LGPL-2.0-or-later), naming those of Citrus (BSD-2-Clause) and GNU Emacs "
        "(GPL-3.0-or-later) in the notes.",
        "The X11 font encoding mulelao-1: ASCII below 80, C1 controls 80-9F, Lao in A0-FF at the Unicode "
        "code point minus 0DE0.",
        *COLUMN_COMMENTS,
        "Rules: the libiconv values; codes libiconv leaves unassigned decode to U+FFFD and are reported, "
        "also where Citrus or Emacs give a character.",
    ]
    return Table("mulelao-1.tsv", comments, rows), not_identity


# --------------------------------------------------------------------------------------------------
# Checking and writing


def check(table: Table) -> list[str]:
    """Problems of *table*: unassigned code points, not exactly one 'both' per text, bad cells."""
    problems = []
    codes = [row.code for row in table.rows]
    if codes != sorted(set(codes)) or not all(0 <= code <= 0xFF for code in codes):
        problems.append("codes not sorted, unique and within 00-FF")
    by_text: dict[str, list[Row]] = defaultdict(list)
    for row in table.rows:
        for char in row.text:
            category = unicodedata.category(char)
            if char_name(char) is None or category in {"Cs", "Co"} or char == "\ufffd":
                problems.append(f"{row.code:02X}: U+{ord(char):04X} is not a real character")
        if row.direction not in {"both", "decode"}:
            problems.append(f"{row.code:02X}: direction {row.direction!r}")
        if row.text:
            by_text[row.text].append(row)
        cells = [row.text, row.notes]
        if any(bad in cell for cell in cells for bad in "\t\n\r"):
            problems.append(f"{row.code:02X}: tab or line break inside a cell")
        if not row.notes:
            problems.append(f"{row.code:02X}: no note")
    for text, rows in by_text.items():
        both = [row.code for row in rows if row.direction == "both"]
        if len(both) != 1:
            problems.append(f"{hex_of(text)}: {len(both)} codes are 'both' ({[f'{c:02X}' for c in both]})")
    return problems


def render(table: Table) -> str:
    lines = [f"# {comment}" for comment in table.comments]
    lines.append("\t".join(COLUMNS))
    for row in table.rows:
        lines.append(
            "\t".join(
                [
                    f"{row.code:02X}",
                    hex_of(row.text),
                    names(row.text) if row.text else "",
                    row.direction,
                    row.notes,
                ]
            )
        )
    return "\n".join(lines) + "\n"


def read_back(path: Path) -> list[Row]:
    """Parse a written table the way a user's table is parsed."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines.pop() != "":
        raise fail(f"{path}: no final line end")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    if lines[0].split("\t") != COLUMNS:
        raise fail(f"{path}: bad header row")
    rows = []
    for line in lines[1:]:
        code, codes, name, direction, notes = line.split("\t")
        text = parse_hex(codes)
        if len(code) != 2 or code != code.upper() or name != (names(text) if text else ""):
            raise fail(f"{path}: bad row {line!r}")
        rows.append(Row(int(code, 16), text, direction, notes))
    return rows


def summary(table: Table) -> str:
    unknown = [f"{row.code:02X}" for row in table.rows if not row.text]
    decode = [f"{row.code:02X}" for row in table.rows if row.direction == "decode"]
    return (
        f"{table.file_name}: {len(table.rows)} rows; {len(unknown)} unknown ({' '.join(unknown) or '-'}); "
        f"{len(decode)} decode only ({' '.join(decode) or '-'})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the reference tables")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write the tables into")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"error: {args.source} not found; give the folder with --source", file=sys.stderr)
        return 2
    cp1133, cp1133_kept = build_cp1133(args.source)
    mulelao, mulelao_kept = build_mulelao(args.source)
    tables = [build_lswin(args.source), build_keyboard(args.source), cp1133, mulelao]
    failed = False
    for table in tables:
        for problem in check(table):
            print(f"{table.file_name}: {problem}", file=sys.stderr)
            failed = True
    if failed:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for table in tables:
        path = args.out / table.file_name
        path.write_text(render(table), encoding="utf-8", newline="\n")
        if read_back(path) != table.rows:
            print(f"{path}: does not read back to the same rows", file=sys.stderr)
            return 1
        print(summary(table))
    for name, kept in [("cp1133.tsv", cp1133_kept), ("mulelao-1.tsv", mulelao_kept)]:
        if kept:
            listed = " ".join(f"{code:02X}" for code in kept)
            print(f"{name}: codes below 80 that are not ASCII identity, kept: {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
