"""Self-care told in prose: a self-care section whose paragraphs advise the reader more than
once ("座りっぱなしの時などは、…ようにしてください。", "Try to take a break every hour.") gives
one tip per advising sentence, not its whole first paragraph; a subsection's title that names
the tip ("長時間、同じ姿勢を続けないこと") stays over the first sentence. A question that asks what
the reader may do ("Puis-je mettre du chaud ?") is answered with tips too."""

from __future__ import annotations

from pipeline.digest.point_blocks import content_blocks, sentence_point, speaks_of_care
from pipeline.digest.sections import Section
from pipeline.digest.sentences import shorten, split_sentences
from pipeline.digest.vocabulary import find_role_term, is_cue
from pipeline.models import Point

MIN_ADVICE = 2  # advising sentences that make a section of prose a list of tips


def advice_points(section: Section, titled: bool) -> list[Point]:
    """One tip per advising sentence of the section's paragraphs, when it has two or more;
    with `titled`, the title over the first sentence comes first."""
    from pipeline.digest.selfcare import advice_pieces, sentences_of  # builds on points

    blocks = content_blocks(section)
    if any(b.kind == "item" for b in blocks):
        return []
    sentences = [s for b in blocks if b.kind == "paragraph" for s in sentences_of(b.text)]
    advice = [tip for s in sentences for tip in advice_pieces(s)]
    if len(advice) < MIN_ADVICE:
        return []
    head = [Point(section.title, sentences[0], shorten(sentences[0]))] if titled else []
    return head + [sentence_point(s) for s in advice if not (titled and s == sentences[0])]


def asked_tips(sections: list[Section]) -> list[Point]:
    """The care sentences of answers to questions that ask what the reader may do ("Puis-je
    mettre du chaud ou du froid ?", "Can I keep running?"): self-care told in a FAQ. Seeing a
    doctor is not self-care."""
    tips: list[Point] = []
    for section in sections:
        title = section.title
        if not title.endswith(("?", "？")) or not find_role_term("points", "reader_asks", title):
            continue
        prose = [b.text for b in content_blocks(section) if b.kind == "paragraph"]
        tips += [
            sentence_point(s) for text in prose[:1] for s in split_sentences(text) if tells_care(s)
        ]
    return tips


def tells_care(sentence: str) -> bool:
    return (
        speaks_of_care(sentence)
        and not sentence.endswith(("?", "？"))
        and not is_cue("professional", sentence)
    )
