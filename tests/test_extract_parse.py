"""extract: the page's tree, parsed once with trafilatura's settings but element classes chosen
in C, is the tree trafilatura's own `load_html` makes: the same markup, on real pages and on
the odd inputs that its repairs and fallbacks handle."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement

from pipeline.extract.library import trafilatura
from pipeline.extract.parse import load_html
from pipeline.load.chars import clean_characters
from pipeline.load.files import read_file

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "samples").glob("*.html")) + sorted(
    p for p in (ROOT / "tests" / "data" / "extract").iterdir() if p.suffix in (".html", ".php")
)
ODD = [
    "<html><body><p>Plain</p></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared</p></body></html>',
    '<html lang="en"/>\n<head><title>Self-closed</title></head><body><p>x</p></body>',
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x.dtd'/>\n<html><body>y</body></html>",
    "<p>A fragment alone</p>",
    "<div><p>One</p><p>Two</p></div>",
    "no markup at all",
    "<html><body><form><label>Name</label><input value='x'><select><option>a</option>"
    "</select><textarea>t</textarea></form></body></html>",
    "<html><body><p>\x00\x0bcontrol\ufffe characters</p></body></html>",
    "",
]


def library_tree(text: str) -> HtmlElement | None:
    tree: HtmlElement | None = trafilatura.utils.load_html(text)
    return tree


def markup(tree: HtmlElement | None) -> bytes | None:
    return None if tree is None else etree.tostring(tree, encoding="utf-8")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_page_parses_to_the_library_s_tree(path: Path) -> None:
    text = read_file(path).text
    assert markup(load_html(text)) == markup(library_tree(text))


@pytest.mark.parametrize("text", ODD)
def test_odd_input_parses_as_the_library_parses_it(text: str) -> None:
    assert markup(load_html(text)) == markup(library_tree(text))


@pytest.mark.parametrize(
    "text",
    [*ODD, "<html><body><p>non\uffffcharacters\ufffe</p></body></html>", "<!doctype html/>"],
)
def test_a_cleaned_text_parses_as_the_library_parses_it(text: str) -> None:
    """A text without control characters skips the library's pass for them: the same tree."""
    text = clean_characters(text)
    assert markup(load_html(text, cleaned=True)) == markup(library_tree(text))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_cleaned_page_parses_to_the_library_s_tree(path: Path) -> None:
    text = read_file(path).text  # load cleans its characters
    assert markup(load_html(text, cleaned=True)) == markup(library_tree(text))


def test_every_element_is_a_plain_html_element() -> None:
    tree = load_html(ODD[7])
    assert tree is not None
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    assert {type(e) for e in elements} == {HtmlElement}
    assert [e.tag for e in elements][-5:] == ["label", "input", "select", "option", "textarea"]
