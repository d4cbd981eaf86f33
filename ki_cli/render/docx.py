"""From a document's Markdown to Word (python-docx).

The same Markdown text that becomes HTML and PDF (``formats``) is parsed once by markdown-it-py;
its tokens drive the WordprocessingML written here.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ki_cli.render.formats import _markdown

# --- Word ------------------------------------------------------------------------------------
#
# The body is written as WordprocessingML directly, each paragraph and table row appended in
# constant time: python-docx's own ``add_paragraph`` searches the body for its end and
# ``table.cell()`` rebuilds the list of cells on every call, which made 1,000 measures take minutes.


class _Word:
    """Appends paragraphs and tables to a python-docx document's body."""

    def __init__(self, document: Any) -> None:
        import functools

        from docx.oxml.ns import qn
        from lxml.etree import SubElement

        self.document = document
        body = document.element.body
        self._end = body.sectPr  # every block goes before the section properties, the body's last child
        self._body = body
        self._styles: dict[str, str] = {}
        self.q = functools.cache(qn)  # "w:p" → "{http://…}p", once per name
        self.sub = SubElement
        section = document.sections[-1]
        self.block_twips = int((section.page_width - section.left_margin - section.right_margin) // 635)

    def _style(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.document.styles[name].style_id
        return self._styles[name]

    def _block(self, tag: str) -> Any:
        element = self.sub(self._body, self.q(tag))  # made in the body's namespace context …
        if self._end is not None:
            self._end.addprevious(element)  # … and moved before the section properties
        return element

    def paragraph(self, style: str | None = None, indent: tuple[int, int] | None = None) -> Any:
        """A new paragraph at the end; ``indent`` is (left, hanging) in twentieths of a point."""
        paragraph = self._block("w:p")
        if style is not None or indent is not None:
            q, sub = self.q, self.sub
            properties = sub(paragraph, q("w:pPr"))
            if style is not None:
                sub(properties, q("w:pStyle"), {q("w:val"): self._style(style)})
            if indent is not None:
                sub(properties, q("w:ind"), {q("w:left"): str(indent[0]), q("w:hanging"): str(indent[1])})
        return paragraph

    def run(
        self, paragraph: Any, text: str = "", *, bold: bool = False, italic: bool = False, code: bool = False
    ) -> Any:
        """A run of ``text`` (tabs and line breaks as Word's own elements, as python-docx writes them)."""
        q, sub = self.q, self.sub
        run = sub(paragraph, q("w:r"))
        if bold or italic or code:
            properties = sub(run, q("w:rPr"))
            if code:
                sub(properties, q("w:rFonts"), {q("w:ascii"): "Consolas", q("w:hAnsi"): "Consolas"})
            if bold:
                sub(properties, q("w:b"))
            if italic:
                sub(properties, q("w:i"))
        for piece in re.split(r"(\t|\n)", text) if "\t" in text or "\n" in text else (text,):
            if piece == "\t":
                sub(run, q("w:tab"))
            elif piece == "\n":
                sub(run, q("w:br"))
            elif piece:
                element = sub(run, q("w:t"))
                element.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return run

    def line_break(self, paragraph: Any, page: bool = False) -> None:
        q = self.q
        run = self.sub(paragraph, q("w:r"))
        self.sub(run, q("w:br"), {q("w:type"): "page"} if page else {})

    def inline(self, paragraph: Any, token: Any, bold: bool = False) -> None:
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
            elif kind in ("text", "code_inline") and child.content:
                self.run(paragraph, child.content, bold=bold or strong, italic=em, code=kind == "code_inline")
            elif kind == "softbreak":
                self.run(paragraph, " ")
            elif kind == "hardbreak":
                self.line_break(paragraph)

    def table(self, rows: list[list[tuple[Any, bool]]]) -> None:
        """A table in the style "Table Grid", built row by row; a header row repeats on every page."""
        q, SubElement = self.q, self.sub
        width = max(len(row) for row in rows)
        column = str(self.block_twips // width)
        table = self._block("w:tbl")
        properties = SubElement(table, q("w:tblPr"))
        SubElement(properties, q("w:tblStyle"), {q("w:val"): self._style("Table Grid")})
        SubElement(properties, q("w:tblW"), {q("w:type"): "auto", q("w:w"): "0"})
        SubElement(
            properties,
            q("w:tblLook"),
            {
                q("w:firstColumn"): "1",
                q("w:firstRow"): "1",
                q("w:lastColumn"): "0",
                q("w:lastRow"): "0",
                q("w:noHBand"): "0",
                q("w:noVBand"): "1",
                q("w:val"): "04A0",
            },
        )
        grid = SubElement(table, q("w:tblGrid"))
        for _ in range(width):
            SubElement(grid, q("w:gridCol"), {q("w:w"): column})
        for row in rows:
            element = SubElement(table, q("w:tr"))
            if row and row[0][1]:
                SubElement(SubElement(element, q("w:trPr")), q("w:tblHeader"), {q("w:val"): "true"})
            for index in range(width):
                cell = SubElement(element, q("w:tc"))
                SubElement(SubElement(cell, q("w:tcPr")), q("w:tcW"), {q("w:type"): "dxa", q("w:w"): column})
                paragraph = SubElement(cell, q("w:p"))
                if index < len(row):
                    token, header = row[index]
                    self.inline(paragraph, token, bold=header)
        self.paragraph()


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


def to_docx(markdown: str, titel: str, footer: str, entwurf: bool, autor: str = "") -> bytes:
    """A Word document with heading styles, tables, page numbers and the footer text.

    Characters that XML cannot hold (control characters) arrive here already replaced by
    U+FFFD (``documents.output``); ``replace_controls`` is applied again to what comes from elsewhere."""
    import datetime as dt

    import docx
    from docx.shared import Pt

    from ki_cli.render.formatting import replace_controls

    markdown, titel = replace_controls(markdown), replace_controls(titel)
    footer, autor = replace_controls(footer), replace_controls(autor)
    document = docx.Document()
    # python-docx's default template carries its own author, dates and comment: replace them all
    properties = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
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

    word = _Word(document)
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
            heading = word.paragraph(style=f"Heading {min(level, 4)}")
            word.inline(heading, tokens[i + 1])
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
                paragraph = word.paragraph(style="List Paragraph", indent=(360 * len(lists), 280))
                if pending_item:
                    word.run(paragraph, f"{number}.\t" if ordered else "•\t")
                    pending_item = False
            else:
                paragraph = word.paragraph(style="Intense Quote" if in_quote else None)
            word.inline(paragraph, inline)
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
            word.table(rows)
            rows = None
        elif kind == "hr":
            word.line_break(word.paragraph(), page=True)
        elif kind in ("fence", "code_block"):
            word.run(word.paragraph(), token.content.rstrip("\n"))
        i += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
