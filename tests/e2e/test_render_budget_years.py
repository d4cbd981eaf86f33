"""A period from 1 March: the proposal's budget-year lines, read back from the DOCX and the PDF."""

from __future__ import annotations

import pytest

from tests.unit.test_proposal_statements import GRANTED_2027, KREIS_KIM, WITH_COST

MARCH_PAPER = WITH_COST + GRANTED_2027


@pytest.fixture
def march(tmp_path):
    path = tmp_path / "konzept.yaml"
    path.write_text(MARCH_PAPER, encoding="utf-8")
    return path


def _docx_text(path) -> tuple[str, list[list[str]]]:
    from docx import Document

    document = Document(str(path))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, rows


def test_docx_has_one_row_per_budget_year_with_deadline_maximum_and_grant(cli, march, tmp_path):
    target = tmp_path / "vorlage.docx"
    result = cli("render", "proposal", str(march), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    paragraphs, rows = _docx_text(target)
    assert [
        "2027 (März–Dezember, 10 Monate)",
        "31.10.2026",
        "bis zu 47.500\u00a0€",
        "45.000\u00a0€",
        "45.000\u00a0€",
    ] in rows
    assert ["2028", "31.10.2027", "bis zu 57.000\u00a0€", "—", "—"] in rows
    assert ["2029 (Januar–Februar, 2 Monate)", "31.10.2028", "bis zu 9.500\u00a0€", "—", "—"] in rows
    assert "für die Haushaltsjahre 2028 und 2029 jeweils fristgerecht" in paragraphs
    assert "für das Haushaltsjahr 2028 bis zum 31.10.2027," in paragraphs


def test_pdf_states_the_budget_years_and_the_own_share_with_personnel_cost(cli, march, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "vorlage.pdf"
    assert cli("render", "proposal", str(march), "-o", str(target)).exit_code == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(target)).pages).split())
    assert "für das Haushaltsjahr 2029 bis zum 31.10.2028" in text
    assert "bis zu 114.000" in text
    assert "soweit sie die Landesförderung übersteigen" in text
    assert "13.000" in text and "37.000" in text  # 2028: personnel cost above the grant, own share


def test_a_kreis_with_kim_posts_renders_from_the_cli_without_errors(cli, tmp_path):
    path = tmp_path / "kreis.yaml"
    path.write_text(KREIS_KIM, encoding="utf-8")
    result = cli("render", "proposal", str(path))
    assert result.exit_code == 0, result.stderr
    assert "vom Land abgeordnete Lehrkräfte im Umfang von 3,5 VZE" in result.stdout
    assert "Kommunales Integrationsmanagement (KIM): 4,0 VZE" in result.stdout
