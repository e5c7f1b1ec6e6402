"""Fonts, opened once per process and size: the committed files through raqm, and text widths.

A FreeType face costs a few hundred KB once it has drawn (CFF fonts most), and a batch meets a
new size on almost every article, so only the last FONT_CACHE faces stay open. The caches of
what was measured or drawn with a font are keyed by its `FontKey` (file, size, layout engine),
never by the font object, so that they do not keep closed faces alive: a long batch then runs
in flat memory.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

EMOJI_STRIKE = 109  # the one bitmap size Noto Color Emoji has
EMOJI_HEIGHT = 0.92  # an emoji's height as a share of the text size
FONT_CACHE = 48  # faces kept open: a batch's recurring sizes (kickers, handles, counters)

Font = ImageFont.FreeTypeFont
FontKey = tuple[str, int, int]  # file, size, layout engine


@lru_cache(maxsize=FONT_CACHE)
def load_font(path: Path, size: int) -> Font:
    if path.name.startswith("NotoColorEmoji"):
        return ImageFont.truetype(str(path), EMOJI_STRIKE)
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=8)
def load_basic_font(path: Path, size: int) -> Font:
    """Without text shaping: five times faster for the one-letter draws of tracked text."""
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def font_key(font: Font) -> FontKey:
    return (str(font.path), int(font.size), int(font.layout_engine))


def font_of(key: FontKey) -> Font:
    """The font a key names, from the font caches (opened again if it was closed since)."""
    path, size, engine = key
    if engine == ImageFont.Layout.BASIC:
        return load_basic_font(Path(path), size)
    return load_font(Path(path), size)


def text_length(font: Font, text: str) -> float:
    return key_length(font_key(font), text)


# A card's lines and its words at REF_SIZE (measure_ref keeps the words for longer): some 50
# articles' worth, so that a batch worker's caches are full after 50 articles, not 150.
@lru_cache(maxsize=4096)
def key_length(key: FontKey, text: str) -> float:
    return float(font_of(key).getlength(text))
