"""Card backgrounds: solid, gradient, or an image under a colour overlay; cached per look.

Also the contrast check of a template's text colours against what lies under each text box.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import cast

from PIL import Image

from pipeline.brand import Brand
from pipeline.colors import MIN_CONTRAST, contrast_ratio, hex_to_rgb
from pipeline.models import ConfigError
from pipeline.render.layouts import Background, Layout, Panel, Template, TextBox

Palette = tuple[tuple[str, str], ...]


def make_background(layout: Layout, colors: dict[str, str]) -> Image.Image:
    """The layout's background at its canvas size; callers copy it before drawing."""
    return cached_background(layout.background, layout.width, layout.height, freeze(colors))


def new_canvas(layout: Layout, colors: dict[str, str]) -> Image.Image:
    """A fresh image to draw on: a plain fill is cheaper than copying a cached solid canvas."""
    bg = layout.background
    if bg.type == "solid":
        return Image.new("RGB", (layout.width, layout.height), resolve(bg.color, freeze(colors)))
    return make_background(layout, colors).copy()


def freeze(colors: dict[str, str]) -> Palette:
    return tuple(sorted(colors.items()))


def resolve(color: str, palette: Palette) -> tuple[int, int, int]:
    return hex_to_rgb(color if color.startswith("#") else dict(palette)[color])


@lru_cache(maxsize=32)
def cached_background(bg: Background, width: int, height: int, palette: Palette) -> Image.Image:
    base = resolve(bg.color, palette)
    if bg.type == "gradient" and bg.to:
        return vertical_gradient((width, height), base, resolve(bg.to, palette))
    if bg.type == "image" and bg.image:
        photo = cover_fit(bg.image, (width, height))
        overlay = Image.new("RGB", (width, height), base)
        return Image.blend(photo, overlay, bg.overlay_opacity)
    return Image.new("RGB", (width, height), base)


def vertical_gradient(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def cover_fit(path: Path, size: tuple[int, int]) -> Image.Image:
    """The image scaled to cover the canvas (only when it must) and cropped to its centre."""
    image = load_image(path)
    scale = max(size[0] / image.width, size[1] / image.height)
    if abs(scale - 1) > 0.001:
        new_size = (round(image.width * scale), round(image.height * scale))
        image = image.resize(new_size, Image.Resampling.LANCZOS)
    left = (image.width - size[0]) // 2
    top = (image.height - size[1]) // 2
    return image.crop((left, top, left + size[0], top + size[1]))


@lru_cache(maxsize=4)
def load_image(path: Path) -> Image.Image:
    with Image.open(path) as source:
        return source.convert("RGB")


def check_template_contrast(template: Template, brand: Brand) -> None:
    """Every text box's colour against what lies under it must reach 4.5:1.

    A solid or gradient background is checked by its colours; an image by the lightest and
    darkest pixel (by luma) under each text box after its overlay.
    """
    colors = brand.palette(template.palette)
    for layout in template.layouts.values():
        for box in layout.boxes:
            color = box.color if box.color.startswith("#") else colors[box.color]
            ratio = min(contrast_ratio(color, under) for under in colors_under(layout, box, colors))
            if ratio < MIN_CONTRAST:
                raise ConfigError(
                    f"look {template.name}: {layout.kind}.{box.field} text {color} on its"
                    f" background has contrast {ratio:.2f}:1, below {MIN_CONTRAST}:1"
                    " (change the colours or overlay, or pass --allow-low-contrast)"
                )


def panel_holds(panel: Panel, box: TextBox) -> bool:
    return (
        panel.x <= box.x
        and panel.y <= box.y
        and box.x + box.width <= panel.x + panel.width
        and box.y + box.height <= panel.y + panel.height
    )


def panel_touches(panel: Panel, box: TextBox) -> bool:
    """Part of the box is on the panel, part off it: both must be readable."""
    return (
        panel.x < box.x + box.width
        and box.x < panel.x + panel.width
        and panel.y < box.y + box.height
        and box.y < panel.y + panel.height
    )


def colors_under(
    layout: Layout, box: TextBox, colors: dict[str, str]
) -> list[tuple[int, int, int]]:
    bg, palette = layout.background, freeze(colors)
    if box.fill:  # a tag: the text sits on its own block of colour
        return [resolve(box.fill, palette)]
    panel = next((p for p in reversed(layout.panels) if panel_holds(p, box)), None)
    if panel:
        return [resolve(panel.color, palette)]
    touching = [resolve(p.color, palette) for p in layout.panels if panel_touches(p, box)]
    if bg.type == "solid":
        return [resolve(bg.color, palette), *touching]
    if bg.type == "gradient" and bg.to:
        return [resolve(bg.color, palette), resolve(bg.to, palette), *touching]
    image = make_background(layout, colors)
    region = image.crop((box.x, box.y, box.x + box.width, box.y + box.height))
    low, high = cast(tuple[int, int], region.convert("L").getextrema())
    return [(low, low, low), (high, high, high), *touching]
