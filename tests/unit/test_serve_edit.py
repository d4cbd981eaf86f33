"""Form edits → text (``ki_cli.serve.edit``): only the edited value changes, the rest byte for byte."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ki_cli.serve.edit import EditError, apply, parse_path, typed
from tests.helpers import CONCEPTS, VALID

BUNDLED = sorted(CONCEPTS.rglob("*.yaml"))
TEXTS = {path.relative_to(CONCEPTS).as_posix(): path.read_text(encoding="utf-8") for path in BUNDLED}
EXAMPLE = TEXTS["beispielstadt/2025-2026.yaml"]
SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def load(text: str) -> Any:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def outside_unchanged(old: str, new: str, first: int, last: int) -> bool:
    """Lines before ``first`` and after ``last`` (0-based, of the old text) are the same in ``new``."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    after = len(a) - last - 1
    return a[:first] == b[:first] and a[len(a) - after :] == b[len(b) - after :]


def scalar_leaves(text: str) -> list[tuple[tuple[str | int, ...], int, int]]:
    """(path, first line, last line) of every scalar value of a mapping entry or list item."""
    found: list[tuple[tuple[str | int, ...], int, int]] = []

    def walk(node: Any, path: tuple[str | int, ...], first: int) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value), key.start_mark.line)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index), item.start_mark.line)
        elif path:
            end = (
                node.end_mark.line
                if node.end_mark.column > 0 or node.style in (None, "'", '"')
                else node.end_mark.line - 1
            )
            found.append((path, first, max(first, end)))

    walk(yaml.compose(text, Loader=yaml.CSafeLoader), (), 0)
    return found


def lists(text: str) -> list[tuple[tuple[str | int, ...], int]]:
    """(path, length) of every list of the text."""
    found: list[tuple[tuple[str | int, ...], int]] = []

    def walk(node: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            found.append((path, len(node)))
            for index, item in enumerate(node):
                walk(item, (*path, index))

    walk(load(text), ())
    return found


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def comments(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


# --- examples --------------------------------------------------------------------------------------


def test_a_scalar_change_touches_only_its_line():
    new = apply(EXAMPLE, [{"path": "schwerpunkte[0].massnahmen[0].federfuehrung", "value": "mo"}])
    changed = [i for i, (a, b) in enumerate(zip(EXAMPLE.splitlines(), new.splitlines())) if a != b]
    assert len(changed) == 1 and new.splitlines()[changed[0]] == "        federfuehrung: mo"
    assert len(new.splitlines()) == len(EXAMPLE.splitlines())


def test_a_quoted_text_stays_quoted():
    new = apply(EXAMPLE, [{"path": "kommune.ags", "value": "05999001"}])
    assert '  ags: "05999001"\n' in new and load(new)["kommune"]["ags"] == "05999001"


def test_a_comment_beside_the_value_stays():
    text = VALID.replace("  anbindung: Dezernat III\n", "  anbindung: Dezernat III   # noch offen\n")
    new = apply(text, [{"path": "zentrum.anbindung", "value": "Dezernat IV"}])
    assert "  anbindung: Dezernat IV   # noch offen\n" in new


def test_a_german_date_is_written_as_an_iso_date():
    new = apply(EXAMPLE, [{"path": "periode.beginn", "value": "01.03.2027"}])
    assert "  beginn: 2027-03-01\n" in new and load(new)["periode"]["beginn"] == dt.date(2027, 3, 1)


@pytest.mark.parametrize(("typed_in", "written"), [("0,5", 0.5), ("1", 1), ("0.75", 0.75)])
def test_a_german_number_is_written_as_a_number(typed_in, written):
    new = apply(EXAMPLE, [{"path": "personal[0].vze", "value": typed_in}])
    assert load(new)["personal"][0]["vze"] == written


def test_an_amount_with_thousands_dots_is_a_number():
    assert typed("1.234,56", ("sachkosten", 0, "betrag")) == 1234.56
    assert typed("28.000", ("sachkosten", 0, "betrag")) == 28000


def test_a_text_field_keeps_a_text_that_looks_like_a_number():
    new = apply(EXAMPLE, [{"path": "schwerpunkte[0].titel", "value": "2025"}])
    assert load(new)["schwerpunkte"][0]["titel"] == "2025"


@pytest.mark.parametrize(
    "value", ["ja", "no", "a: b", "# kein Kommentar", "x #y", "'zitat'", '"', "- strich", "", " vorn"]
)
def test_a_text_that_yaml_would_read_otherwise_is_quoted(value):
    new = apply(EXAMPLE, [{"path": "zentrum.anbindung", "value": value}])
    assert load(new)["zentrum"]["anbindung"] == value


def test_a_missing_key_is_added_with_the_indentation_of_its_siblings():
    new = apply(EXAMPLE, [{"path": "zentrum.fax", "value": "02999 123-4599"}])
    lines = new.splitlines()
    index = lines.index('  fax: "02999 123-4599"')
    assert lines[index - 1].startswith("  anschrift:")
    assert outside_unchanged(EXAMPLE, new, index, index - 1)


def test_a_missing_key_in_a_list_item_is_added_inside_the_item():
    new = apply(EXAMPLE, [{"path": "partner[0].email", "value": "schulamt@example.org"}])
    assert load(new)["partner"][0]["email"] == "schulamt@example.org"
    assert "    email: schulamt@example.org\n" in new


def test_missing_parents_are_added_too():
    new = apply(VALID, [{"path": "vorlage.drucksache", "value": "0815/2024"}])
    assert load(new)["vorlage"] == {"drucksache": "0815/2024"}
    assert new.startswith(VALID)


def test_a_key_in_a_flow_mapping_is_added_inside_the_braces():
    new = apply(VALID, [{"path": "personal[0].einsatz.uebergang", "value": "0,25"}])
    assert "    einsatz: {uebergang: 0.25, oeffnung: 0.5}\n" in new
    new = apply(VALID, [{"path": "personal[0].einsatz.neu", "value": "0,25"}])
    assert "    einsatz: {uebergang: 0.5, oeffnung: 0.5, neu: 0.25}\n" in new


def test_null_removes_an_optional_key():
    new = apply(EXAMPLE, [{"path": "zentrum.telefon", "value": None}])
    assert "telefon" not in load(new)["zentrum"]
    assert len(new.splitlines()) == len(EXAMPLE.splitlines()) - 1


def test_a_multi_line_text_becomes_a_literal_block():
    new = apply(EXAMPLE, [{"path": "schwerpunkte[0].begruendung", "value": "Zeile 1\nZeile 2\n"}])
    assert load(new)["schwerpunkte"][0]["begruendung"] == "Zeile 1\nZeile 2\n"
    assert "    begruendung: |\n      Zeile 1\n      Zeile 2\n" in new


def test_a_schwerpunkt_is_inserted_in_block_style_before_the_next_one():
    entry = {"id": "neu", "bereich": "querschnitt", "handlungsfeld": "interkulturelle_oeffnung", "titel": "Neu"}
    new = apply(VALID, [{"path": "schwerpunkte[1]", "insert": entry}])
    assert load(new)["schwerpunkte"][1] == entry
    assert "  - id: neu\n    bereich: querschnitt\n" in new


def test_an_inserted_entry_goes_above_the_comment_of_the_entry_after_it():
    text = VALID.replace("  - id: awo\n", "  # freie Träger\n  - id: awo\n")
    new = apply(text, [{"path": "partner[1]", "insert": {"id": "mo", "name": "MO", "art": "migrantenorganisation"}}])
    assert "  - id: mo\n    name: MO\n    art: migrantenorganisation\n  # freie Träger\n  - id: awo\n" in new


def test_an_entry_is_appended_at_the_end_of_the_list():
    new = apply(VALID, [{"path": "partner[2]", "insert": {"id": "mo", "name": "MO", "art": "migrantenorganisation"}}])
    assert [p["id"] for p in load(new)["partner"]] == ["schulamt", "awo", "mo"]
    assert "    art: freier_traeger\n  - id: mo\n    name: MO\n" in new


def test_a_flow_list_gets_its_new_entry_inside_the_brackets():
    new = apply(VALID, [{"path": "schwerpunkte[1].massnahmen[0].beteiligt[1]", "insert": "schulamt"}])
    assert "        beteiligt: [awo, schulamt]\n" in new


def test_removing_an_entry_removes_its_lines_only():
    new = apply(VALID, [{"path": "partner[1]", "remove": True}])
    assert [p["id"] for p in load(new)["partner"]] == ["schulamt"]
    assert new == VALID.replace("  - id: awo\n    name: AWO\n    art: freier_traeger\n", "")


def test_removing_the_last_entry_leaves_an_empty_list():
    new = apply(VALID, [{"path": "schwerpunkte[1].massnahmen[0].beteiligt[0]", "remove": True}])
    assert load(new)["schwerpunkte"][1]["massnahmen"][0]["beteiligt"] == []


def test_a_comment_inside_a_removed_entry_is_kept():
    text = VALID.replace("    name: AWO\n", "    name: AWO   # Ansprechpartnerin wechselt\n")
    new = apply(text, [{"path": "partner[1]", "remove": True}])
    assert "# Ansprechpartnerin wechselt" in new


def test_moving_an_entry_keeps_its_lines_and_the_comments_between():
    text = VALID.replace("  - id: awo\n", "  # freie Träger\n  - id: awo\n")
    new = apply(text, [{"path": "partner[1]", "move": 0}])
    assert [p["id"] for p in load(new)["partner"]] == ["awo", "schulamt"]
    assert "partner:\n  - id: awo\n    name: AWO\n    art: freier_traeger\n  # freie Träger\n  - id: schulamt\n" in new


def test_several_changes_apply_one_after_the_other():
    new = apply(
        VALID,
        [
            {"path": "partner[1].name", "value": "Arbeiterwohlfahrt"},
            {"path": "partner[1]", "move": 0},
            {"path": "partner[0].name", "value": "AWO Kreisverband"},
        ],
    )
    assert load(new)["partner"][0] == {"id": "awo", "name": "AWO Kreisverband", "art": "freier_traeger"}


def test_crlf_line_breaks_stay():
    text = VALID.replace("\n", "\r\n")
    new = apply(text, [{"path": "zentrum.anbindung", "value": "Dezernat IV"}, {"path": "partner[1]", "remove": True}])
    assert "\n" not in new.replace("\r\n", "")


def test_an_alias_goes_through_the_round_trip_writer():
    text = (
        VALID.replace("  anbindung: Dezernat III\n", "  anbindung: &dez Dezernat III\n")
        + "vorlage:\n  federfuehrend: *dez\n"
    )
    new = apply(text, [{"path": "zentrum.name", "value": "KI Beispielstadt"}])
    assert load(new)["zentrum"]["name"] == "KI Beispielstadt"
    assert load(new)["vorlage"]["federfuehrend"] == "Dezernat III"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"path": "partner[9]", "remove": True}, "not_found"),
        ({"path": "partner[0]", "move": 5}, "not_found"),
        ({"path": "kommune", "insert": {}}, "not_a_list"),
        ({"path": "a..b", "value": 1}, "bad_path"),
        ({"path": "kommune.name"}, "bad_change"),
        ({"path": "kommune.name", "value": "x", "remove": True}, "bad_change"),
    ],
)
def test_a_change_that_cannot_be_made_says_why(change, reason):
    with pytest.raises(EditError) as caught:
        apply(VALID, [change])
    assert caught.value.reason == reason


def test_a_text_with_a_syntax_error_is_refused_not_guessed():
    with pytest.raises(EditError) as caught:
        apply("kommune: [\n", [{"path": "kommune.name", "value": "x"}])
    assert caught.value.reason == "no_yaml"


def test_parse_path_reads_keys_and_indices():
    assert parse_path("schwerpunkte[0].massnahmen[1].federfuehrung") == (
        "schwerpunkte",
        0,
        "massnahmen",
        1,
        "federfuehrung",
    )


# --- properties ------------------------------------------------------------------------------------

VALUES = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from(["ja", "nein", "1,5", "01.03.2027", "12", "a: b", "#", "x # y", "[a]", "{b}", "Zeile\nZeile 2"]),
    st.integers(0, 10**6),
)
LEAVES = [(name, leaf) for name, text in TEXTS.items() for leaf in scalar_leaves(text)]


@SETTINGS
@given(st.sampled_from(LEAVES), VALUES)
def test_a_value_edit_changes_only_that_value(leaf, value):
    name, (path, first, last) = leaf
    old = TEXTS[name]
    try:
        new = apply(old, [{"path": dotted(path), "value": value}])
    except EditError as err:
        assert err.reason == "unsupported"  # a layout the editors refuse: said, never guessed
        return
    expected = copy.deepcopy(load(old))
    parent = at(expected, path[:-1])
    parent[path[-1]] = typed(value, path)
    assert load(new) == expected
    assert outside_unchanged(old, new, first, last)
    assert comments(old) == comments(new)


LISTS = [(name, path, length) for name, text in TEXTS.items() for path, length in lists(text) if length]


@SETTINGS
@given(st.sampled_from(LISTS), st.data())
def test_a_list_edit_changes_only_that_list(entry, data):
    name, path, length = entry
    old = TEXTS[name]
    before = load(old)
    items = at(before, path)
    op = data.draw(st.sampled_from(["remove", "move", "insert"]))
    index = data.draw(st.integers(0, length - 1))
    expected = copy.deepcopy(before)
    target = at(expected, path)
    if op == "remove":
        change: dict[str, Any] = {"path": dotted((*path, index)), "remove": True}
        del target[index]
    elif op == "move":
        to = data.draw(st.integers(0, length - 1))
        change = {"path": dotted((*path, index)), "move": to}
        target.insert(to, target.pop(index))
    else:
        new_item = copy.deepcopy(items[0])
        change = {"path": dotted((*path, index)), "insert": new_item}
        target.insert(index, new_item)
    try:
        new = apply(old, [change])
    except EditError as err:
        assert err.reason == "unsupported"
        return
    assert load(new) == expected
    assert set(comments(old)) <= set(comments(new))  # a removed entry's own comments stay too
    rest = copy.deepcopy(before)
    parent = at(rest, path[:-1]) if len(path) > 1 else rest
    assert {k: v for k, v in rest.items() if k != path[0]} == {k: v for k, v in load(new).items() if k != path[0]}
    assert parent is not None


def test_the_bundled_concepts_offer_many_leaves_and_lists():
    assert len(LEAVES) > 500 and len(LISTS) > 50


def test_every_value_edit_of_a_bundled_concept_goes_through_the_line_editor(monkeypatch):
    """No value edit of the bundled concepts needs the round-trip fallback (which re-indents)."""
    import ki_cli.serve.edit as edit

    def refuse(*args: Any) -> str:
        raise AssertionError("fallback used")

    monkeypatch.setattr(edit, "_ruamel_edit", refuse)
    for name, (path, _, _) in LEAVES[::40]:
        for value in ("Neuer Wert", "Zeile 1\nZeile 2", 7, "a: b # c"):
            apply(TEXTS[name], [{"path": dotted(path), "value": value}])


def test_every_list_edit_of_a_bundled_concept_goes_through_the_line_editor(monkeypatch):
    import ki_cli.serve.edit as edit

    def refuse(*args: Any) -> str:
        raise AssertionError("fallback used")

    monkeypatch.setattr(edit, "_ruamel_edit", refuse)
    for name, path, length in LISTS[::4]:
        text = TEXTS[name]
        first = at(load(text), path)[0]
        for change in ({"remove": True}, {"move": length - 1}, {"insert": first}):
            apply(text, [{"path": dotted((*path, 0)), **change}])


def test_the_files_on_disk_are_the_texts_tested(tmp_path: Path):
    assert TEXTS and all(text.endswith("\n") for text in TEXTS.values())
