"""The proposal as OParl 1.1 JSON (``ki render proposal -f json``): the ``vorlage`` fields of
December 2026, read back with ``json`` from the bytes ``ki render`` writes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from ki_cli.config import Oparl
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


DATED = COUNCIL_PAPER.replace('  drucksache: "0815/2024"\n', '  drucksache: "0815/2024"\n  datum: 2024-08-20\n')
LEAD = COUNCIL_PAPER.replace(
    '  drucksache: "0815/2024"\n',
    '  drucksache: "0815/2024"\n  federfuehrend: Amt für Integration\n  beteiligt: [Schulamt]\n'
    "  verfasser: Aylin Kaya\n",
)
BASE = "https://ratsinfo.beispielstadt.de/oparl/v1"


def paper(text: str, settings: Oparl | None = None) -> dict[str, Any]:
    """The OParl Paper of the proposal of ``text``, as ``ki render`` writes it, parsed back;
    ``settings``: ki.toml's ``[oparl]``."""
    konzept, findings = check_loaded(load_bytes(text.encode("utf-8")), "de", domain=False)
    assert konzept is not None, [f.code for f in findings]
    env, [document] = documents.build("proposal", konzept)
    data = documents.output(env, document, "oparl", oparl=settings)
    result: dict[str, Any] = json.loads(data.decode("utf-8"))
    return result


def all_ids(document: dict[str, Any]) -> list[str]:
    """Every URL in the paper that names an object: its own, the embedded objects' and the references."""
    embedded = [document["mainFile"], *document.get("auxiliaryFile", []), *document["consultation"]]
    urls = [document["id"], document["body"], *document.get("underDirectionOf", [])]
    urls += [*document.get("originatorOrganization", []), *document.get("originatorPerson", [])]
    for item in embedded:
        urls += [item["id"], *item.get("organization", [])]
        urls += [item["accessUrl"]] if "accessUrl" in item else []
    return urls


@pytest.fixture
def no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


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


# --- created / modified ---------------------------------------------------------------------------


def test_created_is_the_date_of_the_vorlage_at_midnight_german_summer_time(no_epoch):
    assert paper(DATED)["created"] == "2024-08-20T00:00:00+02:00"


def test_created_in_winter_is_midnight_central_european_time(no_epoch):
    assert paper(DATED.replace("datum: 2024-08-20", "datum: 2024-01-15"))["created"] == "2024-01-15T00:00:00+01:00"


def test_the_paper_date_is_the_date_of_the_vorlage(no_epoch):
    assert paper(DATED)["date"] == "2024-08-20"


def test_without_a_date_of_the_vorlage_there_is_no_paper_date_and_not_today(no_epoch):
    document = paper(COUNCIL_PAPER)
    assert "date" not in document
    assert document["created"] == "2024-09-03T00:00:00+02:00"  # the first session: the paper predates it


def test_without_a_date_of_the_vorlage_created_is_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717243200")  # 2024-06-01 12:00 UTC
    assert paper(COUNCIL_PAPER)["created"] == "2024-06-01T12:00:00Z"


def test_modified_is_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727344800")  # 2024-09-26 10:00 UTC
    document = paper(DATED)
    assert (document["created"], document["modified"]) == ("2024-08-20T00:00:00+02:00", "2024-09-26T10:00:00Z")


def test_without_source_date_epoch_modified_is_the_last_session_with_a_result(no_epoch):
    assert paper(DATED)["modified"] == "2024-09-03T00:00:00+02:00"


def test_without_a_result_modified_is_created(no_epoch):
    document = paper(
        MITTEILUNG.replace('  drucksache: "0912/2025"\n', '  drucksache: "0912/2025"\n  datum: 2025-02-10\n')
    )
    assert document["modified"] == document["created"] == "2025-02-10T00:00:00+01:00"


def test_modified_is_never_before_created(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")  # 1970-01-02, long before the vorlage
    document = paper(DATED)
    assert document["modified"] == document["created"]


def test_a_source_date_epoch_that_is_no_number_is_not_used(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gestern")
    assert paper(DATED)["modified"] == "2024-09-03T00:00:00+02:00"


def test_every_embedded_object_has_created_and_modified(no_epoch):
    document = paper(WITH_ANLAGEN)
    for item in [document["mainFile"], *document["auxiliaryFile"], *document["consultation"]]:
        assert (item["created"], item["modified"]) == (document["created"], document["modified"])


def test_the_same_concept_gives_the_same_json_twice(no_epoch):
    assert paper(WITH_ANLAGEN) == paper(WITH_ANLAGEN)


# --- ids from ki.toml -----------------------------------------------------------------------------


def test_without_ki_toml_the_ids_are_placeholders_on_oparl_example():
    assert all(url.startswith("https://oparl.example/") for url in all_ids(paper(LEAD)))


def test_the_base_url_from_ki_toml_starts_every_id():
    urls = all_ids(paper(LEAD, Oparl(base_url=BASE)))
    assert all(url.startswith(BASE + "/") for url in urls), urls


def test_the_lead_office_is_under_direction_of_its_organisation_from_ki_toml():
    settings = Oparl(base_url=BASE, organisationen={"Amt für Integration": "https://ratsinfo.beispielstadt.de/org/51"})
    assert paper(LEAD, settings)["underDirectionOf"] == ["https://ratsinfo.beispielstadt.de/org/51"]


def test_an_organisation_id_from_ki_toml_is_under_the_base_url():
    settings = Oparl(base_url=BASE, organisationen={"Amt für Integration": "51"})
    assert paper(LEAD, settings)["underDirectionOf"] == [BASE + "/organization/51"]


def test_a_committee_is_found_by_its_gremium_key_in_ki_toml():
    settings = Oparl(base_url=BASE, organisationen={"rat": "1"})
    assert paper(COUNCIL_PAPER, settings)["consultation"][1]["organization"] == [BASE + "/organization/1"]


def test_a_committee_is_found_by_its_name_before_its_key():
    settings = Oparl(base_url=BASE, organisationen={"Rat der Stadt Beispielstadt": "2", "rat": "1"})
    assert paper(COUNCIL_PAPER, settings)["consultation"][1]["organization"] == [BASE + "/organization/2"]


def test_the_lead_office_is_not_a_keyword():
    document = paper(LEAD)
    assert "Amt für Integration" not in document.get("keyword", [])
    assert document["ki:beteiligt"] == ["Schulamt"]


def test_the_centre_is_the_originator_organisation_and_the_author_the_originator_person():
    document = paper(LEAD, Oparl(base_url=BASE))
    assert document["originatorOrganization"] == [BASE + "/organization/kommunales-integrationszentrum-beispielstadt"]
    assert document["originatorPerson"] == [BASE + "/person/aylin-kaya"]


# --- public, main file, embedding -----------------------------------------------------------------


def test_a_public_paper_is_marked_public():
    assert paper(COUNCIL_PAPER)["ki:oeffentlich"] is True


def test_a_non_public_paper_is_marked_non_public():
    document = paper(
        COUNCIL_PAPER.replace('  drucksache: "0815/2024"\n', '  drucksache: "0815/2024"\n  oeffentlich: nein\n')
    )
    assert document["ki:oeffentlich"] is False
    assert document["keyword"] == ["nichtöffentlich"]


def test_the_main_file_holds_the_text_of_the_proposal():
    document = paper(COUNCIL_PAPER)
    main = document["mainFile"]
    assert main["type"] == OPARL + "File" and main["mimeType"] == "text/markdown"
    assert main["name"] == document["name"]
    assert "0815/2024" in main["text"] and "Rat der Stadt Beispielstadt" in main["text"]


def test_the_main_file_id_is_none_of_the_auxiliary_files():
    text = COUNCIL_PAPER.replace("datei: bescheid-2024.pdf", "datei: beschlussvorlage")
    document = paper(text)
    assert document["mainFile"]["id"] != document["auxiliaryFile"][0]["id"]


def test_embedded_objects_have_no_back_reference_to_the_paper():
    document = paper(WITH_ANLAGEN)
    for item in [document["mainFile"], *document["auxiliaryFile"], *document["consultation"]]:
        assert "paper" not in item
