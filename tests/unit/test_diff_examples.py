"""``ki diff`` and ``ki next-period`` on the bundled example concepts."""

from __future__ import annotations

import pytest
import yaml

from tests.helpers import CONCEPTS
from tests.periods import diff_json, keyed, write

BEISPIEL = CONCEPTS / "beispielstadt"
EXAMPLES = sorted(CONCEPTS.glob("*/*.yaml"))


def test_beispielstadt_from_one_period_to_the_next(cli):
    report = diff_json(cli, BEISPIEL / "2023-2024.yaml", BEISPIEL / "2025-2026.yaml", "--lang", "de")
    got = keyed(report["changes"])
    assert got[("massnahmen", "m-rucksack", "changed", "stufe")]["new"] == "regelpraxis"
    moved = got[("massnahmen", "m-sprachmittler", "changed", "schwerpunkt")]
    assert (moved["old"], moved["new"]) == ("oeffnung", "gesundheit")
    assert ("massnahmen", "m-betriebe", "removed", None) in got
    assert ("schwerpunkte", "gesundheit", "added", None) in got
    assert got[("periode", None, "changed", "beginn")]["new"] == "2025-01-01"
    assert report["summary"]["rule_pack"] == {"old": "2018", "new": "2025"}
    assert report["summary"]["text"].startswith(
        "1 neuer Schwerpunkt („Zugang Neuzugewanderter zum Gesundheitswesen“), 3 neue Maßnahmen, 1 beendet, 4 Stufenwechsel"
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reordered_example_has_no_change(cli, tmp_path, path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("schwerpunkte", "personal", "sachkosten", "partner", "vereinbarungen"):
        (data.get(key) or []).reverse()
    for sp in data["schwerpunkte"]:
        (sp.get("massnahmen") or []).reverse()
        (sp.get("ziele") or []).reverse()
    copy = write(tmp_path, "umsortiert.yaml", dict(reversed(list(data.items()))))
    result = cli("diff", str(path), str(copy), "--exit-code")
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_next_period_of_every_example_validates_without_errors(cli, tmp_path, path):
    target = tmp_path / "neu.yaml"
    assert cli("next-period", str(path), "-o", str(target)).exit_code == 0
    result = cli("validate", str(target), "--format", "json")
    assert result.exit_code == 0 and '"errors": 0' in result.stdout
