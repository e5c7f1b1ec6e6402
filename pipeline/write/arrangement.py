"""The carousel's arrangement as a person set it: slides left out and the swipe order, kept in
post.json under "slide_order" and "slides_left_out" (added keys; a folder without them keeps
the order the article gives).

A slide keeps its file name wherever it moves, so its hand edits stay with it; the counters
("2 / 7") follow the new order. The cover stays first and cannot be left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from pipeline.models import Card, EditError
from pipeline.write.manifest import Manifest
from pipeline.write.manifest_read import card_from_json

ORDER = "slide_order"
LEFT_OUT = "slides_left_out"


def slides_left_out(manifest: Manifest) -> tuple[Card, ...]:
    """The slides a person left out, as they were when left out."""
    entries = manifest.extra.get(LEFT_OUT)
    if not isinstance(entries, list):
        return ()
    cards = []
    for i, entry in enumerate(entries):
        try:
            cards.append(card_from_json(entry, f"{LEFT_OUT}[{i}]"))
        except EditError:
            continue  # a damaged entry is dropped, not a crash
    return tuple(cards)


def slide_order(manifest: Manifest) -> list[str]:
    order = manifest.extra.get(ORDER)
    return [f for f in order if isinstance(f, str)] if isinstance(order, list) else []


def arrange(cards: Sequence[Card], order: Sequence[str], left_out: Sequence[str]) -> list[Card]:
    """The carousel slides in `order` (files it does not name keep their place after it)
    without `left_out`, numbered again; the quote cards and the story after them as they were."""
    slides = [c for c in cards if c.group == "carousel" and c.file not in left_out]
    rank = {file: i for i, file in enumerate(order)}
    slides.sort(key=lambda c: (c.kind != "cover", rank.get(c.file, len(rank))))
    slides = [
        replace(c, counter=f"{i} / {len(slides)}") if c.counter else c
        for i, c in enumerate(slides, 1)
    ]
    return [*slides, *(c for c in cards if c.group != "carousel")]


def arrangement_record(cards: Sequence[Card], left_out: Sequence[Card]) -> dict[str, Any]:
    """The post.json keys for an arrangement: the swipe order, and the slides left out."""
    order = [c.file for c in cards if c.group == "carousel"]
    return {ORDER: order, LEFT_OUT: [asdict(c) for c in left_out]}


def kept_arrangement(manifest: Manifest, cards: Sequence[Card]) -> tuple[list[Card], list[Card]]:
    """A new run's cards arranged as the folder's person arranged them, and the slides left
    out as that person last saw them (hand edits included), so they can still be put back."""
    if ORDER not in manifest.extra and LEFT_OUT not in manifest.extra:
        return list(cards), []
    made = {c.file for c in cards if c.group == "carousel" and c.kind != "cover"}
    left = [c for c in slides_left_out(manifest) if c.file in made]
    return arrange(cards, slide_order(manifest), [c.file for c in left]), left
