"""The blocks treatment and self-care points are made of: a section's content without calls to
action, a block's label lead-in, a run of list items, and a block made into a point."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.digest.sections import NUMBERING, Section, split_label
from pipeline.digest.sentences import ELLIPSIS, shorten, split_sentences, word_count
from pipeline.digest.vocabulary import find_role_term
from pipeline.models import Block, Point

WRAP_UP = re.compile(
    r"^(so,? there (we|you) have it|in (summary|conclusion|short|a nutshell)|to (sum up|conclude)"
    r"|overall|all in all|ultimately|the bottom line|the takeaway"
    r"|en (resumen|conclusi[oó]n|definitiva)"
    r"|결론적으로|요약하면|정리하면)\b",
    re.I,
)
LIST_JOIN = "; "  # joins list items quoted together in one point, as in a field
PAIR_NAME_WORDS = 4  # a name in a list of names and their descriptions
NOTE = re.compile(r"(please )?note|important|disclaimer|remember|n\.?b\.?|nota|참고|주의", re.I)


def is_cta(text: str) -> bool:
    """A call to action ("Book your appointment", "Pida su cita", "예약"): never a point, a
    symptom or a cause. The words are each language file's [points] `cta_lines`."""
    return find_role_term("points", "cta_lines", text) is not None


def never_told(text: str) -> bool:
    """A call to action, or a disclaimer that the post is no medical advice ("Sie ersetzen
    keine ärztliche Beratung", [points] `disclaimer`): no part of the story."""
    return is_cta(text) or find_role_term("points", "disclaimer", text) is not None


def content_blocks(section: Section) -> list[Block]:
    """The section's paragraphs and items, without calls to action and disclaimers."""
    return [b for b in section.blocks if not never_told(b.text)]


def care_blocks(section: Section) -> list[Block]:
    """The section's blocks, a paragraph that ends on a call to action kept without it ("...we
    use CBT. Call today to book.")."""
    blocks: list[Block] = []
    for block in section.blocks:
        if never_told(block.text) and block.kind == "paragraph":
            kept = [s for s in split_sentences(block.text) if not never_told(s)]
            block = replace(block, text=" ".join(kept), lead=None) if kept else block
        if not never_told(block.text):
            blocks.append(block)
    return blocks


def body_blocks(sections: list[Section]) -> list[Block]:
    return [b for s in sections for b in s.blocks if not never_told(b.text)]


def make_point(block: Block) -> Point:
    label, text = lead_label(block), strip_lead(block)
    if not label:
        head, rest = split_label(block.text)
        if rest and word_count(head) <= 4 and not re.search(r"[.!?]", head):
            label, text = head, block.text[len(head) :].lstrip(" :–—-")
    return Point(label=label, text=text, short=shorten(text))


def strip_lead(block: Block) -> str:
    """The text after a label lead-in ("Acupuncture: Needles..." -> "Needles..."); a bold phrase
    that simply starts the sentence ("**As of May**, thirty...") stays."""
    lead = block.lead or ""
    rest = block.text[len(lead) :]
    if lead and block.text.startswith(lead) and re.match(r"\s*[:.–—-]\s", rest + " "):
        return rest.lstrip(" :.–—-") or block.text
    return block.text


def lead_label(block: Block) -> str | None:
    """The block's lead-in when it labels the text, without its numbering."""
    if block.lead and strip_lead(block) != block.text:
        return NUMBERING.sub("", block.lead).strip(" :.–—-") or None
    return None


def next_items(blocks: list[Block]) -> list[Block]:
    run: list[Block] = []
    for block in blocks:
        if block.kind != "item":
            break
        run.append(block)
    return run


def name_pairs(items: list[Block]) -> list[Point]:
    """A list of names each followed by its description, as a definition list gives them
    ("도수림프배출" then "림프액의 유동성을 증가시키고 ... 치료입니다."): one point per pair, the
    name its label and the description its text, but for a description that only advises the
    reader (a self-care tip); none when the run is not such pairs."""
    names, texts = items[0::2], items[1::2]
    if len(texts) < 2 or len(names) != len(texts):
        return []
    pairs = list(zip(names, texts, strict=True))
    if not all(is_name(n.text) and is_description(t.text) for n, t in pairs):
        return []
    return [Point(n.text.strip(), t.text, shorten(t.text)) for n, t in pairs if not advises(t.text)]


def advises(text: str) -> bool:
    """A description whose every sentence advises the reader ("Avoid tight clothes. It is
    important to ..."): the reader's own care, left to the self-care tips."""
    sentences = split_sentences(text)
    return bool(sentences) and all(find_role_term("points", "advice", s) for s in sentences)


def is_name(text: str) -> bool:
    """A few words that name something, no sentence ("Compression therapy", "압박치료")."""
    return 0 < word_count(text) <= PAIR_NAME_WORDS and not re.search(r"[.!?:;。：]\s*$", text)


def is_description(text: str) -> bool:
    """A full sentence, ending as one."""
    return word_count(text) > PAIR_NAME_WORDS and bool(re.search(r"[.!?。]\s*$", text))


def quote_sentences(blocks: list[Block]) -> list[str]:
    return [s for b in blocks if b.kind != "heading" for s in split_sentences(strip_lead(b))]


def sentence_point(text: str) -> Point:
    return Point(None, text, shorten(text))


def speaks_of_care(text: str) -> bool:
    """A sentence with a word of care in it ("exercises", "acupuntura", "치료"): the language
    files' [points] care_words."""
    return find_role_term("points", "care_words", text) is not None


def list_text(texts: list[str], most: int) -> str:
    """Short list items quoted together ("Joint mobilizations; Myofascial release"), "…" when
    some are left out."""
    listed = LIST_JOIN.join(t.rstrip(".;,") for t in texts[:most])
    return listed + (ELLIPSIS if len(texts) > most else "")


def reports_evidence(text: str) -> bool:
    """A sentence that reports what a study or a statistic found ("A study found...", "Une
    méta-analyse de 2005 montre..."): the language files' [points] evidence. It backs a point
    but is none: a point says what the clinic does or what the reader can do."""
    return find_role_term("points", "evidence", text) is not None


def vouches(text: str) -> bool:
    """A sentence that backs the care but tells none: a study's finding (`reports_evidence`) or
    who the practitioner is ("With more than 15 years of experience as a podiatrist, I...",
    "Dr. X is the only chiropractor in ...": the language files' [points] credentials)."""
    return reports_evidence(text) or find_role_term("points", "credentials", text) is not None
