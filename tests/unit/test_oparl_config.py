"""``ki.toml``'s ``[oparl]``: ``base_url`` an https URL, ``[oparl.organisationen]`` names to URLs or ids;
anything else ends with the file and the line of the key."""

from __future__ import annotations

import pytest

from ki_cli.config import ConfigError, Oparl, load


def config(tmp_path, text: str):
    path = tmp_path / "ki.toml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def problem(tmp_path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as err:
        config(tmp_path, text)
    return err.value


def test_without_an_oparl_table_there_are_no_settings(tmp_path):
    assert config(tmp_path, 'lang = "de"\n').oparl == Oparl()


def test_base_url_and_organisations_are_read(tmp_path):
    text = (
        '[oparl]\nbase_url = "https://ratsinfo.beispielstadt.de/oparl/v1/"\n'
        '[oparl.organisationen]\nrat = "1"\n"Amt für Integration" = "https://ratsinfo.beispielstadt.de/org/51"\n'
    )
    assert config(tmp_path, text).oparl == Oparl(
        base_url="https://ratsinfo.beispielstadt.de/oparl/v1",
        organisationen={"rat": "1", "Amt für Integration": "https://ratsinfo.beispielstadt.de/org/51"},
    )


@pytest.mark.parametrize(
    "value",
    ['"http://ratsinfo.example"', '"ratsinfo.example"', '"https://"', '"https://a b"', "42", '"https://a.de/?x=1"'],
)
def test_a_base_url_that_is_no_https_url_is_refused_with_its_line(tmp_path, value):
    err = problem(tmp_path, f'lang = "de"\n[oparl]\nbase_url = {value}\n')
    assert (err.problem, err.line) == ("oparl_base_url", 3)


def test_an_organisation_that_is_neither_url_nor_id_is_refused_with_its_line(tmp_path):
    err = problem(tmp_path, '[oparl]\nbase_url = "https://r.de"\n[oparl.organisationen]\nrat = "eins zwei"\n')
    assert (err.problem, err.line) == ("oparl_organisation", 4)


def test_an_organisation_id_needs_a_base_url(tmp_path):
    err = problem(tmp_path, '[oparl.organisationen]\nrat = "1"\n')
    assert (err.problem, err.line) == ("oparl_organisation_needs_base", 2)


def test_an_unknown_key_in_oparl_is_refused(tmp_path):
    err = problem(tmp_path, '[oparl]\nbase = "https://r.de"\n')
    assert (err.problem, err.line) == ("unknown_key", 2)


def test_the_message_is_german_and_english(tmp_path):
    err = problem(tmp_path, '[oparl]\nbase_url = "http://r.de"\n')
    assert "https-Adresse" in err.message("de") and "https address" in err.message("en")
