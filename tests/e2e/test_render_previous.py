"""``ki render proposal NEW --previous OLD``: the changes section, in every format."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.periods import measure, old, write

TITLE = "Änderungen gegenüber dem Zeitraum 01.01.2023 bis 31.12.2024"


@pytest.fixture
def periods(tmp_path):
    before = old()
    after = old()
    after["periode"] = {"beginn": "2025-01-01", "ende": "2026-12-31"}
    after["grundlagen"]["foerderrichtlinie"] = "2025"
    after["grundlagen"]["integrationskonzept"]["beschlossen_am"] = "2024-06-20"
    measure(after, "m-bo")["stufe"] = "regelpraxis"
    after["schwerpunkte"][1]["massnahmen"].append(
        {"id": "m-neu", "titel": "Elterncafé", "stufe": "initiative", "federfuehrung": "ki"}
    )
    after["schwerpunkte"][1]["massnahmen"] = [
        m for m in after["schwerpunkte"][1]["massnahmen"] if m["id"] != "m-lotsen"
    ]
    after["vereinbarungen"] = [v for v in after["vereinbarungen"] if v["id"] != "v-buergeramt"]
    after["vorlage"]["drucksache"] = "0815/2024"
    for b in after["vorlage"]["beratungsfolge"]:
        b["datum"] = b["datum"].replace(year=2024)
    return write(tmp_path, "2023-2024.yaml", before), write(tmp_path, "2025-2026.yaml", after)


def test_proposal_markdown_has_the_section_with_the_real_changes(cli, periods):
    before, after = periods
    result = cli("render", "proposal", str(after), "--previous", str(before))
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    section = md[md.index(f"### {TITLE}") : md.index("## Finanzielle Auswirkungen")]
    assert "**Zeitraum:** 01.01.2023 bis 31.12.2024 → 01.01.2025 bis 31.12.2026" in section
    assert "**Förderrichtlinie:** 2018 → 2025" in section
    assert "- Elterncafé (Schwerpunkt „Interkulturelle Öffnung der Verwaltung“, Stufe Initiative" in section
    assert "- Lotsendienst im Bürgeramt" in section  # ended
    assert "- Migrationssensible Berufsorientierung an weiterführenden Schulen: Modellprojekt → Regelpraxis" in section
    assert "**Entfallene Vereinbarungen**" in section


def test_same_markdown_as_ki_diff(cli, periods):
    before, after = periods
    diff = cli("diff", str(before), str(after), "--format", "md").stdout
    proposal = cli("render", "proposal", str(after), "--previous", str(before)).stdout
    body = diff.split("\n", 2)[2]
    assert body.strip() in proposal


def test_without_previous_there_is_no_section(cli, periods):
    _, after = periods
    assert "Änderungen gegenüber" not in cli("render", "proposal", str(after)).stdout


def test_html_and_docx_carry_the_section(cli, periods, tmp_path):
    import docx

    before, after = periods
    html = tmp_path / "v.html"
    assert cli("render", "proposal", str(after), "--previous", str(before), "-o", str(html)).exit_code == 0
    assert TITLE in html.read_text(encoding="utf-8") and "Elterncafé" in html.read_text(encoding="utf-8")
    target = tmp_path / "v.docx"
    assert cli("render", "proposal", str(after), "--previous", str(before), "-o", str(target)).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert TITLE in text and "Elterncafé" in text


def test_previous_with_structural_errors_stops_with_1(cli, periods, tmp_path):
    _, after = periods
    broken = write(tmp_path, "kaputt.yaml", "version: 1\nkommune: [\n")
    result = cli("render", "proposal", str(after), "--previous", str(broken))
    assert result.exit_code == 1 and "KI001" in result.stderr


def test_diff_imports_no_rendering_library(periods):
    before, after = periods
    probe = (
        "import sys\nfrom ki_cli.cli.app import main\n"
        f"sys.argv=['ki','diff',{str(before)!r},{str(after)!r},'--format','md']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODS', ','.join(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(result.stdout.split("MODS ")[-1].strip().split(","))
    assert "ki_cli" in modules and not modules & {"jinja2", "weasyprint", "docx", "markdown_it"}


def test_previous_of_another_municipality_warns_but_renders(cli):
    from tests.helpers import CONCEPTS

    city = CONCEPTS / "beispielstadt" / "2025-2026.yaml"
    result = cli(
        "render",
        "proposal",
        str(city),
        "--previous",
        str(CONCEPTS / "kreis-musterland" / "2025-2026.yaml"),
        "--lang",
        "de",
    )
    assert result.exit_code == 0 and "verschiedenen Kommunen" in result.stderr
    assert "Änderungen gegenüber dem Zeitraum" in result.stdout
