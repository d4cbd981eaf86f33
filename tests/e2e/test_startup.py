"""``ki validate`` stays lean: no rendering library and no Pydantic is imported on its path."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import VALID

HEAVY = ("jinja2", "weasyprint", "docx", "docxtpl", "pypdf", "markdown", "starlette", "uvicorn", "ruamel", "httpx")

PROBE = """
import sys
from ki_cli.cli.app import main
sys.argv = ["ki", "validate", "-q", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(",".join(sorted({m.split(".")[0] for m in sys.modules} | {m for m in sys.modules if m.startswith("ki_cli")})))
"""


def test_validate_imports_no_rendering_library(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(VALID, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True)
    modules = set(result.stdout.strip().splitlines()[-1].split(","))
    assert "ki_cli.format.coreschema" in modules and "ki_cli.check.rules" in modules  # the probe really validated
    assert not modules & set(HEAVY), modules & set(HEAVY)


@pytest.mark.parametrize("text", [VALID, VALID.replace("typ: kreisfreie_stadt", "typ: stadt") + "extra: 1\n"])
def test_validate_imports_no_pydantic(tmp_path, text):
    """The models are the contract; ``ki validate`` runs their generated core schema with pydantic_core."""
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True)
    modules = set(result.stdout.strip().splitlines()[-1].split(","))
    assert "ki_cli.format.coreschema" in modules
    assert not modules & {"pydantic", "ki_cli.format.model", "ki_cli.format.fieldtypes"}, modules


def test_help_imports_no_pydantic_models():
    probe = "import sys\nfrom ki_cli.cli.app import main\nsys.argv=['ki','--help']\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint('MODS', ','.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(result.stdout.split("MODS ")[-1].strip().split(","))
    assert "ki_cli.format.model" not in modules and "jinja2" not in modules


def test_render_imports_no_pydantic(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(VALID, encoding="utf-8")
    probe = PROBE.replace(
        '["ki", "validate", "-q", sys.argv[1]]', '["ki", "render", "proposal", sys.argv[1], "-o", sys.argv[2]]'
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(path), str(tmp_path / "v.md")], capture_output=True, text=True, check=True
    )
    modules = set(result.stdout.strip().splitlines()[-1].split(","))
    assert "ki_cli.format.coreschema" in modules and (tmp_path / "v.md").exists()
    assert not modules & {"pydantic", "ki_cli.format.model"}, modules


def test_validate_loads_only_pydantic_cores_extension_and_pydantic_shares_it():
    """``records.core()`` skips the package's typing module; a later ``import pydantic`` uses the same extension."""
    probe = (
        "import sys, yaml\n"
        "from ki_cli.format import records\n"
        "from ki_cli.check.pipeline import validate_bytes\n"
        "from tests.helpers import VALID\n"
        "validate_bytes(VALID.encode(), 'k.yaml', 'de')\n"
        "before = sorted(m for m in sys.modules if m.startswith('pydantic'))\n"
        "import pydantic_core\n"
        "from ki_cli.format.model import Konzept\n"
        "Konzept.model_validate(yaml.safe_load(VALID))\n"
        "print(before, pydantic_core.SchemaValidator is records.core().SchemaValidator)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['pydantic_core._pydantic_core'] True"
