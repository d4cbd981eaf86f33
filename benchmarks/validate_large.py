"""Benchmark: validate a large concept (2,000 measures, 500 partners, 500 agreements).

Not a test: it prints figures. Run from the repository root:

    python benchmarks/validate_large.py [--measures 2000] [--partners 500] [--agreements 500] [--repeat 5]

It writes the generated concept to a temporary folder, then times (a) the whole pipeline in this
process (load → model → references → domain rules) and (b) the real command `ki validate` in a
fresh process, and prints the medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_concept


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=2000)
    parser.add_argument("--partners", type=int, default=500)
    parser.add_argument("--agreements", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from ki_cli.check.pipeline import validate_bytes

    text = large_concept(args.measures, args.partners, args.agreements)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "gross.yaml")
        path.write_text(text, encoding="utf-8")
        raw = path.read_bytes()
        report = validate_bytes(raw, str(path), "de")
        errors = [f for f in report.findings if f.severity == "error"]
        codes = sorted({f.code for f in report.findings})
        in_process = median_seconds(lambda: validate_bytes(raw, str(path), "de"), args.repeat)
        command = [sys.executable, "-m", "ki_cli", "validate", "-q", str(path)]
        cli = median_seconds(lambda: subprocess.run(command, capture_output=True, check=False), args.repeat)
    print(
        f"concept: {args.measures} measures, {args.partners} partners, {args.agreements} agreements, "
        f"{len(raw) / 1024:.0f} KiB; findings: {len(report.findings)} ({', '.join(codes) or 'none'}), "
        f"errors: {len(errors)}"
    )
    print(f"validate in process (median of {args.repeat}): {in_process:.3f} s")
    print(f"ki validate, fresh process (median of {args.repeat}): {cli:.3f} s")
    if errors:
        print("note: the generated concept has errors; the figure does not cover the domain rules", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
