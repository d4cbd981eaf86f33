"""Which files a request may name: concept files inside the served folder, nothing else.

A path from a request is relative, uses ``/``, names a ``*.yaml``/``*.yml`` file that is not hidden
and, with every symbolic link resolved, stays inside the folder. Anything else – ``..``, an absolute
path, a drive letter, a backslash, a NUL, a link pointing out – is ``None``: the API answers 404
and never says whether such a file exists.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

SUFFIXES = (".yaml", ".yml")
MAX_PATH = 1024


def confined(root: Path, relative: str) -> Path | None:
    """The real path of ``relative`` inside ``root`` (which must be resolved), or None.

    The file need not exist (a new file is created there); when it exists it must be a regular file."""
    if not relative or len(relative) > MAX_PATH or "\\" in relative or "\x00" in relative or ":" in relative:
        return None
    pure = PurePosixPath(relative)
    if pure.is_absolute() or relative.startswith("/"):
        return None
    parts = pure.parts
    if not parts or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    if not parts[-1].lower().endswith(SUFFIXES):
        return None
    try:
        real = (root / Path(*parts)).resolve(strict=False)
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name too long
        return None
    if real != root and root not in real.parents:
        return None
    if not real.name.lower().endswith(SUFFIXES):  # a link inside the folder to something else
        return None
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real if real.parent.is_dir() else None
    except (OSError, ValueError):
        return None
    return real if stat.S_ISREG(mode) else None


def listed(root: Path) -> list[str]:
    """Every concept file below ``root`` (resolved) that a request may open, as relative ``/`` paths.

    The order is ``ki validate``'s for a folder (sorted, a folder's files before its subfolders);
    hidden files and folders are left out, links to folders are not followed, links that lead out
    of the folder and files that cannot be read are not listed."""
    from ki_cli.files import concept_files

    names: list[str] = []
    for found in concept_files(root):
        if found.problem is not None:
            continue
        try:
            relative = found.path.relative_to(root).as_posix()
        except ValueError:
            continue
        if confined(root, relative) is not None:
            names.append(relative)
    return names
