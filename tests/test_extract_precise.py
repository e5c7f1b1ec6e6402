"""extract: the library's precision-mode body taken on one copy of the tree (precise.py) is the
body `bare_extraction` gives with the same options, on real pages and on made-up ones that
take the library's other branches (a forum thread, a page with no text, comment markup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml.html import HtmlElement

from pipeline.extract import precise, prunes
from pipeline.extract.library import (
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
    REMOVE_COMMENTS_XPATH,
    bare_extraction,
    prune_unwanted_nodes,
)
from pipeline.extract.parse import load_html
from pipeline.load.files import read_file

# Compared with the library only under the version they were written for (precise.CHECKED_VERSIONS);
# under another, the pipeline does not take these steps.
checked_library = pytest.mark.skipif(
    not precise.LIBRARY_CHECKED, reason="another trafilatura than the one these steps copy"
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "samples").glob("*.html")) + sorted(
    p for p in (ROOT / "tests" / "data" / "extract").iterdir() if p.suffix == ".html"
)
PROSE = "<p>Plantar fasciitis is a common cause of heel pain in adults who stand all day.</p>"
MADE_UP = {
    "forum": (
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}'
        f'</script></head><body><div class="comments">{PROSE * 3}</div>{PROSE}</body></html>'
    ),
    "comment markup": (
        f'<html><body><article>{PROSE * 4}</article><div id="comments">{PROSE}</div>'
        '<ul class="comment-list"><li>First!</li></ul></body></html>'
    ),
    "no text": "<html><body><div><img src='a.png'></div></body></html>",
    # each of the first prunes' tests (prunes.py), and names they must leave alone
    "follow-up articles": (
        f"<html><body><main><h1>Heel pain</h1>{PROSE * 3}</main>"
        f'<div class="infinite-scroll">{PROSE}<p>A next post about knees and hips.</p></div>'
        f'<section id="infinitescroll-x"><h1>Other post</h1>{PROSE}</section>'
        f'<aside class="mvp-post-add-box"><h1>Appended</h1><p>Appended post text here.</p></aside>'
        f'<div id="mvp-post-add-wrap">{PROSE}</div></body></html>'
    ),
    "share buttons": (
        f'<html><body><article>{PROSE * 3}<div class="elementor-share-buttons--view">'
        "<p>Share this post with a friend who runs.</p></div></article></body></html>"
    ),
    "comment lists": (
        f"<html><body><article>{PROSE * 3}</article>"
        '<ul id="comol"><li>A list item of the comments.</li></ul>'
        '<ol class="Comments-area"><li>A listed comment that goes.</li></ol>'
        '<ul id="disqus_thread"><li>A list that the list test keeps.</li></ul>'
        '<section class="commentary"><p>Commentary is kept as article text here.</p></section>'
        '<details id="comment-3"><p>A comment in a details box.</p></details>'
        '<div class="post-comments"><p>Post comments area text.</p></div>'
        '<div id="dsq-comments"><p>Disqus comments text.</p></div>'
        '<ul class="x article-comments"><li>Article comments list.</li></ul>'
        "<list class='comment'><p>A list element.</p></list></body></html>"
    ),
    "bold and lists": (
        f"<html><body><main><h2>Causes</h2>{PROSE}<ul><li><b>Tight calves</b> pull on the"
        " heel.</li><li>Flat feet.</li></ul><table><tr><td>Rest</td><td>Ice</td></tr></table>"
        "</main></body></html>"
    ),
}


def library_prune(tree: HtmlElement, expressions: list[Any]) -> HtmlElement:
    pruned: HtmlElement = prune_unwanted_nodes(tree, expressions)
    return pruned


def library_markup(tree: HtmlElement) -> bytes | None:
    """The body of the library's own call, serialised."""
    document = bare_extraction(tree, options=precise.extractor("precision", None))
    body = getattr(document, "body", None)
    return None if body is None else etree.tostring(body, encoding="utf-8")


def own_markup(tree: HtmlElement) -> bytes | None:
    body = precise.library_body(tree, None, "precision")
    return None if body is None else etree.tostring(body, encoding="utf-8")


# The library's expressions that prunes.py writes in Python, their text without white space.
PRUNE_EXPRESSIONS = (
    ".//*[self::divorself::sectionorself::aside][re:test(@id,'mvp-post-add-(?:box|wrap)|"
    "infinite-?scroll')orre:test(@class,'mvp-post-add-(?:box|wrap)|infinite-?scroll')]["
    "not(.//h1)orre:test(@id,'mvp-post-add-(?:box|wrap)')or"
    "re:test(@class,'mvp-post-add-(?:box|wrap)')]",
    ".//*[self::divorself::sectionorself::aside][contains(@class,'elementor-share-buttons')]",
    ".//*[self::divorself::listorself::sectionorself::detailsorself::olorself::ul]["
    "re:test(@id,'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)')or"
    "re:test(@class,'^[Cc]omment(?!ary)|(?:article|post)-comments')][not(self::olorself::ul)"
    "orre:test(@id,'^(?:[Cc]omment(?!ary)|comol)')or"
    "re:test(@class,'^[Cc]omment(?!ary)|(?:article|post)-comments')]",
    ".//*[self::divorself::listorself::sectionorself::details]["
    "re:test(@id,'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)')or"
    "re:test(@class,'^[Cc]omment(?!ary)|(?:article|post)-comments')]",
)


@checked_library
def test_the_prunes_are_the_library_s_expressions() -> None:
    expressions = (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH, *REMOVE_COMMENTS_XPATH)
    assert tuple("".join(x.path.split()) for x in expressions) == PRUNE_EXPRESSIONS


STEPS = {  # prunes.py's steps, the library's expressions, and the pages each one changes
    "raw": (prunes.RAW_TREE_PRUNE, RAW_TREE_PRUNE_XPATH, {"follow-up articles", "share buttons"}),
    "comments and lists": (
        prunes.REMOVE_COMMENTS_AND_LISTS,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        {"comment lists"},
    ),
    "comments": (prunes.REMOVE_COMMENTS, REMOVE_COMMENTS_XPATH, {"comment lists"}),
}


@checked_library
@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("name", ["follow-up articles", "share buttons", "comment lists"])
def test_a_prune_removes_what_the_library_s_removes(step: str, name: str) -> None:
    steps, expressions, changed = STEPS[step]
    ours, theirs = load_html(MADE_UP[name]), load_html(MADE_UP[name])
    assert ours is not None and theirs is not None
    before = etree.tostring(ours)
    pruned = etree.tostring(prunes.prune(ours, steps))
    assert pruned == etree.tostring(library_prune(theirs, expressions))
    assert (pruned != before) == (name in changed)


@checked_library
def test_the_library_s_steps_are_found() -> None:
    """Else every page goes through bare_extraction and the comparisons below show nothing."""
    assert precise.STEPS_FOUND


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_real_page_gets_the_library_s_body(path: Path) -> None:
    tree = load_html(read_file(path).text, cleaned=True)
    assert tree is not None
    before = etree.tostring(tree)
    assert own_markup(tree) == library_markup(tree)
    assert etree.tostring(tree) == before  # the page's tree is left as it was


@pytest.mark.parametrize("name", sorted(MADE_UP))
def test_a_made_up_page_gets_the_library_s_body(name: str) -> None:
    tree = load_html(MADE_UP[name])
    assert tree is not None
    assert own_markup(tree) == library_markup(tree)


def test_the_options_are_made_once_for_each_mode_and_address() -> None:
    one = precise.extractor("precision", "https://example.org/a")
    assert precise.extractor("precision", "https://example.org/a") is one
    assert precise.extractor("balanced", "https://example.org/a") is not one
    assert (one.focus, one.url, one.comments, one.fast) == (
        "precision",
        "https://example.org/a",
        False,
        True,
    )


def test_another_library_version_goes_through_bare_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A release these steps were not compared with keeps its own sequence, names found or not."""
    import importlib
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0")
    try:
        importlib.reload(precise)
        assert not precise.LIBRARY_CHECKED and not precise.STEPS_FOUND
    finally:
        monkeypatch.undo()
        importlib.reload(precise)
    assert precise.STEPS_FOUND
