"""Part of stage 2, extract: the slides of a carousel that holds the article's own sections.

Clinic pages often show their treatment methods or steps as a carousel: one slide per method,
each a heading and a paragraph (`<div class="swiper-slide"><h4>Epidural
neuroplasty</h4><p>A catheter is passed … </p></div>`). The library takes every element with
"slide" in its class for a slideshow of pictures or teasers and drops it, with the methods. A
group of two or more sibling slides (Swiper's, Slick's, Splide's, Glide's or Bootstrap's slide
classes) that each hold a heading and a sentence comes back, none of whose sentences the article
has: after the last block the page shows before the carousel, each slide's headings and
paragraphs in order, a heading that every slide repeats ("Non-surgical treatment") once.
Slides of pictures, of links or of a menu have no heading and sentence and stay out.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.cleanup import clean_text, normalise
from pipeline.models import Block

SLIDE_CLASS = re.compile(
    r"(?:^|\s)(?:swiper-slide|slick-slide|splide__slide|glide__slide|carousel-item|slide)(?=\s|$)"
)
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
TEXT_TAGS = (*HEADINGS, "p", "li")
SENTENCE_END = re.compile(r"[.!?。！？]$")
MIN_SENTENCE_CHARS = 20
MIN_SLIDES = 2


def recover_slides(tree: HtmlElement, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each group of text slides that the article lost put back."""
    out = list(blocks)
    for slides in slide_groups(tree):
        recovered = slide_blocks(slides)
        have = {normalise(b.text) for b in out}
        if any(normalise(b.text) in have for b in recovered if b.kind == "paragraph"):
            continue
        at = place_before(tree, slides[0], out)
        out[at:at] = recovered
    return tuple(out)


def slide_groups(tree: HtmlElement) -> list[list[HtmlElement]]:
    """Sibling slides that each hold a heading and a sentence, two or more, in page order."""
    groups: dict[HtmlElement, list[HtmlElement]] = {}
    for element in tree.iter("div", "li", "section", "article"):
        if SLIDE_CLASS.search(element.get("class") or "") and is_text_slide(element):
            parent = element.getparent()
            if parent is not None:
                groups.setdefault(parent, []).append(element)
    return [slides for slides in groups.values() if len(slides) >= MIN_SLIDES]


def is_text_slide(slide: HtmlElement) -> bool:
    if not any(True for _ in slide.iter(*HEADINGS)):
        return False
    return any(is_sentence(clean_text(p.text_content())) for p in slide.iter("p"))


def is_sentence(text: str) -> bool:
    return len(text) >= MIN_SENTENCE_CHARS and bool(SENTENCE_END.search(text))


def slide_blocks(slides: list[HtmlElement]) -> list[Block]:
    """Each slide's headings and paragraphs; a heading already given in the group goes."""
    blocks: list[Block] = []
    seen: set[str] = set()
    for slide in slides:
        for element in slide.iter(*HEADINGS, "p"):
            text = shown_text(element)
            if not text:
                continue
            if element.tag == "p":
                blocks.append(Block(kind="paragraph", text=text))
            elif text not in seen:
                seen.add(text)
                blocks.append(Block(kind="heading", text=text, level=int(element.tag[1])))
    return blocks


def shown_text(element: HtmlElement) -> str:
    """The element's text with a space for each line break (lines may end without one)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag == "br" else child.text_content())
        parts.append(child.tail or "")
    return clean_text("".join(parts))


def place_before(tree: HtmlElement, first: HtmlElement, blocks: list[Block]) -> int:
    """The index after the last block whose text the page shows before `first`; the end when
    none does."""
    before: set[str] = set()
    for element in tree.iter(*TEXT_TAGS, first.tag):
        if element is first:
            break
        if element.tag in TEXT_TAGS:
            before.add(normalise(element.text_content()))
    shown = [n for n, b in enumerate(blocks) if normalise(b.text) in before]
    return shown[-1] + 1 if shown else len(blocks)
