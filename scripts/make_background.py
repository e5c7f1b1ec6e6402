"""Make the photo template's background: soft, out-of-focus warm light, drawn from code.

Our own work (no photo is downloaded), so it ships with the project under its licence.
Usage: python scripts/make_background.py [templates/cards/backgrounds/warm-bokeh.jpg]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1080, 1920)
SMALL = (270, 480)  # drawn small and blurred, then scaled up: soft and fast
BASE = (104, 78, 58)  # warm umber
TONES = [(214, 170, 104), (236, 214, 172), (190, 116, 76), (140, 160, 120), (244, 196, 120)]
TARGET = Path("templates/cards/backgrounds/warm-bokeh.jpg")


def make_background(seed: int = 7) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", SMALL, BASE)
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(90):  # light patches and bokeh discs of several sizes
        x, y = rng.uniform(-30, SMALL[0] + 30), rng.uniform(-30, SMALL[1] + 30)
        radius = rng.choice([6, 10, 16, 28, 44])
        r, g, b = rng.choice(TONES)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), (r, g, b, rng.randint(40, 140))
        )
    image = image.filter(ImageFilter.GaussianBlur(7)).resize(SIZE, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(SIZE, 10).convert("RGB")
    return Image.blend(image, grain, 0.04)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    make_background().save(target, quality=88)
    print(target)
