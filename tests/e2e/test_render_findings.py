"""``ki render`` speaks up: the concept's findings on stderr before writing; KI006 and KI007 refused
like errors unless --allow-errors, which marks the draft ENTWURF (the real executable)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import CONCEPTS, VALID, line_of, replace


def ki(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "ki_cli", *args], capture_output=True, text=True, env=env)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "konzept.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_thousands_dot_figure_is_refused_naming_its_line(tmp_path):
    text = replace("betrag: 24000", "betrag: 28.000")
    concept, target = write(tmp_path, text), tmp_path / "vorlage.md"
    result = ki("render", "proposal", str(concept), "-o", str(target), "--lang", "de")
    assert result.returncode == 1 and not target.exists()
    assert f"konzept.yaml:{line_of(text, 'betrag: 28.000')}:" in result.stderr and "KI006" in result.stderr
    assert "es wird kein Dokument geschrieben" in result.stderr


def test_a_fresh_init_file_is_refused_for_its_placeholders(tmp_path):
    concept, target = tmp_path / "konzept.yaml", tmp_path / "vorlage.md"
    assert ki("init", str(concept), "--kommune", "Stadt Hamm", "--beginn", "01.01.2027").returncode == 0
    result = ki("render", "proposal", str(concept), "-o", str(target), "--lang", "de")
    assert result.returncode == 1 and not target.exists()
    line = line_of(concept.read_text(encoding="utf-8"), "name: Name einer Migrantenorganisation")
    assert f"konzept.yaml:{line}:11: KI007" in result.stderr
    assert "Wegen KI007 stünde ein Platzhalter" in result.stderr and "--allow-errors" in result.stderr


def test_placeholders_with_allow_errors_give_a_draft_marked_entwurf(tmp_path):
    concept = write(tmp_path, replace("anbindung: Dezernat III", "anbindung: Vorname Nachname"))
    target = tmp_path / "vorlage.md"
    result = ki("render", "proposal", str(concept), "-o", str(target), "--allow-errors", "--lang", "de")
    assert result.returncode == 0, result.stderr
    assert "KI007" in result.stderr and "ENTWURF" in target.read_text(encoding="utf-8")


def test_warnings_that_change_no_figure_are_shown_and_the_document_is_written_without_entwurf(tmp_path):
    concept, target = write(tmp_path, VALID), tmp_path / "vorlage.md"
    shown = ki("validate", str(concept), "--lang", "de").stdout
    result = ki("render", "proposal", str(concept), "-o", str(target), "--lang", "de")
    assert result.returncode == 0 and "ENTWURF" not in target.read_text(encoding="utf-8")
    assert result.stderr == shown + f"geschrieben: {target}\n"  # the findings exactly as validate shows them


def test_a_bundled_concept_renders_and_shows_its_infos(tmp_path):
    target = tmp_path / "vorlage.md"
    result = ki("render", "proposal", str(CONCEPTS / "beispielstadt" / "2025-2026.yaml"), "-o", str(target))
    assert result.returncode == 0 and target.exists()
    assert " Hinweis " in result.stderr and "ENTWURF" not in target.read_text(encoding="utf-8")
