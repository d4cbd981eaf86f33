"""``ki overview``'s rows: figures per KI from known concepts, which period is shown, files with errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from ki_cli.overview.collect import Checked, Overview, build, checked, collect
from ki_cli.overview.table import columns, values
from ki_cli.overview.write import csv_bytes, shown, text
from tests.helpers import CONCEPTS, VALID, replace

HOHENFELD = CONCEPTS / "kreis-hohenfeld" / "2027-2028.yaml"


def check(path: str, content: str) -> Checked:
    """A file checked by the pipeline of ``ki validate``, as ``ki overview`` checks it."""
    loaded = load_bytes(content.encode("utf-8"), "de")
    konzept, findings = check_loaded(loaded, "de")
    return checked(path, konzept, findings, loaded.data)


def period(content: str, start: int) -> str:
    """``content`` moved to the period ``start``–``start + 1``."""
    return content.replace(
        "beginn: 2025-01-01\n  ende: 2026-12-31", f"beginn: {start}-01-01\n  ende: {start + 1}-12-31"
    )


def test_posts_are_counted_by_function_and_programme():
    row = collect([str(HOHENFELD)], "de").rows[0]
    assert row.vze_funktion == {"lehrkraft": 3.5, "fachkraft": 9.5, "verwaltung": 1.0}
    assert row.vze_programm == {"ki": 10.0, "kim": 4.0, "komm_an": 0.0, "ifkuf": 0.0, "sonstiges": 0.0}
    assert row.vze_gesamt == 14.0 and row.stellen == 16


def test_state_funded_ki_posts_come_from_funding():
    assert collect([str(HOHENFELD)], "de").rows[0].vze_land_ki == 10.0  # KIM posts are not the KI's


def test_grant_per_budget_year_is_the_funding_maximum_and_what_foerderung_records():
    row = collect([str(HOHENFELD)], "de").rows[0]
    years = {j.jahr: j for j in row.jahre}
    assert sorted(years) == [2027, 2028]
    assert years[2027].hoechstbetrag == 364500  # 6 × 57.000 € + 22.500 € for the half Verwaltungsassistenz
    assert years[2027].beantragt == 364500 and years[2028].beantragt is None
    assert row.total("hoechstbetrag") == 729000


def test_own_share_per_year_is_the_proposals_finance_block():
    from ki_cli.render.context import haushaltsjahre

    konzept, _ = check_loaded(load_bytes(HOHENFELD.read_bytes(), "de"), "de")
    expected = [j.eigenanteil for j in haushaltsjahre(konzept)]
    row = collect([str(HOHENFELD)], "de").rows[0]
    assert [j.eigenanteil for j in row.jahre] == expected and expected[0] > 0


def test_priorities_are_counted_by_area_field_and_tis_dimension():
    row = collect([str(HOHENFELD)], "de").rows[0]
    assert row.schwerpunkte == 3
    assert row.bereich == {"bildungskette": 2, "querschnitt": 1}
    assert {k for k, v in row.handlungsfeld.items() if v} == {
        "seiteneinstieg",
        "elementarbereich",
        "interkulturelle_oeffnung",
    }
    assert row.tis2030 == {"erstintegration": 1, "regelsysteme": 1, "migrationsgesellschaft": 1, "": 0}


def test_measures_are_counted_by_stage_and_agreements_signed_of_all():
    row = collect([str(HOHENFELD)], "de").rows[0]
    assert row.stufe == {"initiative": 3, "modellprojekt": 1, "regelpraxis": 1, "daueraufgabe": 1}
    assert row.massnahmen == 6
    assert (row.unterzeichnet, row.vereinbarungen) == (2, 3)


def test_findings_are_counted_by_severity_as_validate_counts_them():
    from ki_cli.check.pipeline import validate_bytes

    report = validate_bytes(HOHENFELD.read_bytes(), "k.yaml", "de")
    row = collect([str(HOHENFELD)], "de").rows[0]
    assert (row.fehler, row.warnungen, row.hinweise) == (
        report.count("error"),
        report.count("warning"),
        report.count("info"),
    )


def test_the_newest_period_of_a_ki_is_its_row():
    overview = collect([str(CONCEPTS / "beispielstadt")], "de")
    assert [(r.kommune, r.beginn.year) for r in overview.rows] == [("Stadt Beispielstadt", 2025)]
    assert [(Path(s.datei).name, s.grund) for s in overview.skipped] == [("2023-2024.yaml", "aelter")]


def test_all_periods_gives_a_row_per_period():
    overview = collect([str(CONCEPTS / "beispielstadt")], "de", all_periods=True)
    assert [r.beginn.year for r in overview.rows] == [2023, 2025] and not overview.skipped


def test_files_of_the_same_kommune_are_one_ki_whatever_the_spacing_and_case():
    other = VALID.replace("name: Stadt Beispielstadt", "name: 'stadt  beispielstadt'")
    overview = build([check("a.yaml", VALID), check("b.yaml", period(other, 2027))])
    assert [r.datei for r in overview.rows] == ["b.yaml"] and overview.skipped[0].datei == "a.yaml"


def test_two_kommunen_are_two_rows_sorted_by_name():
    other = VALID.replace("name: Stadt Beispielstadt", "name: Kreis Anderswo")
    overview = build([check("a.yaml", VALID), check("b.yaml", other)])
    assert [r.kommune for r in overview.rows] == ["Kreis Anderswo", "Stadt Beispielstadt"]


# a valid structure with a domain error: the shares of the post do not add up to its VZE (KI403)
DOMAIN_ERROR = replace("einsatz: {uebergang: 0.5, oeffnung: 0.5}", "einsatz: {uebergang: 0.5, oeffnung: 0.2}")


def test_for_the_same_period_a_file_without_errors_wins():
    bad = check("z.yaml", DOMAIN_ERROR)
    assert bad.errors and bad.usable, [f.code for f in bad.findings]
    overview = build([check("a.yaml", VALID), bad])
    assert [r.datei for r in overview.rows] == ["a.yaml"]
    assert [(s.datei, s.grund) for s in overview.skipped] == [("z.yaml", "gleicher_zeitraum")]


def test_a_file_with_a_structural_error_is_listed_with_its_errors_and_gives_no_row():
    broken = check("kaputt.yaml", VALID.replace("typ: kreisfreie_stadt", "typ: stadt"))
    overview = build([check("a.yaml", VALID), broken])
    assert [r.datei for r in overview.rows] == ["a.yaml"]
    [failed] = overview.failed
    assert failed.datei == "kaputt.yaml" and not failed.in_tabelle
    assert [f.code for f in failed.fehler] == ["KI103"] and failed.fehler[0].line == 4


def test_a_file_that_is_no_yaml_is_listed_with_its_errors():
    overview = build([check("kaputt.yaml", "version: 1\nkommune: {name: x\n")])
    assert not overview.rows and overview.failed[0].fehler[0].code.startswith("KI0")


def test_a_file_with_a_domain_error_keeps_its_row_and_is_listed_too():
    overview = build([check("z.yaml", DOMAIN_ERROR)])
    assert overview.rows[0].fehler >= 1
    assert overview.failed[0].in_tabelle and overview.failed[0].fehler


def test_an_older_file_with_errors_is_still_listed():
    old = check("alt.yaml", period(VALID.replace("typ: kreisfreie_stadt", "typ: stadt"), 2023))
    overview = build([old, check("neu.yaml", VALID)])
    assert [f.datei for f in overview.failed] == ["alt.yaml"]


def test_regierungsbezirk_is_taken_from_the_file_and_empty_without_it():
    with_rb = VALID.replace('  ags: "05999000"', '  regierungsbezirk: detmold\n  ags: "05999000"')
    overview = build([check("a.yaml", with_rb), check("b.yaml", VALID.replace("Stadt Beispielstadt", "Stadt B"))])
    cols = columns(overview)
    index = [c.key for c in cols].index("regierungsbezirk")
    assert [line[index] for line in values(overview, cols)] == [None, "Detmold"]


def test_grant_columns_are_the_budget_years_of_the_rows():
    overview = build([check("a.yaml", VALID), check("b.yaml", period(VALID.replace("Beispielstadt", "B"), 2027))])
    keys = [c.key for c in columns(overview)]
    assert [k for k in keys if k.startswith("hoechstbetrag_")] == [
        "hoechstbetrag_2025",
        "hoechstbetrag_2026",
        "hoechstbetrag_2027",
        "hoechstbetrag_2028",
        "hoechstbetrag_zeitraum",
    ]


def test_field_columns_are_only_the_fields_some_ki_has():
    keys = [c.key for c in columns(build([check("a.yaml", VALID)]))]
    assert [k for k in keys if k.startswith("handlungsfeld_")] == [
        "handlungsfeld_uebergang_schule_beruf",
        "handlungsfeld_interkulturelle_oeffnung",
    ]


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [(364500.0, "money", "364.500\u00a0€"), (5.5, "vze", "5,5"), (None, "money", ""), (3, "count", "3")],
)
def test_values_are_shown_the_german_way(value, kind, expected):
    assert shown(value, kind) == expected


def test_csv_numbers_have_a_decimal_comma_and_no_thousands_separator():
    data = csv_bytes(collect([str(HOHENFELD)], "de")).decode("utf-8-sig").splitlines()
    head, line = data[0].split(";"), data[1].split(";")
    assert line[head.index("Höchstbetrag 2027")] == "364500"
    assert line[head.index("VZE Lehrkraft")] == "3,5"
    assert line[head.index("Beginn")] == "01.01.2027"


def test_the_terminal_table_lists_files_with_errors_and_a_summary():
    overview = build(
        [check("a.yaml", VALID), check("kaputt.yaml", VALID.replace("typ: kreisfreie_stadt", "typ: stadt"))]
    )
    shown_text = text(overview, "de")
    assert "Stadt Beispielstadt" in shown_text and "kaputt.yaml:4:" in shown_text and "KI103" in shown_text
    assert shown_text.rstrip().endswith("nicht als eigene Zeile")
    assert "files read" in text(overview, "en")


def test_a_file_without_row_is_a_line_of_the_flat_table_with_its_errors():
    overview = build(
        [check("a.yaml", VALID), check("kaputt.yaml", VALID.replace("typ: kreisfreie_stadt", "typ: stadt"))]
    )
    lines = csv_bytes(overview).decode("utf-8-sig").splitlines()
    head = lines[0].split(";")
    last = dict(zip(head, lines[2].split(";"), strict=True))
    assert last["Kommune"] == "Stadt Beispielstadt" and last["Datei"] == "kaputt.yaml"
    assert (
        last["Fehler"] == "1"
        and last["Fehlermeldungen"].startswith("Zeile 4, Spalte ")
        and "KI103" in last["Fehlermeldungen"]
    )
    assert last["VZE gesamt"] == "" and len(lines) == 3


def test_an_empty_overview_says_so():
    assert "Keine auswertbare Konzeptdatei" in text(Overview(), "de")
