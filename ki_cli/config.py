"""``ki.toml``: project defaults, found by searching upward from the current folder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ki_cli.i18n import LANGS
from ki_cli.registry import RULES, SEVERITIES, Severity
from ki_cli.report import UnknownCode, parse_codes

FILENAME = "ki.toml"


class ConfigError(Exception):
    """A broken ``ki.toml``: the file, the line (when known) and what is wrong."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.path, self.line, self.problem = path, line, problem

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    severity: dict[str, Severity] = field(default_factory=dict)
    template_dir: Path | None = None


_ALLOWED = {
    "": {"lang", "validate", "render"},
    "validate": {"select", "ignore", "strict", "severity"},
    "render": {"template_dir"},
}


def find(start: Path | None = None) -> Path | None:
    """The nearest ``ki.toml`` in ``start`` or one of its parents."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / FILENAME
        if path.is_file():
            return path
    return None


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def load(path: Path) -> Config:
    """Read and check ``path``; raises ConfigError on any problem."""
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(path, None, "not UTF-8 / nicht UTF-8") from None
    except OSError as err:
        raise ConfigError(path, None, str(err.strerror or err)) from None
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        raise ConfigError(path, int(match[1]) if match else None, str(err)) from None
    return _parse(path, text, data)


def _parse(path: Path, text: str, data: dict[str, Any]) -> Config:
    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(path, _line_of(text, key), problem)

    for section, allowed in _ALLOWED.items():
        table = data if not section else data.get(section, {})
        if not isinstance(table, dict):
            raise fail(section, f"[{section}] must be a table / muss eine Tabelle sein")
        for key in table:
            if key not in allowed:
                raise fail(key, f"unknown key / unbekannter Schlüssel: {key!r} (allowed / erlaubt: {', '.join(sorted(allowed))})")
    validate = data.get("validate", {})
    lang = data.get("lang")
    if lang is not None and lang not in LANGS:
        raise fail("lang", f"lang must be one of / muss sein: {', '.join(LANGS)}")
    codes: dict[str, tuple[str, ...]] = {}
    for key in ("select", "ignore"):
        value = validate.get(key, [])
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise fail(key, f"{key} must be a list of codes / muss eine Liste von Codes sein")
        try:
            codes[key] = parse_codes(values)
        except UnknownCode as err:
            raise fail(key, f"unknown code / unbekannter Code: {err.code}") from None
    strict = validate.get("strict", False)
    if not isinstance(strict, bool):
        raise fail("strict", "strict must be true or false / muss true oder false sein")
    severity: dict[str, Severity] = {}
    for code, level in dict(validate.get("severity", {})).items():
        if code.upper() not in RULES:
            raise fail(code, f"unknown code / unbekannter Code: {code}")
        if level not in SEVERITIES:
            raise fail(code, f"severity must be one of / muss sein: {', '.join(SEVERITIES)}")
        severity[code.upper()] = level
    template_dir = data.get("render", {}).get("template_dir")
    if template_dir is not None and not isinstance(template_dir, str):
        raise fail("template_dir", "template_dir must be a path / muss ein Pfad sein")
    return Config(
        path=path,
        lang=lang,
        select=codes["select"],
        ignore=codes["ignore"],
        strict=strict,
        severity=severity,
        template_dir=(path.parent / template_dir) if template_dir else None,
    )


def discover(start: Path | None = None) -> Config:
    """The configuration in force here (defaults when there is no ``ki.toml``)."""
    path = find(start)
    return load(path) if path else Config()


def settings() -> Config:
    """The configuration in force; a broken ``ki.toml`` ends the command (exit 2) naming file and line."""
    from ki_cli.i18n import detect_lang
    from ki_cli.messages import ui
    from ki_cli.report import EXIT_USAGE, Stop

    try:
        return discover()
    except ConfigError as err:
        raise Stop(EXIT_USAGE, ui("bad_config", detect_lang(None), where=err.where(), problem=err.problem)) from None
