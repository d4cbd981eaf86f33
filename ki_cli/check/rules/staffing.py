"""KI4xx – staffing and costs, measured against the rule pack of the funding guideline: the caps
on state-funded VZE (per function and in total), einsatz shares that add up, staff time for both
areas, one full-time Leitung, filled posts, unused funding, the municipality's Sachkosten and the
yearly state grant."""

from __future__ import annotations

from collections.abc import Iterator

from ki_cli.check.rules.base import Context, Hit, Text, euro, hit, num, rule, words
from ki_cli.check.rules.example import edit
from ki_cli.check.rules.sources import NONE, PACK, PRACTICE, TINTG_AREAS
from ki_cli.format.vocab import FUNKTION
from ki_cli.text import L

TOLERANCE = 0.001


def _tipping(ctx: Context, funktionen: tuple[str, ...], cap: float) -> tuple[float, str | None, list[str]]:
    """Sum of state-funded VZE of ``funktionen``, the first post that tips it over ``cap``, all posts."""
    total, tipping, posts = 0.0, None, []
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.finanzierung != "land" or stelle.funktion not in funktionen:
            continue
        total += stelle.vze
        posts.append(stelle.id)
        if tipping is None and total > cap + TOLERANCE:
            tipping = f"personal[{i}].vze"
    return total, tipping, posts


@rule(
    "KI401",
    "error",
    title=L("zu viele Landesstellen einer Funktion", "too many state-funded posts of a function"),
    basis=PACK,
    explanation=L(
        "Das Regelpaket der Förderrichtlinie begrenzt die landesfinanzierten VZE je Funktion (z. B. 2,0 "
        "Lehrkräfte, 3,0 Fachkräfte und 0,5 Verwaltung nach dem Erlass 2018).",
        "The funding guideline's rule pack caps state-funded VZE per function (e.g. 2.0 teachers, 3.0 "
        "specialists and 0.5 admin under the 2018 decree).",
    ),
    message=L(
        "Landesfinanzierte Stellen der Funktion {funktion}: gefunden {found} VZE, erlaubt {allowed} "
        "(Förderrichtlinie {pack}); Stellen: {posts}.",
        "State-funded posts of the function {funktion}: found {found} VZE, allowed {allowed} (guideline {pack}); "
        "posts: {posts}.",
    ),
    hint=L(
        "Verringern Sie die vze dieser Stellen oder tragen Sie den Überhang unter finanzierung als kommune oder "
        "drittmittel ein.",
        "Reduce the vze of these posts or record the excess as finanzierung kommune or drittmittel.",
    ),
    fail=edit(
        (
            "  - {id: va-1,",
            "  - {id: fk-4, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: K. Roth, einsatz: "
            "{oeffnung: 0.5}}\n  - {id: va-1,",
        ),
    ),
)
def funktion_caps(ctx: Context) -> Iterator[Hit]:
    if ctx.pack is None:
        return
    typ = ctx.konzept.kommune.typ
    for funktion in FUNKTION:
        cap = ctx.pack.cap(funktion, typ)
        if cap is None:
            continue
        total, tipping, posts = _tipping(ctx, (funktion,), cap)
        if tipping is not None:
            yield hit(
                tipping, funktion=funktion, found=num(total), allowed=num(cap), posts=words(posts), pack=ctx.pack.name
            )


# the caps per function add up to the sum cap, so an excess in total is also one per function
@rule(
    "KI402",
    "error",
    title=L("zu viele Landesstellen insgesamt", "too many state-funded posts in total"),
    basis=L(
        "Regelpaket der Förderrichtlinie; Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): "
        "„5,5 landesfinanzierte Stellen“",
        "rule pack of the funding guideline; presentation “Kommunale Integrationszentren” (Bezirksregierung "
        "Arnsberg): “5,5 state-funded posts”",
    ),
    explanation=L(
        "Das Regelpaket begrenzt die Summe der landesfinanzierten VZE (5,5 nach dem Erlass 2018; 5,5 bzw. 6,5 "
        "Fachkraft- und Verwaltungsstellen nach der Förderrichtlinie 2025).",
        "The rule pack caps the sum of state-funded VZE (5.5 under the 2018 decree; 5.5 or 6.5 specialist and "
        "admin posts under the 2025 guideline).",
    ),
    message=L(
        "Die Summe der landesfinanzierten Stellen ({counted}) beträgt {found} VZE, erlaubt sind {allowed} "
        "(Förderrichtlinie {pack}); Stellen: {posts}.",
        "The state-funded posts ({counted}) add up to {found} VZE, allowed are {allowed} (guideline {pack}); "
        "posts: {posts}.",
    ),
    hint=L(
        "Verringern Sie die vze oder tragen Sie Stellen über der Obergrenze mit `finanzierung: kommune` oder "
        "`drittmittel` ein.",
        "Reduce the vze, or record posts above the cap with `finanzierung: kommune` or `drittmittel`.",
    ),
    fail=edit(
        (
            "  - {id: va-1,",
            "  - {id: fk-4, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: K. Roth, einsatz: "
            "{oeffnung: 0.5}}\n  - {id: va-1,",
        ),
    ),
)
def total_cap(ctx: Context) -> Iterator[Hit]:
    if ctx.pack is None:
        return
    cap = ctx.pack.total_cap(ctx.konzept.kommune.typ)
    counted = ctx.pack.counted
    total, tipping, posts = _tipping(ctx, counted, cap)
    if tipping is not None:
        yield hit(
            tipping,
            found=num(total),
            allowed=num(cap),
            posts=words(posts),
            counted=words(list(counted)),
            pack=ctx.pack.name,
        )


@rule(
    "KI403",
    "error",
    title=L("Einsatz passt nicht zur Stelle", "einsatz does not add up"),
    basis=NONE,
    explanation=L(
        "Die Anteile unter `einsatz` verteilen die VZE einer Stelle auf die Schwerpunkte und ergeben zusammen "
        "genau ihre `vze`.",
        "The shares under `einsatz` spread a post's VZE over the priorities and add up to exactly its `vze`.",
    ),
    message=L(
        "Der Einsatz der Stelle „{id}“ ergibt {spent} VZE, die Stelle hat aber {vze} VZE.",
        "The einsatz of the post “{id}” adds up to {spent} VZE, but the post has {vze} VZE.",
    ),
    hint=L(
        "Verteilen Sie unter einsatz genau {vze} VZE auf die Schwerpunkte.",
        "Distribute exactly {vze} VZE over the priorities under einsatz.",
    ),
    fail=edit(
        ("einsatz: {uebergang: 0.25, oeffnung: 0.25}", "einsatz: {uebergang: 0.25, oeffnung: 0.5}"),
    ),
)
def einsatz_adds_up(ctx: Context) -> Iterator[Hit]:
    for i, stelle in enumerate(ctx.konzept.personal):
        spent = sum(stelle.einsatz.values())
        if abs(spent - stelle.vze) > TOLERANCE:
            yield hit(f"personal[{i}].einsatz", id=stelle.id, spent=num(spent), vze=num(stelle.vze))


@rule(
    "KI404",
    "warning",
    title=L("Bereich ohne Personal", "area without staff"),
    basis=TINTG_AREAS,
    explanation=L(
        "Jeder der beiden gesetzlichen Bereiche bekommt Personalzeit; ein Bereich ohne Einsatz steht nur auf dem "
        "Papier.",
        "Each of the two legal areas gets staff time; an area without any is only on paper.",
    ),
    message=L("Der Bereich „{bereich}“ erhält keine Personalzeit.", "The area “{bereich}” gets no staff time."),
    hint=L(
        "Setzen Sie unter einsatz mindestens einer Stelle einen Anteil für einen Schwerpunkt im Bereich {bereich} ein.",
        "Give at least one post a share for a priority of the area {bereich} under einsatz.",
    ),
    fail=edit(
        ("M. Kowalski, einsatz: {uebergang: 0.5, oeffnung: 0.5}", "M. Kowalski, einsatz: {uebergang: 1}"),
        ("A. Demir, einsatz: {uebergang: 0.5, oeffnung: 0.5}", "A. Demir, einsatz: {uebergang: 1}"),
        ("T. Schmitt, einsatz: {oeffnung: 1}", "T. Schmitt, einsatz: {uebergang: 1}"),
        ("P. Lange, einsatz: {uebergang: 0.25, oeffnung: 0.25}", "P. Lange, einsatz: {uebergang: 0.5}"),
    ),
)
def both_areas_staffed(ctx: Context) -> Iterator[Hit]:
    area = {sp.id: sp.bereich for sp in ctx.konzept.schwerpunkte}
    staffed = {
        area[sp_id]
        for stelle in ctx.konzept.personal
        for sp_id, share in stelle.einsatz.items()
        if sp_id in area and share > 0
    }
    present = set(area.values())
    for bereich in ("bildungskette", "querschnitt"):
        if bereich in present and bereich not in staffed:
            yield hit("personal", at="key", bereich=bereich)


@rule(
    "KI405",
    "warning",
    title=L("keine oder mehrere Leitungen", "no or several heads"),
    basis=PRACTICE,
    explanation=L(
        "Genau eine Stelle hat die Rolle Leitung. Keine Leitung ist eine Warnung, mehrere Leitungen sind ein Fehler.",
        "Exactly one post has the role leitung. No head is a warning, several heads are an error.",
    ),
    variants={
        "none": Text(
            message=L("Keine Stelle hat die Rolle Leitung.", "No post has the role leitung."),
            hint=L(
                "Kennzeichnen Sie die Leitungsstelle mit `rolle: leitung`.",
                "Mark the leading post with `rolle: leitung`.",
            ),
        ),
        "many": Text(
            message=L(
                "Auch die Stelle „{id}“ hat die Rolle Leitung (schon: „{first}“); es kann nur eine Leitung geben.",
                "The post “{id}” also has the role leitung (already: “{first}”); there can be only one.",
            ),
            hint=L(
                "Ändern Sie die Rolle dieser Stelle, z. B. in `rolle: stellvertretung`, oder entfernen Sie sie.",
                "Change this post's role, e.g. to `rolle: stellvertretung`, or remove it.",
            ),
        ),
    },
    fail=edit(
        (", rolle: leitung", ""),
    ),
)
def one_leitung(ctx: Context) -> Iterator[Hit]:
    leads = [i for i, s in enumerate(ctx.konzept.personal) if s.rolle == "leitung"]
    if not leads:
        yield hit("personal", at="key", variant="none")
    for i in leads[1:]:
        first = ctx.konzept.personal[leads[0]].id
        yield hit(f"personal[{i}].rolle", variant="many", severity="error", id=ctx.konzept.personal[i].id, first=first)


@rule(
    "KI406",
    "warning",
    title=L("Leitung nicht in Vollzeit", "head not full-time"),
    basis=PRACTICE,
    explanation=L(
        "Das Ministerium hat die Förderung an eine Leitung und Stellvertretung in Vollzeit geknüpft.",
        "The ministry tied funding to a full-time head and deputy.",
    ),
    message=L(
        "Die Stelle „{id}“ ({rolle}) hat nur {vze} VZE; Leitung und Stellvertretung sollen Vollzeitstellen sein.",
        "The post “{id}” ({rolle}) has only {vze} VZE; Leitung and Stellvertretung should be full-time.",
    ),
    hint=L(
        "Schreiben Sie `vze: 1` oder übertragen Sie die Rolle einer Vollzeitstelle.",
        "Write `vze: 1` or give the role to a full-time post.",
    ),
    fail=edit(
        (
            "{id: fk-2, funktion: fachkraft, vze: 1, finanzierung: land, rolle: stellvertretung, besetzt_durch: "
            "T. Schmitt, einsatz: {oeffnung: 1}}",
            "{id: fk-2, funktion: fachkraft, vze: 0.5, finanzierung: land, rolle: stellvertretung, "
            "besetzt_durch: T. Schmitt, einsatz: {oeffnung: 0.5}}\n  - {id: fk-2b, funktion: fachkraft, vze: "
            "0.5, finanzierung: land, besetzt_durch: U. Berg, einsatz: {oeffnung: 0.5}}",
        ),
    ),
)
def full_time_lead(ctx: Context) -> Iterator[Hit]:
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.rolle in ("leitung", "stellvertretung") and stelle.vze < 1 - TOLERANCE:
            yield hit(f"personal[{i}].vze", id=stelle.id, rolle=stelle.rolle, vze=num(stelle.vze))


@rule(
    "KI407",
    "warning",
    title=L("Landesstelle unbesetzt", "state-funded post vacant"),
    basis=PACK,
    explanation=L(
        "Eine landesfinanzierte Stelle ohne `besetzt_durch` ist unbesetzt; die Förderung setzt besetzte Stellen "
        "voraus.",
        "A state-funded post without `besetzt_durch` is vacant; funding presupposes filled posts.",
    ),
    message=L(
        "Die landesfinanzierte Stelle „{id}“ ({funktion}) ist unbesetzt.",
        "The state-funded post “{id}” ({funktion}) is vacant.",
    ),
    hint=L(
        "Tragen Sie unter besetzt_durch die Person ein, sobald die Stelle besetzt ist; bis dahin ist die "
        "Förderung gefährdet.",
        "Enter the holder under besetzt_durch once the post is filled; until then funding is at risk.",
    ),
    fail=edit(
        (", besetzt_durch: E. Yılmaz", ""),
    ),
)
def vacancies(ctx: Context) -> Iterator[Hit]:
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.finanzierung == "land" and stelle.vakant:
            where = "besetzt_durch" if stelle.besetzt_durch is not None else "id"
            yield hit(f"personal[{i}].{where}", id=stelle.id, funktion=stelle.funktion)


@rule(
    "KI408",
    "info",
    title=L("Förderrahmen nicht ausgeschöpft", "funding cap not used"),
    basis=PACK,
    explanation=L(
        "Die landesfinanzierten VZE liegen unter der Obergrenze des Regelpakets; der Rest bleibt ungefördert.",
        "The state-funded VZE are below the rule pack's cap; the rest remains unfunded.",
    ),
    message=L(
        "Landesfinanzierte Stellen unter der Obergrenze der Förderrichtlinie {pack}: {below}.",
        "State-funded posts below the cap of guideline {pack}: {below}.",
    ),
    hint=L(
        "Nicht genutzte Stellenanteile bleiben ungefördert; prüfen Sie, ob Sie sie beantragen wollen.",
        "Unused post shares remain unfunded; check whether you want to apply for them.",
    ),
    fail=edit(
        (
            "{id: fk-3, funktion: fachkraft, vze: 1, finanzierung: land",
            "{id: fk-3, funktion: fachkraft, vze: 1, finanzierung: kommune",
        ),
    ),
)
def unused_funding(ctx: Context) -> Iterator[Hit]:
    if ctx.pack is None:
        return
    typ = ctx.konzept.kommune.typ
    from ki_cli.check.rulepacks import land_vze  # the pack is loaded only when a concept gets this far

    vze = land_vze(ctx.konzept)
    below = []
    for funktion in FUNKTION:
        cap = ctx.pack.cap(funktion, typ)
        if cap is not None and vze[funktion] < cap - TOLERANCE:
            below.append((funktion, vze[funktion], cap))
    if below:
        de = ", ".join(f"{f}: {num(v).de} von {num(c).de}" for f, v, c in below)
        en = ", ".join(f"{f}: {num(v).en} of {num(c).en}" for f, v, c in below)
        yield hit("personal", at="key", below=L(de, en), pack=ctx.pack.name)


@rule(
    "KI409",
    "warning",
    title=L("keine Sachkosten der Kommune", "no municipal material costs"),
    basis=L(
        "Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „Sachkosten: Kommunen“; "
        "Fördervoraussetzungen",
        "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “Sachkosten: Kommunen”; "
        "funding conditions",
    ),
    explanation=L(
        "Die Kommune stellt Räume und trägt Verwaltungskosten; mindestens ein Sachkostenposten hat `traeger: kommune`.",
        "The municipality provides rooms and bears administrative costs; at least one material-cost item has "
        "`traeger: kommune`.",
    ),
    message=L(
        "Keine Sachkosten werden von der Kommune getragen.",
        "No material costs are borne by the municipality.",
    ),
    hint=L(
        "Tragen Sie unter sachkosten die Räume und Verwaltungskosten mit `traeger: kommune` ein; sie sind "
        "Fördervoraussetzung.",
        "Add the rooms and administrative costs under sachkosten with `traeger: kommune`; they are a funding "
        "condition.",
    ),
    fail=edit(
        ("traeger: kommune}", "traeger: drittmittel}"),
    ),
)
def municipal_costs(ctx: Context) -> Iterator[Hit]:
    if not any(s.traeger == "kommune" for s in ctx.konzept.sachkosten):
        path = "sachkosten" if "sachkosten" in ctx.sourcemap else ""
        yield hit(path, at="key")


@rule(
    "KI410",
    "info",
    title=L("Landesförderung pro Jahr", "state grant per year"),
    basis=PACK,
    explanation=L(
        "Für Regelpakete mit Festbeträgen (Förderrichtlinie 2025: 57.000 € je Fachkraft-VZE, 22.500 € je 0,5 VZE "
        "Verwaltung) berechnet ki die jährliche Landesförderung aus den landesfinanzierten VZE.",
        "For rule packs with fixed amounts (2025 guideline: €57,000 per specialist VZE, €22,500 per 0.5 admin "
        "VZE) ki computes the yearly state grant from the state-funded VZE.",
    ),
    message=L(
        "Landesförderung nach Förderrichtlinie {pack}: {fk} Fachkraft-VZE × {per_fk} + {va} VZE Verwaltung "
        "({per_va} je 0,5 VZE) = {total} pro Jahr, {period} in {years} Jahren.",
        "State grant under guideline {pack}: {fk} specialist VZE × {per_fk} + {va} admin VZE ({per_va} per 0.5 "
        "VZE) = {total} a year, {period} over {years} years.",
    ),
    hint=L(
        "Diese Summe erscheint in der Beschlussvorlage unter „Finanzielle Auswirkungen“.",
        "This sum appears in the council proposal under “Finanzielle Auswirkungen”.",
    ),
    fail=edit(
        ('foerderrichtlinie: "2018"', 'foerderrichtlinie: "2025"'),
    ),
)
def state_grant(ctx: Context) -> Iterator[Hit]:
    pack = ctx.pack
    if pack is None or pack.amounts is None:
        return
    from ki_cli.check.rulepacks import grant_items, land_vze

    items = grant_items(ctx.konzept, pack)
    if items is None:
        return
    total = sum(amount for _, amount in items)
    periode = ctx.konzept.periode
    years = periode.ende.year - periode.beginn.year + 1
    typ = ctx.konzept.kommune.typ
    vze = land_vze(ctx.konzept)
    yield hit(
        "personal",
        at="key",
        fk=num(min(vze["fachkraft"], pack.cap("fachkraft", typ) or 0)),
        va=num(min(vze["verwaltung"], pack.cap("verwaltung", typ) or 0)),
        per_fk=euro(float(pack.amounts["fachkraft_per_vze"])),
        per_va=euro(float(pack.amounts["verwaltung_per_half_vze"])),
        total=euro(total),
        period=euro(total * years),
        years=years,
        pack=pack.name,
    )
