"""The article's own photo as a card's background: cropped to the card around its most detailed
region (scaled evenly, never stretched), and veiled in the look's background colour just
enough that every text box not on a solid panel reaches 4.5:1, measured on the pixels behind it.

Used by the photo look's every card and by every look's cover (`uses_photo`). Loading the photo
is load's work (`load/images.py`): render never fetches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from PIL import Image, ImageFilter

from pipeline.colors import MIN_CONTRAST, contrast_ratio, hex_to_rgb
from pipeline.models import Card
from pipeline.render.backgrounds import panel_holds
from pipeline.render.looks import Layout, TextBox

DETAIL_SCALE = 8  # the detail map is measured at 1/8 size: enough to find a face or a hand
VEIL_STEP = 0.05
CENTRE_BIAS = 0.15

Box = tuple[int, int, int, int]
RGB = tuple[int, int, int]


@dataclass(frozen=True, eq=False)  # compared and cached by identity: one photo per article
class Photo:
    image: Image.Image  # RGB or RGBA, upright
    alt: str = ""  # the image's own alt text, added to each alt text it is drawn in
    origin: str = ""  # where it came from


def uses_photo(layout: Layout, card: Card) -> bool:
    """The photo look's cards (an image background) and every look's cover."""
    return layout.background.type == "image" or card.kind == "cover"


def photo_canvas(
    photo: Photo, layout: Layout, texts: list[tuple[Box, RGB]], veil: RGB
) -> Image.Image:
    """The photo cropped to the canvas, veiled (at least the layout's own overlay) until each
    text reaches MIN_CONTRAST on the pixels under its box."""
    crop = cropped(photo, (layout.width, layout.height))
    opacity = veil_opacity(crop, texts, veil, layout.background.overlay_opacity)
    if opacity <= 0:
        return crop.copy()
    return Image.blend(crop, Image.new("RGB", crop.size, veil), opacity)


def text_boxes(
    layout: Layout, boxes: list[TextBox], colors: dict[str, str]
) -> list[tuple[Box, RGB]]:
    """The placed text boxes that sit on the photo itself: not on a panel, not on a tag."""
    found = []
    for box in boxes:
        if box.fill or any(panel_holds(panel, box) for panel in layout.panels):
            continue
        color = box.color if box.color.startswith("#") else colors[box.color]
        found.append(((box.x, box.y, box.x + box.width, box.y + box.height), hex_to_rgb(color)))
    return found


def veil_opacity(crop: Image.Image, texts: list[tuple[Box, RGB]], veil: RGB, least: float) -> float:
    """The smallest opacity (in VEIL_STEP steps, from `least`) at which every text reaches
    MIN_CONTRAST on both the lightest and the darkest pixel under its box."""
    grey = crop.convert("L")
    extremes = [(cast(tuple[int, int], grey.crop(box).getextrema()), color) for box, color in texts]
    veil_grey = round(0.299 * veil[0] + 0.587 * veil[1] + 0.114 * veil[2])
    opacity = least
    while opacity < 1:
        if all(readable(ends, color, veil_grey, opacity) for ends, color in extremes):
            return opacity
        opacity = round(opacity + VEIL_STEP, 2)
    return 1.0


def readable(ends: tuple[int, int], color: RGB, veil: int, opacity: float) -> bool:
    for value in ends:
        under = round(value * (1 - opacity) + veil * opacity)
        if contrast_ratio(color, (under, under, under)) < MIN_CONTRAST:
            return False
    return True


@lru_cache(maxsize=16)
def cropped(photo: Photo, size: tuple[int, int]) -> Image.Image:
    return crop_photo(photo.image.convert("RGB"), size)


def crop_photo(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scaled evenly to cover `size`, then cut to it around the most detailed region."""
    width, height = size
    scale = max(width / image.width, height / image.height)
    scaled_size = (max(width, round(image.width * scale)), max(height, round(image.height * scale)))
    scaled = image.resize(scaled_size, Image.Resampling.LANCZOS)
    left, top = detail_window(scaled, size)
    return scaled.crop((left, top, left + width, top + height))


def detail_window(image: Image.Image, size: tuple[int, int]) -> tuple[int, int]:
    """Where the crop starts: along the axis with room, the window holding the most edges (a
    face, hands, a spine model), the centre when the photo is even."""
    spare_x, spare_y = image.width - size[0], image.height - size[1]
    if spare_x <= 0 and spare_y <= 0:
        return 0, 0
    small = image.convert("L").reduce(DETAIL_SCALE)
    edges = Image.new("L", small.size)  # Pillow's filters leave the border unfiltered: drop it
    inner = (1, 1, small.width - 1, small.height - 1)
    edges.paste(small.filter(ImageFilter.FIND_EDGES).crop(inner), inner[:2])
    across = spare_x >= spare_y
    profile_size = (small.width, 1) if across else (1, small.height)
    profile = list(edges.resize(profile_size, Image.Resampling.BOX).get_flattened_data())
    window = round((size[0] if across else size[1]) / DETAIL_SCALE)
    start = best_start([float(cast(int, v)) for v in profile], window)
    spare = spare_x if across else spare_y
    offset = min(spare, max(0, start * DETAIL_SCALE))
    return (offset, spare_y // 2) if across else (spare_x // 2, offset)


def best_start(profile: list[float], window: int) -> int:
    """The start of the window with the most detail, a window off-centre needing up to
    CENTRE_BIAS more of it to win: an even photo is cut at its centre."""
    starts = range(max(1, len(profile) - window + 1))
    middle = max((len(profile) - window) / 2, 1.0)

    def score(start: int) -> float:
        return sum(profile[start : start + window]) * (
            1 - CENTRE_BIAS * abs(start - middle) / middle
        )

    return max(starts, key=lambda start: (score(start), -abs(start - middle)))
