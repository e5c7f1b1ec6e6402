"""The checklist style: self-care tips, joined by " · " in the card's text, set one under another,
each item with a check mark hung left of its lines, all at one size (the largest that fits)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.compose.words import reading_words
from pipeline.render.fit import TextSpec, fit_words
from pipeline.render.glyphs import FontChain
from pipeline.render.layouts import TextBox
from pipeline.render.measure import box_spec, grown_sizes, measure_ref

CHECK = "✓"
SEPARATOR = " · "
INDENT = 1.15  # the mark's column, as a share of the size
GAP = 0.5  # space between items, as a share of the size
SHRINK = 0.8  # the smallest share of the largest fitting size tried to keep items on one line
LINE_PX = 8  # an item's extra line costs as much as this many px of type given up
LONE_PX = 8  # and its last word alone on a line as many again


@dataclass(frozen=True)
class Checklist:
    size: int
    items: tuple[tuple[str, ...], ...]  # each item's lines
    line_height: int
    gap: int
    indent: int
    height: int  # from the first line's ascender to the last line's descender

    @property
    def text(self) -> str:
        return SEPARATOR.join(" ".join(lines) for lines in self.items)


def split_items(text: str) -> list[str]:
    """The items, cut at " · " only: a tip's own "·" ("냉·난방기 사용 줄이기") stays in it."""
    return [item.strip() for item in text.split(SEPARATOR) if item.strip()]


def fit_checklist(text: str, box: TextBox, chain: FontChain) -> Checklist | None:
    """The largest size in the box's range (grown for short items) at which every item fits,
    None when they do not fit even at the smallest (the caller sets the text as one block)."""
    items = split_items(text)
    if not items:
        return None
    longest = max(math.ceil(reading_words(item)) for item in items)
    smallest, largest = grown_sizes(box, longest)
    found = None
    for size in range(largest, smallest - 1, -1):
        found = checklist_at(items, box, chain, size)
        if found is not None:
            break
    if found is None:
        return None
    options = [found]  # a few px smaller may keep an item on one line ("Pelvic / floor exercises")
    for size in range(found.size - 1, max(smallest, round(found.size * SHRINK)) - 1, -1):
        option = checklist_at(items, box, chain, size)
        if option is not None:
            options.append(option)
    largest_fit = found.size
    one_line = one_liners(options)
    return min(options, key=lambda o: largest_fit - o.size + cost_px(o, one_line))


def one_liners(options: list[Checklist]) -> frozenset[int]:
    """The items that some size tried sets on one line: only those are worth shrinking for."""
    return frozenset(i for o in options for i, lines in enumerate(o.items) if len(lines) == 1)


def cost_px(checklist: Checklist, one_line: frozenset[int] | None = None) -> int:
    """What its breaks cost, in px of type: each line beyond one of an item that fits on one
    line at another size ("Pelvic / floor exercises"), and more for an item's last word alone
    on its line ("Use Ice or Anti-inflammatory / preparations"). A sentence-long tip takes
    several lines at any size: its lines cost nothing, so it keeps the largest size that fits,
    not one 11 px smaller for a line less."""
    items = checklist.items
    keep = range(len(items)) if one_line is None else one_line
    extra = sum(len(items[i]) - 1 for i in keep)
    lone = sum(1 for lines in items if len(lines) > 1 and len(lines[-1].split()) == 1)
    return LINE_PX * extra + LONE_PX * lone


def checklist_at(items: list[str], box: TextBox, chain: FontChain, size: int) -> Checklist | None:
    indent = round(size * INDENT)
    base = box_spec(box, chain, box.width - indent)
    spec = TextSpec(
        width=box.width - indent,
        height=box.height,
        sizes=(size, size),
        line_height=box.line_height,
        max_lines=box.max_lines,
        ascent=base.ascent,
        descent=base.descent,
        hyphenate=False,
    )
    lines = []
    for item in items:
        fitted = fit_words(item, spec, lambda part: measure_ref(chain, part))
        if fitted is None:
            return None
        lines.append(fitted.lines)
    line_height = round(size * box.line_height)
    gap = round(size * GAP)
    count = sum(len(item) for item in lines)
    height = (count - 1) * line_height + (len(items) - 1) * gap
    height += round((base.ascent + base.descent) * size)
    if height > box.height:
        return None
    return Checklist(size, tuple(lines), line_height, gap, indent, height)
