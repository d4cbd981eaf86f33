"""The yearly report's figures (``ki render report``): posts planned and filled, costs planned against
spent, the goals' progress, the deviations and the grant, computed from a real concept file."""

from __future__ import annotations

from typing import Any

import pytest

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from ki_cli.render import documents
from ki_cli.render.report import Messwert, progress
from tests.helpers import CONCEPTS

MUSTERLAND = (CONCEPTS / "kreis-musterland" / "2025-2026.yaml").read_text(encoding="utf-8")


def edit(*pairs: tuple[str, str], base: str = MUSTERLAND) -> str:
    text = base
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def report(text: str = MUSTERLAND, jahr: int = 2025) -> tuple[dict[str, Any], str]:
    """The report's variables and Markdown for ``jahr``, rendered in-process (findings do not stop it)."""
    konzept, findings = check_loaded(load_bytes(text.encode("utf-8")), "de", domain=False)
    assert konzept is not None, [f.code for f in findings]
    document = documents.build("report", konzept, jahr=jahr)[1][0]
    return document.variables, document.markdown


def measure(variables: dict[str, Any], titel: str) -> Any:
    return next(m for m in variables["massnahmen_bericht"] if m.titel == titel)


def goal(variables: dict[str, Any], beschreibung: str) -> Any:
    return next(z for z in variables["ziele_bericht"] if z.beschreibung == beschreibung)


# --- posts -------------------------------------------------------------------------------------------


def test_posts_planned_and_filled_are_counted_by_function():
    variables, _ = report()
    rows = {r.funktion: r for r in variables["stellen_bericht"]}
    assert (rows["Fachkräfte"].stellen, rows["Fachkräfte"].vze, rows["Fachkräfte"].besetzt_vze) == (8, 6.5, 6.5)
    assert (rows["Lehrkräfte"].vze, rows["Verwaltungsassistenz"].vze) == (2.0, 0.5)
    assert variables["stellen_ki_summe"].vze == 9.0


def test_a_vacant_post_is_planned_but_not_filled_and_is_a_deviation():
    variables, markdown = report(edit(("    besetzt_durch: Markus Vogel\n", "")))
    fachkraefte = next(r for r in variables["stellen_bericht"] if r.funktion == "Fachkräfte")
    assert (fachkraefte.besetzt_stellen, fachkraefte.besetzt_vze, fachkraefte.offen_vze) == (7, 5.5, 1.0)
    assert any(a.bereich == "Personal" and "1 von 8 Stellen" in a.abweichung for a in variables["abweichungen"])
    assert "| Fachkräfte | 8 | 6,5 | 5,5 | 1,0 |" in markdown


def test_posts_of_another_programme_are_listed_apart_from_the_kis():
    text = edit(
        (
            "    kosten: 36000\n    besetzt_durch: Tim Becker",
            "    kosten: 36000\n    programm: kim\n    besetzt_durch: Tim Becker",
        )
    )
    variables, markdown = report(text)
    assert [r.titel for r in variables["stellen_andere"]] == ["Fachkräfte – Kommunales Integrationsmanagement (KIM)"]
    assert variables["stellen_ki_summe"].vze == 8.5
    assert "gesondert gefördert" in markdown


# --- measures and costs --------------------------------------------------------------------------------


def test_costs_planned_are_set_against_costs_spent_per_measure():
    variables, markdown = report()
    kita = measure(variables, "Kita-Einstieg – Brücken bauen in frühe Bildung")
    assert (kita.status, kita.teilnehmende, kita.kosten_plan, kita.kosten_ist, kita.abweichung) == (
        "laufend",
        142,
        6000.0,
        6400.0,
        400.0,
    )
    assert (
        "| Kita-Einstieg – Brücken bauen in frühe Bildung | laufend | 142 | 6.000\u00a0€ | 6.400\u00a0€ (+400\u00a0€) |"
        in markdown
    )


def test_the_measures_costs_add_up_planned_and_spent():
    variables, _ = report()
    assert variables["finanzen"].massnahmen_plan == 19000.0
    assert variables["finanzen"].kosten_ist == 16600.0


def test_a_part_year_plans_the_costs_pro_rata_by_months():
    text = edit(("beginn: 2025-01-01\n  ende: 2026-12-31", "beginn: 2025-07-01\n  ende: 2027-06-30"))
    variables, _ = report(text)
    assert measure(variables, "Kita-Einstieg – Brücken bauen in frühe Bildung").kosten_plan == 3000.0
    assert variables["teiljahr"] and variables["berichtszeitraum"] == "01.07.2025 bis 31.12.2025"


def test_a_measure_without_an_entry_for_the_year_is_a_deviation_without_reason():
    variables, _ = report(jahr=2026)
    kita = measure(variables, "Kita-Einstieg – Brücken bauen in frühe Bildung")
    assert kita.status is None
    found = [a for a in variables["abweichungen"] if a.was == kita.titel]
    assert found and found[0].offen


def test_a_measure_completed_in_an_earlier_year_is_not_listed_again():
    variables, _ = report(jahr=2026)
    assert all(
        m.titel != "Qualifizierung Ehrenamtlicher in der Flüchtlingshilfe" for m in variables["massnahmen_bericht"]
    )


def test_a_suspended_measure_is_a_deviation_with_its_reason():
    variables, _ = report()
    found = next(
        a for a in variables["abweichungen"] if a.was == "Herkunftssprachlicher Unterricht an weiteren Standorten"
    )
    assert found.abweichung.startswith("ausgesetzt; Sachkosten 1.650\u00a0€ (82\u00a0%) unter der Planung")
    assert "keine Lehrkräfte" in found.begruendung


def test_a_cost_deviation_without_a_remark_says_that_the_reason_is_missing():
    variables, markdown = report()
    found = next(a for a in variables["abweichungen"] if a.was == "Netzwerk Integration der Städte und Gemeinden")
    assert found.offen and "*keine Begründung angegeben*" in markdown


# --- goals and progress -----------------------------------------------------------------------------------


def test_progress_is_the_share_of_the_way_from_baseline_to_target():
    variables, markdown = report()
    ziel = goal(variables, "Brückenangebote in allen kreisangehörigen Kommunen")
    assert ziel.letzter.wert == 7 and ziel.fortschritt == 0.5
    assert "50\u00a0% des Wegs vom Ausgangswert 4 Kommunen zum Zielwert 10 Kommunen geschafft" in markdown


def test_progress_of_a_goal_that_aims_lower_counts_the_same_way():
    variables, _ = report()
    ziel = goal(variables, "Schnelle Erstberatung und Zuweisung zur Schule")
    assert (ziel.ausgangswert, ziel.zielwert, ziel.letzter.wert, ziel.fortschritt) == (45, 21, 33, 0.5)


def test_values_after_the_years_end_are_not_counted_for_it():
    text = edit(
        (
            "          - {datum: 2025-06-30, wert: 5}\n",
            "          - {datum: 2025-06-30, wert: 5}\n          - {datum: 2026-03-31, wert: 10}\n",
        )
    )
    variables, _ = report(text)
    ziel = goal(variables, "Brückenangebote in allen kreisangehörigen Kommunen")
    assert ziel.letzter.wert == 7 and [w.wert for w in ziel.messwerte] == [5, 7]
    assert goal(report(text, 2026)[0], ziel.beschreibung).fortschritt == 1.0


def test_a_value_in_another_unit_is_shown_but_not_counted():
    text = edit(
        ("          - {datum: 2025-12-31, wert: 8}\n", "          - {datum: 2025-12-31, wert: 80, einheit: Prozent}\n")
    )
    variables, markdown = report(text)
    ziel = goal(variables, "Alle Kommunen arbeiten im Integrationsnetzwerk mit")
    assert ziel.letzter is None and ziel.fortschritt is None and ziel.abweichend
    assert "80 Prozent (andere Einheit, nicht verglichen)" in markdown


def test_a_goal_without_a_value_says_so_and_is_a_deviation():
    text = edit(("          - {datum: 2025-12-31, wert: 8}\n", ""))
    variables, _ = report(text)
    ziel = goal(variables, "Alle Kommunen arbeiten im Integrationsnetzwerk mit")
    assert ziel.fortschritt_text == "Bis Ende 2025 liegt noch kein Messwert vor."
    assert any(a.bereich == "Ziel" and a.was == ziel.beschreibung for a in variables["abweichungen"])


def _value(wert: float) -> Messwert:
    import datetime as dt

    return Messwert(dt.date(2025, 12, 31), wert, None, None, True)


@pytest.mark.parametrize(
    ("wert", "ausgang", "ziel", "share", "words", "behind"),
    [
        (12, 4, 10, 4 / 3, "Zielwert übertroffen", False),
        (10, 4, 10, 1.0, "Zielwert erreicht", False),
        (4, 4, 10, 0.0, "Keine Veränderung gegenüber dem Ausgangswert", True),
        (3, 4, 10, -1 / 6, "Entwicklung entgegen dem Ziel", True),
        (6, None, 10, 0.6, "60\u00a0% des Zielwerts", False),
        (6, 4, None, None, "Ohne Zielwert lässt sich der Fortschritt nicht bewerten", False),
    ],
)
def test_progress_in_words(wert, ausgang, ziel, share, words, behind):
    found_share, text, found_behind = progress(_value(wert), ausgang, ziel, "Kommunen", 2025)
    assert found_share == pytest.approx(share) if share is not None else found_share is None
    assert words in text and found_behind is behind


def test_each_goal_with_values_gets_a_chart_with_an_alt_text_and_the_markdown_no_marker():
    variables, markdown = report()
    charts = variables["diagramme"]
    assert len(charts) == 4
    assert charts[0].alt.startswith("Diagramm zum Ziel „Brückenangebote in allen kreisangehörigen Kommunen“")
    assert "Messwerte 30.06.2025: 5, 31.12.2025: 7" in charts[0].alt
    output = documents.output(None, documents.Document("x", "t", markdown, variables), "md")
    assert "⟦" not in output.decode("utf-8")


# --- the grant against the costs --------------------------------------------------------------------------


def test_the_grant_of_the_year_comes_from_the_funding_arithmetic_and_foerderung():
    variables, markdown = report()
    jahr = variables["finanzen"].jahr
    assert (jahr.hoechstbetrag, jahr.beantragt, jahr.bewilligt) == (364500.0, 364500.0, 364500.0)
    assert variables["finanzen"].personalkosten_land == 472500.0
    assert variables["finanzen"].deckung == pytest.approx(364500 / 472500)
    assert "| Kommunales Integrationszentrum | bis zu 364.500\u00a0€ | 364.500\u00a0€ | 364.500\u00a0€ |" in markdown


def test_a_grant_below_the_application_is_a_deviation():
    text = edit(("beantragt: 364500, bewilligt: 364500", "beantragt: 364500, bewilligt: 340000"))
    variables, _ = report(text)
    found = next(a for a in variables["abweichungen"] if a.bereich == "Förderung")
    assert found.abweichung == "bewilligt 340.000\u00a0€ statt der beantragten 364.500\u00a0€"


# --- the two papers -------------------------------------------------------------------------------------


def test_without_a_mitteilungsvorlage_the_report_is_the_sachbericht_without_the_proposals_drucksache():
    variables, markdown = report()
    assert markdown.startswith("# Sachbericht für das Haushaltsjahr 2025")
    assert variables["vorlage"].drucksache is None


def test_with_a_mitteilungsvorlage_the_report_has_its_head_and_the_committees_take_note():
    text = edit(('  drucksache: "KT/0210/2024"\n', '  drucksache: "KT/0133/2026"\n  art: mitteilungsvorlage\n'))
    variables, markdown = report(text)
    assert markdown.startswith("# Der Landrat\n\n**Mitteilungsvorlage**")
    assert "**Drucksache:** KT/0133/2026" in markdown
    assert "Sachstandsbericht über das Haushaltsjahr 2025" in markdown
    assert "## Kenntnisnahme" in markdown and "zur Kenntnis." in markdown
