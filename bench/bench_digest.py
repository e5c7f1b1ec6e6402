"""Benchmark for the digest: what it finds in each article, scored against hand-written digests.

    python -m bench.bench_digest [FILE_OR_FOLDER ...]

With no arguments it runs over samples/ and ../shared/corpus/clinic (skipped with a message when
absent). Each article is scored against tests/expected/<file stem>.json; see
bench/digest_expected.py for the format.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.digest_expected import (
    DEFAULT_SOURCES,
    expected_for,
    load_article,
    run_expected,
    score_digest,
)

__all__ = ["expected_for", "load_article", "main", "score_digest"]


def main(argv: list[str]) -> int:
    run_expected([Path(a) for a in argv] or list(DEFAULT_SOURCES), verbose=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
