"""Which sentence tells the symptom (pipeline/digest/choose.py): small made-up posts, one
for each rule, in several languages. The cause's rules: test_digest_choose.py."""

from __future__ import annotations

import pytest

from pipeline.digest.choose import complaint_words
from pipeline.digest.story import digest_article
from pipeline.digest.vocabulary import is_cue
from pipeline.models import Article, Block
from tests.factories import heading, item, para


def post(title: str, *blocks: Block, language: str | None = None) -> Article:
    return Article(title=title, blocks=blocks, language=language)


def test_each_sentence_of_a_long_item_is_weighed() -> None:
    """An item that tells a whole story ("Tension headaches: ... You may feel ... They are
    often caused by ...") gives each of its sentences a chance."""
    digest = digest_article(
        post(
            "Chiropractic and headaches",
            para("Chiropractors see these kinds of headaches:"),
            item(
                "Tension headaches: They come on when the working day is long. You may feel a"
                " tight band around the forehead. They are often caused by stress or poor posture."
            ),
            item("Migraines: They last for hours and come back every month or so."),
        )
    )
    assert digest.symptom == "You may feel a tight band around the forehead."
    assert digest.cause == "They are often caused by stress or poor posture."


@pytest.mark.parametrize(
    ("talk", "symptom"),
    [
        # the word "symptoms" alone names no complaint
        (
            "Knowing the symptoms early is crucial.",
            "Pain runs from the lower back down the back of the leg.",
        ),
        # a sentence of care or prevention tells the care, not the symptom
        (
            "Good oral hygiene is an important step in preventing pain from sensitive teeth.",
            "Cold drinks bring a sharp pain and a dull ache in one tooth.",
        ),
        (
            "Eine Behandlung zur Linderung von Verspannungen und Schmerzen im Kiefer.",
            "Typisch sind Schmerzen im Kiefergelenk beim Kauen.",
        ),
        # a line about the post itself
        (
            "I hope this case helps anyone else suffering from migraines.",
            "Her migraines came twice a week, with nausea and a throbbing pain.",
        ),
    ],
)
def test_a_sentence_about_symptoms_is_not_the_symptom(talk: str, symptom: str) -> None:
    treatment = [para(f"Step {n} of the treatment is agreed with you.") for n in range(1, 6)]
    digest = digest_article(
        post("Title", heading("Symptoms"), para(talk), para(symptom), heading("Care"), *treatment)
    )
    assert digest.symptom == symptom


def test_a_sentence_that_points_back_at_the_symptoms_does_not_name_them() -> None:
    symptom = "A stiff jaw in the morning is typical."
    digest = digest_article(
        post(
            "Jaw trouble",
            para("Many people live with jaw trouble for years."),
            para("These symptoms can make eating painful and talking sore."),
            para(symptom),
            para("We see it most in people under stress."),
        )
    )
    assert digest.symptom == symptom


@pytest.mark.parametrize(
    "text",
    [
        "Constant worry and fear, and panic at night.",
        "Una preocupación constante y miedo sin motivo.",
        "Une inquiétude constante et la peur sans raison.",
        "Ständige Sorgen, Angst und Herzrasen.",
        "Uma preocupação constante e medo sem motivo.",
        "Una preoccupazione costante e paura senza motivo.",
        "이유 없는 불안과 두근거림",
        "理由のない不安と動悸",
    ],
)
def test_the_complaints_of_the_mind_are_complaints(text: str) -> None:
    assert complaint_words(text) >= 2


def test_in_a_symptom_section_a_sentence_without_a_complaint_is_not_the_symptom() -> None:
    symptom = "Palpitations and a racing heart are common."
    digest = digest_article(
        post(
            "Anxiety",
            heading("Symptoms"),
            para("Anxiety is more than being on edge before a big day."),
            para(symptom),
            heading("Treatment"),
            para("Talking therapy helps most people."),
        )
    )
    assert digest.symptom == symptom


@pytest.mark.parametrize(
    "text",
    [
        "It brings symptoms such as a stiff jaw.",
        "Esa punzada en el talón es la señal inequívoca de la fascitis plantar.",
        "Provoca síntomas como rigidez y dolor.",
        "Elle provoque des symptômes tels que la raideur.",
        "Die CMD umfasst Beschwerden, wie Verspannungen und Zähneknirschen.",
        "Causa sintomas como rigidez.",
        "Provoca sintomi come rigidità.",
    ],
)
def test_symptoms_named_by_example_are_a_symptom_cue(text: str) -> None:
    assert is_cue("symptom", text)


def test_advice_to_seek_care_is_not_the_symptom() -> None:
    symptom = "Pain runs from the lower back down the back of the leg."
    digest = digest_article(
        post(
            "Sciatica",
            heading("Symptoms"),
            para("Sciatica is common."),
            para(symptom),
            para("However, you should seek immediate medical care if you feel any weakness."),
            heading("Care"),
            *[para(f"Step {n} of the treatment is agreed with you.") for n in range(1, 6)],
        )
    )
    assert digest.symptom == symptom


def test_the_sentence_that_tells_most_of_the_complaint() -> None:
    """A sentence that tells how the complaint feels (three or more complaint words) outweighs
    an earlier one that only names it."""
    symptom = "The pain is sharp and throbbing, with a burning ache."
    digest = digest_article(
        post(
            "Teeth",
            para("Our clinic sees many adults each week."),
            para("Cold drinks can bring pain and discomfort."),
            para(symptom),
            para("We check each tooth."),
        )
    )
    assert digest.symptom == symptom


@pytest.mark.parametrize(
    ("title", "session", "symptom"),
    [
        (
            "Knee pain",
            "When the needles are in, you may feel a dull ache, tingling or heat.",
            "The knee aches on the stairs and feels stiff in the morning.",
        ),
        (
            "Juanete",
            "Las plantillas pueden ayudar a paliar el dolor y la molestia.",
            "El dedo se desvía y duele al caminar con zapatos estrechos.",
        ),
        (
            "Coliques du nourrisson",
            "L'ostéopathe rectifiera les tensions, les douleurs et les raideurs.",
            "Le bébé pleure, dort mal et souffre de douleurs après la tétée.",
        ),
    ],
)
def test_what_is_felt_in_a_session_or_eased_by_care_is_not_the_symptom(
    title: str, session: str, symptom: str
) -> None:
    """The treatment's own words (needles, a session, "can help to ease") tell the care, not
    the complaint the reader brings."""
    digest = digest_article(
        post(
            title,
            para("We see it often."),
            heading("Symptoms"),
            para("Here is what our patients tell us."),
            para(session),
            para(symptom),
        )
    )
    assert digest.symptom == symptom
