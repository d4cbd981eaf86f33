"""The editor's form (``ki_cli/serve/forms.py``) and page routes (``ki_cli/serve/page.py``): built from the
model, every input named by a real YAML path of the concept, every input tied to its label."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from ki_cli.check.load import load_bytes  # noqa: E402
from ki_cli.format import model, vocab  # noqa: E402
from ki_cli.serve import forms  # noqa: E402
from ki_cli.serve.app import create_app  # noqa: E402
from ki_cli.serve.page import form_of, previous_of  # noqa: E402
from tests.helpers import CONCEPTS, VALID  # noqa: E402

BUNDLED = sorted(CONCEPTS.rglob("*.yaml"))
EXAMPLE = CONCEPTS / "beispielstadt" / "2025-2026.yaml"
TOKEN = "page-token"
BASE = "http://127.0.0.1:8765"

_PART = re.compile(r"\.?([^.[\]]+)|\[(\d+)\]")


def parts(path: str) -> list[str | int]:
    return [int(i) if i else key for key, i in _PART.findall(path)]


def lookup(data: Any, path: str) -> Any:
    for part in parts(path):
        data = data[part]
    return data


def model_allows(path: str) -> bool:
    """True when the format has a field at ``path`` (list indexes and ``einsatz`` keys taken as given)."""
    section: Any = model.Konzept
    shape: forms.Shape | None = None
    for part in parts(path):
        if isinstance(part, int):
            if shape is None or shape.kind != "list" or shape.item is None:
                return False
            shape = shape.item
        elif shape is not None and shape.kind == "mapping":
            shape = shape.item
        else:
            if shape is not None:
                if shape.model is None:
                    return False
                section = shape.model
            if part not in section.model_fields:
                return False
            shape = forms.shape_of(section.model_fields[part].annotation)
    return True


def form_of_file(path: Path) -> forms.Group:
    return forms.build_form(load_bytes(path.read_bytes()).data)


class Controls(HTMLParser):
    """The form's inputs (name, id) and labels (for) as the browser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labels: list[str | None] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag in ("input", "select", "textarea"):
            self.controls.append(a)
        if tag == "label":
            self.labels.append(a.get("for"))


def controls_of(html: str) -> Controls:
    parser = Controls()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(CONCEPTS).as_posix())
def test_every_input_name_is_a_field_of_the_format(path):
    for field in forms.walk(form_of_file(path)):
        assert model_allows(field.name), field.name


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(CONCEPTS).as_posix())
def test_every_filled_input_shows_the_value_at_its_yaml_path(path):
    data = load_bytes(path.read_bytes()).data
    filled = [f for f in forms.walk(form_of_file(path)) if f.value]
    assert len(filled) > 50
    for field in filled:
        assert forms.shown(lookup(data, field.name), field.kind) == field.value, field.name


def test_every_value_of_the_file_has_an_input():
    data = load_bytes(EXAMPLE.read_bytes()).data
    names = {f.name for f in forms.walk(form_of_file(EXAMPLE))}

    def leaves(value: Any, path: str) -> list[str]:
        if isinstance(value, dict):
            return [p for k, v in value.items() for p in leaves(v, f"{path}.{k}" if path else k)]
        if isinstance(value, list):
            return [p for i, v in enumerate(value) for p in leaves(v, f"{path}[{i}]")]
        return [path]

    missing = [p for p in leaves(data, "") if p != "version" and p not in names]
    assert missing == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(CONCEPTS).as_posix())
def test_every_input_is_tied_to_one_label(path):
    html, reason = form_of(path.read_text(encoding="utf-8"))
    assert reason == ""
    found = controls_of(html)
    assert found.controls
    labels = [label for label in found.labels if label]
    for control in found.controls:
        assert control["name"], control
        assert control["id"] == "f:" + str(control["name"])
        assert labels.count(control["id"]) == 1, control["id"]
    assert len(found.ids) == len(set(found.ids)), "ids are unique"


def test_the_form_has_a_section_per_top_level_field_of_the_model():
    titles = [c.title for c in form_of_file(EXAMPLE).children]
    expected = [info.title for key, info in model.Konzept.model_fields.items() if key != "version"]
    assert titles == expected
    assert {"Kommune", "Zeitraum", "Grundlagen", "Schwerpunkte", "Personal", "Sachkosten", "Partner"} <= set(titles)


def test_labels_and_help_come_from_the_model():
    field = next(f for f in forms.walk(form_of_file(EXAMPLE)) if f.name == "kommune.typ")
    info = model.Kommune.model_fields["typ"]
    assert (field.label, field.help) == (info.title, info.description)


def test_a_vocabulary_is_a_drop_down_of_its_words():
    field = next(f for f in forms.walk(form_of_file(EXAMPLE)) if f.name == "schwerpunkte[0].massnahmen[0].stufe")
    assert field.kind == "select"
    assert [o.value for o in field.options] == list(vocab.STUFE)


def test_the_lead_of_a_measure_offers_the_ki_and_the_partners():
    data = load_bytes(EXAMPLE.read_bytes()).data
    field = next(
        f for f in forms.walk(forms.build_form(data)) if f.name == "schwerpunkte[0].massnahmen[0].federfuehrung"
    )
    assert field.kind == "select"
    assert [o.value for o in field.options] == ["ki", *(p["id"] for p in data["partner"])]


def test_the_goals_of_a_measure_offer_the_goals_of_its_own_schwerpunkt():
    data = load_bytes(EXAMPLE.read_bytes()).data
    inputs = list(forms.walk(forms.build_form(data)))
    field = next(f for f in inputs if re.fullmatch(r"schwerpunkte\[0\]\.massnahmen\[\d+\]\.ziele\[0\]", f.name))
    assert [o.value for o in field.options] == [z["id"] for z in data["schwerpunkte"][0]["ziele"]]


def test_an_unknown_reference_stays_selected_and_is_marked():
    text = VALID.replace("federfuehrung: schulamt", "federfuehrung: gibtsnicht")
    field = next(
        f for f in forms.walk(forms.build_form(load_bytes(text.encode()).data)) if f.name.endswith("federfuehrung")
    )
    assert field.value == "gibtsnicht"
    assert any(o.value == "gibtsnicht" and "unbekannt" in o.label for o in field.options)


def test_numbers_and_dates_are_shown_in_german():
    text = VALID.replace("zielwert: 12", "zielwert: 0.5")
    inputs = {f.name: f for f in forms.walk(forms.build_form(load_bytes(text.encode()).data))}
    assert inputs["periode.beginn"].value == "01.01.2025"
    assert inputs["periode.beginn"].kind == "date"
    assert inputs["schwerpunkte[0].ziele[0].zielwert"].value == "0,5"
    assert inputs["schwerpunkte[0].ziele[0].zielwert"].kind == "number"


def test_a_number_keeps_the_notation_it_was_written_in():
    text = VALID.replace("zielwert: 12", 'zielwert: "1.234,5"')
    inputs = {f.name: f for f in forms.walk(forms.build_form(load_bytes(text.encode()).data))}
    assert inputs["schwerpunkte[0].ziele[0].zielwert"].value == "1.234,5"


def test_an_assignment_has_a_number_per_schwerpunkt():
    data = load_bytes(EXAMPLE.read_bytes()).data
    names = {f.name for f in forms.walk(forms.build_form(data))}
    for sp in data["schwerpunkte"]:
        assert f"personal[0].einsatz.{sp['id']}" in names


def test_adding_a_schwerpunkt_inserts_its_required_keys_with_a_fresh_id():
    form = form_of_file(EXAMPLE)
    lists = [n for n in form.children if isinstance(n, forms.ListField) and n.name == "schwerpunkte"]
    new = lists[0].new
    required = [k for k, info in model.Schwerpunkt.model_fields.items() if info.is_required()]
    assert list(new) == required
    data = load_bytes(EXAMPLE.read_bytes()).data
    assert new["id"] not in {sp["id"] for sp in data["schwerpunkte"]}
    assert new["bereich"] in vocab.BEREICH


def test_a_file_with_a_syntax_error_has_no_form_but_a_reason():
    html, reason = form_of("version: 1\nkommune: [\n")
    assert html == ""
    assert "Zeile" in reason and "Textansicht" in reason


def test_a_file_that_is_not_a_mapping_gives_an_empty_form_with_its_sections():
    html, reason = form_of("- eins\n- zwei\n")
    assert html == "" and reason


def test_an_entry_of_the_wrong_kind_gets_a_problem_instead_of_an_error():
    text = VALID.replace("  - id: oeffnung\n", "  - nur ein Text\n  - id: oeffnung\n")
    form = forms.build_form(load_bytes(text.encode()).data)
    sp = next(n for n in form.children if isinstance(n, forms.ListField) and n.name == "schwerpunkte")
    assert any(isinstance(e.content, forms.Group) and e.content.problem for e in sp.entries)


# --- the page routes -----------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, root)
    return root


@pytest.fixture
def client(folder: Path) -> TestClient:
    return TestClient(create_app(folder, TOKEN, lang="de"), base_url=BASE, headers={"X-KI-Token": TOKEN})


def test_the_list_page_links_every_concept_file(client, folder):
    page = client.get("/")
    assert page.status_code == 200
    for path in folder.rglob("*.yaml"):
        assert f'href="/edit/{path.relative_to(folder).as_posix()}"' in page.text
    assert "Neues Konzept" in page.text
    for typ in vocab.KOMMUNE_TYP:
        assert f'<option value="{typ}">' in page.text


def test_the_edit_page_has_the_form_and_the_text(client):
    page = client.get("/edit/beispielstadt/2025-2026.yaml")
    assert page.status_code == 200
    assert 'name="schwerpunkte[0].massnahmen[0].federfuehrung"' in page.text
    assert 'lang="de"' in page.text
    assert 'aria-live="polite"' in page.text


def test_a_file_with_a_syntax_error_opens_in_the_text_view(client, folder):
    (folder / "kaputt.yaml").write_text("version: 1\nkommune: [\n", encoding="utf-8")
    page = client.get("/edit/kaputt.yaml")
    assert page.status_code == 200
    assert "Textansicht" in page.text
    assert '"view": "text"' in page.text


def test_a_two_megabyte_file_opens_in_the_text_view(client, folder):
    text = EXAMPLE.read_text(encoding="utf-8") + "# " + "x" * 78 + "\n"
    big = text + ("# " + "y" * 97 + "\n") * 21000
    (folder / "gross.yaml").write_text(big, encoding="utf-8")
    page = client.get("/edit/gross.yaml")
    assert page.status_code == 200
    assert '"view": "text"' in page.text


def test_an_unknown_file_is_a_page_that_says_so(client):
    page = client.get("/edit/gibtsnicht.yaml")
    assert page.status_code == 404
    assert "gibt es in diesem Ordner nicht" in page.text


def test_a_path_leaving_the_folder_is_not_found(client):
    assert client.get("/edit/../etc/passwd.yaml").status_code == 404
    assert client.get("/page/previous/..%2F..%2Fx.yaml").json() == {"path": None}


def test_the_form_route_returns_the_form_of_a_text(client):
    answer = client.post("/page/form", json={"text": VALID}).json()
    assert answer["reason"] == ""
    assert 'name="kommune.name"' in answer["html"]


def test_the_previous_period_is_the_same_kommunes_file_ending_the_day_before(folder):
    assert previous_of(folder.resolve(), "beispielstadt/2025-2026.yaml") == "beispielstadt/2023-2024.yaml"
    assert previous_of(folder.resolve(), "beispielstadt/2023-2024.yaml") is None


def test_the_diff_route_describes_the_changes_against_the_previous_period(client):
    text = (CONCEPTS / "beispielstadt" / "2025-2026.yaml").read_text(encoding="utf-8")
    answer = client.post("/page/diff/beispielstadt/2025-2026.yaml", json={"text": text}).json()
    assert answer["path"] == "beispielstadt/2023-2024.yaml"
    assert "Zeitraum" in answer["html"]


def test_the_page_script_and_styles_are_served(client):
    assert client.get("/static/editor.js").status_code == 200
    assert client.get("/static/editor.css").status_code == 200


def many_measures(count: int) -> str:
    extra = "".join(
        f"      - id: m-extra-{n}\n        titel: Zusatz {n}\n        stufe: initiative\n        federfuehrung: ki\n"
        for n in range(count)
    )
    return VALID.replace("    massnahmen:\n", "    massnahmen:\n" + extra, 1)


def test_a_long_list_offers_its_entries_in_a_drop_down_until_one_is_opened():
    form = forms.build_form(load_bytes(many_measures(forms.LAZY_ENTRIES + 5).encode()).data)
    names = {f.name for f in forms.walk(form)}
    assert "schwerpunkte[0].massnahmen[3].titel" not in names
    html, _ = form_of(many_measures(forms.LAZY_ENTRIES + 5))
    assert 'data-picker="schwerpunkte[0].massnahmen"' in html
    assert '<option value="3">Maßnahme 4: Zusatz 3</option>' in html
    assert 'name="schwerpunkte[0].massnahmen[3].titel"' not in html
    assert 'id="m:schwerpunkte[0].massnahmen"' in html, "findings of a closed entry have a place: the list's"


def test_an_opened_entry_of_a_long_list_has_its_fields():
    data = load_bytes(many_measures(forms.LAZY_ENTRIES + 5).encode()).data
    entry = forms.build_entry(data, "schwerpunkte[0].massnahmen[3]")
    assert entry is not None and entry.content is not None
    inputs = {f.name: f for f in forms.walk(entry.content)}
    assert inputs["schwerpunkte[0].massnahmen[3].titel"].value == "Zusatz 3"
    assert entry.count == forms.LAZY_ENTRIES + 6


def test_an_entry_is_built_the_same_whether_opened_later_or_at_once():
    data = load_bytes(VALID.encode()).data
    at_once = next(
        n for n in forms.build_form(data).children if isinstance(n, forms.ListField) and n.name == "schwerpunkte"
    ).entries[0]
    later = forms.build_entry(data, "schwerpunkte[0]")
    assert later == at_once


@pytest.mark.parametrize("path", ["schwerpunkte", "schwerpunkte[9]", "kommune[0]", "gibtsnicht[0]", "[0]", ""])
def test_a_path_that_names_no_entry_builds_none(path):
    assert forms.build_entry(load_bytes(VALID.encode()).data, path) is None


def test_the_form_route_returns_one_entry_when_asked(client):
    answer = client.post("/page/form", json={"text": VALID, "path": "schwerpunkte[1]", "level": 2}).json()
    assert 'name="schwerpunkte[1].titel"' in answer["html"]
    assert 'name="schwerpunkte[0].titel"' not in answer["html"]
