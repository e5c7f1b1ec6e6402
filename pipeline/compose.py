"""Stage 4, compose: carousel slides, quote cards, caption, hashtags and alt text from a digest."""

from __future__ import annotations

from dataclasses import replace

from jinja2 import Environment

from pipeline.caption import caption_environment, make_captions, make_hashtags
from pipeline.digest import shorten
from pipeline.models import Card, Digest, Post
from pipeline.settings import Brand

MAX_SLIDES = 10
MIN_SLIDES = 5
SWIPE_CUE = "Swipe →"
STORY_KICKER = "New on our blog"
STORY_NOTE = "Read it via the link in bio"


def compose_post(digest: Digest, brand: Brand, slug: str, env: Environment | None = None) -> Post:
    slides = carousel_slides(digest, brand)
    quotes = quote_cards(digest, brand)
    hashtags = make_hashtags(digest, brand)
    cards = (*slides, *quotes, *square_quotes(quotes))
    captions = make_captions(digest, brand, cards, hashtags, env or caption_environment())
    return Post(
        slug=slug,
        cards=(*cards, story_card(digest, brand)),
        caption=captions.carousel,
        hashtags=hashtags,
        captions=captions,
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
    closing = Card("closing", "", closing_text, kicker="Takeaway", note=brand.cta)
    cards.append(replace(closing, fine_print=brand.disclaimer))
    return [
        Card(
            c.kind,
            f"carousel-{i:02d}.jpg",
            c.text,
            kicker=c.kicker,
            footer=brand.handle,
            counter=f"{i} / {total}",
            note=c.note,
            fine_print=c.fine_print,
        )
        for i, c in enumerate(cards, start=1)
    ]


def quote_cards(digest: Digest, brand: Brand) -> list[Card]:
    source = f"— from our blog: {digest.headline}"
    return [
        Card("quote", f"quote-{i:02d}.jpg", quote, footer=brand.handle, note=source)
        for i, quote in enumerate(digest.quotes[:3], start=1)
    ]


def square_quotes(quotes: list[Card]) -> list[Card]:
    """The first quote again at 1:1, for feeds and shares that want a square."""
    return [
        replace(q, file=q.file.replace(".jpg", "-square.jpg"), layout="quote_square")
        for q in quotes[:1]
    ]


def story_card(digest: Digest, brand: Brand) -> Card:
    """A 1080x1920 story: the headline as the hook, pointing to the link in bio."""
    return Card(
        "story",
        "story-01.jpg",
        digest.headline,
        kicker=STORY_KICKER,
        note=STORY_NOTE,
        footer=brand.handle,
    )
