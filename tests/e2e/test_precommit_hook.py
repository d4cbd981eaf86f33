"""``.pre-commit-hooks.yaml``: the hook ``ki-validate`` that pre-commit installs from this repository."""

from __future__ import annotations

import re

import yaml

from tests.helpers import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (found,) = [h for h in hooks if h["id"] == "ki-validate"]
    return found


def test_hook_runs_ki_validate_as_a_python_hook():
    found = hook()
    assert found["entry"] == "ki validate"
    assert found["language"] == "python"
    assert found["name"] and found["description"]


def test_hook_takes_yaml_files_below_concepts():
    found = hook()
    assert found["types"] == ["yaml"]
    pattern = re.compile(found["files"])
    assert pattern.search("concepts/beispielstadt/2025-2026.yaml")
    assert pattern.search("concepts/kreis-musterland/2025-2026.yml")
    assert not pattern.search(".github/workflows/ci.yml")
    assert not pattern.search(".pre-commit-config.yaml")


def test_the_entry_is_the_installed_console_script():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook()["entry"].split()[0] in scripts
