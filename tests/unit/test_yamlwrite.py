"""The YAML writer of ``ki next-period``: every value reads back exactly, comments are comments."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ki_cli.check.load import load_bytes
from ki_cli.format.yamlwrite import Comment, dump

TRICKY = [
    "05999000",
    "2025",
    "0412/2023",
    "ja",
    "nein",
    "no",
    "No",
    "yes",
    "on",
    "off",
    "y",
    "n",
    "true",
    "null",
    "~",
    "",
    " ",
    "1.0",
    "1,0",
    "24.000",
    "1e3",
    ".inf",
    "0x1F",
    "2025-01-01",
    "01.01.2025",
    "#",
    "# x",
    "a #b",
    ": ",
    "a: b",
    "a:",
    "- x",
    "-",
    "?",
    "? x",
    "[a]",
    "{a}",
    "&a",
    "*a",
    "!tag",
    "|",
    ">",
    "'q'",
    '"q"',
    "%x",
    "@x",
    "`x`",
    "<<",
    "=",
    "multi\nline",
    "multi\nline\n",
    "trailing\n\n",
    "  lead",
    "trail  ",
    "\tTab",
    "a\tb",
    "\u2028",
    "x\x85y",
    "\ufeffBOM",
    "nbsp\xa0x",
    "Emoji 😀",
    "Elif Yılmaz",
    "Übergang Schule – Beruf",
    "\\",
    "back\\slash",
    "---",
    "...",
    "\x00",
    "\x7f",
    "line\r\nbreak",
    " \n",
    "\nstart",
]


def _read_back(value):
    text = dump({"titel": value})
    ours = load_bytes(text.encode("utf-8")).data["titel"]
    theirs = yaml.safe_load(text)["titel"]
    return ours, theirs


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_text_reads_back_as_the_same_text(value):
    ours, theirs = _read_back(value)
    assert ours == value and type(ours) is str
    assert theirs == value and type(theirs) is str


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_any_text_reads_back_as_the_same_text(value):
    ours, theirs = _read_back(value)
    assert ours == value and theirs == value


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True), st.floats(0.01, 1.0), min_size=1))
def test_id_keys_and_shares_read_back(einsatz):
    data = load_bytes(dump({"einsatz": einsatz}).encode()).data["einsatz"]
    assert {str(k): float(v) for k, v in data.items()} == einsatz


def test_values_of_every_kind():
    data = {
        "zahl": 24000.0,
        "vze": 1.0,
        "anteil": 0.25,
        "tausend": 1.234,
        "ja": True,
        "datum": dt.date(2025, 1, 1),
        "liste": ["jobcenter", "awo"],
        "texte": ["Fachbereich Schule, Jugend"],
        "leer": [],
        "karte": {"a": 1.0},
    }
    text = dump(data)
    assert "zahl: 24000\n" in text and "vze: 1.0\n" in text and "liste: [jobcenter, awo]\n" in text
    loaded = load_bytes(text.encode())
    assert not loaded.findings  # no KI006 for 1.234
    assert yaml.safe_load(text) == {**data, "tausend": 1.234}


def test_comments_stand_where_they_are_put_and_read_as_nothing():
    text = dump(
        {
            Comment("Kopf\nzweite Zeile"): None,
            "liste": [Comment("entfallen: x"), {"id": "a"}],
            "nur_kommentar": [Comment("alles entfallen")],
        }
    )
    assert text.startswith("# Kopf\n# zweite Zeile\n")
    assert "  # entfallen: x\n  - id: a\n" in text
    assert yaml.safe_load(text) == {"liste": [{"id": "a"}], "nur_kommentar": None}
    assert "nur_kommentar:\n  # alles entfallen\n" in text  # an entry added below the comment is read


def test_a_comment_cannot_break_out_of_its_line():
    text = dump({Comment("böse\x85zeile\u2028noch eine"): None, "a": 1})
    assert yaml.safe_load(text) == {"a": 1}
