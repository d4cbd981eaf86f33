"""``ki next-period`` keeps what the user wrote: comments, blank lines, order, folded texts, German
dates; only the values that must change are touched (issue 16, item 5). Through the real CLI."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.periods import old, write

HERE = Path(__file__).parent
HAND = HERE / "files" / "handformatiert.yaml"
EXAMPLES = sorted((HERE.parent.parent / "concepts").glob("**/*.yaml"))
_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def _next(cli, path: Path, target: Path) -> str:
    result = cli("next-period", str(path), "-o", str(target), "--force", "--lang", "de")
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8")


def _errors(cli, path: Path) -> str:
    result = cli("validate", str(path), "--lang", "de")
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout if " 0 Fehler" not in result.stdout else ""


def _gone(before: str, after: str) -> list[str]:
    """The lines of ``before`` that do not stand unchanged in ``after`` (in order)."""
    a, b = before.splitlines(), after.splitlines()
    gone = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            gone.extend(a[i1:i2])
    return gone


def _comments(text: str) -> list[str]:
    return [m[1] for line in text.splitlines() if (m := _COMMENT.search(line)) and '"' not in line]


@pytest.mark.parametrize("path", [HAND, *EXAMPLES], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_comment_of_the_user_is_kept(cli, tmp_path, path):
    new = _next(cli, path, tmp_path / "neu.yaml")
    lines = new.splitlines()
    for comment in _comments(path.read_text(encoding="utf-8")):
        assert any(line.strip() == comment or line.endswith(comment) for line in lines), comment


@pytest.mark.parametrize("path", [HAND, *EXAMPLES], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_only_data_lines_of_changed_values_change_and_the_result_validates(cli, tmp_path, path):
    before = path.read_text(encoding="utf-8")
    new = _next(cli, path, tmp_path / "neu.yaml")
    for line in _gone(before, new):  # no blank line and no comment line of the user is lost or changed
        assert line.strip() and not line.strip().startswith("#"), line
    assert _errors(cli, tmp_path / "neu.yaml") == ""


@pytest.mark.parametrize("path", [HAND, *EXAMPLES], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_edited_file_holds_what_the_rewritten_one_held(cli, tmp_path, path):
    """The decisions of next-period are unchanged: the file written anew from the data (as before)
    and the edited one differ in nothing ``ki diff`` sees."""
    from ki_cli.check.load import load_path
    from ki_cli.diff.command import structure
    from ki_cli.diff.nextperiod import build

    konzept, _ = structure(load_path(path), "de")
    rewritten = tmp_path / "neu_geschrieben.yaml"
    rewritten.write_text(build(konzept, path.name).text, encoding="utf-8")
    edited = tmp_path / "neu.yaml"
    _next(cli, path, edited)
    result = cli("diff", str(rewritten), str(edited), "--exit-code")
    assert result.exit_code == 0, result.stdout


def test_untouched_lines_of_a_hand_formatted_concept_stay_byte_for_byte(cli, tmp_path):
    new = _next(cli, HAND, tmp_path / "neu.yaml")
    gone = [line.strip() for line in _gone(HAND.read_text(encoding="utf-8"), new)]
    assert gone[:2] == ["beginn: 01.01.2023   # laut Bewilligungsbescheid", "ende: 31.12.2024"]
    assert "beginn: 01.01.2025   # laut Bewilligungsbescheid\n  ende: 31.12.2026\n" in new  # German stays German
    # what goes: the handed-over measure, the old measurements, dates outside the period, the
    # reference to an ended agreement, past grants, ended agreements and the old proposal – nothing else
    assert "- id: m-rucksack   # Programm des Landes" in gone and "sachkosten: 4000" in gone
    assert "- {datum: 31.12.2024, wert: 85}" in gone and "- {jahr: 2024, programm: ki, bewilligt: 255000}" in gone
    kept_values = ("sachkosten: 3000   # Honorare", "einheit: Personen", "beantragt: 260000", "antrag_am: 20.10.2024")
    assert not any(v in gone for v in kept_values)
    assert (
        "        beschreibung: >-\n          Vier Module je Jahr, jeweils einen Tag, für Beschäftigte aus Bürgeramt,\n"
        in new
    )
    assert "version: 1   # nicht ändern\n\n\n# --- Kommune ---\n" in new
    assert len(gone) == 2 + 8 + 4 + 3 + 1 + 4 + 20 + 19, gone  # counted by hand, in that order


def _uncomment(text: str, start: str, count: int) -> str:
    """``count`` lines after the line containing ``start`` with their ``# `` removed."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if start in line) + 1
    for i in range(at, at + count):
        assert "# " in lines[i], lines[i]
        lines[i] = lines[i].replace("# ", "", 1)
    return "\n".join(lines)


def test_the_example_of_an_emptied_list_of_measures_uncomments_cleanly(cli, tmp_path):
    new = _next(cli, HAND, tmp_path / "neu.yaml")
    assert (
        "    massnahmen:\n      # Rucksack läuft seit 2019\n      # An die Regelpraxis übergeben: Maßnahme m-rucksack"
        in new
    )
    fixed = write(tmp_path, "fertig.yaml", _uncomment(new, "Zum Beispiel (die Zeichen „# “", 4))
    assert "      - id: m-neu\n        titel: Neue Maßnahme\n" in fixed.read_text(encoding="utf-8")
    assert _errors(cli, fixed) == ""


def test_the_example_of_the_new_council_proposal_uncomments_cleanly(cli, tmp_path):
    new = _next(cli, HAND, tmp_path / "neu.yaml")
    fixed = write(tmp_path, "fertig.yaml", _uncomment(new, "# wurde nicht übernommen. Zum Beispiel", 10))
    assert "\nvorlage:\n  drucksache:" in fixed.read_text(encoding="utf-8")
    assert "datum: 01.09.2024" in fixed.read_text(encoding="utf-8")  # the user's German dates
    assert _errors(cli, fixed) == ""


def test_when_every_agreement_ended_an_entry_can_be_added_below_the_key(cli, tmp_path):
    data = old()
    for v in data["vereinbarungen"]:
        v["ende"] = "2024-12-31"
    for sp in data["schwerpunkte"]:
        for m in sp.get("massnahmen", []):
            m.pop("vereinbarung", None)
    path = write(tmp_path, "2023-2024.yaml", data)
    new = _next(cli, path, tmp_path / "neu.yaml")
    assert "vereinbarungen: []" not in new and "\nvereinbarungen:\n" in new
    assert _errors(cli, tmp_path / "neu.yaml") == ""
    count = len(re.findall(r"(?m)^  # (?:- |  )\w+:", new))
    fixed = write(tmp_path, "fertig.yaml", _uncomment(new, "Zum Beispiel (die Zeichen „# “", count))
    assert _errors(cli, fixed) == ""


def test_next_period_of_its_own_result_replaces_its_note_on_top(cli, tmp_path):
    first = _next(cli, HAND, tmp_path / "2025-2026.yaml")
    second = _next(cli, tmp_path / "2025-2026.yaml", tmp_path / "2027-2028.yaml")
    assert second.count("fortgeschrieben aus") == 1 and "Zeitraum 01.01.2027 bis 31.12.2028" in second
    assert first.count("fortgeschrieben aus") == 1


def test_windows_line_breaks_stay(cli, tmp_path):
    path = tmp_path / "2023-2024.yaml"
    path.write_bytes(HAND.read_bytes().replace(b"\n", b"\r\n"))
    cli("next-period", str(path), "-o", str(tmp_path / "neu.yaml"), "--lang", "de")
    raw = (tmp_path / "neu.yaml").read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") and b"  beginn: 01.01.2025   # laut Bewilligungsbescheid\r\n" in raw


def test_a_section_in_flow_style_is_written_anew_with_its_comments(cli, tmp_path):
    text = HAND.read_text(encoding="utf-8")
    start = text.index("\nfoerderung:")
    end = text.index("\npartner:")
    flow = (
        "\nfoerderung: [{jahr: 2024, programm: ki, bewilligt: 255000},  # Bescheid 2024\n"
        "  {jahr: 2025, programm: ki, beantragt: 260000}]\n"
    )
    path = write(tmp_path, "2023-2024.yaml", text[:start] + flow + text[end:])
    new = _next(cli, path, tmp_path / "neu.yaml")
    assert "# Bescheid 2024" in new and "beantragt: 260000" in new and "255000" not in new
    assert _errors(cli, tmp_path / "neu.yaml") == ""
