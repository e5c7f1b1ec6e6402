"""Shared test fixtures: the bundled samples and, when present, the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
KNEE = SAMPLES / "knee-pain-muscle-imbalance.html"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".html", ".md", ".gz"})


def corpus_dir(name: str) -> Path:
    """A folder of ../shared/corpus, or skip the test with the reason when it is absent."""
    path = CORPUS / name
    if not path.is_dir():
        pytest.skip(
            f"../shared/corpus/{name} is absent (it exists only beside the team's checkout)"
        )
    return path
