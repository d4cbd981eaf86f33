"""``ki rules`` and ``ki explain`` print from the registry."""

from __future__ import annotations

import json

from ki_cli.registry import RULES


def test_rules_json_lists_every_registered_rule(cli):
    result = cli("rules", "--format", "json")
    data = json.loads(result.stdout)
    assert [r["code"] for r in data] == list(RULES)
    assert all({"code", "severity", "title", "basis"} <= set(r) for r in data)


def test_rules_text_has_one_line_per_rule(cli):
    lines = cli("rules", "--lang", "de").stdout.splitlines()
    assert len(lines) == len(RULES) + 1
    assert lines[1].startswith("KI001  error")


def test_explain_shows_explanation_basis_and_examples(cli):
    out = cli("explain", "KI102", "--lang", "de").stdout
    assert out.startswith("KI102 (error) – unbekannter Schlüssel")
    assert "Grundlage:" in out and "So nicht (löst KI102 aus):" in out and "Sondern so:" in out


def test_explain_accepts_lower_case(cli):
    assert cli("explain", "ki101").exit_code == 0


def test_explain_unknown_code_exits_2_with_did_you_mean(cli):
    result = cli("explain", "KI1O2")
    assert result.exit_code == 2
    assert "KI102" in result.stderr
