"""Benchmarks of `ki`, side by side with its peers, in one run.

    pip install -e '.[bench]'          # check-jsonschema and yamllint, the peers
    python benchmarks/run.py           # about two minutes on two cores
    python benchmarks/run.py --repeat 9 --markdown results.md

Every command runs in a fresh process, as a user or an editor would start it. The commands are
measured in alternating order (one repetition of every command, then the next round), so that a
slow moment of the machine hits all of them alike; the table shows medians. Peak memory is the
child's maximum resident set size (Linux/macOS; Windows shows "–").

What is measured:

* `ki validate` on one example concept, and its peers on the same file: check-jsonschema with
  the JSON Schema `ki schema` writes, yamllint, and the floor – Python starting and loading the
  file with PyYAML's C loader, nothing else;
* `ki --help`;
* `ki validate` of a folder of 1,000 realistic files in one process (files per second);
* `ki validate`, `ki diff` and `ki render proposal` (Markdown) on generated concepts of 10, 100,
  1,000 and 10,000 measures, and the scaling exponent: the slope of log(time) against
  log(size) from 1,000 to 10,000 measures (1.0 = linear);
* `ki render proposal` of the example to Markdown, HTML and PDF.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import example_variants, large_concept

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "concepts" / "beispielstadt" / "2025-2026.yaml"
SIZES = (10, 100, 1_000, 10_000)
BULK_FILES = 1_000

# Targets of the performance issue, checked at the end of the run.
TARGET_VS_PEER = 0.5  # ki validate ≤ 0.5 × check-jsonschema
TARGET_VS_FLOOR = 3.0  # ki validate ≤ 3 × floor
TARGET_FILES_PER_SECOND = 200
TARGET_EXPONENT = 1.15
TARGET_PEAK_MB = 150


@dataclass
class Measure:
    """One command, measured several times."""

    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    failure: str = ""

    def run(self) -> None:
        if self.failure:
            return
        # as on a user's machine, Python keeps the bytecode it compiles (some environments switch
        # that off; then every run would compile ki's modules again, and the warm-up could not warm)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["NO_COLOR"] = "1"
        # standard error into a file, not a pipe: a command that says much there (``ki render`` shows
        # the findings of a large concept) would fill a pipe nobody reads until it ends, and wait forever
        with tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            process = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=errors, env=env)
            peak = _wait_with_peak(process)
            elapsed = time.perf_counter() - start
            if process.returncode not in self.ok_codes:
                errors.seek(0)
                error = errors.read().decode("utf-8", "replace").strip()
                self.failure = f"exit {process.returncode}: {error[-200:]}"
        self.seconds.append(elapsed)
        if peak is not None:
            self.peak_kb.append(peak)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds and not self.failure else math.nan

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024 if self.peak_kb and not self.failure else math.nan


def _wait_with_peak(process: subprocess.Popen[bytes]) -> int | None:
    """Wait for ``process``; its peak resident memory in KiB where the OS tells it."""
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is KiB on Linux, bytes on macOS
        return usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    process.wait()
    return None


def _tool(name: str) -> str | None:
    """A console script installed next to this Python, or on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def _fmt_s(value: float) -> str:
    return "–" if math.isnan(value) else (f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s")


def _fmt_mb(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.0f} MB"


def _slope(small: Measure, large: Measure, n_small: int, n_large: int) -> float:
    """log-log slope of time against size between two sizes (1.0 = linear)."""
    if math.isnan(small.median) or math.isnan(large.median) or small.median <= 0:
        return math.nan
    return math.log(large.median / small.median) / math.log(n_large / n_small)


def build(work: Path, ki: list[str]) -> tuple[list[Measure], dict[str, object]]:
    """Write the inputs into ``work`` and describe every measurement."""
    schema = work / "ki-konzept.schema.json"
    made = subprocess.run([*ki, "schema", "-o", str(schema)], capture_output=True, text=True)
    example = work / "beispiel.yaml"
    shutil.copyfile(EXAMPLE, example)

    python = sys.executable
    floor = [python, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), yaml.CSafeLoader)", str(example)]
    measures = [
        Measure("ki validate (example)", [*ki, "validate", "-q", str(example)]),
        Measure("floor: python + yaml.CSafeLoader", floor),
    ]
    peer = _tool("check-jsonschema")
    check = Measure(
        "check-jsonschema (ki schema)", [peer or "check-jsonschema", "--schemafile", str(schema), str(example)]
    )
    if peer is None:
        check.failure = "not installed (pip install -e '.[bench]')"
    elif made.returncode != 0:
        check.failure = f"ki schema failed: {made.stderr.strip()[-200:]}"
    measures.append(check)
    lint = _tool("yamllint")
    yamllint = Measure("yamllint", [lint or "yamllint", "-d", "relaxed", str(example)], ok_codes=(0, 1))
    if lint is None:
        yamllint.failure = "not installed (pip install -e '.[bench]')"
    measures.append(yamllint)
    measures.append(Measure("ki --help", [*ki, "--help"]))

    bulk = work / "bulk"
    examples = sorted((ROOT / "concepts").glob("**/*.yaml"))
    example_variants(examples, BULK_FILES, bulk)
    measures.append(Measure(f"ki validate, {BULK_FILES} files", [*ki, "validate", "-q", str(bulk)]))

    sized: dict[int, dict[str, Measure]] = {}
    for size in SIZES:
        old = work / f"m{size}-alt.yaml"
        new = work / f"m{size}.yaml"
        old.write_text(large_concept(size, shift=1), encoding="utf-8")
        new.write_text(large_concept(size), encoding="utf-8")
        sized[size] = {
            "validate": Measure(f"ki validate, {size} measures", [*ki, "validate", "-q", str(new)]),
            "diff": Measure(f"ki diff, {size} measures", [*ki, "diff", str(old), str(new)]),
            "render": Measure(
                f"ki render proposal md, {size} measures",
                [*ki, "render", "proposal", str(new), "-o", str(work / f"m{size}.md"), "--force"],
            ),
        }
        measures.extend(sized[size].values())
    for fmt in ("md", "html", "pdf"):
        measures.append(
            Measure(
                f"ki render proposal {fmt} (example)",
                [*ki, "render", "proposal", str(example), "-o", str(work / f"vorlage.{fmt}"), "--force"],
            )
        )
    return measures, {"sized": sized, "schema_ok": made.returncode == 0}


def report(measures: list[Measure], extra: dict[str, object], repeat: int) -> tuple[str, list[str]]:
    by_name = {m.name: m for m in measures}
    ki = by_name["ki validate (example)"]
    floor = by_name["floor: python + yaml.CSafeLoader"]
    peer = by_name["check-jsonschema (ki schema)"]
    bulk = by_name[f"ki validate, {BULK_FILES} files"]
    sized: dict[int, dict[str, Measure]] = extra["sized"]  # type: ignore[assignment]

    lines = [f"| command | median ({repeat} runs) | peak memory | note |", "|---|---|---|---|"]
    for m in measures:
        note = m.failure
        if m is bulk and not m.failure:
            note = f"{BULK_FILES / m.median:.0f} files/s"
        lines.append(f"| {m.name} | {_fmt_s(m.median)} | {_fmt_mb(m.peak_mb)} | {note} |")

    ratios = [
        ("ki validate / check-jsonschema", ki.median / peer.median, TARGET_VS_PEER),
        ("ki validate / floor", ki.median / floor.median, TARGET_VS_FLOOR),
    ]
    lines += ["", "| ratio | value | target |", "|---|---|---|"]
    lines += [f"| {name} | {value:.2f} | ≤ {target} |" for name, value, target in ratios]
    lines.append(f"| ki validate / yamllint | {ki.median / by_name['yamllint'].median:.2f} | – |")
    files_per_second = BULK_FILES / bulk.median if not math.isnan(bulk.median) else math.nan
    lines.append(f"| bulk validation, files per second | {files_per_second:.0f} | ≥ {TARGET_FILES_PER_SECOND} |")

    lines += [
        "",
        "| operation | " + " | ".join(f"{s} measures" for s in SIZES) + " | exponent 1,000→10,000 |",
        "|---|" + "---|" * (len(SIZES) + 1),
    ]
    exponents = {}
    for op in ("validate", "diff", "render"):
        row = [_fmt_s(sized[s][op].median) for s in SIZES]
        exponents[op] = _slope(sized[1_000][op], sized[10_000][op], 1_000, 10_000)
        lines.append(f"| ki {op} | " + " | ".join(row) + f" | {exponents[op]:.2f} |")
    peak_large = sized[10_000]["validate"].peak_mb
    lines.append(
        f"\nPeak memory of `ki validate` on 10,000 measures: {_fmt_mb(peak_large)} (target ≤ {TARGET_PEAK_MB} MB)"
    )

    missed = [f"{name}: {value:.2f} > {target}" for name, value, target in ratios if not value <= target]
    if not files_per_second >= TARGET_FILES_PER_SECOND:
        missed.append(f"bulk: {files_per_second:.0f} files/s < {TARGET_FILES_PER_SECOND}")
    missed += [
        f"exponent of {op}: {e:.2f} > {TARGET_EXPONENT}" for op, e in exponents.items() if not e <= TARGET_EXPONENT
    ]
    if not peak_large <= TARGET_PEAK_MB:
        missed.append(f"peak memory: {_fmt_mb(peak_large)} > {TARGET_PEAK_MB} MB")
    missed += [f"{m.name}: {m.failure}" for m in measures if m.failure]
    return "\n".join(lines), missed


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmarks of ki beside check-jsonschema, yamllint and the floor.")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of every command (default 5)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()

    ki_script = _tool("ki")
    ki = [ki_script] if ki_script else [sys.executable, "-m", "ki_cli"]
    with tempfile.TemporaryDirectory(prefix="ki-bench-") as tmp:
        measures, extra = build(Path(tmp), ki)
        for m in measures:  # warm the file cache and the bytecode once, unmeasured
            m.run()
            m.seconds.clear()
            m.peak_kb.clear()
        for _ in range(args.repeat):
            for m in measures:
                m.run()
        table, missed = report(measures, extra, args.repeat)
    import platform

    cpu = platform.processor() or platform.machine()
    head = (
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}, {cpu}, "
        f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}"
    )
    print(head + "\n\n" + table)
    print("\nAll targets met." if not missed else "\nTargets missed:\n  " + "\n  ".join(missed))
    if args.markdown:
        args.markdown.write_text(head + "\n\n" + table + "\n", encoding="utf-8")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
