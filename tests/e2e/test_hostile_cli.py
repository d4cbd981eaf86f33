"""The command line against hostile surroundings: closed, full or broken standard output, values and
file names that try to drive the terminal or forge log lines, planted and malformed ``ki.toml``.

Everything here runs the real ``ki`` in a subprocess (``python -m ki_cli``), as a shell would.
The hostile inputs are in ``tests/hostile/cli/`` (see its README).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CONCEPTS, ROOT, VALID, replace

HOSTILE = Path(__file__).resolve().parents[1] / "hostile" / "cli"
OLD, NEW = CONCEPTS / "beispielstadt" / "2023-2024.yaml", CONCEPTS / "beispielstadt" / "2025-2026.yaml"
BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")


def _env(lang: str = "de") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KI_", "LC_"))}
    return {**env, "KI_LANG": lang, "NO_COLOR": "1", "LANG": "C.UTF-8", "COLUMNS": "100", "PYTHONPATH": str(ROOT)}


def ki(*args: str, cwd: Path | None = None, lang: str = "de", **kw: object) -> subprocess.CompletedProcess[bytes]:
    """The real ``ki`` in a subprocess; standard error always captured."""
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "ki_cli", *args],
        stderr=subprocess.PIPE,
        cwd=cwd or ROOT,
        env=_env(lang),
        check=False,
        **kw,
    )  # type: ignore[call-overload]


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert "Interner Fehler" not in err and "Internal error" not in err, err
    return err


# --- closed, full and broken standard output ------------------------------------------------------


# Every command that writes to standard output, with what it needs (files from tests/helpers).
def _writers(tmp: Path) -> dict[str, list[str]]:
    concept = tmp / "k.yaml"
    concept.write_text(VALID, encoding="utf-8")
    return {
        "help": ["--help"],
        "help-en": ["--lang", "en", "--help"],
        "help-typer": ["validate", "--help"],
        "version": ["--version"],
        "rules": ["rules"],
        "rules-json": ["rules", "-f", "json"],
        "explain": ["explain", "KI107"],
        "schema": ["schema"],
        "validate-text": ["validate", str(CONCEPTS)],
        "validate-json": ["validate", "-f", "json", str(CONCEPTS)],
        "validate-sarif": ["validate", "-f", "sarif", str(CONCEPTS)],
        "validate-github": ["validate", "-f", "github", str(concept)],
        "validate-typer": ["--debug", "validate", "-f", "json", str(CONCEPTS)],
        "diff-text": ["diff", str(OLD), str(NEW)],
        "diff-json": ["diff", "-f", "json", str(OLD), str(NEW)],
        "diff-md": ["diff", "-f", "md", str(OLD), str(NEW)],
        "init": [
            "init",
            "-",
            "--kommune",
            "Stadt Beispiel",
            "--typ",
            "kreisfreie_stadt",
            "--beginn",
            "01.01.2025",
            "--foerderrichtlinie",
            "2025",
        ],
        "next-period": ["next-period", str(NEW), "-o", "-"],
        "render-md": ["render", "proposal", str(concept)],
    }


WRITERS = [
    "help",
    "help-en",
    "help-typer",
    "version",
    "rules",
    "rules-json",
    "explain",
    "schema",
    "validate-text",
    "validate-json",
    "validate-sarif",
    "validate-github",
    "validate-typer",
    "diff-text",
    "diff-json",
    "diff-md",
    "init",
    "next-period",
    "render-md",
]


CLOSED = {
    "de": "Die Ausgabe kann nicht geschrieben werden: die Standardausgabe ist geschlossen.",
    "en": "The output cannot be written: standard output is closed.",
}
FULL = {
    "de": "Die Ausgabe kann nicht geschrieben werden: kein Speicherplatz mehr frei.",
    "en": "The output cannot be written: no space left on device.",
}


@pytest.fixture
def writers(tmp_path: Path) -> dict[str, list[str]]:
    return _writers(tmp_path)


_SUMMARY = re.compile(r"^\d+ (?:Datei|Dateien|file|files) (?:geprüft|checked)")


def after_findings(err: str) -> list[str]:
    """The lines of ``err`` after the concept's findings (``ki render`` shows them first, issue 15)."""
    lines = err.strip().splitlines()
    ends = [i for i, line in enumerate(lines) if _SUMMARY.match(line)]
    return lines[ends[-1] + 1 :] if ends else lines


posix = pytest.mark.skipif(os.name == "nt", reason="closes descriptors in preexec_fn (POSIX)")


@posix
@pytest.mark.parametrize("name", WRITERS)
def test_closed_stdout_is_one_line_and_exit_2(writers, name):
    result = ki(*writers[name], stdout=None, preexec_fn=lambda: os.close(1))
    err = no_traceback(result)
    assert result.returncode == 2, err
    assert after_findings(err) == [CLOSED["en" if "en" in writers[name] else "de"]]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("name", WRITERS)
def test_full_stdout_is_one_line_and_exit_2(writers, name):
    with open("/dev/full", "wb") as full:
        result = ki(*writers[name], stdout=full)
    err = no_traceback(result)
    assert result.returncode == 2, err
    assert after_findings(err) == [FULL["en" if "en" in writers[name] else "de"]]


def _into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """``args`` writing into a pipe whose reader has already gone: the first write fails (EPIPE)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return ki(*args, stdout=write)
    finally:
        os.close(write)


@pytest.mark.parametrize("name", WRITERS)
def test_reader_gone_is_quiet(writers, name):
    result = _into_closed_pipe(writers[name])
    assert after_findings(no_traceback(result)) == []
    assert result.returncode == 0


def test_reader_gone_keeps_the_exit_code_of_validate(tmp_path):
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github"):
        result = _into_closed_pipe(["validate", "-f", fmt, str(tmp_path / "k.yaml")])
        assert no_traceback(result) == "" and result.returncode == 1, fmt


@pytest.mark.skipif(shutil.which("sh") is None or shutil.which("head") is None, reason="needs sh and head")
@pytest.mark.parametrize(
    "args",
    [
        ["rules"],
        ["validate", "-f", "json", "concepts/"],
        ["diff", str(OLD), str(NEW)],
        ["rules", "-f", "json"],
        ["schema"],
    ],
)
def test_pipe_into_head_one_line(args):
    command = " ".join([sys.executable, "-m", "ki_cli", *args]) + " | head -1"
    result = subprocess.run(["sh", "-c", command], capture_output=True, cwd=ROOT, env=_env(), check=False)
    assert no_traceback(result) == ""
    assert len(result.stdout.splitlines()) == 1


@posix
def test_closed_stdout_does_not_stop_a_command_that_writes_a_file(tmp_path):
    """Nothing written to standard output, nothing to complain about; and the document does not land on
    descriptor 1 (a file opened later would get the lowest free descriptor)."""
    (tmp_path / "k.yaml").write_text(VALID, encoding="utf-8")
    result = ki(
        "render",
        "proposal",
        str(tmp_path / "k.yaml"),
        "-o",
        str(tmp_path / "v.md"),
        stdout=None,
        preexec_fn=lambda: os.close(1),
    )
    no_traceback(result)
    assert result.returncode == 0 and (tmp_path / "v.md").read_text(encoding="utf-8").startswith("#")


@posix
def test_closed_stderr_and_stdin_are_survived(tmp_path):
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")

    def close() -> None:
        os.close(0)
        os.close(2)

    result = subprocess.run(
        [sys.executable, "-m", "ki_cli", "validate", str(tmp_path / "k.yaml")],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=_env(),
        preexec_fn=close,
        check=False,
    )
    assert result.returncode == 1 and b"KI107" in result.stdout


def test_internal_error_is_one_line_and_debug_shows_the_traceback(tmp_path):
    """A bug (here a reporter made to fail) still ends in one line naming it; ``--debug`` adds the traceback."""
    (tmp_path / "k.yaml").write_text(VALID, encoding="utf-8")
    probe = (
        "import sys\nimport ki_cli.output.text as t\n"
        "def boom(*a, **k):\n    raise RuntimeError('kaputt')\n"
        "t.write = boom\nsys.argv = ['ki', *sys.argv[1:]]\nfrom ki_cli.cli.entry import main\nmain()\n"
    )
    for debug in ([], ["--debug"]):
        result = subprocess.run(
            [sys.executable, "-c", probe, *debug, "validate", str(tmp_path / "k.yaml")],
            capture_output=True,
            cwd=ROOT,
            env=_env(),
            check=False,
        )
        err = result.stderr.decode()
        assert result.returncode == 2
        assert err.strip().splitlines()[-1].startswith("Interner Fehler in ki (RuntimeError: kaputt)")
        assert ("Traceback" in err) == bool(debug)


# --- a ki.toml planted in a parent folder (S3) ----------------------------------------------------


@posix
def test_planted_ki_toml_in_a_world_writable_parent_is_not_used(tmp_path):
    """As ``/tmp/ki.toml``: it would switch every check off and swap the council proposal's template."""
    shared = tmp_path / "tmp"
    (shared / "evil").mkdir(parents=True)
    (shared / "evil" / "proposal.md.j2").write_text("PWNED\n", encoding="utf-8")
    (shared / "ki.toml").write_text('[validate]\nignore = ["KI"]\n[render]\ntemplate_dir = "evil"\n', encoding="utf-8")
    os.chmod(shared, 0o1777)
    project = shared / "projekt"
    project.mkdir(mode=0o755)
    os.chmod(project, 0o755)
    (project / "k.yaml").write_text(BROKEN, encoding="utf-8")
    (project / "ok.yaml").write_text(VALID, encoding="utf-8")
    warning = f"{shared / 'ki.toml'} wird nicht verwendet: der Ordner ist für andere beschreibbar"
    try:
        checked = ki("validate", "k.yaml", cwd=project)
        rendered = ki("render", "proposal", "ok.yaml", cwd=project)
    finally:
        os.chmod(shared, 0o755)
    assert checked.returncode == 1 and b"KI107" in checked.stdout
    assert no_traceback(checked).splitlines()[0].startswith(warning)
    assert rendered.returncode == 0 and b"PWNED" not in rendered.stdout and b"Beschluss" in rendered.stdout
    assert no_traceback(rendered).splitlines()[0].startswith(warning)


# --- values and file names that try to drive the terminal or forge log lines ----------------------

VALUES = {
    entry["name"]: entry["value"]
    for entry in __import__("yaml").safe_load((HOSTILE / "values.yaml").read_text(encoding="utf-8"))
}
# What must never reach a terminal or a log from a value: C0 controls but TAB and the line feeds
# between lines of the report, DEL, C1, Unicode line/paragraph separators, bidi controls, surrogates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
FORGED = re.compile(r"^(k\.yaml:1:1:|::notice)", re.MULTILINE)


def _hostile_concept(tmp_path: Path, value: str, name: str = "konzept.yaml") -> Path:
    quoted = json.dumps(value)  # a JSON string is a YAML double-quoted scalar
    path = tmp_path / name
    path.write_text(replace("federfuehrung: schulamt", f"federfuehrung: {quoted}"), encoding="utf-8")
    return path


def _safe_text(out: bytes) -> str:
    text = out.decode("utf-8")  # strictly: the output is UTF-8 whatever the input held
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))
    assert not FORGED.search(text), FORGED.search(text)
    return text


@pytest.mark.parametrize("name", list(VALUES))
def test_value_is_escaped_in_the_text_report(tmp_path, name):
    from ki_cli.output import printable

    result = ki("validate", "--select", "KI107", str(_hostile_concept(tmp_path, VALUES[name])))
    text = _safe_text(result.stdout)
    assert result.returncode == 1 and printable(VALUES[name]) in text
    harmless = ki("validate", "--select", "KI107", str(_hostile_concept(tmp_path, "schulamtt")))
    assert len(text.splitlines()) == len(harmless.stdout.splitlines())  # no line more, none less


@pytest.mark.parametrize("name", list(VALUES))
def test_value_is_escaped_in_the_github_annotations(tmp_path, name):
    result = ki("validate", "-f", "github", "--select", "KI107", str(_hostile_concept(tmp_path, VALUES[name])))
    (line,) = _safe_text(result.stdout).splitlines()
    assert line.startswith("::error file=")


@pytest.mark.parametrize("name", list(VALUES))
def test_value_is_escaped_in_sarif_and_exact_in_json(tmp_path, name):
    from ki_cli.output import printable

    path = _hostile_concept(tmp_path, VALUES[name])
    sarif = ki("validate", "-f", "sarif", "--select", "KI107", str(path))
    (result,) = json.loads(_safe_text(sarif.stdout))["runs"][0]["results"]
    assert printable(VALUES[name]) in result["message"]["text"] and not UNSAFE.search(result["message"]["text"])
    report = ki("validate", "-f", "json", "--select", "KI107", str(path))
    (finding,) = json.loads(_safe_text(report.stdout))["files"][0]["findings"]
    assert VALUES[name] in finding["message"]  # the machine report keeps the data exact, JSON-escaped


def test_raw_control_characters_in_the_source_line_are_escaped_and_the_caret_still_fits(tmp_path):
    from ki_cli.output import printable

    path = tmp_path / "k.yaml"
    source = "        federfuehrung: \x1b[2J\x1b]0;x\x07schulamtt"
    path.write_bytes(VALID.replace("        federfuehrung: schulamt", source, 1).encode())
    text = _safe_text(ki("validate", str(path)).stdout)
    (finding,) = json.loads(ki("validate", "-f", "json", str(path)).stdout)["files"][0]["findings"]
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.endswith(printable(source)))
    margin = lines[row].index(printable(source))
    # the caret stands under the escaped form of the character the finding points at
    assert lines[row + 1].index("^") == margin + len(printable(source[: finding["column"] - 1]))


HOSTILE_NAMES = {
    "newline": "x\nk.yaml:1:1: KI000 info everything fine.yaml",
    "escape": "\x1b]0;pwned\x07\x1b[2J.yaml",
    "u2028": "x\u2028k.yaml:1:1: KI000 info.yaml",
    "not-utf8": os.fsdecode(b"caf\xe9 \xff.yaml"),
}


@pytest.fixture
def hostile_names(tmp_path):
    folder = tmp_path / "konzepte"
    folder.mkdir()
    for name in HOSTILE_NAMES.values():
        try:
            (folder / name).write_text(BROKEN, encoding="utf-8")
        except (OSError, UnicodeEncodeError):  # a file system that refuses the name: nothing to show
            pytest.skip(f"this file system refuses the name {name!r}")
    return folder


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_hostile_file_names_neither_crash_nor_forge(hostile_names, fmt):
    result = ki("validate", "-f", fmt, "konzepte", cwd=hostile_names.parent)
    text = _safe_text(result.stdout)
    assert result.returncode == 1, no_traceback(result)
    if fmt == "text":
        assert "\\nk.yaml:1:1: KI000" in text and "\\e]0;pwned\\x07" in text and "caf\\xe9 \\xff.yaml" in text
    if fmt in ("json", "sarif"):
        json.loads(text)


def test_non_utf8_file_name_is_percent_encoded_in_the_sarif_uri(hostile_names):
    for given in ("konzepte", str(hostile_names)):  # a relative and an absolute path
        result = ki("validate", "-f", "sarif", given, cwd=hostile_names.parent)
        uris = [
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(result.stdout)["runs"][0]["results"]
        ]
        assert any(uri.endswith("konzepte/caf%E9%20%FF.yaml") for uri in uris), uris
        assert any(
            uri.endswith("konzepte/x%0Ak.yaml%3A1%3A1%3A%20KI000%20info%20everything%20fine.yaml") for uri in uris
        ), uris


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["render", "proposal"],
        ["diff", str(NEW)],
        ["next-period"],
        ["render", "proposal", str(NEW), "--template-dir"],
    ],
)
def test_hostile_file_name_in_a_message_on_standard_error(tmp_path, command):
    result = ki(*command, str(tmp_path / "x\x1b[2J\nk.yaml:1:1: KI000 info everything fine"))
    err = no_traceback(result)
    assert result.returncode == 2 and len(err.strip().splitlines()) == 1, err
    assert "x\\e[2J\\nk.yaml:1:1" in err and "\x1b" not in err


def test_hostile_value_and_file_name_in_the_diff_text(tmp_path):
    old = tmp_path / "alt.yaml"
    old.write_text(VALID, encoding="utf-8")
    new = tmp_path / "x\x1b[2J\nk.yaml:1:1: KI000 info.yaml"
    value = json.dumps(VALUES["fake-all-good"] + VALUES["forged-line-lf"])
    new.write_text(replace("titel: Berufsorientierung", f"titel: {value}"), encoding="utf-8")
    for args in (["diff", str(old), str(new)], ["diff", str(new), str(old)]):
        result = ki(*args)
        text = _safe_text(result.stdout)
        assert result.returncode == 0, no_traceback(result)
        assert "x\\e[2J\\nk.yaml" in text and "\\e[32mAlles in Ordnung" in text


def test_printable_shows_each_kind_of_control_character_as_an_escape():
    from ki_cli.output import json_text, printable

    assert printable("a\x1b[2Jb\nc\rd\x01e\x7ff\x85g\u2028h\u202ei\ttab") == (
        "a\\e[2Jb\\nc\\rd\\x01e\\x7ff\\u0085g\\u2028h\\u202ei\ttab"
    )
    assert printable(os.fsdecode(b"caf\xe9.yaml")) == "caf\\xe9.yaml"
    assert printable("Übergang Schule – Beruf „Zitat“ 😀") == "Übergang Schule – Beruf „Zitat“ 😀"
    dumped = json.dumps({"v": "a\u2028b\x85c" + os.fsdecode(b"\xff")}, ensure_ascii=False)
    assert json_text(dumped) == '{"v": "a\\u2028b\\u0085c\\udcff"}'
    assert json.loads(json_text(dumped)) == json.loads(dumped)
