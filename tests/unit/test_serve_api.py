"""``ki serve``'s JSON API through Starlette's TestClient: the token, the Host check, paths confined to
the folder, ETag/412, validate equal to ``ki validate --format json``, render read back."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from ki_cli.serve.app import create_app  # noqa: E402
from tests.helpers import CONCEPTS, VALID  # noqa: E402

TOKEN = "test-token-123"
BASE = "http://127.0.0.1:8765"
BUNDLED = sorted(p.relative_to(CONCEPTS).as_posix() for p in CONCEPTS.rglob("*.yaml"))
EXAMPLE = "beispielstadt/2025-2026.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, root)
    return root


@pytest.fixture
def client(folder: Path) -> TestClient:
    return TestClient(create_app(folder, TOKEN, lang="de"), base_url=BASE, headers={"X-KI-Token": TOKEN})


@pytest.fixture
def anonymous(folder: Path) -> TestClient:
    return TestClient(create_app(folder, TOKEN, lang="de"), base_url=BASE, follow_redirects=False)


# --- the token -----------------------------------------------------------------------------------


def test_api_without_token_is_forbidden(anonymous):
    response = anonymous.get("/api/files")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_token"


def test_api_with_a_wrong_token_is_forbidden(anonymous):
    assert anonymous.get("/api/files", headers={"X-KI-Token": TOKEN + "x"}).status_code == 403


def test_page_without_token_is_forbidden(anonymous):
    assert anonymous.get("/").status_code == 403


def test_page_visit_with_token_sets_the_cookie_and_drops_the_token_from_the_address(anonymous):
    response = anonymous.get(f"/?token={TOKEN}")
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert "ki_token_8765=" in response.headers["set-cookie"]
    assert "httponly" in response.headers["set-cookie"].lower()
    assert "samesite=strict" in response.headers["set-cookie"].lower()


def test_the_cookie_opens_the_api(anonymous):
    anonymous.get(f"/?token={TOKEN}")
    assert anonymous.get("/api/files").status_code == 200


def test_a_cookie_for_another_port_is_not_accepted(anonymous):
    anonymous.cookies.set("ki_token_9999", TOKEN)
    assert anonymous.get("/api/files").status_code == 403


def test_the_forbidden_message_follows_the_language(anonymous):
    message = anonymous.get("/api/files?lang=en").json()["error"]["message"]
    assert "Access denied" in message


# --- the Host check ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "127.0.0.1.evil.example:8765", ""]
)
def test_a_foreign_host_is_forbidden_even_with_the_token(client, host):
    response = client.get("/api/files", headers={"Host": host})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_host"


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765"])
def test_the_local_hosts_are_accepted(client, host):
    assert client.get("/api/files", headers={"Host": host}).status_code == 200


def test_a_write_from_another_origin_is_forbidden(client):
    response = client.put(
        f"/api/files/{EXAMPLE}", json={"text": "x"}, headers={"Origin": "http://evil.example", "If-Match": "*"}
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_origin"


# --- listing and confinement ---------------------------------------------------------------------


def test_files_lists_the_concept_files_of_the_folder(client):
    assert client.get("/api/files").json() == {"files": BUNDLED}


def test_files_leaves_out_hidden_files_other_files_and_links_out(client, folder, tmp_path):
    (folder / ".versteckt.yaml").write_text(VALID, encoding="utf-8")
    (folder / "notizen.txt").write_text("x", encoding="utf-8")
    outside = tmp_path / "draussen.yaml"
    outside.write_text(VALID, encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside)
    assert client.get("/api/files").json() == {"files": BUNDLED}


def test_a_link_inside_the_folder_to_a_file_inside_is_listed(client, folder):
    (folder / "aktuell.yaml").symlink_to(folder / EXAMPLE)
    assert "aktuell.yaml" in client.get("/api/files").json()["files"]


@pytest.mark.parametrize(
    "path",
    [
        "../draussen.yaml",
        "%2e%2e/draussen.yaml",
        "beispielstadt/../../draussen.yaml",
        "%2Ftmp%2Fdraussen.yaml",
        "/etc/passwd",
        "..%5Cdraussen.yaml",
        "C:%5Cdraussen.yaml",
        "notizen.txt",
        ".versteckt.yaml",
        "gibtsnicht/x.yaml",
    ],
)
def test_a_path_leaving_the_folder_or_naming_no_concept_file_is_404(client, folder, tmp_path, path):
    (tmp_path / "draussen.yaml").write_text(VALID, encoding="utf-8")
    (folder / "notizen.txt").write_text("x", encoding="utf-8")
    (folder / ".versteckt.yaml").write_text(VALID, encoding="utf-8")
    response = client.get(f"/api/files/{path}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] in ("not_found",)


def test_a_link_pointing_out_of_the_folder_is_404_for_reading_and_writing(client, folder, tmp_path):
    outside = tmp_path / "draussen.yaml"
    outside.write_text("geheim: 1\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside)
    assert client.get("/api/files/link.yaml").status_code == 404
    assert client.put("/api/files/link.yaml", json={"text": "x"}, headers={"If-Match": "*"}).status_code == 404
    assert client.post("/api/files/link.yaml", json={"text": "x"}).status_code == 404
    assert outside.read_text(encoding="utf-8") == "geheim: 1\n"


def test_a_linked_folder_pointing_out_is_404(client, folder, tmp_path):
    (tmp_path / "aussen").mkdir()
    (tmp_path / "aussen" / "k.yaml").write_text(VALID, encoding="utf-8")
    (folder / "aussen").symlink_to(tmp_path / "aussen")
    assert client.get("/api/files/aussen/k.yaml").status_code == 404
    assert client.post("/api/files/aussen/neu.yaml", json={"text": "x"}).status_code == 404
    assert not (tmp_path / "aussen" / "neu.yaml").exists()


# --- reading and writing -------------------------------------------------------------------------


def test_get_gives_the_text_and_its_etag(client, folder):
    response = client.get(f"/api/files/{EXAMPLE}")
    body = response.json()
    assert body["text"] == (folder / EXAMPLE).read_text(encoding="utf-8")
    assert body["etag"] == response.headers["etag"]


def test_put_with_the_current_etag_writes_the_file(client, folder):
    etag = client.get(f"/api/files/{EXAMPLE}").json()["etag"]
    response = client.put(f"/api/files/{EXAMPLE}", json={"text": VALID}, headers={"If-Match": etag})
    assert response.status_code == 200
    assert (folder / EXAMPLE).read_text(encoding="utf-8") == VALID
    assert response.json()["etag"] == client.get(f"/api/files/{EXAMPLE}").json()["etag"] != etag


def test_put_with_a_stale_etag_is_412_and_keeps_the_file(client, folder):
    etag = client.get(f"/api/files/{EXAMPLE}").json()["etag"]
    changed = (folder / EXAMPLE).read_text(encoding="utf-8") + "# von Hand geändert\n"
    (folder / EXAMPLE).write_text(changed, encoding="utf-8")
    response = client.put(f"/api/files/{EXAMPLE}", json={"text": VALID}, headers={"If-Match": etag})
    assert response.status_code == 412
    assert response.json()["error"]["code"] == "stale"
    assert (folder / EXAMPLE).read_text(encoding="utf-8") == changed


def test_put_without_if_match_is_refused_and_keeps_the_file(client, folder):
    before = (folder / EXAMPLE).read_bytes()
    response = client.put(f"/api/files/{EXAMPLE}", json={"text": VALID})
    assert response.status_code == 428
    assert (folder / EXAMPLE).read_bytes() == before


def test_put_leaves_no_temporary_file(client, folder):
    etag = client.get(f"/api/files/{EXAMPLE}").json()["etag"]
    client.put(f"/api/files/{EXAMPLE}", json={"text": VALID}, headers={"If-Match": etag})
    assert sorted(p.name for p in (folder / "beispielstadt").iterdir()) == ["2023-2024.yaml", "2025-2026.yaml"]


def test_put_without_text_is_a_400_with_a_message(client):
    response = client.put(f"/api/files/{EXAMPLE}", json={"text": 3}, headers={"If-Match": "*"})
    assert response.status_code == 400
    assert "text" in response.json()["error"]["message"]


def test_a_body_that_is_no_json_is_a_400(client):
    response = client.post("/api/validate", content=b"{kein json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_json"


def test_post_creates_a_new_file_from_the_starter(client, folder):
    response = client.post("/api/files/neu/konzept.yaml", json={"kommune": "Stadt Hamm", "beginn": "01.01.2027"})
    assert response.status_code == 404  # the folder neu/ does not exist
    response = client.post("/api/files/konzept.yaml", json={"kommune": "Stadt Hamm", "beginn": "01.01.2027"})
    assert response.status_code == 201
    written = (folder / "konzept.yaml").read_text(encoding="utf-8")
    assert written == response.json()["text"] and "Stadt Hamm" in written
    report = json.loads(client.post("/api/validate", json={"text": written}).text)
    assert report["summary"]["errors"] == 0


def test_post_never_overwrites_an_existing_file(client, folder):
    before = (folder / EXAMPLE).read_bytes()
    response = client.post(f"/api/files/{EXAMPLE}", json={"text": VALID})
    assert response.status_code == 409
    assert (folder / EXAMPLE).read_bytes() == before


def test_post_with_a_bad_starter_answer_says_what_is_wrong(client, folder):
    response = client.post("/api/files/k.yaml", json={"typ": "dorf"})
    assert response.status_code == 400
    assert "dorf" in response.json()["error"]["message"]
    assert not (folder / "k.yaml").exists()


# --- validate ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", BUNDLED)
def test_validate_answers_exactly_what_ki_validate_format_json_prints(client, folder, cli, monkeypatch, name):
    monkeypatch.chdir(folder)
    expected = cli("validate", "--format", "json", name).stdout
    content = (folder / name).read_text(encoding="utf-8")
    response = client.post("/api/validate", json={"text": content, "path": name, "lang": "de"})
    assert response.status_code == 200
    assert response.text == expected


@pytest.mark.parametrize("lang", ["de", "en"])
def test_validate_of_a_broken_file_equals_the_cli_on_standard_input(client, cli, folder, monkeypatch, lang):
    monkeypatch.chdir(folder)
    broken = VALID.replace("  typ: kreisfreie_stadt\n", "  typ: [kreisfreie_stadt\n")
    expected = cli("validate", "--format", "json", "--lang", lang, "-", input=broken).stdout
    response = client.post("/api/validate", json={"text": broken, "lang": lang})
    assert response.text == expected
    assert json.loads(response.text)["summary"]["errors"] >= 1


def test_validate_of_a_2_mb_file_comes_back_with_findings(client):
    big = VALID + "".join(f"# Kommentarzeile {i:07d} " + "x" * 40 + "\n" for i in range(40_000))
    assert len(big.encode()) > 2_000_000
    response = client.post("/api/validate", json={"text": big})
    assert response.status_code == 200
    assert "summary" in response.json()


def test_get_of_a_2_mb_file_with_a_syntax_error_works(client, folder):
    big = "version: 1\nkommune: [\n" + "".join(f"  - eintrag-{i:07d}: " + "y" * 40 + "\n" for i in range(40_000))
    (folder / "gross.yaml").write_text(big, encoding="utf-8")
    body = client.get("/api/files/gross.yaml").json()
    assert body["text"] == big
    report = client.post("/api/validate", json={"text": big, "path": "gross.yaml"}).json()
    assert report["summary"]["errors"] >= 1


def test_validate_applies_the_folders_ki_toml(folder):
    (folder / "ki.toml").write_text('[validate]\nignore = ["KI410"]\n', encoding="utf-8")
    client = TestClient(create_app(folder, TOKEN, lang="de"), base_url=BASE, headers={"X-KI-Token": TOKEN})
    content = (folder / EXAMPLE).read_text(encoding="utf-8")
    codes = [f["code"] for f in client.post("/api/validate", json={"text": content}).json()["files"][0]["findings"]]
    assert "KI410" not in codes


# --- render --------------------------------------------------------------------------------------


def _example(folder: Path) -> str:
    return (folder / EXAMPLE).read_text(encoding="utf-8")


def test_render_html_is_the_proposal_sandboxed(client, folder):
    response = client.post("/api/render/proposal?format=html", json={"text": _example(folder)})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Beschlussvorlage" in response.text and "Beispielstadt" in response.text
    assert "sandbox" in response.headers["content-security-policy"]


def test_render_md_is_the_markdown_of_ki_render(client, folder, cli, monkeypatch):
    monkeypatch.chdir(folder)
    expected = cli("render", "workplan", EXAMPLE).stdout
    response = client.post("/api/render/workplan?format=md", json={"text": _example(folder)})
    assert response.status_code == 200
    assert response.text == expected


def test_render_docx_reads_back_with_python_docx(client, folder):
    import docx

    response = client.post("/api/render/proposal?format=docx", json={"text": _example(folder)})
    assert response.status_code == 200
    assert 'filename="beschlussvorlage.docx"' in response.headers["content-disposition"]
    document = docx.Document(io.BytesIO(response.content))
    assert any("Beispielstadt" in p.text for p in document.paragraphs)


def test_render_pdf_reads_back_with_pypdf(client, folder):
    from pypdf import PdfReader

    response = client.post("/api/render/concept?format=pdf", json={"text": _example(folder)})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert "Beispielstadt" in "".join(page.extract_text() for page in reader.pages)


def test_render_of_a_concept_with_errors_is_a_json_error_with_the_findings(client):
    wrong = VALID.replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
    response = client.post("/api/render/proposal?format=html", json={"text": wrong})
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "refused" and "KI107" in body["error"]["message"]
    assert "KI107" in [f["code"] for f in body["findings"]]


def test_render_with_allow_errors_gives_a_draft(client):
    wrong = VALID.replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
    response = client.post("/api/render/proposal?format=md&allow_errors=1", json={"text": wrong})
    assert response.status_code == 200
    assert "ENTWURF" in response.text


def test_render_of_a_file_with_a_syntax_error_is_a_json_error_with_the_finding(client):
    response = client.post("/api/render/proposal?format=docx", json={"text": "version: 1\nkommune: [\n"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unloadable"
    assert response.json()["findings"][0]["line"] >= 1


@pytest.mark.parametrize("url", ["/api/render/brief?format=html", "/api/render/proposal?format=odt"])
def test_render_of_an_unknown_kind_or_format_says_what_is_possible(client, url):
    response = client.post(url, json={"text": VALID})
    assert response.status_code in (400, 404)
    assert "proposal" in response.json()["error"]["message"] or "docx" in response.json()["error"]["message"]


def test_an_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/gibtsnicht")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_wrong_method_is_a_json_405(client):
    response = client.delete(f"/api/files/{EXAMPLE}")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method"


def test_api_answers_are_not_cached(client):
    assert client.get("/api/files").headers["cache-control"] == "no-store"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_put_keeps_the_files_permission_bits(client, folder):
    (folder / EXAMPLE).chmod(0o600)
    etag = client.get(f"/api/files/{EXAMPLE}").json()["etag"]
    client.put(f"/api/files/{EXAMPLE}", json={"text": VALID}, headers={"If-Match": etag})
    assert (folder / EXAMPLE).stat().st_mode & 0o777 == 0o600


# --- edit ----------------------------------------------------------------------------------------


def test_edit_changes_only_the_edited_value(client, folder):
    old = _example(folder)
    response = client.post(
        "/api/edit",
        json={"text": old, "changes": [{"path": "schwerpunkte[0].massnahmen[0].federfuehrung", "value": "mo"}]},
    )
    assert response.status_code == 200
    new = response.json()["text"]
    assert new == old.replace("        federfuehrung: schulamt\n", "        federfuehrung: mo\n", 1)


def test_edit_then_save_keeps_the_file_byte_for_byte_outside_the_value(client, folder):
    got = client.get(f"/api/files/{EXAMPLE}").json()
    new = client.post(
        "/api/edit", json={"text": got["text"], "changes": [{"path": "kommune.ags", "value": "05999001"}]}
    )
    saved = client.put(f"/api/files/{EXAMPLE}", json={"text": new.json()["text"]}, headers={"If-Match": got["etag"]})
    assert saved.status_code == 200
    assert (folder / EXAMPLE).read_bytes() == got["text"].replace('ags: "05999000"', 'ags: "05999001"').encode()


def test_an_edit_that_cannot_be_made_is_a_json_error_naming_the_change(client):
    response = client.post(
        "/api/edit",
        json={
            "text": VALID,
            "changes": [{"path": "kommune.name", "value": "x"}, {"path": "partner[7]", "remove": True}],
        },
    )
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "edit_failed" and body["index"] == 1 and "partner[7]" in body["error"]["message"]


def test_an_edit_of_a_text_with_a_syntax_error_is_a_json_error(client):
    response = client.post("/api/edit", json={"text": "a: [\n", "changes": [{"path": "a", "value": 1}]})
    assert response.status_code == 422
    assert response.json()["reason"] == "no_yaml"


def test_an_edit_without_changes_is_a_400(client):
    assert client.post("/api/edit", json={"text": VALID}).status_code == 400


def test_a_text_with_a_lone_surrogate_is_refused_and_the_file_stays(client, folder):
    before = (folder / EXAMPLE).read_bytes()
    body = b'{"text": "kommune: \\ud800\\n"}'
    response = client.put(f"/api/files/{EXAMPLE}", content=body, headers={"If-Match": "*"})
    assert response.status_code == 400
    assert (folder / EXAMPLE).read_bytes() == before


def test_validate_of_a_text_with_a_lone_surrogate_comes_back_with_a_finding(client):
    response = client.post("/api/validate", content=b'{"text": "version: 1\\nkommune: \\ud800\\n"}')
    assert response.status_code == 200
    assert response.json()["summary"]["errors"] >= 1
