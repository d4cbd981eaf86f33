"""The large hostile inputs of the loader, generated (they are not committed).

Each function returns the bytes of one file; ``CASES`` names those the tests run. ``python -m
tests.hostile.loader.generate FOLDER`` writes them all into FOLDER (for measuring by hand).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

LIMIT = 16 * 1024 * 1024 - 1024  # just below the loader's size limit (16 MiB)


def alias_keys() -> bytes:
    """S4: 20,000 keys that are aliases of a structure of 7,381 values (was 2.7 GB and 1.9 GB of output)."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 4)]
    return ("\n".join(lines) + "\nm:\n" + "  ? *a3\n  : n\n" * 20_000).encode()


def flow_list() -> bytes:
    """S9: 16 MB of ``[1,1,1,…]`` (was 4.46 GB)."""
    return b"a: [" + b"1," * ((LIMIT - 8) // 2) + b"1]\n"


def duplicate_keys() -> bytes:
    """S9: 14 MB of one duplicate key (was 2.2 GB, 186 s and 1.3 GB of JSON)."""
    return b"a: 1\n" * (14 * 1024 * 1024 // 5)


def block_list() -> bytes:
    """16 MB of ``- 1`` lines."""
    return b"a:\n" + b"- 1\n" * ((LIMIT - 4) // 4)


def distinct_keys() -> bytes:
    """13 MB of distinct top-level keys."""
    return b"".join(b"k%d: 1\n" % i for i in range(1_200_000))


def long_key_with_values() -> bytes:
    """A 4 MB key (explicit ``?``) over 6 MB of values: every path below would carry the key."""
    return b"? " + b"k" * (4 * 1024 * 1024) + b"\n: [" + b"1," * (3 * 1024 * 1024) + b"1]\n"


def long_keys_nested() -> bytes:
    """60 nested keys of 256 characters (the longest allowed) over 16 MB of values: paths of 15,000 characters."""
    head = b"".join(b"  " * level + bytes([97 + level % 26]) * 256 + b":\n" for level in range(60))
    return head + b"  " * 60 + b"- [" + b"1," * ((LIMIT - len(head) - 200) // 2) + b"1]\n"


def thousands() -> bytes:
    """16 MB of numbers with a thousands dot: a million KI006 errors."""
    return b"a:\n" + b"- 1.000\n" * (LIMIT // 8 - 1)


def tags() -> bytes:
    """16 MB of refused tags: two million KI004 errors."""
    return b"a:\n" + b"- !x a\n" * (LIMIT // 7 - 1)


def complex_keys() -> bytes:
    """16 MB of complex keys ``? []``."""
    return b"a: {" + b"? [], " * (LIMIT // 6 - 1) + b"}\n"


def aliases() -> bytes:
    """16 MB of aliases of one text: stopped by the alias limit."""
    return b"x: &x Text\na: [" + b"*x," * (LIMIT // 3 - 10) + b"*x]\n"


def empty_sections() -> bytes:
    """``schwerpunkte: [{}, {}, …]``, 600 KB: each empty entry misses five fields (1,5 million errors of the
    structure check, 1,47 GB, before a mapping cost the loader's budget what its errors may cost)."""
    return b"schwerpunkte: [" + b"{}," * 300_000 + b"{}]\n"


def wrong_items() -> bytes:
    """``personal: [1, 1, …]``: every item of the wrong type, within the loader's budget."""
    return b"personal: [" + b"1," * 400_000 + b"1]\n"


ALL: dict[str, Callable[[], bytes]] = {
    name: function
    for name, function in globals().items()
    if callable(function) and getattr(function, "__module__", None) == __name__ and name != "main"
}
MEASURED_ONLY = ("block_list", "distinct_keys", "complex_keys")
"""Variants of ``flow_list`` and ``tags`` (the same budget and cap): measured by hand, not run by the tests."""
CASES = {name: make for name, make in ALL.items() if name not in MEASURED_ONLY}


def main(argv: list[str]) -> None:
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in ALL.items():
        (folder / f"{name}.yaml").write_bytes(make())


if __name__ == "__main__":
    main(sys.argv[1:])
