"""Command-line conventions: NO_COLOR and FORCE_COLOR, ``-V``, completion, the command list of ``ki --help``."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ki_cli.output import wants_colour
from tests.helpers import ROOT, replace

WARNING = replace("  anbindung: Dezernat III\n", "  anbindung: Dezernat III\n  anbindugn: Dezernat IV\n")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_empty_no_color_keeps_colour_on_a_terminal():
    assert wants_colour(Terminal(), {"NO_COLOR": "", "TERM": "xterm"})


def test_a_non_empty_no_color_turns_colour_off():
    assert not wants_colour(Terminal(), {"NO_COLOR": "1", "TERM": "xterm"})


def test_force_color_colours_a_pipe():
    assert wants_colour(io.StringIO(), {"FORCE_COLOR": "1"})


def test_an_empty_force_color_changes_nothing():
    assert not wants_colour(io.StringIO(), {"FORCE_COLOR": ""})


def test_no_color_wins_over_force_color():
    assert not wants_colour(Terminal(), {"NO_COLOR": "1", "FORCE_COLOR": "1"})


def test_force_color_colours_a_dumb_terminal():
    assert wants_colour(Terminal(), {"FORCE_COLOR": "1", "TERM": "dumb"})


def test_no_colour_on_a_dumb_terminal_or_a_pipe():
    assert not wants_colour(Terminal(), {"TERM": "dumb"})
    assert not wants_colour(io.StringIO(), {})


def _ki(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "KI_LANG")}
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", *args],
        capture_output=True,
        text=True,
        env={**base, "PYTHONPATH": str(ROOT), **(env or {})},
        check=False,
        timeout=60,
    )


def test_ki_validate_colours_a_pipe_with_force_color(tmp_path: Path):
    path = tmp_path / "k.yaml"
    path.write_text(WARNING, encoding="utf-8")
    assert "\x1b[" in _ki("validate", str(path), env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in _ki("validate", str(path)).stdout
    assert "\x1b[" not in _ki("validate", str(path), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_short_and_long_version_flag(cli, flag: str):
    from ki_cli import __version__

    result = cli(flag)
    assert result.exit_code == 0
    assert result.stdout == f"ki {__version__}\n"


def _complete(line: str, lang_env: str | None = None) -> str:
    """What zsh's completion would offer for ``line`` (Typer's protocol, run as the shell does)."""
    env = {"_KI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    if lang_env:
        env["KI_LANG"] = lang_env
    result = _ki(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_completion_offers_the_languages():
    offered = _complete("ki --lang ")
    assert '"de":"Deutsch"' in offered and '"en":"English"' in offered


def test_completion_offers_the_languages_after_a_command():
    assert '"en":"English"' in _complete("ki validate --lang ")


def test_completion_offers_the_document_kinds_with_german_names():
    offered = _complete("ki render ")
    for kind, name in [
        ("proposal", "Beschlussvorlage"),
        ("concept", "Schwerpunktkonzept"),
        ("workplan", "Arbeitsplanung"),
    ]:
        assert f'"{kind}":"{name}"' in offered


def test_completion_names_the_document_kinds_in_english_with_lang_en():
    assert '"proposal":"council proposal"' in _complete("ki --lang en render ")


def test_completion_offers_the_rule_codes_of_ki_explain_with_their_titles():
    from ki_cli.check.registry import RULES

    offered = _complete("ki explain KI31")
    assert '"KI313":"' + RULES["KI313"].title("de") + '"' in offered
    assert "KI401" not in offered


def _install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "LANG": "C.UTF-8"}
    return _ki(*args, "--install-completion", "bash", env=env)


def test_install_completion_answers_in_german(tmp_path: Path):
    result = _install(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Vervollständigung für bash eingerichtet" in result.stdout
    assert "neu geöffneten Terminal" in result.stdout
    assert (tmp_path / ".bash_completions" / "ki.sh").is_file()
    assert "ki.sh" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_install_completion_answers_in_english_with_lang_en(tmp_path: Path):
    result = _install(tmp_path, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "bash completion installed in" in result.stdout


@pytest.mark.parametrize("lang", ["de", "en"])
def test_ki_help_shows_each_commands_first_sentence_whole(cli, lang: str):
    from ki_cli.cli.help_texts import COMMANDS
    from ki_cli.cli.helptext import summary

    page = re.sub(r"-\s+", "-", " ".join(cli("--lang", lang, "--help").stdout.split()))  # (wrapped at a hyphen)
    for name, text in COMMANDS.items():
        if name != "ki":
            assert summary(text(lang)) in page, name
    assert "..." not in page.split("Befehle:" if lang == "de" else "Commands:")[1]


def test_summary_is_the_first_sentence_and_keeps_abbreviations():
    from ki_cli.cli.helptext import summary

    assert summary("Nur KI3, z. B. KI313. Mehr dazu.\n\nBeispiel: ki x") == "Nur KI3, z. B. KI313."
    assert summary("Ohne Punkt\n\nBeispiel") == "Ohne Punkt"
