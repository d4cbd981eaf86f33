"""``ki.toml``: project defaults, found from the current folder up to the project root.

Where a ``ki.toml`` may come from (a file in a parent folder would otherwise set
``template_dir`` and ``ignore = ["KI"]`` for every project below it, e.g. one planted in
``/tmp``):

* the search goes from the current folder upward and ends at the first ``ki.toml`` or at the
  project root, a folder holding ``.git`` (a folder, or a worktree's file), whichever comes first;
* a file that others could have written or replaced is not used: on POSIX systems, the file or
  its folder (or, for a symlink, its target's folder) is writable by others, or by a group other
  than the owner's private group (the rule of Debian's OpenSSH for ``~/.ssh``, so that the usual
  ``umask 002`` with a private group is fine). One line on standard error says so, and the search
  ends there: the defaults apply. Windows has no such bits; there the project root is the bound;
* the file read is named on standard error (one line), so that it is always clear which
  settings are in force. Without a ``ki.toml`` nothing is said.

A broken file – not TOML, not UTF-8, too large, too deeply nested, an unknown key, a value of the
wrong type – ends every command with exit 2 and one message naming the file and, where it can be
found, the line.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ki_cli.check.registry import RULES, SEVERITIES, Severity
from ki_cli.check.report import UnknownCode, parse_codes
from ki_cli.text import LANGS

FILENAME = "ki.toml"
PROJECT_ROOT_MARKER = ".git"
MAX_BYTES = 1 << 20  # a settings file of a megabyte is not one


class ConfigError(Exception):
    """A broken ``ki.toml``: the file, the line (when known) and the problem (a key of the UI texts)."""

    def __init__(self, path: Path, line: int | None, problem: str, **params: object) -> None:
        super().__init__(problem)
        self.path, self.line, self.problem, self.params = path, line, problem, params

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def message(self, lang: str) -> str:
        from ki_cli.messages import ui

        return ui("bad_config", lang, where=self.where(), problem=ui(f"config.{self.problem}", lang, **self.params))


@dataclass(frozen=True)
class Oparl:
    """``[oparl]``: the council information system's base URL (``base_url``) and the ids of its
    organisations (``[oparl.organisationen]``: a committee's or office's name, or a ``gremium`` key,
    to the organisation's URL or its id under ``base_url``)."""

    base_url: str | None = None
    organisationen: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    severity: dict[str, Severity] = field(default_factory=dict)
    template_dir: Path | None = None
    reference_docx: Path | None = None
    oparl: Oparl = field(default_factory=Oparl)
    sarif_help_base: str | None = None  # [sarif] help_base: the page the SARIF rules' helpUri point into
    skipped: Path | None = None  # a ki.toml that was not used because others can write it
    skipped_because: str = ""  # "file" or "folder"


_ALLOWED = {
    "": {"lang", "validate", "render", "oparl", "sarif"},
    "validate": {"select", "ignore", "strict", "severity"},
    "render": {"template_dir", "reference_docx"},
    "oparl": {"base_url", "organisationen"},
    "sarif": {"help_base"},
}

# An https URL with a host and no query, fragment, white space or control characters.
_HTTPS_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[^\s?#\x00-\x1f\x7f]*)?")
# An organisation's id under the base URL: one path segment.
_OPARL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")


def _parse_oparl(table: dict[str, Any], fail: Any) -> Oparl:
    """``[oparl]``: ``base_url`` an https URL; ``[oparl.organisationen]`` names to URLs or ids."""
    base_url = table.get("base_url")
    if base_url is not None and not (isinstance(base_url, str) and _HTTPS_URL.fullmatch(base_url)):
        raise fail("base_url", "oparl_base_url")
    organisationen = table.get("organisationen", {})
    if not isinstance(organisationen, dict):
        raise fail("organisationen", "not_a_table", section="oparl.organisationen")
    mapped: dict[str, str] = {}
    for name, value in organisationen.items():
        url = isinstance(value, str) and _HTTPS_URL.fullmatch(value)
        if not (url or (isinstance(value, str) and _OPARL_ID.fullmatch(value))):
            raise fail((name, "organisationen"), "oparl_organisation", name=name)
        if not url and base_url is None:
            raise fail((name, "organisationen"), "oparl_organisation_needs_base", name=name)
        mapped[name] = value
    return Oparl(base_url=base_url.rstrip("/") if base_url else None, organisationen=mapped)


def find(start: Path | None = None) -> Path | None:
    """The nearest ``ki.toml`` from ``start`` (the current folder) up to the project root, if any."""
    try:
        folder = (start or Path.cwd()).resolve()
    except OSError:  # the current folder has been removed
        return None
    for candidate in (folder, *folder.parents):
        path = candidate / FILENAME
        try:
            if path.is_file():  # a folder or a FIFO of that name is not a settings file (and is never opened)
                return path
            if (candidate / PROJECT_ROOT_MARKER).exists():
                return None
        except OSError:  # a folder that may not be looked into: the search ends there
            return None
    return None


def _private_group(uid: int, gid: int) -> bool:
    """``gid`` is the private group of user ``uid``: the user's primary group, of the same name, with
    no other member."""
    import grp
    import pwd

    try:
        user, group = pwd.getpwuid(uid), grp.getgrgid(gid)
    except KeyError:
        return False
    return user.pw_gid == gid and group.gr_name == user.pw_name and all(m == user.pw_name for m in group.gr_mem)


def _writable_by_others(info: os.stat_result) -> bool:
    if info.st_mode & stat.S_IWOTH:
        return True
    return bool(info.st_mode & stat.S_IWGRP) and not _private_group(info.st_uid, info.st_gid)


def unsafe(path: Path) -> str:
    """Why ``path`` must not be used – ``"file"`` or ``"folder"`` writable by others – or ``""``."""
    if os.name == "nt":
        return ""
    try:
        if _writable_by_others(path.stat()):
            return "file"
        folders = {path.parent, path.resolve().parent}
        if any(_writable_by_others(folder.stat()) for folder in folders):
            return "folder"
    except OSError:
        return ""  # gone meanwhile: reading it will say so
    return ""


_KEY_END = r"[\"']?[ \t]*="


def _line_of(text: str, *keys: str) -> int | None:
    """The line where the first of ``keys`` is set (``key =``, ``a.key =``, ``{ key =``) or opens a
    table (``[key]``, ``[a.key]``); None when it cannot be told."""
    for key in keys:
        spellings = {re.escape(key), re.escape(_json_escaped(key))}
        for spelling in spellings:
            pattern = (
                rf"(?:^|[{{,.])[ \t]*[\"']?{spelling}{_KEY_END}"
                rf"|^[ \t]*\[+[ \t]*(?:[^\]\n]*\.)?[\"']?{spelling}[\"']?[ \t]*\]"
            )
            match = re.search(pattern, text, re.MULTILINE)
            if match:
                return text.count("\n", 0, match.start()) + 1
    return None


def _json_escaped(key: str) -> str:
    import json

    return json.dumps(key)[1:-1]


def _read(path: Path) -> str:
    """The text of ``path``: only a regular file, at most ``MAX_BYTES``, UTF-8 (a byte order mark is
    allowed: Windows editors write one)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise ConfigError(path, None, "unreadable", reason=err.strerror or str(err)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ConfigError(path, None, "not_a_file")
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise ConfigError(path, None, "unreadable", reason=err.strerror or str(err)) from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise ConfigError(path, None, "too_large", limit="1 MB")
    try:
        return b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError as err:
        data = b"".join(chunks)
        raise ConfigError(path, data.count(b"\n", 0, err.start) + 1, "not_utf8") from None


def load(path: Path) -> Config:
    """Read and check ``path``; raises ConfigError on any problem."""
    import tomllib

    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        raise ConfigError(path, int(match[1]) if match else None, "syntax", detail=str(err)) from None
    except RecursionError:
        raise ConfigError(path, None, "too_deep") from None
    return _parse(path, text, data)


def _codes(value: object) -> list[str] | None:
    """A list of code strings (one string is a list of one), or None for a value of any other type."""
    values = [value] if isinstance(value, str) else value
    if isinstance(values, list) and all(isinstance(v, str) for v in values):
        return values
    return None


def _parse(path: Path, text: str, data: dict[str, Any]) -> Config:
    def fail(keys: str | tuple[str, ...], problem: str, **params: object) -> ConfigError:
        return ConfigError(path, _line_of(text, *((keys,) if isinstance(keys, str) else keys)), problem, **params)

    for section, allowed in _ALLOWED.items():
        table = data if not section else data.get(section, {})
        if not isinstance(table, dict):
            raise fail(section, "not_a_table", section=section)
        for key in table:
            if key not in allowed:
                raise fail(key, "unknown_key", name=repr(key), allowed=", ".join(sorted(allowed)))
    validate: dict[str, Any] = data.get("validate", {})
    lang = data.get("lang")
    if lang is not None and not (isinstance(lang, str) and lang in LANGS):
        raise fail("lang", "lang", allowed=" | ".join(LANGS))
    codes: dict[str, tuple[str, ...]] = {}
    for key in ("select", "ignore"):
        values = _codes(validate.get(key, []))
        if values is None:
            raise fail(key, "codes", name=key)
        try:
            codes[key] = parse_codes(values)
        except UnknownCode as err:
            raise fail(key, "unknown_code", code=err.code) from None
    strict = validate.get("strict", False)
    if not isinstance(strict, bool):
        raise fail("strict", "strict")
    levels = validate.get("severity", {})
    if not isinstance(levels, dict):
        raise fail("severity", "severity_table")
    severity: dict[str, Severity] = {}
    for code, level in levels.items():
        if code.upper() not in RULES:
            raise fail((code, "severity"), "unknown_code", code=code)
        if not (isinstance(level, str) and level in SEVERITIES):
            raise fail((code, "severity"), "severity_level", code=code, allowed=", ".join(SEVERITIES))
        severity[code.upper()] = level
    template_dir = data.get("render", {}).get("template_dir")
    if template_dir is not None:
        if not isinstance(template_dir, str):
            raise fail("template_dir", "template_dir")
        if not template_dir.strip() or re.search(r"[\x00-\x1f\x7f]", template_dir):
            raise fail("template_dir", "template_dir_text")
    reference_docx = data.get("render", {}).get("reference_docx")
    if reference_docx is not None:
        if not isinstance(reference_docx, str):
            raise fail("reference_docx", "reference_docx")
        if not reference_docx.strip() or re.search(r"[\x00-\x1f\x7f]", reference_docx):
            raise fail("reference_docx", "reference_docx_text")
    oparl = _parse_oparl(data.get("oparl", {}), fail)
    help_base = data.get("sarif", {}).get("help_base")
    if help_base is not None and not (isinstance(help_base, str) and _HTTPS_URL.fullmatch(help_base)):
        raise fail("help_base", "sarif_help_base")
    return Config(
        sarif_help_base=help_base,
        path=path,
        oparl=oparl,
        lang=lang,
        select=codes["select"],
        ignore=codes["ignore"],
        strict=strict,
        severity=severity,
        template_dir=(path.parent / template_dir) if template_dir else None,
        reference_docx=(path.parent / reference_docx) if reference_docx else None,
    )


def discover(start: Path | None = None) -> Config:
    """The configuration in force here (defaults when there is no ``ki.toml`` or it is not safe)."""
    path = find(start)
    if path is None:
        return Config()
    reason = unsafe(path)
    if reason:
        return Config(skipped=path, skipped_because=reason)
    return load(path)


def settings(lang: str | None = None) -> Config:
    """The configuration in force, named on standard error when a file was read or skipped; a broken
    ``ki.toml`` ends the command (exit 2) naming file and line. ``lang``: the ``--lang`` given."""
    import sys

    from ki_cli.check.report import EXIT_USAGE, Stop
    from ki_cli.messages import ui
    from ki_cli.text import detect_lang

    try:
        config = discover()
    except ConfigError as err:
        raise Stop(EXIT_USAGE, err.message(detect_lang(lang))) from None
    language = detect_lang(lang, config.lang)
    line = None
    if config.path is not None:
        line = ui("config.read", language, path=str(config.path))
    elif config.skipped is not None:
        line = ui(f"config.unsafe_{config.skipped_because}", language, path=str(config.skipped))
    if line:
        try:  # a note: when standard error cannot take it, the command goes on all the same
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    return config
