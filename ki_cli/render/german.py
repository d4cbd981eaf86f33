"""German noun phrases for names in the documents: the article and case a sentence needs.

``mit dem Schulamt für den Kreis Hohenfeld``, ``mit der Agentur für Arbeit``, ``für das Diakonische
Werk``: the gender comes from the name's head noun (its first word found in a small lexicon, matched
at the end of a compound: *Caritas*\\ **verband**, *DRK-Kreis*\\ **verband**), or from the partner's
``artikel`` (der | die | das, the nominative), which overrides it. Adjectives before the head are
declined (``Diakonisches Werk`` → ``dem Diakonischen Werk``). A name whose gender is not known, or
that starts with an article of its own (``Die Brücke e. V.``), is never given a guessed article: it
follows an apposition that is always right (``dem Partner Die Brücke e. V.``).
"""

from __future__ import annotations

import re
from typing import Literal

Case = Literal["nom", "akk", "dat"]
Genus = Literal["m", "f", "n"]

# Head nouns (and the endings of compounds) → gender; the longest ending that matches wins.
_LEXICON: dict[str, Genus] = {
    # das
    "amt": "n",
    "jobcenter": "n",
    "center": "n",
    "zentrum": "n",
    "büro": "n",
    "werk": "n",
    "forum": "n",
    "netzwerk": "n",
    "bündnis": "n",
    "institut": "n",
    "haus": "n",
    "referat": "n",
    "dezernat": "n",
    "team": "n",
    "komitee": "n",
    "projekt": "n",
    "kolleg": "n",
    "gymnasium": "n",
    "ministerium": "n",
    # die
    "agentur": "f",
    "stadt": "f",
    "gemeinde": "f",
    "diakonie": "f",
    "caritas": "f",
    "städteregion": "f",
    "region": "f",
    "hilfe": "f",
    "schule": "f",
    "hochschule": "f",
    "universität": "f",
    "kammer": "f",
    "behörde": "f",
    "verwaltung": "f",
    "regierung": "f",
    "stiftung": "f",
    "gesellschaft": "f",
    "schaft": "f",
    "initiative": "f",
    "akademie": "f",
    "einrichtung": "f",
    "stelle": "f",
    "kirche": "f",
    "moschee": "f",
    "gemeinschaft": "f",
    "union": "f",
    "vereinigung": "f",
    "organisation": "f",
    "arbeiterwohlfahrt": "f",
    "kita": "f",
    "kindertagesstätte": "f",
    "volkshochschule": "f",
    "bibliothek": "f",
    "polizei": "f",
    # der
    "verband": "m",
    "verein": "m",
    "kreis": "m",
    "bund": "m",
    "verbund": "m",
    "dienst": "m",
    "rat": "m",
    "beirat": "m",
    "träger": "m",
    "ausschuss": "m",
    "bereich": "m",
    "fachbereich": "m",
    "treff": "m",
    "landschaftsverband": "m",
}
_ENDINGS = sorted(_LEXICON, key=len, reverse=True)
# Endings that also end place names (Darmstadt, Eisenstadt): only the whole word counts.
_WHOLE_WORD_ONLY = frozenset({"stadt", "region", "kita"})

# Words after which the name's head can no longer come (``Amt für …``, ``Jugendamt des Kreises …``).
_CONNECTORS = frozenset(
    "für des der den dem die im in am an zu zur zum von vom mit und bei aus e. e.v. ev e.V. gGmbH GmbH".split()
)
_ARTICLES = {"der": "m", "die": "f", "das": "n"}
_ARTICLE: dict[tuple[Genus, Case], str] = {
    ("m", "nom"): "der",
    ("f", "nom"): "die",
    ("n", "nom"): "das",
    ("m", "akk"): "den",
    ("f", "akk"): "die",
    ("n", "akk"): "das",
    ("m", "dat"): "dem",
    ("f", "dat"): "der",
    ("n", "dat"): "dem",
}
_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüß-]*[a-zäöüß](?:e|es|er|en)$")
_FALLBACK = {"nom": "der Partner", "akk": "den Partner", "dat": "dem Partner"}


def _genus_of_word(word: str) -> Genus | None:
    lower = word.lower().strip(",;()")
    for ending in _ENDINGS:
        if lower.endswith(ending) and (lower == ending or ending not in _WHOLE_WORD_ONLY):
            return _LEXICON[ending]
    return None


def _head(words: list[str]) -> tuple[int, Genus] | None:
    """The index and gender of the head noun among the words before the first connector."""
    for index, word in enumerate(words):
        if index and word in _CONNECTORS and not (word == "und" and words[index - 1].endswith("-")):
            return None
        genus = _genus_of_word(word)
        if genus is not None and not word.isupper():
            return index, genus
    return None


def _declined(adjective: str, genus: Genus, case: Case) -> str:
    """A weak adjective after the definite article: ``Diakonisches`` → ``Diakonische`` / ``Diakonischen``."""
    stem = re.sub(r"(?:es|er|en|e)$", "", adjective)
    weak_e = case == "nom" or (case == "akk" and genus != "m")
    return stem + ("e" if weak_e else "en")


def genus(name: str, artikel: str | None = None) -> Genus | None:
    """The gender of ``name``: from ``artikel`` (der | die | das) if given, else from its head noun."""
    if artikel in _ARTICLES:
        return _ARTICLES[artikel]  # type: ignore[return-value]
    words = name.split()
    if not words or words[0].lower() in _ARTICLES:
        return None
    found = _head(words)
    return found[1] if found else None


def phrase(name: str, case: Case, artikel: str | None = None) -> str:
    """``name`` with the definite article in ``case`` (nominative, accusative, dative), adjectives before
    its head declined; an apposition after ``der Partner`` where the gender is not known."""
    words = " ".join(name.split()).split(" ")
    name = " ".join(words)
    if not name:
        return name
    starts_with_article = words[0].lower() in _ARTICLES
    found = None if starts_with_article else _head(words)
    gender: Genus | None = found[1] if found else None
    if artikel in _ARTICLES and not starts_with_article:
        gender = _ARTICLES[artikel]  # type: ignore[assignment]
    if gender is None:
        return f"{_FALLBACK[case]} {name}"
    head = found[0] if found else 0
    declined = [
        _declined(word, gender, case) if index < head and _ADJECTIVE.match(word) else word
        for index, word in enumerate(words)
    ]
    return f"{_ARTICLE[gender, case]} {' '.join(declined)}"


def nominativ(name: str, artikel: str | None = None) -> str:
    return phrase(name, "nom", artikel)


def akkusativ(name: str, artikel: str | None = None) -> str:
    return phrase(name, "akk", artikel)


def dativ(name: str, artikel: str | None = None) -> str:
    return phrase(name, "dat", artikel)


def capitalised(text: str) -> str:
    """The first letter upper case, for a phrase at the start of a sentence (``Das Kommunale …``)."""
    return text[:1].upper() + text[1:]
