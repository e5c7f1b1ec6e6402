"""The article's sections and what each one is for (symptom, cause, treatment, conclusion).

Posts mark their sections in many ways: real headings ("## Treatment"), labelled headings
("1. Symptom: Chronic Knee Pain"), bold lead-ins ("**Causes:** ..."), a bare line "Causes" that
Markdown glued onto the next sentence, questions ("What causes it?"), numbered steps, and
bullets glued onto one line with "•". `split_sections` turns all of them into `Section`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.digest.sentences import word_count
from pipeline.models import Block

Role = str  # "symptom", "cause", "treatment", "conclusion"

# A heading that is exactly one of these (after numbering, before a colon) names its section.
EXACT_LABELS: dict[Role, str] = {
    "symptom": r"(signs?( and| &)? )?sympto[mn]s?( and signs?)?|signs?|the problem|presentation"
    r"|what is it|what does it feel like|증상|증세|s[ií]ntomas?|signos( y s[ií]ntomas)?",
    "cause": r"causes?|the causes?|(common )?triggers|why it happens|why does it happen"
    r"|what causes it|risk factors|원인|발생 원인|causas?|por qu[eé] (ocurre|sucede|pasa)",
    "treatment": r"treatments?( principles?| methods?| options?| plan)?|our approach|management"
    r"|how we (treat|help)( it| you)?|how (do|can) we (treat|help|fix)( it| you)?|exercises?"
    r"|therapy|self[- ]care|home care|치료( 방법| 원칙)?|관리|운동|tratamientos?|ejercicios?"
    r"|c[oó]mo (tratamos|ayudamos)|nuestro enfoque",
    "conclusion": r"conclusions?|in conclusion|takeaways?|key takeaways?|the bottom line"
    r"|bottom line|summary|in summary|what to expect|final thoughts|the takeaway|결론|요약|마무리"
    r"|conclusi[oó]n|resumen|qu[eé] esperar",
}
# A short heading or question that mentions one of these is about that section.
LOOSE_LABELS: dict[Role, str] = {
    "symptom": r"\bsympto[mn]|\bsigns?\b|feel like|\bpresent|what is \w+|증상|s[ií]ntoma"
    r"|qu[eé] es (la|el)\b|(이|가|란) 무엇",
    "cause": r"\bcaus|\bwhy\b|risk factor|\btriggers?\b|원인|왜|causa|por qu[eé]",
    "treatment": r"\btreat|\bhelp(s|ed)?\b|\bfix\b|\bapproach|\bmanag|\bexercis|therap|\brelie"
    r"|\btips?\b|\bremed|\brehab|\bprevent|\badvice|what (you|can you) do|prevenci"
    r"|예방|치료|관리|운동|도움|trata|ayud|ejercicio|terapia|alivi",
    "conclusion": r"conclu|takeaway|bottom line|summary|what to expect|how long|outlook"
    r"|recovery( time)?\W*$|road to recovery"
    r"|how many (sessions|treatments|visits|appointments)"
    r"|prognos|결론|요약|conclusi|resumen|esperar|cu[aá]nto tiempo",
}
# "When should I seek help?": advice on seeing a doctor, not the clinic's treatment.
NOT_A_ROLE = re.compile(
    r"^when\b|\b(see|seek|consult) (a|an|your|medical)\b|\bdoctor\b|\bGP\b|red flags", re.I
)
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
    for candidate, own_words in ((label_part, rest), (text, None)):
        role = exact_role(candidate)
        if role:
            return role, own_words
    if word_count(text) <= 12:
        return loose_role(text), None
    return None, None


def split_label(text: str) -> tuple[str, str | None]:
    match = re.match(r"(?P<label>[^:–—]{2,40}?)\s*(:|\s[–—-]\s)\s*(?P<rest>.+)$", text)
    if not match:
        return text, None
    return match.group("label"), match.group("rest").strip(" .") or None


def exact_role(text: str) -> Role | None:
    key = re.sub(r"\s+", " ", text.lower().replace("&", " & ")).strip(" ?¿:.!")
    for role, pattern in EXACT_LABELS.items():
        if re.fullmatch(pattern, key):
            return role
    return None


def loose_role(text: str) -> Role | None:
    """The role whose words come first in a short heading ("What causes it and how is it treated?"
    is about the cause)."""
    if NOT_A_ROLE.search(text):
        return None
    found = [
        (match.start(), role)
        for role, pattern in LOOSE_LABELS.items()
        if (match := re.search(pattern, text, re.I))
    ]
    return min(found)[1] if found else None


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
        if CHROME_HEADING.match(block.text):
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
    """Implied headings made explicit, glued bullets split, signatures and the title dropped."""
    result: list[Block] = []
    for block in blocks:
        if block.kind == "heading" and same_words(block.text, title):
            continue
        if block.kind != "heading" and SIGNATURE.search(block.text) and word_count(block.text) < 20:
            continue
        result.extend(unfold_block(block))
    return result


def unfold_block(block: Block) -> list[Block]:
    if block.kind == "heading":
        return [block]
    if len(GLUED_BULLET.findall(" " + block.text)) >= 2 - block.text.startswith("•"):
        return split_glued_bullets(block, GLUED_BULLET)
    if re.search(r":\s+-\s", block.text) and len(GLUED_DASHES.findall(block.text)) >= 2:
        return split_glued_bullets(block, GLUED_DASHES)
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
    if block.lead and (exact_role(block.lead) or asks_about_a_role(block.lead)):
        rest = text[len(block.lead) :].lstrip(" :.–—-") if text.startswith(block.lead) else text
        return [Block(kind="heading", text=block.lead, level=4), *paragraph(rest)]
    return asked_question(block) or glued_label(text)


def labelled_item(block: Block) -> list[Block] | None:
    """ "- **Symptoms:** pain..." in a summary list: a section, unless it names a method
    ("- **Exercises:** ..." stays a treatment point)."""
    lead = block.lead or ""
    role = exact_role(lead)
    if not role or not block.text.startswith(lead):
        return None
    if role == "treatment" and not re.fullmatch(r"treatments?|tratamientos?|치료", lead.lower()):
        return None
    rest = block.text[len(lead) :].lstrip(" :.–—-")
    return [Block(kind="heading", text=lead, level=5), *paragraph(rest)]


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
        if len(words) > size and exact_role(head) and re.match(r"[A-Z가-힣¿¡ÁÉÍÓÚ]", rest):
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
