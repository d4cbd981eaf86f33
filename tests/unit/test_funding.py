"""ki_cli.funding: the grant's maxima per budget year, on the records ``ki validate`` builds."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from ki_cli.check.load import load_bytes
from ki_cli.check.pipeline import check_loaded
from ki_cli.check.rulepacks import load_pack
from ki_cli.check.rules.example import edit
from ki_cli.funding import funding, ki_land_vze, other_programme_posts, pool_costs
from ki_cli.periods import budget_years


def records(*pairs: tuple[str, str], extra: str = ""):
    text = edit(*pairs)
    if extra:
        text = text.replace("partner:\n", extra + "partner:\n", 1)
    konzept, _ = check_loaded(load_bytes(text.encode("utf-8"), "de"), "de", domain=False)
    assert konzept is not None
    return konzept


P2025 = ('foerderrichtlinie: "2018"', 'foerderrichtlinie: "2025"')
MARCH = ("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2027-03-01, ende: 2029-02-28")


def test_a_period_from_1_march_touches_three_budget_years_with_their_months():
    years = budget_years(dt.date(2027, 3, 1), dt.date(2029, 2, 28))
    assert [(y.year, y.months) for y in years] == [(2027, 10), (2028, 12), (2029, 2)]
    assert (years[0].first, years[0].last) == (dt.date(2027, 3, 1), dt.date(2027, 12, 31))
    assert (years[2].first, years[2].last) == (dt.date(2029, 1, 1), dt.date(2029, 2, 28))


def test_a_calendar_period_has_two_full_budget_years():
    assert [(y.year, y.full) for y in budget_years(dt.date(2025, 1, 1), dt.date(2026, 12, 31))] == [
        (2025, True),
        (2026, True),
    ]


def test_a_period_ending_before_it_starts_has_no_budget_year():
    assert budget_years(dt.date(2025, 1, 1), dt.date(2024, 12, 31)) == []


def test_maxima_per_budget_year_are_pro_rata_by_months():
    plan = funding(records(P2025, MARCH))
    assert plan is not None and plan.per_year == 5 * 57000 + 22500
    assert [(y.jahr, y.maximum) for y in plan.years] == [(2027, 256250.0), (2028, 307500.0), (2029, 51250.0)]
    assert plan.maximum == 256250.0 + 307500.0 + 51250.0


def test_the_deadline_of_each_budget_year_is_31_october_of_the_year_before_with_its_source():
    plan = funding(records(P2025, MARCH))
    assert [y.deadline for y in plan.years] == [dt.date(2026, 10, 31), dt.date(2027, 10, 31), dt.date(2028, 10, 31)]
    assert plan.years[0].deadline_source is not None and "31.10.2025" in plan.years[0].deadline_source.title


def test_the_pool_cap_is_30000_in_2025_and_50000_otherwise():
    plan = funding(records(P2025, ("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2025-01-01, ende: 2026-12-31")))
    assert [(y.jahr, y.pool_cap.max) for y in plan.years] == [(2025, 30000.0), (2026, 50000.0)]
    assert "2024/0414" in plan.years[0].pool_cap.source.title


def test_the_2018_pack_has_the_additional_posts_at_up_to_50000_and_no_other_amount():
    plan = funding(records())  # 5 Fachkräfte, 0,5 Verwaltung in a city
    parts = [(p.funktion, p.vze, p.rate) for p in plan.parts]
    assert parts == [("fachkraft", 3.0, None), ("fachkraft", 2.0, 50000.0), ("verwaltung", 0.5, None)]
    year = plan.years[0]
    assert year.maximum is None and year.known == 100000.0 and not plan.complete and plan.per_year is None
    assert year.deadline is None and year.pool_cap is None


def test_foerderung_gives_applied_and_granted_amounts_beside_the_maxima():
    extra = (
        "foerderung:\n"
        "  - {jahr: 2023, programm: ki, beantragt: 300000, bewilligt: 290000}\n"
        "  - {jahr: 2023, programm: laiensprachmittlerpool, beantragt: 30000}\n"
        "  - {jahr: 2024, programm: ki, beantragt: 310000}\n"
    )
    plan = funding(records(P2025, extra=extra))
    first, second = plan.years
    assert (first.ki.beantragt, first.ki.bewilligt, first.ki.paths) == (300000.0, 290000.0, ("foerderung[0]",))
    assert first.pool.beantragt == 30000.0 and first.pool.bewilligt is None
    assert (second.ki.beantragt, second.ki.bewilligt) == (310000.0, None) and second.pool is None


def test_posts_above_the_cap_and_of_other_programmes_are_not_funded():
    kim = "  - {id: kim-1, funktion: fachkraft, vze: 1, finanzierung: land, programm: kim, besetzt_durch: X, einsatz: {oeffnung: 1}}\n"
    extra_fk = (
        "  - {id: fk-6, funktion: fachkraft, vze: 1, finanzierung: land, besetzt_durch: X, einsatz: {oeffnung: 1}}\n"
    )
    konzept = records(P2025, ("  - {id: va-1,", kim + extra_fk + "  - {id: va-1,"))
    assert ki_land_vze(konzept)["fachkraft"] == 6.0
    assert [s.id for _, s in other_programme_posts(konzept)] == ["kim-1"]
    plan = funding(konzept)
    assert plan.per_year == 5 * 57000 + 22500  # a city: 5,0 Fachkraft-VZE at most


def test_pool_costs_count_the_state_funded_pool_items():
    pool = "  - {posten: Pool, betrag: 40000, traeger: land, programm: laiensprachmittlerpool}\n"
    konzept = records(("sachkosten:\n", "sachkosten:\n" + pool))
    assert pool_costs(konzept) == (40000.0, [0])


def test_no_funding_without_a_pack():
    konzept = records()
    assert funding(konzept) is not None
    assert load_pack("1999") is None


def test_importing_funding_stays_light():
    code = "import sys, ki_cli.funding; print(','.join(m for m in ('pydantic', 'jinja2', 'yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
