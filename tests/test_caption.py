"""Captions, hashtags and alt text: limits on real articles, and the template rules."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.brand import Brand, load_brand, resource_dir
from pipeline.cli import main
from pipeline.compose.alttext import MAX_ALT_TEXT, make_alt_text
from pipeline.compose.caption import (
    HOOK_LIMIT,
    MAX_CAPTION,
    MAX_STORY,
    caption_environment,
    make_captions,
    make_hook,
)
from pipeline.compose.hashtags import camel_tag, is_tag_worthy, make_hashtags
from pipeline.compose.post import compose_post
from pipeline.digest.story import STOPWORDS
from pipeline.models import Card, ConfigError, Digest, Point
from tests.conftest import CORPUS, KNEE, SAMPLE_FILES, SAMPLES, corpus_dir
from tests.factories import digest_with

DATA = Path(__file__).parent / "data" / "captions"
CLINIC = CORPUS / "clinic"
CLINIC_FILES = sorted(CLINIC.glob("*--*.md")) if CLINIC.is_dir() else [CLINIC / "absent.md"]
TAG = re.compile(r"#[^\W_]+")


def run_folder(source: Path, out: Path, *extra: str) -> tuple[Path, dict[str, Any]]:
    assert main(["run", str(source), "-o", str(out), "-q", *extra]) == 0
    (folder,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    return folder, json.loads((folder / "post.json").read_text(encoding="utf-8"))


def letters(text: str) -> str:
    return re.sub(r"[^\w]|_", "", text).lower()


def assert_caption_limits(caption: str, hashtags: list[str]) -> None:
    hook = caption.splitlines()[0]
    assert len(caption) <= MAX_CAPTION
    assert len(hook) <= HOOK_LIMIT, hook
    assert caption.splitlines()[-1] == " ".join(hashtags)


# Tags a marketer would not use: a goal, a long generic noun phrase, a generic adjective, a list.
UNWANTED_TAGS = {
    "#RelievingJointStrain",
    "#StrengtheningMuscles",
    "#AntiInflammatoryPreparations",
    "#AppropriateFootwear",
    "#FootwearAndTaping",
}


def assert_hashtags(hashtags: list[str], allowed_text: str) -> None:
    assert 2 <= len(hashtags) <= 5, hashtags  # without a brand kit, no brand tag is added
    assert not UNWANTED_TAGS & set(hashtags), hashtags
    assert len({t.lower() for t in hashtags}) == len(hashtags), hashtags
    for tag in hashtags:
        assert TAG.fullmatch(tag), tag
        assert not tag[1].islower(), f"{tag} is not CamelCase"
        assert tag[1:].lower() not in STOPWORDS, tag
        # never invented: every tag's letters appear in a row in the article or the brand kit
        assert letters(tag) in allowed_text, f"{tag} comes from neither the article nor the brand"


def check_run(source: Path, out: Path) -> None:
    folder, manifest = run_folder(source, out)
    brand = load_brand()
    article_letters = letters(source.read_text(encoding="utf-8").replace("&#39;", "'"))
    allowed = article_letters + letters(" ".join([brand.name, *brand.hashtags]))
    hashtags = manifest["hashtags"]
    assert_hashtags(hashtags, allowed)

    captions = manifest["captions"]
    assert captions["carousel"] == manifest["caption"]
    assert (folder / "caption.txt").read_text(encoding="utf-8").strip() == manifest["caption"]
    quote_files = [i["file"] for i in manifest["images"] if i["kind"] == "quote"]
    assert sorted(captions["quotes"]) == sorted(quote_files)
    for file, caption in captions["quotes"].items():
        assert_caption_limits(caption, hashtags)
        saved = folder / f"caption-{Path(file).stem}.txt"
        assert saved.read_text(encoding="utf-8").strip() == caption
    assert_caption_limits(captions["carousel"], hashtags)
    assert len(captions["story"]) <= MAX_STORY
    assert (folder / "caption-story.txt").read_text(encoding="utf-8").strip() == captions["story"]

    # ordinary clinic text never gets a false block, end to end
    assert [f for f in manifest["health_findings"] if f["severity"] == "block"] == []

    alt_lines = (folder / "alt-text.txt").read_text(encoding="utf-8").splitlines()
    assert len(alt_lines) == len(manifest["images"])
    for entry, line in zip(manifest["images"], alt_lines, strict=True):
        alt = entry["alt_text"]
        assert line == f"{entry['file']}: {alt}"
        assert len(alt) <= MAX_ALT_TEXT
        assert alt.startswith(entry["texts"][0])
        position = 0
        for text in entry["texts"]:  # every drawn string, verbatim and in drawing order
            position = alt.index(" ".join(text.split()), position)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_captions_and_alt_text_keep_their_limits(sample: Path, tmp_path: Path) -> None:
    check_run(sample, tmp_path)


@pytest.mark.parametrize("source", CLINIC_FILES, ids=lambda p: p.name)
def test_clinic_captions_and_alt_text_keep_their_limits(source: Path, tmp_path: Path) -> None:
    corpus_dir("clinic")
    check_run(source, tmp_path)


def make_digest(**fields: Any) -> Digest:
    return digest_with(**{"headline": "Heel Pain", "symptom": "Pain under the heel.", **fields})


def make_brand(hashtags: tuple[str, ...] = ("Acupuncture",), **fields: Any) -> Brand:
    values: dict[str, Any] = {
        "name": "Test Clinic",
        "handle": "@testclinic",
        "cta": "Link in bio to book",
        "disclaimer": "Individual results vary. Not medical advice.",
        "hashtags": hashtags,
    }
    values.update(fields)
    return Brand(**values)


@pytest.mark.parametrize(
    ("phrase", "tag"),
    [
        ("knee pain", "#KneePain"),
        ("Morton's neuroma", "#MortonsNeuroma"),
        ("High-Heeled Shoes", "#HighHeeledShoes"),
        ("the", None),
        ("100", None),
        ("a b c d e", None),
        ("", None),
    ],
)
def test_camel_tag(phrase: str, tag: str | None) -> None:
    assert camel_tag(phrase) == tag


def test_hashtags_drop_duplicates_and_stop_words_and_keep_the_brand_tag() -> None:
    digest = make_digest(
        keywords=("Knee Pain", "the", "acupuncture", "Massage", "Stretching", "Taping", "Pilates")
    )
    tags = make_hashtags(digest, make_brand(("Acupuncture", "TestClinic")))
    assert tags == ("#KneePain", "#Massage", "#Stretching", "#Acupuncture", "#TestClinic")


@pytest.mark.parametrize(
    ("phrase", "worthy"),
    [
        ("Relieving Joint Strain", False),
        ("Strengthening Muscles", False),
        ("Strengthening Exercises", True),
        ("Anti-inflammatory preparations", False),
        ("Appropriate footwear", False),
        ("Footwear and taping", False),
        ("Stretching", True),
        ("Dry needling", True),
        ("Manual therapy", True),
        ("Cortisone Injection", True),
        ("Icing", True),
        ("Terapia manual", True),
        ("Treat Runner's Knee", False),
    ],
)
def test_treatment_tags_are_short_nouns_or_modalities(phrase: str, worthy: bool) -> None:
    assert is_tag_worthy(phrase) is worthy


def test_knee_keywords_give_conditions_and_a_modality_not_a_goal() -> None:
    keywords = (
        "Chronic Joint Pain",
        "Muscle Imbalance",
        "Chronic Knee Pain",
        "Relieving Joint Strain",
        "Strengthening Muscles",
        "Acupuncture",
        "Strengthening Exercises",
        "Stretching and Mobility",
    )
    tags = make_hashtags(make_digest(keywords=keywords), make_brand(("Acupuncture",)))
    assert tags == (
        "#ChronicJointPain",
        "#MuscleImbalance",
        "#StrengtheningExercises",
        "#ChronicKneePain",
        "#Acupuncture",
    )


def test_shin_splints_keywords_skip_generic_and_long_tags() -> None:
    keywords = ("Shin Splints", "Icing", "Anti-inflammatory preparations", "Appropriate footwear")
    tags = make_hashtags(make_digest(keywords=keywords), make_brand(("Acupuncture",)))
    assert tags[:2] == ("#ShinSplints", "#Icing") and tags[-1] == "#Acupuncture"
    assert not UNWANTED_TAGS & set(tags)


def test_too_few_keywords_take_the_headlines_condition() -> None:
    digest = make_digest(headline="Coping with lower back pain", keywords=())
    tags = make_hashtags(digest, make_brand(("Acupuncture", "TestClinic")))
    assert tags == ("#LowerBackPain", "#Acupuncture", "#TestClinic")


def test_hashtags_reach_three_only_from_the_article_or_brand() -> None:
    digest = make_digest(
        headline="Why Sciatica Is Not a Diagnosis",
        symptom="Pain runs from the lower back into the leg; osteopathy looks for the reason.",
    )
    tags = make_hashtags(digest, make_brand(("Acupuncture",)))
    assert tags[0] == "#Sciatica" and tags[-1] == "#Acupuncture"
    assert tags[1] in {"#LowerBackPain", "#Osteopathy", "#TestClinic"}


def long_points(count: int) -> tuple[Point, ...]:
    sentence = "Gentle loading over several weeks builds tendon capacity, and we review it often."
    return tuple(
        Point(label=f"Step {i}", text=f"{sentence} " * 4, short=f"{sentence} " * 4)
        for i in range(1, count + 1)
    )


def point_cards(digest: Digest) -> list[Card]:
    points = enumerate(digest.treatment_points, start=2)
    return [
        Card("point", f"carousel-{i:02d}.jpg", p.short.strip(), kicker=p.label) for i, p in points
    ]


def test_long_caption_drops_whole_points_never_a_sentence() -> None:
    digest = make_digest(treatment_points=long_points(12))
    cards = point_cards(digest)
    captions = make_captions(digest, make_brand(), cards, ("#HeelPain",), caption_environment())
    caption = captions.carousel
    assert len(caption) <= MAX_CAPTION
    lines = [line for line in caption.splitlines() if line.startswith("• ")]
    assert 0 < len(lines) < len(cards)
    assert lines == [f"• {c.kicker}: {c.text}" for c in cards[: len(lines)]]
    assert caption.endswith("Not medical advice.\n\n#HeelPain")


def test_hook_stays_within_125_characters_cut_at_a_clause() -> None:
    headline = (
        "Plantar heel pain in runners, walkers and people who stand all day at work: "
        "what the first steps in the morning tell us about the plantar fascia and its load"
    )
    hook = make_hook(headline)
    assert len(hook) <= HOOK_LIMIT
    assert hook == "Plantar heel pain in runners, walkers and people who stand all day at work…"
    captions = make_captions(
        make_digest(headline=headline), make_brand(), [], ("#HeelPain",), caption_environment()
    )
    assert captions.carousel.startswith(hook + "\n")


def test_quote_captions_open_with_the_quote_when_it_fits() -> None:
    short, long = "Load the tendon little and often.", "Word " * 40 + "end."
    cards = [Card("quote", "quote-01.jpg", short), Card("quote", "quote-02.jpg", long)]
    captions = make_captions(
        make_digest(), make_brand(), cards, ("#HeelPain",), caption_environment()
    )
    quotes = dict(captions.quotes)
    assert quotes["quote-01.jpg"].startswith(f"“{short}”\n")
    assert quotes["quote-02.jpg"].startswith("Heel Pain\n")
    assert f"“{long}”" in quotes["quote-02.jpg"]


def test_alt_text_starts_with_the_image_words_and_stays_under_1000() -> None:
    card = Card("point", "carousel-03.jpg", "x", kicker="Cause")
    texts = ("CAUSE", "Long hours at a desk keep the head forward.", "@clinic", "3 / 7")
    alt = make_alt_text(card, texts, 3, 7)
    assert alt.startswith("CAUSE. Long hours at a desk keep the head forward. @clinic. 3 / 7.")
    assert "Slide 3 of 7" in alt
    long_alt = make_alt_text(card, ("CAUSE", "word " * 400), 3, 7)
    assert len(long_alt) <= MAX_ALT_TEXT and long_alt.startswith("CAUSE. word word")


def test_story_alt_text_says_it_is_a_story_not_a_slide() -> None:
    card = Card("story", "story-01.jpg", "Heel Pain", kicker="New on our blog")
    alt = make_alt_text(card, ("NEW ON OUR BLOG", "Heel Pain"), 1, 1)
    assert alt.startswith("NEW ON OUR BLOG. Heel Pain.")
    assert "Story image" in alt and "Slide" not in alt


def test_user_template_overrides_the_builtin(tmp_path: Path) -> None:
    example = str(resource_dir("templates") / "brand-example.toml")
    folder, manifest = run_folder(
        KNEE, tmp_path, "--templates", str(DATA / "override"), "--brand", example
    )
    caption = (folder / "caption.txt").read_text(encoding="utf-8")
    assert caption.splitlines()[2].startswith("Our own words for VIVE Energy Medicine:")
    assert caption.startswith(manifest["digest"]["headline"])
    # the templates the user did not write still come from the built-ins
    for caption in manifest["captions"]["quotes"].values():
        assert "Our own words" not in caption
        assert "Book via the link in bio.\n" in caption


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        (
            "missing-variable",
            "missing-variable/carousel.txt.j2: 'clinic_phone' is undefined;",
        ),
        ("bad-syntax", "bad-syntax/quote.txt.j2, line 4: Unexpected end of template"),
        ("no-such-folder", "no-such-folder: no such folder"),
    ],
)
def test_template_errors_are_one_line_and_write_nothing(
    folder: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(KNEE), "-o", str(out), "--templates", str(DATA / folder)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("Error: ") and message in err[0], err
    assert not out.exists() or not any(out.iterdir())


def test_missing_variable_is_an_error_not_a_blank() -> None:
    env = caption_environment(DATA / "missing-variable")
    with pytest.raises(ConfigError, match="'clinic_phone' is undefined"):
        compose_post(make_digest(), make_brand(), "heel-pain", env)


def test_caption_without_a_disclaimer_has_no_gap_or_none() -> None:
    brand = make_brand(disclaimer=None)
    captions = make_captions(make_digest(), brand, [], ("#HeelPain",), caption_environment())
    for caption in (captions.carousel, captions.story):
        assert "None" not in caption and "\n\n\n" not in caption
    assert captions.carousel == "Heel Pain\n\nLink in bio to book.\n\n#HeelPain"
    assert captions.story == "Heel Pain — Link in bio to book."


def test_a_story_line_too_long_for_a_story_is_a_config_error() -> None:
    brand = make_brand(cta="Call us " * 40)
    with pytest.raises(ConfigError, match=r"story\.txt\.j2 renders \d+ characters"):
        make_captions(make_digest(), brand, [], ("#HeelPain",), caption_environment())


def test_alt_text_describes_the_image_in_the_articles_language() -> None:
    card = Card("point", "carousel-02.jpg", "x", kicker="Síntoma")
    alt = make_alt_text(card, ("SÍNTOMA", "Dolor sordo."), 2, 7, language="es")
    assert alt.endswith("Diapositiva 2 de 7: una diapositiva de texto sobre síntoma.")
    story = Card("story", "story-01.jpg", "무릎 통증", kicker="블로그 새 글")
    assert make_alt_text(story, ("무릎 통증",), 1, 1, language="ko").startswith(
        "무릎 통증. 스토리 이미지"
    )


def test_a_next_step_closing_slide_is_not_described_as_a_takeaway() -> None:
    card = Card("closing", "carousel-06.jpg", "Book via the link in bio", kicker="Next step")
    alt = make_alt_text(card, ("NEXT STEP", "Book via the link in bio"), 6, 6)
    assert alt.endswith("Slide 6 of 6: the closing slide, with how to book.")
    assert "takeaway" not in alt.lower()


def test_alt_text_descriptions_follow_the_article_language(tmp_path: Path) -> None:
    folder, manifest = run_folder(SAMPLES / "ko-knee-pain.md", tmp_path)
    first = manifest["images"][0]["alt_text"]
    assert "슬라이드 1/" in first and "Slide" not in first
    (folder / "post.toml").unlink()  # render again from post.json alone: still Korean
    assert main(["render", str(folder), "-q"]) == 0
    again = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    assert again["images"][0]["alt_text"] == first
