"""``ki validate`` through the real command line: formats, options, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from ki_cli import __version__
from tests.helpers import ROOT, VALID, line_of, replace

BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_text_report_line_caret_hint_basis_and_summary(cli, tmp_path):
    path = write(tmp_path, "k.yaml", BROKEN)
    result = cli("validate", "--lang", "de", "--select", "KI1", str(path))
    assert result.exit_code == 1
    line = line_of(BROKEN, "schulamtt")
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"{path}:{line}:24: KI107 Fehler  Der Verweis „schulamtt“ unter „federfuehrung“ führt ins Leere: es gibt keinen Partner mit dieser Kennung. Meinten Sie „schulamt“?"
    )
    assert lines[1] == f"    {line} |         federfuehrung: schulamtt"
    assert lines[2] == f"    {' ' * len(str(line))} |                        ^^^^^^^^^"
    assert lines[3].startswith("   So beheben: ")
    assert lines[4] == "   Grundlage: Konzeptformat Version 1"
    assert lines[-1] == "1 Datei geprüft: 1 Fehler, 0 Warnungen, 0 Hinweise"


def test_no_colour_when_piped(cli, tmp_path):
    result = cli("validate", str(write(tmp_path, "k.yaml", BROKEN)))
    assert "\x1b[" not in result.stdout


def test_json_report_has_exactly_the_spec_shape(cli_json, tmp_path):
    path = write(tmp_path, "k.yaml", BROKEN)
    code, data = cli_json("--select", "KI107", str(path))
    assert code == 1
    assert set(data) == {"files", "summary"}
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
    (file,) = data["files"]
    assert set(file) == {"path", "findings"} and file["path"] == str(path)
    (finding,) = file["findings"]
    assert set(finding) == {
        "code",
        "severity",
        "message",
        "hint",
        "basis",
        "line",
        "column",
        "end_line",
        "end_column",
        "yaml_path",
    }
    assert finding["yaml_path"] == "schwerpunkte[0].massnahmen[0].federfuehrung"
    assert (finding["line"], finding["column"], finding["end_column"]) == (line_of(BROKEN, "schulamtt"), 24, 33)


def test_valid_file_exits_0(cli, tmp_path):
    result = cli("validate", "--ignore", "KI2,KI3,KI4,KI5,KI6", str(write(tmp_path, "k.yaml", VALID)))
    assert result.exit_code == 0, result.stdout


def test_warnings_fail_only_with_strict(cli, tmp_path):
    path = write(tmp_path, "k.yaml", VALID)  # a warning KI501: no migrant organisation
    assert cli("validate", "--select", "KI501", str(path)).exit_code == 0
    assert cli("validate", "--select", "KI501", "--strict", str(path)).exit_code == 1


def test_ignore_drops_findings(cli_json, tmp_path):
    code, data = cli_json("--ignore", "KI107", "--select", "KI1", str(write(tmp_path, "k.yaml", BROKEN)))
    assert code == 0 and data["summary"]["errors"] == 0


def test_unknown_code_in_select_exits_2_with_did_you_mean(cli, tmp_path):
    result = cli("validate", "--select", "KI9999", str(write(tmp_path, "k.yaml", VALID)))
    assert result.exit_code == 2
    assert "KI9999" in result.stderr


def test_quiet_prints_only_the_summary(cli, tmp_path):
    result = cli("validate", "-q", "--lang", "en", str(write(tmp_path, "k.yaml", BROKEN)))
    assert result.stdout.splitlines()[-1].startswith("1 file checked:")
    assert len(result.stdout.splitlines()) == 1


def test_directory_means_every_yaml_below_it(cli_json, tmp_path):
    write(tmp_path, "a.yaml", VALID)
    write(tmp_path, "sub/b.yml", BROKEN)
    write(tmp_path, "sub/notes.txt", "kein yaml")
    write(tmp_path, ".hidden/c.yaml", "kaputt: [")
    code, data = cli_json("--select", "KI0,KI1", str(tmp_path))
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["a.yaml", "b.yml"]
    assert code == 1


def test_directory_skips_hidden_files(cli_json, tmp_path):
    write(tmp_path, "a.yaml", VALID)
    write(tmp_path, ".pre-commit-hooks.yaml", "- id: ki-validate\n")
    code, data = cli_json("--select", "KI0,KI1", str(tmp_path))
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["a.yaml"]


def test_hidden_file_named_explicitly_is_checked(cli_json, tmp_path):
    path = write(tmp_path, ".konzept.yaml", "kaputt: [")
    code, data = cli_json(str(path))
    assert code == 1 and data["files"][0]["path"] == str(path)


def test_standard_input(cli_json):
    code, data = cli_json("--select", "KI1", "-", input=BROKEN.encode())
    assert code == 1 and data["files"][0]["path"] == "<stdin>"


def test_missing_file_exits_2(cli, tmp_path):
    result = cli("validate", str(tmp_path / "fehlt.yaml"))
    assert result.exit_code == 2 and "fehlt.yaml" in result.stderr


def test_english_by_option_and_environment(cli, tmp_path):
    path = str(write(tmp_path, "k.yaml", BROKEN))
    assert "leads nowhere" in cli("validate", "--lang", "en", path).stdout
    assert "leads nowhere" in cli("validate", path, env={"KI_LANG": "en"}).stdout
    assert "führt ins Leere" in cli("validate", path, env={"KI_LANG": "de"}).stdout


def test_language_follows_the_locale(cli, tmp_path):
    path = str(write(tmp_path, "k.yaml", BROKEN))
    assert "führt ins Leere" in cli("validate", path, env={"KI_LANG": "", "LC_ALL": "de_DE.UTF-8"}).stdout


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"ki {__version__}"


def test_bad_option_exits_2(cli):
    assert cli("validate", "--format", "xml", "x.yaml").exit_code == 2


def test_python_dash_m_runs_without_traceback(tmp_path):
    path = write(tmp_path, "k.yaml", "a: [\n")
    result = subprocess.run(
        [sys.executable, "-m", "ki_cli", "validate", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert "KI001" in result.stdout and "Traceback" not in result.stderr


def test_bad_option_in_a_subprocess_has_no_traceback():
    result = subprocess.run([sys.executable, "-m", "ki_cli", "validate", "--nope"], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_yaml_text_output_survives_markup_like_values(cli, tmp_path):
    text = replace("federfuehrung: schulamt", "federfuehrung: '[bold]x'")
    result = cli("validate", "--select", "KI107", str(write(tmp_path, "k.yaml", text)))
    assert "[bold]x" in result.stdout


def test_json_output_is_parseable_for_every_broken_variant(cli, tmp_path):
    for i, text in enumerate(["", "a: [", "- 1", "version: 1\nversion: 2\n", "\xff"]):
        path = tmp_path / f"f{i}.yaml"
        path.write_bytes(text.encode("latin-1"))
    result = cli("validate", "--format", "json", str(tmp_path))
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert all(f["findings"] and f["findings"][0]["line"] >= 1 for f in data["files"])


def test_text_report_names_severities_and_the_fix_line_in_english(cli, tmp_path):
    path = write(tmp_path, "k.yaml", BROKEN)
    lines = cli("validate", "--lang", "en", "--select", "KI1", str(path)).stdout.splitlines()
    assert " KI107 error  " in lines[0]
    assert lines[3].startswith("   Fix: ")


def test_info_severity_and_fix_line_are_different_words_in_german(cli, tmp_path):
    from tests.helpers import CONCEPTS

    out = cli("validate", "--lang", "de", str(CONCEPTS / "kreis-hohenfeld")).stdout
    assert " KI412 Hinweis  " in out
    assert "\n   So beheben: " in out and "\n   Hinweis: " not in out
