"""What the proposal (Beschlussvorlage) states, each statement on a concept built for it.

The statements follow the facts checked against published council papers (shared domain.md,
"Facts checked against public documents (December 2026)"): seconded teachers apart from the
state-funded municipal posts, the council sets the priorities, one application per budget year,
every amount a maximum, programme posts apart, the issuing office by type, a Mitteilungsvorlage
that is taken note of, and the head, signature, budget and annex fields of real papers.
"""

from __future__ import annotations

import re

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from ki_cli.render import documents
from tests.helpers import VALID, replace

KREIS = replace("typ: kreisfreie_stadt", "typ: kreis")

# A Kreis as the facts have it: 3,5 seconded teachers, 6,0 Fachkräfte and 0,5 Verwaltung of the
# KI, and posts of the Kommunales Integrationsmanagement (KIM) beside it.
KREIS_PERSONAL = """\
personal:
  - {id: lk-1, funktion: lehrkraft, vze: 1.0, finanzierung: land, einsatz: {uebergang: 1.0}}
  - {id: lk-2, funktion: lehrkraft, vze: 1.0, finanzierung: land, einsatz: {uebergang: 1.0}}
  - {id: lk-3, funktion: lehrkraft, vze: 1.0, finanzierung: land, einsatz: {uebergang: 1.0}}
  - {id: lk-4, funktion: lehrkraft, vze: 0.5, finanzierung: land, einsatz: {uebergang: 0.5}}
  - {id: fk-1, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {uebergang: 0.5, oeffnung: 0.5}}
  - {id: fk-2, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {oeffnung: 1.0}}
  - {id: fk-3, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {oeffnung: 1.0}}
  - {id: fk-4, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {oeffnung: 1.0}}
  - {id: fk-5, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {uebergang: 1.0}}
  - {id: fk-6, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {uebergang: 1.0}}
  - {id: va-1, funktion: verwaltung, vze: 0.5, finanzierung: land, einsatz: {oeffnung: 0.5}}
  - {id: kim-1, funktion: fachkraft, vze: 1.0, finanzierung: land, programm: kim, einsatz: {oeffnung: 1.0}}
  - {id: kim-2, funktion: fachkraft, vze: 1.0, finanzierung: land, programm: kim, einsatz: {oeffnung: 1.0}}
  - {id: kim-3, funktion: fachkraft, vze: 1.0, finanzierung: land, programm: kim, einsatz: {oeffnung: 1.0}}
  - {id: kim-4, funktion: fachkraft, vze: 0.5, finanzierung: land, programm: kim, einsatz: {oeffnung: 0.5}}
  - {id: kim-va, funktion: verwaltung, vze: 0.5, finanzierung: land, programm: kim, einsatz: {oeffnung: 0.5}}
"""
ONE_POST = """\
personal:
  - id: fk-1
    funktion: fachkraft
    vze: 1.0
    finanzierung: land
    besetzt_durch: Aylin Demir
    einsatz: {uebergang: 0.5, oeffnung: 0.5}
"""
KREIS_KIM = replace(ONE_POST, KREIS_PERSONAL, KREIS)

STAEDTEREGION = (
    replace("typ: kreisfreie_stadt", "typ: staedteregion").replace(
        "name: Stadt Beispielstadt", "name: StädteRegion Beispielregion"
    )
    + """\
vorlage:
  drucksache: "2024/0300"
  beratungsfolge:
    - gremium: ausschuss
      bezeichnung: Ausschuss für Bildung und Integration
      datum: 2024-11-14
      zustaendigkeit: vorberatung
    - gremium: staedteregionsausschuss
      bezeichnung: Städteregionsausschuss
      datum: 2024-12-05
      zustaendigkeit: entscheidung
"""
)

MITTEILUNG = (
    VALID
    + """\
vorlage:
  art: mitteilungsvorlage
  drucksache: "0912/2025"
  beratungsfolge:
    - gremium: integrationsrat
      datum: 2025-03-04
      zustaendigkeit: kenntnisnahme
    - gremium: ausschuss
      bezeichnung: Ausschuss für Soziales und Integration
      datum: 2025-03-12
      zustaendigkeit: kenntnisnahme
"""
)

COUNCIL_PAPER = (
    VALID
    + """\
vorlage:
  drucksache: "0815/2024"
  aktenzeichen: "40.3-KI/2024"
  herausgeber: Die Oberbürgermeisterin
  unterzeichnung:
    name: Dr. Jana Wolff
    funktion: Beigeordnete
    in_vertretung: true
  haushalt:
    produkt: "05.04.01"
    sachkonto: "5011000"
    psp_element: "1.050401.001"
  berichterstattung:
    gremium: integrationsrat
    turnus: jaehrlich
  anlagen:
    - titel: Zuwendungsbescheid der Bezirksregierung Arnsberg vom 12.12.2023
      datei: bescheid-2024.pdf
  beratungsfolge:
    - gremium: integrationsrat
      bezeichnung: Integrationsrat der Stadt Beispielstadt
      datum: 2024-09-03
      zustaendigkeit: empfehlung
      ergebnis: beschlossen
      abstimmung: {ja: 9, nein: 0, enthaltung: 1}
    - gremium: rat
      bezeichnung: Rat der Stadt Beispielstadt
      datum: 2024-09-26
      zustaendigkeit: entscheidung
"""
)


def render(text: str, kind: str = "proposal") -> str:
    """The Markdown of ``kind`` for the concept ``text``, rendered in-process (findings do not stop it)."""
    konzept, findings = check_loaded(load_bytes(text.encode("utf-8")), "de", domain=False)
    assert konzept is not None, [f.code for f in findings]
    return documents.build(kind, konzept)[1][0].markdown


def section(markdown: str, heading: str) -> str:
    """The text of the ``## heading`` section, up to the next ``## `` heading."""
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end >= 0 else None]


# seconded teachers apart from state-funded municipal posts


def test_seconded_teachers_are_stated_apart_from_the_state_funded_municipal_posts():
    beschluss = section(render(KREIS_KIM), "Beschlussvorschlag")
    assert "vom Land abgeordnete Lehrkräfte im Umfang von 3,5 VZE" in beschluss
    assert (
        "vom Land geförderte kommunale Stellen im Umfang von 6,5 VZE (6,0 VZE Fachkräfte, 0,5 VZE Verwaltungsassistenz)"
        in beschluss
    )


def test_no_post_count_calls_teachers_state_financed_posts():
    out = render(KREIS_KIM)
    assert "landesfinanzierten Stellen" not in out
    assert not re.search(r"geförderte[n]? .*Lehrkr", section(out, "Beschlussvorschlag"))


def test_the_reasoning_says_teachers_are_not_paid_from_the_grant():
    assert "werden nicht aus der Landesförderung finanziert" in section(render(KREIS_KIM), "Begründung")


# programme posts listed apart


def test_kim_posts_are_listed_apart_and_not_counted_in_the_ki_posts():
    out = render(KREIS_KIM)
    beschluss = section(out, "Beschlussvorschlag")
    assert "Kommunales Integrationsmanagement (KIM): 4,0 VZE" in beschluss
    assert "nicht Teil der Stellen und der Förderung des Kommunalen Integrationszentrums" in beschluss
    assert "| Kommunales Integrationsmanagement (KIM) | 0,0 | 3,5 | 0,5 | 4,0 |" in out
    # the KI's own staffing table counts 3,5 + 6,0 + 0,5, not the KIM posts
    assert "| **Summe** | **3,5** | **6,0** | **0,5** | **10,0** |" in out


def test_a_ki_without_programme_posts_says_nothing_of_other_programmes():
    assert "Landesprogramme" not in render(KREIS)


# who sets the priorities (§ 8 TIntG)


def test_the_council_sets_the_priorities_and_the_ki_carries_them_out():
    out = render(KREIS)
    assert "1. Der Kreistag legt für den Zeitraum 01.01.2025 bis 31.12.2026 folgende Schwerpunkte" in out
    assert "Das Kommunale Integrationszentrum setzt diese Schwerpunkte" in out
    assert "legt die Kommune – hier der Kreistag – die Schwerpunkte" in out
    assert "setzt das Zentrum" not in out


def test_a_delegated_committee_sets_the_priorities_where_it_decides():
    out = render(STAEDTEREGION)
    assert "1. Der Städteregionsausschuss legt für den Zeitraum" in out


# the issuing office


def test_the_issuing_office_follows_the_type_of_municipality():
    assert render(VALID).startswith("# Der Oberbürgermeister\n")
    assert render(KREIS).startswith("# Der Landrat\n")
    assert render(STAEDTEREGION).startswith("# Der Städteregionsrat\n")
    town = replace("typ: kreisfreie_stadt", "typ: kreisangehoerige_stadt")
    assert render(town).startswith("# Der Bürgermeister\n")


def test_vorlage_herausgeber_overrides_the_issuing_office():
    out = render(COUNCIL_PAPER)
    assert out.startswith("# Die Oberbürgermeisterin\n")
    assert "Der Oberbürgermeister" not in out


# Mitteilungsvorlage


def test_a_mitteilungsvorlage_has_no_resolution():
    out = render(MITTEILUNG)
    assert "**Mitteilungsvorlage**" in out and "Beschlussvorlage" not in out
    assert "## Beschlussvorschlag" not in out and "beschließt" not in out and " legt für den Zeitraum" not in out


def test_a_mitteilungsvorlage_ends_in_taking_note():
    out = render(MITTEILUNG)
    note = "Der Integrationsrat und der Ausschuss für Soziales und Integration nehmen die Mitteilung"
    assert note in out and out.rstrip().split("## Anlagen")[0].rstrip().endswith("zur Kenntnis.")


def test_a_beschlussvorlage_does_not_take_note_of_itself():
    assert "die Mitteilung über" not in render(VALID)


# head, Beratungsfolge result, signature, budget, report, annexes


def test_the_head_shows_the_aktenzeichen():
    assert "**Aktenzeichen:** 40.3-KI/2024\\" in render(COUNCIL_PAPER)


def test_the_beratungsfolge_shows_result_and_votes_after_the_session():
    out = render(COUNCIL_PAPER)
    assert "| Datum | Gremium | Zuständigkeit | Ergebnis |" in out
    assert (
        "| 03.09.2024 | Integrationsrat der Stadt Beispielstadt | Empfehlung | beschlossen (Ja 9, Nein 0, Enthaltungen 1) |"
        in out
    )
    assert "| 26.09.2024 | Rat der Stadt Beispielstadt | Entscheidung | — |" in out


def test_the_beratungsfolge_has_no_result_column_before_the_session():
    assert "Ergebnis |" not in render(STAEDTEREGION)


def test_the_signature_block_signs_in_vertretung():
    out = render(COUNCIL_PAPER)
    assert "Die Oberbürgermeisterin\\\nIn Vertretung\\\nDr. Jana Wolff, Beigeordnete\n" in out


def test_no_signature_block_without_unterzeichnung():
    assert "In Vertretung" not in render(VALID)


def test_the_budget_lines_are_in_the_finance_section():
    finanzen = section(render(COUNCIL_PAPER), "Finanzielle Auswirkungen")
    assert "Produkt 05.04.01, Sachkonto 5011000, PSP-Element 1.050401.001" in finanzen


def test_the_resolution_is_subject_to_the_grant_and_the_budget():
    beschluss = section(render(COUNCIL_PAPER), "Beschlussvorschlag")
    assert "vorbehaltlich der Bewilligung der Landesförderung und des Haushaltsbeschlusses" in beschluss


def test_no_proviso_when_vorbehalt_is_false():
    paper = COUNCIL_PAPER.replace(
        '    psp_element: "1.050401.001"\n', '    psp_element: "1.050401.001"\n    vorbehalt: false\n'
    )
    assert "vorbehaltlich" not in render(paper)


def test_the_resolution_mandates_regular_reports():
    beschluss = section(render(COUNCIL_PAPER), "Beschlussvorschlag")
    assert (
        "Die Verwaltung wird beauftragt, dem Integrationsrat der Stadt Beispielstadt regelmäßig (jährlich) "
        "über den Stand der Umsetzung zu berichten." in beschluss
    )


def test_real_attachments_are_listed_after_the_generated_ones():
    anlagen = section(render(COUNCIL_PAPER), "Anlagen")
    assert "1. Schwerpunktkonzept 01.01.2025 bis 31.12.2026" in anlagen
    assert "3. Arbeitsplanung für beide gesetzlichen Schwerpunkte" in anlagen
    assert "4. Zuwendungsbescheid der Bezirksregierung Arnsberg vom 12.12.2023 (Datei: bescheid-2024.pdf)" in anlagen


# agreements: signed ones are taken note of, drafts get a mandate


def test_a_draft_agreement_gets_a_mandate_to_conclude_it():
    beschluss = section(render(VALID), "Beschlussvorschlag")
    assert (
        "Die Verwaltung wird beauftragt, die Vereinbarung mit dem Schulamt wie in der Begründung dargestellt abzuschließen"
        in beschluss
    )
    assert "zustimmend zur Kenntnis" not in beschluss


def test_a_signed_agreement_is_taken_note_of():
    signed = replace("    status: entwurf\n", "    status: unterzeichnet\n    unterzeichnet_am: 2024-12-01\n")
    beschluss = section(render(signed), "Beschlussvorschlag")
    assert "nimmt die unterzeichnete Vereinbarung mit dem Schulamt zustimmend zur Kenntnis" in beschluss


# German, no vocabulary words


def test_no_vocabulary_key_appears_in_a_proposal():
    for text in (KREIS_KIM, STAEDTEREGION, MITTEILUNG, COUNCIL_PAPER):
        out = render(text)
        for key in (
            "kreisfreie_stadt",
            "staedteregion",
            "mitteilungsvorlage",
            "kim",
            "jaehrlich",
            "kenntnisnahme",
            "integrationsrat",
            "beschlussvorlage",
            "programm",
        ):
            assert not re.search(rf"(?<![\w-]){key}(?![\w-])", out), (key, text[:40])


# money per budget year

MARCH = replace("  beginn: 2025-01-01\n  ende: 2026-12-31\n", "  beginn: 2027-03-01\n  ende: 2029-02-28\n").replace(
    "    beginn: 2025-01-01\n    status: entwurf\n", "    beginn: 2027-03-01\n    status: entwurf\n"
)
GRANTED_2027 = """\
foerderung:
  - jahr: 2027
    programm: ki
    beantragt: 45000
    bewilligt: 45000
    antrag_am: 2026-10-15
    bescheid_am: 2027-02-01
"""
WITH_COST = replace("    besetzt_durch: Aylin Demir\n", "    besetzt_durch: Aylin Demir\n    kosten: 70000\n", MARCH)


def test_a_period_from_1_march_gives_one_line_per_budget_year_with_its_deadline():
    finanzen = section(render(MARCH), "Finanzielle Auswirkungen")
    assert "| 2027 (März–Dezember, 10 Monate) | 31.10.2026 | bis zu 47.500\u00a0€ |" in finanzen
    assert "| 2028 | 31.10.2027 | bis zu 57.000\u00a0€ |" in finanzen
    assert "| 2029 (Januar–Februar, 2 Monate) | 31.10.2028 | bis zu 9.500\u00a0€ |" in finanzen
    assert "| **Zeitraum** |  | **bis zu 114.000\u00a0€** |" in finanzen


def test_the_resolution_mandates_one_application_per_budget_year():
    beschluss = section(render(MARCH), "Beschlussvorschlag")
    assert (
        "die erforderlichen Anträge auf Landesförderung für die Haushaltsjahre 2027, 2028 und 2029 jeweils "
        "fristgerecht bei der Bezirksregierung Arnsberg" in beschluss
    )
    for line in (
        "   - für das Haushaltsjahr 2027 bis zum 31.10.2026,",
        "   - für das Haushaltsjahr 2028 bis zum 31.10.2027,",
        "   - für das Haushaltsjahr 2029 bis zum 31.10.2028.",
    ):
        assert line in beschluss


def test_no_single_deadline_for_the_whole_period():
    out = render(MARCH)
    assert "für den Zeitraum bis zum" not in out


def test_a_deadline_before_the_decision_is_said_so():
    beschluss = section(render(STAEDTEREGION), "Beschlussvorschlag")
    assert (
        "für das Haushaltsjahr 2025 bis zum 31.10.2024 (die Frist endet vor der Entscheidung am 05.12.2024; "
        "ein vorbehaltlich dieses Beschlusses gestellter Antrag wird bestätigt)" in beschluss
    )
    assert "für das Haushaltsjahr 2026 bis zum 31.10.2025." in beschluss


def test_every_grant_amount_is_a_maximum_never_a_product():
    out = render(KREIS_KIM)
    assert "×" not in out and "Fachkraft-VZE" not in out
    finanzen = section(out, "Finanzielle Auswirkungen")
    assert "| Fachkräfte | 6,0 | bis zu 57.000\u00a0€ je Stelle | bis zu 342.000\u00a0€ |" in finanzen
    assert "| Verwaltungsassistenz | 0,5 | bis zu 22.500\u00a0€ je halbe Stelle | bis zu 22.500\u00a0€ |" in finanzen
    foerderung = finanzen.split("### Kosten")[0]
    assert re.findall(r"^\| 20\d\d", foerderung, re.M)
    for row in re.findall(r"^\| 20\d\d[^|]*\|[^|]*\| ([^|]*) \|", foerderung, re.M):
        assert row.startswith("bis zu "), row


def test_programme_posts_are_not_in_the_grant():
    finanzen = section(render(KREIS_KIM), "Finanzielle Auswirkungen")
    assert "| **Summe** |  |  | **bis zu 364.500\u00a0€** |" in finanzen
    assert "(Kommunales Integrationsmanagement (KIM): 4,0 VZE) werden gesondert gefördert" in finanzen


def test_seconded_teachers_are_not_part_of_the_grant():
    finanzen = section(render(KREIS_KIM), "Finanzielle Auswirkungen")
    assert (
        "| vom Land abgeordnete Lehrkräfte | 3,5 | Lehrerstellen des Landes, nicht Teil der Förderung | — |" in finanzen
    )


def test_applied_and_granted_amounts_are_shown_beside_the_maxima():
    finanzen = section(render(MARCH + GRANTED_2027), "Finanzielle Auswirkungen")
    assert "| Haushaltsjahr | Antragsfrist | Landesförderung (Höchstbetrag) | beantragt | bewilligt |" in finanzen
    assert (
        "| 2027 (März–Dezember, 10 Monate) | 31.10.2026 | bis zu 47.500\u00a0€ | 45.000\u00a0€ | 45.000\u00a0€ |"
        in finanzen
    )
    assert "| 2028 | 31.10.2027 | bis zu 57.000\u00a0€ | — | — |" in finanzen


def test_a_granted_year_gets_no_new_application_mandate():
    beschluss = section(render(MARCH + GRANTED_2027), "Beschlussvorschlag")
    assert "für die Haushaltsjahre 2028 und 2029 jeweils fristgerecht" in beschluss
    assert "für das Haushaltsjahr 2027 bis zum" not in beschluss
    assert (
        "Bereits gestellt: für das Haushaltsjahr 2027 bewilligt mit Bescheid vom 01.02.2027 (45.000\u00a0€)"
        in beschluss
    )


def test_without_personnel_cost_the_proposal_says_it_is_not_included():
    finanzen = section(render(MARCH), "Finanzielle Auswirkungen")
    assert "Personalkosten sind im Eigenanteil nicht enthalten" in finanzen
    assert "| 2028 | 24.000\u00a0€ | 0\u00a0€ | 24.000\u00a0€ |" in finanzen


def test_the_own_share_includes_personnel_cost_above_the_grant():
    finanzen = section(render(WITH_COST + GRANTED_2027), "Finanzielle Auswirkungen")
    assert "Personalkosten sind im Eigenanteil nicht enthalten" not in finanzen
    assert "soweit sie die Landesförderung übersteigen" in finanzen
    assert (
        "| Haushaltsjahr | Sachkosten der Kommune | Sachkosten der Maßnahmen | Personalkosten der Kommune | Eigenanteil der Kommune |\n|---|---|---|---|---|\n"
        in finanzen
    )
    # 2028: 70.000 € cost − up to 57.000 € grant = 13.000 €; 24.000 € material costs
    assert "| 2028 | 24.000\u00a0€ | 0\u00a0€ | 13.000\u00a0€ | 37.000\u00a0€ |" in finanzen
    # 2027 (10 months): 58.333,33 € cost − 45.000 € granted = 13.333,33 €; 20.000 € material costs
    assert "| 2027 (10 Monate) | 20.000\u00a0€ | 0\u00a0€ | 13.333,33\u00a0€ | 33.333,33\u00a0€ |" in finanzen


def test_the_work_plan_gives_one_line_per_budget_year():
    out = render(MARCH + GRANTED_2027, "workplan")
    assert (
        "| 2027 (März–Dezember, 10 Monate) | 31.10.2026 | bis zu 47.500\u00a0€ | 45.000\u00a0€ | 45.000\u00a0€ |" in out
    )
    assert "| 2029 (Januar–Februar, 2 Monate) | 31.10.2028 | bis zu 9.500\u00a0€ | — | — |" in out
    assert "landesfinanziert" not in out


def test_the_work_plan_lists_teachers_and_programme_posts_apart():
    out = render(KREIS_KIM, "workplan")
    assert "| vom Land abgeordnete Lehrkräfte | 3,5 | 0,0 | 0,0 | 3,5 |" in out
    assert "| vom Land geförderte kommunale Stellen | 0,0 | 6,0 | 0,5 | 6,5 |" in out
    assert "| Kommunales Integrationsmanagement (KIM) (gesondert gefördert, nicht Teil der Stellen des KI) |" in out


def _fachkraefte(count: int) -> str:
    return "personal:\n" + "".join(
        f"  - {{id: fk-{i}, funktion: fachkraft, vze: 1.0, finanzierung: land, einsatz: {{uebergang: 1.0}}}}\n"
        for i in range(count)
    )


def test_an_amount_the_pack_does_not_record_is_nicht_hinterlegt_never_guessed():
    kreis_2018 = replace(ONE_POST, _fachkraefte(6), KREIS).replace(
        'foerderrichtlinie: "2025"', 'foerderrichtlinie: "2018"'
    )
    finanzen = section(render(kreis_2018), "Finanzielle Auswirkungen")
    assert "| Fachkräfte | 3,0 | Festbetrag nicht hinterlegt | nicht hinterlegt |" in finanzen
    assert "| weitere Fachkraftstellen | 3,0 | bis zu 50.000\u00a0€ je Stelle | bis zu 150.000\u00a0€ |" in finanzen
    assert "| 2025 | nicht hinterlegt | nicht hinterlegt (davon hinterlegt: bis zu 150.000\u00a0€) |" in finanzen
    beschluss = section(render(kreis_2018), "Beschlussvorschlag")
    assert "für das Haushaltsjahr 2025 (Antragsfrist nicht hinterlegt)," in beschluss
