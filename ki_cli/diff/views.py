"""Three views of one ``ChangeSet``: text (terminal), Markdown (council document), JSON.

No template engine here: ``ki diff`` stays light, and the proposal's changes section is this
same Markdown, so text, Markdown and documents come from one code path.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from ki_cli.diff.changes import ADDED, REMOVED, SECTIONS, Change, ChangeSet, jsonable
from ki_cli.diff.summary import Amount, Money, Step, Summary, Total, summarize
from ki_cli.diff.texts import count, t
from ki_cli.output import printable
from ki_cli.render.formatting import datum, euro, md, vze, zahl
from ki_cli.render.labels import label

_EURO_FIELDS = {"betrag", "sachkosten", "kosten", "beantragt", "bewilligt"}
_VZE_FIELDS = {"vze", "einsatz"}
_YEAR_FIELDS = {"jahr"}  # a year is written without a thousands separator
_WORD = re.compile(r"[a-z0-9][a-z0-9_-]*")
_MAX_TEXT = 80

_GREEN, _RED, _YELLOW, _BOLD, _DIM, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


# --- values ---------------------------------------------------------------------------------------


def _number(value: float, field: str | None, lang: str) -> str:
    if field in _YEAR_FIELDS:
        return str(int(value))
    if field in _EURO_FIELDS:
        return euro(value) if lang == "de" else f"{value:,.2f}".removesuffix(".00") + " €"
    if field in _VZE_FIELDS:
        return vze(value) if lang == "de" else vze(value).replace(",", ".")
    return zahl(value) if lang == "de" else f"{value:,.3f}".rstrip("0").rstrip(".")


def _text(value: str, limit: int = _MAX_TEXT) -> str:
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(value: Any, field: str | None, lang: str) -> str:
    """A value on one line of the terminal report."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("d.yes" if value else "d.no", lang)
    if isinstance(value, dt.date):
        return datum(value) if lang == "de" else value.isoformat()
    if isinstance(value, (int, float)):
        return _number(float(value), field, lang)
    if isinstance(value, list):
        return "[" + ", ".join(show(v, field, lang) for v in value) + "]"
    if isinstance(value, dict):
        if "datum" in value and "gremium" in value:  # an entry of beratungsfolge or beschluesse
            return _resolution(value, lambda v, f: show(v, f, lang), str)
        inner = (lambda k: field) if field == "einsatz" else (lambda k: k)  # einsatz: shares, keyed by id
        return "{" + "; ".join(f"{k}: {show(v, inner(k), lang)}" for k, v in value.items()) + "}"
    text = str(value)
    if _WORD.fullmatch(text):
        return text
    return f"„{_text(text)}“" if lang == "de" else f"“{_text(text)}”"


def _resolution(entry: dict[str, Any], value: Any, word: Any, named: bool = False) -> str:
    """``03.09.2024 rat (entscheidung)`` / ``08.11.2012 rat „Einrichtung …“``: a council step, short;
    ``named``: the committee by its ``bezeichnung`` where it has one (documents)."""
    body = md(" ".join(entry["bezeichnung"].split())) if named and entry.get("bezeichnung") else word(entry["gremium"])
    text = f"{value(entry['datum'], 'datum')} {body}"
    if entry.get("zustaendigkeit"):
        return f"{text} ({word(entry['zustaendigkeit'])})"
    return f"{text} {value(entry.get('gegenstand'), 'gegenstand')}" if entry.get("gegenstand") else text


def _period(span: tuple[dt.date, dt.date], lang: str) -> str:
    return f"{show(span[0], None, lang)} – {show(span[1], None, lang)}"


# --- describing whole entries --------------------------------------------------------------------


def describe(section: str, entry: dict[str, Any], lang: str) -> str:
    """A short description of an added or removed entry."""

    def s(key: str) -> str:
        return show(entry.get(key), key, lang)

    if section == "schwerpunkte":
        return f"{s('titel')} ({entry.get('bereich')}/{entry.get('handlungsfeld')})"
    if section == "ziele":
        return f"{s('beschreibung')} ({t('d.schwerpunkt', lang)} {entry.get('schwerpunkt')})"
    if section == "massnahmen":
        return (
            f"{s('titel')} ({t('d.schwerpunkt', lang)} {entry.get('schwerpunkt')}, {t('d.stufe', lang)} "
            f"{entry.get('stufe')}, {t('d.federfuehrung', lang)} {entry.get('federfuehrung')})"
        )
    if section == "personal":
        holder = s("besetzt_durch") if entry.get("besetzt_durch") else t("d.vakant", lang)
        return f"{entry.get('funktion')} {s('vze')} VZE, {entry.get('finanzierung')}, {holder}"
    if section == "sachkosten":
        return f"{s('betrag')}, {entry.get('traeger')}"
    if section == "partner":
        return f"{s('name')} ({entry.get('art')})"
    if section == "vereinbarungen":
        return f"{s('gegenstand')} ({entry.get('partner')}, {entry.get('status')})"
    if section == "foerderung":
        given = [key for key in ("beantragt", "bewilligt") if entry.get(key) is not None]
        return ", ".join(f"{t(f'd.{key}', lang)} {s(key)}" for key in given)
    if section == "vorlage":
        return s("drucksache") if entry.get("drucksache") else ""
    return ""


# --- summary sentence and overview ---------------------------------------------------------------


def sentence(summary: Summary, lang: str) -> str:
    """``3 neue Maßnahmen, 2 beendet, 3 Stufenwechsel – 12 Änderungen``."""
    if not summary.total:
        return t("none", lang)
    parts = []
    for key, ids in (
        ("n.schwerpunkte_neu", summary.schwerpunkte_neu),
        ("n.schwerpunkte_entfallen", summary.schwerpunkte_entfallen),
    ):
        if ids:
            titles = ", ".join(_quoted(summary.schwerpunkt_titel.get(i, i), lang) for i in ids)
            parts.append(f"{count(key, len(ids), lang)} ({titles})")
    for key, items in (
        ("n.massnahmen_neu", summary.massnahmen_neu),
        ("n.massnahmen_entfallen", [m for m in summary.massnahmen_entfallen if m not in summary.massnahmen_uebergeben]),
        ("n.massnahmen_uebergeben", summary.massnahmen_uebergeben),
        ("n.fortschritt", summary.fortschritt),
        ("n.rueckschritt", summary.rueckschritt),
        ("n.federfuehrung", summary.federfuehrung),
        ("n.vereinbarungen_neu", summary.vereinbarungen_neu),
        ("n.vereinbarungen_entfallen", summary.vereinbarungen_entfallen),
        ("n.vereinbarungen_status", summary.vereinbarungen_status),
    ):
        if items:
            parts.append(count(key, len(items), lang))
    total = t("total.one", lang) if summary.total == 1 else t("total.many", lang, n=summary.total)
    return (", ".join(parts) + " – " + total) if parts else total


def _quoted(text: str, lang: str) -> str:
    return f"„{_text(text)}“" if lang == "de" else f"“{_text(text)}”"


def _steps(steps: Iterable[Step], lang: str, field: str | None = None) -> str:
    return ", ".join(f"{s.id} ({show(s.old, field, lang)} → {show(s.new, field, lang)})" for s in steps)


def _changed_totals(totals: dict[str, Total], field: str, lang: str) -> str:
    return "; ".join(
        f"{k} {show(v.old, field, lang)} → {show(v.new, field, lang)}" for k, v in totals.items() if v.changed
    )


def overview(summary: Summary, lang: str) -> list[str]:
    """The named changes, one line each (only what changed)."""
    lines: list[str] = []
    if summary.periode:
        lines.append(t("o.periode", lang, old=_period(summary.periode[0], lang), new=_period(summary.periode[1], lang)))
    if summary.foerderrichtlinie:
        step = summary.foerderrichtlinie
        lines.append(t("o.foerderrichtlinie", lang, old=step.old, new=step.new))
    for key, steps in (
        ("o.fortschritt", summary.fortschritt),
        ("o.rueckschritt", summary.rueckschritt),
        ("o.federfuehrung", summary.federfuehrung),
        ("o.vereinbarungen_status", summary.vereinbarungen_status),
    ):
        if steps:
            lines.append(t(key, lang, items=_steps(steps, lang)))
    for key, ids in (
        ("o.vereinbarungen_neu", summary.vereinbarungen_neu),
        ("o.vereinbarungen_entfallen", summary.vereinbarungen_entfallen),
    ):
        if ids:
            lines.append(t(key, lang, items=", ".join(ids)))
    for key, totals in (
        ("o.vze_funktion", summary.vze_nach_funktion),
        ("o.vze_finanzierung", summary.vze_nach_finanzierung),
        ("o.vze_schwerpunkt", summary.vze_nach_schwerpunkt),
    ):
        items = _changed_totals(totals, "vze", lang)
        if items:
            lines.append(t(key, lang, items=items))
    if summary.vze_gesamt.changed:
        lines.append(
            t(
                "o.vze_gesamt",
                lang,
                old=show(summary.vze_gesamt.old, "vze", lang),
                new=show(summary.vze_gesamt.new, "vze", lang),
            )
        )
    if summary.vakant.changed or summary.neu_vakant or summary.neu_besetzt:
        detail = [t("o.neu_vakant", lang, items=", ".join(summary.neu_vakant))] if summary.neu_vakant else []
        if summary.neu_besetzt:
            detail.append(t("o.neu_besetzt", lang, items=", ".join(summary.neu_besetzt)))
        lines.append(
            t(
                "o.vakant",
                lang,
                old=int(summary.vakant.old),
                new=int(summary.vakant.new),
                detail=f" ({'; '.join(detail)})" if detail else "",
            )
        )
    costs = []
    if summary.sachkosten_gesamt.changed:
        g = summary.sachkosten_gesamt
        costs.append(f"{t('o.sachkosten_gesamt', lang)} {show(g.old, 'betrag', lang)} → {show(g.new, 'betrag', lang)}")
        costs.append(_changed_totals(summary.sachkosten_nach_traeger, "betrag", lang))
    if summary.sachkosten_massnahmen.changed:
        m = summary.sachkosten_massnahmen
        costs.append(
            f"{t('o.sachkosten_massnahmen', lang)} {show(m.old, 'betrag', lang)} → {show(m.new, 'betrag', lang)}"
        )
    costs = [c for c in costs if c]
    if costs:
        lines.append(t("o.sachkosten", lang, items="; ".join(costs)))
    return lines


# --- text ------------------------------------------------------------------------------------------


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour else text


def change_line(c: Change, lang: str) -> tuple[str, str]:
    """(sign, text) of one change: ``+ id description``, ``- id …``, ``~ id field: old → new``."""
    where = c.id if c.id is not None else ""
    if c.kind == ADDED:
        return "+", " ".join(p for p in (where, describe(c.section, c.new, lang)) if p)
    if c.kind == REMOVED:
        return "-", " ".join(p for p in (where, describe(c.section, c.old, lang)) if p)
    name = c.field or ""
    last = name.rsplit(".", 1)[-1]
    body = f"{name}: {show(c.old, last, lang)} → {show(c.new, last, lang)}"
    return "~", f"{where} {body}" if where else body


def write_text(out: TextIO, changes: ChangeSet, old_name: str, new_name: str, lang: str, colour: bool) -> None:
    """The terminal report: changes grouped by section, one line each, then the overview."""
    style = _Style(colour)
    summary = summarize(changes)
    lines = [style(t("head", lang, old=old_name, new=new_name), _BOLD)]
    if not changes:
        lines.append(t("none", lang))
        out.write("\n".join(lines) + "\n")
        return
    colours = {"+": _GREEN, "-": _RED, "~": _YELLOW}
    for section in SECTIONS:
        of_section = [c for c in changes.changes if c.section == section]
        if not of_section:
            continue
        lines.append("")
        lines.append(style(t(f"section.{section}", lang), _BOLD))
        for c in of_section:
            sign, text = change_line(c, lang)
            lines.append(f"  {style(sign, colours[sign])} {printable(text)}")
    extra = overview(summary, lang)
    if extra:
        lines.append("")
        lines.append(style(t("section.summary", lang), _BOLD))
        lines.extend(f"  {printable(line)}" for line in extra)
    lines.append("")
    lines.append(style(sentence(summary, lang), _BOLD))
    out.write("\n".join(lines) + "\n")


# --- JSON -------------------------------------------------------------------------------------------


def _total(total: Total) -> dict[str, Any]:
    return {"old": jsonable(total.old), "new": jsonable(total.new)}


def _steps_json(steps: Iterable[Step]) -> list[dict[str, Any]]:
    return [{"id": s.id, "old": jsonable(s.old), "new": jsonable(s.new)} for s in steps]


def summary_json(summary: Summary, lang: str) -> dict[str, Any]:
    """The summary as plain data (figures before and after, ids of what moved)."""

    def period(span: tuple[dt.date, dt.date]) -> dict[str, str]:
        return {"beginn": span[0].isoformat(), "ende": span[1].isoformat()}

    return {
        "text": sentence(summary, lang),
        "total": summary.total,
        "added": summary.added,
        "removed": summary.removed,
        "changed": summary.changed,
        "measures": {
            "added": summary.massnahmen_neu,
            "removed": summary.massnahmen_entfallen,
            "handed_over": summary.massnahmen_uebergeben,
            "changed": summary.massnahmen_geaendert,
        },
        "stages": {"forward": _steps_json(summary.fortschritt), "back": _steps_json(summary.rueckschritt)},
        "leads": _steps_json(summary.federfuehrung),
        "agreements": {
            "added": summary.vereinbarungen_neu,
            "removed": summary.vereinbarungen_entfallen,
            "status": _steps_json(summary.vereinbarungen_status),
        },
        "staffing": {
            "by_funktion": {k: _total(v) for k, v in summary.vze_nach_funktion.items()},
            "by_finanzierung": {k: _total(v) for k, v in summary.vze_nach_finanzierung.items()},
            "by_schwerpunkt": {k: _total(v) for k, v in summary.vze_nach_schwerpunkt.items()},
            "total": _total(summary.vze_gesamt),
            "vacant": {
                **_total(summary.vakant),
                "newly_vacant": summary.neu_vakant,
                "newly_filled": summary.neu_besetzt,
            },
        },
        "sachkosten": {
            "total": _total(summary.sachkosten_gesamt),
            "by_traeger": {k: _total(v) for k, v in summary.sachkosten_nach_traeger.items()},
            "measures": _total(summary.sachkosten_massnahmen),
        },
        "period": {"old": period(summary.periode[0]), "new": period(summary.periode[1])} if summary.periode else None,
        "rule_pack": {"old": summary.foerderrichtlinie.old, "new": summary.foerderrichtlinie.new}
        if summary.foerderrichtlinie
        else None,
        "priorities": {"added": summary.schwerpunkte_neu, "removed": summary.schwerpunkte_entfallen},
        "funding": _money_json(summary.geld),
    }


def _money_json(geld: Money | None) -> dict[str, Any] | None:
    """Grant and own share of both periods (euro figures; null where the rule pack records none)."""
    if geld is None:
        return None

    def amount(a: Amount) -> dict[str, Any]:
        return {"old": jsonable(a.old), "new": jsonable(a.new)}

    def years(rows: list[tuple[int, float | None, float]]) -> list[dict[str, Any]]:
        return [{"jahr": j, "maximum": jsonable(most), "eigenanteil": jsonable(own)} for j, most, own in rows]

    return {
        "maximum_per_full_year": amount(geld.hoechstbetrag_pro_jahr),
        "maximum_period": amount(geld.hoechstbetrag_zeitraum),
        "applied": amount(geld.beantragt),
        "granted": amount(geld.bewilligt),
        "own_share_period": amount(geld.eigenanteil_zeitraum),
        "years": {"old": years(geld.jahre[0]), "new": years(geld.jahre[1])},
    }


def change_json(c: Change) -> dict[str, Any]:
    """One change as JSON; ``field`` is null for an added or removed entry."""
    return {
        "section": c.section,
        "id": c.id,
        "kind": c.kind,
        "field": c.field,
        "old": jsonable(c.old),
        "new": jsonable(c.new),
    }


def to_json(changes: ChangeSet, old_name: str, new_name: str, lang: str) -> dict[str, Any]:
    return {
        "old": old_name,
        "new": new_name,
        "changes": [change_json(c) for c in changes.changes],
        "summary": summary_json(summarize(changes), lang),
    }


def write_json(out: TextIO, changes: ChangeSet, old_name: str, new_name: str, lang: str) -> None:
    out.write(json.dumps(to_json(changes, old_name, new_name, lang), ensure_ascii=False, indent=2) + "\n")


# --- Markdown (German, for the council) ----------------------------------------------------------------


@dataclass(frozen=True)
class Abschnitt:
    """The changes section of a document: its heading and its Markdown body."""

    titel: str
    markdown: str


class _Names:
    """Readable names for ids, from both concepts (the new one wins)."""

    def __init__(self, changes: ChangeSet) -> None:
        self.partner: dict[str, str] = {"ki": "Kommunales Integrationszentrum"}
        self.schwerpunkt: dict[str, str] = {}
        self.massnahme: dict[str, str] = {}
        self.ziel: dict[str, str] = {}
        self.vereinbarung: dict[str, str] = {}
        self.stelle: dict[str, str] = {}
        self.inhaber: dict[str, str] = {}  # post id → its holder in either concept (the new one wins)
        for k in (changes.old, changes.new):
            for st in k.personal:
                self.stelle[st.id] = f"{label(st.funktion)} ({vze(st.vze)} VZE)"
                if (st.besetzt_durch or "").strip():
                    self.inhaber[st.id] = " ".join(st.besetzt_durch.split())
            self.partner.update((p.id, p.name) for p in k.partner)
            self.vereinbarung.update((v.id, v.gegenstand) for v in k.vereinbarungen)
            for sp in k.schwerpunkte:
                self.schwerpunkt[sp.id] = sp.titel
                self.ziel.update((z.id, z.beschreibung) for z in sp.ziele)
                self.massnahme.update((m.id, m.titel) for m in sp.massnahmen)

    def of(self, field: str, value: str) -> str:
        table = {
            "federfuehrung": self.partner,
            "partner": self.partner,
            "beteiligt": self.partner,
            "schwerpunkt": self.schwerpunkt,
            "einsatz": self.schwerpunkt,
            "vereinbarung": self.vereinbarung,
            "ziele": self.ziel,
        }.get(field)
        return table.get(value, value) if table else value

    def entry(self, section: str, ident: str | None) -> str:
        if ident is None:
            return ""
        table = {
            "massnahmen": self.massnahme,
            "schwerpunkte": self.schwerpunkt,
            "ziele": self.ziel,
            "partner": self.partner,
            "vereinbarungen": self.vereinbarung,
            "personal": self.stelle,
        }.get(section, {})
        if section == "foerderung" and ident not in table:  # keyed "2027/ki" (``changes.KEY_FIELDS``)
            jahr, _, rest = ident.partition("/")
            programm, _, place = rest.partition(" #")
            return f"{jahr}, {label(programm)}" + (f" #{place}" if place else "")
        return table.get(ident, ident)


_DOC_SECTION = {
    "kommune": "Kommune",
    "zentrum": "Zentrum",
    "periode": "Zeitraum",
    "grundlagen": "Grundlagen",
    "schwerpunkte": "Schwerpunkte",
    "ziele": "Ziele",
    "massnahmen": "Maßnahmen",
    "personal": "Personal",
    "sachkosten": "Sachkosten",
    "foerderung": "Förderung",
    "partner": "Partner",
    "vereinbarungen": "Vereinbarungen",
    "vorlage": "Vorlage",
}

_DOC_FIELD = {
    "titel": "Titel",
    "stufe": "Stufe",
    "federfuehrung": "Federführung",
    "beteiligt": "Beteiligt",
    "vereinbarung": "Vereinbarung",
    "aspekte": "Aspekte",
    "ziele": "Ziele",
    "beginn": "Beginn",
    "ende": "Ende",
    "sachkosten": "Sachkosten",
    "beschreibung": "Beschreibung",
    "schwerpunkt": "Schwerpunkt",
    "bereich": "Bereich",
    "handlungsfeld": "Handlungsfeld",
    "begruendung": "Begründung",
    "indikator": "Indikator",
    "ausgangswert": "Ausgangswert",
    "zielwert": "Zielwert",
    "einheit": "Einheit",
    "funktion": "Funktion",
    "vze": "VZE",
    "finanzierung": "Finanzierung",
    "rolle": "Rolle",
    "besetzt_durch": "besetzt durch",
    "einsatz": "Einsatz",
    "betrag": "Betrag",
    "traeger": "Träger",
    "name": "Name",
    "art": "Art",
    "ansprechperson": "Ansprechperson",
    "email": "E-Mail",
    "partner": "Partner",
    "form": "Form",
    "gegenstand": "Gegenstand",
    "zustaendigkeit_partner": "Zuständigkeit des Partners",
    "beitrag_ki": "Beitrag des KI",
    "status": "Status",
    "unterzeichnet_am": "unterzeichnet am",
    "ueberpruefung": "Überprüfung",
    "foerderrichtlinie": "Förderrichtlinie",
    "integrationskonzept.titel": "Integrationskonzept (Titel)",
    "integrationskonzept.beschlossen_am": "Integrationskonzept beschlossen am",
    "integrationskonzept.drucksache": "Integrationskonzept (Drucksache)",
    "beschluesse": "Beschlüsse",
    "drucksache": "Drucksache",
    "federfuehrend": "federführend",
    "verfasser": "Verfasser/in",
    "datum": "Datum",
    "oeffentlich": "öffentlich",
    "beratungsfolge": "Beratungsfolge",
    "typ": "Typ",
    "regierungsbezirk": "Regierungsbezirk",
    "ags": "Gemeindeschlüssel",
    "anbindung": "Anbindung",
    "leitung": "Leitung",
    "telefon": "Telefon",
    "anschrift": "Anschrift",
    # the additions of December 2026
    "programm": "Programm",
    "kosten": "Personalkosten",
    "tis2030": "Zieldimension der TIS 2030",
    "ist": "Ist-Werte",
    "jahr": "Haushaltsjahr",
    "beantragt": "beantragt",
    "bewilligt": "bewilligt",
    "antrag_am": "Antrag am",
    "bescheid_am": "Bescheid am",
    "aktenzeichen": "Aktenzeichen",
    "herausgeber": "Herausgeber",
    "unterzeichnung": "Unterzeichnung",
    "in_vertretung": "in Vertretung",
    "haushalt": "Haushalt",
    "produkt": "Produkt",
    "sachkonto": "Sachkonto",
    "kostenstelle": "Kostenstelle",
    "psp_element": "PSP-Element",
    "vorbehalt": "Vorbehalt der Förderung",
    "berichterstattung": "Berichterstattung",
    "gremium": "Gremium",
    "turnus": "Turnus",
    "anlagen": "Anlagen",
}


def _doc_field(name: str) -> str:
    """A field's German name; a nested one (``unterzeichnung.name``) by its parts."""
    if name in _DOC_FIELD:
        return _DOC_FIELD[name]
    return " – ".join(_DOC_FIELD.get(part, part) for part in name.split("."))


def _doc_value(value: Any, field: str, names: _Names, limit: int = 150) -> str:
    """A value in a council document: German formats, labels and names instead of ids."""
    if value is None or value == [] or value == {} or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return datum(value)
    if isinstance(value, (int, float)):
        return _number(float(value), field, "de")
    if isinstance(value, list):
        return ", ".join(_doc_value(v, field, names) for v in value)
    if isinstance(value, dict):
        if field == "einsatz":
            return "; ".join(f"{md(names.of('einsatz', k))}: {vze(v)} VZE" for k, v in value.items())
        if "datum" in value and "gremium" in value:
            return _resolution(value, lambda v, f: _doc_value(v, f, names), label, named=True)
        return " ".join(_doc_value(v, k, names) for k, v in value.items())
    text = names.of(field, str(value))
    if text == str(value):
        text = label(text)
    return md(_text(text, limit))


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {item}" for item in items]


def _block(title: str, items: list[str]) -> list[str]:
    return [f"**{title}**", "", *_bullets(items), ""] if items else []


def markdown(changes: ChangeSet) -> str:
    """The changes as a German section body (no heading) for a council document."""
    summary = summarize(changes)
    names = _Names(changes)
    old, new = changes.old, changes.new
    if not changes:
        return "Gegenüber dem vorigen Zeitraum gibt es keine inhaltlichen Änderungen.\n"
    lines = [f"Gegenüber dem Zeitraum {_zeitraum(old)}: {md(sentence(summary, 'de'))}.", ""]
    if summary.periode:
        lines += [f"**Zeitraum:** {_zeitraum(old)} → {_zeitraum(new)}", ""]
    if summary.foerderrichtlinie:
        lines += [f"**Förderrichtlinie:** {summary.foerderrichtlinie.old} → {summary.foerderrichtlinie.new}", ""]

    covered: set[tuple[str, str | None, str | None]] = {
        ("periode", None, "beginn"),
        ("periode", None, "ende"),
        ("grundlagen", None, "foerderrichtlinie"),
    }

    handed = set(summary.massnahmen_uebergeben)

    def entries(section: str, neu: str, weg: str, apart: Iterable[str] = ()) -> list[str]:
        """Added and removed entries; ``apart``: removed ones listed under a heading of their own."""
        added, removed = changes.of(section, ADDED), changes.of(section, REMOVED)
        covered.update((c.section, c.id, c.field) for c in added + removed)
        skip = set(apart)
        return _block(neu, [_doc_entry(section, c.new, names) for c in added]) + _block(
            weg, [_doc_entry(section, c.old, names) for c in removed if c.id not in skip]
        )

    def steps(title: str, items: list[Step], section: str, field: str) -> list[str]:
        covered.update((section, s.id, field) for s in items)
        return _block(
            title,
            [
                f"{md(names.entry(section, s.id))}: {_doc_value(s.old, field, names)} → "
                f"{_doc_value(s.new, field, names)}"
                for s in items
            ],
        )

    lines += entries("schwerpunkte", "Neue Schwerpunkte", "Entfallene Schwerpunkte")
    lines += entries("ziele", "Neue Ziele", "Entfallene Ziele")
    lines += entries("massnahmen", "Neue Maßnahmen", "Beendete Maßnahmen", apart=summary.massnahmen_uebergeben)
    lines += _block(
        "In die Regelpraxis übergebene Maßnahmen (vom Partner weitergeführt)",
        [_doc_entry("massnahmen", c.old, names) for c in changes.of("massnahmen", REMOVED) if c.id in handed],
    )
    lines += steps(
        "Weiterentwicklung zur Regelpraxis (Stufe vorangekommen)", summary.fortschritt, "massnahmen", "stufe"
    )
    lines += steps("Stufe zurückgenommen", summary.rueckschritt, "massnahmen", "stufe")
    lines += steps("Wechsel der Federführung", summary.federfuehrung, "massnahmen", "federfuehrung")
    lines += entries("vereinbarungen", "Neue Vereinbarungen", "Entfallene Vereinbarungen")
    lines += steps("Status der Vereinbarungen", summary.vereinbarungen_status, "vereinbarungen", "status")
    lines += entries("partner", "Neue Partner", "Entfallene Partner")
    lines += entries("personal", "Neue Stellen", "Entfallene Stellen")
    lines += _staffing_table(summary, names)
    lines += entries("sachkosten", "Neue Sachkostenposten", "Entfallene Sachkostenposten")
    costs = []
    if summary.sachkosten_gesamt.changed:
        costs.append(
            f"Sachkosten je Jahr: {euro(summary.sachkosten_gesamt.old)} → {euro(summary.sachkosten_gesamt.new)}"
        )
    if summary.sachkosten_massnahmen.changed:
        costs.append(
            f"Sachkosten der Maßnahmen je Jahr: {euro(summary.sachkosten_massnahmen.old)} → "
            f"{euro(summary.sachkosten_massnahmen.new)}"
        )
    lines += _block("Sachkosten", costs)
    lines += _money_block(summary)
    lines += entries("foerderung", "Neue Förderungen", "Entfallene Förderungen")
    for c in changes.of("vorlage", ADDED) + changes.of("vorlage", REMOVED):
        covered.add((c.section, c.id, c.field))
        lines += [
            f"**Vorlage:** {'neu angelegt' if c.kind == ADDED else 'für den neuen Zeitraum noch nicht angelegt'}",
            "",
        ]

    rest = []
    for c in changes.changes:
        if (c.section, c.id, c.field) in covered:
            continue
        last = (c.field or "").rsplit(".", 1)[-1]
        old_value, new_value = _only_changed(c.old, c.new)
        before, after = _doc_value(old_value, last, names), _doc_value(new_value, last, names)
        if before == after:  # long texts that differ after the cut: shown whole
            before, after = _doc_value(c.old, last, names, 10**6), _doc_value(c.new, last, names, 10**6)
        if before != after:  # a change the document cannot show (rounding, spacing) is not listed
            rest.append((c, last, before, after))
    if rest:
        lines += [
            "**Weitere Änderungen im Einzelnen**",
            "",
            "| Bereich | Eintrag | Angabe | bisher | neu |",
            "|---|---|---|---|---|",
        ]
        for c, last, before, after in rest:
            partly = (
                isinstance(c.old, list) and isinstance(c.new, list) and _only_changed(c.old, c.new) != (c.old, c.new)
            )
            angabe = _doc_field(c.field or "") + (" (nur geänderte Einträge)" if partly else "")
            lines.append(
                f"| {_DOC_SECTION.get(c.section, c.section)} | {md(names.entry(c.section, c.id)) or '—'} | "
                f"{angabe} | {before} | {after} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _only_changed(old: Any, new: Any) -> tuple[Any, Any]:
    """Of two lists (``beschluesse``, ``beratungsfolge``, ``beteiligt``), the entries that left and
    those that came; entries in both are not repeated. Other values as they are."""
    if not (isinstance(old, list) and isinstance(new, list)):
        return old, new
    before, after = Counter(map(_canonical, old)), Counter(map(_canonical, new))
    gone, came = before - after, after - before
    return _take(old, gone), _take(new, came)


def _take(items: list[Any], wanted: Counter[str]) -> list[Any]:
    left = Counter(wanted)
    out = []
    for item in items:
        key = _canonical(item)
        if left[key] > 0:
            left[key] -= 1
            out.append(item)
    return out


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _zeitraum(k: Any) -> str:
    return f"{datum(k.periode.beginn)} bis {datum(k.periode.ende)}"


def _doc_entry(section: str, entry: dict[str, Any], names: _Names) -> str:
    def v(key: str) -> str:
        return _doc_value(entry.get(key), key, names)

    if section == "schwerpunkte":
        return f"{v('titel')} ({label(entry.get('bereich'))}, Handlungsfeld {label(entry.get('handlungsfeld'))})"
    if section == "massnahmen":
        return (
            f"{v('titel')} (Schwerpunkt „{v('schwerpunkt')}“, Stufe {label(entry.get('stufe'))}, "
            f"Federführung {v('federfuehrung')})"
        )
    if section == "ziele":
        return f"{v('beschreibung')} (Schwerpunkt „{v('schwerpunkt')}“)"
    if section == "vereinbarungen":
        return f"{v('gegenstand')} ({label(entry.get('form'))} mit {v('partner')}, {label(entry.get('status'))})"
    if section == "partner":
        return f"{v('name')} ({label(entry.get('art'))})"
    if section == "personal":
        holder = v("besetzt_durch") if entry.get("besetzt_durch") else "unbesetzt"
        funding = label(entry.get("finanzierung"))
        return f"{label(entry.get('funktion'))}, {v('vze')} VZE, finanziert durch {funding} ({holder})"
    if section == "sachkosten":
        return f"{md(entry.get('posten', ''))}: {v('betrag')} ({label(entry.get('traeger'))})"
    if section == "foerderung":
        shown = ", ".join(f"{key} {v(key)}" for key in ("beantragt", "bewilligt") if entry.get(key) is not None)
        return f"Haushaltsjahr {v('jahr')}, {label(entry.get('programm'))}" + (f": {shown}" if shown else "")
    return ""


def _staffing_table(summary: Summary, names: _Names) -> list[str]:
    rows: list[tuple[str, Total]] = []
    rows += [(label(k), v) for k, v in summary.vze_nach_funktion.items() if v.changed]
    rows += [(f"finanziert durch {label(k)}", v) for k, v in summary.vze_nach_finanzierung.items() if v.changed]
    rows += [
        (f"Schwerpunkt „{md(names.of('schwerpunkt', k))}“", v)
        for k, v in summary.vze_nach_schwerpunkt.items()
        if v.changed
    ]
    if summary.vze_gesamt.changed:
        rows.append(("**Summe**", summary.vze_gesamt))
    lines: list[str] = []
    if rows:
        lines += ["**Personal (Vollzeitäquivalente)**", "", "| Stellen | bisher | neu |", "|---|---|---|"]
        lines += [f"| {name} | {vze(total.old)} | {vze(total.new)} |" for name, total in rows]
        lines.append("")
    if summary.neu_vakant or summary.neu_besetzt or summary.vakant.changed:

        def post(ident: str) -> str:
            holder = names.inhaber.get(ident)
            return md(names.entry("personal", ident) + (f", {holder}" if holder else ""))

        detail = [f"neu unbesetzt: {', '.join(map(post, summary.neu_vakant))}"] if summary.neu_vakant else []
        if summary.neu_besetzt:
            detail.append(f"neu besetzt: {', '.join(map(post, summary.neu_besetzt))}")
        text = f"**Unbesetzte Stellen:** {int(summary.vakant.old)} → {int(summary.vakant.new)}"
        lines += [text + (f" ({'; '.join(detail)})" if detail else ""), ""]
    return lines


def _money_block(summary: Summary) -> list[str]:
    """Grant and own share before and after (only the figures that changed)."""
    geld = summary.geld
    if geld is None or not geld.changed:
        return []

    def amount(value: float | None) -> str:
        return "nicht hinterlegt" if value is None else euro(value)

    items = []
    for title, a in (
        ("Höchstbetrag der Landesförderung je volles Haushaltsjahr", geld.hoechstbetrag_pro_jahr),
        ("Höchstbetrag der Landesförderung im Zeitraum", geld.hoechstbetrag_zeitraum),
        ("Landesförderung beantragt im Zeitraum", geld.beantragt),
        ("Landesförderung bewilligt im Zeitraum", geld.bewilligt),
        ("Eigenanteil der Kommune im Zeitraum", geld.eigenanteil_zeitraum),
    ):
        if a.changed:
            items.append(f"{title}: {amount(a.old)} → {amount(a.new)}")
    before, after = geld.jahre
    if before != after:

        def years(rows: list[tuple[int, float | None, float]]) -> str:
            return "; ".join(f"{jahr}: {amount(most)}, Eigenanteil {euro(own)}" for jahr, most, own in rows) or "—"

        items.append(f"je Haushaltsjahr (Höchstbetrag, Eigenanteil): {years(before)} → {years(after)}")
    return _block("Landesförderung und Eigenanteil", items)


def document_section(changes: ChangeSet) -> Abschnitt:
    """The section „Änderungen gegenüber dem Zeitraum …“ for ``ki render … --previous``."""
    return Abschnitt(f"Änderungen gegenüber dem Zeitraum {_zeitraum(changes.old)}", markdown(changes))


def write_markdown(out: TextIO, changes: ChangeSet) -> None:
    section = document_section(changes)
    out.write(f"## {section.titel}\n\n{section.markdown}")
