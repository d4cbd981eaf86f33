"""Hostile input for the loader: every file ends in findings and exit code 1, within a memory limit.

The small files are committed in ``tests/hostile/loader/``; the large ones (up to the 16 MB size
limit) are made by ``tests/hostile/loader/generate.py``. Each is checked by the real command
``ki validate`` in a child process whose address space is limited to 1 GB: before the loader's
budget, several of them took 2–4.5 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ki_cli.check.findings import MAX_FINDINGS
from tests.helpers import check
from tests.hostile.loader.generate import CASES

CORPUS = Path(__file__).resolve().parents[1] / "hostile" / "loader"
SMALL = sorted(CORPUS.glob("*.yaml"))
MEMORY_LIMIT = 1024 * 1024 * 1024  # address space of the child: generous, the budget keeps far below it

resource = pytest.importorskip("resource")  # POSIX only


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    """``ki validate …`` in a fresh process under the memory limit."""
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", "--lang", "de", "validate", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        preexec_fn=_limit_memory,
        check=False,
        timeout=900,  # not a time limit on ki: a guard against a child that hangs at the memory limit
    )


def _assert_findings_not_a_crash(result: subprocess.CompletedProcess[str]) -> list[dict]:
    assert "Traceback" not in result.stderr and "Interner Fehler" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    (file,) = json.loads(result.stdout)["files"]
    findings = file["findings"]
    assert any(f["severity"] == "error" for f in findings)
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in findings)
    assert len(findings) <= MAX_FINDINGS + 20  # the cap, and a closing finding per code
    return findings


@pytest.mark.parametrize("path", SMALL, ids=[p.stem for p in SMALL])
def test_small_hostile_file_gives_findings_within_the_memory_limit(path: Path):
    _assert_findings_not_a_crash(_validate("--format", "json", str(path)))


@pytest.mark.parametrize("name", [name for name in CASES if name not in ("alias_keys", "duplicate_keys")])  # below
def test_large_hostile_file_gives_findings_within_the_memory_limit(name: str, tmp_path: Path):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(CASES[name]())
    findings = _assert_findings_not_a_crash(_validate("--format", "json", str(path)))
    assert sum(len(f["message"]) + len(f["yaml_path"]) for f in findings) < 4 * len(path.read_bytes()) + 1_000_000


@pytest.mark.parametrize("fmt", ["text", "github", "sarif"])
def test_every_output_format_reports_the_whole_small_corpus(fmt: str):
    result = _validate("--format", fmt, str(CORPUS))
    assert "Traceback" not in result.stderr and "Interner Fehler" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 1 and result.stdout


def test_alias_keys_of_a_large_structure_give_short_output(tmp_path: Path):
    path = tmp_path / "alias_keys.yaml"
    path.write_bytes(CASES["alias_keys"]())
    result = _validate("--format", "json", str(path))
    findings = _assert_findings_not_a_crash(result)
    assert len(result.stdout) < 2_000_000  # was 1.9 GB
    assert findings[0]["code"] == "KI004" and "Schlüssel" in findings[0]["message"]
    assert any("19.000 weitere" in f["message"] for f in findings)


def test_fourteen_megabytes_of_duplicate_keys_give_a_thousand_findings_and_a_count(tmp_path: Path):
    path = tmp_path / "duplicate_keys.yaml"
    path.write_bytes(CASES["duplicate_keys"]())
    result = _validate("--format", "json", str(path))
    findings = _assert_findings_not_a_crash(result)
    assert len(result.stdout) < 2_000_000  # was 1.3 GB
    assert [f["code"] for f in findings].count("KI002") == MAX_FINDINGS + 1
    assert any(f["code"] == "KI004" and "256,0 MB" in f["message"] for f in findings)  # the budget ended it


def test_model_errors_beyond_the_cap_are_counted_not_kept():
    entries = 3_000
    findings = check("schwerpunkte: [" + "{}, " * (entries - 1) + "{}]\n").findings
    missing_at_top = sum(f.code == "KI101" for f in check("schwerpunkte: [{}]\n").findings) - 5
    (closing,) = [f for f in findings if "weitere" in f.message]
    count = int(closing.message.split(" ")[2].replace(".", ""))
    assert closing.code == "KI101" and len(findings) == MAX_FINDINGS + 1
    assert MAX_FINDINGS + count == 5 * entries + missing_at_top  # five required fields per entry


def test_findings_left_out_keep_their_code_for_ignore(tmp_path: Path):
    path = tmp_path / "k.yaml"
    path.write_text("a: 1\n" * (MAX_FINDINGS + 500) + "b: !x y\n", encoding="utf-8")
    result = _validate("--format", "json", "--ignore", "KI002,KI1", str(path))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["code"] for f in findings] == ["KI004"]
    assert "… und 1 weiterer Befund KI004" in findings[0]["message"]  # the tag, left out after the duplicates
