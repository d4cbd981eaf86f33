"""SARIF 2.1.0: the report for code-scanning tools (GitHub code scanning, IDE viewers).

One run; the tool's driver lists every rule of the registry (id, a PascalCase ``name``, title,
explanation, ``help`` as text and Markdown, ``helpUri`` to its entry in ``docs/rules.md``, tags,
precision and ``problem.severity``), and each finding becomes a result pointing at its file, line
and column. Columns count Unicode characters, as ``ki`` does.

What GitHub code scanning needs beyond the schema (its page "SARIF support for code scanning"):

* ``partialFingerprints``, so that an alert keeps its identity from one run to the next. GitHub
  uses only ``primaryLocationLineHash`` (the ``upload-sarif`` action computes one from the line's
  text when it is missing, the upload API does not). Here it is a hash of the code, the YAML path
  and the value as written, with no line number: a finding whose lines move stays one alert; two
  equal ones in a file are told apart by their order (``…:2``).
* Paths relative to the repository: a file below the base (``--sarif-base``, else the working
  folder) is named relative to it, with ``uriBaseId`` ``%SRCROOT%`` and the base's absolute URI
  in ``originalUriBaseIds``; a file outside the base keeps an absolute ``file:`` URI (SARIF allows
  a base id only with a relative reference). Links are resolved first: GitHub cannot show a result
  in a file reached through a symlink.
* ``automationDetails.id`` ``ki/validate/``: the category ``ki/validate`` for the analysis.

A result's message goes through ``printable`` (a value's line breaks and escape sequences shown
as ``\\n``, ``\\e`` …); a file name is a URI with its bytes percent-encoded, undecodable ones too.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from ki_cli import __version__
from ki_cli.check.findings import Finding
from ki_cli.check.registry import RULES, Rule, Severity
from ki_cli.check.report import FileReport, Report
from ki_cli.output import json_text, printable
from ki_cli.text import L, transliterate

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/ki-nrw/ki-cli"
"""The project's home. The repository has no public address yet; this is the one chosen for it (the
rule pages below are built from it). A fork or a mirror sets its own rule pages in ``ki.toml``."""
HELP_BASE = f"{INFORMATION_URI}/blob/main/docs/rules.md"
"""Each rule's ``helpUri`` is this plus ``#ki107``; ``[sarif] help_base`` in ``ki.toml`` replaces it."""
AUTOMATION_ID = "ki/validate/"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "primaryLocationLineHash"  # the one partial fingerprint GitHub code scanning reads
FINGERPRINT_KI = "kiFinding/v1"  # the same value under ki's own name, for other tools

LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "recommendation"}
TAGS = {
    "KI0": "datei",
    "KI1": "format",
    "KI2": "zeitraum",
    "KI3": "schwerpunkte",
    "KI4": "personal",
    "KI5": "partner",
    "KI6": "beschlussvorlage",
}
"""The area of a rule, as a tag to filter alerts by (the same in either language)."""

MAX_DESCRIPTION = 1024  # GitHub: shortDescription.text and fullDescription.text, at most 1024 characters

_WORDS = {
    "basis": L("Grundlage", "Basis"),
    "example": L("Beispiel – `-` löst {code} aus, `+` sondern so:", "Example – `-` triggers {code}, `+` fixes it:"),
    "fail": L("So nicht (löst {code} aus):", "Not like this (triggers {code}):"),
    "more": L("Mehr in der Regelreferenz", "More in the rule reference"),
    "not_a_folder": L(
        "--sarif-base {path}: kein Ordner. Geben Sie den Ordner an, auf den sich die Pfade der SARIF-Datei "
        "beziehen sollen, meist die Wurzel des Repositorys (in GitHub Actions: --sarif-base .).",
        "--sarif-base {path}: not a folder. Give the folder the SARIF file's paths are to be relative to, "
        "usually the repository's root (in GitHub Actions: --sarif-base .).",
    ),
}

_LINE_BREAK = re.compile(r"\r\n|[\r\n]")  # as the loader counts lines (sourcemap.LINE_BREAK)
_MAX_VALUE = 4096  # characters of a value that go into its fingerprint


# --- names and places --------------------------------------------------------------------------


def rule_name(rule: Rule) -> str:
    """The rule's English title as one PascalCase identifier: ``dangling reference`` →
    ``DanglingReference``, ``not UTF-8`` → ``NotUtf8``. Each word is a capital and small letters or
    digits (the SARIF Multitool's check); one-letter words ("a") are left out."""
    title = transliterate(rule.title("en")).replace("#", " hash ")
    words = [w for w in re.split(r"[^A-Za-z0-9]+", title) if len(w) > 1 or w.isdigit()]
    return "".join(w[0].upper() + w[1:].lower() for w in words)


def base_problem(base: str, lang: str) -> str | None:
    """Why ``--sarif-base`` cannot be used (not a folder), in ``lang``; None when it can."""
    try:
        if os.path.isdir(base):
            return None
    except (OSError, ValueError):
        pass
    return _WORDS["not_a_folder"](lang).format(path=printable(base))


def _real(path: str) -> str:
    """The absolute path with links resolved (an entry that cannot be resolved: only made absolute)."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def _quote(path: str) -> str:
    return quote(os.fsencode(path), safe="/")


def directory_uri(path: str) -> str:
    """A folder's absolute ``file:`` URI, ending in ``/`` (as ``originalUriBaseIds`` needs)."""
    uri = Path(path).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(path: str, base: str | None) -> dict[str, str]:
    """Where a checked file is, as a SARIF ``artifactLocation``.

    ``base`` is the resolved folder paths are relative to (None: no base, as for standard input):
    a file below it gets its relative path and ``uriBaseId``; any other file its absolute ``file:``
    URI. Relative paths are resolved against the working folder first. The name's bytes are
    percent-encoded as they are on disk (``os.fsencode``), so a name that is not UTF-8
    (``caf\\xe9.yaml``: ``caf%E9.yaml``) or holds a line break stays one exact URI."""
    if base is None:
        return {"uri": _quote(PurePath(path).as_posix())}
    real = _real(path)
    try:
        relative = PurePath(real).relative_to(base)
    except ValueError:  # outside the base, or on another drive
        return {"uri": Path(real).as_uri()}
    return {"uri": _quote(relative.as_posix()), "uriBaseId": SRCROOT}


def artifact_uri(path: str) -> str:
    """A file name as a SARIF URI without a base: relative paths stay relative, absolute ones
    become ``file:`` URIs."""
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return _quote(PurePath(path).as_posix())


# --- rules ---------------------------------------------------------------------------------------


def _shorten(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """``text``, or its sentences that fit into ``limit`` characters (with "…" when cut)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return (cut[: end + 1] if end > 0 else cut.rstrip()) + "…"


def help_uri(rule: Rule, help_base: str) -> str:
    return f"{help_base}#{rule.code.lower()}"


def help_markdown(rule: Rule, lang: str, uri: str) -> str:
    """The rule's page for the alert: explanation, basis, the example as a diff, the link."""
    from ki_cli.cli.explain import example_diff

    parts = [rule.explanation(lang)]
    basis = rule.basis(lang)
    if basis:
        parts.append(f"**{_WORDS['basis'](lang)}:** {basis}")
    if rule.fail_example and rule.pass_example:
        diff = "\n".join(example_diff(rule))
        parts.append(f"{_WORDS['example'](lang).format(code=rule.code)}\n\n```diff\n{diff}\n```")
    elif rule.fail_example:
        parts.append(f"{_WORDS['fail'](lang).format(code=rule.code)}\n\n```yaml\n{rule.fail_example.rstrip()}\n```")
    parts.append(f"[{_WORDS['more'](lang)}: {rule.code}]({uri})")
    return "\n\n".join(parts)


def _rule(rule: Rule, lang: str, help_base: str) -> dict[str, Any]:
    basis = rule.basis(lang)
    explanation = rule.explanation(lang)
    uri = help_uri(rule, help_base)
    help_text = f"{explanation}\n\n{_WORDS['basis'](lang)}: {basis}" if basis else explanation
    return {
        "id": rule.code,
        "name": rule_name(rule),
        "shortDescription": {"text": _shorten(rule.title(lang))},
        "fullDescription": {"text": _shorten(explanation)},
        "helpUri": uri,
        "help": {"text": f"{help_text}\n\n{uri}", "markdown": help_markdown(rule, lang, uri)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": [TAGS.get(rule.code[:3], "ki")],
            "precision": "very-high",  # every rule is an exact check of the file, not a guess
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
            "basis": basis,
        },
    }


# --- results -------------------------------------------------------------------------------------


def _value(lines: list[str], finding: Finding) -> str:
    """The text of the finding's region as written (at most ``_MAX_VALUE`` characters)."""
    if not 1 <= finding.line <= len(lines):
        return ""
    first, last = finding.line - 1, min(max(finding.end_line, finding.line), len(lines)) - 1
    if first == last:
        return lines[first][finding.column - 1 : max(finding.end_column, finding.column) - 1][:_MAX_VALUE]
    parts = [lines[first][finding.column - 1 :]]
    for i in range(first + 1, last + 1):
        if sum(map(len, parts)) > _MAX_VALUE:
            break
        parts.append(lines[i] if i < last else lines[i][: finding.end_column - 1])
    return "\n".join(parts)[:_MAX_VALUE]


def fingerprints(file: FileReport) -> list[str]:
    """One fingerprint per finding of ``file``: a hash of code, YAML path and value, and its place
    among equal ones (``:1``, ``:2`` …). Line and column do not go in: moving lines keeps it."""
    lines = _LINE_BREAK.split(file.text) if file.text else []
    seen: dict[str, int] = {}
    found = []
    for finding in file.findings:
        # a finding about the whole document (no YAML path; not the file's own KI0xx) points at its
        # first line only for want of a better place: what is written there is no part of it
        whole = not finding.yaml_path and not finding.code.startswith("KI0")
        value = "" if whole else _value(lines, finding).strip()
        key = "\x00".join((finding.code, finding.yaml_path, value))
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        seen[digest] = seen.get(digest, 0) + 1
        found.append(f"{digest}:{seen[digest]}")
    return found


def _region(finding: Finding) -> dict[str, int]:
    line = max(finding.line, 1)
    end_line = max(finding.end_line, line)
    column = max(finding.column, 1)
    end_column = max(finding.end_column, 1) if end_line > line else max(finding.end_column, column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(finding: Finding, location: dict[str, str], index: dict[str, int], fingerprint: str) -> dict[str, Any]:
    text = printable(f"{finding.message} {finding.hint}".strip())
    physical = {"artifactLocation": location, "region": _region(finding)}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT: fingerprint, FINGERPRINT_KI: fingerprint},
    }
    if finding.yaml_path:
        result["locations"][0]["logicalLocations"] = [
            {"fullyQualifiedName": printable(finding.yaml_path), "kind": "member"}
        ]
    return result


def _results(files: Iterable[FileReport], base: str | None, index: dict[str, int]) -> list[dict[str, Any]]:
    results = []
    for file in files:
        location = artifact_location(file.path, None if file.path == "<stdin>" else base)
        for finding, fingerprint in zip(file.findings, fingerprints(file), strict=True):
            results.append(_result(finding, location, index, fingerprint))
    return results


def to_sarif(report: Report, lang: str, base: str | None = None, help_base: str | None = None) -> dict[str, Any]:
    """The SARIF log; ``base``: the folder paths are relative to (default the working folder);
    ``help_base``: the page the rules' ``helpUri`` point into (default ``HELP_BASE``)."""
    rules = list(RULES.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    root = _real(base or os.curdir)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "ki",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "language": lang,
                "rules": [_rule(rule, lang, help_base or HELP_BASE) for rule in rules],
            }
        },
        "automationDetails": {"id": AUTOMATION_ID},
        "originalUriBaseIds": {SRCROOT: {"uri": directory_uri(root)}},
        "columnKind": "unicodeCodePoints",
        "results": _results(report.files, root, index),
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def write(out: TextIO, report: Report, lang: str, base: str | None = None, help_base: str | None = None) -> None:
    log = to_sarif(report, lang, base, help_base)
    out.write(json_text(json.dumps(log, ensure_ascii=False, indent=2)) + "\n")
