"""``ki.toml``: found upward, options win, a broken file exits 2 naming file and line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import replace

BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
WARN = replace("betrag: 24000", "betrag: 24.000")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "w.yaml").write_text(WARN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    return tmp_path


def findings(result):
    return [f["code"] for file in json.loads(result.stdout)["files"] for f in file["findings"]]


def test_config_is_found_in_a_parent_folder(cli, project):
    (project / "ki.toml").write_text('[validate]\nselect = ["KI107"]\n', encoding="utf-8")
    result = cli("validate", "--format", "json", str(project / "k.yaml"))
    assert findings(result) == ["KI107"]


def test_command_line_select_wins_over_the_file(cli, project):
    (project / "ki.toml").write_text('[validate]\nselect = ["KI107"]\n', encoding="utf-8")
    result = cli("validate", "--format", "json", "--select", "KI006", str(project / "w.yaml"))
    assert findings(result) == ["KI006"]


def test_ignore_in_the_file(cli, project):
    (project / "ki.toml").write_text('[validate]\nignore = ["KI1", "KI2", "KI3", "KI4", "KI5", "KI6"]\n', encoding="utf-8")
    assert cli("validate", str(project / "k.yaml")).exit_code == 0


def test_strict_in_the_file(cli, project):
    (project / "ki.toml").write_text('[validate]\nstrict = true\nselect = ["KI006"]\n', encoding="utf-8")
    assert cli("validate", str(project / "w.yaml")).exit_code == 1


def test_severity_override(cli, project):
    (project / "ki.toml").write_text('[validate]\nselect = ["KI006"]\n[validate.severity]\nKI006 = "error"\n', encoding="utf-8")
    result = cli("validate", "--format", "json", str(project / "w.yaml"))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files"][0]["findings"][0]["severity"] == "error"


def test_lang_in_the_file(cli, project):
    (project / "ki.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "leads nowhere" in cli("validate", str(project / "k.yaml"), env={"KI_LANG": ""}).stdout


def test_broken_toml_exits_2_with_file_and_line(cli, project):
    (project / "ki.toml").write_text('lang = "de"\n[validate\nstrict = true\n', encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"))
    assert result.exit_code == 2
    assert f"{project / 'ki.toml'}:2" in result.stderr


def test_unknown_key_in_toml_exits_2_with_its_line(cli, project):
    (project / "ki.toml").write_text('[validate]\nstrict = true\nselekt = ["KI1"]\n', encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"))
    assert result.exit_code == 2
    assert f"{project / 'ki.toml'}:3" in result.stderr and "selekt" in result.stderr


def test_unknown_code_in_toml_exits_2(cli, project):
    (project / "ki.toml").write_text('[validate.severity]\nKI999 = "error"\n', encoding="utf-8")
    assert cli("validate", str(project / "k.yaml")).exit_code == 2
