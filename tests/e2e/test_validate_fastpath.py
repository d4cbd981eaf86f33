"""``ki validate`` from the entry point without Typer: same answers as through Typer, or Typer decides."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ki_cli.cli.validate import plain_command_line
from tests.helpers import CONCEPTS, VALID

_VIA_TYPER = "import sys; sys.argv = ['ki', *sys.argv[1:]]; from ki_cli.cli.app import main; main()"
_PROBE = (
    "import sys; sys.argv = ['ki', *sys.argv[1:]]\nfrom ki_cli.cli.entry import main\n"
    "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\n"
    "sys.stderr.write('MODULES:' + ','.join(sorted({m.split('.')[0] for m in sys.modules})))"
)


def _run(code: list[str], *args: str, cwd=None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "KI_LANG": "", "NO_COLOR": "1", "LANG": "de_DE.UTF-8"}
    return subprocess.run(
        [sys.executable, *code, *args], capture_output=True, env=env, cwd=cwd, input=stdin, check=False
    )


# --- the line parser ---------------------------------------------------------------------------


def test_plain_line_is_parsed():
    assert plain_command_line(
        [
            "validate",
            "a.yaml",
            "-",
            "--format",
            "json",
            "--strict",
            "-q",
            "--select=KI3",
            "--select",
            "KI4",
            "--ignore",
            "KI5",
            "--lang",
            "en",
        ]
    ) == {
        "paths": ["a.yaml", "-"],
        "fmt": "json",
        "strict": True,
        "select": ["KI3", "KI4"],
        "ignore": ["KI5"],
        "lang": "en",
        "quiet": True,
        "sarif_base": None,
        "github_infos": False,
    }


def test_root_lang_is_taken_and_the_command_lang_wins():
    assert plain_command_line(["--lang", "en", "validate", "a.yaml"])["lang"] == "en"
    assert plain_command_line(["--lang=en", "validate", "a.yaml", "--lang", "de"])["lang"] == "de"


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],  # no path: Typer's "missing argument"
        ["validate", "a.yaml", "--help"],
        ["validate", "a.yaml", "--bogus"],
        ["validate", "a.yaml", "--format", "xml"],  # Typer names the allowed values
        ["validate", "a.yaml", "--format"],
        ["validate", "a.yaml", "--lang", "fr"],
        ["validate", "a.yaml", "-qf", "json"],  # short options run together
        ["validate", "a.yaml", "-f=json"],
        ["validate", "--", "a.yaml"],
        ["validate", "a.yaml", "--select", "--strict"],
        ["--debug", "validate", "a.yaml"],
        ["render", "proposal", "validate"],
        ["--version"],
    ],
)
def test_anything_unsure_is_left_to_typer(args):
    assert plain_command_line(args) is None


# --- the same answers as through Typer ---------------------------------------------------------


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fast")
    (folder / "gut.yaml").write_text(VALID, encoding="utf-8")
    (folder / "kaputt.yaml").write_text(
        VALID.replace("federfuehrung: schulamt", "federfuehrung: schulamtt"), encoding="utf-8"
    )
    (folder / "leer").mkdir()
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "gut.yaml"],
        ["validate", "kaputt.yaml"],
        ["validate", "kaputt.yaml", "--format", "json"],
        ["validate", "kaputt.yaml", "--format=sarif", "--lang", "en"],
        ["validate", "kaputt.yaml", "-f", "github"],
        ["validate", "gut.yaml", "-f", "github", "--github-infos"],
        ["validate", "kaputt.yaml", "--format", "sarif", "--sarif-base", "leer"],
        ["validate", "kaputt.yaml", "--format", "sarif", "--sarif-base=fehlt"],
        ["validate", "gut.yaml", "--strict", "-q"],
        ["--lang", "en", "validate", "kaputt.yaml", "--ignore", "KI107"],
        ["validate", "kaputt.yaml", "--select", "KI1,KI3"],
        ["validate", "gut.yaml", "--select", "KI999"],
        ["validate", "fehlt.yaml"],
        ["validate", "leer"],
        ["validate", "."],
    ],
)
def test_fast_path_answers_exactly_like_typer(files, args):
    fast = _run(["-m", "ki_cli"], *args, cwd=files)
    typer_answer = _run(["-c", _VIA_TYPER], *args, cwd=files)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        typer_answer.returncode,
        typer_answer.stdout,
        typer_answer.stderr,
    )


def test_standard_input_through_the_fast_path(files):
    result = _run(["-m", "ki_cli"], "validate", "-", "--format", "json", stdin=VALID.encode("utf-8"))
    assert result.returncode == 0 and b'"path": "<stdin>"' in result.stdout


def test_validate_runs_without_importing_typer():
    result = _run(["-c", _PROBE], "validate", "-q", str(CONCEPTS))
    modules = result.stderr.decode().rsplit("MODULES:", 1)[1].split(",")
    assert "ki_cli" in modules and "typer" not in modules and "pydantic" not in modules
