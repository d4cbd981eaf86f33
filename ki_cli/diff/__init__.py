"""Period comparison: two concepts matched by id → ``ChangeSet`` → text, Markdown or JSON.

``compare(old, new)`` is the one core function; ``document_section(changes)`` is what
``ki render … --previous`` puts into a document; ``ki_cli.diff.command`` runs ``ki diff``.
"""

from __future__ import annotations

from ki_cli.diff.changes import Change, ChangeSet, compare
from ki_cli.diff.views import Abschnitt, document_section

__all__ = ["Abschnitt", "Change", "ChangeSet", "compare", "document_section"]
