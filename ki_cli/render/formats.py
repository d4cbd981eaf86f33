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


def plain_title(markdown: str) -> str:
    """The first heading of a Markdown text, for metadata."""
    match = re.search(r"^#+\s+(.+)$", markdown, re.MULTILINE)
    return match[1].strip() if match else "Dokument"
