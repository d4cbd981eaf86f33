"""Without the extra ``dokumente``: a command that needs one of its libraries says in one sentence which
extra to install, exit 2, no traceback; ``ki validate`` and the other formats work.

Here the missing library is simulated as Python reports it (a package on the path whose import raises
``ModuleNotFoundError`` with its name); tests/e2e/test_precommit_hook.py runs the same commands in
the hook's real environment, which has only the base dependencies."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CONCEPTS, ROOT

EXAMPLE = CONCEPTS / "beispielstadt" / "2025-2026.yaml"
INSTALL = 'python -m pip install "ki-cli[dokumente]"'

_FAKE = 'raise ModuleNotFoundError("No module named {name!r}", name={name!r})\n'


def _ki_without(tmp_path: Path, modules: tuple[str, ...], *args: str, lang: str = "C.UTF-8"):
    fake = tmp_path / "fake"
    for module in modules:
        (fake / module).mkdir(parents=True, exist_ok=True)
        (fake / module / "__init__.py").write_text(_FAKE.format(name=module), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_"))}
    env.update({"LANG": lang, "PYTHONPATH": os.pathsep.join([str(fake), str(ROOT)])})
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", *args], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )


def _one_sentence_naming_the_extra(stderr: str) -> str:
    assert "Traceback" not in stderr and "Interner Fehler" not in stderr and "Internal error" not in stderr
    (line,) = [line for line in stderr.splitlines() if "ki-cli[" in line]
    return line


def test_pdf_without_weasyprint_names_the_extra_dokumente(tmp_path):
    result = _ki_without(tmp_path, ("weasyprint",), "render", "proposal", str(EXAMPLE), "-o", str(tmp_path / "v.pdf"))
    assert result.returncode == 2
    line = _one_sentence_naming_the_extra(result.stderr)
    assert (
        line
        == f"Für PDF fehlt die Bibliothek weasyprint aus dem Zusatz „dokumente“ von ki: installieren Sie ihn mit {INSTALL}."
    )
    assert not (tmp_path / "v.pdf").exists()


def test_word_without_python_docx_names_the_extra_dokumente(tmp_path):
    result = _ki_without(tmp_path, ("docx",), "render", "proposal", str(EXAMPLE), "-o", str(tmp_path / "v.docx"))
    assert result.returncode == 2
    assert "python-docx" in _one_sentence_naming_the_extra(result.stderr)
    assert not (tmp_path / "v.docx").exists()


def test_word_without_python_docx_stops_before_reading_the_concept(tmp_path):
    """Checked before any work: the concept's findings are not shown first, the message is the only line."""
    broken = tmp_path / "k.yaml"
    broken.write_text("version: 1\n", encoding="utf-8")
    result = _ki_without(tmp_path, ("docx",), "render", "proposal", str(broken), "-o", str(tmp_path / "v.docx"))
    assert result.returncode == 2
    assert result.stderr.strip() == _one_sentence_naming_the_extra(result.stderr)


def test_the_message_is_english_with_lang_en(tmp_path):
    out = str(tmp_path / "v.pdf")
    result = _ki_without(tmp_path, ("weasyprint",), "render", "proposal", str(EXAMPLE), "-o", out, "--lang", "en")
    assert result.returncode == 2
    line = _one_sentence_naming_the_extra(result.stderr)
    assert line.startswith("PDF needs the library weasyprint, which comes with ki's extra “dokumente”")
    assert line.endswith(f"install it with {INSTALL}.")


@pytest.mark.parametrize("suffix", ["html", "md"])
def test_html_and_markdown_need_no_extra(tmp_path, suffix):
    modules = ("weasyprint", "docx", "matplotlib")
    result = _ki_without(tmp_path, modules, "render", "proposal", str(EXAMPLE), "-o", str(tmp_path / f"v.{suffix}"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"v.{suffix}").stat().st_size > 0


def test_validate_needs_no_extra(tmp_path):
    result = _ki_without(tmp_path, ("weasyprint", "docx", "matplotlib"), "validate", str(CONCEPTS))
    assert result.returncode == 0, result.stderr


def test_a_missing_module_of_no_extra_is_still_an_internal_error(tmp_path):
    """Only the extras' libraries get the install sentence; a broken installation is not disguised as one."""
    probe = (
        "import sys\nfrom ki_cli.cli.entry import guarded\n"
        "def body():\n    import ki_cli_no_such_module\n    return 0\n"
        "sys.exit(guarded(body))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_"))}
    env.update({"LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 2
    assert "Interner Fehler" in result.stderr and "ki-cli[" not in result.stderr


def test_calendar_without_icalendar_names_the_extra_dokumente(tmp_path):
    out = tmp_path / "termine.ics"
    result = _ki_without(tmp_path, ("icalendar",), "calendar", str(EXAMPLE), "-o", str(out))
    assert result.returncode == 2
    assert "icalendar" in _one_sentence_naming_the_extra(result.stderr)
    assert not out.exists()
