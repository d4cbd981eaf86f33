"""Message texts of the domain rules KI2xx–KI6xx (German and English: message, hint)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ---- KI2xx: period and basis --------------------------------------------------------
    "KI201.beginn": {
        "de": ("Der Zeitraum beginnt am {beginn}, nicht am Ersten eines Monats; Schwerpunkte gelten für genau zwei Jahre.",
               "Schreiben Sie unter periode `beginn: {first}` (oder den Ersten eines anderen Monats) und als `ende` den Tag vor demselben Datum zwei Jahre später."),
        "en": ("The period starts on {beginn}, not on the first of a month; priorities apply for exactly two years.",
               "Write `beginn: {first}` under periode (or the first of another month) and as `ende` the day before the same date two years later."),
    },
    "KI201.ende": {
        "de": ("Der Zeitraum {beginn} bis {ende} umfasst nicht genau zwei Jahre.",
               "Bei diesem Beginn schreiben Sie unter periode `ende: {expected}`."),
        "en": ("The period {beginn} to {ende} is not exactly two years.",
               "With this start, write `ende: {expected}` under periode."),
    },
    "KI202": {
        "de": ("Der Zeitraum beginnt am {beginn}, nicht am 1. Januar; Förderjahre sind Kalenderjahre.",
               "Prüfen Sie, ob der Zeitraum mit dem Förderjahr beginnen soll (1. Januar)."),
        "en": ("The period starts on {beginn}, not on 1 January; funding years are calendar years.",
               "Check whether the period should start with the funding year (1 January)."),
    },
    "KI203": {
        "de": ("Das Integrationskonzept wurde am {beschlossen} beschlossen, mehr als drei Jahre vor Beginn des Zeitraums ({beginn}).",
               "Legen Sie ein fortgeschriebenes Konzept vor, beschlossen nach dem {limit}, und tragen Sie dessen Datum unter beschlossen_am ein."),
        "en": ("The integration concept was decided on {beschlossen}, more than three years before the period starts ({beginn}).",
               "Present an updated concept decided after {limit} and enter its date under beschlossen_am."),
    },
    "KI204": {
        "de": ("Das Integrationskonzept wurde am {beschlossen} beschlossen, erst nach Beginn des Zeitraums ({beginn}).",
               "Die Förderung setzt ein beschlossenes Integrationskonzept voraus: prüfen Sie beschlossen_am oder den Beginn des Zeitraums."),
        "en": ("The integration concept was decided on {beschlossen}, only after the period starts ({beginn}).",
               "Funding requires an integration concept already decided: check beschlossen_am or the period's start."),
    },
    "KI205": {
        "de": ("Ein Beschluss durch „{gremium}“ passt nicht zum Typ der Kommune.",
               "Beschlüsse fasst hier der/die „{right}“: schreiben Sie `gremium: {right}`."),
        "en": ("A resolution by “{gremium}” does not fit the type of municipality.",
               "Here resolutions are passed by the “{right}”: write `gremium: {right}`."),
    },
    # ---- KI3xx: priorities and measures -------------------------------------------------
    "KI301": {
        "de": ("Es fehlt ein Schwerpunkt im Bereich {missing}; beide gesetzlichen Bereiche (Bildungskette und Querschnitt) müssen abgedeckt sein.",
               "Legen Sie unter schwerpunkte einen Eintrag mit `bereich: {missing}` an."),
        "en": ("There is no priority in the area {missing}; both legal areas (Bildungskette and Querschnitt) must be covered.",
               "Add an entry with `bereich: {missing}` under schwerpunkte."),
    },
    "KI302": {
        "de": ("Das Handlungsfeld „{feld}“ gehört nicht zum Bereich „{bereich}“.",
               "Wählen Sie ein Handlungsfeld aus {allowed} – oder ändern Sie den Bereich auf „{other}“."),
        "en": ("The field of action “{feld}” does not belong to the area “{bereich}”.",
               "Choose a field from {allowed} – or change the area to “{other}”."),
    },
    "KI303": {
        "de": ("Der Schwerpunkt „{id}“ hat keine Maßnahme.",
               "Tragen Sie unter massnahmen mindestens eine Maßnahme ein, sonst bleibt der Schwerpunkt ohne Umsetzung."),
        "en": ("The priority “{id}” has no measure.",
               "Add at least one measure under massnahmen, otherwise the priority is not carried out."),
    },
    "KI304": {
        "de": ("Das Ziel „{id}“ hat kein(e) {missing}; ob es erreicht wird, lässt sich nicht prüfen.",
               "Ergänzen Sie `indikator:` (woran man es misst) und `zielwert:` (welcher Wert erreicht werden soll)."),
        "en": ("The goal “{id}” has no {missing}; whether it is reached cannot be checked.",
               "Add `indikator:` (how it is measured) and `zielwert:` (the value to reach)."),
    },
    "KI305": {
        "de": ("Der Übergangs-Schwerpunkt „{id}“ deckt diese Aspekte nicht ab: {missing}.",
               "Nennen Sie die fehlenden Aspekte unter `aspekte:` einer passenden Maßnahme oder begründen Sie, warum sie entfallen."),
        "en": ("The transition priority “{id}” does not cover these aspects: {missing}.",
               "Name the missing aspects under `aspekte:` of a fitting measure, or explain why they are left out."),
    },
    "KI311": {
        "de": ("Die Maßnahme „{id}“ läuft am {datum} außerhalb des Zeitraums ({beginn} bis {ende}).",
               "Legen Sie beginn und ende der Maßnahme in den Zeitraum oder lassen Sie sie weg (dann gilt der Zeitraum)."),
        "en": ("The measure “{id}” runs on {datum}, outside the period ({beginn} to {ende}).",
               "Put the measure's beginn and ende inside the period, or leave them out (the period then applies)."),
    },
    "KI312": {
        "de": ("Die Maßnahme „{id}“ beginnt ({beginn}) nach ihrem Ende ({ende}).",
               "Tauschen oder korrigieren Sie beginn und ende der Maßnahme."),
        "en": ("The measure “{id}” starts ({beginn}) after it ends ({ende}).",
               "Swap or correct the measure's beginn and ende."),
    },
    "KI313": {
        "de": ("Die Maßnahme „{id}“ wird von „{partner}“ ({name}) geleitet, hat aber keine Vereinbarung mit diesem Partner.",
               "Tragen Sie unter vereinbarungen eine Vereinbarung mit `partner: {partner}` ein und verweisen Sie in der Maßnahme mit `vereinbarung:` darauf."),
        "en": ("The measure “{id}” is led by “{partner}” ({name}) but has no agreement with this partner.",
               "Add an agreement with `partner: {partner}` under vereinbarungen and refer to it from the measure with `vereinbarung:`."),
    },
    "KI314": {
        "de": ("Die Maßnahme „{id}“ ist Regelpraxis, wird aber vom KI selbst geleitet.",
               "Regelpraxis gehört in die Regeldienste: tragen Sie unter federfuehrung den zuständigen Partner ein, oder wählen Sie eine frühere Stufe."),
        "en": ("The measure “{id}” is regular practice but led by the KI itself.",
               "Regular practice belongs to the regular services: put the responsible partner under federfuehrung, or choose an earlier stage."),
    },
    "KI315": {
        "de": ("Die Maßnahme „{id}“ nennt aspekte, ihr Schwerpunkt „{schwerpunkt}“ ist aber kein Übergang Schule – Beruf.",
               "Entfernen Sie `aspekte:` oder ordnen Sie die Maßnahme einem Schwerpunkt mit `handlungsfeld: uebergang_schule_beruf` zu."),
        "en": ("The measure “{id}” lists aspekte, but its priority “{schwerpunkt}” is not a school-to-work transition.",
               "Remove `aspekte:` or move the measure to a priority with `handlungsfeld: uebergang_schule_beruf`."),
    },
    "KI316": {
        "de": ("Die Maßnahme „{id}“ nennt das Ziel „{ziel}“ des Schwerpunkts „{owner}“, nicht ihres eigenen („{schwerpunkt}“).",
               "Nennen Sie unter ziele nur Ziele des eigenen Schwerpunkts, oder verschieben Sie die Maßnahme."),
        "en": ("The measure “{id}” names the goal “{ziel}” of the priority “{owner}”, not of its own (“{schwerpunkt}”).",
               "List only goals of its own priority under ziele, or move the measure."),
    },
    # ---- KI4xx: staffing and costs --------------------------------------------------------
    "KI401": {
        "de": ("Landesfinanzierte Stellen der Funktion {funktion}: gefunden {found} VZE, erlaubt {allowed} (Förderrichtlinie {pack}); Stellen: {posts}.",
               "Verringern Sie die vze dieser Stellen oder tragen Sie den Überhang unter finanzierung als kommune oder drittmittel ein."),
        "en": ("State-funded posts of the function {funktion}: found {found} VZE, allowed {allowed} (guideline {pack}); posts: {posts}.",
               "Reduce the vze of these posts or record the excess as finanzierung kommune or drittmittel."),
    },
    "KI402": {
        "de": ("Die Summe der landesfinanzierten Stellen ({counted}) beträgt {found} VZE, erlaubt sind {allowed} (Förderrichtlinie {pack}); Stellen: {posts}.",
               "Verringern Sie die vze oder tragen Sie Stellen über der Obergrenze mit `finanzierung: kommune` oder `drittmittel` ein."),
        "en": ("The state-funded posts ({counted}) add up to {found} VZE, allowed are {allowed} (guideline {pack}); posts: {posts}.",
               "Reduce the vze, or record posts above the cap with `finanzierung: kommune` or `drittmittel`."),
    },
    "KI403": {
        "de": ("Der Einsatz der Stelle „{id}“ ergibt {spent} VZE, die Stelle hat aber {vze} VZE.",
               "Verteilen Sie unter einsatz genau {vze} VZE auf die Schwerpunkte."),
        "en": ("The einsatz of the post “{id}” adds up to {spent} VZE, but the post has {vze} VZE.",
               "Distribute exactly {vze} VZE over the priorities under einsatz."),
    },
    "KI404": {
        "de": ("Der Bereich „{bereich}“ erhält keine Personalzeit.",
               "Setzen Sie unter einsatz mindestens einer Stelle einen Anteil für einen Schwerpunkt im Bereich {bereich} ein."),
        "en": ("The area “{bereich}” gets no staff time.",
               "Give at least one post a share for a priority of the area {bereich} under einsatz."),
    },
    "KI405.none": {
        "de": ("Keine Stelle hat die Rolle Leitung.",
               "Kennzeichnen Sie die Leitungsstelle mit `rolle: leitung`."),
        "en": ("No post has the role leitung.",
               "Mark the leading post with `rolle: leitung`."),
    },
    "KI405.many": {
        "de": ("Auch die Stelle „{id}“ hat die Rolle Leitung (schon: „{first}“); es kann nur eine Leitung geben.",
               "Ändern Sie die Rolle dieser Stelle, z. B. in `rolle: stellvertretung`, oder entfernen Sie sie."),
        "en": ("The post “{id}” also has the role leitung (already: “{first}”); there can be only one.",
               "Change this post's role, e.g. to `rolle: stellvertretung`, or remove it."),
    },
    "KI406": {
        "de": ("Die Stelle „{id}“ ({rolle}) hat nur {vze} VZE; Leitung und Stellvertretung sollen Vollzeitstellen sein.",
               "Schreiben Sie `vze: 1` oder übertragen Sie die Rolle einer Vollzeitstelle."),
        "en": ("The post “{id}” ({rolle}) has only {vze} VZE; Leitung and Stellvertretung should be full-time.",
               "Write `vze: 1` or give the role to a full-time post."),
    },
    "KI407": {
        "de": ("Die landesfinanzierte Stelle „{id}“ ({funktion}) ist unbesetzt.",
               "Tragen Sie unter besetzt_durch die Person ein, sobald die Stelle besetzt ist; bis dahin ist die Förderung gefährdet."),
        "en": ("The state-funded post “{id}” ({funktion}) is vacant.",
               "Enter the holder under besetzt_durch once the post is filled; until then funding is at risk."),
    },
    "KI408": {
        "de": ("Landesfinanzierte Stellen unter der Obergrenze der Förderrichtlinie {pack}: {below}.",
               "Nicht genutzte Stellenanteile bleiben ungefördert; prüfen Sie, ob Sie sie beantragen wollen."),
        "en": ("State-funded posts below the cap of guideline {pack}: {below}.",
               "Unused post shares remain unfunded; check whether you want to apply for them."),
    },
    "KI409": {
        "de": ("Keine Sachkosten werden von der Kommune getragen.",
               "Tragen Sie unter sachkosten die Räume und Verwaltungskosten mit `traeger: kommune` ein; sie sind Fördervoraussetzung."),
        "en": ("No material costs are borne by the municipality.",
               "Add the rooms and administrative costs under sachkosten with `traeger: kommune`; they are a funding condition."),
    },
    "KI410": {
        "de": ("Landesförderung nach Förderrichtlinie {pack}: {fk} Fachkraft-VZE × {per_fk} + {va} VZE Verwaltung ({per_va} je 0,5 VZE) = {total} pro Jahr, {period} in {years} Jahren.",
               "Diese Summe erscheint in der Beschlussvorlage unter „Finanzielle Auswirkungen“."),
        "en": ("State grant under guideline {pack}: {fk} specialist VZE × {per_fk} + {va} admin VZE ({per_va} per 0.5 VZE) = {total} a year, {period} over {years} years.",
               "This sum appears in the council proposal under “Finanzielle Auswirkungen”."),
    },
    # ---- KI5xx: partners and agreements ------------------------------------------------------
    "KI501": {
        "de": ("Kein Partner ist eine Migrantenorganisation.",
               "Tragen Sie unter partner die Migrantenorganisationen ein, mit denen das KI zusammenarbeitet (`art: migrantenorganisation`)."),
        "en": ("No partner is a migrant organisation.",
               "Add the migrant organisations the KI works with under partner (`art: migrantenorganisation`)."),
    },
    "KI502": {
        "de": ("Kein Partner ist ein freier Träger.",
               "Tragen Sie unter partner die freien Träger ein, mit denen das KI zusammenarbeitet (`art: freier_traeger`)."),
        "en": ("No partner is an independent welfare organisation (freier Träger).",
               "Add the freie Träger the KI works with under partner (`art: freier_traeger`)."),
    },
    "KI503": {
        "de": ("Kein Partner ist eine landesgeförderte Integrationsstruktur.",
               "Tragen Sie z. B. die Integrationsagentur mit `art: landesstruktur` ein."),
        "en": ("No partner is a state-funded integration structure.",
               "Add, for instance, the Integrationsagentur with `art: landesstruktur`."),
    },
    "KI504": {
        "de": ("Der Kreis nennt keine kreisangehörige Kommune als Partner.",
               "Das KI arbeitet im Einvernehmen mit den Gemeinden: tragen Sie sie mit `art: kreisangehoerige_kommune` ein."),
        "en": ("The Kreis names no town within the district as a partner.",
               "The KI works in agreement with the towns: add them with `art: kreisangehoerige_kommune`."),
    },
    "KI505": {
        "de": ("Auf den Partner „{id}“ ({name}) verweist keine Maßnahme und keine Vereinbarung.",
               "Nennen Sie ihn unter federfuehrung oder beteiligt einer Maßnahme, oder entfernen Sie ihn."),
        "en": ("No measure and no agreement refers to the partner “{id}” ({name}).",
               "Name it under federfuehrung or beteiligt of a measure, or remove it."),
    },
    "KI511": {
        "de": ("Die Maßnahme „{id}“ stützt sich auf die Vereinbarung „{vereinbarung}“, die am {ende} endete, vor Beginn des Zeitraums ({beginn}).",
               "Erneuern Sie die Vereinbarung (neues ende) oder verweisen Sie auf eine gültige."),
        "en": ("The measure “{id}” rests on the agreement “{vereinbarung}”, which ended on {ende}, before the period starts ({beginn}).",
               "Renew the agreement (a new ende) or refer to a valid one."),
    },
    "KI512": {
        "de": ("Die Vereinbarung „{vereinbarung}“ endet am {ende}, die Maßnahme „{id}“ erst am {measure_end}.",
               "Planen Sie die Verlängerung der Vereinbarung ein und tragen Sie das neue ende ein."),
        "en": ("The agreement “{vereinbarung}” ends on {ende}, the measure “{id}” only on {measure_end}.",
               "Plan the agreement's renewal and enter the new ende."),
    },
    "KI513": {
        "de": ("Die Vereinbarung „{id}“ ist als unterzeichnet eingetragen, aber ohne Datum.",
               "Ergänzen Sie `unterzeichnet_am:` mit dem Datum der Unterschrift."),
        "en": ("The agreement “{id}” is recorded as signed, but without a date.",
               "Add `unterzeichnet_am:` with the date of signing."),
    },
    "KI514": {
        "de": ("Die Maßnahme „{id}“ verweist auf die Vereinbarung „{vereinbarung}“ mit „{partner}“, der die Maßnahme weder leitet noch an ihr beteiligt ist.",
               "Tragen Sie „{partner}“ unter beteiligt ein oder verweisen Sie auf die Vereinbarung mit dem tatsächlichen Partner."),
        "en": ("The measure “{id}” refers to the agreement “{vereinbarung}” with “{partner}”, who neither leads nor takes part in it.",
               "Add “{partner}” under beteiligt or refer to the agreement with the actual partner."),
    },
    "KI515": {
        "de": ("Die Maßnahme „{id}“ ist Regelpraxis, ihre Vereinbarung „{vereinbarung}“ ist aber nicht unterzeichnet (Status: {status}).",
               "Regelpraxis braucht eine unterzeichnete Vereinbarung: tragen Sie nach der Unterschrift `status: unterzeichnet` und `unterzeichnet_am:` ein."),
        "en": ("The measure “{id}” is regular practice, but its agreement “{vereinbarung}” is not signed (status: {status}).",
               "Regular practice needs a signed agreement: after signing, enter `status: unterzeichnet` and `unterzeichnet_am:`."),
    },
    "KI516": {
        "de": ("Die Überprüfung der Vereinbarung „{id}“ am {datum} liegt außerhalb ihrer Laufzeit.",
               "Legen Sie ueberpruefung zwischen beginn und ende der Vereinbarung."),
        "en": ("The review of the agreement “{id}” on {datum} lies outside its term.",
               "Put ueberpruefung between the agreement's beginn and ende."),
    },
    "KI517": {
        "de": ("Auf die Vereinbarung „{id}“ verweist keine Maßnahme.",
               "Verweisen Sie aus der zugehörigen Maßnahme mit `vereinbarung: {id}` darauf."),
        "en": ("No measure refers to the agreement “{id}”.",
               "Refer to it from its measure with `vereinbarung: {id}`."),
    },
    "KI518": {
        "de": ("Die Vereinbarung „{id}“ beginnt ({beginn}) nach ihrem Ende ({ende}).",
               "Tauschen oder korrigieren Sie beginn und ende der Vereinbarung."),
        "en": ("The agreement “{id}” starts ({beginn}) after it ends ({ende}).",
               "Swap or correct the agreement's beginn and ende."),
    },
    # ---- KI6xx: the council proposal ------------------------------------------------------
    "KI601": {
        "de": ("Die Beratungsfolge endet nicht mit genau einer Entscheidung: {count} Einträge mit „entscheidung“, der letzte Eintrag ist „{last}“.",
               "Der letzte Eintrag der beratungsfolge ist die Entscheidung des Rats bzw. Kreistags (`zustaendigkeit: entscheidung`); alle davor sind anhoerung oder empfehlung."),
        "en": ("The Beratungsfolge does not end with exactly one decision: {count} entries with “entscheidung”, the last entry is “{last}”.",
               "The last entry of beratungsfolge is the decision of the Rat or Kreistag (`zustaendigkeit: entscheidung`); all before it are anhoerung or empfehlung."),
    },
    "KI602": {
        "de": ("Die Beratung am {datum} liegt vor der vorigen ({previous}); die Beratungsfolge geht zeitlich rückwärts.",
               "Ordnen Sie die Einträge der beratungsfolge nach Datum oder korrigieren Sie das Datum."),
        "en": ("The consultation on {datum} lies before the previous one ({previous}); the Beratungsfolge goes backwards.",
               "Order the beratungsfolge entries by date or correct the date."),
    },
    "KI603": {
        "de": ("Die Entscheidung am {datum} fällt erst am oder nach Beginn des Zeitraums ({beginn}).",
               "Die Schwerpunkte müssen beschlossen sein, bevor sie gelten: planen Sie die Sitzung vor dem {beginn}."),
        "en": ("The decision on {datum} falls on or after the period's start ({beginn}).",
               "The priorities must be decided before they apply: schedule the meeting before {beginn}."),
    },
    "KI604": {
        "de": ("Laut Beratungsfolge entscheidet „{gremium}“; in einer {typ} beschließt aber {body}.",
               "Schreiben Sie im letzten Eintrag der beratungsfolge `gremium: {right}`."),
        "en": ("The Beratungsfolge has “{gremium}” decide, but in a {typ} {body} decides.",
               "Write `gremium: {right}` in the last entry of beratungsfolge."),
    },
    "KI605": {
        "de": ("Die Beratungsfolge der kreisfreien Stadt enthält den Integrationsrat nicht.",
               "Nach § 27 GO NRW wird der Integrationsrat in Integrationsfragen beteiligt: ergänzen Sie einen Eintrag `gremium: integrationsrat`."),
        "en": ("The Beratungsfolge of the independent city does not include the Integrationsrat.",
               "Under § 27 GO NRW the Integrationsrat is consulted on integration matters: add an entry `gremium: integrationsrat`."),
    },
    "KI606": {
        "de": ("Die Datei hat keinen Abschnitt vorlage; `ki render proposal` lässt Kopf und Beratungsfolge leer.",
               "Ergänzen Sie `vorlage:` mit drucksache, federfuehrend und beratungsfolge."),
        "en": ("The file has no vorlage section; `ki render proposal` will leave the head and the Beratungsfolge blank.",
               "Add `vorlage:` with drucksache, federfuehrend and beratungsfolge."),
    },
}
