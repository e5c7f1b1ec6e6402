"""A section's own text for a field: its first paragraph, or the list it introduces, or the
titles of its subsections, in the article's own words."""

from __future__ import annotations

from pipeline.digest.point_blocks import content_blocks, next_items
from pipeline.digest.points_sections import subsections
from pipeline.digest.sections import Section
from pipeline.digest.sentences import ELLIPSIS, split_sentences, word_count
from pipeline.models import Block

LIST_JOIN = "; "  # joins list items quoted together in one field
MAX_LIST_ITEMS = 5


def role_text(sections: list[Section], section: Section) -> str | None:
    return section_text(section, subsections(sections, sections.index(section)))


def section_text(section: Section, parts: list[Section] | None = None) -> str | None:
    """The first paragraph of a section, or its list when it introduces one, or the headings of
    its subsections ("### Herniated Disc", "### Spinal Stenosis") when it has no text of its own."""
    blocks = content_blocks(section)
    if not blocks:
        titles = [p.title for p in parts or [] if p.title]
        return LIST_JOIN.join(titles[:MAX_LIST_ITEMS]) or None
    first, rest = blocks[0], blocks[1:]
    if first.kind == "item":
        return join_items(blocks)
    if (
        rest
        and rest[0].kind == "item"
        and (first.text.endswith(":") or word_count(first.text) < 16)
    ):
        return f"{first.text} {join_items(rest)}"  # "Common symptoms include:" and its list
    return drop_list_intro(first.text)


def join_items(blocks: list[Block]) -> str:
    """The list at the start of `blocks`, its first items joined, "…" when some are left out."""
    run = next_items(blocks)
    listed = LIST_JOIN.join(b.text.rstrip(".") for b in run[:MAX_LIST_ITEMS])
    return listed + (ELLIPSIS if len(run) > MAX_LIST_ITEMS else "")


def drop_list_intro(text: str) -> str:
    """A paragraph without its closing "here are some tips:" sentence (the list is elsewhere)."""
    sentences = split_sentences(text)
    if len(sentences) > 1 and sentences[-1].endswith(":"):
        return " ".join(sentences[:-1])
    return text
