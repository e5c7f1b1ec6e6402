"""Treatment told where the structure does not say so (pipeline/digest/care_prose.py): a list
opened by a line that names the treatment in the post's language, a paragraph of care in a
tips post, subsections a closing line opens as remedies; and symptom and cause sections never
drawn as treatment. Small made-up articles in several languages."""

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
        "There are many simple treatments that you can try for your condition:",
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


def test_a_paragraph_with_a_sentence_that_is_not_about_care_gives_only_its_care() -> None:
    """Not a paragraph of care: its sentence that names one is a point on its own, as in a
    post without tips; the figure beside it is none."""
    care = (
        "Your doctor may recommend physiotherapy for treatment. "
        "Between one and three people in a hundred get it every year."
    )
    assert [p.text for p in treatment(tips_post(care), title="Tendonitis")] == [
        "Your doctor may recommend physiotherapy for treatment."
    ]


def test_advice_to_the_reader_in_a_paragraph_of_care_is_no_treatment_point() -> None:
    care = (
        "Physiotherapy is the usual treatment. "
        "You should avoid stretching the tendon until the pain has settled."
    )
    assert [p.text for p in treatment(tips_post(care), title="Tendonitis")] == [
        "Physiotherapy is the usual treatment."
    ]


def remedies_post(intro: str, numbered: bool = False) -> list[Block]:
    """A risk-factor section that ends on a line opening the remedies, told as subsections."""
    first, second = ("1. Ice", "2. Heat") if numbered else ("Ice", "Heat")
    return [
        para("Sciatica is pain along the sciatic nerve, from the lower back down the leg."),
        heading("Risk factors", level=4),
        para("Age and a job that keeps you sitting raise the risk. " + intro),
        heading(first, level=5),
        para("Cold packs ease the swelling. Apply an ice pack wrapped in a towel for 20 minutes."),
        heading(second, level=5),
        para("After a few days, use a warm compress or a heating pad for 20 minutes."),
    ]


def care_points(blocks: list[Block]) -> list[Point]:
    found = digest_article(Article(title="Sciatica", blocks=tuple(blocks)))
    return [*found.treatment_points, *found.prevention]


def test_subsections_a_closing_line_opens_as_remedies_are_points() -> None:
    intro = "There are many simple treatments that you can try at home for your condition:"
    found = {p.label: p.text for p in care_points(remedies_post(intro))}
    assert found["Heat"] == "After a few days, use a warm compress or a heating pad for 20 minutes."
    assert found["Ice"].startswith("Cold packs ease the swelling.")


def test_subsections_after_a_line_that_names_conditions_are_not_remedies() -> None:
    intro = "Conditions that can lead to it include:"
    assert [p.label for p in care_points(remedies_post(intro)) if p.label] == []


def test_numbered_remedies_under_risk_factors_are_the_lines_tips_once() -> None:
    """ "1. Ice", "2. Heat" under "Risk factors" are no steps (a story part's numbered
    subsections tell it one by one): the line that opens them as home care gives them, once."""
    intro = "There are many simple treatments that you can try at home for your condition:"
    blocks = remedies_post(intro, numbered=True)
    found = digest_article(Article(title="Sciatica", blocks=tuple(blocks)))
    assert [p.label for p in found.prevention] == ["Ice", "Heat"]
    assert found.treatment_points == ()


def test_numbered_steps_are_left_to_the_steps() -> None:
    """ "1. Ice", "2. Heat" as the post's own numbered programme: treatment, not also tips."""
    blocks = [para("Sciatica is pain along the sciatic nerve, from the lower back down the leg.")]
    blocks += [heading("Our programme", level=4)]
    blocks += [
        para("There are many simple treatments that you can try at home for your condition:")
    ]
    blocks += [
        heading("1. Ice", level=5),
        para("Apply an ice pack wrapped in a towel for 20 minutes."),
    ]
    blocks += [
        heading("2. Heat", level=5),
        para("Use a warm compress or a heating pad for 20 minutes."),
    ]
    found = digest_article(Article(title="Sciatica", blocks=tuple(blocks)))
    labels = [p.label for p in (*found.treatment_points, *found.prevention)]
    assert labels.count("Ice") == 1 and labels.count("Heat") == 1
