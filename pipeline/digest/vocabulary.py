"""The words that tell the digest what a heading or a sentence is for, in every language.

One place only: the role classifier asks `term_pattern()` and never holds a word list of its
own. The words are the language files' (`templates/languages/<code>.toml`, read through
`pipeline.languages`): every language's headings and cues together, because a post may mix
them (an English page of a Korean clinic, a Spanish post with English headings). Adding a
language is adding its file.

Speed: the files hold some 1,700 fragments, and a case-insensitive alternation of them makes
the regex engine enter every alternative at every word of every text (about 80 ms per
article). So each fragment that starts with a plain letter is written as that letter's two
cases in brackets followed by the rest, and the fragments that open with the same letter, in all
languages, share that bracket: `[cC](?i:auses? include|aused by)`. The engine skips such an
alternative on its first character without entering it (some 40 checks at a word instead of
1,700 attempts). Matches start where the plain alternation's do; at the same start, a phrase
may now win over another of the same role that was listed before it. Compiling them all still
costs about 0.1 s, so their compiled form is kept between runs (`pipeline.patterncache`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.languages import ROLES, load_language, role_sources, supported_languages
from pipeline.models import ConfigError
from pipeline.patterncache import compile_cached

__all__ = ["ROLES", "find_role_term", "is_cue", "role_words", "term_pattern"]

WORD_START = r"(?<!\w)"  # how pipeline.languages starts a "word-start" language's pattern
SPECIAL = frozenset("\\()[].^$|?*+{")
QUANTIFIERS = ("?", "*", "+", "{")


@lru_cache(maxsize=64)
def term_pattern(kind: str, role: str) -> re.Pattern[str]:
    """One pattern for a role's "headings" or "cues" in every language, case-insensitive."""
    word_start: list[str] = []  # fragments that must start a word, all languages in turn
    anywhere: list[str] = []  # fragments of the languages matched anywhere (Korean, Japanese)
    for code in supported_languages():
        pattern = role_sources(code, kind).get(role)
        if pattern is not None:
            found = word_start if pattern.startswith(WORD_START) else anywhere
            found += fragments_of(pattern.removeprefix(WORD_START))
    parts = [WORD_START + quick_form(word_start)] if word_start else []
    parts += [quick_form(anywhere)] if anywhere else []
    try:
        return compile_cached("|".join(parts) or r"(?!x)x")
    except re.error as exc:
        for code in supported_languages():
            load_language(code)  # checks each file: names the file and key of a bad fragment
        raise ConfigError(f"the {kind} patterns for '{role}' do not compile: {exc}") from None


@lru_cache(maxsize=64)
def role_words(kind: str, role: str) -> re.Pattern[str]:
    """A word of the role with the rest of its word ("symptom" + "s"), case-insensitive: what
    is left of a label once they are taken out tells whether it is only the role's label."""
    return compile_cached(rf"(?i)(?:{term_pattern(kind, role).pattern})\w*")


def fragments_of(pattern: str) -> list[str]:
    """The alternatives of one language's role pattern, "(?:a|b|...)"."""
    if pattern.startswith("(?:") and pattern.endswith(")"):
        pattern = pattern[3:-1]
    return split_alternatives(pattern)


def quick_form(fragments: list[str]) -> str:
    """The fragments as one case-insensitive alternation, those that open with the same letter
    grouped behind it ("[cC](?i:auses? include|aused by)"), in the order they first appear."""
    groups: dict[str, list[str]] = {}
    for fragment in fragments:
        first = fragment[:1]
        if not first or first in SPECIAL or fragment[1:2] in QUANTIFIERS:
            groups[fragment] = []  # no plain first letter: stays whole
        else:
            groups.setdefault(first.lower(), []).append(fragment[1:])
    parts = [
        f"{first_letter(key)}(?i:{'|'.join(tails)})" if tails else f"(?i:{key})"
        for key, tails in groups.items()
    ]
    return "(?:" + "|".join(parts) + ")"


def first_letter(letter: str) -> str:
    """A letter in both its cases, "[cC]"; a character without case as itself."""
    cases = sorted(c for c in {letter, letter.upper()} if len(c) == 1)
    return "[" + "".join(map(re.escape, cases)) + "]" if len(cases) > 1 else re.escape(letter)


def split_alternatives(body: str) -> list[str]:
    """The top-level alternatives of a regex ("a|(b|c)|[|]" -> "a", "(b|c)", "[|]")."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 + (body[index + 1 : index + 2] == "^")
            continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
        index += 1
    return [*parts, body[start:]]


def find_role_term(kind: str, role: str, text: str) -> re.Match[str] | None:
    """Where the text first uses a word of the role ("headings" or "cues")."""
    return term_pattern(kind, role).search(text)


def is_cue(role: str, text: str) -> bool:
    return find_role_term("cues", role, text) is not None
