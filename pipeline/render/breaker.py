"""The line breaker: where a text's lines end, made even, at one size (dynamic programming).

fit.py decides the size; this module finds the best line ends for a given line count at it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.render.balance import SLACK_WEIGHT, WIDOW_PENALTY, last_line_cost
from pipeline.render.breakrules import word_penalties
from pipeline.render.units import Units


def best_breaks(
    units: Units,
    widths: Sequence[float],
    gaps: Sequence[float],
    width: float,
    max_lines: int,
    extra: int = 0,
) -> tuple[list[int], float] | None:
    """Line ends (part indices) for the fewest lines that fit (plus `extra`), made even: see
    `LineTable.best_breaks`."""
    table = LineTable(widths, gaps, width, max_lines)
    return table.best_breaks(word_penalties(units), extra)


Penalties = tuple[Sequence[float], Sequence[float], Sequence[bool]]  # breakrules.word_penalties


class LineTable:
    """Parts of the given widths set into lines of `width`: the running sums of the widths and
    gaps, and the fewest lines before and after each part, computed once for both line counts
    that `size_options` tries at a size."""

    def __init__(
        self, widths: Sequence[float], gaps: Sequence[float], width: float, max_lines: int
    ) -> None:
        self.n, self.width, self.max_lines = len(widths), width, max_lines
        self.prefix, self.gap_prefix = [0.0], [0.0]
        for w in widths:
            self.prefix.append(self.prefix[-1] + w)
        for g in gaps:
            self.gap_prefix.append(self.gap_prefix[-1] + g)
        self.before_counts = fewest_lines(widths, gaps, width)
        self.after_counts: list[int] | None = None  # made when a break is first asked for
        self.widths, self.gaps = widths, gaps

    def best_breaks(self, penalties: Penalties, extra: int = 0) -> tuple[list[int], float] | None:
        """Line ends for the fewest lines that fit (plus `extra`), made even.

        Dynamic programming over (parts set, lines used): each line costs its squared empty
        share of the box, the last line half as much and more when it is under LAST_MIN of the
        box (balance.last_line_cost), plus penalties for a weak last word and a widow."""
        n, before_counts = self.n, self.before_counts
        count = before_counts[n] + extra
        if count > self.max_lines or count > n:
            return None
        if self.after_counts is None:
            reverse = fewest_lines(self.widths[::-1], self.gaps[::-1], self.width)
            self.after_counts = reverse[::-1]
        after_counts = self.after_counts
        inf = float("inf")
        best = [[inf] * (n + 1) for _ in range(count + 1)]
        back = [[0] * (n + 1) for _ in range(count + 1)]
        best[0][0] = 0.0
        for line in range(1, count + 1):
            # only ends that leave the words before and after a line count that can work
            ends = [e for e in range(line, n + 1) if before_counts[e] <= line]
            ends = [n] if line == count else [e for e in ends if after_counts[e] <= count - line]
            self.fill_row(best, back, line, ends, line == count, penalties)
        if best[count][n] == inf:
            return None
        found, end = [], n
        for line in range(count, 0, -1):
            found.append(end)
            end = back[line][end]
        return found[::-1], best[count][n]

    def fill_row(
        self,
        best: list[list[float]],
        back: list[list[int]],
        line: int,
        ends: Sequence[int],
        last: bool,
        penalties: Penalties,
    ) -> None:
        """The cheapest way to end `line` lines at each of `ends` (the DP's inner loops; the
        sums and costs are the same expressions, in the same order, as a line at a time)."""
        ending, starting, widow = penalties
        prefix, gap_prefix, width = self.prefix, self.gap_prefix, self.width
        before, row, came_from = best[line - 1], best[line], back[line]
        inf, low = float("inf"), line - 2
        for end in ends:
            penalty = 0.0 if last else ending[end - 1]
            at_end, gap_at_end = prefix[end], gap_prefix[end - 1]
            for start in range(end - 1, low, -1):
                used = at_end - prefix[start] + gap_at_end - gap_prefix[start]
                if used > width:
                    break
                done = before[start]
                if done == inf:
                    continue
                fill = used / width
                slack = last_line_cost(fill) if last else SLACK_WEIGHT * (1 - fill) ** 2
                cost = done + slack + penalty
                if start:
                    cost += starting[start]
                    if last and widow[start]:
                        cost += WIDOW_PENALTY
                if cost < row[end]:
                    row[end], came_from[end] = cost, start


def fewest_lines(widths: Sequence[float], gaps: Sequence[float], width: float) -> list[int]:
    """For each e, the fewest lines the first e parts take (greedy filling is optimal)."""
    counts, lines, used = [0], 0, 0.0
    for i, w in enumerate(widths):
        if i == 0 or used + gaps[i - 1] + w > width:
            lines, used = lines + 1, w
        else:
            used += gaps[i - 1] + w
        counts.append(lines)
    return counts
