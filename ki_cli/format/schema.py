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
"""The name of the committed German copy (``schema/`` in the repository), and of the file ``ki init`` writes."""
FILE_NAMES = {"de": FILE_NAME, "en": "ki-konzept-1.en.schema.json"}
"""The file name of the schema in each language (committed side by side in ``schema/``)."""
SCHEMA_IDS = {lang: f"urn:ki-cli:schema:ki-konzept-1:{lang}" for lang in FILE_NAMES}
"""Each schema's ``$id``: a URN, since the format has no published address to fetch it from; it
names the format and its version 1 (and the language of the texts), never changes with a release,
and no tool tries to download it. Editors find the schema through the modeline's path instead."""


def _enum_descriptions(prop: dict[str, Any]) -> None:
    """A vocabulary's words named in full beside the enum (``enumDescriptions``, shown by
    yaml-language-server in completion and hover), not repeated in the field's description.
    The names are the German ones of the documents (``render.labels``), in both schemas: the
    words themselves are German. Values no word names (numbers, yes/no) get none."""
    from ki_cli.render.labels import LABELS

    for part in [prop, *prop.get("anyOf", [])]:
        values = part.get("enum")
        if not values:
            continue
        names = [LABELS.get(v, "") if isinstance(v, str) else "" for v in values]
        if any(name and name.lower() != value for name, value in zip(names, values, strict=True)):
            part["enumDescriptions"] = names


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
            prop["title"], prop["description"] = title, description
        _enum_descriptions(prop)
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
    schema["$id"] = SCHEMA_IDS[lang if lang in SCHEMA_IDS else "en"]
    schema["title"] = SCHEMA_TITLE if lang == "de" else SCHEMA_TITLE_EN
    schema["description"] = SCHEMA_DESCRIPTION if lang == "de" else SCHEMA_DESCRIPTION_EN
    return _ordered(schema)


def dumps(schema: dict[str, Any] | None = None, lang: str = "de") -> str:
    """The schema as the text ``ki schema`` writes (stable, so a committed copy can be compared)."""
    return json.dumps(build(lang) if schema is None else schema, ensure_ascii=False, indent=2) + "\n"
