"""Card layouts as data: load a template from templates/cards/NAME.toml and validate it.

A template sets, for each card kind, the canvas, the background and one box per text field.
Every key is checked on load; an unknown key or a bad value is a ConfigError naming the key.
A template may `extends = "other"` and override only what differs (tables merge key by key).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.models import ConfigError
from pipeline.tomlfile import (
    as_table,
    boolean,
    check_keys,
    choice,
    color_value,
    int_list,
    integer,
    number,
    read_toml,
    size_range,
    table,
    text_value,
)

BASE_KINDS = ("cover", "point", "closing", "quote", "quote_square", "story")
# point slides of a style: numbered (a listicle's points), checklist (self-care tips); a look
# without them draws them as plain point slides
VARIANTS = {"point_numbered": "point", "point_checklist": "point"}
KINDS = (*BASE_KINDS, *VARIANTS)
FIELDS = ("kicker", "text", "note", "fine_print", "footer", "counter")
FONT_ROLES = ("sans", "sans_bold", "sans_semibold", "serif", "serif_italic")
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle", "bottom")
GRID_CROP = 3 / 4  # the profile grid shows a 3:4 crop of a 4:5 post: the centre 1012 of 1080 px
HEADLINE_KINDS = ("cover", "story")
POINT_KINDS = ("point", "closing", *VARIANTS)  # point text: DESIGN.md 48-64 px
STACK_VALIGNS = ("top", "middle", "bottom")


@dataclass(frozen=True)
class Background:
    type: str  # solid, gradient or image
    color: str  # a palette role or #RRGGBB; the gradient's start, the image's overlay
    to: str | None = None  # gradient end colour
    image: Path | None = None
    overlay_opacity: float = 0.0


@dataclass(frozen=True)
class TextBox:
    field: str
    x: int
    y: int
    width: int
    height: int
    role: str
    sizes: tuple[int, int]  # smallest, largest
    line_height: float = 1.2
    max_lines: int = 1
    align: str = "left"
    valign: str = "top"
    color: str = "text"
    tracking: int = 0  # extra px between letters (kickers in caps)
    caps: bool = False
    fill: str | None = None  # a colour block drawn behind the text's own extent (a tag)
    grow: tuple[tuple[int, int], ...] = ()  # (words, px): text this short may grow to px
    checklist: bool = False  # items joined by " · " drawn one under another, each with a check


@dataclass(frozen=True)
class Mark:
    """The large opening quote mark, hung in the margin left of the quote's first line."""

    role: str
    size: int
    color: str
    x: int


@dataclass(frozen=True)
class Panel:
    """A solid block drawn over the background and under the text (a band, a card on a photo)."""

    x: int
    y: int
    width: int
    height: int
    color: str


@dataclass(frozen=True)
class Rule(Panel):
    """A short accent bar, e.g. under the kicker: a small solid block of its own kind."""


@dataclass(frozen=True)
class LogoPlace:
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class Stack:
    """Boxes set one under another (a title, then its text): each takes the height it needs,
    the last the rest of the region their boxes span, and the block sits top, middle or bottom."""

    fields: tuple[str, ...]
    gap: int
    valign: str


@dataclass(frozen=True)
class Layout:
    kind: str
    width: int
    height: int
    background: Background
    boxes: tuple[TextBox, ...]
    safe_top: int = 0
    safe_bottom: int = 0
    mark: Mark | None = None
    rule: Rule | None = None
    logo: LogoPlace | None = None
    panels: tuple[Panel, ...] = ()
    stack: Stack | None = None

    def box(self, field: str) -> TextBox | None:
        return next((b for b in self.boxes if b.field == field), None)


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    palette: str  # "light" or "dark": which of the brand kit's palettes it uses
    layouts: dict[str, Layout]


def template_dir() -> Path:
    from pipeline.brand import resource_dir

    return resource_dir("templates") / "cards"


def template_names() -> list[str]:
    return sorted(p.stem for p in template_dir().glob("*.toml"))


@lru_cache(maxsize=8)
def load_template(name: str) -> Template:
    """A bundled template by name ("calm"), or a path to a TOML file of one."""
    path = Path(name) if name.endswith(".toml") else template_dir() / f"{name}.toml"
    data = read_template_data(path, seen=())
    where = path.name
    check_keys(data, ("description", "palette", "background", *KINDS), where)
    for variant, base in VARIANTS.items():  # a style the look does not draw is a plain point
        if variant not in data and base in data:
            data = {**data, variant: data[base]}
    palette = choice(data, "palette", ("light", "dark"), where, "light")
    default_bg = data.get("background", {"type": "solid", "color": "background"})
    layouts = {
        kind: parse_layout(kind, table(data, kind, where), default_bg, path.parent, where)
        for kind in KINDS
        if kind in data
    }
    missing = [kind for kind in BASE_KINDS if kind not in layouts]
    if missing:
        raise ConfigError(f"layout {where}: no layout for {', '.join(missing)}")
    return Template(path.stem, str(data.get("description", "")), palette, layouts)


def read_template_data(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    try:
        data = read_toml(path, "layout")
    except FileNotFoundError:
        if path.parent != template_dir():  # a file the user named
            raise ConfigError(f"layout file {path} not found") from None
        names = ", ".join(template_names())
        raise ConfigError(f"look {path.stem!r} not found (bundled: {names})") from None
    anchor_images(data, path.parent)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or path in seen:
        raise ConfigError(f"layout {path.name}: 'extends' must name another template, once")
    beside = path.parent / f"{parent}.toml"  # a look beside this file, else a bundled one
    base_path = beside if beside.is_file() else template_dir() / f"{parent}.toml"
    return merge_tables(read_template_data(base_path, (*seen, path)), data)


def anchor_images(data: dict[str, Any], folder: Path) -> None:
    """Background image paths are relative to the file that names them, even when extended."""
    tables = [data, *(v for v in data.values() if isinstance(v, dict))]
    for section in tables:
        background = section.get("background")
        if isinstance(background, dict) and isinstance(background.get("image"), str):
            background["image"] = str(folder / background["image"])


def merge_tables(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_tables(merged[key], value)
        else:
            merged[key] = value
    return merged


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
        "tracking", "caps", "fill", "grow", "checklist",
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
