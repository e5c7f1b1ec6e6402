"""Make the photo template's background: a soft, out-of-focus daylight scene, drawn from code.

Window light from the upper left on a warm wall, out-of-focus foliage in sage and olive, a few
specular highlights as bokeh discs, a gentle vignette and film grain: it reads as a photo taken
with a shallow depth of field. Our own work (no photo is downloaded), so it ships with the
project under its licence.
Usage: python scripts/make_background.py [templates/cards/backgrounds/soft-daylight.jpg]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SIZE = (1080, 1920)
SMALL = (270, 480)  # drawn small and blurred, then scaled up: soft and fast
WALL_LIGHT = (250, 242, 228)  # sunlit plaster
WALL_SHADE = (214, 196, 168)
LEAVES = [(122, 146, 104), (92, 118, 84), (150, 166, 118), (74, 96, 70), (168, 176, 132)]
HIGHLIGHTS = [(255, 248, 232), (255, 238, 206), (242, 250, 236)]
TARGET = Path("templates/cards/backgrounds/soft-daylight.jpg")


def daylight_wall() -> Image.Image:
    """A diagonal fall-off from the light source in the upper left."""
    ramp = Image.linear_gradient("L").resize(SMALL).rotate(-25, expand=False, fillcolor=255)
    light = Image.new("RGB", SMALL, WALL_LIGHT)
    shade = Image.new("RGB", SMALL, WALL_SHADE)
    return Image.composite(shade, light, ramp.filter(ImageFilter.GaussianBlur(30)))


def draw_foliage(image: Image.Image, rng: random.Random) -> Image.Image:
    """Clusters of leaf shapes coming in from the right edge and the bottom, well out of focus."""
    layer = Image.new("RGBA", SMALL, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for cx, cy, spread, count in ((250, 120, 70, 60), (40, 430, 90, 70), (230, 380, 60, 40)):
        for _ in range(count):
            x, y = rng.gauss(cx, spread), rng.gauss(cy, spread)
            w, h = rng.uniform(10, 34), rng.uniform(5, 14)
            leaf = (x - w, y - h, x + w, y + h)
            draw.ellipse(leaf, (*rng.choice(LEAVES), rng.randint(150, 235)))
    layer = layer.filter(ImageFilter.GaussianBlur(9))
    image.paste(layer, (0, 0), layer)
    return image


def draw_highlights(image: Image.Image, rng: random.Random) -> Image.Image:
    """Sun catching the leaves: soft discs, brighter at the rim like real bokeh."""
    layer = Image.new("RGBA", SMALL, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(26):
        x, y = rng.uniform(120, 290), rng.uniform(-20, 480)
        if rng.random() < 0.5:
            x = rng.uniform(-20, 120)
            y = rng.uniform(300, 500)
        r = rng.choice([5, 7, 9, 12])
        color = rng.choice(HIGHLIGHTS)
        draw.ellipse((x - r, y - r, x + r, y + r), (*color, rng.randint(60, 130)))
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(*color, 60), width=1)
    layer = layer.filter(ImageFilter.GaussianBlur(1.6))
    image.paste(layer, (0, 0), layer)
    return image


def vignette(image: Image.Image) -> Image.Image:
    mask = Image.radial_gradient("L").resize(SMALL).filter(ImageFilter.GaussianBlur(20))
    dark = ImageChops.multiply(image, Image.new("RGB", SMALL, (200, 192, 180)))
    return Image.composite(dark, image, mask.point(lambda v: max(0, v - 120) * 2))


def make_background(seed: int = 11) -> Image.Image:
    rng = random.Random(seed)
    image = daylight_wall()
    image = draw_foliage(image, rng)
    image = draw_highlights(image, rng)
    image = vignette(image).filter(ImageFilter.GaussianBlur(1.2))
    image = image.resize(SIZE, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(SIZE, 18).convert("RGB")
    return Image.blend(image, grain, 0.035)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    make_background().save(target, quality=88)
    print(target)
