"""The rules as changed and added in December 2026 (rules.md), on concepts built like real published cases."""

from __future__ import annotations

from ki_cli.check.rules.example import edit
from tests.helpers import check


def findings_of(text: str, code: str, lang: str = "de"):
    return [f for f in check(text, lang).findings if f.code == code]


def codes(text: str) -> list[str]:
    return [f.code for f in check(text).findings]


def errors(text: str) -> list[str]:
    return [f.code for f in check(text).findings if f.severity == "error"]


def line(text: str, needle: str, nth: int = 1) -> int:
    return [i for i, row in enumerate(text.splitlines(), 1) if needle in row][nth - 1]


def post(ident: str, funktion: str, vze: float = 1, extra: str = "", einsatz: str = "oeffnung") -> str:
    return (
        f"  - {{id: {ident}, funktion: {funktion}, vze: {vze}, finanzierung: land{extra}, besetzt_durch: X, "
        f"einsatz: {{{einsatz}: {vze}}}}}\n"
    )


BEFORE_VA = "  - {id: va-1,"


def with_posts(posts: str, *pairs: tuple[str, str]) -> str:
    return edit(*pairs, (BEFORE_VA, posts + BEFORE_VA))


KREIS = ("typ: kreisfreie_stadt", "typ: kreis")
KREISTAG = ("{gremium: rat, datum: 2012-11-08", "{gremium: kreistag, datum: 2012-11-08")
KREISTAG_DECIDES = ("{gremium: rat, datum: 2022-09-26", "{gremium: kreistag, datum: 2022-09-26")


def pack(name: str) -> tuple[str, str]:
    return ('foerderrichtlinie: "2018"', f'foerderrichtlinie: "{name}"')


# --- a Kreis with 3,5 seconded teachers and KIM posts ------------------------------------------


def kreis_with_teachers_and_kim() -> str:
    posts = (
        post("lk-3", "lehrkraft")
        + post("lk-4", "lehrkraft", 0.5)
        + post("fk-6", "fachkraft")
        + post("kim-1", "fachkraft", 1, ", programm: kim")
        + post("kim-2", "fachkraft", 1, ", programm: kim")
        + post("kim-3", "verwaltung", 0.5, ", programm: kim")
    )
    return with_posts(posts, KREIS, KREISTAG, KREISTAG_DECIDES, pack("2025"))


def test_kreis_with_three_and_a_half_teachers_and_kim_posts_is_within_the_caps():
    text = kreis_with_teachers_and_kim()
    found = codes(text)
    assert "KI401" not in found and "KI402" not in found and errors(text) == []


def test_kim_posts_give_one_ki412_at_the_first_of_them():
    text = kreis_with_teachers_and_kim()
    (f,) = findings_of(text, "KI412")
    assert f.severity == "info" and f.line == line(text, "id: kim-1") and f.yaml_path.endswith(".programm")
    assert "kim-1 (KIM, 1,0 VZE)" in f.message and "kim-3 (KIM, 0,5 VZE)" in f.message


def test_kim_posts_do_not_count_in_the_grant():
    (f,) = findings_of(kreis_with_teachers_and_kim(), "KI410")
    assert "6,0 Fachkraft-VZE" in f.message and "364.500" in f.message


def test_a_fourth_teacher_post_in_a_kreis_is_over_the_cap():
    text = with_posts(post("lk-3", "lehrkraft") + post("lk-4", "lehrkraft"), KREIS, KREISTAG, KREISTAG_DECIDES)
    (f,) = findings_of(text, "KI401")
    assert f.line == line(text, "id: lk-4") and "gefunden 4,0 VZE, erlaubt 3,5" in f.message


def test_a_city_may_have_three_teachers_but_not_three_and_a_half():
    assert "KI401" not in codes(with_posts(post("lk-3", "lehrkraft")))
    text = with_posts(post("lk-3", "lehrkraft") + post("lk-4", "lehrkraft", 0.5))
    (f,) = findings_of(text, "KI401")
    assert "erlaubt 3,0" in f.message and f.line == line(text, "id: lk-4")


def test_a_post_of_another_programme_does_not_tip_the_caps():
    text = with_posts(post("kim-1", "fachkraft", 1, ", programm: kim"))  # 5 KI Fachkräfte + 1 KIM in a city
    assert "KI401" not in codes(text) and "KI402" not in codes(text) and "KI412" in codes(text)


def test_no_ki412_without_posts_of_other_programmes():
    assert findings_of(edit(), "KI412") == []


# --- a StädteRegion deciding in its Städteregionsausschuss after 31 October ---------------------


def staedteregion_after_deadline() -> str:
    return with_posts(
        post("fk-6", "fachkraft"),
        ("typ: kreisfreie_stadt", "typ: staedteregion"),
        ("{gremium: rat, datum: 2012-11-08", "{gremium: staedteregionstag, datum: 2012-11-08"),
        ("{gremium: rat, datum: 2022-09-26", "{gremium: staedteregionsausschuss, datum: 2022-12-05"),
        pack("2023"),
    )


def test_staedteregionsausschuss_decides_with_ki607_and_no_ki604():
    text = staedteregion_after_deadline()
    assert "KI604" not in codes(text) and errors(text) == []
    (f,) = findings_of(text, "KI607")
    assert f.severity == "info" and f.line == line(text, "gremium: staedteregionsausschuss")
    assert "Städteregionstag" in f.message


def test_decision_after_31_october_gives_ki608_at_its_date():
    text = staedteregion_after_deadline()
    (f,) = findings_of(text, "KI608")
    assert f.severity == "info" and f.line == line(text, "datum: 2022-12-05")
    assert "05.12.2022" in f.message and "31.10.2022" in f.message and "2023" in f.message


def test_decision_by_31_october_gives_no_ki608():
    text = staedteregion_after_deadline().replace("datum: 2022-12-05", "datum: 2022-10-31")
    assert findings_of(text, "KI608") == []


def test_no_ki608_where_the_pack_records_no_deadline():
    text = edit(("{gremium: rat, datum: 2022-09-26", "{gremium: rat, datum: 2022-12-05"))  # the 2018 pack
    assert findings_of(text, "KI608") == []


def test_staedteregionstag_decides_for_a_staedteregion_without_ki607():
    text = staedteregion_after_deadline().replace("gremium: staedteregionsausschuss", "gremium: staedteregionstag")
    assert "KI604" not in codes(text) and "KI607" not in codes(text)


def test_kreistag_deciding_for_a_staedteregion_is_ki604():
    text = staedteregion_after_deadline().replace("gremium: staedteregionsausschuss", "gremium: kreistag")
    (f,) = findings_of(text, "KI604")
    assert f.severity == "error" and "staedteregionstag" in f.message + f.hint


def test_kreistag_deciding_in_a_city_is_ki604_at_the_gremium():
    text = edit(KREISTAG_DECIDES)
    (f,) = findings_of(text, "KI604")
    assert f.line == line(text, "gremium: kreistag, datum: 2022-09-26") and "der Rat" in f.message
    assert "hauptausschuss" in f.hint


def test_hauptausschuss_of_a_city_decides_with_ki607_not_ki604():
    text = edit(("{gremium: rat, datum: 2022-09-26", "{gremium: hauptausschuss, datum: 2022-09-26"))
    assert "KI604" not in codes(text) and "KI607" in codes(text)


def test_kreisausschuss_in_a_city_is_ki604():
    text = edit(("{gremium: rat, datum: 2022-09-26", "{gremium: kreisausschuss, datum: 2022-09-26"))
    assert "KI604" in codes(text) and "KI607" not in codes(text)


# --- a city with an Integrationsausschuss ------------------------------------------------------


def test_integrationsausschuss_in_the_beratungsfolge_satisfies_ki605():
    text = edit(("{gremium: integrationsrat, datum: 2022-09-03", "{gremium: integrationsausschuss, datum: 2022-09-03"))
    assert "KI605" not in codes(text) and errors(text) == []


def test_ki605_applies_to_a_kreisangehoerige_stadt():
    town = ("typ: kreisfreie_stadt", "typ: kreisangehoerige_stadt")
    without = ("{gremium: integrationsrat, datum: 2022-09-03", "{gremium: ausschuss, datum: 2022-09-03")
    assert "KI605" in codes(edit(town, without))
    assert "KI605" not in codes(edit(town))


# --- the 2018 pack with the additional posts; the 2023 pack ------------------------------------


def test_kreis_with_six_fachkraefte_under_the_2018_pack_is_within_the_caps():
    text = with_posts(post("fk-6", "fachkraft"), KREIS, KREISTAG, KREISTAG_DECIDES)
    assert "KI401" not in codes(text) and "KI402" not in codes(text) and errors(text) == []


def test_city_with_six_fachkraefte_under_the_2018_pack_is_over_the_cap():
    text = with_posts(post("fk-6", "fachkraft"))
    (f,) = findings_of(text, "KI401")
    assert "erlaubt 5,0" in f.message and f.line == line(text, "id: fk-6")


def test_2018_pack_gives_no_grant_figure_it_cannot_source():
    assert findings_of(edit(), "KI410") == []


def test_2018_pack_with_foerderung_shows_the_amounts_applied_for_and_granted():
    text = edit().replace(
        "partner:\n", "foerderung:\n  - {jahr: 2023, programm: ki, beantragt: 320000, bewilligt: 300000}\npartner:\n", 1
    )
    (f,) = findings_of(text, "KI410")
    assert "2023: Festbetrag nicht hinterlegt (beantragt 320.000\u00a0€, bewilligt 300.000\u00a0€)" in f.message
    assert "2024: Festbetrag nicht hinterlegt" in f.message and f.line == line(text, "jahr: 2023")


def test_city_under_the_2023_pack_is_valid_and_gets_its_maxima():
    text = edit(pack("2023"))
    assert errors(text) == []
    (f,) = findings_of(text, "KI410")
    assert "Förderrichtlinie 2023" in f.message and "2023: bis zu 307.500\u00a0€" in f.message
    assert "5,0 Fachkraft-VZE × bis zu 57.000\u00a0€" in f.message and "bis zu 22.500\u00a0€ je 0,5 VZE" in f.message


# --- a period starting on 1 March: three budget years ------------------------------------------


def test_period_from_1_march_gives_three_budget_years_in_ki410():
    text = edit(pack("2025"), ("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2027-03-01, ende: 2029-02-28"))
    (f,) = findings_of(text, "KI410")
    assert "2027 (10 Monate): bis zu 256.250\u00a0€" in f.message
    assert "2028: bis zu 307.500\u00a0€" in f.message
    assert "2029 (2 Monate): bis zu 51.250\u00a0€" in f.message
    (en,) = findings_of(text, "KI410", "en")
    assert "2027 (10 months): up to €256,250" in en.message


def test_ki410_names_amounts_as_maxima():
    (f,) = findings_of(edit(pack("2025")), "KI410")
    assert "Höchstbeträge" in f.message and f.message.count("bis zu") >= 3


# --- the lay interpreter pool ------------------------------------------------------------------

POOL = "  - {posten: Laiensprachmittlerpool, betrag: 40000, traeger: land, programm: laiensprachmittlerpool}\n"


def with_pool(*pairs: tuple[str, str]) -> str:
    return edit(*pairs, ("sachkosten:\n", "sachkosten:\n" + POOL))


def test_pool_above_the_2025_budget_cap_is_ki411_at_its_betrag():
    text = with_pool(pack("2025"), ("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2025-01-01, ende: 2026-12-31"))
    (f,) = findings_of(text, "KI411")
    assert f.severity == "warning" and f.line == line(text, "Laiensprachmittlerpool")
    assert "40.000\u00a0€" in f.message and "für 2025 (bis zu 30.000\u00a0€" in f.message and "2024/0414" in f.message


def test_pool_within_the_guideline_cap_outside_2025_is_no_ki411():
    assert findings_of(with_pool(pack("2025")), "KI411") == []  # 2023/2024: up to 50.000 €


def test_pool_paid_by_the_municipality_is_not_counted():
    text = with_pool(pack("2025"), ("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2025-01-01, ende: 2026-12-31"))
    assert findings_of(text.replace("betrag: 40000, traeger: land", "betrag: 40000, traeger: kommune"), "KI411") == []


# --- KI204, KI313, KI314, KI515 ----------------------------------------------------------------


def test_ki204_is_a_warning():
    (f,) = findings_of(edit(("beschlossen_am: 2022-06-22", "beschlossen_am: 2023-02-01")), "KI204")
    assert f.severity == "warning"


def test_ki313_counts_the_auslaenderbehoerde_as_regelsystem():
    text = edit(
        ("art: schulaufsicht}", "art: auslaenderbehoerde}"),
        ("        vereinbarung: v-schulamt\n", ""),
    )
    (f,) = findings_of(text, "KI313")
    assert f.line == line(text, "federfuehrung: schulamt")


def test_ki313_counts_the_schultraeger_as_regelsystem():
    text = edit(("art: schulaufsicht}", "art: schultraeger}"), ("        vereinbarung: v-schulamt\n", ""))
    assert "KI313" in codes(text)


def test_daueraufgabe_led_by_the_ki_is_no_ki314():
    text = edit(
        (
            "        stufe: initiative\n        federfuehrung: ki",
            "        stufe: daueraufgabe\n        federfuehrung: ki",
        )
    )
    assert "KI314" not in codes(text) and errors(text) == []


def test_daueraufgabe_with_an_unsigned_agreement_is_no_ki515():
    text = edit(
        ("        stufe: modellprojekt", "        stufe: daueraufgabe"),
        ("    status: unterzeichnet\n    unterzeichnet_am: 2022-12-12\n", "    status: in_abstimmung\n"),
    )
    assert "KI515" not in codes(text)


# --- a Mitteilungsvorlage: the bodies take note, none decides ------------------------------------


def mitteilungsvorlage() -> str:
    return edit(
        ('  drucksache: "0815/2022"\n', '  drucksache: "0815/2022"\n  art: mitteilungsvorlage\n'),
        ("zustaendigkeit: empfehlung}", "zustaendigkeit: kenntnisnahme}"),
        ("zustaendigkeit: entscheidung}", "zustaendigkeit: kenntnisnahme}"),
    )


def test_mitteilungsvorlage_without_a_decision_is_no_ki601():
    assert errors(mitteilungsvorlage()) == []


def test_beschlussvorlage_taken_only_note_of_is_still_ki601():
    text = mitteilungsvorlage().replace("  art: mitteilungsvorlage\n", "")
    assert "KI601" in errors(text)
