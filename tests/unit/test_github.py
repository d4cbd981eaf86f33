"""``ki validate --format github``: one workflow command per finding, escaped as GitHub specifies."""

from __future__ import annotations

from ki_cli.check.findings import Finding
from ki_cli.output.github import command, escape_data, escape_property
from tests.helpers import VALID, line_of, replace

BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")


def test_one_error_command_with_file_line_column_and_code(cli, tmp_path):
    path = tmp_path / "konzept.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = cli("validate", "--format", "github", "--lang", "en", str(path))
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    row = line_of(BROKEN, "schulamtt")
    file = str(path).replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(f"::error file={file},line={row},col=24,endLine={row},endColumn=33,title=KI107::")
    assert "schulamtt" in line and "%0A" in line  # the hint follows on a second line of the annotation


def test_warnings_and_infos_become_warning_and_notice(cli, tmp_path):
    path = tmp_path / "konzept.yaml"
    path.write_text(VALID, encoding="utf-8")
    lines = cli("validate", "--format", "github", str(path)).stdout.splitlines()
    kinds = {line.split(" ", 1)[0] for line in lines}
    assert kinds <= {"::error", "::warning", "::notice"} and {"::warning", "::notice"} <= kinds


def test_data_escapes_percent_and_line_breaks():
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"


def test_properties_also_escape_colon_and_comma():
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"


def test_a_path_with_colon_and_comma_stays_one_property():
    finding = Finding("KI313", "warning", "100% sicher: nein", "", "", "x", 3, 5, 3, 9)
    line = command("a:b,c.yaml", finding)
    assert line == "::warning file=a%3Ab%2Cc.yaml,line=3,col=5,endLine=3,endColumn=9,title=KI313::100%25 sicher: nein"


def test_escape_sequences_and_unicode_line_breaks_in_a_message_are_shown_escaped():
    finding = Finding("KI107", "error", "„x\x1b[2J\u2028::notice::ok“", "Hinweis\x07", "", "x", 3, 5, 3, 9)
    line = command("k\x1b]0;t\x07.yaml", finding)
    assert line == (
        "::error file=k\\e]0;t\\x07.yaml,line=3,col=5,endLine=3,endColumn=9,title=KI107::"
        "„x\\e[2J\\u2028::notice::ok“%0AHinweis\\x07"
    )
