"""extract: class and id names are read in any case, also where a quick look at the page's
names lets a step skip the elements that cannot match (comment areas): that look must let
through every element the step's own test accepts, so that skipping the others changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml.html import HtmlElement, document_fromstring, tostring

from pipeline.extract.cleanup import drop_hidden
from pipeline.extract.comments import is_comment_element, outermost_comment_areas

CLASSES = [
    "comment",
    "Comment-Body",
    "COMMENTS-AREA",
    "post-Comments",
    "commentlist",
    "Comment-List widget",
    "no-comments-here",
    "recommend",
    "entry-content",
    "hİde",  # a dotted capital I: its lower case is not "i"
]
HIDDEN = ["d-none", "Sr-Only", "visually-HIDDEN", "is-hidden", "Hide", "screen-reader-text"]
SHOWN = ["D-NONE d-lg-block", "hidden-xs", "none", "invisible-ink"]


def made_up_page(classes: list[str], case: Callable[[str], str] = str) -> HtmlElement:
    elements = "".join(
        f'<div class="{case(name)}" id="{name.upper()}-{n}"><p>Text {n}</p></div>'
        for n, name in enumerate(classes)
    )
    filler = "<p>The article's own text, long enough to hold most of the page.</p>" * 20
    return document_fromstring(f"<html><body>{elements}{filler}</body></html>")


def test_every_comment_element_is_found_in_any_case() -> None:
    tree = made_up_page(CLASSES)
    wanted = [e for e in tree.iter() if isinstance(e.tag, str) and is_comment_element(e)]
    assert len(wanted) == 6
    assert outermost_comment_areas(tree) == wanted  # side by side: none holds another


def test_an_inner_comment_element_is_not_an_area_of_its_own() -> None:
    tree = document_fromstring(
        '<html><body><div id="Comments"><ol class="comment-list"><li class="comment">'
        "<p>Hi</p></li></ol></div></body></html>"
    )
    assert [e.get("id") for e in outermost_comment_areas(tree)] == ["Comments"]


@pytest.mark.parametrize("case", [str.lower, str.upper, str.title])
def test_hidden_classes_are_found_in_any_case(case: Callable[[str], str]) -> None:
    tree = made_up_page(HIDDEN + SHOWN + CLASSES, case)
    drop_hidden(tree)
    kept = [div.get("class", "") for div in tree.iter("div")]
    assert kept == [case(name) for name in SHOWN + CLASSES]


def test_a_page_without_hidden_classes_is_left_as_it_was() -> None:
    tree = made_up_page(SHOWN + CLASSES)
    before = tostring(tree)
    drop_hidden(tree)
    assert tostring(tree) == before
