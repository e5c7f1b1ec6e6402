"""Part of stage 2, extract: the subheadings the library dropped from inside the article, put
back where they stand in the page (between two blocks of the body, or at the top of the box
whose first blocks are in the body)."""

from __future__ import annotations

from itertools import islice, pairwise

from lxml.html import HtmlElement

from pipeline.extract.cleanup import (
    HEADING_CLASS,
    HEADING_CLASS_LEVEL,
    HEADING_MAX_CHARS,
    HEADING_TAGS,
    IN_BODY,
    clean_text,
    normalise,
    visible_text,
)
from pipeline.models import Block


def recover_headings(tree: HtmlElement, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Subheadings the library dropped from inside the article: an h2-h6 whose nearest
    sibling elements with text on both sides are two blocks that follow each other in the
    body. It stands between them in the page, so it belongs to the same article."""
    keys = [normalise(b.text) for b in blocks]
    pairs = {pair: n + 1 for n, pair in reversed(list(enumerate(pairwise(keys))))}
    firsts = {key: n for n, key in reversed(list(enumerate(keys)))}
    inserts: dict[int, Block] = {}
    kept = set(keys)
    for heading in find_headings(tree):
        text = clean_text(visible_text(heading))
        if not text or len(text) > HEADING_MAX_CHARS or normalise(text) in kept:
            continue  # no heading, or one the body has: its neighbours are not looked for
        before, after = sibling_with_text(heading, -1), sibling_with_text(heading, 1)
        if after is None:
            continue
        if before is not None:
            at = pairs.get((normalise(visible_text(before)), normalise(visible_text(after))))
        else:  # the first child of its box
            at = first_item(after, firsts)
            if at is None:
                at = pairs.get((normalise(visible_text(after)), next_text(after)))
                at = at - 1 if at is not None else None  # the box's first two paragraphs
            if at is None and not next_text(after):  # a box of a heading and one block
                inner = next((e for e in after.iter("p", "li") if visible_text(e).strip()), after)
                at = firsts.get(normalise(visible_text(inner)))
        if at is not None and at not in inserts:
            level = (
                int(heading.tag[1]) if heading.tag in (*HEADING_TAGS, "h1") else HEADING_CLASS_LEVEL
            )
            inserts[at] = Block(kind="heading", text=text, level=level)
    out: list[Block] = []
    for n, block in enumerate(blocks):
        out.extend([inserts[n], block] if n in inserts else [block])
    return tuple(out)


def find_headings(tree: HtmlElement) -> list[HtmlElement]:
    """h2-h6 elements, the <h1>s after the page's first (a page builder's section titles:
    "Common Conditions", "How to manage"), and <div>/<p>/<span>s a class names as a
    subheading."""
    found = list(tree.iter(*HEADING_TAGS)) + list(tree.iter("h1"))[1:]
    for element in classed_boxes(tree):
        names = element.get("class", "")
        # every HEADING_CLASS name holds "head" (in any case: no other letter folds to these)
        if "head" in names.lower() and HEADING_CLASS.search(names) and not len(element):
            found.append(element)
    return found


def classed_boxes(tree: HtmlElement) -> list[HtmlElement]:
    """The <div>, <p> and <span> elements with a class inside the page's <body>, in page
    order: of the page's one <body> by lxml's walk, which costs half the XPath's search."""
    bodies = list(tree.iter("body"))
    if len(bodies) != 1:
        return list(tree.xpath(IN_BODY + "[self::div or self::p or self::span][@class]"))
    body = bodies[0]
    return [e for e in body.iter("div", "p", "span") if "class" in e.attrib]


def first_item(element: HtmlElement, firsts: dict[str, int]) -> int | None:
    """Where the first item of the list that element is or opens stands among the body's
    blocks, or None: a heading that is the first child of its box heads a list there."""
    inner = next((e for e in element.iter("p", "li", "dt") if visible_text(e).strip()), None)
    if inner is None or inner.tag == "p":
        return None
    texts = [visible_text(inner), *(visible_text(e) for e in islice(inner.iter(), 1, 3))]
    return next((firsts[key] for key in map(normalise, texts) if key in firsts), None)


def next_text(element: HtmlElement) -> str:
    """The normalised text of element's next sibling with text, or ""."""
    following = sibling_with_text(element, 1)
    return normalise(visible_text(following)) if following is not None else ""


def sibling_with_text(element: HtmlElement, step: int) -> HtmlElement | None:
    """The nearest sibling before (step -1) or after (step 1) with visible text."""
    node = element.getprevious() if step < 0 else element.getnext()
    while node is not None and not (isinstance(node.tag, str) and visible_text(node).strip()):
        node = node.getprevious() if step < 0 else node.getnext()
    return node
