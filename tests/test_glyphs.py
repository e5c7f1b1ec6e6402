"""Font runs: a text the first font covers whole is one run, found without the per-character
walk; any other text still gets the walk's runs (joiners, emoji requests, fallbacks)."""

from __future__ import annotations

import pytest

from pipeline.brand import load_brand
from pipeline.render import glyphs
from pipeline.render.glyphs import Run, split_runs
from pipeline.render.measure import font_chain


def walked(text: str, chain: glyphs.FontChain) -> tuple[tuple[Run, ...], frozenset[str]]:
    """split_runs' own per-character walk, with the one-run shortcut turned off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(glyphs, "covers_whole", lambda text, path: False)
        glyphs.split_runs.cache_clear()
        try:
            return split_runs(text, chain)
        finally:
            glyphs.split_runs.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "Knee pain",
        "“Rest first,” she said — then move: café, naïve, 5 °C, 10 × a day",
        "Ärzte empfehlen Übungen für die Füße",
        "무릎 통증 관리",  # the Korean font after the first
        "Run ✓ done → next",  # symbols the first font may lack
        "Love it ❤️ and 👍🏽 too",  # an emoji request and a skin tone
        "\u200dstray joiner first",  # dropped: it follows no run
        "non\u00a0breaking\u2009spaces",
    ],
)
@pytest.mark.parametrize("role", ["sans", "serif", "sans_bold"])
def test_runs_are_the_per_character_walks(text: str, role: str) -> None:
    chain = font_chain(load_brand(), role, text)
    glyphs.split_runs.cache_clear()
    assert split_runs(text, chain) == walked(text, chain)


def test_a_covered_accented_text_is_one_run_of_the_first_font() -> None:
    chain = font_chain(load_brand(), "sans", "")
    runs, missing = split_runs("Épaule, genou et hanche : « bouger »", chain)
    assert runs == (Run("main", "Épaule, genou et hanche : « bouger »"),)
    assert missing == frozenset()
