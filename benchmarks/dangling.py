"""Benchmark: a concept whose references all point nowhere (issue 12: did-you-mean against every id).

Not a test: it prints figures. Run from the repository root:

    python benchmarks/dangling.py [--refs 4000] [--repeat 3]

The concept has ``refs`` partners, goals and measures; every measure names a partner, a goal and
an agreement that do not exist, and every post an unknown Schwerpunkt – about 3 × ``refs``
findings KI107, each with a did-you-mean. The script times ``ki validate`` on it in a fresh
process for ``refs`` and a tenth of it, and prints the growth exponent (1.0 = linear).
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import HEAD


def dangling_concept(refs: int) -> str:
    """``refs`` partners, goals and measures; every reference of every measure and post dangles."""
    out = [
        HEAD.format(name="Stadt Irrtum"),
        "schwerpunkte:\n",
        "  - id: sp-a\n    bereich: bildungskette\n    handlungsfeld: schule\n    titel: Schule\n",
        "    begruendung: Bedarf\n    ziele:\n",
    ]
    out.extend(f"      - {{id: z-{i:05}, beschreibung: Ziel {i}}}\n" for i in range(refs))
    out.append("    massnahmen:\n")
    out.extend(
        f"      - {{id: m-{i:05}, titel: Maßnahme {i}, stufe: initiative, federfuehrung: q-{i:05}, "
        f"ziele: [y-{i:05}], vereinbarung: w-{i:05}}}\n"
        for i in range(refs)
    )
    out.append("personal:\n")
    out.extend(
        f"  - {{id: fk-{i:05}, funktion: fachkraft, vze: 0.5, finanzierung: kommune, einsatz: {{sp-{i:05}: 0.5}}}}\n"
        for i in range(refs // 10)
    )
    out.append("partner:\n")
    out.extend(f"  - {{id: p-{i:05}, name: Partner {i}, art: sonstige}}\n" for i in range(refs))
    return "".join(out)


def _seconds(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--refs", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = {}
        for refs in (args.refs // 10, args.refs):
            path = Path(folder) / f"dangling-{refs}.yaml"
            path.write_text(dangling_concept(refs), encoding="utf-8")
            figures[refs] = _seconds([sys.executable, "-m", "ki_cli", "validate", "-q", str(path)], args.repeat)
            print(f"ki validate, {refs} dangling references of each kind: {figures[refs] * 1000:.0f} ms")
        small, large = args.refs // 10, args.refs
        print(
            f"exponent {small} → {large}: {math.log(figures[large] / figures[small]) / math.log(large / small):.2f}"
            " (1.0 = linear)"
        )


if __name__ == "__main__":
    main()
