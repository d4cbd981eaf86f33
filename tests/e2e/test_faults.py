"""Faults while writing: no partial or temporary file, old content kept, exit 2 with a message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from ki_cli.atomic import OutputError, OutputExists, write_atomic
from tests.e2e.test_render import CONCEPT
from tests.helpers import ROOT, with_measures


@pytest.fixture
def concept(tmp_path):
    path = tmp_path / "konzept.yaml"
    path.write_text(CONCEPT, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_parent_is_a_file(cli, concept, tmp_path):
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    result = cli("render", "proposal", str(concept), "-o", str(tmp_path / "datei" / "v.pdf"))
    assert result.exit_code == 2 and "datei" in result.stderr


def test_missing_folder_is_not_created_and_named(cli, concept, tmp_path):
    result = cli("render", "proposal", str(concept), "-o", str(tmp_path / "fehlt" / "v.md"))
    assert result.exit_code == 2 and "fehlt" in result.stderr
    assert not (tmp_path / "fehlt").exists()


def test_output_is_a_folder(cli, concept, tmp_path):
    (tmp_path / "ordner.md").mkdir()
    result = cli("render", "proposal", str(concept), "-o", str(tmp_path / "ordner.md"), "--force")
    assert result.exit_code == 2


def test_read_only_location(cli, concept):
    try:
        handle, probe = tempfile.mkstemp(dir="/sys")
    except OSError:
        pass
    else:  # pragma: no cover - a writable /sys: nothing read-only to try here
        os.close(handle)
        os.unlink(probe)
        pytest.skip("/sys is writable on this machine")
    result = cli("render", "proposal", str(concept), "-o", "/sys/vorlage.md")
    assert result.exit_code == 2 and "/sys/vorlage.md" in result.stderr


def test_failure_in_the_middle_of_writing_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "v.md"
    target.write_text("alt", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError):
        write_atomic(target, b"neu" * 1000, force=True)
    assert target.read_text(encoding="utf-8") == "alt"
    assert leftovers(tmp_path) == []


def test_interrupt_in_the_middle_of_writing_leaves_no_temporary_file(tmp_path, monkeypatch):
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "v.pdf", b"%PDF-", force=False)
    assert list(tmp_path.iterdir()) == []


def test_existing_file_without_force(tmp_path):
    target = tmp_path / "v.md"
    target.write_text("alt", encoding="utf-8")
    with pytest.raises(OutputExists):
        write_atomic(target, b"neu")
    assert target.read_text(encoding="utf-8") == "alt"


def test_sigint_during_a_pdf_render(tmp_path):
    concept = tmp_path / "gross.yaml"
    concept.write_text(with_measures(400, CONCEPT), encoding="utf-8")  # several seconds of layout
    target = tmp_path / "v.pdf"
    target.write_bytes(b"alte Fassung")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ki_cli",
            "render",
            "concept",
            str(concept),
            "-o",
            str(target),
            "--force",
            "--lang",
            "de",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # inside the import of WeasyPrint or the layout
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:  # pragma: no cover - the machine was faster than the signal
        pytest.skip("the render finished before the interrupt arrived")
    assert process.returncode == 2 and "Traceback" not in err and "Abgebrochen" in err
    assert target.read_bytes() == b"alte Fassung"
    assert leftovers(tmp_path) == []


def test_eight_processes_rendering_to_one_path_leave_one_complete_file(concept, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "v.pdf"
    command = [sys.executable, "-m", "ki_cli", "render", "proposal", str(concept), "-o", str(target), "--force"]
    processes = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(8)
    ]
    codes = [p.wait(timeout=180) for p in processes]
    assert codes == [0] * 8
    assert "Beschlussvorschlag" in PdfReader(str(target)).pages[0].extract_text()
    assert leftovers(tmp_path) == []
