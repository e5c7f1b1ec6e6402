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
    definition = "Anxiety is characterised by a worry and fear that last, even without danger."
    digest = digest_article(
        Article(
            title="What is anxiety? Symptoms and when to get help",
            blocks=(
                para("Feeling nervous before an exam is part of life."),
                heading("Beyond stress: understanding it"),
                para(f"{definition} It keeps the body on alert."),
                heading("Common symptoms"),
                para("Anxiety shows in the body and in the mind:"),
                heading("Physical symptoms", 3),
                item("Palpitations or a racing heart."),
                item("Stomach pain, nausea or diarrhoea."),
                heading("Types of anxiety"),
                para(
                    "Generalised anxiety, social anxiety and panic attacks are the most frequent."
                ),
                para("Each of them has its own pattern of thoughts and habits."),
                heading("Treatment"),
                para("Cognitive behavioural therapy helps most people."),
                para("Breathing exercises can calm an attack."),
            ),
        )
    )
    assert digest.symptom == definition


def test_within_the_symptom_sections_the_named_one_comes_first() -> None:
    symptoms = "Sharp pain under the heel with the first steps in the morning."
    digest = digest_article(
        Article(
            title="Plantar fasciitis",
            blocks=(
                heading("The problem"),
                para("Plantar fasciitis is a painful irritation of the tissue under the foot."),
                heading("Symptoms"),
                para(symptoms),
            ),
        )
    )
    assert digest.symptom == symptoms
