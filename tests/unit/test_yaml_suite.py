"""Every input of the official YAML test suite goes through the validator unharmed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ki_cli.check.pipeline import validate_bytes
from ki_cli.check.sourcemap import split_lines
from tests.helpers import SHARED

SUITE = SHARED / "corpora" / "yaml-test-suite"
CASES = sorted(SUITE.glob("**/in.yaml")) if SUITE.is_dir() else []


# the parser ki uses: libyaml's where PyYAML has it (it accepts a few inputs the pure one rejects)
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _pyyaml_rejects(raw: bytes) -> bool:
    try:
        for _ in yaml.compose_all(raw.decode("utf-8", "replace"), Loader=_PARSER):
            pass
    except yaml.YAMLError:
        return True
    return False


@pytest.mark.skipif(not CASES, reason="../shared/corpora/yaml-test-suite is not present")
@pytest.mark.parametrize("case", CASES, ids=[str(c.parent.relative_to(SUITE)) for c in CASES])
def test_suite_input_gives_findings_never_an_exception(case: Path):
    raw = case.read_bytes()
    report = validate_bytes(raw, str(case), "de")
    assert report.findings, "a YAML file that is no concept must yield a finding"
    assert all(f.line >= 1 and f.column >= 1 for f in report.findings)
    assert any(f.severity == "error" for f in report.findings)  # exit code 1
    if (case.parent / "error").exists() and _pyyaml_rejects(raw):
        assert {f.code for f in report.findings} & {"KI001", "KI003", "KI004", "KI005"}


def test_suite_has_all_402_inputs():
    if not CASES:
        pytest.skip("../shared/corpora/yaml-test-suite is not present")
    assert len(CASES) == 402


@pytest.mark.skipif(not CASES, reason="../shared/corpora/yaml-test-suite is not present")
def test_whole_suite_in_one_cli_call(cli):
    result = cli("validate", "--format", "json", str(SUITE))
    assert result.exit_code == 1
    assert '"files": 402' in result.stdout.replace("\n", "").replace("  ", "") or result.stdout.count('"path"') == 402


def _assert_positions_inside(raw: bytes, findings) -> None:
    text = raw.decode("utf-8", "replace").lstrip("\ufeff")
    lines = split_lines(text)
    for f in findings:
        assert 1 <= f.line <= len(lines) + 1, (f.code, f.line, len(lines))
        if f.line <= len(lines) and f.code != "KI003":  # KI003 counts the characters of what decodes
            assert 1 <= f.column <= len(lines[f.line - 1]) + 2, (f.code, f.line, f.column, lines[f.line - 1])


@pytest.mark.skipif(not CASES, reason="../shared/corpora/yaml-test-suite is not present")
@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_suite_inputs_with_any_line_ending_give_findings_inside_the_text(ending: str):
    for case in CASES:
        raw = case.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", ending.encode())
        report = validate_bytes(raw, str(case), "de")
        assert any(f.severity == "error" for f in report.findings), case
        _assert_positions_inside(raw, report.findings)


@pytest.mark.skipif(not CASES, reason="../shared/corpora/yaml-test-suite is not present")
@pytest.mark.parametrize("char", ["\u2028", "\x85", "\0", "\ufeff"], ids=["LS", "NEL", "NUL", "BOM"])
def test_suite_inputs_with_a_stray_character_give_findings_inside_the_text(char: str):
    for case in CASES:
        text = case.read_bytes().decode("utf-8", "replace")
        middle = len(text) // 2
        raw = (text[:middle] + char + text[middle:]).encode("utf-8")
        report = validate_bytes(raw, str(case), "de")
        assert any(f.severity == "error" for f in report.findings), case
        _assert_positions_inside(raw, report.findings)
