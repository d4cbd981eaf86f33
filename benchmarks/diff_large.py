"""Benchmark (not a test): ``ki diff`` of two concepts with 5,000 measures each.

Writes the two files into a temporary folder, then times ``compare`` alone and the whole
command line (``ki diff OLD NEW --format json`` in a fresh process: start-up, loading and
checking both files, comparing, reporting). Run:

    python benchmarks/diff_large.py [MEASURES]
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """\
version: 1
kommune: {{name: Stadt Beispielstadt, typ: kreisfreie_stadt, ags: "05999000"}}
zentrum: {{name: Kommunales Integrationszentrum Beispielstadt, anbindung: Dezernat III}}
periode: {{beginn: {beginn}-01-01, ende: {ende}-12-31}}
grundlagen:
  foerderrichtlinie: "2025"
  integrationskonzept: {{titel: Integrationskonzept, beschlossen_am: 2022-06-22}}
schwerpunkte:
"""

TAIL = """\
personal:
  - {id: fk-1, funktion: fachkraft, vze: 1.0, finanzierung: land, besetzt_durch: A, einsatz: {sp-0: 0.5, sp-1: 0.5}}
partner:
  - {id: awo, name: AWO, art: freier_traeger}
  - {id: schulamt, name: Schulamt, art: schulaufsicht}
"""

STUFEN = ("initiative", "modellprojekt", "regelpraxis")


def concept(measures: list[tuple[int, str, int]], beginn: int) -> str:
    """A concept with two Schwerpunkte; ``measures`` are (number, stage, Schwerpunkt)."""
    lines = [HEAD.format(beginn=beginn, ende=beginn + 1)]
    for sp, bereich, feld in ((0, "bildungskette", "schule"), (1, "querschnitt", "vernetzung")):
        lines.append(
            f"  - id: sp-{sp}\n    bereich: {bereich}\n    handlungsfeld: {feld}\n"
            f"    titel: Schwerpunkt {sp}\n    begruendung: Bedarf\n    massnahmen:\n"
        )
        for number, stufe, where in measures:
            if where == sp:
                lines.append(
                    f"      - id: m-{number}\n        titel: Maßnahme {number}\n        stufe: {stufe}\n"
                    f"        federfuehrung: ki\n        beteiligt: [awo]\n        sachkosten: {100 + number}\n"
                )
    lines.append(TAIL)
    return "".join(lines)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    rnd = random.Random(1)
    old = [(i, rnd.choice(STUFEN[:2]), i % 2) for i in range(count)]
    new = []
    for number, stufe, sp in old:
        roll = rnd.random()
        if roll < 0.02:
            continue  # removed
        if roll < 0.10:
            stufe = STUFEN[STUFEN.index(stufe) + 1]  # stage progress
        elif roll < 0.12:
            sp = 1 - sp  # moved
        new.append((number, stufe, sp))
    new.extend((count + i, "initiative", i % 2) for i in range(count - len(new)))  # as many added
    rnd.shuffle(new)

    folder = Path(tempfile.mkdtemp(prefix="ki-diff-bench-"))
    a, b = folder / "2023-2024.yaml", folder / "2025-2026.yaml"
    a.write_text(concept(old, 2023), encoding="utf-8")
    b.write_text(concept(new, 2025), encoding="utf-8")
    print(f"{count} measures each: {a.stat().st_size // 1024} KiB and {b.stat().st_size // 1024} KiB")

    from ki_cli.check.gcpause import paused_gc
    from ki_cli.diff import compare
    from ki_cli.diff.command import load_concept

    start = time.perf_counter()
    ka, kb = load_concept(a, "de"), load_concept(b, "de")
    loaded = time.perf_counter()
    with paused_gc():  # as ``ki diff`` does
        changes = compare(ka, kb)
    compared = time.perf_counter()
    print(f"load and check both files: {loaded - start:.3f} s")
    print(f"compare: {compared - loaded:.3f} s ({len(changes)} changes)")

    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "ki_cli", "diff", str(a), str(b), "--format", "json"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs.append(time.perf_counter() - start)
    print(f"ki diff --format json (fresh process, best of 3): {min(runs):.3f} s")


if __name__ == "__main__":
    main()
