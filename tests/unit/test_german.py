"""German in the documents: articles and cases from the name's head noun (``ki_cli.render.german``),
``partner[].artikel`` overriding them, lists joined with "und", no doubled names, no slide jargon."""

from __future__ import annotations

import pytest

from ki_cli.render.german import akkusativ, dativ, genus, nominativ
from tests.helpers import VALID, replace
from tests.unit.test_proposal_statements import render, section

# Real partner names of the bundled concepts and of the facts, with the dative a reader expects.
DATIVE = {
    "Agentur für Arbeit Lindenberg": "der Agentur für Arbeit Lindenberg",
    "Ausländer- und Einbürgerungsbehörde des Kreises Hohenfeld": "der Ausländer- und Einbürgerungsbehörde des Kreises Hohenfeld",
    "AWO Kreisverband Hohenfeld e. V.": "dem AWO Kreisverband Hohenfeld e. V.",
    "Caritasverband für die Region Lindenberg e. V.": "dem Caritasverband für die Region Lindenberg e. V.",
    "DRK-Kreisverband Musterland e. V.": "dem DRK-Kreisverband Musterland e. V.",
    "Gemeinde Lindhorst": "der Gemeinde Lindhorst",
    "Stadt Musterstadt": "der Stadt Musterstadt",
    "Integrationsagentur der Caritas im Kreis Hohenfeld": "der Integrationsagentur der Caritas im Kreis Hohenfeld",
    "Integrationsagentur des DRK Musterland": "der Integrationsagentur des DRK Musterland",
    "Jugendamt des Kreises Hohenfeld": "dem Jugendamt des Kreises Hohenfeld",
    "Forum der Migrantenorganisationen in der StädteRegion": "dem Forum der Migrantenorganisationen in der StädteRegion",
    "Netzwerk der Migrantenorganisationen im Kreis Hohenfeld": "dem Netzwerk der Migrantenorganisationen im Kreis Hohenfeld",
    "Verbund der Migrantenorganisationen im Kreis Musterland": "dem Verbund der Migrantenorganisationen im Kreis Musterland",
    "Schulamt für den Kreis Hohenfeld": "dem Schulamt für den Kreis Hohenfeld",
    "Schulamt für die Stadt Beispielstadt": "dem Schulamt für die Stadt Beispielstadt",
    "Fachbereich Jugend der Stadt Beispielstadt": "dem Fachbereich Jugend der Stadt Beispielstadt",
    "Industrie- und Handelskammer Beispielstadt": "der Industrie- und Handelskammer Beispielstadt",
    "Jobcenter Beispielstadt": "dem Jobcenter Beispielstadt",
    "Volkshochschule Beispielstadt": "der Volkshochschule Beispielstadt",
    "Amt für Kinder, Jugend und Familie der Stadt Mühlenbeck": "dem Amt für Kinder, Jugend und Familie der Stadt Mühlenbeck",
    "Diakonisches Werk Mühlenbeck": "dem Diakonischen Werk Mühlenbeck",
    "Diakonie Mühlenbeck": "der Diakonie Mühlenbeck",
    "Paritätischer Wohlfahrtsverband NRW": "dem Paritätischen Wohlfahrtsverband NRW",
    "Kommunales Integrationszentrum der StädteRegion Lindenberg": "dem Kommunalen Integrationszentrum der StädteRegion Lindenberg",
}


@pytest.mark.parametrize(("name", "expected"), DATIVE.items())
def test_the_dative_article_comes_from_the_head_noun(name, expected):
    assert dativ(name) == expected


def test_accusative_and_nominative_decline_the_article_and_the_adjective():
    assert akkusativ("Diakonisches Werk Mühlenbeck") == "das Diakonische Werk Mühlenbeck"
    assert akkusativ("Caritasverband Beispielstadt e. V.") == "den Caritasverband Beispielstadt e. V."
    assert (
        nominativ("Kommunales Integrationszentrum Beispielstadt") == "das Kommunale Integrationszentrum Beispielstadt"
    )


@pytest.mark.parametrize("name", ["Mosaik e. V.", "Die Brücke e. V.", "Darmstadt", "Evangelische Jugend Mühlenbeck"])
def test_a_name_of_unknown_gender_gets_no_guessed_article(name):
    assert genus(name) is None
    assert dativ(name) == f"dem Partner {name}" and akkusativ(name) == f"den Partner {name}"


def test_the_given_artikel_overrides_the_lexicon():
    assert dativ("Mosaik e. V.", "das") == "dem Mosaik e. V."
    assert dativ("Caritas Mühlenbeck", "der") == "dem Caritas Mühlenbeck"
    assert akkusativ("Treffpunkt Vielfalt", "die") == "die Treffpunkt Vielfalt"


# sentences of the rendered documents

TWO = replace(
    "    status: entwurf\n",
    "    status: entwurf\n"
    "  - {id: v-diakonie, partner: diakonie, form: kooperationsvereinbarung, gegenstand: Beratung, "
    "zustaendigkeit_partner: Beratung, beitrag_ki: Fortbildung, beginn: 2025-01-01, status: entwurf}\n",
)


def with_partner(text: str, line: str) -> str:
    return text.replace("partner:\n", f"partner:\n{line}\n", 1)


def test_the_mandate_names_every_partner_with_its_article_joined_with_und():
    text = with_partner(TWO, "  - {id: diakonie, name: Diakonisches Werk Beispielstadt, art: freier_traeger}")
    beschluss = section(render(text), "Beschlussvorschlag")
    assert "die Vereinbarungen mit dem Schulamt und dem Diakonischen Werk Beispielstadt wie in" in beschluss


def test_partner_artikel_overrides_the_derived_article_in_the_proposal():
    text = with_partner(TWO, "  - {id: diakonie, name: Mosaik e. V., art: freier_traeger, artikel: das}")
    assert "mit dem Schulamt und dem Mosaik e. V. wie in" in section(render(text), "Beschlussvorschlag")


def test_no_slide_jargon_in_the_resolution():
    signed = replace("    status: entwurf\n", "    status: unterzeichnet\n    unterzeichnet_am: 2024-12-01\n")
    beschluss = section(render(signed), "Beschlussvorschlag")
    assert "Fokus Migration" not in beschluss and "bringt" not in beschluss
    assert "unterstützt sie mit seiner Expertise zu Migration und Integration" in beschluss


def test_the_centre_is_named_once_not_twice():
    markdown = render(VALID)
    assert "Das Kommunale Integrationszentrum Beispielstadt ist organisatorisch angebunden" in markdown
    assert "(Kommunales Integrationszentrum" not in markdown


def test_the_agreements_signature_block_takes_the_accusative():
    markdown = render(VALID, "agreements")
    assert "| Für das Schulamt: |" in markdown
    assert "bringt den Fokus Migration ein" not in markdown


def test_the_annex_list_names_the_partner_with_its_article():
    assert "Kooperationsvereinbarung mit dem Schulamt" in render(VALID)
