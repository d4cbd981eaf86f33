"""The dates of one concept as calendar entries (plain data; ``ics`` writes them).

See the package's text for what becomes an event, its reminders and how its UID is built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ki_cli.check.sourcemap import SourceMap
from ki_cli.periods import application_deadline, following
from ki_cli.render.labels import label
from ki_cli.text import german_date, german_money, transliterate

# The kinds of event: the UID's prefix, and the category shown in the calendar.
CATEGORIES = {
    "antragsfrist": "Antragsfrist",
    "sitzung": "Sitzung",
    "ueberpruefung": "Überprüfung",
    "vereinbarungsende": "Vereinbarungsende",
    "massnahmenende": "Maßnahmenende",
    "periodenende": "Periodenende",
    "planungsbeginn": "Planung",
}

# Days before the event that a reminder is shown.
ALARMS: dict[str, tuple[int, ...]] = {
    "antragsfrist": (14, 1),
    "sitzung": (14,),
    "ueberpruefung": (14,),
    "vereinbarungsende": (30,),
}

PLANNING_MONTHS = 6
"""The planning of the next period starts this many months before its first application deadline
(31 October → 1 May)."""

GENITIVE = {
    "kooperationsvereinbarung": "der Kooperationsvereinbarung",
    "zielvereinbarung": "der Zielvereinbarung",
    "absprache": "der Absprache",
    "weiterleitungsvertrag": "des Weiterleitungsvertrags",
}
"""An agreement's form as in „Ende der Absprache“, „Ende des Weiterleitungsvertrags“."""

LISTED_MAX = 20
"""The period-end event names at most this many of the measures that end with the period."""

FOOTER = "Erstellt mit „ki calendar“ aus der Konzeptdatei: Änderungen bitte dort vornehmen, nicht im Kalender."


@dataclass(frozen=True, slots=True)
class Entry:
    """One all-day event."""

    uid: str
    kind: str  # a key of CATEGORIES
    day: dt.date
    summary: str
    description: str
    alarms: tuple[int, ...]  # days before ``day``
    stamp: dt.datetime  # DTSTAMP and LAST-MODIFIED (UTC)
    source: str  # the file it comes from, as shown
    rank: tuple[int, dt.date]  # which of two entries with one UID wins: (own, not derived; the period's start)

    @property
    def category(self) -> str:
        return CATEGORIES[self.kind]


def ki_key(name: str) -> str:
    """The KI's part of every UID: its municipality's name, transliterated, without case, spaces or punctuation
    (``Stadt Münster`` and ``stadt  muenster`` are one KI)."""
    return re.sub(r"[\W_]+", "", transliterate(name).casefold())


def uid(kommune: str, kind: str, key: str) -> str:
    """``<kind>-<24 hex digits>@ki-cli``: the same KI, kind and entry key give the same UID on every run."""
    digest = hashlib.sha256("\x1f".join((ki_key(kommune), kind, key)).encode("utf-8")).hexdigest()
    return f"{kind}-{digest[:24]}@ki-cli"


def planning_start(deadline: dt.date) -> dt.date:
    """``PLANNING_MONTHS`` months before ``deadline``: the day after the same day that many months
    earlier (31 October → 1 May; a day the month lacks counts as its last, 30 April)."""
    months = deadline.year * 12 + deadline.month - 1 - PLANNING_MONTHS
    year, month = divmod(months, 12)
    following_month = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last = (following_month - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(deadline.day, last)) + dt.timedelta(days=1)


def span(beginn: dt.date, ende: dt.date) -> str:
    return f"{german_date(beginn)}–{german_date(ende)}"


def years(beginn: dt.date, ende: dt.date) -> str:
    return f"{beginn.year}–{ende.year}"


def _label(value: object) -> str:
    return label(value)


class _Builder:
    """The entries of one concept."""

    def __init__(self, konzept: Any, sourcemap: SourceMap, shown: str, stamp: dt.datetime) -> None:
        self.konzept = konzept
        self.sourcemap = sourcemap
        self.shown = shown
        self.stamp = stamp
        self.kommune = str(konzept.kommune.name)
        self.beginn: dt.date = konzept.periode.beginn
        self.ende: dt.date = konzept.periode.ende
        self.entries: list[Entry] = []

    # --- the parts every description has ---------------------------------------------------------

    def where(self, path: str) -> str:
        line = self.sourcemap.key_span(path)[0]
        return f"Fundstelle: {self.shown}:{line} ({path})"

    def ki(self) -> str:
        return f"KI: {self.konzept.zentrum.name} ({self.kommune})"

    def period(self) -> str:
        return f"Schwerpunktperiode: {span(self.beginn, self.ende)}"

    def add(
        self, kind: str, key: str, day: dt.date, what: str, details: Iterable[str], path: str, derived: bool = False
    ) -> None:
        lines = [what, "", self.ki(), self.period(), *details, self.where(path), "", FOOTER]
        self.entries.append(
            Entry(
                uid=uid(self.kommune, kind, key),
                kind=kind,
                day=day,
                summary=f"{what} – KI {self.kommune}",
                description="\n".join(lines),
                alarms=ALARMS.get(kind, ()),
                stamp=self.stamp,
                source=self.shown,
                rank=(0 if derived else 1, self.beginn),
            )
        )

    # --- the events ------------------------------------------------------------------------------

    def deadlines(self) -> None:
        from ki_cli.funding import funding

        grant = funding(self.konzept)
        pack = grant.pack if grant is not None else None
        richtlinie = str(self.konzept.grundlagen.foerderrichtlinie)
        own = [(year.jahr, year.deadline) for year in grant.years] if grant is not None else []
        if grant is None:  # (a validated concept always has a pack; kept safe)
            own = [(jahr, None) for jahr in range(self.beginn.year, self.ende.year + 1)]
        for jahr, recorded in own:
            self.deadline(jahr, recorded, richtlinie)
        start, end = following(self.ende)
        recorded = pack.application_deadline(start.year) if pack is not None else None
        day = recorded or application_deadline(start.year)
        if start.year not in {jahr for jahr, _ in own}:  # a period from 1 March: the year is this one's too
            self.next_deadline(start, end, day, recorded, richtlinie)
        self.planning(start, end, day)

    def next_deadline(
        self, start: dt.date, end: dt.date, day: dt.date, recorded: dt.date | None, richtlinie: str
    ) -> None:
        self.add(
            "antragsfrist",
            str(start.year),
            day,
            f"Antragsfrist Landesförderung Haushaltsjahr {start.year}",
            [
                f"Das Haushaltsjahr {start.year} ist das erste der nächsten Schwerpunktperiode ({span(start, end)}); "
                f"ihre Schwerpunkte sollten bis zum {german_date(day)} beschlossen sein.",
                _usual(recorded, richtlinie),
                "Sobald die Datei der nächsten Periode vorliegt („ki next-period“), kommt dieser Termin aus ihr.",
            ],
            "periode.ende",
            derived=True,
        )

    def planning(self, start: dt.date, end: dt.date, day: dt.date) -> None:
        planning = planning_start(day)
        self.add(
            "planungsbeginn",
            start.isoformat(),
            planning,
            f"Beginn der Planung der Schwerpunktperiode {years(start, end)}",
            [
                f"Sechs Monate vor der Antragsfrist {german_date(day)} für das Haushaltsjahr {start.year}: die "
                "laufende Periode auswerten, die neuen Schwerpunkte mit den Partnern abstimmen, die Vorlage "
                "schreiben und durch die Beratungsfolge bringen (Sitzungen meist im September, nach der Sommerpause).",
                "Die Datei der nächsten Periode beginnt „ki next-period“.",
            ],
            "periode.ende",
        )

    def deadline(self, jahr: int, recorded: dt.date | None, richtlinie: str) -> None:
        day = recorded or application_deadline(jahr)
        details = [
            f"Antrag auf die Landesförderung für das Haushaltsjahr {jahr} bis zum {german_date(day)} bei der "
            "Bezirksregierung Arnsberg (Kompetenzzentrum für Integration).",
            _usual(recorded, richtlinie),
        ]
        path = "periode.beginn"
        for i, entry in enumerate(getattr(self.konzept, "foerderung", None) or ()):
            if int(entry.jahr) == jahr and str(entry.programm) == "ki":
                path = f"foerderung[{i}]"
                details.append(_grant(entry))
                break
        self.add("antragsfrist", str(jahr), day, f"Antragsfrist Landesförderung Haushaltsjahr {jahr}", details, path)

    def sessions(self) -> None:
        vorlage = getattr(self.konzept, "vorlage", None)
        if vorlage is None:
            return
        folge = list(vorlage.beratungsfolge or ())
        # the n-th session of one body, counted by date (then by place): the same UID after reordering
        order = sorted(range(len(folge)), key=lambda i: (folge[i].datum, i))
        seen: dict[str, int] = {}
        art = _label(getattr(vorlage, "art", None) or "beschlussvorlage")
        paper = f"{art} {vorlage.drucksache}" if vorlage.drucksache else f"{art} zu den Schwerpunkten"
        for i in order:
            beratung = folge[i]
            gremium = str(beratung.gremium)
            n = seen[gremium] = seen.get(gremium, 0) + 1
            name = beratung.bezeichnung or _label(gremium)
            rolle = _label(beratung.zustaendigkeit)
            details = []
            if getattr(beratung, "ergebnis", None):
                details.append(f"Ergebnis: {_label(beratung.ergebnis)}{_votes(beratung.abstimmung)}.")
            self.add(
                "sitzung",
                f"{self.beginn.isoformat()}\x1f{gremium}\x1f{n}",
                beratung.datum,
                f"Sitzung {name} ({rolle}): {paper}",
                details,
                f"vorlage.beratungsfolge[{i}].datum",
            )

    def agreements(self) -> None:
        partners = {p.id: p.name for p in self.konzept.partner or ()}
        for i, v in enumerate(self.konzept.vereinbarungen or ()):
            form = GENITIVE.get(str(v.form)) or f"der Vereinbarung ({_label(v.form)})"
            partner = partners.get(v.partner, v.partner)
            laufzeit = f"{german_date(v.beginn)}–{german_date(v.ende)}" if v.ende else f"ab {german_date(v.beginn)}"
            details = [
                f"Vereinbarung {v.id}: {v.gegenstand}",
                f"Status: {_label(v.status)}; Laufzeit: {laufzeit}.",
            ]
            if v.ueberpruefung and v.status != "beendet":
                self.add(
                    "ueberpruefung",
                    str(v.id),
                    v.ueberpruefung,
                    f"Überprüfung {form} mit {partner}",
                    details,
                    f"vereinbarungen[{i}].ueberpruefung",
                )
            if v.ende:
                self.add(
                    "vereinbarungsende",
                    str(v.id),
                    v.ende,
                    f"Ende {form} mit {partner}",
                    [*details, "Verlängern, neu abschließen oder auslaufen lassen?"],
                    f"vereinbarungen[{i}].ende",
                )

    def measures(self) -> list[str]:
        """Events for the measures with an end of their own; the titles of those that end with the period."""
        with_period: list[str] = []
        for s, schwerpunkt in enumerate(self.konzept.schwerpunkte):
            for m, massnahme in enumerate(schwerpunkt.massnahmen or ()):
                ende = massnahme.ende
                if ende is None or ende == self.ende:
                    with_period.append(str(massnahme.titel))
                    continue
                beginn = massnahme.beginn or self.beginn
                self.add(
                    "massnahmenende",
                    str(massnahme.id),
                    ende,
                    f"Ende der Maßnahme „{massnahme.titel}“",
                    [
                        f"Maßnahme {massnahme.id} im Schwerpunkt „{schwerpunkt.titel}“",
                        f"Stufe: {_label(massnahme.stufe)}; Laufzeit: {span(beginn, ende)}.",
                    ],
                    f"schwerpunkte[{s}].massnahmen[{m}].ende",
                )
        return with_period

    def period_end(self, with_period: Sequence[str]) -> None:
        details = [f"Letzter Tag der Schwerpunktperiode {years(self.beginn, self.ende)}."]
        if with_period:
            shown = [f"– {title}" for title in with_period[:LISTED_MAX]]
            more = len(with_period) - LISTED_MAX
            details += ["Mit der Periode enden die Maßnahmen:", *shown]
            if more > 0:
                details.append(f"und {more} weitere")
        self.add(
            "periodenende",
            self.beginn.isoformat(),
            self.ende,
            f"Ende der Schwerpunktperiode {years(self.beginn, self.ende)}",
            details,
            "periode.ende",
        )


def _usual(recorded: dt.date | None, richtlinie: str) -> str:
    if recorded is not None:
        return f"Frist nach der Förderrichtlinie {richtlinie}."
    return (
        f"Üblicher Termin (31. Oktober des Vorjahres): die Förderrichtlinie {richtlinie} hinterlegt keine Frist – "
        "bitte im Förderaufruf prüfen."
    )


def _grant(entry: Any) -> str:
    parts = []
    if entry.beantragt is not None:
        parts.append(f"beantragt {german_money(entry.beantragt)}")
    if entry.antrag_am is not None:
        parts.append(f"Antrag vom {german_date(entry.antrag_am)}")
    if entry.bewilligt is not None:
        parts.append(f"bewilligt {german_money(entry.bewilligt)}")
    if entry.bescheid_am is not None:
        parts.append(f"Bescheid vom {german_date(entry.bescheid_am)}")
    if entry.aktenzeichen:
        parts.append(f"Aktenzeichen {entry.aktenzeichen}")
    return ("Förderung: " + ", ".join(parts) + ".") if parts else "Förderung: noch nichts eingetragen."


def _votes(abstimmung: Any) -> str:
    if abstimmung is None:
        return ""
    words = (("ja", "Ja"), ("nein", "Nein"), ("enthaltung", "Enthaltungen"))
    votes = [f"{word} {getattr(abstimmung, key)}" for key, word in words if getattr(abstimmung, key) is not None]
    return f" ({', '.join(votes)})" if votes else ""


def events(konzept: Any, sourcemap: SourceMap, shown: str, stamp: dt.datetime) -> list[Entry]:
    """Every date of a validated concept as an entry, in date order (then by UID)."""
    builder = _Builder(konzept, sourcemap, shown, stamp)
    builder.deadlines()
    builder.sessions()
    builder.agreements()
    builder.period_end(builder.measures())
    return sorted(builder.entries, key=lambda e: (e.day, e.uid))


@dataclass(frozen=True, slots=True)
class Clash:
    """Two files give an event with one UID for the same KI and period: ``kept`` is used, ``dropped`` is not."""

    kept: str
    dropped: str


def merge(groups: Iterable[Sequence[Entry]]) -> tuple[list[Entry], list[Clash]]:
    """One calendar from the entries of many files: one event per UID. Of two with one UID, a file's own
    (not derived) entry wins, then the one of the later period, then the one met first; two files that
    are alike in both (the same KI and period) are returned as a ``Clash`` once per pair."""
    chosen: dict[str, Entry] = {}
    clashes: dict[tuple[str, str], Clash] = {}
    for group in groups:
        for entry in group:
            before = chosen.get(entry.uid)
            if before is None or entry.rank > before.rank:
                chosen[entry.uid] = entry
            elif entry.rank == before.rank and entry.source != before.source and entry.rank[0] == 1:
                clashes.setdefault((before.source, entry.source), Clash(before.source, entry.source))
    return sorted(chosen.values(), key=lambda e: (e.day, e.uid)), list(clashes.values())
