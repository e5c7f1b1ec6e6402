"""Where each text box's words go before anything is drawn: the text cleaned of characters no
font has, fitted (shortened only as a last resort), and boxes of a stack set one under another.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from pipeline.brand import Brand
from pipeline.render.checklist import Checklist, fit_checklist
from pipeline.render.fit import ELLIPSIS, Fitted
from pipeline.render.glyphs import FontChain, split_runs
from pipeline.render.layouts import Layout, TextBox
from pipeline.render.measure import (
    block_bottom,
    box_spec,
    first_baseline,
    fit_box,
    fit_label,
    font_chain,
    measure_line,
)

SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?…])")
FIELD_NAMES = {
    "kicker": "kicker",
    "text": "main text",
    "note": "note",
    "fine_print": "small print",
    "footer": "footer",
    "counter": "counter",
}


@dataclass(frozen=True)
class Placed:
    """One box's text as it will be drawn: fitted as lines, or as a checklist; nothing when it
    could not fit at all (then `warnings` says so)."""

    box: TextBox
    chain: FontChain
    fitted: Fitted | None
    checklist: Checklist | None = None
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        if self.checklist:
            return self.checklist.text
        return self.fitted.text if self.fitted else ""

    @property
    def height(self) -> int:
        if self.checklist:
            return self.checklist.height
        if self.fitted is None:
            return 0
        return self.fitted.block_height(box_spec(self.box, self.chain, self.box.width))


def ink_box(placed: Placed) -> tuple[int, int, int, int]:
    """Where the box's text is drawn (left, top, right, bottom): from the first line's ascender
    to the last line's descender, as wide as its widest line (the whole box for a checklist)."""
    box = placed.box
    if placed.checklist:
        return box.x, box.y, box.x + box.width, box.y + placed.checklist.height
    fitted = placed.fitted
    if fitted is None:
        return box.x, box.y, box.x, box.y
    size, chain = fitted.size, placed.chain
    tracking = box.tracking * size / box.sizes[1]
    widest = round(max(measure_line(chain, line, size, tracking) for line in fitted.lines))
    baseline = first_baseline(box, fitted, chain)
    top = baseline - round(box_spec(box, chain, box.width).ascent * size)
    left = box.x
    if box.align == "center":
        left += (box.width - widest) // 2
    elif box.align == "right":
        left += box.width - widest
    return left, top, left + widest, block_bottom(box, fitted, chain, baseline)


def place_box(
    box: TextBox,
    value: str,
    brand: Brand,
    file: str,
    short: str | None = None,
    roomy: bool = False,
) -> Placed:
    """The box's text fitted; `short` (the text from the points' short forms) is drawn only
    when the whole text cannot fit at the box's smallest size, or, when `roomy` (a point
    slide's text), cannot fit at a comfortable size and the short form sets larger."""
    chain = font_chain(brand, box.role, value)
    text, warnings = clean_text(value.upper() if box.caps else value, chain, file)
    short_text = clean_text(short, chain, file)[0] if short else None
    if box.checklist and box.field == "text":
        checklist = fit_checklist(text, box, chain)
        if checklist is None and short_text:
            checklist = fit_checklist(short_text, box, chain)
            if checklist is not None:
                warnings.append(
                    f"{file}: {FIELD_NAMES[box.field]} shortened to fit: {excerpt(value)}"
                )
        if checklist is not None:
            return Placed(box, chain, None, checklist, tuple(warnings))
    fitted = fit_box(text, box, chain)
    whole_sentences = short_text is not None and not short_text.endswith(ELLIPSIS)
    squeezed = roomy and whole_sentences and fitted is not None and fitted.size < comfortable(box)
    if short_text and (fitted is None or fitted.shortened or squeezed):
        cut = fit_box(short_text, box, chain)  # the digest's cut, when it fits (larger)
        if cut is not None and (fitted is None or better_cut(cut, fitted)):
            fitted = replace(cut, shortened=True)
    if fitted is None and box.field != "text":  # a long kicker: shortened at a word, not dropped
        fitted = fit_label(text, box, chain)
    label = text.split(": ", 1)[0] if box.field != "text" else text
    if label != text and fitted is not None and fitted.shortened and too_short(fitted.text, label):
        fitted = fit_box(label, box, chain) or fitted  # "— from our blog", not "…: Knee…"
    if fitted is None and box.field == "text":  # a card without its main text is no card
        raise ValueError(f"text cannot fit a card even when shortened: {excerpt(value)}")
    if fitted is None:
        warnings.append(
            f"{file}: {FIELD_NAMES[box.field]} left out, it cannot fit: {excerpt(value)}"
        )
    elif fitted.shortened:
        warnings.append(f"{file}: {FIELD_NAMES[box.field]} shortened to fit: {excerpt(value)}")
    return Placed(box, chain, fitted, None, tuple(warnings))


def comfortable(box: TextBox) -> float:
    """The size a long text should not be squeezed under when a short form of whole sentences
    exists: the middle of the box's range (56 px of a point's 48-64). Under it, a paragraph
    reads as small print beside the slides around it. A short form cut mid-sentence ("…") is
    drawn only when the whole does not fit at all: its ellipsis on a card with room to spare
    would drop words the card could hold."""
    return (box.sizes[0] + box.sizes[1]) / 2


def better_cut(cut: Fitted, fitted: Fitted) -> bool:
    """The short form instead of the whole text: whole where the whole was cut with "…", or
    set larger where the whole was squeezed."""
    if cut.shortened:
        return False
    return fitted.shortened or cut.size > fitted.size


def too_short(shortened: str, label: str) -> bool:
    """A "Label: title" line cut to fewer than three words of its title."""
    return len(shortened.split()) - len(label.split()) < 3


def stack_boxes(
    layout: Layout,
    values: dict[str, str],
    placed: dict[str, Placed],
    brand: Brand,
    file: str,
    shorts: dict[str, str] | None = None,
    roomy: bool = False,
) -> dict[str, Placed]:
    """The layout's stack: its boxes one under another, `gap` apart. Each keeps the size it
    fitted at in its own box, the last is fitted (again: the main text only here, see
    `deferred_field`) to all the height the others leave, and the block sits at the top,
    middle or bottom of the region the stack's boxes span."""
    stack = layout.stack
    if stack is None:
        return placed
    boxes = [b for b in layout.boxes if b.field in stack.fields]
    top = min(b.y for b in boxes)
    bottom = max(b.y + b.height for b in boxes)
    members = [placed[f] for f in stack.fields if f in placed and placed[f].text]
    deferred = deferred_field(layout)
    short_of = (shorts or {}).get
    if deferred in values:  # the main text, not placed yet: fitted once, in the room left
        own = next(b for b in boxes if b.field == deferred)
        used = sum(m.height + stack.gap for m in members)
        room = replace(own, y=top + used, height=bottom - top - used)
        if room.height > own.height:
            place_box(own, values[deferred], brand, file, short_of(deferred))  # fails as before
        members.append(place_box(room, values[deferred], brand, file, short_of(deferred), roomy))
    elif members:
        last = members[-1]
        used = sum(m.height + stack.gap for m in members[:-1])
        room = replace(last.box, y=top + used, height=bottom - top - used)
        short = short_of(last.box.field)
        members[-1] = place_box(room, values[last.box.field], brand, file, short, roomy)
    else:
        return placed
    total = sum(m.height for m in members) + stack.gap * (len(members) - 1)
    y = top
    if stack.valign == "middle":
        y += (bottom - top - total) // 2
    elif stack.valign == "bottom":
        y += bottom - top - total
    moved = dict(placed)
    for member in members:
        box = replace(member.box, y=y, height=max(member.height, 1), valign="top")
        moved[box.field] = replace(member, box=box)
        y += member.height + stack.gap
    return {b.field: moved[b.field] for b in layout.boxes if b.field in moved}  # drawing order


def deferred_field(layout: Layout) -> str | None:
    """The main text when it ends the layout's stack: `place_card` leaves it to `stack_boxes`,
    which fits it once, in the room the boxes above it leave; fitting it in its own box first
    was thrown away. Only its error mattered ("cannot fit even when shortened"), and a text
    that fits the room fits its box, which is as tall or taller, except when the stack's
    region is taller than the box: then `stack_boxes` still tries the box first."""
    stack = layout.stack
    return "text" if stack is not None and stack.fields[-1:] == ("text",) else None


def clean_text(text: str, chain: FontChain, file: str) -> tuple[str, list[str]]:
    """Drop characters no font covers (and emoji without an emoji font), with a warning that
    names each character and the card."""
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
        warnings.append(
            f"{file}: character {char!r} (U+{ord(char):04X}) has no font; left out (name a font"
            " that has it in the brand kit's fallback_fonts)"
        )
    kept = " ".join("".join(c for c in text if c not in missing).split())
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", kept), warnings


def is_emoji(char: str) -> bool:
    return ord(char) >= 0x1F000 or unicodedata.category(char) == "So"


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a text for a message, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"
