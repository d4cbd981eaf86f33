"""``.pre-commit-hooks.yaml``: the hook ``ki-validate`` that pre-commit installs from this repository, and the
hook end to end: installed by pre-commit from a tagged clone, with the base dependencies only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ki_cli import __version__
from tests.helpers import ROOT, VALID, replace

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


def test_the_hook_installs_no_extra():
    """``language: python`` installs the package's base; an extra or a document library here would bring
    back the 130 MB environment."""
    found = hook()
    assert not found.get("additional_dependencies")
    assert "[" not in found["entry"]


def test_the_entry_is_the_installed_console_script():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook()["entry"].split()[0] in scripts


# --- the hook end to end: pre-commit installs it from a tagged local clone ------------------------
#
# The clone is of this repository's HEAD (in CI: the submitted commit), tagged v<version> as a
# release is; a repository of concepts names it as `repo:` with `rev:` the tag, exactly as the
# README shows. pre-commit builds the hook's own virtual environment with pip (the package and its
# base dependencies, from the package index): without the index the tests skip, saying so.


TAG = f"v{__version__}"
DOCUMENT_LIBRARIES = ("weasyprint", "docx", "matplotlib", "pydyf", "fontTools", "lxml", "PIL", "numpy")
NO_INDEX = (
    "No matching distribution found",
    "Could not find a version that satisfies",
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Max retries exceeded",
)


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
    env.update({"GIT_AUTHOR_NAME": "ki", "GIT_AUTHOR_EMAIL": "ki@example.org"})
    env.update({"GIT_COMMITTER_NAME": "ki", "GIT_COMMITTER_EMAIL": "ki@example.org"})
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


class Hook:
    """A repository of concepts whose .pre-commit-config.yaml takes ki-validate from the tagged clone."""

    def __init__(self, base: Path) -> None:
        self.clone = base / "ki"
        self.repo = base / "konzepte"
        self.home = base / "pre-commit-home"
        _git("clone", "--quiet", "--no-local", str(ROOT), str(self.clone), cwd=base)
        _git("tag", TAG, cwd=self.clone)
        self.repo.mkdir()
        _git("init", "--quiet", cwd=self.repo)
        (self.repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {self.clone.as_posix()}\n    rev: {TAG}\n    hooks:\n      - id: ki-validate\n",
            encoding="utf-8",
        )
        self.concept = self.repo / "concepts" / "beispielstadt" / "2025-2026.yaml"
        self.concept.parent.mkdir(parents=True)
        self.write(VALID)

    def write(self, text: str) -> None:
        self.concept.write_text(text, encoding="utf-8")
        _git("add", "-A", cwd=self.repo)

    def run(self) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_", "VIRTUAL_ENV", "PIP_REQUIRE"))}
        env.update({"PRE_COMMIT_HOME": str(self.home), "LANG": "C.UTF-8", "NO_COLOR": "1"})
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
            cwd=self.repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def environment(self) -> Path:
        (found,) = self.home.glob("repo*/py_env-*")
        return found


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Hook:
    """pre-commit installed the hook once (its environment is reused by every test of this module)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist): there is nothing to clone")
    made = Hook(tmp_path_factory.mktemp("precommit"))
    first = made.run()
    log = made.home / "pre-commit.log"
    said = first.stdout + first.stderr + (log.read_text(encoding="utf-8", errors="replace") if log.exists() else "")
    if first.returncode != 0 and any(sign in said for sign in NO_INDEX):
        pytest.skip("pre-commit could not install the hook's environment: the package index is not reachable")
    assert first.returncode == 0, said
    return made


def _size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _site_packages(environment: Path) -> Path:
    (found,) = environment.glob("lib/python3*/site-packages")
    return found


def _ki(installed: Hook, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_", "PYTHONPATH"))}
    env["LANG"] = "C.UTF-8"
    ki = installed.environment() / "bin" / "ki"
    return subprocess.run([str(ki), *args], cwd=installed.repo, env=env, capture_output=True, text=True, check=False)


def test_the_hook_from_a_tagged_clone_passes_a_valid_concept(installed):
    result = installed.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ki validate" in result.stdout and "Passed" in result.stdout


def test_the_hook_stops_a_commit_with_a_broken_concept(installed):
    installed.write(replace("typ: kreisfreie_stadt", "typ: stadt"))
    try:
        result = installed.run()
    finally:
        installed.write(VALID)
    assert result.returncode == 1
    assert "Failed" in result.stdout and "concepts/beispielstadt/2025-2026.yaml:" in result.stdout
    assert "KI1" in result.stdout


def test_the_hook_environment_has_no_document_library(installed):
    site = _site_packages(installed.environment())
    packages = {p.name for p in site.iterdir()}
    assert any(name.startswith("ki_cli") for name in packages)
    assert not packages & set(DOCUMENT_LIBRARIES), packages & set(DOCUMENT_LIBRARIES)
    size = _size(installed.environment())
    # the figure, for a person reading the run (pytest -s or -rA): WeasyPrint and python-docx made it 130 MB
    print(f"\nhook environment: {size / 1e6:.1f} MB ({installed.environment().name})")
    assert size < 100_000_000


def test_ki_validate_in_the_hook_environment_checks_a_file(installed):
    result = _ki(installed, "validate", str(installed.concept))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("suffix", "library"), [("pdf", "weasyprint"), ("docx", "python-docx")])
def test_render_in_the_hook_environment_names_the_extra_to_install(installed, tmp_path, suffix, library):
    out = tmp_path / f"vorlage.{suffix}"
    result = _ki(installed, "render", "proposal", str(installed.concept), "-o", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Interner Fehler" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"Für {'PDF' if suffix == 'pdf' else 'Word (.docx)'} fehlt die Bibliothek {library} aus dem Zusatz "
        '„dokumente“ von ki: installieren Sie ihn mit python -m pip install "ki-cli[dokumente]".'
    )
    assert not out.exists()


def test_render_html_in_the_hook_environment_works(installed, tmp_path):
    out = tmp_path / "vorlage.html"
    result = _ki(installed, "render", "proposal", str(installed.concept), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
