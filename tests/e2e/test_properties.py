"""Property-based: whatever text or concept comes in, validate answers with findings, never raises."""

from __future__ import annotations

import random
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ki_cli.check.pipeline import validate_bytes
from tests.helpers import CONCEPTS, VALID

SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)

YAML_ALPHABET = st.sampled_from(
    list(" \n\t-:?[]{},#&*!|>'\"%@`\\0123456789abcxyzäöü.~") + ["\r\n", "---", "...", "- ", ": "]
)
yaml_like = st.lists(YAML_ALPHABET, max_size=200).map("".join)


def _report(raw: bytes):
    report = validate_bytes(raw, "x.yaml", "de")
    for finding in report.findings:
        assert finding.code.startswith("KI") and finding.line >= 1 and finding.column >= 1
        assert finding.severity in ("error", "warning", "info") and finding.message
    return report


@SETTINGS
@given(yaml_like)
def test_yaml_like_text_gives_findings_never_exceptions(text: str):
    _report(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_findings_never_exceptions(raw: bytes):
    _report(raw)


@SETTINGS
@given(yaml_like)
def test_validate_is_deterministic(text: str):
    first = _report(text.encode("utf-8")).findings
    assert _report(text.encode("utf-8")).findings == first


# What gets mutated: the small concept of the tests and every bundled example concept.
BASES: list[dict[str, Any]] = [yaml.safe_load(VALID)] + [
    yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CONCEPTS.glob("**/*.yaml"))
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.just([]),
    st.just({}),
    st.dates().map(str),
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, prefix + (index,))
    return found


def _mutate(data: Any, rng: random.Random, replacement: Any) -> Any:
    import copy

    data = copy.deepcopy(data)
    path = rng.choice(_paths(data))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = rng.choice(["replace", "delete", "shuffle", "swap"])
    if action == "delete":
        del parent[last]
    elif action == "shuffle" and isinstance(parent[last], list):
        rng.shuffle(parent[last])
    elif action == "swap" and isinstance(parent, dict) and len(parent) > 1:
        other = rng.choice([k for k in parent if k != last])
        parent[last], parent[other] = parent[other], parent[last]
    else:
        parent[last] = replacement
    return data


@SETTINGS
@given(st.sampled_from(BASES), st.integers(0, 2**32), SCALARS, st.integers(1, 4))
def test_mutated_concepts_give_findings_never_exceptions(
    base: dict[str, Any], seed: int, replacement: Any, rounds: int
):
    rng = random.Random(seed)
    data = base
    for _ in range(rounds):
        data = _mutate(data, rng, replacement)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _report(text.encode("utf-8"))


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(BASES), st.integers(0, 2**32), SCALARS)
def test_render_of_mutated_concepts_ends_with_an_exit_code(
    cli, tmp_path_factory, base: dict[str, Any], seed: int, replacement: Any
):
    data = _mutate(base, random.Random(seed), replacement)
    path = tmp_path_factory.mktemp("m") / "k.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for extra in ([], ["--allow-errors"]):
        result = cli("render", "proposal", str(path), *extra)
        assert result.exit_code in (0, 1, 2)
