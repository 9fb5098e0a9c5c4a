"""Regenerate data/keyboard_layout.tsv: the standard Lao keyboard layout on a US keyboard, key by key.

The layout is the Keyman keyboard "Lao 2008 Basic" 1.2.2 (© John Durdin, MIT;
github.com/keymanapp/keyboards, release/l/lao_2008_basic), which types the official Lao standard
layout in Unicode, written out below as :data:`KEYMAN_LAO_2008`. Each of the 94 printable ASCII keys
(``!`` to ``~``) gets the text it types: one character, two for the keys that type a vowel with a tone
mark (Shift+A gives ``ັ້``) or ຫຼ (Shift+]), or an ASCII character for the punctuation and digits the
Lao layout moves to shifted keys (Shift+D gives ``.``, Shift+1 gives ``1``). A key that types nothing
of its own types itself. AltGr is not modelled. The Windows Lao layout (KBDLAO, as transcribed from
Microsoft's keyboard page in the Mottie/Keyboard project, layouts/ms-Lao.js) agrees with it on the
keys that differ from the fonts below: ``O`` ໜ, ``<`` ໝ, ``}`` ຫຼ and the ASCII digits on the shifted
number keys.

Comparison with the keyboard fonts
----------------------------------

The free Bouphak "lower-ASCII" Lao fonts (BOUPHA.TTF 2000, NAKKHAM.TTF 2001 and others) draw at each
ASCII code the Lao character of that key; their character map is
``bouphak_lowascii_keyboard.tsv``, compiled for laotext from public facts and read from
``shared/data/legacy/`` next to the repository, or from ``--source``. It agrees with Keyman on 77 of
the 94 keys, every unshifted key but ``\\`` among them, and disagrees on the 17 keys in
:data:`DISAGREEMENTS` (stored as (fonts, Keyman)); the script fails if the comparison finds any other
difference, so the list stays true:

* ``! @ # $ & * ( ) _`` and ``W``: the fonts put the Lao digits ໑ to ໙ and ໐ there, and so does the
  X11 layout ``la`` (xkeyboard-config ``symbols/la``, 2002); Keyman types the ASCII digits 1 to 9
  and 0 there and the Lao digits with AltGr. (The fonts' ``_`` glyph was not identified when the
  table was compiled; it is read as LAO DIGIT NINE ໙, the one digit missing from the series.)
* ``O``: fonts ``່ຳ`` (tone mark with ຳ); Keyman ``ໜ``.
* ``<``: fonts ``"``; Keyman ``ໝ``.
* ``|`` and ``\\``: fonts ``ໜ`` and ``ໝ``; Keyman a zero-width space on ``|`` and nothing on ``\\``.
* ``}``: fonts ``/``; Keyman ``ຫຼ``.
* ``Z``: fonts ``₭``; Keyman ``"`` (with ₭ on AltGr and the backquote key).
* ``~``: fonts ``~``; Keyman ``/``.

Usage::

    python scripts/make_keyboard_table.py [--source path/to/bouphak_lowascii_keyboard.tsv]
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "legacy" / "bouphak_lowascii_keyboard.tsv"
PRINTABLE_KEYS = [chr(code) for code in range(0x21, 0x7F)]

#: Keys the source table leaves unidentified, with the reading chosen here (see the module docstring).
INFERRED = {"_": "\u0ed9"}

#: The Keyman keyboard "Lao 2008 Basic" 1.2.2: what each printable ASCII key types ("" for nothing,
#: that is the key types itself). Written out from its keyboard source, lao_2008_basic.kmn.
KEYMAN_LAO_2008: dict[str, str] = {
    # Unshifted number row and letters.
    "1": "ຢ", "2": "ຟ", "3": "ໂ", "4": "ຖ", "5": "ຸ", "6": "ູ", "7": "ຄ", "8": "ຕ", "9": "ຈ", "0": "ຂ",
    "-": "ຊ", "=": "ໍ",
    "q": "ົ", "w": "ໄ", "e": "ຳ", "r": "ພ", "t": "ະ", "y": "ິ", "u": "ີ", "i": "ຮ", "o": "ນ", "p": "ຍ",
    "[": "ບ", "]": "ລ", "\\": "",
    "a": "ັ", "s": "ຫ", "d": "ກ", "f": "ດ", "g": "ເ", "h": "້", "j": "່", "k": "າ", "l": "ສ", ";": "ວ",
    "'": "ງ",
    "z": "ຜ", "x": "ປ", "c": "ແ", "v": "ອ", "b": "ຶ", "n": "ື", "m": "ທ", ",": "ມ", ".": "ໃ", "/": "ຝ",
    "`": "*",
    # Shifted.
    "!": "1", "@": "2", "#": "3", "$": "4", "%": "໌", "^": "ຼ", "&": "5", "*": "6", "(": "7", ")": "8",
    "_": "9", "+": "ໍ່",
    "Q": "ົ້", "W": "0", "E": "້ຳ", "R": "_", "T": "+", "Y": "ິ້", "U": "ີ້", "I": "ຣ", "O": "ໜ", "P": "ຽ",
    "{": "-", "}": "ຫຼ", "|": "\u200b",
    "A": "ັ້", "S": ";", "D": ".", "F": ",", "G": ":", "H": "໊", "J": "໋", "K": "!", "L": "?", ":": "%",
    '"': "=",
    "Z": '"', "X": "(", "C": "ຯ", "V": "x", "B": "ຶ້", "N": "ື້", "M": "ໆ", "<": "ໝ", ">": "$", "?": ")",
    "~": "/",
}  # fmt: skip

#: Every key where the Bouphak table (kept) and Keyman disagree: key -> (Bouphak, Keyman).
DISAGREEMENTS: dict[str, tuple[str, str]] = {
    "!": ("໑", "1"),
    "@": ("໒", "2"),
    "#": ("໓", "3"),
    "$": ("໔", "4"),
    "&": ("໕", "5"),
    "*": ("໖", "6"),
    "(": ("໗", "7"),
    ")": ("໘", "8"),
    "_": ("໙", "9"),
    "W": ("໐", "0"),
    "O": ("່ຳ", "ໜ"),
    "<": ('"', "ໝ"),
    "\\": ("ໝ", ""),
    "|": ("ໜ", "\u200b"),
    "}": ("/", "ຫຼ"),
    "Z": ("₭", '"'),
    "~": ("~", "/"),
}


def read_source(path: Path) -> dict[str, str]:
    """Return the key -> output mapping of the source table."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines[1].split("\t")[:2] != ["legacy_code_hex", "unicode_hex"]:
        raise SystemExit(f"{path}: unexpected header {lines[1]!r}")
    layout: dict[str, str] = {}
    for number, line in enumerate(lines[2:], start=3):
        cells = line.split("\t")
        key = chr(int(cells[0], 16))
        codes = cells[1].split()
        if not codes:
            if key not in INFERRED:
                raise SystemExit(f"{path}:{number}: key {key!r} has no reading and none is chosen here")
            layout[key] = INFERRED[key]
            continue
        layout[key] = "".join(chr(int(code, 16)) for code in codes)
    missing = [key for key in PRINTABLE_KEYS if key not in layout]
    if missing or set(layout) != set(PRINTABLE_KEYS):
        raise SystemExit(
            f"{path}: keys missing or extra: {missing or sorted(set(layout) - set(PRINTABLE_KEYS))}"
        )
    return layout


def compare_with_keyman(layout: dict[str, str]) -> list[str]:
    """Return the problems found comparing *layout* with Keyman (empty when only the known keys differ)."""
    problems = []
    found = {
        key: (layout[key], KEYMAN_LAO_2008[key])
        for key in PRINTABLE_KEYS
        if layout[key] != KEYMAN_LAO_2008[key]
    }
    for key in sorted(set(found) | set(DISAGREEMENTS)):
        if found.get(key) != DISAGREEMENTS.get(key):
            problems.append(f"key {key!r}: found {found.get(key)!r}, documented {DISAGREEMENTS.get(key)!r}")
    return problems


def check_reversible(layout: dict[str, str]) -> list[str]:
    """Check that no two keys type the same text and that every character some key types is also typed
    by a key on its own (laotext.keyboard.lao_to_latin relies on both); describe the two-character keys.
    """
    by_output: dict[str, str] = {}
    for key, output in layout.items():
        if output in by_output:
            raise SystemExit(f"keys {by_output[output]!r} and {key!r} both type {output!r}")
        by_output[output] = key
    described = []
    for key, output in layout.items():
        if len(output) == 1:
            continue
        alone = [by_output.get(char) for char in output]
        if None in alone:
            raise SystemExit(f"key {key!r} types {output!r}, and no key types each of its characters alone")
        described.append(f"{key} = {' then '.join(str(other) for other in alone)}")
    return described


def standard_layout() -> dict[str, str]:
    """The standard Lao layout: Keyman Lao 2008 Basic, a key that types nothing Lao typing itself."""
    return {key: output or key for key, output in KEYMAN_LAO_2008.items()}


def names(text: str) -> str:
    return " + ".join(unicodedata.name(char, f"U+{ord(char):04X}") for char in text)


def write_table(layout: dict[str, str]) -> int:
    header = (
        "# The standard Lao keyboard layout on a US keyboard: the text each printable ASCII key types "
        "with the Lao layout on. Generated by scripts/make_keyboard_table.py from the Keyman keyboard Lao "
        "2008 Basic 1.2.2 (John Durdin, MIT licence; the official Lao layout, which the Windows Lao layout "
        "matches on the keys checked), compared with the Bouphak lower-ASCII keyboard fonts "
        f"(bouphak_lowascii_keyboard.tsv): the {len(DISAGREEMENTS)} keys where they differ are listed in "
        "the script. MIT licence.\n"
    )
    rows = ["key_hex\tlao_hex\tnames"]
    for key in PRINTABLE_KEYS:
        output = layout[key]
        codes = " ".join(f"{ord(char):04X}" for char in output)
        rows.append(f"{ord(key):02X}\t{codes}\t{names(output)}")
    (DATA / "keyboard_layout.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="bouphak_lowascii_keyboard.tsv")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"error: {args.source} not found; give its path with --source", file=sys.stderr)
        return 2
    fonts = read_source(args.source)
    problems = compare_with_keyman(fonts)
    if problems:
        print(
            "the layout differs from Keyman Lao 2008 Basic in ways the script does not document:",
            file=sys.stderr,
        )
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    layout = standard_layout()
    composites = check_reversible(layout)
    count = write_table(layout)
    print(
        f"keyboard_layout.tsv: {count} keys, {sum(len(o) == 2 for o in layout.values())} type two characters"
    )
    print(f"differences from the Bouphak keyboard fonts (documented): {len(DISAGREEMENTS)} keys")
    print("keys that type two characters, each also typed by two keys: " + "; ".join(composites))
    return 0


if __name__ == "__main__":
    sys.exit(main())
