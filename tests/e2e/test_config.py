"""``ki.toml``: found upward to the project root, never from a folder others can write, named on
standard error when read; options win; a broken file exits 2 naming file and line."""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, VALID, replace

BROKEN = replace("federfuehrung: schulamt", "federfuehrung: schulamtt")
WARN = VALID  # its only warning of interest here: KI501 (no migrant organisation)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project (its root marked by ``.git``, so that no ki.toml above the test's folder counts)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "w.yaml").write_text(WARN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    return tmp_path


def findings(result):
    return [f["code"] for file in json.loads(result.stdout)["files"] for f in file["findings"]]


def test_config_is_found_in_a_parent_folder(cli, project):
    (project / "ki.toml").write_text('[validate]\nselect = ["KI107"]\n', encoding="utf-8")
    result = cli("validate", "--format", "json", str(project / "k.yaml"))
    assert findings(result) == ["KI107"]


def test_command_line_select_wins_over_the_file(cli, project):
    (project / "ki.toml").write_text('[validate]\nselect = ["KI107"]\n', encoding="utf-8")
    result = cli("validate", "--format", "json", "--select", "KI501", str(project / "w.yaml"))
    assert findings(result) == ["KI501"]


def test_ignore_in_the_file(cli, project):
    (project / "ki.toml").write_text(
        '[validate]\nignore = ["KI1", "KI2", "KI3", "KI4", "KI5", "KI6"]\n', encoding="utf-8"
    )
    assert cli("validate", str(project / "k.yaml")).exit_code == 0


def test_strict_in_the_file(cli, project):
    (project / "ki.toml").write_text('[validate]\nstrict = true\nselect = ["KI501"]\n', encoding="utf-8")
    assert cli("validate", str(project / "w.yaml")).exit_code == 1


def test_severity_override(cli, project):
    (project / "ki.toml").write_text(
        '[validate]\nselect = ["KI501"]\n[validate.severity]\nKI501 = "error"\n', encoding="utf-8"
    )
    result = cli("validate", "--format", "json", str(project / "w.yaml"))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files"][0]["findings"][0]["severity"] == "error"


def test_lang_in_the_file(cli, project):
    (project / "ki.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "leads nowhere" in cli("validate", str(project / "k.yaml"), env={"KI_LANG": ""}).stdout


def test_broken_toml_exits_2_with_file_and_line(cli, project):
    (project / "ki.toml").write_text('lang = "de"\n[validate\nstrict = true\n', encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"))
    assert result.exit_code == 2
    assert f"{project / 'ki.toml'}:2" in result.stderr


def test_unknown_key_in_toml_exits_2_with_its_line(cli, project):
    (project / "ki.toml").write_text('[validate]\nstrict = true\nselekt = ["KI1"]\n', encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"))
    assert result.exit_code == 2
    assert f"{project / 'ki.toml'}:3" in result.stderr and "selekt" in result.stderr


def test_unknown_code_in_toml_exits_2(cli, project):
    (project / "ki.toml").write_text('[validate.severity]\nKI999 = "error"\n', encoding="utf-8")
    assert cli("validate", str(project / "k.yaml")).exit_code == 2


# --- where a ki.toml may come from (S3: a file planted in a parent folder) ------------------------


def read_line(path) -> str:
    return f"Einstellungen aus ki.toml gelesen: {path}"


def test_the_file_read_is_named_on_standard_error(cli, project):
    (project / "ki.toml").write_text('[validate]\nselect = ["KI107"]\n', encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "de"})
    assert result.stderr.splitlines() == [read_line(project / "ki.toml")]


def test_the_line_follows_the_language_of_the_file(cli, project):
    (project / "ki.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": ""})
    assert result.stderr.splitlines() == [f"Settings read from ki.toml: {project / 'ki.toml'}"]


def test_no_file_no_line(cli, project):
    assert cli("validate", str(project / "k.yaml")).stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["rules"],
        ["explain", "KI107"],
        ["schema"],
        ["validate", "{k}"],
        ["diff", "{w}", "{w}"],
        ["next-period", "{w}", "-o", "-"],
        ["render", "proposal", "{w}", "--allow-errors"],
        [
            "init",
            "-",
            "--kommune",
            "Stadt X",
            "--typ",
            "kreis",
            "--beginn",
            "01.01.2025",
            "--foerderrichtlinie",
            "2025",
        ],
    ],
)
def test_every_command_names_the_file_it_read(cli, project, args):
    (project / "ki.toml").write_text('[validate.severity]\nKI107 = "error"\n', encoding="utf-8")
    args = [a.format(k=project / "k.yaml", w=project / "w.yaml") for a in args]
    result = cli(*args, env={"KI_LANG": "de"})
    assert result.stderr.splitlines().count(read_line(project / "ki.toml")) == 1, result.stderr


def test_the_fast_path_of_validate_names_the_file_too(project):
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    (project / "ki.toml").write_text('[validate]\nselect = ["KI107"]\n', encoding="utf-8")
    env = {**os.environ, "KI_LANG": "de", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "ki_cli", "validate", str(project / "k.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1 and result.stderr.splitlines() == [read_line(project / "ki.toml")]


def test_a_file_above_the_project_root_is_not_used(cli, tmp_path, monkeypatch):
    (tmp_path / "ki.toml").write_text('[validate]\nignore = ["KI"]\n', encoding="utf-8")
    (tmp_path / "projekt" / ".git").mkdir(parents=True)
    (tmp_path / "projekt" / "sub").mkdir()
    (tmp_path / "projekt" / "k.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "projekt" / "sub")
    result = cli("validate", str(tmp_path / "projekt" / "k.yaml"))
    assert result.exit_code == 1 and result.stderr == ""


def test_the_file_at_the_project_root_is_used(cli, tmp_path, monkeypatch):
    (tmp_path / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")  # a worktree's .git is a file
    (tmp_path / "ki.toml").write_text('[validate]\nignore = ["KI"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "k.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    assert cli("validate", str(tmp_path / "k.yaml")).exit_code == 0


posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


@posix_only
@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o773])
def test_a_file_in_a_folder_writable_by_others_is_skipped_and_said_so(cli, project, mode):
    """The planted ``/tmp/ki.toml``: /tmp is writable by everybody (with the sticky bit: 1777)."""
    (project / "ki.toml").write_text('[validate]\nignore = ["KI"]\n[render]\ntemplate_dir = "."\n', encoding="utf-8")
    os.chmod(project, mode)
    try:
        result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "de"})
    finally:
        os.chmod(project, 0o755)
    assert result.exit_code == 1  # the findings are not ignored
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{project / 'ki.toml'} wird nicht verwendet: der Ordner ist für andere beschreibbar")


@posix_only
def test_a_file_writable_by_others_is_skipped_and_said_so(cli, project):
    (project / "ki.toml").write_text('[validate]\nignore = ["KI"]\n', encoding="utf-8")
    os.chmod(project / "ki.toml", 0o666)
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "en"})
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{project / 'ki.toml'} is not used: the file is writable by others")


@posix_only
def test_a_skipped_file_ends_the_search(cli, project):
    """Above a skipped file nothing is looked for: the planted file must not uncover another one."""
    (project / "ki.toml").write_text('[validate]\nignore = ["KI"]\n', encoding="utf-8")
    (project / "sub" / "ki.toml").write_text('lang = "en"\n', encoding="utf-8")
    os.chmod(project / "sub" / "ki.toml", 0o646)
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "de"})
    assert result.exit_code == 1 and "wird nicht verwendet" in result.stderr


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chgrp to another group needs root")
def test_group_writable_is_trusted_only_for_the_owners_private_group(cli, project):
    import grp
    import pwd

    toml = project / "ki.toml"
    toml.write_text('[validate]\nignore = ["KI"]\n', encoding="utf-8")
    os.chmod(toml, 0o664)
    owner = pwd.getpwuid(toml.stat().st_uid)
    private = grp.getgrgid(owner.pw_gid)
    if private.gr_name != owner.pw_name or any(m != owner.pw_name for m in private.gr_mem):
        pytest.skip("the owner has no private group here")
    assert cli("validate", str(project / "k.yaml")).exit_code == 0  # umask 002 with a private group: fine
    shared = next(g for g in grp.getgrall() if g.gr_gid != owner.pw_gid)
    os.chown(toml, -1, shared.gr_gid)
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "en"})
    assert result.exit_code == 1 and "the file is writable by others" in result.stderr


# --- wrong types and hostile files: a clear message with file and line, exit 2 ---------------------

HOSTILE = ROOT / "tests" / "hostile" / "cli" / "toml"


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.toml")))
def test_hostile_toml_is_a_clear_error_with_its_line(cli, project, name):
    text = (HOSTILE / name).read_text(encoding="utf-8")
    line = int(re.match(r"# line: (\d+)", text)[1])
    (project / "ki.toml").write_text(text, encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "de"})
    assert result.exit_code == 2
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"Die Konfigurationsdatei {project / 'ki.toml'}:{line} ist fehlerhaft: "), message
    assert "\x1b" not in message and "Traceback" not in message


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000,
        "a = " + "{b = " * 5000 + "1" + "}" * 5000,
        "[validate]\nselect = " + "[" * 5000 + '"KI1"' + "]" * 5000,
    ],
)
def test_deep_nesting_is_a_clear_error(cli, project, text):
    (project / "ki.toml").write_text(text, encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "en"})
    assert result.exit_code == 2
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"The configuration file {project / 'ki.toml'}") and "nested" in message


def test_a_huge_file_is_refused_without_reading_it_all(cli, project):
    (project / "ki.toml").write_text("# " + "x" * (2 << 20) + "\n", encoding="utf-8")
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "en"})
    assert result.exit_code == 2 and "larger than" in result.stderr


def test_not_utf8_is_a_clear_error(cli, project):
    (project / "ki.toml").write_bytes(b'lang = "d\xe9"\n')
    result = cli("validate", str(project / "k.yaml"), env={"KI_LANG": "de"})
    assert result.exit_code == 2 and "UTF-8" in result.stderr


def test_a_byte_order_mark_is_accepted(cli, project):
    (project / "ki.toml").write_bytes('\ufeff[validate]\nselect = ["KI107"]\n'.encode())
    assert findings(cli("validate", "--format", "json", str(project / "k.yaml"))) == ["KI107"]


def test_a_folder_or_fifo_named_ki_toml_is_not_read(cli, project):
    (project / "sub" / "deeper" / "ki.toml").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(project / "sub" / "ki.toml")
    assert cli("validate", str(project / "k.yaml")).exit_code == 1  # no hang, no error


def test_the_error_follows_the_language_option(cli, project):
    (project / "ki.toml").write_text("lang = 1\n", encoding="utf-8")
    result = cli("validate", "--lang", "en", str(project / "k.yaml"), env={"KI_LANG": "de"})
    assert result.stderr.startswith("The configuration file")


# --- fuzzing: whatever the file holds, a Config or a ConfigError ---------------------------------

_KEYS = st.sampled_from(
    [
        "lang",
        "validate",
        "render",
        "select",
        "ignore",
        "strict",
        "severity",
        "template_dir",
        "KI107",
        "ki3",
        "KI999",
        "x",
        "",
        "a.b",
        "\x1b",
    ]
)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.sampled_from(["de", "en", "error", "warning", "info", "KI107", "KI3", ".", "KI"]),
)


def _toml_key(key: str) -> str:
    return json.dumps(key)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string (a lone surrogate makes it invalid TOML: fine)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=12,
)
_DOCUMENTS = st.dictionaries(_KEYS, _VALUES, max_size=5)


@settings(
    derandomize=True, max_examples=300, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(document=_DOCUMENTS, tables=st.booleans())
def test_any_document_gives_a_config_or_a_config_error(tmp_path_factory, document, tables):
    from ki_cli.config import Config, ConfigError, load

    lines = []
    for key, value in document.items():
        if tables and isinstance(value, dict):
            lines.append(f"[{_toml_key(key)}]")
            lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        else:
            lines.insert(0, f"{_toml_key(key)} = {_toml_value(value)}")
    path = tmp_path_factory.mktemp("fuzz") / "ki.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        assert isinstance(load(path), Config)
    except ConfigError as err:
        assert err.message("de") and err.message("en")


@settings(derandomize=True, max_examples=200, database=None, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(alphabet="[]{}=\"',.\n #abKI17de", max_size=80).map(str.encode))
def test_any_bytes_give_a_config_or_a_config_error(tmp_path_factory, raw):
    from ki_cli.config import Config, ConfigError, load

    path = tmp_path_factory.mktemp("fuzz") / "ki.toml"
    path.write_bytes(raw)
    try:
        assert isinstance(load(path), Config)
    except ConfigError as err:
        assert err.message("de") and err.message("en")
