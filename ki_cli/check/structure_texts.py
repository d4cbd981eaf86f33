"""Message texts of KI0xx (the file itself) and KI1xx (structure)."""

from __future__ import annotations

# key → {lang: (message, hint)}
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ---- KI0xx: the file itself -------------------------------------------------------------
    "KI001": {
        "de": ("YAML-Syntaxfehler: {problem}.", "{expected}"),
        "en": ("YAML syntax error: {problem}.", "{expected}"),
    },
    "KI001.alias": {
        "de": (
            "Der Alias „*{anchor}“ verweist auf keinen Anker „&{anchor}“ davor.",
            "Setzen Sie den Anker „&{anchor}“ an den Wert, den Sie wiederverwenden wollen, "
            "oder schreiben Sie den Wert aus.",
        ),
        "en": (
            "The alias “*{anchor}” refers to no anchor “&{anchor}” before it.",
            "Put the anchor “&{anchor}” on the value you want to reuse, or write the value out.",
        ),
    },
    "KI002": {
        "de": (
            "Der Schlüssel „{key}“ steht in diesem Abschnitt zweimal (zuerst in Zeile {first_line}); "
            "YAML würde einen der beiden Werte stillschweigend verwerfen.",
            "Löschen Sie einen der beiden Einträge oder führen Sie sie zu einem zusammen.",
        ),
        "en": (
            "The key “{key}” appears twice in this mapping (first in line {first_line}); "
            "YAML would silently drop one of the two values.",
            "Delete one of the two entries or merge them into one.",
        ),
    },
    "KI003": {
        "de": (
            "Die Datei ist nicht UTF-8-kodiert: Byte 0x{byte} in Zeile {line}, Spalte {column} "
            "(in Windows-1252 wäre das „{guess}“).",
            "Speichern Sie die Datei als UTF-8 (im Editor: Speichern unter → Codierung „UTF-8“).",
        ),
        "en": (
            "The file is not UTF-8 encoded: byte 0x{byte} in line {line}, column {column} "
            "(in Windows-1252 that would be “{guess}”).",
            "Save the file as UTF-8 (in your editor: Save as → encoding “UTF-8”).",
        ),
    },
    "KI003.utf16": {
        "de": (
            "Die Datei ist UTF-16- oder UTF-32-kodiert, nicht UTF-8.",
            "Speichern Sie die Datei als UTF-8 (im Editor: Speichern unter → Codierung „UTF-8“).",
        ),
        "en": (
            "The file is encoded as UTF-16 or UTF-32, not UTF-8.",
            "Save the file as UTF-8 (in your editor: Save as → encoding “UTF-8”).",
        ),
    },
    "KI004.tag": {
        "de": (
            "Der YAML-Tag „{tag}“ ist in Konzeptdateien nicht erlaubt; er wird weder ausgewertet noch ausgeführt.",
            "Entfernen Sie den Tag. Konzeptdateien enthalten nur Text, Zahlen, Datumsangaben, Listen und Abschnitte.",
        ),
        "en": (
            "The YAML tag “{tag}” is not allowed in concept files; it is neither constructed nor executed.",
            "Remove the tag. Concept files hold only text, numbers, dates, lists and mappings.",
        ),
    },
    "KI004.multidoc": {
        "de": (
            "Die Datei enthält mehr als ein YAML-Dokument; ein zweites beginnt hier.",
            "Eine Datei beschreibt genau ein Konzept: entfernen Sie den zweiten Teil oder legen "
            "Sie ihn in eine eigene Datei.",
        ),
        "en": (
            "The file holds more than one YAML document; a second one starts here.",
            "One file describes exactly one concept: remove the second part or move it to a file of its own.",
        ),
    },
    "KI004.alias": {
        "de": (
            "Aliase würden hier mehr als {limit} Werte erzeugen (Alias „*{anchor}“); "
            "die Datei wird nicht weiter gelesen.",
            "Schreiben Sie die Werte aus, statt Anker (&) und Aliase (*) ineinander zu verschachteln.",
        ),
        "en": (
            "Aliases would expand to more than {limit} values here (alias “*{anchor}”); "
            "the file is not read any further.",
            "Write the values out instead of nesting anchors (&) and aliases (*).",
        ),
    },
    "KI004.budget": {
        "de": (
            "Die Datei ist zu umfangreich, um sie sicher zu prüfen: eingelesen belegte sie mehr als {limit} "
            "Arbeitsspeicher (es zählen alle Werte und Schlüssel, ihre Texte und alles, wofür Aliase stehen); "
            "sie wird ab hier nicht weiter gelesen.",
            "Ein Konzept umfasst selten mehr als einige Tausend Werte: prüfen Sie, ob versehentlich Daten "
            "eingefügt wurden, und teilen Sie eine sehr große Datei auf.",
        ),
        "en": (
            "The file is too large to check safely: read in, it would take more than {limit} of memory "
            "(all values and keys count, their texts, and everything aliases stand for); it is not read any further.",
            "A concept rarely has more than a few thousand values: check whether data was pasted by mistake, "
            "and split a very large file.",
        ),
    },
    "KI004.memory": {
        "de": (
            "Der Arbeitsspeicher reicht nicht, um diese Datei einzulesen; sie wird nicht weiter gelesen.",
            "Prüfen Sie, ob versehentlich Daten eingefügt wurden, oder prüfen Sie die Datei auf einem "
            "Rechner mit mehr freiem Speicher.",
        ),
        "en": (
            "There is not enough memory to read this file; it is not read any further.",
            "Check whether data was pasted by mistake, or check the file on a machine with more free memory.",
        ),
    },
    "KI004.longkey": {
        "de": (
            "Der Schlüssel „{key}“ ist {length} Zeichen lang, erlaubt sind höchstens {limit}; "
            "sein Wert wird nicht gelesen.",
            "Schlüssel sind kurze Namen wie `titel:`. Meist ist ein Text mit „: “ als Schlüssel gelesen worden: "
            "setzen Sie ihn in Anführungszeichen.",
        ),
        "en": (
            "The key “{key}” is {length} characters long, at most {limit} are allowed; its value is not read.",
            "Keys are short names such as `titel:`. Usually a text with “: ” was read as a key: put it in quotes.",
        ),
    },
    "KI004.depth": {
        "de": (
            "Die Daten sind tiefer als {limit} Ebenen verschachtelt; die Datei wird nicht weiter gelesen.",
            "Ein Konzept braucht höchstens wenige Ebenen; prüfen Sie Klammern und Einrückung.",
        ),
        "en": (
            "The data is nested deeper than {limit} levels; the file is not read any further.",
            "A concept needs only a few levels; check brackets and indentation.",
        ),
    },
    "KI004.size": {
        "de": (
            "Die Datei ist {size} groß; gelesen werden Dateien bis {limit}.",
            "Teilen Sie die Datei auf oder entfernen Sie versehentlich eingefügte Inhalte.",
        ),
        "en": (
            "The file is {size} large; files up to {limit} are read.",
            "Split the file or remove content pasted by mistake.",
        ),
    },
    "KI004.not_regular": {
        "de": (
            "Dies ist keine gewöhnliche Datei, sondern {detail}; sie wird weder geöffnet noch geprüft.",
            "Legen Sie das Konzept als gewöhnliche Datei ab, oder benennen Sie den Eintrag so um, dass er nicht "
            "auf .yaml oder .yml endet.",
        ),
        "en": (
            "This is not a regular file but {detail}; it is neither opened nor checked.",
            "Store the concept as a regular file, or rename the entry so that it does not end in .yaml or .yml.",
        ),
    },
    "KI004.dangling": {
        "de": (
            "Der symbolische Verweis zeigt auf {detail}, das es nicht gibt; geprüft wurde nichts.",
            "Stellen Sie die Datei wieder her, auf die der Verweis zeigt, oder entfernen Sie den Verweis.",
        ),
        "en": (
            "The symbolic link points to {detail}, which does not exist; nothing was checked.",
            "Restore the file the link points to, or remove the link.",
        ),
    },
    "KI004.loop": {
        "de": (
            "Symbolische Verweise bilden hier eine Schleife; die Datei lässt sich nicht öffnen.",
            "Lassen Sie den Verweis auf eine echte Datei zeigen, oder entfernen Sie ihn.",
        ),
        "en": (
            "Symbolic links form a loop here; the file cannot be opened.",
            "Point the link at a real file, or remove it.",
        ),
    },
    "KI004.unreadable": {
        "de": (
            "Die Datei kann nicht gelesen werden ({detail}); sie wurde nicht geprüft.",
            "Prüfen Sie die Zugriffsrechte der Datei (lesen) und ob ein anderes Programm sie sperrt.",
        ),
        "en": (
            "The file cannot be read ({detail}); it was not checked.",
            "Check the file's permissions (read) and whether another program locks it.",
        ),
    },
    "KI004.not_found": {
        "de": (
            "Die Datei ist während der Prüfung verschwunden; sie wurde nicht geprüft.",
            "Prüfen Sie erneut, wenn kein anderes Programm mehr Dateien in dem Ordner verschiebt.",
        ),
        "en": (
            "The file disappeared during the check; it was not checked.",
            "Check again once no other program is moving files in the folder.",
        ),
    },
    "KI004.too_long": {
        "de": (
            "Der Pfad ist zu lang ({length} Zeichen); die Datei lässt sich nicht öffnen.",
            "Wählen Sie kürzere Ordner- und Dateinamen.",
        ),
        "en": (
            "The path is too long ({length} characters); the file cannot be opened.",
            "Choose shorter folder and file names.",
        ),
    },
    "KI004.folder": {
        "de": (
            "Der Ordner kann nicht gelesen werden ({detail}); die Dateien darin wurden nicht geprüft.",
            "Prüfen Sie die Zugriffsrechte des Ordners (lesen und öffnen), oder prüfen Sie die übrigen Ordner einzeln.",
        ),
        "en": (
            "The folder cannot be read ({detail}); the files in it were not checked.",
            "Check the folder's permissions (read and enter), or check the other folders one by one.",
        ),
    },
    "KI004.link_folder": {
        "de": (
            "Der symbolische Verweis auf den Ordner {detail} wird nicht verfolgt; die Dateien dort "
            "wurden nicht geprüft.",
            "Prüfen Sie den Ordner, wenn er dazugehört, ausdrücklich: ki validate {detail}",
        ),
        "en": (
            "The symbolic link to the folder {detail} is not followed; the files there were not checked.",
            "If the folder belongs to the check, name it explicitly: ki validate {detail}",
        ),
    },
    "KI004.complexkey": {
        "de": (
            "Ein Schlüssel muss ein einfacher Text sein, hier steht eine Liste oder ein Abschnitt.",
            "Schreiben Sie den Schlüssel als Text vor den Doppelpunkt, z. B. `titel:`.",
        ),
        "en": (
            "A key must be plain text; here it is a list or a mapping.",
            "Write the key as text before the colon, e.g. `titel:`.",
        ),
    },
    "KI005.empty": {
        "de": (
            "Die Datei ist leer.",
            "Legen Sie mit `ki init` eine Startdatei an oder kopieren Sie ein Beispiel aus concepts/.",
        ),
        "en": (
            "The file is empty.",
            "Create a starting file with `ki init` or copy an example from concepts/.",
        ),
    },
    "KI005.notmapping": {
        "de": (
            "Die oberste Ebene muss ein Abschnitt mit Schlüsseln sein, gefunden: {found}.",
            "Eine Konzeptdatei beginnt mit `version: 1`, gefolgt von `kommune:`, `zentrum:` usw.",
        ),
        "en": (
            "The top level must be a mapping with keys, found: {found}.",
            "A concept file starts with `version: 1`, followed by `kommune:`, `zentrum:` and so on.",
        ),
    },
    "KI006": {
        "de": (
            "„{source}“ liest YAML als Dezimalzahl {read}, nicht als {meant}: in YAML ist der Punkt "
            "ein Dezimaltrennzeichen.",
            'Schreiben Sie `{plain}` oder `"{source}"` (in Anführungszeichen gilt der Punkt als '
            "Tausenderpunkt), wenn {meant} gemeint ist, oder `{decimal}`, wenn die Dezimalzahl {read} gemeint ist.",
        ),
        "en": (
            "YAML reads “{source}” as the decimal {read}, not as {meant}: in YAML the dot is a decimal point.",
            'Write `{plain}` or `"{source}"` (in quotes the dot is a thousands separator) if {meant} is '
            "meant, or `{decimal}` if the decimal {read} is meant.",
        ),
    },
    # ---- the closing finding of a file with more than MAX_FINDINGS findings (any code) ------
    "findings.more": {
        "de": (
            "… und {count} weitere Befunde {code} ({title}); je Datei werden die ersten {limit} Befunde gezeigt.",
            "Beheben Sie zuerst die gezeigten Befunde – viele haben oft dieselbe Ursache – und prüfen Sie dann erneut.",
        ),
        "en": (
            "… and {count} more findings {code} ({title}); the first {limit} findings of each file are shown.",
            "Fix the findings shown first – many often share one cause – then check again.",
        ),
    },
    "findings.one_more": {
        "de": (
            "… und 1 weiterer Befund {code} ({title}); je Datei werden die ersten {limit} Befunde gezeigt.",
            "Beheben Sie zuerst die gezeigten Befunde und prüfen Sie dann erneut.",
        ),
        "en": (
            "… and 1 more finding {code} ({title}); the first {limit} findings of each file are shown.",
            "Fix the findings shown first, then check again.",
        ),
    },
    # ---- KI1xx: structure ------------------------------------------------------------------
    "KI101": {
        "de": (
            "Pflichtfeld „{key}“ fehlt in {where}.",
            "Ergänzen Sie `{key}:` mit {expected}.",
        ),
        "en": (
            "Required field “{key}” is missing in {where}.",
            "Add `{key}:` with {expected}.",
        ),
    },
    "KI102": {
        "de": (
            "Unbekannter Schlüssel „{key}“ in {where}.{did_you_mean}",
            "Erlaubt sind hier: {allowed}. Ein falsch geschriebener Schlüssel würde sonst stillschweigend übergangen.",
        ),
        "en": (
            "Unknown key “{key}” in {where}.{did_you_mean}",
            "Allowed here: {allowed}. A misspelt key would otherwise be silently ignored.",
        ),
    },
    "KI103": {
        "de": (
            "{value} ist für „{key}“ nicht zulässig: erwartet {expected}.{did_you_mean}",
            "{hint}",
        ),
        "en": (
            "{value} is not allowed for “{key}”: expected {expected}.{did_you_mean}",
            "{hint}",
        ),
    },
    "KI104": {
        "de": (
            "Die Formatversion {value} wird nicht unterstützt; diese Version von ki kennt nur Version 1.",
            "Schreiben Sie `version: 1` in die erste Zeile der Datei.",
        ),
        "en": (
            "Format version {value} is not supported; this version of ki knows only version 1.",
            "Write `version: 1` as the first line of the file.",
        ),
    },
    "KI105": {
        "de": (
            "{value} ist keine gültige Kennung: {reason}.",
            "Eine Kennung besteht aus Kleinbuchstaben, Ziffern, „-“ und „_“, beginnt mit Buchstabe "
            "oder Ziffer und hat höchstens 64 Zeichen{suggestion}.",
        ),
        "en": (
            "{value} is not a valid id: {reason}.",
            "An id consists of lower-case letters, digits, “-” and “_”, starts with a letter or "
            "digit and has at most 64 characters{suggestion}.",
        ),
    },
    "KI106": {
        "de": (
            "Die Kennung „{id}“ ist schon vergeben (Zeile {first_line}, {first_path}).",
            "Kennungen müssen in der ganzen Datei eindeutig sein, über alle Listen hinweg: benennen "
            "Sie eine der beiden um.",
        ),
        "en": (
            "The id “{id}” is already taken (line {first_line}, {first_path}).",
            "Ids must be unique across the whole file, over all lists: rename one of the two.",
        ),
    },
    "KI107": {
        "de": (
            "Der Verweis „{ref}“ unter „{key}“ führt ins Leere: es gibt {kind} mit dieser Kennung.{did_you_mean}",
            "Verweisen Sie auf eine vorhandene Kennung oder legen Sie den Eintrag an. Vorhanden: {known}.",
        ),
        "en": (
            "The reference “{ref}” under “{key}” leads nowhere: there is no {kind} with this id.{did_you_mean}",
            "Refer to an existing id or add the entry. Existing: {known}.",
        ),
    },
}
