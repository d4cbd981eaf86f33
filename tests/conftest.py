"""Fixtures of every test: the real command line through Typer's runner; hypothesis derandomized."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from ki_cli.cli.app import app

# The same examples on every run and no replayed database: a property test is never flaky, in CI
# or in a checkout that once found a failure (a test's own @settings may still ask for more).
settings.register_profile("ki", derandomize=True, database=None, deadline=None)
settings.load_profile("ki")


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def cli_json(cli):
    def run(*args: str, **kw: Any) -> tuple[int, dict[str, Any]]:
        result = cli("validate", "--format", "json", *args, **kw)
        return result.exit_code, json.loads(result.stdout)

    return run
