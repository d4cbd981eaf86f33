"""How fast ``ki serve`` answers the page: ``/api/validate`` and ``/api/edit`` over real HTTP.

    pip install -e '.[editor]'
    python benchmarks/serve.py                 # about a minute
    python benchmarks/serve.py --requests 500

Starts ``ki serve --port 0 --no-browser`` on a temporary copy of the bundled concepts as a real
process, and sends requests over one kept-alive connection, as the page's JavaScript does while
the user types (one at a time, each after the answer to the one before). After a warm-up the
latencies of every request are taken from the client's side (sending the body to reading the
last byte) and reported as median, p95 and maximum, in milliseconds; beside them the server
process's CPU time per request (Linux), which a busy machine inflates far less than the latency.

What is measured:

* ``POST /api/validate`` on a typical concept (``concepts/beispielstadt/2025-2026.yaml``, about
  300 lines) – the target is a p95 under 30 ms (issue 18);
* the same on a generated concept of 1,000 measures;
* ``POST /api/edit`` with one field's change (a measure's lead) on the typical concept;
* ``GET /api/files/PATH`` of the typical concept.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_concept  # noqa: E402

EXAMPLE = "beispielstadt/2025-2026.yaml"


def _cpu_ms(pid: int) -> float | None:
    """The CPU time the server process has used so far (Linux: /proc), in ms; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _measure(
    connection: http.client.HTTPConnection, token: str, method: str, path: str, body: object, count: int, warmup: int
) -> list[float]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"X-KI-Token": token, "Content-Type": "application/json"}
    times: list[float] = []
    for index in range(warmup + count):
        start = time.perf_counter()
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"{method} {path}: HTTP {response.status}")
        if index >= warmup:
            times.append(elapsed)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per measurement (after the warm-up)")
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "konzepte"
        shutil.copytree(ROOT / "concepts", folder)
        (folder / "gross.yaml").write_text(large_concept(1000), encoding="utf-8")
        err = open(Path(tmp) / "serve.err", "wb")  # a file, not a pipe nobody reads
        process = subprocess.Popen(
            [sys.executable, "-m", "ki_cli", "serve", "--port", "0", "--no-browser", str(folder)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            env={**os.environ, "KI_LANG": "de"},
        )
        try:
            url = process.stdout.readline().decode().strip()  # type: ignore[union-attr]
            parts = urlsplit(url)
            token = parts.query.split("token=", 1)[1]
            connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=120)
            typical = (folder / EXAMPLE).read_text(encoding="utf-8")
            large = (folder / "gross.yaml").read_text(encoding="utf-8")
            change = [{"path": "schwerpunkte[0].massnahmen[0].federfuehrung", "value": "mo"}]
            runs = [
                (
                    "POST /api/validate, typical concept (300 lines)",
                    "POST",
                    "/api/validate",
                    {"text": typical, "path": EXAMPLE, "lang": "de"},
                    args.requests,
                ),
                (
                    "POST /api/validate, 1,000 measures",
                    "POST",
                    "/api/validate",
                    {"text": large, "lang": "de"},
                    max(20, args.requests // 10),
                ),
                (
                    "POST /api/edit, one field, typical concept",
                    "POST",
                    "/api/edit",
                    {"text": typical, "changes": change},
                    args.requests,
                ),
                ("GET /api/files/PATH, typical concept", "GET", f"/api/files/{EXAMPLE}", None, args.requests),
            ]
            print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
            print("| request | n | median ms | p95 ms | max ms | server CPU ms per request |")
            print("|---|---:|---:|---:|---:|---:|")
            for label, method, path, body, count in runs:
                _measure(connection, token, method, path, body, 0, args.warmup)
                before = _cpu_ms(process.pid)
                times = _measure(connection, token, method, path, body, count, 0)
                after = _cpu_ms(process.pid)
                cpu = f"{(after - before) / count:.1f}" if before is not None and after is not None else "–"
                print(
                    f"| {label} | {len(times)} | {statistics.median(times):.1f} | "
                    f"{_percentile(times, 0.95):.1f} | {max(times):.1f} | {cpu} |",
                    flush=True,
                )
        finally:
            process.terminate()
            process.wait(30)
            err.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
