"""``ki render``: every document in every format, read back."""

from __future__ import annotations

import json
import zipfile

import pytest

from tests.helpers import CONCEPTS, VALID, replace

PROPOSAL_SECTIONS = (
    "# Der Oberbürgermeister",
    "## Betreff",
    "## Beratungsfolge",
    "## Beschlussvorschlag",
    "## Begründung",
    "## Finanzielle Auswirkungen",
    "## Anlagen",
)

VORLAGE = """\
vorlage:
  drucksache: "0815/2024"
  federfuehrend: Kommunales Integrationszentrum
  verfasser: Aylin Demir
  datum: 2024-08-20
  beteiligt: [Fachbereich Schule, Fachbereich Jugend]
  beratungsfolge:
    - gremium: integrationsrat
      bezeichnung: Integrationsrat
      datum: 2024-09-03
      zustaendigkeit: empfehlung
    - gremium: rat
      bezeichnung: Rat der Stadt Beispielstadt
      datum: 2024-09-26
      zustaendigkeit: entscheidung
"""
CONCEPT = VALID + VORLAGE
BROKEN = replace("federfuehrung: schulamt", "federfuehrung: ki", CONCEPT).replace(
    "bereich: querschnitt", "bereich: bildungskette"
)


@pytest.fixture
def concept(tmp_path):
    path = tmp_path / "konzept.yaml"
    path.write_text(CONCEPT, encoding="utf-8")
    return path


def test_proposal_markdown_to_stdout_has_every_section(cli, concept):
    result = cli("render", "proposal", str(concept))
    assert result.exit_code == 0, result.stderr
    for section in PROPOSAL_SECTIONS:
        assert section in result.stdout


def test_proposal_head_and_beratungsfolge(cli, concept):
    out = cli("render", "proposal", str(concept)).stdout
    assert "**Drucksache:** 0815/2024" in out and "**Datum:** 20.08.2024" in out
    assert "| 03.09.2024 | Integrationsrat | Empfehlung |" in out
    assert "| 26.09.2024 | Rat der Stadt Beispielstadt | Entscheidung |" in out
    assert "Anträge auf Landesförderung für die Haushaltsjahre 2025 und 2026 jeweils fristgerecht" in out
    assert "   - für das Haushaltsjahr 2025 bis zum 31.10.2024," in out


def test_kreis_proposal_is_issued_by_the_landrat(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(CONCEPT.replace("typ: kreisfreie_stadt", "typ: kreis"), encoding="utf-8")
    assert cli("render", "proposal", str(path), "--allow-errors").stdout.lstrip("> *ENTWURF").count("Der Landrat") >= 1


def test_money_dates_and_vze_in_german(cli, concept):
    out = cli("render", "proposal", str(concept)).stdout
    assert "24.000\u00a0€" in out and "48.000\u00a0€" in out
    assert "| **Summe** | **0,0** | **1,0** | **0,0** | **1,0** |" in out


def test_html_is_self_contained_german_with_th_headers(cli, concept, tmp_path):
    target = tmp_path / "v.html"
    assert cli("render", "proposal", str(concept), "-o", str(target)).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="de-DE">' in html
    assert "<th>Datum</th>" in html and "<h2>Beschlussvorschlag</h2>" in html
    assert "@page" in html and "<link" not in html and "<script" not in html


def test_html_escapes_a_partner_named_script(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(CONCEPT.replace("name: AWO", "name: \"<script>alert('x')</script>\""), encoding="utf-8")
    target = tmp_path / "v.html"
    assert cli("render", "proposal", str(path), "-o", str(target)).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_pdf_is_pdf_a_with_text_page_numbers_and_drucksache(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    assert cli("render", "proposal", str(concept), "-o", str(target)).exit_code == 0
    reader = PdfReader(str(target))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Beschlussvorschlag" in text and "24.000" in text and "Integrationsrat" in text
    assert f"Seite 1 von {len(reader.pages)}" in text and "Drucksache 0815/2024" in text
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert "pdfaid:part" in metadata and "pdfaid:conformance" in metadata
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded(font) for font in fonts)


def _embedded(font) -> bool:
    """True when the font program is inside the PDF (PDF/A requires it)."""
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font["/FontDescriptor"].get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_docx_has_headings_tables_and_page_numbers(cli, concept, tmp_path):
    import docx

    target = tmp_path / "v.docx"
    assert cli("render", "proposal", str(concept), "-o", str(target)).exit_code == 0
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Beschlussvorschlag" in headings and "Finanzielle Auswirkungen" in headings
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Datum"
    footer = zipfile.ZipFile(target).read("word/footer1.xml").decode()
    assert "PAGE" in footer and "NUMPAGES" in footer and "0815/2024" in footer


def test_oparl_paper_has_reference_and_one_consultation_per_entry(cli, concept, tmp_path):
    target = tmp_path / "v.json"
    assert cli("render", "proposal", str(concept), "-o", str(target)).exit_code == 0
    paper = json.loads(target.read_text(encoding="utf-8"))
    assert paper["type"] == "https://schema.oparl.org/1.1/Paper" and paper["reference"] == "0815/2024"
    assert [c["role"] for c in paper["consultation"]] == ["Empfehlung", "Entscheidung"]
    assert [c["authoritative"] for c in paper["consultation"]] == [False, True]


def test_docx_properties_name_the_centre_and_today(cli, concept, tmp_path):
    import datetime as dt

    import docx

    target = tmp_path / "v.docx"
    assert cli("render", "proposal", str(concept), "-o", str(target)).exit_code == 0
    properties = docx.Document(str(target)).core_properties
    assert properties.author == "Kommunales Integrationszentrum Beispielstadt"
    assert properties.title.startswith("Beschlussvorlage") and properties.language == "de-DE"
    assert properties.created.date() >= dt.date.today() - dt.timedelta(days=1)
    assert "python-docx" not in zipfile.ZipFile(target).read("docProps/core.xml").decode()


def test_oparl_ids_spell_out_umlauts(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(
        CONCEPT.replace("bezeichnung: Integrationsrat", "bezeichnung: Ausschuss für Integration"), encoding="utf-8"
    )
    target = tmp_path / "v.json"
    assert cli("render", "proposal", str(path), "-o", str(target)).exit_code == 0
    paper = json.loads(target.read_text(encoding="utf-8"))
    assert paper["consultation"][0]["organization"][0].endswith("/organization/ausschuss-fuer-integration")


def test_oparl_only_for_the_proposal(cli, concept):
    assert cli("render", "concept", str(concept), "--format", "oparl").exit_code == 2


def test_format_json_is_oparl(cli, concept, tmp_path):
    target = tmp_path / "v.json"
    assert cli("render", "proposal", str(concept), "--format", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "https://schema.oparl.org/1.1/Paper"


def test_format_that_disagrees_with_the_suffix_exits_2_and_writes_nothing(cli, concept, tmp_path):
    target = tmp_path / "v.md"
    result = cli("render", "proposal", str(concept), "--format", "pdf", "-o", str(target), "--lang", "de")
    assert result.exit_code == 2 and not target.exists()
    assert "--format pdf passt nicht zur Endung" in result.stderr and "-o v.pdf" in result.stderr


def test_format_with_an_unknown_suffix_is_taken_as_given(cli, concept, tmp_path):
    target = tmp_path / "vorlage.txt"
    assert cli("render", "proposal", str(concept), "--format", "html", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_id_outside_agreements_exits_2(cli, concept):
    result = cli("render", "proposal", str(concept), "--id", "v-x", "--lang", "en")
    assert result.exit_code == 2
    expected = "--id picks one agreement and applies only to `ki render agreements`, not to proposal."
    assert result.stderr.strip() == expected


def test_concept_covers_both_legal_areas(cli, concept):
    out = cli("render", "concept", str(concept)).stdout
    assert "Integration durch Bildung (entlang der Bildungskette) – § 8 Abs. 1 Nr. 1 TIntG" in out
    assert "Integration als Querschnittsaufgabe – § 8 Abs. 1 Nr. 2 TIntG" in out
    assert "#### Berufsorientierung" in out


def test_workplan_table(cli, concept):
    out = cli("render", "workplan", str(concept)).stdout
    assert "# Arbeitsplanung 01.01.2025 bis 31.12.2026" in out
    assert "| Übergang Schule – Beruf | Berufsorientierung | Modellprojekt | Schulamt |" in out


def test_agreements_into_a_folder_one_file_each(cli, concept, tmp_path):
    folder = tmp_path / "vereinbarungen"
    result = cli("render", "agreements", str(concept), "-o", str(folder), "--format", "docx")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in folder.iterdir()] == ["vereinbarung-v-schulamt.docx"]


def test_agreement_has_parties_responsibilities_term_and_signatures(cli, concept):
    out = cli("render", "agreements", str(concept), "--id", "v-schulamt").stdout
    assert "# Kooperationsvereinbarung" in out and "und **Schulamt**" in out
    assert "Das Schulamt verantwortet die Berufsorientierung." in out
    assert "- Ende: unbefristet" in out and "## 4. Unterschriften" in out


def test_unknown_agreement_id_exits_2_with_did_you_mean(cli, concept):
    result = cli("render", "agreements", str(concept), "--id", "v-schulamd")
    assert result.exit_code == 2 and "v-schulamt" in result.stderr


def test_concept_with_errors_is_refused(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "v.md"
    result = cli("render", "proposal", str(path), "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert "--allow-errors" in result.stderr


def test_allow_errors_marks_every_page_entwurf(cli, tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "k.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "v.pdf"
    assert cli("render", "proposal", str(path), "-o", str(target), "--allow-errors").exit_code == 0
    assert all("ENTWURF" in page.extract_text() for page in PdfReader(str(target)).pages)


def test_structurally_broken_concept_cannot_be_rendered_even_with_allow_errors(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("version: 1\nkommune: [\n", encoding="utf-8")
    assert cli("render", "proposal", str(path), "--allow-errors").exit_code == 1


def test_existing_file_is_not_overwritten_without_force(cli, concept, tmp_path):
    target = tmp_path / "v.md"
    target.write_text("alt", encoding="utf-8")
    result = cli("render", "proposal", str(concept), "-o", str(target))
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "alt"
    assert "--force" in result.stderr
    assert cli("render", "proposal", str(concept), "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Der Oberbürgermeister")


def test_refused_render_leaves_an_existing_file_untouched(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "v.md"
    target.write_text("alt", encoding="utf-8")
    assert cli("render", "proposal", str(path), "-o", str(target), "--force").exit_code == 1
    assert target.read_text(encoding="utf-8") == "alt"


def test_binary_format_needs_an_output_file(cli, concept):
    assert cli("render", "proposal", str(concept), "--format", "pdf").exit_code == 2


def test_output_folder_missing_exits_2(cli, concept, tmp_path):
    result = cli("render", "proposal", str(concept), "-o", str(tmp_path / "fehlt" / "v.md"))
    assert result.exit_code == 2 and "fehlt" in result.stderr


def test_own_template_replaces_the_builtin(cli, concept, tmp_path):
    own = tmp_path / "vorlagen"
    own.mkdir()
    (own / "proposal.md.j2").write_text("# Hausstil {{ kommune.name }}\n{{ vorlage.drucksache }}\n", encoding="utf-8")
    out = cli("render", "proposal", str(concept), "--template-dir", str(own)).stdout
    assert out == "# Hausstil Stadt Beispielstadt\n0815/2024\n"


def test_template_dir_from_ki_toml(cli, concept, tmp_path, monkeypatch):
    own = tmp_path / "vorlagen"
    own.mkdir()
    (own / "workplan.md.j2").write_text("eigene Arbeitsplanung\n", encoding="utf-8")
    (tmp_path / "ki.toml").write_text('[render]\ntemplate_dir = "vorlagen"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("render", "workplan", str(concept)).stdout == "eigene Arbeitsplanung\n"


def test_undefined_variable_names_template_and_line(cli, concept, tmp_path):
    own = tmp_path / "vorlagen"
    own.mkdir()
    (own / "proposal.md.j2").write_text("# Titel\n\n{{ gibt_es_nicht }}\n", encoding="utf-8")
    result = cli("render", "proposal", str(concept), "--template-dir", str(own))
    assert result.exit_code == 2
    assert "proposal.md.j2:3" in result.stderr and "gibt_es_nicht" in result.stderr


@pytest.mark.parametrize(
    "attack",
    [
        "{{ kommune.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ kommune.__init__.__globals__ }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_hostile_template_is_stopped_by_the_sandbox(cli, concept, tmp_path, attack):
    own = tmp_path / "vorlagen"
    own.mkdir()
    (own / "proposal.md.j2").write_text(f"# x\n{attack}\n", encoding="utf-8")
    target = tmp_path / "v.md"
    result = cli("render", "proposal", str(concept), "--template-dir", str(own), "-o", str(target))
    assert result.exit_code == 2 and not target.exists()
    assert "proposal.md.j2" in result.stderr
    assert "uid=" not in result.stdout + result.stderr


def test_file_read_through_include_is_not_possible(cli, concept, tmp_path):
    own = tmp_path / "vorlagen"
    own.mkdir()
    (own / "proposal.md.j2").write_text("{% include '/etc/passwd' %}\n", encoding="utf-8")
    result = cli("render", "proposal", str(concept), "--template-dir", str(own))
    assert result.exit_code == 2 and "root:" not in result.stdout


def test_separators_printed_by_a_template_keep_their_spaces(cli):
    """``{{ ", " if not loop.last }}`` between parts and the German enumeration of partner names: the
    Markdown escaping must not trim the spaces."""
    result = cli("render", "proposal", str(CONCEPTS / "beispielstadt" / "2025-2026.yaml"))
    assert "(5,0 VZE Fachkräfte, 0,5 VZE Verwaltungsassistenz)" in result.stdout
    expected = "dem Schulamt für die Stadt Beispielstadt, dem Fachbereich Jugend der Stadt Beispielstadt und dem Caritasverband"
    assert expected in result.stdout
