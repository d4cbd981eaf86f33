"""``ki init``: a commented starting file that validates without errors.

The file is German (keys, comments, placeholders): municipal staff fill it in. Its staffing is
taken from the rule pack of the chosen guideline (posts up to the caps), its council from the
type of municipality (Rat or Kreistag), its dates from the period's start, so that a fresh file
passes ``ki validate`` with exit code 0.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from ki_cli.format.vocab import KOMMUNE_ART, KOMMUNE_TYP
from ki_cli.periods import YEAR_MAX, council, period_end

DEFAULT_PATH = "konzept.yaml"
PLACEHOLDER_NAME = {
    "kreisfreie_stadt": "Stadt Musterstadt",
    "kreis": "Kreis Musterkreis",
    "staedteregion": "StädteRegion Musterregion",
    "kreisangehoerige_stadt": "Stadt Musterstadt",
}
# The placeholders of the starting file, read by KI007 (``ki_cli/check/rules/placeholders.py``):
# the marker of every line to replace, and the sample values that are no one's real data.
MARKER = "ERSETZEN"
SAMPLE_PERSON = "Vorname Nachname"
SAMPLE_MO = "Name einer Migrantenorganisation"
SAMPLE_TRAEGER = "Name eines freien Trägers"
SAMPLE_GEMEINDE = "Stadt Musterdorf"
SAMPLE_EMAIL = "ki@example.org"
SAMPLE_TELEFON = "01234 56789"
SAMPLE_ANSCHRIFT = "Musterstraße 1, 12345 Musterstadt"
SAMPLE_VALUES: frozenset[str] = frozenset(
    (SAMPLE_PERSON, SAMPLE_MO, SAMPLE_TRAEGER, SAMPLE_GEMEINDE, SAMPLE_EMAIL, SAMPLE_TELEFON, SAMPLE_ANSCHRIFT)
)
"""Text values ``ki init`` writes (or shows in a comment) that are never real: KI007 when still there.
``PLACEHOLDER_NAME`` counts only as ``kommune.name`` (a Kreis may well have a partner "Stadt Musterstadt")."""

_TYP_ALIASES = {
    "stadt": "kreisfreie_stadt",
    "kreisfrei": "kreisfreie_stadt",
    "kreisfreie": "kreisfreie_stadt",
    "städteregion": "staedteregion",
    "kreisangehörige_stadt": "kreisangehoerige_stadt",
}


class BadAnswer(ValueError):
    """An answer or flag that cannot be used; ``key`` names the message in ``UI``."""

    def __init__(self, key: str, value: str) -> None:
        super().__init__(key)
        self.key, self.value = key, value


@dataclass(frozen=True)
class Answers:
    kommune: str
    typ: str
    beginn: dt.date
    foerderrichtlinie: str

    @property
    def ende(self) -> dt.date:
        return period_end(self.beginn)


def parse_typ(value: str) -> str:
    word = re.sub(r"[\s-]+", "_", value.strip().lower())
    word = _TYP_ALIASES.get(word, word)
    if word not in KOMMUNE_TYP:
        raise BadAnswer("init.bad_typ", value)
    return word


def parse_beginn(value: str) -> dt.date:
    """``2027-01-01`` or ``01.01.2027``; a period starts on the first of a month (KI201)."""
    from pydantic_core import PydanticCustomError

    from ki_cli.format.converters import to_date  # the format's own date parsing, with its range

    try:
        day = to_date(value.strip())
    except PydanticCustomError as err:
        raise BadAnswer(
            "init.beginn_out_of_range" if err.type == "ki_date_range" else "init.bad_beginn", value
        ) from None
    if period_end(day).year > YEAR_MAX:  # the whole period must be in range
        raise BadAnswer("init.beginn_out_of_range", value)
    if day.day != 1:
        raise BadAnswer("init.beginn_not_first", value)
    return day


def parse_foerderrichtlinie(value: str) -> str:
    from ki_cli.check.rulepacks import names

    word = value.strip().strip('"')
    if word not in names():
        raise BadAnswer("init.bad_foerderrichtlinie", value)
    return word


def parse_kommune(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise BadAnswer("init.empty_kommune", value)
    return name


def latest_guideline() -> str:
    from ki_cli.check.rulepacks import names

    return max(names())


def guess_typ(kommune: str) -> str:
    """``Kreis Soest`` is a Kreis, ``StädteRegion Aachen`` a StädteRegion; anything else is taken for a
    kreisfreie Stadt."""
    lower = kommune.lower()
    if lower.startswith(("städteregion ", "staedteregion ")):
        return "staedteregion"
    return "kreis" if lower.startswith("kreis ") else "kreisfreie_stadt"


# ---------------------------------------------------------------------------------------------
# The file


def _q(text: str) -> str:
    """A user's text as a YAML scalar that stays text whatever it contains."""
    return json.dumps(text, ensure_ascii=False)


def _d(day: dt.date) -> str:
    return day.isoformat()


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _ortsname(kommune: str) -> str:
    """``Stadt Hamm`` → ``Hamm``; a Kreis keeps its word (``Kreis Soest``)."""
    return kommune.removeprefix("Stadt ")


def _genitive(kommune: str) -> str:
    """``der Stadt Hamm``, ``des Kreises Soest``, else ``für …``."""
    if kommune.startswith("Stadt "):
        return f"der {kommune}"
    if kommune.startswith("Kreis "):
        return f"des Kreises {kommune[len('Kreis ') :]}"
    return f"für {kommune}"


def _accusative(kommune: str) -> str:
    """``die Stadt Hamm``, ``den Kreis Soest``, else the name."""
    if kommune.startswith("Stadt "):
        return f"die {kommune}"
    if kommune.startswith("Kreis "):
        return f"den {kommune}"
    return kommune


def _vze(value: float) -> str:
    return f"{value:g}"


def _posts(answers: Answers) -> list[tuple[str, str, float]]:
    """(id, funktion, vze) for every post up to the pack's caps, Fachkräfte within the total."""
    from ki_cli.check.rulepacks import load_pack

    pack = load_pack(answers.foerderrichtlinie)
    assert pack is not None  # parse_foerderrichtlinie accepted only existing packs
    caps = {f: pack.cap(f, answers.typ) or 0.0 for f in ("lehrkraft", "fachkraft", "verwaltung")}
    counted = pack.counted
    others = sum(caps[f] for f in counted if f != "fachkraft")
    if "fachkraft" in counted:
        caps["fachkraft"] = max(0.0, min(caps["fachkraft"], pack.total_cap(answers.typ) - others))
    posts: list[tuple[str, str, float]] = []
    for funktion, prefix in (("lehrkraft", "lk"), ("fachkraft", "fk"), ("verwaltung", "va")):
        left, number = round(caps[funktion], 3), 1
        while left > 0.001:
            share = min(1.0, left)
            posts.append((f"{prefix}-{number}", funktion, share))
            left, number = round(left - share, 3), number + 1
    return posts


_HEAD = """\
{modeline}# Schwerpunktkonzept des Kommunalen Integrationszentrums – {kommune}
# Zeitraum {beginn_de} bis {ende_de}, Förderrichtlinie {frl}
#
# Erstellt mit `ki init`. So geht es weiter:
#   1. Ersetzen Sie die Platzhalter: jede Zeile mit „ERSETZEN“ (den Vermerk dann löschen)
#      und die Beispieltexte.
#   2. Prüfen:    ki validate --strict {path}   (KI007 zeigt jeden Platzhalter, der noch da ist)
#   3. Schreiben: ki render proposal {path} -o beschlussvorlage.docx
#
# Schreibweise: Datum als 2027-01-01 oder 01.01.2027; Zahlen als 0.5 oder "0,5".
# Kennungen (id) bestehen aus Kleinbuchstaben, Ziffern, - und _; jede kommt nur einmal vor.
# Jede Regel erklärt `ki explain KI313`; alle Regeln listet `ki rules`.
{editor}
version: 1

# Die Kommune, die das KI trägt. typ (kreisfreie_stadt, kreis, staedteregion oder
# kreisangehoerige_stadt) entscheidet, ob der Rat, der Kreistag oder der Städteregionstag
# beschließt, und welche Stellenobergrenzen gelten.
kommune:
  name: {kommune_q}
  typ: {typ}
  # regierungsbezirk: arnsberg        # arnsberg | detmold | duesseldorf | koeln | muenster
  # ags: "05999000"                   # Amtlicher Gemeindeschlüssel: 8 Ziffern, in Anführungszeichen

# Das KI selbst: Name und organisatorische Anbindung in der Verwaltung.
zentrum:
  name: {zentrum_q}
  anbindung: Dezernat für Bildung, Jugend und Soziales   # ERSETZEN: Ihre Anbindung
  # leitung: {person}
  # email: {email}
  # telefon: "{telefon}"
  # anschrift: {anschrift}

# Der zweijährige Schwerpunktzeitraum: Beginn am Monatsersten, Ende am Tag vor demselben
# Datum zwei Jahre später (beide Tage zählen mit).
periode:
  beginn: {beginn}
  ende: {ende}

# Grundlagen: die Förderrichtlinie (bestimmt Stellenobergrenzen und Festbeträge) und das
# vom {council_label} beschlossene Integrationskonzept (höchstens drei Jahre vor Beginn).
grundlagen:
  foerderrichtlinie: "{frl}"
  integrationskonzept:
    titel: {konzept_titel}   # ERSETZEN: Titel Ihres Konzepts
    beschlossen_am: {konzept_datum}   # ERSETZEN: Datum des Beschlusses
    # drucksache: "0000/{konzept_jahr}"
  # Frühere Beschlüsse, z. B. zur Einrichtung des KI:
  # beschluesse:
  #   - gremium: {council}
  #     datum: 2013-01-01
  #     gegenstand: Einrichtung des Kommunalen Integrationszentrums

# Schwerpunkte: mindestens einer in jedem der beiden gesetzlichen Bereiche (§ 8 Abs. 1 TIntG):
#   bildungskette – Handlungsfelder: fruehe_foerderung, elementarbereich, schule,
#                   ausserschulische_jugendarbeit, uebergang_schule_beruf, sprachbildung,
#                   seiteneinstieg, mehrsprachigkeit
#   querschnitt   – Handlungsfelder: interkulturelle_oeffnung, vernetzung, beschaeftigung, kultur,
#                   sport, politische_partizipation, ehrenamt, gesundheit, pflege,
#                   antidiskriminierung, wohnen, erstintegration, demokratie, religion,
#                   mso_staerkung, sprachmittlung, sonstiges
# tis2030 ordnet den Schwerpunkt der Teilhabe- und Integrationsstrategie 2030 zu:
#   erstintegration | regelsysteme | migrationsgesellschaft
# Jede Maßnahme hat eine stufe (initiative → modellprojekt → regelpraxis, oder daueraufgabe
# für eine ständige Aufgabe wie die Seiteneinstiegsberatung) und eine federfuehrung: die
# Kennung eines Partners oder ki für das KI selbst.
schwerpunkte:
  - id: uebergang
    bereich: bildungskette
    handlungsfeld: uebergang_schule_beruf
    # tis2030: regelsysteme
    titel: Übergang Schule – Beruf migrationssensibel gestalten   # ERSETZEN
    begruendung: >   # ERSETZEN: Ausgangslage und Bedarf in wenigen Sätzen
      Jugendliche mit Einwanderungsgeschichte finden seltener einen Ausbildungsplatz.
    ziele:
      - id: z-uebergang
        beschreibung: Mehr Schulen verankern migrationssensible Berufsorientierung   # ERSETZEN
        indikator: Schulen mit verankertem Konzept
        ausgangswert: 0   # ERSETZEN
        zielwert: 5       # ERSETZEN
        einheit: Schulen
        # Gemessene Werte im Zeitraum:
        # ist:
        #   - datum: {ist_datum}
        #     wert: 2
    massnahmen:
      - id: m-berufsorientierung
        titel: Migrationssensible Berufsorientierung an weiterführenden Schulen   # ERSETZEN
        stufe: modellprojekt
        # Die fachliche Zuständigkeit bleibt beim Regeldienst (hier: dem Schulamt); das KI
        # bringt den Fokus Migration ein. Das hält eine Vereinbarung fest.
        federfuehrung: schulamt
        beteiligt: [traeger]
        vereinbarung: v-schulamt
        # Die fünf Aspekte des Übergangssystems (nur im Handlungsfeld uebergang_schule_beruf):
        aspekte: [berufsorientierung, berufswahlspektrum, mobilitaet, elternbildung, kooperation_betriebe]
        ziele: [z-uebergang]
        # sachkosten: 0   # Euro pro Jahr
        # programm: KAoA-kompakt   # ein benanntes Programm, das die Maßnahme umsetzt
        # Was je Haushaltsjahr geschah (status: geplant | laufend | abgeschlossen | ausgesetzt):
        # ist:
        #   - jahr: {beginn_jahr}
        #     status: laufend
        #     teilnehmende: 0
  - id: oeffnung
    bereich: querschnitt
    handlungsfeld: interkulturelle_oeffnung
    titel: Interkulturelle Öffnung der Verwaltung   # ERSETZEN
    begruendung: >   # ERSETZEN
      Die Regeldienste erreichen Neuzugewanderte bisher schlecht.
    ziele:
      - id: z-oeffnung
        beschreibung: Fachkräfte der Regeldienste sind für den Fokus Migration fortgebildet   # ERSETZEN
        indikator: fortgebildete Fachkräfte
        ausgangswert: 0   # ERSETZEN
        zielwert: 40      # ERSETZEN
        einheit: Personen
    massnahmen:
      - id: m-fortbildung
        titel: Fortbildungsreihe Fokus Migration für die Regeldienste   # ERSETZEN
        stufe: initiative
        federfuehrung: ki
        beteiligt: [{beteiligt}]
        ziele: [z-oeffnung]

# Personal: eine Zeile je Stelle, hier bis zu den Obergrenzen der Förderrichtlinie {frl}
# für {typ_label}. vze: Vollzeitäquivalent (1 = Vollzeit). einsatz: wie sich die Stelle
# auf die Schwerpunkte verteilt (Summe = vze). besetzt_durch leer lassen = unbesetzt.
# programm: aus welchem Programm die Stelle gefördert wird – ki (Standard, ohne Angabe), kim,
# komm_an, ifkuf oder sonstiges; nur ki-Stellen zählen gegen die Obergrenzen des KI.
# kosten: jährliche Personalkosten der Stelle (Arbeitgeberbrutto) in Euro, z. B. kosten: 78000.
personal:
{personal}
# Sachkosten in Euro pro Jahr; Räume und Verwaltungskosten trägt die Kommune.
sachkosten:
  - posten: Büroräume, Ausstattung und Reisekosten
    betrag: 0   # ERSETZEN: Betrag pro Jahr
    traeger: kommune
  # Ein landesgeförderter Posten eines Programms mit eigener Obergrenze, z. B.:
  # - posten: Laiensprachmittlerpool
  #   betrag: 30000
  #   traeger: land
  #   programm: laiensprachmittlerpool

# Förderung je Haushaltsjahr (beantragt bis zum 31. Oktober des Vorjahres), z. B.:
# foerderung:
{foerderung}
# Partner: Kennung, Name und Art. Arten: regeldienst, schulaufsicht, arbeitsverwaltung,
# freier_traeger, migrantenorganisation, landesstruktur, bildungseinrichtung, wirtschaft,
# kreisangehoerige_kommune, auslaenderbehoerde, schultraeger, bildungsbuero, kita_traeger,
# religionsgemeinschaft, ehrenamt, sonstige.
partner:
  - id: schulamt
    name: {schulamt}   # ERSETZEN
    art: schulaufsicht
  - id: mo
    name: {mo}   # {marker}
    art: migrantenorganisation
  - id: traeger
    name: {traeger}   # {marker}
    art: freier_traeger
  - id: ia
    name: Integrationsagentur   # ERSETZEN
    art: landesstruktur
{extra_partner}
# Vereinbarungen mit Partnern: was beim Partner bleibt und was das KI beiträgt.
# form: kooperationsvereinbarung | zielvereinbarung | absprache | weiterleitungsvertrag
# status: entwurf | in_abstimmung | unterzeichnet (dann mit unterzeichnet_am) | beendet
vereinbarungen:
  - id: v-schulamt
    partner: schulamt
    form: kooperationsvereinbarung
    gegenstand: Migrationssensible Berufsorientierung an weiterführenden Schulen   # ERSETZEN
    zustaendigkeit_partner: Die Berufsorientierung an den Schulen verantwortet das Schulamt.
    beitrag_ki: Fortbildung der Lehrkräfte, Materialien und Elternarbeit mit Fokus Migration.
    beginn: {beginn}
    ende: {ende}
    status: entwurf

# Die Beschlussvorlage (für `ki render proposal`): die Beratungsfolge endet mit genau einer
# Entscheidung des {council_genitive}, vor dem Beginn des Zeitraums.
# zustaendigkeit: anhoerung | vorberatung | empfehlung | entscheidung | kenntnisnahme;
# nach der Sitzung: ergebnis (beschlossen | geaendert_beschlossen | abgelehnt | vertagt |
# zur_kenntnis_genommen) und abstimmung: {{ja: 0, nein: 0, enthaltung: 0}}.
vorlage:
  # drucksache: "0000/{vorlage_jahr}"
  # art: beschlussvorlage   # oder mitteilungsvorlage (die Gremien nehmen zur Kenntnis)
  # aktenzeichen: "00.00"
  # herausgeber: {herausgeber}   # ohne Angabe nach der Art der Kommune
  # unterzeichnung:
  #   name: {person}
  #   funktion: Beigeordnete/r
  #   in_vertretung: true
  # haushalt:
  #   produkt: "00.00.00"
  #   sachkonto: "000000"
  #   vorbehalt: true   # vorbehaltlich der Landesförderung und des Haushaltsbeschlusses
  # berichterstattung:
  #   gremium: {council}
  #   turnus: jaehrlich   # oder halbjaehrlich
  # anlagen:
  #   - titel: Integrationskonzept
  #     datei: integrationskonzept.pdf
  federfuehrend: Kommunales Integrationszentrum
  beratungsfolge:
    - gremium: {consulted}
      bezeichnung: {consulted_label}
      datum: {beratung_datum}   # ERSETZEN: Sitzungstermin
      zustaendigkeit: empfehlung
    - gremium: {council}
      bezeichnung: {council_label}
      datum: {entscheidung_datum}   # ERSETZEN: Sitzungstermin
      zustaendigkeit: entscheidung
"""


_TYP_LABEL = {
    "kreisfreie_stadt": "eine kreisfreie Stadt",
    "kreis": "einen Kreis",
    "staedteregion": "die StädteRegion (wie ein Kreis)",
    "kreisangehoerige_stadt": "eine kreisangehörige Stadt mit eigenem KI (wie eine kreisfreie Stadt)",
}


def _foerderung(answers: Answers) -> str:
    """A commented grant entry for each budget year the period touches."""
    rows: list[str] = []
    for jahr in range(answers.beginn.year, answers.ende.year + 1):
        rows += [f"#   - jahr: {jahr}", "#     programm: ki", "#     beantragt: 0"]
    return "\n".join(rows) + "\n"


def _personal(answers: Answers) -> str:
    roles = {"fk-1": "leitung", "fk-2": "stellvertretung"}
    rows: list[str] = []
    for post_id, funktion, vze in _posts(answers):
        if funktion == "lehrkraft":
            einsatz = f"uebergang: {_vze(vze)}"
        else:
            einsatz = f"uebergang: {_vze(vze / 2)}, oeffnung: {_vze(vze / 2)}"
        rows.append(f"  - id: {post_id}")
        rows.append(f"    funktion: {funktion}")
        rows.append(f"    vze: {_vze(vze)}")
        rows.append("    finanzierung: land")
        if post_id in roles:
            rows.append(f"    rolle: {roles[post_id]}")
        rows.append(f"    besetzt_durch: {SAMPLE_PERSON}   # {MARKER}")
        rows.append(f"    einsatz: {{{einsatz}}}")
    return "\n".join(rows) + "\n"


_EDITOR_WITHOUT_SCHEMA = """\
# Hilfe im Editor: `ki schema -o ki-konzept-1.schema.json`, dann als erste Zeile dieser Datei:
#   # yaml-language-server: $schema=ki-konzept-1.schema.json
"""
_EDITOR_WITH_SCHEMA = """\
# Hilfe im Editor: die erste Zeile nennt das Schema {schema} (von `ki init` daneben geschrieben);
#   Editoren mit yaml-language-server (z. B. VS Code mit der YAML-Erweiterung) zeigen damit
#   Erklärungen, Vorschläge und Fehler schon beim Schreiben.
"""


def starter_text(answers: Answers, path: str = DEFAULT_PATH, schema: str | None = None) -> str:
    """The content of the starting file. ``schema``: the path of the JSON Schema, relative to the
    file, that its first line names for editors (``# yaml-language-server: $schema=…``); None: no
    such line, only how to add one."""
    kreis = KOMMUNE_ART[answers.typ] == "kreis"
    body = council(answers.typ)
    name = answers.kommune
    ort = _ortsname(name)
    beratung, entscheidung = _months_before(answers.beginn, 4), _months_before(answers.beginn, 3)
    konzept_datum = _months_before(answers.beginn, 6)
    return _HEAD.format(
        modeline=f"# yaml-language-server: $schema={schema}\n" if schema else "",
        editor=_EDITOR_WITH_SCHEMA.format(schema=schema) if schema else _EDITOR_WITHOUT_SCHEMA,
        path=" ".join(path.split()),
        marker=MARKER,
        person=SAMPLE_PERSON,
        email=SAMPLE_EMAIL,
        telefon=SAMPLE_TELEFON,
        anschrift=SAMPLE_ANSCHRIFT,
        mo=SAMPLE_MO,
        traeger=SAMPLE_TRAEGER,
        kommune=name,
        kommune_q=_q(name),
        zentrum_q=_q(f"Kommunales Integrationszentrum {ort}"),
        typ=answers.typ,
        typ_label=_TYP_LABEL[answers.typ],
        herausgeber=body.head,
        ist_datum=_d(dt.date(answers.beginn.year, 12, 31)),
        beginn_jahr=answers.beginn.year,
        foerderung=_foerderung(answers),
        frl=answers.foerderrichtlinie,
        beginn=_d(answers.beginn),
        ende=_d(answers.ende),
        beginn_de=answers.beginn.strftime("%d.%m.%Y"),
        ende_de=answers.ende.strftime("%d.%m.%Y"),
        council=body.body,
        council_label=body.name,
        council_genitive=body.genitive,
        consulted=body.consulted,
        consulted_label="Ausschuss für Soziales und Integration   # ERSETZEN: Name des Ausschusses"
        if kreis
        else "Integrationsrat",
        konzept_titel=_q(f"Integrationskonzept {_genitive(name)}"),
        schulamt=_q(f"Schulamt für {_accusative(name)}"),
        konzept_datum=_d(konzept_datum),
        konzept_jahr=konzept_datum.year,
        vorlage_jahr=entscheidung.year,
        beratung_datum=_d(beratung),
        entscheidung_datum=_d(entscheidung),
        personal=_personal(answers),
        beteiligt="mo, ia, gemeinde" if kreis else "mo, ia",
        extra_partner=(
            "  # Ein Kreis arbeitet im Einvernehmen mit seinen Gemeinden (§ 8 Abs. 1 TIntG):\n"
            "  - id: gemeinde\n"
            f"    name: {SAMPLE_GEMEINDE}   # {MARKER}: eine kreisangehörige Stadt oder Gemeinde\n"
            "    art: kreisangehoerige_kommune\n"
        )
        if kreis
        else "",
    )
