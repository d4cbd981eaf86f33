"""From a document's Markdown to HTML, tagged PDF/A-3a and Word.

One Markdown text per document is the source of every format: markdown-it-py parses it
once (raw HTML switched off, so user text can never become markup); its HTML goes into the
``base.html.j2`` frame (and through WeasyPrint into PDF), its tokens drive the Word XML.

WeasyPrint loads nothing from outside the document: its URL fetcher allows only ``data:``
images, fonts and stylesheets (no ``file:``, no network), and attachments that a template
names (``<link rel=attachment>``, ``<a rel=attachment>``) are dropped; each refusal is reported
back, so that the command can warn, and the document is written without the resource.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from markupsafe import Markup

from ki_cli.render.engine import render

# PDF/A-3 level a: archivable AND tagged (structure tree, /Lang, /MarkInfo); WeasyPrint turns pdf_tags on
PDF_VARIANT = "pdf/a-3a"


def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def _css_string(text: str) -> Markup:
    """Text safe inside a CSS string in a <style> element (which HTML escaping does not reach)."""
    cleaned = " ".join(text.split())
    cleaned = cleaned.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace(">", "\\3E ")
    return Markup(cleaned)


# A table of this many columns, or of two fewer whose rows hold this many characters on average,
# is printed on landscape pages (the work plan: 8 columns; the agreements: 6 columns, 300 characters;
# a list of posts with 7 short columns fits a portrait page)
WIDE_TABLE = (8, 120)
# a cell that holds only an amount, a figure or a dash ("6.000 €", "bis zu 22.500 €", "2,5", "—")
_AMOUNT = re.compile(r"(?:bis zu\s|je\s|ca\.\s)?[-−+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:\s?(?:€|%|VZE))?|[—–-]")


def _add_class(token: Any, name: str) -> None:
    present = str(token.attrGet("class") or "")
    token.attrSet("class", f"{present} {name}".strip())


def _lay_out_tables(tokens: list[Any]) -> bool:
    """Mark the tables in ``tokens`` for print: columns of amounts ``betrag`` (right-aligned), wide
    tables (``WIDE_TABLE``) ``breit`` (landscape pages, with the headings that lead into them,
    ``quer``). True when the document's first table is wide: then it is all landscape (the
    work plan, whose wide tables are its content)."""
    first_wide: bool | None = None
    for start, token in enumerate(tokens):
        if token.type != "table_open":
            continue
        cells: list[tuple[int, int, bool]] = []  # (token index, column, is a body cell)
        column, end = 0, start
        while tokens[end].type != "table_close":
            kind = tokens[end].type
            if kind == "tr_open":
                column = 0
            elif kind in ("th_open", "td_open"):
                cells.append((end, column, kind == "td_open"))
                column += 1
            end += 1
        columns = 1 + max((c for _, c, _ in cells), default=0)
        for col in range(columns):
            body = [tokens[i + 1].content for i, c, is_body in cells if c == col and is_body]
            texts = [t.replace("*", "").replace("\\", "").strip() for t in body]
            texts = [t for t in texts if t]
            if texts and any(ch.isdigit() for t in texts for ch in t) and all(_AMOUNT.fullmatch(t) for t in texts):
                for i, c, _ in cells:
                    if c == col:
                        _add_class(tokens[i], "betrag")
        rows = sum(1 for i, c, is_body in cells if is_body and c == 0)
        text = sum(len(tokens[i + 1].content) for i, _, is_body in cells if is_body)
        wide = columns >= WIDE_TABLE[0] or (columns >= WIDE_TABLE[0] - 2 and text >= WIDE_TABLE[1] * max(rows, 1))
        if first_wide is None:
            first_wide = wide
        if wide:
            _add_class(token, "breit")
            _lead_in_landscape(tokens, start)
    return bool(first_wide)


def _lead_in_landscape(tokens: list[Any], start: int) -> None:
    """The heading(s) before the table at ``start`` (and up to two paragraphs between) go on its
    landscape page, so that no heading stays behind at the foot of the portrait page."""
    i, paragraphs, found, heading = start - 1, 0, [], False
    while i >= 2 and tokens[i].type in ("paragraph_close", "heading_close"):
        if tokens[i].type == "paragraph_close":
            if heading or paragraphs == 2:
                break
            paragraphs += 1
        else:
            heading = True
        found.append(tokens[i - 2])
        i -= 3
    if heading:
        for opening in found:
            _add_class(opening, "quer")


def to_html(env: Any, markdown: str, variables: dict[str, Any], titel: str) -> str:
    """A self-contained HTML document (print CSS inside) of ``markdown``."""
    parser = _markdown()
    tokens = parser.parse(markdown)
    landscape = _lay_out_tables(tokens)
    body = parser.renderer.render(tokens, parser.options, {})
    vorlage = variables.get("vorlage")
    drucksache = getattr(vorlage, "drucksache", None)
    footer = f"{variables['kommune'].name} · Drucksache {drucksache}" if drucksache else variables["kommune"].name
    frame = {
        **variables,
        "inhalt": Markup(body),
        "titel": titel,
        "fusszeile": _css_string(footer),
        "lesezeichen": _css_string(titel),
        "querformat": landscape,
    }
    return render(env, "base.html.j2", frame)


# data: URLs a document may carry: images, fonts, stylesheets (an SVG's own references are fetched
# through the same fetcher, so they are refused too)
_INLINE = re.compile(
    r"data:(?:image/(?:png|jpeg|gif|webp|svg\+xml)|font/[\w.+-]+"
    r"|application/(?:font-woff2?|x-font-[\w-]+)|text/css)[;,]",
    re.IGNORECASE,
)


def _fetcher(refused: list[tuple[str, str]]) -> Any:
    """A WeasyPrint URL fetcher for the document's own inline resources only."""
    from weasyprint.urls import URLFetcher

    class InlineOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if _INLINE.match(url):
                return super().fetch(url, headers)
            refused.append(("render.fetch_refused", url))
            raise ValueError("ki loads no file and nothing from the network")

    return InlineOnly(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def _attachment_links(html: str) -> list[str]:
    """The targets of ``<link rel=attachment>`` in ``html`` (only looked for when there are some)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if tag == "link" and "attachment" in (values.get("rel") or "").lower().split():
                found.append(values.get("href") or "")

    Links().feed(html)
    return found


class _MissingGlyphs(logging.Handler):
    """Collects the characters WeasyPrint drew as .notdef (an empty box) because no font has them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.chars: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith(".notdef glyph") and record.args:
            self.chars[str(record.args[0])] = None  # type: ignore[index]


def _shown_chars(chars: dict[str, None]) -> str:
    return ", ".join(f"„{char}“ (U+{ord(char):04X})" for char in list(chars)[:20]) + (" …" if len(chars) > 20 else "")


def to_pdf(html: str, titel: str, notes: list[tuple[str, str]] | None = None) -> bytes:
    """Tagged PDF/A-3a (structure tree, language, title, outline) with embedded fonts, page numbers
    and footer from the HTML's print CSS.

    Every resource that was refused and every attachment that was dropped is added to ``notes``
    as (message key, URL). Where no installed font has a glyph for a character, the PDF is
    written tagged but without the PDF/A claim, and the characters are added to ``notes``."""
    from weasyprint import HTML

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    logger = logging.getLogger("weasyprint")
    missing = _MissingGlyphs()
    saved = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)  # only the missing glyphs are heard; refusals are reported as notes
    logger.propagate = False
    logger.addHandler(missing)
    refused: list[tuple[str, str]] = []
    try:
        document = HTML(string=html, base_url=None, url_fetcher=_fetcher(refused)).render()
        if document.metadata.attachments:
            refused.extend(("render.attachment_dropped", url) for url in _attachment_links(html) or ["?"])
            document.metadata.attachments = []
        for page in document.pages:
            if any(link[0] == "attachment" for link in page.links):
                refused.extend(("render.attachment_dropped", link[1]) for link in page.links if link[0] == "attachment")
                page.links[:] = [link for link in page.links if link[0] != "attachment"]
        buffer = io.BytesIO()
        document.write_pdf(buffer, pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
        if missing.chars:  # drawn as empty boxes: not an archivable rendition of the text
            buffer = io.BytesIO()
            document.write_pdf(buffer, pdf_tags=True, pdf_identifier=True, uncompressed_pdf=False)
            refused.append(("render.missing_glyphs", _shown_chars(missing.chars)))
    finally:
        logger.removeHandler(missing)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    if notes is not None:
        notes.extend(dict.fromkeys(refused))  # each once, in order
    return buffer.getvalue()


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


def plain_title(markdown: str) -> str:
    """The first heading of a Markdown text, for metadata."""
    match = re.search(r"^#+\s+(.+)$", markdown, re.MULTILINE)
    return match[1].strip() if match else "Dokument"
