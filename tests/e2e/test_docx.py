"""The Word file read back: with python-docx and on the raw XML (zipfile, lxml)."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from tests.helpers import CONCEPTS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CONCEPT = CONCEPTS / "beispielstadt" / "2025-2026.yaml"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The proposal, the work plan and the concept of a bundled concept as DOCX (rendered once)."""
    from typer.testing import CliRunner

    from ki_cli.cli.app import app

    folder = tmp_path_factory.mktemp("docx")
    paths = {}
    for kind in ("proposal", "workplan", "concept"):
        target = folder / f"{kind}.docx"
        result = CliRunner().invoke(app, ["render", kind, str(CONCEPT), "-o", str(target)])
        assert result.exit_code == 0, result.output
        paths[kind] = target
    return paths


def _xml(path, part: str):
    return etree.fromstring(zipfile.ZipFile(path).read(part))


def test_pages_are_a4_with_the_margins_of_the_pdf(rendered):
    import docx

    section = docx.Document(str(rendered["proposal"])).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert [round(m.cm, 1) for m in margins] == [2.2, 2.0, 2.4, 2.5]  # @page margin: 2.2cm 2cm 2.4cm 2.5cm
    size = _xml(rendered["proposal"], "word/document.xml").find(".//w:body/w:sectPr/w:pgSz", NS)
    assert (size.get(_w("w")), size.get(_w("h"))) == ("11906", "16838")


def test_proofing_language_is_german_in_styles_and_settings(rendered):
    styles = _xml(rendered["proposal"], "word/styles.xml")
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default is not None and default.get(_w("val")) == "de-DE"
    assert {lang.get(_w("val")) for lang in styles.iter(_w("lang"))} == {"de-DE"}
    settings = _xml(rendered["proposal"], "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(_w("val")) == "de-DE"


def test_list_items_are_numbered_by_word_not_typed(rendered):
    document = _xml(rendered["proposal"], "word/document.xml")
    numbered = document.xpath(".//w:p[w:pPr/w:numPr]", namespaces=NS)
    assert numbered, "no paragraph with w:numPr"
    texts = ["".join(p.itertext()) for p in document.iter(_w("p"))]
    assert not any(text.startswith(("1.\t", "•\t")) for text in texts)
    numbering = _xml(rendered["proposal"], "word/numbering.xml")
    used = {p.find("w:pPr/w:numPr/w:numId", NS).get(_w("val")) for p in numbered}
    defined = {num.get(_w("numId")): num for num in numbering.findall("w:num", NS)}
    assert used <= set(defined)
    formats = {
        lvl.find("w:numFmt", NS).get(_w("val"))
        for abstract in numbering.findall("w:abstractNum", NS)
        for lvl in abstract.findall("w:lvl", NS)
    }
    assert {"decimal", "bullet"} <= formats


def test_table_rows_never_split_and_header_rows_repeat(rendered):
    document = _xml(rendered["workplan"], "word/document.xml")
    rows = document.findall(".//w:tbl/w:tr", NS)
    assert rows and all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows)
    for table in document.iter(_w("tbl")):
        assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None


def test_column_widths_follow_the_content(rendered):
    document = _xml(rendered["workplan"], "word/document.xml")
    for table in document.iter(_w("tbl")):
        widths = [int(col.get(_w("w"))) for col in table.findall("w:tblGrid/w:gridCol", NS)]
        assert len(set(widths)) > 1, widths


def test_a_date_column_keeps_its_dates_whole(rendered):
    """ "01.01.2025" in 10.5 pt Arial needs about 1,300 twips with the cell margins."""
    import docx

    table = docx.Document(str(rendered["workplan"])).tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    grid = _xml(rendered["workplan"], "word/document.xml").find(".//w:tbl/w:tblGrid", NS)
    widths = [int(col.get(_w("w"))) for col in grid.findall("w:gridCol", NS)]
    assert widths[header.index("Zeitraum")] >= 1300


def test_amount_columns_are_right_aligned(rendered):
    import docx

    table = docx.Document(str(rendered["workplan"])).tables[0]
    column = [cell.text for cell in table.rows[0].cells].index("Sachkosten/Jahr")
    cells = [row.cells[column].paragraphs[0] for row in table.rows[1:] if "€" in row.cells[column].text]
    assert cells and all(p.paragraph_format.alignment == 2 for p in cells)  # WD_ALIGN_PARAGRAPH.RIGHT


def test_work_plan_is_landscape(rendered):
    import docx
    from docx.enum.section import WD_ORIENT

    sections = docx.Document(str(rendered["workplan"])).sections
    assert all(s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height for s in sections)
    size = _xml(rendered["workplan"], "word/document.xml").find(".//w:body/w:sectPr/w:pgSz", NS)
    assert (size.get(_w("w")), size.get(_w("h")), size.get(_w("orient"))) == ("16838", "11906", "landscape")


def test_a_wide_table_gets_a_landscape_section_of_its_own(rendered):
    """The proposal's table of agreements (6 columns) stands on a landscape page between portrait ones."""
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document(str(rendered["proposal"]))
    orientations = [s.orientation for s in document.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations
    body = _xml(rendered["proposal"], "word/document.xml").find("w:body", NS)
    for table in body.findall("w:tbl", NS):
        columns = len(table.findall("w:tblGrid/w:gridCol", NS))
        following = table.getnext()
        while following is not None and following.find("w:pPr/w:sectPr", NS) is None:
            following = following.getnext()
        section = following.find("w:pPr/w:sectPr", NS) if following is not None else body.find("w:sectPr", NS)
        landscape = section.find("w:pgSz", NS).get(_w("orient")) == "landscape"
        assert landscape == (columns >= 6), columns


def test_headings_keep_with_the_next_paragraph(rendered):
    document = _xml(rendered["proposal"], "word/document.xml")
    styles = _xml(rendered["proposal"], "word/styles.xml")
    heading_ids = {
        s.get(_w("styleId"))
        for s in styles.findall("w:style", NS)
        if s.find("w:name", NS).get(_w("val")).lower().startswith("heading")
    }
    headings = [
        p
        for p in document.iter(_w("p"))
        if (p.find("w:pPr/w:pStyle", NS) is not None) and p.find("w:pPr/w:pStyle", NS).get(_w("val")) in heading_ids
    ]
    assert headings and all(p.find("w:pPr/w:keepNext", NS) is not None for p in headings)


def test_application_is_ki_and_no_thumbnail_is_shipped(rendered):
    archive = zipfile.ZipFile(rendered["proposal"])
    app = etree.fromstring(archive.read("docProps/app.xml"))
    ns = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    assert app.find("ep:Application", ns).text == "ki"
    assert not any("thumbnail" in name for name in archive.namelist())
    assert b"thumbnail" not in archive.read("_rels/.rels")
    assert b"thumbnail" not in archive.read("[Content_Types].xml")
    assert b"Macintosh" not in archive.read("docProps/app.xml")


def test_core_properties_name_the_centre_title_and_language(rendered):
    import docx

    properties = docx.Document(str(rendered["workplan"])).core_properties
    assert properties.author == "Kommunales Integrationszentrum Beispielstadt"
    assert properties.title.startswith("Arbeitsplanung") and properties.language == "de-DE"


# --- --reference-docx ------------------------------------------------------------------------------


@pytest.fixture
def reference(tmp_path):
    """A municipality's Word file: US Letter, 3 cm margins, Georgia, a letterhead and old body text."""
    import docx
    from docx.shared import Cm, Inches

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("top_margin", "right_margin", "bottom_margin", "left_margin"):
        setattr(section, side, Cm(3))
    section.header.paragraphs[0].text = "Stadt Musterhausen – Der Bürgermeister"
    document.styles["Normal"].font.name = "Georgia"
    document.add_paragraph("ALTER BRIEFTEXT, DER NICHT ÜBERNOMMEN WIRD")
    path = tmp_path / "briefkopf.docx"
    document.save(str(path))
    return path


def test_reference_docx_styles_margins_and_letterhead_are_used(cli, reference, tmp_path):
    import docx

    target = tmp_path / "v.docx"
    result = cli("render", "proposal", str(CONCEPT), "-o", str(target), "--reference-docx", str(reference))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.page_width.inches, 1) == 8.5
    assert "Stadt Musterhausen" in section.header.paragraphs[0].text
    assert document.styles["Normal"].font.name == "Georgia"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ALTER BRIEFTEXT" not in text and "Beschlussvorschlag" in text


def test_reference_docx_from_ki_toml(cli, reference, tmp_path, monkeypatch):
    import docx

    (tmp_path / ".git").mkdir()
    (tmp_path / "ki.toml").write_text(f'[render]\nreference_docx = "{reference.name}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "v.docx"
    result = cli("render", "proposal", str(CONCEPT), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Stadt Musterhausen" in docx.Document(str(target)).sections[0].header.paragraphs[0].text


def test_reference_dotx_template_is_accepted(cli, reference, tmp_path):
    import docx

    source = zipfile.ZipFile(reference)
    template = tmp_path / "briefkopf.dotx"
    with zipfile.ZipFile(template, "w") as out:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(entry, data)
    target = tmp_path / "v.docx"
    assert cli("render", "proposal", str(CONCEPT), "-o", str(target), "--reference-docx", str(template)).exit_code == 0
    assert "Stadt Musterhausen" in docx.Document(str(target)).sections[0].header.paragraphs[0].text


def _bomb(path) -> None:
    """A zip whose one part unpacks to 200 MB from a few hundred kilobytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b"\0" * 1_000_000
            for _ in range(200):
                part.write(chunk)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: None, ("gibt es nicht", "does not exist")),
        (lambda p: p.write_bytes(b"not a zip at all"), ("kein Word-Dokument", "not a Word document")),
        (lambda p: p.mkdir(), ("keine gewöhnliche Datei", "not a regular file")),
        (_bomb, ("entpackt", "unpacked")),
        (
            lambda p: zipfile.ZipFile(p, "w").writestr("[Content_Types].xml", "<Types/>"),
            ("kein Word-Dokument", "not a Word document"),
        ),
    ],
    ids=["missing", "not-a-zip", "folder", "zip-bomb", "zip-without-document"],
)
def test_bad_reference_docx_is_refused_with_exit_2(cli, tmp_path, make, words):
    bad = tmp_path / "vorlage.docx"
    make(bad)
    target = tmp_path / "v.docx"
    for lang, word in zip(("de", "en"), words):
        result = cli(
            "--lang", lang, "render", "proposal", str(CONCEPT), "-o", str(target), "--reference-docx", str(bad)
        )
        assert result.exit_code == 2 and word in result.output and "Traceback" not in result.output
    assert not target.exists()


def test_broken_document_part_is_refused_with_exit_2(cli, reference, tmp_path):
    broken = tmp_path / "kaputt.docx"
    source = zipfile.ZipFile(reference)
    with zipfile.ZipFile(broken, "w") as out:
        for entry in source.infolist():
            data = b"<w:document" if entry.filename == "word/document.xml" else source.read(entry)
            out.writestr(entry, data)
    result = cli("render", "proposal", str(CONCEPT), "-o", str(tmp_path / "v.docx"), "--reference-docx", str(broken))
    assert result.exit_code == 2 and "beschädigt" in result.output


def test_reference_docx_in_ki_toml_must_be_a_path(cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "ki.toml").write_text("[render]\nreference_docx = 3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("render", "proposal", str(CONCEPT), "-o", str(tmp_path / "v.docx"))
    assert result.exit_code == 2 and "reference_docx" in result.output


def test_column_widths_fill_the_line_and_keep_short_words_whole():
    from ki_cli.render.docx import column_widths

    texts = [["Datum", "Beschreibung"], ["01.01.2025", "ein sehr langer Text " * 20]]
    widths, tight = column_widths(texts, 9000)
    assert sum(widths) == 9000 and widths[0] >= 1300 and widths[1] > widths[0] and tight == [False, False]
