"""Treatment points: what the article says is done about the problem, in its own words.

In order of preference: the treatment sections (one point per subsection, labelled paragraph,
list item or sentence), sections that each name a method or a numbered step (both in
`points_sections`), a list introduced as tips, and for a post without structure, its most
central sentences.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from pipeline.digest.care_prose import advises, care_paragraph_points, named_sections, names_care
from pipeline.digest.point_blocks import (
    WRAP_UP,
    body_blocks,
    content_blocks,
    lead_label,
    make_point,
    name_pairs,
    next_items,
    quote_sentences,
    sentence_point,
    speaks_of_care,
    vouches,
)
from pipeline.digest.points_prose import (
    methods_told_elsewhere,
    names_conditions,
    split_prose_list,
)
from pipeline.digest.points_sections import points_from_sections
from pipeline.digest.sections import Section
from pipeline.digest.sentences import rank_central, shorten, split_sentences
from pipeline.digest.vocabulary import find_role_term
from pipeline.models import Point

MIN_TIPS_POST = 2  # self-care tips that make a post without treatment points a tips post
MAX_LISTED_POINTS = 12  # points the article itself lists; compose warns about any it leaves off
CAUSE_WORDS = re.compile(
    r"\b(due to|caused by|is caused|are caused|results? from|as a result of|because of|stems from"
    r"|root cause|brought on by|triggered by|(often |usually |commonly )?(occurs|happens|develops)"
    r" (in|when|after)|se debe a|causad[oa]s? por|debido a)\b|때문|원인은|원인이",
    re.I,
)
TIPS_INTRO = re.compile(
    r"\b(tips?|ways|steps|advice|treatments?|exercises?|you can|can help|may help|options"
    r"|recommend\w*"
    r"|consejos|ejercicios|puede ayudar)\b|방법|도움|운동",
    re.I,
)
# A conversational filler at the front of a sentence: "Well firstly, ...", "So, ...".
FILLER = re.compile(r"^(Well|So|Now|Okay|OK)\b,?\s+((first(ly)?|second(ly)?|then),?\s+)?", re.I)
# A point that opens with a conversational filler or leans on text it does not show.
WEAK_OPENER = re.compile(
    r"(Well|So|Now|Okay|OK)\b[\s,]|(This|These|That|It)\s+(may|might|can|could|will|would)?\s*"
    r"(also\s+)?(includes?|involves?|means?)\b",
    re.I,
)


def find_points(sections: list[Section], prevention: Sequence[Point] = ()) -> list[Point]:
    """Treatment points from treatment sections, method sections or numbered steps; else a
    tips list or a list of labelled items; else, unless the post is a list of self-care tips,
    the central sentences of the body. A self-care tip (`prevention`) is never also one."""
    tips = {p.text for p in prevention}
    points = listed_points(sections, tips)
    ranked = [p for p in points_from_ranking(sections) if p.text not in tips]
    if points or len(prevention) >= MIN_TIPS_POST:  # a tips post tells care only in a paragraph
        points = points or care_paragraph_points(sections, tips)
        told = " ".join(tips)
        ranked = [p for p in ranked if p.text not in told and tells_care(p.text)]
    return points or drop_weak_openers(ranked)


def tells_care(text: str) -> bool:
    """A sentence of care beside a post's tips: it names a method, advises nothing (the tips
    hold that) and is one sentence a card can hold: not a heading's few words ("수술 후 1~3일"),
    not a run-on list, nor the line that opens the tips."""
    from pipeline.digest.selfcare import ADVICE_WORDS, size, tells_what_to_do  # builds on points

    low, high = ADVICE_WORDS
    orders = advises(text) or tells_what_to_do(text)
    opens_list = text.rstrip().endswith((":", "："))  # "...that you can try at home:"
    return speaks_of_care(text) and not (orders or opens_list) and low <= size(text) <= high


def listed_points(sections: list[Section], tips: AbstractSet[str] = frozenset()) -> list[Point]:
    """The treatment points the article's structure gives (sections, steps, lists), if any."""
    for finder in (points_from_sections, points_from_tips, points_from_labelled_lists):
        points = [p for p in finder(sections) if p.text not in tips]
        if points:
            points += methods_told_elsewhere(outside_care(sections), points)
            return drop_weak_openers(once_each(points))[:MAX_LISTED_POINTS]
    return []


def outside_care(sections: list[Section]) -> list[str]:
    """The sentences of the sections that are not about treatment or self-care."""
    others = [s for s in sections if s.role not in ("treatment", "selfcare")]
    return quote_sentences(body_blocks(others))


def once_each(points: list[Point]) -> list[Point]:
    """The points without a repeat ("yoga" listed in two sentences): same label and text."""
    seen: set[str] = set()
    kept: list[Point] = []
    for point in points:
        key = f"{point.label or ''}\n{point.text}".casefold()
        if key not in seen:
            seen.add(key)
            kept.append(point)
    return kept


def drop_weak_openers(points: list[Point]) -> list[Point]:
    """Points fit for a slide: a conversational filler ("Well firstly, ...") is trimmed off the
    front; an unlabelled point that points elsewhere ("This may include...") or says the treatment
    depends on the cause ("Treatment of heel pain depends entirely on the cause") is dropped (a
    labelled one keeps it: its label, the slide's kicker, says what "this" is). Kept when no
    other point is left. A line that points to another page or a video ("Read more about...",
    "Vidéo "Mal au dos":") never is, nor is a point labelled so."""
    trimmed = [
        trim_filler(p) for p in points if not (is_link_line(p.text) or is_link_line(p.label or ""))
    ]
    strong = [p for p in trimmed if p.label or not leads_up(p.text)]
    return strong or trimmed


def leads_up(text: str) -> bool:
    """An unlabelled point that only leads up to the treatment: it points elsewhere ("This may
    include...") or says the treatment depends on the cause ([points] `depends`)."""
    return WEAK_OPENER.match(text.strip()) is not None or (
        len(split_sentences(text)) == 1 and find_role_term("points", "depends", text) is not None
    )


def is_link_line(text: str) -> bool:
    """A line that points to another page ("Read more about ...", "Saiba mais")."""
    match = find_role_term("points", "link_lines", text)
    return match is not None and match.start() == 0


def trim_filler(point: Point) -> Point:
    """The point without an opening filler phrase, when enough of the sentence is left."""
    rest = FILLER.sub("", point.text, count=1)
    if rest == point.text or len(rest.split()) < 4:
        return point
    return Point(point.label, rest, shorten(rest))


def points_from_tips(sections: list[Section]) -> list[Point]:
    """A list introduced as tips or treatment ("here are some top tips:")."""
    for section in sections:
        blocks = content_blocks(section)
        for start, (intro, after) in enumerate(itertools.pairwise(blocks), start=1):
            if intro.kind == "paragraph" and after.kind == "item" and is_tips_intro(intro.text):
                return [make_point(b) for b in next_items(blocks[start:])]
    return []


def points_from_labelled_lists(sections: list[Section]) -> list[Point]:
    """A list whose items each start with a label ("**Stay active** – ..."), or that gives
    names each followed by its description (a definition list), outside the symptom and cause
    sections, unless its intro names conditions or causes ("conditions that can cause
    headaches:")."""
    for section in sections:
        if section.role in ("symptom", "cause"):
            continue
        blocks = content_blocks(section)
        for start in range(len(blocks)):
            run = next_items(blocks[start:])
            intro = blocks[start - 1].text if start else ""
            if names_conditions(intro):
                continue
            if len(run) >= 2 and all(lead_label(b) for b in run):
                return [make_point(b) for b in run]
            if pairs := name_pairs(run):
                return pairs
    return []


def is_tips_intro(text: str) -> bool:
    sentences = split_sentences(text)
    last = sentences[-1] if sentences else ""
    if not last.endswith((":", "：")) or CAUSE_WORDS.search(last) or links_to_pages(last):
        return False
    return bool(TIPS_INTRO.search(last)) or names_care(last)


def links_to_pages(line: str) -> bool:
    """A line that opens a list of links to other pages or videos ("to watch some easy to
    follow videos ... click on the following:"): its items name pages, not tips."""
    return find_role_term("points", "link_lines", line) is not None


def points_from_ranking(sections: list[Section]) -> list[Point]:
    """No structure at all: the most central sentences of the body that speak of care, in
    article order; when none does, those of its named sections (a "Benefits" list). Prose
    under no heading that speaks of no care is a description, never drawn as treatment; a
    line of links to other pages is never drawn."""
    blocks = [b for b in body_blocks(sections) if not is_link_line(b.text)]  # "Read more: ..."
    sentences = [s for s in quote_sentences(blocks) if not WRAP_UP.match(s)]
    body = sentences[len(sentences) // 4 :] if len(sentences) > 8 else sentences
    chosen = [s for s in body if speaks_of_care(s) and not s.endswith("?") and not vouches(s)]
    if not chosen:
        named = set(quote_sentences(body_blocks(named_sections(sections))))
        chosen = [s for s in body if s in named]
    top = set(rank_central(chosen)[:5])
    return [p for s in body if s in top for p in split_prose_list(s) or [sentence_point(s)]]
