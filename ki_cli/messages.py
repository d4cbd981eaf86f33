"""Every text a finding can carry, in German and English, in one catalog.

A key is a code (``KI313``) or a code with a variant (``KI004.alias``). Each entry holds the
message and the hint as ``str.format`` templates; parameters that are themselves bilingual
are ``L`` values and are resolved before formatting. The entries are declared with each rule
(see ``ki_cli.check.registry``: KI0xx in ``check/load.py``, KI1xx in ``check/structure.py``, the
domain rules in ``check/rules/``); the command line's own texts are ``UI`` below.
"""

from __future__ import annotations

from collections.abc import Mapping

from ki_cli.text import L, fill, resolve

# key → {lang: (message, hint)}: the texts each rule of the registry declares; built on first use
# (PEP 562), since the modules that declare the rules report through this one.
MESSAGES: dict[str, dict[str, tuple[str, str]]]


def _collect() -> dict[str, dict[str, tuple[str, str]]]:
    from ki_cli.check.registry import RULES

    return {
        key: {"de": (text.message.de, text.hint.de), "en": (text.message.en, text.hint.en)}
        for rule in RULES.values()
        for key, text in rule.texts.items()
    }


def __getattr__(name: str) -> object:
    if name == "MESSAGES":
        messages = globals()["MESSAGES"] = _collect()
        return messages
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(key: str, lang: str, params: Mapping[str, object]) -> tuple[str, str]:
    """The message and hint of ``key`` in ``lang``, filled with ``params``."""
    catalogue = globals().get("MESSAGES") or __getattr__("MESSAGES")
    entry = catalogue[key]  # type: ignore[index]
    message, hint = entry.get(lang) or entry["de"]
    values = {name: resolve(value, lang) for name, value in params.items()}
    return message.format_map(values), hint.format_map(values)


# Texts of the command line itself (not findings).
UI: dict[str, L] = {
    "summary": L(
        "{files} {files_word} geprüft: {errors} {errors_word}, {warnings} {warnings_word}, {infos} {infos_word}",
        "{files} {files_word} checked: {errors} {errors_word}, {warnings} {warnings_word}, {infos} {infos_word}",
    ),
    "file": L("Datei", "file"),
    "files": L("Dateien", "files"),
    "error": L("Fehler", "error"),
    "errors": L("Fehler", "errors"),
    "warning": L("Warnung", "warning"),
    "warnings": L("Warnungen", "warnings"),
    "info": L("Hinweis", "info"),
    "infos": L("Hinweise", "infos"),
    "hint": L("So beheben", "Fix"),
    "basis": L("Grundlage", "Basis"),
    "sev.error": L("Fehler", "error"),
    "sev.warning": L("Warnung", "warning"),
    "sev.info": L("Hinweis", "info"),
    "no_files": L(
        "Keine YAML-Dateien gefunden in {path}.",
        "No YAML files found in {path}.",
    ),
    "not_found": L(
        "Datei oder Ordner nicht gefunden: {path}",
        "File or folder not found: {path}",
    ),
    "unreadable": L(
        "Datei kann nicht gelesen werden: {path} ({reason})",
        "File cannot be read: {path} ({reason})",
    ),
    "bad_codes": L(
        "Unbekannter Code in {option}: {code}.{did_you_mean} Bekannte Codes: KI001 … KI606 oder Präfixe wie KI3.",
        "Unknown code in {option}: {code}.{did_you_mean} Known codes: KI001 … KI606 or prefixes such as KI3.",
    ),
    "bad_config": L(
        "Die Konfigurationsdatei {where} ist fehlerhaft: {problem}",
        "The configuration file {where} is broken: {problem}",
    ),
    "config.read": L("Einstellungen aus ki.toml gelesen: {path}", "Settings read from ki.toml: {path}"),
    "config.unsafe_file": L(
        "{path} wird nicht verwendet: die Datei ist für andere beschreibbar, jemand anderes könnte sie geändert "
        "haben. Es gelten die Voreinstellungen; Abhilfe: chmod go-w {path}",
        "{path} is not used: the file is writable by others, someone else may have changed it. The defaults "
        "apply; to fix: chmod go-w {path}",
    ),
    "config.unsafe_folder": L(
        "{path} wird nicht verwendet: der Ordner ist für andere beschreibbar, jemand anderes könnte die Datei dort "
        "abgelegt haben. Es gelten die Voreinstellungen; legen Sie ki.toml in den Projektordner (mit .git).",
        "{path} is not used: the folder is writable by others, someone else may have put the file there. The "
        "defaults apply; put ki.toml into the project folder (the one with .git).",
    ),
    "config.unreadable": L("die Datei kann nicht gelesen werden ({reason})", "the file cannot be read ({reason})"),
    "config.not_a_file": L("das ist keine gewöhnliche Datei", "this is not a regular file"),
    "config.too_large": L("die Datei ist größer als {limit}", "the file is larger than {limit}"),
    "config.not_utf8": L("die Datei ist nicht in UTF-8 gespeichert", "the file is not saved as UTF-8"),
    "config.syntax": L("kein gültiges TOML: {detail}", "not valid TOML: {detail}"),
    "config.too_deep": L(
        "zu tief verschachtelt (Listen oder Tabellen in sich)", "nested too deeply (lists or tables within each other)"
    ),
    "config.not_a_table": L("[{section}] muss eine Tabelle sein", "[{section}] must be a table"),
    "config.unknown_key": L(
        "unbekannter Schlüssel {name} (erlaubt: {allowed})", "unknown key {name} (allowed: {allowed})"
    ),
    "config.lang": L("lang muss einer dieser Texte sein: {allowed}", "lang must be one of these texts: {allowed}"),
    "config.codes": L(
        '{name} muss eine Liste von Codes sein, etwa ["KI107", "KI3"]',
        '{name} must be a list of codes, such as ["KI107", "KI3"]',
    ),
    "config.unknown_code": L(
        "unbekannter Code {code}; `ki rules` listet alle Codes", "unknown code {code}; `ki rules` lists every code"
    ),
    "config.strict": L("strict muss true oder false sein", "strict must be true or false"),
    "config.severity_table": L(
        '[validate.severity] muss eine Tabelle sein, etwa KI407 = "error"',
        '[validate.severity] must be a table, such as KI407 = "error"',
    ),
    "config.severity_level": L(
        "die Schwere von {code} muss einer dieser Texte sein: {allowed}",
        "the severity of {code} must be one of these texts: {allowed}",
    ),
    "config.template_dir": L(
        'template_dir muss ein Pfad in Anführungszeichen sein, etwa "vorlagen"',
        'template_dir must be a path in quotes, such as "vorlagen"',
    ),
    "config.reference_docx": L(
        'reference_docx muss ein Pfad in Anführungszeichen sein, etwa "briefkopf.docx"',
        'reference_docx must be a path in quotes, such as "briefkopf.docx"',
    ),
    "config.reference_docx_text": L(
        "reference_docx darf weder leer sein noch Steuerzeichen enthalten",
        "reference_docx must be neither empty nor hold control characters",
    ),
    "config.template_dir_text": L(
        "template_dir darf weder leer sein noch Steuerzeichen enthalten",
        "template_dir must be neither empty nor hold control characters",
    ),
    "config.sarif_help_base": L(
        "help_base muss eine https-Adresse in Anführungszeichen sein, ohne „#“ und „?“, etwa "
        '"https://github.com/ki-nrw/ki-cli/blob/main/docs/rules.md"',
        "help_base must be an https address in quotes, without “#” and “?”, such as "
        '"https://github.com/ki-nrw/ki-cli/blob/main/docs/rules.md"',
    ),
    "config.oparl_base_url": L(
        'base_url muss eine https-Adresse in Anführungszeichen sein, etwa "https://ratsinfo.beispielstadt.de/oparl/v1"',
        'base_url must be an https address in quotes, such as "https://ratsinfo.beispielstadt.de/oparl/v1"',
    ),
    "config.oparl_organisation": L(
        '[oparl.organisationen] {name} muss eine https-Adresse oder eine Kennung in Anführungszeichen sein, etwa "42"',
        '[oparl.organisationen] {name} must be an https address or an id in quotes, such as "42"',
    ),
    "config.oparl_organisation_needs_base": L(
        "[oparl.organisationen] {name} ist eine Kennung ohne Adresse; geben Sie dazu [oparl] base_url an "
        "oder die volle https-Adresse",
        "[oparl.organisationen] {name} is an id without an address; give [oparl] base_url with it "
        "or the full https address",
    ),
    "unknown_rule": L(
        "Unbekannter Regelcode „{code}“.{did_you_mean} `ki rules` listet alle Regeln.",
        "Unknown rule code “{code}”.{did_you_mean} `ki rules` lists every rule.",
    ),
    "out.exists": L(
        "{path} gibt es schon; mit --force wird die Datei überschrieben.",
        "{path} already exists; --force overwrites it.",
    ),
    "out.no_folder": L("Der Ordner für {path} existiert nicht.", "The folder of {path} does not exist."),
    "out.parent_not_dir": L(
        "{path} kann nicht geschrieben werden: der übergeordnete Pfad ist eine Datei.",
        "{path} cannot be written: its parent is a file.",
    ),
    "out.is_dir": L("{path} ist ein Ordner, keine Datei.", "{path} is a folder, not a file."),
    "out.not_writable": L("{path} kann nicht geschrieben werden ({detail}).", "{path} cannot be written ({detail})."),
    "out.special": L(
        "{path} ist keine gewöhnliche Datei, sondern {detail}; ki schreibt nur gewöhnliche Dateien und ersetzt "
        "diese nie, auch nicht mit --force. Für die Standardausgabe: -o -.",
        "{path} is not a regular file but {detail}; ki writes only regular files and never replaces this one, "
        "not even with --force. For standard output: -o -.",
    ),
    "out.symlink": L(
        "{path} ist ein symbolischer Verweis auf {detail}; ki ersetzt keine Verweise und schreibt auch nicht durch sie "
        "hindurch. Geben Sie mit -o das Ziel selbst oder einen anderen Namen an (für die Standardausgabe: -o -).",
        "{path} is a symbolic link to {detail}; ki neither replaces links nor writes through them. Name the target "
        "itself or another name with -o (for standard output: -o -).",
    ),
    "out.is_input": L(
        "{path} ist eine Eingabe dieses Befehls{detail} und wird nicht überschrieben, auch nicht mit --force. "
        "Wählen Sie für die Ausgabe einen anderen Namen.",
        "{path} is an input of this command{detail} and is never overwritten, not even with --force. "
        "Choose another name for the output.",
    ),
    "out.too_long": L(
        "Der Pfad ist zu lang ({length} Zeichen): {path}. Wählen Sie kürzere Ordner- und Dateinamen.",
        "The path is too long ({length} characters): {path}. Choose shorter folder and file names.",
    ),
    "out.terminated": L(
        "Abgebrochen ({signal}): {path} wurde nicht geschrieben; eine vorhandene Datei ist unverändert.",
        "Terminated ({signal}): {path} was not written; an existing file is unchanged.",
    ),
    "out.terminated_after": L(
        "Abgebrochen ({signal}), nachdem {path} vollständig geschrieben war.",
        "Terminated ({signal}) after {path} had been written completely.",
    ),
    "in.not_regular": L(
        "{path} ist keine gewöhnliche Datei, sondern {detail}; ki liest nur gewöhnliche Dateien (die "
        "Standardeingabe mit -).",
        "{path} is not a regular file but {detail}; ki reads only regular files (standard input with -).",
    ),
    "in.is_dir": L("{path} ist ein Ordner, keine Datei.", "{path} is a folder, not a file."),
    "in.dangling": L(
        "{path} ist ein symbolischer Verweis auf {detail}, das es nicht gibt.",
        "{path} is a symbolic link to {detail}, which does not exist.",
    ),
    "in.loop": L(
        "{path} kann nicht gelesen werden: symbolische Verweise bilden eine Schleife.",
        "{path} cannot be read: symbolic links form a loop.",
    ),
    "in.too_long": L(
        "Der Pfad ist zu lang ({length} Zeichen): {path}. Wählen Sie kürzere Ordner- und Dateinamen.",
        "The path is too long ({length} characters): {path}. Choose shorter folder and file names.",
    ),
    "in.folder": L(
        "Der Ordner {path} kann nicht gelesen werden ({detail}).",
        "The folder {path} cannot be read ({detail}).",
    ),
    "render.refused": L(
        "{path} enthält Fehler; es wird kein Dokument geschrieben. Beheben Sie die Fehler oder "
        "schreiben Sie mit --allow-errors einen als ENTWURF markierten Stand.",
        "{path} has errors; no document is written. Fix them, or write a draft marked ENTWURF with --allow-errors.",
    ),
    "render.refused_warnings": L(
        "{path}: Wegen {codes} stünde ein Platzhalter oder ein falscher Wert im Dokument; es wird kein Dokument "
        "geschrieben. Beheben Sie die Stellen oder schreiben Sie mit --allow-errors einen als ENTWURF "
        "markierten Stand.",
        "{path}: because of {codes}, the document would hold a placeholder or a wrong value; no document is "
        "written. Fix them, or write a draft marked ENTWURF with --allow-errors.",
    ),
    "render.unloadable": L(
        "{path} lässt sich nicht als Konzept lesen; auch mit --allow-errors kann daraus kein Dokument werden.",
        "{path} cannot be read as a concept; not even --allow-errors can make a document of it.",
    ),
    "render.no_pdf": L(
        "Für PDF fehlt auf diesem Rechner die Bibliothek Pango ({detail}), die pip unter Windows nicht "
        "mitinstallieren kann: installieren Sie sie wie unter "
        "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html beschrieben – Word (-o vorlage.docx), "
        "HTML und Markdown gehen schon jetzt.",
        "PDF needs the Pango library, which is missing on this computer ({detail}) and which pip cannot install "
        "on Windows: install it as described at https://doc.courtbouillon.org/weasyprint/stable/first_steps.html "
        "– Word (-o vorlage.docx), HTML and Markdown work now.",
    ),
    "render.needs_out": L(
        "Das Format {format} ist binär: geben Sie mit -o eine Datei an, z. B. -o vorlage.{format}.",
        "The format {format} is binary: name a file with -o, e.g. -o vorlage.{format}.",
    ),
    "render.bad_suffix": L(
        "Aus der Endung von {path} lässt sich kein Format ableiten; nutzen Sie --format md|html|pdf|docx|oparl.",
        "The suffix of {path} names no format; use --format md|html|pdf|docx|oparl.",
    ),
    "render.oparl_only_proposal": L(
        "OParl gibt es nur für die Beschlussvorlage (ki render proposal).",
        "OParl exists only for the proposal (ki render proposal).",
    ),
    "render.no_agreement": L(
        "Keine Vereinbarung mit der Kennung „{id}“.{did_you_mean} Vorhanden: {known}.",
        "No agreement with the id “{id}”.{did_you_mean} Present: {known}.",
    ),
    "render.no_agreements": L("Das Konzept enthält keine Vereinbarungen.", "The concept has no agreements."),
    "render.many_need_dir": L(
        "Es gibt {count} Vereinbarungen: geben Sie mit -o einen Ordner an oder wählen Sie eine mit --id.",
        "There are {count} agreements: name a folder with -o or pick one with --id.",
    ),
    "render.template_dir": L("Vorlagenordner nicht gefunden: {path}", "Template folder not found: {path}"),
    "render.reference_docx": L(
        "Die Word-Vorlage {path} wird nicht verwendet: {reason}. Geben Sie mit --reference-docx eine .docx- "
        "oder .dotx-Datei an (oder ändern Sie reference_docx in ki.toml).",
        "The Word template {path} is not used: {reason}. Name a .docx or .dotx file with --reference-docx "
        "(or change reference_docx in ki.toml).",
    ),
    "render.reference.missing": L("die Datei gibt es nicht", "the file does not exist"),
    "render.reference.not_file": L("das ist keine gewöhnliche Datei", "it is not a regular file"),
    "render.reference.unreadable": L("sie kann nicht gelesen werden ({reason})", "it cannot be read ({reason})"),
    "render.reference.too_large": L("sie ist größer als {limit}", "it is larger than {limit}"),
    "render.reference.unpacked_too_large": L(
        "entpackt wäre sie größer als {limit} oder hätte zu viele Teile",
        "unpacked it would be larger than {limit} or have too many parts",
    ),
    "render.reference.not_docx": L(
        "das ist kein Word-Dokument (.docx) und keine Word-Vorlage (.dotx); Dateien mit Makros (.docm, .dotm) "
        "werden nicht verwendet",
        "it is not a Word document (.docx) or Word template (.dotx); files with macros (.docm, .dotm) are not used",
    ),
    "render.reference.broken": L(
        "die Datei ist beschädigt und lässt sich nicht öffnen", "the file is damaged and cannot be opened"
    ),
    "render.failed": L(
        "Die Vorlage lässt sich nicht ausfüllen: {detail}", "The template cannot be filled in: {detail}"
    ),
    "render.written": L("geschrieben: {path}", "written: {path}"),
    # what a template may not do (ki_cli/render/engine.py), each shown after "template:line: "
    "render.syntax": L("Syntaxfehler in der Vorlage: {message}", "syntax error in the template: {message}"),
    "render.sandbox": L("von der Sandbox verweigert: {message}", "refused by the sandbox: {message}"),
    "render.template_error": L("{message}", "{message}"),
    "render.fill": L("Fehler beim Ausfüllen der Vorlage: {message}", "error while filling in the template: {message}"),
    "render.filter": L("Der Filter „{filter}“ scheitert: {message}", "The filter “{filter}” fails: {message}"),
    "render.template.outside": L(
        "Die Vorlage „{name}“ liegt außerhalb des Vorlagenordners {folder} (ein symbolischer Verweis "
        "führt hinaus) und wird nicht gelesen. Legen Sie die Datei selbst in den Ordner.",
        "The template “{name}” lies outside the template folder {folder} (a symbolic link leads out of it) "
        "and is not read. Put the file itself into the folder.",
    ),
    "render.template.not_file": L(
        "„{name}“ ist keine gewöhnliche Datei (z. B. eine Pipe oder ein Gerät) und wird nicht gelesen.",
        "“{name}” is not a regular file (e.g. a pipe or a device) and is not read.",
    ),
    "render.template.too_large": L(
        "Die Vorlage „{name}“ ist größer als {limit} Bytes und wird nicht gelesen.",
        "The template “{name}” is larger than {limit} bytes and is not read.",
    ),
    "render.template.encoding": L(
        "Die Vorlage „{name}“ ist nicht UTF-8-kodiert: speichern Sie sie als UTF-8.",
        "The template “{name}” is not UTF-8 encoded: save it as UTF-8.",
    ),
    "render.template.unreadable": L(
        "Die Vorlage „{name}“ kann nicht gelesen werden ({reason}).",
        "The template “{name}” cannot be read ({reason}).",
    ),
    "render.limit.steps": L(
        "Die Vorlage rechnet zu lange: mehr als {limit} Schleifendurchläufe, Aufrufe und Rechenschritte "
        "(geschachtelte Schleifen über zu viele Einträge?).",
        "The template works too long: more than {limit} loop iterations, calls and operations "
        "(nested loops over too many items?).",
    ),
    "render.limit.time": L(
        "Die Vorlage braucht länger als {seconds} Sekunden und wird abgebrochen.",
        "The template takes longer than {seconds} seconds and is stopped.",
    ),
    "render.limit.string": L(
        "Ein Text der Vorlage würde länger als {limit} Zeichen.",
        "A text the template makes would be longer than {limit} characters.",
    ),
    "render.limit.items": L(
        "Eine Liste der Vorlage würde mehr als {limit} Einträge haben.",
        "A list the template makes would have more than {limit} entries.",
    ),
    "render.limit.printed": L(
        "Ein ausgegebener Wert umfasst mehr als {limit} Einzelwerte.",
        "A value to be printed holds more than {limit} values.",
    ),
    "render.limit.number": L(
        "Eine Zahl der Vorlage würde mehr als {limit} Stellen haben.",
        "A number the template computes would have more than {limit} digits.",
    ),
    "render.limit.width": L(
        "Eine Breite, Länge oder Anzahl ist zu groß ({value}; höchstens {limit}).",
        "A width, length or count is too large ({value}; at most {limit}).",
    ),
    "render.limit.output": L(
        "Das Dokument würde länger als {limit} Zeichen.",
        "The document would be longer than {limit} characters.",
    ),
    "render.limit.depth": L(
        "Aufrufe sind tiefer als {limit} Ebenen verschachtelt: ruft sich ein Makro ohne Ende selbst auf?",
        "Calls nest deeper than {limit} levels: does a macro call itself without end?",
    ),
    "render.limit.recursion": L(
        "Die Vorlage bindet sich ohne Ende selbst ein (include, extends, import oder Makro).",
        "The template includes itself without end (include, extends, import or a macro).",
    ),
    "render.limit.loops": L(
        "Mehr als {limit} Schleifen liegen ineinander.",
        "More than {limit} loops lie inside each other.",
    ),
    "render.limit.blocks": L(
        "Mehr als {limit} Blöcke (for, if, macro …) liegen ineinander.",
        "More than {limit} blocks (for, if, macro …) lie inside each other.",
    ),
    "render.limit.complex": L(
        "Die Vorlage ist zu tief verschachtelt, um übersetzt zu werden ({detail}).",
        "The template is nested too deeply to be compiled ({detail}).",
    ),
    "render.limit.memory": L(
        "Für diese Vorlage reicht der Speicher nicht.",
        "There is not enough memory for this template.",
    ),
    "render.fetch_refused": L(
        "Warnung: {url} wurde nicht geladen – Dokumente laden keine Dateien und nichts aus dem Netz "
        "(erlaubt sind nur eingebettete data:-Bilder, -Schriften und -Stylesheets).",
        "Warning: {url} was not loaded – documents load no files and nothing from the network "
        "(only embedded data: images, fonts and stylesheets are allowed).",
    ),
    "render.attachment_dropped": L(
        "Warnung: der Anhang {url} wird nicht in die PDF-Datei eingebettet – ki bettet keine Anhänge aus Vorlagen ein.",
        "Warning: the attachment {url} is not embedded in the PDF – ki embeds no attachments from templates.",
    ),
    "render.missing_glyphs": L(
        "Warnung: für {url} hat keine installierte Schrift ein Zeichen – die PDF-Datei zeigt dort leere "
        "Kästchen und wird deshalb nicht als PDF/A ausgewiesen (Abhilfe: eine Schrift installieren, die "
        "diese Zeichen enthält, z. B. aus den Noto-Schriften).",
        "Warning: no installed font has a glyph for {url} – the PDF shows empty boxes there and is therefore "
        "not declared PDF/A (remedy: install a font that contains these characters, e.g. one of the Noto fonts).",
    ),
    "render.duplicate_id": L(
        "Die Kennung „{id}“ tragen mehrere Vereinbarungen; damit keine die andere ersetzt, steht diese in {path}.",
        "The id “{id}” is used by more than one agreement; so that none replaces another, this one is in {path}.",
    ),
    "init.ask.kommune": L(
        "Name der Kommune (z. B. Stadt Hamm, Kreis Soest)", "Name of the municipality (e.g. Stadt Hamm, Kreis Soest)"
    ),
    "init.ask.typ": L(
        "Art: kreisfreie_stadt, kreis, staedteregion oder kreisangehoerige_stadt",
        "Type: kreisfreie_stadt, kreis, staedteregion or kreisangehoerige_stadt",
    ),
    "init.ask.beginn": L("Beginn des Zeitraums (TT.MM.JJJJ)", "Start of the period (DD.MM.YYYY)"),
    "init.ask.foerderrichtlinie": L("Förderrichtlinie ({choices})", "Funding guideline ({choices})"),
    "init.bad_typ": L(
        "„{value}“ ist keine Art der Kommune: erlaubt sind kreisfreie_stadt, kreis, staedteregion und "
        "kreisangehoerige_stadt.",
        "“{value}” is no type of municipality: allowed are kreisfreie_stadt, kreis, staedteregion and "
        "kreisangehoerige_stadt.",
    ),
    "init.bad_beginn": L(
        "„{value}“ ist kein Datum: schreiben Sie z. B. 01.01.2027 oder 2027-01-01.",
        "“{value}” is not a date: write e.g. 01.01.2027 or 2027-01-01.",
    ),
    "init.beginn_out_of_range": L(
        "Ein Zeitraum ab {value} endet nach dem Jahr {last}; Daten im Konzept liegen zwischen {first} und {last}. "
        "Prüfen Sie die Jahreszahl.",
        "A period from {value} would end after the year {last}; dates in a concept lie between {first} and {last}. "
        "Check the year.",
    ),
    "init.beginn_not_first": L(
        "Ein Zeitraum beginnt am Monatsersten (KI201): „{value}“ ist kein Monatserster.",
        "A period starts on the first of a month (KI201): “{value}” is not.",
    ),
    "init.bad_foerderrichtlinie": L(
        "„{value}“ ist keine bekannte Förderrichtlinie: erlaubt sind {choices}.",
        "“{value}” is no known funding guideline: allowed are {choices}.",
    ),
    "init.empty_kommune": L("Der Name der Kommune darf nicht leer sein.", "The municipality's name must not be empty."),
    "init.option": L("Angabe {option}: {problem}", "Option {option}: {problem}"),
    "init.defaults": L(
        "Keine Eingabe möglich (kein Terminal): für {options} wurden Platzhalter eingesetzt – bitte "
        "in der Datei ersetzen.",
        "No terminal to ask on: placeholders were used for {options} – please replace them in the file.",
    ),
    "init.next": L(
        "Nächste Schritte: in {path} jede Zeile mit „ERSETZEN“ und die Beispieltexte ersetzen (den Vermerk "
        "dann löschen); `ki validate --strict {path}` zeigt jeden Platzhalter, der noch da ist (KI007).",
        "Next: in {path}, replace every line marked “ERSETZEN” and the sample texts (then delete the mark); "
        "`ki validate --strict {path}` shows every placeholder still there (KI007).",
    ),
    "render.id_only_agreements": L(
        "--id wählt eine Vereinbarung und gilt nur für `ki render agreements`, nicht für {kind}.",
        "--id picks one agreement and applies only to `ki render agreements`, not to {kind}.",
    ),
    "render.format_mismatch": L(
        "--format {format} passt nicht zur Endung von {path} ({suffix} bedeutet {suffix_format}): "
        "lassen Sie --format weg oder ändern Sie die Endung, z. B. -o {example}.",
        "--format {format} disagrees with the suffix of {path} ({suffix} means {suffix_format}): "
        "leave out --format or change the suffix, e.g. -o {example}.",
    ),
    # usage errors (the parser's), shown below the usage line of the help
    "usage.error": L("Fehler: {message}", "Error: {message}"),
    "usage.help": L("Hilfe: {command}", "Help: {command}"),
    "usage.no_option": L("Unbekannte Option {option}.{did_you_mean}", "No such option: {option}.{did_you_mean}"),
    "usage.did_you_mean": L(" Meinten Sie {options}?", " Did you mean {options}?"),
    "usage.or": L(" oder ", " or "),
    "usage.no_command": L(
        "Unbekannter Befehl {name}.{did_you_mean} Befehle: {commands}.",
        "No such command: {name}.{did_you_mean} Commands: {commands}.",
    ),
    "usage.missing_command": L(
        "Es fehlt der Befehl, z. B. ki validate DATEI.", "A command is missing, e.g. ki validate FILE."
    ),
    "usage.bad_choice": L(
        "{value} ist kein gültiger Wert für {param}.{did_you_mean} Möglich sind: {choices}.",
        "{value} is not a valid value for {param}.{did_you_mean} Possible values: {choices}.",
    ),
    "usage.bad_value": L("Ungültiger Wert für {param}: {detail}", "Invalid value for {param}: {detail}"),
    "usage.missing_argument": L("Es fehlt die Angabe {param}.", "Missing argument {param}."),
    "usage.missing_option": L("Es fehlt die Option {param}.", "Missing option {param}."),
    "usage.needs_value": L("Die Option {option} braucht einen Wert.", "The option {option} needs a value."),
    "usage.takes_no_value": L("Die Option {option} nimmt keinen Wert an.", "The option {option} takes no value."),
    "usage.extra": L(
        "Zu viele Angaben: {args} – dieser Befehl erwartet sie nicht.",
        "Unexpected extra arguments: {args} – this command does not take them.",
    ),
    "usage.other": L("Dieser Aufruf ist nicht möglich: {detail}", "This command line cannot run: {detail}"),
    "bad_lang": L(
        "Die Sprache {value} wird nicht unterstützt; möglich ist --lang de|en.",
        "The language {value} is not supported; use --lang de|en.",
    ),
    "progress.validate": L("Prüfe", "Checking"),
    "progress.render": L("Schreibe", "Rendering"),
    "interrupted": L(
        "Abgebrochen. Es wurde keine Datei halb geschrieben; vorhandene Dateien sind unverändert.",
        "Interrupted. No file was half written; existing files are unchanged.",
    ),
    "output_failed": L(
        "Die Ausgabe kann nicht geschrieben werden: {reason}.",
        "The output cannot be written: {reason}.",
    ),
    "output.closed": L("die Standardausgabe ist geschlossen", "standard output is closed"),
    "output.full": L("kein Speicherplatz mehr frei", "no space left on device"),
    "output.quota": L("das Speicherkontingent ist erschöpft", "disk quota exceeded"),
    "output.too_large": L("die Datei wird zu groß", "file too large"),
    "output.io": L("Ein-/Ausgabefehler des Geräts", "input/output error"),
    "internal": L(
        "Interner Fehler in ki ({error}). Bitte melden Sie ihn mit der Ausgabe von `ki --debug …`.",
        "Internal error in ki ({error}). Please report it with the output of `ki --debug …`.",
    ),
}


def ui(key: str, lang: str, **params: object) -> str:
    """A command-line text in ``lang``. A text parameter (a file name, a value from the command line)
    has its control characters and line breaks escaped, so that it cannot forge a line of its own."""
    return fill(UI, key, lang, escaped(params))


def escaped(params: Mapping[str, object]) -> dict[str, object]:
    """``params`` with every value but numbers and bilingual texts as text, its control characters and
    line breaks escaped (``ki_cli.output.printable``): a file name (``str`` or ``Path``), an error."""
    from ki_cli.output import printable

    return {name: v if isinstance(v, (int, float, L)) else printable(str(v)) for name, v in params.items()}
