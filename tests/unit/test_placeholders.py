"""KI007: a placeholder of ``ki init``'s starting file is still there – reported at its line."""

from __future__ import annotations

import datetime as dt

import pytest

from ki_cli.format.starter import MARKER, SAMPLE_VALUES, Answers, starter_text
from tests.helpers import CONCEPTS, VALID, check, line_of, replace


def ki007_lines(text: str) -> list[int]:
    return [f.line for f in check(text).findings if f.code == "KI007"]


def test_a_sample_value_of_the_starting_file_is_reported_at_its_line():
    text = replace("anbindung: Dezernat III", "anbindung: Vorname Nachname")
    assert ki007_lines(text) == [line_of(text, "anbindung:")]


def test_the_marker_written_as_a_value_is_reported():
    text = replace("anbindung: Dezernat III", f"anbindung: {MARKER}")
    assert ki007_lines(text) == [line_of(text, "anbindung:")]


def test_a_line_still_marked_ersetzen_is_reported_even_with_a_real_value():
    text = replace("anbindung: Dezernat III", f"anbindung: Dezernat III   # {MARKER}: Ihre Anbindung")
    (finding,) = [f for f in check(text).findings if f.code == "KI007"]
    assert finding.line == line_of(text, "anbindung:") and finding.severity == "warning"
    assert "ERSETZEN" in finding.hint


def test_a_comment_line_or_a_comment_about_the_marker_is_no_placeholder():
    text = VALID.replace("version: 1", "version: 1\n# Ersetzen Sie jede Zeile mit „ERSETZEN“.\n# x: 1  # ERSETZEN")
    assert ki007_lines(text) == []


def test_a_value_that_only_contains_a_sample_word_is_not_reported():
    text = replace("anbindung: Dezernat III", "anbindung: Vorname Nachname-Stiftung")
    assert ki007_lines(text) == []


def test_every_sample_value_is_one_the_starting_file_writes_or_shows():
    text = starter_text(Answers("Kreis Soest", "kreis", dt.date(2027, 1, 1), "2025"))
    assert all(sample in text for sample in SAMPLE_VALUES)


@pytest.mark.parametrize("path", sorted(CONCEPTS.rglob("*.yaml")), ids=lambda p: p.parent.name + "/" + p.name)
def test_the_bundled_concepts_have_no_placeholder(path):
    assert ki007_lines(path.read_bytes().decode("utf-8")) == []
