"""Registry entries KI0xx (the file itself) and KI1xx (structure)."""

from __future__ import annotations

from ki_cli.check.registry import Rule
from ki_cli.text import L

_FORMAT = L("Konzeptformat Version 1", "concept format version 1")
_YAML = L("YAML 1.2 und Konzeptformat Version 1", "YAML 1.2 and concept format version 1")

# A minimal concept that passes every structural check; examples below vary one line of it.
VALID = """\
version: 1
kommune: {name: Stadt Beispielstadt, typ: kreisfreie_stadt}
zentrum: {name: KI Beispielstadt, anbindung: Dezernat III}
periode: {beginn: 2025-01-01, ende: 2026-12-31}
grundlagen:
  foerderrichtlinie: "2025"
  integrationskonzept: {titel: Integrationskonzept, beschlossen_am: 2023-06-22}
schwerpunkte:
  - id: sp-1
    bereich: bildungskette
    handlungsfeld: schule
    titel: Schule
    begruendung: Bedarf
personal:
  - {id: fk-1, funktion: fachkraft, vze: 1, finanzierung: land, einsatz: {sp-1: 1}}
"""


def _with(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


RULES: tuple[Rule, ...] = (
    Rule(
        "KI001",
        "error",
        L("YAML-Syntaxfehler", "YAML syntax error"),
        _YAML,
        L(
            "Die Datei ist kein gültiges YAML, etwa wegen falscher Einrückung, eines fehlenden "
            "Leerzeichens nach dem Doppelpunkt oder einer nicht geschlossenen Klammer. ki meldet, "
            "wo der Parser stehen blieb und was er erwartet hat. Ohne gültiges YAML lässt sich "
            "nichts weiter prüfen.",
            "The file is not valid YAML, for instance because of wrong indentation, a missing "
            "space after a colon or an unclosed bracket. ki reports where the parser stopped and "
            "what it expected. Nothing else can be checked without valid YAML.",
        ),
        _with("  - id: sp-1\n", "  - id: sp-1\n   bereich: x\n"),
        VALID,
    ),
    Rule(
        "KI002",
        "error",
        L("Schlüssel doppelt", "duplicate key"),
        _FORMAT,
        L(
            "Derselbe Schlüssel steht zweimal im selben Abschnitt. YAML-Programme behalten "
            "stillschweigend nur einen der Werte – der andere ginge verloren. ki meldet die "
            "zweite Stelle.",
            "The same key appears twice in one mapping. YAML parsers silently keep only one of "
            "the values – the other would be lost. ki reports the second occurrence.",
        ),
        _with("    titel: Schule\n", "    titel: Schule\n    titel: Schule und Bildung\n"),
        VALID,
    ),
    Rule(
        "KI003",
        "error",
        L("nicht UTF-8", "not UTF-8"),
        _FORMAT,
        L(
            "Die Datei ist nicht als UTF-8 gespeichert, oft eine Windows-1252-Datei aus einem "
            "älteren Editor. Umlaute würden falsch gelesen. ki nennt Zeile und Byte; speichern Sie "
            "die Datei als UTF-8 (ein BOM am Anfang ist erlaubt).",
            "The file is not saved as UTF-8, often a Windows-1252 file from an older editor. "
            "Umlauts would be misread. ki names the line and byte; save the file as UTF-8 (a BOM "
            "at the start is fine).",
        ),
        _with("    titel: Schule\n", "    titel: Schulf\xf6rderung\n"),
        VALID,
    ),
    Rule(
        "KI004",
        "error",
        L("nicht erlaubte YAML-Funktion", "YAML feature not allowed"),
        _FORMAT,
        L(
            "Konzeptdateien enthalten nur Text, Zahlen, Datumsangaben, Listen und Abschnitte. "
            "Abgelehnt werden Tags wie `!!python/object` (sie werden nie ausgeführt), mehr als ein "
            "Dokument pro Datei, Aliase, die sich über eine sichere Grenze hinaus vervielfachen "
            "(„Billion Laughs“), zu tiefe Verschachtelung, Schlüssel, die keine Texte sind, und "
            "übergroße Dateien. In einem Ordner meldet KI004 auch jeden Eintrag, der sich nicht prüfen "
            "lässt (keine gewöhnliche Datei, ein Verweis ins Leere, kein Leserecht, ein nicht lesbarer "
            "Unterordner); die übrigen Dateien werden trotzdem geprüft.",
            "Concept files hold only text, numbers, dates, lists and mappings. Refused are tags "
            "such as `!!python/object` (they are never executed), more than one document per "
            "file, aliases that multiply beyond a safe bound (“billion laughs”), nesting that is "
            "too deep, keys that are not text, and oversized files. In a folder, KI004 also reports "
            "every entry that cannot be checked (not a regular file, a link to nowhere, no read "
            "permission, a subfolder that cannot be read); the other files are checked all the same.",
        ),
        _with("    titel: Schule\n", "    titel: !!python/object/apply:os.system [echo]\n"),
        VALID,
    ),
    Rule(
        "KI005",
        "error",
        L("leere Datei oder keine Zuordnung", "empty file or top level not a mapping"),
        _FORMAT,
        L(
            "Die Datei ist leer, oder ihre oberste Ebene ist kein Abschnitt mit Schlüsseln "
            "(sondern etwa eine Liste oder ein einzelner Text).",
            "The file is empty, or its top level is not a mapping with keys (but, say, a list or a single text).",
        ),
        "- version: 1\n",
        VALID,
    ),
    Rule(
        "KI006",
        "error",
        L("Tausenderpunkt", "German thousands separator"),
        _FORMAT,
        L(
            "Eine Zahl mit deutschem Tausenderpunkt wie `betrag: 24.000` liest YAML als "
            "Dezimalzahl 24,0 – aus 24.000 € würden 24 €, in jedem Dokument. Weil eine deutsche "
            "Leserin etwas anderes sieht als das, was gelesen wird, ist das ein Fehler, und `ki render` "
            'schreibt kein Dokument. Schreiben Sie `24000` oder, in Anführungszeichen, `"24.000"`: '
            "so wird der Punkt als Tausenderpunkt gelesen. Deutsche Schreibweisen, die YAML als Text "
            "liest (`vze: 0,5`, `betrag: 1.234,56`), werden ebenfalls richtig umgerechnet.",
            "A number with a German thousands separator such as `betrag: 24.000` is read by YAML "
            "as the decimal 24.0 – €24,000 would become €24, in every document. Because a German reader "
            "sees something other than what is read, this is an error, and `ki render` writes no "
            'document. Write `24000` or, in quotes, `"24.000"`: then the dot is read as a thousands '
            "separator. German notation that YAML reads as text (`vze: 0,5`, `betrag: 1.234,56`) is "
            "converted correctly too.",
        ),
        VALID + "sachkosten:\n  - {posten: Räume, betrag: 24.000, traeger: kommune}\n",
        VALID + "sachkosten:\n  - {posten: Räume, betrag: 24000, traeger: kommune}\n",
    ),
    Rule(
        "KI101",
        "error",
        L("Pflichtfeld fehlt", "required field missing"),
        _FORMAT,
        L(
            "Ein Feld, das das Format verlangt, fehlt. ki meldet es am Schlüssel des Abschnitts, in dem es fehlt.",
            "A field the format requires is missing. ki reports it at the key of the mapping it is missing from.",
        ),
        _with("    titel: Schule\n", ""),
        VALID,
    ),
    Rule(
        "KI102",
        "error",
        L("unbekannter Schlüssel", "unknown key"),
        _FORMAT,
        L(
            "Ein Schlüssel, den das Format nicht kennt – meist ein Tippfehler. Er würde sonst "
            "stillschweigend übergangen. ki schlägt den ähnlichsten bekannten Schlüssel vor.",
            "A key the format does not know – usually a typo. It would otherwise be silently "
            "ignored. ki proposes the closest known key.",
        ),
        _with("    titel: Schule\n", "    tittel: Schule\n"),
        VALID,
    ),
    Rule(
        "KI103",
        "error",
        L("falscher Typ oder Wert", "wrong type or value"),
        _FORMAT,
        L(
            "Ein Wert hat den falschen Typ (Text statt Zahl, Liste statt Abschnitt …), liegt "
            "außerhalb seines Bereichs (z. B. `vze` über 1) oder gehört nicht zum festen "
            "Vokabular des Feldes. ki schlägt den ähnlichsten erlaubten Wert vor.",
            "A value has the wrong type (text instead of a number, a list instead of a mapping "
            "…), lies outside its range (e.g. `vze` above 1) or is not in the field's closed "
            "vocabulary. ki proposes the closest allowed value.",
        ),
        _with("bereich: bildungskette", "bereich: bildungsketen"),
        VALID,
    ),
    Rule(
        "KI104",
        "error",
        L("Formatversion nicht unterstützt", "unsupported format version"),
        _FORMAT,
        L(
            "`version` nennt eine Formatversion, die diese Version von ki nicht kennt. Es gibt nur Version 1.",
            "`version` names a format version this version of ki does not know. Only version 1 exists.",
        ),
        _with("version: 1", "version: 2"),
        VALID,
    ),
    Rule(
        "KI105",
        "error",
        L("ungültige Kennung", "invalid id"),
        _FORMAT,
        L(
            "Eine Kennung (`id`) muss aus Kleinbuchstaben, Ziffern, `-` und `_` bestehen, mit "
            "einem Buchstaben oder einer Ziffer beginnen und höchstens 64 Zeichen haben. `ki` ist "
            "reserviert: es steht für das KI selbst.",
            "An id must consist of lower-case letters, digits, `-` and `_`, start with a letter "
            "or digit and have at most 64 characters. `ki` is reserved: it stands for the KI "
            "itself.",
        ),
        _with("  - id: sp-1\n", "  - id: Sp 1\n").replace("{sp-1: 1}", "{Sp 1: 1}"),
        VALID,
    ),
    Rule(
        "KI106",
        "error",
        L("Kennung doppelt", "duplicate id"),
        _FORMAT,
        L(
            "Alle Listen mit Kennungen (Schwerpunkte, Ziele, Maßnahmen, Stellen, Partner, "
            "Vereinbarungen) teilen sich einen Namensraum: jede Kennung darf in der Datei nur "
            "einmal vorkommen, sonst sind Verweise mehrdeutig.",
            "All lists with ids (priorities, goals, measures, posts, partners, agreements) share "
            "one namespace: each id may occur only once in the file, otherwise references are "
            "ambiguous.",
        ),
        _with("  - {id: fk-1,", "  - {id: sp-1,"),
        VALID,
    ),
    Rule(
        "KI107",
        "error",
        L("Verweis ins Leere", "dangling reference"),
        _FORMAT,
        L(
            "Ein Verweis nennt eine Kennung, die es nicht gibt: ein Partner in `federfuehrung`, "
            "`beteiligt` oder `vereinbarungen[].partner`, eine Vereinbarung in `vereinbarung`, ein "
            "Schwerpunkt in `einsatz` oder ein Ziel in `ziele` einer Maßnahme.",
            "A reference names an id that does not exist: a partner in `federfuehrung`, "
            "`beteiligt` or `vereinbarungen[].partner`, an agreement in `vereinbarung`, a "
            "priority in `einsatz` or a goal in a measure's `ziele`.",
        ),
        _with("einsatz: {sp-1: 1}", "einsatz: {sp-2: 1}"),
        VALID,
    ),
)
