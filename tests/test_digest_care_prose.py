"""Treatment told where the structure does not say so: a list opened by a line that names the
treatment in the post's language. Small made-up articles in several languages."""

from __future__ import annotations

import pytest

from pipeline.digest.care_prose import names_care
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block, Point
from tests.factories import heading, item, para


def treatment(blocks: list[Block], title: str = "Periodontia") -> list[Point]:
    return list(digest_article(Article(title=title, blocks=tuple(blocks))).treatment_points)


@pytest.mark.parametrize(
    "line",
    [
        "Os tratamentos da periodontia envolvem:",
        "Le traitement de la tendinite comprend :",
        "Die Behandlung umfasst:",
        "Treatment options include:",
    ],
)
def test_a_line_that_names_the_treatment_opens_a_list_of_care(line: str) -> None:
    assert names_care(line)


@pytest.mark.parametrize(
    "line",
    [
        "Il faut dire que les critères diagnostiques de la tendinopathie reposent sur:",
        "Conditions we treat:",
        "Os sintomas mais comuns são:",
    ],
)
def test_a_line_about_diagnosis_conditions_or_symptoms_does_not(line: str) -> None:
    assert not names_care(line)


def test_a_portuguese_treatment_list_under_no_heading_gives_its_items() -> None:
    blocks = [
        para("A periodontia estuda os tecidos de suporte dos dentes e trata as suas doenças."),
        para("Os sintomas mais comuns são sangramento da gengiva e mau hálito."),
        para("Os tratamentos da periodontia envolvem:"),
        item("raspagem subgengival e limpeza do tártaro"),
        item("aumento de coroa clínica"),
        item("enxerto de gengiva"),
    ]
    assert [p.text for p in treatment(blocks)][-2:] == [
        "aumento de coroa clínica",
        "enxerto de gengiva",
    ]
    assert "Os tratamentos da periodontia envolvem:" not in [p.text for p in treatment(blocks)]


def test_a_post_of_only_symptoms_and_causes_has_no_treatment_points() -> None:
    """Sections named for the causes and the symptoms describe the problem: when no sentence
    speaks of care, their sentences are not drawn as treatment."""
    blocks = [
        para("무릎 인대는 무릎에 안정성을 부여하는 중요한 역할을 합니다."),
        heading("원인", level=3),
        para(
            "무릎 인대 손상은 상해와 질병 모두 가능합니다. "
            "인대 4개중 전방십자인대가 가장 잘 파열됩니다."
        ),
        heading("증상", level=3),
        para(
            "무릎 인대가 손상되면 부종이 동반됩니다. 이를 방치하게 될 경우 관절염이 되기도 합니다."
        ),
    ]
    assert treatment(blocks, title="무릎 인대 손상") == []


def test_a_named_section_that_is_neither_symptom_nor_cause_still_gives_its_sentences() -> None:
    blocks = [
        para("Knee ligaments give the knee its stability."),
        heading("Benefits"),
        para("Most people are back to light sport within six weeks. Walking gets easier first."),
    ]
    found = [p.text for p in treatment(blocks, title="Knee ligament injury")]
    assert "Walking gets easier first." in found


def tips_post(care: str) -> list[Block]:
    """A post of self-care tips whose symptom section ends on a paragraph about the clinic."""
    return [
        para("Tendons join muscle to bone. If they become inflamed, you could have tendonitis."),
        heading("1. Pain on the outside of your elbow"),
        para("If you feel pain where your elbow and forearm meet, it might be tendonitis."),
        para("So if you suspect tendonitis, make sure to stop the activities that hurt."),
        para("It's important to avoid lifting heavy bags with that arm for a few weeks."),
        para(care),
    ]


def test_a_paragraph_of_care_in_a_tips_post_gives_treatment_points() -> None:
    care = (
        "Your doctor may recommend physiotherapy for treatment. "
        "A physiotherapist can combine gentle exercise with manual therapy to ease the pain."
    )
    assert [p.text for p in treatment(tips_post(care), title="Tendonitis")] == [
        "Your doctor may recommend physiotherapy for treatment.",
        "A physiotherapist can combine gentle exercise with manual therapy to ease the pain.",
    ]


def test_a_paragraph_with_a_sentence_that_is_not_about_care_gives_none() -> None:
    care = (
        "Your doctor may recommend physiotherapy for treatment. "
        "Between one and three people in a hundred get it every year."
    )
    assert treatment(tips_post(care), title="Tendonitis") == []


def test_advice_to_the_reader_in_a_paragraph_of_care_is_no_treatment_point() -> None:
    care = (
        "Physiotherapy is the usual treatment. "
        "You should avoid stretching the tendon until the pain has settled."
    )
    assert [p.text for p in treatment(tips_post(care), title="Tendonitis")] == [
        "Physiotherapy is the usual treatment."
    ]
