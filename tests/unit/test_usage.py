"""Usage errors and unsupported languages through the real command line: German by default,
English with ``--lang en`` / ``KI_LANG=en`` (the help pages' rule), exit code 2, never Click's English."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

NO_LANG = {"KI_LANG": ""}
CLICK_ENGLISH = ("Try '", "No such option", "Invalid value", "Missing argument", "No such command", "Error:")


def german(result) -> str:
    assert result.exit_code == 2, result.stderr
    assert not any(words in result.stderr for words in CLICK_ENGLISH), result.stderr
    return result.stderr


# --- unknown option ----------------------------------------------------------------------------


def test_unknown_option_is_german_with_usage_line_and_help_hint(cli):
    err = german(cli("validate", "--frobnicate", "x", env=NO_LANG))
    assert err.splitlines()[:2] == ["Aufruf: ki validate [OPTIONEN] PFAD...", "Hilfe: ki validate --help"]
    assert "Fehler: Unbekannte Option --frobnicate." in err


def test_misspelt_option_suggests_the_right_one(cli):
    assert "Meinten Sie --format?" in german(cli("validate", "--fromat", "json", "x", env=NO_LANG))


def test_unknown_option_in_english_with_lang_option(cli):
    result = cli("--lang", "en", "validate", "--frobnicate", "x", env=NO_LANG)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "Usage: ki validate [OPTIONS] PATH...",
        "Help: ki validate --help --lang en",
    ]
    assert "Error: No such option: --frobnicate." in result.stderr


def test_usage_error_in_english_with_ki_lang(cli):
    result = cli("validate", "--frobnicate", "x", env={"KI_LANG": "en"})
    assert result.exit_code == 2
    assert "Help: ki validate --help\n" in result.stderr and "No such option: --frobnicate." in result.stderr


def test_usage_errors_follow_the_same_language_as_the_findings(cli):
    """One language decision: the locale moves help, usage errors and findings alike."""
    english = cli("validate", "--frobnicate", "x", env={"KI_LANG": "", "LC_ALL": "en_US.UTF-8"})
    assert "No such option" in english.stderr
    german = cli("validate", "--frobnicate", "x", env={"KI_LANG": "", "LC_ALL": "C.UTF-8"})
    assert "Unbekannte Option" in german.stderr


def test_bad_choice_names_value_option_and_choices(cli):
    err = german(cli("validate", "--format", "xml", "f.yaml", env=NO_LANG))
    assert "Fehler: „xml“ ist kein gültiger Wert für --format. Möglich sind: text, json, sarif, github." in err


def test_bad_choice_suggests_the_closest_value(cli):
    assert "Meinten Sie „json“?" in german(cli("validate", "--format", "jsn", "f.yaml", env=NO_LANG))


def test_bad_argument_choice_in_english(cli):
    result = cli("render", "nonsense", "FILE", "--lang", "en", env=NO_LANG)
    assert result.exit_code == 2
    assert "Usage: ki render [OPTIONS] KIND FILE" in result.stderr
    assert (
        "Error: “nonsense” is not a valid value for KIND. Possible values: proposal, concept, agreements, workplan, report."
    ) in result.stderr


def test_option_without_its_value(cli):
    assert "Fehler: Die Option --format braucht einen Wert." in german(cli("validate", "--format", env=NO_LANG))


def test_flag_given_a_value(cli):
    err = german(cli("validate", "--strict=ja", "x", env=NO_LANG))
    assert "Fehler: Die Option --strict nimmt keinen Wert an." in err


# --- missing or extra arguments, unknown command -----------------------------------------------


def test_missing_argument_is_named_by_its_german_placeholder(cli):
    assert "Fehler: Es fehlt die Angabe PFAD." in german(cli("validate", env=NO_LANG))


def test_missing_argument_in_english(cli):
    result = cli("validate", env={"KI_LANG": "en"})
    assert result.exit_code == 2 and "Error: Missing argument PATH." in result.stderr


def test_extra_argument(cli):
    assert "Fehler: Zu viele Angaben: KI102" in german(cli("explain", "KI101", "KI102", env=NO_LANG))


def test_unknown_command_lists_the_commands(cli):
    err = german(cli("foo", env=NO_LANG))
    assert err.splitlines()[0] == "Aufruf: ki [OPTIONEN] BEFEHL [ARGUMENTE]..."
    assert "Fehler: Unbekannter Befehl „foo“. Befehle: validate, render, rules," in err


def test_misspelt_command_suggests_the_right_one(cli):
    assert "Meinten Sie „validate“?" in german(cli("valdiate", "x.yaml", env=NO_LANG))


def test_missing_command(cli):
    assert "Fehler: Es fehlt der Befehl" in german(cli("--debug", env=NO_LANG))


def test_no_arguments_still_show_the_help_page(cli):
    result = cli(env=NO_LANG)
    shown = result.stdout + result.stderr
    assert "Aufruf: ki [OPTIONEN] BEFEHL" in shown and "Befehle:" in shown


def test_usage_error_through_the_installed_entry_point():
    """``main()`` (the real executable) shows the same German text and exits 2, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "ki_cli", "validate", "--frobnicate", "x"],
        capture_output=True,
        text=True,
        env={**os.environ, "KI_LANG": ""},
        timeout=60,
    )
    assert result.returncode == 2
    assert "Fehler: Unbekannte Option --frobnicate." in result.stderr and "Traceback" not in result.stderr


# --- placeholders in the help ------------------------------------------------------------------


def test_english_help_has_english_placeholders(cli):
    page = cli("render", "--help", "--lang", "en", env=NO_LANG).stdout
    assert "Usage: ki render [OPTIONS] KIND FILE" in page and "--template-dir FOLDER" in page
    assert "DATEI" not in page and "{" not in page.split("\n", 1)[0]


def test_german_help_has_german_placeholders_and_choices(cli):
    page = cli("render", "--help", env=NO_LANG).stdout
    assert "Aufruf: ki render [OPTIONEN] ART DATEI" in page and "--id KENNUNG" in page
    assert "--format md|html|pdf|docx|oparl|json" in page and "<path>" not in page and "<str>" not in page


# --- unsupported languages ---------------------------------------------------------------------


def test_unsupported_lang_option_is_refused_in_both_languages(cli, tmp_path):
    result = cli("validate", "--lang", "fr", str(tmp_path / "f.yaml"), env=NO_LANG)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Die Sprache „fr“ wird nicht unterstützt; möglich ist --lang de|en.",
        "The language “fr” is not supported; use --lang de|en.",
    ]


def test_unsupported_lang_before_the_command_is_refused(cli, tmp_path):
    result = cli("--lang", "fr", "validate", str(tmp_path / "f.yaml"), env=NO_LANG)
    assert result.exit_code == 2 and "--lang de|en" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["rules"],
        ["explain", "KI101"],
        ["schema"],
        ["diff", "a", "b"],
        ["next-period", "a"],
        ["init", "-"],
        ["render", "proposal", "k.yaml"],
    ],
)
def test_every_command_refuses_an_unsupported_lang(cli, command):
    result = cli(*command, "--lang=fr", env=NO_LANG)
    assert result.exit_code == 2 and "nicht unterstützt" in result.stderr


def test_unsupported_ki_lang_falls_back_to_the_locale(cli, tmp_path):
    result = cli("validate", str(tmp_path / "fehlt.yaml"), env={"KI_LANG": "fr", "LC_ALL": "de_DE.UTF-8"})
    assert result.exit_code == 2 and "nicht gefunden" in result.stderr
