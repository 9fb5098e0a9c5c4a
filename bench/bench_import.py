#!/usr/bin/env python3
"""Measure how much ``import laotext`` adds to Python start-up, next to laonlp and pythainlp.

Each command runs in a fresh interpreter (the one running this script): ``python -c "pass"`` as the
baseline, then ``python -c "import laotext"`` and, when installed, ``import laonlp`` and
``import pythainlp``. The commands are interleaved round by round, in a rotating order, so that
drift in machine load hits all of them alike. The report gives the median and 95th percentile wall
time of each command and its overhead: its median minus the median of the bare interpreter.
The project's target is an overhead of at most 60 ms for laotext.

With ``--detail`` the script also runs ``python -X importtime -c "import laotext"`` a few times and
lists the modules that cost the most (median self and cumulative time per module).

Run from the repository root, after ``pip install -e .`` (and ``pip install laonlp pythainlp`` for
the comparison)::

    python bench/bench_import.py
    python bench/bench_import.py --runs 50 --detail --top 20

Subprocesses run in a temporary folder so that the installed packages are measured, not whatever
sits in the current directory. Nothing touches the network.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench import _common
else:  # run as a script, this folder is first on sys.path
    import _common

TARGET_MS = 60.0
PEERS = ("laonlp", "pythainlp")


@dataclass
class Command:
    """One interpreter invocation to time."""

    label: str
    code: str
    samples_ms: list[float] = field(default_factory=list)

    def argv(self) -> list[str]:
        return [sys.executable, "-c", self.code]


def clean_environment() -> dict[str, str]:
    """Return the environment for the subprocesses, without variables that change start-up work."""
    env = dict(os.environ)
    for name in ("PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONTRACEMALLOC"):
        env.pop(name, None)
    return env


Finished = subprocess.CompletedProcess[str]


def run_once(argv: list[str], cwd: str, env: dict[str, str]) -> tuple[float, Finished]:
    """Run *argv* to completion and return its wall time in milliseconds and the finished process."""
    start = time.perf_counter_ns()
    finished = subprocess.run(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    elapsed = time.perf_counter_ns() - start
    return elapsed / 1e6, finished


def importable(module: str, cwd: str, env: dict[str, str]) -> tuple[bool, str]:
    """Check in a subprocess that *module* imports; return success and the last line of any error."""
    _, finished = run_once([sys.executable, "-c", f"import {module}"], cwd, env)
    if finished.returncode == 0:
        return True, ""
    lines = finished.stderr.strip().splitlines()
    return False, lines[-1] if lines else f"exit status {finished.returncode}"


def time_commands(commands: list[Command], runs: int, cwd: str, env: dict[str, str]) -> None:
    """Run every command *runs* times, interleaved with a rotating order, filling ``samples_ms``."""
    for command in commands:  # warm-up: fills the OS file cache and writes bytecode caches
        run_once(command.argv(), cwd, env)
    for round_number in range(runs):
        shift = round_number % len(commands)
        for command in commands[shift:] + commands[:shift]:
            elapsed_ms, finished = run_once(command.argv(), cwd, env)
            if finished.returncode != 0:
                raise SystemExit(f"error: {command.label!r} failed:\n{finished.stderr}")
            command.samples_ms.append(elapsed_ms)


def parse_importtime(stderr: str, module: str) -> dict[str, tuple[int, int]]:
    """Parse ``-X importtime`` output into ``{name: (self_us, cumulative_us)}`` for *module*'s imports.

    Only *module* and the modules imported beneath it count; start-up imports (``site`` and what it
    pulls in) are left out. The output lists a module after its children, one indentation step
    (two spaces) deeper per level, so the subtree is the run of deeper lines just before it.
    """
    entries: list[tuple[int, str, int, int]] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue  # the header line
        name = parts[2].rstrip()
        depth = len(name) - len(name.lstrip())
        entries.append((depth, name.strip(), int(parts[0]), int(parts[1])))
    result: dict[str, tuple[int, int]] = {}
    for index, (depth, name, own, total) in enumerate(entries):
        if name != module:
            continue
        result[name] = (own, total)
        for child_depth, child, child_own, child_total in reversed(entries[:index]):
            if child_depth <= depth:
                break
            result[child] = (child_own, child_total)
        break
    return result


def importtime_detail(module: str, runs: int, top: int, cwd: str, env: dict[str, str]) -> list[list[str]]:
    """Return table rows of the *top* modules by median self time when importing *module*."""
    self_us: dict[str, list[int]] = defaultdict(list)
    cumulative_us: dict[str, list[int]] = defaultdict(list)
    argv = [sys.executable, "-X", "importtime", "-c", f"import {module}"]
    for _ in range(runs):
        _, finished = run_once(argv, cwd, env)
        for name, (own, total) in parse_importtime(finished.stderr, module).items():
            self_us[name].append(own)
            cumulative_us[name].append(total)
    medians = {name: (_common.median(self_us[name]), _common.median(cumulative_us[name])) for name in self_us}
    ranked = sorted(medians.items(), key=lambda item: item[1][0], reverse=True)[:top]
    rows = [[name, f"{own / 1000:.2f}", f"{total / 1000:.2f}"] for name, (own, total) in ranked]
    if module in medians:
        rows.append([f"total for import {module}", "", f"{medians[module][1] / 1000:.2f}"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each command (default: 30)")
    parser.add_argument("--no-peers", action="store_true", help="time laotext only, not laonlp/pythainlp")
    parser.add_argument("--detail", action="store_true", help="also list -X importtime top modules")
    parser.add_argument("--top", type=int, default=15, help="modules listed by --detail (default: 15)")
    parser.add_argument("--detail-runs", type=int, default=5, help="-X importtime runs (default: 5)")
    parser.add_argument("--check", action="store_true", help="exit 1 if laotext misses the target")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    env = clean_environment()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as cwd:
        ok, why = importable("laotext", cwd, env)
        if not ok:
            print(f"error: cannot import laotext with {sys.executable} ({why})")
            print(f"install it with: {sys.executable} -m pip install -e {_common.REPO_ROOT}")
            return _common.EXIT_CANNOT_RUN

        print(_common.environment_line("laotext", *PEERS))
        commands = [Command("python -c pass", "pass"), Command("import laotext", "import laotext")]
        if not args.no_peers:
            for peer in PEERS:
                ok, why = importable(peer, cwd, env)
                if ok:
                    commands.append(Command(f"import {peer}", f"import {peer}"))
                elif "No module named" in why:
                    print(f"skipped: {peer} not installed ({_common.PEER_INSTALL[peer]})")
                else:
                    print(f"skipped: {peer} is installed but fails to import ({why})")
        print(f"{args.runs} runs of each command, interleaved, in fresh interpreters")
        print()

        time_commands(commands, args.runs, cwd, env)
        bare = _common.median(commands[0].samples_ms)
        laotext_overhead = _common.median(commands[1].samples_ms) - bare
        rows = []
        for command in commands:
            middle = _common.median(command.samples_ms)
            overhead = middle - bare
            is_bare = command is commands[0]
            rows.append(
                [
                    command.label,
                    f"{middle:.1f}",
                    f"{_common.percentile(command.samples_ms, 95):.1f}",
                    f"{min(command.samples_ms):.1f}",
                    "-" if is_bare else f"{overhead:+.1f}",
                    "-" if is_bare else _common.ratio(overhead, laotext_overhead),
                ]
            )
        _common.print_table(
            ["command", "median ms", "p95 ms", "min ms", "overhead ms", "overhead vs laotext"], rows
        )
        met = laotext_overhead <= TARGET_MS
        print(
            f"laotext import overhead: {laotext_overhead:.1f} ms over bare Python "
            f"(target: at most {TARGET_MS:.0f} ms) - {'met' if met else 'NOT met'}"
        )

        detail_rows: list[list[str]] = []
        if args.detail:
            print()
            print(f"python -X importtime -c 'import laotext': top {args.top} modules by self time,")
            print("counting only what 'import laotext' pulls in beyond interpreter start-up")
            print(f"(median of {args.detail_runs} runs; importtime adds overhead of its own)")
            print()
            detail_rows = importtime_detail("laotext", args.detail_runs, args.top, cwd, env)
            _common.print_table(["module", "self ms", "cumulative ms"], detail_rows)

    _common.write_json(
        args.json,
        {
            "benchmark": "import",
            "environment": _common.environment_line("laotext", *PEERS),
            "runs": args.runs,
            "commands": {
                command.label: {
                    "median_ms": _common.median(command.samples_ms),
                    "p95_ms": _common.percentile(command.samples_ms, 95),
                    "samples_ms": command.samples_ms,
                }
                for command in commands
            },
            "laotext_overhead_ms": laotext_overhead,
            "target_ms": TARGET_MS,
            "importtime_top": detail_rows,
        },
    )
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
