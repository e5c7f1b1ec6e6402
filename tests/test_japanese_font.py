"""Japanese text is drawn in the committed Japanese font; Korean keeps NanumSquare."""

from __future__ import annotations

import pytest

from pipeline.brand import load_brand, resource_dir
from pipeline.models import Card
from pipeline.render import card as render
from pipeline.render.card import render_card
from pipeline.render.glyphs import reads_as_japanese, split_runs

JAPANESE = "肩こりの原因とセルフケア"
KOREAN = "무릎 통증은 근육 불균형 때문일 수 있습니다."


@pytest.mark.parametrize(
    ("role", "face"),
    [("sans", "BIZUDGothic-Regular.ttf"), ("sans_bold", "BIZUDGothic-Bold.ttf")],
)
def test_kana_and_kanji_are_drawn_in_the_japanese_font(role: str, face: str) -> None:
    chain = render.font_chain(load_brand(), role, JAPANESE)
    runs, missing = split_runs(JAPANESE, chain)
    assert missing == frozenset()
    assert [run.font for run in runs] == ["japanese"]
    assert dict(chain)["japanese"].name == face
    assert dict(chain)["japanese"].parent == resource_dir("fonts")  # committed, not the system's


def test_kanji_only_text_reads_as_japanese_but_hanja_in_korean_does_not() -> None:
    assert reads_as_japanese(JAPANESE) and reads_as_japanese("腰痛治療")
    assert not reads_as_japanese(KOREAN) and not reads_as_japanese("韓醫學 무릎 치료")
    assert not reads_as_japanese("Knee pain")


@pytest.mark.parametrize("text", [KOREAN, "韓醫學 무릎 치료", ""])
def test_the_korean_font_choice_is_unaffected(text: str) -> None:
    chain = render.font_chain(load_brand(), "sans", text)
    assert [name for name, _ in chain][:4] == ["main", "sans", "korean", "japanese"]
    runs, missing = split_runs(text, chain)
    assert missing == frozenset()
    assert {run.font for run in runs} <= {"main", "korean"}
    assert dict(chain)["korean"].name == "NanumSquareR.ttf"


def test_a_japanese_card_renders_with_no_missing_glyph() -> None:
    card = Card("point", "ja.jpg", JAPANESE + "。姿勢を整えることが大切です。", kicker="原因")
    image = render_card(card, load_brand())
    assert image.warnings == ()
    assert JAPANESE in image.texts[-1] or any(JAPANESE in text for text in image.texts)
