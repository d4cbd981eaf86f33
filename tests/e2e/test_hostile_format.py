"""Hostile input for the format (tests/hostile/format/): values the format must refuse, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "hostile" / "format"


def findings(cli, name: str, lang: str = "de") -> tuple[int, list[dict]]:
    result = cli("validate", "--format", "json", "--lang", lang, str(HOSTILE / name))
    report = json.loads(result.stdout)
    return result.exit_code, [f for file in report["files"] for f in file["findings"]]


def only_error(cli, name: str, lang: str = "de") -> dict:
    code, found = findings(cli, name, lang)
    errors = [f for f in found if f["severity"] == "error"]
    assert code == 1 and len(errors) == 1, errors
    return errors[0]


def test_version_true_is_refused_as_a_boolean_not_read_as_1(cli):
    finding = only_error(cli, "version-true.yaml")
    assert (finding["code"], finding["yaml_path"], finding["line"]) == ("KI103", "version", 2)
    assert "Wahrheitswert true" in finding["message"] and "version: 1" in finding["hint"]
    assert "boolean true" in only_error(cli, "version-true.yaml", "en")["message"]


@pytest.mark.parametrize(
    "name,path",
    [
        ("betrag-100-digits.yaml", "sachkosten[0].betrag"),
        ("betrag-400-digits.yaml", "sachkosten[0].betrag"),
        ("sachkosten-1e308.yaml", "schwerpunkte[0].massnahmen[0].sachkosten"),
        ("zielwert-1e13.yaml", "schwerpunkte[0].ziele[0].zielwert"),
    ],
)
def test_a_number_beyond_a_trillion_is_refused(cli, name, path):
    finding = only_error(cli, name)
    assert (finding["code"], finding["yaml_path"]) == ("KI103", path)
    assert "Billion" in finding["message"] and "Tippfehler" in finding["hint"]
    assert "trillion" in only_error(cli, name, "en")["message"]


@pytest.mark.parametrize("name", ["sachkosten-inf.yaml", "sachkosten-nan.yaml"])
def test_an_infinite_or_undefined_amount_is_refused(cli, name):
    finding = only_error(cli, name)
    assert (finding["code"], finding["yaml_path"]) == ("KI103", "schwerpunkte[0].massnahmen[0].sachkosten")


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.yaml")))
def test_render_refuses_every_hostile_file_with_the_validation_errors(cli, tmp_path, name):
    result = cli("render", "proposal", str(HOSTILE / name), "-o", str(tmp_path / "v.md"))
    assert result.exit_code == 1 and not (tmp_path / "v.md").exists()


def _dangling_concept(count: int) -> str:
    """VALID with ``count`` more partners and goals, and ``count`` measures whose partner and goal do not exist."""
    from tests.helpers import VALID

    goals = "".join(f"      - id: z-{i:05}\n        beschreibung: Ziel {i}\n" for i in range(count))
    measures = "".join(
        f"      - id: m-{i:05}\n        titel: Maßnahme {i}\n        stufe: initiative\n"
        f"        federfuehrung: q-{i:05}\n        ziele: [y-{i:05}]\n"
        for i in range(count)
    )
    partners = "".join(f"  - id: p-{i:05}\n    name: Partner {i}\n    art: sonstige\n" for i in range(count))
    text = VALID.replace(
        "    massnahmen:\n      - id: m-fortbildung\n",
        f"    ziele:\n{goals}    massnahmen:\n{measures}      - id: m-fortbildung\n",
        1,
    )
    return text.replace("partner:\n", f"partner:\n{partners}", 1)


def test_thousands_of_dangling_references_each_get_their_finding(cli, tmp_path):
    """Each did-you-mean used to compare with every id (4,000 × 4,000); now bounded, and no finding is lost:
    below the cap of findings per file every reference has its own."""
    path = tmp_path / "dangling.yaml"
    path.write_text(_dangling_concept(400), encoding="utf-8")
    result = cli("validate", "--format", "json", "--lang", "de", str(path))
    found = [f for file in json.loads(result.stdout)["files"] for f in file["findings"] if f["code"] == "KI107"]
    assert result.exit_code == 1
    assert sorted(f["yaml_path"] for f in found) == sorted(
        [f"schwerpunkte[1].massnahmen[{i}].federfuehrung" for i in range(400)]
        + [f"schwerpunkte[1].massnahmen[{i}].ziele[0]" for i in range(400)]
    )
    assert all("„q-" in f["message"] or "„y-" in f["message"] for f in found)


def test_beyond_the_cap_dangling_references_are_counted_in_one_closing_finding(cli, tmp_path):
    path = tmp_path / "dangling.yaml"
    path.write_text(_dangling_concept(4000), encoding="utf-8")
    result = cli("validate", "--format", "json", "--lang", "de", str(path))
    (file,) = json.loads(result.stdout)["files"]
    assert len(file["findings"]) == 1001
    assert "7.000 weitere" in file["findings"][-1]["message"]


def test_a_did_you_mean_is_still_given_for_a_few_dangling_references_among_many_ids(cli, tmp_path):
    path = tmp_path / "dangling.yaml"
    path.write_text(
        _dangling_concept(4000).replace("federfuehrung: q-00007", "federfuehrung: P-00007"), encoding="utf-8"
    )
    result = cli("validate", "--format", "json", "--lang", "de", str(path))
    found = {f["yaml_path"]: f for file in json.loads(result.stdout)["files"] for f in file["findings"]}
    assert "Meinten Sie „p-00007“?" in found["schwerpunkte[1].massnahmen[7].federfuehrung"]["message"]
