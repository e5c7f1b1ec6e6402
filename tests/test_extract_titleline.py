"""extract: a title written as a plain line right above the article, in no heading."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.models import Page

TEXT = "A ortopedia facial corrige desequilíbrios ósseos e musculares nos maxilares. " * 4
BODY = "Sciatica occurs when the lower back nerve is irritated or compressed by a disc. " * 4


def headline(head: str, body: str, path: str | None = None) -> str:
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_article(Page(origin="x", text=markup, kind="html", path=path)).title


def test_a_page_without_a_title_takes_the_line_above_its_body() -> None:
    body = (
        "<div id='titulo'></div><div id='texto'>O que é Ortopedia Facial?</div>"
        f"<div id='texto_site'>{TEXT}<br><br>{TEXT}</div>"
    )
    assert headline("", body, path="/site/ortopedia_facial.php") == "O que é Ortopedia Facial?"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        (  # after the category links: the tab's short title with more words
            "<div><a href='/blog'>Blog</a> . <a href='/neuro'>Neurology</a>"
            "<p>Sciatica Pain? Everything You Need to Know to Find Relief</p></div>",
            "Sciatica Pain? Everything You Need to Know to Find Relief",
        ),
        (  # the page's <h1> says it: the line below it is a dek
            "<h1>Sciatica</h1><p>Sciatica pain: everything you need to know</p>",
            "Sciatica",
        ),
        ("<p>Updated 3 March 2024</p>", "Sciatica"),  # no word of the title: a date
        ("<p>Sciatica is common in people over forty.</p>", "Sciatica"),  # a sentence
    ],
)
def test_the_line_above_the_body_extends_the_tab_title(top: str, title: str) -> None:
    assert (
        headline("<title>Sciatica</title>", f"{top}<div><p>{BODY}</p><p>{BODY}</p></div>") == title
    )


def test_texts_come_in_reading_order_without_the_skipped_ones() -> None:
    from lxml.html import fromstring

    from pipeline.extract.textorder import texts_in_order

    root = fromstring("<div>one<a href='/'>link<b>x</b></a>two<p>three</p>four</div>")
    texts = [text for text, _, _ in texts_in_order(root, frozenset({"a"})) if text]
    assert texts == ["one", "two", "three", "four"]


def test_a_skipped_element_is_one_text_and_what_it_holds_is_never_visited() -> None:
    from lxml.html import fromstring

    from pipeline.extract.textorder import texts_in_order

    root = fromstring("<div>one<a href='/'>link<b>x</b></a>two</div>")
    walked = [
        (text, element.tag, own) for text, element, own in texts_in_order(root, frozenset({"a"}))
    ]
    assert walked == [("one", "div", True), ("", "a", True), ("two", "a", False)]


def test_each_h1_votes_by_the_article_text_above_it_in_one_walk() -> None:
    """An <h1> above the body is a title; one below the body's first paragraph, even inside a
    left-out element (a list item), heads a part of it."""
    from lxml.html import fromstring

    from pipeline.extract.textorder import h1_sources

    intro = "Runner's knee is a dull pain around the front of the kneecap, worse on stairs."
    root = fromstring(
        f"<html><body><h1>Runner's knee</h1><p>{intro}</p>"
        "<ul><li><h1>Step one</h1></li></ul><h1>Step two</h1></body></html>"
    )
    sources = {h1.text: source for h1, source in h1_sources(root, intro).items()}
    assert sources == {"Runner's knee": "h1", "Step one": "heading", "Step two": "heading"}
    assert set(h1_sources(root, "").values()) == {"h1"}  # no body: nothing stands above
