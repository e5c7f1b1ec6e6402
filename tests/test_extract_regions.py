"""extract: blocks that repeat a text of the page's menus, header, sidebar or footer go; the
regions are read element by element only where one of the body's texts can be, and that
finds every repeated block that reading them all finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import HtmlElement

from pipeline.extract.article import extract_html, parse_html
from pipeline.extract.regions import collect_region_texts, drop_repeated_chrome
from pipeline.extract.texts import normalise
from pipeline.load.files import read_file
from pipeline.models import Block, Page
from tests.factories import SENTENCE

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "samples").glob("*.html")) + sorted(
    p for p in (ROOT / "tests" / "data" / "extract").iterdir() if p.suffix == ".html"
)


def tree_of(html: str) -> HtmlElement:
    return parse_html(Page(origin="test", text=html, kind="html"))


def paragraphs(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(kind="paragraph", text=text) for text in texts)


def test_a_block_that_repeats_a_footer_line_goes() -> None:
    tree = tree_of(
        "<html><body><main><p>Heel pain eases with rest.</p></main><footer><div>"
        "<p>Call 555 0100 for an appointment.</p><p>Open Monday to Friday</p></div></footer>"
        "</body></html>"
    )
    blocks = paragraphs("Heel pain eases with rest.", "Call 555 0100 for an appointment")
    kept = drop_repeated_chrome(blocks, collect_region_texts(tree, blocks))
    assert [b.text for b in kept] == ["Heel pain eases with rest."]


def test_a_region_that_holds_none_of_the_body_is_not_read() -> None:
    tree = tree_of("<html><body><nav><ul><li>Home</li><li>Blog</li></ul></nav></body></html>")
    assert collect_region_texts(tree) == {"home", "blog"}
    assert collect_region_texts(tree, paragraphs("Rest and ice.")) == frozenset()


def test_a_capital_sigma_whose_case_turns_on_its_neighbours_is_still_found() -> None:
    """ "ΟΔΟΣ" alone lowers to "οδος"; "ΟΔΟΣΑ" to "οδοσα", which does not hold it."""
    tree = tree_of("<html><body><footer><p><span>ΟΔΟΣ</span>Α</p></footer></body></html>")
    blocks = paragraphs("ΟΔΟΣ", SENTENCE)
    assert [b.text for b in drop_repeated_chrome(blocks, collect_region_texts(tree, blocks))] == [
        SENTENCE
    ]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_texts_read_are_those_of_the_body_that_reading_all_finds(path: Path) -> None:
    page = read_file(path)
    blocks = extract_html(page).blocks
    keys = {normalise(b.text) for b in blocks}
    tree = tree_of(page.text)
    assert collect_region_texts(tree, blocks) & keys == collect_region_texts(tree) & keys
