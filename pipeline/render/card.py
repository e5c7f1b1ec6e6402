"""Stage 5, render: draw each card with Pillow from its layout, as baseline sRGB JPEG.

The layout (looks.py, layouts.py) says where each text field goes; fit.py picks the size and
the line breaks; this module draws runs of text in the font that covers them (glyphs.py), and the
background, quote mark, rule and logo. Texts that repeat on every card are stamped (stamps.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from PIL import Image, ImageDraw

from pipeline.brand import Brand
from pipeline.colors import hex_to_rgb
from pipeline.models import Card, RenderedImage
from pipeline.render import backgrounds
from pipeline.render.checklist import CHECK
from pipeline.render.encode import encode_jpeg, encode_png
from pipeline.render.encode import png_name as png_name  # folder.py names PNG copies with it
from pipeline.render.fit import Fitted
from pipeline.render.fonts import Font, FontKey, font_key, font_of, load_basic_font, text_length
from pipeline.render.fonts import load_font as load_font  # tests measure with it
from pipeline.render.glyphs import FontChain, split_runs
from pipeline.render.layouts import Layout, Mark, Template, TextBox
from pipeline.render.looks import load_template
from pipeline.render.measure import first_baseline, measure_line
from pipeline.render.measure import font_chain as font_chain  # tests build chains with it
from pipeline.render.photo import Photo, photo_canvas, text_boxes, uses_photo
from pipeline.render.pictures import load_logo, paste_emoji, paste_logo
from pipeline.render.place import Placed, deferred_field, ink_box, place_box, stack_boxes
from pipeline.render.place import clean_text as clean_text  # tests call it
from pipeline.render.stamps import draw_text, stamp_text

QUOTE_CHARS = '“”"„«»'
# Fields whose text repeats from card to card (handle, counter, kickers, call to action,
# disclaimer, "— from our blog: <title>"): stamped from a cached mask. The main text is not.
REPEATED_FIELDS = frozenset({"kicker", "note", "fine_print", "footer", "counter"})

Color = str


@dataclass(frozen=True)
class Drawn:
    """What a text box drew: the text (after any shortening), its box and first baseline."""

    text: str
    fitted: Fitted
    baseline: int
    warnings: tuple[str, ...] = ()


def render_card(
    card: Card,
    brand: Brand,
    template: Template | None = None,
    png: bool = False,
    photo: Photo | None = None,
) -> RenderedImage:
    """The card drawn; over the article's `photo` when given and the layout uses one."""
    template = template or load_template(brand.look)
    layout = card_layout(template, card)
    colors = brand.palette(template.palette)
    boxes = place_card(card, layout, brand)
    image = canvas(layout, colors, boxes, photo if photo and uses_photo(layout, card) else None)
    draw = ImageDraw.Draw(image)
    draw_panels(draw, layout, colors)
    texts: list[str] = []
    warnings: list[str] = []
    for placed in boxes.values():
        warnings.extend(placed.warnings)
        if placed.checklist:
            draw_checklist(image, placed, colors)
            texts.append(placed.text)
            continue
        if placed.fitted is None:
            continue
        drawn = draw_box(draw, image, placed, colors)
        if drawn.text:
            texts.append(drawn.text)
        if placed.box.field == "text" and layout.mark:
            draw_mark(image, layout.mark, placed.box, drawn, brand, colors)
    if layout.rule:
        rule = layout.rule
        fill = resolve(rule.color, colors)
        draw.rectangle((rule.x, rule.y, rule.x + rule.width - 1, rule.y + rule.height - 1), fill)
    if layout.logo and brand.logo:
        paste_logo(image, brand.logo, layout)
    return RenderedImage(
        card=card,
        width=layout.width,
        height=layout.height,
        jpeg=encode_jpeg(image),
        texts=tuple(texts),
        alt_text="",
        warnings=tuple(warnings),
        png=encode_png(image) if png else None,
    )


def card_layout(template: Template, card: Card) -> Layout:
    return template.layouts.get(card.layout or card.kind) or template.layouts[card.kind]


def draws_photo(card: Card, brand: Brand, template: Template | None = None) -> bool:
    """Whether the card is drawn over the article's photo, when there is one."""
    return uses_photo(card_layout(template or load_template(brand.look), card), card)


def canvas(
    layout: Layout, colors: dict[str, str], boxes: dict[str, Placed], photo: Photo | None
) -> Image.Image:
    """The look's background, or the photo veiled just enough for the texts on it."""
    if photo is None:
        return backgrounds.new_canvas(layout, colors)
    veil = hex_to_rgb(resolve(layout.background.color, colors))
    on_photo = text_boxes(layout, [(p.box, ink_box(p)) for p in boxes.values() if p.text], colors)
    return photo_canvas(photo, layout, on_photo, veil)


def place_card(card: Card, layout: Layout, brand: Brand) -> dict[str, Placed]:
    """Every box's text fitted and placed, in the layout's drawing order."""
    values = {b.field: v for b in layout.boxes if (v := field_text(card, b.field))}
    shorts = {"text": card.short} if card.short else {}
    roomy = card.kind == "point"  # one idea a slide: its short form rather than small type
    placed = {}
    deferred = deferred_field(layout)  # placed by stack_boxes alone
    for box in layout.boxes:
        if box.field not in values or box.field == deferred:
            continue
        if box.field == "footer" and layout.logo and brand.logo:  # the handle right of the logo
            shift = load_logo(brand.logo, layout.logo.height).width + 20
            box = replace(box, x=box.x + shift, width=box.width - shift)
        short = shorts.get(box.field)
        placed[box.field] = place_box(box, values[box.field], brand, card.file, short, roomy)
    return stack_boxes(layout, values, placed, brand, card.file, shorts, roomy)


def draw_panels(draw: ImageDraw.ImageDraw, layout: Layout, colors: dict[str, str]) -> None:
    for panel in layout.panels:
        box = (panel.x, panel.y, panel.x + panel.width - 1, panel.y + panel.height - 1)
        draw.rectangle(box, resolve(panel.color, colors))


def field_text(card: Card, field: str) -> str | None:
    value: str | None = getattr(card, field, None)
    if value and field == "text" and card.kind == "quote":
        return value.strip().strip(QUOTE_CHARS).strip()  # the hung mark opens the quote
    return value


def resolve(color: str, colors: dict[str, str]) -> Color:
    return color if color.startswith("#") else colors[color]


def draw_box(
    draw: ImageDraw.ImageDraw, image: Image.Image, placed: Placed, colors: dict[str, str]
) -> Drawn:
    box, chain, fitted = placed.box, placed.chain, placed.fitted
    assert fitted is not None
    baseline = first_baseline(box, fitted, chain)
    if box.fill:
        draw_tag(draw, box, fitted, chain, baseline, resolve(box.fill, colors))
    fill = resolve(box.color, colors)
    y = baseline
    for line in fitted.lines:
        draw_line(image, line, box, chain, fitted.size, y, fill)
        y += fitted.line_height
    return Drawn(fitted.text, fitted, baseline, placed.warnings)


def draw_checklist(image: Image.Image, placed: Placed, colors: dict[str, str]) -> None:
    """Each item's lines beside a check mark in the accent colour, items a half line apart."""
    box, chain, checklist = placed.box, placed.chain, placed.checklist
    assert checklist is not None
    size = checklist.size
    text_box = replace(box, x=box.x + checklist.indent, width=box.width - checklist.indent)
    y = first_baseline(replace(box, valign="top"), Fitted(size, ("",), 0, ""), chain)
    fill, accent = resolve(box.color, colors), resolve("accent", colors)
    for lines in checklist.items:
        mark = box.list_mark or CHECK
        draw_line(image, mark, replace(box, align="left"), chain, size, y, accent)
        for line in lines:
            draw_line(image, line, replace(text_box, align="left"), chain, size, y, fill)
            y += checklist.line_height
        y += checklist.gap


def draw_tag(
    draw: ImageDraw.ImageDraw,
    box: TextBox,
    fitted: Fitted,
    chain: FontChain,
    baseline: int,
    fill: Color,
) -> None:
    """A block of colour hugging the text (a kicker tag), padded by a share of the size."""
    size = fitted.size
    tracking = box.tracking * size / box.sizes[1]
    widths = [measure_line(chain, line, size, tracking) for line in fitted.lines]
    pad_x, pad_y = round(size * 0.55), round(size * 0.4)
    left = box.x - pad_x if box.align == "left" else box.x + (box.width - max(widths)) / 2 - pad_x
    if box.align == "right":
        left = box.x + box.width - max(widths) - pad_x
    cap = round(size * 0.73)  # the cap height of the sans faces, as a share of the size
    top = baseline - cap - pad_y
    bottom = baseline + (len(fitted.lines) - 1) * fitted.line_height + pad_y
    draw.rectangle((round(left), top, round(left + max(widths) + 2 * pad_x), bottom), fill)


def draw_line(
    image: Image.Image,
    line: str,
    box: TextBox,
    chain: FontChain,
    size: int,
    baseline: int,
    fill: Color,
) -> None:
    """One line, its runs each in its own font; a left-aligned line is not measured (a run
    after the first starts where the one before it ends)."""
    tracking = box.tracking * size / box.sizes[1]
    x = float(box.x)
    if box.align != "left":
        width = measure_line(chain, line, size, tracking)
        x += (box.width - width) / 2 if box.align == "center" else box.width - width
    runs, _ = split_runs(line, chain)
    paths = dict(chain)
    repeats = box.field in REPEATED_FIELDS
    for index, run in enumerate(runs, 1):
        if run.font == "emoji":
            x += paste_emoji(image, run.text, paths["emoji"], size, (round(x), baseline))
        elif tracking:
            font = load_basic_font(paths[run.font], size)
            x = draw_tracked(image, (x, baseline), run.text, font, fill, tracking)
        else:
            font = load_font(paths[run.font], size)
            draw = stamp_text if repeats else draw_text
            draw(image, (x, baseline), run.text, font, fill)
            if index < len(runs):
                x += text_length(font, run.text)


def draw_tracked(
    image: Image.Image,
    xy: tuple[float, int],
    text: str,
    font: Font,
    fill: Color,
    tracking: float,
) -> float:
    """Letter-spaced text (kickers in caps): Pillow has no tracking setting of its own, so each
    letter is placed on its own; the letters are stamped together, as one cached mask."""
    x, y = xy
    advances = tuple(text_length(font, char) + tracking for char in text)
    stamp_text(image, (x, y), text, font, fill, advances)
    for advance in advances:
        x += advance
    return x


def draw_mark(
    image: Image.Image,
    mark: Mark,
    box: TextBox,
    drawn: Drawn,
    brand: Brand,
    colors: dict[str, str],
) -> None:
    """The opening quote mark, its top level with the first line's capitals, in the margin."""
    if not drawn.fitted.lines:
        return
    font = load_font(brand.font_path(mark.role), mark.size)
    text_font = load_font(brand.font_path(box.role), drawn.fitted.size)
    cap_top = drawn.baseline + ink_top(font_key(text_font), "H")
    mark_top = ink_top(font_key(font), "“")
    fill = resolve(mark.color, colors)
    stamp_text(image, (mark.x, cap_top - mark_top), "“", font, fill)  # the same on every quote


@lru_cache(maxsize=64)
def ink_top(key: FontKey, text: str) -> int:
    """How far above the baseline the text's ink starts (negative): measured once per font."""
    return int(font_of(key).getbbox(text, anchor="ls")[1])
