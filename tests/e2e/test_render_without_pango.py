"""PDF on a machine without Pango (Windows with pip alone): one German sentence, exit 2, never "Interner
Fehler"; the other formats work. The missing library is simulated the way it shows: WeasyPrint's import
raises OSError (cffi cannot load libgobject)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import CONCEPTS, ROOT

EXAMPLE = CONCEPTS / "beispielstadt" / "2025-2026.yaml"

_FAKE = """raise OSError(
    "cannot load library 'libgobject-2.0-0': error 0x7e.  Additionally, ctypes.util.find_library() did not "
    "manage to locate a library called 'libgobject-2.0-0'"
)
"""


def _ki_without_pango(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    fake = tmp_path / "fake"
    (fake / "weasyprint").mkdir(parents=True)
    (fake / "weasyprint" / "__init__.py").write_text(_FAKE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_"))}
    env.update({"LANG": "C.UTF-8", "PYTHONPATH": os.pathsep.join([str(fake), str(ROOT)])})
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", *args], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )


def test_pdf_without_pango_says_what_to_install_in_german(tmp_path):
    result = _ki_without_pango(tmp_path, "render", "proposal", str(EXAMPLE), "-o", str(tmp_path / "v.pdf"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Interner Fehler" not in result.stderr
    assert "Für PDF fehlt auf diesem Rechner die Bibliothek Pango" in result.stderr
    assert "Word (-o vorlage.docx)" in result.stderr
    assert not (tmp_path / "v.pdf").exists()


def test_word_works_without_pango(tmp_path):
    result = _ki_without_pango(tmp_path, "render", "proposal", str(EXAMPLE), "-o", str(tmp_path / "v.docx"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "v.docx").stat().st_size > 0


def test_validate_works_without_pango(tmp_path):
    result = _ki_without_pango(tmp_path, "validate", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
