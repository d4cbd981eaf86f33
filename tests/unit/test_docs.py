"""``docs/rules.md`` is generated from the registry and must not go stale."""

from __future__ import annotations

import subprocess
import sys

from ki_cli.check.registry import RULES
from ki_cli.tools.docs import rules_markdown
from tests.helpers import ROOT

PAGE = ROOT / "docs" / "rules.md"


def test_committed_rule_reference_is_up_to_date():
    assert PAGE.is_file(), "docs/rules.md is missing: run `python -m ki_cli.tools.docs docs/rules.md`"
    assert PAGE.read_text(encoding="utf-8") == rules_markdown(), (
        "stale: run `python -m ki_cli.tools.docs docs/rules.md`"
    )


def test_every_rule_has_an_entry_with_anchor_title_and_basis():
    page = rules_markdown()
    for code, rule in RULES.items():
        assert f'<a id="{code.lower()}"></a>\n### {code} – {rule.title("de")}' in page
        assert f"[{code}](#{code.lower()})" in page
        assert rule.basis("de") in page


def test_the_generator_writes_the_page(tmp_path):
    target = tmp_path / "rules.md"
    result = subprocess.run(
        [sys.executable, "-m", "ki_cli.tools.docs", str(target)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == rules_markdown()


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Install with the test tools", 1)[1].split("```sh\n", 1)[1].split("\n```", 1)[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert block.strip() == ci.strip()


def test_readme_install_commands_quote_extras_the_way_every_shell_reads():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if "pip install" in line and not line.startswith("`")]
    assert commands and all("'.[" not in line for line in commands)
