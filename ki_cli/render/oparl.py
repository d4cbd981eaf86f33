"""The proposal as an OParl 1.1 ``Paper`` with one ``Consultation`` per Beratungsfolge entry.

OParl objects are identified by URLs of the council information system that publishes them.
``ki`` is not that system, so ids are placeholders under ``https://oparl.example/`` built from
the AGS (or the municipality's name) and the Drucksache; an importer maps them to its own.
The same input always gives the same ids.

How the ``vorlage`` fields map to OParl 1.1:

* ``art`` → ``Paper.paperType`` ("Beschlussvorlage" / "Mitteilungsvorlage");
  ``drucksache`` → ``Paper.reference``.
* ``beratungsfolge[]`` → ``Paper.consultation``: ``role`` is the German name of the
  zustaendigkeit (Anhörung, Vorberatung, Empfehlung, Kenntnisnahme, Entscheidung, the words of
  OParl's own description of ``Consultation.role``); ``authoritative`` is true for the decision
  only.
* ``anlagen[]`` with a ``datei`` → ``Paper.auxiliaryFile``: a ``File`` with its ``name`` (the
  title) and ``fileName``; nothing is read from disk, so there is no size, checksum or MIME type,
  and ``accessUrl`` (which OParl requires) is a placeholder like the ids. An annex without a file
  is no ``File``.

What OParl 1.1 has no field for is kept as vendor extensions with the prefix ``ki:`` (OParl
1.1, "Herstellerspezifische Erweiterungen"):

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


def _consultation(paper_id: str, base: str, index: int, beratung: Any) -> dict[str, Any]:
    consultation: dict[str, Any] = {
        "id": f"{paper_id}/consultation/{index}",
        "type": OPARL + "Consultation",
        "paper": paper_id,
        "organization": [f"{base}/organization/{_slug(beratung.bezeichnung or beratung.gremium)}"],
        "authoritative": beratung.zustaendigkeit == "entscheidung",
        "role": label(beratung.zustaendigkeit),
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


def _files(paper_id: str, anlagen: list[Any]) -> list[dict[str, Any]]:
    """One ``File`` per annex that names a file; the id from the file's name, made unique by a number."""
    files = []
    seen: dict[str, int] = {}
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
            }
        )
    return files


def paper(variables: dict[str, Any], titel: str) -> dict[str, Any]:
    kommune = variables["kommune"]
    vorlage = variables["vorlage"]
    base = f"https://oparl.example/{_slug(kommune.ags or kommune.name)}"
    reference = vorlage.drucksache or ""
    paper_id = f"{base}/paper/{_slug(reference or titel)}"
    consultations = [_consultation(paper_id, base, index, b) for index, b in enumerate(vorlage.beratungsfolge, 1)]
    document: dict[str, Any] = {
        "id": paper_id,
        "type": OPARL + "Paper",
        "body": base + "/body",
        "name": titel,
        "reference": reference,
        "paperType": label(vorlage.art or "beschlussvorlage"),
        "consultation": consultations,
    }
    datum = vorlage.datum or variables["heute"]
    document["date"] = datum.isoformat()
    files = _files(paper_id, vorlage.anlagen)
    if files:
        document["auxiliaryFile"] = files
    if vorlage.aktenzeichen:
        document["ki:aktenzeichen"] = vorlage.aktenzeichen
    if vorlage.federfuehrend:
        document["keyword"] = [vorlage.federfuehrend, *vorlage.beteiligt]
    return document
