"""The proposal as OParl 1.1 JSON (``ki render proposal -f json``): the ``vorlage`` fields of
December 2026, read back with ``json`` from the bytes ``ki render`` writes."""

from __future__ import annotations

import json
from typing import Any

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from ki_cli.render import documents
from tests.helpers import CONCEPTS, VALID
from tests.unit.test_proposal_statements import COUNCIL_PAPER, MITTEILUNG

OPARL = "https://schema.oparl.org/1.1/"
HOHENFELD = (CONCEPTS / "kreis-hohenfeld" / "2027-2028.yaml").read_text(encoding="utf-8")

ANLAGEN = """\
  anlagen:
    - titel: Zuwendungsbescheid 2024
      datei: anlagen/bescheid-2024.pdf
    - titel: Stellungnahme des Integrationsrats
    - titel: Zuwendungsbescheid 2024, Nachtrag
      datei: bescheid-2024.pdf
"""
WITH_ANLAGEN = COUNCIL_PAPER.replace(
    "  anlagen:\n    - titel: Zuwendungsbescheid der Bezirksregierung Arnsberg vom 12.12.2023\n"
    "      datei: bescheid-2024.pdf\n",
    ANLAGEN,
)


def paper(text: str) -> dict[str, Any]:
    """The OParl Paper of the proposal of ``text``, as ``ki render`` writes it, parsed back."""
    konzept, findings = check_loaded(load_bytes(text.encode("utf-8")), "de", domain=False)
    assert konzept is not None, [f.code for f in findings]
    env, [document] = documents.build("proposal", konzept)
    result: dict[str, Any] = json.loads(documents.output(env, document, "oparl").decode("utf-8"))
    return result


def test_a_beschlussvorlage_has_paper_type_beschlussvorlage():
    assert paper(COUNCIL_PAPER)["paperType"] == "Beschlussvorlage"


def test_a_mitteilungsvorlage_has_paper_type_mitteilungsvorlage():
    assert paper(MITTEILUNG)["paperType"] == "Mitteilungsvorlage"


def test_a_mitteilungsvorlage_is_not_named_a_beschlussvorlage():
    assert paper(MITTEILUNG)["name"].startswith("Mitteilungsvorlage: Schwerpunktsetzung")


def test_a_paper_without_vorlage_is_a_beschlussvorlage():
    assert paper(VALID)["paperType"] == "Beschlussvorlage"


def test_the_drucksache_is_the_reference():
    assert paper(COUNCIL_PAPER)["reference"] == "0815/2024"


def test_the_aktenzeichen_is_a_vendor_extension_beside_the_reference():
    document = paper(COUNCIL_PAPER)
    assert document["ki:aktenzeichen"] == "40.3-KI/2024"
    assert "40.3-KI/2024" not in document["reference"] and "40.3-KI/2024" not in document.get("keyword", [])


def test_no_aktenzeichen_key_without_an_aktenzeichen():
    assert "ki:aktenzeichen" not in paper(MITTEILUNG)


def test_the_roles_are_oparls_german_words_in_the_order_of_the_beratungsfolge():
    consultations = paper(HOHENFELD)["consultation"]
    assert [c["role"] for c in consultations] == ["Vorberatung", "Empfehlung", "Entscheidung"]


def test_kenntnisnahme_is_a_role():
    assert [c["role"] for c in paper(MITTEILUNG)["consultation"]] == ["Kenntnisnahme", "Kenntnisnahme"]


def test_only_the_decision_is_authoritative():
    assert [c["authoritative"] for c in paper(HOHENFELD)["consultation"]] == [False, False, True]


def test_a_mitteilungsvorlage_has_no_authoritative_consultation():
    assert not any(c["authoritative"] for c in paper(MITTEILUNG)["consultation"])


def test_the_result_of_a_session_is_kept_beside_its_consultation():
    first, second = paper(COUNCIL_PAPER)["consultation"]
    assert first["ki:ergebnis"] == "beschlossen"
    assert "ki:ergebnis" not in second


def test_the_result_uses_the_german_words_of_agenda_item_result():
    text = COUNCIL_PAPER.replace("      ergebnis: beschlossen\n", "      ergebnis: geaendert_beschlossen\n")
    assert paper(text)["consultation"][0]["ki:ergebnis"] == "geändert beschlossen"


def test_the_votes_of_a_session_are_kept_beside_its_consultation():
    first, second = paper(COUNCIL_PAPER)["consultation"]
    assert first["ki:abstimmung"] == {"ja": 9, "nein": 0, "enthaltung": 1}
    assert "ki:abstimmung" not in second


def test_votes_that_are_not_given_are_left_out():
    text = COUNCIL_PAPER.replace("{ja: 9, nein: 0, enthaltung: 1}", "{ja: 9}")
    assert paper(text)["consultation"][0]["ki:abstimmung"] == {"ja": 9}


def test_an_attachment_with_a_file_is_an_auxiliary_file_with_its_name():
    [file] = paper(COUNCIL_PAPER)["auxiliaryFile"]
    assert file["type"] == OPARL + "File"
    assert file["name"] == "Zuwendungsbescheid der Bezirksregierung Arnsberg vom 12.12.2023"
    assert file["fileName"] == "bescheid-2024.pdf"


def test_an_auxiliary_file_has_the_access_url_oparl_requires_and_nothing_read_from_disk():
    [file] = paper(COUNCIL_PAPER)["auxiliaryFile"]
    assert file["accessUrl"].startswith(file["id"])
    assert not {"size", "sha1Checksum", "sha512Checksum", "mimeType", "text"} & file.keys()


def test_an_attachment_without_a_file_is_no_auxiliary_file():
    names = [f["name"] for f in paper(WITH_ANLAGEN)["auxiliaryFile"]]
    assert names == ["Zuwendungsbescheid 2024", "Zuwendungsbescheid 2024, Nachtrag"]


def test_the_file_name_has_no_folder():
    assert paper(WITH_ANLAGEN)["auxiliaryFile"][0]["fileName"] == "bescheid-2024.pdf"


def test_two_files_of_the_same_name_get_different_ids():
    first, second = paper(WITH_ANLAGEN)["auxiliaryFile"]
    assert first["id"] != second["id"]


def test_no_auxiliary_file_without_attachments():
    assert "auxiliaryFile" not in paper(HOHENFELD)


def test_the_ids_are_the_same_in_every_rendering():
    def ids(document: dict[str, Any]) -> list[str]:
        return [
            document["id"],
            *(c["id"] for c in document["consultation"]),
            *(f["id"] for f in document["auxiliaryFile"]),
        ]

    assert ids(paper(WITH_ANLAGEN)) == ids(paper(WITH_ANLAGEN))


def test_the_ids_are_unique():
    document = paper(WITH_ANLAGEN)
    ids = [document["id"], *(c["id"] for c in document["consultation"]), *(f["id"] for f in document["auxiliaryFile"])]
    assert len(set(ids)) == len(ids)
