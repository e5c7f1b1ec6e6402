"""Part of stage 2, extract: a title written as a plain line right above the article.

Old and hand-made pages often show their title in no heading at all: a `<div id="texto">`
or a `<p>` after the category links, directly above the body's first paragraph ("O que é
Ortopedia Facial?", "Sciatica Pain? Here's Everything You Need to Know to Find Relief").
That line is the headline when the page has no other title, or when it says the same as
the page's <title> with more words (the browser's tab shows the short form). A line that
ends as a sentence, a long one, or one inside a link, a list or the page's chrome is none.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from pipeline.extract.cleanup import clean_text
from pipeline.extract.headline import tokens, usable_title, visible_candidates
from pipeline.extract.textorder import NOT_PROSE, texts_in_order
from pipeline.models import Block

LINE_WORDS = 15  # a longer line is a paragraph
LINE_CHARS = 120
START_CHARS = 30  # the body's first paragraph is found by its opening
SENTENCE_ENDS = (".", "!", ":", ";", ",", "。")
# Where no title line is: no prose, or a form's label.
NOT_LINES = NOT_PROSE | {"label"}

IN_HEADING = etree.XPath(  # compiled once: it is asked of many elements
    "ancestor-or-self::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
)


def title_line(tree: HtmlElement, blocks: tuple[Block, ...], voted: str) -> str:
    """The plain line above the body that is the page's title, or "": when nothing was
    voted, or when `voted` is no visible heading and the line holds all its words."""
    line = line_above_body(tree, blocks)
    if not line or (voted and not extends_title(line, voted, tree)):
        return ""
    return line


def extends_title(line: str, title: str, tree: HtmlElement) -> bool:
    """The line holds every word of a title that the page shows in no heading of its own."""
    words, line_words = set(tokens(title)), set(tokens(line))
    if not words or not words < line_words:
        return False
    return all(c.text != title for c in visible_candidates(tree))


def line_above_body(tree: HtmlElement, blocks: tuple[Block, ...]) -> str:
    """The last text before the body's first paragraph, when it is a short line of its own
    (the whole text of its element) that does not end as a sentence."""
    first = next((b.text for b in blocks if b.kind != "heading"), "")
    if len(first) < START_CHARS:
        return ""
    opening = first[:START_CHARS]
    previous, above = "", None  # the last text and its element, when it was its own text
    for raw, element, own in texts_in_order(tree, NOT_LINES):
        text = clean_text(raw) if raw.strip() else ""
        if not text:
            continue
        if opening in text or (len(text) >= START_CHARS // 3 and opening.startswith(text)):
            return previous if whole_line(above, previous) and short_line(previous) else ""
        previous, above = text, element if own else None
    return ""


def whole_line(element: HtmlElement | None, text: str) -> bool:
    """The text is all of its element's text, and the element no heading."""
    if element is None or clean_text(element.text_content()) != text:
        return False
    return not IN_HEADING(element)  # a heading is no plain line


def short_line(text: str) -> bool:
    return (
        len(text) <= LINE_CHARS
        and len(text.split()) <= LINE_WORDS
        and not text.endswith(SENTENCE_ENDS)
        and usable_title(text)
    )
