"""Part of stage 2, extract: the page's byline, as trafilatura's `extract_author` finds it.

The library prunes a copy of the tree of comment lists, sidebars, dates and figures, then
tries three XPath expressions in turn. The pruning's first expression and the three are tests
of every element's class, id and a few other attributes, most of them by regular expressions
that lxml calls back into Python for each element: about 4 ms on a page whose head names no
author. Here the same tests are written in Python: the pruning's in one walk of the copy
(the elements then go as the library removes them, their tails kept), the three in one more
walk; the first element of each expression in turn whose text is 3 to 119 characters long is
the byline, as in the library's `extract_metainfo`.

Written for the library's expressions as they are (AUTHOR_XPATHS in trafilatura.xpaths, 2.x);
tests/test_extract_byline.py holds their text, so that a new trafilatura that changes them
shows up there, and compares the two searches on real and made-up pages.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement

from pipeline.extract.library import AUTHOR_DISCARD_XPATHS, delete_element, normalize_authors

MAX_CHARS = 120  # the library's len_limit for an author
# The expressions' regular expressions (re:test is re.search), word for word.
SPECIFIC_CLASS = re.compile(r"author-?name|AuthorName|authorName")
NAMED_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
NAMED_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
ANY_ID = re.compile(r"[Aa]uthor")
ANY_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
SPECIFIC_TAGS = frozenset(("a", "address", "div", "link", "p", "span", "strong"))
NAMED_TAGS = frozenset(("a", "div", "h3", "h4", "p", "span"))
NAMED_CLASSES = frozenset(("byline", "username", "byl", "BBL"))
DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
DISCARD_CLASSES = frozenset(("comments", "title", "date"))


def find_author(tree: HtmlElement) -> str | None:
    """trafilatura's `extract_author(tree)`: the byline's text, its names normalised."""
    pruned = deepcopy(tree)
    for element in discarded(pruned):  # the library's first discard expression, in Python
        delete_element(element)
    for element in AUTHOR_DISCARD_XPATHS[1](pruned):  # //time|//figure
        delete_element(element)
    author = first_text(author_elements(pruned))
    return normalize_authors(None, author) if author else author


def discarded(tree: HtmlElement) -> list[HtmlElement]:
    """.//*[self::a or self::div or self::section or self::span][@id='comments' or ...]:
    comment lists, sidebars, dates, quotes and figures, in page order."""
    found = []
    for element in tree.iterdescendants("a", "div", "section", "span"):
        get = element.get
        ident, names = get("id"), get("class")
        if (
            (ident is not None and (ident == "comments" or DISCARD_ID.search(ident)))
            or (names is not None and (names in DISCARD_CLASSES or DISCARD_CLASS.search(names)))
            or "Figure" in (get("data-component") or "")
        ):
            found.append(element)
    return found


def author_elements(tree: HtmlElement) -> list[list[HtmlElement]]:
    """The elements each of the library's three expressions finds, in page order."""
    found: list[list[HtmlElement]] = [[], [], []]
    me = {rel.getparent() for rel in tree.iter("rel") if rel.text_content() == "me"}
    for element in tree.iter(etree.Element):
        tag, get = element.tag, element.get
        names, ident, prop = get("class"), get("id"), get("itemprop") or ""
        if tag == "author" or (tag in SPECIFIC_TAGS and specific(element, names, ident, me)):
            found[0].append(element)
        if tag in NAMED_TAGS and named(names, ident, prop):
            found[1].append(element)
        if (
            "author" in prop
            or (ident is not None and ANY_ID.search(ident))
            or (names is not None and ANY_CLASS.search(names))
            or "Byline" in (get("data-component") or "")
        ):
            found[2].append(element)
    return found


def first_text(found: list[list[HtmlElement]]) -> str | None:
    """The first element's text of 3 to 119 characters, expression by expression."""
    for elements in found:
        for element in elements:
            text = " ".join(" ".join(element.itertext()).split())
            if text and 2 < len(text) < MAX_CHARS:
                return text
    return None


def specific(
    element: HtmlElement, names: str | None, ident: str | None, me: set[HtmlElement]
) -> bool:
    """The first expression's test of an element of SPECIFIC_TAGS: @rel='author' or
    @id='author' or @class='author' or @itemprop='author name' or rel='me' (a child <rel>
    that says "me") or @data-testid='AuthorCard' or 'AuthorURL' or re:test(@class, ...)."""
    get = element.get
    return (
        ident == "author"
        or names == "author"
        or get("rel") == "author"
        or get("itemprop") == "author name"
        or get("data-testid") in ("AuthorCard", "AuthorURL")
        or element in me
        or (names is not None and bool(SPECIFIC_CLASS.search(names)))
    )


def named(names: str | None, ident: str | None, prop: str) -> bool:
    """The second expression's test of an element of NAMED_TAGS: @class='byline' or ... or
    contains(@itemprop, 'author') or re:test(@id, ...) or re:test(@class, ...)."""
    return (
        names in NAMED_CLASSES
        or "author" in prop
        or (ident is not None and bool(NAMED_ID.search(ident)))
        or (names is not None and bool(NAMED_CLASS.search(names)))
    )
