"""Compose: fixed words in the article's language, honest closing slides, no silent drops."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.brand import Brand, load_brand
from pipeline.cli import main
from pipeline.compose.caption import caption_environment
from pipeline.compose.post import compose_post
from pipeline.compose.wording import WORDINGS, wording_for
from pipeline.digest.story import digest_article
from pipeline.extract.article import extract_article
from pipeline.load.source import load_source
from pipeline.models import Card, ConfigError, Digest, Point, Post
from tests.conftest import KNEE, ROOT, SAMPLES, corpus_dir
from tests.factories import digest_with

DATA = Path(__file__).parent / "data" / "captions"
# Every fixed English word compose or the built-in caption templates add around the article's own.
ENGLISH = (
    "SYMPTOM",
    "CAUSE",
    "TAKEAWAY",
    "Swipe",
    "NEW ON OUR BLOG",
    "from our blog",
    "Read it via the link in bio",
    "Symptom:",
    "Cause:",
    "From our article:",
    "Treatment",
    "Key point",
    "Next step",
)


def digest_of(source: Path) -> Digest:
    return digest_article(extract_article(load_source(str(source), allow_private=False)))


def compose(source: Path) -> Post:
    return compose_post(digest_of(source), load_brand(), "slug")


def make_brand(**fields: Any) -> Brand:
    values: dict[str, Any] = {
        "name": "Test Clinic",
        "handle": "@testclinic",
        "cta": "Link in bio to book",
        "disclaimer": "Individual results vary. Not medical advice.",
        "hashtags": ("TestClinic",),
    }
    values.update(fields)
    return Brand(**values)


def make_digest(**fields: Any) -> Digest:
    return digest_with(
        **{
            "headline": "Shin Splints",
            "symptom": "Pain along the inner edge of the shin during and after running.",
            **fields,
        }
    )


def generated_words(post: Post) -> list[str]:
    """What compose adds around the article: kickers, notes, and every caption line."""
    brand = load_brand()
    texts = [t for c in post.cards for t in (c.kicker, c.note) if t and t != brand.cta]
    texts += [c.text for c in post.cards if c.kind == "quote"]  # the source line is a note
    assert post.captions is not None
    captions = [post.caption, post.captions.story, *(c for _, c in post.captions.quotes)]
    return texts + [c.replace(brand.cta, "") for c in captions]


def closing_of(post: Post) -> Card:
    (closing,) = [c for c in post.cards if c.kind == "closing"]
    return closing


@pytest.mark.parametrize(
    ("sample", "language"), [("es-dolor-de-espalda.md", "es"), ("ko-knee-pain.md", "ko")]
)
def test_spanish_and_korean_posts_carry_no_english_fixed_words(sample: str, language: str) -> None:
    post = compose(SAMPLES / sample)
    words = wording_for(language)
    for text in generated_words(post):
        for english in ENGLISH:
            assert english.lower() not in text.lower(), (english, text)
    kickers = [c.kicker for c in post.cards]
    assert words.symptom in kickers and words.cause in kickers and words.takeaway in kickers
    assert post.cards[0].note == words.swipe
    story = post.cards[-1]
    assert (story.kicker, story.note) == (words.story_kicker, words.story_note)
    assert f"• {words.symptom}: " in post.caption


def test_spanish_wording_in_quote_captions_and_cards() -> None:
    post = compose(SAMPLES / "es-dolor-de-espalda.md")
    quotes = [c for c in post.cards if c.kind == "quote"]
    assert quotes and all(q.note and q.note.startswith("— de nuestro blog: ") for q in quotes)
    assert post.captions is not None
    short = [c for _, c in post.captions.quotes if "De nuestro artículo: " in c]
    assert short, "a quote that fits the hook names the article in Spanish"


def test_brand_texts_stay_as_the_brand_wrote_them() -> None:
    brand = make_brand(cta="Book via the link in bio", disclaimer="Results vary.")
    post = compose_post(make_digest(language="ko", conclusion="쉬면 낫습니다."), brand, "s")
    closing = closing_of(post)
    assert (closing.kicker, closing.note, closing.fine_print) == (
        "핵심 정리",
        "Book via the link in bio",
        "Results vary.",
    )


def test_unknown_language_falls_back_to_english() -> None:
    assert wording_for("xx") == WORDINGS["en"] and wording_for("es-MX") == WORDINGS["es"]


def test_templates_get_the_words_and_stay_strict() -> None:
    env = caption_environment(DATA / "missing-variable")
    post = compose_post(make_digest(language="es"), make_brand(), "s", caption_environment())
    assert post.captions is not None and "• Síntoma: " in post.caption
    with pytest.raises(Exception, match="'clinic_phone' is undefined"):
        compose_post(make_digest(language="es"), make_brand(), "s", env)


def test_without_a_conclusion_the_closing_slide_is_the_call_to_action() -> None:
    brand = make_brand()
    closing = closing_of(compose_post(make_digest(), brand, "s"))
    assert closing.kicker == "Next step" and closing.text == brand.cta
    assert closing.fine_print == brand.disclaimer
    closing = closing_of(compose_post(make_digest(conclusion="Rest helps."), brand, "s"))
    assert (closing.kicker, closing.text, closing.note) == ("Takeaway", "Rest helps.", brand.cta)


def test_a_conclusion_that_is_the_posts_call_to_action_is_drawn_once_as_the_next_step() -> None:
    """The digest gives the closing call to action as both its conclusion and its cta: the
    closing slide draws it once, under "Next step", the brand's own call to action under it
    unless that says the same words."""
    words = "Jeder Tag zählt. Gerne berate ich Sie individuell, welche Übungen geeignet sind."
    digest = make_digest(conclusion=words, cta=words)
    brand = make_brand(cta="Book via the link in bio")
    post = compose_post(digest, brand, "s")
    closing = closing_of(post)
    assert (closing.kicker, closing.text, closing.note) == ("Next step", words, brand.cta)
    assert sum(words in " ".join(filter(None, (c.text, c.note))) for c in post.cards) == 1
    same = closing_of(
        compose_post(
            make_digest(conclusion="Book today.", cta="Book today."),
            make_brand(cta="Book today"),
            "s",
        )
    )
    assert (same.kicker, same.text, same.note) == ("Next step", "Book today.", None)


def test_clinic_corpus_never_labels_a_non_conclusion_a_takeaway() -> None:
    sources = sorted(corpus_dir("clinic").glob("*--*.md"))
    labelled = 0
    for source in sources:
        digest = digest_of(source)
        closing = closing_of(compose_post(digest, load_brand(), "s"))
        assert closing.text != digest.headline, source.name
        if closing.kicker == "Takeaway":
            labelled += 1
            assert digest.conclusion and closing.text[:20] in digest.conclusion, source.name
        elif digest.conclusion:  # the post closes on its own call to action
            assert digest.cta == digest.conclusion and closing.text[:20] in digest.conclusion
        else:
            assert closing.text == load_brand().cta, source.name
    assert 0 < labelled < len(sources)


def labelled_points(count: int) -> tuple[Point, ...]:
    text = "Gentle loading over several weeks builds tendon capacity."
    return tuple(Point(f"Method {i}", text, text) for i in range(1, count + 1))


def test_points_left_off_the_carousel_are_a_warning_with_the_caption_count() -> None:
    digest = make_digest(cause="Too much running too soon.", treatment_points=labelled_points(12))
    post = compose_post(digest, make_brand(), "s")
    slides = [c for c in post.cards if c.group == "carousel"]
    assert len(slides) == 10
    shown = sum(1 for c in slides if (c.kicker or "").startswith("Method "))
    listed = sum(1 for line in post.caption.splitlines() if line.startswith("• Method "))
    assert shown == 6 and listed == 12  # the caption lists the points the carousel had no room for
    assert post.extra["compose_warnings"] == [
        "carousel: 6 of 12 treatment points left off (10-slide limit); the caption lists 12 of 12"
    ]


def test_all_points_shown_means_no_warning() -> None:
    post = compose_post(make_digest(treatment_points=labelled_points(3)), make_brand(), "s")
    assert "compose_warnings" not in post.extra


def point(text: str, label: str | None = None) -> Point:
    return Point(label, text, text)


def test_consecutive_short_points_share_one_list_slide_in_story_order() -> None:
    points = (
        point("Rest from sporting activity until pain completely resolves"),
        point("Icing"),
        point("Anti-inflammatory preparations"),
        point("Appropriate footwear."),
        point("Orthotics to control any biomechanical abnormality such as pronation."),
        point("Taping"),
    )
    post = compose_post(make_digest(treatment_points=points), make_brand(), "s")
    middle = [(c.kicker, c.text) for c in post.cards if c.kind == "point"][1:]
    assert middle == [
        ("Treatment", "Rest from sporting activity until pain completely resolves"),
        ("Treatment", "Icing · Anti-inflammatory preparations · Appropriate footwear"),
        # a lone short point at the end joins the point before it
        (
            "Treatment",
            "Orthotics to control any biomechanical abnormality such as pronation · Taping",
        ),
    ]


def test_shin_splints_short_treatments_are_one_slide() -> None:
    corpus_dir("clinic")
    source = corpus_dir("clinic") / "preston-podiatry--shin-splints.md"
    post = compose(source)
    texts = [c.text for c in post.cards if c.kind == "point"]
    (listed,) = [t for t in texts if "Icing" in t]
    assert " · " in listed and "Appropriate footwear" in listed


def test_a_lower_case_labelled_bullet_is_capitalised_on_the_slide_only() -> None:
    digest = digest_of(SAMPLES / "es-dolor-de-espalda.md")
    first = digest.treatment_points[0]
    assert first.short[:1].islower()  # the digest keeps the article's own text
    post = compose_post(digest, load_brand(), "s")
    (card,) = [c for c in post.cards if c.kicker == first.label]
    assert card.text == first.short[:1].upper() + first.short[1:]


def test_left_off_points_are_recorded_in_post_json(tmp_path: Path) -> None:
    source = Path(__file__).parent / "data" / "compose" / "twelve-methods.md"
    assert main(["run", str(source), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = list(tmp_path.iterdir())
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    points = manifest["digest"]["treatment_points"]
    slides = [c for c in manifest["cards"] if c["kind"] == "point"]
    left_off = len(points) - sum(1 for c in slides if c["kicker"] in {p["label"] for p in points})
    listed = sum(1 for p in points if f"• {p['label']}: " in manifest["caption"])
    assert left_off > 0
    assert manifest["compose_warnings"] == [
        f"carousel: {left_off} of {len(points)} treatment points left off (10-slide limit); "
        f"the caption lists {listed} of {len(points)}"
    ]
    assert "#TreatRunnersKnee" not in manifest["hashtags"]


def test_a_lone_short_point_joins_its_unlabelled_neighbour() -> None:
    points = (
        point("Avoid high heels and choose wide fitting shoes", label="Footwear"),
        point("Padding to cushion"),
        point("Insoles to spread the metatarsals and ease the pressure on the nerve."),
        point("Cortisone injection"),
        point("A long explanation of surgery as a last resort when nothing else has helped."),
    )
    post = compose_post(make_digest(treatment_points=points), make_brand(), "s")
    middle = [(c.kicker, c.text) for c in post.cards if c.kind == "point"][1:]
    assert middle == [
        ("Footwear", "Avoid high heels and choose wide fitting shoes"),
        (
            "Treatment",
            "Padding to cushion · Insoles to spread the metatarsals and ease the pressure on "
            "the nerve · Cortisone injection",
        ),
        ("Treatment", points[-1].short),
    ]


def test_clinic_corpus_has_no_one_or_two_word_slides() -> None:
    for source in sorted(corpus_dir("clinic").glob("*--*.md")):
        post = compose(source)
        short = [c.text for c in post.cards if c.kind == "point" and len(c.text.split()) <= 2]
        assert not short, (source.name, short)


def test_quote_cards_prefer_sentences_not_already_on_a_slide() -> None:
    on_slide = "Pain along the inner edge of the shin during and after running."
    others = (
        "Shin splints often follow a sudden increase in running distance or speed.",
        "A graded return to running keeps the load within what the shin tolerates.",
        "Strong calf muscles share the load that would otherwise reach the shin bone.",
    )
    points = tuple(
        point(text, label)
        for label, text in (
            ("Rest", "Rest from running until the pain settles down."),
            ("Ice", "Ice the shin for ten minutes after activity."),
            ("Footwear", "Supportive running shoes reduce the load on the shin."),
        )
    )
    digest = make_digest(symptom=on_slide, treatment_points=points, quotes=(on_slide, *others))
    post = compose_post(digest, make_brand(), "s")
    assert on_slide in [c.text for c in post.cards if c.kind == "point"]
    assert [c.text for c in post.cards if c.kind == "quote" and not c.layout] == list(others)


def test_the_brand_speaks_the_article_language_where_the_kit_says_how() -> None:
    brand = load_brand()
    spanish = compose_post(digest_of(SAMPLES / "es-dolor-de-espalda.md"), brand, "s")
    closing = next(c for c in spanish.cards if c.kind == "closing")
    assert brand.languages["es"]["cta"] in (closing.note or "")
    assert brand.cta not in spanish.caption and brand.languages["es"]["cta"] in spanish.caption
    english = compose_post(digest_of(KNEE), brand, "k")
    assert brand.cta in english.caption


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[languages.es]\nslogan = "x"', "unknown key 'languages.es.slogan'"),
        ("[languages.es]\ncta = 3", "'languages.es.cta' must be text"),
        ('languages = "es"', "[languages] must hold tables"),
    ],
)
def test_bad_language_tables_in_a_brand_kit(tmp_path: Path, table: str, message: str) -> None:
    kit = (ROOT / "templates" / "brand.toml").read_text(encoding="utf-8").split("[languages")[0]
    path = tmp_path / "brand.toml"
    text = kit + table if table.startswith("[") else table + "\n" + kit  # a bare key goes on top
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_brand(path)


def test_a_short_post_never_fills_out_with_the_symptom_sentence_again() -> None:
    symptom = "One person in ten suffers from anxiety or panic."
    quotes = (symptom.upper(), "Between 20% and 30% of young adults have an anxiety disorder.")
    post = compose_post(make_digest(symptom=symptom, quotes=quotes), make_brand(), "s")
    texts = [" ".join(c.text.lower().split()) for c in post.cards]
    assert texts.count(symptom.lower()) == 1
