"""A carousel that holds the article's sections (one treatment method a slide) comes back;
carousels of pictures, links or a menu stay out."""

from __future__ import annotations

from lxml.html import document_fromstring

from pipeline.extract.slides import recover_slides
from pipeline.models import Block, BlockKind
from tests.factories import SENTENCE, block_texts, extract_text

METHODS = [
    ("Epidural neuroplasty", "A thin catheter is passed up through the tailbone<br/>to the nerve."),
    ("Prolotherapy", "A solution injected into the ligament helps it grow strong again."),
    ("Decompression", "Gentle traction lowers the pressure inside the disc over weeks."),
]
SLIDES = "".join(
    f'<div class="swiper-slide"><h3>Non-surgical treatment</h3><h4>{name}</h4><p>{text}</p></div>'
    for name, text in METHODS
)
PICTURES = "".join(
    f'<div class="swiper-slide" style="background:url(a{n}.jpg)"><div class="cover"></div></div>'
    for n in range(3)
)
PAGE = f"""<html><body><div class="contents">
<h1>Lumbar disc herniation</h1>
<p>{SENTENCE * 3}</p>
<h4>Causes</h4><ul><li>Lifting a heavy load all at once.</li><li>Sitting badly for years.</li></ul>
<div class="box"><div class="swiper-container"><div class="swiper-wrapper">{SLIDES}</div></div>
<div class="swiper-container"><div class="swiper-wrapper">{PICTURES}</div></div></div>
<h4>Prevention</h4><p>Walk for twenty minutes every day on flat ground to keep the back strong.</p>
</div></body></html>"""
EXPECTED: list[tuple[BlockKind, str]] = [
    ("heading", "Non-surgical treatment"),
    ("heading", "Epidural neuroplasty"),
    ("paragraph", "A thin catheter is passed up through the tailbone to the nerve."),
    ("heading", "Prolotherapy"),
    ("paragraph", METHODS[1][1]),
    ("heading", "Decompression"),
    ("paragraph", METHODS[2][1]),
]


def test_text_slides_come_back_in_place_with_a_repeated_heading_once() -> None:
    blocks = (
        Block("paragraph", (SENTENCE * 3).strip()),
        Block("heading", "Causes", level=4),
        Block("item", "Lifting a heavy load all at once."),
        Block("item", "Sitting badly for years."),
        Block("heading", "Prevention", level=4),
    )
    recovered = recover_slides(document_fromstring(PAGE), blocks)
    assert [(b.kind, b.text) for b in recovered] == [
        (b.kind, b.text) for b in blocks[:4]
    ] + EXPECTED + [("heading", "Prevention")]


def test_slides_the_article_has_are_not_added_again() -> None:
    blocks = tuple(Block(kind, text) for kind, text in EXPECTED)
    assert recover_slides(document_fromstring(PAGE), blocks) == blocks


def test_slides_of_pictures_links_or_one_slide_stay_out() -> None:
    links = "".join(
        f'<div class="slick-slide"><h3>News</h3><a href="/p{n}">Read our post {n}</a></div>'
        for n in range(3)
    )
    one = '<div class="carousel-item"><h2>Welcome</h2><p>We care for your back every day.</p></div>'
    page = (
        f"<html><body><p>{SENTENCE}</p><div>{PICTURES}</div><div>{links}</div>{one}</body></html>"
    )
    blocks = (Block("paragraph", SENTENCE.strip()),)
    assert recover_slides(document_fromstring(page), blocks) == blocks


def test_a_page_whose_treatments_are_a_carousel_keeps_them() -> None:
    texts = block_texts(extract_text(PAGE, "html"))
    assert all(pair in texts for pair in EXPECTED)
    walk = "Walk for twenty minutes every day on flat ground to keep the back strong."
    assert texts.index(EXPECTED[-1]) < texts.index(("paragraph", walk))


def test_a_carousel_above_or_below_the_article_stays_out() -> None:
    """A banner's slogans above the article and the patients' reviews below it are slides
    of a heading and a sentence too, but stand outside the article's blocks."""
    hero = "".join(
        f'<div class="swiper-slide"><h2>Welcome {n}</h2><p>Your smile is our passion, always.</p>'
        "</div>"
        for n in range(3)
    )
    reviews = "".join(
        f'<div class="slick-slide"><h4>Patient {n}</h4><p>A kind dentist, and the pain went.</p>'
        "</div>"
        for n in range(3)
    )
    page = (
        f'<html><body><div class="hero">{hero}</div><article><h1>Gum care</h1>'
        f"<p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p></article>"
        f'<div class="reviews">{reviews}</div></body></html>'
    )
    blocks = (
        Block("paragraph", (SENTENCE * 3).strip()),
        Block("paragraph", (SENTENCE * 2).strip()),
    )
    assert recover_slides(document_fromstring(page), blocks) == blocks
