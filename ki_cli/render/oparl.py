"""The proposal as an OParl 1.1 ``Paper`` with one ``Consultation`` per Beratungsfolge entry.

OParl objects are identified by URLs of the council information system that publishes them.
``ki`` is not that system, so ids are placeholders under ``https://oparl.example/`` built from
the AGS (or the municipality's name) and the Drucksache; an importer maps them to its own.
The Beratungsfolge's date and committee name, for which OParl's ``Consultation`` has no field
of its own, are kept as vendor extensions ``ki:datum`` and ``ki:gremium``.
"""

from __future__ import annotations

import re
from typing import Any

from ki_cli.render.labels import label
from ki_cli.text import transliterate

OPARL = "https://schema.oparl.org/1.1/"


def _slug(text: str) -> str:
    """A part of an OParl URL: lower case ASCII, umlauts spelt out (``für`` → ``fuer``)."""
    return re.sub(r"[^a-z0-9]+", "-", transliterate(text.lower())).strip("-") or "x"


def paper(variables: dict[str, Any], titel: str) -> dict[str, Any]:
    kommune = variables["kommune"]
    vorlage = variables["vorlage"]
    base = f"https://oparl.example/{_slug(kommune.ags or kommune.name)}"
    reference = vorlage.drucksache or ""
    paper_id = f"{base}/paper/{_slug(reference or titel)}"
    consultations = [
        {
            "id": f"{paper_id}/consultation/{index}",
            "type": OPARL + "Consultation",
            "paper": paper_id,
            "organization": [f"{base}/organization/{_slug(b.bezeichnung or b.gremium)}"],
            "authoritative": b.zustaendigkeit == "entscheidung",
            "role": label(b.zustaendigkeit),
            "ki:datum": b.datum.isoformat(),
            "ki:gremium": b.bezeichnung or label(b.gremium),
        }
        for index, b in enumerate(vorlage.beratungsfolge, 1)
    ]
    document: dict[str, Any] = {
        "id": paper_id,
        "type": OPARL + "Paper",
        "body": base + "/body",
        "name": titel,
        "reference": reference,
        "paperType": "Beschlussvorlage",
        "consultation": consultations,
    }
    datum = vorlage.datum or variables["heute"]
    document["date"] = datum.isoformat()
    if vorlage.federfuehrend:
        document["keyword"] = [vorlage.federfuehrend, *vorlage.beteiligt]
    return document
