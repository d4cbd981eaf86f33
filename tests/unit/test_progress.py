"""The progress bar: only for more than 20 files, only when standard error is a terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading

import pytest

from ki_cli.cli.progress import THRESHOLD, wanted
from tests.helpers import ROOT, VALID


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def many_files(folder, count: int):
    for i in range(count):
        (folder / f"k{i:02}.yaml").write_text(VALID, encoding="utf-8")
    return folder


def test_a_bar_only_for_more_than_20_files_on_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert THRESHOLD == 20
    assert wanted(21, Terminal())
    assert not wanted(20, Terminal())
    assert not wanted(500, io.StringIO())  # not a terminal: a file or a pipe


def test_no_bar_on_a_dumb_terminal(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    assert not wanted(100, Terminal())


PROBE = """
import sys
from ki_cli.cli.app import main
sys.argv = ["ki", "validate", "-q", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
sys.stdout.write("RICH=" + str("rich" in sys.modules) + "\\n")
"""


def test_piped_output_has_no_bar_and_does_not_load_rich(tmp_path):
    folder = many_files(tmp_path, 25)
    result = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr == ""
    assert result.stdout.splitlines()[-2].startswith("25 ")  # the summary
    assert result.stdout.splitlines()[-1] == "RICH=False"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_gets_a_bar_on_standard_error_and_clean_standard_output(tmp_path):
    import pty

    folder = many_files(tmp_path, 25)
    master, slave = pty.openpty()
    env = {**os.environ, "KI_LANG": "de", "TERM": "xterm", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ki_cli", "validate", "-q", str(folder)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:  # read the terminal while ki runs, so that it never blocks on a full buffer
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout = process.stdout.read().decode()
    process.wait(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    bar = b"".join(chunks)
    assert "Prüfe" in bar.decode("utf-8", "replace") and "25/25" in bar.decode("utf-8", "replace")
    assert stdout.startswith("25 Dateien geprüft")
