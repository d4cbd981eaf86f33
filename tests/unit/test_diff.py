"""``ki diff``: hand-made pairs of real files through the real command line."""

from __future__ import annotations

import json
import random

import pytest

from tests.helpers import VALID
from tests.periods import diff_json, entry, keyed, measure, old, write


@pytest.fixture
def pair(tmp_path):
    """Write OLD and a changed copy; return the JSON report of ``ki diff``."""

    def run(change, *args: str):
        a = write(tmp_path, "alt.yaml", old())
        new = old()
        change(new)
        b = write(tmp_path, "neu.yaml", new)
        return diff_json(_cli(), a, b, *args)

    return run


_CLI = None


def _cli():
    return _CLI


@pytest.fixture(autouse=True)
def _bind_cli(cli):
    global _CLI
    _CLI = cli


def only(report, section, ident, kind, field=None):
    """The report holds exactly one change, and it is this one."""
    changes = report["changes"]
    assert len(changes) == 1, changes
    c = changes[0]
    assert (c["section"], c["id"], c["kind"], c.get("field")) == (section, ident, kind, field)
    return c


# --- nothing changed -----------------------------------------------------------------------------


def test_identical_files_have_no_difference(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    result = cli("diff", str(a), str(a), "--lang", "de")
    assert result.exit_code == 0
    assert "Keine Unterschiede." in result.stdout


def test_reordered_copy_has_no_difference_and_exit_code_0(cli, tmp_path):
    data = old()
    rng = random.Random(7)
    for key in ("schwerpunkte", "personal", "sachkosten", "partner", "vereinbarungen"):
        rng.shuffle(data[key])
    for sp in data["schwerpunkte"]:
        sp["massnahmen"].reverse()
    for m in (measure(data, "m-fortbildung"), measure(data, "m-bo")):
        m["beteiligt"].reverse()
        m.setdefault("aspekte", []).reverse()
    reordered = dict(reversed(list(data.items())))  # keys in another order too
    a = write(tmp_path, "a.yaml", old())
    b = write(tmp_path, "b.yaml", reordered)
    result = cli("diff", str(a), str(b), "--exit-code", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["changes"] == []


def test_german_notation_means_the_same_value(cli, tmp_path):
    a = write(tmp_path, "a.yaml", VALID)
    b = write(
        tmp_path,
        "b.yaml",
        VALID.replace("vze: 1.0", 'vze: "1,0"').replace("beginn: 2025-01-01\n  ende", "beginn: 01.01.2025\n  ende"),
    )
    assert diff_json(cli, a, b)["changes"] == []


# --- exit codes ------------------------------------------------------------------------------------


def test_exit_code_option_gives_1_on_differences(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    new = old()
    new["zentrum"]["leitung"] = "Tobias Schmitt"
    b = write(tmp_path, "b.yaml", new)
    assert cli("diff", str(a), str(b), "--exit-code").exit_code == 1
    assert cli("diff", str(a), str(b)).exit_code == 0


def test_missing_file_exits_2(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    result = cli("diff", str(a), str(tmp_path / "fehlt.yaml"), "--lang", "de")
    assert result.exit_code == 2
    assert "nicht gefunden" in result.stderr


def test_unknown_format_exits_2(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    assert cli("diff", str(a), str(a), "--format", "xml").exit_code == 2


def test_structural_error_exits_1_with_the_findings_on_stderr(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    broken = old()
    measure(broken, "m-bo")["stufe"] = "pilot"
    b = write(tmp_path, "b.yaml", broken)
    result = cli("diff", str(a), str(b), "--lang", "de")
    assert result.exit_code == 1
    assert "KI103" in result.stderr and "b.yaml" in result.stderr
    assert result.stdout == ""


def test_domain_errors_do_not_stop_a_diff(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    new = old()
    new["schwerpunkte"][1]["bereich"] = "bildungskette"  # KI301 and KI302: errors of the domain
    new["schwerpunkte"][1]["handlungsfeld"] = "schule"
    b = write(tmp_path, "b.yaml", new)
    assert cli("validate", str(b)).exit_code == 1
    report = diff_json(cli, a, b)
    assert {c["field"] for c in report["changes"]} == {"bereich", "handlungsfeld"}


@pytest.mark.parametrize("garbage", [b"\xff\xfe\x00garbage", b"- just\n- a list\n", b"a: [", b""])
def test_garbage_exits_1_without_traceback(cli, tmp_path, garbage):
    a = write(tmp_path, "a.yaml", old())
    b = tmp_path / "b.yaml"
    b.write_bytes(garbage)
    result = cli("diff", str(a), str(b))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_two_municipalities_warn_once_then_diff(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    other = old()
    other["kommune"]["name"] = "Stadt Anderswo"
    other["kommune"]["ags"] = "05111000"
    b = write(tmp_path, "b.yaml", other)
    result = cli("diff", str(a), str(b), "--lang", "de")
    assert result.exit_code == 0
    assert len(result.stderr.strip().splitlines()) == 1 and "verschiedenen Kommunen" in result.stderr
    assert "Stadt Anderswo" in result.stdout


# --- one change of each kind -----------------------------------------------------------------------------


def test_stage_progress(pair):
    report = pair(lambda d: measure(d, "m-bo").update(stufe="regelpraxis"))
    c = only(report, "massnahmen", "m-bo", "changed", "stufe")
    assert (c["old"], c["new"]) == ("modellprojekt", "regelpraxis")
    assert report["summary"]["stages"]["forward"] == [{"id": "m-bo", "old": "modellprojekt", "new": "regelpraxis"}]


def test_stage_step_back(pair):
    report = pair(lambda d: measure(d, "m-bo").update(stufe="initiative"))
    only(report, "massnahmen", "m-bo", "changed", "stufe")
    assert report["summary"]["stages"] == {
        "forward": [],
        "back": [{"id": "m-bo", "old": "modellprojekt", "new": "initiative"}],
    }


def test_change_of_lead(pair):
    report = pair(lambda d: measure(d, "m-fortbildung").update(federfuehrung="awo"))
    c = only(report, "massnahmen", "m-fortbildung", "changed", "federfuehrung")
    assert (c["old"], c["new"]) == ("ki", "awo")
    assert report["summary"]["leads"] == [{"id": "m-fortbildung", "old": "ki", "new": "awo"}]


def test_measure_added(pair):
    def add(d):
        d["schwerpunkte"][1]["massnahmen"].append(
            {"id": "m-neu", "titel": "Neue Maßnahme", "stufe": "initiative", "federfuehrung": "ki", "sachkosten": 1500}
        )

    report = pair(add)
    c = only(report, "massnahmen", "m-neu", "added")
    assert c["old"] is None
    assert c["new"] == {
        "schwerpunkt": "oeffnung",
        "id": "m-neu",
        "titel": "Neue Maßnahme",
        "stufe": "initiative",
        "federfuehrung": "ki",
        "sachkosten": 1500,
    }
    assert report["summary"]["measures"]["added"] == ["m-neu"]


def test_measure_removed(pair):
    report = pair(lambda d: d["schwerpunkte"][0]["massnahmen"].pop(1))
    c = only(report, "massnahmen", "m-praktikum", "removed")
    assert c["new"] is None and c["old"]["titel"] == "Praktikumsbörse mit Betrieben"
    assert report["summary"]["measures"]["removed"] == ["m-praktikum"]


def test_measure_moved_to_another_schwerpunkt_is_a_change_of_its_schwerpunkt(pair):
    def move(d):
        m = d["schwerpunkte"][0]["massnahmen"].pop(1)
        d["schwerpunkte"][1]["massnahmen"].insert(0, m)

    c = only(pair(move), "massnahmen", "m-praktikum", "changed", "schwerpunkt")
    assert (c["old"], c["new"]) == ("uebergang", "oeffnung")


def test_beteiligt_is_one_field_with_whole_lists(pair):
    c = only(
        pair(lambda d: measure(d, "m-bo")["beteiligt"].append("awo")), "massnahmen", "m-bo", "changed", "beteiligt"
    )
    assert (c["old"], c["new"]) == (["jobcenter"], ["jobcenter", "awo"])


def test_measure_dates_as_iso_text(pair):
    c = only(pair(lambda d: measure(d, "m-praktikum").pop("ende")), "massnahmen", "m-praktikum", "changed", "ende")
    assert (c["old"], c["new"]) == ("2024-06-30", None)


def test_goal_changes_are_their_own_section(pair):
    def change(d):
        d["schwerpunkte"][0]["ziele"][0]["zielwert"] = 15

    c = only(pair(change), "ziele", "z-bo", "changed", "zielwert")
    assert (c["old"], c["new"]) == (12, 15)


def test_schwerpunkt_field_change(pair):
    c = only(
        pair(lambda d: d["schwerpunkte"][1].update(handlungsfeld="vernetzung")),
        "schwerpunkte",
        "oeffnung",
        "changed",
        "handlungsfeld",
    )
    assert (c["old"], c["new"]) == ("interkulturelle_oeffnung", "vernetzung")


def test_schwerpunkt_added_with_its_measure_reported_apart(pair):
    def add(d):
        d["schwerpunkte"].append(
            {
                "id": "sport",
                "bereich": "querschnitt",
                "handlungsfeld": "sport",
                "titel": "Sport",
                "begruendung": "Vereine öffnen sich.",
                "massnahmen": [
                    {"id": "m-sport", "titel": "Vereinslotsen", "stufe": "initiative", "federfuehrung": "ki"}
                ],
            }
        )

    report = pair(add)
    got = keyed(report["changes"])
    assert set(got) == {("schwerpunkte", "sport", "added", None), ("massnahmen", "m-sport", "added", None)}
    assert "massnahmen" not in got[("schwerpunkte", "sport", "added", None)]["new"]


def test_post_vze_change_and_staffing_totals(pair):
    def change(d):
        stelle = entry(d, "personal", "va-1")
        stelle["vze"] = 1.0
        stelle["einsatz"] = {"uebergang": 0.5, "oeffnung": 0.5}

    report = pair(change)
    got = keyed(report["changes"])
    assert got[("personal", "va-1", "changed", "vze")]["old"] == 0.5
    assert got[("personal", "va-1", "changed", "vze")]["new"] == 1
    assert got[("personal", "va-1", "changed", "einsatz")]["new"] == {"uebergang": 0.5, "oeffnung": 0.5}
    staffing = report["summary"]["staffing"]
    assert staffing["by_funktion"]["verwaltung"] == {"old": 0.5, "new": 1}
    assert staffing["by_finanzierung"]["land"] == {"old": 5.5, "new": 6}
    assert staffing["by_schwerpunkt"]["uebergang"] == {"old": 3.25, "new": 3.5}
    assert staffing["total"] == {"old": 5.5, "new": 6}


def test_vacancy(pair):
    report = pair(lambda d: entry(d, "personal", "fk-3").pop("besetzt_durch"))
    c = only(report, "personal", "fk-3", "changed", "besetzt_durch")
    assert (c["old"], c["new"]) == ("Elif Yılmaz", None)
    vacant = report["summary"]["staffing"]["vacant"]
    assert (vacant["old"], vacant["new"], vacant["newly_vacant"]) == (0, 1, ["fk-3"])


def test_post_added_and_removed(pair):
    def change(d):
        d["personal"].pop()
        d["personal"].append(
            {"id": "fk-4", "funktion": "fachkraft", "vze": 0.5, "finanzierung": "kommune", "einsatz": {"oeffnung": 0.5}}
        )

    got = keyed(pair(change)["changes"])
    assert set(got) == {("personal", "va-1", "removed", None), ("personal", "fk-4", "added", None)}


def test_sachkosten_matched_by_posten(pair):
    report = pair(lambda d: entry(d, "sachkosten", "Übersetzungen").update(betrag=6500))
    c = only(report, "sachkosten", "Übersetzungen", "changed", "betrag")
    assert (c["old"], c["new"]) == (5000, 6500)
    assert report["summary"]["sachkosten"]["total"] == {"old": 29000, "new": 30500}


def test_sachkosten_renamed_posten_is_removed_and_added(pair):
    got = keyed(pair(lambda d: entry(d, "sachkosten", "Übersetzungen").update(posten="Dolmetschen"))["changes"])
    assert set(got) == {("sachkosten", "Übersetzungen", "removed", None), ("sachkosten", "Dolmetschen", "added", None)}


def test_partner_renamed(pair):
    c = only(
        pair(lambda d: entry(d, "partner", "awo").update(name="AWO Unterbezirk")), "partner", "awo", "changed", "name"
    )
    assert (c["old"], c["new"]) == ("AWO Kreisverband Beispielstadt", "AWO Unterbezirk")


def test_agreement_status_changed(pair):
    report = pair(lambda d: entry(d, "vereinbarungen", "v-schulamt").update(status="beendet"))
    only(report, "vereinbarungen", "v-schulamt", "changed", "status")
    assert report["summary"]["agreements"]["status"] == [{"id": "v-schulamt", "old": "unterzeichnet", "new": "beendet"}]


def test_agreement_new_and_ended(pair):
    def change(d):
        d["vereinbarungen"].pop()
        measure(d, "m-lotsen").pop("vereinbarung")
        d["vereinbarungen"].append(
            {
                "id": "v-awo",
                "partner": "awo",
                "form": "absprache",
                "gegenstand": "Lotsen",
                "zustaendigkeit_partner": "AWO",
                "beitrag_ki": "Schulung",
                "beginn": "2025-01-01",
                "status": "entwurf",
            }
        )

    report = pair(change)
    assert set(keyed(report["changes"])) == {
        ("vereinbarungen", "v-buergeramt", "removed", None),
        ("vereinbarungen", "v-awo", "added", None),
        ("massnahmen", "m-lotsen", "changed", "vereinbarung"),
    }
    agreements = report["summary"]["agreements"]
    assert (agreements["added"], agreements["removed"]) == (["v-awo"], ["v-buergeramt"])


def test_mapping_section_field_has_no_id(pair):
    c = only(pair(lambda d: d["zentrum"].update(leitung="Tobias Schmitt")), "zentrum", None, "changed", "leitung")
    assert (c["old"], c["new"]) == ("Aylin Demir", "Tobias Schmitt")


def test_nested_keys_are_dotted(pair):
    c = only(
        pair(lambda d: d["grundlagen"]["integrationskonzept"].update(beschlossen_am="2024-05-02")),
        "grundlagen",
        None,
        "changed",
        "integrationskonzept.beschlossen_am",
    )
    assert (c["old"], c["new"]) == ("2021-06-22", "2024-05-02")


def test_rule_pack(pair):
    report = pair(lambda d: d["grundlagen"].update(foerderrichtlinie="2025"))
    only(report, "grundlagen", None, "changed", "foerderrichtlinie")
    assert report["summary"]["rule_pack"] == {"old": "2018", "new": "2025"}


def test_period(pair):
    report = pair(lambda d: d.update(periode={"beginn": "2025-01-01", "ende": "2026-12-31"}))
    assert set(keyed(report["changes"])) == {
        ("periode", None, "changed", "beginn"),
        ("periode", None, "changed", "ende"),
    }
    assert report["summary"]["period"] == {
        "old": {"beginn": "2023-01-01", "ende": "2024-12-31"},
        "new": {"beginn": "2025-01-01", "ende": "2026-12-31"},
    }


def test_beschluesse_are_one_field(pair):
    def add(d):
        d["grundlagen"]["beschluesse"].append({"gremium": "rat", "datum": "2022-09-26", "gegenstand": "Schwerpunkte"})

    c = only(pair(add), "grundlagen", None, "changed", "beschluesse")
    assert len(c["old"]) == 1 and len(c["new"]) == 2


def test_vorlage_removed_is_one_change(pair):
    c = only(pair(lambda d: d.pop("vorlage")), "vorlage", None, "removed")
    assert c["old"]["drucksache"] == "0815/2022" and c["new"] is None


def test_vorlage_field_change(pair):
    c = only(pair(lambda d: d["vorlage"].update(drucksache="0900/2024")), "vorlage", None, "changed", "drucksache")
    assert (c["old"], c["new"]) == ("0815/2022", "0900/2024")


# --- the reports ------------------------------------------------------------------------------------------


def _three_new_two_ended_two_stages(d):
    for i in range(3):
        d["schwerpunkte"][1]["massnahmen"].append(
            {"id": f"m-neu-{i}", "titel": f"Neu {i}", "stufe": "initiative", "federfuehrung": "ki"}
        )
    d["schwerpunkte"][0]["massnahmen"].pop(1)  # m-praktikum
    d["schwerpunkte"][1]["massnahmen"].pop(1)  # m-lotsen
    measure(d, "m-bo")["stufe"] = "regelpraxis"
    measure(d, "m-fortbildung")["stufe"] = "modellprojekt"
    entry(d, "partner", "awo")["name"] = "AWO Unterbezirk"
    return d


def test_text_is_grouped_by_section_with_a_german_summary(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    b = write(tmp_path, "b.yaml", _three_new_two_ended_two_stages(old()))
    result = cli("diff", str(a), str(b), "--lang", "de")
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" not in out  # no colour when not on a terminal
    assert out.index("Maßnahmen") < out.index("Partner")
    assert "  ~ m-bo stufe: modellprojekt → regelpraxis" in out
    assert "  + m-neu-1 „Neu 1“ (Schwerpunkt oeffnung, Stufe initiative, Federführung ki)" in out
    assert "  - m-praktikum „Praktikumsbörse mit Betrieben“" in out
    assert "  ~ awo name: „AWO Kreisverband Beispielstadt“ → „AWO Unterbezirk“" in out
    # m-lotsen left at regelpraxis with a partner leading: handed over, not ended
    assert out.rstrip().splitlines()[-1] == (
        "3 neue Maßnahmen, 1 beendet, 1 in die Regelpraxis übergeben, 2 Stufenwechsel – 8 Änderungen"
    )


def test_summary_in_json_names_the_measures(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    b = write(tmp_path, "b.yaml", _three_new_two_ended_two_stages(old()))
    summary = diff_json(cli, a, b, "--lang", "de")["summary"]
    assert summary["measures"]["added"] == ["m-neu-0", "m-neu-1", "m-neu-2"]
    assert summary["measures"]["removed"] == ["m-praktikum", "m-lotsen"]
    assert summary["measures"]["handed_over"] == ["m-lotsen"]
    assert [s["id"] for s in summary["stages"]["forward"]] == ["m-bo", "m-fortbildung"]
    assert (summary["added"], summary["removed"], summary["changed"], summary["total"]) == (3, 2, 3, 8)


def test_english_text(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    new = old()
    measure(new, "m-bo")["stufe"] = "regelpraxis"
    b = write(tmp_path, "b.yaml", new)
    out = cli("diff", str(a), str(b), "--lang", "en").stdout
    assert "Measures" in out and "1 stage progress" in out


def test_markdown_is_a_german_section(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    new = old()
    measure(new, "m-bo")["stufe"] = "regelpraxis"
    entry(new, "personal", "fk-3")["vze"] = 0.5
    entry(new, "personal", "fk-3")["einsatz"] = {"uebergang": 0.5}
    b = write(tmp_path, "b.yaml", new)
    result = cli("diff", str(a), str(b), "--format", "md", "--lang", "en")
    md = result.stdout
    assert md.startswith("## Änderungen gegenüber dem Zeitraum 01.01.2023 bis 31.12.2024\n")
    assert "- Migrationssensible Berufsorientierung an weiterführenden Schulen: Modellprojekt → Regelpraxis" in md
    assert "| Fachkraft | 3,0 | 2,5 |" in md


def test_json_shape(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())
    new = old()
    measure(new, "m-bo")["stufe"] = "regelpraxis"
    b = write(tmp_path, "b.yaml", new)
    report = diff_json(cli, a, b)
    assert report["old"] == str(a) and report["new"] == str(b)
    assert set(report) == {"old", "new", "changes", "summary"}
    assert set(report["changes"][0]) == {"section", "id", "kind", "field", "old", "new"}
    assert report["summary"]["total"] == 1


def test_text_differing_only_in_line_breaks_is_the_same(cli, tmp_path):
    a = write(tmp_path, "a.yaml", old())  # begruendung of "uebergang" is a folded block with a final newline
    new = old()
    new["schwerpunkte"][0]["begruendung"] = " ".join(new["schwerpunkte"][0]["begruendung"].split())
    b = write(tmp_path, "b.yaml", new)
    assert diff_json(cli, a, b)["changes"] == []


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_colour_on_a_terminal_unless_no_color(tmp_path):
    import os
    import subprocess
    import sys

    a = write(tmp_path, "a.yaml", old())
    new = old()
    measure(new, "m-bo")["stufe"] = "regelpraxis"
    b = write(tmp_path, "b.yaml", new)

    def on_terminal(env: dict[str, str]) -> str:
        master, slave = os.openpty()
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")} | env
        subprocess.run([sys.executable, "-m", "ki_cli", "diff", str(a), str(b)], stdout=slave, env=env, check=True)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        return b"".join(chunks).decode("utf-8", "replace")

    assert "\x1b[" in on_terminal({"TERM": "xterm"})
    assert "\x1b[" not in on_terminal({"TERM": "xterm", "NO_COLOR": "1"})


def test_swapped_periods_warn_once_then_diff(cli):
    from tests.helpers import CONCEPTS

    older, newer = CONCEPTS / "beispielstadt" / "2023-2024.yaml", CONCEPTS / "beispielstadt" / "2025-2026.yaml"
    result = cli("diff", str(newer), str(older), "--lang", "de")
    assert result.exit_code == 0
    assert len(result.stderr.strip().splitlines()) == 1 and "vertauscht" in result.stderr
    assert cli("diff", str(older), str(newer), "--lang", "de").stderr == ""
