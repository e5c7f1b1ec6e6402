"""Stage 5, render: draw each card with Pillow from the committed fonts, as baseline sRGB JPEG."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw, ImageFont

from pipeline.models import Card, RenderedImage
from pipeline.settings import Brand

WIDTH, HEIGHT = 1080, 1350
MARGIN = 96
JPEG_QUALITY = 90
WEAK_LINE_ENDINGS = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with"}
)
ELLIPSIS = "…"

Font = ImageFont.FreeTypeFont


@dataclass(frozen=True)
class TextStyle:
    role: str
    sizes: tuple[int, int]  # largest, smallest
    line_height: float
    max_lines: int


STYLES = {
    "cover": TextStyle("sans_bold", (104, 72), 1.1, 6),
    "point": TextStyle("sans", (64, 44), 1.3, 9),
    "closing": TextStyle("sans_semibold", (64, 44), 1.3, 7),
    "quote": TextStyle("serif", (68, 44), 1.3, 9),
}


@dataclass(frozen=True)
class Fitted:
    font: Font
    lines: tuple[str, ...]
    line_height: int
    text: str


@lru_cache(maxsize=64)
def load_font(path: Path, size: int) -> Font:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=8192)
def text_width(font: Font, text: str) -> float:
    return font.getlength(text)


def wrap_greedy(words: list[str], font: Font, width: float) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        trial = " ".join([*current, word])
        if current and text_width(font, trial) > width:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def wrap_balanced(text: str, font: Font, width: float) -> list[str] | None:
    """Lines of even length: the narrowest width that keeps the greedy line count.

    Returns None when a single word is wider than the box.
    """
    words = text.split()
    if any(text_width(font, w) > width for w in words):
        return None
    lines = wrap_greedy(words, font, width)
    low, high = width * 0.5, width
    while high - low > 4:
        middle = (low + high) / 2
        trial = wrap_greedy(words, font, middle)
        if len(trial) <= len(lines) and all(text_width(font, line) <= middle for line in trial):
            high = middle
        else:
            low = middle
    balanced = wrap_greedy(words, font, high)
    return fix_weak_endings(balanced, font, width)


def fix_weak_endings(lines: list[str], font: Font, width: float) -> list[str]:
    """Move a trailing "the"/"of"/"to" down to the next line when it still fits there."""
    lines = list(lines)
    for i in range(len(lines) - 1):
        words = lines[i].split()
        if len(words) > 2 and words[-1].lower() in WEAK_LINE_ENDINGS:
            moved = f"{words[-1]} {lines[i + 1]}"
            if text_width(font, moved) <= width:
                lines[i], lines[i + 1] = " ".join(words[:-1]), moved
    return lines


def fit_text(text: str, style: TextStyle, font_path: Path, box: tuple[int, int]) -> Fitted | None:
    """The largest size in the style's range at which the text fits the box, or None."""
    width, height = box
    largest, smallest = style.sizes
    for size in range(largest, smallest - 1, -2):
        font = load_font(font_path, size)
        lines = wrap_balanced(text, font, width)
        line_height = round(size * style.line_height)
        if lines and len(lines) <= style.max_lines and len(lines) * line_height <= height:
            return Fitted(font, tuple(lines), line_height, text)
    return None


def fit_or_shorten(
    text: str, style: TextStyle, font_path: Path, box: tuple[int, int]
) -> tuple[Fitted, str | None]:
    """Fit the text; if even the smallest size fails, cut it at a sentence or clause boundary."""
    fitted = fit_text(text, style, font_path, box)
    if fitted:
        return fitted, None
    for shorter in shorter_versions(text):
        fitted = fit_text(shorter, style, font_path, box)
        if fitted:
            return fitted, f"text shortened to fit: {text[:60]}…"
    raise ValueError(f"text cannot fit a card even when shortened: {text[:60]}…")


def shorter_versions(text: str) -> list[str]:
    """Prefixes ending at a sentence or clause boundary, longest first, with an ellipsis."""
    cuts = [m.start() for m in re.finditer(r"[.;:,!?—–]\s", text)]
    return [text[:cut].rstrip(" ,;:—–") + ELLIPSIS for cut in reversed(cuts) if cut > 10]


def render_card(card: Card, brand: Brand) -> RenderedImage:
    colors = brand.colors
    image = Image.new("RGB", (WIDTH, HEIGHT), colors["background"])
    draw = ImageDraw.Draw(image)
    texts: list[str] = []
    warnings: list[str] = []
    content_width = WIDTH - 2 * MARGIN
    top = MARGIN + 24

    if card.kicker:
        kicker = card.kicker.upper()
        draw_tracked(
            draw,
            (MARGIN, top),
            kicker,
            load_font(brand.font_path("sans_semibold"), 30),
            colors["accent"],
            3,
        )
        texts.append(kicker)

    footer_y = HEIGHT - MARGIN - 30
    note_font = load_font(brand.font_path("sans_semibold"), 36)
    note_lines: list[str] = []
    if card.note:
        note_lines = wrap_greedy(card.note.split(), note_font, content_width)
    note_top = footer_y - 40 - len(note_lines) * 48

    box_top = top + 110
    box_bottom = (note_top - 40) if note_lines else footer_y - 60
    style = STYLES[card.kind]
    role = style.role
    text = card.text
    if card.kind == "quote":
        text = "“" + text.strip('“”"') + "”"
    fitted, warning = fit_or_shorten(
        text, style, brand.font_path(role), (content_width, box_bottom - box_top)
    )
    if warning:
        warnings.append(warning)
    block_height = len(fitted.lines) * fitted.line_height
    y = box_top + max(0, (box_bottom - box_top - block_height) // 2 - 20)
    if card.kind == "quote":
        mark_font = load_font(brand.font_path("serif"), 220)
        draw.text((MARGIN - 8, y - 150), "“", font=mark_font, fill=colors["accent"])
    for line in fitted.lines:
        draw.text((MARGIN, y), line, font=fitted.font, fill=colors["text"])
        y += fitted.line_height
    texts.append(" ".join(fitted.lines))

    for i, line in enumerate(note_lines):
        draw.text(
            (MARGIN, note_top + i * 48),
            line,
            font=note_font,
            fill=colors["accent"] if card.kind == "cover" else colors["text"],
        )
    if note_lines:
        texts.append(" ".join(note_lines))

    small = load_font(brand.font_path("sans"), 30)
    if card.footer:
        draw.text((MARGIN, footer_y), card.footer, font=small, fill=colors["muted"])
        texts.append(card.footer)
    if card.counter:
        draw.text(
            (WIDTH - MARGIN, footer_y), card.counter, font=small, fill=colors["muted"], anchor="ra"
        )
        texts.append(card.counter)
    return RenderedImage(
        card=card,
        width=WIDTH,
        height=HEIGHT,
        jpeg=encode_jpeg(image),
        texts=tuple(texts),
        alt_text="",
        warnings=tuple(warnings),
    )


def draw_tracked(
    draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, font: Font, fill: str, tracking: int
) -> None:
    """Draw caps with letter spacing; Pillow has no tracking setting of its own."""
    x, y = xy
    for char in text:
        draw.text((x, y), char, font=font, fill=fill)
        x += round(text_width(font, char)) + tracking


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def encode_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=JPEG_QUALITY,
        progressive=False,
        optimize=False,
        subsampling="4:2:0",
        icc_profile=srgb_profile(),
    )
    return buffer.getvalue()
