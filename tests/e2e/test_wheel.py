"""A non-editable install renders too: the templates travel inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from tests.helpers import ROOT, VALID


def test_wheel_installed_into_a_fresh_venv_renders(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run(  # the build backend from the test extra: no download (tests/e2e/test_package.py builds both)
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = wheels.glob("ki_cli-*.whl")
    fresh = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # the dependencies come from the test environment; ki_cli itself only from the wheel
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    concept = tmp_path / "k.yaml"
    concept.write_text(VALID, encoding="utf-8")
    where = subprocess.run(
        [str(python), "-c", "import ki_cli; print(ki_cli.__file__)"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(fresh) in where
    result = subprocess.run(
        [str(python), "-m", "ki_cli", "render", "workplan", str(concept), "-o", str(tmp_path / "a.html")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Arbeitsplanung" in (tmp_path / "a.html").read_text(encoding="utf-8")
