#!/usr/bin/env python3
"""Measure ``laotext serve``: requests per second and latency of POST /v1/validate on a 200-character field.

The server runs as it would in production, in its own process (``uvicorn --factory
laotext.server.app:from_environment`` on a free loopback port, access log off). A load generator then
posts the same 200-character Lao field (with two typing mistakes, so the answer carries issues and a
fix) over ``--connections`` keep-alive connections for ``--duration`` seconds, after a one-second
warm-up:

* ``wrk`` (Debian package ``wrk``) when installed: a C client, so the figures are the server's;
* otherwise an asyncio client on httpx, which shares the machine's cores with the server and so
  understates the server's rate.

The table gives requests per second, the median and 99th-percentile latency, and the count of
answers other than 200. For scale, the median time of ``laotext.validate`` on the same field, in this
process without HTTP, is printed first.

Run from the repository root, after ``pip install -e '.[server]'``::

    python bench/bench_server.py
    python bench/bench_server.py --duration 5 --connections 32 --workers 2
    python bench/bench_server.py --generator httpx
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see this folder as the namespace package "bench"
    from bench._common import (
        EXIT_CANNOT_RUN,
        environment_line,
        import_laotext,
        import_optional,
        median,
        percentile,
        print_table,
        write_json,
    )
else:  # run as a script, this folder is first on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import (
        EXIT_CANNOT_RUN,
        environment_line,
        import_laotext,
        import_optional,
        median,
        percentile,
        print_table,
        write_json,
    )

SENTENCE = "ສະບາຍດີ ຂ້ອຍຊື່ສົມພອນ ພົມມະຈັນ ອາໄສຢູ່ບ້ານໂພນສະອາດ ເມືອງໄຊເສດຖາ ນະຄອນຫຼວງວຽງຈັນ ບ່ໍມີນໍ້າ. "
#: The field posted: 200 characters of Lao, with a tone mark before its vowel and ໍ + າ for ຳ.
FIELD = (SENTENCE * 4)[:200]
BODY = json.dumps({"text": FIELD, "profile": "text"}, ensure_ascii=False)


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    """Start uvicorn with the laotext app and wait until /healthz answers (exit 2 after 30 s)."""
    command = [sys.executable, "-m", "uvicorn", "--factory", "laotext.server.app:from_environment"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    command += ["--no-access-log", "--log-level", "warning"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _, error = process.communicate()
                print("error: the server did not start:\n" + error.decode(errors="replace"))
                raise SystemExit(EXIT_CANNOT_RUN) from None
            time.sleep(0.1)


def run_httpx(url: str, connections: int, duration: float) -> dict[str, Any] | None:
    """Post :data:`BODY` from *connections* asyncio tasks for *duration* seconds; None without httpx."""
    httpx = import_optional("httpx")
    if httpx is None:
        return None
    headers = {"Content-Type": "application/json"}
    payload = BODY.encode()

    async def load(seconds: float, latencies: list[float], errors: list[int]) -> None:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:

            async def worker(stop: float) -> None:
                while time.perf_counter() < stop:
                    started = time.perf_counter()
                    response = await client.post(url, content=payload, headers=headers)
                    latencies.append(time.perf_counter() - started)
                    if response.status_code != 200:
                        errors.append(response.status_code)

            stop = time.perf_counter() + seconds
            await asyncio.gather(*(worker(stop) for _ in range(connections)))

    asyncio.run(load(1.0, [], []))  # warm-up
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    asyncio.run(load(duration, latencies, errors))
    elapsed = time.perf_counter() - started
    return {
        "generator": f"httpx {httpx.__version__} (asyncio, in Python)",
        "requests": len(latencies),
        "requests_per_second": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "errors": len(errors),
    }


_WRK_SCRIPT = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = {body}
"""
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def run_wrk(wrk: str, url: str, connections: int, duration: float) -> dict[str, Any]:
    """Post :data:`BODY` with wrk for *duration* seconds (after a one-second warm-up)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="utf-8") as script:
        # A JSON string without \u escapes is a valid Lua string (Lua strings hold the UTF-8 bytes).
        script.write(_WRK_SCRIPT.format(body=json.dumps(BODY, ensure_ascii=False)))
    try:
        threads = str(min(2, connections))
        base = [wrk, "-t", threads, "-c", str(connections), "--latency", "-s", script.name]
        subprocess.run([*base, "-d", "1s", url], capture_output=True, check=True)
        out = subprocess.run([*base, "-d", f"{duration:g}s", url], capture_output=True, text=True, check=True)
    finally:
        os.unlink(script.name)
    text = out.stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    total = re.search(r"(\d+) requests in", text)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.MULTILINE)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if not (rate and total and p50 and p99):
        raise SystemExit(f"error: cannot read wrk's output:\n{text}")
    version = subprocess.run([wrk, "-v"], capture_output=True, text=True).stdout.split("[")[0].strip()
    return {
        "generator": f"{version or 'wrk'} (C, {threads} threads)",
        "requests": int(total.group(1)),
        "requests_per_second": float(rate.group(1)),
        "p50_ms": _milliseconds(p50.group(1)),
        "p99_ms": _milliseconds(p99.group(1)),
        "errors": int(bad.group(1)) if bad else 0,
    }


def in_process(repeat: int = 2000) -> float:
    """Median milliseconds of one ``laotext.validate`` call on :data:`FIELD`."""
    from laotext import validate

    validate(FIELD)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        validate(FIELD)
        times.append(time.perf_counter() - started)
    return median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    parser.add_argument("--generator", choices=["auto", "wrk", "httpx"], default="auto")
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args(argv)
    import_laotext("validate")
    if import_optional("fastapi") is None or import_optional("uvicorn") is None:
        print("error: the server extra is not installed: pip install 'laotext[server]'")
        return EXIT_CANNOT_RUN
    wrk = shutil.which("wrk") if args.generator in ("auto", "wrk") else None
    if args.generator == "wrk" and wrk is None:
        print("error: wrk is not installed (apt-get install wrk)")
        return EXIT_CANNOT_RUN
    print(environment_line("laotext", "fastapi", "uvicorn", "httpx"))
    print(f"Field: {len(FIELD)} characters; laotext.validate in-process: {in_process():.3f} ms (median)\n")
    port = free_port()
    server = start_server(port, args.workers)
    url = f"http://127.0.0.1:{port}/v1/validate"
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, BODY.encode(), {"Content-Type": "application/json"}), timeout=10
        ) as response:
            answer = json.loads(response.read())
        assert [issue["code"] for issue in answer["issues"]], answer
        if wrk is not None:
            result = run_wrk(wrk, url, args.connections, args.duration)
        else:
            found = run_httpx(url, args.connections, args.duration)
            if found is None:
                return EXIT_CANNOT_RUN
            result = found
    finally:
        server.terminate()
        server.wait(timeout=10)
    result.update(connections=args.connections, workers=args.workers, duration_s=args.duration)
    print_table(
        ["generator", "connections", "workers", "requests", "requests/s", "p50 ms", "p99 ms", "non-200"],
        [
            [
                result["generator"],
                args.connections,
                args.workers,
                f"{result['requests']:,}",
                f"{result['requests_per_second']:,.0f}",
                f"{result['p50_ms']:.2f}",
                f"{result['p99_ms']:.2f}",
                result["errors"],
            ]
        ],
        "lrrrrrrr",
    )
    write_json(args.json, {"validate_200_chars": result})
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
