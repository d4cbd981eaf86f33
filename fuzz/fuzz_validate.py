"""Coverage-guided fuzzing of the loader and the model with atheris (not run in CI).

    pip install atheris
    python fuzz/fuzz_validate.py -max_total_time=600 -rss_limit_mb=2048 fuzz/corpus

Any exception escaping ``validate_bytes`` is a crash: the loader and the structure checks must
turn every input into findings. Seeds: the example concepts and the YAML test suite.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from ki_cli.check.pipeline import validate_bytes


def test_one_input(data: bytes) -> None:
    report = validate_bytes(data, "fuzz.yaml", "de")
    for finding in report.findings:
        if finding.line < 1 or finding.column < 1:
            raise AssertionError(f"finding without a place: {finding}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
