"""``ki calendar`` as a user runs it: the real command in a subprocess, its output read back with
icalendar and with vobject, an independent iCalendar parser."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import vobject

from tests.e2e.test_hostile_cli import _env, no_traceback
from tests.helpers import CONCEPTS, ROOT, VALID, replace
from tests.unit.test_calendar import KNOWN

EXAMPLE = CONCEPTS / "beispielstadt" / "2025-2026.yaml"


def ki(*args: str, lang: str = "de", input: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", "calendar", *args],
        capture_output=True,
        cwd=ROOT,
        env={**_env(lang), **env},
        input=input,
        check=False,
    )


def vevents(data: bytes) -> list[vobject.base.Component]:
    """The events as vobject reads them (it fails on a calendar that is not well-formed)."""
    calendar = vobject.readOne(data.decode("utf-8"))
    return list(calendar.vevent_list)


def by_summary(data: bytes) -> dict[str, dt.date]:
    return {str(e.summary.value): e.dtstart.value for e in vevents(data)}


def known_file(folder: Path, name: str = "beispielstadt.yaml", text: str = KNOWN) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_concept_becomes_a_calendar_on_standard_output(tmp_path):
    result = ki(str(known_file(tmp_path)))
    no_traceback(result)
    assert result.returncode == 0
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\n") and result.stdout.endswith(b"END:VCALENDAR\r\n")
    assert result.stderr == b""


def test_the_independent_parser_finds_every_deadline_session_and_review(tmp_path):
    events = by_summary(ki(str(known_file(tmp_path))).stdout)
    ki_name = " – KI Stadt Beispielstadt"
    expected = {
        "Antragsfrist Landesförderung Haushaltsjahr 2025": dt.date(2024, 10, 31),
        "Antragsfrist Landesförderung Haushaltsjahr 2026": dt.date(2025, 10, 31),
        "Antragsfrist Landesförderung Haushaltsjahr 2027": dt.date(2026, 10, 31),
        "Sitzung Integrationsrat (Empfehlung): Beschlussvorlage 0815/2024": dt.date(2024, 9, 3),
        "Sitzung Ausschuss für Schule und Bildung (Vorberatung): Beschlussvorlage 0815/2024": dt.date(2024, 9, 10),
        "Sitzung Rat der Stadt Beispielstadt (Entscheidung): Beschlussvorlage 0815/2024": dt.date(2024, 9, 26),
        "Überprüfung der Absprache mit AWO": dt.date(2025, 6, 30),
        "Überprüfung der Kooperationsvereinbarung mit Schulamt": dt.date(2025, 12, 1),
        "Ende der Schwerpunktperiode 2025–2026": dt.date(2026, 12, 31),
        "Beginn der Planung der Schwerpunktperiode 2027–2028": dt.date(2026, 5, 1),
    }
    assert {k + ki_name: v for k, v in expected.items()}.items() <= events.items()


def test_both_parsers_read_the_same_events(tmp_path):
    data = ki(str(known_file(tmp_path))).stdout
    ours = icalendar.Calendar.from_ical(data).walk("VEVENT")
    theirs = vevents(data)
    assert [(str(e["uid"]), e.decoded("dtstart"), str(e["summary"])) for e in ours] == [
        (e.uid.value, e.dtstart.value, e.summary.value) for e in theirs
    ]
    assert all(type(e.dtstart.value) is dt.date for e in theirs)  # all-day


def test_reminders_are_read_back_by_the_independent_parser(tmp_path):
    data = ki(str(known_file(tmp_path))).stdout
    deadline = next(e for e in vevents(data) if e.uid.value.startswith("antragsfrist-"))
    triggers = [alarm.trigger.value for alarm in deadline.valarm_list]
    assert triggers == [dt.timedelta(days=-14), dt.timedelta(days=-1)]


def test_two_runs_give_the_same_bytes_and_uids(tmp_path):
    concept = known_file(tmp_path)
    first, second = ki(str(concept)), ki(str(concept))
    assert first.stdout == second.stdout
    assert [e.uid.value for e in vevents(first.stdout)] == [e.uid.value for e in vevents(second.stdout)]


def test_uids_survive_an_edit_that_moves_a_date(tmp_path):
    concept = known_file(tmp_path)
    before = {e.uid.value: e.dtstart.value for e in vevents(ki(str(concept)).stdout)}
    concept.write_text(replace("    ueberpruefung: 2025-12-01\n", "    ueberpruefung: 2026-02-01\n", KNOWN), "utf-8")
    after = {e.uid.value: e.dtstart.value for e in vevents(ki(str(concept)).stdout)}
    assert before.keys() == after.keys()
    assert sorted(set(after.values()) - set(before.values())) == [dt.date(2026, 2, 1)]


def test_dtstamp_is_the_files_modification_time(tmp_path):
    concept = known_file(tmp_path)
    os.utime(concept, (1_780_000_000, 1_780_000_000))
    (event, *_) = vevents(ki(str(concept)).stdout)
    stamp = dt.datetime.fromtimestamp(1_780_000_000, dt.timezone.utc)
    assert event.dtstamp.value == stamp and event.last_modified.value == stamp


def test_source_date_epoch_sets_dtstamp(tmp_path):
    (event, *_) = vevents(ki(str(known_file(tmp_path)), SOURCE_DATE_EPOCH="1700000000").stdout)
    assert event.dtstamp.value == dt.datetime.fromtimestamp(1_700_000_000, dt.timezone.utc)


def test_a_folder_gives_one_calendar_for_every_ki_in_it(tmp_path):
    folder = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, folder)
    out = tmp_path / "alle.ics"
    result = ki(str(folder), "-o", str(out))
    err = no_traceback(result)
    assert result.returncode == 0
    events = vevents(out.read_bytes())
    assert len({e.uid.value for e in events}) == len(events)
    kommunen = {e.summary.value.rsplit(" – KI ", 1)[1] for e in events}
    assert kommunen == {"Stadt Beispielstadt", "Kreis Hohenfeld", "Kreis Musterland", "StädteRegion Lindenberg"}
    calendar = vobject.readOne(out.read_text(encoding="utf-8"))
    assert calendar.contents["x-wr-calname"][0].value == "Termine der Kommunalen Integrationszentren"
    assert f"geschrieben: {out} ({len(events)} Termine aus 5 Dateien)" in err


def test_two_periods_of_one_ki_give_each_deadline_once_from_its_own_file(tmp_path):
    out = tmp_path / "termine.ics"
    assert ki(str(CONCEPTS / "beispielstadt"), "-o", str(out)).returncode == 0
    deadline_2025 = [e for e in vevents(out.read_bytes()) if "Haushaltsjahr 2025" in e.summary.value]
    assert len(deadline_2025) == 1
    assert "2025-2026.yaml" in deadline_2025[0].description.value


def test_an_invalid_file_is_skipped_with_its_errors_and_exit_1(tmp_path):
    known_file(tmp_path)
    broken = known_file(tmp_path, "kaputt.yaml", replace("  typ: kreisfreie_stadt\n", "  typ: stadt\n", VALID))
    out = tmp_path / "termine.ics"
    result = ki(str(tmp_path), "-o", str(out))
    err = no_traceback(result)
    assert result.returncode == 1
    assert f"{broken}:4:" in err and "KI1" in err
    assert f"{broken}: übersprungen – die Datei hat Fehler" in err
    assert {e.summary.value.rsplit(" – KI ", 1)[1] for e in vevents(out.read_bytes())} == {"Stadt Beispielstadt"}


def test_warnings_alone_do_not_skip_a_file(tmp_path):
    result = ki(str(known_file(tmp_path)))  # KNOWN has warnings (KI405, KI501)
    assert result.returncode == 0 and vevents(result.stdout)


def test_nothing_is_written_when_no_file_is_valid(tmp_path):
    broken = known_file(tmp_path, "kaputt.yaml", "version: 1\nkommune: {name: x}\n")
    out = tmp_path / "termine.ics"
    result = ki(str(broken), "-o", str(out))
    err = no_traceback(result)
    assert result.returncode == 1 and not out.exists()
    assert "Kein Kalender geschrieben" in err


def test_an_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "termine.ics"
    out.write_bytes(b"alt")
    result = ki(str(known_file(tmp_path)), "-o", str(out))
    assert result.returncode == 2 and out.read_bytes() == b"alt"
    assert "--force" in no_traceback(result)
    assert ki(str(known_file(tmp_path)), "-o", str(out), "--force").returncode == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_the_output_must_not_be_a_concept_file(tmp_path):
    concept = known_file(tmp_path)
    result = ki(str(concept), "-o", str(concept), "--force")
    assert result.returncode == 2 and concept.read_text(encoding="utf-8") == KNOWN


def test_a_missing_path_exits_2(tmp_path):
    result = ki(str(tmp_path / "fehlt.yaml"))
    assert result.returncode == 2 and b"fehlt.yaml" in result.stderr


def test_standard_input(tmp_path):
    result = ki("-", input=KNOWN.encode("utf-8"))
    assert result.returncode == 0
    assert "Fundstelle: <stdin>:" in vevents(result.stdout)[0].description.value


def test_messages_in_english_the_calendar_stays_german(tmp_path):
    known_file(tmp_path)
    known_file(tmp_path, "kaputt.yaml", "version: 1\nkommune: {name: x}\n")
    result = ki(str(tmp_path), lang="en")
    err = no_traceback(result)
    assert "kaputt.yaml: skipped – the file has errors" in err
    assert any(e.summary.value.startswith("Antragsfrist Landesförderung") for e in vevents(result.stdout))


def test_the_bundled_example_gives_its_deadlines_and_sessions():
    events = by_summary(ki(str(EXAMPLE)).stdout)
    assert events["Antragsfrist Landesförderung Haushaltsjahr 2026 – KI Stadt Beispielstadt"] == dt.date(2025, 10, 31)
    sessions = [summary for summary in events if summary.startswith("Sitzung ")]
    assert len(sessions) == 3


def test_validate_does_not_import_icalendar(tmp_path):
    concept = known_file(tmp_path)
    probe = (
        "import sys\nfrom ki_cli.cli.app import main\nsys.argv=['ki','validate','-q',sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint('MODS', ','.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(concept)], capture_output=True, text=True, check=True)
    modules = set(result.stdout.split("MODS ")[-1].strip().split(","))
    assert "ki_cli.check.rules" in modules
    assert not {m for m in modules if m.startswith(("icalendar", "ki_cli.calendar"))}


def test_a_full_standard_output_is_reported_not_a_traceback(tmp_path):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ki_cli", "calendar", str(known_file(tmp_path))],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=_env(),
            check=False,
        )
    assert result.returncode == 2
    assert "Die Ausgabe kann nicht geschrieben werden" in no_traceback(result)


def test_a_reader_that_goes_away_ends_the_calendar_quietly(tmp_path):
    folder = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, folder)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ki_cli", "calendar", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait() == 0
    assert "Traceback" not in err and "Interner Fehler" not in err


def test_help_in_both_languages_has_an_example():
    german = subprocess.run(
        [sys.executable, "-m", "ki_cli", "calendar", "--help"], capture_output=True, cwd=ROOT, env=_env(), check=False
    )
    english = subprocess.run(
        [sys.executable, "-m", "ki_cli", "calendar", "--help"],
        capture_output=True,
        cwd=ROOT,
        env=_env("en"),
        check=False,
    )
    assert german.returncode == english.returncode == 0
    assert "Beispiele:" in german.stdout.decode() and "ki calendar concepts/ -o" in german.stdout.decode()
    assert "Examples:" in english.stdout.decode() and "PATH..." in english.stdout.decode()


def test_the_command_is_listed_in_the_programs_help():
    result = subprocess.run(
        [sys.executable, "-m", "ki_cli", "--help"], capture_output=True, cwd=ROOT, env=_env(), check=False
    )
    assert "calendar" in result.stdout.decode()


def test_a_dangling_link_in_a_folder_is_skipped_with_its_finding(tmp_path):
    known_file(tmp_path)
    (tmp_path / "weg.yaml").symlink_to(tmp_path / "nirgends.yaml")
    result = ki(str(tmp_path))
    err = no_traceback(result)
    assert result.returncode == 1
    assert "KI004" in err and "weg.yaml: übersprungen" in err
    assert vevents(result.stdout)


def test_a_link_to_a_folder_is_an_info_and_skips_nothing(tmp_path):
    folder = tmp_path / "konzepte"
    folder.mkdir()
    known_file(folder)
    (folder / "anderswo.yaml").symlink_to(tmp_path, target_is_directory=True)
    result = ki(str(folder))
    err = no_traceback(result)
    assert result.returncode == 0
    assert "KI004" in err and "übersprungen" not in err
