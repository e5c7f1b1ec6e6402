"""Point slides draw the article's whole text when it fits (the digest's short form only when it
does not), and a slide of several short points shows them one under another, never joined by
" · " in running text. Tested on strings and boxes: what place_card would draw."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.brand import load_brand
from pipeline.compose.post import compose_post
from pipeline.digest.story import digest_article
from pipeline.extract.article import extract_article
from pipeline.load.source import load_source
from pipeline.models import Card, Point
from pipeline.render.card import card_layout, place_card
from pipeline.render.looks import load_template
from pipeline.render.place import Placed, comfortable
from pipeline.write.edits import apply_text_edits, text_key
from tests.conftest import SAMPLE_FILES, corpus_dir
from tests.factories import digest_with

LOOKS = ("calm", "bold", "photo")
TAPING = "Tape the knee for support during sport, as your physiotherapist will show you"


def drawn(card: Card, look: str = "calm") -> Placed:
    return place_card(card, card_layout(load_template(look), card), load_brand())["text"]


def drawn_lines(placed: Placed) -> list[str]:
    if placed.checklist:
        return [line for lines in placed.checklist.items for line in lines]
    assert placed.fitted is not None
    return list(placed.fitted.lines)


def point_cards(points: tuple[Point, ...]) -> list[Card]:
    digest = digest_with(headline="Knee pain", symptom="It hurts.", treatment_points=points)
    return [c for c in compose_post(digest, load_brand(), "x").cards if c.kind == "point"][1:]


@pytest.mark.parametrize("look", LOOKS)
def test_a_list_slide_draws_each_point_whole_on_lines_of_its_own(look: str) -> None:
    points = (
        Point(None, "Ice the knee", "Ice the knee"),
        Point(None, TAPING, "Tape the knee for support during sport…"),
    )
    (card,) = point_cards(points)
    assert card.layout == "point_list"
    placed = drawn(card, look)
    assert placed.checklist is not None
    assert [" ".join(lines) for lines in placed.checklist.items] == ["Ice the knee", TAPING]
    assert not any("…" in line or "·" in line for line in drawn_lines(placed))


def test_points_that_are_sentences_read_on_as_text() -> None:
    points = (
        Point(None, "Rest helps.", "Rest helps."),
        Point(None, "Ice eases the swelling after a long walk.", "Ice eases the swelling…"),
    )
    (card,) = point_cards(points)
    assert card.layout is None
    assert card.text == "Rest helps. Ice eases the swelling after a long walk."
    assert drawn(card).text == card.text


def test_a_point_too_long_for_its_card_falls_back_to_its_short_form() -> None:
    first = "Gentle stretching eases the tension in the muscles around the knee"
    rest = " ".join(["and it helps the joint move freely again over the weeks"] * 25)
    (card,) = point_cards((Point("Stretching", f"{first}, {rest}.", f"{first}…"),))
    placed = drawn(card)
    assert placed.fitted is not None and placed.fitted.shortened
    assert placed.text == f"{first}…"
    assert any("shortened to fit" in w for w in placed.warnings)


def test_a_hand_edited_text_drops_the_tools_short_form() -> None:
    card = Card("point", "carousel-04.jpg", "Whole text.", kicker="Ice", short="Whole…")
    (edited,), _ = apply_text_edits([card], "", {text_key(card.file, "text"): "My words."})
    assert edited.text == "My words." and edited.short is None
    (same,), _ = apply_text_edits([card], "", {text_key(card.file, "kicker"): "Icing"})
    assert same.short == "Whole…"


def test_shin_splints_list_is_drawn_as_a_list_in_every_look() -> None:
    source = corpus_dir("clinic") / "preston-podiatry--shin-splints.md"
    digest = digest_article(extract_article(load_source(str(source), allow_private=False)))
    cards = compose_post(digest, load_brand(), "s").cards
    (listed,) = [c for c in cards if c.kind == "point" and "Icing" in c.text]
    for look in LOOKS:
        placed = drawn(listed, look)
        assert placed.checklist is not None
        items = [" ".join(lines) for lines in placed.checklist.items]
        assert items == ["Icing", "Anti-inflammatory preparations", "Appropriate footwear"]
        assert not any("·" in line for line in drawn_lines(placed))


def real_sources() -> list[Path]:
    folders = (corpus_dir("clinic"), corpus_dir("clinic-dev") / "files")
    found = {p.name: p for folder in folders for p in sorted(folder.glob("*--*.md"))}
    return [*SAMPLE_FILES, *found.values()]


def test_real_point_slides_fall_back_to_the_short_form_only_when_the_whole_cannot_fit() -> None:
    """Every point and closing slide of the samples and the redistributable clinic corpus: the
    text drawn is the whole text unless that does not fit the card at its smallest size, or, on
    a point slide, sets under the middle of its range beside a short form of whole sentences."""
    whole = 0
    for source in real_sources():
        digest = digest_article(extract_article(load_source(str(source), allow_private=False)))
        for card in compose_post(digest, load_brand(), "s").cards:
            if card.kind not in ("point", "closing"):
                continue
            placed = drawn(card)
            lines = drawn_lines(placed)
            assert not any(" · " in line for line in lines), (source.name, lines)
            if placed.text == card.text:
                whole += 1
                continue
            assert card.short, (source.name, card.file)  # cut only by the digest's own cut
            without = drawn(Card(card.kind, card.file, card.text, card.kicker, layout=card.layout))
            squeezed = without.fitted is not None and without.fitted.size < comfortable(without.box)
            whole_sentences = card.kind == "point" and not card.short.endswith("…")
            assert without.text != card.text or (squeezed and whole_sentences), (
                source.name,
                card.file,
            )
    assert whole >= 40
