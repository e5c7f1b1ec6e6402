"""Text fitting as pure functions: which font size, where lines break, what gets shortened.

Widths come from a `measure` function that gives a string's width at REF_SIZE; widths at other
sizes are scaled from it, so each word is measured once per font, not once per size tried.
The renderer checks the chosen lines with the real font afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.render.balance import WIDOW_PENALTY, line_widths, option_score
from pipeline.render.breakrules import (
    COMPOUND_PENALTY,
    HYPHEN_PENALTY,
    KOREAN_BOUND_NOUNS,
    LIST_SEPARATORS,
    WEAK_PENALTY,
    breaks_korean_compound,
    end_penalty,
    is_flawed,
    misses_phrase_break,
    splits_noun_phrase,
)

if TYPE_CHECKING:
    import pyphen

REF_SIZE = 100
ELLIPSIS = "…"
HYPHEN = "-"
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]")
SLACK_WEIGHT = 1000.0  # cost of a line left empty, relative to the box width, squared
SIZE_SEARCH = 6  # px below the largest fitting size tried for a better break
MIN_FILL = 0.75  # a text block narrower than this share of its box may take fewer, fuller lines

Measure = Callable[[str], float]  # width of a string at REF_SIZE


@dataclass(frozen=True)
class TextSpec:
    """A text box and its type: the size range in px and line height as a share of the size."""

    width: int
    height: int
    sizes: tuple[int, int]  # smallest, largest
    line_height: float
    max_lines: int
    ascent: float = 0.97  # the font's ascender and descender as shares of the size
    descent: float = 0.25
    hyphenate: bool = True
    language: str = "en"


@dataclass(frozen=True)
class Fitted:
    size: int
    lines: tuple[str, ...]
    line_height: int  # px between baselines
    text: str  # the text as fitted, after any shortening
    shortened: bool = False
    hyphenated: bool = False

    def block_height(self, spec: TextSpec) -> int:
        return block_height(len(self.lines), self.size, self.line_height, spec)


def block_height(lines: int, size: int, line_height: int, spec: TextSpec) -> int:
    """From the first line's ascender to the last line's descender: nothing is clipped."""
    return (lines - 1) * line_height + round((spec.ascent + spec.descent) * size)


def lines_that_fit(spec: TextSpec, size: int) -> int:
    line_height = round(size * spec.line_height)
    extra = (spec.height - round((spec.ascent + spec.descent) * size)) // max(line_height, 1)
    return min(spec.max_lines, extra + 1) if extra >= 0 else 0


def fit_text(text: str, spec: TextSpec, measure: Measure) -> Fitted | None:
    """The largest size at which the text fits; shortened at a boundary as a last resort."""
    fitted = fit_words(text, spec, measure)
    if fitted:
        return fitted
    for shorter in shorter_versions(text):
        fitted = fit_words(shorter, spec, measure)
        if fitted:
            return Fitted(
                fitted.size, fitted.lines, fitted.line_height, shorter, True, fitted.hyphenated
            )
    return None


def fit_words(text: str, spec: TextSpec, measure: Measure) -> Fitted | None:
    """Binary search over sizes for the largest that fits without hyphens, else hyphenate.

    Fitting is decided by the greedy line count (fast); the even break is made once, at the
    chosen size, with that same count, so it always fits too.
    """
    words = text.split()
    if not words:
        return None
    widths = [measure(word) for word in words]
    space = measure(" ")
    best: int | None = None
    low, high = spec.sizes
    while low <= high:
        size = (low + high) // 2
        if fits_at_size(widths, space, spec, size):
            best, low = size, size + 1
        else:
            high = size - 1
    if best is not None:
        size, lines = pick_size(words, widths, space, spec, best)
        return Fitted(size, lines, round(size * spec.line_height), text)
    if not spec.hyphenate:
        return None
    return fit_hyphenated(words, spec, measure)


def fits_at_size(widths: Sequence[float], space: float, spec: TextSpec, size: int) -> bool:
    """No word wider than the box (else shrink first), and few enough lines for the height."""
    width = spec.width * REF_SIZE / size  # compare at REF_SIZE: no list to scale
    if max(widths) > width:
        return False
    return greedy_count(widths, space, width) <= lines_that_fit(spec, size)


def pick_size(
    words: Sequence[str], widths: Sequence[float], space: float, spec: TextSpec, largest: int
) -> tuple[int, tuple[str, ...]]:
    """The largest size that fits, or a slightly smaller one whose lines break better.

    A designer takes a few px off the type rather than leave ragged lines, a lone last word or
    a line ending on "the": among the sizes within about a seventh below the largest, the one
    whose lines are evenest wins (balance.option_score: the rag, the weak-word penalties and
    SIZE_PENALTY for each px given up). A headline's "Title:" and a Korean noun phrase are kept
    together first; a text that would stand as a narrow column (under MIN_FILL of its box)
    takes fewer, fuller lines.
    """
    options = []
    for size in range(
        largest, max(spec.sizes[0], largest - max(SIZE_SEARCH, largest // 7)) - 1, -1
    ):
        found = breaks_at_size(words, widths, space, spec, size)
        if found is not None:
            options.append((size, join_lines(words, found[0]), found[1]))
    size, lines, _ = options[0]  # the largest size fits: fits_at_size said so
    if misses_phrase_break(words, lines):  # "Title: subtitle" breaks after the colon
        split = [o for o in options if not misses_phrase_break(words, o[1])]
        if split:
            best_split = min(split, key=lambda o: (len(o[1]), -o[0]))
            return best_split[0], best_split[1]
    if splits_noun_phrase(lines):  # Korean: a few px off rather than "무릎 / 앞쪽 통증 관리"
        whole = [o for o in options if not splits_noun_phrase(o[1])]
        whole = [o for o in whole if not misses_phrase_break(words, o[1])]
        if whole:
            return whole[0][0], whole[0][1]
    best = evenest(options, words, widths, space, spec, largest)
    if widest_share(best[1], widths, space, spec.width, best[0]) < MIN_FILL:
        fuller = [o for o in options if len(o[1]) < len(best[1])]  # a narrow column of type
        if fuller and not is_flawed(fuller[0][1]):
            return fuller[0][0], fuller[0][1]
    return best


def evenest(
    options: Sequence[tuple[int, tuple[str, ...], float]],
    words: Sequence[str],
    widths: Sequence[float],
    space: float,
    spec: TextSpec,
    largest: int,
) -> tuple[int, tuple[str, ...]]:
    """The option (size, lines) with the lowest balance.option_score."""
    penalties = word_penalties(tuple(words))

    def score(option: tuple[int, tuple[str, ...], float]) -> float:
        size, lines, _ = option
        used = line_widths(lines, widths, space, size / REF_SIZE)
        return option_score(lines, used, spec.width, penalties, largest - size)

    size, lines, _ = min(options, key=score)
    return size, lines


def widest_share(
    lines: Sequence[str], widths: Sequence[float], space: float, width: int, size: int
) -> float:
    """The widest line's share of the box width (lines are consecutive runs of the words)."""
    widest, start = 0.0, 0
    for line in lines:
        count = len(line.split())
        used = sum(widths[start : start + count]) + space * (count - 1)
        widest, start = max(widest, used), start + count
    return widest * size / REF_SIZE / width


def breaks_at_size(
    words: Sequence[str], widths: Sequence[float], space: float, spec: TextSpec, size: int
) -> tuple[list[int], float] | None:
    scale = size / REF_SIZE
    max_lines = lines_that_fit(spec, size)
    scaled = [w * scale for w in widths]
    if max_lines == 0 or max(scaled) > spec.width:
        return None
    return best_breaks(words, scaled, space * scale, spec.width, max_lines)


def break_at_size(
    words: Sequence[str], widths: Sequence[float], space: float, spec: TextSpec, size: int
) -> tuple[str, ...] | None:
    found = breaks_at_size(words, widths, space, spec, size)
    return None if found is None else join_lines(words, found[0])


def fit_hyphenated(words: list[str], spec: TextSpec, measure: Measure) -> Fitted | None:
    """At the smallest size, split only the words too wide for the box, at pyphen's points."""
    size = spec.sizes[0]
    scale = size / REF_SIZE
    pieces: list[str] = []
    for word in words:
        if measure(word) * scale <= spec.width:
            pieces.append(word)
        else:
            pieces.extend(hyphenate_word(word, spec.width / scale, measure, spec.language))
    widths = [measure(piece) for piece in pieces]
    lines = break_at_size(pieces, widths, measure(" "), spec, size)
    if lines is None:
        return None
    return Fitted(size, lines, round(size * spec.line_height), " ".join(words), hyphenated=True)


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


def break_lines(
    words: Sequence[str], widths: Sequence[float], space: float, width: float, max_lines: int
) -> list[int] | None:
    found = best_breaks(words, widths, space, width, max_lines)
    return None if found is None else found[0]


def best_breaks(
    words: Sequence[str], widths: Sequence[float], space: float, width: float, max_lines: int
) -> tuple[list[int], float] | None:
    """Line ends (word indices) for the fewest lines that fit, with the lines made even.

    Dynamic programming over (words set, lines used): each line costs its squared empty share
    of the box, plus penalties for a weak last word or a lone word on the last line.
    """
    n = len(words)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    count = greedy_count(widths, space, width)
    if count > max_lines:
        return None
    ending, starting = word_penalties(tuple(words))
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for line in range(1, count + 1):
        last = line == count
        before, row, came_from = best[line - 1], best[line], back[line]
        for end in range(line, n + 1) if not last else (n,):
            extra = 0.0 if last else ending[end - 1]
            for start in range(end - 1, line - 2, -1):
                used = prefix[end] - prefix[start] + space * (end - start - 1)
                if used > width:
                    break
                cost = before[start] + SLACK_WEIGHT * (1 - used / width) ** 2 + extra
                cost += starting[start] if start else 0.0
                if last and end - start == 1 and start > 0:
                    cost += WIDOW_PENALTY
                if cost < row[end]:
                    row[end], came_from[end] = cost, start
    if best[count][n] == inf:
        return None
    ends, end = [], n
    for line in range(count, 0, -1):
        ends.append(end)
        end = back[line][end]
    return ends[::-1], best[count][n]


@lru_cache(maxsize=64)
def word_penalties(words: tuple[str, ...]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """What ending a line on each word costs, and starting one: the same at every size tried."""
    ending = [end_penalty(word) for word in words]
    for i in range(len(words) - 1):
        if breaks_korean_compound(words[i], words[i + 1]):
            ending[i] += COMPOUND_PENALTY
        if words[i + 1] in LIST_SEPARATORS:  # "· Cortisone" must not open a line
            ending[i] += HYPHEN_PENALTY
    starting = tuple(WEAK_PENALTY if word in KOREAN_BOUND_NOUNS else 0.0 for word in words)
    return tuple(ending), starting


def greedy_count(widths: Sequence[float], space: float, width: float) -> int:
    lines, used = 1, -space
    for w in widths:
        if used + space + w > width and used >= 0:
            lines, used = lines + 1, w
        else:
            used += space + w
    return lines


def join_lines(words: Sequence[str], ends: Sequence[int]) -> tuple[str, ...]:
    starts = [0, *ends[:-1]]
    return tuple(" ".join(words[s:e]) for s, e in zip(starts, ends, strict=True))


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
CLAUSE_END = re.compile(r"[,;:—–]\s+|\s+[—–]\s+")


def shorter_versions(text: str, min_words: int = 4) -> list[str]:
    """Prefixes ending at a sentence (kept whole) or clause boundary (with an ellipsis).

    Longest first, so the first that fits loses the least.
    """
    versions = []
    for match in SENTENCE_END.finditer(text):
        versions.append(text[: match.start()])
    for match in CLAUSE_END.finditer(text):
        versions.append(text[: match.start()].rstrip(" ,;:—–") + ELLIPSIS)
    versions = [v for v in versions if len(v.split()) >= min_words and v != text]
    return sorted(set(versions), key=len, reverse=True)
