"""The generated core schema (``coreschema``, run by ``records.validate``) equals Pydantic's models.

Pydantic stays the contract: the core schema is generated from ``ki_cli/format/model.py`` and must be
current, and on the example concepts and on many mutated ones both give the same errors –
location, type, context, message and input, in the same order – and, for a valid concept, the
same values field by field (same types too), with the same behaviour (``vakant``,
``massnahmen()``). Hypothesis runs derandomized here: the same examples on every run.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from ki_cli.check.load import load_bytes, resolve_plain
from ki_cli.format import coreschema, records, vocab
from ki_cli.format.model import Konzept
from ki_cli.tools import gen_format
from tests.helpers import CONCEPTS, SHARED, VALID, check

SPEC = SHARED / "spec" / "concept-format.md"


# --- the two validators, side by side ----------------------------------------------------------


def _shown(value: Any) -> Any:
    """An error input or context as comparable data: its type and repr (nan equals nan)."""
    if isinstance(value, dict):
        return ("dict", [(_shown(k), _shown(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_shown(v) for v in value])
    if isinstance(value, Exception):
        return (type(value).__name__, str(value))
    return (type(value).__name__, repr(value))


def _errors(errors: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["loc"], e["type"], _shown(e.get("ctx")), e["msg"], _shown(e["input"])) for e in errors]


def by_pydantic(data: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    try:
        return Konzept.model_validate(data), []
    except ValidationError as exc:
        return None, _errors(exc.errors(include_url=False))


def by_records(data: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    konzept, errors = records.validate(data)
    return konzept, _errors(errors)


def assert_same_values(model: Any, record: Any, path: str = "") -> None:
    if isinstance(model, BaseModel):
        assert type(record).__name__ == type(model).__name__, path
        assert isinstance(record, records.Record), path
        assert list(type(model).model_fields) == list(record._fields), path
        for name in type(model).model_fields:
            assert_same_values(getattr(model, name), getattr(record, name), f"{path}.{name}")
    elif isinstance(model, list):
        assert type(record) is list and len(record) == len(model), path
        for i, (m, r) in enumerate(zip(model, record)):
            assert_same_values(m, r, f"{path}[{i}]")
    elif isinstance(model, dict):
        assert type(record) is dict and list(record) == list(model), path
        for key in model:
            assert_same_values(model[key], record[key], f"{path}.{key}")
    else:
        assert type(record) is type(model) and record == model, (path, model, record)


def assert_same(data: Any) -> Any:
    model, expected = by_pydantic(data)  # neither changes the data (no deepcopy: it drops a YamlDate's source)
    record, actual = by_records(data)
    assert actual == expected
    assert (model is None) == (record is None)
    if model is not None:
        assert_same_values(model, record)
        assert [s.vakant for s in model.personal] == [s.vakant for s in record.personal]
        assert [(sp.id, m.id) for sp, m in model.massnahmen()] == [(sp.id, m.id) for sp, m in record.massnahmen()]
    return expected


# --- the core schema is generated from the models -------------------------------------------------


def test_coreschema_is_generated_from_the_current_models():
    committed = Path(coreschema.__file__).read_text(encoding="utf-8")
    assert committed == gen_format.render(), "run: python -m ki_cli.tools.gen_format"


def test_one_command_checks_everything_generated_from_the_models():
    assert gen_format.main(["--check"]) == 0, "run: python -m ki_cli.tools.gen_format"


def test_the_generated_schema_is_the_models_core_schema_with_records_and_converters():
    """Leaving out metadata and refs, and with records for models, it is the models' own schema."""
    from ki_cli.format import converters

    def plain(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: plain(v) for k, v in node.items() if k not in ("metadata", "ref", "serialization")}
        if isinstance(node, (list, tuple)):
            return type(node)(plain(v) for v in node)
        if isinstance(node, type):
            return ("class", node.__name__)
        if callable(node):
            assert getattr(converters, node.__name__) is node, node
            return ("function", node.__name__)
        return node

    assert plain(coreschema.SCHEMA) == plain(Konzept.__pydantic_core_schema__)


def test_the_pinned_pydantic_core_generated_the_schema():
    import pydantic_core

    assert coreschema.PYDANTIC_CORE_VERSION == pydantic_core.__version__


def test_every_model_is_a_section_with_its_fields():
    seen: dict[str, type[BaseModel]] = {}
    stack: list[type[BaseModel]] = [Konzept]
    while stack:
        model = stack.pop()
        if model.__name__ in seen:
            continue
        seen[model.__name__] = model
        assert [f.key for f in records.section(model.__name__)] == list(model.model_fields)
        assert [f.required for f in records.section(model.__name__)] == [
            info.is_required() for info in model.model_fields.values()
        ]
        assert getattr(records, model.__name__)._fields == tuple(model.model_fields)
        stack.extend(_models_in(info.annotation) for info in model.model_fields.values() if _models_in(info.annotation))
    assert set(seen) == {
        name
        for name in dir(coreschema)
        if isinstance(getattr(coreschema, name), type)
        and issubclass(getattr(coreschema, name), records.Record)
        and name != "Record"
    }


def _models_in(annotation: Any) -> Any:
    from typing import get_args

    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
        stack.extend(get_args(item))
    return None


def test_allowed_keys_come_from_the_models():
    from ki_cli.format.model import Massnahme

    assert records.allowed_keys(()) == list(Konzept.model_fields)
    assert records.allowed_keys(("schwerpunkte", 0, "massnahmen", 3)) == list(Massnahme.model_fields)
    assert records.allowed_keys(("grundlagen", "integrationskonzept")) == ["titel", "beschlossen_am", "drucksache"]
    assert records.allowed_keys(("vorlage", "beratungsfolge", 0))[0] == "gremium"
    assert records.allowed_keys(("personal", 0, "einsatz")) == []
    assert records.allowed_keys(("kommune", "name")) == []
    assert records.allowed_keys(("nichts",)) == []


@pytest.mark.parametrize(
    "loc,kind",
    [
        (("version",), "version"),
        (("kommune",), "section"),
        (("kommune", "name"), "text"),
        (("kommune", "typ"), "vocab"),
        (("periode", "beginn"), "date"),
        (("personal", 0, "vze"), "number"),
        (("personal", 0, "einsatz"), "mapping"),
        (("personal", 0, "id"), "id"),
        (("schwerpunkte",), "list"),
        (("vereinbarungen", 1, "partner"), "text"),
        (("vorlage", "oeffentlich"), "yesno"),
        (("schwerpunkte", 0, "massnahmen", 0, "aspekte"), "list"),
    ],
)
def test_field_kinds_come_from_the_models(loc, kind):
    field = records.field_at(loc)
    assert field is not None and field.kind.name == kind


def test_records_default_like_the_models():
    from ki_cli.format.model import Vorlage

    assert_same_values(Vorlage(), records.Vorlage())
    first, second = records.Vorlage(), records.Vorlage()
    assert first == second and first.beteiligt is not second.beteiligt
    with pytest.raises(TypeError):
        records.Partner(id="p")


# --- the example concepts -------------------------------------------------------------------------


def _examples() -> list[tuple[str, str]]:
    found = [("VALID", VALID)]
    found += [(str(p.relative_to(CONCEPTS)), p.read_text(encoding="utf-8")) for p in sorted(CONCEPTS.glob("**/*.yaml"))]
    if SPEC.exists():
        blocks = re.findall(r"```yaml\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.DOTALL)
        found += [(f"spec block {i}", block) for i, block in enumerate(blocks) if block.startswith("version:")]
    return found


EXAMPLES = _examples()


def _data(text: str) -> Any:
    loaded = load_bytes(text.encode("utf-8"))
    assert loaded.ok, loaded.findings
    return loaded.data


@pytest.mark.parametrize("name,text", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_examples_give_the_same_record_as_the_models(name, text):
    assert assert_same(_data(text)) == [], name


def test_the_pipeline_returns_records():
    from ki_cli.check.pipeline import check_loaded

    konzept, _ = check_loaded(load_bytes(VALID.encode()), "de")
    assert isinstance(konzept, records.Konzept) and isinstance(konzept.personal[0], records.Stelle)
    assert konzept.periode.beginn == dt.date(2025, 1, 1) and konzept.personal[0].vze == 1.0


# --- mutated concepts -------------------------------------------------------------------------------

BASES = [_data(text) for _, text in EXAMPLES]

_VOCAB = sorted(
    {
        word
        for name in dir(vocab)
        if name.isupper()
        for word in getattr(vocab, name)
        if isinstance(getattr(vocab, name), tuple) and isinstance(word, str)
    }
)
_ODD_TEXTS = [
    "",
    " ",
    "ja",
    "nein",
    "Ja",
    "on",
    "off",
    "1",
    "0",
    "-1",
    "2",
    "1.0",
    "1,0",
    "0,5",
    "0.5",
    ".5",
    "-0,5",
    "1.234,56",
    "1.234",
    "24.000",
    "12.5.2025",
    "31.02.2025",
    "2025-02-30",
    "2025-01-01",
    "01.01.2025",
    "2025-1-1",
    "1e3",
    "1e999",
    "9" * 400,
    ".inf",
    "-.inf",
    ".nan",
    "0x1F",
    "0o17",
    "05315000",
    "5315000",
    "05999000",
    "ki",
    "Ki",
    "m-sprache",
    "m sprache",
    "a" * 64,
    "a" * 65,
    "_x",
    "name@beispiel.de",
    "kein@",
    "true",
    "false",
    "~",
    "null",
    " 1 ",
    "1_0",
    "+1",
    "\u00a01",
    "2025",
    "2018",
    "kreis",
    "modellprojekt",
]
_TEXTS = _ODD_TEXTS + _VOCAB
SCALARS = st.one_of(
    st.sampled_from(_TEXTS).map(resolve_plain),  # as a plain scalar: the loader's types (YamlInt …)
    st.sampled_from(_TEXTS),  # as a quoted scalar: text
    st.text(max_size=6),
    st.integers(-3, 3).map(lambda i: resolve_plain(str(i))),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: resolve_plain(repr(f)) if math.isfinite(f) else f),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)).map(lambda d: resolve_plain(d.isoformat())),
    st.booleans(),
    st.none(),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["id", "name", "x", "titel", "beginn"]), SCALARS, max_size=2),
)
KEYS = st.one_of(
    st.sampled_from(["id", "name", "titel", "Titel", "beginn", "ziel", "massnahme", "typ", "x"]),
    st.text(min_size=1, max_size=5),
)
OPS = ["replace", "replace", "replace", "delete", "rename", "add", "wrap", "unwrap", "empty"]


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every value below ``data`` (keys and indexes)."""
    out = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        out.append(path + (key,))
        out.extend(_nodes(value, path + (key,)))
    return out


def _mutate(doc: Any, draw: Any) -> None:
    nodes = _nodes(doc)
    if not nodes:
        return
    path = draw(st.sampled_from(nodes))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    op = draw(st.sampled_from(OPS))
    if op == "replace":
        parent[key] = draw(VALUES)
    elif op == "delete":
        del parent[key]
    elif op == "rename" and isinstance(parent, dict):
        new = draw(KEYS)
        parent[new] = parent.pop(key)
    elif op == "add" and isinstance(parent[key], dict):
        parent[key][draw(KEYS)] = draw(SCALARS)
    elif op == "wrap":
        parent[key] = [parent[key]]
    elif op == "unwrap" and isinstance(parent[key], list) and parent[key]:
        parent[key] = parent[key][0]
    elif op == "empty":
        parent[key] = type(parent[key])() if isinstance(parent[key], (list, dict, str)) else None


def _field_positions() -> list[tuple[int, tuple[Any, ...]]]:
    """One path per field of the format that the examples fill, at the first entry of each list."""
    seen: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]] = {}
    for index, base in enumerate(BASES):
        for path in _nodes(base):
            shape = tuple(0 if isinstance(part, int) else part for part in path)
            seen.setdefault(shape, (index, shape))
    return list(seen.values())


def _first_entries(data: Any) -> Any:
    """``data`` with every list cut to its first entry (where the positions above point)."""
    if isinstance(data, dict):
        return {key: _first_entries(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_first_entries(value) for value in data[:1]]
    return data


POSITIONS = _field_positions()
ODD_VALUES = [
    *{_shown(v): v for v in map(resolve_plain, filter(None, _ODD_TEXTS))}.values(),
    *_ODD_TEXTS,
    None,
    True,
    False,
    [],
    {},
    ["x"],
    {"x": 1},
    float("inf"),
    10**30,
]


@pytest.mark.parametrize("base,path", POSITIONS, ids=[".".join(map(str, p)) for _, p in POSITIONS])
def test_every_field_reads_odd_values_like_pydantic(base, path):
    doc = _first_entries(BASES[base])
    parent = doc
    for part, after in itertools.pairwise(path):
        if isinstance(parent, dict) and part not in parent:  # the first entry lacks what a later one has
            parent[part] = [None] if isinstance(after, int) else {}
        parent = parent[part]
    for value in ODD_VALUES:
        parent[path[-1]] = value
        assert_same(doc)


@settings(
    max_examples=400, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.data())
def test_mutated_concepts_give_the_same_errors_and_values(data):
    doc = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    for _ in range(data.draw(st.integers(1, 4))):
        _mutate(doc, data.draw)
    assert_same(doc)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="0123456789_.+- \t\n\u00a0\x1c\u2003x,e", max_size=8))
def test_version_is_read_like_pydantics_lax_integer(text):
    for value in (text, resolve_plain(text) if text else text):
        doc = copy.deepcopy(BASES[0])
        doc["version"] = value
        assert_same(doc)


@pytest.mark.parametrize(
    "value",
    [
        True,
        False,
        1.0,
        1.5,
        10**30,
        float("inf"),
        float("nan"),
        "9" * 5000,
        [],
        {},
        dt.date(2025, 1, 1),
        "\u0661",
        "\uff11",
    ],
)
def test_version_edge_cases(value):
    doc = copy.deepcopy(BASES[0])
    doc["version"] = value
    assert_same(doc)


def test_non_text_keys_of_a_mapping():
    doc = copy.deepcopy(BASES[0])
    doc["personal"][0]["einsatz"] = {1: 0.5, None: "x"}
    doc["kommune"][2] = "x"
    assert_same(doc)


def test_findings_of_a_broken_concept_name_the_allowed_keys():
    text = VALID.replace("  typ: kreisfreie_stadt\n", "  typ: stadt\n  tpy: kreis\n", 1)
    findings = {f.code: f for f in check(text).findings}
    assert "„typ“" in findings["KI102"].message
    assert "regierungsbezirk" in findings["KI102"].message + findings["KI102"].hint
    assert "kreisfreie_stadt, kreis" in findings["KI103"].message


@pytest.mark.parametrize("name,text", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_documents_from_records_equal_documents_from_models(name, text):
    from ki_cli.render import documents

    data = _data(text)
    model, record = Konzept.model_validate(data), records.validate(data)[0]
    for kind in documents.KINDS:
        from_model = [(d.stem, d.titel, d.markdown) for d in documents.build(kind, model)[1]]
        from_record = [(d.stem, d.titel, d.markdown) for d in documents.build(kind, record)[1]]
        assert from_record == from_model, (name, kind)


def test_the_generator_refuses_a_validator_pydantic_adds_itself():
    from typing import Annotated

    from pydantic import BaseModel, BeforeValidator, Field

    from ki_cli.format.converters import as_text

    class Bad(BaseModel):
        titel: Annotated[str, BeforeValidator(as_text), Field(min_length=1)]  # Pydantic's own min_length function

    with pytest.raises(gen_format.Unsupported):
        gen_format._tree(Bad.__pydantic_core_schema__, top=True)


def test_the_generator_refuses_a_function_outside_the_converters():
    from typing import Annotated

    from pydantic import AfterValidator, BaseModel

    class Bad(BaseModel):
        wert: Annotated[float, AfterValidator(lambda v: v)]

    with pytest.raises(gen_format.Unsupported):
        gen_format._tree(Bad.__pydantic_core_schema__, top=True)
