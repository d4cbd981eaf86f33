"""The corpus of real mistakes (tests/mistakes/cases.toml): each is reported at the line to fix, with
a hint that names the fix, in German."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded, validate_bytes
from tests.helpers import CONCEPTS, ROOT, VALID

CASES: list[dict[str, Any]] = tomllib.loads((ROOT / "tests" / "mistakes" / "cases.toml").read_text("utf-8"))["case"]


def _mistyped(case: dict[str, Any]) -> bytes:
    lines = (CONCEPTS / case.get("base", "beispielstadt/2025-2026.yaml")).read_text("utf-8").split("\n")
    at = case["at"] - 1
    lines[at : at + case.get("count", 1)] = case["text"].split("\n")
    return "\n".join(lines).encode("utf-8")


def test_the_corpus_holds_at_least_forty_mistakes():
    assert len(CASES) >= 40 and len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_mistake_is_reported_at_the_line_to_fix_with_a_hint_that_names_the_fix(case):
    findings = validate_bytes(_mistyped(case), "konzept.yaml", "de").findings
    hits = [f for f in findings if f.code == case["code"] and f.line == case["line"]]
    assert hits, [(f.code, f.line, f.message) for f in findings]
    assert any(case["phrase"] in f.message + " " + f.hint for f in hits), [(f.message, f.hint) for f in hits]


@pytest.mark.parametrize("case", [c for c in CASES if c["code"] == "KI001"], ids=lambda c: c["name"])
def test_syntax_mistake_is_one_finding(case):
    assert len(load_bytes(_mistyped(case), "de").findings) == 1


@pytest.mark.parametrize("case", [c for c in CASES if c["code"] == "KI002"], ids=lambda c: c["name"])
def test_missing_dash_is_one_finding_that_never_advises_deleting(case):
    (finding,) = load_bytes(_mistyped(case), "de").findings
    assert "Löschen Sie einen" not in finding.hint and "„- “" in finding.hint


def test_decimal_commas_in_a_flow_mapping_are_one_finding_and_read_as_meant():
    (case,) = [c for c in CASES if c["name"] == "decimal comma in a flow mapping"]
    loaded = load_bytes(_mistyped(case), "de")
    _, findings = check_loaded(loaded, "de", domain=False)
    assert [f.code for f in findings] == ["KI006"]
    assert loaded.data["personal"][0]["einsatz"] == {"sprache": 0.25, "uebergang": 0.75}


def test_mistake_is_explained_in_german_by_the_cli_when_no_locale_is_set(cli, tmp_path):
    (case,) = [c for c in CASES if c["name"] == "key without its colon before a blank line"]
    path = tmp_path / "konzept.yaml"
    path.write_bytes(_mistyped(case))
    unset: dict[str, str | None] = {name: None for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    result = cli("validate", str(path), env=unset)
    assert f"{path}:110:22: KI001" in result.stdout
    assert "`federfuehrung: jugendamt`" in result.stdout


def _codes(text: str) -> list[str]:
    return [f.code for f in load_bytes(text.encode("utf-8"), "de").findings]


def test_a_comment_with_a_space_after_the_hash_cuts_nothing():
    assert _codes("titel: Elterncafé # im Familienzentrum\n") == []


def test_a_hash_inside_quotes_or_a_word_cuts_nothing():
    assert _codes('titel: "Elterncafé #2"\nkurs: C# für Eltern\n') == []


def test_two_names_in_a_flow_list_are_not_one_split_name():
    assert _codes("beteiligt: [Kreisjugendamt, Amt für Schule und Bildung]\n") == []


def test_quoted_items_of_a_flow_list_were_split_on_purpose():
    assert _codes('beteiligt: ["Amt für Kinder", "Jugend und Familie"]\n') == []


def test_a_list_of_numbers_without_spaces_is_no_decimal_comma():
    loaded = load_bytes(b"a: [1,2,3]\n", "de")
    assert loaded.findings == [] and loaded.data == {"a": [1, 2, 3]}


def test_a_non_breaking_space_inside_a_text_value_is_content():
    loaded = load_bytes("name: Jonas\u00a0Weber\n".encode(), "de")
    assert loaded.findings == [] and loaded.data == {"name": "Jonas\u00a0Weber"}


def test_the_hint_for_an_unclosed_bracket_at_the_end_of_the_file_shows_single_braces():
    (finding,) = load_bytes(b"a: {b: [1, 2\n", "de").findings
    assert "{{" not in finding.message + finding.hint and "}}" not in finding.message + finding.hint


def test_a_plain_duplicate_key_still_offers_to_delete_one():
    (finding,) = load_bytes(b"a:\n  - id: x\n    name: y\n    name: z\n", "de").findings
    assert finding.code == "KI002" and "Löschen Sie einen" in finding.hint


def test_a_whole_text_in_typographic_quotes_is_pointed_out_with_its_straight_quoted_form():
    (finding,) = load_bytes("name: „Stadt Hamm“\n".encode(), "de").findings
    assert finding.code == "KI010" and finding.severity == "info"
    assert (finding.line, finding.column) == (1, 7)
    assert '`"Stadt Hamm"`' in finding.hint


def test_a_text_in_typographic_quotes_keeps_its_quotes_in_the_data():
    loaded = load_bytes("titel: “Elterncafé”\n".encode(), "en")
    assert loaded.data == {"titel": "“Elterncafé”"}
    assert [f.code for f in loaded.findings] == ["KI010"]


def test_quotations_inside_a_text_are_the_users_own():
    assert _codes("titel: Projekt „Brücken bauen“\n") == []
    assert _codes("titel: „Brücken“ und „Wege“\n") == []


def test_typographic_quotes_inside_yaml_quotes_are_meant():
    assert _codes('titel: "„Brücken bauen“"\n') == []


def test_an_invisible_character_in_a_key_is_named_with_the_key_it_hides():
    text = VALID.replace("  name: ", "  name\u00a0: ", 1)
    findings = [f for f in validate_bytes(text.encode(), "k.yaml", "de").findings if f.code == "KI102"]
    (finding,) = findings
    assert "U+00A0" in finding.message and "„name“" in finding.message
    assert "`name:`" in finding.hint
