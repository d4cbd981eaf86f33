"""``ki calendar PATH… [-o FILE.ics]``: the dates of one or many concepts as one iCalendar file.

PATHs are files or folders, as for ``ki validate`` (``-`` reads standard input). Each file is
checked with the same pipeline: a file with errors (after ``ki.toml``'s severities) gives no dates
– its errors are shown on standard error, the other files' dates are written all the same, and
the exit code is 1. Without ``-o`` the calendar goes to standard output; ``-o`` never overwrites
without ``--force`` and writes atomically. Exit 2: a PATH that cannot be read, an output that must
not be written, ``icalendar`` not installed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ki_cli.check.report import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FileReport, Report, Selection, Stop
from ki_cli.messages import escaped
from ki_cli.text import L, detect_lang, fill

if TYPE_CHECKING:
    from ki_cli.calendar.events import Entry

TEXTS: dict[str, L] = {
    "skipped": L(
        "{path}: übersprungen – die Datei hat Fehler ({codes}); ihre Termine fehlen im Kalender. "
        "Beheben Sie die Fehler (ki validate {path}) und rufen Sie ki calendar erneut auf.",
        "{path}: skipped – the file has errors ({codes}); its dates are not in the calendar. "
        "Fix the errors (ki validate {path}) and run ki calendar again.",
    ),
    "nothing": L(
        "Kein Kalender geschrieben: keine der Dateien ließ sich ohne Fehler lesen.",
        "No calendar written: none of the files could be read without errors.",
    ),
    "clash": L(
        "Hinweis: {dropped} beschreibt dasselbe KI und dieselbe Periode wie {kept}; dessen Termine gelten.",
        "Note: {dropped} describes the same KI and period as {kept}; the dates of the latter are used.",
    ),
    "written": L(
        "geschrieben: {path} ({events} Termine aus {files})",
        "written: {path} ({events} dates from {files})",
    ),
}


def text(key: str, lang: str, **params: object) -> str:
    return fill(TEXTS, key, lang, escaped(params))


def _stamp(path: Path | None) -> dt.datetime:
    """DTSTAMP of a file's events: ``SOURCE_DATE_EPOCH`` when set, else the file's modification time,
    else (standard input) now; UTC, whole seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds: float | None = None
    if epoch.isdigit():
        seconds = float(epoch)
    elif path is not None:
        with contextlib.suppress(OSError):
            seconds = os.stat(path).st_mtime
    if seconds is None:
        seconds = dt.datetime.now(dt.timezone.utc).timestamp()
    try:
        return dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc)
    except (OverflowError, OSError, ValueError):  # a clock far outside the calendar's range
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def run(paths: list[str], out: Path | None, force: bool, lang: str | None) -> int:
    """Carry out ``ki calendar``; the exit code (0 / 1), or ``Stop`` (2)."""
    from ki_cli.atomic import OutputError, check_target, write_atomic
    from ki_cli.check.load import Loaded
    from ki_cli.check.pipeline import check_loaded
    from ki_cli.cli.validate import inputs, load_input
    from ki_cli.config import settings
    from ki_cli.output import text as text_reporter
    from ki_cli.output import wants_colour

    config = settings(lang)
    language = detect_lang(lang, config.lang)
    from ki_cli.calendar import ics  # without icalendar, the guard names the extra to install (ki_cli.extras)
    from ki_cli.calendar.events import events, merge

    selection = Selection(severity=config.severity)
    files = inputs(paths, language)
    sources = [path for _, path, _, _ in files if path is not None]
    if out is not None:
        try:  # before any work: the old file stays as it is
            check_target(out, force, sources)
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(language)) from None

    groups: list[list[Entry]] = []
    kommunen: list[str] = []
    skipped = 0

    def show(report: FileReport) -> None:
        with contextlib.suppress(BrokenPipeError):
            text_reporter.write(sys.stderr, Report([report]), language, wants_colour(sys.stderr), False)

    for name, path, problem, named in files:
        loaded = load_input(path, problem, named, language)
        if not isinstance(loaded, Loaded):  # an entry of a folder that cannot be read (KI004), or a link to a folder
            found = selection.apply([loaded.finding(language)])
            if found:
                show(FileReport(name, found))
            if not any(f.severity == "error" for f in found):
                continue  # a link to a folder is not followed: its files count when it is named
            konzept, shown = None, found
        else:
            konzept, findings = check_loaded(loaded, language)
            findings = selection.apply(findings)
            errors = [f for f in findings if f.severity == "error"]
            shown = errors if errors or konzept is not None else findings
            if shown:
                show(FileReport(name, shown, loaded.text))
        if konzept is None or shown:
            skipped += 1
            codes = ", ".join(dict.fromkeys(f.code for f in shown)) or "KI001"
            with contextlib.suppress(BrokenPipeError):
                print(text("skipped", language, path=name, codes=codes), file=sys.stderr)
            continue
        assert isinstance(loaded, Loaded)  # a concept comes only from a loaded file
        groups.append(events(konzept, loaded.sourcemap, name, _stamp(path)))
        kommunen.append(str(konzept.kommune.name))

    if not groups:
        raise Stop(EXIT_FINDINGS, text("nothing", language))
    entries, clashes = merge(groups)
    for clash in clashes:
        print(text("clash", language, kept=clash.kept, dropped=clash.dropped), file=sys.stderr)
    data = ics.build(entries, ics.calendar_name(kommunen))
    if out is None:
        with contextlib.suppress(BrokenPipeError):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    else:
        try:
            write_atomic(out, data, force, inputs=sources, lang=language)
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(language)) from None
        files_word = (
            L(f"{len(groups)} Datei", "1 file")
            if len(groups) == 1
            else L(f"{len(groups)} Dateien", f"{len(groups)} files")
        )
        print(text("written", language, path=out, events=len(entries), files=files_word), file=sys.stderr)
    return EXIT_FINDINGS if skipped else EXIT_OK
