"""The conclusion: a conclusion section's key lines, or without one, a closing paragraph that
sums up or asks the reader to act, in the article's own words."""

from __future__ import annotations

import re

from pipeline.digest.choose import inherited_roles
from pipeline.digest.point_blocks import content_blocks
from pipeline.digest.section_text import drop_list_intro, role_text
from pipeline.digest.sections import Section
from pipeline.digest.sentences import split_sentences, stem_set, word_count
from pipeline.digest.vocabulary import find_role_term, is_cue
from pipeline.models import Block

ENDS_SENTENCE = re.compile(r"[.!?。！？][\"”’')]?\s*$")


def summing_up(sections: list[Section], section: Section) -> str | None:
    """A conclusion section's key lines: the first two sentences of its first real paragraph (a
    caption without a full stop is passed over); a section of a list alone gives its list."""
    paragraphs = [
        b for b in content_blocks(section) if b.kind == "paragraph" and ENDS_SENTENCE.search(b.text)
    ]
    if not paragraphs:
        return role_text(sections, section)
    return drop_list_intro(" ".join(split_sentences(paragraphs[0].text)[:2]))


def closing_text(sections: list[Section], body: list[Block], headline: str) -> str | None:
    """Without a conclusion section: a paragraph in the last third that opens by summing up
    ("So there we have it", "En resumen"), else the closing paragraph when it speaks to the
    reader."""
    return wrap_up(body[len(body) * 2 // 3 :]) or closing_paragraph(sections, headline)


def wrap_up(blocks: list[Block]) -> str | None:
    """A paragraph that opens by summing up ("So there we have it", "En resumen")."""
    for block in reversed(blocks):
        match = find_role_term("cues", "conclusion", block.text)
        if block.kind == "paragraph" and match and match.start() == 0:
            return drop_list_intro(block.text)
    return None


def closing_paragraph(sections: list[Section], headline: str) -> str | None:
    """The article's last real paragraph (contact details and link lines aside), when it sums up
    or asks the reader to act: from its first such sentence, two sentences (three after a
    question). A post that ends on a list, a FAQ or a case's last step has none."""
    kept = [s for s in sections if s.role not in ("faq", "references", "case", "cta")]
    blocks = [b for s in kept[-2:] for b in s.blocks if b.kind != "heading"]
    while blocks and is_page_furniture(blocks[-1]):
        blocks.pop()
    if len(blocks) < 2 or blocks[-1].kind != "paragraph":
        return None
    sentences = [t for t in split_sentences(blocks[-1].text) if not is_page_furniture_text(t)]
    cued = [i for i, t in enumerate(sentences) if is_cue("conclusion", t) or is_cue("cta", t)]
    ends_the_post = inherited_roles(sections)[-1] not in ("faq", "case")  # not after a FAQ
    if not sentences or sentences[-1].endswith(":") or not (cued or ends_the_post):
        return None
    if not cued and not closes_on_subject(sentences[0], headline):
        return None
    first = cued[0] if cued else 0
    size = 3 if sentences[first].endswith("?") else 2
    return " ".join(sentences[first : first + size])


def closes_on_subject(sentence: str, headline: str) -> bool:
    """A last sentence without a closing cue still closes the post when it speaks of the
    headline's subject and is not a step of the treatment or advice to see someone."""
    other = ("treatment", "professional")
    return bool(stem_set(headline) & stem_set(sentence)) and not any(
        is_cue(role, sentence) for role in other
    )


def is_page_furniture(block: Block) -> bool:
    return word_count(block.text) < 4 or is_page_furniture_text(block.text)


def is_page_furniture_text(text: str) -> bool:
    """A line that is contact details, a bare link or template code, not prose."""
    return bool(
        re.search(
            r"\(\d{2,3}\)\s?\d|\d{3,5}[- ]\d{4}|https?://|\{[%{]|[%}]\}|^disclaimer\b", text, re.I
        )
        or re.match(r"(learn|read|find out) more\b", text, re.I)
    )
