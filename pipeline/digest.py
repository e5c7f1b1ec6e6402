"""Stage 3, digest: the clinical story (symptom, cause, treatment, conclusion) in its own words.

Every string returned is the article's own text, at most trimmed at a sentence or clause boundary.
A field the article does not have stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.models import Article, Block, Digest, Point

SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "symptom": (
        r"sympto[mn]s?",  # "Symptons" is a real typo in clinic posts
        r"signs?( (&|and) sympto[mn]s?)?",
        r"the problem",
        r"what (does it|do they) feel like",
        r"what is it",
        r"증상",
        r"s[ií]ntomas?",
    ),
    "cause": (
        r"causes?",
        r"why (it|this) happens",
        r"what causes (it|this)",
        r"원인",
        r"causas?",
    ),
    "treatment": (
        r"treatment( principles| methods| options)?",
        r"our approach",
        r"how (we|do we|can we) (treat|help|fix|manage)( it| this| them| you)?",
        r"exercises?",
        r"management",
        r"치료",
        r"tratamientos?",
    ),
    "conclusion": (
        r"conclusions?",
        r"takeaway",
        r"bottom line",
        r"summary",
        r"what to expect",
        r"how long (does it|will it) take",
        r"결론",
        r"conclusi[oó]n",
    ),
}
CTA = re.compile(
    r"\b(book|call (us|the clinic)|contact us|appointment|schedule a|get in touch)\b", re.I
)
NUMBERING = re.compile(r"^\s*(\d+[.)]|step \d+[:.]?)\s*", re.I)
SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[“\"'(]?[A-Z0-9가-힣¿¡])")
CLAUSE_END = re.compile(r"[,;:—–]\s")
# Where a subordinate or coordinated phrase starts: a second-best place to trim.
PHRASE_START = re.compile(r"\s(?=(and|but|by|which|while|because|as|so that|to)\s)")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "more",
        "of",
        "on",
        "or",
        "our",
        "than",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "what",
        "when",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)
SHORT_WORDS = 20
QUOTE_WORDS = (8, 30)


@dataclass(frozen=True)
class Section:
    heading: str | None
    role: str | None  # symptom, cause, treatment, conclusion
    label: str | None  # the heading's own words after the role label ("Chronic Knee Pain")
    blocks: tuple[Block, ...]


def digest_article(article: Article) -> Digest:
    sections = split_sections(article.blocks)
    symptom = section_for(sections, "symptom")
    cause = section_for(sections, "cause")
    conclusion = section_for(sections, "conclusion")
    points = tuple(find_points(sections))
    body_sentences = [
        s for b in article.blocks if b.kind != "heading" for s in split_sentences(b.text)
    ]
    return Digest(
        headline=clean_headline(article.title, article.site_name),
        symptom=first_text(symptom) if symptom else opening_problem(article),
        cause=first_text(cause) if cause else None,
        treatment_points=points,
        conclusion=first_text(conclusion) if conclusion else None,
        quotes=tuple(pick_quotes(body_sentences)),
        keywords=tuple(find_keywords(article, sections, points)),
        language=(article.language or "en").split("-")[0].lower(),
        symptom_label=symptom.label if symptom else None,
        cause_label=cause.label if cause else None,
        cta=next(
            (b.text for b in article.blocks if b.kind == "paragraph" and CTA.search(b.text)), None
        ),
    )


def split_sections(blocks: tuple[Block, ...]) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    body: list[Block] = []
    for block in (*blocks, Block(kind="heading", text="")):
        if block.kind != "heading":
            body.append(block)
            continue
        if heading is not None or body:
            role, label = classify_heading(heading) if heading else (None, None)
            sections.append(Section(heading, role, label, tuple(body)))
        heading, body = block.text, []
    return sections


def classify_heading(heading: str) -> tuple[str | None, str | None]:
    """The section role of a heading, and its own words after the label ("Symptom: X" -> X)."""
    text = NUMBERING.sub("", heading).strip()
    label_part, _, rest = text.partition(":")
    for candidate, own_words in ((label_part, rest.strip() or None), (text, None)):
        key = candidate.strip().rstrip("?").lower()
        for role, patterns in SECTION_LABELS.items():
            if any(re.fullmatch(p, key) for p in patterns):
                return role, own_words
    return None, None


def section_for(sections: list[Section], role: str) -> Section | None:
    return next((s for s in sections if s.role == role and s.blocks), None)


def first_text(section: Section) -> str | None:
    for block in section.blocks:
        if block.kind in ("paragraph", "quote") and not CTA.search(block.text):
            return block.text
    return None


def find_points(sections: list[Section]) -> list[Point]:
    points: list[Point] = []
    for section in sections:
        if section.role != "treatment":
            continue
        labelled = [b for b in section.blocks if b.lead]
        items = [b for b in section.blocks if b.kind == "item"]
        for block in labelled or items:
            text = strip_lead(block)
            points.append(Point(label=block.lead, text=text, short=shorten(text)))
    return points


def strip_lead(block: Block) -> str:
    if block.lead and block.text.startswith(block.lead):
        return block.text[len(block.lead) :].lstrip(" :.–—-")
    return block.text


def opening_problem(article: Article) -> str | None:
    """Without a labelled symptom section, the problem is told in the opening paragraph."""
    for block in article.blocks:
        if block.kind == "paragraph":
            return block.text
        if block.kind == "heading":
            return None
    return None


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def shorten(text: str, max_words: int = SHORT_WORDS) -> str:
    """The first sentence, cut back at a clause boundary if it is still too long."""
    sentence = split_sentences(text)[0] if text else text
    if len(sentence.split()) <= max_words:
        return sentence
    for boundary in (CLAUSE_END, PHRASE_START):
        cut = ""
        for match in boundary.finditer(sentence):
            candidate = sentence[: match.start()].rstrip(" ,;:—–")
            if len(candidate.split()) > max_words:
                break
            cut = candidate
        if len(cut.split()) >= 6:
            return cut + "…"
    return sentence  # no clean boundary: keep the whole sentence rather than cut mid-clause


def pick_quotes(sentences: list[str], limit: int = 4) -> list[str]:
    """Sentences that stand alone: 8-30 words, not opening with a pointer to earlier text."""
    low, high = QUOTE_WORDS
    words = Counter(w for s in sentences for w in content_words(s))

    def score(sentence: str) -> float:
        tokens = content_words(sentence)
        return sum(words[t] for t in tokens) / (len(tokens) + 3)

    candidates = [
        s
        for s in sentences
        if low <= len(s.split()) <= high
        and s.endswith((".", "!"))
        and not re.match(r"(This|These|That|They|It|He|She|As|By|Over)\b", s)
        and not CTA.search(s)
    ]
    ranked = sorted(candidates, key=score, reverse=True)[:limit]
    return sorted(ranked, key=sentences.index)


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z']+", text.lower()) if w not in STOPWORDS and len(w) > 2]


def clean_headline(title: str, site_name: str | None) -> str:
    """The article's own title, without a "| Clinic Name" or "- Blog" suffix."""
    stripped = SITE_SUFFIX.sub("", title).strip()
    if site_name and title.endswith(site_name):
        stripped = title[: -len(site_name)].rstrip(" |–—-")
    return stripped or title


def find_keywords(
    article: Article, sections: list[Section], points: tuple[Point, ...]
) -> list[str]:
    """Condition and treatment phrases for hashtags, most specific first."""
    phrases = [s.label for s in sections if s.role in ("symptom", "cause") and s.label]
    topic = article.title.split(":")[0].strip()
    if len(topic.split()) <= 4:
        phrases.insert(0, topic)
    phrases += [p.label for p in points if p.label and len(p.label.split()) <= 3]
    seen: set[str] = set()
    keywords = []
    for phrase in phrases:
        key = phrase.lower()
        if key not in seen:
            seen.add(key)
            keywords.append(phrase)
    return keywords
