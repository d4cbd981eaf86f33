"""``ki diff OLD NEW``: load both concepts, compare them, report; the exit code is decided here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from ki_cli.check.report import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FileReport, Report, Stop
from ki_cli.diff.texts import t
from ki_cli.messages import ui

FORMATS = ("text", "md", "json")


def structure(loaded: Any, lang: str) -> tuple[Any, list[Any]]:
    """The concept (or None) and the loader's and structural findings – no domain rules.

    Domain findings never stop a comparison, so they are not even computed (this keeps a diff
    of two large files fast).
    """
    from ki_cli.check.pipeline import check_loaded

    return check_loaded(loaded, lang, domain=False)


def load_concept(path: str | Path, lang: str, stderr: TextIO | None = None) -> Any:
    """The concept of ``path`` ("-": standard input); see ``load_concept_and_text``."""
    return load_concept_and_text(path, lang, stderr)[0]


def load_concept_and_text(path: str | Path, lang: str, stderr: TextIO | None = None) -> tuple[Any, str]:
    """The concept and the decoded text of ``path`` ("-": standard input) if it has no structural error (KI0xx/KI1xx).

    Otherwise its errors are shown on standard error and ``Stop`` ends the command with 1;
    a missing or unreadable file ends it with 2.
    """
    from ki_cli.check.load import load_path, load_stream
    from ki_cli.files import InputError
    from ki_cli.output import text

    name = str(path)
    try:
        if name == "-":
            loaded = load_stream(sys.stdin.buffer, lang)
        else:
            loaded = load_path(Path(path), lang)
    except InputError as err:  # a FIFO, a device, a link to nowhere, a path too long …: never read
        raise Stop(EXIT_USAGE, err.message(lang)) from None
    except FileNotFoundError:
        raise Stop(EXIT_USAGE, ui("not_found", lang, path=name)) from None
    except OSError as err:
        raise Stop(EXIT_USAGE, ui("unreadable", lang, path=name, reason=err.strerror or err)) from None
    konzept, findings = structure(loaded, lang)
    errors = [f for f in findings if f.severity == "error"]
    if konzept is None or errors:
        report = Report([FileReport(name, errors, loaded.text)])
        text.write(stderr or sys.stderr, report, lang, colour=False, quiet=False)
        raise Stop(EXIT_FINDINGS, t("unloadable", lang, path=name))
    return konzept, loaded.text


def _municipality(k: Any) -> tuple[str, str | None]:
    return (" ".join(k.kommune.name.split()).casefold(), k.kommune.ags)


def warn_if_unrelated(old: Any, new: Any, old_path: object, new_path: object, lang: str) -> None:
    """One warning line each when the files are of different municipalities, or OLD starts later than NEW."""
    a, b = _municipality(old), _municipality(new)
    if a[0] != b[0] or (a[1] and b[1] and a[1] != b[1]):
        sys.stderr.write(
            t(
                "other_municipality",
                lang,
                old=old_path,
                new=new_path,
                old_name=old.kommune.name,
                new_name=new.kommune.name,
            )
            + "\n"
        )
    if old.periode.beginn > new.periode.beginn:  # the same period twice (draft and final) is fine
        from ki_cli.render.formatting import datum

        sys.stderr.write(
            t(
                "later_than_new",
                lang,
                old=old_path,
                new=new_path,
                old_start=datum(old.periode.beginn),
                new_start=datum(new.periode.beginn),
            )
            + "\n"
        )


def run(old_path: str, new_path: str, fmt: str, exit_code: bool, lang: str, colour: bool) -> int:
    """Carry out ``ki diff``; returns the exit code (raises ``Stop`` when it cannot compare)."""
    from ki_cli.diff import changes as diffing
    from ki_cli.diff import views

    if old_path == "-" and new_path == "-":
        raise Stop(EXIT_USAGE, ui("unreadable", lang, path="-", reason="-"))
    old = load_concept(old_path, lang)
    new = load_concept(new_path, lang)
    warn_if_unrelated(old, new, old_path, new_path, lang)
    from ki_cli.check.gcpause import paused_gc

    with paused_gc():
        changes = diffing.compare(old, new)
    if fmt == "json":
        views.write_json(sys.stdout, changes, old_path, new_path, lang)
    elif fmt == "md":
        views.write_markdown(sys.stdout, changes)
    else:
        views.write_text(sys.stdout, changes, old_path, new_path, lang, colour)
    return EXIT_FINDINGS if exit_code and changes else EXIT_OK
