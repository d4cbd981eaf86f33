"""KI4xx – staffing and costs, measured against the rule pack of the funding guideline: the caps
on state-funded VZE (per function and in total), einsatz shares that add up, staff time for both
areas, one full-time Leitung, filled posts, unused funding, the municipality's Sachkosten and the
yearly state grant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ki_cli.check.rules.base import Context, Hit, Text, euro, hit, num, rule, words
from ki_cli.check.rules.example import edit
from ki_cli.check.rules.sources import NONE, PACK, PRACTICE, TINTG_AREAS
from ki_cli.format.vocab import FUNKTION
from ki_cli.text import L

if TYPE_CHECKING:
    from ki_cli.funding import Granted, Part, Year

TOLERANCE = 0.001


def _tipping(ctx: Context, funktionen: tuple[str, ...], cap: float) -> tuple[float, str | None, list[str]]:
    """Sum of the KI's state-funded VZE (``programm: ki``) of ``funktionen``, the first post that tips it
    over ``cap``, all posts."""
    total, tipping, posts = 0.0, None, []
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.finanzierung != "land" or stelle.funktion not in funktionen or stelle.programm != "ki":
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
            "  - {id: fk-6, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: K. Roth, einsatz: "
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
            "  - {id: fk-6, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: K. Roth, einsatz: "
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
        ("L. Haddad, einsatz: {oeffnung: 1}", "L. Haddad, einsatz: {uebergang: 1}"),
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
        "Die vom Land geförderten VZE (Fachkräfte, Verwaltungsassistenz) liegen unter der Obergrenze des "
        "Regelpakets; der Rest bleibt ungefördert. Abgeordnete Lehrkräfte zählen hier nicht: sie sind keine "
        "Förderung.",
        "The state-funded VZE (specialists, administrative assistance) are below the rule pack's cap; the rest "
        "remains unfunded. Seconded teachers do not count here: they are not funding.",
    ),
    message=L(
        "Vom Land geförderte Stellen unter der Obergrenze der Förderrichtlinie {pack}: {below}.",
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
    from ki_cli.funding import ki_land_vze  # the grant arithmetic is needed only when a concept gets this far

    vze = ki_land_vze(ctx.konzept)
    below = []
    for funktion in ctx.pack.counted:  # the posts the grant pays; seconded teachers are not funding
        cap = ctx.pack.cap(funktion, typ)
        if cap is not None and vze[funktion] < cap - TOLERANCE:
            below.append((funktion, vze[funktion], cap))
    if below:
        de = ", ".join(f"{_POSTS[f].de}: {num(v).de} von {num(c).de} VZE" for f, v, c in below)
        en = ", ".join(f"{_POSTS[f].en}: {num(v).en} of {num(c).en} VZE" for f, v, c in below)
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


def _money(value: float) -> L:
    """A maximum: ``bis zu 57.000 €`` / ``up to €57,000``."""
    amount = euro(value)
    return L(f"bis zu {amount.de}", f"up to {amount.en}")


_POSTS = {
    "fachkraft": L("Fachkräfte", "specialists"),
    "verwaltung": L("Verwaltungsassistenz", "administrative assistance"),
}
_NOT_RECORDED = L("Festbetrag nicht hinterlegt", "fixed amount not recorded")
_FUNKTION = {
    "fachkraft": L("Fachkraft-VZE", "specialist VZE"),
    "verwaltung": L("VZE Verwaltungsassistenz", "admin VZE"),
}


def _part_text(part: Part) -> L:
    """``5,0 Fachkraft-VZE × bis zu 57.000 €`` / ``0,5 VZE Verwaltungsassistenz (bis zu 22.500 € je 0,5 VZE)``."""
    label = _FUNKTION[part.funktion]
    vze = num(part.vze)
    if part.unit_amount is None:
        return L(f"{vze.de} {label.de} ({_NOT_RECORDED.de})", f"{vze.en} {label.en} ({_NOT_RECORDED.en})")
    amount = _money(part.unit_amount)
    if abs(part.unit - 1.0) < TOLERANCE:
        return L(f"{vze.de} {label.de} × {amount.de}", f"{vze.en} {label.en} × {amount.en}")
    unit = num(part.unit)
    return L(
        f"{vze.de} {label.de} ({amount.de} je {unit.de} VZE)", f"{vze.en} {label.en} ({amount.en} per {unit.en} VZE)"
    )


def _granted_text(granted: Granted | None) -> tuple[str, str]:
    if granted is None:
        return "", ""
    de, en = [], []
    if granted.beantragt is not None:
        de.append(f"beantragt {euro(granted.beantragt).de}")
        en.append(f"applied for {euro(granted.beantragt).en}")
    if granted.bewilligt is not None:
        de.append(f"bewilligt {euro(granted.bewilligt).de}")
        en.append(f"granted {euro(granted.bewilligt).en}")
    return (f" ({', '.join(de)})", f" ({', '.join(en)})") if de else ("", "")


def _year_text(year: Year) -> L:
    """``2027 (10 Monate): bis zu 265.833 € (beantragt 260.000 €)``."""
    head_de = (
        str(year.jahr) if year.budget.full else f"{year.jahr} ({year.months} Monat{'e' if year.months > 1 else ''})"
    )
    head_en = (
        str(year.jahr) if year.budget.full else f"{year.jahr} ({year.months} month{'s' if year.months > 1 else ''})"
    )
    if year.maximum is not None:
        figure = _money(year.maximum)
    else:
        figure = _NOT_RECORDED
    granted_de, granted_en = _granted_text(year.ki)
    return L(f"{head_de}: {figure.de}{granted_de}", f"{head_en}: {figure.en}{granted_en}")


@rule(
    "KI410",
    "info",
    title=L("Landesförderung je Haushaltsjahr (Höchstbeträge)", "state grant per budget year (maxima)"),
    basis=PACK,
    explanation=L(
        "Die Landesförderung wird je Haushaltsjahr beantragt und bewilligt. Für Regelpakete mit Festbeträgen "
        "(Förderrichtlinien 2023 und 2025: bis zu 57.000 € je Fachkraft-VZE, bis zu 22.500 € je 0,5 VZE "
        "Verwaltung) nennt ki für jedes Haushaltsjahr des Zeitraums den Höchstbetrag („bis zu“) aus den "
        "landesfinanzierten Stellen des KI (`programm: ki`); ein angebrochenes Jahr zählt anteilig nach Monaten. "
        "Wo `foerderung[]` beantragte oder bewilligte Beträge nennt, stehen sie daneben.",
        "The state grant is applied for and granted per budget year. For rule packs with fixed amounts (2023 and "
        "2025 guidelines: up to €57,000 per specialist VZE, up to €22,500 per 0.5 admin VZE) ki gives for each "
        "budget year of the period the maximum (“bis zu”) from the KI's state-funded posts (`programm: ki`); a "
        "part year counts pro rata by months. Where `foerderung[]` gives amounts applied for or granted, they "
        "stand beside it.",
    ),
    message=L(
        "Landesförderung nach Förderrichtlinie {pack}, Höchstbeträge je Haushaltsjahr: {years}; ein volles Jahr: "
        "{parts}.",
        "State grant under guideline {pack}, maxima per budget year: {years}; a full year: {parts}.",
    ),
    hint=L(
        "Die Beträge sind Höchstbeträge („bis zu“); sie erscheinen in der Beschlussvorlage unter „Finanzielle "
        "Auswirkungen“ je Haushaltsjahr.",
        "The amounts are maxima (“bis zu”); they appear in the council proposal under “Finanzielle "
        "Auswirkungen”, per budget year.",
    ),
    fail=edit(
        ('foerderrichtlinie: "2018"', 'foerderrichtlinie: "2025"'),
    ),
)
def state_grant(ctx: Context) -> Iterator[Hit]:
    if ctx.pack is None:
        return
    from ki_cli.funding import funding  # the grant arithmetic is needed only when a concept gets this far

    plan = funding(ctx.konzept, ctx.pack)
    if plan is None or not plan.years:
        return
    applied = any(year.ki is not None for year in plan.years)
    if not (plan.parts and plan.complete) and not applied:
        return  # nothing to say: the pack records no amount for these posts and foerderung[] names none
    years = [_year_text(year) for year in plan.years]
    parts = [_part_text(part) for part in plan.parts]
    first = next((year.ki.paths[0] for year in plan.years if year.ki is not None), None)
    path, at = (first, "value") if first is not None and not plan.complete else ("personal", "key")
    yield hit(
        path,
        at=at,  # type: ignore[arg-type]
        pack=ctx.pack.name,
        years=L("; ".join(y.de for y in years), "; ".join(y.en for y in years)),
        parts=L(" + ".join(p.de for p in parts) or "–", " + ".join(p.en for p in parts) or "–"),
    )


@rule(
    "KI411",
    "warning",
    title=L("Laiensprachmittlerpool über der Obergrenze", "lay interpreter pool above its cap"),
    basis=L(
        "Regelpaket der Förderrichtlinie: Laiensprachmittlerpool bis zu 50.000 € im Jahr (RdErl. 2022, BASS "
        "19760); Haushalt 2025: 30.000 € (StädteRegion Aachen, Vorlage 2024/0414)",
        "rule pack of the funding guideline: lay interpreter pool up to €50,000 a year (decree 2022, BASS 19760); "
        "budget 2025: €30,000 (StädteRegion Aachen, paper 2024/0414)",
    ),
    explanation=L(
        "Das Land fördert die Sachausgaben des Laiensprachmittlerpools eines KI bis zu einer Obergrenze je "
        "Haushaltsjahr (Richtlinie: bis zu 50.000 €; im Haushalt 2025 auf 30.000 € gekürzt). Gezählt werden die "
        "Sachkosten mit `programm: laiensprachmittlerpool` und `traeger: land`; der Pool braucht ein eigenes "
        "Konzept.",
        "The state funds the material costs of a KI's lay interpreter pool up to a cap per budget year "
        "(guideline: up to €50,000; cut to €30,000 in the 2025 budget). Counted are the material costs with "
        "`programm: laiensprachmittlerpool` and `traeger: land`; the pool needs its own concept paper.",
    ),
    message=L(
        "Die landesgeförderten Sachkosten des Laiensprachmittlerpools ({found} im Jahr) übersteigen die "
        "Obergrenze für {years} ({allowed}; {source}).",
        "The state-funded material costs of the lay interpreter pool ({found} a year) exceed the cap for {years} "
        "({allowed}; {source}).",
    ),
    hint=L(
        "Verringern Sie den betrag oder tragen Sie den Teil über der Obergrenze mit `traeger: kommune` ein.",
        "Reduce the betrag, or record the part above the cap with `traeger: kommune`.",
    ),
    fail=edit(
        (
            "  - {posten: Büroräume und Reisekosten, betrag: 24000, traeger: kommune}",
            "  - {posten: Büroräume und Reisekosten, betrag: 24000, traeger: kommune}\n"
            "  - {posten: Laiensprachmittlerpool, betrag: 60000, traeger: land, programm: laiensprachmittlerpool}",
        ),
        ('foerderrichtlinie: "2018"', 'foerderrichtlinie: "2023"'),
    ),
    passing=edit(
        (
            "  - {posten: Büroräume und Reisekosten, betrag: 24000, traeger: kommune}",
            "  - {posten: Büroräume und Reisekosten, betrag: 24000, traeger: kommune}\n"
            "  - {posten: Laiensprachmittlerpool, betrag: 50000, traeger: land, programm: laiensprachmittlerpool}",
        ),
    ),
)
def pool_cap(ctx: Context) -> Iterator[Hit]:
    if ctx.pack is None or not ctx.pack.pool:
        return
    from ki_cli.funding import pool_costs
    from ki_cli.periods import budget_years

    found, indices = pool_costs(ctx.konzept)
    if not indices:
        return
    periode = ctx.konzept.periode
    over: dict[float, list[int]] = {}  # cap → the budget years it is exceeded in
    sources: dict[float, str] = {}
    for budget in budget_years(periode.beginn, periode.ende):
        cap = ctx.pack.pool_cap(budget.year)
        if cap is not None and found > cap.max + TOLERANCE:
            over.setdefault(cap.max, []).append(budget.year)
            sources[cap.max] = cap.source.title if cap.source is not None else cap.quote
    if not over:
        return
    allowed = min(over)  # name the tightest cap exceeded
    years = ", ".join(str(y) for y in over[allowed])
    yield hit(
        f"sachkosten[{indices[-1]}].betrag",
        found=euro(found),
        allowed=_money(allowed),
        years=years,
        source=sources[allowed],
    )


_PROGRAMME = {
    "kim": "KIM",
    "komm_an": "KOMM-AN NRW",
    "ifkuf": "IfKuF",
    "sonstiges": L("sonstiges Programm", "other programme"),
}


@rule(
    "KI412",
    "info",
    title=L("Stellen anderer Programme", "posts of other programmes"),
    basis=L(
        "TIntG § 9 (Kommunales Integrationsmanagement); Richtlinien der Programme KIM, KOMM-AN NRW, IfKuF",
        "TIntG § 9 (Kommunales Integrationsmanagement); guidelines of the programmes KIM, KOMM-AN NRW, IfKuF",
    ),
    explanation=L(
        "Stellen anderer Landesprogramme (KIM, KOMM-AN NRW, IfKuF …) arbeiten im oder neben dem KI. Sie werden "
        "gesondert aufgeführt und zählen nicht gegen die Obergrenzen und die Förderung des KI (KI401, KI402, "
        "KI408, KI410).",
        "Posts of other state programmes (KIM, KOMM-AN NRW, IfKuF …) work in or beside the KI. They are listed "
        "apart and do not count against the KI's caps and grant (KI401, KI402, KI408, KI410).",
    ),
    message=L(
        "Stellen anderer Programme, gesondert aufgeführt und nicht gegen die Obergrenzen des KI gezählt: {posts}.",
        "Posts of other programmes, listed apart and not counted against the KI's caps: {posts}.",
    ),
    hint=L(
        "Prüfen Sie, dass jede dieser Stellen das richtige `programm` hat; die Beschlussvorlage führt sie "
        "getrennt von den Stellen des KI auf.",
        "Check that each of these posts has the right `programm`; the council proposal lists them apart from "
        "the KI's posts.",
    ),
    fail=edit(
        (
            "  - {id: va-1,",
            "  - {id: kim-1, funktion: fachkraft, vze: 1, finanzierung: land, programm: kim, besetzt_durch: R. Vogel, "
            "einsatz: {oeffnung: 1}}\n  - {id: va-1,",
        ),
    ),
)
def other_programmes(ctx: Context) -> Iterator[Hit]:
    from ki_cli.funding import other_programme_posts

    posts = other_programme_posts(ctx.konzept)
    if not posts:
        return
    de, en = [], []
    for _, stelle in posts:
        name = _PROGRAMME.get(stelle.programm, stelle.programm)
        label = name if isinstance(name, L) else L(name, name)
        de.append(f"{stelle.id} ({label.de}, {num(stelle.vze).de} VZE)")
        en.append(f"{stelle.id} ({label.en}, {num(stelle.vze).en} VZE)")
    yield hit(f"personal[{posts[0][0]}].programm", posts=L(", ".join(de), ", ".join(en)))
