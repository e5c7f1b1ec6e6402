"""Helpers for the output-folder tests: a real run of a sample, a fixed clock, manifest edits."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.cli import main
from tests.conftest import KNEE

# Tuesday 24 November 2026, noon UTC: every plan in these tests is measured against it.
FIXED_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED_NOW


def run_sample(out: Path, *extra: str, sample: Path = KNEE) -> Path:
    """Run the pipeline on a sample and return its output folder."""
    assert main(["run", str(sample), "-o", str(out), "-q", *extra]) == 0
    (folder,) = [p for p in out.iterdir() if p.is_dir() and (p / "post.json").is_file()]
    return folder


def read_json(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def edit_manifest(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Edit post.json as a person would: load, change, save (with a different indent)."""
    manifest = read_json(folder / "post.json")
    change(manifest)
    (folder / "post.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=4))


def card(manifest: dict[str, Any], file: str) -> dict[str, Any]:
    found = next(c for c in manifest["cards"] if c["file"] == file)
    assert isinstance(found, dict)
    return found


def image(manifest: dict[str, Any], file: str) -> dict[str, Any]:
    found = next(i for i in manifest["images"] if i["file"] == file)
    assert isinstance(found, dict)
    return found
