"""``ki validate --format sarif``: valid SARIF 2.1.0 with the registry's rules and exact places."""

from __future__ import annotations

import json

import pytest

from ki_cli import __version__
from ki_cli.check.registry import RULES
from ki_cli.output.sarif import artifact_uri
from tests.helpers import SHARED, VALID, line_of, replace

SARIF_SCHEMA = SHARED / "corpora" / "sarif" / "sarif-schema-2.1.0.json"
BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")


def sarif(cli, tmp_path, text: str, *options: str) -> tuple[int, dict]:
    path = tmp_path / "konzept.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "--format", "sarif", *options, str(path))
    return result.exit_code, json.loads(result.stdout)


def official_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not here ({SARIF_SCHEMA}): ../shared is absent")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_output_with_findings_is_valid_against_the_official_schema(cli, tmp_path):
    _, log = sarif(cli, tmp_path, BROKEN)
    official_validator().validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_output_of_a_file_with_domain_findings_is_valid_against_the_official_schema(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)  # a structurally valid file: warnings and infos of KI2xx–KI6xx
    official_validator().validate(log)
    assert {r["level"] for r in log["runs"][0]["results"]} >= {"warning", "note"}


def test_finding_carries_rule_level_message_and_exact_region(cli, tmp_path):
    code, log = sarif(cli, tmp_path, BROKEN, "--lang", "en")
    assert code == 1
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "KI107" and result["level"] == "error"
    assert "schulamtt" in result["message"]["text"] and "Did you mean" in result["message"]["text"]
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("konzept.yaml")
    assert location["physicalLocation"]["region"] == {
        "startLine": line_of(BROKEN, "schulamtt"),
        "startColumn": 24,
        "endLine": line_of(BROKEN, "schulamtt"),
        "endColumn": 33,
    }
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "schwerpunkte[0].massnahmen[0].federfuehrung"


def test_driver_lists_every_rule_of_the_registry_and_results_point_into_it(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)
    driver = log["runs"][0]["tool"]["driver"]
    assert (
        driver["name"] == "ki" and driver["version"] == __version__ and driver["informationUri"].startswith("https://")
    )
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert all(r["defaultConfiguration"]["level"] == levels[RULES[r["id"]].severity] for r in driver["rules"])
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in driver["rules"])
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_rule_texts_follow_the_language(cli, tmp_path):
    _, german = sarif(cli, tmp_path, VALID, "--lang", "de")
    _, english = sarif(cli, tmp_path, VALID, "--lang", "en")
    assert german["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == RULES["KI001"].title("de")
    assert english["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == RULES["KI001"].title("en")


def test_clean_file_has_no_results_and_exit_0(cli, tmp_path):
    from ki_cli.check.rules.example import FULL

    code, log = sarif(cli, tmp_path, FULL)
    assert code == 0 and log["runs"][0]["results"] == []


def test_artifact_uris_are_relative_or_file_uris():
    assert artifact_uri("concepts/beispielstadt/2025 2026.yaml") == "concepts/beispielstadt/2025%202026.yaml"
    assert artifact_uri("/srv/ki/konzept.yaml") == "file:///srv/ki/konzept.yaml"


def test_artifact_uri_of_a_name_that_is_not_utf8_percent_encodes_its_bytes():
    import os

    assert artifact_uri(os.fsdecode(b"konzepte/caf\xe9 \xff.yaml")) == "konzepte/caf%E9%20%FF.yaml"
    assert artifact_uri("a\nb.yaml") == "a%0Ab.yaml"
