"""Part of stage 2, extract: a site section's name above the article's own heading.

Template sites print the name of the section a page belongs to ("통증 클리닉", "Pain
clinic", "Our services") as a titled element on every page of the section, and the
condition's own heading under it. When the page's title is only such a titled element (no
<h1>, no <title> or template title says the same), names something the article never
mentions, and the next heading names what the article talks about, the next heading is the
headline.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.headline import agrees, usable_title, visible_candidates
from pipeline.extract.metadata import title_sources
from pipeline.extract.title_extras import spaced_text
from pipeline.languages import EAST_ASIAN
from pipeline.models import Block

WEAK = ("class", "subclass")  # titled elements that are no <h1>
HEADINGS = ("h1", "h2", "h3", "h4")
SHOWN_IN = (*HEADINGS, "div", "p", "span")  # the elements a titled section name sits in
MIN_WORD = 2  # shorter words are particles or numbers
WORD = re.compile(r"\w+")


def section_title(
    tree: HtmlElement, blocks: tuple[Block, ...], voted: str, hint: str | None
) -> str:
    """The heading under a section's name that won the vote, or ""."""
    body = "\n".join(b.text for b in blocks if b.kind != "heading")
    if not voted or not body or mentioned(voted, body) or confirmed(tree, voted, hint):
        return ""
    sources = {c.source for c in visible_candidates(tree) if c.text == voted}
    if not sources or not sources <= set(WEAK):
        return ""
    following = next_heading(tree, voted)
    return following if following and mentioned(following, body) else ""


def mentioned(text: str, body: str) -> bool:
    """Every word of the text occurs in the body (inside a longer word too: Korean and
    Japanese join their particles to the word)."""
    words = [w for w in WORD.findall(text.lower()) if len(w) >= MIN_WORD]
    if EAST_ASIAN.search(body):  # "녹내장 Glaucoma": a Latin word beside the body's is a gloss
        words = [w for w in words if not w.isascii()]
    lowered = body.lower()
    return all(w in lowered for w in words)  # a title of no such words says nothing


def confirmed(tree: HtmlElement, voted: str, hint: str | None) -> bool:
    """A title of the page (<title>, og:title, JSON-LD, the template's) says the same."""
    titles = [text for _, text in title_sources(tree)] + ([hint] if hint else [])
    return any(agrees(voted, title) for title in titles)


def next_heading(tree: HtmlElement, voted: str) -> str:
    """The first heading after the element that shows `voted`."""
    seen = False
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if not seen:
            seen = element.tag in SHOWN_IN and spaced_text(element) == voted
            continue
        if element.tag in HEADINGS:
            text = spaced_text(element)
            return text if usable_title(text) and text != voted else ""
    return ""
