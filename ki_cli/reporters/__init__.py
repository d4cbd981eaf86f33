"""Reporters turn a ``Report`` into text for a terminal, or JSON for programs."""

from __future__ import annotations

import os


def wants_colour(stream: object) -> bool:
    """Colour only on a terminal, never with ``NO_COLOR`` or a dumb terminal."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
