"""Compare a rendered image with a committed golden within a tolerance (as Pillow's Tests/helper).

Size and mode must match exactly; the mean absolute pixel difference (0-255, all channels) must
stay under epsilon. On failure both images and their difference are saved beside the test's
tmp folder and the message names them. Set UPDATE_GOLDENS=1 (`make goldens`) to rewrite goldens.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
# Mean |difference| per channel in 0-255, measured on a point card when the goldens were made:
# re-encoding at JPEG quality 85 or 95 instead of 90 (a stand-in for another libjpeg or FreeType
# build) moves it by 0.34-0.36; one word changed, so the text reflows, moves it by 11. So 1.0
# catches reflowed lines, a changed type size, colour, background or a lost glyph, and no codec
# noise. It does NOT catch a changed digit in the footer (0.01): texts are asserted for that.
EPSILON = 1.0


def updating() -> bool:
    return os.environ.get("UPDATE_GOLDENS") == "1"


def mean_difference(first: Image.Image, second: Image.Image) -> float:
    diff = ImageChops.difference(first, second)
    return sum(ImageStat.Stat(diff).mean) / len(diff.getbands())


def assert_matches_golden(jpeg: bytes, name: str, failures: Path, epsilon: float = EPSILON) -> None:
    golden_path = GOLDEN_DIR / name
    if updating():
        golden_path.parent.mkdir(parents=True, exist_ok=True)
        golden_path.write_bytes(jpeg)
        return
    assert golden_path.is_file(), f"no golden {golden_path}: run `make goldens`"
    with Image.open(io.BytesIO(jpeg)) as rendered, Image.open(golden_path) as golden:
        actual, expected = rendered.copy(), golden.copy()
    assert actual.size == expected.size, f"{name}: size {actual.size} != golden {expected.size}"
    assert actual.mode == expected.mode, f"{name}: mode {actual.mode} != golden {expected.mode}"
    difference = mean_difference(actual, expected)
    if difference > epsilon:
        failures.mkdir(parents=True, exist_ok=True)
        stem = name.replace("/", "-").rsplit(".", 1)[0]
        actual.save(failures / f"{stem}.actual.png")
        expected.save(failures / f"{stem}.golden.png")
        ImageChops.difference(actual, expected).save(failures / f"{stem}.diff.png")
        raise AssertionError(
            f"{name}: mean pixel difference {difference:.3f} > {epsilon}; saved actual, golden"
            f" and diff in {failures}"
        )
