"""``ki render`` of hostile concept files and template folders (issue 12).

A concept file is exchanged between municipalities and rendered by the dozen; a template
folder may come from anyone. Neither may read the machine's files, reach the network, exhaust
the machine or crash the render. The hostile inputs are in ``tests/hostile/render/``; links,
FIFOs and a live HTTP server are made here, in a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import zipfile
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, VALID, with_measures

HOSTILE = Path(__file__).resolve().parents[1] / "hostile" / "render"
CONCEPTS = HOSTILE / "concepts"
LIMITS = HOSTILE / "templates" / "limits"
FETCH_FILES = HOSTILE / "templates" / "fetch-files"
SECRET = "GEHEIM-4711-nicht-im-Dokument"
# a 1×1 PNG
PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="


class Elements(HTMLParser):
    """The elements of an HTML document (name, attributes) and its text, as a browser reads them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.texts.setdefault(self._open[-1] if self._open else "", []).append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def text(self, tag: str) -> str:
        return "".join(self.texts.get(tag, []))

    def all_text(self) -> str:
        return "".join(part for parts in self.texts.values() for part in parts)


def _render(cli: Any, kind: str, concept: Path, target: Path, *extra: str) -> Any:
    result = cli("render", kind, str(concept), "-o", str(target), "--force", *extra)
    assert result.exit_code == 0, result.stderr
    return result


def _symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError) as err:
        pytest.skip(f"no symbolic links here: {err}")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside the template folder that no document may show."""
    path = tmp_path / "geheim.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.fixture
def own(tmp_path: Path) -> Path:
    folder = tmp_path / "vorlagen"
    folder.mkdir()
    return folder


@pytest.fixture
def concept(tmp_path: Path) -> Path:
    path = tmp_path / "konzept.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


# --- S1: the HTML head is escaped ------------------------------------------------------------


def test_hostile_names_in_the_html_head_stay_text(cli, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "proposal", CONCEPTS / "head-injection.yaml", target)
    page = Elements(target.read_text(encoding="utf-8"))
    assert page.named("link") == [] and page.named("script") == [] and page.named("img") == []
    assert page.text("title").count('Stadt</title><link rel=attachment href="file:///etc/passwd"><title>') == 1
    author = next(m for m in page.named("meta") if m.get("name") == "author")
    assert author["content"] == 'KI"><script>alert(1)</script><meta name="x'


def test_an_agreements_subject_in_the_title_stays_text(cli, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "agreements", CONCEPTS / "head-injection.yaml", target)
    page = Elements(target.read_text(encoding="utf-8"))
    assert page.named("img") == []
    assert '<img src="http://127.0.0.1:9/ssrf.png">' in page.text("title")


def test_pdf_of_hostile_head_fields_has_no_attachment_and_fetches_nothing(cli, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    result = _render(cli, "proposal", CONCEPTS / "head-injection.yaml", target, "--lang", "en")
    reader = PdfReader(str(target))
    assert dict(reader.attachments) == {}
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert "Warning" not in result.stderr  # nothing was even tried


def test_own_html_frame_is_autoescaped_too(cli, own, tmp_path):
    (own / "base.html.j2").write_text(
        "<html><head><title>{{ kommune.name }}</title></head><body>{{ inhalt }}</body></html>", encoding="utf-8"
    )
    target = tmp_path / "v.html"
    _render(cli, "proposal", CONCEPTS / "head-injection.yaml", target, "--template-dir", str(own))
    page = Elements(target.read_text(encoding="utf-8"))
    assert page.named("link") == [] and page.text("title").startswith("Stadt</title>")


# --- S2: nothing is loaded from files or the network -----------------------------------------


def test_own_frame_naming_files_gets_none_of_them_into_the_pdf(cli, concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    result = _render(cli, "proposal", concept, target, "--template-dir", str(FETCH_FILES), "--lang", "en")
    reader = PdfReader(str(target))
    assert dict(reader.attachments) == {}
    annotations = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])]
    assert not [a for a in annotations if a.get("/Subtype") == "/FileAttachment"]
    assert all(not page.images for page in reader.pages)
    for refused in (
        "file:///etc/passwd",
        "file:///etc/hostname",
        "file:///etc/ki-hostile.css",
        "file:///etc/ki-hostile-import.css",
        "http://127.0.0.1:9/ki-hostile.png",
    ):
        assert refused in result.stderr
    assert "Warning" in result.stderr


@pytest.fixture
def server():
    """A local HTTP server that records every request it gets."""
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()
    httpd.server_close()


def test_nothing_in_a_template_reaches_the_network(cli, own, concept, tmp_path, server):
    url, requests = server
    (own / "proposal.md.j2").write_text(f"# Titel\n\n![Bild]({url}/bild.png)\n", encoding="utf-8")
    (own / "base.html.j2").write_text(
        f'<html><head><link rel="attachment" href="{url}/anhang"><link rel="stylesheet" href="{url}/s.css">'
        f'</head><body><img src="{url}/img.png">{{{{ inhalt }}}}</body></html>',
        encoding="utf-8",
    )
    target = tmp_path / "v.pdf"
    result = _render(cli, "proposal", concept, target, "--template-dir", str(own), "--lang", "en")
    assert requests == []
    assert f"{url}/bild.png" in result.stderr and f"{url}/img.png" in result.stderr


def test_a_data_image_in_a_template_is_embedded(cli, own, concept, tmp_path):
    from pypdf import PdfReader

    (own / "proposal.md.j2").write_text(f"# Logo\n\n![Logo](data:image/png;base64,{PIXEL})\n", encoding="utf-8")
    target = tmp_path / "v.pdf"
    result = _render(cli, "proposal", concept, target, "--template-dir", str(own), "--lang", "en")
    assert len(PdfReader(str(target)).pages[0].images) == 1 and "Warning" not in result.stderr


def test_html_forbids_the_browser_to_load_anything(cli, concept, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "proposal", concept, target)
    policy = next(
        m
        for m in Elements(target.read_text(encoding="utf-8")).named("meta")
        if m.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in (policy["content"] or "")


def _refused(cli: Any, concept: Path, own: Path, *args: str) -> Any:
    result = cli("render", "proposal", str(concept), "--template-dir", str(own), "--lang", "de", *args)
    assert result.exit_code == 2
    assert SECRET not in result.stdout + result.stderr
    return result


def test_include_of_a_link_out_of_the_folder_is_refused(cli, own, concept, secret):
    _symlink(own / "geheim.md.j2", secret)
    (own / "proposal.md.j2").write_text("# x\n{% include 'geheim.md.j2' %}\n", encoding="utf-8")
    result = _refused(cli, concept, own)
    assert "proposal.md.j2:2" in result.stderr and "„geheim.md.j2“ liegt außerhalb des Vorlagenordners" in result.stderr


def test_a_template_that_links_out_is_refused_not_replaced_by_the_builtin(cli, own, concept, secret):
    _symlink(own / "proposal.md.j2", secret)
    result = _refused(cli, concept, own)
    assert "proposal.md.j2" in result.stderr and "außerhalb" in result.stderr


def test_a_linked_subfolder_leading_out_is_refused(cli, own, concept, secret, tmp_path):
    outside = tmp_path / "draussen"
    outside.mkdir()
    (outside / "teil.md.j2").write_text(SECRET, encoding="utf-8")
    _symlink(own / "teile", outside)
    (own / "proposal.md.j2").write_text("{% include 'teile/teil.md.j2' %}\n", encoding="utf-8")
    assert "außerhalb" in _refused(cli, concept, own).stderr


def test_the_builtin_frame_and_templates_are_read_from_the_package_only(cli, own, concept, secret):
    (own / "proposal.md.j2").write_text("{% include '../geheim.txt' %}\n", encoding="utf-8")
    _refused(cli, concept, own)


def test_a_link_inside_the_folder_is_followed(cli, own, concept):
    (own / "hausstil").mkdir()
    (own / "hausstil" / "vorlage.md.j2").write_text("# Hausstil {{ kommune.name }}\n", encoding="utf-8")
    _symlink(own / "proposal.md.j2", own / "hausstil" / "vorlage.md.j2")
    result = cli("render", "proposal", str(concept), "--template-dir", str(own))
    assert result.exit_code == 0 and result.stdout == "# Hausstil Stadt Beispielstadt\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_template_is_refused_without_waiting(own, concept):
    os.mkfifo(own / "proposal.md.j2")
    command = [
        sys.executable,
        "-m",
        "ki_cli",
        "render",
        "proposal",
        str(concept),
        "--template-dir",
        str(own),
        "--lang",
        "de",
    ]
    try:  # the timeout only keeps a regression from hanging the suite
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("ki render waited for the FIFO")
    assert result.returncode == 2 and "keine gewöhnliche Datei" in result.stderr


def test_a_template_above_the_size_limit_is_refused(cli, own, concept):
    (own / "proposal.md.j2").write_text("x" * 1_100_000, encoding="utf-8")
    result = cli("render", "proposal", str(concept), "--template-dir", str(own), "--lang", "en")
    assert result.exit_code == 2 and "larger than 1,000,000 bytes" in result.stderr


# --- S8: limits --------------------------------------------------------------------------------

CASES = sorted(p.name for p in LIMITS.iterdir() if (p / "proposal.md.j2").is_file())
WITHOUT_LINE = {"nested-if-300", "nested-parens-500", "output-huge"}  # the whole template is at fault

DRIVER = r"""
import json, sys, time
from pathlib import Path
from typer.testing import CliRunner
from ki_cli.cli.app import app

concept, out, *cases = sys.argv[1:]
runner = CliRunner()
results = {}
for case in cases:
    target = Path(out) / (Path(case).name + ".md")
    start = time.perf_counter()
    try:
        result = runner.invoke(app, ["render", "proposal", concept, "--template-dir", case, "-o", str(target),
                                     "--lang", "en"], catch_exceptions=False)
        outcome = {"exit": result.exit_code, "stderr": result.stderr}
    except BaseException as err:
        outcome = {"exit": None, "stderr": f"{type(err).__name__}: {err}"}
    outcome["written"] = target.exists()
    outcome["seconds"] = round(time.perf_counter() - start, 2)
    results[Path(case).name] = outcome
print(json.dumps(results))
"""

MEMORY_LIMIT = 1536 * 1024 * 1024  # address space of the whole process: generous, but far below 10**9 of anything
CPU_LIMIT = 600  # seconds of CPU for all cases together; a hang is killed, not waited for


def _limits() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


@pytest.fixture(scope="module")
def limit_results(tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Every template of ``tests/hostile/render/templates/limits`` rendered in one process under limits."""
    folder = tmp_path_factory.mktemp("limits")
    concept = folder / "konzept.yaml"
    concept.write_text(VALID, encoding="utf-8")
    command = [sys.executable, "-c", DRIVER, str(concept), str(folder), *(str(LIMITS / c) for c in CASES)]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        preexec_fn=_limits if sys.platform != "win32" else None,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", CASES)
def test_hostile_template_ends_in_a_clear_error(limit_results, case):
    outcome = limit_results[case]
    stderr = outcome["stderr"]
    assert outcome["exit"] == 2, stderr
    assert not outcome["written"]
    assert "Traceback" not in stderr and "Internal error" not in stderr
    assert "proposal.md.j2" in stderr
    if case not in WITHOUT_LINE:
        assert "proposal.md.j2:2: " in stderr, stderr


def test_loops_over_too_many_items_are_stopped_with_the_budget_named(limit_results):
    assert "more than 5,000,000 loop iterations, calls and operations" in limit_results["nested-range"]["stderr"]


def test_a_gigabyte_string_is_refused_before_it_is_made(limit_results):
    assert "longer than 10,000,000 characters" in limit_results["string-repeat"]["stderr"]


def test_endless_recursion_names_the_cause(limit_results):
    assert "does a macro call itself" in limit_results["recursive-macro"]["stderr"]
    assert "includes itself without end" in limit_results["self-include"]["stderr"]


def test_a_list_that_contains_itself_is_printed_as_python_prints_it(cli, own, concept):
    (own / "proposal.md.j2").write_text("{% set a = [1] %}{{ a.append(a) }}{{ a }}\n", encoding="utf-8")
    result = cli("render", "proposal", str(concept), "--template-dir", str(own))
    assert result.exit_code == 0 and result.stdout == "None\\[1, \\[...\\]\\]\n"


def test_a_failing_filter_is_named_in_german(cli, concept):
    result = cli(
        "render", "proposal", str(concept), "--template-dir", str(LIMITS / "truncate-negative"), "--lang", "de"
    )
    assert result.exit_code == 2
    assert "proposal.md.j2:2: Der Filter „truncate“ scheitert" in result.stderr


# --- D5: Markdown syntax in text stays text ------------------------------------------------------


def test_markdown_syntax_in_text_fields_stays_text_in_html(cli, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "proposal", CONCEPTS / "markdown-injection.yaml", target)
    page = Elements(target.read_text(encoding="utf-8"))
    assert page.named("hr") == [] and page.named("b") == [] and "Sitzung" not in page.text("li")
    paragraphs = page.texts["p"]
    assert "---" in paragraphs and "100. Sitzung des Integrationsrats" in paragraphs
    assert "&lt;b&gt;fett&lt;/b&gt;" in page.all_text()


def test_markdown_syntax_in_text_fields_stays_text_in_word(cli, tmp_path):
    import docx

    target = tmp_path / "v.docx"
    _render(cli, "proposal", CONCEPTS / "markdown-injection.yaml", target)
    document = docx.Document(str(target))
    paragraphs = {p.text: p.style.name for p in document.paragraphs}
    assert paragraphs.get("---") == "Normal" and paragraphs.get("100. Sitzung des Integrationsrats") == "Normal"
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "&lt;b&gt;fett&lt;/b&gt;" in cells


def test_a_quote_and_a_link_in_a_description_stay_text(cli, tmp_path):
    target = tmp_path / "v.html"
    _render(cli, "concept", CONCEPTS / "markdown-injection.yaml", target)
    page = Elements(target.read_text(encoding="utf-8"))
    assert page.named("blockquote") == [] and page.named("a") == []
    assert "> kein Zitat [kein Link](http://127.0.0.1:9/)" in page.texts["p"]


def test_own_template_prints_values_escaped_without_the_md_filter(cli, own, tmp_path):
    (own / "proposal.md.j2").write_text(
        "# x\n\n{{ schwerpunkte[0].begruendung }}\n\n{{ schwerpunkte[1].begruendung }}\n", encoding="utf-8"
    )
    target = tmp_path / "v.html"
    _render(cli, "proposal", CONCEPTS / "markdown-injection.yaml", target, "--template-dir", str(own))
    page = Elements(target.read_text(encoding="utf-8"))
    assert page.named("hr") == [] and page.named("ol") == []
    assert page.texts["p"] == ["---", "100. Sitzung des Integrationsrats"]  # neither a rule nor a list


def test_safe_lets_a_template_write_markdown_in_an_expression(cli, own, concept):
    (own / "proposal.md.j2").write_text("{{ '**fett**' | safe }} {{ '**nicht fett**' }}\n", encoding="utf-8")
    result = cli("render", "proposal", str(concept), "--template-dir", str(own))
    assert result.stdout == "**fett** \\*\\*nicht fett\\*\\*\n"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [text for key, item in items for text in [*_strings(key), *_strings(item)]]


# --- control characters ------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".html", ".pdf", ".docx", ".json"])
def test_control_characters_become_visible_replacement_characters(cli, tmp_path, suffix):
    target = tmp_path / f"v{suffix}"
    _render(cli, "proposal", CONCEPTS / "control-characters.yaml", target)
    if suffix == ".docx":
        import docx

        document = docx.Document(str(target))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert "Fort\ufffdbil\ufffddung\ufffd\ufffd" in cells
        assert document.core_properties.title.count("Stadt\ufffd[2J Beispielstadt") == 1
        return
    if suffix == ".pdf":
        from pypdf import PdfReader

        assert PdfReader(str(target)).pages
        return
    text = target.read_text(encoding="utf-8")
    if suffix == ".json":  # JSON would carry them escaped (\u001b): look at the decoded texts
        text = "\n".join(_strings(json.loads(text)))
    assert "\x1b" not in text and "\x01" not in text and "\uffff" not in text and "\x9b" not in text
    assert ("\ufffd[2J Beispielstadt" if suffix == ".json" else "Fort\ufffdbil\ufffddung\ufffd\ufffd") in text


# --- huge amounts ------------------------------------------------------------------------------------


def test_amounts_of_1e308_end_in_a_finding_not_in_the_template(cli, tmp_path):
    result = cli(
        "render",
        "proposal",
        str(CONCEPTS / "huge-amounts.yaml"),
        "-o",
        str(tmp_path / "v.md"),
        "--allow-errors",
        "--lang",
        "de",
    )
    assert result.exit_code == 1 and "KI103" in result.stderr
    assert "Interner Fehler" not in result.stderr and ".j2" not in result.stderr


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_the_largest_amounts_print_digit_by_digit(cli, tmp_path, suffix):
    target = tmp_path / f"v{suffix}"
    _render(cli, "proposal", CONCEPTS / "largest-amounts.yaml", target)
    if suffix == ".md":
        text = target.read_text(encoding="utf-8")
    else:
        import docx

        text = "\n".join(c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells)
    assert "3.999.999.999.999,98\u00a0€" in text  # the municipality's share over two years


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (float("inf"), "∞\u00a0€"),
        (float("-inf"), "−∞\u00a0€"),
        (float("nan"), "nicht berechenbar"),
        (1e308, "1 × 10^308\u00a0€"),
        (2.5e16, "2,5 × 10^16\u00a0€"),
        (10**30, "1" + ".000" * 10 + "\u00a0€"),  # an int keeps its digits
        (364500, "364.500\u00a0€"),
        (1234.56, "1.234,56\u00a0€"),
    ],
)
def test_money_formatting_never_fails_nor_invents_digits(value, shown):
    from ki_cli.render.formatting import euro

    assert euro(value) == shown


@pytest.mark.parametrize("function", ["zahl", "vze"])
def test_numbers_of_any_size_are_formatted(function):
    from ki_cli.render import formatting

    format_ = getattr(formatting, function)
    assert format_(float("inf")) == "∞" and format_(1e308) == "1 × 10^308"


# --- Word output at scale ----------------------------------------------------------------------------


def test_2000_measures_to_word_have_one_table_row_each(cli, tmp_path):
    import docx

    path = tmp_path / "gross.yaml"
    path.write_text(with_measures(2000), encoding="utf-8")
    target = tmp_path / "v.docx"
    _render(cli, "proposal", path, target)
    document = docx.Document(str(target))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Maßnahme"]
    assert sorted(len(t.rows) for t in tables) == [2, 2002]  # header + rows of both Schwerpunkte
    big = max(tables, key=lambda t: len(t.rows))
    assert [c.text for c in big.rows[-1].cells] == [
        "Zusätzliche Maßnahme 1999",
        "Initiative",
        "Kommunales Integrationszentrum",
        "AWO",
    ]
    header = zipfile.ZipFile(target).read("word/document.xml").decode().count("<w:tblHeader")
    assert header == len(document.tables)  # every table's header row repeats on each page
