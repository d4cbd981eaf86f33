"""The JSON Schema in a real editor backend: yaml-language-server (npm), driven over stdio LSP.

What a municipality's clerk sees in VS Code: no false diagnostics on the bundled concepts or a
fresh ``ki init`` file with either language's schema, a diagnostic for a typo in a key, hover
texts and completion in the schema's language. The server comes from npm: set
``KI_YAML_LANGUAGE_SERVER`` to a folder where ``npm install yaml-language-server`` was run, or
the test installs it into a temporary folder; it is skipped when node or npm is missing or the
install fails (no network).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from ki_cli.format.schema import FILE_NAMES
from tests.helpers import CONCEPTS, ROOT, replace

SERVER = Path("node_modules") / "yaml-language-server" / "bin" / "yaml-language-server"
WAIT = 120  # seconds to wait for one answer of the server before the test fails (never a timing assertion)


@pytest.fixture(scope="module")
def server_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node or npm is not installed")
    given = os.environ.get("KI_YAML_LANGUAGE_SERVER")
    if given and (Path(given) / SERVER).is_file():
        return Path(given)
    folder = tmp_path_factory.mktemp("yls")
    result = subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", "yaml-language-server"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0 or not (folder / SERVER).is_file():
        pytest.skip(f"npm install yaml-language-server failed: {result.stderr[-300:]}")
    return folder


class Client:
    """A minimal LSP client: JSON-RPC messages with Content-Length headers over the server's stdio."""

    def __init__(self, server_dir: Path) -> None:
        self.process = subprocess.Popen(
            ["node", str(server_dir / SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def _next(self) -> dict[str, Any]:
        try:
            return self.messages.get(timeout=WAIT)
        except queue.Empty:
            pytest.fail("yaml-language-server did not answer")

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        while True:
            message = self._next()
            if message.get("id") == ident and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self._answer(message)

    def _answer(self, message: dict[str, Any]) -> None:
        """The server's own requests (configuration, capability registration): answered plainly."""
        if "id" in message and "method" in message:
            result: Any = [SETTINGS["yaml"]] * len(message["params"].get("items", [])) or None
            if message["method"] != "workspace/configuration":
                result = None
            self.send({"id": message["id"], "result": result})
        elif message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]

    diagnostics: dict[str, list[dict[str, Any]]]

    def diagnostics_of(self, uri: str) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for ``uri`` after a request has made sure it has
        read the document and its schema (hover needs both)."""
        self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 2}})
        while uri not in self.diagnostics:
            self._answer(self._next())
        return self.diagnostics.pop(uri)

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


SETTINGS: dict[str, Any] = {
    "yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}},
}


@pytest.fixture(scope="module")
def client(server_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    lsp = Client(server_dir)
    lsp.diagnostics = {}
    root = tmp_path_factory.getbasetemp().as_uri()
    lsp.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": root,
            "capabilities": {
                "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
                "workspace": {"configuration": True},
            },
        },
    )
    lsp.notify("initialized", {})
    lsp.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
    yield lsp
    lsp.close()


def _open(client: Client, path: Path) -> str:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
    )
    return uri


def _folder(tmp_path: Path, lang: str) -> Path:
    """A folder as ``ki init`` leaves it: the schema of ``lang`` beside the files that name it."""
    shutil.copy(ROOT / "schema" / FILE_NAMES[lang], tmp_path / FILE_NAMES[lang])
    return tmp_path


def _with_modeline(text: str, lang: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith("# yaml-language-server:"):
        lines = lines[1:]
    return f"# yaml-language-server: $schema={FILE_NAMES[lang]}\n" + "".join(lines)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_diagnostics_on_the_bundled_concepts(client: Client, tmp_path: Path, lang: str):
    folder = _folder(tmp_path, lang)
    examples = sorted(CONCEPTS.glob("**/*.yaml"))
    assert examples
    for number, example in enumerate(examples):
        path = folder / f"{number}-{example.name}"
        path.write_text(_with_modeline(example.read_text(encoding="utf-8"), lang), encoding="utf-8")
        diagnostics = client.diagnostics_of(_open(client, path))
        assert diagnostics == [], (example, [d["message"] for d in diagnostics][:5])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_diagnostics_on_a_fresh_init_file(cli, client: Client, tmp_path: Path, lang: str):
    path = tmp_path / "konzept.yaml"
    assert cli("init", str(path), "--typ", "kreis", "--lang", lang).exit_code == 0
    assert (tmp_path / FILE_NAMES[lang]).is_file()
    diagnostics = client.diagnostics_of(_open(client, path))
    assert diagnostics == [], [d["message"] for d in diagnostics][:5]


def test_a_typo_in_a_key_gets_a_diagnostic_on_its_line(client: Client, tmp_path: Path):
    folder = _folder(tmp_path, "de")
    text = _with_modeline(replace("  anbindung: Dezernat III\n", "  anbindung: Dezernat III\n  anbindugn: IV\n"), "de")
    path = folder / "tippfehler.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = client.diagnostics_of(_open(client, path))
    line = next(i for i, row in enumerate(text.splitlines()) if "anbindugn" in row)
    assert [d["range"]["start"]["line"] for d in diagnostics] == [line], diagnostics


@pytest.mark.parametrize(("lang", "title"), [("de", "Kommune"), ("en", "Municipality")])
def test_hover_shows_the_title_in_the_schemas_language(client: Client, tmp_path: Path, lang: str, title: str):
    folder = _folder(tmp_path, lang)
    text = _with_modeline((CONCEPTS / "beispielstadt" / "2025-2026.yaml").read_text(encoding="utf-8"), lang)
    path = folder / "hover.yaml"
    path.write_text(text, encoding="utf-8")
    uri = _open(client, path)
    line = next(i for i, row in enumerate(text.splitlines()) if row.startswith("kommune:"))
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 2}}
    )
    shown = json.dumps(hover, ensure_ascii=False)
    assert title in shown, shown


def test_completion_offers_a_vocabularys_words_with_their_names(client: Client, tmp_path: Path):
    folder = _folder(tmp_path, "de")
    text = _with_modeline(replace("  typ: kreisfreie_stadt\n", "  typ: \n"), "de")
    path = folder / "vorschlag.yaml"
    path.write_text(text, encoding="utf-8")
    uri = _open(client, path)
    line = next(i for i, row in enumerate(text.splitlines()) if row == "  typ: ")
    result = client.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 7}}
    )
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"kreisfreie_stadt", "kreis", "staedteregion", "kreisangehoerige_stadt"} <= labels, labels
    shown = json.dumps(items, ensure_ascii=False)
    assert "kreisangehörige Stadt" in shown
