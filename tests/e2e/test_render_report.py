"""``ki render report FILE --jahr YYYY`` through the command line in every format, read back: the
figures, the progress and the deviations in the Markdown, the HTML (with its charts as SVG), the PDF
(pypdf) and the Word file (python-docx, with its charts as pictures); the Mitteilungsvorlage's head;
the usage errors of ``--jahr``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import CONCEPTS

MUSTERLAND = CONCEPTS / "kreis-musterland" / "2025-2026.yaml"
NBSP = "\u00a0"

FIGURES = (
    "Sachbericht für das Haushaltsjahr 2025",
    "Kita-Einstieg – Brücken bauen in frühe Bildung",
    f"6.400{NBSP}€",  # spent, against 6.000 € planned
    f"50{NBSP}% des Wegs vom Ausgangswert 4 Kommunen zum Zielwert 10 Kommunen geschafft",
    "Für Arabisch und Ukrainisch fanden sich bis zum Schuljahresbeginn keine Lehrkräfte",  # a reason
    f"bis zu 364.500{NBSP}€",
)


def _flat(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


@pytest.fixture
def mitteilung(tmp_path):
    text = MUSTERLAND.read_text(encoding="utf-8").replace(
        '  drucksache: "KT/0210/2024"\n', '  drucksache: "KT/0133/2026"\n  art: mitteilungsvorlage\n', 1
    )
    path = tmp_path / "2025-2026.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_to_standard_output_has_the_figures_progress_and_deviations(cli):
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2025")
    assert result.exit_code == 0, result.stderr
    for figure in FIGURES:
        assert figure in result.stdout
    assert "## 4. Abweichungen von der Planung und ihre Gründe" in result.stdout
    assert "⟦" not in result.stdout  # the charts' markers are not left in the Markdown


def test_html_carries_each_goals_chart_as_svg_with_an_alt_text(cli, tmp_path):
    target = tmp_path / "bericht.html"
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2025", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") == 4 and html.count('<figure class="diagramm" role="img" aria-label="') == 4
    assert 'aria-label="Diagramm zum Ziel „Schnelle Erstberatung und Zuweisung zur Schule“' in html
    assert "⟦" not in html and "<img" not in html


def test_pdf_reads_back_with_the_figures_and_the_sachbericht_title(cli, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "bericht.pdf"
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2025", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(str(target))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    for figure in FIGURES:
        assert _flat(figure) in text, figure
    assert "Zielwert" in text and "Messwert" in text  # the charts' legends, as text
    assert reader.metadata.title.startswith("Sachbericht des Kommunalen Integrationszentrums Kreis Musterland")
    assert "Drucksache" not in text  # the proposal's Drucksache is not the annex's


def test_docx_reads_back_with_the_tables_and_one_picture_per_chart(cli, tmp_path):
    from docx import Document

    target = tmp_path / "bericht.docx"
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2025", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    document = Document(str(target))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert [
        "Kita-Einstieg – Brücken bauen in frühe Bildung",
        "laufend",
        "142",
        f"6.000{NBSP}€",
        f"6.400{NBSP}€ (+400{NBSP}€)",
    ] in rows
    assert ["Fachkräfte", "8", "6,5", "6,5", "—"] in rows
    pictures = document.inline_shapes
    assert len(pictures) == 4
    assert pictures[0]._inline.docPr.get("descr").startswith("Diagramm zum Ziel „Brückenangebote")
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "⟦" not in paragraphs


def test_the_mitteilungsvorlage_has_the_head_the_drucksache_and_the_note_taken(cli, mitteilung, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "mitteilung.pdf"
    result = cli("render", "report", str(mitteilung), "--jahr", "2025", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    text = _flat(" ".join(page.extract_text() for page in PdfReader(str(target)).pages))
    assert text.startswith("Der Landrat Mitteilungsvorlage Drucksache: KT/0133/2026")
    assert "Sachstandsbericht über das Haushaltsjahr 2025" in text
    assert "Kreistag des Kreises Musterland" in text  # the Beratungsfolge
    assert "Kenntnisnahme" in text and "zur Kenntnis" in text
    assert "KT/0133/2026" in text.split("Seite 1 von")[0]  # and in the footer of the first page


def test_the_second_budget_year_reports_what_is_missing(cli):
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2026")
    assert result.exit_code == 0, result.stderr
    assert "keine Angaben zur Umsetzung im Jahr" in result.stdout
    assert "Qualifizierung Ehrenamtlicher" not in result.stdout.split("## 3.")[0]  # completed in 2025


def test_a_year_outside_the_period_is_a_usage_error_naming_the_years(cli, tmp_path):
    target = tmp_path / "bericht.pdf"
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2027", "-o", str(target), "--lang", "de")
    assert result.exit_code == 2
    assert (
        "Das Haushaltsjahr 2027 gehört nicht zum Zeitraum" in result.stderr and "möglich: 2025, 2026" in result.stderr
    )
    assert not target.exists()


def test_a_year_outside_the_period_is_explained_in_english_too(cli):
    result = cli("render", "report", str(MUSTERLAND), "--jahr", "2024", "--lang", "en")
    assert result.exit_code == 2 and "The budget year 2024 is not part of the period" in result.stderr


def test_a_report_without_jahr_is_a_usage_error(cli):
    result = cli("render", "report", str(MUSTERLAND), "--lang", "de")
    assert result.exit_code == 2 and "--jahr JAHR" in result.stderr


@pytest.mark.parametrize("value", ["abc", "25", "2025.5", "²⁰²⁵"])
def test_a_jahr_that_is_no_year_is_a_usage_error(cli, value):
    result = cli("render", "report", str(MUSTERLAND), "--jahr", value, "--lang", "de")
    assert result.exit_code == 2 and "kein Haushaltsjahr" in result.stderr


def test_jahr_with_another_document_is_a_usage_error(cli):
    result = cli("render", "proposal", str(MUSTERLAND), "--jahr", "2025", "--lang", "de")
    assert result.exit_code == 2 and "gilt nur für `ki render report`" in result.stderr


def test_the_real_process_writes_the_report_and_exits_2_for_a_wrong_year(tmp_path):
    target = tmp_path / "bericht.md"
    ok = subprocess.run(
        [sys.executable, "-m", "ki_cli", "render", "report", str(MUSTERLAND), "--jahr", "2025", "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Sachbericht für das Haushaltsjahr 2025" in target.read_text(encoding="utf-8")
    wrong = subprocess.run(
        [sys.executable, "-m", "ki_cli", "render", "report", str(MUSTERLAND), "--jahr", "1999", "--lang", "de"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def _figures(node: object, found: list[str], depth: int = 0) -> list[str]:
    """The alt texts of the Figure elements in a PDF structure tree."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if depth > 80:
        return found
    if isinstance(node, dict):
        if node.get("/S") == "/Figure":
            found.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            _figures(kid, found, depth + 1)
    return found


def test_pdf_tags_each_chart_as_a_figure_with_its_alt_text_and_claims_pdf_a(cli, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "bericht.pdf"
    assert cli("render", "report", str(MUSTERLAND), "--jahr", "2025", "-o", str(target)).exit_code == 0
    reader = PdfReader(str(target))
    alts = _figures(reader.trailer["/Root"]["/StructTreeRoot"], [])
    assert len(alts) == 4 and all(alt.startswith("Diagramm zum Ziel „") for alt in alts)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
