"""A page about a method of care ("Dry Needling", "La thérapie manuelle") tells no symptom unless
a sentence says it tells one; a sentence of care is no symptom (pipeline/digest/choose.py
about_a_method, has_evidence): small made-up posts."""

from __future__ import annotations

import pytest

from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import para


def symptom_of(title: str, *blocks: Block) -> str | None:
    return digest_article(Article(title=title, blocks=blocks)).symptom


@pytest.mark.parametrize(
    ("title", "blocks"),
    [
        (
            "Dry Needling",
            (
                para(
                    "Dry Needling is a technique performed by a skilled physical therapist. It is"
                    " used in a variety of musculoskeletal problems including headaches, neck"
                    " pain, back pain and muscle strains."
                ),
                para("Several of our therapists are certified in it."),
                para("It increases blood flow to injured tissue."),
            ),
        ),
        (
            "La thérapie manuelle",
            (
                para("Il s'agit d'une spécialité qui s'intéresse au corps dans sa globalité."),
                para("La zone ainsi libérée, la douleur diminue puis disparaît."),
                para("Une seule séance peut parfois suffire, selon la personne."),
            ),
        ),
    ],
)
def test_a_method_page_names_no_symptom(title: str, blocks: tuple[Block, ...]) -> None:
    assert symptom_of(title, *blocks) is None


def test_a_method_page_that_tells_a_symptom_keeps_it() -> None:
    told = "The symptoms include a deep ache in the shoulder and pain when you lift the arm."
    assert (
        symptom_of(
            "Shockwave Therapy",
            para("Shockwave therapy sends sound waves into a sore tendon."),
            para(f"We often use it for a stiff shoulder. {told}"),
            para("A session takes about ten minutes."),
        )
        == told
    )


@pytest.mark.parametrize(
    "title",
    ["Tendinitis Treatment", "Chiropractic and Headaches", "Massage for Back Pain"],
)
def test_a_method_for_a_named_condition_is_about_the_condition(title: str) -> None:
    feels = "The tendon feels sore and stiff in the morning and aches after a long walk."
    assert (
        symptom_of(
            title,
            para(feels),
            para("We use massage, exercise and advice to help it settle."),
        )
        == feels
    )


def test_a_sentence_of_care_is_no_symptom() -> None:
    """Outside the sections about the symptoms, a complaint word in a sentence about relieving
    or treating it is what the care is for."""
    assert (
        symptom_of(
            "Your first visit",
            para("Massage relieves neck pain, stiffness, soreness and tension headaches."),
            para("On your first visit we take a full history and examine you."),
        )
        is None
    )
