"""Texts of ``ki diff`` and ``ki next-period``, in German and English.

Documents (the changes section of a proposal, the comments of a new concept file) are always
German; these are the command line's own words.
"""

from __future__ import annotations

from ki_cli.text import L, fill

TEXTS: dict[str, L] = {
    # sections
    "section.kommune": L("Kommune", "Municipality"),
    "section.zentrum": L("Zentrum", "Centre"),
    "section.periode": L("Zeitraum", "Period"),
    "section.grundlagen": L("Grundlagen", "Basis"),
    "section.schwerpunkte": L("Schwerpunkte", "Priorities"),
    "section.ziele": L("Ziele", "Goals"),
    "section.massnahmen": L("Maßnahmen", "Measures"),
    "section.personal": L("Personal", "Staff"),
    "section.sachkosten": L("Sachkosten", "Material costs"),
    "section.foerderung": L("Förderung", "Grants"),
    "section.partner": L("Partner", "Partners"),
    "section.vereinbarungen": L("Vereinbarungen", "Agreements"),
    "section.vorlage": L("Vorlage", "Council proposal"),
    "section.summary": L("Überblick", "Overview"),
    # the head and the end
    "head": L("Vergleich {old} → {new}", "Comparing {old} → {new}"),
    "none": L("Keine Unterschiede.", "No differences."),
    "total.one": L("1 Änderung", "1 change"),
    "total.many": L("{n} Änderungen", "{n} changes"),
    # summary phrases: (one, many)
    "n.schwerpunkte_neu": L("1 neuer Schwerpunkt|{n} neue Schwerpunkte", "1 new priority|{n} new priorities"),
    "n.schwerpunkte_entfallen": L(
        "1 Schwerpunkt entfallen|{n} Schwerpunkte entfallen", "1 priority dropped|{n} priorities dropped"
    ),
    "n.massnahmen_neu": L("1 neue Maßnahme|{n} neue Maßnahmen", "1 new measure|{n} new measures"),
    "n.massnahmen_entfallen": L("1 beendet|{n} beendet", "1 ended|{n} ended"),
    "n.massnahmen_uebergeben": L(
        "1 in die Regelpraxis übergeben|{n} in die Regelpraxis übergeben",
        "1 handed over to regular practice|{n} handed over to regular practice",
    ),
    "n.fortschritt": L("1 Stufenwechsel|{n} Stufenwechsel", "1 stage progress|{n} stage progresses"),
    "n.rueckschritt": L("1 Rückstufung|{n} Rückstufungen", "1 step back|{n} steps back"),
    "n.federfuehrung": L(
        "1 Wechsel der Federführung|{n} Wechsel der Federführung", "1 change of lead|{n} changes of lead"
    ),
    "n.vereinbarungen_neu": L("1 neue Vereinbarung|{n} neue Vereinbarungen", "1 new agreement|{n} new agreements"),
    "n.vereinbarungen_entfallen": L(
        "1 Vereinbarung entfallen|{n} Vereinbarungen entfallen", "1 agreement ended|{n} agreements ended"
    ),
    "n.vereinbarungen_status": L(
        "1 Statuswechsel einer Vereinbarung|{n} Statuswechsel von Vereinbarungen",
        "1 agreement status changed|{n} agreement statuses changed",
    ),
    "n.andere": L("1 weitere Änderung|{n} weitere Änderungen", "1 other change|{n} other changes"),
    # overview lines
    "o.periode": L("Zeitraum: {old} → {new}", "Period: {old} → {new}"),
    "o.foerderrichtlinie": L("Förderrichtlinie: {old} → {new}", "Funding guideline: {old} → {new}"),
    "o.fortschritt": L("Stufe vorangekommen: {items}", "Stage progressed: {items}"),
    "o.rueckschritt": L("Stufe zurückgegangen: {items}", "Stage stepped back: {items}"),
    "o.federfuehrung": L("Federführung gewechselt: {items}", "Lead changed: {items}"),
    "o.vereinbarungen_neu": L("Vereinbarungen neu: {items}", "Agreements new: {items}"),
    "o.vereinbarungen_entfallen": L("Vereinbarungen entfallen: {items}", "Agreements ended: {items}"),
    "o.vereinbarungen_status": L("Status von Vereinbarungen: {items}", "Agreement status: {items}"),
    "o.vze_funktion": L("VZE je Funktion: {items}", "FTE per function: {items}"),
    "o.vze_finanzierung": L("VZE je Finanzierung: {items}", "FTE per financing: {items}"),
    "o.vze_schwerpunkt": L("VZE je Schwerpunkt (Einsatz): {items}", "FTE per priority (einsatz): {items}"),
    "o.vze_gesamt": L("VZE gesamt: {old} → {new}", "FTE in total: {old} → {new}"),
    "o.vakant": L("Unbesetzte Stellen: {old} → {new}{detail}", "Vacant posts: {old} → {new}{detail}"),
    "o.neu_vakant": L("neu unbesetzt: {items}", "newly vacant: {items}"),
    "o.neu_besetzt": L("neu besetzt: {items}", "newly filled: {items}"),
    "o.sachkosten": L("Sachkosten je Jahr: {items}", "Material costs per year: {items}"),
    "o.sachkosten_gesamt": L("gesamt", "total"),
    "o.sachkosten_massnahmen": L("Maßnahmen", "measures"),
    # describing an entry
    "d.schwerpunkt": L("Schwerpunkt", "priority"),
    "d.stufe": L("Stufe", "stage"),
    "d.federfuehrung": L("Federführung", "lead"),
    "d.vakant": L("unbesetzt", "vacant"),
    "d.beantragt": L("beantragt", "applied for"),
    "d.bewilligt": L("bewilligt", "granted"),
    "d.yes": L("ja", "yes"),
    "d.no": L("nein", "no"),
    # problems
    "other_municipality": L(
        "Achtung: {old} und {new} gehören zu verschiedenen Kommunen ({old_name} / {new_name}); der "
        "Vergleich folgt trotzdem.",
        "Warning: {old} and {new} belong to different municipalities ({old_name} / {new_name}); comparing anyway.",
    ),
    "later_than_new": L(
        "Achtung: Der Zeitraum von {old} beginnt am {old_start}, nach dem von {new} ({new_start}); "
        "sind die Dateien vertauscht? Der Vergleich folgt trotzdem.",
        "Warning: the period of {old} starts on {old_start}, after that of {new} ({new_start}); "
        "are the files swapped? Comparing anyway.",
    ),
    "unloadable": L(
        "{path} lässt sich nicht als Konzept lesen (siehe oben); beheben Sie zuerst diese Fehler.",
        "{path} cannot be read as a concept (see above); fix these errors first.",
    ),
    # next-period
    "next.written": L("geschrieben: {path}", "written: {path}"),
    "next.summary": L(
        "Neuer Zeitraum {zeitraum}: {kept}, {handed}, {agreements}.",
        "New period {zeitraum}: {kept}, {handed}, {agreements}.",
    ),
    "n.kept": L("1 Maßnahme übernommen|{n} Maßnahmen übernommen", "1 measure kept|{n} measures kept"),
    "n.handed": L(
        "1 in die Regelpraxis übergeben|{n} in die Regelpraxis übergeben",
        "1 handed over to regular practice|{n} handed over to regular practice",
    ),
    "n.dropped_agreements": L(
        "1 Vereinbarung entfallen|{n} Vereinbarungen entfallen", "1 agreement dropped|{n} agreements dropped"
    ),
    "next.check": L("Prüfen Sie die neue Datei mit: ki validate {path}", "Check the new file with: ki validate {path}"),
    "next.beyond_calendar": L(
        "Der Zeitraum von {path} endet am {ende}; der folgende Zeitraum läge nach {last}, und Datumsangaben im "
        "Konzeptformat reichen nur bis {last}. Es wurde keine Datei geschrieben.",
        "The period of {path} ends on {ende}; the following period would lie after {last}, and dates in the "
        "concept format go up to {last} only. No file was written.",
    ),
}


def t(key: str, lang: str, **params: object) -> str:
    """A text of ``ki diff`` / ``ki next-period`` in ``lang``; text parameters (file names, values) with
    their control characters and line breaks escaped, as in ``ui``."""
    from ki_cli.messages import escaped

    return fill(TEXTS, key, lang, escaped(params))


def count(key: str, n: int, lang: str) -> str:
    """``1 neue Maßnahme`` / ``3 neue Maßnahmen``: the singular or plural of a counted phrase."""
    one, many = TEXTS[key](lang).split("|")
    return one if n == 1 else many.format(n=n)
