"""``ki next-period``: the next period's file, written from the last one, through the real CLI."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.periods import diff_json, keyed, measure, old, write


@pytest.fixture
def older(tmp_path):
    folder = tmp_path / "beispielstadt"
    folder.mkdir()
    return write(folder, "2023-2024.yaml", old())


def _next(cli, path, *args):
    result = cli("next-period", str(path), "--lang", "de", *args)
    assert result.exit_code == 0, result.stderr
    return result


def test_default_name_next_to_the_old_file_and_the_path_is_printed(cli, older):
    result = _next(cli, older)
    target = older.parent / "2025-2026.yaml"
    assert target.exists()
    assert f"geschrieben: {target}" in result.stderr


def test_new_file_validates_without_errors(cli, older):
    _next(cli, older)
    result = cli("validate", str(older.parent / "2025-2026.yaml"), "--lang", "de")
    assert result.exit_code == 0, result.stdout
    assert " 0 Fehler" in result.stdout


def test_diff_lists_exactly_what_next_period_changed(cli, older):
    _next(cli, older)
    report = diff_json(cli, older, older.parent / "2025-2026.yaml")
    assert set(keyed(report["changes"])) == {
        ("periode", None, "changed", "beginn"),
        ("periode", None, "changed", "ende"),
        ("massnahmen", "m-lotsen", "removed", None),  # regelpraxis, led by the Bürgeramt: handed over
        ("vereinbarungen", "v-buergeramt", "removed", None),  # ended 31.12.2024
        ("massnahmen", "m-praktikum", "changed", "beginn"),  # own dates in the old period: dropped
        ("massnahmen", "m-praktikum", "changed", "ende"),
        ("vorlage", None, "removed", None),
    }


def test_reference_to_an_ended_agreement_is_removed(cli, tmp_path):
    data = old()
    data["vereinbarungen"][0]["ende"] = dt.date(2024, 12, 31)  # v-schulamt, used by m-bo
    path = write(tmp_path, "alt.yaml", data)
    _next(cli, path, "-o", str(tmp_path / "neu.yaml"))
    got = keyed(diff_json(cli, path, tmp_path / "neu.yaml")["changes"])
    assert got[("massnahmen", "m-bo", "changed", "vereinbarung")]["new"] is None
    assert ("vereinbarungen", "v-schulamt", "removed", None) in got
    assert "Die Vereinbarung v-schulamt endete am 31.12.2024" in (tmp_path / "neu.yaml").read_text(encoding="utf-8")


def test_handed_over_and_dropped_entries_are_explained_by_german_comments(cli, older):
    _next(cli, older)
    text = (older.parent / "2025-2026.yaml").read_text(encoding="utf-8")
    assert "# An die Regelpraxis übergeben: Maßnahme m-lotsen „Lotsendienst im Bürgeramt“" in text
    assert "# Entfallen: Vereinbarung v-buergeramt" in text
    assert "# Die Beschlussvorlage für den neuen Zeitraum ist noch anzulegen (bisher Drucksache 0815/2022)" in text
    assert "\nvorlage:" not in text


def test_measures_keep_their_stage_and_regelpraxis_led_by_ki_stays(cli, tmp_path):
    data = old()
    measure(data, "m-fortbildung")["stufe"] = "regelpraxis"  # led by ki: not handed over
    path = write(tmp_path, "alt.yaml", data)
    out = _next(cli, path, "-o", "-").stdout
    new = yaml.safe_load(out)
    stages = {m["id"]: m["stufe"] for sp in new["schwerpunkte"] for m in sp.get("massnahmen", [])}
    assert stages == {"m-bo": "modellprojekt", "m-praktikum": "initiative", "m-fortbildung": "regelpraxis"}


def test_values_that_need_quotes_keep_them_as_the_user_quoted_them(cli, older):
    out = _next(cli, older, "-o", "-").stdout
    lines = older.read_text(encoding="utf-8").splitlines()
    for key in ("ags:", "foerderrichtlinie:", "drucksache:"):
        assert [x for x in lines if x.strip().startswith(key)][0] in out.splitlines()
    new = yaml.safe_load(out)
    assert (new["kommune"]["ags"], new["grundlagen"]["foerderrichtlinie"]) == ("05999000", "2018")
    assert "periode:\n  beginn: 2025-01-01\n  ende: 2026-12-31\n" in out


def test_existing_file_is_not_overwritten_without_force(cli, older):
    target = older.parent / "2025-2026.yaml"
    target.write_text("meins\n", encoding="utf-8")
    result = cli("next-period", str(older), "--lang", "de")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "meins\n"
    assert cli("next-period", str(older), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Zeitraum 01.01.2025 bis 31.12.2026 fortgeschrieben aus")


def test_missing_input_exits_2(cli, tmp_path):
    assert cli("next-period", str(tmp_path / "fehlt.yaml")).exit_code == 2


def test_structural_error_exits_1_and_writes_nothing(cli, tmp_path):
    data = old()
    data["kommune"]["typ"] = "stadt"
    path = write(tmp_path, "2023-2024.yaml", data)
    result = cli("next-period", str(path))
    assert result.exit_code == 1 and "KI103" in result.stderr
    assert not (tmp_path / "2025-2026.yaml").exists()


def test_multiline_and_special_text_survive(cli, tmp_path):
    data = old()
    data["schwerpunkte"][0]["begruendung"] = "Erste Zeile.\n\n  eingerückt: ja # kein Kommentar\nLetzte"
    data["zentrum"]["leitung"] = "no"
    data["partner"][0]["name"] = "#1: Schulamt"
    path = write(tmp_path, "alt.yaml", data)
    _next(cli, path, "-o", str(tmp_path / "neu.yaml"))
    new = yaml.safe_load((tmp_path / "neu.yaml").read_text(encoding="utf-8"))
    assert new["schwerpunkte"][0]["begruendung"] == data["schwerpunkte"][0]["begruendung"]
    assert new["zentrum"]["leitung"] == "no" and new["partner"][0]["name"] == "#1: Schulamt"


def test_output_folder_gets_the_default_name(cli, older, tmp_path):
    folder = tmp_path / "neu"
    folder.mkdir()
    _next(cli, older, "-o", str(folder))
    assert (folder / "2025-2026.yaml").exists()


def test_missing_folder_ending_in_a_slash_is_created_with_the_default_name(cli, older, tmp_path):
    folder = tmp_path / "neu" / "konzepte"
    _next(cli, older, "-o", f"{folder}/")
    assert (folder / "2025-2026.yaml").is_file()


def test_every_section_of_the_concept_is_carried_over_even_one_added_to_the_format_later():
    """The sections are the record's fields (the model's): a new one needs no change in next-period."""
    from ki_cli.diff.nextperiod import build
    from ki_cli.format import coreschema, records

    class Wider(coreschema.Konzept):  # the concept record as if the model had one more section
        __slots__ = ()
        _fields = (*coreschema.Konzept._fields, "evaluation")

    konzept, errors = records.validate(old())
    assert not errors
    wider = Wider(**konzept.fields(), evaluation={"bericht": "Az. 48.01", "betrag": 120000.0})
    written = yaml.safe_load(build(wider, "2023-2024.yaml").text)
    assert written["evaluation"] == {"bericht": "Az. 48.01", "betrag": 120000.0}
    assert list(written)[-1] == "evaluation"
