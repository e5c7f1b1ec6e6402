"""Part of stage 2, extract: lists of sentences that the library left in a box beside the
article's own boxes.

Clinic templates lay a page out as a row of boxes of one kind ("sidebar_info",
"sidebar_info _preguntas"; "con sub_cure", "con sub_attention"), and the library keeps the
boxes with paragraphs but may drop a box that is only a heading and a list: the tips, the
after-care notes. Such a list comes back, with its heading, when its box shares a class with
a sibling box that holds the article's text, and its items read as sentences, not links or
labels.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.cleanup import clean_text, is_chrome, normalise
from pipeline.models import Block

CHROME_TAGS = frozenset(("nav", "footer", "aside", "header", "form"))
TEXT_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ITEM_MIN_CHARS = 20
SENTENCE_END = re.compile(r"[.!。！]\s*$|[다요]\.?\s*$")
MIN_ITEMS = 2
COMMENTS = re.compile(r"comment|respons|discussion|disqus|review|testimonial", re.I)


def names(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def recover_sibling_lists(tree: HtmlElement, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with the lists of sentences from boxes of the same kind as a box that holds
    the article's text, none of whose items the article already has: after the box's heading
    when the article kept it, else with it at the end."""
    have = {normalise(b.text) for b in blocks}
    candidates = [(lst, list_sentences(lst)) for lst in tree.iter("ul", "ol")]
    candidates = [(lst, items) for lst, items in candidates if len(items) >= MIN_ITEMS]
    if not candidates:
        return blocks
    kept = kept_boxes(tree, have)
    out = list(blocks)
    for lst, items in candidates:
        if has_kept(lst, have, items) or told_apart(items, have):
            continue
        box = sibling_box(lst, kept)
        if box is None:
            continue
        heading = box_heading(box, lst)
        recovered = [Block(kind="item", text=i) for i in items]
        at = next((n for n, b in enumerate(out) if heading and b.text == heading.text), None)
        if at is not None:
            out[at + 1 : at + 1] = recovered
        else:
            out.extend(([heading] if heading else []) + recovered)
        have.update(normalise(i) for i in items)
    return tuple(out)


def told_apart(items: list[str], have: set[str]) -> bool:
    """The article has an item's text apart from its label ("Bleeding:" as a heading, the
    text after it as an item): a kept text of sentence length inside an item. Spaces are not
    compared: a line break inside an item (`걷기,<br/>자전거`) joins its words in the tree."""
    long_texts = [h.replace(" ", "") for h in have if len(h) >= ITEM_MIN_CHARS]
    joined = [normalise(i).replace(" ", "") for i in items]
    return any(h in i for i in joined for h in long_texts)


def has_kept(lst: HtmlElement, have: set[str], items: list[str]) -> bool:
    """An item, or a text inside the items, is in the article already (a card's heading or
    paragraph, unwrapped from its <li>)."""
    return any(normalise(i) in have for i in items) or any(
        normalise(e.text_content()) in have for e in lst.iter(*TEXT_TAGS) if e is not lst
    )


def kept_boxes(tree: HtmlElement, have: set[str]) -> set[HtmlElement]:
    """The elements that hold a text the article kept, and their ancestors."""
    boxes: set[HtmlElement] = set()
    for element in tree.iter(*TEXT_TAGS):
        if normalise(element.text_content()) in have:
            boxes.add(element)
            boxes.update(element.iterancestors())
    return boxes


def list_sentences(lst: HtmlElement) -> list[str]:
    """The list's items when most of them are sentences (not links, labels or a menu); else
    none. A list inside the page's chrome has none. The links of an item are measured only
    for a sentence, and the list's place on the page only for a list of sentences: most
    lists are menus of short labels."""
    items = [li for li in lst if li.tag == "li"]
    raw = [li.text_content() for li in items]
    if sum(len(t) >= ITEM_MIN_CHARS for t in raw) * 2 < len(raw):
        return []  # too few items long enough for a sentence (clean_text never lengthens one)
    texts = [clean_text(t) for t in raw]
    sentences = [
        t
        for t, li in zip(texts, items, strict=True)
        if len(t) >= ITEM_MIN_CHARS and SENTENCE_END.search(t) and linked_chars(li) < len(t) / 2
    ]
    if not texts or len(sentences) * 2 < len(texts) or any(is_chrome(t) for t in sentences):
        return []
    if any(a.tag in CHROME_TAGS or COMMENTS.search(names(a)) for a in lst.iterancestors()):
        return []
    return sentences


def linked_chars(item: HtmlElement) -> int:
    return sum(len(clean_text(a.text_content())) for a in item.iter("a"))


def sibling_box(lst: HtmlElement, kept: set[HtmlElement]) -> HtmlElement | None:
    """The list's nearest ancestor outside the article's boxes that shares a class with a
    sibling that is one of them."""
    for box in lst.iterancestors():
        parent = box.getparent()
        if parent is None or box.tag in ("body", "html"):
            return None
        classes = set((box.get("class") or "").split())
        if classes and any(
            sibling is not box and sibling in kept and classes & class_set(sibling)
            for sibling in parent
        ):
            return box
    return None


def box_heading(box: HtmlElement, lst: HtmlElement) -> Block | None:
    """The last heading in the box before the list."""
    heading = None
    for element in box.iter(*HEADINGS, "ul", "ol"):
        if element is lst:
            break
        if element.tag in HEADINGS:
            heading = element
    if heading is None:
        return None
    text = clean_text(heading.text_content())
    return Block(kind="heading", text=text, level=int(heading.tag[1])) if text else None


def class_set(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def recover_opened_lists(tree: HtmlElement, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with the list a kept paragraph opens ("Ways to avoid ingrown toenails:")
    when the library dropped it: the <ul> or <ol> right after that paragraph on the page
    comes back after it, if its items read as sentences and the article has none of them."""
    out = list(blocks)
    have = {normalise(b.text) for b in blocks}
    for element in tree.iter("p"):
        lst = element.getnext()
        text = normalise(element.text_content())
        if lst is None or lst.tag not in ("ul", "ol") or text not in have:
            continue
        items = list_sentences(lst)
        if len(items) < MIN_ITEMS or has_kept(lst, have, items) or not opens_list(element):
            continue
        at = next(n for n, b in enumerate(out) if normalise(b.text) == text)
        out[at + 1 : at + 1] = [Block(kind="item", text=i) for i in items]
        have.update(normalise(i) for i in items)
    return tuple(out)


def opens_list(paragraph: HtmlElement) -> bool:
    return clean_text(paragraph.text_content()).endswith((":", "："))
