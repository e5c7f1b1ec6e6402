"""Which sections are the post's methods or steps, before their points are drawn: sections
that each name one method ("## Acupuncture", "#### Arch Supports"), with or without a heading
that groups them, and numbered steps ("Step 1 - Support the injury"). Causes told one by one
under a numbered heading are no steps; a title that names conditions is no method."""

from __future__ import annotations

import re

from pipeline.digest.point_blocks import content_blocks, lead_label, speaks_of_care, strip_lead
from pipeline.digest.points_prose import names_conditions
from pipeline.digest.sections import Section, exact_role
from pipeline.digest.sentences import word_count
from pipeline.digest.vocabulary import find_role_term

GENERIC_TREATMENT = re.compile(
    r"\b(treat\w*|help\w*|manag\w*|approach|tips|options?|plans?|what|how|why|when|who)\b"
    r"|치료\s?방법|치료법|tratamiento|治療(?:方法|法)",
    re.I,
)


def parent_index(sections: list[Section], index: int) -> int | None:
    """The heading a section sits under: the nearest one before it of a higher rank."""
    level = sections[index].level
    for before in range(index - 1, -1, -1):
        if 0 < sections[before].level < level:
            return before
    return None


def names_a_method(section: Section) -> bool:
    """A short heading naming one treatment ("Shockwave therapy"), not the section's kind."""
    title = section.title
    return (
        0 < word_count(title) <= 4
        and not title.endswith("?")
        and not exact_role(title)
        and not GENERIC_TREATMENT.search(title)
        and find_role_term("points", "course", title) is None  # "Duration": how long it lasts
        and not names_conditions(title)  # "Respiratory Conditions": what is treated
    )


def treatment_paragraph(section: Section) -> str | None:
    """The text of a paragraph the section labels as its treatment ("**Treatment:** ...",
    "**O tratamento:** ..."), as posts that take causes or types one by one do."""
    for block in content_blocks(section):
        label = lead_label(block)
        if block.kind == "paragraph" and label and exact_role(label) == "treatment":
            return strip_lead(block)
    return None


def numbered_steps(sections: list[Section]) -> set[int]:
    """A numbered listicle ("Step 1 - Support the injury", "2. Calf raises"): each step is a
    point, unless the numbers mark the story's parts ("1. Symptom: ...", "2. Anatomy"). Once
    two steps name a method, a short treatment title among them is a step too."""
    story_parts = ("symptom", "cause", "conclusion")
    if any(s.numbered and s.role in story_parts for s in sections):
        return set()
    listed = {
        i
        for i, s in enumerate(sections)
        if s.numbered and s.blocks and is_step(s) and not under_story_part(sections, i)
    }
    steps = {i for i in listed if not sections[i].role or names_a_method(sections[i])}
    return listed if len(steps) >= 2 else set()  # then "4. Electrotherapy Treatments" too


def under_story_part(sections: list[Section], index: int) -> bool:
    """A section under a symptom or cause heading: "## Common causes" over "### 1. Bursitis"
    tells the causes one by one, not the steps of a treatment, unless it labels a paragraph
    as the cause's treatment ("**O tratamento:** ...")."""
    parent = parent_index(sections, index)
    told = parent is not None and sections[parent].role in ("symptom", "cause")
    return told and treatment_paragraph(sections[index]) is None


def is_step(section: Section) -> bool:
    """A numbered section that can be one step: no role, or a short treatment or self-care
    title ("Step 3 - We Stretch" in the clinic's programme)."""
    short = word_count(section.title) <= 4
    return not section.role or (section.role in ("treatment", "selfcare") and short)


def method_topics(sections: list[Section]) -> set[int]:
    """Sections after the symptom and cause that each name one method ("## Acupuncture",
    "## Cupping"), alongside any treatment sections there; a heading with no role over such
    sections ("## Your return to sport with us" over "### Proprioception") is their group. A
    post with no symptom or cause section needs three of them, most speaking of care."""
    roles = [s.role for s in sections]
    told = [i for i, role in enumerate(roles) if role in ("symptom", "cause")]
    first = told[-1] + 1 if told else next((i for i, s in enumerate(sections) if s.level), 0)
    run: list[int] = []
    parent_level = sections[told[-1] if told else first].level if sections else 0
    for index in range(first, len(sections)):
        section = sections[index]
        if section.role:
            parent_level = section.level
        elif section.level > parent_level:
            continue  # under a "Causes" or "Treatment" heading: that section's own part
        if section.role == "treatment" or (not section.role and names_a_method(section)):
            run.append(index)
        elif not section.role and groups_methods(sections, index):
            parent_level = section.level + 1  # its subsections are the methods
        elif section.blocks and section.role != "selfcare":  # home care among the methods
            break
    topics = {i for i in run if not sections[i].role and sections[i].blocks}
    if not told and numbered_steps(sections):
        return set()  # the numbered steps are the post's methods
    if not told and (
        len(run) < 3 or 2 * sum(map(tells_care, (sections[i] for i in run))) <= len(run)
    ):
        return set()
    return topics if len(run) >= 2 else set()


def groups_methods(sections: list[Section], index: int) -> bool:
    """A heading whose subsections, two or more, each name one method and tell of it."""
    level = sections[index].level
    below: list[Section] = []
    for section in sections[index + 1 :]:
        if section.level <= level:
            break
        below.append(section)
    top = min((s.level for s in below), default=0)
    children = [s for s in below if s.level == top]
    return len(children) >= 2 and all(
        names_a_method(c) and c.blocks and c.role in (None, "treatment") for c in children
    )


def tells_care(section: Section) -> bool:
    """A section whose title or first paragraph speaks of care."""
    blocks = content_blocks(section)
    return speaks_of_care(section.title) or bool(blocks and speaks_of_care(blocks[0].text))
