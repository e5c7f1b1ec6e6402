"""Part of stage 2, extract: the slides of a carousel that holds the article's own sections.

Clinic pages often show their treatment methods or steps as a carousel: one slide per method,
each a heading and a paragraph (`<div class="swiper-slide"><h4>Epidural
neuroplasty</h4><p>A catheter is passed … </p></div>`). The library takes every element with
"slide" in its class for a slideshow of pictures or teasers and drops it, with the methods. A
group of two or more sibling slides (Swiper's, Slick's, Splide's, Glide's or Bootstrap's slide
classes) that each hold a heading and a sentence comes back, none of whose sentences the article
has, when it stands between two of the article's blocks on the page: after the last block the
page shows before the carousel, each slide's headings and paragraphs in order, a heading that
every slide repeats ("Non-surgical treatment") once. Slides of pictures, of links or of a menu
have no heading and sentence, and a carousel above or below the article (a banner's slogans,
the patients' reviews) is not the article's: they stay out.
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
    """The blocks with each group of text slides that the article lost put back, when it
    stands inside the article: between two of its blocks on the page."""
    out = list(blocks)
    for slides in slide_groups(tree):
        recovered = slide_blocks(slides)
        have = {normalise(b.text) for b in out}
        if any(normalise(b.text) in have for b in recovered if b.kind == "paragraph"):
            continue
        at = place_inside(tree, slides, out)
        if at is not None:
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


def place_inside(tree: HtmlElement, slides: list[HtmlElement], blocks: list[Block]) -> int | None:
    """The index after the last block whose text the page shows before the slides, when a
    later block's text stands after them; None for a carousel above or below the article (a
    banner's slogans, the patients' reviews)."""
    before: set[str] = set()
    after: set[str] = set()
    seen = before
    inside = {e for slide in slides for e in slide.iter()}
    for element in tree.iter(*TEXT_TAGS, slides[0].tag):
        if element is slides[0]:
            seen = after
        elif element.tag in TEXT_TAGS and element not in inside:
            seen.add(normalise(shown_text(element)))
    shown = [n for n, b in enumerate(blocks) if normalise(b.text) in before]
    if not shown or not any(normalise(b.text) in after for b in blocks[shown[-1] + 1 :]):
        return None
    return shown[-1] + 1
