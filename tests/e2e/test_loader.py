"""The loader: plain data, a source map, and findings instead of exceptions."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from ki_cli.check.findings import MAX_FINDINGS
from ki_cli.check.load import BUDGET, MAX_ALIAS_NODES, MAX_BYTES, MAX_DEPTH, MAX_KEY, NODE_COST, load_bytes
from tests.helpers import VALID, line_of


def load(text: str | bytes):
    return load_bytes(text.encode("utf-8") if isinstance(text, str) else text, "de")


def test_source_map_has_key_and_value_positions_of_nested_paths():
    loaded = load(VALID)
    path = "schwerpunkte[0].massnahmen[0].federfuehrung"
    line = line_of(VALID, "federfuehrung: schulamt")
    assert loaded.sourcemap.key_span(path)[:2] == (line, 9)
    assert loaded.sourcemap.value_span(path) == (line, 24, line, 32)


def test_list_items_have_their_own_positions():
    loaded = load("a:\n  - x\n  - y\n")
    assert loaded.sourcemap.value_span("a[1]")[:2] == (3, 5)


def test_missing_path_falls_back_to_the_nearest_ancestor_key():
    loaded = load("kommune:\n  name: X\n")
    assert loaded.sourcemap.key_span("kommune.typ")[:2] == (1, 1)


def test_crlf_line_endings_keep_positions():
    loaded = load(VALID.replace("\n", "\r\n"))
    line = line_of(VALID, "federfuehrung: schulamt")
    assert loaded.sourcemap.value_span("schwerpunkte[0].massnahmen[0].federfuehrung")[:2] == (line, 24)
    assert loaded.findings == []


def test_utf8_bom_is_accepted_and_columns_stay_right():
    loaded = load(codecs.BOM_UTF8 + b"version: 1\n")
    assert loaded.findings == []
    assert loaded.sourcemap.value_span("version")[:2] == (1, 10)


def test_columns_count_characters_not_bytes():
    loaded = load("titel: Übergang – Schule\nx: 1\n")
    assert loaded.sourcemap.value_span("titel") == (1, 8, 1, 25)


def test_aliased_values_have_positions_of_their_anchor():
    loaded = load("a: &x {k: v}\nb: *x\n")
    assert loaded.data == {"a": {"k": "v"}, "b": {"k": "v"}}
    assert loaded.sourcemap.value_span("b.k")[:2] == (1, 11)
    assert loaded.sourcemap.key_span("b")[:2] == (2, 1)


def test_syntax_error_reports_where_the_parser_stopped_in_german():
    loaded = load("a: 1\nb: c: d\n")
    (finding,) = loaded.findings
    assert (finding.code, finding.line, finding.column) == ("KI001", 2, 5)
    assert "Doppelpunkt" in finding.message
    assert 'b: "c: d"' in finding.hint


def test_unclosed_bracket_is_a_syntax_error_with_hint():
    (finding,) = load("a: [1, 2\nb: 3\n").findings
    assert finding.code == "KI001"
    assert "]" in finding.message + finding.hint


def test_duplicate_key_is_reported_at_the_second_occurrence():
    loaded = load("version: 1\nkommune:\n  name: A\n  name: B\n")
    (finding,) = loaded.findings
    assert (finding.code, finding.line, finding.column) == ("KI002", 4, 3)
    assert "Zeile 3" in finding.message
    assert loaded.data["kommune"]["name"] == "A"


def test_windows_1252_file_names_line_and_byte():
    raw = "version: 1\ntitel: Schulförderung\n".encode("cp1252")
    (finding,) = load(raw).findings
    assert (finding.code, finding.line, finding.column) == ("KI003", 2, 14)
    assert "0xF6" in finding.message and "ö" in finding.message


def test_invalid_utf8_inside_a_key_is_not_utf8():
    (finding,) = load(b"ti\xfftel: x\n").findings
    assert finding.code == "KI003" and finding.line == 1


def test_utf16_file_is_not_utf8():
    (finding,) = load("version: 1\n".encode("utf-16")).findings
    assert finding.code == "KI003"


def test_python_tag_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "ran"
    loaded = load(f"titel: !!python/object/apply:os.system ['touch {marker}']\n")
    assert [f.code for f in loaded.findings] == ["KI004"]
    assert "!!python/object/apply:os.system" in loaded.findings[0].message
    assert not marker.exists()


def test_tag_on_a_mapping_is_refused():
    loaded = load("a: !!python/object:builtins.dict {x: 1}\n")
    assert [f.code for f in loaded.findings] == ["KI004"]


def test_second_document_is_refused_at_its_start():
    (finding,) = load("version: 1\n---\nversion: 1\n").findings
    assert (finding.code, finding.line) == ("KI004", 2)


def test_billion_laughs_is_refused():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    loaded = load("\n".join(lines) + "\n")
    assert [f.code for f in loaded.findings] == ["KI004"]
    assert f"{MAX_ALIAS_NODES:,}".replace(",", ".") in loaded.findings[0].message
    assert loaded.data is None


def test_alias_bomb_of_mappings_is_refused():
    lines = ["m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
    for i in range(1, 10):
        keys = ", ".join(f"k{j}: *m{i - 1}" for j in range(10))
        lines.append(f"m{i}: &m{i} {{{keys}}}")
    assert [f.code for f in load("\n".join(lines) + "\n").findings] == ["KI004"]


def test_small_alias_use_is_fine():
    loaded = load("a: &x [1, 2]\nb: *x\n")
    assert loaded.findings == [] and loaded.data["b"] == [1, 2]


def test_undefined_alias_is_a_syntax_error():
    (finding,) = load("a: *nirgends\n").findings
    assert finding.code == "KI001" and "nirgends" in finding.message


def test_deep_block_nesting_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "x: 1\n"
    (finding,) = load(text).findings
    assert finding.code == "KI004" and str(MAX_DEPTH) in finding.message


def test_ten_thousand_deep_flow_nesting_is_refused():
    (finding,) = load("a: " + "[" * 10_000 + "]" * 10_000 + "\n").findings
    assert finding.code == "KI004"


def test_hundred_thousand_deep_flow_nesting_is_refused():
    assert [f.code for f in load("[" * 100_000).findings] == ["KI004"]


def test_empty_file():
    (finding,) = load("").findings
    assert (finding.code, finding.line) == ("KI005", 1)


def test_comment_only_file_is_empty():
    assert [f.code for f in load("# nur ein Kommentar\n").findings] == ["KI005"]


def test_top_level_list_is_not_a_mapping():
    (finding,) = load("- version: 1\n").findings
    assert finding.code == "KI005" and "Liste" in finding.message


def test_top_level_scalar_is_not_a_mapping():
    assert [f.code for f in load("hallo\n").findings] == ["KI005"]


def test_german_thousands_separator_is_an_error_naming_both_right_spellings():
    loaded = load("sachkosten:\n  - betrag: 26.500\n")
    (finding,) = loaded.findings
    assert (finding.code, finding.severity, finding.line, finding.column) == ("KI006", "error", 2, 13)
    assert "26.500" in finding.message and "26,5" in finding.message
    assert "`26500`" in finding.hint and '`"26.500"`' in finding.hint


def test_german_thousands_separator_in_english():
    (finding,) = load_bytes(b"betrag: 26.500\n", "en").findings
    assert finding.severity == "error" and "26.5" in finding.message
    assert "`26500`" in finding.hint and '`"26.500"`' in finding.hint


def test_thousands_separator_hint_names_the_decimal_too():
    (finding,) = load("vze: 1.000\n").findings
    assert finding.code == "KI006" and "`1.0`" in finding.hint


def test_quoted_thousands_separator_means_the_thousands():
    from ki_cli.check.pipeline import check_loaded

    konzept, findings = check_loaded(load(VALID.replace("betrag: 24000", 'betrag: "24.000"')), "de")
    assert "KI006" not in [f.code for f in findings]
    assert konzept.sachkosten[0].betrag == 24000


def test_render_refuses_an_unquoted_thousands_separator(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(VALID.replace("betrag: 24000", "betrag: 24.000"), encoding="utf-8")
    result = cli("render", "concept", str(path))
    assert result.exit_code == 1 and "24\xa0€" not in result.stdout
    assert "KI006" in result.stderr + result.stdout


def test_render_takes_a_quoted_thousands_separator_as_the_thousands(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(VALID.replace("betrag: 24000", 'betrag: "24.000"'), encoding="utf-8")
    result = cli("render", "concept", str(path))
    assert result.exit_code == 0 and "24.000\xa0€" in result.stdout


def test_ordinary_decimal_is_no_thousands_warning():
    assert load("vze: 0.5\nbetrag: 1.5\n").findings == []


def test_yaml_11_words_stay_text():
    loaded = load("a: no\nb: on\nc: ja\nd: yes\ne: off\n")
    assert loaded.data == {"a": "no", "b": "on", "c": "ja", "d": "yes", "e": "off"}


def test_numbers_and_dates_keep_their_source_text():
    loaded = load("ags: 05999000\nd: 2025-01-01\nf: 24.000\n")
    assert loaded.data["ags"] == 5999000 and loaded.data["ags"].source == "05999000"
    assert loaded.data["d"] == dt.date(2025, 1, 1)
    assert loaded.data["f"].source == "24.000"


def test_impossible_date_stays_text():
    assert load("d: 2025-02-30\n").data == {"d": "2025-02-30"}


def test_huge_integer_stays_text():
    digits = "9" * 5000
    assert load(f"x: {digits}\n").data == {"x": digits}


def test_non_string_keys_become_their_source_text():
    assert load("1: a\nnull: b\ntrue: c\n").data == {"1": "a", "null": "b", "true": "c"}


def test_complex_key_is_refused_and_skipped():
    loaded = load("? [a, b]\n: 1\nc: 2\n")
    assert [f.code for f in loaded.findings] == ["KI004"]
    assert loaded.data == {"c": 2}


def test_nul_byte_is_a_syntax_error_with_a_line():
    (finding,) = load("a: 1\nb: x\0y\n").findings
    assert finding.code == "KI001" and finding.line == 2


def test_file_above_the_size_limit_is_refused_unparsed():
    (finding,) = load(b"a: " + b"x" * MAX_BYTES + b"\n").findings
    assert finding.code == "KI004" and "MB" in finding.message


def test_one_megabyte_line_loads():
    loaded = load("titel: " + "x" * 1_000_000 + "\n")
    assert loaded.findings == [] and len(loaded.data["titel"]) == 1_000_000


def test_collection_tag_on_a_scalar_is_refused():
    # found by fuzzing: a scalar tagged !!map
    loaded = load("key: &anchor\n !!map a \n: b\n")
    assert "KI004" in [f.code for f in loaded.findings]
    assert [f.code for f in load("a: !!map b\n").findings] == ["KI004"]


def test_scalar_tag_on_a_collection_is_refused():
    assert [f.code for f in load("a: !!str [1, 2]\n").findings] == ["KI004"]


def test_core_tags_on_scalars_are_allowed():
    assert load('a: !!str 12\nb: !!int "3"\n').data == {"a": "12", "b": 3}


# The child is started from a small launcher process: a child started straight from the test
# process (vfork) would report the test process's own peak memory as its peak (Linux keeps the
# high-water mark across exec), and that grows with every test that ran before.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
out = child.stdout.read()
child.stdout.close()
_, status, usage = os.wait4(child.pid, 0)
sys.stderr.write(str(usage.ru_maxrss))
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _peak_rss_of(argv: list[str], stdin=None) -> tuple[int, str, int]:
    """Exit code, standard output and peak resident memory (MiB) of a fresh process."""
    import subprocess
    import sys

    launcher = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], stdin=stdin, capture_output=True)
    return launcher.returncode, launcher.stdout.decode("utf-8"), int(launcher.stderr) // 1024


def _fifty_megabyte_scalar(tmp_path):
    path = tmp_path / "gross.yaml"
    with path.open("wb") as handle:
        handle.write(b"titel: ")
        chunk = b"x" * (1024 * 1024)
        for _ in range(50):
            handle.write(chunk)
        handle.write(b"\n")
    return path


@pytest.mark.skipif(not hasattr(__import__("os"), "wait4"), reason="peak memory of a child needs os.wait4 (POSIX)")
def test_fifty_megabyte_scalar_is_refused_unread_with_bounded_memory(tmp_path):
    import json
    import sys

    path = _fifty_megabyte_scalar(tmp_path)
    code, out, peak_mib = _peak_rss_of([sys.executable, "-m", "ki_cli", "validate", "--format", "json", str(path)])
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert code == 1 and finding["code"] == "KI004" and finding["line"] == 1
    assert peak_mib < 100  # the file is never read into memory


@pytest.mark.skipif(not hasattr(__import__("os"), "wait4"), reason="peak memory of a child needs os.wait4 (POSIX)")
def test_fifty_megabyte_scalar_on_standard_input_reads_only_up_to_the_limit(tmp_path):
    import json
    import sys

    path = _fifty_megabyte_scalar(tmp_path)
    with path.open("rb") as stdin:
        code, out, peak_mib = _peak_rss_of([sys.executable, "-m", "ki_cli", "validate", "--format", "json", "-"], stdin)
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert code == 1 and finding["code"] == "KI004"
    assert peak_mib < 40 + 2 * MAX_BYTES // 2**20  # at most the limit is read, not the 50 MB


def test_syntax_error_is_shown_on_the_line_to_fix_not_on_a_following_comment():
    text = "version: 1\nkommune:\n  name: Stadt X\n  typ:kreisfreie_stadt\n  # regierungsbezirk: arnsberg\n\nzentrum:\n  name: Y\n"
    (finding,) = load(text).findings
    assert finding.code == "KI001" and (finding.line, finding.column) == (4, 7)  # where the space goes
    assert "`typ: kreisfreie_stadt`" in finding.hint


def test_syntax_error_on_a_content_line_stays_where_the_parser_stopped():
    text = "a:\n  b: 1\n c: 2\n"
    (finding,) = load(text).findings
    assert finding.code == "KI001" and finding.line == 3


# --- one budget for everything the loader builds (issue 12: S4, S9) -------------------------------


def test_alias_of_a_list_used_as_a_key_is_a_complex_key_not_its_text():
    loaded = load("a: &a [1, 2]\nm:\n  ? *a\n  : n\n")
    assert [f.code for f in loaded.findings] == ["KI004"]
    assert "Schlüssel" in loaded.findings[0].message
    assert loaded.findings[0].line == 3


def test_alias_of_a_text_used_as_a_key_is_that_text():
    loaded = load("a: &a titel\nm:\n  ? *a\n  : n\n")
    assert loaded.findings == [] and loaded.data["m"] == {"titel": "n"}


def test_alias_of_a_number_used_as_a_key_keeps_the_text_written():
    assert load("a: &a 24.0\nm:\n  ? *a\n  : n\n").data["m"] == {"24.0": "n"}


def test_aliases_used_as_keys_count_toward_the_alias_limit():
    text = "a: &a k\nm:\n" + "  ? *a\n  : n\n" * (MAX_ALIAS_NODES + 1)
    codes = [f.code for f in load(text).findings]
    assert "KI004" in codes
    assert any(f.code == "KI004" and "Alias" in f.message for f in load(text).findings)


def _values(count: int) -> str:
    return "a: [" + "1," * (count - 1) + "1]\n"


def test_more_than_the_budget_is_refused_with_the_limit_named():
    loaded = load(_values(BUDGET // NODE_COST + 1))
    (finding,) = loaded.findings
    assert finding.code == "KI004" and finding.severity == "error"
    assert "256,0 MB" in finding.message
    assert finding.hint and loaded.data is None


def test_a_key_longer_than_the_limit_is_refused_and_its_value_dropped():
    loaded = load("? " + "k" * (MAX_KEY + 1) + "\n: [1, 2]\nb: 1\n")
    (finding,) = loaded.findings
    assert finding.code == "KI004" and str(MAX_KEY) in finding.message and finding.line == 1
    assert loaded.data == {"b": 1}


def test_a_key_of_the_limit_is_accepted():
    key = "k" * MAX_KEY
    assert load(f"{key}: 1\n").data == {key: 1}


def _below_long_keys(values: int) -> str:
    """``values`` values below 60 nested keys of the longest length allowed (paths of 15,000 characters)."""
    text = "".join("  " * level + chr(97 + level % 26) * MAX_KEY + ":\n" for level in range(60))
    return text + "  " * 60 + "- [" + "1," * (values - 1) + "1]\n"


def test_paths_count_toward_the_budget():
    # the values' paths alone are 20,000 × 15,000 characters (300 MB)
    (finding,) = load(_below_long_keys(20_000)).findings
    assert finding.code == "KI004" and "256,0 MB" in finding.message


def test_budget_finding_is_english_with_lang_en():
    (finding,) = load_bytes(_below_long_keys(20_000).encode(), "en").findings
    assert finding.code == "KI004" and "256.0 MB" in finding.message


def _aliases_of(text: str, count: int) -> str:
    return "a: &a " + text + "\nb: [" + ", ".join(["*a"] * count) + "]\n"


def test_an_alias_costs_the_text_it_stands_for():
    # 34 aliases of an 8 MB text stand for 272 MB of text
    assert [f.code for f in load(_aliases_of("x" * 8_000_000, 34)).findings] == ["KI004"]


def test_non_ascii_text_costs_four_bytes_a_character():
    # 2,000,000 × "ä" may take 8 MB in memory: 34 aliases of it are beyond the budget
    assert [f.code for f in load(_aliases_of("ä" * 2_000_000, 34)).findings] == ["KI004"]


def test_ascii_text_costs_one_byte_a_character():
    assert load(_aliases_of("x" * 2_000_000, 34)).findings == []


def test_a_concept_within_the_budget_loads_unchanged():
    entry = "  - {posten: Raum, betrag: 1, traeger: kommune}\n"
    # 1,2 MB, 25,000 sections: a mapping costs the budget what the structure check may build for it
    loaded = load("sachkosten:\n" + entry * 25_000)
    assert loaded.findings == [] and len(loaded.data["sachkosten"]) == 25_000


def test_findings_of_one_file_are_capped_with_a_closing_finding_per_code():
    loaded = load("a: 1\n" * (MAX_FINDINGS + 5_001))
    assert len(loaded.findings) == MAX_FINDINGS + 1
    closing = loaded.findings[-1]
    assert closing.code == "KI002" and closing.severity == "error"
    assert "5.000 weitere" in closing.message and closing.hint
    assert (closing.line, closing.column) == (MAX_FINDINGS + 2, 1)  # where the first one left out stands


def test_closing_finding_is_english_with_lang_en():
    findings = load_bytes(("a: 1\n" * (MAX_FINDINGS + 3)).encode(), "en").findings
    assert "… and 2 more" in findings[-1].message


def test_the_finding_that_stops_the_loader_is_kept_beyond_the_cap():
    text = "m:\n" + "  a: 1\n" * (MAX_FINDINGS + 10) + "x: [" * (MAX_DEPTH + 1)
    findings = load(text).findings
    assert any(f.code == "KI004" and str(MAX_DEPTH) in f.message for f in findings)


def test_duplicate_key_message_shortens_a_very_long_key():
    key = "k" * MAX_KEY
    (finding,) = load(f"{key}: 1\n{key}: 2\n").findings
    assert finding.code == "KI002" and "k" * 80 + "…" in finding.message and "k" * 81 not in finding.message


# --- positions in characters, for every line-ending convention (issue 12) -------------------------

LINE_ENDINGS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


@pytest.mark.parametrize("ending", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_control_character_after_umlauts_is_shown_at_its_line_and_character(ending):
    text = ending.join(["titel: Übergang für Schüler äöü ÄÖÜ ß", "beschreibung: Öffnung", "b: x\0y", ""])
    (finding,) = load(text).findings
    assert (finding.code, finding.line, finding.column) == ("KI001", 3, 5)


def test_control_character_after_many_lines_of_umlauts_keeps_its_line():
    text = "t: " + "äöü" * 30 + "\n"
    (finding,) = load(text * 20 + "b: x\0y\n").findings
    assert (finding.line, finding.column) == (21, 5)


def test_control_character_is_named_by_its_code_point():
    (finding,) = load("a: x\x1by\n").findings
    assert "U+001B" in finding.message


@pytest.mark.parametrize("ending", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_windows_1252_byte_is_shown_at_its_line_and_character(ending):
    raw = ending.join(["version: 1", "titel: Übergang", "b: Schulförderung", ""]).encode("utf-8")
    raw = raw.replace("förderung".encode(), "förderung".encode("cp1252"))
    (finding,) = load(raw).findings
    assert (finding.code, finding.line, finding.column) == ("KI003", 3, 10)
    assert "Zeile 3, Spalte 10" in finding.message


@pytest.mark.parametrize("ending", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_value_positions_are_right_for_every_line_ending(ending):
    loaded = load(VALID.replace("\n", ending))
    line = line_of(VALID, "federfuehrung: schulamt")
    assert loaded.findings == []
    assert loaded.sourcemap.value_span("schwerpunkte[0].massnahmen[0].federfuehrung") == (line, 24, line, 32)


@pytest.mark.parametrize("ending", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_syntax_error_after_a_comment_is_shown_on_the_line_to_fix_for_every_line_ending(ending):
    lines = [
        "version: 1",
        "kommune:",
        "  name: Stadt X",
        "  typ:kreisfreie_stadt",
        "  # regierungsbezirk: arnsberg",
        "",
        "zentrum:",
        "  name: Y",
        "",
    ]
    (finding,) = load(ending.join(lines)).findings
    assert (finding.code, finding.line, finding.column) == ("KI001", 4, 7)


def test_columns_count_characters_beyond_the_basic_plane():
    loaded = load("titel: 😀😀 Schule\nb: 1\n")
    assert loaded.sourcemap.value_span("titel") == (1, 8, 1, 17)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_yaml_12_line_separators_in_a_comment_are_part_of_the_comment(char):
    loaded = load(f"a: 1 # Kommentar{char}mit: Trenner\nb: 2\n")
    assert loaded.findings == [] and loaded.data == {"a": 1, "b": 2}


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_yaml_12_line_separators_in_a_plain_value_are_kept(char):
    loaded = load(f"a: x{char}y\nb: 2\n")
    assert loaded.findings == [] and loaded.data == {"a": f"x{char}y", "b": 2}


def test_yaml_12_line_separators_do_not_count_as_lines():
    (finding,) = load("# Kommentar\u2028mehr\u2029und mehr\nversion: 1\nversion: 1\n").findings
    assert (finding.code, finding.line) == ("KI002", 3)


def test_yaml_12_line_separator_in_a_key_is_kept():
    assert load("a\u2028b: 1\n").data == {"a\u2028b": 1}


def test_text_report_shows_the_line_of_a_finding_after_a_line_separator(cli, tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("# Kommentar\u2028mehr\nversion: 1\nkommune: x\nkommune: y\n", encoding="utf-8")
    result = cli("validate", "--select", "KI002", str(path))
    assert f"{path}:4:1: KI002" in result.stdout and "4 | kommune: y" in result.stdout


def test_byte_order_mark_inside_the_file_is_named_where_it_stands():
    (finding,) = load("version: 1\n\ufeffkommune: x\n").findings
    assert (finding.code, finding.line, finding.column) == ("KI001", 2, 1)
    assert "U+FEFF" in finding.message
