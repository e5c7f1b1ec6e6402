"""Which way a sentence about causes reads, and what it only talks about.

"X is a common cause of Y" or "X leads to Y" tells a cause of the post's condition only when Y
is the post's subject; otherwise it tells what the condition brings on (an effect). A sentence
that says "we look for the root cause" names the cause without telling it; one that opens with
"That's why" tells what follows from the sentence before; one that says "the causes of X are
many" announces the causes and names none. The words are the language files' `[signals]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.digest.sentences import ASIDE, stem_set
from pipeline.digest.vocabulary import term_pattern

__all__ = [
    "Topic",
    "complaint_words",
    "names_an_effect",
    "reads_backwards",
    "subject_stems",
    "talks_of_the_cause",
    "tells_a_consequence",
]

EFFECT_WORDS = 8  # the words after "causes of" or "leads to" that name what is caused


@dataclass(frozen=True)
class Topic:
    title: frozenset[str]  # the headline's stems
    subject: frozenset[str]  # its stems that are not complaint words (subject_stems)
    condition: bool  # the headline names a complaint ("Back pain"), not only a cause or a method


def subject_stems(headline: str) -> frozenset[str]:
    """What the post is about: the stems of the headline's words that are not complaint words
    ("heel" of "Heel pain", "tmj" and "jaw" of "Jaw pain? ... your TMJ symptoms")."""
    complaint = term_pattern("signals", "complaint")
    return stem_set(" ".join(w for w in re.findall(r"\w+", headline) if not complaint.match(w)))


def reads_backwards(text: str, topic: Topic) -> bool:
    """A sentence whose only cause phrases name what something brings about, where that is not
    the post's subject: "It is one of the most common causes of lower leg pain" (the subject is
    not named), "sciatica ..., causing pain that radiates" (the subject brings on a complaint),
    "back pain is the main cause of time off work" (a post about a complaint). It tells an
    effect, not the cause. "High heels cause the tendons to tighten" in a post about high heels
    reads right: the subject is the cause."""
    forward = [m.span() for m in term_pattern("signals", "cause_of").finditer(text)]
    if not forward or not topic.subject:
        return False
    cues = [m.span() for m in term_pattern("cues", "cause").finditer(text)]
    if any(all(end <= start or begin >= stop for start, stop in forward) for begin, end in cues):
        return False  # a plain cue besides ("caused by", "due to")
    return all(names_an_effect(text, start, stop, topic) for start, stop in forward)


def talks_of_the_cause(text: str) -> bool:
    """ "We look for the root cause", "whatever the cause": the cause named, never told. "The
    root cause of her knee pain was muscle imbalance" tells it, and is not matched."""
    return term_pattern("signals", "cause_talk").search(text) is not None


def tells_a_consequence(text: str) -> bool:
    """ "That's why...", "그렇기 때문에...", "そのため...": a sentence that tells what follows from
    the one before it; its "because" names the sentence before, not a cause."""
    return term_pattern("signals", "consequence").match(text.lstrip("“\"'‘([ ")) is not None


def names_an_effect(text: str, start: int, stop: int, topic: Topic) -> bool:
    after = " ".join(text[stop:].split()[:EFFECT_WORDS])
    if topic.subject & stem_set(after):
        return False  # "... is a common cause of heel pain"
    named_before = topic.subject & stem_set(text[:start])
    return not named_before or topic.condition or complaint_words(after) > 0


@lru_cache(maxsize=8192)
def complaint_words(text: str) -> int:
    """Words that name a complaint ("pain", "dolor", "통증"); "symptoms" or "signs" themselves
    name none ("Recognizing the symptoms is crucial")."""
    generic = term_pattern("signals", "symptom_heading")
    found = term_pattern("signals", "complaint").finditer(text)
    return sum(not generic.match(match.group()) for match in found)


# A share of people ("17% of adults", "16.6 %"): a sentence that tells how common, not why.
STATISTIC = re.compile(r"\d(?:[.,]\d+)?\s?[%％]")
ANNOUNCE_WORDS = 12  # an announcement is short: a longer sentence goes on to name the causes


def announces_causes(text: str, listed: bool) -> bool:
    """ "The causes of dysthymia are many.", "원인은 다양합니다.": a short sentence that says
    there are many causes and names none; the sentence after it does. One that a list follows
    (`listed`) or that goes on "such as ..." introduces the causes it names."""
    return (
        not listed
        and len(text.split()) <= ANNOUNCE_WORDS
        and term_pattern("signals", "many_causes").search(text) is not None
        and term_pattern("points", "list_intro").search(text) is None
    )


def tells_a_share(text: str) -> float:
    """ "In Canada, 17% of adults smoke and 16.6% die due to smoking-related causes.": a
    statistic, which tells how common a thing is, not what causes it (1.0). A share in
    brackets is an aside of a sentence that may still tell the cause ("most back pain (about
    85%) comes from poor posture and weak muscles"): 0.5. None: 0.0."""
    if STATISTIC.search(ASIDE.sub("", text)):
        return 1.0
    return 0.5 if STATISTIC.search(text) else 0.0
