"""Text fitting as pure functions: which font size, where lines break, what gets shortened.

Widths come from a `measure` function that gives a string's width at REF_SIZE; widths at other
sizes are scaled from it, so each word is measured once per font, not once per size tried.
The renderer checks the chosen lines with the real font afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.render.balance import EXTRA_LINE_PENALTY, SIZE_PENALTY, line_widths, option_score
from pipeline.render.breaker import LineTable, best_breaks
from pipeline.render.breakrules import (
    is_flawed,
    misses_phrase_break,
    splits_noun_phrase,
    word_penalties,
)
from pipeline.render.hyphen import hyphenate_word
from pipeline.render.units import Units, joined_units, split_units

LIST_MARK = "·"

REF_SIZE = 100
ELLIPSIS = "…"
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
    chosen size, with that same count, so it always fits too. Japanese and Chinese break
    between characters (units.py), so they fit as words do.
    """
    units = split_units(text)
    if not units.parts:
        return None
    widths = [measure(part) for part in units.parts]
    gaps = units.gaps(measure(" "), measure(LIST_MARK) if units.marks else 0.0)
    best: int | None = None
    low, high = spec.sizes
    while low <= high:
        size = (low + high) // 2
        if fits_at_size(widths, gaps, spec, size):
            best, low = size, size + 1
        else:
            high = size - 1
    if best is not None:
        size, lines = pick_size(units, widths, gaps, spec, best)
        return Fitted(size, lines, round(size * spec.line_height), text)
    if not spec.hyphenate:
        return None
    return fit_hyphenated(text.split(), spec, measure)


def fits_at_size(widths: Sequence[float], gaps: Sequence[float], spec: TextSpec, size: int) -> bool:
    """No word wider than the box (else shrink first), and few enough lines for the height."""
    width = spec.width * REF_SIZE / size  # compare at REF_SIZE: no list to scale
    if max(widths) > width:
        return False
    return greedy_count(widths, gaps, width) <= lines_that_fit(spec, size)


def pick_size(
    units: Units, widths: Sequence[float], gaps: Sequence[float], spec: TextSpec, largest: int
) -> tuple[int, tuple[str, ...]]:
    """The largest size that fits, or a slightly smaller one whose lines break better.

    A designer takes a few px off the type, or sets one line more, rather than leave ragged
    lines, a lone last word or a line ending on "the": among the sizes within about a seventh
    below the largest, each with the fewest lines and with one more, the evenest wins
    (balance.option_score: the rag, a short last line, the weak-word penalties, SIZE_PENALTY
    for each px given up and EXTRA_LINE_PENALTY for the line added). A headline's "Title:" and
    a Korean noun phrase are kept together first; a text that would stand as a narrow column
    (under MIN_FILL of its box) takes fewer, fuller lines, unless it is a list set an item a
    line.
    """
    options = SizeOptions(units, widths, gaps, spec, largest)
    first = options.first()  # the largest size fits: fits_at_size said so
    words = units.parts
    if misses_phrase_break(words, first.ends):  # "Title: subtitle" breaks after the colon
        split = [o for o in options.every() if not misses_phrase_break(words, o.ends)]
        if split:
            best_split = min(split, key=lambda o: (len(o.ends), -o.size))
            return best_split.size, units.lines(best_split.ends)
    if splits_noun_phrase(units.lines(first.ends)):  # Korean: not "무릎 / 앞쪽 통증 관리"
        whole = [o for o in options.every() if not splits_noun_phrase(units.lines(o.ends))]
        whole = [o for o in whole if not misses_phrase_break(words, o.ends)]
        if whole:
            return whole[0].size, units.lines(whole[0].ends)
    best = options.evenest()
    if not units.marks and widest_share(best, widths, gaps, spec.width) < MIN_FILL:
        fuller = [o for o in options.every() if len(o.ends) < len(best.ends)]  # a narrow column
        if fuller and not is_flawed(words, fuller[0].ends):
            return fuller[0].size, units.lines(fuller[0].ends)
    return best.size, units.lines(best.ends)


@dataclass(frozen=True)
class Option:
    """One way to set the text: a size, where its lines end, and how many lines it adds."""

    size: int
    ends: tuple[int, ...]
    extra: int = 0


class SizeOptions:
    """The evenest break at each size from the largest down, with the fewest lines and (when
    the height allows) with one line more; the largest size's fewest-line break comes first.
    The two breaks at one size share its scaled widths and line counts (`LineTable`).

    Made a size at a time, when asked for: `evenest` stops at the size whose px given up alone
    cost more than the best option found (with the only negative costs, the bonuses for ending
    a line on a comma, a colon or an item, counted as if every one were taken), so it picks the
    option the whole list would give from fewer sizes."""

    def __init__(
        self,
        units: Units,
        widths: Sequence[float],
        gaps: Sequence[float],
        spec: TextSpec,
        largest: int,
    ) -> None:
        self.units, self.widths, self.gaps, self.spec = units, widths, gaps, spec
        self.largest = largest
        self.penalties = word_penalties(units)
        smallest = max(spec.sizes[0], largest - max(SIZE_SEARCH, largest // 7))
        self.sizes = iter(range(largest, smallest - 1, -1))
        self.next_size = largest  # the next size `more` tries
        self.made: list[Option] = []

    def more(self) -> bool:
        """The options of the next size (none when the text cannot be set there); False when
        every size has been tried."""
        size = next(self.sizes, None)
        if size is None:
            return False
        self.next_size = size - 1
        table = table_at_size(self.widths, self.gaps, self.spec, size)
        if table is not None:
            for extra in (0, 1):
                found = table.best_breaks(self.penalties, extra)
                if found is not None:
                    self.made.append(Option(size, tuple(found[0]), extra))
        return True

    def first(self) -> Option:
        while not self.made and self.more():
            pass
        return self.made[0]

    def every(self) -> list[Option]:
        while self.more():
            pass
        return self.made

    def evenest(self) -> Option:
        """The option with the lowest `score`, the first of equals."""
        bonuses = sum(min(cost, 0.0) for cost in self.penalties[0])
        best: Option | None = None
        lowest = float("inf")
        index = 0
        while True:
            for option in self.made[index:]:
                score = self.score(option)
                if score < lowest:
                    best, lowest = option, score
            index = len(self.made)
            given_up = self.largest - self.next_size
            if SIZE_PENALTY * given_up + bonuses > lowest + SCORE_MARGIN:
                break  # every smaller size scores worse than the best already found
            if not self.more():
                break
        assert best is not None
        return best

    def score(self, option: Option) -> float:
        """balance.option_score, and EXTRA_LINE_PENALTY for a line more than the fewest."""
        used = line_widths(option.ends, self.widths, self.gaps, option.size / REF_SIZE)
        px_given_up = self.largest - option.size
        cost = option_score(option.ends, used, self.spec.width, self.penalties, px_given_up)
        return cost + EXTRA_LINE_PENALTY * option.extra


SCORE_MARGIN = 1e-6  # scores are sums of floats: a size whose bound ties the best is still tried


def widest_share(
    option: Option, widths: Sequence[float], gaps: Sequence[float], width: int
) -> float:
    """The widest line's share of the box width."""
    return max(line_widths(option.ends, widths, gaps, option.size / REF_SIZE)) / width


def breaks_at_size(
    units: Units,
    widths: Sequence[float],
    gaps: Sequence[float],
    spec: TextSpec,
    size: int,
    extra: int = 0,
) -> tuple[list[int], float] | None:
    table = table_at_size(widths, gaps, spec, size)
    return None if table is None else table.best_breaks(word_penalties(units), extra)


def table_at_size(
    widths: Sequence[float], gaps: Sequence[float], spec: TextSpec, size: int
) -> LineTable | None:
    """The parts' widths scaled to `size`; None when the box holds no line or a part is wider
    than the box."""
    scale = size / REF_SIZE
    max_lines = lines_that_fit(spec, size)
    scaled = [w * scale for w in widths]
    if max_lines == 0 or max(scaled) > spec.width:
        return None
    return LineTable(scaled, [g * scale for g in gaps], spec.width, max_lines)


def fit_hyphenated(words: list[str], spec: TextSpec, measure: Measure) -> Fitted | None:
    """At the smallest size, split only the words too wide for the box, at pyphen's points."""
    size = spec.sizes[0]
    scale = size / REF_SIZE
    pieces: list[list[str]] = []
    for word in words:
        if measure(word) * scale <= spec.width:
            pieces.append([word])
        else:
            pieces.append(hyphenate_word(word, spec.width / scale, measure, spec.language))
    units = joined_units(pieces)
    widths = [measure(part) for part in units.parts]
    found = breaks_at_size(units, widths, units.gaps(measure(" ")), spec, size)
    if found is None:
        return None
    lines = units.lines(found[0])
    return Fitted(size, lines, round(size * spec.line_height), " ".join(words), hyphenated=True)


def break_lines(
    words: Sequence[str], widths: Sequence[float], space: float, width: float, max_lines: int
) -> list[int] | None:
    """Line ends (word indices) for words set a space apart: best_breaks for plain words."""
    units = Units(tuple(words), (True,) * (len(words) - 1))
    found = best_breaks(units, widths, units.gaps(space), width, max_lines)
    return None if found is None else found[0]


def greedy_count(widths: Sequence[float], gaps: Sequence[float], width: float) -> int:
    lines, used = 1, 0.0
    for i, w in enumerate(widths):
        if i and used + gaps[i - 1] + w > width:
            lines, used = lines + 1, w
        else:
            used += (gaps[i - 1] if i else 0.0) + w
    return lines


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])(?=\S)")  # Japanese: no space after
CLAUSE_END = re.compile(r"[,;:—–]\s+|\s+[—–]\s+|、(?=\S)")


def shorter_versions(text: str, min_words: int = 4) -> list[str]:
    """Prefixes ending at a sentence (kept whole) or clause boundary (with an ellipsis), of
    `min_words` words or more (a Japanese character counts as one).

    Longest first, so the first that fits loses the least.
    """
    versions = []
    for match in SENTENCE_END.finditer(text):
        versions.append(text[: match.start()])
    for match in CLAUSE_END.finditer(text):
        versions.append(text[: match.start()].rstrip(" ,;:—–、") + ELLIPSIS)
    versions = [v for v in versions if len(split_units(v).parts) >= min_words and v != text]
    return sorted(set(versions), key=len, reverse=True)
