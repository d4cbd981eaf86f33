"""Message texts of the domain rules KI2xx–KI6xx."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {}
