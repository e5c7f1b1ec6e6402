"""Self-care and prevention tips ("What you can do"): lists a line introduces as tips, advice
told in prose, nested lists of techniques, and what must stay a treatment point. Small
made-up articles in several languages, samples/ and the corpus's redistributable posts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.brand import load_brand
from pipeline.compose import compose_post
from pipeline.digest.story import digest_article
from pipeline.digest.vocabulary import find_role_term
from pipeline.extract import extract_article
from pipeline.load import load_source
from pipeline.models import Article, Block, Digest, Point
from pipeline.render.card import place_card
from pipeline.render.looks import load_template
from tests.conftest import corpus_dir
from tests.factories import digest_with, heading, item, para

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def digest(blocks: list[Block], title: str = "Heel pain") -> Digest:
    return digest_article(Article(title=title, blocks=tuple(blocks)))


def tips_of(found: Digest) -> list[str]:
    return [p.text for p in found.prevention]


def test_a_list_introduced_as_tips_is_self_care_not_treatment() -> None:
    blocks = [para("High heels push the body weight onto the ball of the foot.")]
    blocks += [para("Your body will thank you. If you wear heels, here are some top tips:")]
    blocks += [item("Use them for occasions, not daily use."), item("Wear trainers to commute.")]
    found = digest(blocks, "High heels")
    assert tips_of(found) == ["Use them for occasions, not daily use.", "Wear trainers to commute."]
    assert found.treatment_points == ()  # a tips post gets no ranked "treatment" sentences


def test_a_short_here_are_some_leans_on_the_sentence_before_it() -> None:
    blocks = [heading("How massage helps"), para("Massage eases the jaw."), item("Less tension")]
    blocks += [item("Better blood flow")]
    blocks += [para("Several self- care practices help at home. Here are some strategies:")]
    blocks += [item("Dietary adjustments"), item("Avoid chewing gum")]
    found = digest(blocks, "Jaw pain")
    assert tips_of(found) == ["Dietary adjustments", "Avoid chewing gum"]
    assert [p.text for p in found.treatment_points] == ["Less tension", "Better blood flow"]


def test_a_german_prevention_heading_gives_its_items() -> None:
    blocks = [heading("Behandlung"), para("Die Taschen werden gereinigt. Dann heilt es.")]
    blocks += [heading("Langfristig gesundes Zahnfleisch (Vorsorge)")]
    blocks += [para("Um das Risiko zu mindern, sollten Sie einiges beachten:")]
    blocks += [item("Eine gründliche häusliche Mundhygiene."), item("Richtige Ernährung.")]
    assert tips_of(digest(blocks, "Parodontitis")) == [
        "Eine gründliche häusliche Mundhygiene.",
        "Richtige Ernährung.",
    ]


def test_the_clinics_own_list_in_a_treatment_section_stays_treatment_in_spanish() -> None:
    found = digest_article(extract_article(load_source(str(SAMPLES / "es-dolor-de-espalda.md"))))
    assert [p.label for p in found.treatment_points][:2] == [
        "Terapia manual",
        "Ejercicio terapéutico",
    ]
    assert found.prevention == ()


def test_advice_in_prose_is_self_care_in_portuguese_korean_and_japanese() -> None:
    cases = [
        ("Os olhos ardem à noite.", "Evite trabalhar em ambientes com luz excessiva."),
        ("잇몸이 붓습니다.", "6개월마다 치과 검진과 스케일링을 같이 해주시는 것이 좋습니다."),
        ("歯石は硬いです。", "定期的に菌の量や状態を歯科医院で調べることが重要です。"),
    ]
    for complaint, advice in cases:
        found = digest([para(f"{complaint} {advice}")], "x")
        assert tips_of(found) == [advice]
        assert all(p.text != advice for p in found.treatment_points)


def test_seeing_a_doctor_or_a_remark_is_not_self_care() -> None:
    blocks = [para("Sciatica hurts down the leg and into the foot.")]
    blocks += [para("It is important to note that these symptoms are typical of sciatica.")]
    blocks += [para("You should seek medical care if you experience weakness in the leg.")]
    blocks += [para("In questo caso è bene rivolgersi a un medico per una visita accurata.")]
    blocks += [para("Your mind races as you try to figure out what caused the thought.")]
    assert tips_of(digest(blocks, "Sciatica")) == []


def test_a_stretching_step_of_the_clinics_programme_is_treatment_not_a_tip() -> None:
    steps = ["Support the injury", "Stabilise the back", "We Stretch", "We Strengthen"]
    blocks = [para("Lower back pain is miserable and limits what we can do.")]
    for number, title in enumerate(steps, start=1):
        blocks += [heading(f"Step {number} - {title}"), para(f"Here we {title.lower()} gently.")]
    found = digest(blocks, "Coping with back pain")
    assert [p.label for p in found.treatment_points] == steps
    assert found.prevention == ()


def test_a_flattened_nested_list_gives_the_technique_headers_in_spanish() -> None:
    blocks = [heading("Primeros pasos prácticos que puedes dar hoy mismo")]
    blocks += [item("Respiración diafragmática (4-7-8):"), item("Siéntate en una posición cómoda.")]
    blocks += [item("Inhala por la nariz durante 4 segundos.")]
    blocks += [item("Anclaje al presente (técnica 5-4-3-2-1):"), item("Nombra 5 cosas que ves.")]
    assert tips_of(digest(blocks, "Ansiedad")) == [
        "Respiración diafragmática (4-7-8):",
        "Anclaje al presente (técnica 5-4-3-2-1):",
    ]


def test_real_tips_post_gives_its_tips_as_self_care() -> None:
    path = corpus_dir("clinic-dev") / "files" / "kibworth-osteopaths--high-heeled-shoes.md"
    found = digest_article(extract_article(load_source(str(path))))
    tips = " ".join(tips_of(found))
    assert "Use them for occasions, not daily use." in tips
    assert "supportive insole" in tips
    assert not any("insole" in p.text for p in found.treatment_points)


def care_cards(tips: tuple[Point, ...], points: tuple[Point, ...] = ()) -> list[str]:
    digest = digest_with(
        headline="Heel pain", symptom="It hurts.", treatment_points=points, prevention=tips
    )
    post = compose_post(digest, load_brand(), "x")
    return [c.text for c in post.cards if c.layout == "point_checklist"]


def test_a_labelled_tip_keeps_what_to_do_on_its_slide() -> None:
    short = Point("Ice", "Apply a pack for 15 minutes.", "Apply a pack for 15 minutes.")
    text = "Follow the 20-20-20 rule: every 20 minutes look 20 feet away for 20 seconds."
    long = Point("Blink often at screens – follow the 20-20-20 rule", text, text)
    (slide,) = care_cards((short, long))
    assert slide.split(" · ") == [
        "Ice: Apply a pack for 15 minutes",
        "Blink often at screens – follow the 20-20-20 rule",
    ]


def test_a_tip_that_heads_its_steps_loses_the_colon_on_its_slide() -> None:
    tips = (
        Point(None, "Respiración (4-7-8):", "Respiración (4-7-8):"),
        Point(None, "Anclaje:", "Anclaje:"),
    )
    assert care_cards(tips) == ["Respiración (4-7-8) · Anclaje"]


def test_a_tips_post_shows_all_its_tips_within_the_slide_limit() -> None:
    text = "Wear flat shoes with a supportive insole on most days of the week."
    tips = tuple(Point(None, f"{text[:-1]} {n}.", f"{text[:-1]} {n}.") for n in range(6))
    slides = care_cards(tips)
    assert len(slides) == 3 and sum(s.count(" · ") + 1 for s in slides) == 6
    method = Point(
        "Orthotics", "Custom insoles spread the load.", "Custom insoles spread the load."
    )
    assert len(care_cards(tips, (method,))) == 2  # beside treatment slides, two at most


def test_a_tip_with_its_own_middle_dot_stays_one_checklist_item_in_korean() -> None:
    tips = (
        Point(None, "냉·난방기 사용 줄이기", "냉·난방기 사용 줄이기"),
        Point(None, "안경 착용", "안경 착용"),
    )
    digest = digest_with(headline="안구 건조증", symptom="눈이 뻑뻑합니다.", prevention=tips)
    post = compose_post(replace(digest, language="ko"), load_brand(), "x")
    (care,) = [c for c in post.cards if c.layout == "point_checklist"]
    placed = place_card(care, load_template("calm").layouts["point_checklist"], load_brand())
    checklist = placed["text"].checklist
    assert checklist is not None
    assert [" ".join(lines) for lines in checklist.items] == ["냉·난방기 사용 줄이기", "안경 착용"]


@pytest.mark.parametrize(
    ("sentence", "advice"),
    [
        ("Rest is also important.", True),
        ("Regular dental check ups are important so that decay is found early.", True),
        ("Good shoes are important to protect your feet.", True),
        ("It supports the arch of your foot and is important in helping you walk.", False),
    ],
)
def test_important_is_advice_only_when_it_asks_the_reader(sentence: str, advice: bool) -> None:
    """'X is important' is advice; 'is important in helping you walk' tells what a part of the
    body does, and is no self-care tip."""
    assert (find_role_term("points", "advice", sentence) is not None) == advice


def test_a_section_name_over_its_paragraph_is_not_a_tip_by_itself() -> None:
    """A tip labelled with its section's name ("Was hilft akut": what helps right away) shows
    its own words; a label the text takes up ("Wear breathable clothing") names the tip."""
    text = (
        "Mehrere Maßnahmen können den Verlauf positiv beeinflussen. Wärme ist in den meisten "
        "Fällen sehr wirksam: Sie entspannt Muskulatur und Faszien und verbessert die "
        "Durchblutung."
    )
    named = (
        "Choose loose-fitting, breathable clothing made from natural fabrics such as cotton, "
        "which lets the skin stay dry through the day."
    )
    tips = (Point("Was hilft akut", text, text), Point("Wear breathable clothing", named, named))
    slides = care_cards(tips)
    items = [item for slide in slides for item in slide.split(" · ")]
    assert "Was hilft akut" not in items
    assert any(item.startswith("Mehrere Maßnahmen") for item in items)
    assert "Wear breathable clothing" in items


def test_a_sections_own_list_wins_over_a_question_and_related_reading_below_it() -> None:
    blocks = [heading("How to prevent acne?"), para("Here are the top skincare tips:")]
    blocks += [item("Wash your face twice a day with a mild cleanser.")]
    blocks += [item("Never pop or squeeze pimples."), item("Change your pillowcases every week.")]
    blocks += [heading("Does self-care help?", 3)]
    blocks += [para("Self-care may give relief, but it may not last in severe cases.")]
    blocks += [heading("Informative resources:", 3)]
    blocks += [item("Top 10 beauty tips for breakouts"), item("Top 10 acne myths")]
    assert tips_of(digest(blocks, "Acne")) == [
        "Wash your face twice a day with a mild cleanser.",
        "Never pop or squeeze pimples.",
        "Change your pillowcases every week.",
    ]


def test_a_treatment_subsection_under_an_assessment_list_holds_the_points() -> None:
    blocks = [heading("How chiropractic can help"), para("We start with an assessment:")]
    blocks += [item("Gait assessment"), item("Functional movement exams")]
    blocks += [heading("Treatment", 3), item("Joint adjustments to restore motion.")]
    blocks += [item("Soft tissue massage for the quadriceps.")]
    points = [p.text for p in digest(blocks, "Knee pain").treatment_points]
    assert "Gait assessment" not in points
    assert "Joint adjustments to restore motion." in points


def test_plain_sections_told_as_advice_are_self_care() -> None:
    """A post of tips under plain headings (no heading names a role): each section whose
    sentences mostly tell the reader what to do is a tip; a section that only describes is
    none, and one advising section alone does not make the post a tips post."""
    blocks = [para("Working from home hurts many backs when the desk is set up badly.")]
    blocks += [heading("Chair height"), para("Keep your feet flat on the floor. Use a footrest.")]
    blocks += [heading("The screen"), item("Set the top of the screen at eye level")]
    blocks += [item("Avoid glare from a window behind you")]
    blocks += [heading("Our team"), para("Our physios have worked in the city for ten years.")]
    found = digest(blocks, "Ergonomics at home")
    assert tips_of(found) == [
        "Keep your feet flat on the floor. Use a footrest.",
        "Set the top of the screen at eye level",
        "Avoid glare from a window behind you",
    ]
    alone = digest(blocks[:3] + blocks[-2:], "Ergonomics at home")
    assert "Keep your feet flat on the floor. Use a footrest." not in tips_of(alone)


def test_each_counted_exercise_with_parts_of_its_own_is_one_tip() -> None:
    """ "### Stretch 1: …" over "#### How to perform" (steps) and "#### Key points": each
    stretch is one tip, labelled with its name; its steps and key points are its parts."""
    blocks = [para("Neck pain is common in people who sit at a desk all day long.")]
    blocks += [heading("The neck stretches you can do at work", level=2)]
    for n, name in ((1, "Upper Trapezius Stretch"), (2, "Chin Tuck")):
        blocks += [heading(f"Stretch {n}: {name}", level=3), para(f"Target: the {name} muscles.")]
        blocks += [heading("How to perform", level=4), item("Sit tall"), item("Hold 20 seconds")]
        blocks += [heading("Key points", level=4), item("Keep your shoulders relaxed")]
    found = digest(blocks, "Two stretches for neck pain")
    labels = [p.label for p in found.prevention]
    assert labels == ["Stretch 1: Upper Trapezius Stretch", "Stretch 2: Chin Tuck"]
    assert "Sit tall" not in tips_of(found)


def test_a_self_care_section_in_prose_under_a_short_title_gives_its_care_sentences() -> None:
    """ "Was hilft akut" (what helps now) told as statements, no order: each sentence that
    names a kind of care is a tip, not the section's first paragraph as one."""
    blocks = [para("Ein Hexenschuss kommt oft völlig unerwartet, beim Bücken oder Heben.")]
    blocks += [heading("Was hilft akut")]
    blocks += [para("Wärme ist in den meisten Fällen sehr wirksam. Ideal ist ein Wärmekissen.")]
    blocks += [para("Sanfte Mobilisationen und Übungen aus der Rückenschule lösen die Spannung.")]
    found = digest(blocks, "Hexenschuss")
    assert "Wärme ist in den meisten Fällen sehr wirksam." in tips_of(found)
    assert "Sanfte Mobilisationen und Übungen aus der Rückenschule lösen die Spannung." in tips_of(
        found
    )


def test_numbered_exercises_told_as_orders_are_the_readers_tips() -> None:
    """ "1. Toe Raises" over "Stand with your feet apart. Slowly lift your toes…": numbered
    steps that tell the reader what to do are self-care, not the clinic's programme."""
    blocks = [para("Athletes need strong, supple feet and ankles to stay free of injuries.")]
    blocks += [heading("1. Toe Raises", level=3)]
    blocks += [para("Stand with your feet apart. Slowly lift your toes. Repeat ten times.")]
    blocks += [heading("2. Calf Stretches", level=3)]
    blocks += [para("Face a wall with one foot in front. Lean forward until you feel a stretch.")]
    found = digest(blocks, "Keep your feet in top shape")
    assert [p.label for p in found.prevention] == ["Toe Raises", "Calf Stretches"]
    assert found.treatment_points == () or all(
        p.label not in ("Toe Raises", "Calf Stretches") for p in found.treatment_points
    )


def test_techniques_with_how_to_parts_are_one_tip_each() -> None:
    """ "### Breathing 4-6" over "#### How to do it" (its steps) beside "### Change of scene":
    under a "What to do" heading each technique is one tip; its how-to is its part."""
    blocks = [para("An anxiety attack comes on suddenly and peaks within a few minutes.")]
    blocks += [heading("What to do during an attack", level=2)]
    blocks += [heading("Breathing 4-6", level=3), para("Slow breathing calms the body down.")]
    blocks += [heading("How to do it", level=4), item("Breathe in for four"), item("Out for six")]
    blocks += [heading("Change of scene", level=3), para("If you can, go outside for fresh air.")]
    found = digest(blocks, "Anxiety attacks")
    assert [p.label for p in found.prevention] == ["Breathing 4-6", "Change of scene"]


def test_a_line_that_opens_the_symptoms_opens_no_tips() -> None:
    """ "Durante uma crise, você pode sentir:" closes a symptom section over "### No corpo",
    "### Na mente": what is felt, never tips."""
    blocks = [para("Uma crise de ansiedade é um episódio intenso de medo que surge de repente.")]
    blocks += [heading("Sintomas de uma crise"), para("Durante uma crise, você pode sentir:")]
    blocks += [heading("No corpo", level=3), item("Coração acelerado"), item("Falta de ar")]
    blocks += [heading("Na mente", level=3), item("Medo intenso"), item("Sensação de irrealidade")]
    found = digest(blocks, "Crise de ansiedade")
    assert "No corpo" not in [p.label for p in found.prevention]
    assert "Coração acelerado" not in tips_of(found)
