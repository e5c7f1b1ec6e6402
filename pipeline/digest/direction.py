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

from pipeline.digest.sentences import ASIDE, size, stem_set
from pipeline.digest.vocabulary import term_pattern

__all__ = [
    "Topic",
    "complaint_words",
    "denies_the_cause",
    "names_an_effect",
    "opens_with_the_cause",
    "opens_with_the_symptoms",
    "reads_backwards",
    "reports_evidence",
    "subject_stems",
    "talks_of_the_cause",
    "tells_a_consequence",
    "tells_an_unknown_cause",
    "tells_how_common",
]

EFFECT_WORDS = 8  # the words after "causes of" or "leads to" that name what is caused
# Where a Korean or Japanese sentence's topic ends ("녹내장은 ", "喫煙は"), or a clause: what a
# phrase placed after its effect causes comes after that.
# Not the "-는" of a verb ("지속되는 통증", "발생하는", "있는", "나타나는"), which is no topic.
TOPIC_END = re.compile(
    r"[가-힣](?<![되하있없나])(?:은|는) |[가-힣](?:이|가|도) "
    r"|(?<=[\u3040-\u9fff])[はがも](?=[\u3040-\u9fff])|[,、，]\s*"
)
IDEOGRAMS = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff]+")  # katakana and kanji runs


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
    phrases = effect_phrases(text)
    if not phrases or not topic.subject:
        return False
    cues = [m.span() for m in term_pattern("cues", "cause").finditer(text)]
    spans = [span for span, _, _ in phrases]
    if any(all(end <= start or begin >= stop for start, stop in spans) for begin, end in cues):
        return False  # a plain cue besides ("caused by", "due to")
    return all(names_an_effect(effect, before, topic) for _, before, effect in phrases)


def names_the_subjects_cause(text: str, topic: Topic) -> bool:
    """ "Flat feet are a common cause of heel pain", "歯周病の直接的原因は...": a phrase whose
    effect is the post's subject. It tells the cause outright."""
    return bool(topic.subject) and any(
        names_the_subject(effect, topic) for _, _, effect in effect_phrases(text)
    )


@lru_cache(maxsize=8192)  # each sentence is read for both roles and several rules
def effect_phrases(text: str) -> tuple[tuple[tuple[int, int], str, str], ...]:
    """Each phrase that names an effect ("causes of", "leads to", "의 원인"): where it is, the
    text before its effect, and the effect."""
    phrases = [
        (m.span(), text[: m.start()], effect_after(text, m.end())) for m in find("cause_of", text)
    ]
    for match in find("effect_first", text):  # "녹내장은 시력 상실의 원인": the effect comes first
        effect = effect_before(text[: match.start()])
        phrases.append((match.span(), text[: match.start() - len(effect)], effect))
    return tuple(phrases)


def find(signal: str, text: str) -> list[re.Match[str]]:
    return list(term_pattern("signals", signal).finditer(text))


def effect_after(text: str, stop: int) -> str:
    """The words after "causes of" or "leads to": what is caused."""
    return " ".join(text[stop:].split()[:EFFECT_WORDS])


def effect_before(before: str) -> str:
    """What is caused, where it comes before the phrase (Korean, Japanese): "시력 상실" of
    "녹내장은 시력 상실의 원인", "歯周病" of "喫煙は歯周病の原因": the words after the sentence's
    topic ("녹내장은", "喫煙は") or the last comma."""
    cut = max((m.end() for m in TOPIC_END.finditer(before)), default=0)
    return before[cut:]


def talks_of_the_cause(text: str) -> bool:
    """ "We look for the root cause", "whatever the cause": the cause named, never told. "The
    root cause of her knee pain was muscle imbalance" tells it, and is not matched."""
    return term_pattern("signals", "cause_talk").search(text) is not None


@lru_cache(maxsize=8192)
def tells_an_unknown_cause(text: str) -> bool:
    """ "Nobody is sure of the exact cause of a migraine, but...", "The exact cause is not
    fully understood, but it is more common in people with diabetes": a hedged cause
    (`unknown_cause` in the language files). It ranks below a plain cause, yet may be all the
    post says of its cause."""
    return term_pattern("signals", "unknown_cause").search(text) is not None


DENIAL_WORDS = 3  # a negation this close before a cue denies it ("is not caused by")
CLAUSE_BREAK = re.compile(r"[,;:(—–]")


@lru_cache(maxsize=8192)
def denies_the_cause(text: str) -> bool:
    """ "Most back pain is not related to serious conditions", "não está relacionada a...":
    every cause cue of the sentence comes just after a negation (`negation` in the language
    files, within its clause's three words before the cue), and no "but" corrects it. It tells
    what is not the cause."""
    if term_pattern("signals", "negation").search(text) is None:
        return False  # most sentences: no negation, nothing denied
    cues = list(term_pattern("cues", "cause").finditer(text))
    return bool(cues) and all(
        is_denied(text[: cue.start()]) and not corrected(text[cue.end() :]) for cue in cues
    )


def corrected(after: str) -> bool:
    """ "...non è causato da un singolo infortunio, ma da stress ripetitivi": a contrast word
    after the denied cue (`contrast` in the language files) tells the cause it corrects to."""
    return term_pattern("signals", "contrast").search(after) is not None


def is_denied(before: str) -> bool:
    clause = CLAUSE_BREAK.split(before)[-1]
    near = " ".join(clause.split()[-DENIAL_WORDS:])
    return term_pattern("signals", "negation").search(near) is not None


def tells_a_consequence(text: str) -> bool:
    """ "That's why...", "그렇기 때문에...", "そのため...": a sentence that tells what follows from
    the one before it; its "because" names the sentence before, not a cause."""
    return term_pattern("signals", "consequence").match(text.lstrip("“\"'‘([ ")) is not None


def names_an_effect(effect: str, before: str, topic: Topic) -> bool:
    """The phrase names an effect, not a cause of the post's subject: what is caused is not
    the subject, and either the subject is not named before it ("It is a common cause of lower
    leg pain") or the post is about a complaint, or what is caused is one ("sciatica ...,
    causing pain")."""
    if names_the_subject(effect, topic):
        return False  # "... is a common cause of heel pain"
    return not names_the_subject(before, topic) or topic.condition or complaint_words(effect) > 0


def names_the_subject(text: str, topic: Topic) -> bool:
    """The text shares a stem with the post's subject, or, in a language written without
    spaces (Japanese), two kanji or katakana in a row ("歯周" of "歯周病")."""
    return bool(topic.subject & stem_set(text)) or bool(
        ideogram_pairs("".join(topic.subject)) & ideogram_pairs(text)
    )


@lru_cache(maxsize=4096)
def ideogram_pairs(text: str) -> frozenset[str]:
    runs = IDEOGRAMS.findall(text)
    return frozenset(run[i : i + 2] for run in runs for i in range(len(run) - 1))


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


def tells_how_common(text: str) -> bool:
    """ "13 million people experience chronic migraines", "Une personne sur dix souffre de
    troubles anxieux", "20% of adults": a count or share of people (`prevalence` in the
    language files, or a percentage), which tells how common a complaint is, not how it feels."""
    return bool(STATISTIC.search(text)) or bool(term_pattern("signals", "prevalence").search(text))


TOPIC_WORDS = 4  # the words before "the cause" in a sentence whose topic it is


@lru_cache(maxsize=8192)
def opens_with_the_symptoms(text: str) -> bool:
    """ "Os sintomas da ciática incluem dor lombar...", "症状は...": a sentence whose topic is
    the symptoms (`symptom_topic`, within its first words) names them outright."""
    match = term_pattern("signals", "symptom_topic").search(text)
    return match is not None and size(text[: match.start()]) <= TOPIC_WORDS


@lru_cache(maxsize=8192)
def opens_with_the_cause(text: str) -> bool:
    """ "Die Ursache sind funktionelle Störungen wie...", "歯周病の原因は、...", "The main cause of
    X is...": a sentence whose topic is the cause (`cause_topic` in the language files, within
    its first words) names it outright, as a summary of many causes does."""
    match = term_pattern("signals", "cause_topic").search(text)
    return match is not None and size(text[: match.start()]) <= TOPIC_WORDS


@lru_cache(maxsize=8192)
def reports_evidence(text: str) -> bool:
    """ "Research suggests...", "Una meta-analisi ha mostrato...": what a study found, a
    statistic about the condition, not the complaint a reader feels."""
    return term_pattern("points", "evidence").search(text) is not None
