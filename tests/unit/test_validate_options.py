"""The validate fast path's option table is the Typer command's, option for option."""

from __future__ import annotations

from typing import Any

import typer

from ki_cli.cli.app import app
from ki_cli.cli.validate import _FLAGS, _VALUED


def _options() -> list[Any]:
    """The validate command's options as Typer builds them (Typer may carry its own click)."""
    group: Any = typer.main.get_command(app)
    return [param for param in group.commands["validate"].params if param.param_type_name == "option"]


def test_fast_path_knows_every_option_of_the_typer_command():
    typer_flags: set[str] = set()
    typer_valued: set[str] = set()
    for param in _options():
        (typer_flags if param.is_flag else typer_valued).update(param.opts)
    assert set(_FLAGS) == typer_flags
    assert set(_VALUED) == typer_valued


def test_fast_path_option_names_are_the_typer_parameter_names():
    names = {param.name for param in _options()}
    renamed = {"fmt": "format"}  # ``run`` takes ``fmt``: ``format`` is a builtin
    assert {renamed.get(name, name) for name in {*_FLAGS.values(), *_VALUED.values()}} == names
