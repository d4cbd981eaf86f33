"""What ``ki rules`` and ``ki explain`` print, from the registry alone."""

from __future__ import annotations

from typing import Any

from ki_cli.check.registry import RULES, Rule
from ki_cli.messages import ui
from ki_cli.text import L

_WORDS = {
    "basis": L("Grundlage", "Basis"),
    "fail": L("So nicht (löst {code} aus):", "Not like this (triggers {code}):"),
    "fix": L("Beispiel – `-` löst {code} aus, `+` sondern so:", "Example – `-` triggers {code}, `+` fixes it:"),
    "header": L("Code   Schwere  Titel — Grundlage", "Code   Severity Title — basis"),
    "packs": L("Werte der Regelpakete (mit Quelle):", "Values of the rule packs (with their source):"),
    "source": L("Quelle", "Source"),
    "absent": L("nicht hinterlegt", "not recorded"),
    "max": L("bis zu {amount} je {unit} VZE und Haushaltsjahr", "up to {amount} per {unit} VZE and budget year"),
    "tier": L("für {vze}", "for {vze}"),
    "pool_any": L("Laiensprachmittlerpool, je Haushaltsjahr", "lay interpreter pool, per budget year"),
    "pool_years": L("Laiensprachmittlerpool, Haushaltsjahr {years}", "lay interpreter pool, budget year {years}"),
    "deadline": L(
        "Antragsfrist: {day}.{month}. des Vorjahres je Haushaltsjahr",
        "application deadline: {day}.{month}. of the year before each budget year",
    ),
    "deadline_absent": L("Antragsfrist", "application deadline"),
    "total": L("Summe ({counted})", "total ({counted})"),
}

# Which pack values each rule rests on (``ki explain`` prints them with their sources).
_PACK_VALUES: dict[str, tuple[str, ...]] = {
    "KI401": ("caps",),
    "KI402": ("total",),
    "KI408": ("caps",),
    "KI410": ("amounts", "deadline"),
    "KI411": ("pool",),
    "KI608": ("deadline",),
}
_TYPES = ("kreisfreie_stadt", "kreisangehoerige_stadt", "kreis", "staedteregion")
_TYPE_LABEL = {
    "kreisfreie_stadt": L("kreisfreie Stadt", "independent city"),
    "kreisangehoerige_stadt": L("kreisangehörige Stadt", "town within a Kreis"),
    "kreis": L("Kreis", "Kreis"),
    "staedteregion": L("StädteRegion", "StädteRegion"),
}
_FUNKTION_LABEL = {
    "lehrkraft": L("Lehrkräfte (vom Land abgeordnet, nicht aus der Förderung)", "teachers (seconded by the state)"),
    "fachkraft": L("Fachkräfte", "specialists"),
    "verwaltung": L("Verwaltungsassistenz", "administrative assistance"),
}


def rules_json(lang: str) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "severity": r.severity,
            "title": r.title(lang),
            "basis": r.basis(lang),
            "explanation": r.explanation(lang),
        }
        for r in RULES.values()
    ]


def rules_text(lang: str) -> str:
    lines = [_WORDS["header"](lang)]
    for r in RULES.values():
        lines.append(f"{r.code}  {ui(f'sev.{r.severity}', lang):<8} {r.title(lang)} — {r.basis(lang)}")
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.rstrip("\n").splitlines())


def example_diff(rule: Rule, context: int = 2) -> list[str]:
    """The change from the failing to the passing example, as unified-diff lines without the file header.

    ``@@`` lines say where in the example file the change is; ``-`` lines trigger the rule, ``+``
    lines fix it, and ``context`` unchanged lines stand around each change.
    """
    import difflib

    diff = difflib.unified_diff(rule.fail_example.splitlines(), rule.pass_example.splitlines(), lineterm="", n=context)
    return [line for line in diff if not line.startswith(("---", "+++"))]


def _vze(value: float, lang: str) -> str:
    from ki_cli.text import german_vze

    text = german_vze(value)
    return text if lang == "de" else text.replace(",", ".")


def _euro(value: float, lang: str) -> str:
    from ki_cli.text import german_money

    return german_money(round(value)) if lang == "de" else f"€{value:,.0f}"


def _source_line(quote: str, source: Any, lang: str) -> str:
    from ki_cli.text import german_date

    quoted = quote if not quote or quote[0] in "„“" else (f"„{quote}“" if lang == "de" else f"“{quote}”")
    parts = [quoted]
    if source is None:
        parts.append(f"{_WORDS['source'](lang)}: {_WORDS['absent'](lang)}")
    else:
        where = [source.title]
        if source.date is not None:
            where.append(german_date(source.date) if lang == "de" else source.date.isoformat())
        if source.link:
            where.append(source.link)
        parts.append(f"{_WORDS['source'](lang)}: {', '.join(where)}")
    return " – ".join(p for p in parts if p)


def _by_type(values: dict[str, float], lang: str) -> str:
    return " · ".join(f"{_TYPE_LABEL[typ](lang)} {_vze(values[typ], lang)}" for typ in _TYPES if typ in values)


def pack_values(code: str, lang: str) -> list[str]:
    """The values of every rule pack that ``code`` rests on, each with its source (empty: none)."""
    kinds = _PACK_VALUES.get(code)
    if not kinds:
        return []
    from ki_cli.check.rulepacks import load_pack, names

    lines = [_WORDS["packs"](lang)]
    for name in names():
        pack = load_pack(name)
        if pack is None:
            continue
        lines.append(f"  {name}: {pack.title}")
        for kind in kinds:
            lines += [f"    {line}" for line in _pack_lines(pack, kind, lang)]
    return lines


def _pack_lines(pack: Any, kind: str, lang: str) -> list[str]:
    out: list[str] = []
    if kind == "caps":
        for funktion, entry in pack.caps.items():
            caps = {typ: pack.cap(funktion, typ) for typ in _TYPES}
            shown = {typ: value for typ, value in caps.items() if value is not None}
            out.append(f"{_FUNKTION_LABEL[funktion](lang)}: {_by_type(shown, lang)} VZE")
            out.append(
                f"  {_source_line(str(entry.get('quote', '')), pack.cap_sourced(funktion, 'kreis').source, lang)}"
            )
    elif kind == "total":
        sourced = pack.total_sourced("kreis")
        shown = {typ: pack.total_cap(typ) for typ in _TYPES}
        out.append(f"{_WORDS['total'](lang).format(counted=', '.join(pack.counted))}: {_by_type(shown, lang)} VZE")
        out.append(f"  {_source_line(sourced.quote, sourced.source, lang)}")
    elif kind == "amounts":
        for funktion in ("fachkraft", "verwaltung"):
            for i in range(len(pack.amounts.get(funktion, []))):
                tiers = {typ: pack.tiers(funktion, typ) for typ in _TYPES}
                tier = tiers["kreis"][i]
                amount = (
                    _WORDS["absent"](lang)
                    if tier.max is None
                    else _WORDS["max"](lang).format(amount=_euro(tier.max, lang), unit=_vze(tier.per_vze, lang))
                )
                vze = {typ: found[i].vze for typ, found in tiers.items() if len(found) > i}
                extent = _WORDS["tier"](lang).format(vze=_by_type(vze, lang) + " VZE")
                out.append(f"{_FUNKTION_LABEL[funktion](lang)}: {amount} ({extent})")
                out.append(f"  {_source_line(tier.quote, tier.source, lang)}")
        if not pack.amounts:
            out.append(f"{_FUNKTION_LABEL['fachkraft'](lang)}: {_WORDS['absent'](lang)}")
    elif kind == "pool":
        for cap in pack.pool:
            what = (
                _WORDS["pool_years"](lang).format(years=", ".join(str(y) for y in cap.years))
                if cap.years
                else _WORDS["pool_any"](lang)
            )
            up_to = "bis zu" if lang == "de" else "up to"
            out.append(f"{what}: {up_to} {_euro(cap.max, lang)}")
            out.append(f"  {_source_line(cap.quote, cap.source, lang)}")
        if not pack.pool:
            out.append(f"{_WORDS['pool_any'](lang)}: {_WORDS['absent'](lang)}")
    elif kind == "deadline":
        deadline = pack.deadline
        if deadline is None:
            out.append(f"{_WORDS['deadline_absent'](lang)}: {_WORDS['absent'](lang)}")
        else:
            out.append(_WORDS["deadline"](lang).format(day=f"{deadline.day:02d}", month=f"{deadline.month:02d}"))
            out.append(f"  {_source_line(deadline.quote, deadline.source, lang)}")
    return out


def explain_text(rule: Rule, lang: str) -> str:
    parts = [
        f"{rule.code} ({ui(f'sev.{rule.severity}', lang)}) – {rule.title(lang)}",
        "",
        rule.explanation(lang),
        "",
        f"{_WORDS['basis'](lang)}: {rule.basis(lang)}",
    ]
    values = pack_values(rule.code, lang)
    if values:
        parts += ["", *values]
    if rule.fail_example and rule.pass_example:
        parts += ["", _WORDS["fix"](lang).format(code=rule.code), _indent("\n".join(example_diff(rule)))]
    elif rule.fail_example:
        parts += ["", _WORDS["fail"](lang).format(code=rule.code), _indent(rule.fail_example)]
    return "\n".join(parts)
