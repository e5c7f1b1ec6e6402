"""Part of stage 2, extract: a text as blocks. Literal bullets and numbered lines make items, a
bare label line above a sentence or a bold-only paragraph makes a heading, and a lead-in
("Label: text", a bold "Label.") is found; the headline comes off the body."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.cleanup import clean_text, normalise
from pipeline.languages import EAST_ASIAN
from pipeline.models import Block

# Literal bullets, those of Japanese and Korean posts too ("・", "■", "○", "▶︎" with its
# text-style selector).
BULLETS = "•●▪◦·・■□○◎◆◇▶►▸✓✔"
BULLET_PREFIX = re.compile(rf"^\s*(?:[{BULLETS}][\ufe0e\ufe0f]?\s*|[-–*]\s+|-(?=[^\W\d_]))(?=\S)")
INLINE_BULLET = re.compile(r"(?<=\S)\s+(?=[•●▪◦・■◆▶►][\ufe0e\ufe0f]?\s)")
# What INLINE_BULLET cannot match without: it opens with a look-behind, tried at every character.
INLINE_BULLET_MARK = re.compile("[•●▪◦・■◆▶►]")
# A numbered line: "①", "1)", "1.", "１．" (full-width), with or without a space after.
NUMBERED_LINE = re.compile(
    r"^\s*(?:[\u2460-\u2473\u2776-\u277f]|[0-9０-９]{1,2}[.)．）](?![0-9０-９]))\s*(?=\S)"
)
# The mark of a cut at the start or end of a quoted passage: "[...]", "(…)", "[…]".
ELISION = re.compile(r"^\s*[\[(]\s*(?:\.{3}|…)\s*[\])]\s*|\s*[\[(]\s*(?:\.{3}|…)\s*[\])]\s*$")
LEAD_IN = re.compile(r"^(?P<lead>[^:.!?]{2,60}):\s+\S")
LABEL_LINE = re.compile(r"^[^\W\d_][\w&'’/ -]{0,40}$")
# A heading found in text (a bare label line, a bold-only paragraph) is made with this level,
# and nest_labels then ranks it under the heading before it.
LABEL_LEVEL = 7
FIRST_LABEL_LEVEL = 3  # the level of such a heading under the title or a level-2 heading
BOLD_HEADING_WORDS = 12
MIN_ARTICLE_CHARS = 200  # a page with less text than this in its body has no article


def article_chars(text: str) -> int:
    """The length of a text in Latin letters' worth: a Chinese, Japanese or Korean character
    says about as much as two ("巻き爪は弾性ワイヤーで変形を矯正しています" is "Ingrown nails
    are straightened with a spring wire"), so a short Japanese page is measured as its
    English twin would be."""
    return len(text) + len(EAST_ASIAN.findall(text))


def split_bullets(kind: str, raw: str, bold: str | None) -> list[Block]:
    """The blocks in one element's text: a bare label line ("Causes") above the text becomes
    a heading, and lines that start with literal bullet characters become items (two or
    more "•" inside one line count as line starts: "Signs: • pain • swelling"), as do two or
    more numbered lines ("①", "1)", "１．"), without their numbers."""
    if INLINE_BULLET_MARK.search(raw) and len(INLINE_BULLET.findall(raw)) >= 2:
        raw = INLINE_BULLET.sub("\n", raw)
    lines = [line for line in (clean_text(x) for x in raw.split("\n")) if line]
    blocks: list[Block] = []
    if kind == "paragraph" and len(lines) > 1 and is_label_line(lines[0], lines[1]):
        blocks.append(Block(kind="heading", text=lines.pop(0), level=LABEL_LEVEL))
    elif kind == "item" and len(lines) > 1 and bold and clean_text(bold) == lines[0]:
        blocks.append(Block(kind="heading", text=lines.pop(0), level=LABEL_LEVEL))  # its label
        bold = None
    bullets = [bool(BULLET_PREFIX.match(line)) for line in lines]
    numbered = [bool(NUMBERED_LINE.match(line)) for line in lines]
    if sum(numbered) >= 2:  # "1.歯垢の付着<br>2.歯茎からの出血": a numbered list in lines
        lines = [
            NUMBERED_LINE.sub("", x, count=1) if n else x
            for x, n in zip(lines, numbered, strict=True)
        ]
        bullets = [b or n for b, n in zip(bullets, numbered, strict=True)]
    if not any(bullets[1:]) and sum(bullets) < 2:
        text = clean_text(" ".join(lines))
        return blocks + ([make_block(kind, text, bold)] if text else [])
    pending: list[str] = []
    for line, bullet in zip(lines, bullets, strict=True):
        if not bullet:
            pending.append(line)
            continue
        if pending:
            blocks.append(make_block(kind, " ".join(pending), None if blocks else bold))
            pending = []
        blocks.append(make_block("item", line))
    if pending:
        blocks.append(make_block(kind, " ".join(pending)))
    return blocks


def nest_labels(blocks: list[Block]) -> list[Block]:
    """A heading found in text ranks under the heading before it: "**Lifestyle factors:**"
    under "### Causes and risk factors" is a part of the causes, not a section beside them;
    labels in a row are siblings. Under the title or a level-2 heading it is level 3, never
    a parent of the page's level-3 headings."""
    nested: list[Block] = []
    above = FIRST_LABEL_LEVEL - 1
    for block in blocks:
        if block.kind == "heading" and block.level == LABEL_LEVEL:
            block = replace(block, level=min(6, max(FIRST_LABEL_LEVEL, above + 1)))
        elif block.kind == "heading":
            above = block.level
        nested.append(block)
    return nested


def is_label_line(line: str, following: str) -> bool:
    """A short capitalised line without punctuation, on its own above a sentence."""
    sentence = following[:1].isupper() and len(following.split()) >= 5
    return bool(LABEL_LINE.match(line)) and sentence and following.endswith((".", ":", "!", "?"))


def is_bold_heading(text: str) -> bool:
    """Short, and not a sentence (no closing full stop, exclamation mark or comma)."""
    return len(text.split()) <= BOLD_HEADING_WORDS and not text.endswith((".", "!", ",", ";"))


def make_block(kind: str, text: str, bold: str | None = None) -> Block:
    """A paragraph or list item, with a bullet stripped and its bold lead-in found.

    A lead-in is "Label: text" (bold or not), or a bold "Label." that starts the text. A
    short paragraph that is bold all through ("**What causes it?**") is a heading."""
    if "..." in text or "…" in text:  # ELISION's second part is tried at every character
        text = ELISION.sub("", text) or text  # "[...] les lombalgies c'est": a quote's cut mark
    if BULLET_PREFIX.match(text):
        text = BULLET_PREFIX.sub("", text)
        kind = "item" if kind == "paragraph" else kind
    elif kind == "paragraph" and bold and clean_text(bold) == text and is_bold_heading(text):
        return Block(kind="heading", text=text, level=LABEL_LEVEL)
    lead = None
    match = LEAD_IN.match(text)
    if match and (bold is None or text.startswith(bold.rstrip(":").strip())):
        lead = match.group("lead").strip()
    elif bold and text.startswith(bold) and bold.rstrip(".: ") and len(bold) < 60:
        after = text[len(bold) :].lstrip()
        if bold.rstrip().endswith((".", ":")) or after.startswith((":", ".", "–", "—", "- ")):
            lead = bold.rstrip(".: ")
    return Block(kind=kind, text=text, lead=lead)  # type: ignore[arg-type]


def drop_headline(blocks: tuple[Block, ...], *titles: str, dek: str = "") -> tuple[Block, ...]:
    """The headline is not part of the body, whatever its tag; nor is a subheading that
    repeats the description (a dek). A paragraph equal to the description stays: it is
    often the article's real first paragraph."""
    keys = {normalise(t) for t in titles} - {""}
    heading_keys = keys | ({normalise(dek)} - {""})
    return tuple(
        b
        for b in blocks
        if normalise(b.text) not in (heading_keys if b.kind == "heading" else keys)
    )


def first_heading(blocks: tuple[Block, ...]) -> str:
    return next((b.text for b in blocks if b.kind == "heading"), "")
