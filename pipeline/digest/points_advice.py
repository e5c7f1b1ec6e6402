"""Self-care told in prose: a self-care section whose paragraphs advise the reader more than
once ("座りっぱなしの時などは、…ようにしてください。", "Try to take a break every hour.") gives
one tip per advising sentence, not its whole first paragraph; a subsection's title that names
the tip ("長時間、同じ姿勢を続けないこと") stays over the first sentence."""

from __future__ import annotations

from pipeline.digest.point_blocks import content_blocks, sentence_point
from pipeline.digest.sections import Section
from pipeline.digest.sentences import shorten
from pipeline.models import Point

MIN_ADVICE = 2  # advising sentences that make a section of prose a list of tips


def advice_points(section: Section, titled: bool) -> list[Point]:
    """One tip per advising sentence of the section's paragraphs, when it has two or more;
    with `titled`, the title over the first sentence comes first."""
    from pipeline.digest.selfcare import is_advice, sentences_of  # selfcare builds on points

    blocks = content_blocks(section)
    if any(b.kind == "item" for b in blocks):
        return []
    sentences = [s for b in blocks if b.kind == "paragraph" for s in sentences_of(b.text)]
    advice = [s for s in sentences if is_advice(s)]
    if len(advice) < MIN_ADVICE:
        return []
    head = [Point(section.title, sentences[0], shorten(sentences[0]))] if titled else []
    return head + [sentence_point(s) for s in advice if not (titled and s == sentences[0])]
