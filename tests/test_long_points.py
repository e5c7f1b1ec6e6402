"""Long points and checklists on cards: a long point is split between its own sentences when the
carousel has room, a squeezed one gives way to its short form of whole sentences, and every
checklist item starts a line of its own. Real texts (samples, the redistributable corpus) and
small made-up ones; checked on strings and boxes, as place_card would draw them."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.brand import load_brand
from pipeline.compose.length import split_point
from pipeline.compose.post import compose_post
from pipeline.compose.words import reading_words
from pipeline.digest.story import digest_article
from pipeline.extract.article import extract_article
from pipeline.load.source import load_source
from pipeline.models import Card, Point
from pipeline.render.card import card_layout, place_card
from pipeline.render.looks import load_template
from pipeline.render.place import Placed, comfortable
from tests.conftest import SAMPLE_FILES, corpus_dir
from tests.factories import digest_with

LOOKS = ("calm", "bold", "photo")
LONG = (
    "Manual therapy loosens the stiff joints of the lower back and hips. "
    "Your physiotherapist will then show you exercises that strengthen the muscles around them, "
    "starting gently and adding load week by week. "
    "Most people feel a difference within a few sessions, although a long-standing problem "
    "takes longer. Keep doing the exercises at home between visits, even on good days."
)
JAPANESE_TIPS = (  # made up: four tips of about forty characters, as Japanese clinic blogs write
    "毎日の歯磨きでは、歯と歯茎の境目に歯ブラシを当てて、やさしく細かく動かしましょう",
    "歯と歯の間の汚れは歯ブラシだけでは落ちにくいので、デンタルフロスも使いましょう",
    "甘い飲み物や間食が多いと細菌が増えやすくなるため、時間を決めて食べるようにします",
    "症状がなくても、三か月に一度は歯科医院で定期検診とクリーニングを受けましょう",
)


def drawn(card: Card, look: str = "calm", language: str = "en") -> Placed:
    brand = load_brand().for_language(language)
    return place_card(card, card_layout(load_template(look), card), brand)["text"]


@cache
def real_cards() -> tuple[tuple[str, Card], ...]:
    folders = (corpus_dir("clinic"), corpus_dir("clinic-dev") / "files")
    found = {p.name: p for folder in folders for p in sorted(folder.glob("*--*.md"))}
    cards = []
    for source in [*SAMPLE_FILES, *found.values()]:
        digest = digest_article(extract_article(load_source(str(source), allow_private=False)))
        post = compose_post(digest, load_brand(), "s")
        cards += [(source.name, card) for card in post.cards if card.kind == "point"]
    return tuple(cards)


def test_reading_words_counts_spaced_words_and_a_third_of_a_word_per_japanese_character() -> None:
    assert reading_words("Rest the knee for two days.") == 6
    assert reading_words("무릎을 이틀 동안 쉬게 하세요.") == 5  # Korean spaces its words
    assert reading_words("歯周病の治療です。") == pytest.approx(3)  # nine, with 。
    assert reading_words("CT検査") == pytest.approx(1 + 2 / 3)


def test_a_long_point_splits_between_its_own_sentences_into_even_halves() -> None:
    halves = split_point(LONG)
    assert halves is not None
    first, second = halves
    assert f"{first} {second}" == LONG  # cut, never rewritten
    assert first.endswith("week by week.") and second.startswith("Most people")
    assert split_point("Ice the knee. Rest it.") is None  # short: one slide
    one_sentence = " ".join(["word"] * 50) + "."
    assert split_point(one_sentence) is None  # no boundary: never cut mid-sentence


def test_a_japanese_paragraph_splits_at_its_full_stops() -> None:
    text = "。".join(JAPANESE_TIPS) + "。"
    first, second = split_point(text) or ("", "")
    assert first + second == text
    assert first.endswith("。") and second.endswith("。") and len(first) < len(text)


def test_compose_splits_a_long_point_when_the_carousel_has_room_and_counts_it_once() -> None:
    point = Point("Manual therapy", LONG, "Manual therapy loosens the stiff joints.")
    digest = digest_with(headline="Back pain", symptom="It aches.", treatment_points=(point,))
    cards = [c for c in compose_post(digest, load_brand(), "s").cards if c.kind == "point"]
    halves = [c for c in cards if c.kicker == "Manual therapy"]
    assert [c.text for c in halves] == list(split_point(LONG) or ())
    crowded = digest_with(
        headline="Back pain",
        symptom="It aches.",
        treatment_points=tuple(Point(f"Step {i}", LONG, "Short.") for i in range(8)),
    )
    post = compose_post(crowded, load_brand(), "s")
    texts = [c.text for c in post.cards if c.kind == "point"]
    assert texts.count(LONG) == 7  # no room: each point whole on one slide, none split
    assert str(post.extra["compose_warnings"]).startswith("['carousel: 1 of 8 treatment points")


def test_a_squeezed_point_draws_its_short_form_of_whole_sentences_larger() -> None:
    text = f"{LONG} Massage eases the muscles too, and your physiotherapist can show you how."
    short = "Manual therapy loosens the stiff joints of the lower back and hips."
    card = Card("point", "carousel-03.jpg", text, "Manual therapy", short=short)
    whole = drawn(Card("point", "carousel-03.jpg", text, "Manual therapy"))
    assert whole.fitted is not None and not whole.fitted.shortened
    assert whole.fitted.size < comfortable(whole.box)
    placed = drawn(card)
    assert placed.text == short and placed.fitted is not None
    assert placed.fitted.size > whole.fitted.size
    cut = drawn(Card("point", "carousel-03.jpg", text, "Manual therapy", short="Manual therapy…"))
    assert cut.text == text  # a cut mid-sentence is no better than the whole at a small size


@pytest.mark.parametrize("look", LOOKS)
def test_real_point_slides_are_not_squeezed_beside_a_larger_short_form(look: str) -> None:
    """The samples and the redistributable corpus: a point's body under the middle of its range
    only when no short form of whole sentences would set larger."""
    squeezed = 0
    for name, card in real_cards():
        placed = drawn(card, look)
        if placed.checklist or placed.fitted is None:
            continue
        assert placed.fitted.size >= placed.box.sizes[0], (name, card.file)
        if placed.fitted.size >= comfortable(placed.box) or not card.short:
            continue
        squeezed += 1
        if not card.short.endswith("…"):
            short = drawn(Card(card.kind, card.file, card.short, card.kicker), look)
            assert short.fitted is None or short.fitted.size <= placed.fitted.size, (name, card)
    assert squeezed <= 6  # measured: 0-4 in each look


def test_a_japanese_sentence_grows_as_much_as_an_english_one_of_its_length() -> None:
    """A short text may grow past the box's largest size (its `grow` pairs), counted in words:
    a 40-character Japanese sentence, without a space, counted as one word and was set at
    96 px beside paragraphs at 55."""
    sentence = (
        "肩こりの主な原因は、長時間同じ姿勢で座り続けることによる筋肉の緊張と血流の低下です。"
    )
    placed = drawn(Card("point", "carousel-03.jpg", sentence, "原因"), language="ja")
    english = drawn(Card("point", "carousel-03.jpg", "Rest", "Treatment"))
    assert placed.fitted is not None and english.fitted is not None
    assert placed.fitted.size <= 64 < english.fitted.size  # 14 words: the box's own range
