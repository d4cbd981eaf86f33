"""The rows of the overview: every file checked once, grouped by KI, counted.

Nothing is recomputed here that has a home elsewhere: the findings come from the pipeline of
``ki validate`` (``check.pipeline.check_loaded`` with the same selection), the grant per budget year
and the own share from the proposal's finance block (``render.context.haushaltsjahre``, which
reads ``ki_cli.funding``), the state-funded KI posts from ``funding.ki_land_vze``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ki_cli.check.findings import Finding
from ki_cli.check.report import Selection
from ki_cli.format.vocab import BEREICH, FUNKTION, HANDLUNGSFELD, PROGRAMM_STELLE, STUFE, TIS2030
from ki_cli.text import transliterate

if TYPE_CHECKING:
    from ki_cli.files import InputError


@dataclass(frozen=True)
class Jahr:
    """One budget year of a row: the KI grant's maximum, what was applied for and granted, the own share."""

    jahr: int
    monate: int
    hoechstbetrag: float | None  # None: the rule pack records no amount for a part
    beantragt: float | None
    bewilligt: float | None
    eigenanteil: float


@dataclass(frozen=True)
class Row:
    """One KI in one period."""

    datei: str
    kommune: str
    typ: str
    regierungsbezirk: str | None
    ags: str | None
    beginn: dt.date
    ende: dt.date
    foerderrichtlinie: str
    stellen: int
    vze_gesamt: float
    vze_funktion: dict[str, float]
    vze_programm: dict[str, float]
    vze_unbesetzt: float
    vze_land_ki: float  # the KI's state-funded VZE (programm ki, finanzierung land)
    jahre: list[Jahr]
    schwerpunkte: int
    bereich: dict[str, int]
    handlungsfeld: dict[str, int]
    tis2030: dict[str, int]  # "" counts the priorities without a dimension
    massnahmen: int
    stufe: dict[str, int]
    vereinbarungen: int
    unterzeichnet: int
    fehler: int
    warnungen: int
    hinweise: int
    meldungen: str = ""  # the file's errors in one line (flat tables)

    def total(self, attribute: str) -> float | None:
        """The sum over the period of a ``Jahr`` attribute; None when no year gives it."""
        values = [getattr(j, attribute) for j in self.jahre]
        given = [v for v in values if v is not None]
        if attribute == "hoechstbetrag" and len(given) < len(values):
            return None  # a year without a recorded amount: the period's maximum is not known
        return sum(given) if given else None


@dataclass(frozen=True)
class Checked:
    """One file as the pipeline left it: its findings and, when it has no structural error, its row.

    The row is computed as soon as the file is checked, so that the concept itself (hundreds of
    records) need not be kept while the other files are read."""

    path: str
    row: Row | None
    findings: list[Finding]
    name: str | None = None  # kommune.name as the file writes it, also when it gives no row

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def usable(self) -> bool:
        return self.row is not None


def checked(path: str, konzept: Any, findings: list[Finding], data: Any = None) -> Checked:
    """A checked file: a row when there is a concept and no error of the loader or the structure (KI0xx,
    KI1xx). ``data``: what the loader read, for the municipality's name of a file that gives no row."""
    usable = konzept is not None and not any(f.severity == "error" and f.code[:3] in ("KI0", "KI1") for f in findings)
    if usable:
        return Checked(path, row(path, konzept, findings), findings, " ".join(str(konzept.kommune.name).split()))
    kommune = data.get("kommune") if isinstance(data, dict) else None
    name = kommune.get("name") if isinstance(kommune, dict) else None
    return Checked(path, None, findings, " ".join(name.split()) if isinstance(name, str) else None)


@dataclass(frozen=True)
class Failed:
    """A file with errors: its error findings, and whether it still gave a row."""

    datei: str
    in_tabelle: bool
    fehler: list[Finding]
    kommune: str | None = None  # as the file names it (None: it names none the loader could read)


@dataclass(frozen=True)
class Skipped:
    """A readable file that gives no row of its own: an older period of a KI (without ``--all-periods``),
    or a second file for the same period."""

    datei: str
    statt: str  # the file shown instead
    grund: str  # "aelter" | "gleicher_zeitraum"


@dataclass
class Overview:
    rows: list[Row] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files: int = 0
    all_periods: bool = False

    @property
    def years(self) -> list[int]:
        """Every budget year of any row, in order: the columns of the grant per year."""
        return sorted({j.jahr for row in self.rows for j in row.jahre})

    @property
    def fields(self) -> list[str]:
        """The fields of action some row has a priority in, in the format's order."""
        used = {f for row in self.rows for f, n in row.handlungsfeld.items() if n}
        return [f for f in HANDLUNGSFELD if f in used]

    @property
    def errors(self) -> int:
        """The error findings of all files (a folder link not followed is an info, no error)."""
        return sum(1 for f in self.failed for x in f.fehler if x.severity == "error")


def ki_key(name: object) -> str:
    """Which KI a municipality's name (``kommune.name``) belongs to: spacing, case and umlaut spelling aside."""
    return transliterate(" ".join(str(name).split())).casefold()


def _sort_name(name: str) -> str:
    return transliterate(name).casefold()


def row(path: str, k: Any, findings: list[Finding]) -> Row:
    """The figures of one concept ``k`` (read from ``path``, with its ``findings``)."""
    from ki_cli.funding import ki_land_vze
    from ki_cli.render.context import haushaltsjahre

    funktion = dict.fromkeys(FUNKTION, 0.0)
    programm = dict.fromkeys(PROGRAMM_STELLE, 0.0)
    unbesetzt = 0.0
    for stelle in k.personal:
        funktion[stelle.funktion] += stelle.vze
        programm[str(stelle.programm or "ki")] += stelle.vze
        if not (stelle.besetzt_durch or "").strip():
            unbesetzt += stelle.vze
    bereich = dict.fromkeys(BEREICH, 0)
    feld = dict.fromkeys(HANDLUNGSFELD, 0)
    tis = dict.fromkeys((*TIS2030, ""), 0)
    stufe = dict.fromkeys(STUFE, 0)
    for sp in k.schwerpunkte:
        bereich[sp.bereich] += 1
        feld[sp.handlungsfeld] += 1
        tis[sp.tis2030 or ""] += 1
        for m in sp.massnahmen:
            stufe[m.stufe] += 1
    jahre = [
        Jahr(j.jahr, j.monate, j.hoechstbetrag, j.beantragt, j.bewilligt, j.eigenanteil) for j in haushaltsjahre(k)
    ]
    return Row(
        datei=path,
        kommune=" ".join(str(k.kommune.name).split()),
        typ=str(k.kommune.typ),
        regierungsbezirk=k.kommune.regierungsbezirk,
        ags=k.kommune.ags,
        beginn=k.periode.beginn,
        ende=k.periode.ende,
        foerderrichtlinie=str(k.grundlagen.foerderrichtlinie),
        stellen=len(k.personal),
        vze_gesamt=sum(funktion.values()),
        vze_funktion=funktion,
        vze_programm=programm,
        vze_unbesetzt=unbesetzt,
        vze_land_ki=sum(ki_land_vze(k).values()),
        jahre=jahre,
        schwerpunkte=len(k.schwerpunkte),
        bereich=bereich,
        handlungsfeld=feld,
        tis2030=tis,
        massnahmen=sum(stufe.values()),
        stufe=stufe,
        vereinbarungen=len(k.vereinbarungen),
        unterzeichnet=sum(1 for v in k.vereinbarungen if v.status == "unterzeichnet"),
        fehler=sum(1 for f in findings if f.severity == "error"),
        warnungen=sum(1 for f in findings if f.severity == "warning"),
        hinweise=sum(1 for f in findings if f.severity == "info"),
        meldungen=error_text(findings),
    )


def error_text(findings: list[Finding], limit: int = 20) -> str:
    """The error findings in one line, for a cell: ``Zeile 4, Spalte 7: KI103 … | …``."""
    errors = [f for f in findings if f.severity == "error"]
    text = " | ".join(f"Zeile {f.line}, Spalte {f.column}: {f.code} {f.message}" for f in errors[:limit])
    if len(errors) > limit:
        text += f" | … und {len(errors) - limit} weitere Fehler"
    return text


def _preference(item: Checked) -> tuple[dt.date, bool, str]:
    """Which file of a KI wins: the newest period; for the same period, one without errors, then the last name."""
    assert item.row is not None
    return (item.row.beginn, not item.errors, item.path)


def build(files: Iterable[Checked], all_periods: bool = False) -> Overview:
    """The overview of checked files: rows, files with errors, files not shown as rows of their own."""
    overview = Overview(all_periods=all_periods)
    by_ki: dict[str, list[Checked]] = {}
    for item in files:
        overview.files += 1
        if item.errors or not item.usable:  # not usable without an error: a folder link not followed (info)
            overview.failed.append(Failed(item.path, item.usable, item.errors or item.findings, item.name))
        if item.row is not None:
            by_ki.setdefault(ki_key(item.row.kommune), []).append(item)
    rows: list[Row] = []
    for group in by_ki.values():
        group.sort(key=_preference)
        if all_periods:
            seen: dict[dt.date, Row] = {}
            for item in reversed(group):  # the preferred file of each period first
                assert item.row is not None
                winner = seen.setdefault(item.row.beginn, item.row)
                if winner is item.row:
                    rows.append(item.row)
                else:
                    overview.skipped.append(Skipped(item.path, winner.datei, "gleicher_zeitraum"))
        else:
            newest = group[-1].row
            assert newest is not None
            rows.append(newest)
            for item in group[:-1]:
                assert item.row is not None
                same = item.row.beginn == newest.beginn
                overview.skipped.append(Skipped(item.path, newest.datei, "gleicher_zeitraum" if same else "aelter"))
    rows.sort(key=lambda r: (_sort_name(r.kommune), r.beginn, r.datei))
    overview.rows = rows
    overview.skipped.sort(key=lambda s: s.datei)
    return overview


def check_paths(paths: list[str], lang: str, selection: Selection = Selection()) -> list[Checked]:
    """Every concept file of ``paths`` (folders searched as ``ki validate`` does), checked in this process.

    A path named on the command line that cannot be read ends the command (``Stop``, exit 2); an
    entry of a folder that cannot be read is a file with its KI004 finding."""
    from ki_cli.check.gcpause import paused_gc
    from ki_cli.cli.validate import inputs

    found: list[Checked] = []
    with paused_gc():  # the rows of hundreds of files stay alive: collections would walk them again and again
        for name, path, problem, named in inputs(paths, lang):
            found.append(_check_one(name, path, problem, named, lang, selection))
    return found


def _check_one(
    name: str, path: Path | None, problem: InputError | None, named: bool, lang: str, selection: Selection
) -> Checked:
    """One file read (``path`` None: standard input) and checked as ``ki validate`` checks it."""
    from ki_cli.check.load import Loaded
    from ki_cli.check.pipeline import check_loaded
    from ki_cli.cli.validate import load_input

    loaded = load_input(path, problem, named, lang)
    if not isinstance(loaded, Loaded):  # found in a folder: a file with its finding
        return Checked(name, None, selection.apply([loaded.finding(lang)]))
    konzept, findings = check_loaded(loaded, lang)
    return checked(name, konzept, selection.apply(findings), loaded.data)


def collect(paths: list[str], lang: str, selection: Selection = Selection(), all_periods: bool = False) -> Overview:
    """Check every file of ``paths`` and build the overview."""
    return build(check_paths(paths, lang, selection), all_periods)
