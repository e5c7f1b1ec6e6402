"""How even a set of lines looks: the breaker's line costs (breaker.py) and the score
that chooses among the sizes and line counts a text fits at (fit.pick_size).

At one size the breaker makes each line's empty share of the box small, squared, the last
line's counting half (it may end short: the other lines stay even) and more when it is under
LAST_MIN of the box. Between sizes, a designer weighs how ragged the lines are against the type
given up: the rag is each line's squared shortfall from the widest (the last line aside), a
line shorter than both its neighbours ("exercises builds") counted again, and a last line
under LAST_MIN of the widest. A weak last word ("the", "de") costs about as much as a line a
third shorter; a lone last word is never chosen while another break fits.
"""

from __future__ import annotations

from collections.abc import Sequence

RAG_WEIGHT = 1000.0  # a line a tenth of the box shorter than the widest costs 10
WIDOW_PENALTY = 5000.0  # one word alone on the last line: only when nothing else fits
SLACK_WEIGHT = 1000.0  # the breaker's cost of a line left empty, as a share of the box, squared
LAST_SLACK = 0.5  # the last line's slack counts half: it may end short, the others stay even
SHORT_LAST_SLACK = 8000.0  # and its squared shortfall from LAST_MIN of the box
SIZE_PENALTY = 10.0  # each px given up below the largest size that fits
EXTRA_LINE_PENALTY = 30.0  # one line more than the fewest at the same size
LAST_MIN = 0.4  # a last line shorter than this share of the widest reads as an afterthought
SHORT_LAST_WEIGHT = 1500.0  # its squared shortfall from LAST_MIN, as shares of the widest
DIP_WEIGHT = 2000.0  # a line shorter than both its neighbours ("exercises builds")


def last_line_cost(fill: float) -> float:
    """What the breaker charges the last line for the share of the box it fills."""
    cost = LAST_SLACK * SLACK_WEIGHT * (1 - fill) ** 2
    if fill < LAST_MIN:
        cost += SHORT_LAST_SLACK * (LAST_MIN - fill) ** 2
    return cost


def line_widths(
    ends: Sequence[int], widths: Sequence[float], gaps: Sequence[float], scale: float
) -> list[float]:
    """Each line's width at the size `scale` gives (line i ends before part ends[i])."""
    found, start = [], 0
    for end in ends:
        used = sum(widths[start:end]) + sum(gaps[start : end - 1])
        found.append(used * scale)
        start = end
    return found


def rag(used: Sequence[float], width: float) -> float:
    """Squared shortfalls from the widest line, the last line's aside, as shares of the box;
    and a last line under LAST_MIN of the widest."""
    widest = max(used)
    cost = RAG_WEIGHT * sum(((widest - w) / width) ** 2 for w in used[:-1])
    for before, line, after in zip(used, used[1:-1], used[2:], strict=False):
        dip = min(before, after) - line
        if dip > 0:
            cost += DIP_WEIGHT * (dip / width) ** 2
    if len(used) > 1 and used[-1] < LAST_MIN * widest:
        cost += SHORT_LAST_WEIGHT * (LAST_MIN - used[-1] / widest) ** 2
    return cost


def break_penalties(
    ends: Sequence[int],
    ending: Sequence[float],
    starting: Sequence[float],
    widow: Sequence[bool],
) -> float:
    """What the chosen line ends and starts cost (weak words, a bound noun, a separator), and a
    lone last word (or a Japanese last line of three characters or fewer)."""
    cost = sum(ending[end - 1] for end in ends[:-1])
    cost += sum(starting[end] for end in ends[:-1])
    if len(ends) > 1 and widow[ends[-2]]:
        cost += WIDOW_PENALTY
    return cost


def option_score(
    ends: Sequence[int],
    used: Sequence[float],
    width: float,
    penalties: tuple[Sequence[float], Sequence[float], Sequence[bool]],
    px_given_up: int,
) -> float:
    """The rag, the break penalties and the size given up, in one cost: lower is better."""
    ending, starting, widow = penalties
    return (
        rag(used, width)
        + break_penalties(ends, ending, starting, widow)
        + SIZE_PENALTY * px_given_up
    )
