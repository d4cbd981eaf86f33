"""From a document's Markdown to Word (python-docx).

The same Markdown text that becomes HTML and PDF (``formats``) is parsed once by markdown-it-py;
its tokens drive the WordprocessingML written here.

The document is A4 with the margins of the PDF (``templates/base.html.j2``), German (proofing
language de-DE in the styles and the settings, so that Word checks spelling and hyphenates in
German), with real list numbering (``numbering.xml``), tables whose columns are as wide as their
content needs, rows that never split and header rows repeated on every page; the work plan and
every table of six or more columns stand on landscape pages. The document properties name the
centre and the title, and nothing of python-docx's own template (its application name, its
thumbnail) is left.

A municipality's own Word file (``--reference-docx``) replaces python-docx's template: its styles,
page size, margins and letterhead (headers and footers) are kept, its body is dropped. It is
untrusted input: read only when it is a regular file of at most ``MAX_REFERENCE_BYTES`` whose
parts, unpacked, stay within ``MAX_REFERENCE_UNPACKED`` (checked in the zip directory before a
single part is unpacked), and refused with a message (exit 2) otherwise.
"""

from __future__ import annotations

import copy
import io
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from ki_cli.messages import ui
from ki_cli.render.formats import _markdown

# --- the page ----------------------------------------------------------------------------------

A4 = (11906, 16838)  # twentieths of a point (twips)
# the PDF's ``@page { margin: 2.2cm 2cm 2.4cm 2.5cm }``: top, right, bottom, left
MARGINS = {"top": 1247, "right": 1134, "bottom": 1361, "left": 1417}
HEADER_FOOTER_DISTANCE = 567  # 1 cm from the edge
WIDE_TABLE = 6  # a table of this many columns gets a landscape page of its own
LANGUAGE = "de-DE"
APPLICATION = "ki"

# --- the reference document ----------------------------------------------------------------------

MAX_REFERENCE_BYTES = 20_000_000  # the file (a letterhead with a logo is some hundred kilobytes)
MAX_REFERENCE_UNPACKED = 100_000_000  # all its parts, uncompressed
MAX_REFERENCE_PARTS = 2_000
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


class ReferenceRefused(Exception):
    """A ``--reference-docx`` that is not used; ``key`` names the reason in the message catalog."""

    def __init__(self, path: Path, key: str, **params: object) -> None:
        super().__init__(key)
        self.path, self.key, self.params = path, key, params

    def message(self, lang: str) -> str:
        return ui("render.reference_docx", lang, path=self.path, reason=ui(self.key, lang, **self.params))


def _megabytes(count: int) -> str:
    return f"{count // 1_000_000} MB"


def read_reference(path: Path) -> bytes:
    """The bytes of the Word file ``path`` (a ``.dotx`` template turned into a document), checked.

    Refuses (``ReferenceRefused``) a missing file, a folder, a FIFO or device, a file beyond the size
    limits (also once unpacked), anything that is not a Word document or template (a macro-enabled
    ``.docm`` included), and a file python-docx cannot open."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReferenceRefused(path, "render.reference.missing") from None
    except OSError as err:
        raise ReferenceRefused(path, "render.reference.unreadable", reason=err.strerror or err) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReferenceRefused(path, "render.reference.not_file")
        if info.st_size > MAX_REFERENCE_BYTES:
            raise ReferenceRefused(path, "render.reference.too_large", limit=_megabytes(MAX_REFERENCE_BYTES))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_REFERENCE_BYTES + 1)
    except OSError as err:
        raise ReferenceRefused(path, "render.reference.unreadable", reason=err.strerror or err) from None
    finally:
        os.close(fd)
    if len(data) > MAX_REFERENCE_BYTES:
        raise ReferenceRefused(path, "render.reference.too_large", limit=_megabytes(MAX_REFERENCE_BYTES))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_REFERENCE_PARTS or sum(e.file_size for e in entries) > MAX_REFERENCE_UNPACKED:
                # the sizes the zip directory declares bound what unpacking may produce: zipfile stops there
                raise ReferenceRefused(
                    path, "render.reference.unpacked_too_large", limit=_megabytes(MAX_REFERENCE_UNPACKED)
                )
            names = {e.filename for e in entries}
            if "[Content_Types].xml" not in names:
                raise ReferenceRefused(path, "render.reference.not_docx")
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise ReferenceRefused(path, "render.reference.not_docx") from None
    if _MAIN.encode() not in types:
        if _TEMPLATE_MAIN.encode() not in types:
            raise ReferenceRefused(path, "render.reference.not_docx")
        data = _as_document(data)
    try:
        _open(data)
    except Exception:  # whatever python-docx and lxml raise on a broken part: the file is not used
        raise ReferenceRefused(path, "render.reference.broken") from None
    return data


def _as_document(data: bytes) -> bytes:
    """A Word template (``.dotx``) as a document: only its main part's content type differs."""
    return _rewrite(data, {"[Content_Types].xml": lambda xml: xml.replace(_TEMPLATE_MAIN.encode(), _MAIN.encode())})


def _open(reference: bytes | None) -> Any:
    """A python-docx document: ``reference``'s styles, sections and letterhead with an empty body."""
    import docx

    if reference is None:
        document = docx.Document()
        _a4(document.sections[0]._sectPr)
        return document
    document = docx.Document(io.BytesIO(reference))
    body = document.element.body
    for child in list(body):
        if child is not body.sectPr:
            body.remove(child)
    if body.sectPr is None:
        body._add_sectPr()
    return document


# --- the package, after python-docx has written it ------------------------------------------------

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>{company}</Properties>"
)


def _rewrite(data: bytes, changes: dict[str, Any], drop: frozenset[str] = frozenset()) -> bytes:
    """``data`` (a zip) with the parts in ``changes`` passed through their function, ``drop`` left out."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename in drop:
                continue
            content = source.read(entry)
            if entry.filename in changes:
                content = changes[entry.filename](content)
            target.writestr(entry, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _clean_package(data: bytes, company: str) -> bytes:
    """The saved document without the thumbnail (and its relationship), with an ``app.xml`` of ki's own
    and every ``w:lang`` of ``stylesWithEffects.xml`` (Word 2010's copy of the styles) German."""
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        relations = archive.read("_rels/.rels").decode("utf-8")
    thumbnails = re.findall(r'<Relationship\b[^>]*Type="[^"]*/metadata/thumbnail"[^>]*/>', relations)
    drop = frozenset(
        target.lstrip("/")
        for rel in thumbnails
        for target in re.findall(r'Target="([^"]+)"', rel)
        if target.lstrip("/") in names
    )

    def relationships(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        for rel in thumbnails:
            text = text.replace(rel, "")
        return text.encode("utf-8")

    def app(_: bytes) -> bytes:
        owner = f"<Company>{escape(company)}</Company>" if company else ""
        return _APP_XML.format(application=APPLICATION, company=owner).encode("utf-8")

    def german(xml: bytes) -> bytes:
        return re.sub(rb'(<w:lang\b[^>]*\bw:val=")[^"]*(")', rb"\g<1>" + LANGUAGE.encode() + rb"\g<2>", xml)

    def content_types(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        for name in drop:
            text = re.sub(rf'<Override\b[^>]*PartName="/{re.escape(name)}"[^>]*/>', "", text)
        return text.encode("utf-8")

    changes: dict[str, Any] = {
        "_rels/.rels": relationships,
        "docProps/app.xml": app,
        "[Content_Types].xml": content_types,
    }
    if "word/stylesWithEffects.xml" in names:
        changes["word/stylesWithEffects.xml"] = german
    return _rewrite(data, changes, drop)


# --- page setup, language, styles -------------------------------------------------------------------


def _q(name: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(name))


def _child(parent: Any, name: str, before: tuple[str, ...] = ()) -> Any:
    """The child ``name`` of ``parent``, made (before the first of ``before`` present, else last) if missing."""
    from lxml.etree import SubElement

    found = parent.find(_q(name))
    if found is not None:
        return found
    element = SubElement(parent, _q(name))
    for following in before:
        anchor = parent.find(_q(following))
        if anchor is not None and anchor is not element:
            anchor.addprevious(element)
            break
    return element


def _a4(sect_pr: Any) -> None:
    """A4 portrait with the PDF's margins."""
    size = _child(sect_pr, "w:pgSz", ("w:pgMar",))
    size.set(_q("w:w"), str(A4[0]))
    size.set(_q("w:h"), str(A4[1]))
    size.attrib.pop(_q("w:orient"), None)
    margin = _child(sect_pr, "w:pgMar", ("w:cols", "w:docGrid"))
    for side, twips in MARGINS.items():
        margin.set(_q(f"w:{side}"), str(twips))
    margin.set(_q("w:header"), str(HEADER_FOOTER_DISTANCE))
    margin.set(_q("w:footer"), str(HEADER_FOOTER_DISTANCE))
    margin.set(_q("w:gutter"), "0")


def _landscape(sect_pr: Any) -> None:
    """``sect_pr`` turned to landscape (width and height swapped; the margins stay at their sides)."""
    size = _child(sect_pr, "w:pgSz", ("w:pgMar",))
    width, height = int(size.get(_q("w:w")) or A4[0]), int(size.get(_q("w:h")) or A4[1])
    if width < height:
        size.set(_q("w:w"), str(height))
        size.set(_q("w:h"), str(width))
    size.set(_q("w:orient"), "landscape")


def _portrait(sect_pr: Any) -> None:
    size = _child(sect_pr, "w:pgSz", ("w:pgMar",))
    width, height = int(size.get(_q("w:w")) or A4[0]), int(size.get(_q("w:h")) or A4[1])
    if width > height:
        size.set(_q("w:w"), str(height))
        size.set(_q("w:h"), str(width))
    size.attrib.pop(_q("w:orient"), None)


def _text_width(sect_pr: Any) -> int:
    size, margin = sect_pr.find(_q("w:pgSz")), sect_pr.find(_q("w:pgMar"))
    width = int(size.get(_q("w:w")) or A4[0]) if size is not None else A4[0]
    left = int(margin.get(_q("w:left")) or 0) if margin is not None else MARGINS["left"]
    right = int(margin.get(_q("w:right")) or 0) if margin is not None else MARGINS["right"]
    return max(width - left - right, 2000)


def _german(document: Any) -> None:
    """Proofing language de-DE: the styles' defaults and every language a style sets, and the settings'
    theme font language (which Word takes for new text)."""
    styles = document.styles.element
    defaults = styles.find(_q("w:docDefaults"))
    if defaults is None:
        from lxml.etree import SubElement

        defaults = SubElement(styles, _q("w:docDefaults"))
        styles.insert(0, defaults)
    run = _child(_child(defaults, "w:rPrDefault", ("w:pPrDefault",)), "w:rPr")
    _child(run, "w:lang")
    for lang in styles.iter(_q("w:lang")):
        lang.set(_q("w:val"), LANGUAGE)
    paragraph = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    _child(paragraph, "w:suppressAutoHyphens", ("w:spacing", "w:ind", "w:jc"))  # hyphenation only where allowed
    settings = document.settings.element
    _child(
        settings,
        "w:autoHyphenation",
        (
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:characterSpacingControl",
            "w:compat",
            "w:rsids",
            "w:themeFontLang",
            "w:clrSchemeMapping",
        ),
    )
    theme = _child(settings, "w:themeFontLang", ("w:clrSchemeMapping", "w:decimalSymbol", "w:listSeparator"))
    theme.set(_q("w:val"), LANGUAGE)


# The styles the writer uses, made when a reference document lacks them: (bold, size in points, outline level)
_NEEDED = {
    "Heading 1": (True, 16.0, 0),
    "Heading 2": (True, 13.0, 1),
    "Heading 3": (True, 11.5, 2),
    "Heading 4": (True, 10.5, 3),
    "List Paragraph": (False, 0.0, None),
    "Intense Quote": (False, 0.0, None),
}


def _styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles = document.styles
    for name, (bold, size, outline) in _NEEDED.items():
        try:
            styles[name]
            continue
        except KeyError:
            pass
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        if bold:
            style.font.bold = True
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12)
        if size:
            style.font.size = Pt(size)
        if name == "Intense Quote":
            style.font.italic = True
        if outline is not None:
            from lxml.etree import SubElement

            SubElement(style.element.get_or_add_pPr(), _q("w:outlineLvl"), {_q("w:val"): str(outline)})


# --- the body --------------------------------------------------------------------------------------
#
# The body is written as WordprocessingML directly, each paragraph and table row appended in
# constant time: python-docx's own ``add_paragraph`` searches the body for its end and
# ``table.cell()`` rebuilds the list of cells on every call, which made 1,000 measures take minutes.

_AMOUNT = re.compile(r"^[−+\-]?\s*\d[\d.,\s]*(?:\s*(?:€|%|VZE|Euro|EUR))?$")
_EMPTY_CELL = {"", "—", "–", "-"}
_EM = 210  # twips of one em at 10.5 pt
_NARROW, _WIDE = set("iljtfrI.,:;!'()[]/ "), set("mwMWÄÖÜABCDEGHKNOQRSUVXYZ%€—–@")
_CELL_PADDING = 2 * 108 + 60  # Word's default cell margins and a little air
_LONGEST_WORD = 24  # a longer word (a URL, a very long compound) may break; it widens its column no further


def _text_twips(text: str, bold: bool = False) -> int:
    """The width of ``text`` in 10.5 pt Arial, estimated from three classes of letters."""
    width = sum(0.3 if c in _NARROW else 0.78 if c in _WIDE else 0.56 for c in text) * _EM
    return int(width * (1.08 if bold else 1.0))


def _cell_text(token: Any) -> str:
    return "".join(child.content for child in token.children or () if child.type in ("text", "code_inline"))


def column_widths(texts: list[list[str]], available: int, header_rows: int = 1) -> tuple[list[int], list[bool]]:
    """Widths (twips, summing to ``available``) for columns holding ``texts`` (rows of cell texts), and
    for each column whether a word in it is wider than the column (there, and only there, Word may
    hyphenate).

    Every column is at least as wide as its longest word (up to ``_LONGEST_WORD`` characters), so
    that no word breaks mid-word; the rest is shared out by how much text a column holds beyond that.
    When even the longest words do not fit, the columns with the longest words give way first: a
    column of dates or amounts keeps its width."""
    count = max(len(row) for row in texts)
    minimum, wanted = [0] * count, [0] * count
    for number, row in enumerate(texts):
        bold = number < header_rows
        for index, text in enumerate(row):
            longest = max((_text_twips(word[:_LONGEST_WORD], bold) for word in text.split()), default=0)
            minimum[index] = max(minimum[index], longest + _CELL_PADDING)
            wanted[index] = max(wanted[index], _text_twips(text, bold) + _CELL_PADDING)
    minimum = [max(m, 3 * _EM // 2 + _CELL_PADDING) for m in minimum]
    wanted = [max(w, m) for w, m in zip(wanted, minimum)]
    needed = list(minimum)
    if sum(wanted) <= available:  # everything fits on one line: widen in proportion
        widths = [w * available // sum(wanted) for w in wanted]
    elif sum(minimum) <= available:
        spare, extra = available - sum(minimum), [w - m for w, m in zip(wanted, minimum)]
        widths = [m + e * spare // sum(extra) for m, e in zip(minimum, extra)]
    else:  # the widest minimums are cut to a common cap, the narrow columns keep theirs
        low, high = 0, max(minimum)
        while low < high:
            cap = (low + high + 1) // 2
            if sum(min(m, cap) for m in minimum) <= available:
                low = cap
            else:
                high = cap - 1
        widths = [min(m, low) for m in minimum]
    widths[-1] += available - sum(widths)
    return widths, [w < n for w, n in zip(widths, needed)]


class _Word:
    """Appends paragraphs, lists and tables to a python-docx document's body."""

    def __init__(self, document: Any, landscape: bool) -> None:
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
        self.landscape = landscape  # the whole document (the work plan)
        if landscape:
            _landscape(self._end)
        self.block_twips = _text_width(self._end)
        self._wide_twips = self.block_twips
        if not landscape:
            turned = copy.deepcopy(self._end)
            _landscape(turned)
            self._wide_twips = _text_width(turned)
        self._last: Any = None  # the last block written
        self._lead: list[Any] = []  # headings written since the last other block (they go with what follows)
        self._wide_open = False  # a landscape section has begun and not yet ended
        self._numbering: Any = None
        self._abstract: dict[bool, str] = {}
        self._bullets: str | None = None
        self._sections = 0  # sections ended so far

    # --- blocks and sections ---

    def _style(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.document.styles[name].style_id
        return self._styles[name]

    def _block(self, tag: str) -> Any:
        element = self.sub(self._body, self.q(tag))  # made in the body's namespace context …
        if self._end is not None:
            self._end.addprevious(element)  # … and moved before the section properties
        self._last = element
        return element

    def _content(self, heading: bool = False, wide: bool = False) -> None:
        """Before a block: a landscape section ends before a block that is not a wide table (with the
        headings that lead to that block); a heading is held back until it is known what it leads to."""
        if self._wide_open and not heading and not wide:
            self._section_end(self._lead[0] if self._lead else None, landscape=True)
            self._wide_open = False
        if not heading:
            self._lead = []

    def _section_end(self, before: Any, landscape: bool) -> None:
        """End a section just before ``before`` (None: at the current end) with the body's page setup,
        turned to ``landscape`` or portrait. The empty paragraph after a table carries it where there
        is one; the first page's letterhead (``titlePg``) stays with the first section."""
        q = self.q
        previous = before.getprevious() if before is not None else self._end.getprevious()
        if previous is None:  # nothing before: no empty section at the start
            return
        properties = copy.deepcopy(self._end)
        if self._sections:  # only the first section has a first page of its own
            for element in properties.findall(q("w:titlePg")):
                properties.remove(element)
        else:
            for element in self._end.findall(q("w:titlePg")):
                self._end.remove(element)
        (_landscape if landscape else _portrait)(properties)
        if (
            previous.tag == q("w:p")
            and previous.find(q("w:r")) is None
            and previous.find(q("w:pPr")) is None
            and previous.getprevious() is not None
            and previous.getprevious().tag == q("w:tbl")
        ):
            paragraph = previous
        else:
            paragraph = self.sub(self._body, q("w:p"))
            (before if before is not None else self._end).addprevious(paragraph)
        self.sub(paragraph, q("w:pPr")).append(properties)
        self._sections += 1

    def picture(self, data: bytes, alt: str, width_cm: float = 15.0) -> None:
        """A paragraph holding one picture (PNG ``data``), ``width_cm`` wide, with ``alt`` as its description."""
        from docx.shared import Cm
        from docx.text.paragraph import Paragraph

        element = self.paragraph()
        run = Paragraph(element, self.document._body).add_run()
        shape = run.add_picture(io.BytesIO(data), width=Cm(width_cm))
        shape._inline.docPr.set("descr", alt)

    def finish(self) -> None:
        """The last section: landscape when the document ends with a wide table (no empty page after it)."""
        if self._wide_open:
            _landscape(self._end)

    # --- paragraphs ---

    def paragraph(
        self,
        style: str | None = None,
        indent: tuple[int, int] | None = None,
        *,
        heading: bool = False,
        numbering: tuple[str, int] | None = None,
    ) -> Any:
        """A new paragraph at the end; ``indent`` is (left, hanging) in twentieths of a point,
        ``numbering`` (numId, level) of a list; a heading keeps with the paragraph after it."""
        self._content(heading=heading)
        paragraph = self._block("w:p")
        if heading:
            self._lead.append(paragraph)
        if style is not None or indent is not None or heading or numbering is not None:
            q, sub = self.q, self.sub
            properties = sub(paragraph, q("w:pPr"))
            if style is not None:
                sub(properties, q("w:pStyle"), {q("w:val"): self._style(style)})
            if heading:
                sub(properties, q("w:keepNext"))
                sub(properties, q("w:keepLines"))
            if numbering is not None:
                number = sub(properties, q("w:numPr"))
                sub(number, q("w:ilvl"), {q("w:val"): str(numbering[1])})
                sub(number, q("w:numId"), {q("w:val"): numbering[0]})
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

    def page_break(self) -> None:
        """A page break, unless the page has just begun (at the start, after a section or another break)."""
        q = self.q
        last = self._last
        if last is None or (last.tag == q("w:p") and any(br.get(q("w:type")) == "page" for br in last.iter(q("w:br")))):
            return
        if self._wide_open:  # the landscape section's end begins a new page anyway
            self._content()
            return
        self.line_break(self.paragraph(), page=True)

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

    # --- lists ---

    def _abstract_num(self, ordered: bool) -> str:
        """The id of ki's numbering definition for ordered (1., 2., …) or bulleted lists, made once."""
        if ordered in self._abstract:
            return self._abstract[ordered]
        q, sub = self.q, self.sub
        if self._numbering is None:
            self._numbering = self.document.part.numbering_part.element
        root = self._numbering
        used = [int(a.get(q("w:abstractNumId")) or 0) for a in root.findall(q("w:abstractNum"))]
        ident = str(max(used + [int(v) for v in self._abstract.values()], default=-1) + 1)
        abstract = sub(root, q("w:abstractNum"), {q("w:abstractNumId"): ident})
        first_num = root.find(q("w:num"))
        if first_num is not None:  # every abstractNum comes before the first num
            first_num.addprevious(abstract)
        sub(abstract, q("w:multiLevelType"), {q("w:val"): "hybridMultilevel"})
        for level in range(9):
            lvl = sub(abstract, q("w:lvl"), {q("w:ilvl"): str(level)})
            sub(lvl, q("w:start"), {q("w:val"): "1"})
            sub(lvl, q("w:numFmt"), {q("w:val"): "decimal" if ordered else "bullet"})
            sub(lvl, q("w:lvlText"), {q("w:val"): f"%{level + 1}." if ordered else "•–▪"[level % 3]})
            sub(lvl, q("w:lvlJc"), {q("w:val"): "left"})
            properties = sub(lvl, q("w:pPr"))
            sub(properties, q("w:ind"), {q("w:left"): str(360 * (level + 1)), q("w:hanging"): "360"})
        self._abstract[ordered] = ident
        return ident

    def _num(self, ordered: bool, level: int, start: int) -> str:
        q, sub = self.q, self.sub
        abstract = self._abstract_num(ordered)
        root = self._numbering
        ident = str(max((int(n.get(q("w:numId")) or 0) for n in root.findall(q("w:num"))), default=0) + 1)
        num = sub(root, q("w:num"), {q("w:numId"): ident})
        sub(num, q("w:abstractNumId"), {q("w:val"): abstract})
        if ordered:  # each ordered list counts from its own start
            override = sub(num, q("w:lvlOverride"), {q("w:ilvl"): str(level)})
            sub(override, q("w:startOverride"), {q("w:val"): str(start)})
        return ident

    def list_numbering(self, ordered: bool, level: int, start: int) -> str:
        """The numId for a new list: a fresh one for each ordered list, one for all bulleted lists."""
        if ordered:
            return self._num(True, level, start)
        if self._bullets is None:
            self._bullets = self._num(False, level, 1)
        return self._bullets

    # --- tables ---

    def table(self, rows: list[list[tuple[Any, bool, str]]]) -> None:
        """A table built row by row: columns as wide as their content needs, rows that never split,
        header rows repeated on every page, amounts right-aligned; a table of ``WIDE_TABLE`` columns
        or more stands on landscape pages (in a section of its own unless the document is landscape)."""
        q, SubElement = self.q, self.sub
        width = max(len(row) for row in rows)
        wide = width >= WIDE_TABLE and not self.landscape
        if wide and not self._wide_open:
            self._section_end(self._lead[0] if self._lead else None, landscape=False)
            self._wide_open = True
        self._content(wide=wide)
        texts = [[_cell_text(token) for token, _, _ in row] for row in rows]
        headers = sum(1 for row in rows if row and row[0][1])
        widths, tight = column_widths(texts, self._wide_twips if wide else self.block_twips, headers)
        right = [self._amount_column(rows, texts, index) for index in range(width)]
        table = self._block("w:tbl")
        properties = SubElement(table, q("w:tblPr"))
        try:
            SubElement(properties, q("w:tblStyle"), {q("w:val"): self._style("Table Grid")})
        except KeyError:  # a reference document without the style: the borders below draw the grid
            pass
        SubElement(properties, q("w:tblW"), {q("w:type"): "dxa", q("w:w"): str(sum(widths))})
        borders = SubElement(properties, q("w:tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            SubElement(
                borders,
                q(f"w:{side}"),
                {q("w:val"): "single", q("w:sz"): "4", q("w:space"): "0", q("w:color"): "808080"},
            )
        SubElement(properties, q("w:tblLayout"), {q("w:type"): "fixed"})
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
        for column in widths:
            SubElement(grid, q("w:gridCol"), {q("w:w"): str(column)})
        for row in rows:
            element = SubElement(table, q("w:tr"))
            header = bool(row and row[0][1])
            row_properties = SubElement(element, q("w:trPr"))
            SubElement(row_properties, q("w:cantSplit"))
            if header:
                SubElement(row_properties, q("w:tblHeader"))
            for index in range(width):
                cell = SubElement(element, q("w:tc"))
                cell_properties = SubElement(cell, q("w:tcPr"))
                SubElement(cell_properties, q("w:tcW"), {q("w:type"): "dxa", q("w:w"): str(widths[index])})
                if header:
                    SubElement(
                        cell_properties, q("w:shd"), {q("w:val"): "clear", q("w:color"): "auto", q("w:fill"): "EEEEEE"}
                    )
                paragraph = SubElement(cell, q("w:p"))
                if header or right[index] or tight[index]:
                    paragraph_properties = SubElement(paragraph, q("w:pPr"))
                    if header:  # the header row stays with the first row below it
                        SubElement(paragraph_properties, q("w:keepNext"))
                    if tight[index]:  # a word wider than its column: hyphenated here, nowhere else
                        SubElement(paragraph_properties, q("w:suppressAutoHyphens"), {q("w:val"): "0"})
                    if right[index]:
                        SubElement(paragraph_properties, q("w:jc"), {q("w:val"): "right"})
                if index < len(row):
                    token, is_header, _ = row[index]
                    self.inline(paragraph, token, bold=is_header)
        self._block("w:p")  # Word needs a paragraph between two tables

    @staticmethod
    def _amount_column(rows: list[list[tuple[Any, bool, str]]], texts: list[list[str]], index: int) -> bool:
        """A column of amounts and figures: right-aligned as the Markdown says (``---:``), or when every
        body cell that is not empty holds a figure."""
        aligns = [row[index][2] for row in rows if index < len(row)]
        if "right" in aligns:
            return True
        body = [
            texts[r][index].strip()
            for r, row in enumerate(rows)
            if index < len(row) and not row[index][1] and texts[r][index].strip() not in _EMPTY_CELL
        ]
        return bool(body) and all(_AMOUNT.match(text) for text in body)


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


def _has_text(part: Any) -> bool:
    return any(paragraph.text.strip() for paragraph in part.paragraphs) or bool(part.tables)


def _letterhead(document: Any, footer: str, entwurf: bool, own: bool) -> None:
    """The footer with the municipality and page numbers (unless the reference document has a footer of
    its own) and, for a draft, ENTWURF in the header (beside any letterhead)."""
    from docx.shared import Pt

    section = document.sections[-1]
    if not (own and not section.footer.is_linked_to_previous and _has_text(section.footer)):
        paragraphs = section.footer.paragraphs
        footer_paragraph = paragraphs[0] if paragraphs and not paragraphs[0].text else section.footer.add_paragraph()
        footer_paragraph.add_run(f"{footer}    Seite ")
        _add_field(footer_paragraph, "PAGE")
        footer_paragraph.add_run(" von ")
        _add_field(footer_paragraph, "NUMPAGES")
        for run in footer_paragraph.runs:
            run.font.size = Pt(8.5)
    if entwurf:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        for header in headers:
            paragraphs = header.paragraphs
            paragraph = paragraphs[0] if paragraphs and not _has_text(header) else header.add_paragraph()
            run = paragraph.add_run("ENTWURF")
            run.bold = True
            run.font.size = Pt(14)


def to_docx(
    markdown: str,
    titel: str,
    footer: str,
    entwurf: bool,
    autor: str = "",
    *,
    landscape: bool = False,
    reference: bytes | None = None,
    images: dict[str, tuple[bytes, str]] | None = None,
) -> bytes:
    """A Word document with heading styles, lists, tables, page numbers and the footer text.

    ``landscape``: every page landscape (the work plan); ``reference``: a municipality's Word file
    checked by ``read_reference``, whose styles, page setup and letterhead are used; ``images``: a
    paragraph that is only one of its keys (the report's chart markers) becomes that picture (PNG, alt text).

    Characters that XML cannot hold (control characters) arrive here already replaced by
    U+FFFD (``documents.output``); ``replace_controls`` is applied again to what comes from elsewhere."""
    import datetime as dt

    from docx.shared import Pt

    from ki_cli.render.formatting import replace_controls

    markdown, titel = replace_controls(markdown), replace_controls(titel)
    footer, autor = replace_controls(footer), replace_controls(autor)
    document = _open(reference)
    # the template's own author, dates and comment are replaced, all of them
    properties = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.title = titel
    properties.language = LANGUAGE
    properties.author = properties.last_modified_by = autor
    properties.comments = "Erstellt mit ki (Werkzeuge für die Kommunalen Integrationszentren NRW)"
    properties.keywords = "Kommunales Integrationszentrum"
    properties.subject = properties.category = properties.content_status = ""
    properties.created = properties.modified = now
    properties.revision = 1
    if reference is None:
        document.styles["Normal"].font.name = "Arial"
        document.styles["Normal"].font.size = Pt(10.5)
    _german(document)
    _styles(document)
    _letterhead(document, footer, entwurf, own=reference is not None)

    word = _Word(document, landscape)
    tokens = _markdown().parse(markdown)
    lists: list[list[Any]] = []  # a stack of [ordered?, start, numId or None]
    rows: list[list[tuple[Any, bool, str]]] | None = None
    in_quote = False
    pending_item = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            heading = word.paragraph(style=f"Heading {min(level, 4)}", heading=True)
            word.inline(heading, tokens[i + 1])
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrs.get("start", 1) or 1), None])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            pending_item = True
        elif kind == "paragraph_open" and images and not lists and tokens[i + 1].content.strip() in images:
            word.picture(*images[tokens[i + 1].content.strip()])
            i += 2
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            if lists:
                current = lists[-1]
                if pending_item:
                    if current[2] is None:
                        current[2] = word.list_numbering(current[0], len(lists) - 1, current[1])
                    paragraph = word.paragraph(style="List Paragraph", numbering=(current[2], len(lists) - 1))
                    pending_item = False
                else:  # a further paragraph of the same item: indented as the item's text
                    paragraph = word.paragraph(style="List Paragraph", indent=(360 * len(lists), 0))
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
            style = str(token.attrs.get("style", "") or "")
            align = "right" if "right" in style else ""
            rows[-1].append((tokens[i + 1], kind == "th_open", align))
            i += 1
        elif kind == "table_close" and rows is not None:
            if rows and any(rows):
                word.table(rows)
            rows = None
        elif kind == "hr":
            word.page_break()
        elif kind in ("fence", "code_block"):
            word.run(word.paragraph(), token.content.rstrip("\n"))
        i += 1
    word.finish()
    buffer = io.BytesIO()
    document.save(buffer)
    return _clean_package(buffer.getvalue(), autor)
