"""Stage 3, digest: the clinical story (symptom, cause, treatment, conclusion) in its own words.

Every string returned is the article's own text, at most trimmed at a sentence or clause boundary.
A field the article does not have stays None. Sections come from `sections`, the symptom and
cause sentences from `choose`, treatment points from `points`, sentence tools from `sentences`
(all in this package).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.digest.announced import announced_parts
from pipeline.digest.case import find_case
from pipeline.digest.choose import best_sentence, without_clause
from pipeline.digest.conclusion import closing_cta, find_conclusion
from pipeline.digest.listicle import titled_parts
from pipeline.digest.point_blocks import body_blocks, is_cta, quote_sentences, strip_lead
from pipeline.digest.points import find_points
from pipeline.digest.rhetoric import plain_rhetoric
from pipeline.digest.section_text import LIST_JOIN, role_text
from pipeline.digest.sections import Section, loose_role, split_sections
from pipeline.digest.selfcare import find_prevention
from pipeline.digest.sentences import (
    STOPWORDS,
    pick_quotes,
    shorten,
    split_sentences,
    stems,
    word_count,
)
from pipeline.extract.urls import without_urls
from pipeline.languages import detect_language as detect_text_language
from pipeline.models import Article, Block, Digest, Point

__all__ = ["LIST_JOIN", "STOPWORDS", "digest_article", "shorten", "split_sentences"]

FIELD_WORDS = 40  # a symptom or cause longer than this is cut at a clause
CONDITION_WORD = re.compile(
    r"(itis|algia|ica|oma|pathy|pain|aches?|splints|imbalance|injury|strain|sprain|syndrome"
    r"|disease|anxiety|insomnia|stress|fatigue|shoulder|knee|neck|hip|heel|elbow|ankle|wrist|foot"
    r"|feet|spine|jaw|통증|염|두통|디스크|dolor)$",
    re.I,
)
NAMES_SYMPTOMS = re.compile(r"sympto[mn]|signs?\b|증상|s[ií]ntoma", re.I)
SITE_WORD = re.compile(
    r"\b(blog|clinic|cl[ií]nica|centro|centre|center|practice|physio|chiropractic|osteopaths?"
    r"|podiatry|acupuncture|wellness|health|medical)\b|한의원|병원|의원",
    re.I,
)
METHOD = re.compile(
    r"^(acupuncture|physiotherapy|physio|chiropractic|osteopathy|massage|cupping|pilates"
    r"|orthotics|podiatry|acupuntura|fisioterapia|침|한방|추나)$",
    re.I,
)
HANGUL = re.compile(r"[가-힣]")


def digest_article(article: Article) -> Digest:
    article = replace(article, blocks=without_urls(article.blocks))  # no address on a card
    headline = clean_headline(article.title, article.site_name, article.url)
    sections = plain_rhetoric(split_sections(article.blocks, article.title))
    story = announced_parts(titled_parts([s for s in sections if s.blocks or s.role], headline))
    symptom, cause = (find_role(story, r) for r in ("symptom", "cause"))
    prevention = tuple(find_prevention(story))
    points = tuple(find_points(story, prevention))
    body = body_blocks(story)
    symptom_text, cause_text = symptom_and_cause(story, headline)
    conclusion = find_conclusion(story, body, headline)
    return Digest(
        headline=headline,
        symptom=symptom_text,
        cause=cause_text,
        treatment_points=points,
        conclusion=conclusion,
        quotes=tuple(pick_quotes(quote_sentences(body), stems(headline), list_items(body))),
        keywords=tuple(find_keywords(headline, story, points)),
        language=detect_language(article),
        symptom_label=symptom.label if symptom else None,
        cause_label=cause.label if cause else None,
        cta=closing_cta(conclusion) or find_cta(article.blocks),
        prevention=prevention,
        case=find_case(story),
    )


def symptom_and_cause(sections: list[Section], headline: str) -> tuple[str | None, str | None]:
    """The sentence that tells the symptom best and the one that tells the cause best, never
    the same one twice (one sentence that tells both is shared at its clause: choose.py)."""
    symptom = best_sentence(sections, "symptom", headline)
    cause = best_sentence(sections, "cause", headline, taken=[symptom] if symptom else [])
    return fit_field(without_clause(symptom, cause)), fit_field(cause)


def fit_field(text: str | None) -> str | None:
    """A field's sentence, cut at a safe clause when it is too long for a card."""
    return shorten(text, FIELD_WORDS) if text else None


def list_items(blocks: list[Block]) -> list[str]:
    return [strip_lead(b) for b in blocks if b.kind == "item"]


def find_role(sections: list[Section], role: str) -> Section | None:
    """The first section with this role; for the symptom, one named for symptoms comes first."""
    found = [s for s in sections if s.role == role and role_text(sections, s)]
    named = [s for s in found if role == "symptom" and NAMES_SYMPTOMS.search(s.heading or "")]
    return next(iter(named or found), None)


def find_cta(blocks: Iterable[Block]) -> str | None:
    """The article's own booking call to action: the last paragraph that asks to book or call."""
    found = [
        b.text
        for b in blocks
        if b.kind != "heading" and is_cta(b.text) and word_count(b.text) >= 5  # not "Book now"
    ]
    return found[-1] if found else None


def clean_headline(title: str, site_name: str | None, url: str | None = None) -> str:
    """The article's own title, without a "| Clinic Name" or "- Clinic Blog" suffix or prefix."""
    pieces = re.split(r"(\s+[|–—-]\s+|\s*\|\s*)", title.strip())
    texts, separators = pieces[0::2], pieces[1::2]
    while len(texts) > 1 and is_site_part(texts[-1], separators[-1], site_name, url):
        texts.pop()
        separators.pop()
    while len(texts) > 1 and is_site_part(texts[0], separators[0], site_name, url):
        texts.pop(0)
        separators.pop(0)
    kept = [texts[0]] + [sep + text for sep, text in zip(separators, texts[1:], strict=True)]
    return "".join(kept).strip() or title.strip()


def is_site_part(part: str, separator: str, site_name: str | None, url: str | None) -> bool:
    """A title part that names the site: the site's name or host, a "... Blog"/"... Clinic"
    name, or a short name in capitals after a pipe or with a clinic word ("Oak Physio")."""
    key = re.sub(r"\W+", "", part.lower())
    names = [re.sub(r"\W+", "", (site_name or "").lower())]
    if url:
        names.append(re.sub(r"^https?://(www\.)?", "", url).split("/")[0].split(".")[0].lower())
    if any(len(n) > 2 and (n in key or (len(key) > 3 and key in n)) for n in names):
        return True
    if re.search(
        r"\b(blog|clinic|news|ltd|inc|llc|centre|center|practice|associates)$", part, re.I
    ):
        return True
    return ("|" in separator or SITE_WORD.search(part) is not None) and is_brand_like(part)


def is_brand_like(part: str) -> bool:
    words = part.split()
    return (
        len(words) <= 5
        and all(w[:1].isupper() or w in ("&", "and", "of") for w in words)
        and not loose_role(part)
        and not CONDITION_WORD.search(part)
    )


def find_keywords(headline: str, sections: list[Section], points: tuple[Point, ...]) -> list[str]:
    """Condition and treatment phrases for hashtags: the title's subject, the section labels,
    then short treatment labels."""
    phrases = [*title_phrases(headline)]
    phrases += [s.label for s in sections if s.role in ("symptom", "cause") and s.label]
    phrases += [p.label for p in points if p.label]
    phrases += [p.text.rstrip(".") for p in points if not p.label and word_count(p.text) <= 2]
    seen: set[str] = set()
    keywords: list[str] = []
    for phrase in (p.strip(" .:?!") for p in phrases):
        words = phrase.lower().split()
        if not words or len(words) > 3 or any(w in STOPWORDS - {"and", "y"} for w in words):
            continue
        if phrase.lower() not in seen:
            seen.add(phrase.lower())
            keywords.append(phrase)
    return keywords[:8]


def title_phrases(headline: str) -> list[str]:
    """Phrases of the title that name a complaint ("Lower Back Pain", "Dolor lumbar",
    "무릎 앞쪽 통증"), or its first run of content words when none does."""
    runs = [
        run for part in re.split(r"[:?!,.;|()–—]|\s-\s", headline) for run in content_runs(part)
    ]
    phrases: list[str] = []
    for run in runs:
        ends = [
            i for i, word in enumerate(run) if CONDITION_WORD.search(word) or METHOD.search(word)
        ]
        if ends:
            last = ends[
                -1
            ]  # "Chronic Joint Pain"; a leading noun takes what follows: "Dolor lumbar"
            phrases.append(" ".join(run[max(0, last - 2) : last + 1] if last else run[:3]))
    if phrases or HANGUL.search(headline):
        return phrases
    return [" ".join(run[:3]) for run in runs][:2]


def content_runs(text: str) -> list[list[str]]:
    """The unbroken runs of content words in a piece of a title."""
    runs: list[list[str]] = [[]]
    for word in text.split():
        if word.lower() in STOPWORDS or re.search(r"(ing|ly)$", word):
            runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def detect_language(article: Article) -> str:
    """The article's language, told by a detection model (py3langid) from its title and first
    blocks; the page's own declaration decides only a text too short or unclear to tell."""
    sample = " ".join([article.title, *(b.text for b in article.blocks[:20])])
    return detect_text_language(sample, hint=article.language)
