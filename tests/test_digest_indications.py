"""A list of the conditions a treatment helps (its indications: "Conditions treated with
acupuncture", "お灸治療での対応症状一覧") is no list of treatment points: such a section is
beside the treatment ([points] aside in the language files), left out when other sections
tell the care (pipeline/digest/points_sections.py)."""

from __future__ import annotations

import pytest

from pipeline.digest.points_sections import is_aside
from pipeline.digest.sections import Section
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import heading, item, para


def section(title: str) -> Section:
    return Section(title, 2, "treatment", None, False, ())


@pytest.mark.parametrize(
    "title",
    [
        "お灸治療での対応症状一覧",
        "Conditions treated with acupuncture",
        "치료 가능한 질환",
        "Patologías que tratamos",
        "Pathologies prises en charge",
        "Anwendungsgebiete",
        "Condições tratadas",
        "Patologie trattate",
    ],
)
def test_a_title_naming_what_the_treatment_is_for_is_beside_it(title: str) -> None:
    assert is_aside(section(title))


@pytest.mark.parametrize(
    "title", ["お灸治療の流れ", "How we treat your back pain", "Tratamiento de la lumbalgia"]
)
def test_a_title_naming_the_treatment_is_not(title: str) -> None:
    assert not is_aside(section(title))


def moxibustion_post() -> list[Block]:
    return [
        para("お灸はヨモギの葉を乾燥させて精製した艾を使う温熱療法です。"),
        heading("お灸治療での対応症状一覧"),
        para("お灸施術は身体に温熱刺激を与え、症状の緩和に働きます。"),
        *(item(t) for t in ("頭痛", "肩痛", "腰痛", "膝痛")),
        heading("お灸治療の流れ"),
        heading("お灸の説明", level=3),
        item("お灸をする前に、症状の確認とそれに適切なお灸の説明をします。"),
        heading("様々なお灸を使用", level=3),
        item("症状に合わせてモグサの種類を変えて施します。"),
        heading("心地よい温かさ", level=3),
        item("施灸箇所の温度管理を行い、熱さを確認しながら施します。"),
    ]


def test_the_conditions_listed_are_no_points_beside_the_steps() -> None:
    found = digest_article(Article(title="お灸", blocks=tuple(moxibustion_post())))
    texts = [p.text for p in found.treatment_points]
    assert "頭痛" not in texts, texts
    assert "症状に合わせてモグサの種類を変えて施します。" in texts, texts
