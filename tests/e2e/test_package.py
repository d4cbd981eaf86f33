"""The archives a release publishes: ``python -m build`` makes sdist and wheel; each carries what it must.

The wheel: the package with its templates, the licence, the metadata (PEP 639 licence expression,
classifiers, project URLs). The sdist: the source tree as its tests need it, so that the unit tests run
from the unpacked archive (with the package imported from there, not from this checkout).

Built with ``--no-isolation`` (the build backend from the test extra), so no download is needed."""

from __future__ import annotations

import email.parser
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from ki_cli import __version__
from tests.helpers import ROOT

NAME = f"ki_cli-{__version__}"

# The unit tests run from the unpacked sdist: those that read its data files (docs/, concepts/, schema/,
# templates/, the rule packs, the mistakes corpus) and the command line; every other file of the
# repository is there too (test_the_sdist_holds_every_file_of_the_repository), so the whole tier runs
# as well (`pytest tests/unit` in the unpacked archive), only slower than this test needs.
FROM_THE_SDIST = (
    "tests/unit/test_zz_from_the_sdist.py",
    "tests/unit/test_docs.py",
    "tests/unit/test_examples.py",
    "tests/unit/test_format_2026.py",
    "tests/unit/test_rules.py",
    "tests/unit/test_oparl_schema.py",
    "tests/unit/test_mistakes.py",
    "tests/unit/test_cli.py",
)


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def _wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _sdist_names(sdist: Path) -> set[str]:
    with tarfile.open(sdist) as archive:
        return {member.name.removeprefix(f"{NAME}/") for member in archive.getmembers() if member.isfile()}


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        return email.parser.Parser().parsestr(archive.read(f"{NAME}.dist-info/METADATA").decode("utf-8"))


def _tracked() -> list[str]:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist): no list of the repository's files to compare with")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in listed.decode("utf-8").split("\0") if name]


def test_the_archives_are_named_after_the_version(archives):
    sdist, wheel = archives
    assert sdist.name == f"{NAME}.tar.gz"
    assert wheel.name == f"{NAME}-py3-none-any.whl"


def test_the_wheel_carries_the_licence_text(archives):
    names = _wheel_names(archives[1])
    assert f"{NAME}.dist-info/licenses/LICENSE" in names
    with zipfile.ZipFile(archives[1]) as archive:
        text = archive.read(f"{NAME}.dist-info/licenses/LICENSE").decode("utf-8")
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")


def test_the_wheel_carries_every_template_inside_the_package(archives):
    names = _wheel_names(archives[1])
    templates = sorted(path.name for path in (ROOT / "templates").iterdir() if path.is_file())
    assert templates
    assert [name for name in templates if f"ki_cli/templates/{name}" not in names] == []


def test_the_wheel_holds_the_package_and_no_tests(archives):
    names = _wheel_names(archives[1])
    assert {"ki_cli/__init__.py", "ki_cli/py.typed", "ki_cli/extras.py", "ki_cli/check/rulepacks/2025.toml"} <= names
    assert not [name for name in names if name.startswith(("tests/", "concepts/", "benchmarks/"))]


def test_the_metadata_declares_the_licence_as_pep_639_says(archives):
    metadata = _metadata(archives[1])
    assert metadata["Metadata-Version"] >= "2.4"
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert metadata["License"] is None  # the deprecated free-text field is gone
    assert not [c for c in metadata.get_all("Classifier") or [] if c.startswith("License ::")]


def test_the_metadata_names_authors_keywords_classifiers_and_urls(archives):
    metadata = _metadata(archives[1])
    assert metadata["Version"] == __version__
    assert metadata["Author"] or metadata["Author-email"]
    assert "Kommunale Integrationszentren" in metadata["Keywords"]
    classifiers = metadata.get_all("Classifier") or []
    assert "Natural Language :: German" in classifiers and "Typing :: Typed" in classifiers
    assert any(c.startswith("Programming Language :: Python :: 3.11") for c in classifiers)
    assert all(url.split(", ", 1)[1].startswith("https://") for url in metadata.get_all("Project-URL") or [])
    assert metadata.get_all("Project-URL")


def test_the_base_requirements_hold_no_document_library(archives):
    """What ``pip install ki-cli`` (and the pre-commit hook) installs: WeasyPrint & co. only with an extra."""
    metadata = _metadata(archives[1])
    base = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert base and not [
        r
        for r in base
        if r.split(">")[0].split("=")[0].split("<")[0].strip() in {"weasyprint", "python-docx", "matplotlib"}
    ]
    assert {"dokumente", "editor", "alles", "test"} <= set(metadata.get_all("Provides-Extra") or [])


def test_the_sdist_holds_what_its_tests_need(archives):
    names = _sdist_names(archives[0])
    needed = {
        "LICENSE",
        "README.md",
        "CHANGELOG.md",
        "pyproject.toml",
        "PKG-INFO",
        ".pre-commit-hooks.yaml",
        "tests/__init__.py",
        "tests/conftest.py",
        "tests/helpers.py",
        "tests/unit/__init__.py",
        "tests/e2e/__init__.py",
    }
    assert needed - names == set()
    for folder in ("concepts", "schema", "docs", "templates"):
        assert [n for n in names if n.startswith(f"{folder}/")], folder


def test_the_sdist_holds_every_file_of_the_repository(archives):
    names = _sdist_names(archives[0])
    missing = [name for name in _tracked() if name not in names]
    assert missing == []


def test_the_unit_tests_run_from_the_unpacked_sdist(archives, tmp_path):
    with tarfile.open(archives[0]) as archive:
        archive.extractall(tmp_path, filter="data")
    tree = tmp_path / NAME
    # the package must come from the archive, not from this checkout's editable install
    (tree / "tests" / "unit" / "test_zz_from_the_sdist.py").write_text(
        "from pathlib import Path\n\nimport ki_cli\n\n\n"
        "def test_ki_cli_is_imported_from_the_unpacked_sdist():\n"
        f"    assert Path(ki_cli.__file__).resolve().is_relative_to(Path({str(tree)!r}).resolve())\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_", "PYTHONPATH"))}
    env["LANG"] = "C.UTF-8"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *FROM_THE_SDIST],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary and "error" not in summary


def test_the_changelog_has_a_section_for_the_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"\n## [{__version__}] – " in changelog


def test_the_readme_names_the_current_release_tag_for_pre_commit():
    """The tag scheme is v + the version; the README's .pre-commit-config.yaml example names the current one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"rev: v{__version__} " in readme
    assert "`vX.Y.Z`" in readme
