"""Part of stage 2, extract: a page's texts in reading order, in one pass that can stop early.

The headline checks look at what stands above an element (the body's first paragraph, an
<h1>): walking the tree from the top and stopping there costs far less than an XPath over
every text node of the page with a test of each one's ancestors.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from pipeline.extract.texts import clean_text

# Where no article prose stands: the page's head, code, links, lists, forms and its chrome.
NOT_PROSE = frozenset(
    (
        "head",
        "script",
        "style",
        "a",
        "li",
        "nav",
        "header",
        "footer",
        "aside",
        "button",
        "option",
        "form",
    )
)


def texts_in_order(
    root: HtmlElement, skip: frozenset[str]
) -> Iterator[tuple[str, HtmlElement, bool]]:
    """(text, element, own) in reading order: each element as it opens with its own text
    (`own`; "" when it has none or is left out, so that a reader can stop at any element
    outside the left-out ones), and the text after it (its tail) as it closes. An element
    whose tag is in `skip`, a comment and a processing instruction are left out with all
    they hold, unvisited; their tails are not."""
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        if event == "start":
            if isinstance(element.tag, str) and element.tag not in skip:
                yield element.text or "", element, True
            else:
                walk.skip_subtree()  # its "end" still comes
                yield "", element, True
        elif element is not root:
            yield element.tail or "", element, False


def h1_sources(tree: HtmlElement, body: str) -> dict[HtmlElement, str]:
    """The source each <h1> votes as. One after the article has begun (text of its `body`
    above it) heads a part of the page (the steps of a surgery under the page's image title):
    it votes as a subheading. A cookie notice or a teaser above it is not the article. One
    walk from the top serves every <h1> (inside a left-out element: where that opens)."""
    sources = dict.fromkeys(tree.iter("h1"), "h1")
    left, told = len(sources), 0
    for raw, element, own in texts_in_order(tree.getroottree().getroot(), NOT_TOLD):
        if not (left and body):
            break
        if own and element.tag in NOT_TOLD:  # left out with all it holds, an <h1> too
            for h1 in (h for h in element.iter("h1") if h in sources):
                sources[h1] = "heading" if told >= MID_PAGE_CHARS else "h1"
                left -= 1
        text = clean_text(raw) if len(raw) >= SENTENCE_CHARS else ""
        told += len(text) if len(text) >= SENTENCE_CHARS and text in body else 0
    return sources


# Where the text above an <h1> is no part of an article: no prose, or a heading.
NOT_TOLD = NOT_PROSE | {"h1", "h2", "h3", "h4"}
SENTENCE_CHARS = 40  # a shorter text is a label, a date or a tagline
MID_PAGE_CHARS = 60
