"""Benchmark (not a test): ``ki overview`` of 54 KIs × 10 periods (540 files, plus one broken file).

Generates the folder from the bundled example concepts – each KI one of them under a name of its
own and a Regierungsbezirk of the five, each period the same file with every date moved on by two
years – then times, in a fresh process each, ``ki overview DIR -o x.FORMAT`` for every format
(start-up, reading and checking every file, the rows, the output), and the in-process parts
(checking the files, building the rows, each writer). Target: under 5 s per format. Run:

    python benchmarks/overview.py [KIS] [PERIODS] [--repeat N]
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    ROOT / "concepts/kreis-hohenfeld/2027-2028.yaml",
    ROOT / "concepts/beispielstadt/2025-2026.yaml",
    ROOT / "concepts/kreis-musterland/2025-2026.yaml",
    ROOT / "concepts/staedteregion-lindenberg/2025-2026.yaml",
]
BEZIRKE = ("arnsberg", "detmold", "duesseldorf", "koeln", "muenster")
FORMATS = ("csv", "json", "xlsx", "html")
TARGET_S = 5.0


def shifted(text: str, years: int) -> str:
    """``text`` with every date (``2027-01-01``) and budget year (``jahr: 2027``) moved on by ``years``."""
    text = re.sub(r"(?<![\d.])(20\d\d)(-\d\d-\d\d)", lambda m: f"{int(m[1]) + years}{m[2]}", text)
    return re.sub(r"(\bjahr: )(20\d\d)\b", lambda m: f"{m[1]}{int(m[2]) + years}", text)


def generate(folder: Path, kis: int = 54, periods: int = 10) -> list[Path]:
    """``kis`` × ``periods`` valid concept files in ``folder`` (one subfolder per KI) and one broken file."""
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    written = []
    for i in range(kis):
        text = texts[i % len(texts)]
        text = re.sub(r"(?m)^(kommune:\n  name: )(.+)$", rf"\1\2 {i + 1:02d}", text, count=1)
        text = re.sub(r"(?m)^(  regierungsbezirk: )\w+$", rf"\g<1>{BEZIRKE[i % len(BEZIRKE)]}", text, count=1)
        start = int(re.search(r"beginn: (20\d\d)", text)[1])  # type: ignore[index]
        sub = folder / f"ki-{i + 1:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        for p in range(periods):
            years = 2 * p - (start - 2025)  # every KI's periods: 2025–2026, 2027–2028, …
            path = sub / f"{2025 + 2 * p}-{2026 + 2 * p}.yaml"
            path.write_text(shifted(text, years), encoding="utf-8")
            written.append(path)
    broken = folder / "ki-kaputt" / "2025-2026.yaml"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("version: 1\nkommune: {name: Stadt Kaputt, typ: stadt\n", encoding="utf-8")
    written.append(broken)
    return written


def timed(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run in a fresh process.

    On a shared machine the CPU time says what the command costs; the wall-clock time adds the
    waiting for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=err, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeat = 3
    if "--repeat" in sys.argv:
        repeat = int(sys.argv[sys.argv.index("--repeat") + 1])
        args = [a for a in args if a != str(repeat)]
    kis = int(args[0]) if args else 54
    periods = int(args[1]) if len(args) > 1 else 10
    ki = str(Path(sys.executable).with_name("ki"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "konzepte"
        files = generate(folder, kis, periods)
        size = sum(f.stat().st_size for f in files) / 1e6
        print(f"{len(files)} files ({kis} KIs × {periods} periods + 1 broken), {size:.1f} MB")

        sys.path.insert(0, str(ROOT))
        from ki_cli.overview import write
        from ki_cli.overview.collect import build, check_paths

        t0, c0 = time.perf_counter(), time.process_time()
        checked = check_paths([str(folder)], "de")
        t1, c1 = time.perf_counter(), time.process_time()
        overview = build(checked)
        t2 = time.perf_counter()
        rate = len(checked) / (t1 - t0)
        print(
            f"in process: checking {len(checked)} files {t1 - t0:.2f} s ({rate:.0f} files/s; CPU {c1 - c0:.2f} s), "
            f"rows {t2 - t1:.3f} s"
        )
        for fmt in FORMATS:
            t3 = time.perf_counter()
            data = write.render(overview, fmt, "de")
            print(f"  writing {fmt}: {time.perf_counter() - t3:.2f} s ({len(data) / 1e3:.0f} kB)")

        missed = False
        print(f"fresh process, median of {repeat}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:")
        for all_periods in (False, True):
            for fmt in FORMATS:
                out = Path(tmp) / f"x.{fmt}"
                command = [ki, "overview", str(folder), "-o", str(out), "--force"]
                if all_periods:
                    command.append("--all-periods")
                runs = [timed(command) for _ in range(repeat)]
                walls, cpus = [w for w, _ in runs], [c for _, c in runs]
                median = statistics.median(walls)
                missed |= median >= TARGET_S
                label = f"ki overview -o x.{fmt}{' --all-periods' if all_periods else ''}"
                print(
                    f"  {label:<40} {median:6.2f} s wall (min {min(walls):.2f}, max {max(walls):.2f}), "
                    f"{statistics.median(cpus):.2f} s CPU"
                )
        print(f"target: under {TARGET_S:.0f} s each: {'missed' if missed else 'met'}")
        return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
