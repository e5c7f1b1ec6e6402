"""Treatment told where the structure does not say so: a list opened by a line that names the
treatment in any language ("Os tratamentos da periodontia envolvem:", "Le traitement
comprend :"), read by the words of the language files' treatment and self-care headings."""

from __future__ import annotations

from pipeline.digest.points_prose import names_conditions
from pipeline.digest.sections import Section, loose_role
from pipeline.digest.vocabulary import find_role_term

CARE_ROLES = ("treatment", "selfcare")
TOLD_ROLES = ("symptom", "cause")  # sections that describe the problem, never its care


def names_care(line: str) -> bool:
    """A line whose first role word is one of care ("Treatment options include:", "Os
    tratamentos envolvem:"), not one that lists conditions ("Conditions we treat:") or what
    is beside the care ("les critères diagnostiques reposent sur:")."""
    beside = find_role_term("points", "aside", line) is not None
    return loose_role(line) in CARE_ROLES and not names_conditions(line) and not beside


def named_sections(sections: list[Section]) -> list[Section]:
    """The sections with a heading that may hold care when no sentence names one: not those
    named for the symptoms or the causes ("## 원인", "## 증상"), which describe the problem."""
    return [s for s in sections if s.heading and s.role not in TOLD_ROLES]
