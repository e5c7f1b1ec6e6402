"""Subheadings written as styled paragraphs.

Many clinic templates (Korean and Japanese ones above all) write a section's title as a
`<p class="title01">` or a `<p style="font-weight:bold">`, not as an `<h2>`/`<h3>`. The library
then keeps it as a paragraph, and the digest cannot see the section it opens. A short `<p>`
that a class names as a title or an inline style makes bold, and that is not a sentence, is
made an `<h3>` before extraction.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

TITLE_CLASS = re.compile(r"title", re.I)  # "title01", "middle_title", "sub-title"
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
MAX_WORDS = 12
MAX_CHARS = 60
SENTENCE_END = (".", "!", ",", ";", "。", "！", "、")
INLINE = frozenset({"span", "em", "strong", "b", "i", "small", "br", "a", "font"})


def raise_styled_headings(tree: HtmlElement) -> None:
    """Each short, title-classed or bold-styled <p> that is not a sentence becomes an <h3>."""
    for paragraph in list(tree.iter("p")):
        if is_styled_heading(paragraph):
            paragraph.tag = "h3"


def is_styled_heading(paragraph: HtmlElement) -> bool:
    styled = TITLE_CLASS.search(paragraph.get("class", "")) or BOLD_STYLE.search(
        paragraph.get("style", "")
    )
    if not styled or any(child.tag not in INLINE for child in paragraph.iterchildren()):
        return False
    text = " ".join(paragraph.text_content().split())
    return (
        0 < len(text) <= MAX_CHARS
        and len(text.split()) <= MAX_WORDS
        and not text.endswith(SENTENCE_END)
    )
