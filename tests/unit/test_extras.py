"""``ki_cli.extras``: the one map of optional libraries agrees with the extras of ``pyproject.toml``."""

from __future__ import annotations

import re
import tomllib

import pytest

from ki_cli.extras import LIBRARIES, message, missing_library
from tests.helpers import ROOT

OPTIONAL = ("dokumente", "editor")  # the extras that bring runtime libraries (alles = both, test = tools)


def _declared(extra: str) -> set[str]:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    return {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower() for requirement in extras[extra]}


@pytest.mark.parametrize("extra", OPTIONAL)
def test_every_library_of_an_extra_is_in_the_map(extra):
    mapped = {library.distribution.lower() for library in LIBRARIES.values() if library.extra == extra}
    assert _declared(extra) == mapped, (
        f"pyproject.toml's extra {extra!r} and ki_cli/extras.py's LIBRARIES differ: add the import name of each "
        "new library to LIBRARIES (a command that misses it then names the extra to install)"
    )


def test_alles_brings_both_extras():
    assert _declared("alles") == {"ki-cli"}
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'alles = ["ki-cli[dokumente,editor]"]' in text


def test_a_submodule_of_a_library_counts_as_the_library():
    assert missing_library(ModuleNotFoundError("No module named 'docx.oxml'", name="docx.oxml")) is LIBRARIES["docx"]


def test_another_missing_module_is_no_extra():
    assert missing_library(ModuleNotFoundError("No module named 'yaml'", name="yaml")) is None
    assert missing_library(ImportError("cannot import name 'HTML'", name="weasyprint")) is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_message_is_one_sentence_with_the_install_command(lang):
    text = message(LIBRARIES["matplotlib"], lang)
    assert "\n" not in text and text.endswith('python -m pip install "ki-cli[dokumente]".')
