"""Myth-busting posts, read for what they say (issue 11).

Many clinics write "Myth 1: Rest in bed when your back hurts" and answer it with "**The truth:**
moving is better". The myth is a claim the post refutes: never a tip, a cause or a treatment
point; its answer is the article's own point, without the label in front of it. The words that
label a myth and an answer are the language files' ([points] myth and verdict).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.digest.sections import Section, split_label
from pipeline.digest.vocabulary import term_pattern
from pipeline.models import Block

__all__ = ["plain_rhetoric"]

NUMBER = r"(?:\s*(?:#|n[º°o.]?\s*)?\d{1,2})?"  # "Myth 2", "Mito #3", "Mythe n°4"
LEAD = re.compile(r"^(?P<lead>[^:.!?]{2,40}?)\s*[:：–—]\s*(?=\S)")


@lru_cache(maxsize=4)
def marker(name: str) -> re.Pattern[str]:
    """A whole label that is only a myth or verdict word, with its number: "MITO 2", "The truth"."""
    words = term_pattern("points", name).pattern
    return re.compile(rf"\s*(?:{words}){NUMBER}\s*", re.I)


@lru_cache(maxsize=4)
def later_marker(name: str) -> re.Pattern[str]:
    """The label opening a later sentence: "... lifting causes pain. Fact: most ..."."""
    words = term_pattern("points", name).pattern
    return re.compile(rf"(?<=[.!?…。])\s*(?:{words}){NUMBER}\s*[:：–—]\s*(?=\S)", re.I)


def is_marked(name: str, label: str) -> bool:
    return marker(name).fullmatch(label) is not None


def plain_rhetoric(sections: list[Section]) -> list[Section]:
    """The sections with myths set aside: a section headed by a myth ("Mito 2: Levantar peso é
    a causa") has no role, a paragraph stating one ("**Myth:** ...") is left out, and the label
    of an answer ("A VERDADE:", "Truth -") is taken off its text."""
    return [plain_section(s) for s in sections]


def plain_section(section: Section) -> Section:
    blocks = tuple(b for b in (plain_block(b) for b in section.blocks) if b is not None)
    label, rest = split_label(section.title)
    if rest and is_marked("myth", label):
        return replace(section, role=None, label=None, blocks=blocks)
    return replace(section, blocks=blocks) if blocks != section.blocks else section


def plain_block(block: Block) -> Block | None:
    """The block without a verdict label; None for a myth stated alone; the answer after a
    myth in the same paragraph ("Myth: ... Truth: ...")."""
    match = LEAD.match(block.text)
    if not match:
        return block
    if is_marked("verdict", match.group("lead")):
        return replace(block, text=block.text[match.end() :], lead=None)
    if not is_marked("myth", match.group("lead")):
        return block
    answer = later_marker("verdict").search(block.text, match.end())
    return replace(block, text=block.text[answer.end() :], lead=None) if answer else None
