"""Languages: which one to speak, and text that exists in both."""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

LANGS = ("de", "en")


class L(NamedTuple):
    """A text in German and English; resolved when a message is rendered."""

    de: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


def resolve(value: object, lang: str) -> object:
    """Pick the language of an ``L``; leave anything else as it is."""
    return value(lang) if isinstance(value, L) else value


def fill(table: Mapping[str, L], key: str, lang: str, params: Mapping[str, object]) -> str:
    """The text ``key`` of ``table`` in ``lang``, its ``{placeholders}`` filled (bilingual values resolved)."""
    values = {name: resolve(value, lang) for name, value in params.items()}
    return table[key](lang).format_map(values)


def supported(value: str | None) -> str | None:
    """The language a ``--lang`` / ``KI_LANG`` value names (``en``, ``en_GB``, ``DE`` …), or None."""
    if value and value.lower()[:2] in LANGS:
        return value.lower()[:2]
    return None


def detect_lang(option: str | None = None, configured: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """The one language decision, for help, usage errors and findings alike (spec: cli.md).

    ``--lang`` wins, then ``KI_LANG``, then ``ki.toml``'s ``lang``, then the system's UI language
    (German → ``de``, any other language → ``en``), and German when nothing names a language
    (``C``, ``POSIX``, unset): the users are German municipal staff. An unsupported value is passed
    over (``--lang`` itself refuses one before this is asked)."""
    env = os.environ if env is None else env
    for candidate in (option, env.get("KI_LANG"), configured):
        lang = supported(candidate)
        if lang:
            return lang
    system = system_language(env)
    if system is None:
        return "de"
    return "de" if system == "de" else "en"


def system_language(env: Mapping[str, str]) -> str | None:
    """The two-letter language the system's user interface is in, or None when it names none.

    Windows shells set no locale variables: there the user's UI language comes from the Windows API.
    Elsewhere the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set decides (as POSIX has
    it); ``C`` and ``POSIX`` (also ``C.UTF-8``) name no language."""
    if sys.platform == "win32" and env is os.environ:
        return _windows_ui_language()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = value.split(".", 1)[0].split("@", 1)[0]
            if code in ("C", "POSIX") or len(code) < 2 or not code[:2].isalpha():
                return None
            return code[:2].lower()
    return None


def _windows_ui_language() -> str | None:
    """The primary language of ``GetUserDefaultUILanguage`` (0x07 German, 0x09 English …)."""
    try:
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    primary = int(langid) & 0x3FF
    return {0x07: "de", 0x09: "en"}.get(primary, "xx" if primary else None)


def quote(value: object, lang: str) -> str:
    """A value in the language's quotation marks: „x“ or “x”."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"„{text}“" if lang == "de" else f"“{text}”"


def closest(value: object, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``value`` (for 'did you mean'), or None."""
    if not isinstance(value, str) or not value:
        return None
    return _closest(value, {c.lower(): c for c in candidates})


def _closest(value: str, lowered: dict[str, str]) -> str | None:
    if value.lower() in lowered:
        return lowered[value.lower()]
    import difflib  # only when a did-you-mean is needed: not on the path of a clean file

    hits = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[hits[0]] if hits else None


class Budget:
    """How many comparisons the did-you-mean of one file may still make (shared by its pools)."""

    __slots__ = ("left",)

    def __init__(self, comparisons: int = 20_000) -> None:
        self.left = comparisons


class Suggestions:
    """Did-you-mean for many values against one pool of candidates, at a bounded cost.

    ``closest`` compares a value with every candidate; thousands of dangling references to
    thousands of ids made that quadratic (a hostile file: minutes). Here each distinct value is
    looked up once, and the comparisons of a whole file come out of one ``Budget``: after it, only
    a candidate that differs in case is still proposed. A real file stays far inside the budget
    (20,000 comparisons: 400 dangling references among 50 partners), so its suggestions are
    exactly those of ``closest``.
    """

    __slots__ = ("_budget", "_cache", "_lowered")

    def __init__(self, candidates: Iterable[str], budget: Budget) -> None:
        self._lowered = {c.lower(): c for c in candidates}
        self._budget = budget
        self._cache: dict[str, L | str] = {}

    def __call__(self, value: object) -> L | str:
        """ " Meinten Sie „x“?" when a close candidate exists, else empty."""
        if not isinstance(value, str) or not value:
            return ""
        if value not in self._cache:
            if value.lower() in self._lowered or self._budget.left >= len(self._lowered):
                if value.lower() not in self._lowered:
                    self._budget.left -= len(self._lowered)
                self._cache[value] = suggest(_closest(value, self._lowered), value)
            else:
                self._cache[value] = ""
        return self._cache[value]


def closest_code(value: str, codes: Iterable[str]) -> str | None:
    """The rule code most like ``value`` (``KI1O2`` → ``KI102``): fewest differing characters."""
    wanted = value.strip().upper().replace("O", "0")
    if not wanted.startswith("KI"):
        wanted = "KI" + wanted
    best: tuple[int, str] | None = None
    for code in codes:
        if len(code) != len(wanted):
            continue
        distance = sum(a != b for a, b in zip(code, wanted, strict=True))
        if distance <= 2 and (best is None or distance < best[0]):
            best = (distance, code)
    return best[1] if best else None


def suggest(hit: str | None, value: object) -> L | str:
    """ " Meinten Sie „x“?" for a found ``hit`` that differs from ``value``."""
    if hit is None or hit == value:
        return ""
    return L(f" Meinten Sie „{hit}“?", f" Did you mean “{hit}”?")


def did_you_mean(value: object, candidates: Iterable[str]) -> L | str:
    """ " Meinten Sie „x“?" when a close candidate exists, else empty."""
    return suggest(closest(value, candidates), value)


def join_words(words: Iterable[str], lang: str, limit: int = 12) -> str:
    """``a, b, c`` (at most ``limit`` shown)."""
    items = list(words)
    shown = ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
    return shown or ("(keine)" if lang == "de" else "(none)")


# --- German formatting: dates 26.09.2024, numbers 1.234,5, money 364.500 €, VZE 5,5 -------------
# The one home of these forms: documents (``render.formatting`` wraps them as Markdown-safe text),
# messages (``rules.base``) and the period comparison all print through here.


def german_date(value: dt.date) -> str:
    """``2024-09-26`` → ``26.09.2024``."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def _grouped(number: float, decimals: int) -> str:
    if isinstance(number, int) and number.bit_length() > 10_000:  # beyond Python's int-to-text limit
        return f"≈ 10^{int(math.log10(abs(number)))}"
    text = f"{number:,.{decimals}f}" if isinstance(number, float) else f"{number:,}"  # 364,500.00
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


EXACT = 1e15  # below this a float holds every cent exactly; above it, digits would be invented


def _scientific(number: float) -> str:
    """A huge float as the digits it really holds: ``1e+308`` → ``1 × 10^308``, never 309 invented digits."""
    mantissa, _, exponent = repr(number).partition("e")
    if not exponent:  # 1e15 ≤ |number| < 1e16 prints without an exponent
        mantissa, exponent = f"{number:.15e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa.replace('.', ',')} × 10^{int(exponent)}"


def _special(number: float) -> str | None:
    """The text of a number that cannot be printed digit by digit (infinite, not a number, huge)."""
    if math.isnan(number):
        return "nicht berechenbar"
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    if abs(number) >= EXACT:
        return _scientific(number)
    return None


def _number(value: Any) -> float:
    """``value`` as a number: ints stay exact (a 30-digit amount keeps its digits), else a float."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return float(value)


def _whole(number: float) -> bool:
    return isinstance(number, int) or number.is_integer()


def german_number(value: Any, decimals: int | None = None) -> str:
    """A number the German way: ``1.234,5``; whole numbers without decimals."""
    number = _number(value)
    if isinstance(number, float) and (special := _special(number)) is not None:
        return special
    if decimals is None:
        decimals = 0 if _whole(number) else 2
        text = _grouped(float(number) if decimals else number, decimals)
        return text.rstrip("0").rstrip(",") if decimals else text
    return _grouped(float(number) if decimals or isinstance(number, float) else number, decimals)


def german_money(value: Any) -> str:
    """``364500`` → ``364.500 €``; cents only where there are some (``1.234,56 €``)."""
    number = _number(value)
    if isinstance(number, float):
        if (special := _special(number)) is not None:
            return special if math.isnan(number) else f"{special}\u00a0€"
        number = round(number, 2)
    decimals = 0 if _whole(number) else 2
    return f"{_grouped(number, decimals)}\u00a0€"


def german_vze(value: Any) -> str:
    """Full-time equivalents: ``5.5`` → ``5,5``, ``1.0`` → ``1,0``, ``0.25`` → ``0,25``."""
    number = float(value)
    if (special := _special(number)) is not None:
        return special
    number = round(number, 3)
    text = f"{number:.3f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return text.replace(".", ",")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def transliterate(text: str) -> str:
    """German letters spelt out in ASCII, as in ids and URLs: ``für`` → ``fuer``, ``Straße`` → ``Strasse``."""
    return text.translate(_UMLAUTS)
