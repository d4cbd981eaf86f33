"""The additions of December 2026 to the concept format (spec: concept-format.md): each new field
is accepted, a wrong value is refused with the right code at its line, the schema has English
texts with ``--lang en``, documents print labels, and diff and next-period know the new fields."""

from __future__ import annotations

import json

import pytest
import yaml

from ki_cli.format import records, vocab
from ki_cli.render.labels import LABELS, label
from tests.helpers import CONCEPTS, VALID, check, line_of, replace, structural
from tests.periods import diff_json, keyed, measure, old, write

POST = "    einsatz: {uebergang: 0.5, oeffnung: 0.5}\n"
SACHKOSTEN = "    traeger: kommune\n"
GOAL = "        zielwert: 12\n"
MEASURE = "        ziele: [z-bo]\n"
SP = "    handlungsfeld: uebergang_schule_beruf\n"

FOERDERUNG = """\
foerderung:
  - jahr: 2025
    programm: ki
    beantragt: 307500
    bewilligt: "307.500,00"
    antrag_am: 2024-10-15
    bescheid_am: 15.01.2025
    aktenzeichen: "36.1-2025/0815"
  - jahr: 2026
    programm: laiensprachmittlerpool
    beantragt: 30000
"""

VORLAGE = """\
vorlage:
  drucksache: "0815/2024"
  art: mitteilungsvorlage
  aktenzeichen: "51.2"
  herausgeber: Die Oberbürgermeisterin
  unterzeichnung: {name: Dr. Anna Berg, funktion: Beigeordnete, in_vertretung: ja}
  haushalt: {produkt: "05.01.02", sachkonto: "531800", kostenstelle: "5100", psp_element: "P-1", vorbehalt: nein}
  berichterstattung: {gremium: integrationsausschuss, turnus: jaehrlich}
  anlagen:
    - titel: Bericht des KI 2024
      datei: bericht-2024.pdf
  beratungsfolge:
    - gremium: integrationsausschuss
      datum: 2024-09-03
      zustaendigkeit: vorberatung
      ergebnis: beschlossen
      abstimmung: {ja: 12, nein: 1, enthaltung: 2}
    - gremium: hauptausschuss
      datum: 2024-09-10
      zustaendigkeit: kenntnisnahme
    - gremium: rat
      datum: 2024-09-26
      zustaendigkeit: entscheidung
      ergebnis: geaendert_beschlossen
"""


def full() -> str:
    """VALID with every addition of December 2026."""
    text = replace(POST, POST + "    programm: kim\n    kosten: 78000\n")
    text = replace(SACHKOSTEN, SACHKOSTEN + "    programm: laiensprachmittlerpool\n", text)
    text = replace(SP, SP + "    tis2030: regelsysteme\n", text)
    text = replace(
        GOAL,
        GOAL + "        ist:\n          - {datum: 2025-12-31, wert: 7, bemerkung: erste Zählung}\n"
        "          - {datum: 31.12.2026, wert: '9,5'}\n",
        text,
    )
    text = replace(
        MEASURE,
        MEASURE + "        programm: Rucksack KiTa\n        ist:\n"
        "          - {jahr: 2025, status: laufend, teilnehmende: 40, sachkosten: 3200, bemerkung: gut}\n"
        "          - {jahr: '2026', status: abgeschlossen}\n",
        text,
    )
    return text + FOERDERUNG + VORLAGE


def _read(text: str):
    """The concept record of ``text`` (structurally valid)."""
    konzept, errors = records.validate(yaml.safe_load(text))
    assert not errors, errors
    return konzept


def _struct_codes(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in structural(text)]


# --- every addition is accepted ----------------------------------------------------------------


def test_a_concept_with_every_addition_has_no_structural_finding():
    assert _struct_codes(full()) == []


def test_the_additions_are_read_with_their_types_and_defaults():
    konzept = _read(full())
    assert konzept is not None
    stelle = konzept.personal[0]
    assert (stelle.programm, stelle.kosten) == ("kim", 78000.0)
    assert konzept.sachkosten[0].programm == "laiensprachmittlerpool"
    assert konzept.foerderung[0].jahr == 2025 and konzept.foerderung[0].bewilligt == 307500.0
    assert str(konzept.foerderung[0].bescheid_am) == "2025-01-15"
    sp = konzept.schwerpunkte[0]
    assert sp.tis2030 == "regelsysteme"
    assert [m.wert for m in sp.ziele[0].ist] == [7.0, 9.5]
    m = sp.massnahmen[0]
    assert m.programm == "Rucksack KiTa"
    assert [(u.jahr, u.status, u.teilnehmende) for u in m.ist] == [(2025, "laufend", 40), (2026, "abgeschlossen", None)]
    v = konzept.vorlage
    assert (v.art, v.herausgeber, v.unterzeichnung.in_vertretung, v.haushalt.vorbehalt) == (
        "mitteilungsvorlage",
        "Die Oberbürgermeisterin",
        True,
        False,
    )
    assert v.berichterstattung.turnus == "jaehrlich" and v.anlagen[0].titel == "Bericht des KI 2024"
    assert v.beratungsfolge[0].abstimmung.ja == 12 and v.beratungsfolge[2].ergebnis == "geaendert_beschlossen"


def test_defaults_programm_ki_beschlussvorlage_and_vorbehalt_true():
    konzept = _read(replace("personal:", "vorlage:\n  haushalt: {produkt: '1'}\npersonal:"))
    assert konzept.personal[0].programm == "ki"
    assert konzept.vorlage.art == "beschlussvorlage"
    assert konzept.vorlage.haushalt.vorbehalt is True
    assert konzept.schwerpunkte[0].massnahmen[0].ist == []
    assert konzept.foerderung == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("typ: kreisfreie_stadt", "typ: kreisangehoerige_stadt"),
        ("typ: kreisfreie_stadt", "typ: staedteregion"),
        ("stufe: initiative", "stufe: daueraufgabe"),
        ("handlungsfeld: uebergang_schule_beruf", "handlungsfeld: seiteneinstieg"),
        ("handlungsfeld: uebergang_schule_beruf", "handlungsfeld: mehrsprachigkeit"),
        ("handlungsfeld: interkulturelle_oeffnung", "handlungsfeld: demokratie"),
        ("handlungsfeld: interkulturelle_oeffnung", "handlungsfeld: mso_staerkung"),
        ("handlungsfeld: interkulturelle_oeffnung", "handlungsfeld: sprachmittlung"),
        ("art: freier_traeger", "art: auslaenderbehoerde"),
        ("art: freier_traeger", "art: kita_traeger"),
        ("art: freier_traeger", "art: ehrenamt"),
        ("form: kooperationsvereinbarung", "form: weiterleitungsvertrag"),
    ],
)
def test_a_new_vocabulary_word_is_accepted(old, new):
    assert _struct_codes(replace(old, new)) == []


def test_every_vocabulary_word_has_a_german_label_so_no_key_reaches_a_document():
    words = {w for name in dir(vocab) if isinstance(v := getattr(vocab, name), tuple) for w in v if not w.isdigit()}
    assert sorted(w for w in words if w not in LABELS) == []


def test_the_areas_are_labelled_as_practitioners_name_them():
    assert label("bildungskette") == "Integration durch Bildung (entlang der Bildungskette)"
    assert label("querschnitt") == "Integration als Querschnittsaufgabe"


def test_a_word_two_vocabularies_share_has_its_label_in_context():
    assert label("erstintegration") == "Erstintegration"
    assert label("erstintegration", "tis2030") == "Erstintegration von Neuzugewanderten"
    assert label("ehrenamt", "partner_art") == "Ehrenamtliche Initiative"


# --- wrong values: the right code at the right line ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "code"),
    [
        (replace(POST, POST + "    programm: kin\n"), "programm: kin", "KI103"),
        (replace(POST, POST + "    kosten: -5\n"), "kosten: -5", "KI103"),
        (replace(SACHKOSTEN, SACHKOSTEN + "    programm: ki\n"), "programm: ki", "KI103"),
        (replace(SP, SP + "    tis2030: regelsystem\n"), "tis2030", "KI103"),
        (replace(GOAL, GOAL + "        ist: [{datum: 2025-12-31, wert: viele}]\n"), "ist:", "KI103"),
        (replace(GOAL, GOAL + "        ist: [{wert: 3}]\n"), "ist:", "KI101"),
        (replace(MEASURE, MEASURE + "        ist: [{jahr: 25}]\n"), "ist:", "KI103"),
        (replace(MEASURE, MEASURE + "        ist: [{jahr: 2025, teilnehmende: 2.5}]\n"), "ist:", "KI103"),
        (replace(MEASURE, MEASURE + "        ist: [{jahr: 2025, status: fertig}]\n"), "ist:", "KI103"),
        (VALID + "foerderung:\n  - jahr: 2025\n", "- jahr: 2025", "KI101"),
        (VALID + "foerderung:\n  - jahr: zwanzig\n    programm: ki\n", "jahr: zwanzig", "KI103"),
        (VALID + "foerderung:\n  - jahr: 2025\n    programm: ki\n    bewiligt: 5\n", "bewiligt", "KI102"),
        (VALID + "vorlage:\n  art: beschluss\n", "art: beschluss", "KI103"),
        (VALID + "vorlage:\n  unterzeichnung: {funktion: Beigeordneter}\n", "unterzeichnung", "KI101"),
        (VALID + "vorlage:\n  haushalt:\n    vorbehalt: vielleicht\n", "vorbehalt", "KI103"),
        (VALID + "vorlage:\n  berichterstattung:\n    turnus: monatlich\n", "turnus", "KI103"),
        (VALID + "vorlage:\n  anlagen:\n    - datei: a.pdf\n", "- datei", "KI101"),
        (
            VALID + "vorlage:\n  beratungsfolge:\n    - gremium: rat\n      datum: 2024-09-26\n"
            "      zustaendigkeit: entscheidung\n      ergebnis: angenommen\n",
            "ergebnis",
            "KI103",
        ),
        (
            VALID + "vorlage:\n  beratungsfolge:\n    - gremium: rat\n      datum: 2024-09-26\n"
            "      zustaendigkeit: entscheidung\n      abstimmung: {ja: -1}\n",
            "abstimmung",
            "KI103",
        ),
    ],
)
def test_a_wrong_value_of_an_addition_is_refused_at_its_line(text, needle, code):
    assert (code, line_of(text, needle)) in _struct_codes(text)


def test_a_misspelt_new_key_gets_a_did_you_mean_from_the_model():
    text = replace(POST, POST + "    programme: kim\n")
    finding = next(f for f in structural(text) if f.code == "KI102")
    assert "programm" in finding.message + finding.hint
    assert finding.line == line_of(text, "programme:")


def test_a_wrong_budget_year_says_what_is_expected_in_german_and_english():
    text = VALID + "foerderung:\n  - jahr: 20277\n    programm: ki\n"
    de = next(f for f in check(text).findings if f.code == "KI103")
    en = next(f for f in check(text, "en").findings if f.code == "KI103")
    assert "Jahreszahl" in de.message + de.hint and "year" in en.message + en.hint


# --- ki schema --lang en ------------------------------------------------------------------------


def _props(schema: dict) -> dict[str, dict]:
    return {f"{name}.{key}": prop for name, node in schema["$defs"].items() for key, prop in node["properties"].items()}


def test_schema_in_english_has_english_titles_and_descriptions(cli):
    result = cli("schema", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    props = _props(schema)
    assert props["Kommune.typ"]["title"] == "Type of municipality"
    assert props["Stelle.programm"]["title"] == "Programme"
    assert props["Foerderung.jahr"]["description"].startswith("The budget year")
    assert schema["$defs"]["Vorlage"]["title"] == "Council proposal"
    assert schema["title"].startswith("Priority concept")
    assert props["Kommune.typ"]["enumDescriptions"][0] == "kreisfreie Stadt"  # the values' names beside the enum


def test_schema_without_lang_stays_german_for_the_old_fields(cli):
    schema = json.loads(cli("schema", env={"KI_LANG": ""}).stdout)
    props = _props(schema)
    assert props["Kommune.name"]["description"] == "z. B. „Stadt Hamm“ oder „Kreis Soest“."
    assert props["Stelle.vze"]["title"] == "Vollzeitäquivalent (VZE)"
    assert props["Kommune.typ"]["description"].startswith("Entscheidet über Rat/Kreistag und die Stellenobergrenzen.")


def test_every_field_and_section_has_english_texts_that_differ_from_no_text():
    from ki_cli.format.schema import build

    schema = build("en")
    for name, node in [("Konzept", schema), *schema["$defs"].items()]:
        assert node["title"] and node["description"], name
        for key, prop in node["properties"].items():
            assert prop.get("title") and prop.get("description"), f"{name}.{key}"
    assert "Werte:" not in json.dumps(schema, ensure_ascii=False)


def test_the_english_schema_checks_the_same_as_the_german_one():
    from ki_cli.format.schema import build

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("$id", "title", "description")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    assert strip(build("en")) == strip(build("de"))


# --- bundled concepts ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(CONCEPTS.rglob("*.yaml")), ids=lambda p: p.name)
def test_bundled_concepts_stay_structurally_valid(path):
    assert _struct_codes(path.read_text(encoding="utf-8")) == []


# --- ki diff ----------------------------------------------------------------------------------------


@pytest.fixture
def pair(tmp_path):
    a, b = old(), old()
    a["foerderung"] = [{"jahr": 2023, "programm": "ki", "beantragt": 250000}, {"jahr": 2023, "programm": "kim"}]
    b["foerderung"] = [{"jahr": 2023, "programm": "ki", "beantragt": 260000}, {"jahr": 2023, "programm": "kim"}]
    b["personal"][0]["programm"] = "kim"
    b["vorlage"]["herausgeber"] = "Die Oberbürgermeisterin"
    return write(tmp_path, "a.yaml", a), write(tmp_path, "b.yaml", b)


def test_diff_reports_a_changed_grant_by_year_and_programme(cli, pair):
    changes = keyed(diff_json(cli, *pair)["changes"])
    change = changes[("foerderung", "2023/ki", "changed", "beantragt")]
    assert (change["old"], change["new"]) == (250000, 260000)
    assert not [k for k in changes if k[0] == "foerderung" and k[1] != "2023/ki"]


def test_diff_reports_a_changed_programme_of_a_post(cli, pair):
    changes = keyed(diff_json(cli, *pair)["changes"])
    first = old()["personal"][0]["id"]
    assert changes[("personal", first, "changed", "programm")]["new"] == "kim"


def test_diff_reports_a_new_vorlage_field(cli, pair):
    changes = keyed(diff_json(cli, *pair)["changes"])
    assert changes[("vorlage", None, "changed", "herausgeber")]["new"] == "Die Oberbürgermeisterin"


def test_diff_text_and_markdown_show_the_new_fields_without_raw_keys(cli, pair):
    text = cli("diff", *map(str, pair), "--lang", "de")
    assert text.exit_code == 0, text.stderr
    assert "Förderung" in text.stdout and "beantragt" in text.stdout
    md = cli("diff", *map(str, pair), "--format", "md", "--lang", "de").stdout
    assert "| Förderung | 2023, Kommunales Integrationszentrum | beantragt |" in md
    assert "| Personal |" in md and "Programm" in md and "Kommunales Integrationsmanagement (KIM)" in md
    assert "Herausgeber" in md


def test_a_default_written_out_is_no_change(cli, tmp_path):
    a, b = old(), old()
    b["personal"][0]["programm"] = "ki"
    assert diff_json(cli, write(tmp_path, "a.yaml", a), write(tmp_path, "b.yaml", b))["changes"] == []


# --- ki next-period --------------------------------------------------------------------------------


def _next_period(cli, tmp_path, data):
    path = write(tmp_path, "2023-2024.yaml", data)
    result = cli("next-period", str(path), "-o", "-", "--lang", "de")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_next_period_carries_the_grants_of_the_new_years_and_drops_the_past_ones(cli, tmp_path):
    data = old()
    data["foerderung"] = [
        {"jahr": 2024, "programm": "ki", "bewilligt": 250000},
        {"jahr": 2025, "programm": "ki", "beantragt": 260000, "antrag_am": "2024-10-20"},
        {"jahr": 2026, "programm": "laiensprachmittlerpool", "beantragt": 30000},
    ]
    text = _next_period(cli, tmp_path, data)
    written = yaml.safe_load(text)
    assert [(f["jahr"], f["programm"]) for f in written["foerderung"]] == [
        (2025, "ki"),
        (2026, "laiensprachmittlerpool"),
    ]
    assert "Nicht übernommen: das Haushaltsjahr 2024" in text


def test_next_period_drops_the_measured_values_of_goals_and_measures(cli, tmp_path):
    data = old()
    goal = data["schwerpunkte"][0]["ziele"][0]
    goal["ist"] = [{"datum": "2023-12-31", "wert": 6}, {"datum": "2024-12-31", "wert": 8}]
    m = measure(data, "m-bo")
    m["ist"] = [{"jahr": 2023, "status": "laufend", "teilnehmende": 30}]
    text = _next_period(cli, tmp_path, data)
    written = yaml.safe_load(text)
    assert "ist" not in written["schwerpunkte"][0]["ziele"][0]
    assert "ist" not in measure(written, "m-bo")
    assert "zuletzt gemessen am 31.12.2024: 8" in text
    assert "Umsetzung der Jahre 2023 (ist) nicht übernommen" in text


def test_next_period_keeps_the_new_fields_the_user_wrote_and_adds_no_defaults(cli, tmp_path):
    data = old()
    data["personal"][0]["programm"] = "kim"
    data["personal"][0]["kosten"] = 78000
    data["schwerpunkte"][0]["tis2030"] = "regelsysteme"
    measure(data, "m-bo")["programm"] = "Rucksack KiTa"
    written = yaml.safe_load(_next_period(cli, tmp_path, data))
    assert (written["personal"][0]["programm"], written["personal"][0]["kosten"]) == ("kim", 78000)
    assert "programm" not in written["personal"][1]
    assert written["schwerpunkte"][0]["tis2030"] == "regelsysteme"
    assert measure(written, "m-bo")["programm"] == "Rucksack KiTa"


def test_next_period_of_a_concept_with_every_addition_validates(cli, tmp_path):
    text = full().replace("beginn: 2025-01-01", "beginn: 2023-01-01").replace("ende: 2026-12-31", "ende: 2024-12-31")
    path = tmp_path / "2023-2024.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("next-period", str(path), "--lang", "de")
    assert result.exit_code == 0, result.stderr
    new = (tmp_path / "2025-2026.yaml").read_text(encoding="utf-8")
    assert _struct_codes(new) == []
    written = yaml.safe_load(new)
    assert "vorlage" not in written  # with it its results (ergebnis, abstimmung) of the old sessions
    assert [f["jahr"] for f in written["foerderung"]] == [2025, 2026]


@pytest.mark.parametrize("typ", ["staedteregion", "kreisangehoerige_stadt"])
def test_next_period_and_validate_know_the_new_types_of_municipality(cli, tmp_path, typ):
    data = old()
    data["kommune"]["typ"] = typ
    text = _next_period(cli, tmp_path, data)
    assert "gremium: staedteregionstag" in text if typ == "staedteregion" else "gremium: integrationsrat" in text
    result = cli("validate", str(tmp_path / "2023-2024.yaml"), "--lang", "de")
    assert result.exit_code in (0, 1) and "Traceback" not in result.stdout + result.stderr
