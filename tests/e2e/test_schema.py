"""``ki schema``: a JSON Schema that accepts what the validator accepts and refuses unknown keys."""

from __future__ import annotations

import functools
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ki_cli.check.registry import RULES
from ki_cli.check.rules.example import FULL
from ki_cli.format.schema import FILE_NAME, FILE_NAMES, SCHEMA_IDS, build
from ki_cli.format.schema_texts import TEXTS
from tests.helpers import CONCEPTS, ROOT, VALID, check, replace

COMMITTED = ROOT / "schema" / FILE_NAME
COMMITTED_EN = ROOT / "schema" / FILE_NAMES["en"]

# German notation and unquoted words the validator accepts (concept-format.md, "Fields").
GERMAN = (
    VALID.replace("beginn: 2025-01-01\n  ende: 2026-12-31", "beginn: 01.01.2025\n  ende: 31.12.2026")
    .replace('foerderrichtlinie: "2025"', "foerderrichtlinie: 2025")
    .replace('ags: "05999000"', "ags: 05999000")
    .replace("vze: 1.0", "vze: 1,0")
    .replace("betrag: 24000", "betrag: 24.000,50")
    .replace("einsatz: {uebergang: 0.5, oeffnung: 0.5}", "einsatz:\n      uebergang: 0,5\n      oeffnung: 0,5")
    + "vorlage:\n  oeffentlich: ja\n  drucksache: 2024\n  beratungsfolge:\n"
    "    - {gremium: rat, datum: 26.09.2024, zustaendigkeit: entscheidung}\n"
)
UNKNOWN_KEY = replace("  anbindung: Dezernat III\n", "  anbindung: Dezernat III\n  anbindugn: Dezernat IV\n")


def check_jsonschema() -> str:
    """The installed console script of the test dependency check-jsonschema."""
    scripts = Path(sys.executable).parent
    found = shutil.which("check-jsonschema", path=str(scripts)) or shutil.which("check-jsonschema")
    if found is None:
        pytest.fail("check-jsonschema is missing: install the test extra (pip install -e '.[test]')")
    return found


def run_check_jsonschema(schema: Path, *instances: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [check_jsonschema(), "--schemafile", str(schema), *map(str, instances)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("schema") / FILE_NAME
    path.write_text(json.dumps(build(), ensure_ascii=False), encoding="utf-8")
    return path


@functools.cache
def _editor_loader() -> Any:
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    return impl2loader(construct_yaml_implementation())


@functools.cache
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(build())


def editor_load(text: str) -> Any:
    """Load YAML as check-jsonschema and editors do: YAML 1.2, dates stay text."""
    return _editor_loader()(io.BytesIO(text.encode("utf-8")))


def walk(node: Any):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_committed_schema_is_what_ki_schema_prints(cli):
    assert COMMITTED.is_file(), (
        "schema/ki-konzept-1.schema.json is missing: run `ki schema -o schema/ki-konzept-1.schema.json`"
    )
    result = cli("schema")
    assert result.exit_code == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8"), (
        "stale: run `ki schema -o schema/ki-konzept-1.schema.json --force`"
    )


def test_schema_is_draft_2020_12_and_itself_valid():
    schema = build()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_mapping_forbids_unknown_keys():
    objects = [node for node in walk(build()) if "properties" in node]
    assert len(objects) == 24  # Konzept and its 23 sections (8 of them added in December 2026)
    assert all(node["additionalProperties"] is False for node in objects)


def test_every_field_has_a_german_title_and_description():
    """Sections from ``messages.schema``; fields from their ``doc`` in the model, where a new field is added."""
    schema = build()
    defs = schema["$defs"]
    for name, node in [("Konzept", schema), *defs.items()]:
        assert node["title"] and node["description"], name
        for field, prop in node["properties"].items():
            assert prop.get("title") and prop.get("description"), f"{name}.{field}"
    assert set(TEXTS) == set(defs)  # a text for every section, none for a section that does not exist


def test_vocabularies_are_enums():
    defs = build()["$defs"]
    assert defs["Kommune"]["properties"]["typ"]["enum"] == [
        "kreisfreie_stadt",
        "kreis",
        "staedteregion",
        "kreisangehoerige_stadt",
    ]
    assert "uebergang_schule_beruf" in defs["Schwerpunkt"]["properties"]["handlungsfeld"]["enum"]
    assert set(defs["Grundlagen"]["properties"]["foerderrichtlinie"]["enum"]) == {
        "2018",
        "2023",
        "2025",
        2018,
        2023,
        2025,
    }


def test_check_jsonschema_accepts_valid_concepts_german_notation_and_a_fresh_init(cli, tmp_path, schema_file):
    files = []
    for name, text in (("valid.yaml", VALID), ("full.yaml", FULL), ("german.yaml", GERMAN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    assert not [f.code for f in check(GERMAN).findings if f.code[:3] in ("KI0", "KI1")]  # ki accepts it too
    for typ in ("kreis", "kreisfreie_stadt"):
        target = tmp_path / f"init-{typ}.yaml"
        assert cli("init", str(target), "--typ", typ, "--beginn", "01.01.2027").exit_code == 0
        files.append(target)
    files += sorted(CONCEPTS.glob("**/*.yaml"))  # the example concepts, where this branch has them
    result = run_check_jsonschema(schema_file, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_accepts_the_example_concepts(schema_file):
    examples = sorted(CONCEPTS.glob("**/*.yaml"))
    if not examples:
        pytest.skip("no example concepts in concepts/ yet")
    result = run_check_jsonschema(COMMITTED, *examples)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_an_unknown_key(tmp_path, schema_file):
    path = tmp_path / "k.yaml"
    path.write_text(UNKNOWN_KEY, encoding="utf-8")
    result = run_check_jsonschema(schema_file, path)
    assert result.returncode == 1
    assert "anbindugn" in result.stdout


def test_schema_agrees_with_the_validator_on_every_registry_example():
    """Whatever ki finds structurally sound, the schema accepts; missing and unknown keys it refuses."""
    compared = 0
    for rule in RULES.values():
        for text in (rule.fail_example, rule.pass_example):
            if not text or "version:" not in text:
                continue
            codes = {f.code for f in check(text).findings}
            if any(code.startswith("KI0") and code != "KI006" for code in codes):
                continue  # not YAML the format allows (syntax, duplicate keys, tags…): no data to compare
            errors = list(validator().iter_errors(editor_load(text)))
            structural = codes & {"KI101", "KI102", "KI103", "KI104", "KI105"}
            if not structural:
                assert errors == [], (rule.code, [e.message for e in errors])
            if codes & {"KI101", "KI102"}:
                assert errors, (rule.code, codes)
            compared += 1
    assert compared > 50


def test_schema_refuses_wrong_values_the_validator_refuses():
    for old, new in [
        ("typ: kreisfreie_stadt", "typ: stadt"),
        ("vze: 1.0", "vze: 1.5"),
        ("id: z-bo", "id: Z Bo"),
        ("beschlossen_am: 2023-06-22", "beschlossen_am: 22.6.23"),
        ("version: 1", "version: 2"),
        ("  - id: oeffnung\n", "  - id: ki\n"),
        ("betrag: 24000", "betrag: -5"),
    ]:
        text = replace(old, new)
        assert {f.code for f in check(text).findings} & {"KI103", "KI104", "KI105"}, new
        assert list(validator().iter_errors(editor_load(text))), new


def test_schema_to_a_file_never_overwrites(cli, tmp_path):
    target = tmp_path / "s.json"
    assert cli("schema", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"].startswith("Schwerpunktkonzept")
    target.write_text("{}", encoding="utf-8")
    assert cli("schema", "-o", str(target)).exit_code == 2
    assert target.read_text(encoding="utf-8") == "{}"


def test_example_concepts_name_the_committed_schema_for_editors():
    examples = sorted(CONCEPTS.glob("**/*.yaml"))
    if not examples:
        pytest.skip("no example concepts in concepts/ yet")
    for path in examples:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target == COMMITTED.resolve(), path


# --- both languages, $id, enums -----------------------------------------------------------------


def test_committed_english_schema_is_what_ki_schema_lang_en_prints(cli):
    result = cli("schema", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == COMMITTED_EN.read_text(encoding="utf-8"), "stale: run python -m ki_cli.tools.gen_format"


def test_ki_lang_en_before_the_command_gives_the_english_schema(cli):
    assert cli("--lang", "en", "schema").stdout == COMMITTED_EN.read_text(encoding="utf-8")


def test_english_schema_has_english_texts():
    english, german = build("en"), build("de")
    assert english["title"].startswith("Priority concept")
    assert (
        english["$defs"]["Kommune"]["properties"]["typ"]["title"]
        != german["$defs"]["Kommune"]["properties"]["typ"]["title"]
    )
    assert english["$defs"]["Massnahme"]["title"] == "Measure"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_schema_has_a_stable_urn_id(lang):
    schema = build(lang)
    assert schema["$id"] == SCHEMA_IDS[lang] == f"urn:ki-cli:schema:ki-konzept-1:{lang}"
    assert list(schema)[:2] == ["$schema", "$id"]


def _same(a: object, b: object) -> bool:
    """Equal as JSON Schema compares: 1, true and "1" are three values."""
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_enum_repeats_a_value(lang):
    enums = [node["enum"] for node in walk(build(lang)) if "enum" in node]
    assert len(enums) > 20
    for values in enums:
        repeated = [v for i, v in enumerate(values) if any(_same(v, w) for w in values[:i])]
        assert repeated == [], values


def test_yes_no_words_are_each_offered_once():
    vorlage = build()["$defs"]["Vorlage"]["properties"]["oeffentlich"]
    words = next(part["enum"] for part in vorlage["anyOf"] if "enum" in part)
    assert [w for w in words if w in ("J", "N", "Y")] == ["J", "N", "Y"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_descriptions_do_not_list_the_allowed_values(lang):
    for node in walk(build(lang)):
        description = node.get("description", "")
        if not isinstance(description, str):
            continue
        assert "Werte:" not in description and "Values:" not in description, description
        for part in [node, *node.get("anyOf", [])]:
            named = [v for v in part.get("enum", []) if isinstance(v, str) and len(v) > 1 and v in description]
            assert len(named) <= 3, description


@pytest.mark.parametrize("lang", ["de", "en"])
def test_vocabulary_names_sit_beside_the_enum(lang):
    typ = build(lang)["$defs"]["Kommune"]["properties"]["typ"]
    assert len(typ["enumDescriptions"]) == len(typ["enum"])
    assert typ["enumDescriptions"][typ["enum"].index("kreisangehoerige_stadt")] == "kreisangehörige Stadt"
    for node in walk(build(lang)):
        if "enumDescriptions" in node:
            assert len(node["enumDescriptions"]) == len(node["enum"])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_bundled_concepts_are_valid_under_the_schema_in_each_language(lang):
    checker = jsonschema.Draft202012Validator(build(lang), format_checker=jsonschema.FormatChecker())
    examples = sorted(CONCEPTS.glob("**/*.yaml"))
    assert examples
    for path in examples:
        errors = [e.message for e in checker.iter_errors(editor_load(path.read_text(encoding="utf-8")))]
        assert errors == [], (path.name, errors[:3])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_schema_in_each_language_is_itself_valid(lang):
    jsonschema.Draft202012Validator.check_schema(build(lang))
