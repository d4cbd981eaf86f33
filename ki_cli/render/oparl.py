"""The proposal as an OParl 1.1 ``Paper`` with one ``Consultation`` per Beratungsfolge entry.

OParl objects are identified by URLs of the council information system that publishes them.
``ki.toml`` names that system: ``[oparl] base_url`` is the prefix of every id, and
``[oparl.organisationen]`` maps a committee's or office's name (or a ``gremium`` key such as
``rat``) to the URL of its ``Organization``, or to its id under ``base_url``. Without them the ids
are placeholders under ``https://oparl.example/`` built from the AGS (or the municipality's
name), and an organisation's id is built from its name; an importer maps them to its own. The
same input (and the same ``ki.toml``) always gives the same ids.

How the ``vorlage`` fields map to OParl 1.1:

* ``art`` → ``Paper.paperType`` ("Beschlussvorlage" / "Mitteilungsvorlage");
  ``drucksache`` → ``Paper.reference``; ``datum`` → ``Paper.date``.
* ``federfuehrend`` → ``Paper.underDirectionOf`` (the lead office, an Organization);
  the Kommunales Integrationszentrum, which writes the proposal → ``originatorOrganization``;
  ``verfasser`` → ``originatorPerson`` (an id under ``{base}/person/``, from the name).
* ``beratungsfolge[]`` → ``Paper.consultation``: ``role`` is the German name of the
  zustaendigkeit (Anhörung, Vorberatung, Empfehlung, Kenntnisnahme, Entscheidung, the words of
  OParl's own description of ``Consultation.role``); ``authoritative`` is true for the decision
  only; ``organization`` from ``bezeichnung`` or ``gremium`` as above.
* The proposal's own text → ``Paper.mainFile``: a ``File`` with the Markdown in ``text``
  (``mimeType`` ``text/markdown``). ``ki render`` writes one format per run, so it cannot know
  whether a PDF is published beside the JSON; ``accessUrl`` (which OParl requires) is a
  placeholder under the paper's id, where the council system puts the file it publishes.
* ``anlagen[]`` with a ``datei`` → ``Paper.auxiliaryFile``: a ``File`` with its ``name`` (the
  title) and ``fileName``; nothing is read from disk, so there is no size, checksum or MIME type,
  and ``accessUrl`` is a placeholder like the ids. An annex without a file is no ``File``.
* Embedded objects (consultations, files) carry no back-reference to the paper (OParl 1.1,
  "Schema": an internal object leaves out the reference to its parent).

``created`` and ``modified``, which OParl 1.1 requires of every object, embedded ones included:

* ``created``: ``vorlage.datum`` (midnight, German time); without it the time of
  ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds variable: the time the source was last
  changed); without that the earliest date of the concept the paper must predate (the first
  session of the beratungsfolge or the period's first day). Never the time of rendering, so the
  same concept always gives the same file.
* ``modified``: ``SOURCE_DATE_EPOCH`` when set; else the latest of ``created`` and the sessions
  whose result is recorded (a result changes the paper after the session). Never before
  ``created``.

What OParl 1.1 has no field for is kept as vendor extensions with the prefix ``ki:`` (OParl
1.1, "Herstellerspezifische Erweiterungen"):

* ``ki:oeffentlich`` on the Paper: true or false, from ``vorlage.oeffentlich``; OParl has a
  public flag only on ``AgendaItem`` and ``File`` of the council system. A non-public paper also
  has the keyword ``nichtöffentlich``.
* ``ki:beteiligt`` on the Paper: the offices involved beside the lead (OParl has only the lead,
  ``underDirectionOf``).
* ``ki:aktenzeichen`` on the Paper: ``Paper.reference`` is the Drucksache number, the one
  reference the paper is cited by in council; the office's file reference is another
  identifier, and ``keyword`` holds subject words, not identifiers.
* ``ki:datum``, ``ki:gremium`` on a Consultation: the session's date and the committee's name
  (OParl has them on ``Meeting`` and ``Organization``, objects of the council system).
* ``ki:ergebnis``, ``ki:abstimmung`` on a Consultation: the result after the session and the
  votes (``ja``, ``nein``, ``enthaltung``). OParl's place for the result is ``AgendaItem.result``,
  but an AgendaItem is an item of a ``Meeting`` (with its position ``order``, which OParl
  requires) that only the council system knows, and a Consultation refers to it by URL; ``ki``
  does not invent agenda items. The text is the one ``AgendaItem.result`` expects ("beschlossen",
  "geändert beschlossen", "abgelehnt", "vertagt", "zur Kenntnis genommen"), so an importer can
  copy it there. OParl 1.1 has no field for the votes at all.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import PurePosixPath
from typing import Any

from ki_cli.render.labels import label
from ki_cli.text import transliterate

OPARL = "https://schema.oparl.org/1.1/"


def _slug(text: str) -> str:
    """A part of an OParl URL: lower case ASCII, umlauts spelt out (``für`` → ``fuer``)."""
    return re.sub(r"[^a-z0-9]+", "-", transliterate(text.lower())).strip("-") or "x"


def _abstimmung(beratung: Any) -> dict[str, int] | None:
    abstimmung = beratung.abstimmung
    if abstimmung is None:
        return None
    votes = {
        key: getattr(abstimmung, field) for key, field in (("ja", "ja"), ("nein", "nein"), ("enthaltung", "enthaltung"))
    }
    given = {key: value for key, value in votes.items() if value is not None}
    return given or None


class _Ids:
    """The ids of one paper: the base URL and the organisations from ``ki.toml`` or placeholders."""

    def __init__(self, variables: dict[str, Any], settings: Any) -> None:
        kommune = variables["kommune"]
        base_url = getattr(settings, "base_url", None)
        self.base = base_url or f"https://oparl.example/{_slug(kommune.ags or kommune.name)}"
        self.organisationen: dict[str, str] = dict(getattr(settings, "organisationen", None) or {})

    def organization(self, *names: str | None) -> str:
        """The URL of the organisation of the first of ``names`` that ``ki.toml`` maps, else one from its name."""
        given = [name for name in names if name]
        for name in given:
            value = self.organisationen.get(name)
            if value is not None:
                return value if value.startswith("https://") else f"{self.base}/organization/{value}"
        return f"{self.base}/organization/{_slug(given[0] if given else 'x')}"


def _berlin_midnight(day: dt.date) -> str:
    """Midnight of ``day`` in German time (CET, CEST from the last Sunday of March to the last of October)."""

    def last_sunday(month: int) -> dt.date:
        last = dt.date(day.year, month, 31)
        return last - dt.timedelta(days=(last.weekday() + 1) % 7)

    summer = last_sunday(3) < day <= last_sunday(10)  # midnight comes before the 2 o'clock switch
    return f"{day.isoformat()}T00:00:00{'+02:00' if summer else '+01:00'}"


def _source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a time in UTC; None when it is not set or not a whole number of seconds."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _utc(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _times(variables: dict[str, Any]) -> tuple[str, str]:
    """``created`` and ``modified`` of the paper (see the module's description)."""
    vorlage = variables["vorlage"]
    epoch = _source_date_epoch()
    sessions = [b.datum for b in vorlage.beratungsfolge]
    if vorlage.datum is not None:
        created_day: dt.date | None = vorlage.datum
    elif epoch is not None:
        created_day = None
    else:
        periode = variables.get("periode")
        created_day = min([*sessions, *([periode.beginn] if periode is not None else [])], default=None)
    created = _berlin_midnight(created_day) if created_day is not None else _utc(epoch) if epoch else ""
    if not created:  # no date in the concept at all (the format requires a period): a fixed day
        created = _berlin_midnight(dt.date(1970, 1, 1))
    if epoch is not None:
        modified_at = _utc(epoch)
    else:
        decided = [b.datum for b in vorlage.beratungsfolge if b.ergebnis is not None]
        modified_at = _berlin_midnight(max(decided)) if decided else created
    if dt.datetime.fromisoformat(modified_at) < dt.datetime.fromisoformat(created):
        modified_at = created
    return created, modified_at


def _consultation(ids: _Ids, paper_id: str, index: int, beratung: Any, times: dict[str, str]) -> dict[str, Any]:
    consultation: dict[str, Any] = {
        "id": f"{paper_id}/consultation/{index}",
        "type": OPARL + "Consultation",
        "organization": [ids.organization(beratung.bezeichnung, beratung.gremium)],
        "authoritative": beratung.zustaendigkeit == "entscheidung",
        "role": label(beratung.zustaendigkeit),
        **times,
        "ki:datum": beratung.datum.isoformat(),
        "ki:gremium": beratung.bezeichnung or label(beratung.gremium),
    }
    if beratung.ergebnis is not None:
        consultation["ki:ergebnis"] = label(beratung.ergebnis)
    abstimmung = _abstimmung(beratung)
    if abstimmung is not None:
        consultation["ki:abstimmung"] = abstimmung
    return consultation


def _file_name(datei: str) -> str:
    """The file's name without the folders the file may give (``anlagen/bescheid.pdf`` → ``bescheid.pdf``)."""
    return PurePosixPath(datei.replace("\\", "/")).name or datei


def _files(paper_id: str, anlagen: list[Any], times: dict[str, str]) -> list[dict[str, Any]]:
    """One ``File`` per annex that names a file; the id from the file's name, made unique by a number."""
    files = []
    seen: dict[str, int] = {"beschlussvorlage": 1}  # the main file's id
    for anlage in anlagen:
        if not anlage.datei:
            continue
        file_name = _file_name(str(anlage.datei))
        slug = _slug(file_name)
        seen[slug] = seen.get(slug, 0) + 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
        file_id = f"{paper_id}/file/{slug}"
        files.append(
            {
                "id": file_id,
                "type": OPARL + "File",
                "name": anlage.titel,
                "fileName": file_name,
                "accessUrl": file_id + "/access",
                **times,
            }
        )
    return files


def _main_file(paper_id: str, titel: str, markdown: str, times: dict[str, str], datum: Any) -> dict[str, Any]:
    """The proposal's own text as the paper's ``mainFile``: the Markdown in ``text``."""
    file_id = f"{paper_id}/file/beschlussvorlage"
    main: dict[str, Any] = {
        "id": file_id,
        "type": OPARL + "File",
        "name": titel,
        "fileName": "beschlussvorlage.md",
        "mimeType": "text/markdown",
        "text": markdown,
        "accessUrl": file_id + "/access",
        **times,
    }
    if datum is not None:
        main["date"] = datum.isoformat()
    return main


def paper(variables: dict[str, Any], titel: str, markdown: str = "", settings: Any = None) -> dict[str, Any]:
    """The OParl Paper of the proposal; ``markdown``: its text (the main file); ``settings``:
    ki.toml's ``[oparl]`` (``config.Oparl``), or None for placeholders."""
    vorlage = variables["vorlage"]
    ids = _Ids(variables, settings)
    reference = vorlage.drucksache or ""
    paper_id = f"{ids.base}/paper/{_slug(reference or titel)}"
    created, modified = _times(variables)
    times = {"created": created, "modified": modified}
    consultations = [_consultation(ids, paper_id, index, b, times) for index, b in enumerate(vorlage.beratungsfolge, 1)]
    document: dict[str, Any] = {
        "id": paper_id,
        "type": OPARL + "Paper",
        "body": ids.base + "/body",
        "name": titel,
        "reference": reference,
        "paperType": label(vorlage.art or "beschlussvorlage"),
    }
    if vorlage.datum is not None:
        document["date"] = vorlage.datum.isoformat()
    if vorlage.federfuehrend:
        document["underDirectionOf"] = [ids.organization(vorlage.federfuehrend)]
    zentrum = variables.get("zentrum")
    if zentrum is not None and getattr(zentrum, "name", None):
        document["originatorOrganization"] = [ids.organization(zentrum.name)]
    if vorlage.verfasser:
        document["originatorPerson"] = [f"{ids.base}/person/{_slug(vorlage.verfasser)}"]
    document["mainFile"] = _main_file(paper_id, titel, markdown, times, vorlage.datum)
    files = _files(paper_id, vorlage.anlagen, times)
    if files:
        document["auxiliaryFile"] = files
    document["consultation"] = consultations
    if not vorlage.oeffentlich:
        document["keyword"] = ["nichtöffentlich"]
    document.update(times)
    document["ki:oeffentlich"] = bool(vorlage.oeffentlich)
    if vorlage.beteiligt:
        document["ki:beteiligt"] = list(vorlage.beteiligt)
    if vorlage.aktenzeichen:
        document["ki:aktenzeichen"] = vorlage.aktenzeichen
    return document
