"""Text drawn as coverage masks: every text, and stamps, the masks of short texts that repeat
on every card, rendered once.

`draw_text` draws as `ImageDraw.text(..., anchor="ls")` does, the font's mask blended in with
the colour, but blends through Pillow's paste-with-mask: the same BLEND of each channel (so the
same pixels), about three times faster than ImageDraw's fill-with-mask on an RGB card, whose
inner loop tests the image's mode for every channel of every pixel.

The handle, the counter, the kickers, the call to action and the disclaimer are drawn at the
same place in the same font on card after card, and article after article in a batch. Their
glyphs are rasterised once, at the exact sub-pixel position they are drawn at, into a mask that
is then blended onto each card with the colour. A mask drawn in white on black holds the glyph
coverage exactly, so a stamped text is pixel-identical to one drawn directly.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from pipeline.render.fonts import Font, FontKey, font_key, font_of

if TYPE_CHECKING:
    from PIL._imaging import ImagingCore  # what Pillow's masks are (FreeTypeFont.getmask2)

PAD = 2  # px around the text's box: the sub-pixel start may move ink by up to a pixel


def draw_text(image: Image.Image, xy: tuple[float, int], text: str, font: Font, fill: str) -> None:
    """Draw text with its baseline at xy: the pixels of `ImageDraw.text(xy, text, fill, font,
    anchor="ls")` on the same card."""
    x, baseline = xy
    if image.mode != "RGB":
        ImageDraw.Draw(image).text(xy, text, fill=fill, font=font, anchor="ls")
        return
    mask, (left, top) = font.getmask2(text, "L", anchor="ls", start=(math.modf(x)[0], 0))
    paint(image, (int(x) + left, baseline + top), mask, fill)


def paint(image: Image.Image, xy: tuple[int, int], mask: ImagingCore, fill: str) -> None:
    """Blend the colour into an RGB image through a coverage mask (an "L" image's core), its top
    left at xy; what falls outside the image is left out, as ImageDraw does."""
    x, y = xy
    width, height = mask.size
    solid = Image.new("RGB", (width, height), fill)
    image.im.paste(solid.im, (x, y, x + width, y + height), mask)


def stamp_text(
    image: Image.Image,
    xy: tuple[float, int],
    text: str,
    font: Font,
    fill: str,
    advances: tuple[float, ...] = (),
) -> None:
    """Draw text with its baseline at xy, as `draw.text(..., anchor="ls")` would.

    With `advances`, each character is placed on its own, the next one that far to the right
    (letter-spaced text); the positions are the ones a character-by-character draw would use.
    """
    x, baseline = xy
    mask, left, top = text_mask(font_key(font), text, x, advances)
    if mask is None:
        return
    if image.mode == "RGB":
        paint(image, (left, baseline + top), mask.im, fill)
    else:
        ImageDraw.Draw(image).bitmap((left, baseline + top), mask, fill)


@lru_cache(maxsize=128)  # masks are images: the handles, counters and calls to action in use
def text_mask(
    key: FontKey, text: str, x: float, advances: tuple[float, ...]
) -> tuple[Image.Image | None, int, int]:
    """The text's coverage, cropped to its ink, and where its top left goes (x, y - baseline).

    The mask is drawn at the true x (not shifted to 0), so every glyph starts at the very same
    fraction of a pixel as on the card; only whole pixels are cropped away. Keyed by the font's
    key, not the font, so that a stamp does not keep a closed font alive.
    """
    font = font_of(key)
    _, top, right, bottom = font.getbbox(text, anchor="ls")
    width = math.ceil(x + right + sum(advances)) + PAD
    baseline = PAD - math.floor(top)
    canvas = Image.new("L", (max(1, width), baseline + math.ceil(bottom) + PAD), 0)
    draw = ImageDraw.Draw(canvas)
    if advances:
        for char, advance in zip(text, advances, strict=True):
            draw.text((x, baseline), char, font=font, fill=255, anchor="ls")
            x += advance
    else:
        draw.text((x, baseline), text, font=font, fill=255, anchor="ls")
    ink = canvas.getbbox()
    if ink is None:
        return None, 0, 0
    return canvas.crop(ink), ink[0], ink[1] - baseline
