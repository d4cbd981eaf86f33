"""The texts of ``ki serve``'s answers and its command line, in German and English."""

from __future__ import annotations

from ki_cli.text import L, fill

TEXTS: dict[str, L] = {
    "forbidden_host": L(
        "Zugriff verweigert: Diese Seite ist nur unter 127.0.0.1:{port} oder localhost:{port} erreichbar.",
        "Access denied: this page answers only at 127.0.0.1:{port} or localhost:{port}.",
    ),
    "forbidden_token": L(
        "Zugriff verweigert: Der Zugangsschlüssel fehlt oder ist falsch. Öffnen Sie die Adresse, die "
        "`ki serve` ausgegeben hat (mit ?token=…).",
        "Access denied: the access token is missing or wrong. Open the address `ki serve` printed (with ?token=…).",
    ),
    "forbidden_origin": L(
        "Zugriff verweigert: Die Anfrage kommt von einer anderen Seite ({origin}).",
        "Access denied: the request comes from another site ({origin}).",
    ),
    "not_found": L(
        "Nicht gefunden: „{path}“ ist keine Konzeptdatei in diesem Ordner.",
        "Not found: “{path}” is no concept file in this folder.",
    ),
    "no_route": L("Diese Adresse gibt es nicht: {path}", "There is no such address: {path}"),
    "method": L("Diese Methode ist hier nicht erlaubt: {method}", "This method is not allowed here: {method}"),
    "bad_json": L(
        "Die Anfrage ist kein gültiges JSON-Objekt: {detail}",
        "The request is no valid JSON object: {detail}",
    ),
    "bad_field": L(
        "Das Feld „{field}“ fehlt oder hat den falschen Typ (erwartet: {expected}).",
        "The field “{field}” is missing or has the wrong type (expected: {expected}).",
    ),
    "too_large": L(
        "Die Anfrage ist zu groß ({size} Bytes, höchstens {limit}).",
        "The request is too large ({size} bytes, at most {limit}).",
    ),
    "stale": L(
        "Die Datei „{path}“ wurde inzwischen auf der Festplatte geändert. Laden Sie sie neu oder "
        "speichern Sie Ihre Fassung als Kopie.",
        "The file “{path}” was changed on disk meanwhile. Reload it or save your version as a copy.",
    ),
    "if_match_needed": L(
        "Zum Überschreiben von „{path}“ fehlt der Kopf If-Match mit dem ETag der gelesenen Fassung.",
        "Overwriting “{path}” needs the header If-Match with the ETag of the version read.",
    ),
    "exists": L(
        "Die Datei „{path}“ gibt es schon; sie wird nicht überschrieben.",
        "The file “{path}” exists already; it is not overwritten.",
    ),
    "gone": L(
        "Die Datei „{path}“ gibt es nicht (mehr).",
        "The file “{path}” does not exist (any more).",
    ),
    "write_failed": L("Die Datei konnte nicht geschrieben werden: {detail}", "The file could not be written: {detail}"),
    "read_failed": L("Die Datei konnte nicht gelesen werden: {detail}", "The file could not be read: {detail}"),
    "bad_kind": L(
        "Unbekannte Dokumentart „{kind}“; möglich: {known}.",
        "Unknown kind of document “{kind}”; possible: {known}.",
    ),
    "bad_format": L(
        "Unbekanntes Format „{format}“; möglich: {known}.",
        "Unknown format “{format}”; possible: {known}.",
    ),
    "bad_starter": L(
        "Die Angabe für die Startdatei passt nicht: {detail}", "The answer for the starter does not fit: {detail}"
    ),
    "refused": L(
        "Kein Dokument: Das Konzept hat Befunde, die es verhindern ({codes}). Beheben Sie sie "
        "(oder fordern Sie mit allow_errors=1 einen Entwurf an).",
        "No document: the concept has findings that prevent it ({codes}). Fix them "
        "(or ask for a draft with allow_errors=1).",
    ),
    "unloadable": L(
        "Kein Dokument: Die Datei lässt sich nicht als Konzept lesen. Die Befunde sagen, wo.",
        "No document: the file cannot be read as a concept. The findings say where.",
    ),
    "render_failed": L(
        "Das Dokument konnte nicht erzeugt werden: {detail}", "The document could not be made: {detail}"
    ),
    "no_agreement": L(
        "Keine Vereinbarung „{id}“; vorhanden: {known}.",
        "No agreement “{id}”; there are: {known}.",
    ),
    "no_agreements": L("Das Konzept hat keine Vereinbarungen.", "The concept has no agreements."),
    "many_agreements": L(
        "Das Konzept hat {count} Vereinbarungen: wählen Sie eine mit id=… ({known}).",
        "The concept has {count} agreements: choose one with id=… ({known}).",
    ),
    "no_pdf": L(
        "PDF ist hier nicht möglich (die Pango-Bibliothek fehlt: {detail}); Word, HTML und Markdown gehen.",
        "PDF is not possible here (the Pango library is missing: {detail}); Word, HTML and Markdown work.",
    ),
    "edit_failed": L(
        "Die Änderung an „{path}“ lässt sich nicht in den Text übernehmen: {detail}",
        "The change at “{path}” cannot be applied to the text: {detail}",
    ),
    "internal": L(
        "Interner Fehler in ki serve ({detail}). Bitte melden Sie ihn mit der Ausgabe im Terminal.",
        "Internal error in ki serve ({detail}). Please report it with the terminal's output.",
    ),
    # the command line
    "cli.not_folder": L("„{path}“ ist kein Ordner.", "“{path}” is not a folder."),
    "cli.port_busy": L(
        "Port {port} ist belegt oder nicht erlaubt ({detail}). Wählen Sie einen anderen mit --port "
        "(--port 0 nimmt einen freien).",
        "Port {port} is in use or not allowed ({detail}). Choose another with --port (--port 0 picks a free one).",
    ),
    "cli.bad_port": L(
        "--port muss zwischen 0 und 65535 liegen, nicht {port}.",
        "--port must be between 0 and 65535, not {port}.",
    ),
    "cli.serving": L(
        "ki serve: Konzepte in {path} – die Seite öffnen Sie mit der Adresse oben; Strg+C beendet.",
        "ki serve: concepts in {path} – open the page with the address above; Ctrl+C stops.",
    ),
    "cli.stopped": L("ki serve beendet.", "ki serve stopped."),
}


def text(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang``; parameters have their control characters escaped."""
    from ki_cli.messages import escaped

    return fill(TEXTS, key, lang, escaped(params))
