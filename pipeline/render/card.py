"""Stage 5, render: draw each card with Pillow from its layout, as baseline sRGB JPEG.

The layout (looks.py) says where each text field goes; fit.py picks the size and the line
breaks; this module draws runs of text in the font that covers them (glyphs.py), and the
background, quote mark, rule and logo. Texts that repeat on every card are stamped (stamps.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from PIL import Image, ImageDraw

from pipeline.brand import Brand, emoji_font
from pipeline.models import Card, RenderedImage
from pipeline.render import backgrounds
from pipeline.render.encode import encode_jpeg, encode_png
from pipeline.render.encode import png_name as png_name  # folder.py names PNG copies with it
from pipeline.render.fit import REF_SIZE, Fitted, TextSpec, fit_text
from pipeline.render.fonts import EMOJI_HEIGHT, EMOJI_STRIKE, Font, load_basic_font, text_length
from pipeline.render.fonts import load_font as load_font  # tests measure with it
from pipeline.render.glyphs import FontChain, Run, reads_as_japanese, split_runs
from pipeline.render.looks import Layout, Mark, Template, TextBox, load_template
from pipeline.render.pictures import load_logo, paste_emoji, paste_logo
from pipeline.render.stamps import stamp_text

QUOTE_CHARS = '“”"„«»'
BOLD_ROLES = frozenset({"sans_bold", "sans_semibold"})
# Fields whose text repeats from card to card (handle, counter, kickers, call to action,
# disclaimer, "— from our blog: <title>"): stamped from a cached mask. The main text is not.
REPEATED_FIELDS = frozenset({"kicker", "note", "fine_print", "footer", "counter"})
TRIM = 2  # px the real width may exceed the scaled estimate before a line is refitted

SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?…])")
FIELD_NAMES = {
    "kicker": "kicker",
    "text": "main text",
    "note": "note",
    "fine_print": "small print",
    "footer": "footer",
    "counter": "counter",
}

Color = str


def font_chain(brand: Brand, role: str, text: str = "") -> FontChain:
    """The role's font, then the sans of the same weight, Korean and Japanese (Japanese first for
    a text that reads as Japanese: NanumSquare has kana too), and colour emoji if installed."""
    sans = role if role.startswith("sans") else "sans"
    bold = "_bold" if role in BOLD_ROLES else ""
    korean = ("korean", brand.font_path(f"korean{bold}"))
    japanese = ("japanese", brand.font_path(f"japanese{bold}"))
    chain = [("main", brand.font_path(role)), ("sans", brand.font_path(sans))]
    chain += [japanese, korean] if reads_as_japanese(text) else [korean, japanese]
    emoji = emoji_font()
    if emoji:
        chain.append(("emoji", emoji))
    return tuple(chain)


def run_width(chain: FontChain, run: Run, size: int) -> float:
    path = dict(chain)[run.font]
    if run.font == "emoji":
        glyphs = load_font(path, EMOJI_STRIKE).getlength(run.text)
        return glyphs * size * EMOJI_HEIGHT / 128  # the strike's bitmaps are 128 px tall
    return text_length(load_font(path, size), run.text)


@lru_cache(maxsize=16384)
def measure_ref(chain: FontChain, text: str) -> float:
    """A word's width at REF_SIZE, cached: fitting scales it to every size it tries."""
    runs, _ = split_runs(text, chain)
    return sum(run_width(chain, run, REF_SIZE) for run in runs)


def measure_line(chain: FontChain, text: str, size: int, tracking: float = 0) -> float:
    runs, _ = split_runs(text, chain)
    width = sum(run_width(chain, run, size) for run in runs)
    return width + tracking * max(len(text) - 1, 0)


@dataclass(frozen=True)
class Drawn:
    """What a text box drew: the text (after any shortening), its box and first baseline."""

    text: str
    fitted: Fitted
    baseline: int
    warnings: tuple[str, ...] = ()


def render_card(
    card: Card, brand: Brand, template: Template | None = None, png: bool = False
) -> RenderedImage:
    template = template or load_template(brand.look)
    layout = template.layouts[card.layout or card.kind]
    colors = brand.palette(template.palette)
    image = backgrounds.new_canvas(layout, colors)
    draw = ImageDraw.Draw(image)
    draw_panels(draw, layout, colors)
    texts: list[str] = []
    warnings: list[str] = []
    for box in layout.boxes:
        value = field_text(card, box.field)
        if not value:
            continue
        drawn = draw_box(draw, image, box, layout, value, brand, colors, card.file)
        if drawn.text:
            texts.append(drawn.text)
        warnings.extend(drawn.warnings)
        if box.field == "text" and layout.mark:
            draw_mark(draw, layout.mark, box, drawn, brand, colors)
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
    draw: ImageDraw.ImageDraw,
    image: Image.Image,
    box: TextBox,
    layout: Layout,
    value: str,
    brand: Brand,
    colors: dict[str, str],
    file: str,
) -> Drawn:
    if box.field == "footer" and layout.logo and brand.logo:  # the handle goes right of the logo
        shift = load_logo(brand.logo, layout.logo.height).width + 20
        box = replace(box, x=box.x + shift, width=box.width - shift)
    chain = font_chain(brand, box.role, value)
    text, warnings = clean_text(value.upper() if box.caps else value, chain, file)
    fitted = fit_box(text, box, chain)
    label = text.split(": ", 1)[0] if box.field != "text" else text
    if label != text and (fitted is None or fitted.shortened):  # "— from our blog: <title>"
        fitted = fit_box(label, box, chain) or fitted  # the label alone, not "— from our blog…"
    if fitted is None and box.field == "text":  # a card without its main text is no card
        raise ValueError(f"text cannot fit a card even when shortened: {excerpt(value)}")
    if fitted is None:
        warnings.append(
            f"{file}: {FIELD_NAMES[box.field]} left out, it cannot fit: {excerpt(value)}"
        )
        return Drawn("", Fitted(box.sizes[0], (), 0, ""), box.y, tuple(warnings))
    if fitted.shortened:
        warnings.append(f"{file}: {FIELD_NAMES[box.field]} shortened to fit: {excerpt(value)}")
    baseline = first_baseline(box, fitted, chain)
    if box.fill:
        draw_tag(draw, box, fitted, chain, baseline, resolve(box.fill, colors))
    fill = resolve(box.color, colors)
    y = baseline
    for line in fitted.lines:
        draw_line(draw, image, line, box, chain, fitted.size, y, fill)
        y += fitted.line_height
    return Drawn(fitted.text, fitted, baseline, tuple(warnings))


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


def clean_text(text: str, chain: FontChain, file: str) -> tuple[str, list[str]]:
    """Drop characters no font covers (and emoji without an emoji font), with a warning."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    _, missing = split_runs(text, chain)
    if not missing:
        return text, []
    has_emoji_font = any(name == "emoji" for name, _ in chain)
    emoji = sorted(c for c in missing if is_emoji(c) and not has_emoji_font)
    warnings = []
    if emoji:
        warnings.append(
            f"{file}: emoji {''.join(emoji)} left out: no colour emoji font is installed"
            " (apt-get install fonts-noto-color-emoji)"
        )
    for char in sorted(missing - set(emoji)):
        warnings.append(f"{file}: character {char!r} (U+{ord(char):04X}) has no font; left out")
    kept = " ".join("".join(c for c in text if c not in missing).split())
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", kept), warnings


def is_emoji(char: str) -> bool:
    return ord(char) >= 0x1F000 or unicodedata.category(char) == "So"


def box_spec(box: TextBox, chain: FontChain, width: int, words: int = 0) -> TextSpec:
    ascent, descent = load_font(chain[0][1], REF_SIZE).getmetrics()
    return TextSpec(
        width=width,
        height=box.height,
        sizes=grown_sizes(box, words),
        line_height=box.line_height,
        max_lines=box.max_lines,
        ascent=ascent / REF_SIZE,
        descent=descent / REF_SIZE,
    )


def grown_sizes(box: TextBox, words: int) -> tuple[int, int]:
    """A short text may be set larger than the box's usual largest size (its `grow` pairs)."""
    for most_words, size in box.grow:
        if 0 < words <= most_words:
            return box.sizes[0], max(box.sizes[1], size)
    return box.sizes


@lru_cache(maxsize=1024)
def fit_box(text: str, box: TextBox, chain: FontChain) -> Fitted | None:
    """Fit with scaled widths, then check each line with the real font; refit if one is wide.

    Cached: the handle, counter, kickers and call to action are fitted to the same boxes on
    every card."""
    tracking_ref = box.tracking * REF_SIZE / box.sizes[1]

    def measure(part: str) -> float:
        return measure_ref(chain, part) + tracking_ref * len(part)

    width = box.width
    words = len(text.split())
    for _ in range(3):
        fitted = fit_text(text, box_spec(box, chain, width, words), measure)
        if fitted is None:
            return None
        tracking = box.tracking * fitted.size / box.sizes[1]
        widest = max(measure_line(chain, line, fitted.size, tracking) for line in fitted.lines)
        if widest <= box.width:
            return fitted
        width -= round(widest - box.width) + TRIM
    return None


def first_baseline(box: TextBox, fitted: Fitted, chain: FontChain) -> int:
    spec = box_spec(box, chain, box.width)
    height = fitted.block_height(spec)
    top = box.y
    if box.valign == "middle":
        top += (box.height - height) // 2
    elif box.valign == "bottom":
        top += box.height - height
    return top + round(spec.ascent * fitted.size)


def draw_line(
    draw: ImageDraw.ImageDraw,
    image: Image.Image,
    line: str,
    box: TextBox,
    chain: FontChain,
    size: int,
    baseline: int,
    fill: Color,
) -> None:
    tracking = box.tracking * size / box.sizes[1]
    width = measure_line(chain, line, size, tracking)
    x = float(box.x)
    if box.align == "center":
        x += (box.width - width) / 2
    elif box.align == "right":
        x += box.width - width
    runs, _ = split_runs(line, chain)
    paths = dict(chain)
    repeats = box.field in REPEATED_FIELDS
    for run in runs:
        if run.font == "emoji":
            x += paste_emoji(image, run.text, paths["emoji"], size, (round(x), baseline))
        elif tracking:
            font = load_basic_font(paths[run.font], size)
            x = draw_tracked(draw, (x, baseline), run.text, font, fill, tracking)
        elif repeats:
            font = load_font(paths[run.font], size)
            stamp_text(draw, (x, baseline), run.text, font, fill)
            x += text_length(font, run.text)
        else:
            font = load_font(paths[run.font], size)
            draw.text((x, baseline), run.text, font=font, fill=fill, anchor="ls")
            x += text_length(font, run.text)


def draw_tracked(
    draw: ImageDraw.ImageDraw,
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
    stamp_text(draw, (x, y), text, font, fill, advances)
    for advance in advances:
        x += advance
    return x


def draw_mark(
    draw: ImageDraw.ImageDraw,
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
    cap_top = drawn.baseline + ink_top(text_font, "H")
    mark_top = ink_top(font, "“")
    fill = resolve(mark.color, colors)
    stamp_text(draw, (mark.x, cap_top - mark_top), "“", font, fill)  # the same on every quote


@lru_cache(maxsize=64)
def ink_top(font: Font, text: str) -> int:
    """How far above the baseline the text's ink starts (negative): measured once per font."""
    return int(font.getbbox(text, anchor="ls")[1])


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a text for a message, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"
