"""Part of stage 2, extract: a page's texts in reading order, in one pass that can stop early.

The headline checks look at what stands above an element (the body's first paragraph, an
<h1>): walking the tree from the top and stopping there costs far less than an XPath over
every text node of the page with a test of each one's ancestors.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

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
    (`own`; "" when it has none or is left out, so that a reader can stop at any element),
    and the text after it (its tail) as it closes. Texts inside an element whose tag is in
    `skip`, and of comments and processing instructions, are left out; their tails are not."""
    depth = 0  # how deep inside skipped elements the walk is
    for event, element in etree.iterwalk(root, events=("start", "end")):
        skipped = not isinstance(element.tag, str) or element.tag in skip
        if event == "start":
            inside = bool(depth) or skipped
            depth += inside
            yield "" if inside else element.text or "", element, True
            continue
        if depth:
            depth -= 1
        if not depth and element is not root:
            yield element.tail or "", element, False
