"""Regenerate data/lexicon_lo.tsv, the Lao lexicon, and the licence texts of its word lists.

The lexicon joins three public Lao word lists, each fetched through a package registry:

* ``google``: ``lo_spellcheck_dict.txt``, the Lao spell-check word list of Google's
  language-resources project (Apache License 2.0), as shipped in the wheel of laonlp 1.3.0 on PyPI
  (``laonlp/corpus/lo_spellcheck_dict.txt``);
* ``wilson-campbell``: the Lao word list of Brian Eugene Wilson and Robert Martin Campbell (the list
  ICU's Lao word break uses; BSD 2-Clause upstream), as shipped in Debian's ``hunspell-lo`` package
  (``usr/share/hunspell/lo_LA.dic``, built from LibreOffice's dictionaries); the package version is
  recorded, and the copyright holders are read from ``usr/share/doc/hunspell-lo/copyright``;
* ``mpt``: the headwords (column ``LaoWord``) of the Lao–English dictionary of the E-Government
  Center, Ministry of Posts and Telecommunications of Laos (MIT), as shipped in the same laonlp
  wheel (``laonlp/corpus/lao-eng-dictionary.csv``, licence ``laonlp/corpus/LICENSE-lao-eng-dictionary``).

The script downloads the wheel with ``pip download`` and the Debian package with ``apt-get
download`` (in a temporary folder, unpacked with ``dpkg-deb``), or takes the paths of files already
downloaded with ``--wheel`` and ``--deb``.

Reading, per list:

* google: comment lines (``#``) and blank lines are dropped;
* wilson-campbell: the first line of the ``.dic`` file (the word count) is skipped, and hunspell
  flags (from ``/`` on) are stripped;
* mpt: the CSV rows are read with the ``csv`` module; the header rows repeated inside the file and
  rows without a headword are dropped, and a headword holding a space is a phrase, not a word: it
  is dropped.

Cleaning, the same for every list, in this order, each step counted in the report and in the
file's ``#`` lines:

* spaces around a word are trimmed;
* every word is put in the lookup form of :func:`laotext.normalize` (ຳ composed, tone marks after
  the vowel, ຫນ ຫມ ຫລ as ໜ ໝ ຫຼ, Thai look-alike letters replaced, zero-width characters removed;
  never NFKC);
* words that still hold a character outside the assigned Lao block (Latin letters, digits, spaces,
  punctuation, zero-width characters) are dropped, and so are words holding a Lao digit or the Lao
  ellipsis ຯ, which are not letters;
* a word that is a single combining mark, or ໆ alone, is dropped;
* repeated words (after normalization) are kept once per list.

The output has ``#`` lines naming this script, each list with its version, licence and counts,
then the header row ``word<TAB>sources`` and one row per distinct word, sorted by code point: the
word and the comma-separated names of the lists holding it, in the order google, wilson-campbell,
mpt. Beside it the script writes data/LICENSE-BSD-2-Clause-Wilson-Campbell.txt (the BSD 2-Clause
text of the Debian copyright file under the copyright lines of the ``dictionaries/lo_LA/*``
paragraph) and data/LICENSE-MIT-MPT-dictionary.txt (from the wheel). Google's list is under the
Apache License 2.0, whose text is data/LICENSE-Apache-2.0.txt (written by make_wordlist.py).

Usage::

    python scripts/make_lexicon.py          # runs pip download laonlp==1.3.0 and apt-get download hunspell-lo
    python scripts/make_lexicon.py --wheel laonlp-1.3.0-py3-none-any.whl --deb hunspell-lo_7.5.0-1_all.deb
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from laotext import normalize
from laotext.chars import DIGITS, ELLIPSIS, KO_LA, is_combining_mark

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "scripts"
    from scripts._registries import LAONLP, LAONLP_VERSION, download_wheel, is_lao_word
else:  # run as a script, this folder is first on sys.path
    from _registries import LAONLP, LAONLP_VERSION, download_wheel, is_lao_word

DATA = Path(__file__).resolve().parent.parent / "data"
OUTPUT = "lexicon_lo.tsv"

PACKAGE, VERSION = LAONLP, LAONLP_VERSION
GOOGLE_MEMBER = "laonlp/corpus/lo_spellcheck_dict.txt"
GOOGLE_UPSTREAM = "google/language-resources lo/data_sets/lo_spellcheck_dict.txt"
GOOGLE_LICENCE = "LICENSE-Apache-2.0.txt"
MPT_MEMBER = "laonlp/corpus/lao-eng-dictionary.csv"
MPT_LICENCE_MEMBER = "laonlp/corpus/LICENSE-lao-eng-dictionary"
MPT_LICENCE = "LICENSE-MIT-MPT-dictionary.txt"
MPT_HEADER = ["ID", "LaoWord", "English", "Pronunciation", "Type"]

DEB_PACKAGE = "hunspell-lo"
DEB_DIC = "usr/share/hunspell/lo_LA.dic"
DEB_COPYRIGHT = f"usr/share/doc/{DEB_PACKAGE}/copyright"
DEB_FILES = "dictionaries/lo_LA/*"
WC_UPSTREAM = "rober42539/lao-dictionary laodict.txt"
WC_LICENCE = "LICENSE-BSD-2-Clause-Wilson-Campbell.txt"

NAMES = ("google", "wilson-campbell", "mpt")

#: Lao characters that are assigned but are not part of a word: the digits and the ellipsis ຯ.
NOT_LETTERS = frozenset(DIGITS) | {ELLIPSIS}

#: The cleaning steps shared by every list, in the order they are applied and reported.
STEPS = (
    "entries",
    "trimmed",
    "changed by normalization",
    "dropped: character outside the Lao block",
    "dropped: Lao digit or ellipsis",
    "dropped: lone mark or ໆ",
    "dropped: repeated",
)


@dataclass
class Source:
    """One word list: where it comes from, what reading it removed, and its clean words."""

    name: str
    origin: str
    licence: str
    read_steps: tuple[str, ...]
    counts: Counter[str] = field(default_factory=Counter)
    dropped: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)


def download_deb(folder: Path) -> Path:
    """Download the hunspell-lo package into *folder* with apt-get and return its path."""
    subprocess.run(["apt-get", "download", DEB_PACKAGE], check=True, cwd=folder)
    debs = sorted(folder.glob(f"{DEB_PACKAGE}_*.deb"))
    if not debs:
        raise SystemExit(f"apt-get did not leave a {DEB_PACKAGE} package in {folder}")
    return debs[0]


def read_wheel(wheel: Path) -> tuple[str, str, str]:
    """Return Google's word list, the MPT dictionary CSV and the MPT licence text found in *wheel*."""
    with zipfile.ZipFile(wheel) as archive:
        google = archive.read(GOOGLE_MEMBER).decode("utf-8-sig")
        mpt = archive.read(MPT_MEMBER).decode("utf-8-sig")
        licence = archive.read(MPT_LICENCE_MEMBER).decode("utf-8-sig")
    return google, mpt, licence


def read_deb(deb: Path, folder: Path) -> tuple[str, str, str]:
    """Return the version of the package *deb*, its ``lo_LA.dic`` and its copyright file."""
    version = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    target = folder / "deb"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    dic = (target / DEB_DIC).read_text(encoding="utf-8-sig")
    copyright_text = (target / DEB_COPYRIGHT).read_text(encoding="utf-8")
    return version, dic, copyright_text


def copyright_paragraphs(text: str) -> Iterator[dict[str, str]]:
    """Yield the paragraphs of a machine-readable Debian copyright file as field -> value."""
    for block in re.split(r"\n\s*\n", text):
        paragraph: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line[:1] in (" ", "\t") and key:
                paragraph[key] += "\n" + line
            elif ":" in line:
                key, _, value = line.partition(":")
                paragraph[key] = value.strip()
        if paragraph:
            yield paragraph


def continuation(value: str) -> list[str]:
    """Return the lines of a multi-line field value, with ``.`` lines read as blank lines."""
    lines = [line.strip() for line in value.splitlines()]
    return ["" if line == "." else line for line in lines]


def wilson_campbell_licence(copyright_text: str) -> tuple[str, list[str], str]:
    """Return the Debian licence name and copyright lines of the Lao list, and the BSD 2-Clause text."""
    files = next(
        (p for p in copyright_paragraphs(copyright_text) if DEB_FILES in p.get("Files", "").split()), None
    )
    if files is None:
        raise SystemExit(f"the copyright file has no paragraph for {DEB_FILES}")
    holders = [line for line in continuation(files.get("Copyright", "")) if line]
    standalone = next(
        (
            p
            for p in copyright_paragraphs(copyright_text)
            if "Files" not in p and p.get("License", "").split("\n")[0].lower() == "bsd-2-clause"
        ),
        None,
    )
    if standalone is None:
        raise SystemExit("the copyright file has no BSD-2-clause licence text")
    body = "\n".join(continuation(standalone["License"])[1:]).strip("\n")
    text = "".join(f"Copyright (C) {holder}\n" for holder in holders) + body + "\n"
    return files.get("License", "").split("\n")[0], holders, text


def google_entries(raw: str, source: Source) -> Iterator[str]:
    for line in raw.splitlines():
        if line.strip().startswith("#"):
            source.counts["comment lines"] += 1
        elif not line.strip():
            source.counts["blank lines"] += 1
        else:
            yield line


def wilson_campbell_entries(raw: str, source: Source) -> Iterator[str]:
    lines = raw.splitlines()
    if lines and lines[0].strip().isdigit():
        source.counts["count line"] += 1
        source.counts["announced count"] = int(lines[0])
        lines = lines[1:]
    for line in lines:
        if line.strip().startswith("#"):
            source.counts["comment lines"] += 1
        elif not line.strip():
            source.counts["blank lines"] += 1
        else:
            if "/" in line:
                source.counts["flags stripped"] += 1
                line = line.split("/", 1)[0]
            yield line


def mpt_entries(raw: str, source: Source) -> Iterator[str]:
    rows = csv.reader(raw.splitlines())
    if next(rows, None) != MPT_HEADER:
        raise SystemExit(f"{MPT_MEMBER} does not start with the header {','.join(MPT_HEADER)}")
    for row in rows:
        source.counts["rows"] += 1
        if len(row) < 2 or (row[1].strip() in ("LaoWord", "Lao") and row[2:3] == ["English"]):
            source.counts["repeated header rows"] += 1
            continue
        headword = row[1]
        if not headword.strip():
            source.counts["rows without headword"] += 1
            continue
        if any(char.isspace() for char in headword.strip()):
            source.counts["phrases (headword with a space)"] += 1
            continue
        yield headword


def clean(entries: Iterable[str], source: Source) -> None:
    """Clean *entries* into ``source.words``, counting each step in ``source.counts``."""
    counts = source.counts
    for line in entries:
        entry = line.strip()
        counts["entries"] += 1
        if entry != line:
            counts["trimmed"] += 1
        word = normalize(entry, form="lookup")
        if word != entry:
            counts["changed by normalization"] += 1
        if not is_lao_word(word):
            counts["dropped: character outside the Lao block"] += 1
            source.dropped.append(entry)
            continue
        if any(char in NOT_LETTERS for char in word):
            counts["dropped: Lao digit or ellipsis"] += 1
            source.dropped.append(entry)
            continue
        if len(word) == 1 and (is_combining_mark(word) or word == KO_LA):
            counts["dropped: lone mark or ໆ"] += 1
            source.dropped.append(entry)
            continue
        if word in source.words:
            counts["dropped: repeated"] += 1
            continue
        source.words.add(word)


def removed_summary(source: Source) -> str:
    parts = [f"{source.counts[step]:,} {step}" for step in source.read_steps if source.counts[step]]
    parts += [
        f"{source.counts[step]:,} {step.removeprefix('dropped: ')}"
        for step in STEPS[3:]
        if source.counts[step]
    ]
    return "; ".join(parts)


def header_lines(sources: list[Source], total: int) -> list[str]:
    lines = [
        "# Lao lexicon: words in the lookup form of laotext.normalize and the word lists holding each.",
        f"# Generated by scripts/make_lexicon.py; {total:,} words. Lists:",
    ]
    for source in sources:
        lines.append(
            f"# {source.name}: {source.origin}; {source.licence}. {source.counts['entries']:,} entries, "
            f"{source.counts['changed by normalization']:,} respelled by normalization; removed: "
            f"{removed_summary(source)}; {len(source.words):,} words."
        )
    lines.append(
        "# Removed from every list: words holding a character outside the assigned Lao block (Latin, "
        "digits, punctuation, spaces, zero-width), a Lao digit or the ellipsis ຯ; a lone combining "
        "mark or ໆ; repeats."
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--wheel", type=Path, help=f"a downloaded {PACKAGE}-{VERSION} wheel (default: download it)"
    )
    parser.add_argument(
        "--deb", type=Path, help=f"a downloaded {DEB_PACKAGE} .deb package (default: download it)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        wheel = args.wheel.resolve() if args.wheel else download_wheel(folder)
        if f"{PACKAGE}-{VERSION}-" not in wheel.name.lower():
            print(f"error: {wheel.name} is not a {PACKAGE} {VERSION} wheel", file=sys.stderr)
            return 2
        deb = args.deb.resolve() if args.deb else download_deb(folder)
        digests = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in (wheel, deb)}
        google_raw, mpt_raw, mpt_licence = read_wheel(wheel)
        deb_version, dic_raw, copyright_text = read_deb(deb, folder)
    debian_licence, holders, wc_licence = wilson_campbell_licence(copyright_text)

    google = Source(
        "google",
        f"{GOOGLE_MEMBER} in the wheel of {PACKAGE} {VERSION} on PyPI (originally {GOOGLE_UPSTREAM})",
        f"Apache License 2.0, see {GOOGLE_LICENCE}",
        ("comment lines", "blank lines"),
    )
    wilson_campbell = Source(
        "wilson-campbell",
        f"{DEB_DIC} of the Debian package {DEB_PACKAGE} {deb_version} (LibreOffice dictionaries; "
        f"originally {WC_UPSTREAM}, by Brian Eugene Wilson and Robert Martin Campbell)",
        f"BSD 2-Clause License as stated upstream, see {WC_LICENCE} (Debian's copyright file records "
        f"{DEB_FILES} as {debian_licence})",
        ("count line", "comment lines", "blank lines"),
    )
    mpt = Source(
        "mpt",
        f"column LaoWord of {MPT_MEMBER} in the wheel of {PACKAGE} {VERSION} on PyPI (Lao-English "
        "dictionary of the E-Government Center, Ministry of Posts and Telecommunications of Laos, 2015)",
        f"MIT License, see {MPT_LICENCE}",
        ("repeated header rows", "rows without headword", "phrases (headword with a space)"),
    )
    clean(google_entries(google_raw, google), google)
    clean(wilson_campbell_entries(dic_raw, wilson_campbell), wilson_campbell)
    clean(mpt_entries(mpt_raw, mpt), mpt)
    sources = [google, wilson_campbell, mpt]

    every = sorted(set().union(*(source.words for source in sources)))
    rows = [
        f"{word}\t{','.join(source.name for source in sources if word in source.words)}" for word in every
    ]
    text = "\n".join([*header_lines(sources, len(every)), "word\tsources", *rows]) + "\n"
    (DATA / OUTPUT).write_text(text, encoding="utf-8")
    (DATA / WC_LICENCE).write_text(wc_licence, encoding="utf-8")
    (DATA / MPT_LICENCE).write_text(mpt_licence.lstrip("\n"), encoding="utf-8")
    if not (DATA / GOOGLE_LICENCE).is_file():
        print(f"warning: data/{GOOGLE_LICENCE} is missing; run scripts/make_wordlist.py", file=sys.stderr)

    for path_name, digest in digests.items():
        print(f"{path_name}: sha256 {digest}")
    print(f"{DEB_PACKAGE} version: {deb_version}; copyright file: {DEB_FILES} -> License: {debian_licence}")
    print(f"  copyright: {'; '.join(holders)}")
    for source in sources:
        print(f"{source.name}:")
        if source.counts["announced count"]:
            announced = source.counts["announced count"]
            agrees = "agrees" if announced == source.counts["entries"] else "DIFFERS from the entries"
            print(f"  announced count: {announced} ({agrees})")
        if source.counts["rows"]:
            print(f"  rows: {source.counts['rows']}")
        for step in (*source.read_steps, "flags stripped", *STEPS):
            if step in source.read_steps or step in STEPS or source.counts[step]:
                print(f"  {step}: {source.counts[step]}")
        print(f"  words: {len(source.words)}")
        if source.dropped:
            print("    " + " ".join(source.dropped))
    names = Counter(row.split("\t", 1)[1] for row in rows)
    for combination, number in sorted(names.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {combination}: {number}")
    print(f"{OUTPUT}: {len(every)} words")
    print(f"{WC_LICENCE}: {len(wc_licence)} characters; {MPT_LICENCE}: {len(mpt_licence)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
