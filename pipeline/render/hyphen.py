"""Splitting a word too wide for its box: at pyphen's hyphenation points (a hyphen ends each
piece), or between any two syllables of Korean, Chinese and Japanese (no hyphen; a closing mark
never opens a piece). Used only at the smallest size, when nothing else fits."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.render.units import NO_LINE_START

if TYPE_CHECKING:
    import pyphen

HYPHEN = "-"
CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]")

Measure = Callable[[str], float]  # width of a string at the reference size


def hyphenate_word(word: str, width: float, measure: Measure, language: str) -> list[str]:
    """Pieces ending in a hyphen, each as long as fits; hard splits where pyphen finds none.

    Korean, Chinese and Japanese break between any two syllables, with no hyphen.
    """
    if CJK.search(word):
        return split_syllables(word, width, measure)
    pieces: list[str] = []
    rest = word
    while measure(rest) > width:
        points = [p for p in hyphen_points(rest, language) if measure(rest[:p] + HYPHEN) <= width]
        cut = points[-1] if points else hard_cut(rest, width, measure)
        pieces.append(rest[:cut] + HYPHEN)
        rest = rest[cut:]
    return [*pieces, rest]


def split_syllables(word: str, width: float, measure: Measure) -> list[str]:
    """As many characters a line as fit; a closing mark ("。", "）", "、") never opens a line
    (kinsoku): the character before it moves down with it."""
    pieces = [""]
    for char in word:
        if pieces[-1] and measure(pieces[-1] + char) > width:
            carry = pieces[-1][-1] if char in NO_LINE_START and len(pieces[-1]) > 1 else ""
            pieces[-1] = pieces[-1][: len(pieces[-1]) - len(carry)]
            pieces.append(carry)
        pieces[-1] += char
    return pieces


def hard_cut(word: str, width: float, measure: Measure) -> int:
    cut = len(word) - 1
    while cut > 1 and measure(word[:cut] + HYPHEN) > width:
        cut -= 1
    return cut


def hyphen_points(word: str, language: str) -> list[int]:
    return list(hyphenator(language).positions(word))


@lru_cache(maxsize=4)
def hyphenator(language: str) -> pyphen.Pyphen:
    import pyphen  # only loaded when a word cannot fit: it reads a dictionary file

    lang = language if language in pyphen.LANGUAGES else "en_US"
    return pyphen.Pyphen(lang=lang)
