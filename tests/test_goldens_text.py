"""Text goldens: for every sample, the digest, captions and alt text that `run` writes.

The expected texts are committed in tests/golden/text/<sample>.json, so that a change to the
story, the captions or the alt text shows as a diff in review. `make goldens` rewrites them (with
the image goldens); read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from tests.conftest import SAMPLE_FILES
from tests.folders import read_json
from tests.imagecompare import GOLDEN_DIR, updating

TEXT_GOLDENS = GOLDEN_DIR / "text"


def written_texts(folder: Path) -> dict[str, Any]:
    """What a person reads in the folder: the digest, every caption and every alt text."""
    manifest = read_json(folder / "post.json")
    return {
        "digest": manifest["digest"],
        "caption": manifest["caption"],
        "captions": manifest["captions"],
        "hashtags": manifest["hashtags"],
        "alt_text": {image["file"]: image["alt_text"] for image in manifest["images"]},
        "health_findings": sorted(
            f"{f['severity']} {f['rule']}" for f in manifest["health_findings"]
        ),
    }


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_texts_match_goldens(sample: Path, tmp_path: Path) -> None:
    assert main(["run", str(sample), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    found = written_texts(folder)
    golden = TEXT_GOLDENS / f"{sample.name}.json"
    if updating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert golden.is_file(), f"no text golden for {sample.name}: run `make goldens`"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for key, value in expected.items():
        assert found[key] == value, f"{sample.name}: {key} differs from {golden} (`make goldens`)"
