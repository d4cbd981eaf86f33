"""The whole hostile corpus, every command: validate, render (md, html, docx; pdf for the render
cases) and next-period each end with an exit code of their own and no traceback, within a memory
limit (and a hang guard that is no time limit on ``ki``).

Each area's own tests check *what* the findings and documents say; this one holds every command to
the same bound on every file of ``tests/hostile/``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

resource = pytest.importorskip("resource")  # POSIX only

CORPUS = sorted((ROOT / "tests" / "hostile").rglob("*.yaml"))
MEMORY_LIMIT = 1024 * 1024 * 1024  # address space of each child


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _ki(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", "--lang", "de", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        preexec_fn=_limit_memory,
        cwd=cwd,
        timeout=600,  # a guard against a hang, not a time limit
        check=False,
    )


def _clean_end(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Interner Fehler" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-2000:])


@pytest.mark.parametrize("path", CORPUS, ids=[str(p.relative_to(ROOT / "tests" / "hostile")) for p in CORPUS])
def test_every_command_ends_cleanly_on_every_hostile_file(path: Path, tmp_path: Path) -> None:
    _clean_end(_ki("validate", str(path), cwd=tmp_path))
    formats = ("md", "html", "docx", "pdf") if "render" in path.parts else ("md", "html", "docx")
    for fmt in formats:
        _clean_end(_ki("render", "proposal", str(path), "-o", str(tmp_path / f"out.{fmt}"), cwd=tmp_path))
    _clean_end(_ki("next-period", str(path), "-o", str(tmp_path / "next.yaml"), cwd=tmp_path))
