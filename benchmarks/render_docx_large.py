"""Benchmark: Word output of large concepts (1,000 to 10,000 measures).

Not a test: it prints figures. Run from the repository root:

    python benchmarks/render_docx_large.py [--measures 1000 2000 10000] [--kinds proposal concept workplan]

For each size it writes a generated concept to a temporary folder and times the real command
`ki render KIND FILE -o out.docx` in a fresh process (wall time and peak memory), and the Word
step alone in this process (Markdown → .docx, without loading and validating the concept), with
the share of markdown-it's parse of the document's Markdown in brackets. The
last line is the scaling exponent of the Word step between the smallest and the largest size:
the slope of log(time) against log(measures), 1.0 meaning linear.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_concept


def _run(command: list[str]) -> tuple[int, str, float, str]:
    """Exit code, standard error, wall seconds and peak memory of ``command`` in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read() if process.stderr else ""
    peak = "–"
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        kib = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # bytes on macOS
        peak = f"{kib / 1024:.0f} MiB"
    else:  # Windows
        process.wait()
    return process.returncode, stderr, time.perf_counter() - start, peak


def _word_step(path: Path, kind: str) -> tuple[float, float, int]:
    """Seconds for Markdown → .docx of ``kind`` (the concept loaded and rendered to Markdown first),
    seconds of that for parsing the Markdown alone, and the bytes of the file."""
    from ki_cli.check.load import load_path
    from ki_cli.check.pipeline import check_loaded
    from ki_cli.render.documents import build, output
    from ki_cli.render.formats import _markdown

    konzept, _ = check_loaded(load_path(path, "de"), "de")
    env, documents = build(kind, konzept)
    start = time.perf_counter()
    _markdown().parse(documents[0].markdown)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    data = output(env, documents[0], "docx")
    return time.perf_counter() - start, parse, len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, nargs="+", default=[1000, 2000, 10000])
    parser.add_argument("--kinds", nargs="+", default=["proposal", "concept", "workplan"])
    args = parser.parse_args()

    word_times: dict[str, dict[int, float]] = {kind: {} for kind in args.kinds}
    with tempfile.TemporaryDirectory() as tmp:
        for measures in args.measures:
            path = Path(tmp, f"gross-{measures}.yaml")
            path.write_text(large_concept(measures), encoding="utf-8")
            for kind in args.kinds:
                target = Path(tmp, f"{kind}-{measures}.docx")
                command = [sys.executable, "-m", "ki_cli", "render", kind, str(path), "-o", str(target), "--force"]
                code, stderr, wall, peak = _run(command)
                if code != 0:
                    print(f"{kind} {measures}: exit {code}: {stderr.strip()[-300:]}")
                    continue
                seconds, parse, size = _word_step(path, kind)
                word_times[kind][measures] = seconds
                print(
                    f"{measures:>6} measures  {kind:<9} ki render → .docx {wall:6.2f} s, peak {peak:>8}; "
                    f"Word step alone {seconds:6.2f} s (Markdown parse {parse:5.2f} s), {size / 1024:,.0f} KiB"
                )
    for kind, times in word_times.items():
        if len(times) >= 2:
            small, large = min(times), max(times)
            if times[small] > 0:
                slope = math.log(times[large] / times[small]) / math.log(large / small)
                print(f"scaling exponent of the Word step ({kind}, {small} → {large} measures): {slope:.2f}")


if __name__ == "__main__":
    main()
