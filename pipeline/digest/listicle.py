"""A listicle whose title names a part of the story ("4 Serious Tendonitis Symptoms", "5 Causes
of Back Pain", "무릎 통증의 원인 5가지"): its numbered sections are that part, signs or causes,
not the steps of a treatment."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.digest.sections import Section, loose_role

COUNT = re.compile(r"(?<![\d.,:/])\d{1,2}(?![\d.,:/%])")  # "4 Serious", "Top 5", "5가지"; no date
STORY_PARTS = ("symptom", "cause")


def titled_parts(sections: list[Section], headline: str) -> list[Section]:
    """The sections, the numbered ones without a role given the role the headline counts."""
    role = loose_role(headline)
    numbered = [s for s in sections if s.numbered and not s.role and s.blocks]
    if role not in STORY_PARTS or not COUNT.search(headline) or len(numbered) < 2:
        return sections
    return [replace(s, role=role) if s in numbered else s for s in sections]
