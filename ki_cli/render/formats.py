"""From a document's Markdown to HTML, PDF/A-3b and Word.

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


def to_pdf(html: str, titel: str, notes: list[tuple[str, str]] | None = None) -> bytes:
    """PDF/A-3b with embedded fonts, page numbers and footer from the HTML's print CSS.

    Every resource that was refused and every attachment that was dropped is added to ``notes``
    as (message key, URL)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)  # refusals are reported as notes
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    refused: list[tuple[str, str]] = []
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
    if notes is not None:
        notes.extend(dict.fromkeys(refused))  # each once, in order
    return buffer.getvalue()


def plain_title(markdown: str) -> str:
    """The first heading of a Markdown text, for metadata."""
    match = re.search(r"^#+\s+(.+)$", markdown, re.MULTILINE)
    return match[1].strip() if match else "Dokument"
