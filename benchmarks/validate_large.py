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

HEAD = """\
version: 1
kommune: {name: Stadt Großstadt, typ: kreisfreie_stadt, ags: "05999000"}
zentrum: {name: Kommunales Integrationszentrum Großstadt, anbindung: Dezernat III}
periode: {beginn: 2025-01-01, ende: 2026-12-31}
grundlagen:
  foerderrichtlinie: "2025"
  integrationskonzept: {titel: Integrationskonzept, beschlossen_am: 2023-06-22}
"""


def large_concept(measures: int, partners: int, agreements: int) -> str:
    """A valid concept of the given size; measures alternate between two Schwerpunkte."""
    out = [HEAD, "schwerpunkte:\n"]
    for sp, bereich, feld in (("sp-a", "bildungskette", "schule"), ("sp-b", "querschnitt", "vernetzung")):
        out.append(f"  - id: {sp}\n    bereich: {bereich}\n    handlungsfeld: {feld}\n    titel: Schwerpunkt {sp}\n"
                   f"    begruendung: Bedarf\n    ziele:\n      - {{id: z-{sp}, beschreibung: Ziel, indikator: Zahl, zielwert: 10}}\n"
                   "    massnahmen:\n")
        for i in range(measures // 2 if sp == "sp-a" else measures - measures // 2):
            n = i * 2 + (sp == "sp-b")
            p = n % partners
            line = (f"      - {{id: m-{n}, titel: Maßnahme {n}, stufe: modellprojekt, federfuehrung: p-{p}, "
                    f"beteiligt: [p-{(p + 1) % partners}], ziele: [z-{sp}], sachkosten: {100 + n}")
            if n < agreements:
                line += f", vereinbarung: v-{n}"
            out.append(line + "}\n")
    out.append("personal:\n")
    for i in range(5):
        out.append(f"  - {{id: fk-{i}, funktion: fachkraft, vze: 1.0, finanzierung: land, besetzt_durch: Person {i}, "
                   f"einsatz: {{sp-a: 0.5, sp-b: 0.5}}{', rolle: leitung' if i == 0 else ''}}}\n")
    out.append("sachkosten:\n  - {posten: Büroräume, betrag: 24000, traeger: kommune}\npartner:\n")
    arten = ("regeldienst", "freier_traeger", "migrantenorganisation", "landesstruktur", "wirtschaft")
    out.extend(f"  - {{id: p-{i}, name: Partner {i}, art: {arten[i % len(arten)]}}}\n" for i in range(partners))
    out.append("vereinbarungen:\n")
    for n in range(agreements):
        out.append(f"  - {{id: v-{n}, partner: p-{n % partners}, form: absprache, gegenstand: Gegenstand {n}, "
                   "zustaendigkeit_partner: Partner, beitrag_ki: Fokus Migration, beginn: 2025-01-01, "
                   "ende: 2026-12-31, status: in_abstimmung}\n")
    return "".join(out)


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

    from ki_cli.validate import validate_bytes

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
    print(f"concept: {args.measures} measures, {args.partners} partners, {args.agreements} agreements, "
          f"{len(raw) / 1024:.0f} KiB; findings: {len(report.findings)} ({', '.join(codes) or 'none'}), errors: {len(errors)}")
    print(f"validate in process (median of {args.repeat}): {in_process:.3f} s")
    print(f"ki validate, fresh process (median of {args.repeat}): {cli:.3f} s")
    if errors:
        print("note: the generated concept has errors; the figure does not cover the domain rules", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
