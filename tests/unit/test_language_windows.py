"""The one language decision on Windows: the UI language comes from the Windows API (simulated here:
the API is the operating system's boundary), German when nothing names a language."""

from __future__ import annotations

import ctypes
import os
import sys
import types

import pytest

from ki_cli.text import detect_lang


def _windows(monkeypatch, langid: int | None) -> None:
    """Pretend to run on Windows whose GetUserDefaultUILanguage answers ``langid`` (None: no API)."""
    monkeypatch.setattr(sys, "platform", "win32")
    if langid is None:
        monkeypatch.delattr(ctypes, "windll", raising=False)
        return
    kernel32 = types.SimpleNamespace(GetUserDefaultUILanguage=lambda: langid)
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)


@pytest.fixture
def no_locale(monkeypatch):
    for var in ("KI_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)


def test_german_windows_ui_gives_german(monkeypatch, no_locale):
    _windows(monkeypatch, 0x0407)  # de-DE
    assert detect_lang(env=os.environ) == "de"


def test_austrian_german_windows_ui_gives_german(monkeypatch, no_locale):
    _windows(monkeypatch, 0x0C07)  # de-AT: the primary language decides
    assert detect_lang(env=os.environ) == "de"


def test_english_windows_ui_gives_english(monkeypatch, no_locale):
    _windows(monkeypatch, 0x0409)  # en-US
    assert detect_lang(env=os.environ) == "en"


def test_other_windows_ui_language_gives_english(monkeypatch, no_locale):
    _windows(monkeypatch, 0x041F)  # tr-TR: a language ki has no texts in
    assert detect_lang(env=os.environ) == "en"


def test_windows_without_the_api_gives_german(monkeypatch, no_locale):
    _windows(monkeypatch, None)
    assert detect_lang(env=os.environ) == "de"


def test_ki_lang_wins_over_the_windows_ui_language(monkeypatch, no_locale):
    _windows(monkeypatch, 0x0407)
    monkeypatch.setenv("KI_LANG", "en")
    assert detect_lang(env=os.environ) == "en"


def test_locale_variables_do_not_override_the_windows_ui_language(monkeypatch, no_locale):
    _windows(monkeypatch, 0x0407)
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # e.g. set by Git Bash; the UI language is the user's choice
    assert detect_lang(env=os.environ) == "de"


def test_no_locale_at_all_gives_german_elsewhere(monkeypatch, no_locale):
    monkeypatch.setattr(sys, "platform", "linux")
    assert detect_lang(env=os.environ) == "de"


def test_c_locale_gives_german(monkeypatch, no_locale):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert detect_lang(env=os.environ) == "de"
