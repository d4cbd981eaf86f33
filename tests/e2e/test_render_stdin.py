"""``ki render KIND -`` reads the concept from standard input; writing into a closed pipe ends quietly."""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.test_hostile_cli import _env, ki, no_traceback
from tests.helpers import CONCEPTS, ROOT, VALID, with_measures

EXAMPLE = CONCEPTS / "beispielstadt" / "2025-2026.yaml"


def test_render_reads_the_concept_from_standard_input(tmp_path):
    out = tmp_path / "vorlage.md"
    result = ki("render", "proposal", "-", "-o", str(out), input=EXAMPLE.read_bytes())
    no_traceback(result)
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Der Oberbürgermeister")


def test_render_from_standard_input_to_standard_output():
    result = ki("render", "workplan", "-", input=VALID.encode("utf-8"))
    assert result.returncode == 0
    assert "Arbeitsplanung" in result.stdout.decode("utf-8")


def test_broken_concept_on_standard_input_is_reported_as_stdin():
    result = ki("render", "proposal", "-", input=b"version: 1\nkommune: {name: x}\n")
    err = no_traceback(result)
    assert result.returncode == 1
    assert err.startswith("<stdin>:1:1: KI101 Fehler")
    assert "<stdin> lässt sich nicht als Konzept lesen" in err


def test_render_into_a_closed_pipe_ends_quietly(tmp_path):
    large = tmp_path / "gross.yaml"  # a proposal far larger than a pipe's buffer
    large.write_text(with_measures(3000), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ki_cli", "render", "proposal", str(large)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # the reader goes away, as `| head -1` does
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait() == 0
    assert "Traceback" not in err and "Interner Fehler" not in err
