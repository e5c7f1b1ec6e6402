"""When a precision-mode body is cross-checked with the library's default mode
(pipeline/extract/article.py `is_fragment`): made-up pages and bodies."""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from pipeline.extract.article import body_host, is_fragment, page_text_chars

PARAGRAPH = "This paragraph of the article says something about the knee, at some length. "


def paragraphs(count: int, prefix: str = "") -> str:
    return "".join(f"<p>{prefix}{n} {PARAGRAPH}</p>" for n in range(count))


def page(article: str, elsewhere: str = "") -> HtmlElement:
    return document_fromstring(
        f"<html><body><nav><p>{PARAGRAPH * 5}</nav>"
        f"<div class='post'>{article}</div><div class='more'>{elsewhere}</div></body></html>"
    )


def body(count: int, prefix: str = "") -> Any:
    """A body as trafilatura's XML, holding the first `count` paragraphs of `paragraphs`."""
    return etree.fromstring(f"<doc><main>{paragraphs(count, prefix)}</main></doc>")


def test_page_text_counts_each_text_once_outside_the_chrome() -> None:
    tree = page("<ul><li><p>Item one is here</p></li></ul><table><tr><td>Cell</td></tr></table>")
    assert page_text_chars(tree) == len("Item one is here") + len("Cell")
    (cell,) = tree.iter("td")
    assert page_text_chars(cell) == len("Cell")  # an element of text counts as itself


def test_text_elsewhere_on_the_page_does_not_ask_for_a_second_pass() -> None:
    """The body holds all of its own element's paragraphs; the rest of the page's text (teasers
    of other posts) is more than the body, but the default mode would not take it either."""
    tree = page(paragraphs(8), elsewhere=paragraphs(30, prefix="Other post "))
    doc = body(8)
    host = body_host(tree, doc)
    assert host is not None and host.get("class") == "post"
    assert not is_fragment(tree, doc)


def test_a_body_under_half_of_its_own_element_asks_for_a_second_pass() -> None:
    tree = page(paragraphs(20))
    assert is_fragment(tree, body(8))


def test_a_short_body_always_asks_for_a_second_pass() -> None:
    tree = page(paragraphs(3))
    assert is_fragment(tree, body(3))


def test_a_body_found_once_on_the_page_is_measured_against_the_whole_page() -> None:
    """One paragraph found is no element to measure by: the whole page's text decides."""
    tree = page(paragraphs(8), elsewhere=paragraphs(30, prefix="Other post "))
    doc = etree.fromstring(f"<doc><main><p>0 {PARAGRAPH}</p><p>{PARAGRAPH * 8}</p></main></doc>")
    assert body_host(tree, doc) is None
    assert is_fragment(tree, doc)


def test_a_body_as_long_as_the_page_asks_for_nothing() -> None:
    tree = page(paragraphs(8))
    assert not is_fragment(tree, body(8))


def test_page_text_counts_each_text_element_once_outside_the_chrome() -> None:
    tree = document_fromstring(
        "<html><body><nav><p>Menu item text</p></nav><div><p>Twelve chars<b> more</b></p>"
        "<ul><li>An item <p>with a paragraph</p></li></ul><table><tr><td>Cell</td></tr></table>"
        "<form><p>Sign up now</p></form><h3>  Spaced   out </h3></div></body></html>"
    )
    # "Twelve chars more" 17, "An item with a paragraph" 24, "Cell" 4, "Spaced out" 10
    assert page_text_chars(tree) == 55
    item = next(tree.iter("li"))
    assert page_text_chars(item) == 24  # an element of text is counted whole
    assert page_text_chars(next(tree.iter("form"))) == 0  # all it holds is chrome
