"""A care section's own list against its care subsections (pipeline/digest/points_sections.py
own_list): a subsection overrides the list above only when it tells something of its own; and
a subsection's point is the list its paragraph opens when that paragraph only opens it."""

from __future__ import annotations

from pipeline.digest.points_sections import point_from_section
from pipeline.digest.sections import Section
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, item, para


def test_a_line_set_as_a_care_heading_leaves_the_tips_list_its_own() -> None:
    """A blog's line set as a heading under a list of tips ("이런 기본 관리만 잘 지켜도" over
    "회복이 편해집니다") tells nothing of its own: the list above gives the tips."""
    blocks = [
        para("임플란트 수술 후에는 며칠 동안 통증과 붓기가 있을 수 있습니다."),
        heading("회복을 빠르게 돕는 관리 포인트", level=3),
        para("이 부분은 꼭 지켜주세요"),
        item("수술 당일에는 냉찜질"),
        item("흡연과 음주는 1주 이상 피하기"),
        item("뜨겁거나 딱딱한 음식 피하기"),
        heading("이런 기본 관리만 잘 지켜도", level=4),
        para("회복이 편해집니다"),
    ]
    found = digest_article(Article(title="임플란트 후 통증", blocks=tuple(blocks)))
    tips = [p.text for p in found.prevention]
    assert "흡연과 음주는 1주 이상 피하기" in tips, tips
    assert "회복이 편해집니다" not in tips, tips


def test_a_care_subsection_with_its_own_list_still_gives_the_points() -> None:
    """An assessment list, then "### Treatment" with its own list: the subsection's list is the
    points, not the assessment's."""
    blocks = [
        para("Anterior knee pain is felt around the kneecap, often in runners."),
        heading("How Chiropractic Can Help", level=2),
        item("A full examination of the knee and hip"),
        item("Tests of strength and flexibility"),
        heading("Treatment", level=3),
        item("Soft tissue massage of the quadriceps"),
        item("Mobilisation of the kneecap"),
        item("Exercises to strengthen the hip muscles"),
    ]
    found = digest_article(Article(title="Anterior knee pain", blocks=tuple(blocks)))
    texts = [p.text for p in found.treatment_points]
    assert "Mobilisation of the kneecap" in texts, texts
    assert "Tests of strength and flexibility" not in texts, texts


def test_a_subsection_whose_paragraph_only_opens_its_list_gives_the_list() -> None:
    """ "O corpo funciona melhor com regularidade. Tente:" says nothing on a card: the point is
    the list it opens, under the subsection's title."""
    blocks = (
        para("O corpo funciona melhor com regularidade. Tente:"),
        item("Dormir e acordar nos mesmos horários"),
        item("Diminuir as luzes 1-2 horas antes de dormir"),
    )
    point = point_from_section(Section("Crie Uma Rotina de Sono", 3, None, None, False, blocks))
    assert point is not None
    assert point.label == "Crie Uma Rotina de Sono"
    assert point.text == (
        "Dormir e acordar nos mesmos horários; Diminuir as luzes 1-2 horas antes de dormir"
    )


def test_a_subsection_whose_paragraph_tells_keeps_it() -> None:
    blocks = (
        para("Ficar calculando as horas aumenta a ansiedade. Vire o relógio para o lado."),
        item("Tire o relógio do quarto"),
        item("Deixe o celular longe da cama"),
    )
    point = point_from_section(Section("Não Olhe o Relógio", 3, None, None, False, blocks))
    assert point is not None
    assert point.text.startswith("Ficar calculando")
