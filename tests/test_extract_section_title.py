"""extract: a site section's name printed above the article's own heading is no headline."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.models import Page

KO = (
    "무릎 인대는 무릎에 안정성을 부여하는 중요한 역할을 합니다. 무릎 인대 손상은 상해와 질병 "
    "모두 가능합니다. 인대는 신축성이 없는 조직으로 갑작스러운 충격이 가해지면 쉽게 찢어집니다. "
)
EN = (
    "Plantar fasciitis is pain under the heel. Plantar fasciitis comes from strain on the "
    "band of tissue that runs under the foot, and plantar fasciitis is common in runners. "
)


def headline(head: str, body: str) -> str:
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_article(Page(origin="x", text=markup, kind="html")).title


@pytest.mark.parametrize(
    ("section", "heading", "text", "title"),
    [
        ("통증 클리닉", "무릎 인대 손상", KO, "무릎 인대 손상"),  # the department's name
        ("Foot clinic", "Plantar fasciitis", EN, "Plantar fasciitis"),
        ("무릎 인대", "원인", KO, "무릎 인대"),  # the article names it: its title
        # the next heading is not what the article talks about: the section's name stays
        ("Foot clinic", "Heel spurs and night splints", EN, "Foot clinic"),
    ],
)
def test_a_section_name_gives_way_to_the_heading_under_it(
    section: str, heading: str, text: str, title: str
) -> None:
    body = (
        f"<div class='sub_wrap'><h2 class='sub_title'>{section}</h2>"
        f"<h3 class='section_title'>{heading}</h3><p class='section_desc'>{text * 2}</p>"
        f"<h3 class='section_title'>원인</h3><p class='section_desc'>{text}</p></div>"
    )
    assert headline("", body) == title


def test_a_section_name_the_title_tag_repeats_is_the_title() -> None:
    body = (
        "<h2 class='sub_title'>Foot clinic</h2><h3>Plantar fasciitis</h3>"
        f"<p>{EN * 3}</p><h3>Treatment</h3><p>{EN}</p>"
    )
    assert headline("<title>Foot clinic | Oak Podiatry</title>", body) == "Foot clinic"
