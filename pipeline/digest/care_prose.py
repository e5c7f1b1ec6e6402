"""Treatment told where the structure does not say so, and description that is none: a list
opened by a line that names the treatment in any language ("Os tratamentos da periodontia
envolvem:", read by the language files' treatment and self-care heading words); a paragraph
of care under a heading about the problem in a post of self-care tips; and the sections
named for the symptoms or causes, never drawn as treatment when no sentence speaks of care."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from pipeline.digest.point_blocks import (
    content_blocks,
    is_cta,
    reports_evidence,
    sentence_point,
    speaks_of_care,
)
from pipeline.digest.points_prose import names_conditions
from pipeline.digest.points_sections import MAX_POINTS, point_from_section
from pipeline.digest.points_topics import numbered_steps
from pipeline.digest.sections import Section, loose_role
from pipeline.digest.sentences import rank_central, split_sentences
from pipeline.digest.vocabulary import find_role_term
from pipeline.models import Point

CARE_ROLES = ("treatment", "selfcare")
TOLD_ROLES = ("symptom", "cause")  # sections that describe the problem, never its care
CARE_SENTENCES = 2  # a paragraph of care tells it in two sentences or more


def names_care(line: str) -> bool:
    """A line whose first role word is one of care ("Treatment options include:", "Os
    tratamentos envolvem:", "treatments you can try for your condition:"), not one that
    lists conditions first ("Conditions we treat:") or names what is beside the care ("les
    critères diagnostiques reposent sur:")."""
    role = loose_role(line)
    care = find_role_term("headings", role, line) if role in CARE_ROLES else None
    conditions = find_role_term("points", "conditions", line)
    first = care is not None and (conditions is None or care.start() < conditions.start())
    return first and not is_aside(line)


def named_sections(sections: list[Section]) -> list[Section]:
    """The sections with a heading that may hold care when no sentence names one: not those
    named for the symptoms or the causes ("## 원인", "## 증상"), which describe the problem."""
    return [s for s in sections if s.heading and s.role not in TOLD_ROLES]


def care_paragraph_points(sections: list[Section], tips: AbstractSet[str]) -> list[Point]:
    """A post with no treatment section may still tell the care in a paragraph of its own
    under a heading about the problem ("Your doctor may recommend that you see a physical
    therapist. They can combine gentle exercise with..." at the end of a symptom section):
    each sentence of such a paragraph, every one about care, is a point, but for the reader's
    tips (in `tips` or told as advice) and a study's finding; the most central eight when
    there are more, in article order."""
    paragraphs = [
        split_sentences(block.text)
        for section in sections
        if section.role in (None, *TOLD_ROLES)
        for block in content_blocks(section)
        if block.kind == "paragraph"
    ]
    told = [s for sentences in paragraphs if tells_care(sentences) for s in sentences]
    kept = [s for s in told if s not in tips and not advises(s) and not reports_evidence(s)]
    central = set(rank_central(kept)[:MAX_POINTS])
    return [sentence_point(s) for s in kept if s in central]


def tells_care(sentences: list[str]) -> bool:
    """Two sentences or more, each of care, none a question or about the diagnosis."""
    return len(sentences) >= CARE_SENTENCES and all(
        speaks_of_care(s) and not s.endswith("?") and not is_aside(s) for s in sentences
    )


def is_aside(sentence: str) -> bool:
    """A sentence about what is beside the care ("le diagnostic repose sur...")."""
    return find_role_term("points", "aside", sentence) is not None


def advises(sentence: str) -> bool:
    """A sentence that advises the reader ("make sure to...", "avoid..."): self-care."""
    return find_role_term("points", "advice", sentence) is not None


def introduced_sections(sections: list[Section]) -> list[Point]:
    """Subsections that a section's closing line introduces as care, in place of a list ("There
    are many simple treatments that you can incorporate:" over "##### Ice", "##### Heat"):
    each is a point labelled with its heading, unless it has a role of its own or is one of
    the numbered steps (then its own kind of section, or the steps, give its points). Numbered
    remedies under a risk-factor heading are no steps: the line gives them. In a symptom or
    cause section, a line that names no care ("Durante uma crise, você pode sentir:") opens
    what is felt, not tips."""
    points: list[Point] = []
    steps = numbered_steps(sections)
    for index, section in enumerate(sections):
        if not ends_on_care_intro(section) or (
            section.role in TOLD_ROLES and not names_care(section.blocks[-1].text)
        ):  # "Sintomas": "Durante uma crise, você pode sentir:" opens the symptoms
            continue
        for place, below in enumerate(sections[index + 1 :], index + 1):
            if below.level <= section.level:
                break
            if below.role is None and place not in steps and (point := point_from_section(below)):
                points.append(point)
    return points


def ends_on_care_intro(section: Section) -> bool:
    """A section whose last block is a paragraph that opens care, not a call to action."""
    last = section.blocks[-1] if section.blocks else None
    if not (last and last.kind == "paragraph" and introduces_care(last.text)):
        return False
    return not is_cta(last.text)


def introduces_care(text: str) -> bool:
    """A paragraph whose last sentence opens a list of care or tips ("There are many simple
    sciatica treatments that you can incorporate:")."""
    sentences = split_sentences(text)
    last = sentences[-1] if sentences else ""
    if not last.endswith((":", "：")):
        return False
    tips = find_role_term("points", "tips_intro", last) is not None
    return names_care(last) or (tips and not names_conditions(last))
