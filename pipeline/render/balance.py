"""How even a set of lines looks, to choose among the sizes a text fits at (fit.pick_size).

The line breaker (fit.best_breaks) makes the evenest lines at one size. Between sizes, a
designer weighs how ragged the lines are against the type given up: the rag is the sum of each
line's squared shortfall from the widest line (the last line aside: it may end short, but never
as one word alone), as a share of the box width. Breaking on a weak word ("the", "of") costs
less than one very short line, so evenness comes first; a lone last word is never chosen while
another break fits.
"""

from __future__ import annotations

from collections.abc import Sequence

RAG_WEIGHT = 1000.0  # a line a tenth of the box shorter than the widest costs 10
WIDOW_PENALTY = 5000.0  # one word alone on the last line: only when nothing else fits
SIZE_PENALTY = 15.0  # each px given up below the largest size that fits


def line_widths(
    lines: Sequence[str], widths: Sequence[float], space: float, scale: float
) -> list[float]:
    """Each line's width at the size `scale` gives (lines are consecutive runs of the words)."""
    found, start = [], 0
    for line in lines:
        count = len(line.split())
        used = sum(widths[start : start + count]) + space * (count - 1)
        found.append(used * scale)
        start += count
    return found


def rag(used: Sequence[float], width: float) -> float:
    """Squared shortfalls from the widest line, the last line's aside, as shares of the box."""
    widest = max(used)
    return RAG_WEIGHT * sum(((widest - w) / width) ** 2 for w in used[:-1])


def break_penalties(
    lines: Sequence[str], ending: Sequence[float], starting: Sequence[float]
) -> float:
    """What the chosen line ends and starts cost (weak words, a bound noun, a separator), and a
    lone last word."""
    cost, start = 0.0, 0
    for i, line in enumerate(lines):
        count = len(line.split())
        if i:
            cost += starting[start]
        if i < len(lines) - 1:
            cost += ending[start + count - 1]
        start += count
    if len(lines) > 1 and len(lines[-1].split()) == 1:
        cost += WIDOW_PENALTY
    return cost


def option_score(
    lines: Sequence[str],
    used: Sequence[float],
    width: float,
    penalties: tuple[Sequence[float], Sequence[float]],
    px_given_up: int,
) -> float:
    """The rag, the break penalties and the size given up, in one cost: lower is better."""
    ending, starting = penalties
    return rag(used, width) + break_penalties(lines, ending, starting) + SIZE_PENALTY * px_given_up
