"""``ki validate --format github``: workflow commands escaped as GitHub specifies, errors first,
at most 10 annotations per severity with the rest in the log, and the step summary."""

from __future__ import annotations

import re

import pytest

from ki_cli.check.findings import Finding
from ki_cli.check.registry import RULES
from ki_cli.check.report import FileReport, Report
from ki_cli.cli.validate import plain_command_line
from ki_cli.output.github import cell, command, escape_data, escape_property, summary_markdown
from tests.helpers import VALID, line_of, replace, with_measures

BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
TWELVE_ERRORS = with_measures(12).replace(
    "        federfuehrung: ki\n        beteiligt: [awo]\n        sachkosten",
    "        federfuehrung: niemand\n        beteiligt: [awo]\n        sachkosten",
)


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch):
    """Tests that run inside GitHub Actions must not write into the real step summary."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def github(cli, tmp_path, *texts: str, options: tuple[str, ...] = (), env: dict[str, str] | None = None):
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"konzept-{i}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return cli("validate", "--format", "github", *options, *paths, env=env)


def test_one_error_command_with_file_line_column_code_and_title(cli, tmp_path):
    result = github(cli, tmp_path, BROKEN, options=("--lang", "en"))
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    row = line_of(BROKEN, "schulamtt")
    file = str(tmp_path / "konzept-0.yaml").replace(":", "%3A").replace(",", "%2C")
    title = "KI107 – dangling reference"
    assert line.startswith(f"::error file={file},line={row},col=24,endLine={row},endColumn=33,title={title}::")
    assert "schulamtt" in line and "%0A" in line  # the hint follows on a second line of the annotation


def test_title_names_code_and_rule_title_in_the_message_language(cli, tmp_path):
    line = github(cli, tmp_path, BROKEN, options=("--lang", "de")).stdout
    assert f"title=KI107 – {RULES['KI107'].title('de')}::" in line


def test_infos_are_left_out_unless_asked(cli, tmp_path):
    plain = github(cli, tmp_path, VALID).stdout.splitlines()
    asked = github(cli, tmp_path, VALID, options=("--github-infos",)).stdout.splitlines()
    assert {line.split(" ", 1)[0] for line in plain} == {"::warning"}
    assert {line.split(" ", 1)[0] for line in asked} == {"::warning", "::notice"}
    assert not any(line.startswith("ki:") for line in plain)  # infos left out by choice are not "not shown"


def test_errors_come_before_warnings_before_notices(cli, tmp_path):
    lines = github(cli, tmp_path, VALID, BROKEN, options=("--github-infos",)).stdout.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == sorted(kinds, key=["::error", "::warning", "::notice"].index)
    assert kinds[0] == "::error" and "konzept-1.yaml" in lines[0]  # the error of the second file first


def test_at_most_ten_annotations_per_severity_and_the_rest_in_a_group_of_plain_lines(cli, tmp_path):
    result = github(cli, tmp_path, TWELVE_ERRORS, options=("--lang", "en"))
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert sum(line.startswith("::error ") for line in lines) == 10
    start = lines.index("::group::More findings that GitHub does not show as annotations (2)")
    assert lines[start + 1].startswith("::stop-commands::")
    token = lines[start + 1].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token)
    plain = lines[start + 2 : start + 4]
    assert all(re.match(r".*konzept-0\.yaml:\d+:\d+: KI107 error  .*niemand", line) for line in plain)
    assert lines[start + 4 : start + 6] == [f"::{token}::", "::endgroup::"]
    assert lines[-1].startswith("ki: 2 more findings not shown as annotations (2 errors): GitHub shows at most 10")
    assert len(lines) == start + 7


def test_the_last_line_counts_each_severity_left_out_in_german(cli, tmp_path):
    many = TWELVE_ERRORS.replace("federfuehrung: schulamt\n", "federfuehrung: niemand\n")
    last = github(cli, tmp_path, many, options=("--lang", "de")).stdout.splitlines()[-1]
    assert last.startswith("ki: 3 weitere Befunde nicht als Anmerkung gezeigt (3 Fehler)")


def test_no_closing_line_at_ten_or_fewer(cli, tmp_path):
    lines = github(cli, tmp_path, BROKEN, VALID, options=("--github-infos",)).stdout.splitlines()
    assert all(line.startswith("::") and not line.startswith("::group") for line in lines)


def test_a_value_that_looks_like_a_command_stays_text_in_the_group(cli, tmp_path):
    sneaky = TWELVE_ERRORS.replace("federfuehrung: niemand\n", 'federfuehrung: "::error::gefälscht"\n')
    lines = github(cli, tmp_path, sneaky).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    end = lines.index(f"::{lines[start].removeprefix('::stop-commands::')}::")
    assert end > start + 1 and not any(line.startswith("::") for line in lines[start + 1 : end])


def test_the_fast_path_reads_github_infos():
    options = plain_command_line(["validate", "--format", "github", "--github-infos", "a.yaml"])
    assert options is not None and options["github_infos"] is True


# --- the step summary ----------------------------------------------------------------------------


def test_step_summary_is_appended_with_a_table_of_all_findings(cli, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# Vorher\n", encoding="utf-8")
    result = github(cli, tmp_path, VALID, BROKEN, options=("--lang", "de"), env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Vorher\n## ki validate\n")
    assert "| Schwere | Code | Datei | Zeile | Spalte | Meldung | So beheben |" in text
    rows = [line for line in text.splitlines() if re.match(r"\| (Fehler|Warnung|Hinweis) \|", line)]
    assert len(rows) == 8  # all findings, the infos too (7 of VALID, 1 of BROKEN)
    assert "2 Dateien geprüft: 1 Fehler" in text
    assert result.exit_code == 1


def test_step_summary_is_english_with_lang_en(cli, tmp_path):
    summary = tmp_path / "summary.md"
    github(cli, tmp_path, BROKEN, options=("--lang", "en"), env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert "| Severity | Code | File | Line | Column | Message | Fix |" in text and "| error | KI107 |" in text


def test_step_summary_without_findings_has_no_table(cli, tmp_path):
    from ki_cli.check.rules.example import FULL

    summary = tmp_path / "summary.md"
    github(cli, tmp_path, FULL, env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert "0 Fehler" in text and "|" not in text


def test_the_closing_line_points_to_the_summary_when_there_is_one(cli, tmp_path):
    env = {"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    last = github(cli, tmp_path, TWELVE_ERRORS, options=("--lang", "en"), env=env).stdout.splitlines()[-1]
    assert last.endswith("above and in the run's summary.")


def test_an_unwritable_step_summary_is_named_and_the_annotations_still_come(cli, tmp_path):
    env = {"GITHUB_STEP_SUMMARY": str(tmp_path / "fehlt" / "summary.md")}
    result = github(cli, tmp_path, BROKEN, options=("--lang", "en"), env=env)
    assert result.exit_code == 1 and result.stdout.startswith("::error ")
    assert "could not write the summary for GitHub" in result.stderr


def test_summary_cells_escape_pipes_line_breaks_html_and_backslashes():
    assert cell("a|b") == "a\\|b"
    assert cell("a\nb\r\nc") == "a\\\\nb\\\\r\\\\nc"  # the line breaks shown as \n, \r\n (their backslash escaped)
    assert cell("x\\|y") == "x\\\\\\|y"  # a backslash before a pipe cannot unescape it
    assert cell("<img src=x> & `code`") == "&lt;img src=x&gt; &amp; \\`code\\`"


def _cells(row: str) -> list[str]:
    """A table row split as GitHub's Markdown (cmark-gfm) splits it: a backslash escapes the next
    character, every other ``|`` ends a cell."""
    cells, current, i = [], "", 1  # after the leading pipe
    while i < len(row):
        if row[i] == "\\" and i + 1 < len(row):
            current, i = current + row[i : i + 2], i + 2
        elif row[i] == "|":
            cells.append(current.strip())
            current, i = "", i + 1
        else:
            current, i = current + row[i], i + 1
    return cells


def test_a_summary_row_stays_one_row_whatever_the_message():
    finding = Finding("KI107", "error", "a | b\nc \\|", "d|\u2028e", "", "x", 3, 5, 3, 9)
    text = summary_markdown(Report([FileReport("k|1.yaml", [finding])]), "de")
    (row,) = [line for line in text.splitlines() if line.startswith("| Fehler |")]
    assert _cells(row) == ["Fehler", "KI107", "k\\|1.yaml", "3", "5", "a \\| b\\\\nc \\\\\\|", "d\\|\\\\u2028e"]


def test_a_summary_past_githubs_size_limit_leaves_rows_out_and_says_how_many():
    findings = [Finding("KI107", "error", "x" * 200, "", "", "p", i, 1, i, 2) for i in range(1, 101)]
    text = summary_markdown(Report([FileReport("k.yaml", findings)]), "en", budget=5000)
    rows = [line for line in text.splitlines() if line.startswith("| error |")]
    assert 0 < len(rows) < 100 and len(text.encode()) <= 5000
    assert f"and {100 - len(rows)} more findings" in text


# --- escaping ------------------------------------------------------------------------------------


def test_data_escapes_percent_and_line_breaks():
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"


def test_properties_also_escape_colon_and_comma():
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"


def test_a_path_with_colon_and_comma_stays_one_property():
    finding = Finding("KI313", "warning", "100% sicher: nein", "", "", "x", 3, 5, 3, 9)
    line = command("a:b,c.yaml", finding)
    title = escape_property(f"KI313 – {RULES['KI313'].title('de')}")
    assert (
        line == f"::warning file=a%3Ab%2Cc.yaml,line=3,col=5,endLine=3,endColumn=9,title={title}::100%25 sicher: nein"
    )


def test_escape_sequences_and_unicode_line_breaks_in_a_message_are_shown_escaped():
    finding = Finding("KI107", "error", "„x\x1b[2J\u2028::notice::ok“", "Hinweis\x07", "", "x", 3, 5, 3, 9)
    line = command("k\x1b]0;t\x07.yaml", finding, "en")
    assert line == (
        "::error file=k\\e]0;t\\x07.yaml,line=3,col=5,endLine=3,endColumn=9,title=KI107 – dangling reference::"
        "„x\\e[2J\\u2028::notice::ok“%0AHinweis\\x07"
    )


# --- the sample workflow -------------------------------------------------------------------------


def test_the_sample_workflow_is_yaml_whose_ki_commands_the_cli_accepts():
    import shlex

    import yaml

    from tests.helpers import ROOT

    page = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(page.split("```yaml\n", 1)[1].split("\n```", 1)[0])
    steps = workflow["jobs"]["ki"]["steps"]
    assert workflow["jobs"]["ki"]["permissions"]["security-events"] == "write"
    runs = [step["run"] for step in steps if "ki validate" in step.get("run", "")]
    formats = set()
    for run in runs:
        words = shlex.split(run.split(">", 1)[0])
        options = plain_command_line(words[1:])
        assert options is not None, run
        formats.add(options["fmt"])
    assert formats == {"github", "sarif"}
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload["with"]["sarif_file"] == "ki.sarif"
