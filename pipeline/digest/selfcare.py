"""Self-care and prevention tips: what the reader can do, in the article's own words.

In order: the points of the self-care and prevention sections; lists anywhere else that a line
introduces as tips or things to do at home ("If you are going to wear heels, here are some top
tips:"); and for a post that has neither, the sentences that advise the reader ("Make sure
you take regular breaks", "Es importante no quedarse quieto", "定期的な検診が大切です").
The words that tell them are the language files' ([points] tips_intro and advice).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.digest.care_prose import introduced_sections
from pipeline.digest.point_blocks import (
    content_blocks,
    make_point,
    next_items,
    reports_evidence,
    sentence_point,
    strip_lead,
)
from pipeline.digest.points import (
    CAUSE_WORDS,
    MAX_LISTED_POINTS,
    drop_weak_openers,
    links_to_pages,
    listed_points,
    once_each,
)
from pipeline.digest.points_sections import points_from_sections
from pipeline.digest.points_topics import parent_index
from pipeline.digest.sections import Section
from pipeline.digest.sentences import IDEOGRAPHS, split_sentences, word_count
from pipeline.digest.vocabulary import find_role_term, is_cue, term_pattern
from pipeline.models import Block, Point

FULL_STOP = re.compile(r"(?<=[。！？])")
SHORT_INTRO = 6  # "Here are some effective strategies:" leans on the sentence before
MAX_ADVICE = 6  # advice sentences taken from prose: two slides at most, not the whole article
ADVICE_WORDS = (6, 40)  # an advice sentence long enough to stand alone, short enough for a card
NOT_ADVICE = ("treatment", "faq", "cta", "references", "case", "professional")
OPENING_WORDS = 8  # "To prevent tooth sensitivity, use...": the clause before the order
NOT_TIPS = ("symptom", "cause", "professional", "selfcare")  # lists that are no reader's tips
CLAUSE = re.compile(r"[,;]\s+")  # where one order of a sentence of orders ends
MIN_ORDERS = 3  # orders that make a sentence a list of tips told in a row
ADVISED_SECTIONS = 2  # plain sections of advice that make a post one of self-care sections
ORDER_WORDS = 3  # an order with what it is about ("evite tocarse los ojos"), not a verb ("sleep")


def find_prevention(sections: list[Section]) -> list[Point]:
    """The article's self-care tips, each once, in article order of their kind."""
    tips = points_from_sections(advised_sections(sections), "selfcare") + introduced_tips(sections)
    tips += introduced_sections(sections)  # "...that you can incorporate:" over "### Ice"
    tips = [t for t in tips if not tells_a_cause(t)] or advice_sentences(sections)
    return drop_weak_openers(once_each(tips))[:MAX_LISTED_POINTS]


def advised_sections(sections: list[Section]) -> list[Section]:
    """The sections, those of a post told as advice under plain headings ("## Altura correcta"
    over "Los pies deben apoyarse... Si no llegan, usa un reposapiés", "### Iluminación" over
    "Evita reflejos...") read as self-care: a titled section with no role whose sentences
    mostly tell the reader what to do, when the post has ADVISED_SECTIONS such sections; not
    one under a heading about the problem ("### Ice" under "## Risk factors"): it is its part."""
    advised = [
        section
        for index, section in enumerate(sections)
        if section.role is None
        and section.title
        and not under_the_problem(sections, index)
        and advises_reader(section)
    ]
    if len(advised) < ADVISED_SECTIONS:
        return sections
    return [replace(s, role="selfcare") if s in advised else s for s in sections]


def under_the_problem(sections: list[Section], index: int) -> bool:
    """A subsection of a section about the symptoms or the causes."""
    parent = parent_index(sections, index)
    return parent is not None and sections[parent].role in ("symptom", "cause")


def advises_reader(section: Section) -> bool:
    """Half the section's sentences or more tell the reader what to do."""
    sentences = [s for b in content_blocks(section) for s in sentences_of(strip_lead(b))]
    orders = [s for s in sentences if is_advice(s) or tells_what_to_do(s)]
    return bool(orders) and 2 * len(orders) >= len(sentences)


def tells_a_cause(tip: Point) -> bool:
    """An unlabelled sentence that tells what causes the problem ("Poor posture, such as
    slouching, can lead to muscle imbalances") and advises nothing: no tip, even under a
    "Lifestyle factors" heading."""
    text = tip.text
    causes = CAUSE_WORDS.search(text) or term_pattern("signals", "cause_of").search(text)
    return (
        tip.label is None
        and causes is not None
        and find_role_term("points", "advice", text) is None
    )


def introduced_tips(sections: list[Section]) -> list[Point]:
    """The items of each list outside the self-care sections that a line introduces as tips
    or things the reader can do ("...several self-care practices can help. Here are some:")."""
    tips: list[Point] = []
    for section in sections:
        if section.role in NOT_TIPS:
            continue
        blocks = content_blocks(section)
        for index, block in enumerate(blocks[:-1]):
            run = next_items(blocks[index + 1 :])
            if block.kind == "paragraph" and len(run) >= 2 and introduces_tips(block):
                tips += [make_point(b) for b in run]
    return tips


def introduces_tips(block: Block) -> bool:
    """A paragraph whose last sentence announces tips, not causes ("here are some top tips:",
    "en casa puedes:"), or a short "Here are some:" after a sentence that names them."""
    sentences = split_sentences(block.text)
    last = sentences[-1] if sentences else ""
    named = sentences[-2:] if word_count(last) <= SHORT_INTRO else [last]
    return (
        last.endswith((":", "："))
        and find_role_term("points", "tips_intro", " ".join(named)) is not None
        and not CAUSE_WORDS.search(last)
        and not links_to_pages(last)  # "...click on the following:": a list of links
    )


def advice_sentences(sections: list[Section]) -> list[Point]:
    """Sentences that advise the reader, outside the treatment, FAQ and case sections and the
    treatment points ("### 1. Protect" in a list of steps stays a step; "Avoid: Évitez..." is
    the point "Évitez..." with its label)."""
    steps = [p.text for p in listed_points(sections)]
    found: list[list[str]] = []
    for section in sections:
        if section.role in NOT_ADVICE:
            continue
        for block in content_blocks(section):
            found += [
                tips
                for s in sentences_of(block.text)
                if (tips := advice_pieces(s)) and not any(s in step or step in s for step in steps)
            ]
    return [sentence_point(tip) for tips in found[:MAX_ADVICE] for tip in tips]


def advice_pieces(sentence: str) -> list[str]:
    """The tips a sentence gives: itself when it advises, or one per order when it gives
    several in a row ("es importante que se lave las manos..., evite tocarse los ojos, limpie
    la secreción..."), a phrase that goes on about an order kept with it ("..., no comparta
    las fundas de almohadas, sábanas y toallas"); none when it advises nothing."""
    return order_clauses(sentence) or ([sentence] if is_advice(sentence) else [])


def order_clauses(sentence: str) -> list[str]:
    """The clauses of a sentence that gives three orders or more, each with what goes on
    about it; the opening clause too when it advises ("Para evitar el contagio es importante
    que ... se lave las manos"). Empty when the sentence gives fewer, or only lists verbs
    ("learn the right postures to sit, sleep, walk or run")."""
    head, *rest = CLAUSE.split(sentence.rstrip(" .。"))
    clauses: list[str] = []
    for piece in rest:
        if tells_what_to_do(piece) or not clauses:
            clauses.append(piece)
        else:
            clauses[-1] += ", " + piece  # "sábanas y toallas": the order's own list goes on
    orders = [c for c in clauses if tells_what_to_do(c) and size(c) >= ORDER_WORDS]
    opens = is_advice(head) or tells_what_to_do(head)
    if len(orders) < MIN_ORDERS - 1 or not opens or size(head) < ADVICE_WORDS[0]:
        return []
    return [head, *orders]


def sentences_of(text: str) -> list[str]:
    """The text's sentences; Japanese ones end at "。" with no space after it."""
    return [
        piece.strip()
        for sentence in split_sentences(text)
        for piece in FULL_STOP.split(sentence)
        if piece.strip()
    ]


def is_advice(sentence: str) -> bool:
    low, high = ADVICE_WORDS
    return (
        not sentence.endswith(("?", "？", ":"))
        and low <= size(sentence) <= high
        and (find_role_term("points", "advice", sentence) is not None or tells_what_to_do(sentence))
        and find_role_term("points", "not_advice", sentence) is None  # "important to note"
        and not is_cue("professional", sentence)  # "see your doctor": not self-care
        and not reports_evidence(sentence)  # "Studies show that walking helps": a finding
    )


def tells_what_to_do(sentence: str) -> bool:
    """A sentence that opens by telling the reader what to do ("Switch to a toothpaste...",
    "Evite tocarse los ojos", "Trinken Sie..."), or does so after a short opening clause ("To
    prevent sensitivity, use..."), and is no call to book."""
    order = term_pattern("points", "imperative")
    text = sentence.lstrip(' -–•*"“„«')
    comma = text.find(", ")
    after = text[comma + 2 :] if comma > 0 and word_count(text[:comma]) <= OPENING_WORDS else ""
    return bool(order.match(text) or (after and order.match(after))) and not is_cue("cta", text)


def size(text: str) -> int:
    """Words, a run of Japanese or Chinese characters counted two characters a word."""
    return word_count(text) + len(IDEOGRAPHS.findall(text)) // 2
