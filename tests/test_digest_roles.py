"""Digest roles by meaning, on small made-up articles in several languages: what each section
is decides where its words go (cause, treatment, self-care, conclusion), and references never
reach a field."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from pipeline.brand import load_brand
from pipeline.compose.post import compose_post
from pipeline.digest.point_blocks import is_cta
from pipeline.digest.sections import numbered_paragraphs
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import heading, item, para


def every_string(article: Article) -> str:
    return repr(asdict(digest_article(article)))


CAUSES_THEN_CARE = Article(
    title="Heel pain in runners",
    blocks=(
        para("Heel pain is a sharp pain under the heel with the first steps in the morning."),
        heading("Causes"),
        item("Tight calf muscles"),
        item("Worn-out running shoes"),
        item("A sudden increase in weekly mileage"),
        heading("Treatment"),
        item("Shockwave therapy to settle the irritated tissue"),
        item("Custom insoles to spread the load"),
        heading("Prevention tips"),
        item("Replace your running shoes every 600 kilometres"),
        item("Stretch your calves after every run"),
    ),
)


def test_a_cause_list_is_not_treatment() -> None:
    digest = digest_article(CAUSES_THEN_CARE)
    texts = " ".join(p.text for p in digest.treatment_points)
    assert "Worn-out running shoes" not in texts and "Tight calf" not in texts
    assert "Shockwave" in texts


def test_a_prevention_section_becomes_self_care_tips() -> None:
    digest = digest_article(CAUSES_THEN_CARE)
    tips = [p.text for p in digest.prevention]
    assert "Stretch your calves after every run" in tips
    assert not any("Stretch your calves" in p.text for p in digest.treatment_points)


@pytest.mark.parametrize(
    ("language", "label", "closing"),
    [
        ("de", "Fazit", "Mit gezielten Übungen bessern sich die Beschwerden meist deutlich."),
        ("es", "En resumen", "La mayoría de los pacientes mejora en pocas semanas."),
        ("ko", "결론", "꾸준한 운동으로 대부분의 통증은 좋아집니다."),
        ("ja", "まとめ", "毎日の歯磨きで歯周病は予防できます。"),
    ],
)
def test_a_closing_section_in_any_language_is_the_conclusion(
    language: str, label: str, closing: str
) -> None:
    article = Article(
        title="Title",
        language=language,
        blocks=(
            para("Erste Zeile. Primera línea. 첫 줄입니다. 最初の行です。"),
            heading("Behandlung · Tratamiento · 치료 · 治療"),
            para("Manuelle Therapie. Terapia manual. 도수 치료. 手技療法。"),
            heading(label),
            para(closing),
        ),
    )
    assert digest_article(article).conclusion == closing


@pytest.mark.parametrize(
    ("closing", "conclusion"),
    [
        (
            "Low back pain is common but disabling. Each of these habits is a way to ease it.",
            "Low back pain is common but disabling. Each of these habits is a way to ease it.",
        ),
        ("Swimming twice a week is also a good habit to keep up.", None),  # one more tip
    ],
)
def test_a_paragraph_after_the_last_list_that_names_the_subject_closes_the_post(
    closing: str, conclusion: str | None
) -> None:
    """No closing heading and no closing phrase: the paragraph after the self-care list is the
    close when it steps back to the post's subject, not when it is one more tip."""
    article = Article(
        title="Low back pain: what helps",
        blocks=(
            para("Low back pain is pain between the ribs and the buttocks."),
            heading("Prevention"),
            item("Keep your back and belly muscles strong with weekly exercise."),
            item("Set up your desk so that you sit upright."),
            item("Lose weight if you are overweight."),
            para(closing),
        ),
    )
    assert digest_article(article).conclusion == conclusion


def test_sources_and_footnote_marks_reach_no_field() -> None:
    article = Article(
        title="Smoking and your lungs",
        blocks=(
            para("Smoking is the leading cause of lung disease in adults [1]."),
            heading("Causes"),
            para(
                "Compounds in cigarette smoke are caused by burning tobacco².",
            ),
            heading("Treatment"),
            item("Acupuncture sessions to ease cravings [2, 3]"),
            item("Nicotine replacement therapy under medical advice"),
            heading("Sources"),
            item("Reid JL, Hammond D. Tobacco Use in Canada. Waterloo: Propel Centre, 2014."),
            item("Hecht SS. Tobacco Smoke Carcinogens. J Natl Cancer Inst. 1999;91(14):1194-210."),
        ),
    )
    found = every_string(article)
    for leak in ("[1]", "[2, 3]", "²", "Reid JL", "Hecht", "Carcinogens"):
        assert leak not in found


def test_a_faq_answer_is_not_a_treatment_point() -> None:
    article = Article(
        title="Dry needling",
        blocks=(
            para("Dry needling uses fine needles to release tight muscle knots."),
            heading("Treatment"),
            item("Dry needling of the trigger points in the upper back"),
            heading("Frequently asked questions"),
            heading("Does it hurt?", level=3),
            para("Most people feel a brief cramp as the muscle releases, then relief."),
        ),
    )
    texts = " ".join(p.text for p in digest_article(article).treatment_points)
    assert "brief cramp" not in texts and "Dry needling of the trigger points" in texts


def test_self_care_tips_get_their_own_slide_within_ten() -> None:
    blocks = [para("Knee pain on the stairs is a dull ache around the kneecap.")]
    blocks += [heading("Treatment")]
    blocks += [
        Block("item", f"Method {n}: Method {n} eases the load", lead=f"Method {n}")
        for n in range(12)
    ]
    blocks += [
        heading("What you can do at home"),
        item("Ice the knee for ten minutes"),
        item("Take the lift"),
    ]
    digest = digest_article(Article(title="Knee pain", blocks=tuple(blocks)))
    assert digest.prevention

    post = compose_post(digest, load_brand(), "knee")
    slides = [c for c in post.cards if c.group == "carousel"]
    assert len(slides) <= 10
    care = [c for c in slides if c.kicker == "What you can do"]
    assert care and "Ice the knee for ten minutes" in care[0].text
    assert any(c.kicker == "Method 0" for c in slides)


@pytest.mark.parametrize(
    ("text", "cta"),
    [
        ("Book your appointment today.", True),
        ("Pida su cita en recepción.", True),
        ("Prenez rendez-vous en ligne.", True),
        ("Termin vereinbaren", True),
        ("Prenota ora la tua visita.", True),
        ("Agende sua avaliação.", True),
        ("지금 예약하세요.", True),
        ("ご予約はお電話で。", True),
        ("Booking a treatment early helps the heel settle.", False),
        ("Contact dermatitis is an itchy rash.", False),
    ],
)
def test_a_call_to_action_is_known_in_each_language_from_its_file(text: str, cta: bool) -> None:
    assert is_cta(text) is cta


def test_a_listicle_titled_by_its_symptoms_gives_signs_not_treatment_points() -> None:
    blocks = [para("Tendonitis can sneak up on active people.")]
    for n, sign in enumerate(["Pain at the elbow", "Can't lift your arm", "Swollen wrists"], 1):
        blocks += [heading(f"{n}. {sign}"), para(f"{sign} after sport is a common sign of it.")]
    blocks += [heading("How we treat it"), item("Gentle exercise to load the tendon.")]
    blocks += [item("Ultrasound therapy to ease the swelling.")]
    found = digest_article(Article(title="3 Tendonitis Symptoms to Know", blocks=tuple(blocks)))
    assert [p.text for p in found.treatment_points] == [
        "Gentle exercise to load the tendon.",
        "Ultrasound therapy to ease the swelling.",
    ]
    assert found.symptom == "Pain at the elbow after sport is a common sign of it."


def test_a_numbered_listicle_of_exercises_stays_points() -> None:
    blocks = [para("Stiff knees ease with movement.")]
    for n, step in enumerate(["Calf raises", "Wall sits", "Step-ups"], 1):
        blocks += [heading(f"{n}. {step}"), para(f"Do {step.lower()} ten times a day.")]
    found = digest_article(Article(title="3 exercises for knee pain", blocks=tuple(blocks)))
    assert len(found.treatment_points) == 3


def test_paragraphs_numbered_by_hand_are_points_without_their_numbers() -> None:
    blocks = [heading("증상"), para("허리 통증이 나타나고 굽히는 동작이 어렵습니다.")]
    blocks += [heading("치료"), para("1. 가벼운 경우에는 물리치료로도 효과를 볼 수 있습니다.")]
    blocks += [para("2. 손상이 심한 경우에는 수술적 치료가 필요합니다.")]
    found = digest_article(Article(title="천장관절 증후군", blocks=tuple(blocks)))
    assert [p.text for p in found.treatment_points] == [
        "가벼운 경우에는 물리치료로도 효과를 볼 수 있습니다.",
        "손상이 심한 경우에는 수술적 치료가 필요합니다.",
    ]


def test_a_lone_numbered_paragraph_or_a_count_stays_a_paragraph() -> None:
    blocks = [para("1 in 5 adults has back pain."), para("2. It is common."), para("Rest.")]
    kept = numbered_paragraphs(blocks)
    assert [(b.kind, b.text) for b in kept] == [(b.kind, b.text) for b in blocks]
    listed = numbered_paragraphs([para("1. Rest."), para("2) Ice."), para("After that, walk.")])
    assert [(b.kind, b.text) for b in listed] == [
        ("item", "Rest."),
        ("item", "Ice."),
        ("paragraph", "After that, walk."),
    ]


@pytest.mark.parametrize(
    ("title", "blocks", "disclaimer"),
    [
        (
            "Kräuter bei Erkältung",
            [
                heading("Hausmittel"),
                item("Ingwertee: frischen Ingwer mit heißem Wasser aufgießen."),
                item("Goldene Milch: Kurkuma und Ingwer in warmer Milch."),
                para("Die hier beschriebenen Kräuter ersetzen keine ärztliche Beratung."),
            ],
            "ersetzen keine ärztliche Beratung",
        ),
        (
            "Low back pain",
            [
                heading("What you can do"),
                item("Keep moving with short walks every day."),
                item("Use a warm pack for twenty minutes."),
                para("This article is for informational purposes and is not medical advice."),
            ],
            "informational purposes",
        ),
    ],
)
def test_a_disclaimer_is_never_a_point_a_quote_or_the_conclusion(
    title: str, blocks: list[Block], disclaimer: str
) -> None:
    found = digest_article(Article(title=title, blocks=tuple(blocks)))
    drawn = [p.text for p in (*found.treatment_points, *found.prevention)]
    drawn += [*found.quotes, found.conclusion or "", found.symptom or "", found.cause or ""]
    assert len([p for p in (*found.treatment_points, *found.prevention)]) == 2
    assert not any(disclaimer in text for text in drawn)


def test_a_tip_that_says_it_replaces_no_treatment_stays_a_tip() -> None:
    blocks = [heading("O que fazer em casa"), item("Gelo: aplique gelo por 15 minutos.")]
    blocks += [item("Analgésico: ibuprofeno pode aliviar a dor. Não substitui o tratamento.")]
    found = digest_article(Article(title="Dor de dente", blocks=tuple(blocks)))
    assert any("Analgésico" in (p.label or "") + p.text for p in found.prevention)
