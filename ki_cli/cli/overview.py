"""``ki overview DIR [-o FILE]``: the statewide view over many concept files.

The format comes from the suffix of ``-o`` (``.html``, ``.xlsx``, ``.csv``, ``.json``) or from
``--format``; without ``-o`` a table goes to standard output (``--format csv|json|html`` writes
that format there instead). An existing file is replaced only with ``--force``; files are written
atomically. Exit code 0 when every file passes the check, 1 when some file has errors (the
overview is written all the same and lists them), 2 when the command could not run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ki_cli.check.report import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Selection, Stop
from ki_cli.overview.texts import t

SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".txt": "text"}
NEEDS = {"xlsx": ("openpyxl", "XLSX"), "html": ("matplotlib", "die Diagramme der HTML-Seite")}
NEEDS_EN = {"xlsx": "XLSX", "html": "the HTML page's charts"}


def choose_format(out: str | None, fmt: str | None, lang: str) -> str:
    """The output format: ``--format``, else the suffix of ``out``, else the terminal table."""
    if out is None or out == "-":
        if fmt == "xlsx" and sys.stdout.isatty():
            raise Stop(EXIT_USAGE, t("xlsx_terminal", lang))
        return fmt or "text"
    suffix = SUFFIXES.get(Path(out).suffix.lower())
    if fmt is None:
        if suffix is None:
            raise Stop(EXIT_USAGE, t("bad_suffix", lang, path=out))
        return suffix
    if suffix is not None and suffix != fmt:
        raise Stop(EXIT_USAGE, t("suffix_mismatch", lang, fmt=fmt, path=out))
    return fmt


def _require(fmt: str, lang: str) -> None:
    """Stop (exit 2) with what to install when the library of ``fmt`` is missing."""
    if fmt not in NEEDS:
        return
    import importlib.util

    module, what = NEEDS[fmt]
    if importlib.util.find_spec(module) is None:
        raise Stop(EXIT_USAGE, t("missing_extra", lang, what=what if lang == "de" else NEEDS_EN[fmt], module=module))


def run(
    paths: list[str],
    out: str | None,
    fmt: str | None,
    all_periods: bool,
    force: bool,
    lang: str,
    selection: Selection = Selection(),
) -> int:
    """Carry out ``ki overview``; the exit code (``Stop`` for 2)."""
    from ki_cli.atomic import OutputError, check_target, write_atomic
    from ki_cli.overview.collect import collect
    from ki_cli.overview.write import render

    chosen = choose_format(out, fmt, lang)
    _require(chosen, lang)
    target = None if out is None or out == "-" else Path(out)
    if target is not None:
        try:
            check_target(target, force)  # before any work: never read 540 files and refuse afterwards
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(lang)) from None
    overview = collect(paths, lang, selection, all_periods)
    data = render(overview, chosen, lang)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        inputs = [Path(r.datei) for r in overview.rows]
        try:
            write_atomic(target, data, force=force, inputs=inputs, lang=lang)
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(lang)) from None
        from ki_cli.messages import ui

        counts = {"rows": len(overview.rows), "failed": len(overview.failed), "skipped": len(overview.skipped)}
        sys.stderr.write(t("summary", lang, files=overview.files, **counts) + "\n")
        sys.stderr.write(ui("render.written", lang, path=target) + "\n")
    return EXIT_FINDINGS if overview.errors else EXIT_OK
