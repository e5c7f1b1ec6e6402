"""The words a line should not end on, read from templates/breaks/<code>.toml (one file per
language, see its README): `weak` (articles, possessives, binding prepositions) and `soft`
(other prepositions and conjunctions). The renderer is language-blind, so it uses the union."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.brand import resource_dir
from pipeline.models import ConfigError
from pipeline.tomlfile import read_toml

KEYS = ("weak", "soft")
LEADING = "“‘\"'(«¿¡„"


@dataclass(frozen=True)
class BreakWords:
    weak: frozenset[str]
    soft: frozenset[str]


def breaks_dir() -> Path:
    return resource_dir("templates") / "breaks"


@lru_cache(maxsize=1)
def break_words() -> BreakWords:
    """Every language file's lists, joined; a word weak in one language is weak (not soft)."""
    weak: set[str] = set()
    soft: set[str] = set()
    for path in sorted(breaks_dir().glob("*.toml")):
        data = read_toml(path, "line-break word list")
        for key, value in data.items():
            if key not in KEYS or not isinstance(value, list):
                raise ConfigError(f"{path}: expected 'weak' and 'soft' lists of words, got {key!r}")
            words = {str(word).lower() for word in value}
            (weak if key == "weak" else soft).update(words)
    return BreakWords(frozenset(weak), frozenset(soft - weak))


def bare_word(word: str) -> str:
    """The word as the lists hold it: lower case, leading quotes and brackets stripped."""
    return word.lower().lstrip(LEADING)


def is_weak_ending(word: str) -> bool:
    return bare_word(word) in break_words().weak


def is_soft_ending(word: str) -> bool:
    return bare_word(word) in break_words().soft
