"""The man pages ``docs/ki.1`` and ``docs/ki.en.1``: generated from the help, current, readable by man."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ki_cli.cli.help_texts import COMMANDS
from ki_cli.tools import man


def test_committed_man_pages_are_current():
    assert man.main(["--check"]) == 0, "stale: run python -m ki_cli.tools.man"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_man_page_has_a_section_for_every_command(lang: str):
    page = man.render(lang)
    for name in COMMANDS:
        if name != "ki":
            assert f".SS ki {man.roff(name)}\n" in page, name


def test_man_page_is_german_and_its_twin_english():
    german, english = man.render("de"), man.render("en")
    assert ".SH BESCHREIBUNG" in german and man.roff("Konzeptdateien prüfen") in german
    assert ".SH DESCRIPTION" in english and "Check concept files" in english


def test_man_page_names_short_and_long_options():
    page = man.render("de")
    assert ".B \\-V, \\-\\-version" in page
    assert ".B \\-h, \\-\\-help" in page


def test_man_page_explains_the_colour_variables():
    page = man.render("de")
    assert ".B NO_COLOR" in page and ".B FORCE_COLOR" in page


def test_roff_escapes_what_would_start_a_request_or_an_escape():
    assert man.roff(".x\n'y\\z -a") == "\\&.x\n\\&'y\\ez \\-a"


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
@pytest.mark.parametrize("lang", ["de", "en"])
def test_groff_formats_the_man_page_without_warnings(lang: str):
    result = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z"],
        input=man.render(lang),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
