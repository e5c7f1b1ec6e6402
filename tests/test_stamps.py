"""Text stamps: a cached mask blended in gives exactly the pixels a direct draw gives."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops, ImageDraw

from pipeline.brand import resource_dir
from pipeline.render.fonts import load_basic_font, load_font, text_length
from pipeline.render.stamps import stamp_text, text_mask

INTER = resource_dir("fonts") / "Inter-SemiBold.otf"
SERIF = resource_dir("fonts") / "NotoSerif-Regular.ttf"


def canvas() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (600, 200), "#F7F3EE")
    return image, ImageDraw.Draw(image)


@pytest.mark.parametrize("x", [20.0, 33.37, 101.5, 7.999])
@pytest.mark.parametrize("text", ["@viveenergymedicine", "9 / 9", "— from our blog: Knee pain"])
def test_stamped_text_is_pixel_identical(x: float, text: str) -> None:
    font = load_font(INTER, 36)
    direct, draw = canvas()
    draw.text((x, 120), text, font=font, fill="#4F5F5A", anchor="ls")
    stamped, draw = canvas()
    stamp_text(draw, (x, 120), text, font, "#4F5F5A")
    assert ImageChops.difference(direct, stamped).getbbox() is None


def test_a_second_stamp_comes_from_the_cache_and_matches() -> None:
    font = load_font(SERIF, 120)
    text_mask.cache_clear()
    images = []
    for _ in range(2):
        image, draw = canvas()
        stamp_text(draw, (40.25, 150), "“", font, "#A4502A")
        images.append(image)
    assert text_mask.cache_info().hits == 1
    direct, draw = canvas()
    draw.text((40.25, 150), "“", font=font, fill="#A4502A", anchor="ls")
    for image in images:
        assert ImageChops.difference(direct, image).getbbox() is None


def test_letter_spaced_stamp_matches_letter_by_letter_drawing() -> None:
    font, tracking = load_basic_font(INTER, 32), 4.0
    text = "STRENGTHENING EXERCISES"
    direct, draw = canvas()
    x = 12.5
    for char in text:
        draw.text((x, 80), char, font=font, fill="#A4502A", anchor="ls")
        x += text_length(font, char) + tracking
    stamped, draw = canvas()
    advances = tuple(text_length(font, char) + tracking for char in text)
    stamp_text(draw, (12.5, 80), text, font, "#A4502A", advances)
    assert ImageChops.difference(direct, stamped).getbbox() is None
