"""``ki next-period``: the next two-year period's concept file, started from the last one.

The new file is the old file's text edited in place (``sourceedit``): only the values below
change, every other line – the user's comments, blank lines, order, quotes, folded texts, German
dates – stays byte for byte. ``_plan`` decides what changes (and gives each section as the new
file has it: a section that cannot be edited line by line, or a concept built in code without
a text, is written anew from it with ``yamlwrite``); ``_edit`` makes those changes in the text.

What is carried over, and what is not (each change is explained by a German comment in the new
file, at the place where it happened):

* ``periode``: ``beginn`` is the day after the old ``ende``; ``ende`` the day before the same
  date two years later.
* Measures keep their stage. A measure at ``regelpraxis`` led by a partner (not ``ki``) has
  reached its goal – the regular service carries it on – and is recorded as handed over and
  left out.
* A measure's own ``beginn``/``ende`` that lies outside the new period is dropped: the measure
  then runs for the whole new period (the period is its default). Should ``beginn`` still be
  after ``ende``, both are dropped.
* Agreements that ended before the new period are left out, and measures no longer refer to
  them (``vereinbarung:`` removed).
* ``vorlage`` (the council proposal of the old period) is left out; a commented example of the
  new one stands in its place. With it go its results (``beratungsfolge[].ergebnis``,
  ``abstimmung``): they record the old period's sessions.
* ``foerderung``: the grants of budget years from the new period's first year on are carried
  over (a year both periods touch, such as 2027 for periods changing on 1 March 2027, included);
  those of earlier years belong to the old period and are left out.
* ``ist`` of goals and measures (values measured, what happened per year) is left out: those are
  the old period's measurements. A goal's comment names its last measured value, a candidate for
  the new ``ausgangswert``.
* A default the old file did not write (``programm: ki``) is not written either.
* Everything else – Kommune, Zentrum, Grundlagen, Schwerpunkte with their goals, posts,
  Sachkosten, partners, the other agreements, and any section the format has beyond these – is
  carried over as it is. The sections are the concept record's fields (generated from the
  model), so a section added to the format is carried over without a change here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

from ki_cli.format import records
from ki_cli.format.records import Record
from ki_cli.format.vocab import KI
from ki_cli.format.yamlwrite import Comment, dump
from ki_cli.periods import YEAR_MAX, council, following
from ki_cli.render.formatting import datum, zahl


@dataclass
class NextPeriod:
    """The new file's text and what was done to get there."""

    text: str
    beginn: dt.date
    ende: dt.date
    kept: list[str] = field(default_factory=list)
    handed_over: list[str] = field(default_factory=list)
    agreements_dropped: list[str] = field(default_factory=list)
    references_removed: list[str] = field(default_factory=list)
    dates_dropped: list[tuple[str, str]] = field(default_factory=list)
    ist_dropped: list[str] = field(default_factory=list)
    foerderung_dropped: list[int] = field(default_factory=list)

    @property
    def default_name(self) -> str:
        return f"{self.beginn.year}-{self.ende.year}.yaml"


def _required(record: Record) -> set[str]:
    """The fields of a record's section that must be given (an empty list of these is kept)."""
    try:
        return {f.key for f in records.section(type(record).__name__) if f.required}
    except KeyError:  # a record class of no section of the format
        return set(record._fields)


def _plain(model: Any) -> Any:
    """A model as plain data without absent values and empty lists (but for required fields)."""
    if isinstance(model, Record):
        out = {}
        required = _required(model)
        given = getattr(model, "__pydantic_fields_set__", None)  # None: a record built in code
        for name, field in model.fields().items():
            if given is not None and name not in given and name not in required:
                continue  # a default the file did not write
            value = _plain(field)
            if value is None or (value == [] and name not in required):
                continue
            out[name] = value
        return out
    if isinstance(model, list):
        return [_plain(v) for v in model]
    if isinstance(model, dict):
        return {k: _plain(v) for k, v in model.items()}
    return model


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _zeitraum(beginn: dt.date, ende: dt.date) -> str:
    return f"{datum(beginn)} bis {datum(ende)}"


def build(konzept: Any, source: str, today: dt.date | None = None, text: str | None = None) -> NextPeriod:
    """The concept of the period after ``konzept``'s, as commented YAML.

    With ``text`` (the old file's text, from which ``konzept`` was read) the new file is that text
    edited in place: every line that need not change stays byte for byte. Without it (a concept
    built in code) the file is written anew.
    """
    result, given, data = _plan(konzept, source, today)
    if text is not None:
        from ki_cli.diff.sourceedit import Source

        try:
            src = Source(text)
        except yaml_error():  # not for a file that was read: the new file is written anew
            src = None
        if src is not None and _editable(src):
            result.text = _edit(konzept, src, given, result, source, today)
            return result
    result.text = dump(data)
    return result


def yaml_error() -> type[Exception]:
    import yaml

    error: type[Exception] = yaml.YAMLError
    return error


def _plan(
    konzept: Any, source: str, today: dt.date | None
) -> tuple[NextPeriod, dict[str, dict[Any, Any]], dict[Any, Any]]:
    """What changes: the result's lists, each section as the new file has it, and the whole file."""
    old_beginn, old_ende = konzept.periode.beginn, konzept.periode.ende
    beginn, ende = following(old_ende)
    result = NextPeriod("", beginn, ende)
    partner_name = {p.id: p.name for p in konzept.partner}
    partner_name[KI] = "Kommunales Integrationszentrum"

    dropped = {v.id: v for v in konzept.vereinbarungen if v.ende is not None and v.ende < beginn}
    result.agreements_dropped = list(dropped)

    schwerpunkte = []
    for sp in konzept.schwerpunkte:
        entry = _plain(sp)
        if sp.ziele:
            entry["ziele"] = [_goal(z, result) for z in sp.ziele]
        measures: list[Any] = []
        for m in sp.massnahmen:
            if _handed_over(m):
                result.handed_over.append(m.id)
                measures.append(Comment(_handed_note(m, partner_name, old_beginn, old_ende)))
                continue
            result.kept.append(m.id)
            measures.append(_measure(m, beginn, ende, dropped, result))
        if measures:
            entry["massnahmen"] = measures
        else:
            entry.pop("massnahmen", None)
        schwerpunkte.append(entry)

    vereinbarungen: list[Any] = []
    for v in konzept.vereinbarungen:
        if v.id in dropped:
            vereinbarungen.append(Comment(_agreement_note(v, partner_name)))
        else:
            vereinbarungen.append(_plain(v))

    # each section of the concept, in the format's order: the ones above with what was done to
    # them, every other one as it is
    given: dict[str, dict[Any, Any]] = {
        "version": {"version": 1},
        "kommune": {
            Comment("\nDie Kommune und ihr Kommunales Integrationszentrum (unverändert übernommen)."): None,
            "kommune": _plain(konzept.kommune),
        },
        "zentrum": {"zentrum": _plain(konzept.zentrum)},
        "periode": {
            Comment(
                f"\nDer neue Zwei-Jahres-Zeitraum; er folgt auf den Zeitraum {_zeitraum(old_beginn, old_ende)}."
            ): None,
            "periode": {"beginn": beginn, "ende": ende},
        },
        "grundlagen": {Comment(_grundlagen_note(konzept)): None, "grundlagen": _plain(konzept.grundlagen)},
        "schwerpunkte": {
            Comment(
                "\nSchwerpunkte entlang der Bildungskette und im Querschnitt Integration, mit Zielen und Maßnahmen.\n"
                "Die Maßnahmen sind mit ihrer Stufe übernommen (Initiative → Modellprojekt → Regelpraxis):\n"
                "Stufen fortschreiben, neue Maßnahmen ergänzen, abgeschlossene entfernen."
            ): None,
            "schwerpunkte": schwerpunkte,
        },
        "personal": {
            Comment("\nPersonal: die Stellen wie bisher. Besetzung, VZE und Einsatz je Schwerpunkt prüfen."): None,
            "personal": _plain(konzept.personal),
        },
        "sachkosten": {
            Comment("\nSachkosten je Jahr (Räume, Verwaltungskosten, Material): Beträge fortschreiben."): None,
            "sachkosten": _plain(konzept.sachkosten),
        }
        if konzept.sachkosten
        else {},
        "foerderung": _foerderung(konzept, beginn, result),
        "partner": {
            Comment("\nPartner des Kommunalen Integrationszentrums."): None,
            "partner": _plain(konzept.partner),
        }
        if konzept.partner
        else {},
        "vereinbarungen": {
            Comment(
                "\nVereinbarungen mit den Regeldiensten und Partnern (Fokus Migration; "
                "die fachliche Zuständigkeit bleibt beim Partner)."
            ): None,
            "vereinbarungen": vereinbarungen,
        }
        if vereinbarungen
        else {},
        "vorlage": {Comment(_vorlage_note(konzept, beginn)): None},
    }
    data: dict[Any, Any] = {Comment(_header(konzept, source, beginn, ende, today)): None}
    for name, value in konzept.fields().items():
        if name in given:
            data.update(given[name])
        elif (carried := _plain(value)) not in (None, [], {}):
            data[Comment(f"\n{name}: aus dem vorigen Zeitraum unverändert übernommen.")] = None
            data[name] = carried
    return result, given, data


def _goal(z: Any, result: NextPeriod) -> dict[Any, Any]:
    """A goal without the old period's measured values (``ist``); a comment names the last one."""
    entry: dict[Any, Any] = {}
    for name, value in _plain(z).items():
        if name != "ist":
            entry[name] = value
            continue
        result.ist_dropped.append(z.id)
        entry[Comment(_goal_ist_note(z))] = None
    return entry


def _foerderung(konzept: Any, beginn: dt.date, result: NextPeriod) -> dict[Any, Any]:
    """The grants of budget years from the new period's first year on; earlier ones are left out."""
    kept = [_plain(f) for f in konzept.foerderung if f.jahr >= beginn.year]
    result.foerderung_dropped = sorted({f.jahr for f in konzept.foerderung if f.jahr < beginn.year})
    if not konzept.foerderung:
        return {}
    lines = ["", "Förderung je Haushaltsjahr und Programm (beantragt, bewilligt)."]
    if result.foerderung_dropped:
        years = ", ".join(str(y) for y in result.foerderung_dropped)
        lines.append(
            f"Nicht übernommen: die Haushaltsjahre {years} (vor dem neuen Zeitraum). "
            "Die Anträge der neuen Haushaltsjahre hier eintragen."
            if len(result.foerderung_dropped) > 1
            else f"Nicht übernommen: das Haushaltsjahr {years} (vor dem neuen Zeitraum). "
            "Die Anträge der neuen Haushaltsjahre hier eintragen."
        )
    section: dict[Any, Any] = {Comment("\n".join(lines)): None}
    if kept:
        section["foerderung"] = kept
    return section


def _measure(m: Any, beginn: dt.date, ende: dt.date, dropped: dict[str, Any], result: NextPeriod) -> dict[Any, Any]:
    entry: dict[Any, Any] = {}
    m_beginn = m.beginn if m.beginn is not None and beginn <= m.beginn <= ende else None
    m_ende = m.ende if m.ende is not None and beginn <= m.ende <= ende else None
    if m_beginn is not None and m_ende is not None and m_beginn > m_ende:
        m_beginn = m_ende = None
    for name, value in _plain(m).items():
        if name == "ist":
            result.ist_dropped.append(m.id)
            entry[Comment(_measure_ist_note(m))] = None
            continue
        if name == "vereinbarung" and value in dropped:
            result.references_removed.append(m.id)
            entry[Comment(_reference_note(value, dropped))] = None
            continue
        if name in ("beginn", "ende") and (m_beginn if name == "beginn" else m_ende) is None:
            result.dates_dropped.append((m.id, name))
            entry[Comment(_date_note(name, value))] = None
            continue
        entry[name] = value
    return entry


def _header(konzept: Any, source: str, beginn: dt.date, ende: dt.date, today: dt.date | None) -> str:
    on = f" am {datum(today)}" if today else ""
    return (
        f"Schwerpunktkonzept des Kommunalen Integrationszentrums – {_one_line(konzept.kommune.name)}\n"
        f"Zeitraum {_zeitraum(beginn, ende)} (Konzeptformat Version 1).\n"
        f"Fortgeschrieben aus „{source}“ mit `ki next-period`{on}. Kommentare mit # erklären, was\n"
        f"übernommen wurde und was nicht; prüfen Sie die Datei danach mit `ki validate`."
    )


def _grundlagen_note(konzept: Any) -> str:
    ik = konzept.grundlagen.integrationskonzept
    lines = [
        "",
        "Grundlagen: Förderrichtlinie (bestimmt Stellenobergrenzen und Festbeträge), Integrationskonzept",
        f"(beschlossen am {datum(ik.beschlossen_am)}; für die Förderung nicht älter als drei Jahre) "
        "und frühere Beschlüsse.",
        "Prüfen Sie, ob die Förderrichtlinie für den neuen Zeitraum noch gilt.",
    ]
    vorlage = konzept.vorlage
    decision = next(
        (b for b in (vorlage.beratungsfolge if vorlage else []) if b.zustaendigkeit == "entscheidung"), None
    )
    if decision is not None:
        drucksache = f", Drucksache {_one_line(vorlage.drucksache)}" if vorlage and vorlage.drucksache else ""
        lines.append(
            f"Tipp: den Beschluss über die bisherigen Schwerpunkte ({decision.gremium}, "
            f"{datum(decision.datum)}{drucksache}) unter beschluesse nachtragen."
        )
    return "\n".join(lines)


def _vorlage_note(konzept: Any, beginn: dt.date) -> str:
    gremium = council(konzept.kommune.typ).body
    old = konzept.vorlage
    was = f" (bisher Drucksache {_one_line(old.drucksache)})" if old is not None and old.drucksache else ""
    decision = dt.date(beginn.year - 1, 9, 1)
    lines = [
        "",
        f"Die Beschlussvorlage für den neuen Zeitraum ist noch anzulegen{was}; die des vorigen Zeitraums",
        "wurde nicht übernommen. Zum Beispiel (Zeichen # am Zeilenanfang entfernen):",
        "vorlage:",
        '  drucksache: "…"',
        "  federfuehrend: Kommunales Integrationszentrum",
        "  beratungsfolge:",
    ]
    if council(konzept.kommune.typ).consulted == "integrationsrat":
        lines += [
            "    - gremium: integrationsrat",
            f"      datum: {decision.isoformat()}",
            "      zustaendigkeit: empfehlung",
        ]
    lines += [
        f"    - gremium: {gremium}",
        f"      datum: {(decision + dt.timedelta(days=21)).isoformat()}",
        "      zustaendigkeit: entscheidung",
    ]
    return "\n".join(lines)


def run(old_path: str, out: str | None, force: bool, lang: str) -> int:
    """Carry out ``ki next-period``; returns the exit code (raises ``Stop`` when it cannot)."""
    import sys
    from pathlib import Path

    from ki_cli.atomic import OutputError, check_target, make_folder, write_atomic
    from ki_cli.check.load import load_bytes
    from ki_cli.check.report import EXIT_OK, EXIT_USAGE, Stop
    from ki_cli.diff.command import load_concept_and_text, structure
    from ki_cli.diff.texts import count, t
    from ki_cli.files import is_folder

    def refuse(err: OutputError) -> Stop:
        return Stop(EXIT_USAGE, err.message(lang))

    inputs = () if old_path == "-" else (Path(old_path),)  # never overwritten; its permission bits go to the new file
    # -o FOLDER (an existing folder, or a path ending in "/"): the default name inside it
    as_folder = out is not None and out != "-" and (is_folder(Path(out)) or out.endswith(("/", os.sep)))
    into = Path(out) if as_folder and out is not None else None
    if out is not None and out != "-" and into is None:
        try:
            check_target(Path(out), force, inputs)  # refuse before any work
        except OutputError as err:
            raise refuse(err) from None
    konzept, old_text = load_concept_and_text(old_path, lang)
    source = "Standardeingabe" if old_path == "-" else Path(old_path).name
    try:
        _, ende = following(konzept.periode.ende)
        if ende.year > YEAR_MAX:  # the format's dates end with 2199: the new file would not validate
            raise OverflowError
        result = build(konzept, source, dt.date.today(), old_text)
    except OverflowError:
        raise Stop(
            EXIT_USAGE, t("next.beyond_calendar", lang, path=old_path, ende=datum(konzept.periode.ende), last=YEAR_MAX)
        ) from None
    written, _ = structure(load_bytes(result.text.encode("utf-8"), lang), lang)
    if written is None:  # a bug in the writer, never the user's fault: fail loudly, write nothing
        raise RuntimeError("the new concept file does not read back")
    if out == "-":
        sys.stdout.write(result.text)
        sys.stdout.flush()
        return EXIT_OK
    if into is not None:
        try:
            make_folder(into)
        except OutputError as err:
            raise refuse(err) from None
        target = into / result.default_name
    elif out is not None:
        target = Path(out)
    else:
        target = (Path(old_path).parent if old_path != "-" else Path(".")) / result.default_name
    try:
        write_atomic(target, result.text.encode("utf-8"), force=force, inputs=inputs, lang=lang)
    except OutputError as err:
        raise refuse(err) from None
    zeitraum = _zeitraum(result.beginn, result.ende) if lang == "de" else f"{result.beginn} to {result.ende}"
    sys.stderr.write(
        t(
            "next.summary",
            lang,
            zeitraum=zeitraum,
            kept=count("n.kept", len(result.kept), lang),
            handed=count("n.handed", len(result.handed_over), lang),
            agreements=count("n.dropped_agreements", len(result.agreements_dropped), lang),
        )
        + "\n"
    )
    sys.stderr.write(t("next.written", lang, path=target) + "\n")
    sys.stderr.write(t("next.check", lang, path=target) + "\n")
    return EXIT_OK


# --- the texts of the comments next-period writes ---------------------------------------------


def _handed_over(m: Any) -> bool:
    """A measure at ``regelpraxis`` led by a partner: the regular service carries it on."""
    return bool(m.stufe == "regelpraxis" and m.federfuehrung != KI)


def _handed_note(m: Any, partner_name: dict[str, str], old_beginn: dt.date, old_ende: dt.date) -> str:
    return (
        f"An die Regelpraxis übergeben: Maßnahme {m.id} „{_one_line(m.titel)}“.\n"
        f"Im Zeitraum {_zeitraum(old_beginn, old_ende)} als Regelpraxis erreicht; die Federführung "
        f"({_one_line(partner_name.get(m.federfuehrung, m.federfuehrung))}) führt sie weiter,\n"
        f"deshalb steht sie nicht mehr im Konzept."
    )


def _agreement_note(v: Any, partner_name: dict[str, str]) -> str:
    return (
        f"Entfallen: Vereinbarung {v.id} „{_one_line(v.gegenstand)}“ mit "
        f"{_one_line(partner_name.get(v.partner, v.partner))} – endete am {datum(v.ende)}, "
        f"vor dem neuen Zeitraum.\nBei Bedarf neu abschließen und hier wieder eintragen."
    )


def _goal_ist_note(z: Any) -> str:
    last = max(z.ist, key=lambda m: m.datum)
    return (
        f"Ist-Werte des vorigen Zeitraums nicht übernommen; zuletzt gemessen am {datum(last.datum)}: "
        f"{zahl(last.wert)}.\nDieser Wert kann der neue ausgangswert sein."
    )


def _measure_ist_note(m: Any) -> str:
    years = ", ".join(sorted({str(u.jahr) for u in m.ist}))
    return f"Umsetzung der Jahre {years} (ist) nicht übernommen: sie gehört zum vorigen Zeitraum."


def _reference_note(value: str, dropped: dict[str, Any]) -> str:
    return (
        f"Die Vereinbarung {value} endete am {datum(dropped[value].ende)} und ist entfallen; "
        f"bei einer neuen Vereinbarung hier mit „vereinbarung:“ darauf verweisen."
    )


def _date_note(name: str, value: dt.date) -> str:
    return f"{name} {datum(value)} lag außerhalb des neuen Zeitraums und ist entfallen: es gilt der Zeitraum."


# --- the old file edited in place -----------------------------------------------------------------

_GERMAN = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO = re.compile(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b")
_UNCOMMENT = "Zum Beispiel (die Zeichen „# “ am Zeilenanfang entfernen):"
_HEADER_START = re.compile(r"# Zeitraum .* fortgeschrieben aus .* mit `ki next-period`")


def _like(written: str, day: dt.date) -> str:
    """``day`` written as the user wrote the date it replaces: German stays German, quotes stay."""
    quote = written[0] if written[:1] in ("'", '"') and len(written) > 1 and written[-1] == written[0] else ""
    inner = written[1:-1].strip() if quote else written.strip()
    german = _GERMAN.fullmatch(inner)
    if german:
        text = f"{day.day:0{len(german[1])}d}.{day.month:0{len(german[2])}d}.{day.year}"
    else:
        text = day.isoformat()
    return f"{quote}{text}{quote}"


def _in_style(lines: list[str], style: str) -> list[str]:
    """The ISO dates of generated lines in the user's style (German when the period is German)."""
    if not _GERMAN.fullmatch(style.strip("'\" ")):
        return lines
    return [_ISO.sub(lambda m: _like(style.strip("'\" "), dt.date(int(m[1]), int(m[2]), int(m[3]))), x) for x in lines]


def _editable(src: Any) -> bool:
    """A file whose top level is a block mapping, without anchors and aliases (a value reached
    through an alias may stand for several places: it is not edited in place)."""
    import yaml

    return isinstance(src.root, yaml.MappingNode) and not src.root.flow_style and not src.has_alias


def _example(src: Any, items: list[dict[str, Any]], indent: str, style: str) -> list[str]:
    """A commented example of a list entry at ``indent``; it is valid YAML once ``# `` is removed."""
    from ki_cli.diff.sourceedit import comment_lines, commented_out
    from ki_cli.format.yamlwrite import sequence_lines

    lines = _in_style(sequence_lines(items, len(indent)), style)
    return [*comment_lines([_UNCOMMENT], indent), *commented_out(lines, indent)]


def _edit(
    konzept: Any, src: Any, given: dict[str, dict[Any, Any]], result: NextPeriod, source: str, today: dt.date | None
) -> str:
    """The old text with the changes of ``_plan`` made in place, section by section."""
    from ki_cli.diff.sourceedit import Unsupported

    old_beginn, old_ende = konzept.periode.beginn, konzept.periode.ende
    beginn, ende = result.beginn, result.ende
    style_node = src.node("periode", "beginn")
    style = src.lines[style_node.start_mark.line][style_node.start_mark.column : style_node.end_mark.column]
    partner_name = {p.id: p.name for p in konzept.partner}
    partner_name[KI] = "Kommunales Integrationszentrum"
    dropped = {v.id: v for v in konzept.vereinbarungen if v.ende is not None and v.ende < beginn}

    def periode() -> None:
        key = src.key("periode")
        nodes = [(src.node("periode", "beginn"), beginn), (src.node("periode", "ende"), ende)]
        src.replace_scalars([(node, _like(src.date_style(node), day)) for node, day in nodes])
        note = f"Der neue Zwei-Jahres-Zeitraum; er folgt auf den Zeitraum {_zeitraum(old_beginn, old_ende)}."
        src.insert(key.start_mark.line, [note], src.indent(key.start_mark.line))

    def grundlagen() -> None:
        key = src.key("grundlagen")
        src.insert(key.start_mark.line, [_grundlagen_note(konzept).lstrip("\n")], src.indent(key.start_mark.line))

    def schwerpunkte() -> None:
        for i, sp in enumerate(konzept.schwerpunkte):
            for j, z in enumerate(sp.ziele):
                if z.ist:
                    src.remove_entry(("schwerpunkte", i, "ziele", j, "ist"), [_goal_ist_note(z)])
            handed = [k for k, m in enumerate(sp.massnahmen) if _handed_over(m)]
            for k, m in enumerate(sp.massnahmen):
                at: tuple[str | int, ...] = ("schwerpunkte", i, "massnahmen", k)
                if k in handed:
                    notes = [_handed_note(m, partner_name, old_beginn, old_ende)]
                    if len(handed) == len(sp.massnahmen) and k == handed[-1]:  # none left: an example
                        indent = src.item_indent(at)
                        example = {"id": "m-neu", "titel": "Neue Maßnahme", "stufe": "initiative", "federfuehrung": KI}
                        src.remove_item(at, notes, _example(src, [example], indent, style))
                    else:
                        src.remove_item(at, notes)
                    continue
                _measure_edits(src, m, at, beginn, ende, dropped)

    def foerderung() -> None:
        key = src.key("foerderung")
        gone = [k for k, f in enumerate(konzept.foerderung) if f.jahr < beginn.year]
        notes = [c.text.lstrip("\n") for c in given["foerderung"] if isinstance(c, Comment)]
        src.insert(key.start_mark.line, notes, src.indent(key.start_mark.line))
        for k in gone:
            at = ("foerderung", k)
            if len(gone) == len(konzept.foerderung) and k == gone[-1]:
                example = {"jahr": beginn.year, "programm": KI, "beantragt": 0}
                src.remove_item(at, [], _example(src, [example], src.item_indent(at), style))
            else:
                src.remove_item(at, [])

    def vereinbarungen() -> None:
        gone = [k for k, v in enumerate(konzept.vereinbarungen) if v.id in dropped]
        for k in gone:
            v = konzept.vereinbarungen[k]
            at = ("vereinbarungen", k)
            if len(gone) == len(konzept.vereinbarungen) and k == gone[-1]:
                example = {
                    name: value
                    for name, value in _plain(v).items()
                    if name not in ("ende", "unterzeichnet_am", "ueberpruefung")
                }
                example.update(id=f"{v.id}-neu", beginn=beginn, status="entwurf")
                src.remove_item(
                    at, [_agreement_note(v, partner_name)], _example(src, [example], src.item_indent(at), style)
                )
            else:
                src.remove_item(at, [_agreement_note(v, partner_name)])

    def vorlage() -> None:
        note = _in_style(_vorlage_note(konzept, beginn).lstrip("\n").split("\n"), style)
        if src.key("vorlage") is None:
            src.append(["", *_vorlage_comment(note)])
        else:
            src.remove_entry(("vorlage",), [], _vorlage_comment(note))

    edits = {
        "periode": periode,
        "grundlagen": grundlagen,
        "schwerpunkte": schwerpunkte,
        "foerderung": foerderung if konzept.foerderung else None,
        "vereinbarungen": vereinbarungen if dropped else None,
        "vorlage": vorlage,
    }
    for name, edit in edits.items():
        if edit is None:
            continue
        mark = src.mark()
        try:
            edit()
        except Unsupported:  # this section cannot be edited line by line: it is written anew
            src.rollback(mark)
            _rewrite_section(src, name, given.get(name, {}))
    _header_edit(src, konzept, source, today)
    return str(src.result())


def _vorlage_comment(note: list[str]) -> list[str]:
    """The note on the council proposal; its example (from ``vorlage:`` on) uncomments cleanly."""
    from ki_cli.diff.sourceedit import comment_lines, commented_out

    cut = note.index("vorlage:")
    text = [line.replace("Zum Beispiel (Zeichen # am Zeilenanfang entfernen):", _UNCOMMENT) for line in note[:cut]]
    return [*comment_lines(["\n".join(text)]), *commented_out(note[cut:], "")]


def _measure_edits(
    src: Any, m: Any, at: tuple[str | int, ...], beginn: dt.date, ende: dt.date, dropped: dict[str, Any]
) -> None:
    """A kept measure: its ``ist``, a reference to an ended agreement, dates outside the period."""
    if m.ist:
        src.remove_entry((*at, "ist"), [_measure_ist_note(m)])
    if m.vereinbarung in dropped:
        src.remove_entry((*at, "vereinbarung"), [_reference_note(m.vereinbarung, dropped)])
    m_beginn = m.beginn if m.beginn is not None and beginn <= m.beginn <= ende else None
    m_ende = m.ende if m.ende is not None and beginn <= m.ende <= ende else None
    if m_beginn is not None and m_ende is not None and m_beginn > m_ende:
        m_beginn = m_ende = None
    for name, value, kept in (("beginn", m.beginn, m_beginn), ("ende", m.ende, m_ende)):
        if value is not None and kept is None:
            src.remove_entry((*at, name), [_date_note(name, value)])


def _rewrite_section(src: Any, name: str, section: dict[Any, Any]) -> None:
    """The section ``name`` written anew (the user's comments in it kept above it)."""
    from ki_cli.format.yamlwrite import mapping_lines

    key = src.key(name)
    lines = mapping_lines(section)
    while lines and not lines[0].strip():
        lines.pop(0)
    if key is None:
        if lines:
            src.append(["", *lines])
        return
    src.replace_entry((name,), lines)


def _header_edit(src: Any, konzept: Any, source: str, today: dt.date | None) -> None:
    """What next-period did, on top (after a ``yaml-language-server`` line); an earlier
    next-period's note there is replaced."""
    from ki_cli.diff.sourceedit import comment_lines

    on = f" am {datum(today)}" if today else ""
    zeitraum = _zeitraum(*following(konzept.periode.ende))
    note = (
        f"Zeitraum {zeitraum} fortgeschrieben aus „{source}“ mit `ki next-period`{on}.\n"
        "Ihre Zeilen und Kommentare sind übernommen; neue Kommentare erklären, was übernommen wurde und\n"
        "was nicht. Prüfen Sie die Datei danach mit `ki validate`."
    )
    line = 1 if src.lines[0].startswith("# yaml-language-server") else 0
    if line < len(src.lines) and _HEADER_START.match(src.lines[line]):
        last = line
        while last + 1 < len(src.lines) and src.lines[last + 1].startswith("# ") and last < line + 2:
            last += 1
        src.replace_lines(line, last, comment_lines([note]))
    else:
        src.insert(line, [note])
