"""The article's own photo as a card's background: cropped to the card around its most detailed
region that no panel hides (scaled evenly, never stretched), and veiled in the look's background
colour only behind the texts not on a solid panel, each just enough to reach 4.5:1, measured on
the pixels behind its lines; the veil fades out around them, the rest of the photo stays clear.

Used by the photo look's every card and by every look's cover (`uses_photo`). Loading the photo
is load's work (`load/images.py`): render never fetches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from pipeline.colors import MIN_CONTRAST, contrast_ratio, hex_to_rgb
from pipeline.models import Card
from pipeline.render.backgrounds import panel_holds
from pipeline.render.layouts import Layout, TextBox

DETAIL_SCALE = 8  # the detail map is measured at 1/8 size: enough to find a face or a hand
VEIL_STEP = 0.05
CENTRE_BIAS = 0.15
VEIL_MARGIN = 72  # px of veil around a text's lines; it fades out across the band's edge
EDGE_SHARE = 0.2  # a text this near a side of the card has its veil run out to that side
FADE_SCALE = 4  # the veil's fade is blurred at a quarter of the card's size

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
    """The photo cropped to the canvas around what the panels leave visible, under the layout's
    own overlay, and veiled behind each text until it reaches MIN_CONTRAST on the pixels under
    its lines (veil_mask)."""
    covered = tuple((p.x, p.y, p.x + p.width, p.y + p.height) for p in layout.panels)
    crop = cropped(photo, (layout.width, layout.height), covered)
    mask = veil_mask(crop, texts, veil, layout.background.overlay_opacity)
    if mask.getextrema()[1] == 0:
        return crop.copy()
    return Image.composite(Image.new("RGB", crop.size, veil), crop, mask)


def veil_mask(
    crop: Image.Image, texts: list[tuple[Box, RGB]], veil: RGB, least: float
) -> Image.Image:
    """How much veil each pixel gets (255 = all veil): `least` everywhere; behind each text a
    band of the opacity it needs (veil_band), fading out across its edge; each text's own lines
    get at least that opacity, whatever the fade."""
    grey = crop.convert("L")
    needs = [(box, veil_opacity(grey, [(box, color)], veil, least)) for box, color in texts]
    needs = sorted(((b, o) for b, o in needs if o > least), key=lambda need: need[1])
    mask = Image.new("L", crop.size, alpha(least))
    if not needs:
        return mask
    small = (crop.width // FADE_SCALE, crop.height // FADE_SCALE)  # a smooth fade: blur small
    soft, hard = Image.new("L", small, 0), Image.new("L", crop.size, 0)
    for box, opacity in needs:  # the stronger drawn last, over the weaker
        band = tuple(v // FADE_SCALE for v in veil_band(box, crop.size))
        ImageDraw.Draw(soft).rectangle(band, alpha(opacity))
        left, top, right, bottom = box
        ImageDraw.Draw(hard).rectangle((left, top, right - 1, bottom - 1), alpha(opacity))
    soft = soft.filter(ImageFilter.GaussianBlur(VEIL_MARGIN / 2 / FADE_SCALE))  # 98 % at lines
    soft = soft.resize(crop.size, Image.Resampling.BILINEAR)
    return ImageChops.lighter(ImageChops.lighter(mask, soft), hard)


def veil_band(box: Box, size: tuple[int, int]) -> Box:
    """The veil behind a text: its lines and VEIL_MARGIN around them, run out past the card's
    edge on a side the text is near (a gradient from the margin rather than a patch)."""
    (left, top, right, bottom), (width, height) = box, size
    left = -VEIL_MARGIN if left < width * EDGE_SHARE else left - VEIL_MARGIN
    right = width + VEIL_MARGIN if right > width * (1 - EDGE_SHARE) else right + VEIL_MARGIN
    top = -VEIL_MARGIN if top < height * EDGE_SHARE / 2 else top - VEIL_MARGIN
    bottom = (
        height + VEIL_MARGIN if bottom > height * (1 - EDGE_SHARE / 2) else bottom + VEIL_MARGIN
    )
    return left, top, right, bottom


def alpha(opacity: float) -> int:
    """An opacity as a mask value, rounded up: the veil is never weaker than measured."""
    return min(255, -int(-opacity * 255 // 1))


def text_boxes(
    layout: Layout, placed: list[tuple[TextBox, Box]], colors: dict[str, str]
) -> list[tuple[Box, RGB]]:
    """Where the texts that sit on the photo itself are drawn (not on a panel, not on a tag),
    each with its colour: `placed` pairs each text box with its lines' extent."""
    found = []
    for box, extent in placed:
        if box.fill or any(panel_holds(panel, box) for panel in layout.panels):
            continue
        color = box.color if box.color.startswith("#") else colors[box.color]
        found.append((extent, hex_to_rgb(color)))
    return found


def veil_opacity(grey: Image.Image, texts: list[tuple[Box, RGB]], veil: RGB, least: float) -> float:
    """The smallest opacity (in VEIL_STEP steps, from `least`) at which every text reaches
    MIN_CONTRAST on both the lightest and the darkest pixel under its box."""
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
def cropped(photo: Photo, size: tuple[int, int], covered: tuple[Box, ...] = ()) -> Image.Image:
    return crop_photo(photo.image.convert("RGB"), size, covered)


def crop_photo(
    image: Image.Image, size: tuple[int, int], covered: tuple[Box, ...] = ()
) -> Image.Image:
    """Scaled evenly to cover `size`, then cut to it around the most detailed region that the
    `covered` boxes (solid panels, in card px) leave in view."""
    width, height = size
    scale = max(width / image.width, height / image.height)
    scaled_size = (max(width, round(image.width * scale)), max(height, round(image.height * scale)))
    scaled = image.resize(scaled_size, Image.Resampling.LANCZOS)
    left, top = detail_window(scaled, size, covered)
    return scaled.crop((left, top, left + width, top + height))


def detail_window(
    image: Image.Image, size: tuple[int, int], covered: tuple[Box, ...] = ()
) -> tuple[int, int]:
    """Where the crop starts: along the axis with room, the window whose visible part (what no
    covered box hides) holds the most edges (a face, hands, a spine model), the centre when the
    photo is even."""
    spare_x, spare_y = image.width - size[0], image.height - size[1]
    if spare_x <= 0 and spare_y <= 0:
        return 0, 0
    small = image.convert("L").reduce(DETAIL_SCALE)
    edges = Image.new("L", small.size)  # Pillow's filters leave the border unfiltered: drop it
    inner = (1, 1, small.width - 1, small.height - 1)
    edges.paste(small.filter(ImageFilter.FIND_EDGES).crop(inner), inner[:2])
    across = spare_x >= spare_y
    if not across:  # slide down the rows: the same sums with the axes swapped
        edges = edges.transpose(Image.Transpose.TRANSPOSE)
        covered = tuple((top, left, bottom, right) for left, top, right, bottom in covered)
    window = round((size[0] if across else size[1]) / DETAIL_SCALE)
    rows = (spare_y if across else spare_x) // 2  # the other axis is cut at its centre
    start = best_start(visible_detail(edges, window, covered, rows))
    spare = spare_x if across else spare_y
    offset = min(spare, max(0, start * DETAIL_SCALE))
    return (offset, spare_y // 2) if across else (spare_x // 2, offset)


def visible_detail(
    edges: Image.Image, window: int, covered: tuple[Box, ...], rows: int
) -> list[float]:
    """For each start of a crop `window` columns wide of the edge map, the edges it shows: all
    of its columns' edges, less those under each covered box (in card px; the crop's first row
    is `rows` px down the scaled photo)."""
    total = column_sums(edges)
    scores = [sum(total[s : s + window]) for s in range(max(1, edges.width - window + 1))]
    for left, top, right, bottom in covered:
        y0 = max(0, (rows + top) // DETAIL_SCALE)
        y1 = min(edges.height, (rows + bottom) // DETAIL_SCALE)
        if y1 <= y0:
            continue
        hidden = column_sums(edges.crop((0, y0, edges.width, y1)))
        x0, x1 = left // DETAIL_SCALE, right // DETAIL_SCALE
        scores = [score - sum(hidden[s + x0 : s + x1]) for s, score in enumerate(scores)]
    return scores


def column_sums(image: Image.Image) -> list[float]:
    profile = image.resize((image.width, 1), Image.Resampling.BOX).get_flattened_data()
    return [float(cast(int, v)) * image.height for v in profile]


def best_start(scores: list[float]) -> int:
    """The start with the most detail, a start off-centre needing up to CENTRE_BIAS more of it
    to win: an even photo is cut at its centre."""
    middle = max((len(scores) - 1) / 2, 1.0)

    def score(start: int) -> float:
        return scores[start] * (1 - CENTRE_BIAS * abs(start - middle) / middle)

    return max(range(len(scores)), key=lambda start: (score(start), -abs(start - middle)))
