"""The sentence that tells one part of the story best (the symptom, the cause), wherever it is.

Every sentence and list item of the article is a candidate, and its score adds up what it is:
- where it stands: in a section named for the role (most, and its first sentence more), early
  in the article (a little), in a section named for another part (treatment, self-care, FAQ,
  call to action: less);
- what it says: the role's cue phrases from the language files ("symptoms include", "caused
  by", "원인은"), and for a symptom the words that name a complaint (pain, dolor, 통증);
- what it is about: the headline's words;
- which way it reads: "X is a common cause of Y" or "X leads to Y" tells a cause of the post's
  condition only when Y is the post's subject; otherwise it tells what the condition brings on;
- what it is not: a question, a line about the article itself, a list's bare lead-in, a
  fragment, a whole page of text.
The best candidate that clears the role's floor is the role's text; without one, None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.digest.candidates import Candidate, candidates, has_cue, inherited_roles
from pipeline.digest.direction import (
    Topic,
    announces_causes,
    complaint_words,
    denies_the_cause,
    names_the_subjects_cause,
    opens_with_the_cause,
    opens_with_the_symptoms,
    reads_backwards,
    reports_evidence,
    subject_stems,
    talks_of_the_cause,
    tells_a_consequence,
    tells_a_share,
    tells_an_unknown_cause,
    tells_how_common,
)
from pipeline.digest.sections import Section
from pipeline.digest.sentences import (
    ELLIPSIS,
    LEANS_BACK,
    META,
    MIN_CUT_WORDS,
    cut_clause,
    is_safe_cut,
    size,
    stem_set,
    word_count,
)
from pipeline.digest.vocabulary import term_pattern

__all__ = [
    "Candidate",
    "Topic",
    "best_sentence",
    "candidates",
    "complaint_words",
    "has_cue",
    "inherited_roles",
    "reads_backwards",
    "size",
    "subject_stems",
    "talks_of_the_cause",
    "tells_a_consequence",
    "without_clause",
]

# Section roles that tell another part of the story than the symptom and its cause.
ELSEWHERE = ("treatment", "selfcare", "professional", "faq", "cta", "references", "conclusion")
LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co)/|@\w{3,}\)")
SENTENCE_END = re.compile(r"[.!?。！？:;…][\"”’')」』]*\s*$")
LONG_WORDS = 45  # longer than a card holds well
CUT_PENALTY = 0.5  # a long sentence a safe clause cut brings within a card
FRAGMENT_WORDS = 3  # shorter than a sentence (a list item "Ciática" tells little alone)
# What each role needs at least: a section of its own, or its cue, or for a symptom some
# complaint words near the opening.
FLOOR = {"symptom": 1.0, "cause": 3.0}
SHORT_ITEM = 5  # an item this short is shown with the items after it
RUN_ITEMS = 3  # items shown after a short item or a lead-in
LIST_JOIN = "; "  # as story.LIST_JOIN
HOOK_SENTENCES = 3  # the opening sentences among which the hook is looked for
DEFINITION_PLACE = 0.3  # a definition of the condition stands in the article's first part
DEFINITION_WORDS = 6  # within which it names the subject and its verb
UNSURE_PENALTY = 3.0  # a hedged cause ("nobody is sure of the exact cause") below a plain one
PREVALENCE_PENALTY = 3.0  # a count of people ("13 million people experience") cancels a cue


def best_sentence(
    sections: list[Section], role: str, headline: str, taken: Iterable[str] = ()
) -> str | None:
    """The text that tells `role` best, or None when nothing clears the role's floor; texts
    in `taken` (another role's pick) are passed over. A short list item comes with the next
    items of its list ("Redness; Itching; Swelling")."""
    topic = Topic(stem_set(headline), subject_stems(headline), complaint_words(headline) > 0)
    found = candidates([told_the_right_way(s, topic) for s in sections])
    if any(c.role == role for c in found):  # the opening bonus is for posts without a section
        found = [replace(c, position=max(c.position, 0.01)) for c in found]
    elif role == "symptom":
        found = with_hook(found)
    if role == "symptom" and about_a_method(sections, headline, topic):
        found = [c for c in found if c.role not in ELSEWHERE and has_cue(role, c.text)]
    taken = set(taken)
    found = [share_clause(c) if c.text in taken and role == "cause" else c for c in found]
    found = after_announcements(found) if role == "cause" else found
    # a sentence that ends on a colon only opens what follows it ("... au pluriel car :")
    found = [c for c in found if c.run or not c.text.rstrip().endswith((":", "："))]
    scored = [(score(c, role, topic), c) for c in found if c.text not in taken]
    scored = [pair for pair in scored if clears_floor(pair[0], pair[1], role, topic)]
    if not scored:
        return None
    best = max(scored, key=lambda pair: pair[0])[1]
    return with_run(best)


def about_a_method(sections: list[Section], headline: str, topic: Topic) -> bool:
    """ "Dry Needling", "La thérapie manuelle", "Punción seca": a post whose headline names a
    method of care and no complaint, with no section about the symptoms or their cause, tells
    what the method is and does. The complaints it names are what the method is for ("It is
    used for headaches, neck pain, back pain..."), or what it brings ("la douleur diminue"),
    not the symptom of a condition: only a sentence that says it tells a symptom (a cue), in a
    section that is not about the care, is one."""
    if topic.condition or term_pattern("signals", "condition").search(headline):
        return False  # "Tendinitis Treatment": about a condition
    if not term_pattern("headings", "treatment").search(headline):
        return False
    return not any(role in ("symptom", "cause") for role in inherited_roles(sections))


def clears_floor(points: float, candidate: Candidate, role: str, topic: Topic) -> bool:
    """The candidate says enough of the role; a hedged cause is held to the floor without its
    penalty ("The exact cause is not fully understood, but it is more common in people with
    diabetes" is the cause when the post tells no plainer one)."""
    if role == "cause" and tells_an_unknown_cause(candidate.text):
        points += UNSURE_PENALTY
    return points >= FLOOR[role] and has_evidence(candidate, role, topic)


def with_hook(found: list[Candidate]) -> list[Candidate]:
    """ "Ein Hexenschuss kommt oft völlig unerwartet. Eine schnelle Drehung ... und plötzlich
    zieht ein stechender Schmerz durch den unteren Rücken": the article's first sentence, or the
    first sentence of its first paragraph, that names a complaint is its hook, the complaint
    the post is about."""
    opening = [c for i, c in enumerate(found[:HOOK_SENTENCES]) if i == 0 or c.first_paragraph]
    index = next((i for i, c in enumerate(opening) if can_hook(c.text)), None)
    if index is None:
        return found
    return [*found[:index], replace(found[index], hook=True), *found[index + 1 :]]


def can_hook(text: str) -> bool:
    """A sentence that names a complaint of its own, not one that points back at complaints
    told before ("These symptoms can make eating painful")."""
    refers_back = term_pattern("signals", "refers_back").search(text) is not None
    common = tells_how_common(text)  # "One person in ten suffers from it": how common it is
    kinds = sorts_into_kinds(text)  # "Back pain can be acute or chronic": what kinds there are
    return complaint_words(text) > 0 and not (
        refers_back or common or kinds or LEANS_BACK.match(text)
    )


def sorts_into_kinds(text: str) -> bool:
    """ "A dor nas costas pode ser aguda ou crônica": a sentence that tells what kinds of the
    condition there are (`kinds` in the language files), not how it feels."""
    return term_pattern("signals", "kinds").search(text) is not None


def after_announcements(found: list[Candidate]) -> list[Candidate]:
    """ "The causes of X are many. A family history of depression raises the risk...": a
    section's first sentence that only announces the causes hands its place to the next one."""
    result = list(found)
    for index, candidate in enumerate(found[:-1]):
        if candidate.first and announces_causes(candidate.text, bool(candidate.run)):
            result[index] = replace(candidate, first=False)
            after = found[index + 1]
            result[index + 1] = replace(after, first=after.first or after.role == candidate.role)
    return result


def told_the_right_way(section: Section, topic: Topic) -> Section:
    """A cause heading that reads backwards ("Why can dry eye cause tearing?": what the
    condition brings on) heads no cause section."""
    if section.role == "cause" and reads_backwards(section.heading or "", topic):
        return replace(section, role=None)
    return section


def share_clause(candidate: Candidate) -> Candidate:
    """The clause that tells the cause, of a sentence taken for the symptom: "Back and neck
    pain are common issues for people of all ages, often caused by poor posture..." gives
    "often caused by poor posture...". A sentence that opens with its cue stays whole."""
    text = candidate.text
    match = term_pattern("cues", "cause").search(text)
    cut = text.rfind(", ", 0, match.start()) if match else -1
    if cut < 0 or word_count(text[:cut]) < MIN_CUT_WORDS:
        return candidate
    return replace(candidate, text=text[cut + 2 :], first=False, run=())


def without_clause(symptom: str | None, cause: str | None) -> str | None:
    """The symptom's sentence without the clause the cause took from it, marked with "…",
    when that cut is safe (sentences.is_safe_cut); else the whole sentence."""
    if not symptom or not cause or symptom == cause or not symptom.endswith(cause):
        return symptom
    prefix, dropped = symptom[: -len(cause)].rstrip(" ,;"), symptom[-len(cause) - 2 :]
    return prefix + ELLIPSIS if is_safe_cut(prefix, dropped) else symptom


def has_evidence(candidate: Candidate, role: str, topic: Topic) -> bool:
    """A candidate says something of the role: it stands in the role's section, carries its
    cue (for the cause, read the right way round), or (for the symptom) names a complaint.
    Position alone is never enough."""
    text = candidate.text
    if candidate.role == role:
        return True
    if has_cue(role, text):
        return role != "cause" or not (
            reads_backwards(text, topic) or tells_a_consequence(text) or denies_the_cause(text)
        )
    return role == "symptom" and complaint_words(text) > 0 and not tells_relief(text)


def tells_relief(text: str) -> bool:
    return term_pattern("signals", "relief").search(text) is not None


def with_run(candidate: Candidate) -> str:
    """A short item with up to two of the items after it, or a lead-in ("Causes include:")
    with the first three items of its list, joined as the digest joins lists."""
    text, run = candidate.text, candidate.run
    if run and text.endswith(":"):
        listed = LIST_JOIN.join(item.rstrip(".;,") for item in run[:RUN_ITEMS])
        return f"{text} {listed}{ELLIPSIS if len(run) > RUN_ITEMS else ''}"
    if not run or size(text) > SHORT_ITEM:
        return text
    return LIST_JOIN.join(item.rstrip(".;,") for item in (text, *run[: RUN_ITEMS - 1]))


def score(candidate: Candidate, role: str, topic: Topic) -> float:
    text = candidate.text
    points = place_score(candidate, role) + shape_score(candidate)
    points += (1.5 if candidate.role == role else 3.0) * has_cue(role, text)
    points -= 1.5 * any(has_cue(other, text) for other in ("treatment", "cta"))
    points += 0.5 * min(3, len(topic.title & stem_set(text)))
    points -= 1.0 * candidate.later_item  # a list is told from its start
    if role == "cause":
        points += 1.5 * (term_pattern("signals", "weak_cause").search(text) is not None)
        points -= 4.5 * reads_backwards(text, topic)  # its cue and more go
        points -= 3.0 * talks_of_the_cause(text)
        points -= UNSURE_PENALTY * tells_an_unknown_cause(text)
        points -= 3.0 * tells_a_consequence(text)
        points -= 3.0 * denies_the_cause(text)
        points -= 1.5 * has_cue("symptom", text)  # "it can cause symptoms such as": an effect
        announced = announces_causes(text, bool(candidate.run))
        points -= 1.5 * announced
        points -= 2.0 * tells_a_share(text)
        points += 1.0 * (not announced and names_the_subjects_cause(text, topic))
        points += 1.5 * (not announced and opens_with_the_cause(text))
    if role == "symptom":
        points -= 1.0 * any(has_cue(other, text) for other in ("selfcare", "professional"))
        points += 0.75 * min(3, complaint_words(text))
        named = candidate.named and candidate.role == role
        points += 2.5 * (named and tells_a_complaint(candidate))
        points -= 1.0 * has_cue("cause", text)
        points -= 2.0 * (term_pattern("signals", "refers_back").search(text) is not None)
        points -= 2.5 * (term_pattern("signals", "relief").search(text) is not None)
        points += 2.0 * defines_the_condition(candidate, topic)
        points += 2.0 * opens_with_the_symptoms(text)
        points -= 1.5 * reports_evidence(text)  # "Research suggests that X is one of..."
        points -= PREVALENCE_PENALTY * tells_how_common(text)
        points -= 1.5 * sorts_into_kinds(text)
    return points


def place_score(candidate: Candidate, role: str) -> float:
    """Where the candidate stands: its section's role, and how early in the article."""
    points = 1.5 * (1.0 - candidate.position)
    if role == "symptom" and candidate.hook:
        points += 1.5  # the article's opening most often names the complaint
    if candidate.role == role:
        points += 3.0 + 2.0 * candidate.first * (
            role != "symptom" or complaint_words(candidate.text) > 0
        )
    elif candidate.role in ELSEWHERE:
        points -= 1.5
    return points


def shape_score(candidate: Candidate) -> float:
    """What a sentence that can stand for a part of the story does not look like."""
    text = candidate.text
    words = size(text)
    points = 0.0
    if text.rstrip().endswith("?") and not candidate.hook:
        points -= 2.5  # "What causes it?"; the hook may ask ("Do you ever get jaw pain?")
    if text.rstrip().endswith(":") and not candidate.run:
        points -= 2.0
    if not candidate.item and not SENTENCE_END.search(text):
        points -= 1.5  # a paragraph that is a label ("Causes of gum disease"), not a sentence
    if META.search(text):
        points -= 3.0
    if LINK.search(text):
        points -= 6.0  # an embedded post or a link line, not the article's prose
    if words < FRAGMENT_WORDS:
        points -= 1.5
    if words > LONG_WORDS:
        points -= 1.5 + (words > 2 * LONG_WORDS) if not fits_when_cut(text) else CUT_PENALTY
    return points


def fits_when_cut(text: str) -> bool:
    """A long sentence whose first clauses a card holds, cut safely ("A dor ciática pode
    decorrer de várias causas, sendo a hérnia discal a mais comum; além desta, ...")."""
    cut = cut_clause(text, LONG_WORDS)
    return cut is not None and size(cut) <= LONG_WORDS


def defines_the_condition(candidate: Candidate, topic: Topic) -> bool:
    """ "Chronic pelvic pain (CPP) is pain below the belly button...", "Se caracteriza por una
    sensación de preocupación y miedo...": a sentence near the start that says what the post's
    condition is, in complaint words. Its first words name the subject, then the verb
    (`defines` in the language files: "is", "es", "ist"...), or it opens with the verb, its
    subject left out as Spanish, Portuguese and Italian do ("Es una afección que..."). Outside
    the sections about the symptoms: within them, "Symptoms" outranks "The problem"."""
    text = candidate.text
    if candidate.item or candidate.position > DEFINITION_PLACE or candidate.role == "symptom":
        return False  # within the symptom sections, one named for them comes first
    if tells_how_common(text):
        return False  # "Migraines are less common, but 13 million people have them"
    head = " ".join(text.split()[:DEFINITION_WORDS])
    verb = term_pattern("signals", "defines").search(head)
    if not verb or (verb.start() > 0 and not topic.subject & stem_set(head[: verb.start()])):
        return False
    return complaint_words(text[verb.end() :]) > 0 or has_cue("symptom", text)


def tells_a_complaint(candidate: Candidate) -> bool:
    """A sentence with a complaint word or a symptom cue, or a lead-in whose list has one: in a
    section named for the symptoms, not every sentence names one ("La ansiedad no es solo
    estar nervioso")."""
    text = " ".join((candidate.text, *candidate.run))
    return complaint_words(text) > 0 or has_cue("symptom", text)
