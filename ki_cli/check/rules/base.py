"""How a domain rule is declared, what its function gets (``Context``) and what it gives (``Hit``).

A rule is one generator function in its area module, declared by ``@rule`` with everything a
user sees of it: code, default severity, title, basis, explanation, the message and hint of
each finding (German and English), and a failing example (the passing one is ``FULL``)::

    @rule(
        "KI202",
        "info",
        title=L("Zeitraum beginnt nicht am 1. Januar", "period does not start on 1 January"),
        basis=L("Förderrichtlinie", "funding guideline"),
        explanation=L("Förderjahre sind Kalenderjahre. …", "Funding years are calendar years. …"),
        message=L("Der Zeitraum beginnt am {beginn}, …", "The period starts on {beginn}, …"),
        hint=L("Prüfen Sie, …", "Check whether …"),
        fail=edit(("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2023-07-01, ende: 2025-06-30")),
    )
    def calendar_years(ctx: Context) -> Iterator[Hit]:
        beginn = ctx.konzept.periode.beginn
        if (beginn.month, beginn.day) != (1, 1):
            yield hit("periode.beginn", beginn=date(beginn))

The function only looks: it yields a ``hit`` at the YAML path of the value concerned (``at="key"``
for the key), with the message's parameters, and it can only speak for its own code. A rule with
several messages declares them as ``variants={"beginn": Text(message=L(…), hint=L(…)), …}``
(the keys ``KI201.beginn``, ``KI201.ende``) and names one per hit (``hit(…, variant="beginn")``).
A basis cited by several rules is a constant of ``ki_cli.check.rules.sources``. The pipeline
(``ki_cli.check.rules.run_rules``) turns hits into findings; ``ki_cli.check.registry`` collects the
declarations for ``ki rules``, ``ki explain``, SARIF and ``docs/rules.md``.

The texts are plain literals: they are imported on every ``ki validate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from ki_cli.check.rules.example import FULL
from ki_cli.text import L, german_date, german_money, german_vze

if TYPE_CHECKING:  # the rules get fastcheck's records, which have the models' attributes
    from ki_cli.check.rulepacks import RulePack
    from ki_cli.check.sourcemap import SourceMap
    from ki_cli.format.model import Konzept, Massnahme, Partner, Schwerpunkt, Vereinbarung

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


# Text, Hit and Rule are plain classes with __slots__: a dataclass or NamedTuple costs a quarter to
# one and a half milliseconds to build at import, on every ``ki validate``. Treat them as read-only.


class Text:
    """The message and the hint of one kind of finding, each in German and English."""

    __slots__ = ("hint", "message")

    def __init__(self, message: L, hint: L) -> None:
        self.message = message
        self.hint = hint


class Hit:
    """One place a rule found: what the pipeline turns into a finding."""

    __slots__ = ("at", "params", "path", "severity", "variant")

    def __init__(
        self,
        path: str,
        params: Mapping[str, object],
        at: Literal["value", "key"] = "value",
        variant: str = "",
        severity: Severity | None = None,
    ) -> None:
        self.path = path  # YAML path, e.g. ``schwerpunkte[0].massnahmen[1].federfuehrung``
        self.params = params  # the message's ``{placeholders}``; ``L`` values are resolved per language
        self.at = at  # the span of the value, or of the key
        self.variant = variant  # ``beginn`` for the text ``KI201.beginn``; empty: the rule's only text
        self.severity = severity  # overrides the rule's default for this hit (KI405: several heads)

    def __repr__(self) -> str:
        return f"Hit({self.path!r}, {dict(self.params)!r}, at={self.at!r}, variant={self.variant!r})"


def hit(
    path: str,
    *,
    at: Literal["value", "key"] = "value",
    variant: str = "",
    severity: Severity | None = None,
    **params: object,
) -> Hit:
    """A hit at the value (or, with ``at="key"``, the key) of ``path``."""
    return Hit(path, params, at, variant, severity)


Check = Callable[["Context"], Iterable[Hit]]


class Rule:
    """A registry entry: what ``ki rules``/``ki explain``, the findings, SARIF and the docs show.

    The domain rules are declared with ``@rule`` and carry their texts and their check; the
    KI0xx/KI1xx entries are declared with ``declare`` at the end of the module that finds them
    (``ki_cli/check/load.py``, ``ki_cli/check/structure.py``), which reports them by key.
    """

    __slots__ = (
        "basis_text",
        "check",
        "code",
        "explanation",
        "fail_example",
        "pass_example",
        "severity",
        "texts",
        "title",
    )

    def __init__(
        self,
        code: str,
        severity: Severity,
        title: L,
        basis_text: L,
        explanation: L,
        fail_example: str = "",
        pass_example: str = "",
        texts: Mapping[str, Text] | None = None,
        check: Check | None = None,
    ) -> None:
        self.code = code
        self.severity: Severity = severity
        self.title = title
        self.basis_text = basis_text
        self.explanation = explanation
        self.fail_example = fail_example
        self.pass_example = pass_example
        self.texts: Mapping[str, Text] = texts or {}  # message key (``KI201.beginn``) → its texts
        self.check = check

    def __repr__(self) -> str:
        return f"Rule({self.code!r}, {self.severity!r}, {self.title.en!r})"

    def basis(self, lang: str) -> str:
        return self.basis_text(lang)

    def key(self, variant: str = "") -> str:
        """The message key of a hit: ``KI202``, or ``KI201.beginn`` for a variant."""
        return f"{self.code}.{variant}" if variant else self.code


def declare(
    code: str,
    severity: Severity,
    *,
    title: L,
    basis: L,
    explanation: L,
    message: L | None = None,
    hint: L | None = None,
    variants: Mapping[str, Text] | None = None,
    fail: str,
    passing: str = FULL,
    check: Check | None = None,
) -> Rule:
    """The registry entry of ``code``, with its texts: ``message`` and ``hint`` (the key ``code``),
    ``variants`` (the keys ``code.name``), or both."""
    texts: dict[str, Text] = {}
    if message is not None and hint is not None:
        texts[code] = Text(message, hint)
    elif message is not None or hint is not None:
        raise TypeError(f"{code}: give message and hint together")
    texts.update({f"{code}.{name}": text for name, text in (variants or {}).items()})
    if not texts:
        raise TypeError(f"{code}: give message and hint, or variants")
    return Rule(code, severity, title, basis, explanation, fail, passing, texts, check)


def rule(
    code: str,
    severity: Severity,
    *,
    title: L,
    basis: L,
    explanation: L,
    message: L | None = None,
    hint: L | None = None,
    variants: Mapping[str, Text] | None = None,
    fail: str,
    passing: str = FULL,
) -> Callable[[Check], Rule]:
    """Declare the rule the decorated function checks (see the module's docstring)."""
    if (message is None) == (variants is None):
        raise TypeError(f"{code}: give either message and hint or variants")

    def decorate(check: Check) -> Rule:
        return declare(
            code,
            severity,
            title=title,
            basis=basis,
            explanation=explanation,
            message=message,
            hint=hint,
            variants=variants,
            fail=fail,
            passing=passing,
            check=check,
        )

    return decorate


class Context:
    """What every rule gets: the concept, its rule pack and an index of ids built once.

    ``sourcemap`` answers only whether a path is written in the file (``"partner" in
    ctx.sourcemap``), so that a hit about a missing section points at the right place.
    """

    __slots__ = ("goal_owner", "konzept", "measures", "pack", "partner", "sourcemap", "text", "vereinbarungen")

    def __init__(self, konzept: Konzept, pack: RulePack | None, sourcemap: SourceMap, text: str = "") -> None:
        self.konzept = konzept
        self.pack = pack
        self.sourcemap = sourcemap
        self.text = text  # the decoded source (its comments: the starting file's "# ERSETZEN", KI007); may be empty
        self.partner: dict[str, Partner] = {}
        self.vereinbarungen: dict[str, Vereinbarung] = {}
        self.goal_owner: dict[str, str] = {}  # goal id → Schwerpunkt id
        self.measures: list[tuple[str, Schwerpunkt, Massnahme]] = []  # (path, Schwerpunkt, measure)

    def measure_dates(self, m: Massnahme) -> tuple[dt.date, dt.date]:
        periode = self.konzept.periode
        return m.beginn or periode.beginn, m.ende or periode.ende


def context(konzept: Konzept, sourcemap: SourceMap, text: str = "") -> Context:
    """Index every id once, so that each rule is a single pass."""
    from ki_cli.check.rulepacks import load_pack

    ctx = Context(konzept, load_pack(konzept.grundlagen.foerderrichtlinie), sourcemap, text)
    ctx.partner = {p.id: p for p in konzept.partner}
    for v in konzept.vereinbarungen:
        ctx.vereinbarungen.setdefault(v.id, v)
    for i, sp in enumerate(konzept.schwerpunkte):
        for goal in sp.ziele:
            ctx.goal_owner.setdefault(goal.id, sp.id)
        for j, m in enumerate(sp.massnahmen):
            ctx.measures.append((f"schwerpunkte[{i}].massnahmen[{j}]", sp, m))
    return ctx


# --- formatting of values inside messages --------------------------------------------------------


def num(value: float) -> L:
    """A VZE or count: ``5,5`` in German, ``5.5`` in English."""
    german = german_vze(value)
    return L(german, german.replace(",", "."))


def euro(value: float) -> L:
    """Whole euros: ``364.500 €`` in German, ``€364,500`` in English."""
    return L(german_money(round(value)), f"€{value:,.0f}")


def date(value: dt.date) -> L:
    return L(german_date(value), value.isoformat())


def words(items: list[str]) -> str:
    return ", ".join(items)
