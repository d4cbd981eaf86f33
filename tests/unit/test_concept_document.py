"""What the concept document (Schwerpunktkonzept) states of the additions of December 2026.

Rendered in process from the bundled examples (a Kreis with 3,5 seconded teachers and KIM posts;
a StädteRegion with goal measurements and grants per budget year) and from edits of them: the
KI's posts in groups as the proposal states them, the programme posts apart, the TIS 2030
dimension, a measure's named programme, goal and measure ``ist``, the grant per budget year.
"""

from __future__ import annotations

import re

from tests.helpers import CONCEPTS, VALID
from tests.unit.test_proposal_statements import render, section

HOHENFELD = (CONCEPTS / "kreis-hohenfeld" / "2027-2028.yaml").read_text(encoding="utf-8")
LINDENBERG = (CONCEPTS / "staedteregion-lindenberg" / "2025-2026.yaml").read_text(encoding="utf-8")

MEASURE_IST = """\
        sachkosten: 4000
        ist:
          - {jahr: 2025, status: laufend, teilnehmende: 180, sachkosten: 3800, bemerkung: an drei Berufskollegs}
          - {jahr: 2026, status: geplant}
"""
LINDENBERG_IST = LINDENBERG.replace("        sachkosten: 4000\n", MEASURE_IST, 1)


def concept(text: str) -> str:
    return render(text, "concept")


def part(markdown: str, heading: str) -> str:
    """The text under the heading ``heading`` (any level) up to the next heading of that level or above."""
    match = re.search(rf"^(#+) {re.escape(heading)}\n", markdown, re.MULTILINE)
    assert match, heading
    level = len(match.group(1))
    rest = markdown[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start() if end else None]


def table_rows(markdown: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split("|")] for line in markdown.splitlines() if line.startswith("|")
    ]


# posts: the KI's own in groups, the programme posts apart


def test_the_ki_posts_are_grouped_with_seconded_teachers_apart_from_state_funded_municipal_posts():
    rows = table_rows(part(concept(HOHENFELD), "Stellen des Kommunalen Integrationszentrums"))
    assert ["vom Land abgeordnete Lehrkräfte", "3,5", "0,0", "0,0", "3,5"] in rows
    assert ["vom Land geförderte kommunale Stellen", "0,0", "6,0", "0,5", "6,5"] in rows
    assert ["**Summe**", "**3,5**", "**6,0**", "**0,5**", "**10,0**"] in rows


def test_the_concept_says_the_teachers_are_not_paid_from_the_grant():
    personal = section(concept(HOHENFELD), "4. Personal")
    assert "Die Lehrkräfte (3,5 VZE) sind vom Land an das Kommunale Integrationszentrum abgeordnet" in personal
    assert "werden nicht aus der Landesförderung finanziert" in personal


def test_kim_posts_are_listed_apart_and_not_counted_in_the_ki_posts():
    markdown = concept(HOHENFELD)
    programme = table_rows(part(markdown, "Stellen anderer Landesprogramme"))
    assert ["Kommunales Integrationsmanagement (KIM)", "0,0", "3,5", "0,5", "4,0"] in programme
    ki = part(markdown, "Stellen des Kommunalen Integrationszentrums")
    assert "KIM" not in ki and "Laura Niehues" not in ki


def test_each_kim_post_is_listed_under_its_programme_not_under_the_ki():
    markdown = concept(HOHENFELD)
    kim = part(markdown, "Kommunales Integrationsmanagement (KIM) – 4,0 VZE")
    assert ["Fachkraft", "1,0", "Laura Niehues", "Interkulturelle Öffnung der Kreisverwaltung: 1,0"] in table_rows(kim)
    assert len(table_rows(kim)) == 2 + 5  # head, rule, five posts
    assert "Laura Niehues" not in part(markdown, "Vom Land geförderte kommunale Stellen – 6,5 VZE")


def test_each_seconded_teacher_is_listed_under_the_teachers():
    teachers = table_rows(part(concept(HOHENFELD), "Vom Land abgeordnete Lehrkräfte – 3,5 VZE"))
    assert [r[2] for r in teachers[2:]] == ["Jan Vossberg", "Elif Demir", "Petra Lohmann", "Oleksandr Melnyk"]


def test_the_programme_posts_are_listed_in_their_own_section():
    programme = part(concept(HOHENFELD), "Stellen anderer Landesprogramme im Einzelnen")
    assert "#### Kommunales Integrationsmanagement (KIM) – 4,0 VZE" in programme
    assert "Vom Land abgeordnete Lehrkräfte" not in programme


def test_a_posts_role_is_shown_with_its_function():
    rows = table_rows(part(concept(HOHENFELD), "Vom Land geförderte kommunale Stellen – 6,5 VZE"))
    assert ["Fachkraft (Leitung)", "1,0", "Sabine Terhorst"] == rows[2][:3]


def test_the_basics_name_the_funding_guideline_by_its_title():
    grundlagen = section(concept(HOHENFELD), "1. Grundlagen")
    assert "- Förderung: Förderrichtlinie Kommunale Integrationszentren vom 3. April 2025 (BASS 20166)" in grundlagen


def test_a_post_of_another_programme_is_named_by_its_programme():
    text = HOHENFELD.replace(
        "programm: kim, besetzt_durch: Heike Brune", "programm: sonstiges, besetzt_durch: Heike Brune"
    )
    rows = table_rows(part(concept(text), "Stellen anderer Landesprogramme"))
    assert ["sonstiges Landesprogramm", "0,0", "0,0", "0,5", "0,5"] in rows


def test_a_ki_without_programme_posts_has_no_programme_section():
    markdown = concept(VALID)
    assert "Stellen anderer Landesprogramme" not in markdown and "Landesprogramm" not in markdown


def test_the_staffing_per_schwerpunkt_counts_only_the_ki_posts():
    rows = table_rows(
        part(concept(HOHENFELD), "Einsatz der Stellen des Kommunalen Integrationszentrums je Schwerpunkt")
    )
    assert ["Interkulturelle Öffnung der Kreisverwaltung", "0,0", "2,0", "0,5", "2,5"] in rows


def test_the_list_of_posts_names_the_schwerpunkte_not_their_ids():
    personal = section(concept(HOHENFELD), "4. Personal")
    for ident in ("lk-1", "fk-1", "kim-1", "kim-va", "seiteneinstieg:", "fruehe-bildung", "vielfalt:"):
        assert ident not in personal, ident
    assert (
        "Neu zugewanderte Kinder und Jugendliche in der Schule: 0,5; Frühe Bildung für neu zugewanderte Familien: 0,5"
        in personal
    )


# priorities and measures


def test_each_priority_shows_its_tis2030_dimension_by_its_name():
    markdown = concept(HOHENFELD)
    assert (
        "Zieldimension der Teilhabe- und Integrationsstrategie 2030: Erstintegration von Neuzugewanderten" in markdown
    )
    assert (
        "Zieldimension der Teilhabe- und Integrationsstrategie 2030: Nachhaltige Integration in die Regelsysteme"
        in markdown
    )
    assert (
        "Zieldimension der Teilhabe- und Integrationsstrategie 2030: Gestaltung der Migrationsgesellschaft" in markdown
    )


def test_a_priority_without_tis2030_shows_no_dimension():
    assert "Teilhabe- und Integrationsstrategie" not in concept(VALID)


def test_a_measure_shows_its_named_programme():
    rucksack = part(concept(HOHENFELD), "Rucksack KiTa in den Familienzentren")
    assert "- Programm: Rucksack KiTa\n" in rucksack


def test_a_measure_without_a_programme_shows_none():
    assert "- Programm:" not in part(concept(HOHENFELD), "Fortbildungsreihe Interkulturelle Kompetenz")


def test_goal_measurements_are_listed_with_date_value_and_remark():
    uebergang = part(concept(LINDENBERG), "Übergang von der Schule in Ausbildung")
    rows = table_rows(uebergang[uebergang.index("Gemessene Werte") :])
    assert rows[0] == ["Ziel", "Datum", "Ist-Wert", "Bemerkung"]
    assert [
        "Mehr zugewanderte Jugendliche mit Anschluss nach der Schule",
        "31.10.2024",
        "58 Prozent",
        "Schulabgangsbefragung 2024",
    ] in rows


def test_a_priority_without_measurements_has_no_measurement_table():
    assert "Gemessene Werte" not in concept(HOHENFELD)


def test_a_measures_ist_is_shown_per_budget_year():
    measure = part(concept(LINDENBERG_IST), "Migrationssensible Berufsorientierung an Berufskollegs")
    rows = table_rows(measure[measure.index("Umsetzung je Haushaltsjahr") :])
    assert rows[0] == ["Haushaltsjahr", "Stand", "Teilnehmende", "Sachkosten", "Bemerkung"]
    assert ["2025", "laufend", "180", "3.800\u00a0€", "an drei Berufskollegs"] in rows
    assert ["2026", "geplant", "—", "—", "—"] in rows


def test_a_measure_without_ist_has_no_implementation_table():
    assert "Umsetzung je Haushaltsjahr" not in concept(LINDENBERG)


# money: the grant per budget year, as in the proposal


def _grant_rows(markdown: str) -> list[list[str]]:
    return [r for r in table_rows(markdown) if re.fullmatch(r"20\d\d( \(.*\))?", r[0]) and "Antragsfrist" not in r]


def test_the_grant_per_budget_year_is_the_proposals():
    markdown = concept(LINDENBERG)
    grant = section(markdown, "6. Sachkosten und Landesförderung")
    assert ["2025", "31.10.2024", "bis zu 364.500\u00a0€", "364.500\u00a0€", "—"] in table_rows(grant)
    assert _grant_rows(grant) == _grant_rows(part(render(LINDENBERG), "Landesförderung je Haushaltsjahr"))


def test_the_grant_table_says_the_amounts_are_maxima():
    grant = section(concept(HOHENFELD), "6. Sachkosten und Landesförderung")
    assert "die Beträge der Förderrichtlinie sind Höchstbeträge" in grant
    assert "| **Zeitraum** |  | **bis zu 729.000\u00a0€** |" in grant


def test_programme_posts_are_not_in_the_grant():
    grant = section(concept(HOHENFELD), "6. Sachkosten und Landesförderung")
    assert (
        "Kommunales Integrationsmanagement (KIM): 4,0 VZE) werden gesondert gefördert und sind in diesen Beträgen nicht enthalten"
        in grant
    )


def test_no_vocabulary_key_appears_in_a_concept_document():
    for text in (HOHENFELD, LINDENBERG_IST):
        out = concept(text)
        for key in (
            "kim",
            "erstintegration",
            "regelsysteme",
            "migrationsgesellschaft",
            "daueraufgabe",
            "laufend_",
            "lehrkraft",
            "staedteregion",
        ):
            assert not re.search(rf"(?<![\w-]){key}(?![\w-])", out), key
