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
