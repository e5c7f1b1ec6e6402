"""Alt text for every image: the words drawn on it, verbatim and in drawing order, then what the
image is, in the article's language."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.compose.wording import WORDINGS, wording_for
from pipeline.models import Card, RenderedImage

MAX_ALT_TEXT = 1000
ELLIPSIS = "…"


def make_alt_text(
    card: Card, texts: Sequence[str], position: int, total: int, language: str | None = None
) -> str:
    """The words on the image verbatim, in drawing order, then briefly what the image shows."""
    words = join_texts(texts)
    what = describe_card(card, position, total, language)
    alt = join_texts([words, what])
    if len(alt) <= MAX_ALT_TEXT:
        return alt
    room = MAX_ALT_TEXT - len(what) - 2
    if room < 200:  # the image's own words come first; the description goes before they do
        return words[: MAX_ALT_TEXT - 1].rsplit(" ", 1)[0] + ELLIPSIS
    return words[:room].rsplit(" ", 1)[0] + ELLIPSIS + " " + what


def join_texts(texts: Sequence[str]) -> str:
    """Each drawn string as drawn; a full stop between pieces when one ends in a bare word."""
    joined = ""
    for piece in (" ".join(t.split()) for t in texts if t.strip()):
        if joined:
            joined += ". " if joined[-1].isalnum() else " "
        joined += piece
    return joined


def describe_card(card: Card, position: int, total: int, language: str | None = None) -> str:
    """What the image is, in the article's language (English when not given)."""
    words = wording_for(language)
    if card.kind == "quote":
        return words.alt_quote.format(position=position, total=total)
    if card.kind == "story":
        return words.alt_story
    where = words.alt_slide.format(position=position, total=total)
    if card.kind == "cover":
        return words.alt_cover.format(where=where)
    if card.kind == "closing":
        takeaway = card.kicker in {w.takeaway for w in WORDINGS.values()}
        return (words.alt_closing if takeaway else words.alt_next_step).format(where=where)
    topic = (card.kicker or words.alt_topic).lower()
    return words.alt_point.format(where=where, topic=topic)


def alt_text_file(images: Sequence[RenderedImage]) -> bytes:
    """Plain `alt-text.txt`: one `file: alt text` line per image."""
    lines = [f"{image.card.file}: {image.alt_text}" for image in images]
    return ("\n".join(lines) + "\n").encode("utf-8")
