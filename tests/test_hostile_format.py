"""Hostile input for the format (tests/hostile/format/): values the format must refuse, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile" / "format"


def findings(cli, name: str, lang: str = "de") -> tuple[int, list[dict]]:
    result = cli("validate", "--format", "json", "--lang", lang, str(HOSTILE / name))
    report = json.loads(result.stdout)
    return result.exit_code, [f for file in report["files"] for f in file["findings"]]


def only_error(cli, name: str, lang: str = "de") -> dict:
    code, found = findings(cli, name, lang)
    errors = [f for f in found if f["severity"] == "error"]
    assert code == 1 and len(errors) == 1, errors
    return errors[0]


def test_version_true_is_refused_as_a_boolean_not_read_as_1(cli):
    finding = only_error(cli, "version-true.yaml")
    assert (finding["code"], finding["yaml_path"], finding["line"]) == ("KI103", "version", 2)
    assert "Wahrheitswert true" in finding["message"] and "version: 1" in finding["hint"]
    assert "boolean true" in only_error(cli, "version-true.yaml", "en")["message"]


@pytest.mark.parametrize("name,path", [
    ("betrag-100-digits.yaml", "sachkosten[0].betrag"),
    ("betrag-400-digits.yaml", "sachkosten[0].betrag"),
    ("sachkosten-1e308.yaml", "schwerpunkte[0].massnahmen[0].sachkosten"),
    ("zielwert-1e13.yaml", "schwerpunkte[0].ziele[0].zielwert"),
])
def test_a_number_beyond_a_trillion_is_refused(cli, name, path):
    finding = only_error(cli, name)
    assert (finding["code"], finding["yaml_path"]) == ("KI103", path)
    assert "Billion" in finding["message"] and "Tippfehler" in finding["hint"]
    assert "trillion" in only_error(cli, name, "en")["message"]


@pytest.mark.parametrize("name", ["sachkosten-inf.yaml", "sachkosten-nan.yaml"])
def test_an_infinite_or_undefined_amount_is_refused(cli, name):
    finding = only_error(cli, name)
    assert (finding["code"], finding["yaml_path"]) == ("KI103", "schwerpunkte[0].massnahmen[0].sachkosten")


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.yaml")))
def test_render_refuses_every_hostile_file_with_the_validation_errors(cli, tmp_path, name):
    result = cli("render", "proposal", str(HOSTILE / name), "-o", str(tmp_path / "v.md"))
    assert result.exit_code == 1 and not (tmp_path / "v.md").exists()
