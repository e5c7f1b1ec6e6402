"""Where a line may end: the penalties and flaws the line breaker weighs (pipeline/layout.py).

English: not on "the" or "of"; after a headline's colon. Korean: at spaces (eojeol), but not
between a determiner and its noun, before a bound noun, or inside a phrase of bare nouns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

HYPHEN = "-"
# Words a line should not end on when a balanced alternative exists.
WEAK_ENDINGS = frozenset({"a", "an", "the", "of", "to", "my", "your", "our", "its", "their"})
# Prepositions and conjunctions: better at the start of the next line, but not worth a smaller size.
SOFT_ENDINGS = frozenset(
    {"in", "on", "at", "for", "with", "by", "and", "or", "from", "as", "y", "de", "en"}
)
SOFT_PENALTY = 25.0
# Korean: a determiner or an adnominal verb form belongs with the noun after it ("그 / 아래쪽",
# "할 / 수"); a bound noun belongs with the word before it ("할 수", "줄이는 데").
KOREAN_WEAK_ENDINGS = frozenset(
    {"그", "이", "저", "이런", "그런", "할", "될", "한", "및", "각", "수"}
)
KOREAN_BOUND_NOUNS = frozenset({"수", "데", "것", "줄", "등", "뿐", "때문에"})
# Last syllables of a Korean word that ends in a particle or a verb ending: a natural break.
# A word ending otherwise is most often a bare noun modifying the next ("무릎 / 앞쪽 통증").
KOREAN_BREAK_AFTER = frozenset("을를이가은는에의와과도로서면고며게지나다요만께때듯록니며까")
HANGUL = re.compile("[\uac00-\ud7a3]")
COMPOUND_PENALTY = 40.0
WEAK_PENALTY = 60.0
HYPHEN_PENALTY = 300.0
PHRASE_BONUS = 8.0  # a line ending on , or ; is a natural break
LIST_SEPARATORS = frozenset({"·", "•"})  # between the items of a list slide
COLON_BONUS = 150.0  # "Title: subtitle" or "Title — subtitle" breaks there when it can


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


def misses_phrase_break(words: Sequence[str], lines: Sequence[str]) -> bool:
    """Text of several lines with a colon or dash inside, where no line ends on it."""
    marks = {i for i, word in enumerate(words[:-1]) if word[-1] in ":—" or word in ("—", "–")}
    if len(lines) < 2 or not marks:
        return False
    ends, count = set(), 0
    for line in lines[:-1]:
        count += len(line.split())
        ends.add(count - 1)
    return not marks & ends


def is_flawed(lines: Sequence[str]) -> bool:
    """A lone word on the last line, a line ending on a weak word or starting on a bound noun."""
    if len(lines) > 1 and len(lines[-1].split()) == 1:
        return True
    if any(line.split()[0] in KOREAN_BOUND_NOUNS for line in lines[1:]):
        return True
    weak = WEAK_ENDINGS | KOREAN_WEAK_ENDINGS
    return any(line.split()[-1].lower() in weak for line in lines[:-1])


def end_penalty(word: str) -> float:
    """What it costs for a line (not the last) to end on this word."""
    cost = 0.0
    bare = word.lower().strip("“‘\"'(")
    if bare in WEAK_ENDINGS or word in KOREAN_WEAK_ENDINGS:
        cost += WEAK_PENALTY
    elif bare in SOFT_ENDINGS:
        cost += SOFT_PENALTY
    if word.endswith(HYPHEN) and not word[:-1].endswith(HYPHEN):
        cost += HYPHEN_PENALTY
    if word[-1:] in ":—" or word == "–":
        cost -= COLON_BONUS
    elif word[-1:] in ",;–" or word in LIST_SEPARATORS:
        cost -= PHRASE_BONUS
    return cost
