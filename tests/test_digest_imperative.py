"""A sentence that opens by telling the reader what to do is a self-care tip
(pipeline/digest/selfcare.py tells_what_to_do, `imperative` in the language files): small
made-up posts in several languages."""

from __future__ import annotations

import pytest

from pipeline.digest.selfcare import advice_pieces, order_clauses, tells_what_to_do
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, para


@pytest.mark.parametrize(
    "sentence",
    [
        "Switch to a toothpaste designed for sensitive teeth.",
        "To prevent tooth sensitivity, use a soft-bristled toothbrush.",
        "Limit acidic foods and drinks.",
        "Evite tocarse los ojos con las manos sucias.",
        "Lávese las manos con frecuencia.",
        "Évitez de porter des charges lourdes.",
        "Trinken Sie ausreichend Wasser über den Tag verteilt.",
        "Achte auf eine aufrechte Haltung am Schreibtisch.",
        "Mantenha a coluna reta ao levantar peso.",
        "Mantieni una routine di sonno regolare.",
        "잠들기 전에는 스마트폰 사용을 줄이세요.",
        "寝る前はスマートフォンを控えてください。",
    ],
)
def test_an_order_to_the_reader_tells_what_to_do(sentence: str) -> None:
    assert tells_what_to_do(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The use of ice reduces swelling.",  # a noun, not an order
        "Leg pain is common in runners.",  # German "leg" is no word here
        "Book your appointment today.",  # a call to action, not self-care
        "Tooth sensitivity is often caused by enamel erosion.",
        "Many patients use a night guard.",  # the verb, but not opening the sentence
        "El uso de hielo reduce la inflamación.",
    ],
)
def test_a_statement_or_a_call_to_book_is_no_order(sentence: str) -> None:
    assert not tells_what_to_do(sentence)


def test_a_care_section_told_in_orders_gives_one_tip_each() -> None:
    """A "Prevention and Treatment" section in prose: each order is a tip, even when its last
    sentence lists what the dentist may do."""
    blocks = (
        para("Tooth sensitivity is a sharp pain in response to cold or sweet foods."),
        heading("Prevention and Treatment"),
        para(
            "To prevent tooth sensitivity, use a soft-bristled toothbrush and avoid brushing too"
            " hard. Switch to a toothpaste designed for sensitive teeth. Limit consumption of"
            " acidic foods and drinks. If sensitivity persists, consult your dentist, who may"
            " recommend treatments such as fluoride gel, dental bonding, or a gum graft."
        ),
    )
    found = digest_article(Article(title="Tooth sensitivity", blocks=blocks))
    tips = [p.text for p in found.prevention]
    assert any(t.startswith("Switch to a toothpaste") for t in tips), tips
    assert any(t.startswith("Limit consumption") for t in tips), tips


def test_a_korean_negative_statement_is_no_advice() -> None:
    """ "…이건 엑스레이에 나타나지 않습니다" (it does not show on an X-ray) tells a fact; "…무리하지
    않는 것이 좋습니다" (better not to overdo it) advises."""
    from pipeline.digest.selfcare import is_advice

    assert not is_advice("근육과 인대가 미세하게 찢어지는데, 이건 엑스레이에 나타나지 않습니다.")
    assert is_advice("통증이 있을 때는 무리하게 운동하지 않는 것이 좋습니다.")


def test_a_sentence_of_orders_gives_one_tip_per_order() -> None:
    """Advice told in one long sentence of orders: the opening clause and each order, an
    order's own list kept with it."""
    sentence = (
        "Para evitar el contagio es importante que la persona se lave las manos con jabón,"
        " evite tocarse los ojos, limpie la secreción varias veces al día, no comparta las"
        " fundas de almohadas, sábanas y toallas."
    )
    assert order_clauses(sentence) == [
        "Para evitar el contagio es importante que la persona se lave las manos con jabón",
        "evite tocarse los ojos",
        "limpie la secreción varias veces al día",
        "no comparta las fundas de almohadas, sábanas y toallas",
    ]
    english = (
        "To stop it spreading, wash your hands often, avoid touching your eyes and"
        " do not share towels or pillows with anyone else."
    )
    assert order_clauses(english) == []  # a short opening and two orders: one tip
    assert advice_pieces(english) == [english]


@pytest.mark.parametrize(
    "sentence",
    [
        "It is important to learn the right postures to sit, sleep, walk or run every day.",
        "Make sure you rest, and keep the leg raised, and the pain will ease in a few days.",
        "We use massage, stretching, dry needling and exercise to ease the pain in the neck.",
    ],
)
def test_verbs_in_a_list_or_two_orders_are_no_sentence_of_orders(sentence: str) -> None:
    assert order_clauses(sentence) == []


def test_a_paragraph_with_a_sentence_of_orders_gives_each_as_a_tip() -> None:
    blocks = (
        para("La conjuntivitis es una inflamación de la conjuntiva que se contagia fácilmente."),
        para(
            "Para evitar el contagio es importante que la persona se lave las manos con"
            " frecuencia, evite tocarse los ojos, limpie la secreción varias veces al día,"
            " no comparta el envase de las gotas de ojos."
        ),
    )
    found = digest_article(Article(title="Conjuntivitis", blocks=blocks))
    tips = [p.text for p in found.prevention]
    assert "evite tocarse los ojos" in tips, tips
    assert "no comparta el envase de las gotas de ojos" in tips, tips
