#!/usr/bin/env python3
"""Measure font subsetting for a Lao web page, and the time of ``fontinfo.inspect``.

* **Subset**: a 2,000-character Lao page (the first 2,000 characters of a Lao corpus; default the
  NTREX-128 Lao test set, ``shared/eval/raw/ntrex128_lao.txt`` next to the repository, else a
  short sample written here, repeated) is subset from each bundled regular font with
  ``fontinfo.subset`` to WOFF2. For each: the size in bytes against the full font file, the
  glyph counts, a check that every character of the page the full font renders is in the subset's
  character map (characters the full font lacks, such as the Latin letters of a name in the
  Lao-only Phetsarath build, are listed apart), and a comparison of the ``'lao '`` script and the
  GSUB/GPOS features before and after (mark/mkmk where the font has them).
* **Inspect**: the median time of ``fontinfo.inspect`` on each bundled font over ``--repeat``
  runs (the first run, which imports fontTools, is reported apart).

Run from the repository root, after ``pip install -e .``::

    python bench/bench_fonts.py
    python bench/bench_fonts.py --corpus page.txt --chars 2000 --repeat 20

Exits with status 1 if a check fails, 2 if the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench._common import DEFAULT_CORPUS, EXIT_CANNOT_RUN, format_table, median
else:  # run as a script, this folder is first on sys.path
    from _common import DEFAULT_CORPUS, EXIT_CANNOT_RUN, format_table, median

#: Used when the corpus is missing: Lao sentences written for this benchmark (repeated to length).
SAMPLE = (
    "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ.\n"
    "ກະລຸນາຕື່ມຊື່ ແລະ ນາມສະກຸນຂອງທ່ານ, ວັນເດືອນປີເກີດ, ທີ່ຢູ່ປັດຈຸບັນ ແລະ ເບີໂທລະສັບ.\n"
    "ແບບຟອມນີ້ໃຊ້ສຳລັບການລົງທະບຽນເຂົ້າຮຽນ ປີ ໒໐໒໕-໒໐໒໖; ເອກະສານທີ່ຕ້ອງຍື່ນ: ບັດປະຈຳຕົວ ຫຼື ສຳມະໂນຄົວ.\n"
    "ຂໍ້ມູນຂອງທ່ານຈະຖືກເກັບຮັກສາໄວ້ເປັນຄວາມລັບ ແລະ ນຳໃຊ້ເພື່ອການບໍລິການເທົ່ານັ້ນ.\n"
)


def make_page(corpus: Path, chars: int) -> tuple[str, str]:
    """The first *chars* characters of *corpus* (or of the sample), and where they came from."""
    try:
        text = corpus.read_text(encoding="utf-8")
        source = str(corpus)
    except FileNotFoundError:
        text = SAMPLE * (chars // len(SAMPLE) + 1)
        source = "the built-in sample (corpus not found)"
    return text[:chars], source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="UTF-8 Lao text")
    parser.add_argument("--chars", type=int, default=2000, help="length of the page (default 2000)")
    parser.add_argument("--repeat", type=int, default=20, help="runs of inspect() per font (default 20)")
    args = parser.parse_args(argv)
    try:
        page, source = make_page(args.corpus, args.chars)
    except (OSError, UnicodeDecodeError) as error:
        print(f"cannot read {args.corpus}: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN

    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    from laotext import fontinfo
    from laotext.fontinfo.inspect import lao_features

    failures = 0
    print(f"page: {len(page)} characters, {len(set(page))} distinct, from {source}\n")
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for font in fontinfo.available():
            if font.weight != "regular":
                continue
            original = TTFont(font.path())
            output = Path(folder) / f"{font.family.replace(' ', '')}-page.woff2"
            report = fontinfo.subset(font.family, page, output)
            subset_font = TTFont(output)
            full_cmap = original.getBestCmap()
            sub_cmap = subset_font.getBestCmap()
            needed = {char for char in page if char != "\n"}
            renderable = {char for char in needed if ord(char) in full_cmap}
            lost_chars = sorted(char for char in renderable if ord(char) not in sub_cmap)
            never = "".join(sorted(needed - renderable))
            check = fontinfo.coverage(output, page)
            print(f"{font.family} regular ({font.filename}):")
            print(f"  full font {report.original_bytes:,} bytes, {report.original_glyphs} glyphs")
            print(f"  subset    {report.bytes:,} bytes, {report.glyphs} glyphs ({output.suffix[1:]})")
            print(
                f"  characters of the page the font renders: {len(renderable)} distinct; "
                f"missing from the subset: {len(lost_chars)} {''.join(lost_chars)}"
            )
            print(f"  not in the full font either (not expected in the subset): {never or 'none'}")
            print(
                f"  coverage(subset, page) reports {len(check.missing)} positions, "
                f"{len(check.missing_chars)} distinct characters: those not in the full font"
            )
            for tag in ("GSUB", "GPOS"):
                had_lao, before = lao_features(original, tag)
                has_lao, after = lao_features(subset_font, tag)
                print(
                    f"  {tag}: 'lao ' script {had_lao} -> {has_lao}; "
                    f"features {', '.join(before) or 'none'} -> {', '.join(after) or 'none'}"
                )
                if had_lao != has_lao or ("mark" in before and "mark" not in after):
                    failures += 1
                    print(f"  FAILED: the {tag} Lao script or the mark feature did not survive")
            if report.lost_features:
                # A feature whose lookups touch no glyph of the page is dropped by fontTools. Show that
                # this is the page, not the tool: subset again with every character of the font.
                everything = page + "".join(chr(point) for point in full_cmap)
                again = fontinfo.subset(font.family, everything, Path(folder) / "all.woff2")
                kept = "all but " + ", ".join(again.lost_features) if again.lost_features else "all features"
                print(
                    f"  dropped for this page: {', '.join(report.lost_features)} (their lookups apply to no "
                    f"glyph of the page); a subset with every character of the font keeps {kept}"
                )
                if again.lost_features:
                    failures += 1
                    print("  FAILED: features lost even when every character is kept")
            if lost_chars or set(check.missing_chars) != set(never):
                failures += 1
                print("  FAILED: a character of the page that the font renders is not in the subset")
            print()
            rows.append(
                [
                    font.family,
                    f"{report.original_bytes:,}",
                    f"{report.bytes:,}",
                    f"{report.bytes / report.original_bytes:.0%}",
                    f"{report.original_glyphs} -> {report.glyphs}",
                ]
            )
            original.close()
            subset_font.close()
    print(format_table(["font (regular)", "full bytes", "subset bytes", "share", "glyphs"], rows, "lrrrr"))

    print(f"\ninspect(): median of {args.repeat} runs per font (first call apart: it imports fontTools)")
    timing_rows: list[list[object]] = []
    first = True
    for font in fontinfo.available():
        path = font.path()
        times = []
        for _ in range(args.repeat + (1 if first else 0)):
            start = time.perf_counter()
            report_ = fontinfo.inspect(path)
            times.append(time.perf_counter() - start)
        if first:
            print(f"  first call (imports fontTools table modules): {times.pop(0) * 1000:.1f} ms")
            first = False
        timing_rows.append(
            [f"{font.family} {font.weight}", report_.lao_coverage, f"{median(times) * 1000:.2f} ms"]
        )
    print(format_table(["font", "Lao coverage", "inspect()"], timing_rows, "llr"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
