"""``ki render … --format pdf`` read back with pypdf: tagged PDF/A, outline, fonts and glyphs, page layout;
and the print CSS of the HTML that the PDF is made from."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.e2e.test_render import CONCEPT

NAMES = "Ayşe Yılmaz, Ğül Şahin, Łucja Żak, Иван Петров, أحمد علي"


def _fonts_with(lang: str) -> bool:
    """True when fontconfig knows a font for ``lang`` (as Pango, which WeasyPrint uses, would find it)."""
    if shutil.which("fc-list") is None:
        return False
    return bool(subprocess.run(["fc-list", f":lang={lang}", "family"], capture_output=True, text=True).stdout.strip())


def _font_covers(codepoint: int) -> bool:
    """True when fontconfig knows a font with a glyph for ``codepoint``."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", f":charset={codepoint:x}", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


def _has_dejavu() -> bool:
    if shutil.which("fc-list") is None:
        return False
    return "DejaVu Sans" in subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout


needs_font = pytest.mark.skipif(
    not _has_dejavu(), reason="DejaVu Sans (Debian: fonts-dejavu-core, installed by .ci/run) is not installed"
)


@pytest.fixture
def concept(tmp_path):
    path = tmp_path / "konzept.yaml"
    path.write_text(CONCEPT, encoding="utf-8")
    return path


def _render(cli, kind, concept, target, text=None):
    if text is not None:
        concept.write_text(text, encoding="utf-8")
    result = cli("render", kind, str(concept), "-o", str(target), "--lang", "de")
    assert result.exit_code == 0, result.stderr
    return result


def _xmp(reader) -> str:
    if "/Metadata" not in reader.trailer["/Root"]:
        return ""
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8", "replace")


def _pdfa_claim(reader) -> tuple[str, str] | None:
    xmp = _xmp(reader)
    part = re.search(r'pdfaid:part(?:="|>)(\d)', xmp)
    conformance = re.search(r'pdfaid:conformance(?:="|>)([ABU])', xmp)
    return (part[1], conformance[1]) if part and conformance else None


def _structure_types(node, found: set[str], depth: int = 0) -> set[str]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if depth > 60:
        return found
    if isinstance(node, list):
        for kid in node:
            _structure_types(kid, found, depth + 1)
    elif hasattr(node, "get"):
        if "/S" in node:
            found.add(str(node["/S"]))
        if "/K" in node:
            _structure_types(node["/K"], found, depth + 1)
    return found


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font["/FontDescriptor"].get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_pdf_is_tagged_with_language_and_title(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    _render(cli, "proposal", concept, target)
    reader = PdfReader(str(target))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "de-DE"
    assert "Beschlussvorlage: Schwerpunktsetzung" in reader.metadata.title
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    types = _structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI", "/P"} <= types, types


def test_pdf_claims_pdf_a_3a(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    _render(cli, "proposal", concept, target)
    reader = PdfReader(str(target))
    assert _pdfa_claim(reader) == ("3", "A")
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_pdf_outline_starts_with_the_documents_title(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    _render(cli, "proposal", concept, target)
    outline = PdfReader(str(target)).outline
    assert outline[0].title.startswith("Beschlussvorlage: Schwerpunktsetzung des Kommunalen Integrationszentrums")
    chapters = [item.title for item in outline[1] if not isinstance(item, list)]
    assert chapters[:3] == ["Betreff", "Beratungsfolge", "Beschlussvorschlag"]
    assert "Der Oberbürgermeister" not in chapters


@needs_font
def test_pdf_names_in_turkish_polish_cyrillic_arabic_have_every_glyph(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    result = _render(
        cli, "proposal", concept, target, CONCEPT.replace("verfasser: Aylin Demir", f'verfasser: "{NAMES}"')
    )
    assert "keine installierte Schrift" not in result.stderr, result.stderr  # render lists the concept's findings
    reader = PdfReader(str(target))
    assert _pdfa_claim(reader) == ("3", "A")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Ayşe Yılmaz, Ğül Şahin, Łucja Żak, Иван Петров" in text
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded(font) for font in fonts)


# a name in Adlam (the script of Fulfulde), which none of the fonts ki installs covers
ADLAM = "\U0001e900\U0001e923\U0001e924\U0001e922"


def test_pdf_with_a_character_no_font_has_warns_and_claims_no_pdf_a(cli, concept, tmp_path):
    from pypdf import PdfReader

    if _font_covers(0x1E900):
        pytest.skip("a font with Adlam is installed here")
    target = tmp_path / "v.pdf"
    result = _render(cli, "proposal", concept, target, CONCEPT.replace("verfasser: Aylin Demir", f"verfasser: {ADLAM}"))
    reader = PdfReader(str(target))
    assert "U+1E900" in result.stderr and "PDF/A" in result.stderr, result.stderr
    assert _pdfa_claim(reader) is None  # a box instead of a glyph: no archival claim
    assert reader.trailer["/Root"]["/MarkInfo"]  # still tagged
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_a_chinese_name_has_its_glyphs_where_a_cjk_font_is_installed(cli, concept, tmp_path):
    from pypdf import PdfReader

    if not _fonts_with("zh"):
        pytest.skip("no CJK font installed (.ci/run installs fonts-wqy-zenhei)")
    target = tmp_path / "v.pdf"
    result = _render(cli, "proposal", concept, target, CONCEPT.replace("verfasser: Aylin Demir", "verfasser: 王芳"))
    assert "keine installierte Schrift" not in result.stderr, result.stderr
    assert _pdfa_claim(PdfReader(str(target))) == ("3", "A")


def test_missing_glyph_warning_names_the_character_in_english_too(cli, concept, tmp_path):
    if _font_covers(0x1E900):
        pytest.skip("a font with Adlam is installed here")
    concept.write_text(CONCEPT.replace("verfasser: Aylin Demir", f"verfasser: {ADLAM}"), encoding="utf-8")
    result = cli("render", "proposal", str(concept), "-o", str(tmp_path / "v.pdf"), "--lang", "en")
    assert result.exit_code == 0
    assert "U+1E900" in result.stderr and "not declared PDF/A" in result.stderr


def test_workplan_pdf_pages_are_landscape(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "a.pdf"
    _render(cli, "workplan", concept, target)
    pages = PdfReader(str(target)).pages
    assert pages and all(page.mediabox.width > page.mediabox.height for page in pages)


def test_proposal_pdf_stays_portrait_where_its_tables_are_narrow(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    _render(cli, "proposal", concept, target)
    first = PdfReader(str(target)).pages[0]
    assert first.mediabox.width < first.mediabox.height


def test_workplan_pdf_splits_no_short_word_into_syllables(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "a.pdf"
    _render(cli, "workplan", concept, target)
    text = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    for broken in ("Stu-", "Re-gel", "Maß-nah", "Ent-wurf", "Mo-dell"):
        assert broken not in text


def test_workplan_html_prints_on_landscape_pages(cli, concept, tmp_path):
    target = tmp_path / "a.html"
    _render(cli, "workplan", concept, target)
    html = target.read_text(encoding="utf-8")
    assert re.search(r"@page \{\s*size: A4 landscape;", html)


def test_html_puts_a_wide_table_and_its_heading_on_a_landscape_page(cli, concept, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "proposal", concept, target)
    html = target.read_text(encoding="utf-8")
    assert "@page quer { size: A4 landscape; }" in html and ".quer, table.breit { page: quer; }" in html
    assert re.search(r"@page \{\s*size: A4;", html)


def test_html_right_aligns_columns_of_amounts(cli, concept, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "proposal", concept, target)
    html = target.read_text(encoding="utf-8")
    assert re.search(r'<td class="betrag">(?:<strong>)?[\d.]+\s€', html)
    assert "th.betrag, td.betrag { text-align: right; }" in html
    assert '<td class="betrag">Kommune' not in html
