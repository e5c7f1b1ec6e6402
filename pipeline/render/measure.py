"""Measuring and fitting one text box: the font chain for a role, word widths (measured once
per font and scaled), the size and line breaks that fit, and where the first baseline goes."""

from __future__ import annotations

import math
from functools import lru_cache

from pipeline.brand import Brand, emoji_font
from pipeline.compose.words import reading_words
from pipeline.render.fit import ELLIPSIS, REF_SIZE, Fitted, Measure, TextSpec, fit_text
from pipeline.render.fonts import EMOJI_HEIGHT, EMOJI_STRIKE, load_font, text_length
from pipeline.render.glyphs import FontChain, Run, reads_as_japanese, split_runs
from pipeline.render.layouts import TextBox
from pipeline.render.units import split_units

BOLD_ROLES = frozenset({"sans_bold", "sans_semibold"})
# Korean weights beside Inter's: SemiBold takes NanumSquare Bold, Bold its ExtraBold (NanumSquare
# Bold reads visibly lighter than Inter Bold in a headline)
KOREAN_WEIGHTS = {"sans_bold": "_heavy", "sans_semibold": "_bold"}
TRIM = 2  # px the real width may exceed the scaled estimate before a line is refitted
# How far a line's real width may stray from its words' widths scaled from REF_SIZE: the shaper
# places glyphs in 1/64 px and may kern a word's edge against the space beside it. Seen at most
# 0.13 px over a whole line (5,304 lines of the corpus, three looks); allowed: 0.25 px a
# character and 2 px more. A line this far inside its box is not measured again.
SURE_PER_CHAR = 0.25
SURE_EXTRA = 2.0


def font_chain(brand: Brand, role: str, text: str = "") -> FontChain:
    """The role's font, then the sans of the same weight, Korean and Japanese (Japanese first for
    a text that reads as Japanese: NanumSquare has kana too), the brand kit's fallback fonts,
    and colour emoji if installed."""
    sans = role if role.startswith("sans") else "sans"
    bold = "_bold" if role in BOLD_ROLES else ""
    korean = ("korean", brand.font_path(f"korean{KOREAN_WEIGHTS.get(role, '')}"))
    japanese = ("japanese", brand.font_path(f"japanese{bold}"))
    chain = [("main", brand.font_path(role)), ("sans", brand.font_path(sans))]
    chain += [japanese, korean] if reads_as_japanese(text) else [korean, japanese]
    chain += [(f"fallback{i}", path) for i, path in enumerate(brand.fallback_paths, start=1)]
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


@lru_cache(maxsize=256)  # an article's boxes and the texts that repeat on every card
def fit_box(text: str, box: TextBox, chain: FontChain) -> Fitted | None:
    """Fit with scaled widths, then check each line with the real font; refit if one is wide.

    Cached: the handle, counter, kickers and call to action are fitted to the same boxes on
    every card."""
    tracking_ref = box.tracking * REF_SIZE / box.sizes[1]

    def measure(part: str) -> float:
        return measure_ref(chain, part) + tracking_ref * len(part)

    width = box.width
    words = math.ceil(reading_words(text))  # a Japanese sentence is no one-word text to grow
    for _ in range(3):
        fitted = fit_text(text, box_spec(box, chain, width, words), measure)
        if fitted is None:
            return None
        tracking = box.tracking * fitted.size / box.sizes[1]
        unsure = [
            line
            for line in fitted.lines
            if tracking or not surely_fits(line, measure, fitted.size, box.width)
        ]
        widths = [measure_line(chain, line, fitted.size, tracking) for line in unsure]
        widest = max(widths, default=0.0)
        if widest <= box.width:
            return fitted
        width -= round(widest - box.width) + TRIM
    return None


def surely_fits(line: str, measure: Measure, size: int, width: int) -> bool:
    """Whether the line's words, measured at REF_SIZE while fitting and scaled, leave it so far
    inside the box that its real width need not be measured (see SURE_PER_CHAR). A line of
    list items is always measured: its separators are counted at one mark's width."""
    units = split_units(line)
    if units.marks:
        return False
    estimate = sum(map(measure, units.parts)) + sum(units.gaps(measure(" ")))
    return estimate * size / REF_SIZE + SURE_PER_CHAR * len(line) + SURE_EXTRA <= width


def first_baseline(box: TextBox, fitted: Fitted, chain: FontChain) -> int:
    spec = box_spec(box, chain, box.width)
    height = fitted.block_height(spec)
    top = box.y
    if box.valign == "middle":
        top += (box.height - height) // 2
    elif box.valign == "bottom":
        top += box.height - height
    return top + round(spec.ascent * fitted.size)


def fit_label(text: str, box: TextBox, chain: FontChain) -> Fitted | None:
    """A kicker or title that does not fit whole: its longest start that ends at a word
    boundary, with "…" (never mid-word, never dropped while one word fits)."""
    words = text.split()
    for count in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:count]).rstrip(" ,;:·-–—") + ELLIPSIS
        fitted = fit_box(shorter, box, chain)
        if fitted is not None:
            return Fitted(fitted.size, fitted.lines, fitted.line_height, shorter, True)
    return None


def block_bottom(box: TextBox, fitted: Fitted, chain: FontChain, baseline: int) -> int:
    """The lowest px of the text's block: the last baseline plus the font's descent."""
    spec = box_spec(box, chain, box.width)
    return (
        baseline + (len(fitted.lines) - 1) * fitted.line_height + round(spec.descent * fitted.size)
    )
