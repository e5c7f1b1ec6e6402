"""A sentence that tells how common a complaint is (a count or share of people) does not tell
the symptom (pipeline/digest/direction.py tells_how_common, choose.py): small made-up posts."""

from __future__ import annotations

import pytest

from pipeline.digest.direction import tells_how_common
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import para


@pytest.mark.parametrize(
    "sentence",
    [
        "Still 13 million people experience chronic migraine headaches.",
        "One in ten adults suffers from back pain.",
        "Una de cada diez personas sufre ansiedad.",
        "Une personne sur dix souffre de troubles anxieux.",
        "Jeder zehnte Erwachsene leidet an Rückenschmerzen.",
        "Una persona su dieci soffre di mal di testa.",
        "Uma em cada dez pessoas sofre de enxaqueca.",
        "성인의 80% 이상이 앓고 있습니다.",
        "日本人の10人に1人が腰痛に悩んでいます。",
        "About 20% of runners get shin splints.",
    ],
)
def test_a_count_of_people(sentence: str) -> None:
    assert tells_how_common(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "They are described as a dull, achy pain around the head or behind the eyes.",
        "The pain lasts for 2 to 3 days.",
        "Le bébé pleure presque tout le temps.",
        "무릎이 붓고 아픕니다.",
    ],
)
def test_no_count_of_people(sentence: str) -> None:
    assert not tells_how_common(sentence)


@pytest.mark.parametrize(
    ("title", "common", "symptom"),
    [
        (
            "Migraine",
            "Migraines are less common, but still 13 million people experience them.",
            "They are described as a dull, throbbing pain behind the eyes.",
        ),
        (
            "Les troubles anxieux",
            "Une personne sur dix souffre de troubles anxieux ou de panique.",
            "Les troubles anxieux ont comme caractéristiques la peur excessive et l'évitement.",
        ),
    ],
)
def test_how_common_is_not_the_symptom(title: str, common: str, symptom: str) -> None:
    digest = digest_article(
        Article(
            title=title,
            blocks=(
                para("Here is what we see in the clinic every week."),
                para(f"{common} {symptom}"),
                para("We take a careful history. We look at the neck and the jaw."),
                para("We can help: call us to book a visit."),
            ),
        )
    )
    assert digest.symptom == symptom
