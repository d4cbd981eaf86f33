"""Generated concepts for the benchmarks: valid files of any size, and variants of the examples."""

from __future__ import annotations

import re
from pathlib import Path

HEAD = """\
version: 1
kommune: {{name: {name}, typ: kreisfreie_stadt, ags: "05999000"}}
zentrum: {{name: Kommunales Integrationszentrum, anbindung: Dezernat III}}
periode: {{beginn: 2025-01-01, ende: 2026-12-31}}
grundlagen:
  foerderrichtlinie: "2025"
  integrationskonzept: {{titel: Integrationskonzept, beschlossen_am: 2023-06-22}}
"""

ARTEN = ("regeldienst", "freier_traeger", "migrantenorganisation", "landesstruktur", "wirtschaft")
STUFEN = ("initiative", "modellprojekt", "regelpraxis")


def large_concept(
    measures: int,
    partners: int | None = None,
    agreements: int | None = None,
    *,
    name: str = "Stadt Großstadt",
    shift: int = 0,
) -> str:
    """A valid concept with ``measures`` measures in two Schwerpunkte.

    ``partners`` and ``agreements`` default to a quarter of the measures. ``shift`` changes the
    stage of every measure (a second period for ``ki diff`` that differs in every measure).
    """
    partners = max(1, measures // 4) if partners is None else partners
    agreements = measures // 4 if agreements is None else agreements
    out = [HEAD.format(name=name), "schwerpunkte:\n"]
    for sp, bereich, feld in (("sp-a", "bildungskette", "schule"), ("sp-b", "querschnitt", "vernetzung")):
        out.append(
            f"  - id: {sp}\n    bereich: {bereich}\n    handlungsfeld: {feld}\n    titel: Schwerpunkt {sp}\n"
            "    begruendung: Bedarf\n    ziele:\n      - "
            f"{{id: z-{sp}, beschreibung: Ziel, indikator: Zahl, zielwert: 10}}\n"
            "    massnahmen:\n"
        )
        for i in range(measures // 2 if sp == "sp-a" else measures - measures // 2):
            n = i * 2 + (sp == "sp-b")
            p = n % partners
            stufe = STUFEN[(n + shift) % 2]  # initiative / modellprojekt: no rule needs an agreement
            line = (
                f"      - {{id: m-{n}, titel: Maßnahme {n}, stufe: {stufe}, federfuehrung: p-{p}, "
                f"beteiligt: [p-{(p + 1) % partners}], ziele: [z-{sp}], sachkosten: {100 + n}"
            )
            if n < agreements:
                line += f", vereinbarung: v-{n}"
            out.append(line + "}\n")
    out.append("personal:\n")
    for i in range(5):
        out.append(
            f"  - {{id: fk-{i}, funktion: fachkraft, vze: 1.0, finanzierung: land, besetzt_durch: Person {i}, "
            f"einsatz: {{sp-a: 0.5, sp-b: 0.5}}{', rolle: leitung' if i == 0 else ''}}}\n"
        )
    out.append("sachkosten:\n  - {posten: Büroräume, betrag: 24000, traeger: kommune}\npartner:\n")
    out.extend(f"  - {{id: p-{i}, name: Partner {i}, art: {ARTEN[i % len(ARTEN)]}}}\n" for i in range(partners))
    if agreements:
        out.append("vereinbarungen:\n")
    for n in range(agreements):
        out.append(
            f"  - {{id: v-{n}, partner: p-{n % partners}, form: absprache, gegenstand: Gegenstand {n}, "
            "zustaendigkeit_partner: Partner, beitrag_ki: Fokus Migration, beginn: 2025-01-01, "
            "ende: 2026-12-31, status: in_abstimmung}\n"
        )
    return "".join(out)


def example_variants(examples: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` realistic files: the example concepts with another municipality's name each."""
    texts = [p.read_text(encoding="utf-8") for p in examples]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        text = texts[i % len(texts)]
        text = re.sub(r"(?m)^(  name: )(Stadt|Kreis) (\S+)$", rf"\1\2 \3 {i}", text, count=1)
        path = folder / f"ki-{i:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
