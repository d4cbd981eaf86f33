"""The JSON Schema (draft 2020-12) of the concept format, for editors and other tools.

Generated from the Pydantic model (``ki_cli.format.model``); each field type carries its own JSON
Schema (``ki_cli.format.fieldtypes``), each field its title and description (``model.doc``), and
the sections' titles and descriptions come from ``ki_cli.format.schema_texts``: German by default
(the committed copy), English with ``ki schema --lang en``. The schema
checks the structure the validator checks: keys, required fields, types and vocabularies. What
needs the whole file (ids unique, references that exist, the rules KI2xx–KI6xx) stays with
``ki validate``.
"""

from __future__ import annotations

import json
from typing import Any

from ki_cli.format.fieldtypes import SCHEMA_ID
from ki_cli.format.schema_texts import (
    SCHEMA_DESCRIPTION,
    SCHEMA_DESCRIPTION_EN,
    SCHEMA_TITLE,
    SCHEMA_TITLE_EN,
    TEXTS,
    TEXTS_EN,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAME = "ki-konzept-1.schema.json"
"""The name of the committed copy (``schema/`` in the repository)."""


def _describe_enum(prop: dict[str, Any], lang: str = "de") -> str:
    """``Werte: kreisfreie_stadt (kreisfreie Stadt), kreis (Kreis)`` for a vocabulary field."""
    from ki_cli.render.labels import LABELS

    values = next((p["enum"] for p in [prop, *prop.get("anyOf", [])] if "enum" in p), None)
    if values is None:
        return ""
    words = [v for v in values if isinstance(v, str)]
    shown = [f"{w} ({LABELS[w]})" if w in LABELS and LABELS[w].lower() != w else w for w in words]
    return (" Werte: " if lang == "de" else " Values: ") + ", ".join(shown) + "."


def _section(name: str, schema: dict[str, Any], lang: str = "de") -> None:
    """Title and description for a model and its fields; no defaults (editors insert them)."""
    from ki_cli.format import model

    fields = getattr(model, name).model_fields
    texts = TEXTS if lang == "de" else TEXTS_EN
    if name in texts:
        schema["title"], schema["description"] = texts[name]
    else:
        schema.pop("title", None)
    for field, prop in schema.get("properties", {}).items():
        for part in [prop, *prop.get("anyOf", [])]:  # Pydantic's own, wherever it put them
            for key in ("default", "title", "description"):
                part.pop(key, None)
        info = fields[field]
        if info.title and info.description:  # the field's own (``model.doc``), with the vocabulary's words
            title, description = info.title, info.description
            if lang != "de":
                title, description = model.ENGLISH[(title, description)]
            prop["title"], prop["description"] = title, description + _describe_enum(prop, lang)
    if schema.get("type") == "object" and "properties" in schema:
        schema["additionalProperties"] = False


def _ordered(schema: dict[str, Any]) -> dict[str, Any]:
    """Keywords in a readable order: title and description first."""
    first = ("$schema", "$id", "title", "description", "type")
    ordered = {k: schema[k] for k in first if k in schema}
    ordered.update((k, v) for k, v in schema.items() if k not in ordered and k != "$defs")
    if "$defs" in schema:
        ordered["$defs"] = schema["$defs"]
    return {
        k: _ordered(v)
        if isinstance(v, dict) and k not in ("properties", "$defs")
        else {n: _ordered(s) for n, s in v.items()}
        if isinstance(v, dict)
        else [_ordered(i) if isinstance(i, dict) else i for i in v]
        if isinstance(v, list)
        else v
        for k, v in ordered.items()
    }


def build(lang: str = "de") -> dict[str, Any]:
    """The JSON Schema of the concept format, version 1; titles and descriptions in ``lang`` (de, en)."""
    from ki_cli.format.model import Konzept

    schema = Konzept.model_json_schema(mode="validation")
    defs: dict[str, Any] = schema.get("$defs", {})
    for name, definition in defs.items():
        _section(name, definition, lang)
    _section("Konzept", schema, lang)
    # einsatz maps Schwerpunkt ids to shares: its keys must look like ids
    einsatz = defs["Stelle"]["properties"]["einsatz"]
    mapping = next(part for part in einsatz["anyOf"] if part.get("type") == "object")
    mapping["propertyNames"] = {"pattern": SCHEMA_ID["pattern"], "maxLength": SCHEMA_ID["maxLength"]}
    schema["$schema"] = DIALECT
    schema["title"] = SCHEMA_TITLE if lang == "de" else SCHEMA_TITLE_EN
    schema["description"] = SCHEMA_DESCRIPTION if lang == "de" else SCHEMA_DESCRIPTION_EN
    return _ordered(schema)


def dumps(schema: dict[str, Any] | None = None, lang: str = "de") -> str:
    """The schema as the text ``ki schema`` writes (stable, so a committed copy can be compared)."""
    return json.dumps(build(lang) if schema is None else schema, ensure_ascii=False, indent=2) + "\n"
