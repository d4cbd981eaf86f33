"""Properties of the comparison, on many generated pairs of concepts (hypothesis)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ki_cli.diff import compare
from ki_cli.diff.views import to_json
from ki_cli.format import records
from ki_cli.format.vocab import STUFE, VEREINBARUNG_STATUS
from tests.periods import OLD

SETTINGS = settings(
    max_examples=30, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


def _measures(d: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(sp, m) for sp in d["schwerpunkte"] for m in sp.get("massnahmen", [])]


@st.composite
def concepts(draw: st.DrawFn) -> dict[str, Any]:
    """The example concept with a handful of random edits (it need not pass the domain rules)."""
    d = copy.deepcopy(OLD)
    partners = [p["id"] for p in d["partner"]] + ["ki"]
    for _ in range(draw(st.integers(0, 6))):
        op = draw(
            st.sampled_from(
                [
                    "stufe",
                    "lead",
                    "drop",
                    "add",
                    "move",
                    "vze",
                    "vacant",
                    "betrag",
                    "status",
                    "drop_agreement",
                    "partner_name",
                    "leitung",
                    "period",
                    "vorlage",
                    "zielwert",
                    "beteiligt",
                ]
            )
        )
        pairs = _measures(d)
        if op in ("stufe", "lead", "drop", "move", "beteiligt") and not pairs:
            continue
        if op == "stufe":
            draw(st.sampled_from(pairs))[1]["stufe"] = draw(st.sampled_from(STUFE))
        elif op == "lead":
            draw(st.sampled_from(pairs))[1]["federfuehrung"] = draw(st.sampled_from(partners))
        elif op == "beteiligt":
            draw(st.sampled_from(pairs))[1]["beteiligt"] = draw(st.lists(st.sampled_from(partners[:-1]), unique=True))
        elif op == "drop":
            sp, m = draw(st.sampled_from(pairs))
            sp["massnahmen"].remove(m)
        elif op == "add":
            ident = f"m-h{draw(st.integers(0, 9))}"
            if all(m["id"] != ident for _, m in pairs):
                sp = draw(st.sampled_from(d["schwerpunkte"]))
                sp.setdefault("massnahmen", []).append(
                    {"id": ident, "titel": draw(TEXT), "stufe": "initiative", "federfuehrung": "ki"}
                )
        elif op == "move":
            sp, m = draw(st.sampled_from(pairs))
            sp["massnahmen"].remove(m)
            draw(st.sampled_from(d["schwerpunkte"])).setdefault("massnahmen", []).append(m)
        elif op == "vze":
            draw(st.sampled_from(d["personal"]))["vze"] = draw(st.sampled_from([0.25, 0.5, 0.75, 1.0]))
        elif op == "vacant":
            draw(st.sampled_from(d["personal"])).pop("besetzt_durch", None)
        elif op == "betrag" and d.get("sachkosten"):
            draw(st.sampled_from(d["sachkosten"]))["betrag"] = draw(st.integers(0, 50000))
        elif op == "status" and d.get("vereinbarungen"):
            draw(st.sampled_from(d["vereinbarungen"]))["status"] = draw(st.sampled_from(VEREINBARUNG_STATUS))
        elif op == "drop_agreement" and d.get("vereinbarungen"):
            d["vereinbarungen"].remove(draw(st.sampled_from(d["vereinbarungen"])))
        elif op == "partner_name":
            draw(st.sampled_from(d["partner"]))["name"] = draw(TEXT)
        elif op == "leitung":
            d["zentrum"]["leitung"] = draw(TEXT)
        elif op == "period":
            year = draw(st.integers(2019, 2031))
            d["periode"] = {"beginn": dt.date(year, 1, 1), "ende": dt.date(year + 1, 12, 31)}
        elif op == "vorlage":
            d.pop("vorlage", None)
        elif op == "zielwert":
            d["schwerpunkte"][0]["ziele"][0]["zielwert"] = draw(st.integers(0, 100))
    return d


def konzept(data: dict[str, Any]) -> Any:
    """The concept's record, as ``ki diff`` gets it from the validation."""
    record, errors = records.validate(copy.deepcopy(data))
    assert not errors, errors
    return record


def _shuffled(d: dict[str, Any], rnd: Any) -> dict[str, Any]:
    d = copy.deepcopy(d)
    for key in ("schwerpunkte", "personal", "sachkosten", "partner", "vereinbarungen"):
        rnd.shuffle(d.get(key) or [])
    for sp in d["schwerpunkte"]:
        rnd.shuffle(sp.get("ziele") or [])
        rnd.shuffle(sp.get("massnahmen") or [])
        for m in sp.get("massnahmen") or []:
            for key in ("beteiligt", "aspekte", "ziele"):
                rnd.shuffle(m.get(key) or [])
    for stelle in d["personal"]:
        items = list(stelle["einsatz"].items())
        rnd.shuffle(items)
        stelle["einsatz"] = dict(items)
    rnd.shuffle(d["grundlagen"].get("beschluesse") or [])
    return d


def _key(c: Any) -> str:
    return json.dumps([c.section, c.id, c.kind, c.field, c.old, c.new], sort_keys=True, default=str)


@SETTINGS
@given(concepts())
def test_a_concept_has_no_difference_to_itself(data):
    assert compare(konzept(data), konzept(data)).changes == []


@SETTINGS
@given(concepts(), st.randoms(use_true_random=False))
def test_shuffling_every_list_changes_nothing(data, rnd):
    assert compare(konzept(data), konzept(_shuffled(data, rnd))).changes == []


@SETTINGS
@given(concepts(), concepts())
def test_diff_both_ways_mirror_each_other(a, b):
    forward = compare(konzept(a), konzept(b))
    backward = compare(konzept(b), konzept(a))
    assert Counter(_key(c.mirrored()) for c in forward.changes) == Counter(_key(c) for c in backward.changes)


@SETTINGS
@given(concepts(), concepts())
def test_every_change_names_section_kind_and_field_and_json_is_plain(a, b):
    report = to_json(compare(konzept(a), konzept(b)), "a.yaml", "b.yaml", "de")
    json.dumps(report)  # only plain JSON values
    for c in report["changes"]:
        assert c["kind"] in ("added", "removed", "changed")
        assert (c["field"] is not None) == (c["kind"] == "changed")
        if c["kind"] == "changed":
            assert c["old"] != c["new"] or isinstance(c["old"], list)
    summary = report["summary"]
    assert summary["total"] == len(report["changes"]) == summary["added"] + summary["removed"] + summary["changed"]


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode("utf-8")))
def test_diff_and_next_period_never_raise_on_garbage(tmp_path_factory, raw):
    """The cores the CLI calls: an exit code or ``Stop`` with 1, never another exception."""
    from ki_cli.diff import command, nextperiod

    folder = tmp_path_factory.mktemp("garbage")
    path = folder / "x.yaml"
    path.write_bytes(raw)
    for run in (
        lambda: command.run(str(path), str(path), "json", True, "de", False),
        lambda: nextperiod.run(str(path), str(folder / "neu.yaml"), False, "de"),
    ):
        try:
            code = run()
        except command.Stop as stop:
            code = stop.code
        assert code in (0, 1)


def test_the_sections_compared_are_the_models_fields():
    """A section added to the model is compared (and needs its heading text), never skipped silently."""
    from ki_cli.diff.changes import SECTIONS
    from ki_cli.diff.texts import TEXTS
    from ki_cli.format.model import Konzept, Schwerpunkt

    assert set(SECTIONS) == (set(Konzept.model_fields) - {"version"}) | {"ziele", "massnahmen"}
    assert SECTIONS.index("schwerpunkte") < SECTIONS.index("ziele") < SECTIONS.index("massnahmen")
    assert {"ziele", "massnahmen"} <= set(Schwerpunkt.model_fields)
    assert all(f"section.{section}" in TEXTS for section in SECTIONS)
