"""KI007 – a placeholder of the starting file ``ki init`` writes is still there.

The starting file marks every line to replace with a trailing ``# ERSETZEN`` comment and fills in
sample values that are no one's real data ("Vorname Nachname", "Name einer Migrantenorganisation").
Both are defined once, in ``ki_cli.format.starter`` (``MARKER``, ``SAMPLE_VALUES``,
``PLACEHOLDER_NAME``); this rule reads them from there. ``ki render`` refuses the finding like an
error unless ``--allow-errors`` (``ki_cli.render.command``): a placeholder must not reach a council.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ki_cli.check.rules.base import Context, Hit, Text, hit, rule
from ki_cli.check.rules.example import edit
from ki_cli.check.sourcemap import join
from ki_cli.text import L

_NONE = L(
    "kein Rechtsbezug: Platzhalter der Startdatei von `ki init`", "no legal basis: placeholders of `ki init`'s file"
)


def _scalars(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(YAML path, value) of every scalar below ``value`` (a record, model, list or mapping)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalars(item, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _scalars(item, join(path, str(key)))
    elif hasattr(value, "_fields") or hasattr(type(value), "model_fields"):
        names = value._fields if hasattr(value, "_fields") else type(value).model_fields
        for name in names:
            item = getattr(value, name, None)
            if item is not None:
                yield from _scalars(item, join(path, name))
    else:
        yield path, value


def _marked_lines(text: str, marker: str) -> set[int]:
    """Lines (1-based) with a value and a trailing comment that starts with the marker (``… # ERSETZEN``)."""
    if marker not in text:
        return set()
    comment = re.compile(rf"\s*[^\s#].*?\s#\s*{re.escape(marker)}\b")  # not a line that is all comment
    return {number for number, line in enumerate(text.splitlines(), 1) if marker in line and comment.match(line)}


@rule(
    "KI007",
    "warning",
    title=L("Platzhalter der Startdatei noch vorhanden", "placeholder of the starting file still there"),
    basis=_NONE,
    explanation=L(
        "`ki init` schreibt eine Startdatei mit Beispielwerten: jede Zeile, die Sie ersetzen müssen, ist mit "
        "„# ERSETZEN“ markiert, und Beispieltexte wie „Vorname Nachname“ oder „Name einer "
        "Migrantenorganisation“ sind niemandes echte Angaben. Solange ein Platzhalter da ist, ist das Konzept "
        "nicht fertig: `ki validate --strict` scheitert, und `ki render` schreibt kein Dokument (außer mit "
        "--allow-errors als ENTWURF), damit kein Platzhalter in eine Vorlage für den Rat gelangt.",
        "`ki init` writes a starting file with sample values: every line you must replace is marked "
        "“# ERSETZEN”, and sample texts such as “Vorname Nachname” or “Name einer Migrantenorganisation” are "
        "no one's real data. While a placeholder is there, the concept is not finished: `ki validate --strict` "
        "fails, and `ki render` writes no document (except as a draft marked ENTWURF with --allow-errors), so "
        "that no placeholder reaches a council proposal.",
    ),
    variants={
        "wert": Text(
            message=L(
                "„{value}“ ist ein Beispielwert der Startdatei, keine echte Angabe.",
                "“{value}” is a sample value of the starting file, not real data.",
            ),
            hint=L("Tragen Sie hier die echte Angabe ein.", "Enter the real data here."),
        ),
        "vermerk": Text(
            message=L(
                "Die Zeile ist noch als Platzhalter markiert („{marker}“).",
                "The line is still marked as a placeholder (“{marker}”).",
            ),
            hint=L(
                "Tragen Sie Ihren Wert ein und löschen Sie danach den Vermerk „# {marker}“.",
                "Enter your value, then delete the mark “# {marker}”.",
            ),
        ),
    },
    fail=edit(("besetzt_durch: J. Weber", "besetzt_durch: Vorname Nachname")),
)
def placeholder(ctx: Context) -> Iterator[Hit]:
    from ki_cli.format.starter import MARKER, PLACEHOLDER_NAME, SAMPLE_VALUES

    text = ctx.text
    marked = _marked_lines(text, MARKER)
    if text and not marked and MARKER not in text and not any(sample in text for sample in SAMPLE_VALUES):
        if PLACEHOLDER_NAME.get(ctx.konzept.kommune.typ, MARKER) not in text:
            return  # nothing of the starting file in the source: no need to look at every value
    reported: set[int] = set()
    for path, value in _scalars(ctx.konzept, ""):
        shown = " ".join(value.split()) if isinstance(value, str) else None
        kommune = path == "kommune.name" and shown == PLACEHOLDER_NAME.get(ctx.konzept.kommune.typ)
        if shown is not None and (shown in SAMPLE_VALUES or kommune):
            yield hit(path, variant="wert", value=shown)
            reported.add(ctx.sourcemap.value_span(path)[0])
        elif shown is not None and MARKER in shown:
            yield hit(path, variant="vermerk", marker=MARKER)
            reported.add(ctx.sourcemap.value_span(path)[0])
        elif marked and path in ctx.sourcemap:
            line = ctx.sourcemap.key_span(path)[0]
            if line in marked and line not in reported:
                reported.add(line)
                yield hit(path, variant="vermerk", marker=MARKER)
