"""``ki overview`` on a real folder through the real command line; every format read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import CONCEPTS, VALID

BROKEN = "version: 1\nkommune: {name: Stadt Kaputt, typ: stadt}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled concepts (four KIs, one with two periods) and one broken file."""
    target = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, target)
    (target / "kaputt.yaml").write_text(BROKEN, encoding="utf-8")
    return target


@pytest.fixture
def valid_folder(tmp_path: Path) -> Path:
    target = tmp_path / "gut"
    shutil.copytree(CONCEPTS, target)
    return target


def test_without_output_a_table_goes_to_the_terminal(cli, valid_folder):
    result = cli("overview", str(valid_folder))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Kommune") and "Höchstbetrag" in lines[0]
    assert any(line.startswith("Kreis Hohenfeld") and "729.000" in line for line in lines)


def test_a_file_with_errors_gives_exit_code_1_and_is_listed(cli, folder):
    result = cli("overview", str(folder))
    assert result.exit_code == 1
    assert "kaputt.yaml:" in result.stdout and "KI1" in result.stdout


def test_xlsx_has_real_numbers_german_formats_a_filter_and_frozen_panes(cli, folder, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "uebersicht.xlsx"
    assert cli("overview", str(folder), "-o", str(out)).exit_code == 1
    book = load_workbook(out)
    sheet = book["Übersicht"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert sorted(rows) == [
        "Kreis Hohenfeld",
        "Kreis Musterland",
        "Stadt Beispielstadt",
        "Stadt Kaputt",  # the file that gives no row is listed in the table too, its figures empty
        "StädteRegion Lindenberg",
    ]
    assert rows["Stadt Kaputt"]["VZE gesamt"] is None and "KI1" in rows["Stadt Kaputt"]["Fehlermeldungen"]
    hohenfeld = rows["Kreis Hohenfeld"]
    assert hohenfeld["Höchstbetrag 2027"] == 364500 and isinstance(hohenfeld["Höchstbetrag 2027"], (int, float))
    assert hohenfeld["VZE Lehrkraft"] == 3.5 and hohenfeld["Maßnahmen"] == 6
    assert hohenfeld["Vereinbarungen unterzeichnet"] == 2 and hohenfeld["Vereinbarungen gesamt"] == 3
    assert hohenfeld["Beginn"].year == 2027  # a real date
    money = sheet.cell(row=2, column=header.index("Höchstbetrag 2027") + 1)
    assert "€" in money.number_format and "#,##0" in money.number_format
    assert sheet.cell(row=2, column=header.index("Beginn") + 1).number_format == "DD.MM.YYYY"
    assert sheet.cell(row=2, column=header.index("VZE gesamt") + 1).number_format == "0.0##"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(header)).column_letter}6"
    assert sheet.freeze_panes == "B2"
    errors = list(book["Dateien mit Fehlern"].iter_rows(min_row=2, values_only=True))
    assert {(Path(e[0]).name, e[1]) for e in errors} == {("kaputt.yaml", "nein")}
    assert all(e[2].startswith("KI1") and e[4] >= 1 for e in errors)


def test_csv_is_utf8_with_bom_and_semicolons_and_lists_the_invalid_file(cli, folder, tmp_path):
    out = tmp_path / "uebersicht.csv"
    assert cli("overview", str(folder), "-o", str(out)).exit_code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    rows = {line["Kommune"]: line for line in lines}
    assert sorted(rows) == [
        "Kreis Hohenfeld",
        "Kreis Musterland",
        "Stadt Beispielstadt",
        "Stadt Kaputt",
        "StädteRegion Lindenberg",
    ]
    assert rows["Kreis Hohenfeld"]["Höchstbetrag Zeitraum"] == "729000"
    assert rows["Kreis Hohenfeld"]["VZE gesamt"] == "14"
    assert rows["Kreis Hohenfeld"]["Fehlermeldungen"] == ""
    assert rows["Stadt Beispielstadt"]["Beginn"] == "01.01.2025"  # the newest of its two periods
    broken = rows["Stadt Kaputt"]
    assert Path(broken["Datei"]).name == "kaputt.yaml" and int(broken["Fehler"]) >= 1
    assert "KI1" in broken["Fehlermeldungen"] and broken["VZE gesamt"] == ""


def test_json_has_the_documented_shape(cli, folder, tmp_path):
    out = tmp_path / "uebersicht.json"
    assert cli("overview", str(folder), "-o", str(out)).exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "ki-overview-1" and data["dateien"] == 6 and not data["alle_zeitraeume"]
    [hohenfeld] = [z for z in data["zeilen"] if z["kommune"] == "Kreis Hohenfeld"]
    assert hohenfeld["regierungsbezirk"] == "muenster" and hohenfeld["typ"] == "kreis"
    assert hohenfeld["stellen"]["nach_programm"]["kim"] == 4.0
    assert hohenfeld["foerderung"]["jahre"][0] == {
        "jahr": 2027,
        "monate": 12,
        "hoechstbetrag": 364500.0,
        "beantragt": 364500.0,
        "bewilligt": None,
        "eigenanteil": hohenfeld["foerderung"]["jahre"][0]["eigenanteil"],
    }
    assert hohenfeld["massnahmen"]["nach_stufe"]["initiative"] == 3
    assert hohenfeld["tabelle"]["hoechstbetrag_zeitraum"] == 729000.0
    assert {s["schluessel"] for s in data["spalten"]} == set(hohenfeld["tabelle"])
    [failed] = data["fehlerhafte_dateien"]
    assert Path(failed["datei"]).name == "kaputt.yaml" and not failed["in_tabelle"]
    assert failed["fehler"][0]["code"].startswith("KI1") and failed["fehler"][0]["zeile"] >= 1
    assert [Path(s["datei"]).name for s in data["nicht_gezeigt"]] == ["2023-2024.yaml"]


def test_all_periods_gives_every_period_a_row(cli, valid_folder, tmp_path):
    out = tmp_path / "alle.json"
    assert cli("overview", str(valid_folder), "--all-periods", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["zeilen"]) == 5 and data["alle_zeitraeume"] and not data["nicht_gezeigt"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "data") and value:
                self.links.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_one_self_contained_page_with_svg_charts(cli, folder, tmp_path):
    out = tmp_path / "uebersicht.html"
    assert cli("overview", str(folder), "-o", str(out)).exit_code == 1
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert page.tags.count("svg") == 3  # fields of action, stages, grants per KI
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert all(link.startswith("#") for link in page.links), [x for x in page.links if not x.startswith("#")]
    assert "url(http" not in html and "url(//" not in html and "@import" not in html
    words = " ".join(page.text)
    assert "Handlungsfelder über alle KI" in words and "Förderung je KI" in words
    assert "Kreis Hohenfeld" in words and "kaputt.yaml" in words and "KI1" in words


def test_an_existing_file_is_replaced_only_with_force(cli, valid_folder, tmp_path):
    out = tmp_path / "u.csv"
    out.write_text("alt", encoding="utf-8")
    refused = cli("overview", str(valid_folder), "-o", str(out))
    assert refused.exit_code == 2 and out.read_text(encoding="utf-8") == "alt"
    assert cli("overview", str(valid_folder), "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfKommune;")


def test_an_unknown_suffix_is_refused(cli, valid_folder, tmp_path):
    result = cli("overview", str(valid_folder), "-o", str(tmp_path / "u.pdf"))
    assert result.exit_code == 2 and ".xlsx" in result.stderr and not (tmp_path / "u.pdf").exists()


def test_format_and_suffix_must_agree(cli, valid_folder, tmp_path):
    result = cli("overview", str(valid_folder), "-o", str(tmp_path / "u.csv"), "--format", "json")
    assert result.exit_code == 2 and not (tmp_path / "u.csv").exists()


def test_format_json_without_output_goes_to_standard_output(cli, valid_folder):
    result = cli("overview", str(valid_folder), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["format"] == "ki-overview-1"


def test_a_missing_folder_is_exit_code_2_without_traceback(cli, tmp_path):
    result = cli("overview", str(tmp_path / "fehlt"))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_folder_without_concepts_is_exit_code_2(cli, tmp_path):
    result = cli("overview", str(tmp_path))
    assert result.exit_code == 2


def test_a_single_valid_file_gives_exit_code_0(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert cli("overview", str(path)).exit_code == 0


def test_english_messages_follow_lang(cli, folder):
    result = cli("overview", str(folder), "--lang", "en")
    assert "files read" in result.stdout and "Files with errors" in result.stdout


def test_help_is_german_and_english(cli):
    assert "landesweite Übersicht" in cli("--lang", "de", "overview", "--help").stdout
    assert "statewide view" in cli("--lang", "en", "overview", "--help").stdout


def test_validate_imports_nothing_of_the_overview(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(VALID, encoding="utf-8")
    probe = (
        "import sys\nfrom ki_cli.cli.app import main\nsys.argv=['ki','validate','-q',sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint('MODS', ','.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True)
    modules = set(result.stdout.split("MODS ")[-1].strip().split(","))
    assert not {m for m in modules if m.startswith(("ki_cli.overview", "openpyxl", "matplotlib"))}


def test_the_real_executable_writes_the_workbook(valid_folder, tmp_path):
    out = tmp_path / "u.xlsx"
    ki = Path(sys.executable).with_name("ki")
    result = subprocess.run([str(ki), "overview", str(valid_folder), "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK" and "geschrieben" in result.stderr
