"""The words that tell the digest what a heading or a sentence is for, in every language.

One place only: the role classifier asks `heading_terms()` and `cue_terms()` and never holds a
word list of its own. Terms are lower-case phrases; a heading or sentence matches a term that
starts at a word start (so "cause" also finds "causes", "caused"; Korean and Japanese terms
match anywhere). The words live in `templates/digest/roles.toml`, one table per language, so
adding a language is a data change only.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from pipeline.brand import resource_dir

ROLES = (
    "symptom",
    "cause",
    "treatment",
    "selfcare",
    "professional",
    "case",
    "conclusion",
    "faq",
    "cta",
    "references",
)

Terms = dict[str, tuple[str, ...]]
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, dict[str, Terms]]:
    """{language: {"headings" | "cues": {role: terms}}} as the data file gives it."""
    path = resource_dir("templates") / "digest" / "roles.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        lang: {
            kind: {role: tuple(words) for role, words in table.items()}
            for kind, table in kinds.items()
        }
        for lang, kinds in data.items()
    }


@lru_cache(maxsize=1)
def heading_terms() -> Terms:
    """Heading words for each role, every language together (a post may mix them)."""
    return merge_languages("headings")


@lru_cache(maxsize=1)
def cue_terms() -> Terms:
    """Sentence cue phrases for each role, every language together."""
    return merge_languages("cues")


def merge_languages(kind: str) -> Terms:
    merged: dict[str, list[str]] = {role: [] for role in ROLES}
    for tables in load_vocabulary().values():
        for role, words in tables.get(kind, {}).items():
            merged.setdefault(role, [])
            merged[role] += [w for w in words if w not in merged[role]]
    return {role: tuple(words) for role, words in merged.items()}


@lru_cache(maxsize=64)
def term_pattern(kind: str, role: str) -> re.Pattern[str]:
    """One pattern for a role's terms, the longest first: a Latin term from a word start (a
    heading term also finds its plurals, a cue is whole words), a Korean or Japanese one anywhere
    (their words take particles and compounds)."""
    table = heading_terms() if kind == "headings" else cue_terms()
    terms = sorted(table.get(role, ()), key=len, reverse=True)
    parts = [
        ("" if CJK.match(t) else r"(?<![^\W\d_])")
        + re.escape(t.strip())
        + (r"\b" if kind == "cues" and not CJK.match(t) and t[-1:].isalnum() else "")
        for t in terms
    ]
    return re.compile("|".join(parts) or r"(?!x)x", re.I)


def find_role_term(kind: str, role: str, text: str) -> re.Match[str] | None:
    """Where the text first uses a word of the role ("headings" or "cues")."""
    return term_pattern(kind, role).search(text)


def is_cue(role: str, text: str) -> bool:
    return find_role_term("cues", role, text) is not None
