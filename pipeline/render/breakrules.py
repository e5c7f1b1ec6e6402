"""Where a line may end: the penalties and flaws the line breaker weighs (fit.py, balance.py).

Spaced languages: not on a weak word ("the", "of", "de", "la": templates/breaks/), after a
headline's colon, after a list's item. Korean: at spaces (eojeol), but not between a determiner
and its noun, before a bound noun, or inside a phrase of bare nouns. Japanese: between phrases
(units.py), and never a last line of three characters or fewer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from pipeline.render.breakwords import is_soft_ending, is_weak_ending
from pipeline.render.units import (
    CLAUSE_MARKS,
    LIST_SEPARATORS,
    Units,
    is_ideographic,
    script_of,
)

HYPHEN = "-"
# The words a line should not end on are data: templates/breaks/<code>.toml (breakwords.py),
# `weak` (articles, "of", "to", Korean determiners) and `soft` (other prepositions, "and").
SOFT_PENALTY = 40.0
# Korean: a determiner or an adnominal verb form belongs with the noun after it ("그 / 아래쪽",
# "할 / 수": the `weak` list of ko.toml); a bound noun belongs with the word before it ("할 수",
# "줄이는 데").
KOREAN_BOUND_NOUNS = frozenset({"수", "데", "것", "줄", "등", "뿐", "때문에"})
# Last syllables of a Korean word that ends in a particle or a verb ending: a natural break.
# A word ending otherwise is most often a bare noun modifying the next ("무릎 / 앞쪽 통증").
KOREAN_BREAK_AFTER = frozenset("을를이가은는에의와과도로서면고며게지나다요만께때듯록니며까")
HANGUL = re.compile("[\uac00-\ud7a3]")
COMPOUND_PENALTY = 40.0
INSIDE_PHRASE = 80.0  # a Japanese line broken inside a phrase ("出やす / い")
WEAK_PENALTY = 100.0  # about a line a third shorter than the widest
HYPHEN_PENALTY = 300.0
ITEM_BONUS = 150.0  # a list set as one text: one item a line when the items fit
SEPARATOR_PENALTY = 10000.0  # a list's " · " at a line's end or start: only if nothing else fits
SHORT_TAIL = 3  # characters: a Japanese last line this short is a widow
PHRASE_BONUS = 8.0  # a line ending on , or ; is a natural break
COLON_BONUS = 150.0  # "Title: subtitle" or "Title — subtitle" breaks there when it can
SHORT_ASIDE = 24  # characters: a parenthesis this short is read as one, never broken inside


def splits_noun_phrase(lines: Sequence[str]) -> bool:
    """A Korean line ending on a bare noun (no particle or ending) before more Korean."""
    return any(
        breaks_korean_compound(line.split()[-1], after.split()[0])
        for line, after in pairwise(lines)
    )


def breaks_korean_compound(word: str, next_word: str) -> bool:
    last = word[-1]
    return bool(HANGUL.match(last) and HANGUL.match(next_word[0])) and (
        last not in KOREAN_BREAK_AFTER
    )


def misses_phrase_break(words: Sequence[str], ends: Sequence[int]) -> bool:
    """Text of several lines with a colon or dash inside, where no line ends on it."""
    marks = {i for i, word in enumerate(words[:-1]) if word[-1] in ":—" or word in ("—", "–")}
    if len(ends) < 2 or not marks:
        return False
    return not marks & {end - 1 for end in ends[:-1]}


def is_flawed(words: Sequence[str], ends: Sequence[int]) -> bool:
    """A lone word on the last line, a line ending on a weak word or starting on a bound noun."""
    if len(ends) > 1 and ends[-1] - ends[-2] == 1:
        return True
    if any(words[end] in KOREAN_BOUND_NOUNS for end in ends[:-1]):
        return True
    return any(is_weak_ending(words[end - 1]) for end in ends[:-1])


def is_icon(word: str) -> bool:
    """An emoji or pictograph standing as a word ("💊 Antihistaminika", "⚕️ Cortison")."""
    kinds = {unicodedata.category(c) for c in word}
    return "So" in kinds and kinds <= {"So", "Sk", "Mn", "Cf"}


def end_penalty(word: str) -> float:
    """What it costs for a line (not the last) to end on this word."""
    if is_icon(word):
        return SEPARATOR_PENALTY  # an icon belongs to the words after it, never alone on a line
    cost = 0.0
    if is_weak_ending(word):
        cost += WEAK_PENALTY
    elif is_soft_ending(word):
        cost += SOFT_PENALTY
    if word.endswith(HYPHEN) and not word[:-1].endswith(HYPHEN):
        cost += HYPHEN_PENALTY
    if word[-1:] in ":—" or word == "–":
        cost -= COLON_BONUS
    elif word[-1:] in ",;–":
        cost -= PHRASE_BONUS
    return cost


@lru_cache(maxsize=64)
def word_penalties(units: Units) -> tuple[tuple[float, ...], tuple[float, ...], tuple[bool, ...]]:
    """What ending a line after each part costs, and starting one on it, and whether a last
    line starting there is too short (a lone word; a Japanese line of three characters or
    fewer): the same at every size tried."""
    words, spaced = units.parts, units.spaced
    ending = []
    for i, word in enumerate(words):
        if i < len(spaced) and not spaced[i]:
            ending.append(inner_penalty(word, words[i + 1], i in units.phrases))
            continue
        cost = end_penalty(word)
        if i + 1 < len(words) and breaks_korean_compound(word, words[i + 1]):
            cost += COMPOUND_PENALTY
        if units.mark(i) if i < len(spaced) else False:
            cost = -ITEM_BONUS  # a list's item ends here: its " · " is dropped at the break
        elif word in LIST_SEPARATORS or (i + 1 < len(words) and words[i + 1] in LIST_SEPARATORS):
            cost += SEPARATOR_PENALTY  # a stray "·" neither ends nor opens a line
        ending.append(cost)
    for i in inside_short_asides(words):
        ending[i] += WEAK_PENALTY  # not "Manual (hands / on) treatment"
    starting = tuple(WEAK_PENALTY if word in KOREAN_BOUND_NOUNS else 0.0 for word in words)
    return tuple(ending), starting, short_tails(units)


def inside_short_asides(words: Sequence[str]) -> list[int]:
    """The words after which a line would split a short parenthesis ("(hands on)")."""
    inside: list[int] = []
    opened: int | None = None
    for i, word in enumerate(words):
        if "(" in word and ")" not in word[word.index("(") :]:
            opened = i
        elif opened is not None and ")" in word:
            if sum(len(w) + 1 for w in words[opened : i + 1]) <= SHORT_ASIDE:
                inside += range(opened, i)
            opened = None
    return inside


def inner_penalty(part: str, after: str, phrase_end: bool) -> float:
    """A break inside a run of Japanese: free after 、 or 。 and where a phrase ends (units.py);
    inside a phrase it costs INSIDE_PHRASE, more inside a run of kanji or of katakana (most
    often one word) and between a number and its counter ("12 / 時間"). A hyphenated word's
    pieces break as they are cut (they end in their hyphen)."""
    if part[-1] in CLAUSE_MARKS:
        return -PHRASE_BONUS
    if not is_ideographic(part) and not is_ideographic(after):
        return 0.0
    if phrase_end:
        return 0.0
    before_script, after_script = script_of(part[-1]), script_of(after[0])
    if part[-1].isdigit() or (before_script == after_script and before_script != "hiragana"):
        return INSIDE_PHRASE + COMPOUND_PENALTY
    return INSIDE_PHRASE


def short_tails(units: Units) -> tuple[bool, ...]:
    """For each part, whether a last line starting on it is too short: one word alone, or
    Japanese (Chinese) of three characters or fewer."""
    words = units.parts
    tails = [False] * len(words)
    chars = 0
    for i in range(len(words) - 1, -1, -1):
        chars += len(words[i])
        tails[i] = i == len(words) - 1 or (chars <= SHORT_TAIL and is_ideographic(words[i]))
    return tuple(tails)
