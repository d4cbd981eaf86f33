"""The command line against hostile surroundings: closed, full or broken standard output, values and
file names that try to drive the terminal or forge log lines, planted and malformed ``ki.toml``.

Everything here runs the real ``ki`` in a subprocess (``python -m ki_cli``), as a shell would.
The hostile inputs are in ``tests/hostile/cli/`` (see its README).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONCEPTS, ROOT, VALID, replace

HOSTILE = Path(__file__).parent / "hostile" / "cli"
OLD, NEW = CONCEPTS / "beispielstadt" / "2023-2024.yaml", CONCEPTS / "beispielstadt" / "2025-2026.yaml"
BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")


def _env(lang: str = "de") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_"))}
    return {**env, "KI_LANG": lang, "NO_COLOR": "1", "LANG": "C.UTF-8", "COLUMNS": "100", "PYTHONPATH": str(ROOT)}


def ki(*args: str, cwd: Path | None = None, lang: str = "de", **kw: object) -> subprocess.CompletedProcess[bytes]:
    """The real ``ki`` in a subprocess; standard error always captured."""
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "ki_cli", *args], stderr=subprocess.PIPE, cwd=cwd or ROOT,
                          env=_env(lang), check=False, **kw)  # type: ignore[call-overload]


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert "Interner Fehler" not in err and "Internal error" not in err, err
    return err


# --- closed, full and broken standard output ------------------------------------------------------

# Every command that writes to standard output, with what it needs (files from tests/conftest).
def _writers(tmp: Path) -> dict[str, list[str]]:
    concept = tmp / "k.yaml"
    concept.write_text(VALID, encoding="utf-8")
    return {
        "help": ["--help"],
        "help-en": ["--lang", "en", "--help"],
        "help-typer": ["validate", "--help"],
        "version": ["--version"],
        "rules": ["rules"],
        "rules-json": ["rules", "-f", "json"],
        "explain": ["explain", "KI107"],
        "schema": ["schema"],
        "validate-text": ["validate", str(CONCEPTS)],
        "validate-json": ["validate", "-f", "json", str(CONCEPTS)],
        "validate-sarif": ["validate", "-f", "sarif", str(CONCEPTS)],
        "validate-github": ["validate", "-f", "github", str(concept)],
        "validate-typer": ["--debug", "validate", "-f", "json", str(CONCEPTS)],
        "diff-text": ["diff", str(OLD), str(NEW)],
        "diff-json": ["diff", "-f", "json", str(OLD), str(NEW)],
        "diff-md": ["diff", "-f", "md", str(OLD), str(NEW)],
        "init": ["init", "-", "--kommune", "Stadt Beispiel", "--typ", "kreisfreie_stadt", "--beginn", "01.01.2025",
                 "--foerderrichtlinie", "2025"],
        "next-period": ["next-period", str(NEW), "-o", "-"],
        "render-md": ["render", "proposal", str(concept)],
    }


WRITERS = [
    "help", "help-en", "help-typer", "version", "rules", "rules-json", "explain", "schema", "validate-text",
    "validate-json", "validate-sarif", "validate-github", "validate-typer", "diff-text", "diff-json", "diff-md",
    "init", "next-period", "render-md",
]


CLOSED = {"de": "Die Ausgabe kann nicht geschrieben werden: die Standardausgabe ist geschlossen.",
          "en": "The output cannot be written: standard output is closed."}
FULL = {"de": "Die Ausgabe kann nicht geschrieben werden: kein Speicherplatz mehr frei.",
        "en": "The output cannot be written: no space left on device."}


@pytest.fixture
def writers(tmp_path: Path) -> dict[str, list[str]]:
    return _writers(tmp_path)


@pytest.mark.parametrize("name", WRITERS)
def test_closed_stdout_is_one_line_and_exit_2(writers, name):
    result = ki(*writers[name], stdout=None, preexec_fn=lambda: os.close(1))
    err = no_traceback(result)
    assert result.returncode == 2, err
    assert err.strip().splitlines() == [CLOSED["en" if "en" in writers[name] else "de"]]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("name", WRITERS)
def test_full_stdout_is_one_line_and_exit_2(writers, name):
    with open("/dev/full", "wb") as full:
        result = ki(*writers[name], stdout=full)
    err = no_traceback(result)
    assert result.returncode == 2, err
    assert err.strip().splitlines() == [FULL["en" if "en" in writers[name] else "de"]]


def _into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """``args`` writing into a pipe whose reader has already gone: the first write fails (EPIPE)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return ki(*args, stdout=write)
    finally:
        os.close(write)


@pytest.mark.parametrize("name", WRITERS)
def test_reader_gone_is_quiet(writers, name):
    result = _into_closed_pipe(writers[name])
    assert no_traceback(result) == ""
    assert result.returncode == 0


def test_reader_gone_keeps_the_exit_code_of_validate(tmp_path):
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github"):
        result = _into_closed_pipe(["validate", "-f", fmt, str(tmp_path / "k.yaml")])
        assert no_traceback(result) == "" and result.returncode == 1, fmt


@pytest.mark.skipif(shutil.which("sh") is None or shutil.which("head") is None, reason="needs sh and head")
@pytest.mark.parametrize("args", [["rules"], ["validate", "-f", "json", "concepts/"], ["diff", str(OLD), str(NEW)],
                                  ["rules", "-f", "json"], ["schema"]])
def test_pipe_into_head_one_line(args):
    command = " ".join([sys.executable, "-m", "ki_cli", *args]) + " | head -1"
    result = subprocess.run(["sh", "-c", command], capture_output=True, cwd=ROOT, env=_env(), check=False)
    assert no_traceback(result) == ""
    assert len(result.stdout.splitlines()) == 1


def test_closed_stdout_does_not_stop_a_command_that_writes_a_file(tmp_path):
    """Nothing written to standard output, nothing to complain about; and the document does not land on
    descriptor 1 (a file opened later would get the lowest free descriptor)."""
    (tmp_path / "k.yaml").write_text(VALID, encoding="utf-8")
    result = ki("render", "proposal", str(tmp_path / "k.yaml"), "-o", str(tmp_path / "v.md"), stdout=None,
                preexec_fn=lambda: os.close(1))
    no_traceback(result)
    assert result.returncode == 0 and (tmp_path / "v.md").read_text(encoding="utf-8").startswith("#")


def test_closed_stderr_and_stdin_are_survived(tmp_path):
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")

    def close() -> None:
        os.close(0)
        os.close(2)

    result = subprocess.run([sys.executable, "-m", "ki_cli", "validate", str(tmp_path / "k.yaml")],
                            stdout=subprocess.PIPE, cwd=ROOT, env=_env(), preexec_fn=close, check=False)
    assert result.returncode == 1 and b"KI107" in result.stdout


def test_internal_error_is_one_line_and_debug_shows_the_traceback(tmp_path):
    """A bug (here a reporter made to fail) still ends in one line naming it; ``--debug`` adds the traceback."""
    (tmp_path / "k.yaml").write_text(VALID, encoding="utf-8")
    probe = ("import sys\nimport ki_cli.reporters.text as t\n"
             "def boom(*a, **k):\n    raise RuntimeError('kaputt')\n"
             "t.write = boom\nsys.argv = ['ki', *sys.argv[1:]]\nfrom ki_cli.entry import main\nmain()\n")
    for debug in ([], ["--debug"]):
        result = subprocess.run([sys.executable, "-c", probe, *debug, "validate", str(tmp_path / "k.yaml")],
                                capture_output=True, cwd=ROOT, env=_env(), check=False)
        err = result.stderr.decode()
        assert result.returncode == 2
        assert err.strip().splitlines()[-1].startswith("Interner Fehler in ki (RuntimeError: kaputt)")
        assert ("Traceback" in err) == bool(debug)
