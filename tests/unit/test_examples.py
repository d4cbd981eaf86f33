"""The bundled example concepts: what the README's first command checks, and what they promise."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ki_cli.check.load import load_path
from ki_cli.check.pipeline import check_loaded
from tests.helpers import CONCEPTS

EXAMPLES = sorted(CONCEPTS.glob("**/*.yaml"))


def _concept(path):
    konzept, findings = check_loaded(load_path(path, "de"), "de")
    assert konzept is not None, [f.message for f in findings]
    return konzept, findings


def test_the_examples_are_there():
    names = {p.relative_to(CONCEPTS).as_posix() for p in EXAMPLES}
    assert {"beispielstadt/2023-2024.yaml", "beispielstadt/2025-2026.yaml", "kreis-musterland/2025-2026.yaml"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(CONCEPTS).as_posix())
def test_example_has_only_info_findings(path):
    _, findings = _concept(path)
    assert [f.code for f in findings if f.severity != "info"] == []


def test_examples_pass_validate_strict_in_one_run(cli):
    result = cli("validate", "--strict", "--format", "json", str(CONCEPTS))
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == len(EXAMPLES)
    assert report["summary"]["errors"] == report["summary"]["warnings"] == 0


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(CONCEPTS).as_posix())
def test_example_is_rich(path):
    konzept, findings = _concept(path)
    assert len(konzept.schwerpunkte) >= 3
    assert {sp.bereich for sp in konzept.schwerpunkte} == {"bildungskette", "querschnitt"}
    measures = [m for sp in konzept.schwerpunkte for m in sp.massnahmen]
    assert len(measures) >= 6
    assert len({m.stufe for m in measures}) >= 2
    assert len(konzept.partner) >= 6
    assert len({p.art for p in konzept.partner}) >= 4
    assert len(konzept.vereinbarungen) >= 3
    # the full state-funded staffing of the guideline: no funding left unused (KI408); the 2018 example
    # has 3 of the 5 Fachkraft posts its pack allows since it knows the additional posts granted from 2017
    if konzept.grundlagen.foerderrichtlinie != "2018":
        assert "KI408" not in {f.code for f in findings}
    state = Counter()
    for stelle in konzept.personal:
        if stelle.finanzierung == "land" and stelle.programm == "ki":
            state[stelle.funktion] += stelle.vze
    # seconded teachers: two posts at least, up to the caps of 3,0 (cities) / 3,5 (Kreise)
    assert 2.0 <= state["lehrkraft"] <= 3.5 and state["verwaltung"] == 0.5


def test_city_has_two_consecutive_periods():
    old, _ = _concept(CONCEPTS / "beispielstadt" / "2023-2024.yaml")
    new, _ = _concept(CONCEPTS / "beispielstadt" / "2025-2026.yaml")
    assert old.kommune.name == new.kommune.name
    assert (new.periode.beginn - old.periode.ende).days == 1


def test_classic_five_and_a_half_posts_under_the_2018_guideline():
    old, _ = _concept(CONCEPTS / "beispielstadt" / "2023-2024.yaml")
    assert old.grundlagen.foerderrichtlinie == "2018"
    assert sum(s.vze for s in old.personal if s.finanzierung == "land") == 5.5
