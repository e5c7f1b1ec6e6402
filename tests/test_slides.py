"""Slides that read at feed size (issue 13): titles, whole points, long kickers, one panel
position, numbered and checklist styles. Tested on strings and boxes, not pixels."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.brand import load_brand, resource_dir
from pipeline.cli import NO_BRAND_NOTE, main
from pipeline.compose.post import compose_post
from pipeline.models import Card, Point
from pipeline.render.card import place_card, render_card
from pipeline.render.layouts import Layout
from pipeline.render.looks import load_template
from tests.conftest import KNEE
from tests.factories import digest_with

LOOKS = ("calm", "bold", "photo")
POINT = (
    "Gentle stretching exercises were recommended to relieve tension in the overworked muscles,"
    " promoting better muscle balance and reducing joint strain over the following weeks."
)


@pytest.mark.parametrize("look", LOOKS)
def test_a_point_with_room_is_drawn_whole_under_its_title(look: str) -> None:
    card = Card("point", "p.jpg", POINT, kicker="Stretching and Mobility", counter="4 / 9")
    image = render_card(card, load_brand(), load_template(look))
    assert image.texts[:2] == ("Stretching and Mobility", POINT)
    assert not any("…" in text for text in image.texts)
    placed = place_card(card, load_template(look).layouts["point"], load_brand())
    title, text = placed["kicker"], placed["text"]
    assert title.fitted is not None and title.fitted.size >= 56
    assert title.box.y + title.height <= text.box.y  # the title above its text


SYMPTOM = (
    "Tension headaches feel like a tight band around the forehead, the temples or the back of"
    " the head, often with sore neck and shoulder muscles, and they can last from half an hour"
    " to several days."
)  # 38 words: more than the digest's 20-word short form


@pytest.mark.parametrize("look", LOOKS)
def test_symptom_and_cause_slides_get_their_whole_text_like_a_point(look: str) -> None:
    digest = digest_with(headline="Tension headaches", symptom=SYMPTOM, cause=POINT)
    post = compose_post(digest, load_brand(), "x")
    symptom, cause = post.cards[1], post.cards[2]
    assert (symptom.text, cause.text) == (SYMPTOM, POINT)
    for card in (symptom, cause):
        image = render_card(card, load_brand(), load_template(look))
        assert image.texts[1] == card.text and not any("…" in t for t in image.texts)


def test_a_text_that_cannot_fit_is_cut_at_a_clause_boundary() -> None:
    text = " ".join([SYMPTOM.removesuffix(".") + ";"] * 6) + " the end."
    card = Card("point", "p.jpg", text, kicker="Symptom")
    drawn = render_card(card, load_brand(), load_template("photo")).texts[1]
    assert drawn.endswith("…") and text.startswith(drawn.removesuffix("…"))
    assert text[len(drawn) - 1] in ";,"  # the cut falls where a clause ends


@pytest.mark.parametrize("look", LOOKS)
def test_a_long_kicker_wraps_or_is_shortened_at_a_word_never_dropped(look: str) -> None:
    kicker = "Relieving joint strain with gentle strengthening, stretching and mobility work " * 3
    card = Card("point", "p.jpg", "Rest helps.", kicker=kicker.strip())
    image = render_card(card, load_brand(), load_template(look))
    title = image.texts[0]
    assert title != "Rest helps."
    assert kicker.startswith(title.removesuffix("…").rstrip(" ,"))
    assert title.endswith("…") and not title.removesuffix("…").endswith(" ")
    assert any("kicker shortened" in w for w in image.warnings)


def test_the_photo_panel_keeps_one_position_across_the_carousel() -> None:
    layouts = load_template("photo").layouts
    kinds = ("cover", "point", "point_checklist", "closing")
    assert len({layouts[kind].panels[0] for kind in kinds}) == 1


def test_the_takeaway_is_at_least_as_prominent_as_a_point() -> None:
    for look in LOOKS:
        layouts = load_template(look).layouts
        point, closing = layouts["point"], layouts["closing"]
        for field in ("kicker", "text"):
            ours, theirs = closing.box(field), point.box(field)
            assert ours is not None and theirs is not None
            assert ours.sizes[0] >= theirs.sizes[0], (look, field)


def test_self_care_tips_are_a_checklist_one_under_another() -> None:
    tips = (Point(None, "Use ice packs.", "Use ice packs."), Point(None, "Rest.", "Rest."))
    post = compose_post(
        digest_with(headline="Knee pain", symptom="It hurts.", prevention=tips), load_brand(), "x"
    )
    (care,) = [c for c in post.cards if c.layout == "point_checklist"]
    layout = load_template("calm").layouts["point_checklist"]
    placed = place_card(care, layout, load_brand())["text"]
    assert placed.checklist is not None
    assert [" ".join(lines) for lines in placed.checklist.items] == ["Use ice packs", "Rest"]


def test_a_listicle_numbers_its_points() -> None:
    points = tuple(Point(f"Tip {n}", f"Do thing {n} every day.", f"Do thing {n}.") for n in "abc")
    digest = digest_with(
        headline="3 Ways to Ease Knee Pain", symptom="It hurts.", treatment_points=points
    )
    post = compose_post(digest, load_brand(), "x")
    numbered = [c for c in post.cards if c.layout == "point_numbered"]
    assert [c.note for c in numbered] == ["1", "2", "3"]
    image = render_card(numbered[0], load_brand())
    assert image.texts[:1] == ("1",) or "1" in image.texts


def test_without_a_brand_kit_cards_carry_no_clinic_and_the_run_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 0
    err = capsys.readouterr().err
    assert err.count(NO_BRAND_NOTE) == 1
    (folder,) = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    drawn = " ".join(t for image in manifest["images"] for t in image["texts"])
    assert "@" not in drawn and "VIVE" not in drawn  # the sample is VIVE's article, not the kit
    example = resource_dir("templates") / "brand-example.toml"
    assert main(["run", str(KNEE), "-o", str(tmp_path / "b"), "-q", "--brand", str(example)]) == 0
    assert NO_BRAND_NOTE not in capsys.readouterr().err


def test_brand_hashtags_may_be_given_per_language() -> None:
    example = load_brand(resource_dir("templates") / "brand-example.toml")
    assert example.for_language("es").hashtags == ("Acupuntura",)
    assert example.for_language("en").hashtags == ("Acupuncture",)


def stacked_layout(text_height: int) -> Layout:
    """calm's point layout with its text box cut to `text_height`: the stack's region (from
    the title's top to the lower of the two boxes' bottoms) is then taller than the text box."""
    layout = load_template("calm").layouts["point"]
    boxes = tuple(
        replace(box, height=text_height) if box.field == "text" else box for box in layout.boxes
    )
    return replace(layout, boxes=boxes)


# Three lines: it fits the 250 px region of calm's point stack, not a 120 px text box, and has
# no sentence or clause end to be shortened at.
THREE_LINES = " ".join(["gentle stretching of the calf muscles every morning"] * 2)


def test_the_main_text_is_fitted_to_the_room_under_its_title() -> None:
    layout = load_template("calm").layouts["point"]
    card = Card("point", "p.jpg", THREE_LINES, kicker="Stretching")
    placed = place_card(card, layout, load_brand())
    text, title = placed["text"], placed["kicker"]
    assert text.fitted is not None and not text.fitted.shortened
    assert text.box.y >= title.box.y + title.height
    assert list(placed) == [b.field for b in layout.boxes if b.field in placed]  # drawing order


def test_a_text_too_long_for_its_own_box_is_refused_though_the_stack_is_taller() -> None:
    """Only the room under the title is fitted; a text that fits neither its box nor anything
    shorter is still refused when the stack's region happens to be taller than its box."""
    layout = stacked_layout(120)
    fits = place_card(Card("point", "p.jpg", THREE_LINES), stacked_layout(990), load_brand())
    assert fits["text"].fitted is not None
    with pytest.raises(ValueError, match="cannot fit"):
        place_card(Card("point", "p.jpg", THREE_LINES), layout, load_brand())
