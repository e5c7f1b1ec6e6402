"""How long a text reads, in words, in any script.

DESIGN.md puts at most about 25 words on a point slide. Words are counted by spaces, except in
Japanese and Chinese, which write none: there a kana or Han character counts as a third of a
word, as wide as a third of an English word with its space (a character is one em wide, an
English word about three), so that a 170-character Japanese paragraph takes as many lines as a
57-word English one. Compose splits and groups by it; render grows short texts by it."""

from __future__ import annotations

import re

WORDS_PER_CJK_CHAR = 1 / 3
CJK_CHAR = re.compile(  # CJK punctuation, kana, Han, full-width forms, half-width katakana
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uff66-\uff9f]"
)


def reading_words(text: str) -> float:
    """The text's length in words: spaced words, plus a share of a word per kana or Han
    character (Korean spaces its words, so it counts as English does)."""
    cjk = len(CJK_CHAR.findall(text))
    return len(CJK_CHAR.sub("", text).split()) + cjk * WORDS_PER_CJK_CHAR
