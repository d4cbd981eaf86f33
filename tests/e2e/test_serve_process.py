"""``ki serve`` as a real process: the URL line, real HTTP requests, a clean end on Ctrl-C and SIGTERM."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("uvicorn")

from tests.helpers import CONCEPTS, ROOT  # noqa: E402

EXAMPLE = "beispielstadt/2025-2026.yaml"
WAIT = 60  # seconds a step may take on a loaded machine before the test gives up (no timing is asserted)


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    port: int
    token: str

    def request(self, method: str, path: str, body: object = None, headers: dict[str, str] | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        data = None if body is None else json.dumps(body).encode()
        sent = {"X-KI-Token": self.token, "Content-Type": "application/json", **(headers or {})}
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()


def _first_line(process: subprocess.Popen[bytes]) -> str:
    line: list[bytes] = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(WAIT)
    assert line, "ki serve printed no address"
    return line[0].decode().strip()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, root)
    return root


def _start(folder: Path) -> Server:
    process = subprocess.Popen(
        [sys.executable, "-m", "ki_cli", "serve", "--port", "0", "--no-browser", str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KI_LANG": "de"},
    )
    url = _first_line(process)
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.path == "/"
    assert parts.query.startswith("token=")
    return Server(process, url, int(parts.port or 0), parts.query[len("token=") :])


@pytest.fixture
def server(folder: Path) -> Iterator[Server]:
    started = _start(folder)
    yield started
    if started.process.poll() is None:
        started.process.terminate()
        started.process.wait(WAIT)


def test_the_one_line_on_standard_output_is_the_address_with_the_token(server):
    assert server.url == f"http://127.0.0.1:{server.port}/?token={server.token}"
    assert len(server.token) >= 32


def test_the_api_answers_with_the_token(server):
    status, _, body = server.request("GET", "/api/files")
    assert status == 200
    assert EXAMPLE in json.loads(body)["files"]


def test_without_the_token_it_is_403(server):
    status, _, _ = server.request("GET", "/api/files", headers={"X-KI-Token": ""})
    assert status == 403


def test_a_foreign_host_header_is_403(server):
    status, _, _ = server.request("GET", "/api/files", headers={"Host": f"evil.example:{server.port}"})
    assert status == 403


def test_a_path_out_of_the_folder_is_404(server):
    status, _, _ = server.request("GET", "/api/files/..%2F..%2Fetc%2Fpasswd.yaml")
    assert status == 404


def test_the_page_visit_sets_the_cookie(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
    connection.request("GET", f"/?token={server.token}")
    response = connection.getresponse()
    assert response.status == 303
    cookie = response.getheader("set-cookie", "").split(";")[0]
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
    connection.request("GET", "/", headers={"Cookie": cookie})
    page = connection.getresponse()
    assert page.status == 200 and b"<html" in page.read().lower()


def test_save_with_a_stale_etag_is_412_and_the_file_stays(server, folder):
    status, _, body = server.request("GET", f"/api/files/{EXAMPLE}")
    etag = json.loads(body)["etag"]
    (folder / EXAMPLE).write_text("version: 1\n# geändert\n", encoding="utf-8")
    status, _, _ = server.request("PUT", f"/api/files/{EXAMPLE}", {"text": "x: 1\n"}, {"If-Match": etag})
    assert status == 412
    assert (folder / EXAMPLE).read_text(encoding="utf-8") == "version: 1\n# geändert\n"


def test_validate_answers_what_the_cli_prints(server, folder):
    expected = subprocess.run(
        [sys.executable, "-m", "ki_cli", "validate", "--format", "json", EXAMPLE],
        cwd=folder,
        capture_output=True,
        env={**os.environ, "KI_LANG": "de", "PYTHONPATH": str(ROOT)},
        check=False,
    ).stdout
    content = (folder / EXAMPLE).read_text(encoding="utf-8")
    status, _, body = server.request("POST", "/api/validate", {"text": content, "path": EXAMPLE, "lang": "de"})
    assert status == 200 and body == expected


def test_an_edit_through_the_api_saved_changes_the_file_only_there(server, folder):
    old = (folder / EXAMPLE).read_bytes()
    _, _, body = server.request("GET", f"/api/files/{EXAMPLE}")
    got = json.loads(body)
    change = {"path": "schwerpunkte[0].massnahmen[0].federfuehrung", "value": "mo"}
    _, _, edited = server.request("POST", "/api/edit", {"text": got["text"], "changes": [change]})
    status, _, _ = server.request(
        "PUT", f"/api/files/{EXAMPLE}", {"text": json.loads(edited)["text"]}, {"If-Match": got["etag"]}
    )
    assert status == 200
    assert (folder / EXAMPLE).read_bytes() == old.replace(b"federfuehrung: schulamt\n", b"federfuehrung: mo\n", 1)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_terminate_end_it_cleanly(folder, signum):
    started = _start(folder)
    assert started.request("GET", "/api/files")[0] == 200
    started.process.send_signal(signum)
    code = started.process.wait(WAIT)
    stderr = started.process.stderr.read().decode()  # type: ignore[union-attr]
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert "ki serve beendet" in stderr


def test_a_folder_that_is_not_there_ends_with_exit_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "ki_cli", "serve", "--no-browser", str(tmp_path / "fehlt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "KI_LANG": "de"},
        timeout=WAIT,
    )
    assert result.returncode == 2 and "kein Ordner" in result.stderr and result.stdout == ""
