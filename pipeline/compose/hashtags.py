"""CamelCase hashtags from the digest: the condition first, then its treatments, then the
brand's own. Never a stop word, a goal, a list or a generic adjective; nothing made up."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from pipeline.brand import Brand
from pipeline.digest.story import STOPWORDS
from pipeline.models import Digest

MIN_HASHTAGS, MAX_HASHTAGS = 3, 5  # Instagram allows 5 hashtags a post since December 2025
MAX_TAG_WORDS = 4

# Head nouns of a condition phrase; the generic ones need a word in front ("knee pain", not "pain").
SPECIFIC_CONDITIONS = (
    r"sciatica|arthritis|osteoarthritis|tendonitis|tendinitis|tendonities|tendinopathy|"
    r"fasciitis|neuroma|splints|bursitis|migraines?|headaches?|fibromyalgia|whiplash|"
    r"bunions?|insomnia|neuropathy|scoliosis|imbalance"
)
GENERIC_CONDITIONS = r"pain|aches?|strains?|sprains?|injur(?:y|ies)|stiffness|tension"
CONDITION = re.compile(
    rf"((?:[A-Za-z][\w'’-]*\s+){{0,2}})({SPECIFIC_CONDITIONS}|{GENERIC_CONDITIONS})\b", re.I
)
GENERIC = re.compile(rf"(?:{GENERIC_CONDITIONS})", re.I)
TREATMENTS = re.compile(
    r"\b(acupuncture|osteopathy|physiotherapy|chiropractic|massage|pilates|yoga|orthotics|"
    r"podiatry|dry needling|cupping|manual therapy|shockwave therapy|stretching|taping|"
    r"herbal medicine)\b",
    re.I,
)
# Words that make a condition phrase specific when it comes from running text ("knee pain").
BODY_WORDS = re.compile(
    r"lower|upper|back|neck|shoulder|knee|hip|heel|foot|feet|ankle|wrist|elbow|jaw|joint|"
    r"muscle|nerve|shin|calf|arch|leg|arm|hand|finger|toe|chest|head|pelvic|plantar|chronic|"
    r"acute|tension|sports|tennis|golfers|achilles|tendon|hamstring|groin",
    re.I,
)
MAX_TREATMENT_PARTS = 2  # #ManualTherapy, not #AntiInflammatoryPreparations
# A tag never starts with one of these: "Appropriate footwear" is not something people search.
GENERIC_ADJECTIVES = frozenset(
    {"appropriate", "proper", "suitable", "correct", "right", "good", "better", "general"}
    | {"various", "other", "specific", "certain", "different", "adequate", "regular"}
)
CONJUNCTIONS = frozenset({"and", "or", "y", "o", "e"})
# A phrase that starts with a verb states a goal ("Treat Runner's Knee"), not a thing to tag.
GOAL_VERBS = frozenset(
    {"treat", "cure", "fix", "help", "beat", "avoid", "prevent", "ease", "relieve", "reduce"}
    | {"stop", "manage", "improve", "strengthen", "stretch", "build", "calm", "heal"}
)
# "Strengthening exercises" names a modality; "Strengthening muscles" names a goal.
MODALITY_NOUNS = frozenset(
    {"exercise", "exercises", "therapy", "training", "treatment", "programme", "program"}
    | {"techniques", "technique", "massage", "stretches", "work"}
)
VAGUE_WORDS = frozenset(
    {"all", "any", "some", "such", "much", "many", "most", "other", "no", "not", "very", "bad"}
)


def make_hashtags(digest: Digest, brand: Brand) -> tuple[str, ...]:
    """3-5 CamelCase tags: the article's condition, then its treatments, then the brand's tags.

    Up to two condition phrases lead (from the keywords, else the headline), then treatment
    names a marketer would tag (short nouns: no goals such as "Relieving Joint Strain", no
    "Appropriate footwear"), then any further conditions. Phrases from the digest's text, and
    finally the brand's name, join only to reach the minimum of three. Nothing is made up.
    """
    fixed = unique_tags(camel_tag(t) for t in brand.hashtags)[:MAX_HASHTAGS]
    headline = headline_conditions(digest)
    conditions = keyword_conditions(digest.keywords) or headline
    treatments = [k for i, k in enumerate(digest.keywords) if is_tag_worthy(k, topic=i == 0)]
    ranked = [*conditions[:2], *treatments, *conditions[2:], *headline]
    tags = unique_tags(map(camel_tag, ranked), fixed)[: MAX_HASHTAGS - len(fixed)]
    if len(tags) + len(fixed) < MIN_HASHTAGS:
        extra = [*text_conditions(digest), *text_treatments(digest), brand.name]
        more = unique_tags(map(camel_tag, extra), [*fixed, *tags])
        tags += more[: MIN_HASHTAGS - len(tags) - len(fixed)]
    return (*tags, *fixed)


def keyword_conditions(keywords: Iterable[str]) -> list[str]:
    """Condition phrases in the keywords: "Joint Strain" from "Relieving Joint Strain"."""
    return [phrase for k in keywords for phrase in condition_phrases(k)]


def is_tag_worthy(phrase: str, topic: bool = False) -> bool:
    """A short noun phrase or a known modality; not a goal, a list or a generic adjective.

    The article's topic (its first keyword) may be longer, like a condition phrase.
    """
    parts = re.findall(r"[^\W_]+", phrase.replace("'", "").replace("’", ""))
    if not parts or len(parts) > (MAX_TAG_WORDS if topic else MAX_TREATMENT_PARTS):
        return False
    first, last = parts[0].lower(), parts[-1].lower()
    if first in GENERIC_ADJECTIVES or (first in GOAL_VERBS and len(parts) > 1):
        return False
    if any(p.lower() in CONJUNCTIONS for p in parts):
        return False
    if TREATMENTS.fullmatch(phrase.strip()):
        return True
    is_goal = len(parts) > 1 and first.endswith("ing") and last not in MODALITY_NOUNS
    return not is_goal


def unique_tags(tags: Iterable[str | None], taken: Iterable[str] = ()) -> list[str]:
    """Tags in order without case-insensitive duplicates of each other or of `taken`."""
    seen = {t.lower() for t in taken}
    kept = []
    for tag in tags:
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            kept.append(tag)
    return kept


def camel_tag(phrase: str) -> str | None:
    """#KneePain from "knee pain"; None for stop words, numbers or phrases too long for a tag."""
    text = unicodedata.normalize("NFC", phrase).replace("'", "").replace("’", "")
    words = re.findall(r"[^\W_]+", text)
    if not words or len(words) > MAX_TAG_WORDS:
        return None
    if all(w.lower() in STOPWORDS for w in words) or all(w.isdigit() for w in words):
        return None
    return "#" + "".join(w[:1].upper() + w[1:] for w in words)


def condition_phrases(text: str, modifiers_from: re.Pattern[str] | None = None) -> list[str]:
    """Condition phrases as written: "lower back pain", "Sciatica", "Plantar Heel Pain".

    The words in front are the run just before the condition noun that are not stop words or
    verb forms; with `modifiers_from`, only words from that vocabulary count.
    """
    phrases = []
    for match in CONDITION.finditer(text):
        modifiers: list[str] = []
        for word in reversed(match.group(1).split()):
            if is_vague(word) or (modifiers_from and not modifiers_from.fullmatch(word)):
                break
            modifiers.insert(0, word)
        if not modifiers and GENERIC.fullmatch(match.group(2)):
            continue
        phrases.append(" ".join([*modifiers, match.group(2)]))
    return phrases


def is_vague(word: str) -> bool:
    lower = word.lower().strip("'’-")
    return lower in STOPWORDS or lower in VAGUE_WORDS or lower.endswith(("ing", "ed", "ly"))


def headline_conditions(digest: Digest) -> list[str]:
    return condition_phrases(digest.headline)[:1]


def digest_texts(digest: Digest) -> list[str]:
    texts = [digest.symptom, digest.cause, digest.conclusion, *digest.quotes]
    texts += [p.text for p in digest.treatment_points]
    return [t for t in texts if t]


def text_conditions(digest: Digest) -> list[str]:
    """Condition phrases in the digest's text, the most frequent first."""
    counts = Counter(
        p.lower() for t in digest_texts(digest) for p in condition_phrases(t, BODY_WORDS)
    )
    return [phrase for phrase, _ in counts.most_common()]


def text_treatments(digest: Digest) -> list[str]:
    found = [m.group(1).lower() for t in digest_texts(digest) for m in TREATMENTS.finditer(t)]
    return [t for t, _ in Counter(found).most_common()]
