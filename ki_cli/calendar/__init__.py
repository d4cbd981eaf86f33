"""``ki calendar``: every date of a concept that matters, as iCalendar (RFC 5545).

``events`` (plain data, no library) decides which dates a concept gives and what each says;
``ics`` writes them with the ``icalendar`` library (the ``dokumente`` extra), imported only there.

What becomes an event (all-day, German summary and description, always in German like the
documents; the description names the KI, the file and the line of the entry):

* the **application deadline** of each budget year the period touches (the rule pack's day, 31
  October of the year before; a pack that records none, 2018, gets the usual day of
  ``periods.application_deadline``, marked as such), and the deadline of the next period's first
  budget year (the planning of the next period aims at it);
* each **session** of ``vorlage.beratungsfolge``;
* each agreement's **review** (``ueberpruefung``; not for an agreement ``beendet``) and **end**;
* a measure's **end** where it has one of its own before the period's end (measures that run to
  the period's end are named in the period-end event, not given one each);
* the **period's end**, and the **start of planning the next period**: the first of May before
  the next period's first application deadline (six months ahead of 31 October: time to review
  the period, agree the new priorities with the partners, write the proposal and take it through
  the Beratungsfolge – Integrationsrat, committee, council – before the deadline; councils break
  for the summer, so the sessions fall in September).

Reminders (VALARM, DISPLAY): 14 days and 1 day before an application deadline; 14 days before
a session (the proposal is due in the council office about two weeks ahead) and before a review;
30 days before an agreement ends (time to renew it). None for the other dates.

UIDs: ``<kind>-<24 hex digits>@ki-cli``, the digits the SHA-256 of the KI (``kommune.name``,
transliterated, case and punctuation left out), the kind and the entry's own key: the budget year
(a deadline), the agreement's or measure's id, the period's start (its end, its sessions: with the
body, its name and, should two be alike, their order by date), the next period's start (its
planning). Never the entry's place in the file or its date: reordering the file or moving a
session gives the same UID, so a re-import updates the event instead of adding one. The deadline
of a budget year is one event whichever file gives it: the next period's own file takes over
the deadline this file derives for its first year.

DTSTAMP and LAST-MODIFIED: the concept file's modification time (UTC, whole seconds), or
``SOURCE_DATE_EPOCH`` when set; standard input: the time of the run. The same file gives the same
calendar byte for byte, and an edited file later stamps, which is what lets the newer version win
(RFC 5546 § 2.1.5) at an equal SEQUENCE. SEQUENCE is left at its default 0: the tool keeps no
state to count revisions, and nothing derived from the content only ever grows.
"""
