"""The article's sections and what each one is for (symptom, cause, treatment, conclusion).

Posts mark their sections in many ways: real headings ("## Treatment"), labelled headings
("1. Symptom: Chronic Knee Pain"), bold lead-ins ("**Causes:** ..."), a bare line "Causes" that
Markdown glued onto the next sentence, questions ("What causes it?"), numbered steps, and
bullets glued onto one line with "•". `split_sections` turns all of them into `Section`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.digest.lists import unfold_glued_list
from pipeline.digest.sentences import word_count
from pipeline.digest.vocabulary import ROLES, find_role_term, is_cue, role_words, term_pattern
from pipeline.models import Block

SENTENCE_WORDS = 3  # more words than this, ending in a full stop: a sentence
LABEL_WORDS = 12  # a role's label is at most this long ("What are the signs and symptoms of ...")
Role = str  # one of vocabulary.ROLES; None on a section is "other"
# Roles whose sections tell the story; the others (faq, cta, professional, ...) are set aside.
STORY_ROLES = ("symptom", "cause", "treatment", "selfcare", "case", "conclusion")
PARAGRAPH_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")  # "1. ...", "2) ..."
NUMBERING = re.compile(
    r"^\s*(\d+[.)]|#\d+|(step|part|paso)\s*\d+\s*[:.)–—-]?|\d+단계[:.]?)\s*", re.I
)
CHROME_HEADING = re.compile(
    r"^(related (posts|articles)|recent posts|share( this)?( post| article)?"
    r"|leave a (reply|comment)|\d* ?comments?|categories|tags|about the author|subscribe"
    r"|newsletter|you (may|might) also like|follow us|read more|references|why choose"
    r"|about us|meet the team|contact( us)?|book (now|online|an appointment|your))"
    r"(\W+\w+){0,3}\W*$",  # the whole heading, give or take a few words ("... with Dr Lee")
    re.I,
)
SIGNATURE = re.compile(
    r"^(-\s*)?(written by|posted by|by [A-Z]|author:)|\bregistered \w+\b|\b(L\.? ?Ac|DACM|MCSP|"
    r"HCPC|DPT|BSc|MSc)\b|^(always happy to help|kind regards|best wishes|thanks for reading)"
    r"|^(photo|image) (by|credit)|unsplash|^disclaimer\b|^\{[%{].*[%}]\}$|^share (this|on)\b"
    r"|^(tags|categories|category|posted in|filed under|previous post|next post)\b",
    re.I,
)
FOOTNOTE_MARK = re.compile(r"\s?\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[\s.,;:]|$)")
# A bare footnote number after a word, where a clause ends ("...related causes 2.", "effort51.";
# not before a colon: "Phase 2:" is a label):
# only taken out when the article does it often (a footnoted article), never "at age 40" alone.
BARE_FOOTNOTE = re.compile(r"(?<=[a-zß-ÿ’'\)]{3})\s?\d{1,3}(?:,\s?\d{1,3})*(?=[.,;](?:\s|$)|$)")
FOOTNOTED = 3  # bare numbers at clause ends that make an article footnoted
CITATION_AUTHORS = re.compile(r"^[A-Z][\w'’-]+,? [A-Z]{1,3}[.,]\s")
CITATION_DETAIL = re.compile(r"\d+\(\d+\):\d+|\bdoi\b|\bet al\b", re.I)
GLUED_BULLET = re.compile(r"\s*[•●▪]\s+")
# Markdown lists written straight after a line ("tips: - Use them...") stay in the paragraph.
GLUED_DASHES = re.compile(r"(?<=[.:!?])\s+-\s+(?=[A-Z])")
QUESTION = re.compile(r"(?P<q>(Q|Question)\s*[:.]\s*[^?]{3,150}\?)")
LEAD_LABEL = re.compile(r"^(?P<lead>[^:.!?]{2,40})\s*[:–—]\s+(?=\S)")


@dataclass(frozen=True)
class Section:
    heading: str | None
    level: int  # heading level; 0 for the untitled opening
    role: Role | None
    label: str | None  # the heading's own words after the role ("Chronic Knee Pain")
    numbered: bool  # "Step 1 - ...", "2. ..."
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        """The heading without its numbering."""
        return NUMBERING.sub("", self.heading or "").strip(" :.–—-")


def classify_heading(heading: str) -> tuple[Role | None, str | None]:
    """The section role of a heading, and its own words after the label ("Symptom: X" -> X)."""
    text = NUMBERING.sub("", heading).strip()
    label_part, rest = split_label(text)
    role = exact_role(label_part) or (
        rest and word_count(label_part) <= 3 and opening_role(label_part)
    )
    if role:
        return role, rest
    if role := exact_role(text):
        return role, None
    if word_count(text) <= 12:
        return loose_role(text), None
    return None, None


# A Korean word that ends in a case particle ("한약을", "치료는"): part of a sentence, no label.
HANGUL_PARTICLE = re.compile(r"[가-힣](?:을|를|은|는|이|가|의|에|로|으로|과|와)$")


def split_label(text: str) -> tuple[str, str | None]:
    match = re.match(r"(?P<label>[^:–—]{2,40}?)\s*(:|\s[–—-]\s)\s*(?P<rest>.+)$", text)
    if not match:
        return text, None
    return match.group("label"), match.group("rest").strip(" .") or None


@lru_cache(maxsize=4096)
def exact_role(text: str) -> Role | None:
    """The role of a text that is only a role's label ("Causes", "Signs & Symptoms", "Fazit"):
    besides the role's words, only short words (inflections, "and", "the", "de") are left.
    A paragraph is never one (and is not searched: that was most of the digest's time)."""
    key = re.sub(r"\s+", " ", text.lower()).strip(" ?¿:.!")
    if word_count(key) > LABEL_WORDS or is_sentence(text):
        return None
    found: list[tuple[int, int, Role]] = []  # (order in ROLES, where it is named, role)
    for order, role in enumerate(ROLES):
        pattern = term_pattern("headings", role)
        if not (match := pattern.search(key)):
            continue
        rest = role_words("headings", role).sub(" ", key).replace("&", " ")
        if all(len(w.strip("'’-")) <= 3 for w in rest.split()):  # "Signs and Symptoms"
            found.append((order, match.start(), role))
    if not found:
        return None
    # the role listed first in ROLES ("진료 예약" is a call to action); but a label of short
    # words that names the symptoms and the causes ("안구 건조증 원인 및 증상") is the first named
    story = sorted((start, role) for _, start, role in found if role in ("symptom", "cause"))
    return (
        story[0][1] if len(story) == 2 and min(found)[2] in ("symptom", "cause") else min(found)[2]
    )


def is_sentence(text: str) -> bool:
    """A text that ends with a full stop after a few words is a sentence, not a label: in
    Korean every word is short, so "가장 흔한 원인입니다." would pass the label test."""
    return text.rstrip().endswith((".", "。")) and word_count(text) > SENTENCE_WORDS


def opening_role(text: str) -> Role | None:
    """The role of a short label that starts with a role word ("Treatment methods")."""
    role = loose_role(text)
    match = find_role_term("headings", role, text) if role else None
    return role if match and match.start() == 0 else None


def loose_role(text: str) -> Role | None:
    """The role whose words come first in a short heading ("What causes it and how is it
    treated?" is about the cause); at the same place, the longer phrase."""
    found = [
        (match.start(), -len(match.group()), role)
        for role in ROLES
        if (match := find_role_term("headings", role, text))
    ]
    return min(found)[2] if found else None


def split_sections(blocks: tuple[Block, ...], title: str = "") -> list[Section]:
    """The article cut at its headings (real or implied), chrome sections dropped."""
    sections: list[Section] = []
    heading: Block | None = None
    body: list[Block] = []
    for block in (*normalise_blocks(blocks, title), Block(kind="heading", text="")):
        if block.kind != "heading":
            body.append(block)
            continue
        if heading is not None or body:
            sections.append(make_section(heading, body))
        if CHROME_HEADING.match(block.text) or exact_role(block.text) == "references":
            break
        heading, body = block, []
    return sections


def make_section(heading: Block | None, body: list[Block]) -> Section:
    if heading is None:
        return Section(None, 0, None, None, False, tuple(body))
    role, label = classify_heading(heading.text)
    numbered = bool(NUMBERING.match(heading.text))
    return Section(heading.text, heading.level or 2, role, label, numbered, tuple(body))


def normalise_blocks(blocks: tuple[Block, ...], title: str) -> list[Block]:
    """Implied headings made explicit, glued lists split, signatures, the title and footnote
    marks dropped."""
    result: list[Block] = []
    for block in blocks:
        if block.kind == "heading" and same_words(block.text, title):
            continue
        if block.kind != "heading" and SIGNATURE.search(block.text) and word_count(block.text) < 20:
            continue
        if block.kind != "heading" and is_citation(block.text):
            continue
        result.extend(unfold_block(drop_footnote_marks(block)))
    result = numbered_paragraphs(result)
    footnoted = sum(len(BARE_FOOTNOTE.findall(b.text)) for b in result) >= FOOTNOTED
    return [drop_bare_footnotes(b) for b in result] if footnoted else result


def numbered_paragraphs(blocks: list[Block]) -> list[Block]:
    """Paragraphs numbered by hand in a row ("1. 단순한 물리치료...", "2. 수술적 치료가...") as the
    items of a list, their numbers taken off: a number alone never becomes a sentence."""
    numbers = [paragraph_number(b) for b in blocks]
    result = list(blocks)
    for index, number in enumerate(numbers):
        before = numbers[index - 1] if index else None
        after = numbers[index + 1] if index + 1 < len(numbers) else None
        if number is not None and (before == number - 1 or after == number + 1):
            text = PARAGRAPH_NUMBER.sub("", blocks[index].text, count=1)
            result[index] = replace(blocks[index], kind="item", text=text)
    return result


def paragraph_number(block: Block) -> int | None:
    match = PARAGRAPH_NUMBER.match(block.text) if block.kind == "paragraph" else None
    return int(match.group(1)) if match else None


def is_citation(text: str) -> bool:
    """An entry of a reference list: authors ("Reid JL, Hammond D.") or a cue ("doi", "et al",
    "Journal of") with a year, never a sentence of the article's own."""
    if not re.search(r"\b(19|20)\d{2}\b", text):
        return False
    if CITATION_AUTHORS.match(text):
        return True
    return is_cue("references", text) and ("↩" in text or bool(CITATION_DETAIL.search(text)))


def drop_footnote_marks(block: Block) -> Block:
    """The block without citation marks ("[12]", "[3, 4]", "¹²"): they point to a reference
    list that never reaches a card. A block that is itself a citation is left to the caller."""
    text = FOOTNOTE_MARK.sub("", block.text)
    return replace(block, text=text) if text != block.text else block


def drop_bare_footnotes(block: Block) -> Block:
    """In a footnoted article, the bare numbers where a clause ends ("related causes 2.")."""
    text = BARE_FOOTNOTE.sub("", block.text) if block.kind != "heading" else block.text
    return replace(block, text=text) if text != block.text else block


def unfold_block(block: Block) -> list[Block]:
    if block.kind == "heading":
        return [block]
    if len(GLUED_BULLET.findall(" " + block.text)) >= 2 - block.text.startswith("•"):
        return split_glued_bullets(block, GLUED_BULLET)
    if re.search(r":\s+-\s", block.text) and len(GLUED_DASHES.findall(block.text)) >= 2:
        return split_glued_bullets(block, GLUED_DASHES)
    if glued := unfold_glued_list(block):
        first, *rest = glued
        return [*(implied_heading(first) or [first]), *rest] if first.kind != "item" else glued
    implied = implied_heading(block)
    if implied:
        return implied
    return [block]


def implied_heading(block: Block) -> list[Block] | None:
    """A paragraph that is really a heading, or starts with one."""
    if block.kind == "item":
        return labelled_item(block)
    if block.kind != "paragraph":
        return None
    text = block.text
    bare = text.strip(" :*")
    whole_bold = block.lead and block.lead.strip(" .:") == bare.strip(" .:")
    if whole_bold and word_count(bare) <= 12 and not bare.endswith("."):
        return [Block(kind="heading", text=bare, level=4)]
    if exact_role(bare) or (bare.endswith("?") and word_count(bare) <= 15 and loose_role(bare)):
        return [Block(kind="heading", text=bare, level=4)]
    if block.lead and (part_label(block.lead) or asks_about_a_role(block.lead)):
        rest = text[len(block.lead) :].lstrip(" :.–—-") if text.startswith(block.lead) else text
        return [Block(kind="heading", text=block.lead, level=4), *paragraph(rest)]
    return asked_question(block) or glued_label(text)


def labelled_item(block: Block) -> list[Block] | None:
    """ "- **Symptoms:** pain..." in a summary list: a section; an item that names a method or
    a tip ("- **Acupuncture:** ...", "- **Exercises:** ...") stays a point."""
    lead = block.lead or ""
    if part_label(lead) in (None, "treatment") or not block.text.startswith(lead):
        return None
    rest = block.text[len(lead) :].lstrip(" :.–—-")
    return [Block(kind="heading", text=lead, level=5), *paragraph(rest)]


def part_label(text: str) -> Role | None:
    """A bold lead-in or bare line that names a part of the story ("Causes:", "Treatment:",
    "Fazit"), not one method or tip ("Stretching.", "Exercises:" stay points)."""
    role = exact_role(text)
    if role in ("treatment", "selfcare") and word_count(text) > 1:
        return None
    return None if role in ("selfcare", None) else role


def asks_about_a_role(lead: str) -> bool:
    """A bold lead-in that asks or says how ("How acupuncture may help.")."""
    return bool(re.match(r"(how|why|what|when|c[oó]mo|por qu[eé]|qu[eé])\b", lead, re.I)) and bool(
        loose_role(lead)
    )


def asked_question(block: Block) -> list[Block] | None:
    """A FAQ entry in one paragraph: "**What causes it?** Wear of..." or "Q: ...? A: ..." """
    question_mark = QUESTION.match(block.text)
    lead = block.lead or ""
    if lead.endswith("?") and block.text.startswith(lead):
        question, rest = lead, block.text[len(lead) :]
    elif question_mark:
        question, rest = question_mark.group("q"), block.text[question_mark.end() :]
    else:
        return None
    question = re.sub(r"^(Q|Question)\s*[:.]\s*", "", question)
    answer = re.sub(r"^\s*(A|Answer)\s*[:.]\s*", "", rest).strip()
    return [Block(kind="heading", text=question, level=4), *paragraph(answer)]


def glued_label(text: str) -> list[Block] | None:
    """ "Causes There are many causes..." : a bare label line that Markdown joined to the next."""
    words = text.split()
    for size in (3, 2, 1):
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        if HANGUL_PARTICLE.search(head):
            continue  # "한약을 정제하여...": a Korean word with its case ending is the sentence's
        if len(words) > size and part_label(head) and re.match(r"[A-Z가-힣¿¡ÁÉÍÓÚ]", rest):
            return [Block(kind="heading", text=head, level=4), *paragraph(rest)]
    return None


def paragraph(text: str) -> list[Block]:
    return [Block(kind="paragraph", text=text)] if text.strip() else []


def split_glued_bullets(block: Block, marker: re.Pattern[str]) -> list[Block]:
    """ "Treatment: • Rest • Ice" -> a paragraph "Treatment:" and one item per bullet."""
    head, *items = marker.split(" " + block.text)
    head = head.strip()
    lead = block.lead if block.lead and head.startswith(block.lead) else None
    first = Block(kind=block.kind, text=head, lead=lead)
    result = (implied_heading(first) or [first]) if head else []
    for item in items:
        if item.strip():
            match = LEAD_LABEL.match(item.strip())
            lead = match.group("lead").strip() if match else None
            result.append(Block(kind="item", text=item.strip(), lead=lead))
    return result


def same_words(first: str, second: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"\W+", " ", text.lower()).strip()

    return bool(first) and key(first) == key(second)
