"""A list that a line opens as links to other pages or videos ("to watch some easy to follow
videos, click on the following:") names pages, not treatment points or tips
(pipeline/digest/points.py links_to_pages, [points] link_lines)."""

from __future__ import annotations

import pytest

from pipeline.digest.points import links_to_pages
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import item, para


@pytest.mark.parametrize(
    "line",
    [
        "To watch some easy to follow stretching videos, click on the following:",
        "Para ver los vídeos de ejercicios, haz clic en los siguientes enlaces:",
        "Pour voir les vidéos d'étirements, cliquez sur les liens suivants :",
        "Per guardare i video degli esercizi, clicca sui link seguenti:",
        "Para assistir aos vídeos dos exercícios, clique nos links abaixo:",
        "Für die Übungsvideos klicken Sie auf die folgenden Links:",
    ],
)
def test_a_line_that_opens_links_is_recognised(line: str) -> None:
    assert links_to_pages(line)


def test_a_tips_line_is_no_line_of_links() -> None:
    assert not links_to_pages("Here are some simple stretches you can do at home:")


def test_a_list_of_links_gives_no_points() -> None:
    blocks = (
        para(
            "A few minutes a day stretching between massages can be really helpful. To watch"
            " some easy to follow videos guiding you in a few stretching techniques, click on"
            " the following:"
        ),
        item("Lower back & hip pain"),
        item("Neck & shoulder pain"),
        item("Tension headaches"),
    )
    found = digest_article(Article(title="Stretching between massages", blocks=blocks))
    texts = [p.text for p in (*found.treatment_points, *found.prevention)]
    assert "Neck & shoulder pain" not in texts, texts
