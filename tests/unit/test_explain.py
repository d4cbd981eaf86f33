"""``ki rules`` and ``ki explain`` print from the registry."""

from __future__ import annotations

import json

from ki_cli.check.registry import RULES


def test_rules_json_lists_every_registered_rule(cli):
    result = cli("rules", "--format", "json")
    data = json.loads(result.stdout)
    assert [r["code"] for r in data] == list(RULES)
    assert all({"code", "severity", "title", "basis"} <= set(r) for r in data)


def test_rules_text_has_one_line_per_rule(cli):
    lines = cli("rules", "--lang", "de").stdout.splitlines()
    assert len(lines) == len(RULES) + 1
    assert lines[1].startswith("KI001  Fehler")


def test_explain_shows_explanation_basis_and_example(cli):
    out = cli("explain", "KI102", "--lang", "de").stdout
    assert out.startswith("KI102 (Fehler) – unbekannter Schlüssel")
    assert "Grundlage:" in out and "Beispiel – `-` löst KI102 aus, `+` sondern so:" in out


def test_explain_shows_the_example_as_the_change_that_fixes_it(cli):
    out = cli("explain", "KI202", "--lang", "de").stdout
    example = out.split("sondern so:\n", 1)[1].splitlines()
    assert "    -periode: {beginn: 2023-07-01, ende: 2025-06-30}" in example
    assert "    +periode: {beginn: 2023-01-01, ende: 2024-12-31}" in example
    assert example[0].startswith("    @@ -")  # where in the example file the change is


def test_explain_example_keeps_only_a_few_lines_of_context(cli):
    out = cli("explain", "KI202", "--lang", "de").stdout
    example = out.split("sondern so:\n", 1)[1].splitlines()
    assert len(example) == 1 + 2 + 2 + 2  # hunk header, the change, two lines before and after
    assert "version: 1" not in out and "vorlage:" not in out


def test_explain_example_in_english(cli):
    out = cli("explain", "KI202", "--lang", "en").stdout
    assert "Example – `-` triggers KI202, `+` fixes it:" in out
    assert "    +periode: {beginn: 2023-01-01, ende: 2024-12-31}" in out


def test_explain_of_every_rule_ends_with_its_example_diff(cli):
    for code in RULES:
        out = cli("explain", code, "--lang", "en").stdout.splitlines()
        start = out.index(f"Example – `-` triggers {code}, `+` fixes it:")
        body = out[start + 1 :]
        assert body and all(line.startswith(("    @@", "    -", "    +", "     ")) for line in body), code
        assert any(line.startswith("    -") or line.startswith("    +") for line in body), code


def test_explain_accepts_lower_case(cli):
    assert cli("explain", "ki101").exit_code == 0


def test_explain_unknown_code_exits_2_with_did_you_mean(cli):
    result = cli("explain", "KI1O2")
    assert result.exit_code == 2
    assert "KI102" in result.stderr
