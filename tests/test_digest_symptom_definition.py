"""A sentence near the start that says what the post's condition is, in complaint words, tells
the symptom (pipeline/digest/choose.py, defines_the_condition): small made-up posts."""

from __future__ import annotations

import pytest

from pipeline.digest.choose import (
    Candidate,
    Topic,
    complaint_words,
    defines_the_condition,
    subject_stems,
)
from pipeline.digest.sentences import stem_set
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, item, para


def topic(headline: str) -> Topic:
    return Topic(stem_set(headline), subject_stems(headline), complaint_words(headline) > 0)


def opening(text: str, position: float = 0.1, is_item: bool = False) -> Candidate:
    return Candidate(text, None, False, False, position, item=is_item)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Chronic pelvic pain", "Chronic pelvic pain (CPP) is pain below the belly button."),
        ("Tendinitis", "Tendinitis is inflammation or irritation of a tendon."),
        # the subject left out, as Spanish, Portuguese and Italian do
        ("Qué es la ansiedad", "Se caracteriza por una sensación de preocupación y miedo."),
        ("Dor de dente", "É essa pressão que gera a dor aguda e pulsante no rosto."),
        ("Lombalgie", "La lombalgie est une douleur dans le bas du dos."),
    ],
)
def test_a_definition_in_complaint_words(title: str, sentence: str) -> None:
    assert defines_the_condition(opening(sentence), topic(title))


@pytest.mark.parametrize(
    ("title", "sentence", "position", "is_item"),
    [
        ("Osteopathy", "Osteopathy is a system of medicine that looks at the body.", 0.1, False),
        (
            "Heel pain",
            "Our podiatrist is here to help you walk without pain.",
            0.1,
            False,
        ),  # no subject
        ("Heel pain", "Heel pain is a sharp pain under the heel.", 0.6, False),  # late in the post
        ("Heel pain", "Heel pain is a sharp pain under the heel.", 0.1, True),  # a list item
    ],
)
def test_no_definition(title: str, sentence: str, position: float, is_item: bool) -> None:
    assert not defines_the_condition(opening(sentence, position, is_item), topic(title))


def test_the_definition_in_the_opening_tells_the_symptom() -> None:
    definition = "Chronic pelvic pain (CPP) is pain below the belly button that lasts for months."
    digest = digest_article(
        Article(
            title="Physiotherapy for chronic pelvic pain",
            blocks=(
                heading("What does chronic pelvic pain feel like?"),
                para(f"{definition} It becomes chronic when it persists for at least 3 months."),
                para("It can be a steady pain, a dull ache or sharp cramping within the pelvis."),
                heading("Chronic pelvic pain symptoms"),
                para("You may experience pain as described above, but also bloating and pain."),
                para("The pain may be mild and annoying, or severe and impact your sleep."),
                heading("Chronic pelvic pain causes"),
                para("Chronic pelvic pain may be caused by endometriosis or nerve irritation."),
                heading("Treatment"),
                item("Pelvic floor exercises"),
                item("Pain education"),
                item("Bladder and bowel habits"),
                para("A physio will work with your other health professionals."),
            ),
        )
    )
    assert digest.symptom == definition
