"""Part of stage 2, extract: the library's first prunes of a page, its XPath tests in Python.

Before its extraction in precision mode, trafilatura removes from the page the containers of
whole follow-up articles (infinite scroll), share-button boxes, and comment sections and
lists (`RAW_TREE_PRUNE_XPATH`, `REMOVE_COMMENTS_AND_LISTS_XPATH`, then on the converted tree
`REMOVE_COMMENTS_XPATH`, in trafilatura.xpaths). Each expression tests every element of the
page, its class and id by regular expressions that lxml calls back into Python for each
element: the four cost about 2.5 ms on a page, as much as a third of the library's
extraction. Here the same tests are written in Python over the few tags that each names
(lxml's walk picks them in C), and the elements found go as the library removes them
(`delete_element`, their tails kept), expression by expression.

Written for the library's expressions as they are (trafilatura 2.x); tests/test_extract_precise.py
holds their text, so that a new trafilatura that changes them shows up there, and compares the
body found with the library's own on real pages and on made-up ones that take each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from pipeline.extract.library import delete_element

# The expressions' regular expressions (re:test is re.search), word for word.
SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
APPENDED = re.compile(r"mvp-post-add-(?:box|wrap)")
COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
COMMENT_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
BOXES = ("div", "section", "aside")
COMMENT_BOXES = ("div", "list", "section", "details")
COMMENT_LISTS = ("ol", "ul")

Test = Callable[[HtmlElement], bool]


def prune(tree: HtmlElement, steps: tuple[tuple[tuple[str, ...], Test], ...]) -> HtmlElement:
    """The library's `prune_unwanted_nodes(tree, expressions)` without its backup: for each
    step, the descendants of those tags that pass its test, in page order, removed."""
    for tags, test in steps:
        for element in [e for e in tree.iterdescendants(*tags) if test(e)]:
            delete_element(element)
    return tree


def has(pattern: re.Pattern[str], value: str | None) -> bool:
    return value is not None and pattern.search(value) is not None


def appended_articles(element: HtmlElement) -> bool:
    """.//*[self::div or self::section or self::aside][re:test(@id, SCROLL) or
    re:test(@class, SCROLL)][not(.//h1) or re:test(@id, APPENDED) or
    re:test(@class, APPENDED)]"""
    ident, names = element.get("id"), element.get("class")
    if not (has(SCROLL, ident) or has(SCROLL, names)):
        return False
    no_h1 = next(element.iterdescendants("h1"), None) is None
    return no_h1 or has(APPENDED, ident) or has(APPENDED, names)


def share_buttons(element: HtmlElement) -> bool:
    """.//*[self::div or self::section or self::aside][contains(@class,
    'elementor-share-buttons')]"""
    return "elementor-share-buttons" in (element.get("class") or "")


def comments(element: HtmlElement) -> bool:
    """.//*[self::div or self::list or self::section or self::details][
    re:test(@id, COMMENTS_ID) or re:test(@class, COMMENTS_CLASS)]"""
    return has(COMMENTS_ID, element.get("id")) or has(COMMENTS_CLASS, element.get("class"))


def comments_or_list(element: HtmlElement) -> bool:
    """The same for those tags and <ol>, <ul>, a list only when its id is COMMENT_LIST_ID's or
    its class COMMENTS_CLASS's."""
    if element.tag not in COMMENT_LISTS:
        return comments(element)
    return has(COMMENT_LIST_ID, element.get("id")) or has(COMMENTS_CLASS, element.get("class"))


RAW_TREE_PRUNE = ((BOXES, appended_articles), (BOXES, share_buttons))
REMOVE_COMMENTS_AND_LISTS = ((COMMENT_BOXES + COMMENT_LISTS, comments_or_list),)
REMOVE_COMMENTS = ((COMMENT_BOXES, comments),)
