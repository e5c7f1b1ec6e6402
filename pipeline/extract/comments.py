"""Article text that a site template put in blog-comment markup.

Blog templates are often reused for a clinic's own pages, and their comment markup
(`<div class="comments-area">`, `<li class="comment">`) then holds sections of the article.
trafilatura drops every element whose class or id says "comment", so those sections were lost.
A comment area that holds a heading and shows no sign of readers' comments (no author, avatar,
reply link, date or form) is taken as the article's text: its comment names are dropped before
extraction, and a comment list used as a layout of boxes (an `<li>` that holds blocks) becomes
plain boxes, so each box's heading, paragraph and list stay apart. Real comment threads always
show at least one of those signs.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

COMMENT_NAME = re.compile(r"^comment|(?:article|post)-comments|comment-?list", re.I)
READER_SIGN = re.compile(r"author|avatar|vcard|reply|respond|says|\bfn\b|gravatar", re.I)
HEADINGS = ("h2", "h3", "h4")
# Every class and id of the page, in page order: an element is a comment element only when one
# of them holds "comment" in any case (no character but those ASCII letters matches one of them
# when case is ignored). Reading these strings costs a third of testing every element.
CLASSES_AND_IDS = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id")


def keep_content_comments(tree: HtmlElement) -> None:
    """Rename the comment classes and ids of comment areas that hold the article's text."""
    for area in outermost_comment_areas(tree):
        if holds_article_text(area):
            for element in area.iter():
                for attribute in ("class", "id"):
                    rename(element, attribute)
            unlist_boxes(area)


def outermost_comment_areas(tree: HtmlElement) -> list[HtmlElement]:
    named = [value.getparent() for value in CLASSES_AND_IDS(tree) if "comment" in value.lower()]
    areas = [e for e in dict.fromkeys(named) if is_comment_element(e)]
    return [a for a in areas if not any(is_comment_element(p) for p in a.iterancestors())]


def is_comment_element(element: HtmlElement) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}".split()
    return any(COMMENT_NAME.search(name) for name in names)


def holds_article_text(area: HtmlElement) -> bool:
    """A heading and a paragraph or list inside, and no author, avatar, reply, date or form."""
    tags = {e.tag for e in area.iter() if isinstance(e.tag, str)}
    names = " ".join(f"{e.get('class', '')} {e.get('id', '')}" for e in area.iter())
    return (
        bool(tags & set(HEADINGS))
        and bool(tags & {"p", "ul", "ol"})
        and not tags & {"time", "form", "textarea"}
        and not READER_SIGN.search(names)
    )


def rename(element: HtmlElement, attribute: str) -> None:
    names = element.get(attribute)
    if names is None:
        return
    kept = [n for n in names.split() if not COMMENT_NAME.search(n)]
    if kept:
        element.set(attribute, " ".join(kept))
    else:
        del element.attrib[attribute]


def unlist_boxes(area: HtmlElement) -> None:
    """A list item that holds blocks (a heading, a paragraph, a list) is a box of the layout,
    and its list a stack of boxes."""
    boxes = ("div", "p", "ul", "ol", *HEADINGS)
    for item in [e for e in area.iter("li") if any(c.tag in boxes for c in e)]:
        item.tag = "div"
    for listing in [e for e in area.iter("ol", "ul") if len(e) and all(c.tag == "div" for c in e)]:
        listing.tag = "div"
