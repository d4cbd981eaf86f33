"""From a document's Markdown to HTML, PDF/A-3b and Word.

One Markdown text per document is the source of every format: markdown-it-py parses it
once (raw HTML switched off, so user text can never become markup); its HTML goes into the
``base.html.j2`` frame (and through WeasyPrint into PDF), its tokens drive python-docx.
"""

from __future__ import annotations

import io
import re
from typing import Any

from markupsafe import Markup

from ki_cli.render.engine import render

PDF_VARIANT = "pdf/a-3b"


def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def _css_string(text: str) -> Markup:
    """Text safe inside a CSS string in a <style> element (which HTML escaping does not reach)."""
    cleaned = " ".join(text.split())
    cleaned = cleaned.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace(">", "\\3E ")
    return Markup(cleaned)


def to_html(env: Any, markdown: str, variables: dict[str, Any], titel: str) -> str:
    """A self-contained HTML document (print CSS inside) of ``markdown``."""
    body = _markdown().render(markdown)
    vorlage = variables.get("vorlage")
    drucksache = getattr(vorlage, "drucksache", None)
    footer = f"{variables['kommune'].name} · Drucksache {drucksache}" if drucksache else variables["kommune"].name
    frame = {**variables, "inhalt": Markup(body), "titel": titel, "fusszeile": _css_string(footer)}
    return render(env, "base.html.j2", frame)


def to_pdf(html: str, titel: str) -> bytes:
    """PDF/A-3b with embedded fonts, page numbers and footer from the HTML's print CSS."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    buffer = io.BytesIO()
    HTML(string=html, base_url=None).write_pdf(buffer, pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    return buffer.getvalue()


# --- Word ------------------------------------------------------------------------------------


def _add_field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update when showing the page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, text, end):
        run._r.append(element)


def _inline(paragraph: Any, token: Any, bold: bool = False) -> None:
    """The inline children of a markdown-it token as runs (bold, italic, code, line breaks)."""
    strong = em = False
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open":
            strong = True
        elif kind == "strong_close":
            strong = False
        elif kind == "em_open":
            em = True
        elif kind == "em_close":
            em = False
        elif kind in ("text", "code_inline"):
            run = paragraph.add_run(child.content)
            run.bold = bold or strong or None
            run.italic = em or None
            if kind == "code_inline":
                run.font.name = "Consolas"
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()


def _table(document: Any, rows: list[list[tuple[Any, bool]]]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, (token, header) in enumerate(row):
            cell = table.cell(r, c)
            _inline(cell.paragraphs[0], token, bold=header)
        if row and row[0][1]:  # a header row repeats on every page
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            tr_pr.append(repeat)
    document.add_paragraph()


def to_docx(markdown: str, titel: str, footer: str, entwurf: bool, autor: str = "") -> bytes:
    """A Word document with heading styles, tables, page numbers and the footer text."""
    import datetime as dt

    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    # python-docx's default template carries its own author, dates and comment: replace them all
    properties = document.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.title = titel
    properties.language = "de-DE"
    properties.author = properties.last_modified_by = autor
    properties.comments = "Erstellt mit ki (Werkzeuge für die Kommunalen Integrationszentren NRW)"
    properties.keywords = "Kommunales Integrationszentrum"
    properties.created = properties.modified = now
    properties.revision = 1
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10.5)
    section = document.sections[0]
    footer_paragraph = section.footer.paragraphs[0]
    footer_paragraph.add_run(f"{footer}    Seite ")
    _add_field(footer_paragraph, "PAGE")
    footer_paragraph.add_run(" von ")
    _add_field(footer_paragraph, "NUMPAGES")
    if entwurf:
        header = section.header.paragraphs[0]
        run = header.add_run("ENTWURF")
        run.bold = True
        run.font.size = Pt(14)

    tokens = _markdown().parse(markdown)
    lists: list[list[int]] = []  # a stack of [ordered?, counter]
    rows: list[list[tuple[Any, bool]]] | None = None
    in_quote = False
    pending_item = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            heading = document.add_heading(level=min(level, 4))
            _inline(heading, tokens[i + 1])
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([1 if kind == "ordered_list_open" else 0, int(token.attrs.get("start", 1) or 1) - 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            lists[-1][1] += 1
            pending_item = True
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            if lists:
                ordered, number = lists[-1]
                paragraph = document.add_paragraph(style="List Paragraph")
                paragraph.paragraph_format.left_indent = Pt(18 * len(lists))
                paragraph.paragraph_format.first_line_indent = Pt(-14)
                if pending_item:
                    paragraph.add_run(f"{number}.\t" if ordered else "•\t")
                    pending_item = False
            else:
                paragraph = document.add_paragraph(style="Intense Quote" if in_quote else None)
            _inline(paragraph, inline)
            i += 2
        elif kind == "blockquote_open":
            in_quote = True
        elif kind == "blockquote_close":
            in_quote = False
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open" and rows is not None:
            rows.append([])
        elif kind in ("th_open", "td_open") and rows is not None:
            rows[-1].append((tokens[i + 1], kind == "th_open"))
            i += 1
        elif kind == "table_close" and rows is not None:
            _table(document, rows)
            rows = None
        elif kind == "hr":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind in ("fence", "code_block"):
            paragraph = document.add_paragraph(token.content.rstrip("\n"))
        i += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_title(markdown: str) -> str:
    """The first heading of a Markdown text, for metadata."""
    match = re.search(r"^#+\s+(.+)$", markdown, re.MULTILINE)
    return match[1].strip() if match else "Dokument"
