"""The ``--help`` texts in German and English: one per command, one per option or argument.

Keys: a command name (``"ki"`` for the program itself), ``"command.parameter"``, or
``"*.parameter"`` for an option every command shares. ``ki_cli.cli.helptext`` puts them on the
commands when help is shown. A paragraph that starts with ``\\b`` keeps its line breaks (the
examples).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ki_cli.text import L

COMMANDS: dict[str, L] = {
    "ki": L(
        "ki – Werkzeuge für die Kommunalen Integrationszentren NRW: Konzepte prüfen, Vorlagen "
        "schreiben, Zeiträume vergleichen.\n\n"
        "\b\nBeispiele:\n  ki init konzept.yaml\n  ki validate konzept.yaml\n"
        "  ki render proposal konzept.yaml -o vorlage.docx\n\n"
        "Hilfe zu einem Befehl: ki BEFEHL --help. In English: ki --lang en --help (oder KI_LANG=en).",
        "ki – tools for the municipal integration centres (KI) of North Rhine-Westphalia: check "
        "concepts, write council documents, compare periods.\n\n"
        "\b\nExamples:\n  ki init konzept.yaml\n  ki validate konzept.yaml\n"
        "  ki render proposal konzept.yaml -o vorlage.docx\n\n"
        "Help on a command: ki COMMAND --help. Auf Deutsch: ki --lang de --help (or KI_LANG=de).",
    ),
    "validate": L(
        "Konzeptdateien prüfen: Format und Förderregeln, mit Zeile, Spalte und Hinweis zur Behebung. "
        "Exit-Code 0 ohne Fehler, 1 bei Fehlern, 2 wenn die Prüfung nicht laufen konnte.\n\n"
        "\b\nBeispiele:\n  ki validate konzept.yaml\n  ki validate concepts/ --strict\n"
        "  ki validate concepts/ --format sarif > ki.sarif",
        "Check concept files: format and funding rules, with line, column and a hint on the fix. "
        "Exit code 0 without errors, 1 with errors, 2 when the check could not run.\n\n"
        "\b\nExamples:\n  ki validate konzept.yaml\n  ki validate concepts/ --strict\n"
        "  ki validate concepts/ --format sarif > ki.sarif",
    ),
    "render": L(
        "Ein Dokument aus einem Konzept schreiben: Beschlussvorlage, Schwerpunktkonzept, "
        "Vereinbarungen oder Arbeitsplanung.\n\n"
        "\b\nBeispiele:\n  ki render proposal konzept.yaml -o vorlage.pdf\n"
        "  ki render agreements konzept.yaml -o vereinbarungen/ --format docx",
        "Write a document from a concept: council proposal, priority concept, agreements or work plan.\n\n"
        "\b\nExamples:\n  ki render proposal konzept.yaml -o vorlage.pdf\n"
        "  ki render agreements konzept.yaml -o vereinbarungen/ --format docx",
    ),
    "rules": L(
        "Alle Regeln auflisten: Code, Schwere, Titel, Grundlage.\n\n\b\nBeispiel:\n  ki rules --format json",
        "List every rule: code, severity, title, basis.\n\n\b\nExample:\n  ki rules --format json",
    ),
    "explain": L(
        "Eine Regel erklären, mit falschem und richtigem Beispiel.\n\n\b\nBeispiel:\n  ki explain KI313",
        "Explain one rule, with a failing and a passing example.\n\n\b\nExample:\n  ki explain KI313",
    ),
    "init": L(
        "Eine kommentierte Startdatei schreiben, die die Prüfung besteht. Im Terminal fragt ki nach "
        "Name und Art der Kommune, Beginn des Zeitraums und Förderrichtlinie; mit den Angaben als "
        "Optionen fragt es nichts. Ohne Terminal werden fehlende Angaben zu Platzhaltern. Eine "
        "vorhandene Datei wird nur mit --force überschrieben. Daneben schreibt ki das JSON-Schema "
        "(ki-konzept-1.schema.json), das die erste Zeile für Editoren nennt.\n\n"
        "\b\nBeispiele:\n  ki init\n"
        '  ki init hamm-2027.yaml --kommune "Stadt Hamm" --typ kreisfreie_stadt --beginn 01.01.2027 '
        "--foerderrichtlinie 2025",
        "Write a commented starting file that passes the check. In a terminal ki asks for the "
        "municipality's name and type, the period's start and the funding guideline; given as "
        "options, it asks nothing. Without a terminal, missing answers become placeholders. An "
        "existing file is overwritten only with --force. Beside it ki writes the JSON Schema "
        "(ki-konzept-1.en.schema.json with --lang en) that the first line names for editors.\n\n"
        "\b\nExamples:\n  ki init\n"
        '  ki init hamm-2027.yaml --kommune "Stadt Hamm" --typ kreisfreie_stadt --beginn 01.01.2027 '
        "--foerderrichtlinie 2025",
    ),
    "diff": L(
        "Zwei Zeiträume vergleichen: neue, beendete und geänderte Maßnahmen, Stufenwechsel, "
        "Federführung, Vereinbarungen, Personal und Sachkosten. Einträge werden über ihre Kennung "
        "zugeordnet, die Reihenfolge zählt nicht. Mit --exit-code: 1, wenn es Unterschiede gibt.\n\n"
        "\b\nBeispiele:\n  ki diff concepts/beispielstadt/2023-2024.yaml concepts/beispielstadt/2025-2026.yaml\n"
        "  ki diff alt.yaml neu.yaml --format md > aenderungen.md",
        "Compare two periods: new, ended and changed measures, stage changes, lead, agreements, "
        "staffing and costs. Entries are matched by their id; order does not count. With "
        "--exit-code: 1 when there are differences.\n\n"
        "\b\nExamples:\n  ki diff concepts/beispielstadt/2023-2024.yaml concepts/beispielstadt/2025-2026.yaml\n"
        "  ki diff alt.yaml neu.yaml --format md > aenderungen.md",
    ),
    "next-period": L(
        "Die Datei des nächsten Zeitraums aus der letzten beginnen: Zeitraum um zwei Jahre weiter, "
        "in die Regelpraxis übergebene Maßnahmen und abgelaufene Vereinbarungen entfernt (als "
        "Kommentar vermerkt), Vorlage geleert. Überschreibt nur mit --force.\n\n"
        "\b\nBeispiel:\n  ki next-period concepts/beispielstadt/2025-2026.yaml",
        "Start the next period's file from the last one: the period moved on by two years, measures "
        "handed over to regular practice and ended agreements removed (noted as comments), the "
        "proposal emptied. Overwrites only with --force.\n\n"
        "\b\nExample:\n  ki next-period concepts/beispielstadt/2025-2026.yaml",
    ),
    "calendar": L(
        "Alle Termine der Konzepte als Kalender (iCalendar, .ics): Antragsfristen je Haushaltsjahr, "
        "Sitzungen der Beratungsfolge, Überprüfung und Ende der Vereinbarungen, Ende von Maßnahmen und "
        "Periode, Beginn der Planung der nächsten Periode – mit Erinnerungen vor den Fristen. Ein Ordner "
        "ergibt einen Kalender für alle KI darin. Jeder Termin behält seine UID: ein erneuter Import "
        "aktualisiert ihn. Dateien mit Fehlern werden übersprungen (Exit-Code 1). Überschreibt nur mit --force.\n\n"
        "\b\nBeispiele:\n  ki calendar concepts/beispielstadt/2025-2026.yaml -o termine.ics\n"
        "  ki calendar concepts/ -o alle-termine.ics",
        "Every date of the concepts as a calendar (iCalendar, .ics): application deadlines per budget year, "
        "sessions of the Beratungsfolge, agreement reviews and ends, ends of measures and of the period, the "
        "start of planning the next period – with reminders before the deadlines. A folder gives one calendar "
        "for every KI in it. Each date keeps its UID: importing again updates it. Files with errors are "
        "skipped (exit code 1). Overwrites only with --force.\n\n"
        "\b\nExamples:\n  ki calendar concepts/beispielstadt/2025-2026.yaml -o termine.ics\n"
        "  ki calendar concepts/ -o alle-termine.ics",
    ),
    "schema": L(
        "Das JSON-Schema des Konzeptformats ausgeben, für Editoren (yaml-language-server) und "
        "andere Werkzeuge. Die Texte sind deutsch, mit --lang en englisch.\n\n"
        "\b\nBeispiel:\n  ki schema -o ki-konzept-1.schema.json\n"
        "  (dann als erste Zeile der Konzeptdatei: # yaml-language-server: $schema=ki-konzept-1.schema.json)",
        "Print the JSON Schema of the concept format, for editors (yaml-language-server) and other tools. "
        "Its texts are German; English with --lang en.\n\n"
        "\b\nExample:\n  ki schema -o ki-konzept-1.schema.json\n"
        "  (then as the concept file's first line: # yaml-language-server: $schema=ki-konzept-1.schema.json)",
    ),
    "overview": L(
        "Die landesweite Übersicht über viele Konzeptdateien: eine Zeile je KI (sein neuester Zeitraum, "
        "mit --all-periods jeder) mit Stellen nach Funktion und Programm, Förderung je Haushaltsjahr und "
        "Eigenanteil, Schwerpunkten nach Bereich, Handlungsfeld und TIS-2030-Dimension, Maßnahmen nach Stufe, "
        "unterzeichneten Vereinbarungen und Befunden. Dateien mit Fehlern werden mit ihren Fehlern aufgeführt. "
        "Format aus der Endung von -o (.html mit Diagrammen, .xlsx, .csv, .json); ohne -o eine Tabelle im "
        "Terminal. Exit-Code 1, wenn eine Datei Fehler hat.\n\n"
        "\b\nBeispiele:\n  ki overview konzepte/\n  ki overview konzepte/ -o uebersicht.xlsx\n"
        "  ki overview konzepte/ --all-periods -o uebersicht.html",
        "The statewide view over many concept files: one row per KI (its newest period, every period with "
        "--all-periods) with posts by function and programme, grant per budget year and own share, priorities "
        "by area, field of action and TIS 2030 dimension, measures by stage, signed agreements and findings. "
        "Files with errors are listed with their errors. Format from the suffix of -o (.html with charts, "
        ".xlsx, .csv, .json); without -o a table on the terminal. Exit code 1 when a file has errors.\n\n"
        "\b\nExamples:\n  ki overview konzepte/\n  ki overview konzepte/ -o uebersicht.xlsx\n"
        "  ki overview konzepte/ --all-periods -o uebersicht.html",
    ),
    "serve": L(
        "Den Web-Editor starten: die Konzeptdateien eines Ordners im Browser als Formulare bearbeiten, "
        "mit den Befunden neben jedem Feld und der Vorschau der Vorlage. Nur auf diesem Rechner "
        "erreichbar (127.0.0.1), mit einem Zugangsschlüssel in der ausgegebenen Adresse. Strg+C beendet.\n\n"
        "\b\nBeispiele:\n  ki serve\n  ki serve concepts/ --port 8000 --no-browser",
        "Start the web editor: edit the concept files of a folder in the browser as forms, with the "
        "findings beside each field and the proposal's preview. Reachable only from this computer "
        "(127.0.0.1), with an access token in the printed address. Ctrl+C stops it.\n\n"
        "\b\nExamples:\n  ki serve\n  ki serve concepts/ --port 8000 --no-browser",
    ),
}

PARAMS: dict[str, L] = {
    # shared
    "*.lang": L(
        "Sprache der Meldungen und der Hilfe: de oder en; ohne Angabe gilt KI_LANG.",
        "Language of messages and help: de or en; without it, KI_LANG applies.",
    ),
    "*.force": L("Eine vorhandene Datei überschreiben.", "Overwrite an existing file."),
    # the program
    "ki.version": L("Version anzeigen.", "Show the version."),
    "ki.debug": L("Bei internen Fehlern den Traceback zeigen.", "Show the traceback of an internal error."),
    "ki.install_completion": L(
        "Die Vervollständigung mit der Tab-Taste für die laufende Shell einrichten.",
        "Install tab completion for the current shell.",
    ),
    "ki.show_completion": L(
        "Das Skript für die Vervollständigung zeigen (zum Kopieren oder Anpassen).",
        "Show the completion script, to copy it or customise the installation.",
    ),
    # validate
    "validate.paths": L(
        "Konzeptdateien oder Ordner (jede *.yaml/*.yml darin, ohne versteckte Dateien und Ordner "
        "wie .git); „-“ liest die Standardeingabe.",
        "Concept files or folders (every *.yaml/*.yml in them, leaving out hidden files and folders "
        "such as .git); “-” reads standard input.",
    ),
    "validate.format": L(
        "Ausgabeformat: text, json, sarif (Code-Scanning) oder github (Anmerkungen in GitHub Actions).",
        "Output format: text, json, sarif (code scanning) or github (GitHub Actions annotations).",
    ),
    "validate.strict": L("Auch Warnungen führen zu Exit-Code 1.", "Warnings fail too (exit code 1)."),
    "validate.select": L(
        "Nur diese Codes oder Präfixe, z. B. KI3,KI401.", "Only these codes or prefixes, e.g. KI3,KI401."
    ),
    "validate.ignore": L("Diese Codes oder Präfixe auslassen.", "Leave out these codes or prefixes."),
    "validate.quiet": L("Nur die Zusammenfassung ausgeben.", "Print only the summary."),
    "validate.sarif_base": L(
        "Mit --format sarif: der Ordner, auf den sich die Pfade beziehen (meist die Wurzel des Repositorys); "
        "ohne Angabe der aktuelle Ordner.",
        "With --format sarif: the folder the paths are relative to (usually the repository's root); "
        "without it, the current folder.",
    ),
    "validate.github_infos": L(
        "Mit --format github: auch Hinweise als Anmerkungen (::notice) ausgeben.",
        "With --format github: also print infos as annotations (::notice).",
    ),
    # render
    "render.kind": L(
        "proposal (Beschlussvorlage) | concept (Schwerpunktkonzept) | agreements (Vereinbarungen) | "
        "workplan (Arbeitsplanung) | report (Sachbericht eines Haushaltsjahres, mit --jahr)",
        "proposal (council proposal) | concept (priority concept) | agreements | workplan (work plan) | "
        "report (yearly report of a budget year, with --jahr)",
    ),
    "render.file": L("Die Konzeptdatei.", "The concept file."),
    "render.out": L(
        "Zieldatei (Format aus der Endung) oder, bei agreements, ein Ordner.",
        "Output file (format from its suffix) or, for agreements, a folder.",
    ),
    "render.format": L(
        "Format des Dokuments; json ist dasselbe wie oparl. Ohne Angabe aus der Endung von -o "
        "(Standardausgabe: md); eine bekannte Endung muss zum Format passen.",
        "The document's format; json is the same as oparl. Without it, from the suffix of -o "
        "(standard output: md); a known suffix must agree with the format.",
    ),
    "render.template_dir": L(
        "Eigene Vorlagen, vor den eingebauten gesucht.", "Own templates, looked up before the built-in ones."
    ),
    "render.reference_docx": L(
        "Word-Vorlage der Kommune (.docx/.dotx): ihre Formatvorlagen, Ränder und ihr Briefkopf gelten (nur docx).",
        "The municipality's Word template (.docx/.dotx): its styles, margins and letterhead are used (docx only).",
    ),
    "render.previous": L(
        "Konzept des vorigen Zeitraums: die Änderungen aufnehmen.", "The previous period's concept: add the changes."
    ),
    "render.allow_errors": L(
        "Trotz Fehlern schreiben, jede Seite als ENTWURF markiert.", "Write despite errors, every page marked ENTWURF."
    ),
    "render.agreement_id": L("Nur diese Vereinbarung (bei agreements).", "Only this agreement (for agreements)."),
    "render.jahr": L(
        "Das Haushaltsjahr des Berichts (bei report, Pflicht), z. B. 2025.",
        "The budget year of the report (for report, required), e.g. 2025.",
    ),
    # rules, explain
    "rules.format": L("Ausgabeformat: text oder json.", "Output format: text or json."),
    "explain.code": L("Regelcode, z. B. KI313.", "Rule code, e.g. KI313."),
    # init
    "init.path": L(
        "Die neue Datei (Standard: konzept.yaml); „-“ schreibt auf die Standardausgabe.",
        "The new file (default: konzept.yaml); “-” writes to standard output.",
    ),
    "init.kommune": L(
        "Name der Kommune, z. B. „Stadt Hamm“ oder „Kreis Soest“.", "The municipality's name, e.g. “Stadt Hamm”."
    ),
    "init.typ": L(
        "kreisfreie_stadt, kreis, staedteregion oder kreisangehoerige_stadt: entscheidet über Rat, Kreistag "
        "oder Städteregionstag und die Stellenobergrenzen.",
        "kreisfreie_stadt, kreis, staedteregion or kreisangehoerige_stadt: decides Rat, Kreistag or "
        "Städteregionstag and the staffing caps.",
    ),
    "init.beginn": L(
        "Beginn des Zeitraums, ein Monatserster (Standard: 1. Januar des nächsten Jahres); das Ende "
        "ist zwei Jahre später.",
        "Start of the period, the first of a month (default: 1 January next year); it ends two years later.",
    ),
    "init.foerderrichtlinie": L(
        "Förderrichtlinie: 2018 oder 2025 (Standard: 2025).", "Funding guideline: 2018 or 2025 (default: 2025)."
    ),
    # schema
    "diff.old": L("Konzept des vorigen Zeitraums.", "The previous period's concept."),
    "diff.new": L("Konzept des neuen Zeitraums.", "The new period's concept."),
    "diff.format": L(
        "Ausgabeformat: text, md (Abschnitt für die Vorlage) oder json.",
        "Output format: text, md (a section for the council document) or json.",
    ),
    "diff.exit_code": L(
        "Exit-Code 1, wenn es Unterschiede gibt (wie git diff --exit-code).",
        "Exit code 1 when there are differences (like git diff --exit-code).",
    ),
    "next-period.old": L("Konzept des zu Ende gehenden Zeitraums.", "The concept of the period that ends."),
    "next-period.out": L(
        "Neue Datei (Standard: <Ordner>/<Jahr>-<Jahr>.yaml neben ALT; ein Ordner: die Datei darin; "
        "„-“: Standardausgabe).",
        "New file (default: <folder>/<year>-<year>.yaml next to OLD; a folder: the file inside it; "
        "“-”: standard output).",
    ),
    "calendar.paths": L(
        "Konzeptdateien oder Ordner (jede *.yaml/*.yml darin, wie bei ki validate); „-“ liest die Standardeingabe.",
        "Concept files or folders (every *.yaml/*.yml in them, as for ki validate); “-” reads standard input.",
    ),
    "calendar.out": L(
        "Die Kalenderdatei (.ics); ohne Angabe auf die Standardausgabe.",
        "The calendar file (.ics); without it, standard output.",
    ),
    "schema.out": L(
        "In diese Datei schreiben statt auf die Standardausgabe.", "Write to this file instead of standard output."
    ),
    "overview.paths": L(
        "Ordner (jede *.yaml/*.yml darin, wie bei validate) oder Konzeptdateien.",
        "Folders (every *.yaml/*.yml in them, as for validate) or concept files.",
    ),
    "overview.out": L(
        "Zieldatei: .html, .xlsx, .csv oder .json (das Format aus der Endung); „-“: Standardausgabe.",
        "Output file: .html, .xlsx, .csv or .json (the format from its suffix); “-”: standard output.",
    ),
    "overview.format": L(
        "Format; ohne Angabe aus der Endung von -o, ohne -o eine Tabelle (text).",
        "Format; without it, from the suffix of -o; without -o a table (text).",
    ),
    "overview.all_periods": L(
        "Jeden Zeitraum eines KI als eigene Zeile zeigen, nicht nur den neuesten.",
        "Show every period of a KI as a row of its own, not only the newest.",
    ),
    "serve.folder": L(
        "Der Ordner mit den Konzeptdateien (Standard: der aktuelle).",
        "The folder of the concept files (default: the current one).",
    ),
    "serve.port": L(
        "Port auf 127.0.0.1 (Standard 8765, belegt: ein freier; 0: ein freier).",
        "Port on 127.0.0.1 (default 8765, if taken: a free one; 0: a free one).",
    ),
    "serve.no_browser": L(
        "Den Browser nicht öffnen, nur die Adresse ausgeben.", "Do not open the browser, only print the address."
    ),
}

# Placeholders for values in the usage line and the option table, in the help language (an
# option with fixed choices shows them instead, as ``text|json``; so does ``--lang de|en``).
METAVARS: dict[str, L] = {
    "validate.paths": L("PFAD...", "PATH..."),
    "validate.select": L("CODES", "CODES"),
    "validate.ignore": L("CODES", "CODES"),
    "validate.sarif_base": L("ORDNER", "FOLDER"),
    "render.kind": L("ART", "KIND"),
    "render.file": L("DATEI", "FILE"),
    "render.out": L("ZIEL", "OUT"),
    "render.template_dir": L("ORDNER", "FOLDER"),
    "render.reference_docx": L("DATEI", "FILE"),
    "render.previous": L("ALT", "OLD"),
    "render.agreement_id": L("KENNUNG", "ID"),
    "render.jahr": L("JAHR", "YEAR"),
    "explain.code": L("CODE", "CODE"),
    "init.path": L("DATEI", "FILE"),
    "init.kommune": L("NAME", "NAME"),
    "init.beginn": L("TT.MM.JJJJ", "DD.MM.YYYY"),
    "schema.out": L("DATEI", "FILE"),
    "calendar.paths": L("PFAD...", "PATH..."),
    "calendar.out": L("DATEI", "FILE"),
    "diff.old": L("ALT", "OLD"),
    "diff.new": L("NEU", "NEW"),
    "next-period.old": L("ALT", "OLD"),
    "next-period.out": L("NEU", "NEW"),
    "overview.paths": L("ORDNER...", "FOLDER..."),
    "overview.out": L("DATEI", "FILE"),
    "serve.folder": L("ORDNER", "FOLDER"),
    "serve.port": L("N", "N"),
}

# Tab completion (``ki_cli.cli.completion``): descriptions of values, and what --install-completion says.
COMPLETION: dict[str, L] = {
    "render.proposal": L("Beschlussvorlage", "council proposal"),
    "render.concept": L("Schwerpunktkonzept", "priority concept"),
    "render.agreements": L("Vereinbarungen", "agreements"),
    "render.workplan": L("Arbeitsplanung", "work plan"),
    "installed": L("Vervollständigung für {shell} eingerichtet: {path}", "{shell} completion installed in {path}"),
    "restart": L(
        "Sie wirkt in einem neu geöffneten Terminal.", "Completion will take effect once you restart the terminal."
    ),
    "unsupported": L(
        "Die Shell {shell} wird nicht unterstützt (möglich: bash, zsh, fish, powershell, pwsh).",
        "The shell {shell} is not supported (supported: bash, zsh, fish, powershell, pwsh).",
    ),
}

# Words of the help layout itself.
HEADINGS: dict[str, L] = {
    "Usage": L("Aufruf", "Usage"),
    "Options": L("Optionen", "Options"),
    "Arguments": L("Argumente", "Arguments"),
    "Commands": L("Befehle", "Commands"),
    "[OPTIONS]": L("[OPTIONEN]", "[OPTIONS]"),
    "COMMAND [ARGS]...": L("BEFEHL [ARGUMENTE]...", "COMMAND [ARGS]..."),
}
EXTRAS: dict[str, L] = {
    "[default: ": L("[Standard: ", "[default: "),
    "[required]": L("[erforderlich]", "[required]"),
    "Show this message and exit.": L("Diese Hilfe zeigen.", "Show this help."),
}


def help_lang(args: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """The help language: ``--lang`` on the command line, then the one decision of ``detect_lang``
    (``KI_LANG``, ``ki.toml``, the system's language, German), the same as for findings.

    Usage errors (unknown option, bad value …) are shown in this language too, since they come
    with the usage line of the help page; an unsupported value is passed over here."""
    from ki_cli.text import detect_lang

    given: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return detect_lang(given, _configured_lang(), env)


def _configured_lang() -> str | None:
    """``ki.toml``'s ``lang``, read quietly (the command itself reports the file and its errors)."""
    from ki_cli.config import ConfigError, discover

    try:
        return discover().lang
    except (ConfigError, OSError):
        return None
