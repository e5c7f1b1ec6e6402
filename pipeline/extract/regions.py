"""Part of stage 2, extract: blocks that repeat, word for word, a text of the page's menus,
header, sidebar or footer (a clinic's address line, an author box copied from the sidebar)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from lxml.html import HtmlElement

from pipeline.extract.texts import normalise
from pipeline.models import Block

REGION_TAGS = ("nav", "footer", "aside", "header")


def drop_repeated_chrome(blocks: tuple[Block, ...], chrome: frozenset[str]) -> tuple[Block, ...]:
    """Drop blocks that repeat, word for word, text from the page's menus, header, sidebar or
    footer (a clinic's address line, an author box copied from the sidebar)."""
    return tuple(b for b in blocks if normalise(b.text) not in chrome)


def collect_region_texts(
    tree: HtmlElement, blocks: tuple[Block, ...] | None = None
) -> frozenset[str]:
    """Normalised texts of the elements in the page's nav, header, aside and footer, but a table
    of contents' entries (they name the article's own headings); given the
    body's `blocks`, only those of regions that can hold one of theirs (`may_repeat`)."""
    keys = {normalise(b.text) for b in blocks} if blocks is not None else None
    texts = set()
    for region in tree.iter(*REGION_TAGS):
        if any(parent.tag in REGION_TAGS for parent in region.iterancestors()):
            continue  # inside a region already read whole (a nav in the header)
        if keys is not None and not may_repeat(region, keys):
            continue
        for element in region.iter("p", "li", "div", "span", "h2", "h3", "h4"):
            text = normalise(element.text_content())
            if not names_own_parts(element, text):
                texts.add(text)
    texts.discard("")
    return frozenset(texts)


def names_own_parts(element: HtmlElement, text: str) -> bool:
    """An entry of a table of contents: all its text is links to parts of the page itself
    ('<a href="#home-treatments">Home Treatments</a>'), so the heading it names is no chrome."""
    anchors = [a for a in element.iter("a") if IN_PAGE.match(a.get("href") or "")]
    return bool(anchors) and normalise(" ".join(a.text_content() for a in anchors)) == text


IN_PAGE = re.compile(r"#[^\s#]")  # a link to an id on the page: "#causes", not "#" alone


def may_repeat(region: HtmlElement, keys: AbstractSet[str]) -> bool:
    """Whether an element of the region may have one of the normalised texts `keys`: an
    element's text is a run of its region's text, and its normalised words a run of the
    region's normalised words (the end ones perhaps cut), so a key that is no part of the
    region's normalised text is no element's. Lower-casing a capital sigma depends on the
    letters around it: a region that holds one is read element by element."""
    whole = region.text_content()
    if "\u03a3" in whole:
        return True
    region_key = normalise(whole)
    return any(key in region_key for key in keys)
