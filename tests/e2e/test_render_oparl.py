"""``ki render proposal -o vorlage.json``: the OParl Paper of a bundled example, read back."""

from __future__ import annotations

import json

from tests.helpers import CONCEPTS

HOHENFELD = CONCEPTS / "kreis-hohenfeld" / "2027-2028.yaml"


def test_the_json_of_a_kreis_paper_carries_type_reference_aktenzeichen_and_roles(cli, tmp_path):
    target = tmp_path / "vorlage.json"
    result = cli("render", "proposal", str(HOHENFELD), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    paper = json.loads(target.read_text(encoding="utf-8"))
    assert (paper["paperType"], paper["reference"], paper["ki:aktenzeichen"]) == (
        "Beschlussvorlage",
        "SV-11-0688",
        "51.3-KI",
    )
    assert [(c["role"], c["authoritative"]) for c in paper["consultation"]] == [
        ("Vorberatung", False),
        ("Empfehlung", False),
        ("Entscheidung", True),
    ]
