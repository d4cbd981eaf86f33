"""The model: every structural problem is exactly one finding KI101–KI107 at the right place."""

from __future__ import annotations

import pytest

from tests.helpers import VALID, check, line_of, replace, structural


def only(text: str):
    findings = structural(text)
    assert len(findings) == 1, [(f.code, f.line, f.message) for f in findings]
    return findings[0]


def test_valid_concept_has_no_structural_finding():
    assert structural(VALID) == []


def test_missing_key_is_reported_at_its_parents_key():
    text = replace("    titel: Interkulturelle Öffnung\n", "")
    finding = only(text)
    assert finding.code == "KI101"
    assert finding.line == line_of(text, "  - id: oeffnung")
    assert "titel" in finding.message and "oeffnung" in finding.message
    assert finding.yaml_path == "schwerpunkte[1].titel"


def test_missing_top_level_section_is_reported_at_line_one():
    start = VALID.index("zentrum:")
    end = VALID.index("periode:")
    finding = only(VALID[:start] + VALID[end:])
    assert (finding.code, finding.line) == ("KI101", 1)


def test_unknown_key_proposes_the_closest_known_key():
    text = replace("    titel: Interkulturelle Öffnung", "    tittel: Interkulturelle Öffnung")
    findings = structural(text)
    assert [f.code for f in findings] == ["KI101", "KI102"]
    unknown = findings[1]
    assert unknown.line == line_of(text, "tittel:") and unknown.column == 5
    assert "Meinten Sie „titel“?" in unknown.message


def test_vocabulary_value_proposes_the_closest_allowed_value():
    text = replace("bereich: querschnitt", "bereich: querschnit")
    finding = only(text)
    assert finding.code == "KI103"
    assert (finding.line, finding.column) == (line_of(text, "querschnit"), 14)
    assert "querschnitt" in finding.message and "Meinten Sie" in finding.message


def test_wrong_type_is_ki103_at_the_value():
    text = replace("    vze: 1.0", "    vze: voll")
    finding = only(text)
    assert finding.code == "KI103" and finding.line == line_of(text, "vze: voll")
    assert "Zahl" in finding.message


def test_vze_above_one_is_out_of_range():
    assert only(replace("    vze: 1.0", "    vze: 1.5")).code == "KI103"


def test_negative_amount_is_out_of_range():
    assert only(replace("betrag: 24000", "betrag: -5")).code == "KI103"


def test_list_where_a_mapping_belongs_is_ki103():
    text = replace(
        "zentrum:\n  name: Kommunales Integrationszentrum Beispielstadt\n  anbindung: Dezernat III\n",
        "zentrum:\n  - name: x\n",
    )
    assert only(text).code == "KI103"


def test_empty_schwerpunkte_is_ki103():
    start, end = VALID.index("schwerpunkte:"), VALID.index("personal:")
    text = VALID[:start] + "schwerpunkte: []\n" + VALID[end:]
    assert "KI103" in [f.code for f in structural(text)]


def test_unsupported_version_is_ki104():
    finding = only(replace("version: 1", "version: 2"))
    assert (finding.code, finding.line, finding.column) == ("KI104", 1, 10)


def test_bad_id_is_ki105_with_a_suggestion():
    text = replace("  - id: oeffnung", "  - id: Öffnung Verwaltung").replace("oeffnung: 0.5", "Öffnung Verwaltung: 0.5")
    finding = only(text)
    assert finding.code == "KI105" and "oeffnung-verwaltung" in finding.hint


def test_reserved_id_ki_is_ki105():
    text = replace("  - id: awo", "  - id: ki").replace("beteiligt: [awo]", "beteiligt: []")
    assert only(text).code == "KI105"


def test_id_longer_than_64_characters_is_ki105():
    long_id = "a" * 65
    text = replace("  - id: awo", f"  - id: {long_id}").replace("beteiligt: [awo]", f"beteiligt: [{long_id}]")
    assert only(text).code == "KI105"


def test_id_used_twice_across_lists_is_ki106_at_the_second():
    text = replace("  - id: fk-1", "  - id: awo")
    finding = only(text)
    assert finding.code == "KI106"
    first = line_of(text, "  - id: awo")
    assert finding.line == text.splitlines().index("  - id: awo", first) + 1
    assert f"Zeile {first}" in finding.message


def test_unknown_partner_in_federfuehrung_is_ki107_with_did_you_mean():
    text = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
    finding = only(text)
    assert finding.code == "KI107" and finding.line == line_of(text, "schulamtt")
    assert "Meinten Sie „schulamt“?" in finding.message


def test_unknown_partner_in_beteiligt_is_ki107():
    assert only(replace("beteiligt: [awo]", "beteiligt: [caritas]")).code == "KI107"


def test_ki_is_a_valid_lead():
    assert (
        structural(
            replace("federfuehrung: schulamt", "federfuehrung: ki").replace("        vereinbarung: v-schulamt\n", "")
        )
        == []
    )


def test_unknown_agreement_is_ki107():
    assert only(replace("vereinbarung: v-schulamt", "vereinbarung: v-jugendamt")).code == "KI107"


def test_unknown_einsatz_key_is_ki107_at_the_key():
    text = replace("einsatz: {uebergang: 0.5, oeffnung: 0.5}", "einsatz: {uebergang: 0.5, offnung: 0.5}")
    finding = only(text)
    assert (finding.code, finding.line) == ("KI107", line_of(text, "offnung"))
    assert finding.column == text.splitlines()[finding.line - 1].index("offnung") + 1
    assert "Meinten Sie „oeffnung“?" in finding.message


def test_unknown_goal_is_ki107():
    assert only(replace("ziele: [z-bo]", "ziele: [z-bx]")).code == "KI107"


def test_unknown_partner_of_agreement_is_ki107():
    assert only(replace("    partner: schulamt", "    partner: schulamt-x")).code == "KI107"


def test_german_dates_are_accepted():
    assert structural(replace("beginn: 2025-01-01\n  ende: 2026-12-31", "beginn: 01.01.2025\n  ende: 31.12.2026")) == []


def test_impossible_date_is_ki103():
    finding = only(replace("beschlossen_am: 2023-06-22", "beschlossen_am: 2023-02-30"))
    assert finding.code == "KI103" and "Februar" in finding.hint


@pytest.mark.parametrize("written", ["9998-01-01", "0001-01-01", "01.01.2205", "1899-12-31"])
def test_date_outside_1900_to_2199_is_ki103_at_its_value(written):
    text = replace("beschlossen_am: 2023-06-22", f"beschlossen_am: {written}")
    finding = only(text)
    assert finding.code == "KI103" and finding.line == line_of(text, written) and "1900" in finding.message


def test_period_at_the_end_of_the_calendar_is_a_finding_not_a_crash(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(
        replace("beginn: 2025-01-01\n  ende: 2026-12-31", "beginn: 9998-01-01\n  ende: 9999-12-31"), encoding="utf-8"
    )
    for args in (["validate"], ["render", "proposal"], ["render", "proposal", "--allow-errors"], ["next-period"]):
        result = cli(*args, str(path), "--lang", "de")
        assert result.exit_code in (1, 2) and "Interner Fehler" not in result.output, args


def test_german_decimal_comma_is_accepted():
    report = check(
        replace("    vze: 1.0", "    vze: 0,5").replace(
            "einsatz: {uebergang: 0.5, oeffnung: 0.5}", "einsatz:\n      uebergang: '0,25'\n      oeffnung: 0,25"
        )
    )
    assert [f for f in report.findings if f.code[:3] in ("KI0", "KI1")] == []


def test_german_thousands_with_decimal_comma_is_accepted():
    assert structural(replace("betrag: 24000", "betrag: 1.234,56")) == []


def test_text_that_yaml_reads_as_a_number_keeps_its_digits():
    assert structural(replace('ags: "05999000"', "ags: 05999000")) == []


def test_yaml_11_word_in_a_text_field_is_text():
    assert structural(replace("posten: Büroräume", "posten: no")) == []


def test_boolean_in_a_text_field_is_ki103_with_quote_hint():
    finding = only(replace("posten: Büroräume", "posten: true"))
    assert finding.code == "KI103" and "Anführungszeichen" in finding.hint


def test_every_problem_is_exactly_one_finding():
    text = replace("stufe: initiative", "stufe: initiativ").replace("funktion: fachkraft", "funktion: fachkaft")
    assert [f.code for f in structural(text)] == ["KI103", "KI103"]


def test_english_messages():
    (finding,) = [
        f for f in check(replace("bereich: querschnitt", "bereich: querschnit"), "en").findings if f.code == "KI103"
    ]
    assert "Did you mean “querschnitt”?" in finding.message
    assert finding.basis == "concept format version 1"


def test_an_empty_required_text_asks_for_a_text_not_for_entries():
    findings = structural(replace("  name: Stadt Beispielstadt", '  name: ""'))
    assert [f.code for f in findings] == ["KI103"]
    assert "nicht leeren Text" in findings[0].message and "Eintrag" not in findings[0].message


def test_missing_top_level_section_is_shown_at_the_first_key_not_the_comment_header():
    text = "# Konzept der Stadt\n# zweite Kommentarzeile\n\n" + VALID.replace("version: 1\n", "version: 1\n", 1)
    text = text.replace(
        "zentrum:\n  name: Kommunales Integrationszentrum Beispielstadt\n  anbindung: Dezernat III\n", ""
    )
    (finding,) = [f for f in check(text).findings if f.code == "KI101"]
    assert (finding.line, finding.column) == (4, 1) and "zentrum" in finding.message


def test_a_missing_field_is_described_by_its_kind_in_the_format_not_by_its_name():
    """``vereinbarungen[].partner`` is a reference (a text); the top-level ``partner`` is a list."""
    finding = only(replace("    partner: schulamt\n", ""))
    assert (finding.code, finding.yaml_path) == ("KI101", "vereinbarungen[0].partner")
    assert "mit einem Text" in finding.hint


def test_an_out_of_range_value_is_shown_as_written():
    finding = only(replace("    vze: 1.0", "    vze: -1"))
    assert "„-1“" in finding.message and "größer als 0" in finding.message
