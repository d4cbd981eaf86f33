"""``ki render proposal -o vorlage.json``: the OParl Paper of a bundled example, read back."""

from __future__ import annotations

import json

from tests.helpers import CONCEPTS

HOHENFELD = CONCEPTS / "kreis-hohenfeld" / "2027-2028.yaml"


def test_the_json_of_a_kreis_paper_carries_type_reference_aktenzeichen_and_roles(cli, tmp_path):
    target = tmp_path / "vorlage.json"
    result = cli("render", "proposal", str(HOHENFELD), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    paper = json.loads(target.read_text(encoding="utf-8"))
    assert (paper["paperType"], paper["reference"], paper["ki:aktenzeichen"]) == (
        "Beschlussvorlage",
        "SV-11-0688",
        "51.3-KI",
    )
    assert [(c["role"], c["authoritative"]) for c in paper["consultation"]] == [
        ("Vorberatung", False),
        ("Empfehlung", False),
        ("Entscheidung", True),
    ]


def test_the_base_url_and_organisations_of_ki_toml_reach_the_json(cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "ki.toml").write_text(
        '[oparl]\nbase_url = "https://ratsinfo.hohenfeld.de/oparl/v1"\n[oparl.organisationen]\nkreistag = "7"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790762400")  # 2026-09-30 10:00 UTC, after the vorlage
    target = tmp_path / "vorlage.json"
    assert cli("render", "proposal", str(HOHENFELD), "-o", str(target)).exit_code == 0
    paper = json.loads(target.read_text(encoding="utf-8"))
    assert paper["id"].startswith("https://ratsinfo.hohenfeld.de/oparl/v1/paper/")
    assert paper["consultation"][-1]["organization"] == ["https://ratsinfo.hohenfeld.de/oparl/v1/organization/7"]
    assert paper["modified"] == "2026-09-30T10:00:00Z"


def test_a_base_url_that_is_no_https_url_exits_2_naming_file_and_line(cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "ki.toml").write_text('[oparl]\nbase_url = "http://ratsinfo.hohenfeld.de"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("render", "proposal", str(HOHENFELD), "-o", str(tmp_path / "vorlage.json"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'ki.toml'}:2" in result.stderr and "base_url" in result.stderr
