"""``ki validate --format sarif``: valid SARIF 2.1.0 that GitHub code scanning takes as it is.

Two references: the official schema (tests/fixtures/sarif/, from the OASIS TC's repository) and
GitHub's documented requirements for SARIF uploaded to code scanning ("SARIF support for code
scanning", https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/
sarif-support-for-code-scanning), which are no schema and are checked one by one in
``github_problems``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ki_cli import __version__
from ki_cli.check.registry import RULES
from ki_cli.check.report import FileReport, Report
from ki_cli.cli.validate import plain_command_line
from ki_cli.output.sarif import (
    HELP_BASE,
    INFORMATION_URI,
    SRCROOT,
    artifact_location,
    artifact_uri,
    fingerprints,
    rule_name,
    to_sarif,
)
from tests.helpers import ROOT, VALID, check, line_of, replace

SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
PASCAL = re.compile(r"^(?:[A-Z][a-z0-9]+)+$")  # the SARIF Multitool's "Pascal identifier" (SARIF2012)


def sarif(cli, tmp_path: Path, text: str, *options: str, name: str = "konzept.yaml") -> tuple[int, dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "--format", "sarif", *options, str(path))
    return result.exit_code, json.loads(result.stdout)


def official_validator() -> Any:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def _absolute(uri: str) -> bool:
    return bool(urlsplit(uri).scheme)


def github_problems(log: dict[str, Any]) -> list[str]:
    """What GitHub's "SARIF support for code scanning" requires beyond the schema, as a list of the
    requirements ``log`` breaks (empty: none). "Required" there also means: not an empty string."""
    problems: list[str] = []

    def need(condition: object, text: str) -> None:
        if not condition:
            problems.append(text)

    need(log.get("$schema"), "sarifLog.$schema is required")
    need(log.get("version") == "2.1.0", "sarifLog.version must be 2.1.0")
    runs = log.get("runs") or []
    need(1 <= len(runs) <= 20, "sarifLog.runs: one run at least, 20 at most (limit: runs per file)")
    for run in runs:
        driver = run.get("tool", {}).get("driver", {})
        need(driver.get("name"), "toolComponent.name is required")
        if "informationUri" in driver:  # SARIF Multitool SARIF1005: these URIs are absolute
            need(_absolute(driver["informationUri"]), "toolComponent.informationUri is an absolute URI")
        need(isinstance(run.get("results"), list), "run.results[] is required (may be empty)")
        rules = driver.get("rules")
        need(isinstance(rules, list), "toolComponent.rules[] is required")
        rules = rules or []
        need(len(rules) <= 25_000, "rules per run: at most 25,000")
        ids = [rule.get("id") for rule in rules]
        for rule in rules:
            rid = rule.get("id")
            need(rid, "reportingDescriptor.id is required")
            need(len(rule.get("name", "")) <= 255, f"{rid}: name is limited to 255 characters")
            for field in ("shortDescription", "fullDescription"):
                text = rule.get(field, {}).get("text")
                need(text, f"{rid}: {field}.text is required")
                need(len(text or "") <= 1024, f"{rid}: {field}.text is limited to 1024 characters")
            need(rule.get("help", {}).get("text"), f"{rid}: help.text is required")
            if "helpUri" in rule:
                need(_absolute(rule["helpUri"]), f"{rid}: helpUri is an absolute URI")
            level = rule.get("defaultConfiguration", {}).get("level", "warning")
            need(level in ("note", "warning", "error"), f"{rid}: defaultConfiguration.level: note, warning or error")
            properties = rule.get("properties", {})
            tags = properties.get("tags", [])
            need(isinstance(tags, list) and all(isinstance(t, str) for t in tags), f"{rid}: tags[] are strings")
            need(len(tags) <= 20, f"{rid}: at most 20 tags per rule")
            if "precision" in properties:
                need(properties["precision"] in ("very-high", "high", "medium", "low"), f"{rid}: precision value")
            if "problem.severity" in properties:
                need(
                    properties["problem.severity"] in ("error", "warning", "recommendation"),
                    f"{rid}: problem.severity value",
                )
        need(len(run["results"]) <= 25_000, "results per run: at most 25,000")
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            uri = base.get("uri", "")
            need(_absolute(uri) and uri.endswith("/"), f"originalUriBaseIds.{name}: an absolute URI ending in /")
        automation = run.get("automationDetails", {}).get("id")
        if automation is not None:
            need("/" in automation and automation.rsplit("/", 1)[0], "automationDetails.id: category/run-id")
        for result in run["results"]:
            rid = result.get("ruleId")
            need(result.get("message", {}).get("text"), f"{rid}: result.message.text is required")
            if "ruleId" in result:
                need(rid in ids, f"{rid}: ruleId names a rule of the driver")
            if "ruleIndex" in result:
                need(0 <= result["ruleIndex"] < len(rules), f"{rid}: ruleIndex in range")
                need(ids[result["ruleIndex"]] == rid, f"{rid}: ruleIndex and ruleId agree")
            need(
                result.get("partialFingerprints", {}).get("primaryLocationLineHash"),
                f"{rid}: partialFingerprints.primaryLocationLineHash is required (the only one GitHub uses)",
            )
            locations = result.get("locations") or []
            need(1 <= len(locations) <= 10, f"{rid}: locations[]: at least one, at most 10")
            for location in locations:
                physical = location.get("physicalLocation")
                need(physical, f"{rid}: location.physicalLocation is required")
                artifact = (physical or {}).get("artifactLocation", {})
                uri = artifact.get("uri")
                need(uri, f"{rid}: artifactLocation.uri is required")
                if "uriBaseId" in artifact:
                    need(not _absolute(uri or "x:"), f"{rid}: a uri with a uriBaseId is relative")
                    need(artifact["uriBaseId"] in bases, f"{rid}: uriBaseId is defined in originalUriBaseIds")
                region = (physical or {}).get("region", {})
                for key in ("startLine", "startColumn", "endLine", "endColumn"):
                    need(isinstance(region.get(key), int) and region[key] >= 1, f"{rid}: region.{key} is required")
                if all(isinstance(region.get(k), int) for k in ("startLine", "endLine")):
                    need(region["endLine"] >= region["startLine"], f"{rid}: endLine before startLine")
    return problems


# --- the schema and GitHub's requirements --------------------------------------------------------


def test_output_with_findings_is_valid_against_the_official_schema(cli, tmp_path):
    _, log = sarif(cli, tmp_path, BROKEN)
    official_validator().validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_output_of_a_file_with_domain_findings_is_valid_against_the_official_schema(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)  # a structurally valid file: warnings and infos of KI2xx–KI6xx
    official_validator().validate(log)
    assert {r["level"] for r in log["runs"][0]["results"]} >= {"warning", "note"}


def test_output_for_every_bundled_concept_meets_the_schema_and_githubs_requirements(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("validate", "--format", "sarif", "concepts/")
    log = json.loads(result.stdout)
    official_validator().validate(log)
    assert github_problems(log) == []
    assert log["runs"][0]["results"]


def test_output_with_findings_meets_githubs_requirements(cli, tmp_path):
    for text in (BROKEN, VALID, "a: [1,\n", "version: 1\n"):
        _, log = sarif(cli, tmp_path, text)
        assert github_problems(log) == [], text


def test_the_requirement_checks_catch_what_github_refuses():
    """The checks above are not vacuous: the problems of the old output are each caught."""
    report = Report([check(BROKEN)])
    log = to_sarif(report, "de")
    result = log["runs"][0]["results"][0]
    del result["partialFingerprints"]
    result["locations"][0]["physicalLocation"]["artifactLocation"] = {"uri": "file:///abs/x.yaml", "uriBaseId": SRCROOT}
    log["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"] = "x" * 1025
    problems = github_problems(log)
    assert any("primaryLocationLineHash" in p for p in problems)
    assert any("uriBaseId is relative" in p for p in problems)
    assert any("1024" in p for p in problems)


# --- the rules -----------------------------------------------------------------------------------


def test_driver_lists_every_rule_of_the_registry_and_results_point_into_it(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "ki" and driver["version"] == __version__ and driver["semanticVersion"] == __version__
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert all(r["defaultConfiguration"]["level"] == levels[RULES[r["id"]].severity] for r in driver["rules"])
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in driver["rules"])
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_rule_names_are_pascal_case_titles_unique_and_never_the_id():
    names = {code: rule_name(rule) for code, rule in RULES.items()}
    assert names["KI107"] == "DanglingReference" and names["KI003"] == "NotUtf8"
    assert names["KI502"] == "NoFreierTraeger"  # German letters spelt out
    assert all(PASCAL.match(name) and name != code for code, name in names.items())
    assert len(set(names.values())) == len(names)


def test_information_uri_is_the_project_home_and_no_placeholder(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)
    uri = log["runs"][0]["tool"]["driver"]["informationUri"]
    assert uri == INFORMATION_URI and uri.startswith("https://github.com/") and "example" not in uri


def test_help_uri_points_at_the_rules_entry_in_docs_rules_md(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        base, _, anchor = rule["helpUri"].partition("#")
        assert base == HELP_BASE and base.endswith("/docs/rules.md")
        assert f'<a id="{anchor}"></a>' in page, rule["id"]


def test_help_base_comes_from_ki_toml(cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "ki.toml").write_text('[sarif]\nhelp_base = "https://git.kreis-hohenfeld.de/ki/regeln.md"\n')
    monkeypatch.chdir(tmp_path)
    _, log = sarif(cli, tmp_path, VALID)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["KI107"]["helpUri"] == "https://git.kreis-hohenfeld.de/ki/regeln.md#ki107"
    assert "https://git.kreis-hohenfeld.de/ki/regeln.md#ki107" in rules["KI107"]["help"]["markdown"]


@pytest.mark.parametrize("value", ['"http://intranet/regeln.md"', '"https://x.de/r.md#ki"', "1", '""'])
def test_a_help_base_that_is_no_https_address_ends_the_command_naming_file_and_line(cli, tmp_path, monkeypatch, value):
    (tmp_path / ".git").mkdir()
    (tmp_path / "ki.toml").write_text(f"lang = 'en'\n[sarif]\nhelp_base = {value}\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "konzept.yaml").write_text(VALID, encoding="utf-8")
    result = cli("validate", "--format", "sarif", "--lang", "en", "konzept.yaml")
    assert result.exit_code == 2
    assert "ki.toml:3" in result.stderr and "help_base must be an https address" in result.stderr


def test_help_markdown_carries_explanation_basis_example_and_link_in_the_language(cli, tmp_path):
    _, german = sarif(cli, tmp_path, VALID, "--lang", "de")
    _, english = sarif(cli, tmp_path, VALID, "--lang", "en")
    de = next(r for r in german["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "KI107")
    en = next(r for r in english["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "KI107")
    markdown = de["help"]["markdown"]
    assert RULES["KI107"].explanation("de") in markdown and "**Grundlage:**" in markdown
    assert "```diff" in markdown and f"]({de['helpUri']})" in markdown
    assert RULES["KI107"].explanation("en") in en["help"]["markdown"] and "**Basis:**" in en["help"]["markdown"]
    assert de["help"]["text"].startswith(RULES["KI107"].explanation("de"))


def test_rules_carry_tags_precision_and_problem_severity(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["KI107"]["properties"]["tags"] == ["format"]
    assert rules["KI410"]["properties"]["tags"] == ["personal"]
    assert rules["KI107"]["properties"]["problem.severity"] == "error"
    assert rules["KI405"]["properties"]["problem.severity"] == "warning"
    assert rules["KI410"]["properties"]["problem.severity"] == "recommendation"
    assert {rule["properties"]["precision"] for rule in rules.values()} == {"very-high"}
    assert not any("security-severity" in rule["properties"] for rule in rules.values())  # no security rules


def test_rule_texts_follow_the_language(cli, tmp_path):
    _, german = sarif(cli, tmp_path, VALID, "--lang", "de")
    _, english = sarif(cli, tmp_path, VALID, "--lang", "en")
    assert german["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == RULES["KI001"].title("de")
    assert english["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == RULES["KI001"].title("en")


def test_run_has_an_automation_category(cli, tmp_path):
    _, log = sarif(cli, tmp_path, VALID)
    assert log["runs"][0]["automationDetails"]["id"] == "ki/validate/"  # category "ki/validate"


# --- results and fingerprints --------------------------------------------------------------------


def test_finding_carries_rule_level_message_and_exact_region(cli, tmp_path):
    code, log = sarif(cli, tmp_path, BROKEN, "--lang", "en")
    assert code == 1
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "KI107" and result["level"] == "error"
    assert "schulamtt" in result["message"]["text"] and "Did you mean" in result["message"]["text"]
    location = result["locations"][0]
    assert location["physicalLocation"]["region"] == {
        "startLine": line_of(BROKEN, "schulamtt"),
        "startColumn": 24,
        "endLine": line_of(BROKEN, "schulamtt"),
        "endColumn": 33,
    }
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "schwerpunkte[0].massnahmen[0].federfuehrung"


def _fingerprints(text: str) -> dict[str, list[str]]:
    report = check(text)
    found: dict[str, list[str]] = {}
    for finding, fingerprint in zip(report.findings, fingerprints(report), strict=True):
        found.setdefault(finding.code, []).append(fingerprint)
    return found


def test_fingerprints_stay_when_lines_move():
    moved = "# yaml-language-server: $schema=ki-konzept-1.schema.json\n\n" + VALID.replace(
        "personal:\n", "# Stellen\n\n\npersonal:\n"
    )
    assert _fingerprints(moved) == _fingerprints(VALID)
    assert _fingerprints("\n\n" + BROKEN) == _fingerprints(BROKEN)


def test_fingerprint_changes_with_the_value_and_the_code():
    other = replace("federfuehrung: schulamt", "federfuehrung: schulamx")
    assert _fingerprints(other)["KI107"] != _fingerprints(BROKEN)["KI107"]
    found = _fingerprints(VALID)
    assert found["KI405"] != found["KI408"]  # the same place, another rule


def test_equal_findings_in_one_file_keep_apart_by_their_order():
    report = check(BROKEN)
    (finding,) = report.findings
    twice = FileReport(report.path, [finding, finding], report.text)  # the same code, path and value twice
    (first, second) = fingerprints(twice)
    assert first.endswith(":1") and second.endswith(":2") and first[:-2] == second[:-2]


def test_results_carry_the_fingerprint_under_githubs_name_and_kis(cli, tmp_path):
    _, log = sarif(cli, tmp_path, BROKEN)
    (result,) = log["runs"][0]["results"]
    prints = result["partialFingerprints"]
    assert prints["primaryLocationLineHash"] == prints["kiFinding/v1"] == _fingerprints(BROKEN)["KI107"][0]


def test_clean_file_has_no_results_and_exit_0(cli, tmp_path):
    from ki_cli.check.rules.example import FULL

    code, log = sarif(cli, tmp_path, FULL)
    assert code == 0 and log["runs"][0]["results"] == []


# --- paths ---------------------------------------------------------------------------------------


def _location(log: dict[str, Any]) -> dict[str, str]:
    return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]


def test_an_absolute_path_below_the_working_folder_becomes_repository_relative(cli, tmp_path, monkeypatch):
    (tmp_path / "concepts").mkdir()
    monkeypatch.chdir(tmp_path)
    _, log = sarif(cli, tmp_path / "concepts", BROKEN)  # named by its absolute path
    assert _location(log) == {"uri": "concepts/konzept.yaml", "uriBaseId": SRCROOT}
    assert log["runs"][0]["originalUriBaseIds"][SRCROOT]["uri"] == Path(os.path.realpath(tmp_path)).as_uri() + "/"


def test_paths_are_relative_to_sarif_base(cli, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "concepts" / "hamm").mkdir(parents=True)
    monkeypatch.chdir(repo / "concepts")
    (repo / "concepts" / "hamm" / "konzept.yaml").write_text(BROKEN, encoding="utf-8")
    result = cli("validate", "--format", "sarif", "--sarif-base", str(repo), "hamm/konzept.yaml")
    log = json.loads(result.stdout)
    assert _location(log) == {"uri": "concepts/hamm/konzept.yaml", "uriBaseId": SRCROOT}
    official_validator().validate(log)


def test_a_file_outside_the_base_keeps_an_absolute_file_uri_without_base(cli, tmp_path, monkeypatch):
    (tmp_path / "base").mkdir()
    monkeypatch.chdir(tmp_path / "base")
    _, log = sarif(cli, tmp_path, BROKEN)
    assert _location(log) == {"uri": Path(os.path.realpath(tmp_path / "konzept.yaml")).as_uri()}
    assert github_problems(log) == []


def test_a_link_is_named_by_the_file_it_points_to(tmp_path):
    (tmp_path / "echt.yaml").write_text("x")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "echt.yaml")
    base = os.path.realpath(tmp_path)
    assert artifact_location(str(tmp_path / "link.yaml"), base) == {"uri": "echt.yaml", "uriBaseId": SRCROOT}


def test_standard_input_has_a_location_without_base(cli):
    result = cli("validate", "--format", "sarif", "-", input=BROKEN)
    log = json.loads(result.stdout)
    assert _location(log) == {"uri": "%3Cstdin%3E"}
    official_validator().validate(log)


def test_sarif_base_that_is_no_folder_ends_the_command(cli, tmp_path):
    (tmp_path / "konzept.yaml").write_text(VALID, encoding="utf-8")
    result = cli(
        "validate", "--format", "sarif", "--lang", "en", "--sarif-base", str(tmp_path / "fehlt"), str(tmp_path)
    )
    assert result.exit_code == 2 and result.stdout == ""
    assert "--sarif-base" in result.stderr and "not a folder" in result.stderr


def test_the_fast_path_reads_sarif_base():
    options = plain_command_line(["validate", "--format", "sarif", "--sarif-base", "repo", "a.yaml"])
    assert options is not None and options["sarif_base"] == "repo"
    assert plain_command_line(["validate", "--sarif-base=repo", "a.yaml"])["sarif_base"] == "repo"  # type: ignore[index]


def test_uris_percent_encode_the_bytes_of_a_name(tmp_path):
    base = os.path.realpath(tmp_path)
    name = os.fsdecode(b"caf\xe9 \xff.yaml")
    assert artifact_location(os.path.join(base, "k", name), base)["uri"] == "k/caf%E9%20%FF.yaml"
    assert artifact_location(os.path.join(base, "a\nb.yaml"), base)["uri"] == "a%0Ab.yaml"
    assert artifact_uri("concepts/beispielstadt/2025 2026.yaml") == "concepts/beispielstadt/2025%202026.yaml"


def test_a_finding_without_source_text_still_gets_a_fingerprint():
    report = FileReport("fehlt.yaml", check(BROKEN).findings, text="")
    (fingerprint,) = fingerprints(report)
    assert re.fullmatch(r"[0-9a-f]{32}:1", fingerprint)
