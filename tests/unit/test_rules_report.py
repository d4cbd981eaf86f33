"""KI701–KI703: what the yearly report reads from ``ist``, checked where a report would go wrong."""

from __future__ import annotations

import pytest

from ki_cli.check.rules.example import edit
from tests.helpers import CONCEPTS, check

MEASURE = "        ziele: [z-bo]\n"
GOAL = "indikator: Schulen, zielwert: 12}"


def with_ist(*entries: str) -> str:
    return edit((MEASURE, MEASURE + "        ist:\n" + "".join(f"          - {e}\n" for e in entries)))


def with_values(*values: str, einheit: str = "einheit: Schulen, ") -> str:
    return edit((GOAL, f"indikator: Schulen, zielwert: 12, {einheit}ist: [{', '.join(values)}]}}"))


def found(text: str, code: str, lang: str = "de") -> list:
    return [f for f in check(text, lang).findings if f.code == code]


def line_of(text: str, needle: str) -> int:
    return next(i for i, row in enumerate(text.splitlines(), 1) if needle in row)


# --- KI701: an implementation after the measure was completed --------------------------------------------


def test_an_entry_after_the_year_a_measure_was_completed_is_reported_at_that_entry():
    text = with_ist("{jahr: 2023, status: abgeschlossen}", "{jahr: 2024, status: laufend, teilnehmende: 40}")
    [finding] = found(text, "KI701")
    assert finding.severity == "warning"
    assert finding.line == line_of(text, "{jahr: 2024")
    assert "für 2023 als abgeschlossen" in finding.message and "2024" in finding.message


def test_a_measure_completed_in_its_last_entry_is_no_finding():
    assert found(with_ist("{jahr: 2023, status: laufend}", "{jahr: 2024, status: abgeschlossen}"), "KI701") == []


def test_ki701_speaks_english_when_asked():
    text = with_ist("{jahr: 2023, status: abgeschlossen}", "{jahr: 2024}")
    [finding] = found(text, "KI701", "en")
    assert "recorded as completed for 2023" in finding.message


# --- KI702: an ist outside the period ---------------------------------------------------------------------


def test_an_implementation_year_outside_the_period_is_reported_with_the_periods_years():
    text = with_ist("{jahr: 2023, status: laufend}", "{jahr: 2025, status: laufend}")
    [finding] = found(text, "KI702")
    assert finding.line == line_of(text, "{jahr: 2025")
    assert "2023–2024" in finding.message


def test_a_value_measured_after_the_period_is_reported():
    text = with_values("{datum: 2025-03-01, wert: 9}")
    [finding] = found(text, "KI702")
    assert "01.03.2025" in finding.message and "nach dem Ende" in finding.message


def test_a_value_measured_before_the_period_is_the_baseline_measurement_and_no_finding():
    assert found(with_values("{datum: 2022-10-31, wert: 6}"), "KI702") == []


def test_values_and_years_inside_the_period_are_no_finding():
    assert found(with_ist("{jahr: 2023}", "{jahr: 2024}"), "KI702") == []
    assert found(with_values("{datum: 2023-01-01, wert: 7}", "{datum: 2024-12-31, wert: 9}"), "KI702") == []


# --- KI703: a value in another unit ---------------------------------------------------------------------------


def test_a_value_in_another_unit_than_its_goal_is_reported_at_its_unit():
    text = with_values("{datum: 2023-12-31, wert: 40, einheit: Prozent}")
    [finding] = found(text, "KI703")
    assert finding.severity == "warning"
    assert "„Prozent“" in finding.message and "„Schulen“" in finding.message


@pytest.mark.parametrize("einheit", ["Schulen", "schulen", " Schulen "])
def test_the_goals_own_unit_written_on_a_value_is_no_finding(einheit):
    assert found(with_values(f'{{datum: 2023-12-31, wert: 8, einheit: "{einheit}"}}'), "KI703") == []


def test_a_goal_without_a_unit_has_nothing_to_compare_with():
    assert found(with_values("{datum: 2023-12-31, wert: 40, einheit: Prozent}", einheit=""), "KI703") == []


# --- the bundled concepts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(CONCEPTS.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_bundled_concepts_have_no_report_finding(path):
    assert [f.code for f in check(path.read_bytes()).findings if f.code.startswith("KI7")] == []
