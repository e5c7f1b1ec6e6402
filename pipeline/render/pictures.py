"""Pictures on a card: colour emoji (drawn once per size) and the brand's logo (scaled once)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw

from pipeline.render.fonts import EMOJI_HEIGHT, EMOJI_STRIKE, load_font
from pipeline.render.layouts import Layout


def paste_emoji(image: Image.Image, text: str, path: Path, size: int, xy: tuple[int, int]) -> float:
    sprite = emoji_sprite(text, path, size)
    x, baseline = xy
    top = baseline + round(size * 0.12) - sprite.height
    image.paste(sprite, (x, top), sprite)
    return float(sprite.width)


@lru_cache(maxsize=64)
def emoji_sprite(text: str, path: Path, size: int) -> Image.Image:
    """Colour emoji drawn at the font's one bitmap size, then scaled to the text size."""
    font = load_font(path, EMOJI_STRIKE)
    width = max(1, round(font.getlength(text)))
    sprite = Image.new("RGBA", (width, 128), (0, 0, 0, 0))
    ImageDraw.Draw(sprite).text((0, 0), text, font=font, embedded_color=True)
    scale = size * EMOJI_HEIGHT / 128
    return sprite.resize(
        (max(1, round(width * scale)), max(1, round(128 * scale))), Image.Resampling.LANCZOS
    )


def paste_logo(image: Image.Image, path: Path, layout: Layout) -> None:
    assert layout.logo is not None
    logo = load_logo(path, layout.logo.height)
    image.paste(logo, (layout.logo.x, layout.logo.y), logo)


@lru_cache(maxsize=4)
def load_logo(path: Path, height: int) -> Image.Image:
    with Image.open(path) as logo:
        rgba = logo.convert("RGBA")
    width = max(1, round(rgba.width * height / rgba.height))
    return rgba.resize((width, height), Image.Resampling.LANCZOS)
