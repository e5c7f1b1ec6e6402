"""Stage 3, digest: the clinical story (symptom, cause, treatment, conclusion) in its own words.

Every string returned is the article's own text, at most trimmed at a sentence or clause boundary.
A field the article does not have stays None. Sections come from `pipeline.sections`; posts with
no usable structure fall back to ranking sentences (`pipeline.sentences`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from pipeline.models import Article, Block, Digest, Point
from pipeline.sections import Section, exact_role, split_label, split_sections
from pipeline.sentences import (
    ELLIPSIS,
    LEANS_BACK,
    OPENS_MID_STORY,
    STOPWORDS,
    pick_quotes,
    rank_central,
    shorten,
    split_sentences,
    stems,
    word_count,
)

__all__ = ["LIST_JOIN", "digest_article", "shorten"]

LIST_JOIN = "; "  # joins list items quoted together in one field
MAX_LIST_ITEMS = 5
MAX_POINTS = 8
CTA = re.compile(
    r"\b(book (an?|your|now|online|today)|call (us|the clinic|today)|contact us"
    r"|make an appointment|schedule (an?|your)|get in touch|reserv[ae] (tu|su) cita"
    r"|pida (su|una) cita|ll[aá]m(enos|anos)|cont[aá]ct(enos|anos))\b"
    r"|예약|상담 (신청|문의)|문의(하세요|해 주세요|주세요)",
    re.I,
)
WRAP_UP = re.compile(
    r"^(so,? there (we|you) have it|in (summary|conclusion|short|a nutshell)|to (sum up|conclude)"
    r"|overall|all in all|ultimately|the bottom line|the takeaway"
    r"|en (resumen|conclusi[oó]n|definitiva)"
    r"|결론적으로|요약하면|정리하면)\b",
    re.I,
)
SYMPTOM_WORDS = re.compile(
    r"\b(pain(s|ful|fully)?|ach(e|es|ing|y)|sore\w*|stiff\w*|swell\w*|numb\w*|tingl\w*|weak\w*|burning|"
    r"hurts?|discomfort|miserable|tender\w*|sympto[mn]s?|throbb\w*|cramp\w*|dolor\w*|molestia\w*|"
    r"rigidez|hinchaz[oó]n|entumecimiento|debilidad)\b|통증|아프|저림|뻣뻣|붓|부기|불편",
    re.I,
)
CAUSE_WORDS = re.compile(
    r"\b(due to|caused by|is caused|are caused|results? from|as a result of|because of|stems from"
    r"|root cause|se debe a|causad[oa]s? por|debido a)\b|때문|원인은|원인이",
    re.I,
)
TIPS_INTRO = re.compile(
    r"\b(tips?|advice|treatments?|exercises?|you can|can help|may help|options|recommend\w*"
    r"|consejos|ejercicios|puede ayudar)\b|방법|도움|운동",
    re.I,
)
CONDITION_WORD = re.compile(
    r"(itis|algia|ica|oma|pathy|pain|aches?|splints|imbalance|injury|strain|sprain|syndrome"
    r"|disease|통증|염|dolor)$",
    re.I,
)
NAMES_SYMPTOMS = re.compile(r"sympto[mn]|signs?\b|증상|s[ií]ntoma", re.I)
GENERIC_TREATMENT = re.compile(
    r"\b(treat\w*|help\w*|manag\w*|approach|tips|options?|plans?|what|how|why|when|who)\b"
    r"|치료 방법|tratamiento",
    re.I,
)
HANGUL = re.compile(r"[가-힣]")
SPANISH_HINTS = re.compile(r"\b(el|la|los|las|que|del|para|por|con|una|es|y|se)\b", re.I)
ENGLISH_HINTS = re.compile(r"\b(the|and|of|to|is|for|with|that|you|your|it)\b", re.I)


def digest_article(article: Article) -> Digest:
    sections = split_sections(article.blocks, article.title)
    story = [s for s in sections if s.blocks or s.role]
    symptom, cause, conclusion = (find_role(story, r) for r in ("symptom", "cause", "conclusion"))
    points = tuple(find_points(story))
    body = body_blocks(story)
    conclusion_text = section_text(conclusion) if conclusion else wrap_up(body)
    headline = clean_headline(article.title, article.site_name, article.url)
    return Digest(
        headline=headline,
        symptom=section_text(symptom) if symptom else opening_problem(story, headline),
        cause=section_text(cause) if cause else buried_cause(body),
        treatment_points=points,
        conclusion=conclusion_text,
        quotes=tuple(pick_quotes(quote_sentences(body), stems(headline))),
        keywords=tuple(find_keywords(headline, story, points)),
        language=detect_language(article),
        symptom_label=symptom.label if symptom else None,
        cause_label=cause.label if cause else None,
        cta=find_cta(article.blocks),
    )


def find_role(sections: list[Section], role: str) -> Section | None:
    """The first section with this role; for the symptom, one named for symptoms comes first."""
    found = [s for s in sections if s.role == role and content_blocks(s)]
    named = [s for s in found if role == "symptom" and NAMES_SYMPTOMS.search(s.heading or "")]
    return next(iter(named or found), None)


def content_blocks(section: Section) -> list[Block]:
    """The section's paragraphs and items, without calls to action."""
    return [b for b in section.blocks if not CTA.search(b.text)]


def section_text(section: Section) -> str | None:
    """The first paragraph of a section, or its list when it introduces one."""
    blocks = content_blocks(section)
    if not blocks:
        return None
    first = blocks[0]
    items = [b.text for b in blocks[1:] if b.kind == "item"]
    if first.kind == "item" or (first.text.endswith(":") and items):
        listed = [b.text for b in blocks if b.kind == "item"][:MAX_LIST_ITEMS]
        intro = "" if first.kind == "item" else first.text + " "
        more = ELLIPSIS if len(items) > MAX_LIST_ITEMS else ""
        return intro + LIST_JOIN.join(item.rstrip(".") for item in listed) + more
    return drop_list_intro(first.text)


def drop_list_intro(text: str) -> str:
    """A paragraph without its closing "here are some tips:" sentence (the list is elsewhere)."""
    sentences = split_sentences(text)
    if len(sentences) > 1 and sentences[-1].endswith(":"):
        return " ".join(sentences[:-1])
    return text


def body_blocks(sections: list[Section]) -> list[Block]:
    return [b for s in sections for b in s.blocks if not CTA.search(b.text)]


def find_points(sections: list[Section]) -> list[Point]:
    """Treatment points from treatment sections, numbered steps, tips lists, or the central
    sentences of a post without structure."""
    for finder in (points_from_sections, points_from_steps, points_from_tips):
        points = finder(sections)
        if points:
            return points[:MAX_POINTS]
    return points_from_ranking(sections)


def points_from_sections(sections: list[Section]) -> list[Point]:
    """Points of the treatment sections: one per subsection ("### Acupuncture"), or else one per
    labelled paragraph, list item or sentence."""
    points: list[Point] = []
    used: set[int] = set()
    topics = method_topics(sections)
    for index, section in enumerate(sections):
        if index in topics and (point := point_from_section(section)):
            points.append(point)
        if section.role != "treatment" or index in used:
            continue
        children = subsections(sections, index)
        used.update(range(index + 1, index + 1 + len(children)))
        points += [p for c in children if (p := point_from_section(c))] or points_in(section)
    return points


def subsections(sections: list[Section], index: int) -> list[Section]:
    """The sections under a heading, up to the next heading of its level or above, or one
    about something other than treatment."""
    parent = sections[index]
    children: list[Section] = []
    for section in sections[index + 1 :]:
        if section.level <= parent.level or section.role not in (None, "treatment"):
            break
        children.append(section)
    return children


def points_in(section: Section) -> list[Point]:
    blocks = [b for b in content_blocks(section) if not WRAP_UP.match(b.text)]
    labelled = [b for b in blocks if b.lead and b.lead != b.text.strip(" .:")]
    items = [b for b in blocks if b.kind == "item"]
    if labelled or items:
        return [make_point(b) for b in (labelled or items)]
    if names_a_method(section):
        return [p for p in [point_from_section(section)] if p]
    return points_from_sentences(blocks)


def names_a_method(section: Section) -> bool:
    """A short heading naming one treatment ("Shockwave therapy"), not the section's kind."""
    title = section.title
    return (
        0 < word_count(title) <= 4
        and not title.endswith("?")
        and not exact_role(title)
        and not GENERIC_TREATMENT.search(title)
    )


def make_point(block: Block) -> Point:
    label, text = block.lead, strip_lead(block)
    if not label:
        head, rest = split_label(block.text)
        if rest and word_count(head) <= 4 and not re.search(r"[.!?]", head):
            label, text = head, block.text[len(head) :].lstrip(" :–—-")
    return Point(label=label, text=text, short=shorten(text))


def strip_lead(block: Block) -> str:
    if block.lead and block.text.startswith(block.lead):
        return block.text[len(block.lead) :].lstrip(" :.–—-") or block.text
    return block.text


def points_from_sentences(blocks: list[Block]) -> list[Point]:
    """One point per sentence of a treatment section, with sentences that lean on the one
    before ("Place a towel...", "This helps...") kept together."""
    groups: list[list[str]] = []
    for sentence in (s for b in blocks for s in split_sentences(b.text)):
        if sentence.endswith("?"):
            continue
        if groups and LEANS_BACK.match(sentence):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return [Point(None, " ".join(g), shorten(" ".join(g))) for g in groups]


def point_from_section(section: Section) -> Point | None:
    paragraphs = [b.text for b in content_blocks(section) if b.kind != "heading"]
    if not paragraphs or not section.title:
        return None
    text = paragraphs[0]
    if OPENS_MID_STORY.match(text):  # "This is where...": a paragraph naming the step reads better
        title = set(stems(section.title))
        text = next((p for p in paragraphs if title & set(stems(p)) and balanced(p)), text)
    return Point(label=section.title, text=text, short=shorten(text))


def balanced(text: str) -> bool:
    return text.count("(") == text.count(")")


def points_from_steps(sections: list[Section]) -> list[Point]:
    """A numbered listicle ("Step 1 - Support the injury"): each step is a point."""
    steps = [s for s in sections if s.numbered and not s.role]
    if len(steps) < 2:
        return []
    return [p for s in steps if (p := point_from_section(s))]


def method_topics(sections: list[Section]) -> set[int]:
    """Sections after the symptom and cause that each name one method ("## Acupuncture",
    "## Cupping"), alongside any treatment sections there."""
    roles = [s.role for s in sections]
    if not {"symptom", "cause"} & set(roles):
        return set()
    last = max(i for i, role in enumerate(roles) if role in ("symptom", "cause"))
    run: list[int] = []
    for index in range(last + 1, len(sections)):
        section = sections[index]
        if section.role == "treatment" or (not section.role and names_a_method(section)):
            run.append(index)
        elif section.blocks:
            break
    topics = {i for i in run if not sections[i].role and sections[i].blocks}
    return topics if len(run) >= 2 else set()


def points_from_tips(sections: list[Section]) -> list[Point]:
    """A list introduced as tips or treatment ("here are some top tips:")."""
    for section in sections:
        blocks = content_blocks(section)
        for intro, after in itertools.pairwise(blocks):
            if intro.kind == "paragraph" and after.kind == "item" and is_tips_intro(intro.text):
                start = blocks.index(after)
                run = next_items(blocks[start:])
                return [make_point(b) for b in run]
    return []


def is_tips_intro(text: str) -> bool:
    last = split_sentences(text)[-1] if text else ""
    return last.endswith(":") and bool(TIPS_INTRO.search(last)) and not CAUSE_WORDS.search(last)


def next_items(blocks: list[Block]) -> list[Block]:
    run: list[Block] = []
    for block in blocks:
        if block.kind != "item":
            break
        run.append(block)
    return run


def points_from_ranking(sections: list[Section]) -> list[Point]:
    """No structure at all: the most central sentences of the body, in article order."""
    sentences = [s for s in quote_sentences(body_blocks(sections)) if not WRAP_UP.match(s)]
    body = sentences[len(sentences) // 4 :] if len(sentences) > 8 else sentences
    top = set(rank_central(body)[:4])
    return [Point(None, s, shorten(s)) for s in body if s in top]


def opening_problem(sections: list[Section], headline: str) -> str | None:
    """Without a symptom section, the problem is told near the opening: the sentence there that
    speaks most of the complaint and the title's subject (and the one after if it leans on it)."""
    sentences = opening_sentences(sections)
    title = set(stems(headline))
    best, best_score = -1, 0
    for index, sentence in enumerate(sentences):
        hits = len(SYMPTOM_WORDS.findall(sentence))
        score = 2 * hits + len(title & set(stems(sentence))) if hits else 0
        if score > best_score and not sentence.endswith("?"):
            best, best_score = index, score
    if best < 0:
        return None
    chosen = sentences[best : best + 2]
    if len(chosen) == 2 and not re.match(r"(It|This|They|These)\b", chosen[1]):
        chosen = chosen[:1]
    return " ".join(chosen)


def opening_sentences(sections: list[Section]) -> list[str]:
    """Sentences before the first section with a role, or the first third of an unstructured
    post."""
    blocks: list[Block] = []
    for section in sections:
        if section.role:
            break
        blocks += [b for b in section.blocks if b.kind == "paragraph" and not CTA.search(b.text)]
    sentences = [s for b in blocks for s in split_sentences(b.text)]
    if len(sections) > 1 and any(s.role for s in sections):
        return sentences
    return sentences[: max(4, len(sentences) // 3)]


def buried_cause(blocks: list[Block]) -> str | None:
    """A sentence that says what the problem is due to, when no section names the cause."""
    for block in blocks:
        if block.kind == "heading":
            continue
        for sentence in split_sentences(block.text):
            if CAUSE_WORDS.search(sentence) and not sentence.endswith("?"):
                return sentence
    return None


def wrap_up(blocks: list[Block]) -> str | None:
    """Without a conclusion section, a closing paragraph that sums up ("So there we have it")."""
    for block in reversed(blocks):
        if block.kind == "paragraph" and WRAP_UP.match(block.text):
            return drop_list_intro(block.text)
    return None


def quote_sentences(blocks: list[Block]) -> list[str]:
    return [s for b in blocks if b.kind != "heading" for s in split_sentences(strip_lead(b))]


def find_cta(blocks: Iterable[Block]) -> str | None:
    """The article's own booking call to action: the last paragraph that asks to book or call."""
    found = [b.text for b in blocks if b.kind != "heading" and CTA.search(b.text)]
    return found[-1] if found else None


def clean_headline(title: str, site_name: str | None, url: str | None = None) -> str:
    """The article's own title, without a "| Clinic Name" or "- Clinic Blog" suffix or prefix."""
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+|\s*\|\s*", title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    separators = re.findall(r"\s+[|–—-]\s+|\s*\|\s*", title)
    kept = [p for p in parts if not is_site_part(p, site_name, url)]
    if "|" in "".join(separators) and len(kept) == len(parts):
        kept = [max(parts, key=len)]  # "Title | Clinic": a pipe nearly always marks the site
    return join_parts(title, kept) if kept else parts[0]


def is_site_part(part: str, site_name: str | None, url: str | None) -> bool:
    key = re.sub(r"\W+", "", part.lower())
    names = [re.sub(r"\W+", "", (site_name or "").lower())]
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].split(".")[0]
        names.append(host.lower())
    if any(n and (n in key or key in n) for n in names if len(n) > 2):
        return True
    return bool(re.search(r"\b(blog|clinic|news|home|health centre|ltd|inc)\b$", part, re.I))


def join_parts(title: str, kept: list[str]) -> str:
    """The kept parts as they stand in the title (a title's own dash stays)."""
    start = title.find(kept[0])
    end = title.find(kept[-1]) + len(kept[-1])
    return title[start:end].strip()


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
        if not words or len(words) > 3 or words[0] in STOPWORDS or words[-1] in STOPWORDS:
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
        ends = [i for i, word in enumerate(run) if CONDITION_WORD.search(word)]
        if ends:
            last = ends[
                -1
            ]  # "Chronic Joint Pain"; a leading noun takes what follows: "Dolor lumbar"
            phrases.append(" ".join(run[max(0, last - 2) : last + 1] if last else run[:3]))
    if phrases or HANGUL.search(headline):
        return phrases
    return [" ".join(run[:3]) for run in runs if len(run) > 1][:1]


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
    """The article's language: Korean by script, Spanish or English by common words, else the
    page's own declaration."""
    sample = " ".join([article.title, *(b.text for b in article.blocks[:20])])
    declared = (article.language or "en").split("-")[0].lower()
    if len(HANGUL.findall(sample)) > len(sample) // 10:
        return "ko"
    spanish, english = len(SPANISH_HINTS.findall(sample)), len(ENGLISH_HINTS.findall(sample))
    if spanish > 2 * english and spanish >= 5:
        return "es"
    if english > 2 * spanish and english >= 5:
        return "en"
    return declared
