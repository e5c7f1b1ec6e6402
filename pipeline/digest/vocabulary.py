"""The words that tell the digest what a heading or a sentence is for, in every language.

One place only: the role classifier asks `term_pattern()` and never holds a word list of its
own. The words are the language files' (`templates/languages/<code>.toml`, read through
`pipeline.languages`): every language's headings and cues together, because a post may mix
them (an English page of a Korean clinic, a Spanish post with English headings). Adding a
language is adding its file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.languages import ROLES, load_language, supported_languages

__all__ = ["ROLES", "find_role_term", "is_cue", "term_pattern"]


@lru_cache(maxsize=64)
def term_pattern(kind: str, role: str) -> re.Pattern[str]:
    """One case-insensitive pattern for a role's "headings" or "cues" in every language."""
    parts = []
    for code in supported_languages():
        table = getattr(load_language(code), kind)
        if role in table:
            parts.append(f"(?:{table[role].pattern})")
    return re.compile("|".join(parts) or r"(?!x)x", re.I)


def find_role_term(kind: str, role: str, text: str) -> re.Match[str] | None:
    """Where the text first uses a word of the role ("headings" or "cues")."""
    return term_pattern(kind, role).search(text)


def is_cue(role: str, text: str) -> bool:
    return find_role_term("cues", role, text) is not None
