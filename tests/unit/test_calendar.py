"""``ki calendar``'s events of a known concept: a deadline per budget year, each session, each review,
the ends, the planning start; UIDs stable across runs, reordering and moved dates; German texts;
the iCalendar written and read back with icalendar."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from ki_cli.calendar.events import Entry, events, merge, planning_start, uid
from ki_cli.calendar.ics import build, calendar_name
from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from tests.helpers import line_of, replace

STAMP = dt.datetime(2026, 11, 30, 8, 15, 0, tzinfo=dt.timezone.utc)

KNOWN = replace(
    "        beteiligt: [awo]\n",
    "        beteiligt: [awo]\n        ende: 2025-12-31\n",
    replace(
        "    status: entwurf\n",
        """    status: unterzeichnet
    unterzeichnet_am: 2024-12-12
    ende: 2026-12-31
    ueberpruefung: 2025-12-01
  - id: v-awo
    partner: awo
    form: absprache
    gegenstand: Elterncafés
    zustaendigkeit_partner: Die AWO trägt die Elterncafés.
    beitrag_ki: Fokus Migration.
    beginn: 2025-01-01
    ende: 2025-12-31
    status: unterzeichnet
    unterzeichnet_am: 2024-12-01
    ueberpruefung: 2025-06-30
  - id: v-alt
    partner: awo
    form: weiterleitungsvertrag
    gegenstand: Sprachmittlung
    zustaendigkeit_partner: Die AWO vermittelt.
    beitrag_ki: Fokus Migration.
    beginn: 2025-01-01
    ende: 2025-03-31
    status: beendet
    unterzeichnet_am: 2024-12-01
    ueberpruefung: 2025-02-28
foerderung:
  - jahr: 2026
    programm: ki
    beantragt: 57000
    antrag_am: 2025-10-15
vorlage:
  drucksache: "0815/2024"
  beratungsfolge:
    - gremium: integrationsrat
      datum: 2024-09-03
      zustaendigkeit: empfehlung
    - gremium: ausschuss
      bezeichnung: Ausschuss für Schule und Bildung
      datum: 2024-09-10
      zustaendigkeit: vorberatung
    - gremium: rat
      bezeichnung: Rat der Stadt Beispielstadt
      datum: 2024-09-26
      zustaendigkeit: entscheidung
      ergebnis: beschlossen
      abstimmung: {ja: 40, nein: 2, enthaltung: 1}
""",
    ),
)


def entries(text: str, shown: str = "konzept.yaml", stamp: dt.datetime = STAMP) -> list[Entry]:
    loaded = load_bytes(text.encode("utf-8"), "de")
    konzept, findings = check_loaded(loaded, "de")
    assert konzept is not None and not [f for f in findings if f.severity == "error"], findings
    return events(konzept, loaded.sourcemap, shown, stamp)


def of_kind(found: list[Entry], kind: str) -> list[Entry]:
    return [e for e in found if e.kind == kind]


def days(found: list[Entry], kind: str) -> list[dt.date]:
    return [e.day for e in of_kind(found, kind)]


# --- which dates ----------------------------------------------------------------------------------


def test_a_deadline_for_each_budget_year_on_31_october_of_the_year_before():
    deadlines = of_kind(entries(KNOWN), "antragsfrist")
    own = [e for e in deadlines if e.rank[0] == 1]
    assert [(e.day, e.summary) for e in own] == [
        (dt.date(2024, 10, 31), "Antragsfrist Landesförderung Haushaltsjahr 2025 – KI Stadt Beispielstadt"),
        (dt.date(2025, 10, 31), "Antragsfrist Landesförderung Haushaltsjahr 2026 – KI Stadt Beispielstadt"),
    ]


def test_the_next_periods_first_deadline_is_given_too_as_derived():
    derived = [e for e in of_kind(entries(KNOWN), "antragsfrist") if e.rank[0] == 0]
    assert [e.day for e in derived] == [dt.date(2026, 10, 31)]
    assert "erste der nächsten Schwerpunktperiode (01.01.2027–31.12.2028)" in derived[0].description


def test_a_period_from_1_march_has_three_budget_years_and_no_deadline_twice():
    text = replace("  beginn: 2025-01-01\n  ende: 2026-12-31\n", "  beginn: 2025-03-01\n  ende: 2027-02-28\n", KNOWN)
    deadlines = of_kind(entries(text), "antragsfrist")
    assert [e.day for e in deadlines] == [dt.date(2024, 10, 31), dt.date(2025, 10, 31), dt.date(2026, 10, 31)]
    assert len({e.uid for e in deadlines}) == 3


def test_a_pack_without_a_deadline_gets_the_usual_day_marked_as_such():
    text = replace('foerderrichtlinie: "2025"', 'foerderrichtlinie: "2018"', KNOWN)
    first = of_kind(entries(text), "antragsfrist")[0]
    assert first.day == dt.date(2024, 10, 31)
    assert "Förderrichtlinie 2018 hinterlegt keine Frist" in first.description


def test_the_grant_applied_for_is_named_at_its_budget_years_deadline():
    deadline = next(e for e in entries(KNOWN) if e.kind == "antragsfrist" and e.day.year == 2025)
    assert "Förderung: beantragt 57.000\xa0€, Antrag vom 15.10.2025." in deadline.description
    assert f"Fundstelle: konzept.yaml:{line_of(KNOWN, '  - jahr: 2026')} (foerderung[0])" in deadline.description


def test_each_session_of_the_beratungsfolge_is_an_event_on_its_day():
    sessions = of_kind(entries(KNOWN), "sitzung")
    assert [(e.day, e.summary) for e in sessions] == [
        (
            dt.date(2024, 9, 3),
            "Sitzung Integrationsrat (Empfehlung): Beschlussvorlage 0815/2024 – KI Stadt Beispielstadt",
        ),
        (
            dt.date(2024, 9, 10),
            "Sitzung Ausschuss für Schule und Bildung (Vorberatung): Beschlussvorlage 0815/2024 – KI Stadt Beispielstadt",
        ),
        (
            dt.date(2024, 9, 26),
            "Sitzung Rat der Stadt Beispielstadt (Entscheidung): Beschlussvorlage 0815/2024 – KI Stadt Beispielstadt",
        ),
    ]


def test_a_sessions_result_and_votes_are_in_its_description():
    decision = of_kind(entries(KNOWN), "sitzung")[-1]
    assert "Ergebnis: beschlossen (Ja 40, Nein 2, Enthaltungen 1)." in decision.description


def test_each_review_of_an_agreement_is_an_event_but_not_of_one_that_ended():
    reviews = of_kind(entries(KNOWN), "ueberpruefung")
    assert [(e.day, e.summary) for e in reviews] == [
        (dt.date(2025, 6, 30), "Überprüfung der Absprache mit AWO – KI Stadt Beispielstadt"),
        (dt.date(2025, 12, 1), "Überprüfung der Kooperationsvereinbarung mit Schulamt – KI Stadt Beispielstadt"),
    ]


def test_each_agreement_end_is_an_event_in_german_grammar():
    ends = of_kind(entries(KNOWN), "vereinbarungsende")
    assert [(e.day, e.summary.split(" – ")[0]) for e in ends] == [
        (dt.date(2025, 3, 31), "Ende des Weiterleitungsvertrags mit AWO"),
        (dt.date(2025, 12, 31), "Ende der Absprache mit AWO"),
        (dt.date(2026, 12, 31), "Ende der Kooperationsvereinbarung mit Schulamt"),
    ]


def test_a_measure_with_an_end_of_its_own_is_an_event():
    ends = of_kind(entries(KNOWN), "massnahmenende")
    assert [(e.day, e.summary) for e in ends] == [
        (dt.date(2025, 12, 31), "Ende der Maßnahme „Fortbildung“ – KI Stadt Beispielstadt")
    ]


def test_measures_that_run_to_the_periods_end_are_named_in_the_period_end_event():
    (end,) = of_kind(entries(KNOWN), "periodenende")
    assert end.day == dt.date(2026, 12, 31)
    assert end.summary == "Ende der Schwerpunktperiode 2025–2026 – KI Stadt Beispielstadt"
    assert "Mit der Periode enden die Maßnahmen:\n– Berufsorientierung" in end.description
    assert "Fortbildung" not in end.description


def test_planning_of_the_next_period_starts_six_months_before_its_first_deadline():
    (planning,) = of_kind(entries(KNOWN), "planungsbeginn")
    assert planning.day == dt.date(2026, 5, 1)
    assert planning.summary == "Beginn der Planung der Schwerpunktperiode 2027–2028 – KI Stadt Beispielstadt"


@pytest.mark.parametrize(
    ("deadline", "start"),
    [
        (dt.date(2026, 10, 31), dt.date(2026, 5, 1)),
        (dt.date(2026, 8, 31), dt.date(2026, 3, 1)),  # 28 February + 1
        (dt.date(2027, 1, 15), dt.date(2026, 7, 16)),
    ],
)
def test_planning_start_is_six_months_before_the_deadline(deadline, start):
    assert planning_start(deadline) == start


# --- reminders ------------------------------------------------------------------------------------


def test_deadlines_remind_14_days_and_1_day_before():
    assert {e.alarms for e in of_kind(entries(KNOWN), "antragsfrist")} == {(14, 1)}


def test_reviews_and_sessions_remind_14_days_before_and_agreement_ends_30():
    found = entries(KNOWN)
    assert {e.alarms for e in of_kind(found, "ueberpruefung") + of_kind(found, "sitzung")} == {(14,)}
    assert {e.alarms for e in of_kind(found, "vereinbarungsende")} == {(30,)}
    assert {e.alarms for e in of_kind(found, "periodenende") + of_kind(found, "planungsbeginn")} == {()}


# --- UIDs -----------------------------------------------------------------------------------------


def uids(found: list[Entry]) -> dict[str, dt.date]:
    return {e.uid: e.day for e in found}


def test_every_event_has_its_own_uid():
    found = entries(KNOWN)
    assert len({e.uid for e in found}) == len(found)
    assert all(e.uid.endswith("@ki-cli") and e.uid.startswith(f"{e.kind}-") for e in found)


def test_uids_are_the_same_on_every_run():
    assert [e.uid for e in entries(KNOWN)] == [e.uid for e in entries(KNOWN)]


def swapped(text: str, first: str, second: str, end: str) -> str:
    """``text`` with the block from ``first`` to ``second`` and the one from ``second`` to ``end`` swapped."""
    a, b, c = text.index(first), text.index(second), text.index(end)
    return text[:a] + text[b:c] + text[a:b] + text[c:]


def test_uids_are_the_same_after_reordering_the_file():
    # (the sessions must stay in date order, KI602: moving one is the next test)
    reordered = swapped(KNOWN, "  - id: uebergang\n", "  - id: oeffnung\n", "personal:\n")
    reordered = swapped(reordered, "  - id: v-schulamt\n", "  - id: v-awo\n", "foerderung:\n")
    assert reordered != KNOWN
    before, after = entries(KNOWN), entries(reordered)
    assert uids(after) == uids(before)
    assert [e.summary for e in after] == [e.summary for e in before]


def test_a_session_moved_to_another_day_keeps_its_uid():
    moved = replace("      datum: 2024-09-26\n", "      datum: 2024-10-01\n", KNOWN)
    before, after = uids(entries(KNOWN)), uids(entries(moved))
    assert before.keys() == after.keys()
    assert [u for u in before if before[u] != after[u]] == [
        next(e.uid for e in entries(KNOWN) if e.kind == "sitzung" and e.day == dt.date(2024, 9, 26))
    ]


def test_the_same_municipality_spelt_with_umlaut_or_transliterated_is_one_ki():
    assert uid("Stadt Münster", "antragsfrist", "2026") == uid("stadt  muenster", "antragsfrist", "2026")
    assert uid("Stadt Münster", "antragsfrist", "2026") != uid("Stadt Hamm", "antragsfrist", "2026")


def test_another_ki_gets_other_uids():
    other = replace("  name: Stadt Beispielstadt\n", "  name: Stadt Anderswo\n", KNOWN)
    assert not uids(entries(KNOWN)).keys() & uids(entries(other)).keys()


# --- German texts ---------------------------------------------------------------------------------


def test_descriptions_say_what_for_which_ki_and_where_in_the_file():
    review = of_kind(entries(KNOWN, shown="konzepte/beispielstadt.yaml"), "ueberpruefung")[1]
    line = line_of(KNOWN, "    ueberpruefung: 2025-12-01")
    assert review.description.splitlines()[:4] == [
        "Überprüfung der Kooperationsvereinbarung mit Schulamt",
        "",
        "KI: Kommunales Integrationszentrum Beispielstadt (Stadt Beispielstadt)",
        "Schwerpunktperiode: 01.01.2025–31.12.2026",
    ]
    assert f"Fundstelle: konzepte/beispielstadt.yaml:{line} (vereinbarungen[0].ueberpruefung)" in review.description
    assert "Vereinbarung v-schulamt: Berufsorientierung" in review.description


def test_a_sessions_description_points_at_its_date_line():
    decision = of_kind(entries(KNOWN), "sitzung")[-1]
    assert f"konzept.yaml:{line_of(KNOWN, '      datum: 2024-09-26')} (vorlage.beratungsfolge[2].datum)" in (
        decision.description
    )


# --- one calendar from many files -----------------------------------------------------------------


def _next_period() -> str:
    text = KNOWN.replace("  beginn: 2025-01-01\n  ende: 2026-12-31\n", "  beginn: 2027-01-01\n  ende: 2028-12-31\n")
    text = text.replace("        ende: 2025-12-31\n", "        ende: 2027-12-31\n")  # the measure
    text = text.replace("    ueberpruefung: 2025-12-01\n", "    ueberpruefung: 2027-12-01\n")
    text = text.replace("    ende: 2026-12-31\n", "    ende: 2028-12-31\n")
    return text[: text.index("  - id: v-awo\n")] + text[text.index("foerderung:") :]


NEXT = _next_period()


def test_the_next_periods_own_deadline_replaces_the_derived_one():
    merged, clashes = merge([entries(KNOWN, "2025.yaml"), entries(NEXT, "2027.yaml")])
    deadline_2027 = [e for e in merged if e.kind == "antragsfrist" and e.day == dt.date(2026, 10, 31)]
    assert [(e.source, e.rank[0]) for e in deadline_2027] == [("2027.yaml", 1)]
    assert clashes == []


def test_an_agreement_in_two_periods_is_one_event_with_the_later_periods_date():
    merged, _ = merge([entries(NEXT, "2027.yaml"), entries(KNOWN, "2025.yaml")])
    reviews = [e for e in merged if e.kind == "ueberpruefung" and "Schulamt" in e.summary]
    assert [(e.day, e.source) for e in reviews] == [(dt.date(2027, 12, 1), "2027.yaml")]


def test_two_files_of_the_same_ki_and_period_are_reported_once():
    merged, clashes = merge([entries(KNOWN, "a.yaml"), entries(KNOWN, "b.yaml")])
    assert {e.source for e in merged} == {"a.yaml"}
    assert [(c.kept, c.dropped) for c in clashes] == [("a.yaml", "b.yaml")]


def test_the_calendar_is_named_after_its_ki_or_all_kis():
    assert calendar_name(["Stadt Beispielstadt", "Stadt Beispielstadt"]) == "Termine KI Stadt Beispielstadt"
    assert calendar_name(["Stadt Beispielstadt", "Kreis Soest"]) == "Termine der Kommunalen Integrationszentren"


# --- the iCalendar, read back ---------------------------------------------------------------------


def parsed(found: list[Entry]) -> Calendar:
    return Calendar.from_ical(build(found, "Termine"))


def test_events_are_all_day_with_the_day_after_as_their_end():
    for event in parsed(entries(KNOWN)).walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is dt.date and end == start + dt.timedelta(days=1)
        assert event["dtstart"].params.get("VALUE") == "DATE"


def test_dtstamp_and_last_modified_are_the_given_stamp():
    for event in parsed(entries(KNOWN)).walk("VEVENT"):
        assert event.decoded("dtstamp") == STAMP == event.decoded("last-modified")


def test_the_same_entries_give_the_same_bytes():
    assert build(entries(KNOWN), "Termine") == build(entries(KNOWN), "Termine")


def test_alarms_are_display_alarms_before_the_day():
    deadline = next(e for e in parsed(entries(KNOWN)).walk("VEVENT") if str(e["uid"]).startswith("antragsfrist-"))
    alarms = deadline.walk("VALARM")
    assert [a.decoded("trigger") for a in alarms] == [dt.timedelta(days=-14), dt.timedelta(days=-1)]
    assert {str(a["action"]) for a in alarms} == {"DISPLAY"}
    assert str(alarms[1]["description"]).startswith("Morgen: Antragsfrist")


def test_the_calendar_carries_german_texts_and_its_name():
    calendar = parsed(entries(KNOWN))
    assert str(calendar["x-wr-calname"]) == "Termine"
    assert str(calendar["method"]) == "PUBLISH"
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert "Ende der Maßnahme „Fortbildung“ – KI Stadt Beispielstadt" in summaries
    assert {str(e["categories"].cats[0]) for e in calendar.walk("VEVENT")} >= {"Antragsfrist", "Sitzung", "Überprüfung"}
