"""A care section's own list against its care subsections (pipeline/digest/points_sections.py
own_list): a subsection overrides the list above only when it tells something of its own."""

from __future__ import annotations

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
