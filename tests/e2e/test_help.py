"""``--help`` in German (default) and English, with an example for every command; shell completion."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer

from ki_cli.cli.app import app
from ki_cli.cli.help_texts import COMMANDS, PARAMS
from ki_cli.cli.helptext import help_lang

# every command the CLI has (a new one is held to the same help as the others)
COMMAND_NAMES = sorted(typer.main.get_command(app).commands)
NO_LANG = {"KI_LANG": ""}


def test_default_help_is_german(cli):
    result = cli("--help", env=NO_LANG)
    assert result.exit_code == 0
    assert "Aufruf: ki" in result.stdout and "Befehle:" in result.stdout and "Konzeptdateien prüfen" in result.stdout


def test_lang_before_the_command_gives_english_help(cli):
    result = cli("--lang", "en", "validate", "--help", env=NO_LANG)
    assert result.exit_code == 0
    assert "Usage: ki validate" in result.stdout and "Check concept files" in result.stdout
    assert "Konzeptdateien" not in result.stdout


def test_lang_after_the_command_gives_english_help_too(cli):
    assert "Check concept files" in cli("validate", "--help", "--lang", "en", env=NO_LANG).stdout
    assert "Check concept files" in cli("validate", "--lang=en", "--help", env=NO_LANG).stdout


def test_ki_lang_gives_english_help(cli):
    result = cli("validate", "--help", env={"KI_LANG": "en"})
    assert "Check concept files" in result.stdout and "Options:" in result.stdout


def test_option_wins_over_ki_lang(cli):
    result = cli("--lang", "de", "render", "--help", env={"KI_LANG": "en"})
    assert "Ein Dokument aus einem Konzept schreiben" in result.stdout and "Optionen:" in result.stdout


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_every_command_has_help_with_an_example_in_both_languages(cli, command):
    german = cli(command, "--help", env=NO_LANG)
    english = cli(command, "--help", "--lang", "en", env=NO_LANG)
    assert german.exit_code == english.exit_code == 0
    assert "Beispiel" in german.stdout and f"ki {command}" in german.stdout.split("Beispiel", 1)[1]
    assert "Example" in english.stdout and f"ki {command}" in english.stdout.split("Example", 1)[1]


def test_every_option_and_argument_has_a_help_text_in_the_table():
    from typer.main import get_command

    root = get_command(app)
    missing = []
    for name, command in [("ki", root), *root.commands.items()]:
        assert name in COMMANDS, name
        for param in command.params:
            if f"{name}.{param.name}" not in PARAMS and f"*.{param.name}" not in PARAMS:
                missing.append(f"{name}.{param.name}")
    assert missing == []


def test_help_language_detection():
    assert help_lang(["validate", "--lang", "en"], env={}) == "en"
    assert help_lang(["--lang=en"], env={"KI_LANG": "de"}) == "en"
    assert help_lang([], env={"KI_LANG": "en_GB"}) == "en"
    assert help_lang([], env={"LANG": "en_US.UTF-8"}) == "en"  # the same decision as for findings
    assert help_lang([], env={"LANG": "C.UTF-8"}) == "de"  # no language named: German
    assert help_lang(["--", "--lang", "en"], env={}) == "de"


def test_help_does_not_change_the_messages_language(cli, tmp_path):
    path = tmp_path / "fehlt.yaml"
    assert "not found" in cli("--lang", "en", "validate", str(path)).stderr
    assert "nicht gefunden" in cli("--lang", "de", "validate", str(path)).stderr


def run_ki(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", *args], capture_output=True, text=True, env={**os.environ, **env}, timeout=60
    )


def complete(words: str, cword: int) -> list[str]:
    """What bash completion offers, through the real entry point."""
    result = run_ki(_KI_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    return result.stdout.split()


def test_completion_offers_commands_and_option_values():
    assert complete("ki val", 1) == ["validate"]
    assert complete("ki validate --format ", 3) == ["text", "json", "sarif", "github"]


def test_show_completion_prints_a_bash_script():
    # the shell named, not detected from the parent processes (which differ between CI and a terminal)
    result = run_ki("--show-completion", "bash", _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    assert result.returncode == 0 and "_KI_COMPLETE=complete_bash" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="bash completion")
def test_install_completion_writes_the_script_for_bash(tmp_path):
    result = run_ki(
        "--install-completion", "bash", HOME=str(tmp_path), _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"
    )
    assert result.returncode == 0, result.stderr
    assert "_KI_COMPLETE" in (tmp_path / ".bash_completions" / "ki.sh").read_text(encoding="utf-8")
    assert "ki.sh" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


# --- the top-level page through the entry point -------------------------------------------------


def _run(code: list[str], *args: str, columns: int = 80, ki_lang: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "KI_LANG": ki_lang}
    return subprocess.run([sys.executable, *code, *args], capture_output=True, text=True, env=env, check=False)


def test_top_level_help_follows_ki_lang():
    assert _run(["-m", "ki_cli"], "--help", ki_lang="en").stdout.startswith("Usage: ki")
    assert _run(["-m", "ki_cli"], "--help").stdout.startswith("Aufruf: ki")


def test_top_level_help_is_typers_page():
    via_typer = "import sys; sys.argv = ['ki', *sys.argv[1:]]; from ki_cli.cli.app import main; main()"
    assert _run(["-m", "ki_cli"], "--help").stdout == _run(["-c", via_typer], "--help").stdout
