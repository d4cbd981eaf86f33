"""``ki render proposal -f json`` against the official OParl 1.1 schemas (tests/fixtures/oparl/, copied
from github.com/OParl/spec, CC BY-SA 4.0). The schemas point to embedded objects with ``"schema":
"File.json"``, which JSON Schema does not follow, so each embedded object is checked with its own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker

from ki_cli.config import Oparl
from tests.unit.test_oparl import DATED, LEAD, MITTEILUNG, WITH_ANLAGEN, paper

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "oparl"
FORMATS = FormatChecker()


@FORMATS.checks("url")
def _url(value: object) -> bool:
    return not isinstance(value, str) or value.startswith("https://")


@FORMATS.checks("date", raises=ValueError)
def _date(value: object) -> bool:
    return not isinstance(value, str) or bool(dt.date.fromisoformat(value))


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    return not isinstance(value, str) or dt.datetime.fromisoformat(value).tzinfo is not None


def schema(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    return result


def problems(name: str, item: dict[str, Any]) -> list[str]:
    """What the OParl schema ``name`` finds wrong with ``item``, and any key it does not know that is no
    vendor extension (``ki:``)."""
    own = schema(name)
    found = [error.message for error in Draft4Validator(own, format_checker=FORMATS).iter_errors(item)]
    return found + [key for key in item if key not in own["properties"] and not key.startswith("ki:")]


def embedded(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    files = [document["mainFile"], *document.get("auxiliaryFile", [])]
    return [*(("File", f) for f in files), *(("Consultation", c) for c in document["consultation"])]


CASES = {
    "beschlussvorlage": (DATED, None),
    "mitteilungsvorlage": (MITTEILUNG, None),
    "anlagen": (WITH_ANLAGEN, None),
    "ki.toml": (LEAD, Oparl(base_url="https://ratsinfo.beispielstadt.de/oparl/v1", organisationen={"rat": "1"})),
}


@pytest.mark.parametrize("case", CASES)
def test_the_paper_is_valid_against_the_oparl_schema(case):
    assert problems("Paper", paper(*CASES[case])) == []


@pytest.mark.parametrize("case", CASES)
def test_every_embedded_object_is_valid_against_its_oparl_schema(case):
    document = paper(*CASES[case])
    assert [(name, problems(name, item)) for name, item in embedded(document)] == [
        (name, []) for name, _ in embedded(document)
    ]


def test_the_check_finds_a_wrong_type():
    assert problems("Paper", {**paper(DATED), "type": "https://schema.oparl.org/1.0/Paper"})


def test_the_check_finds_a_time_without_zone():
    assert problems("Paper", {**paper(DATED), "created": "2024-08-20T00:00:00"})


@pytest.mark.parametrize("case", CASES)
def test_created_and_modified_are_in_every_object(case):
    document = paper(*CASES[case])
    assert all({"created", "modified"} <= item.keys() for item in [document, *(i for _, i in embedded(document))])
