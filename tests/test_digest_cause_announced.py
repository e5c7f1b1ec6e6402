"""A sentence that only announces the causes ("The causes of X are many."), and a statistic, are
not the cause (pipeline/digest/direction.py): small made-up posts in several languages."""

from __future__ import annotations

import pytest

from pipeline.digest.direction import announces_causes, tells_a_share
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, item, para


@pytest.mark.parametrize(
    "sentence",
    [
        "The causes of dysthymia are many.",
        "Back pain can have many different causes.",
        "Las causas de la distimia son múltiples.",
        "Les causes de la lombalgie sont multiples.",
        "Die Ursachen sind vielfältig.",
        "As causas da dor de dente são várias.",
        "Le cause del mal di schiena sono molteplici.",
        "안구 건조증의 원인은 다양합니다.",
        "歯周病の原因は様々です。",
    ],
)
def test_a_sentence_that_announces_the_causes(sentence: str) -> None:
    assert announces_causes(sentence, listed=False)


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("There are many causes of heel pain, such as flat feet.", False),  # it names them
        ("There are many causes of heel pain:", True),  # a list follows
        ("Heel pain is often caused by overuse.", False),
        (
            "Poor posture, long hours at a desk and stress are the many causes we see every week"
            " in the clinic, and each of them needs its own plan.",
            False,
        ),  # a long sentence
    ],
)
def test_a_sentence_that_names_the_causes(sentence: str, listed: bool) -> None:
    assert not announces_causes(sentence, listed)


def test_the_sentence_after_the_announcement_tells_the_cause() -> None:
    told = "Existe un componente genético: si hay antecedentes familiares, el riesgo aumenta."
    digest = digest_article(
        Article(
            title="Qué es la distimia",
            blocks=(
                para("La distimia es una forma de depresión crónica."),
                heading("¿Qué causa la distimia?"),
                para(f"Las causas de la distimia son múltiples. {told}"),
                para("También influyen los factores biológicos, como los neurotransmisores."),
            ),
        )
    )
    assert digest.cause == told


def test_an_announcement_with_its_list_is_kept() -> None:
    digest = digest_article(
        Article(
            title="Heel pain",
            blocks=(
                heading("Causes"),
                para("There are many causes of heel pain, such as:"),
                item("Excessive pronation"),
                item("Achilles tendonitis"),
            ),
        )
    )
    assert digest.cause and digest.cause.startswith("There are many causes of heel pain")


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("In Canada, 17% of adults smoke and 16.6 % die due to smoking.", 1.0),
        ("成人の８割以上、30％が歯周病です。", 1.0),
        ("Most back pain (about 85%) comes from posture and weak muscles.", 0.5),
        ("Smoke contains compounds shown to cause lung cancer.", 0.0),
        ("Wear it for 20 minutes, 3 times a day.", 0.0),
    ],
)
def test_a_statistic(sentence: str, share: float) -> None:
    assert tells_a_share(sentence) == share


def test_a_statistic_gives_way_to_the_cause() -> None:
    cause = "Compounds in smoke cause cancer, and smoking is the direct cause of bronchitis."
    digest = digest_article(
        Article(
            title="Quit smoking with acupuncture",
            blocks=(
                para("Smoking has a major impact on our population."),
                para("In Canada, 17% of adults smoke and 16.6% of people die due to smoking."),
                para(f"{cause} Quitting lowers the risk within a few years."),
            ),
        )
    )
    assert digest.cause == cause
