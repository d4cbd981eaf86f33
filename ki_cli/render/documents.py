"""Which documents ``ki render`` writes, and each of them in each format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ki_cli.render import context, docx, engine, formats
from ki_cli.render.formatting import replace_controls

KINDS = ("proposal", "concept", "agreements", "workplan", "report")
FORMATS = ("md", "html", "pdf", "docx", "oparl")
SUFFIX = {"md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx", "oparl": ".json"}
FORMAT_OF_SUFFIX = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".json": "oparl",
}
BINARY = ("pdf", "docx")

TEMPLATE = {
    "proposal": "proposal.md.j2",
    "concept": "concept.md.j2",
    "agreements": "agreement.md.j2",
    "workplan": "workplan.md.j2",
    "report": "report.md.j2",
}


@dataclass(frozen=True)
class Document:
    """One document: a file name stem, its title and its Markdown."""

    stem: str
    titel: str
    markdown: str
    variables: dict[str, Any]


def _title(kind: str, variables: dict[str, Any], agreement: Any = None) -> str:
    name = variables["kommune"].name
    zeitraum = variables["zeitraum"]
    if kind == "proposal":
        art = variables["vorlageart"]  # "Beschlussvorlage" or "Mitteilungsvorlage"
        return f"{art}: Schwerpunktsetzung des Kommunalen Integrationszentrums {name} ({zeitraum})"
    if kind == "concept":
        return f"Schwerpunktkonzept des Kommunalen Integrationszentrums {name} ({zeitraum})"
    if kind == "workplan":
        return f"Arbeitsplanung des Kommunalen Integrationszentrums {name} ({zeitraum})"
    if kind == "report":
        art = "Mitteilungsvorlage: Sachstandsbericht" if variables["mitteilung"] else "Sachbericht"
        return f"{art} des Kommunalen Integrationszentrums {name} für das Haushaltsjahr {variables['jahr']}"
    return f"Vereinbarung {agreement.vereinbarung.id}: {agreement.vereinbarung.gegenstand}"


def build(
    kind: str,
    konzept: Any,
    *,
    template_dir: Path | None = None,
    entwurf: bool = False,
    aenderungen: Any = None,
    agreement_id: str | None = None,
    jahr: int | None = None,
) -> tuple[Any, list[Document]]:
    """The environment and the documents of ``kind`` (several for ``agreements``); ``jahr``: the budget
    year of a ``report`` (one of the period's)."""
    env = engine.environment(template_dir)
    variables = context.build(konzept, entwurf=entwurf, aenderungen=aenderungen)
    if kind == "report":
        from ki_cli.format import records
        from ki_cli.render import report

        if jahr is None:  # the command requires --jahr; called as a library: the period's first budget year
            jahr = (report.years_of(konzept) or [konzept.periode.beginn.year])[0]
        variables.update(report.build(konzept, variables, jahr))
        if not variables["mitteilung"]:  # the Sachbericht is an annex, not the paper: no Drucksache in its footer
            variables["vorlage"] = records.Vorlage()
    if kind != "agreements":
        titel = _title(kind, variables)
        text = engine.render(env, TEMPLATE[kind], {**variables, "titel": titel})
        return env, [Document(kind_stem(kind, variables), titel, text, variables)]
    documents = []
    for zeile in variables["vereinbarungen_mit_partner"]:
        if agreement_id and zeile.vereinbarung.id != agreement_id:
            continue
        titel = _title(kind, variables, zeile)
        own = {
            **variables,
            "titel": titel,
            "v": zeile.vereinbarung,
            "partnername": zeile.partner,
            "partnerdaten": next((p for p in konzept.partner if p.id == zeile.vereinbarung.partner), None),
            "abgedeckte_massnahmen": zeile.massnahmen,
        }
        text = engine.render(env, TEMPLATE[kind], own)
        documents.append(Document(f"vereinbarung-{zeile.vereinbarung.id}", titel, text, own))
    return env, documents


def kind_stem(kind: str, variables: dict[str, Any]) -> str:
    if kind == "report":
        return f"sachbericht-{variables['jahr']}"
    return {"proposal": "beschlussvorlage", "concept": "schwerpunktkonzept", "workplan": "arbeitsplanung"}[kind]


def _without_controls(value: Any) -> Any:
    """Every text in a JSON tree with its control characters replaced (JSON would only escape them)."""
    if isinstance(value, str):
        return replace_controls(value)
    if isinstance(value, dict):
        return {_without_controls(k): _without_controls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_controls(v) for v in value]
    return value


def output(
    env: Any,
    document: Document,
    fmt: str,
    notes: list[tuple[str, str]] | None = None,
    reference: bytes | None = None,
    *,
    oparl: Any = None,
) -> bytes:
    """``document`` in format ``fmt`` as bytes; resources the PDF did not load are added to ``notes``;
    ``reference``: the municipality's Word file (``--reference-docx``) for the format docx; ``oparl``:
    ki.toml's ``[oparl]`` settings for the format oparl.

    Control characters (``\\x1b``, ``\\x01``, U+FFFF, lone surrogates), which no format can hold
    and a terminal would obey, are replaced by U+FFFD in every format, visibly."""
    markdown, titel = replace_controls(document.markdown), replace_controls(document.titel)
    charts = document.variables.get("diagramme") or []
    if fmt == "md":
        return _without_markers(markdown, charts).encode("utf-8")
    if fmt == "oparl":
        from ki_cli.render.oparl import paper

        tree = _without_controls(paper(document.variables, titel, markdown, oparl))
        text = json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")
    if fmt == "docx":
        variables = document.variables
        drucksache = variables["vorlage"].drucksache
        footer = variables["kommune"].name + (f" · Drucksache {drucksache}" if drucksache else "")
        return docx.to_docx(
            markdown,
            titel,
            footer,
            variables["entwurf"],
            autor=variables["zentrum"].name,
            landscape=document.stem == kind_stem("workplan", variables),
            reference=reference,
            images=_pictures(charts),
        )
    html = replace_controls(formats.to_html(env, markdown, document.variables, titel))
    html = _with_figures(html, charts)
    if fmt == "html":
        return html.encode("utf-8")
    return formats.to_pdf(html, titel, notes)


# --- the report's charts: a marker paragraph in the Markdown where each one goes --------------------


def _without_markers(markdown: str, charts: list[Any]) -> str:
    """Markdown without the charts' marker paragraphs (the table of values beside each says the same)."""
    for chart in charts:
        markdown = markdown.replace(f"{chart.marker}\n\n", "").replace(chart.marker, "")
    return markdown


def _with_figures(html: str, charts: list[Any]) -> str:
    """Each marker paragraph replaced by its chart as inline SVG (text stays text) with its alt text."""
    if not charts:
        return html
    from markupsafe import escape

    from ki_cli.charts import inline_svg

    for chart in charts:
        paragraph = f"<p>{chart.marker}</p>"
        if paragraph not in html:
            continue
        alt = escape(chart.alt)
        drawing = inline_svg(chart.zeichnen(), chart.alt)
        style = "margin: 0.2em 0 0.6em; break-inside: avoid; page-break-inside: avoid"
        figure = f'<figure class="diagramm" role="img" aria-label="{alt}" style="{style}">{drawing}</figure>'
        html = html.replace(paragraph, figure)
    return html


def _pictures(charts: list[Any]) -> dict[str, tuple[bytes, str]]:
    """Each chart's marker → (PNG, alt text), for Word."""
    if not charts:
        return {}
    from ki_cli.charts import png

    return {chart.marker: (png(chart.zeichnen()), chart.alt) for chart in charts}
