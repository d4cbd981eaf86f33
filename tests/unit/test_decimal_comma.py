"""The German decimal comma inside flow collections: one finding per line, bounded for generated lists."""

from __future__ import annotations

from tests.helpers import VALID, check


def test_decimal_commas_in_one_flow_mapping_are_one_finding_with_the_fixed_line():
    text = VALID + "sachkosten:\n  - {posten: Räume, betrag: 1200,50, traeger: kommune}\n"
    found = [f for f in check(text).findings if f.code == "KI006"]
    assert len(found) == 1
    assert "`- {posten: Räume, betrag: 1200.50, traeger: kommune}`" in found[0].hint


def test_a_generated_list_of_thousands_of_number_pairs_is_read_as_yaml_reads_it():
    text = VALID + "notiz: [" + "1,1," * 1500 + "1]\n"
    assert not [f for f in check(text).findings if f.code == "KI006"]
