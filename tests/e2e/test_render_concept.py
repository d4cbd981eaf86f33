"""``ki render concept`` to PDF: the concept document's posts read back with pypdf."""

from __future__ import annotations

import pytest

from tests.helpers import CONCEPTS

HOHENFELD = CONCEPTS / "kreis-hohenfeld" / "2027-2028.yaml"
KIM_POSTS = ["Laura Niehues", "Ahmad Rahimi", "Nina Hagedorn", "Svenja Kemper", "Heike Brune"]


@pytest.fixture(scope="module")
def text(tmp_path_factory) -> str:
    """The text of the Kreis Hohenfeld's concept document as PDF, words joined where the PDF hyphenated them."""
    from pypdf import PdfReader
    from typer.testing import CliRunner

    from ki_cli.cli.app import app

    target = tmp_path_factory.mktemp("concept") / "schwerpunktkonzept.pdf"
    result = CliRunner().invoke(app, ["render", "concept", str(HOHENFELD), "-o", str(target)])
    assert result.exit_code == 0, result.output
    raw = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    return " ".join(raw.replace("\u00ad", "").split()).replace("\u2010 ", "")


def test_the_pdf_lists_the_kim_posts_under_the_programme_posts(text):
    details = text[text.index("Stellen anderer Landesprogramme im Einzelnen") :]
    assert details.startswith(
        "Stellen anderer Landesprogramme im Einzelnen Kommunales Integrationsmanagement (KIM) – 4,0 VZE"
    )
    positions = [details.index(name) for name in KIM_POSTS]
    assert positions == sorted(positions)


def test_the_pdf_lists_no_kim_post_among_the_ki_posts(text):
    ki = text[text.index("Stellen im Einzelnen") : text.index("Stellen anderer Landesprogramme im Einzelnen")]
    assert "Jan Vossberg" in ki and "Sabine Terhorst" in ki
    assert not [name for name in KIM_POSTS if name in ki]


def test_the_pdf_states_the_seconded_teachers_apart_from_the_state_funded_posts(text):
    assert "vom Land abgeordnete Lehrkräfte 3,5 0,0 0,0 3,5" in text
    assert "vom Land geförderte kommunale Stellen 0,0 6,0 0,5 6,5" in text
    assert "Kommunales Integrationsmanagement (KIM) 0,0 3,5 0,5 4,0" in text
