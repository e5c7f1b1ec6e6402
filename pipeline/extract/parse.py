"""Part of stage 2, extract: a page's HTML as an lxml tree, parsed once for every step.

The tree is the one trafilatura's `load_html` makes (the same libxml2 settings and the same
repairs of faulty markup), with one difference that costs nothing in output: every element
is an `HtmlElement`, chosen by lxml in C. lxml.html's own parsers choose each element's
class in Python (a <form>, <input>, <select>, <textarea> or <label> gets a class of its own,
with form helpers that extraction never calls), and that Python call runs for every element
each time a walk meets it anew: in our steps and in trafilatura's copies of the tree, which
keep their parser's choice. On the 109 extraction pages it was a tenth of extraction's time.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)

from pipeline.extract.library import repair_faulty_html

PARSER = HTMLParser(  # trafilatura's settings (trafilatura.utils.HTML_PARSER)
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)


def load_html(text: str) -> HtmlElement | None:
    """The document's tree, or None when it is no HTML: trafilatura's `load_html` for a
    string, step for step (a repair, a parse of the text, of its UTF-8 bytes when lxml
    refuses the text or finds nothing, and a refusal of a one-element tree from a text
    that never says "html" near its start)."""
    beginning = text[:50].lower()
    dubious = "html" not in beginning
    text = repair_faulty_html(text, beginning)
    tree, from_bytes = None, False
    try:
        tree = fromstring(text, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, from_bytes = parse_bytes(text), True
    except Exception:  # as the library: any other failure of the parser is no tree
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = parse_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def parse_bytes(text: str) -> HtmlElement | None:
    try:
        return fromstring(text.encode("utf8", "surrogatepass"), parser=PARSER)
    except Exception:
        return None
