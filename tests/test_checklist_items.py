"""Checklists on cards: every item starts a line of its own, tips are counted by their length in
any script (Japanese writes no spaces), and a sentence-long tip keeps the largest size that
fits. Real texts (samples, the redistributable corpus) and small made-up ones."""

from __future__ import annotations

import pytest

from pipeline.brand import load_brand
from pipeline.compose.post import compose_post
from pipeline.models import Point
from pipeline.render.checklist import fit_checklist, split_items
from pipeline.render.layouts import TextBox
from pipeline.render.measure import font_chain
from tests.factories import digest_with
from tests.test_long_points import JAPANESE_TIPS, LOOKS, drawn, real_cards


@pytest.mark.parametrize("look", LOOKS)
def test_real_checklists_set_each_item_on_lines_of_its_own(look: str) -> None:
    lists = 0
    for name, card in real_cards():
        if card.layout not in ("point_checklist", "point_list"):
            continue
        placed = drawn(card, look)
        assert placed.checklist is not None, (name, card.file)  # never one block with " · "
        assert len(placed.checklist.items) == len(split_items(placed.checklist.text))
        assert not any(" · " in line for lines in placed.checklist.items for line in lines)
        lists += 1
    assert lists >= 5


@pytest.mark.parametrize("look", LOOKS)
def test_long_japanese_tips_share_checklists_that_fit(look: str) -> None:
    """Four long tips once shared one checklist by their count of spaces (none): it could not
    fit and was set as one small block, the tips joined by " · " mid-line."""
    tips = tuple(Point(None, tip, tip) for tip in JAPANESE_TIPS)
    digest = digest_with(
        headline="歯周病", symptom="歯茎が腫れます。", prevention=tips, language="ja"
    )
    cards = [c for c in compose_post(digest, load_brand(), "s").cards if c.layout]
    assert sorted(len(split_items(c.text)) for c in cards) == [2, 2]
    for card in cards:
        placed = drawn(card, look, "ja")
        assert placed.checklist is not None and len(placed.checklist.items) == 2


def test_a_lone_long_tip_keeps_the_largest_size_that_fits() -> None:
    """Its lines are not traded for type 11 px smaller: a sentence-long tip takes several lines
    at any size (a Korean checklist of one tip was set at 49 px in a box that holds 60)."""
    box = TextBox("text", 96, 160, 888, 700, "sans", (48, 60), 1.28, 12, checklist=True)
    tip = (  # made up, as long as the tips of Korean clinic blogs
        "잇몸 염증은 진행될수록 치료 기간과 비용이 늘어나므로 증상이 가벼울 때 "
        "치과를 찾아 검진을 받는 것이 가장 좋습니다"
    )
    found = fit_checklist(tip, box, font_chain(load_brand(), "sans", tip))
    assert found is not None and found.size == 60
    short = fit_checklist("Rest · Ice the knee · Compress", box, font_chain(load_brand(), "sans"))
    assert short is not None and all(len(lines) == 1 for lines in short.items)
