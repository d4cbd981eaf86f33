"""The entries as one iCalendar file (RFC 5545), written with the ``icalendar`` library.

Imported only by ``ki calendar`` (``icalendar`` comes with the ``dokumente`` extra).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Alarm, Calendar, Event

from ki_cli.calendar.events import Entry

PRODID = "-//ki-cli//ki calendar//DE"


def calendar_name(kommunen: Sequence[str]) -> str:
    """``Termine KI Stadt Beispielstadt`` for one KI, ``Termine der Kommunalen Integrationszentren`` for more."""
    unique = sorted(set(kommunen))
    if len(unique) == 1:
        return f"Termine KI {unique[0]}"
    return "Termine der Kommunalen Integrationszentren"


def build(entries: Sequence[Entry], name: str) -> bytes:
    """The calendar of ``entries`` (in their order), named ``name``: bytes with CRLF line ends, UTF-8."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for entry in entries:
        calendar.add_component(_event(entry))
    return bytes(calendar.to_ical())


def _event(entry: Entry) -> Event:
    event = Event()
    stamp = entry.stamp.astimezone(dt.timezone.utc).replace(microsecond=0)
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", entry.day)  # a date: an all-day event (VALUE=DATE)
    event.add("dtend", entry.day + dt.timedelta(days=1))  # exclusive: the one day
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("categories", [entry.category])
    event.add("transp", "TRANSPARENT")  # a date to keep, not time that is taken
    for days in entry.alarms:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-days))
        alarm.add("description", f"{_before(days)}: {entry.summary}")
        event.add_component(alarm)
    return event


def _before(days: int) -> str:
    return "Morgen" if days == 1 else f"In {days} Tagen"
