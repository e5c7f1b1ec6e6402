"""Fonts, opened once per process and size: the committed files through raqm, and text widths."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

EMOJI_STRIKE = 109  # the one bitmap size Noto Color Emoji has
EMOJI_HEIGHT = 0.92  # an emoji's height as a share of the text size

Font = ImageFont.FreeTypeFont


@lru_cache(maxsize=128)
def load_font(path: Path, size: int) -> Font:
    if path.name.startswith("NotoColorEmoji"):
        return ImageFont.truetype(str(path), EMOJI_STRIKE)
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=32)
def load_basic_font(path: Path, size: int) -> Font:
    """Without text shaping: five times faster for the one-letter draws of tracked text."""
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=16384)
def text_length(font: Font, text: str) -> float:
    return float(font.getlength(text))
