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

from pipeline.extract.library import trafilatura_utils

# What the library's first repair takes out: a text that load's clean_characters read has no
# control character left, only these two non-characters.
NON_CHARACTERS = ("\ufffe", "\uffff")

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


def load_html(text: str, *, cleaned: bool = False) -> HtmlElement | None:
    """The document's tree, or None when it is no HTML: trafilatura's `load_html` for a
    string, step for step (a repair, a parse of the text, of its UTF-8 bytes when lxml
    refuses the text or finds nothing, and a refusal of a one-element tree from a text
    that never says "html" near its start). `cleaned`: the text's control characters are
    out already (pipeline.load.chars.clean_characters)."""
    beginning = text[:50].lower()
    dubious = "html" not in beginning
    text = repair(text, beginning, cleaned=cleaned)
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


def repair(text: str, beginning: str, *, cleaned: bool) -> str:
    """The library's `repair_faulty_html`: control characters out, then a doctype that
    closes itself ("<!DOCTYPE ... />") and a self-closed <html/> mended. For a `cleaned`
    text its first step, a pass over every character of the page, is left out unless one
    of the two non-characters it also removes is there (a search for each is a fast scan)."""
    utils = trafilatura_utils
    if not cleaned or any(c in text for c in NON_CHARACTERS):
        return str(utils.repair_faulty_html(text, beginning))
    if "doctype" in beginning:
        firstline, _, rest = text.partition("\n")
        text = utils.DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return utils.FAULTY_HTML.sub(r"\1>", text, count=1)
    return text
