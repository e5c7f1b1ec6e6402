"""Text drawn through masks (draw_text, stamps) gives exactly the pixels ImageDraw.text gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from pipeline.brand import resource_dir
from pipeline.render.fonts import load_basic_font, load_font, text_length
from pipeline.render.stamps import draw_text, stamp_text, text_mask

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
    stamped, _ = canvas()
    stamp_text(stamped, (x, 120), text, font, "#4F5F5A")
    assert ImageChops.difference(direct, stamped).getbbox() is None


def test_a_second_stamp_comes_from_the_cache_and_matches() -> None:
    font = load_font(SERIF, 120)
    text_mask.cache_clear()
    images = []
    for _ in range(2):
        image, _ = canvas()
        stamp_text(image, (40.25, 150), "“", font, "#A4502A")
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
    stamped, _ = canvas()
    advances = tuple(text_length(font, char) + tracking for char in text)
    stamp_text(stamped, (12.5, 80), text, font, "#A4502A", advances)
    assert ImageChops.difference(direct, stamped).getbbox() is None


KOREAN = resource_dir("fonts") / "NanumSquareB.ttf"


@pytest.mark.parametrize(
    ("path", "size", "text"),
    [
        (INTER, 84, "Strengthening the muscles"),  # CFF outlines, kerning through raqm
        (SERIF, 61, "“Rest, then move.”"),  # TrueType hinting
        (KOREAN, 70, "무릎 통증 관리"),
    ],
)
@pytest.mark.parametrize(
    ("x", "y"), [(20.0, 120), (33.37, 121), (7.999, 150), (-40.6, 60), (350.5, 210)]
)
def test_drawn_text_is_pixel_identical_to_imagedraw(
    path: Path, size: int, text: str, x: float, y: int
) -> None:
    """Partly outside the canvas too (left, bottom, right): both clip the same way."""
    font = load_font(path, size)
    direct, draw = canvas()
    draw.text((x, y), text, font=font, fill="#1F3A5F", anchor="ls")
    drawn, _ = canvas()
    draw_text(drawn, (x, y), text, font, "#1F3A5F")
    assert ImageChops.difference(direct, drawn).getbbox() is None
    assert direct.getcolors(1) is None  # something was drawn


@pytest.mark.parametrize("mode", ["RGBA", "L"])
def test_other_image_modes_are_drawn_as_imagedraw_draws_them(mode: str) -> None:
    font = load_font(INTER, 48)
    direct = Image.new(mode, (600, 200), "white")
    ImageDraw.Draw(direct).text((20.5, 120), "Knee pain", fill="black", font=font, anchor="ls")
    drawn = Image.new(mode, (600, 200), "white")
    draw_text(drawn, (20.5, 120), "Knee pain", font, "black")
    stamp_text(drawn, (20.5, 180), "@clinic", font, "black")
    ImageDraw.Draw(direct).text((20.5, 180), "@clinic", fill="black", font=font, anchor="ls")
    assert ImageChops.difference(direct, drawn).getbbox() is None
