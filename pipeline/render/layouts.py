"""Card layouts as data types: a look's layouts, their text boxes, panels, marks and stacks.

Read from templates/cards/NAME.toml by looks.py and checked by layout_parse.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BASE_KINDS = ("cover", "point", "closing", "quote", "quote_square", "story")
# point slides of a style: numbered (a listicle's points), checklist (self-care tips), list (a
# treatment slide of several short points, one under another); a look without them draws a
# numbered or checklist slide as a plain point slide, a list as its checklist (else as a point)
VARIANTS = {"point_numbered": "point", "point_checklist": "point", "point_list": "point_checklist"}
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
    list_mark: str | None = None  # the checklist's mark: "✓" for tips, "•" on a list slide


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
