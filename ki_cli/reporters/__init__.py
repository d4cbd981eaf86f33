"""Reporters turn a ``Report`` into text for a terminal, or JSON for programs."""
