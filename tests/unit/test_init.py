"""``ki init``: a commented starting file that validates, from flags, questions or placeholders."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from tests.helpers import ROOT

FLAGS = (
    "--kommune",
    "Stadt Hamm",
    "--typ",
    "kreisfreie_stadt",
    "--beginn",
    "01.01.2027",
    "--foerderrichtlinie",
    "2025",
)


def validate_json(cli, path) -> tuple[int, dict]:
    result = cli("validate", "--format", "json", str(path))
    return result.exit_code, json.loads(result.stdout)


def filled_in(text: str) -> str:
    """The starting file as a user leaves it: every sample value replaced, every "# ERSETZEN" mark deleted."""
    from ki_cli.format.starter import MARKER, SAMPLE_VALUES

    for number, sample in enumerate(sorted(SAMPLE_VALUES)):
        text = text.replace(sample, f"Echte Angabe {number}")
    return re.sub(rf"\s+#\s*{MARKER}.*", "", text)


def test_without_terminal_and_flags_it_writes_placeholders_that_validate_without_errors(cli, tmp_path):
    target = tmp_path / "konzept.yaml"
    result = cli("init", str(target), "--lang", "de")
    assert result.exit_code == 0, result.stderr
    assert "--kommune" in result.stderr and "--beginn" in result.stderr  # says which answers are placeholders
    code, report = validate_json(cli, target)
    assert code == 0 and report["summary"]["errors"] == 0


def test_a_fresh_file_is_not_ready_its_placeholders_fail_strict(cli, tmp_path):
    target = tmp_path / "konzept.yaml"
    cli("init", str(target), "--lang", "de")
    _, report = validate_json(cli, target)
    findings = report["files"][0]["findings"]
    assert {f["code"] for f in findings if f["severity"] == "warning"} == {"KI007"}
    kommune_line = target.read_text(encoding="utf-8").splitlines().index('  name: "Stadt Musterstadt"') + 1
    assert kommune_line in {f["line"] for f in findings if f["code"] == "KI007"}  # the placeholder name too
    assert cli("validate", "--strict", str(target)).exit_code == 1


@pytest.mark.parametrize("typ", ["kreisfreie_stadt", "kreis", "staedteregion", "kreisangehoerige_stadt"])
@pytest.mark.parametrize("guideline", ["2018", "2025"])
def test_every_type_and_guideline_gives_a_file_that_passes_strict_once_filled_in(cli, tmp_path, typ, guideline):
    target = tmp_path / "k.yaml"
    name = "Kreis Soest" if typ == "kreis" else "Stadt Hamm"
    args = ("--kommune", name, "--typ", typ, "--beginn", "2027-01-01", "--foerderrichtlinie", guideline)
    assert cli("init", str(target), *args).exit_code == 0
    assert cli("validate", str(target)).exit_code == 0  # no error, only the placeholders (KI007)
    assert cli("validate", "--strict", str(target)).exit_code == 1
    target.write_text(filled_in(target.read_text(encoding="utf-8")), encoding="utf-8")
    result = cli("validate", "--strict", str(target))
    assert result.exit_code == 0, result.stdout


def test_flags_given_means_no_placeholder_note(cli, tmp_path):
    result = cli("init", str(tmp_path / "k.yaml"), *FLAGS, "--lang", "de")
    assert result.exit_code == 0 and "Keine Eingabe möglich" not in result.stderr
    assert "geschrieben:" in result.stderr


def test_the_answers_are_in_the_file_and_the_end_is_computed(cli, tmp_path):
    target = tmp_path / "k.yaml"
    cli("init", str(target), "--kommune", "Stadt Hamm", "--beginn", "01.08.2027", "--foerderrichtlinie", "2018")
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["kommune"] == {"name": "Stadt Hamm", "typ": "kreisfreie_stadt"}  # the type guessed from the name
    assert (data["periode"]["beginn"], data["periode"]["ende"]) == (dt.date(2027, 8, 1), dt.date(2029, 7, 31))
    assert data["grundlagen"]["foerderrichtlinie"] == "2018"


def test_a_kreisfreie_stadt_decides_in_the_rat_after_the_integrationsrat(cli, tmp_path):
    target = tmp_path / "k.yaml"
    cli("init", str(target), *FLAGS)
    folge = yaml.safe_load(target.read_text(encoding="utf-8"))["vorlage"]["beratungsfolge"]
    assert [(b["gremium"], b["zustaendigkeit"]) for b in folge] == [
        ("integrationsrat", "empfehlung"),
        ("rat", "entscheidung"),
    ]


def test_a_kreis_decides_in_the_kreistag_and_has_a_town_as_partner(cli, tmp_path):
    target = tmp_path / "k.yaml"
    cli("init", str(target), "--kommune", "Kreis Soest", "--beginn", "01.01.2027")
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["kommune"]["typ"] == "kreis"
    assert data["vorlage"]["beratungsfolge"][-1]["gremium"] == "kreistag"
    assert "kreisangehoerige_kommune" in {p["art"] for p in data["partner"]}


def test_staffing_follows_the_guidelines_caps(cli, tmp_path):
    target = tmp_path / "k.yaml"
    cli("init", str(target), "--kommune", "Kreis Soest", "--foerderrichtlinie", "2025", "--beginn", "01.01.2027")
    personal = yaml.safe_load(target.read_text(encoding="utf-8"))["personal"]
    vze = {f: sum(p["vze"] for p in personal if p["funktion"] == f) for f in ("lehrkraft", "fachkraft", "verwaltung")}
    assert vze == {"lehrkraft": 3.5, "fachkraft": 6, "verwaltung": 0.5}  # 3,5 seconded teachers in a Kreis


def test_the_file_explains_itself_in_german_comments(cli, tmp_path):
    target = tmp_path / "k.yaml"
    cli("init", str(target), *FLAGS)
    text = target.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 30 and "ERSETZEN" in text
    for section in (
        "kommune:",
        "zentrum:",
        "periode:",
        "grundlagen:",
        "schwerpunkte:",
        "personal:",
        "partner:",
        "vorlage:",
    ):
        before = text.split("\n" + section, 1)[0].rstrip().splitlines()[-1]
        assert before.startswith("#"), section  # every section has a comment right above it


def test_a_name_with_yaml_characters_stays_text(cli, tmp_path):
    target = tmp_path / "k.yaml"
    name = 'Stadt "Ober: Unter" # 1, [a]'
    assert cli("init", str(target), "--kommune", name, "--beginn", "01.01.2027").exit_code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["kommune"]["name"] == name
    assert cli("validate", str(target)).exit_code == 0


def test_never_overwrites_an_existing_file(cli, tmp_path):
    target = tmp_path / "k.yaml"
    target.write_text("mein Konzept\n", encoding="utf-8")
    result = cli("init", str(target), *FLAGS, "--lang", "de")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mein Konzept\n"


def test_force_overwrites(cli, tmp_path):
    target = tmp_path / "k.yaml"
    target.write_text("alt\n", encoding="utf-8")
    assert cli("init", str(target), *FLAGS, "--force").exit_code == 0
    assert "version: 1" in target.read_text(encoding="utf-8")


def test_dash_writes_to_standard_output(cli):
    result = cli("init", "-", *FLAGS)
    assert result.exit_code == 0 and result.stdout.startswith("# Schwerpunktkonzept")


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--typ", "stadtstaat"),
        ("--beginn", "15.01.2027"),
        ("--beginn", "31.02.2027"),
        ("--beginn", "01.01.2199"),
        ("--foerderrichtlinie", "2030"),
        ("--kommune", "  "),
    ],
)
def test_a_bad_flag_exits_2_naming_the_flag(cli, tmp_path, flag, value):
    target = tmp_path / "k.yaml"
    result = cli("init", str(target), flag, value, "--lang", "en")
    assert result.exit_code == 2 and flag in result.stderr
    assert not target.exists()


def test_the_last_period_that_can_start_is_the_one_ending_in_2199(cli, tmp_path):
    target = tmp_path / "k.yaml"
    assert cli("init", str(target), *FLAGS[:4], "--beginn", "01.01.2198").exit_code == 0
    assert cli("validate", str(target)).exit_code == 0
    refused = cli("init", str(tmp_path / "late.yaml"), "--beginn", "01.01.2199", "--lang", "de")
    assert refused.exit_code == 2 and "2199" in refused.stderr and "kein Datum" not in refused.stderr


def test_in_a_terminal_it_asks_in_german_and_asks_again_after_a_wrong_answer(tmp_path):
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "KI_LANG": "de", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ki_cli", "init", "k.yaml"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=tmp_path,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    # name, a wrong type, the guessed type (Enter), a start, the default guideline (Enter)
    os.write(master, b"Kreis Soest\nstadtstaat\n\n01.01.2027\n\n")
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert process.wait(timeout=60) == 0
    text = output.decode("utf-8", "replace")
    assert "Name der Kommune" in text and "Beginn des Zeitraums" in text and "Förderrichtlinie" in text
    assert "keine Art der Kommune" in text  # the wrong answer was explained, then asked again
    data = yaml.safe_load((tmp_path / "k.yaml").read_text(encoding="utf-8"))
    assert data["kommune"] == {"name": "Kreis Soest", "typ": "kreis"}


def _uncommented(text: str, start: str, stop: str) -> str:
    """``text`` with the commented lines from ``start`` up to ``stop`` turned into YAML."""
    lines, inside = [], False
    for line in text.splitlines():
        if start in line:
            inside = True
        elif stop in line:
            inside = False
        if inside and line.lstrip().startswith("# ") and ":" in line and "ERSETZEN" not in line:
            indent = len(line) - len(line.lstrip())
            line = " " * indent + line.lstrip()[2:]
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_the_starting_file_shows_the_additions_of_2026_where_a_user_fills_them(cli, tmp_path):
    target = tmp_path / "k.yaml"
    assert cli("init", str(target), *FLAGS).exit_code == 0
    text = target.read_text(encoding="utf-8")
    for hint in (
        "# tis2030:",
        "# programm: KAoA",
        "# ist:",
        "komm_an",
        "# foerderung:",
        "#   - jahr: 2028",
        "# herausgeber: Der Oberbürgermeister",
        "# unterzeichnung:",
        "# haushalt:",
        "daueraufgabe",
        "weiterleitungsvertrag",
        "auslaenderbehoerde",
        "kenntnisnahme",
    ):
        assert hint in text, hint


def test_the_commented_examples_of_the_starting_file_validate_when_uncommented(cli, tmp_path):
    target = tmp_path / "k.yaml"
    assert cli("init", str(target), *FLAGS).exit_code == 0
    text = target.read_text(encoding="utf-8")
    text = _uncommented(text, "# foerderung:", "# Partner:")
    text = _uncommented(text, "  # art: beschlussvorlage", "  federfuehrend:")
    assert "\nfoerderung:\n  - jahr: 2027\n" in text and "\n  herausgeber:" in text
    target.write_text(text, encoding="utf-8")
    code, report = validate_json(cli, target)
    assert report["summary"]["errors"] == 0, report
    written = yaml.safe_load(text)
    assert [f["jahr"] for f in written["foerderung"]] == [2027, 2028]
    assert written["vorlage"]["unterzeichnung"]["in_vertretung"] is True


def test_init_guesses_a_staedteregion_from_its_name(cli, tmp_path):
    target = tmp_path / "k.yaml"
    result = cli("init", str(target), "--kommune", "StädteRegion Aachen", "--beginn", "01.01.2027")
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["kommune"]["typ"] == "staedteregion"


# --- the modeline and the schema beside the file ------------------------------------------------


def _init(cli, target, *extra: str):
    return cli("init", str(target), *FLAGS, *extra)


def test_init_names_the_schema_in_its_first_line(cli, tmp_path):
    target = tmp_path / "konzept.yaml"
    assert _init(cli, target).exit_code == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=ki-konzept-1.schema.json"


def test_init_writes_the_schema_its_first_line_names(cli, tmp_path):
    from ki_cli.format.schema import dumps

    assert _init(cli, tmp_path / "k.yaml").exit_code == 0
    assert (tmp_path / "ki-konzept-1.schema.json").read_text(encoding="utf-8") == dumps()


def test_init_with_lang_en_writes_and_names_the_english_schema(cli, tmp_path):
    from ki_cli.format.schema import dumps

    assert _init(cli, tmp_path / "k.yaml", "--lang", "en").exit_code == 0
    first = (tmp_path / "k.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=ki-konzept-1.en.schema.json"
    assert (tmp_path / "ki-konzept-1.en.schema.json").read_text(encoding="utf-8") == dumps(lang="en")
    assert not (tmp_path / "ki-konzept-1.schema.json").exists()


def test_init_keeps_another_file_of_the_schemas_name_and_says_so(cli, tmp_path):
    schema = tmp_path / "ki-konzept-1.schema.json"
    schema.write_text("{}", encoding="utf-8")
    result = _init(cli, tmp_path / "k.yaml")
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}"
    assert "bleibt, wie es ist" in result.stderr and "--force" in result.stderr


def test_init_with_force_replaces_the_schema_file(cli, tmp_path):
    from ki_cli.format.schema import dumps

    schema = tmp_path / "ki-konzept-1.schema.json"
    schema.write_text("{}", encoding="utf-8")
    assert _init(cli, tmp_path / "k.yaml", "--force").exit_code == 0
    assert schema.read_text(encoding="utf-8") == dumps()


def test_init_leaves_a_current_schema_file_untouched(cli, tmp_path):
    assert _init(cli, tmp_path / "a.yaml").exit_code == 0
    schema = tmp_path / "ki-konzept-1.schema.json"
    before = schema.stat().st_mtime_ns
    result = _init(cli, tmp_path / "b.yaml")
    assert result.exit_code == 0
    assert schema.stat().st_mtime_ns == before
    assert "ki-konzept-1.schema.json" not in result.stderr


def test_init_refused_for_an_existing_file_writes_no_schema(cli, tmp_path):
    target = tmp_path / "k.yaml"
    target.write_text("mine\n", encoding="utf-8")
    assert _init(cli, target).exit_code == 2
    assert not (tmp_path / "ki-konzept-1.schema.json").exists()


def test_init_to_standard_output_names_no_schema(cli, tmp_path):
    result = cli("init", "-", *FLAGS)
    assert result.exit_code == 0
    assert not result.stdout.startswith("# yaml-language-server")
    assert "ki schema -o ki-konzept-1.schema.json" in result.stdout


def test_init_file_with_modeline_validates_and_matches_its_schema(cli, tmp_path):
    import jsonschema

    target = tmp_path / "k.yaml"
    assert _init(cli, target).exit_code == 0
    code, report = validate_json(cli, target)
    assert report["summary"]["errors"] == 0, report
    schema = json.loads((tmp_path / "ki-konzept-1.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(target.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates stay text, as in editors
    assert data["version"] == "1"
    jsonschema.Draft202012Validator(schema).validate(data)
