"""Parsing one layout table of a look: every key checked, a bad value a ConfigError naming it,
and the geometry checked (boxes inside the canvas, the grid crop and the safe zones; type large
enough)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.models import ConfigError
from pipeline.render.layouts import (
    ALIGNS,
    FIELDS,
    FONT_ROLES,
    GRID_CROP,
    HEADLINE_KINDS,
    POINT_KINDS,
    STACK_VALIGNS,
    VALIGNS,
    Background,
    Layout,
    LogoPlace,
    Mark,
    Panel,
    Rule,
    Stack,
    TextBox,
)
from pipeline.tomlfile import (
    as_table,
    boolean,
    check_keys,
    choice,
    color_value,
    int_list,
    integer,
    number,
    size_range,
    table,
    text_value,
)


def parse_layout(
    kind: str, data: dict[str, Any], default_bg: dict[str, Any], folder: Path, where: str
) -> Layout:
    keys: tuple[str, ...] = ("canvas", "safe_top", "safe_bottom", "background", "mark", "rule")
    keys = (*keys, "logo", "panels", "stack", *FIELDS)
    check_keys(data, keys, where, kind)
    width, height = int_list(data, "canvas", 2, where, kind)
    check_positive((width, height), f"{kind}.canvas", where)
    if "background" in data:  # named as the user wrote it: [cover.background] or [background]
        background = parse_background(data["background"], folder, where, f"{kind}.background")
    else:
        background = parse_background(default_bg, folder, where, "background")
    boxes = tuple(
        parse_box(field, table(data, field, where, kind), where, kind)
        for field in FIELDS
        if field in data
    )
    layout = Layout(
        kind,
        width,
        height,
        background,
        boxes,
        safe_top=integer(data, "safe_top", where, kind, 0),
        safe_bottom=integer(data, "safe_bottom", where, kind, 0),
        mark=parse_mark(data["mark"], where, kind) if "mark" in data else None,
        rule=parse_rule(data["rule"], where, kind) if "rule" in data else None,
        logo=parse_logo(data["logo"], where, kind) if "logo" in data else None,
        panels=parse_panels(data.get("panels", []), where, kind),
        stack=parse_stack(data, where, kind) if "stack" in data else None,
    )
    check_geometry(layout, where)
    return layout


def check_positive(sizes: tuple[int, ...], name: str, where: str) -> None:
    """Sizes that must be above 0: a zero canvas or mark would fail only when drawn."""
    if any(size <= 0 for size in sizes):
        raise ConfigError(f"layout {where}: '{name}' must be above 0, not {list(sizes)}")


def parse_background(data: Any, folder: Path, where: str, prefix: str) -> Background:
    if not isinstance(data, dict):
        raise ConfigError(f"layout {where}: '{prefix}' must be a table")
    check_keys(data, ("type", "color", "to", "image", "overlay_opacity"), where, prefix)
    type_ = choice(data, "type", ("solid", "gradient", "image"), where, "solid", prefix)
    image = None
    if type_ == "image":
        image = folder / text_value(data, "image", where, prefix)
        if not image.is_file():
            raise ConfigError(f"layout {where}: '{prefix}.image' file {image} not found")
    if type_ == "gradient" and "to" not in data:
        raise ConfigError(f"layout {where}: '{prefix}.to' is needed for a gradient")
    opacity = number(data, "overlay_opacity", where, prefix, 0.0)
    if not 0 <= opacity <= 1:
        raise ConfigError(f"layout {where}: '{prefix}.overlay_opacity' must be 0-1, not {opacity}")
    return Background(
        type_,
        color_value(data, "color", where, prefix, "background"),
        color_value(data, "to", where, prefix, None) if "to" in data else None,
        image,
        opacity,
    )


def parse_box(field: str, data: dict[str, Any], where: str, kind: str) -> TextBox:
    prefix = f"{kind}.{field}"
    keys = (
        "box", "role", "size", "line_height", "max_lines", "align", "valign", "color",
        "tracking", "caps", "fill", "grow", "checklist", "list_mark",
    )  # fmt: skip
    check_keys(data, keys, where, prefix)
    x, y, width, height = int_list(data, "box", 4, where, prefix)
    sizes = size_range(data, where, prefix)
    line_height = number(data, "line_height", where, prefix, 1.2)
    if not 0.9 <= line_height <= 2.0:
        raise ConfigError(f"layout {where}: '{prefix}.line_height' must be 0.9-2.0")
    max_lines = integer(data, "max_lines", where, prefix, 1)
    if max_lines < 1:
        raise ConfigError(f"layout {where}: '{prefix}.max_lines' must be at least 1")
    return TextBox(
        field, x, y, width, height,
        role=choice(data, "role", FONT_ROLES, where, "sans", prefix),
        sizes=sizes,
        line_height=line_height,
        max_lines=max_lines,
        align=choice(data, "align", ALIGNS, where, "left", prefix),
        valign=choice(data, "valign", VALIGNS, where, "top", prefix),
        color=color_value(data, "color", where, prefix, "text"),
        tracking=integer(data, "tracking", where, prefix, 0),
        caps=boolean(data, "caps", where, prefix, False),
        fill=color_value(data, "fill", where, prefix, None) if "fill" in data else None,
        grow=parse_grow(data.get("grow", []), where, prefix),
        checklist=boolean(data, "checklist", where, prefix, False),
        list_mark=text_value(data, "list_mark", where, prefix) if "list_mark" in data else None,
    )  # fmt: skip


def parse_grow(data: Any, where: str, prefix: str) -> tuple[tuple[int, int], ...]:
    """[[words, px], ...]: a text of at most `words` words may be set up to `px`."""
    pairs = data if isinstance(data, list) else None
    if pairs is None or not all(
        isinstance(p, list) and len(p) == 2 and all(type(v) is int and v > 0 for v in p)
        for p in pairs
    ):
        raise ConfigError(f"layout {where}: '{prefix}.grow' must be a list of [words, px] pairs")
    return tuple(sorted((p[0], p[1]) for p in pairs))


def parse_stack(data: dict[str, Any], where: str, kind: str) -> Stack:
    """[kind] stack = { fields = ["kicker", "text"], gap = 40, valign = "top" }."""
    prefix = f"{kind}.stack"
    stack = as_table(data.get("stack"), where, prefix)
    check_keys(stack, ("fields", "gap", "valign"), where, prefix)
    fields = stack.get("fields")
    if (
        not isinstance(fields, list)
        or len(fields) < 2
        or any(f not in FIELDS or f not in data for f in fields)
    ):
        raise ConfigError(
            f"layout {where}: '{prefix}.fields' must list two or more text fields, e.g."
            ' ["kicker", "text"]'
        )
    gap = integer(stack, "gap", where, prefix, 32)
    valign = choice(stack, "valign", STACK_VALIGNS, where, "top", prefix)
    return Stack(tuple(fields), gap, valign)


def parse_panels(data: Any, where: str, kind: str) -> tuple[Panel, ...]:
    prefix = f"{kind}.panels"
    if not isinstance(data, list):
        raise ConfigError(f"layout {where}: '{prefix}' must be a list of tables")
    panels = []
    for item in data:
        item = as_table(item, where, prefix)
        check_keys(item, ("box", "color"), where, prefix)
        x, y, width, height = int_list(item, "box", 4, where, prefix)
        color = color_value(item, "color", where, prefix, "background")
        panels.append(Panel(x, y, width, height, color))
    return tuple(panels)


def parse_mark(data: Any, where: str, kind: str) -> Mark:
    prefix = f"{kind}.mark"
    data = as_table(data, where, prefix)
    check_keys(data, ("role", "size", "color", "x"), where, prefix)
    size = integer(data, "size", where, prefix, 220)
    check_positive((size,), f"{prefix}.size", where)
    return Mark(
        choice(data, "role", FONT_ROLES, where, "serif", prefix),
        size,
        color_value(data, "color", where, prefix, "accent"),
        integer(data, "x", where, prefix, 96),
    )


def parse_rule(data: Any, where: str, kind: str) -> Rule:
    prefix = f"{kind}.rule"
    data = as_table(data, where, prefix)
    check_keys(data, ("box", "color"), where, prefix)
    x, y, width, height = int_list(data, "box", 4, where, prefix)
    check_positive((width, height), f"{prefix}.box width and height", where)
    return Rule(x, y, width, height, color_value(data, "color", where, prefix, "accent"))


def parse_logo(data: Any, where: str, kind: str) -> LogoPlace:
    prefix = f"{kind}.logo"
    data = as_table(data, where, prefix)
    check_keys(data, ("x", "y", "height"), where, prefix)
    place = LogoPlace(*(integer(data, key, where, prefix, None) for key in ("x", "y", "height")))
    check_positive((place.height,), f"{prefix}.height", where)
    return place


def check_geometry(layout: Layout, where: str) -> None:
    """Boxes inside the canvas and its safe zones, titles in the grid crop, type large enough."""
    crop_left = max(0, round((layout.width - layout.height * GRID_CROP) / 2))
    scale = layout.width / 1080
    for box in layout.boxes:
        name = f"{layout.kind}.{box.field}.box"
        top, bottom = layout.safe_top, layout.height - layout.safe_bottom
        if box.x < crop_left or box.x + box.width > layout.width - crop_left:
            raise ConfigError(
                f"layout {where}: '{name}' leaves the centre {layout.width - 2 * crop_left} px"
            )
        if box.y < top or box.y + box.height > bottom or box.width <= 0 or box.height <= 0:
            raise ConfigError(f"layout {where}: '{name}' is outside the text area {top}-{bottom}")
        floor = min_size(layout.kind, box.field) * scale
        if box.sizes[0] < floor:
            raise ConfigError(
                f"layout {where}: '{layout.kind}.{box.field}.size' must not go below"
                f" {floor:.0f} px on this canvas"
            )


def min_size(kind: str, field: str) -> int:
    if field == "text":
        return 72 if kind in HEADLINE_KINDS else 48 if kind in POINT_KINDS else 36
    if field in ("note", "fine_print"):
        return 36  # secondary text (issue 5, INSTAGRAM.md: at least ~36 px)
    return 32  # kicker, footer, counter (DESIGN.md 28-34, INSTAGRAM.md never below 32)
