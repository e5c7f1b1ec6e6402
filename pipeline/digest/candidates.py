"""The candidates for the symptom and the cause: each sentence and list item of the article,
with where it stands (its section's role, whether it opens that section, its place, the items
of its list). choose.py scores them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.digest.point_blocks import is_cta, never_told
from pipeline.digest.sections import Section
from pipeline.digest.sentences import split_sentences, word_count
from pipeline.digest.vocabulary import term_pattern
from pipeline.models import Block

__all__ = ["Candidate", "candidates", "has_cue", "inherited_roles"]

ITEM_LABEL = re.compile(r"([^:.!?]{2,40}):\s")  # "Presbiopia: a presbiopia é…"
LABEL_WORDS = 5


@dataclass(frozen=True)
class Candidate:
    text: str
    role: str | None  # its section's role (a subsection takes its parent's), or its list's
    first: bool  # the first sentence or item of the first section with its role
    named: bool  # its section's heading names the symptoms themselves ("Signs", "증상")
    position: float  # 0.0 at the article's start, 1.0 at its end
    run: tuple[str, ...] = ()  # a list item's next items in the same list
    later_item: bool = False  # a list item after the list's first
    item: bool = False  # a list item, not a sentence of a paragraph
    hook: bool = False  # the opening's first sentence that names a complaint
    first_paragraph: bool = False  # a sentence of the article's first paragraph


def candidates(sections: list[Section]) -> list[Candidate]:
    """Each sentence of each paragraph and each list item, with where it stands."""
    placed: list[Candidate] = []
    seen: set[tuple[str | None, bool]] = set()
    for section, role in zip(sections, inherited_roles(sections), strict=True):
        key = (role, role == "symptom" and names_symptoms(section))  # "Symptoms" after "What is it"
        placed += section_candidates(section, role, key not in seen)
        seen.add(key)
    total = max(1, len(placed) - 1)
    opening = opening_sentences(sections)
    return [
        replace(c, position=index / total, first_paragraph=index < opening)
        for index, c in enumerate(placed)
    ]


def opening_sentences(sections: list[Section]) -> int:
    """How many sentences the article's first paragraph holds, before any heading."""
    if not sections or sections[0].heading is not None:
        return 0
    first = next((b for b in sections[0].blocks if b.kind != "heading"), None)
    if first is None or first.kind != "paragraph" or is_cta(first.text):
        return 0
    return len(split_sentences(first.text))


def section_candidates(section: Section, role: str | None, opening: bool) -> list[Candidate]:
    """The candidates of one section; the items of a list whose lead-in names a role
    ("Symptoms include:", "下記の症状が…") take that role in a section without one."""
    found: list[Candidate] = []
    blocks = [b for b in section.blocks if b.kind != "heading" and not never_told(b.text)]
    lead_role: str | None = None
    named = names_symptoms(section)
    for index, block in enumerate(blocks):
        if block.kind == "item":
            run = tuple(item_name(b) for b in itertools.takewhile(is_item, blocks[index + 1 :]))
            first = opening and not found
            later = index > 0 and is_item(blocks[index - 1])
            head = Candidate(block.text, role or lead_role, first, named, 0.0, run, later, True)
            found += item_candidates(head, role)
            continue
        sentences = split_sentences(block.text)
        lead_role = cue_role(sentences[-1]) if sentences else None
        listed = tuple(item_name(b) for b in itertools.takewhile(is_item, blocks[index + 1 :]))
        for number, sentence in enumerate(sentences, 1):
            run = listed if number == len(sentences) and sentence.endswith(":") else ()
            found.append(Candidate(sentence, role, opening and not found, named, 0.0, run))
    return found


def item_candidates(item: Candidate, role: str | None) -> list[Candidate]:
    """A list item, or each sentence of an item that holds several ("Tension headaches: they
    occur when... You may feel... They can be caused by..."): the first keeps the item's
    place in its list; the others take the role of their section, not the one the list's
    lead-in gives its items ("conditions that can cause headaches:")."""
    sentences = split_sentences(item.text)
    if len(sentences) < 2:
        return [item]
    rest = [replace(item, text=t, role=role, first=False, run=()) for t in sentences[1:]]
    return [replace(item, text=sentences[0]), *rest]


def names_symptoms(section: Section) -> bool:
    return term_pattern("signals", "symptom_heading").search(section.heading or "") is not None


def item_name(block: Block) -> str:
    """How a list item is shown after another: by its label when it has one ("Astigmatismo"
    for "Astigmatismo: o astigmatismo é uma condição…"), else whole."""
    label = block.lead or (match.group(1) if (match := ITEM_LABEL.match(block.text)) else None)
    return label.strip(" :.–—-") if label and word_count(label) <= LABEL_WORDS else block.text


def is_item(block: Block) -> bool:
    return block.kind == "item"


def cue_role(text: str) -> str | None:
    """The role a list's lead-in names by its cue, if it names the symptom or the cause."""
    return next((role for role in ("symptom", "cause") if has_cue(role, text)), None)


def inherited_roles(sections: list[Section]) -> list[str | None]:
    """Each section's role; a section without one takes the role of the nearest section it
    sits under (a shallower heading before it) that has one ("## Causes" then "### Poor
    posture"; "## FAQ" then "### How many sessions?" and "### Can I come in pain?")."""
    roles: list[str | None] = []
    above: list[tuple[int, str | None]] = []  # the open headings: (level, role)
    for section in sections:
        while above and (section.level == 0 or above[-1][0] >= section.level):
            above.pop()
        role = section.role or next((r for _, r in reversed(above) if r), None)
        roles.append(role)
        if section.level:
            above.append((section.level, section.role or role))
    return roles


@lru_cache(maxsize=16384)  # each text is asked for several roles, for both fields
def has_cue(role: str, text: str) -> bool:
    return term_pattern("cues", role).search(text) is not None
