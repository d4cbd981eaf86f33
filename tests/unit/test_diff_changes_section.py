"""The changes section a council member reads (``ki diff --format md``, ``ki render … --previous``):
labels and names instead of ids, handed-over measures apart, grant and own share, nothing unchanged."""

from __future__ import annotations

from pathlib import Path

from tests.periods import diff_json, entry, measure, old, write

BUNDLED = Path(__file__).resolve().parents[2] / "concepts" / "beispielstadt"


def _md(cli, tmp_path, change, before=None) -> str:
    base = old()
    if before is not None:
        before(base)
    a = write(tmp_path, "alt.yaml", base)
    new = old()
    if before is not None:
        before(new)
    change(new)
    b = write(tmp_path, "neu.yaml", new)
    result = cli("diff", str(a), str(b), "--format", "md")
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout


def _block(text: str, title: str) -> str:
    """The lines of the bold-titled block ``title`` (empty when there is none)."""
    start = text.find(f"**{title}**")
    if start < 0:
        return ""
    rest = text[start + len(title) + 4 :]
    end = rest.find("\n**")
    return rest if end < 0 else rest[:end]


def test_a_measure_handed_over_to_regular_practice_is_not_listed_as_ended(cli, tmp_path):
    # m-lotsen is at regelpraxis, led by a partner: leaving the plan, the partner carries it on
    def drop(d):
        d["schwerpunkte"][1]["massnahmen"] = [m for m in d["schwerpunkte"][1]["massnahmen"] if m["id"] != "m-lotsen"]

    text = _md(cli, tmp_path, drop)
    titel = measure(old(), "m-lotsen")["titel"]
    assert titel in _block(text, "In die Regelpraxis übergebene Maßnahmen (vom Partner weitergeführt)")
    assert "Beendete Maßnahmen" not in text


def test_a_committee_is_named_by_its_bezeichnung(cli, tmp_path):
    text = _md(cli, tmp_path, lambda d: d["vorlage"]["beratungsfolge"][1].update(datum="2022-09-29"))
    assert "29.09.2022 Rat der Stadt Beispielstadt (Entscheidung)" in text
    assert "Rat (Entscheidung)" not in text


def test_a_posts_assignment_shows_priority_titles_not_ids(cli, tmp_path):
    text = _md(cli, tmp_path, lambda d: entry(d, "personal", "lk-2").update(einsatz={"uebergang": 1.0}))
    row = next(line for line in text.splitlines() if "| Einsatz |" in line)
    assert "Übergang Schule – Beruf migrationssensibel gestalten: 1,0 VZE" in row
    assert "uebergang" not in row and "lk-2" not in row
    assert row.startswith("| Personal | Lehrkraft (1,0 VZE) |")


def test_a_newly_vacant_post_is_named_by_its_function_and_former_holder(cli, tmp_path):
    text = _md(cli, tmp_path, lambda d: entry(d, "personal", "fk-2").update(besetzt_durch=""))
    assert "neu unbesetzt: Fachkraft (1,0 VZE), Tobias Schmitt" in text
    assert "fk-2" not in text


def _pack_2025(d):
    d["grundlagen"]["foerderrichtlinie"] = "2025"


def _one_more_fachkraft(d):
    d["personal"].append(
        {"id": "fk-neu", "funktion": "fachkraft", "vze": 1.0, "finanzierung": "land", "einsatz": {"uebergang": 1.0}}
    )


def test_the_grant_maximum_per_full_budget_year_is_compared(cli, tmp_path):
    text = _md(cli, tmp_path, _one_more_fachkraft, before=_pack_2025)
    line = next(x for x in text.splitlines() if "Höchstbetrag der Landesförderung je volles Haushaltsjahr" in x)
    before, after = line.split(": ", 1)[1].split(" → ")
    assert before != after and before.endswith("€") and after.endswith("€")


def test_the_grant_maximum_in_json_per_budget_year(cli, tmp_path):
    base = old()
    _pack_2025(base)
    new = old()
    _pack_2025(new)
    _one_more_fachkraft(new)
    report = diff_json(cli, write(tmp_path, "a.yaml", base), write(tmp_path, "b.yaml", new))
    funding = report["summary"]["funding"]
    assert funding["maximum_per_full_year"]["new"] > funding["maximum_per_full_year"]["old"]
    years = funding["years"]["new"]
    assert [y["jahr"] for y in years] == [2023, 2024]
    assert all(y["maximum"] > o["maximum"] for y, o in zip(years, funding["years"]["old"], strict=True))


def test_the_own_share_over_the_period_is_compared(cli, tmp_path):
    def more_own_costs(d):
        d["sachkosten"].append({"posten": "Dolmetschkosten", "betrag": 5000, "traeger": "kommune"})

    text = _md(cli, tmp_path, more_own_costs)
    line = next(x for x in text.splitlines() if "Eigenanteil der Kommune im Zeitraum" in x)
    before, after = line.split(": ", 1)[1].split(" → ")
    assert before != after  # 5.000 € a year more over two years


def test_a_new_priority_is_named_in_the_summary_sentence(cli):
    report = diff_json(cli, BUNDLED / "2023-2024.yaml", BUNDLED / "2025-2026.yaml")
    assert report["summary"]["text"].startswith("1 neuer Schwerpunkt („Zugang Neuzugewanderter zum Gesundheitswesen“)")
    assert report["summary"]["priorities"] == {"added": ["gesundheit"], "removed": []}


def test_nothing_unchanged_is_listed(cli, tmp_path):
    text = _md(cli, tmp_path, lambda d: entry(d, "partner", "awo").update(name="AWO Unterbezirk"))
    for title in ("Landesförderung und Eigenanteil", "Personal (Vollzeitäquivalente)", "Sachkosten"):
        assert f"**{title}**" not in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Bereich")]
    assert rows == ["| Partner | AWO Unterbezirk | Name | AWO Kreisverband Beispielstadt | AWO Unterbezirk |"]


def test_the_bundled_pair_shows_no_raw_ids(cli):
    result = cli("diff", str(BUNDLED / "2023-2024.yaml"), str(BUNDLED / "2025-2026.yaml"), "--format", "md")
    for raw in ("fk-4", "fk-5", "uebergang:", "Ausschuss (Empfehlung)", "Duesseldorf", "m-betriebe"):
        assert raw not in result.stdout
    assert "Ausschuss für Schule und Bildung (Empfehlung)" in result.stdout


def test_a_list_field_lists_only_the_entries_that_came_or_left(cli, tmp_path):
    def one_more_resolution(d):
        d["grundlagen"]["beschluesse"].append(
            {"gremium": "rat", "datum": "2022-09-29", "gegenstand": "Schwerpunkte 2023–2024"}
        )

    text = _md(cli, tmp_path, one_more_resolution)
    row = next(line for line in text.splitlines() if "| Beschlüsse" in line)
    assert "29.09.2022 Rat Schwerpunkte 2023–2024" in row
    assert "Einrichtung des Kommunalen Integrationszentrums" not in row  # the resolution of 2012 did not change
