"""In a patient's history, when the complaint began tells its cause ("she had been
symptom-free until...", "the pain started after..."): cause cues in each language file
(pipeline/digest/choose.py reads them). Small made-up case studies."""

from __future__ import annotations

import pytest

from pipeline.digest.choose import has_cue
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, para


@pytest.mark.parametrize(
    "sentence",
    [
        "She had been mostly symptom-free until her father passed away.",
        "The pain started after a long run in the cold.",
        "Her diagnosis was cold in the uterus with yang deficiency.",
        "This woman’s diagnosis was excess cold.",
        "El dolor empezó después de una caída.",
        "La douleur a commencé après une chute.",
        "Die Schmerzen begannen nach einem Sturz.",
        "A dor começou depois de uma queda.",
        "Il dolore è iniziato dopo una caduta.",
        "교통사고를 계기로 통증이 시작되었습니다.",
        "転倒がきっかけで痛みが出ました。",
    ],
)
def test_when_it_began(sentence: str) -> None:
    assert has_cue("cause", sentence)


def test_the_history_tells_the_cause() -> None:
    onset = "She had been mostly symptom-free until her father passed away three years ago."
    digest = digest_article(
        Article(
            title="Success stories: severe migraines",
            blocks=(
                para("I love treating migraines, and this patient's story is a typical one."),
                heading("Patient history"),
                para("Marcy is a 49 year old woman who had migraines in high school."),
                para(f"{onset} By then, she had been having migraines once or twice a week."),
                heading("Treatment"),
                para("We met weekly for acupuncture, and her sleep improved after a month."),
            ),
        )
    )
    assert digest.cause == onset


@pytest.mark.parametrize(
    "sentence",
    ["The diagnosis was confirmed by MRI.", "El diagnóstico fue confirmado.", "Treatment is key."],
)
def test_a_diagnosis_made_is_no_cause(sentence: str) -> None:
    assert not has_cue("cause", sentence)
