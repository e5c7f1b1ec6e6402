"""extract: the library's precision-mode body taken on one copy of the tree (precise.py) is the
body `bare_extraction` gives with the same options, on real pages and on made-up ones that
take the library's other branches (a forum thread, a page with no text, comment markup)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement

from pipeline.extract import precise
from pipeline.extract.library import bare_extraction
from pipeline.extract.parse import load_html
from pipeline.load.files import read_file

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
    "bold and lists": (
        f"<html><body><main><h2>Causes</h2>{PROSE}<ul><li><b>Tight calves</b> pull on the"
        " heel.</li><li>Flat feet.</li></ul><table><tr><td>Rest</td><td>Ice</td></tr></table>"
        "</main></body></html>"
    ),
}


def library_markup(tree: HtmlElement) -> bytes | None:
    """The body of the library's own call, serialised."""
    document = bare_extraction(tree, options=precise.extractor("precision", None))
    body = getattr(document, "body", None)
    return None if body is None else etree.tostring(body, encoding="utf-8")


def own_markup(tree: HtmlElement) -> bytes | None:
    body = precise.library_body(tree, None, "precision")
    return None if body is None else etree.tostring(body, encoding="utf-8")


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
