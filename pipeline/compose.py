"""Stage 4, compose: carousel slides, quote cards, caption, hashtags and alt text from a digest."""

from __future__ import annotations

import re
import unicodedata

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipeline.digest import shorten
from pipeline.models import Card, Digest, Post
from pipeline.settings import Brand, resource_dir

MAX_SLIDES = 10
MIN_SLIDES = 5
MAX_CAPTION = 2200
MAX_HASHTAGS = 5
SWIPE_CUE = "Swipe →"


def compose_post(digest: Digest, brand: Brand, slug: str) -> Post:
    slides = carousel_slides(digest, brand)
    quotes = quote_cards(digest, brand)
    hashtags = make_hashtags(digest, brand)
    return Post(
        slug=slug,
        cards=(*slides, *quotes),
        caption=make_caption(digest, brand, hashtags),
        hashtags=hashtags,
    )


def carousel_slides(digest: Digest, brand: Brand) -> list[Card]:
    """Cover, symptom, cause, one slide per treatment point, then the takeaway with the CTA."""
    middle: list[tuple[str, str]] = []
    if digest.symptom:
        middle.append(("Symptom", shorten(digest.symptom)))
    if digest.cause:
        middle.append(("Cause", shorten(digest.cause)))
    for point in digest.treatment_points:
        middle.append((point.label or "Treatment", point.short))
    for quote in digest.quotes:  # a short article: its strongest sentences fill the story out
        if len(middle) + 2 >= MIN_SLIDES:
            break
        middle.append(("Key point", quote))
    middle = middle[: MAX_SLIDES - 2]
    total = len(middle) + 2
    closing_text = shorten(digest.conclusion) if digest.conclusion else digest.headline
    cards = [Card("cover", "", digest.headline, kicker=brand.name, note=SWIPE_CUE)]
    cards += [Card("point", "", text, kicker=kicker) for kicker, text in middle]
    cards.append(Card("closing", "", closing_text, kicker="Takeaway", note=closing_note(brand)))
    return [
        Card(
            c.kind,
            f"carousel-{i:02d}.jpg",
            c.text,
            kicker=c.kicker,
            footer=brand.handle,
            counter=f"{i} / {total}",
            note=c.note,
        )
        for i, c in enumerate(cards, start=1)
    ]


def closing_note(brand: Brand) -> str:
    return f"{brand.cta}. {brand.disclaimer}" if brand.disclaimer else brand.cta


def quote_cards(digest: Digest, brand: Brand) -> list[Card]:
    source = f"— from our blog: {digest.headline}"
    return [
        Card("quote", f"quote-{i:02d}.jpg", quote, footer=brand.handle, note=source)
        for i, quote in enumerate(digest.quotes[:3], start=1)
    ]


def make_hashtags(digest: Digest, brand: Brand) -> tuple[str, ...]:
    tags: list[str] = []
    for phrase in (*digest.keywords, *brand.hashtags):
        tag = camel_tag(phrase)
        if tag and tag.lower() not in {t.lower() for t in tags}:
            tags.append(tag)
    return tuple(tags[:MAX_HASHTAGS])


def camel_tag(phrase: str) -> str | None:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", phrase))
    if not words:
        return None
    return "#" + "".join(w[:1].upper() + w[1:] for w in words)


def make_caption(digest: Digest, brand: Brand, hashtags: tuple[str, ...]) -> str:
    template = caption_environment().get_template("carousel.txt.j2")
    points = [
        f"• {p.label}: {p.short}" if p.label else f"• {p.short}" for p in digest.treatment_points
    ]
    while True:
        caption = template.render(
            hook=digest.headline,
            points=points,
            cta=brand.cta + ".",
            disclaimer=brand.disclaimer,
            hashtags=hashtags,
        ).strip()
        if len(caption) <= MAX_CAPTION or not points:
            return caption[:MAX_CAPTION]
        points = points[:-1]  # drop whole points, never cut a sentence


def caption_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_dir("templates") / "captions")),
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


def alt_text(card: Card, texts: tuple[str, ...], total: int) -> str:
    """The words on the image verbatim, then briefly what it shows."""
    words = " ".join(texts)
    if card.kind == "quote":
        what = "Quote card with a pull quote from the article."
    else:
        number = int(card.file.split("-")[1].split(".")[0])
        what = f"Slide {number} of {total}: {card.kind} slide of the carousel."
    return f"{words} {what}"[:1000]
