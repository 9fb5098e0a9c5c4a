#!/usr/bin/env python3
"""Measure ``laotext.legacy``: how fast legacy Lao font text converts, and how well its encoding is detected.

**Speed.** The Lao corpus (default: the NTREX-128 Lao test set, ``shared/eval/raw/ntrex128_lao.txt``
next to the repository, read at run time) is encoded to LSWin (Saysettha Lao) bytes with
``encode_bytes(text, "lswin", errors="ignore")`` and repeated to about 10 MB (``--size-mb``).
Timed in the same run, in a rotating order, median of 7 (``--repeat``) runs each:

* the floor: one bare ``str.translate`` pass with the lswin translation dict over the bytes read as
  latin-1 (the table lookup any conversion pays; the same pass over the cp1252 form is shown too);
* ``to_unicode(data, "lswin")`` on the bytes;
* ``to_unicode(text, "lswin")`` on the str of cp1252 characters (what Word shows, as
  ``from_unicode`` writes it);
* ``to_unicode(data)`` on the bytes, with automatic detection.

Throughput is megabytes of legacy input (one byte or one character per legacy code, 1 MB = 10^6)
over the median seconds. ``share of floor`` is the floor's median time over the row's: the share
of ``str.translate`` speed that the conversion keeps (the target is at least 25 %). ``from_unicode``
(Unicode back to lswin) is timed on one copy of the corpus, for information.

**Detection.** ``--windows`` (500) windows of ``--window`` (200) characters are cut at seeded random
places of the corpus (its non-empty lines joined by line breaks, so a window may cross a line end
or start inside a syllable). Each window is written in each of the four encodings with
``from_unicode(window, encoding, errors="ignore")`` as cp1252 characters and as U+F0xx symbol-font
characters, and as bytes with ``encode_bytes`` for the three upper-ASCII encodings (keyboard bytes
are the same ASCII as its str form). ``detect_encoding`` must name the encoding. The report gives
the accuracy per encoding and form, overall (target at least 99 %), and which wrong answer was given.

**False alarms.** ``detect_encoding`` must say ``not-lao`` for English: the paragraphs of the Python
Language Reference topics (``pydoc_data.topics``, shipped with CPython) and of the licence texts in
``/usr/share/common-licenses`` when that folder exists, as they are, and with the curly quotes and
dashes Word types (as str and as cp1252 bytes). It must say ``unicode`` for the Unicode Lao windows
(as str and as UTF-8 bytes).

**Peers.** No package on PyPI converts legacy Lao font text, so there is nothing to time next to
laotext. The public converters are scripts in GitHub repositories (bii811/SaysetthaLaoToUnicode,
jvongxay/laofont), not installable packages.

Run from the repository root, after ``pip install -e .``::

    python bench/bench_legacy.py
    python bench/bench_legacy.py --quick
    python bench/bench_legacy.py --size-mb 20 --repeat 11 --windows 2000 --json bench/results/legacy.json

Exits with status 2 if laotext.legacy cannot be imported or the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import random
import re
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench import _common
else:  # run as a script, this folder is first on sys.path
    import _common

ENCODINGS = ("lswin", "keyboard", "cp1133", "mulelao-1")
#: Encodings whose text is bytes from 0x80 up among ASCII (their bytes differ from their str form).
UPPER_ASCII = ("lswin", "cp1133", "mulelao-1")
#: The forms the detection target is stated for; U+F0xx symbol-font text is reported beside them.
TARGET_FORMS = ("cp1252 str", "bytes")
SPEED_TARGET = 0.25
DETECTION_TARGET = 0.99
COMMON_LICENSES = Path("/usr/share/common-licenses")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MIN_PARAGRAPH = 40
PEERS_NOTE = (
    "peers: no package on PyPI converts legacy Lao font text; the public converters are scripts in "
    "GitHub repositories (bii811/SaysetthaLaoToUnicode, jvongxay/laofont), not packages, so none is timed"
)


@dataclass
class Timed:
    """A pass to time over the legacy text, the floor it is compared with (None: it is a floor), and
    its timings."""

    name: str
    function: Callable[[], object]
    floor: Timed | None = None
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return _common.median(self.seconds)

    @property
    def share_of_floor(self) -> float:
        """The floor's median time over this pass's: the share of ``str.translate`` speed it keeps."""
        return (self.floor or self).median / self.median


@dataclass
class Trial:
    """A set of detection inputs that should all be detected as *expected*."""

    label: str
    expected: str
    inputs: list[str | bytes]
    #: The Unicode text each input was written from, when it was (shown with wrong answers).
    originals: list[str] = field(default_factory=list)
    answers: Counter[str] = field(default_factory=Counter)
    #: (index of the input, answer, evidence) of each wrong answer.
    wrong: list[tuple[int, str, str]] = field(default_factory=list)
    call_ns: list[int] = field(default_factory=list)

    @property
    def right(self) -> int:
        return self.answers[self.expected]


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f} %" if whole else "-"


def read_english(paths: Sequence[Path]) -> tuple[list[str], list[str]] | str:
    """English paragraphs (the given files, else the CPython and system texts) and their sources."""
    texts = _common.english_texts(paths)
    if isinstance(texts, str):
        return texts
    licences = 0
    if not paths and COMMON_LICENSES.is_dir():
        seen: set[Path] = set()
        for path in sorted(COMMON_LICENSES.iterdir()):
            real = path.resolve()
            if real in seen or not real.is_file():
                continue
            seen.add(real)
            try:
                texts.append((str(path), real.read_text(encoding="utf-8")))
                licences += 1
            except (OSError, UnicodeDecodeError):
                continue
    paragraphs: dict[str, None] = {}  # ordered and without duplicates
    for _, text in texts:
        for block in PARAGRAPH_BREAK.split(text):
            paragraph = " ".join(block.split())
            if len(paragraph) >= MIN_PARAGRAPH:
                paragraphs[paragraph] = None
    sources = [name for name, _ in texts]
    if licences:
        sources = [*sources[: len(sources) - licences], f"{licences} licence texts in {COMMON_LICENSES}"]
    return list(paragraphs), sources


def word_punctuation(paragraph: str) -> str:
    """*paragraph* with the curly quotes and dashes Word types in place of the ASCII ones."""
    text = re.sub(r'"([^"\n]*)"', "“\\1”", paragraph)
    text = re.sub(r"(?<![\w.])'([^'\n]*)'(?!\w)", "‘\\1’", text)
    return text.replace("'", "’").replace(" -- ", " – ").replace("--", "—")


def run_trial(trial: Trial, detect: Callable[[str | bytes], Any]) -> None:
    """Detect every input of *trial*, recording the answers, the wrong ones and the time per call."""
    for index, data in enumerate(trial.inputs):
        start = time.perf_counter_ns()
        detection = detect(data)
        trial.call_ns.append(time.perf_counter_ns() - start)
        trial.answers[detection.encoding] += 1
        if detection.encoding != trial.expected:
            trial.wrong.append((index, detection.encoding, detection.evidence))


def shown(data: str | bytes, limit: int = 90) -> str:
    text = repr(data)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus", type=Path, default=_common.DEFAULT_CORPUS, help="Lao UTF-8 text (default: %(default)s)"
    )
    parser.add_argument(
        "--english", type=Path, action="append", default=[], help="English UTF-8 text (repeatable)"
    )
    parser.add_argument(
        "--size-mb", type=float, default=10.0, help="legacy text to convert, in MB (default: 10)"
    )
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per conversion (default: 7)")
    parser.add_argument("--windows", type=int, default=500, help="windows per encoding (default: 500)")
    parser.add_argument("--window", type=int, default=200, help="characters per window (default: 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the windows (default: 0)")
    parser.add_argument(
        "--examples", type=int, default=2, help="wrong detections to show per row (default: 2)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smaller run: 2 MB, 3 repeats, 100 windows per encoding"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mb, args.repeat, args.windows = min(args.size_mb, 2.0), min(args.repeat, 3), 100
    if args.repeat < 1 or args.windows < 1 or args.window < 10 or args.size_mb <= 0:
        parser.error("--repeat and --windows must be at least 1, --window at least 10, --size-mb positive")

    try:
        from laotext.legacy import detect_encoding, encode_bytes, from_unicode, get_encoding, to_unicode
    except ImportError as error:
        print(
            f"error: cannot import laotext.legacy ({error}); install it: pip install -e {_common.REPO_ROOT}"
        )
        return _common.EXIT_CANNOT_RUN
    corpus: Path = args.corpus
    lao_text = _common.read_corpus(corpus)
    if lao_text is None:
        return _common.EXIT_CANNOT_RUN
    lines = [line for line in lao_text.splitlines() if line.strip()]
    joined = "\n".join(lines)
    if len(joined) <= args.window:
        print(f"error: {corpus} is shorter than one {args.window}-character window")
        return _common.EXIT_CANNOT_RUN
    english = read_english(args.english)
    if isinstance(english, str):
        print(f"error: {english}")
        return _common.EXIT_CANNOT_RUN
    paragraphs, english_sources = english

    environment = _common.environment_line("laotext")
    print(environment)
    print("command: " + shlex.join(["python", "bench/bench_legacy.py", *sys.argv[1:]]))
    print(f"Lao: {corpus}")
    print(f"English: {'; '.join(english_sources)}")
    print(PEERS_NOTE)
    print()

    # Speed.
    one_copy = encode_bytes(lao_text, "lswin", errors="ignore")
    left_out = len(encode_bytes(lao_text, "lswin", errors="replace")) - len(one_copy)
    copies = max(1, round(args.size_mb * 1e6 / len(one_copy)))
    data = one_copy * copies
    cp1252_one = from_unicode(lao_text, "lswin", errors="ignore")
    cp1252_text = cp1252_one * copies
    latin1_text = data.decode("latin-1")
    translation = get_encoding("lswin").table().translation()
    megabytes = len(data) / 1e6
    bytes_floor = Timed(
        "floor: str.translate, bytes as latin-1 str", lambda: latin1_text.translate(translation)
    )
    str_floor = Timed("floor: str.translate, cp1252 str", lambda: cp1252_text.translate(translation))
    timed = [
        bytes_floor,
        str_floor,
        Timed('to_unicode(bytes, "lswin")', lambda: to_unicode(data, "lswin"), bytes_floor),
        Timed('to_unicode(cp1252 str, "lswin")', lambda: to_unicode(cp1252_text, "lswin"), str_floor),
        Timed("to_unicode(bytes), auto", lambda: to_unicode(data), bytes_floor),
    ]
    outputs = {to_unicode(data, "lswin"), to_unicode(cp1252_text, "lswin"), to_unicode(data)}
    if len(outputs) != 1:
        print("note: the three to_unicode calls do not give the same text")
    del outputs
    for round_number in range(args.repeat):
        shift = round_number % len(timed)
        for item in timed[shift:] + timed[:shift]:
            start = time.perf_counter()
            item.function()
            item.seconds.append(time.perf_counter() - start)
    back_seconds: list[float] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        from_unicode(lao_text, "lswin", errors="ignore")
        back_seconds.append(time.perf_counter() - start)
    back_median = _common.median(back_seconds)

    speed: dict[str, Any] = {}
    rows = []
    for item in timed:
        rows.append(
            [
                item.name,
                f"{item.median:.4f}",
                f"{megabytes / item.median:.1f}",
                f"{item.share_of_floor:.0%}" if item.floor else "-",
            ]
        )
        speed[item.name] = {
            "median_s": item.median,
            "mb_per_s": megabytes / item.median,
            "share_of_floor": item.share_of_floor if item.floor else None,
            "samples_s": item.seconds,
        }
    print(
        f"Converting lswin text: {copies} copies of the corpus, {megabytes:.2f} MB of legacy codes; "
        f"median of {args.repeat} runs"
    )
    print(
        f"({left_out:,} characters of each copy have no lswin code and are left out: zero-width spaces, "
        "curly quotes and a few Latin letters)"
    )
    print()
    _common.print_table(["conversion", "median s", "MB/s", "share of floor"], rows, "lrrr")
    worst = min(item.share_of_floor for item in timed if item.floor)
    verdict = "met" if worst >= SPEED_TARGET else "NOT met"
    print(
        f"share of floor: the median time of the str.translate pass over the same input form, over the "
        f"conversion's.\ntarget: to_unicode at least {SPEED_TARGET:.0%} of str.translate speed: {verdict} "
        f"(lowest share: {worst:.0%})"
    )
    back_mb = len(cp1252_one) / 1e6
    print(
        f"from_unicode(text, 'lswin') on one copy ({len(lao_text):,} characters, {back_mb:.3f} MB of legacy "
        f"codes): {back_median * 1000:.1f} ms, {back_mb / back_median:.2f} MB/s of legacy output, "
        f"{len(lao_text) / 1e6 / back_median:.2f} M characters/s of Unicode input"
    )
    print()
    speed["from_unicode"] = {
        "median_s": back_median,
        "mb_per_s": back_mb / back_median,
        "samples_s": back_seconds,
    }

    # Detection.
    rng = random.Random(args.seed)
    starts = [rng.randrange(len(joined) - args.window + 1) for _ in range(args.windows)]
    windows = [joined[start : start + args.window] for start in starts]
    trials: list[Trial] = []
    for name in ENCODINGS:
        cp1252: list[str | bytes] = [from_unicode(w, name, errors="ignore") for w in windows]
        symbol: list[str | bytes] = [from_unicode(w, name, errors="ignore", form="symbol") for w in windows]
        trials.append(Trial(f"{name}, cp1252 str", name, cp1252, windows))
        trials.append(Trial(f"{name}, symbol str", name, symbol, windows))
        if name in UPPER_ASCII:
            encoded: list[str | bytes] = [encode_bytes(w, name, errors="ignore") for w in windows]
            trials.append(Trial(f"{name}, bytes", name, encoded, windows))
    for trial in trials:
        run_trial(trial, detect_encoding)

    def summed(chosen: list[Trial]) -> tuple[int, int]:
        return sum(trial.right for trial in chosen), sum(len(trial.inputs) for trial in chosen)

    detection_rows: list[list[object]] = []
    for trial in trials:
        detection_rows.append(
            [
                trial.label,
                len(trial.inputs),
                trial.right,
                percent(trial.right, len(trial.inputs)),
                f"{_common.median(trial.call_ns) / 1000:.0f}",
            ]
        )
    in_target = [trial for trial in trials if trial.label.split(", ")[1] in TARGET_FORMS]
    right, total = summed(in_target)
    all_right, all_total = summed(trials)
    detection_rows.append(["overall, cp1252 str and bytes", total, right, percent(right, total), ""])
    detection_rows.append(["overall, all forms", all_total, all_right, percent(all_right, all_total), ""])
    print(
        f"Detecting the encoding of {args.windows} windows of {args.window} characters "
        f"(seed {args.seed}), written in each encoding:"
    )
    print()
    _common.print_table(
        ["encoding, form", "windows", "detected", "accuracy", "median µs"], detection_rows, "lrrrr"
    )
    verdict = "met" if right >= DETECTION_TARGET * total else "NOT met"
    print(f"target: at least {DETECTION_TARGET:.0%} right on cp1252 str and bytes: {verdict}")
    confusion = [
        f"{trial.label} -> {answer} {count}"
        for trial in trials
        for answer, count in trial.answers.most_common()
        if answer != trial.expected
    ]
    print("wrong answers: " + ("; ".join(confusion) if confusion else "none"))
    print()

    # False alarms.
    worded = [word_punctuation(paragraph) for paragraph in paragraphs]
    worded = [paragraph for paragraph in worded if not paragraph.isascii()]
    alarms = [
        Trial("English paragraphs, str", "not-lao", [*paragraphs]),
        Trial("English with Word quotes and dashes, str", "not-lao", [*worded]),
        Trial(
            "English with Word quotes and dashes, cp1252 bytes",
            "not-lao",
            [paragraph.encode("cp1252", errors="replace") for paragraph in worded],
        ),
        Trial("Unicode Lao windows, str", "unicode", [*windows]),
        Trial("Unicode Lao windows, UTF-8 bytes", "unicode", [w.encode("utf-8") for w in windows]),
    ]
    for trial in alarms:
        run_trial(trial, detect_encoding)
    alarm_rows: list[list[object]] = []
    for trial in alarms:
        wrong = len(trial.inputs) - trial.right
        said = ", ".join(
            f"{answer} {n}" for answer, n in trial.answers.most_common() if answer != trial.expected
        )
        alarm_rows.append(
            [
                trial.label,
                trial.expected,
                len(trial.inputs),
                wrong,
                percent(wrong, len(trial.inputs)),
                f"{_common.median(trial.call_ns) / 1000:.0f}",
                said,
            ]
        )
    print("False alarms (text that is not legacy Lao):")
    print()
    _common.print_table(
        ["text", "must say", "count", "wrong", "rate", "median µs", "said instead"], alarm_rows, "llrrrrl"
    )

    if args.examples > 0 and any(trial.wrong for trial in [*trials, *alarms]):
        print(f"wrong detections (at most {args.examples} per row):")
        for trial in [*trials, *alarms]:
            for index, answer, evidence in trial.wrong[: args.examples]:
                if trial.originals:
                    print(f"  {trial.label}, written from {shown(trial.originals[index])}")
                else:
                    print(f"  {trial.label}: {shown(trial.inputs[index])}")
                print(f"    -> {answer}: {evidence}")
        print()

    _common.write_json(
        args.json,
        {
            "benchmark": "legacy",
            "environment": environment,
            "corpus": str(corpus),
            "english": english_sources,
            "speed": {"legacy_mb": megabytes, "copies": copies, "repeat": args.repeat, "results": speed},
            "detection": {
                "window": args.window,
                "windows": args.windows,
                "seed": args.seed,
                "results": {
                    trial.label: {
                        "total": len(trial.inputs),
                        "right": trial.right,
                        "answers": dict(trial.answers),
                        "median_us": _common.median(trial.call_ns) / 1000,
                    }
                    for trial in [*trials, *alarms]
                },
            },
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
