"""Health-copy rules as data: the rule files read, validated and compiled once per process,
the rules for a post's language, and whether a match is negated ("no cure")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from pipeline.brand import resource_dir
from pipeline.languages import base_code
from pipeline.models import ConfigError, Severity
from pipeline.tomlfile import read_toml

SEVERITIES = ("block", "warn")
CLAUSE_BREAK = re.compile(r"[.;:!?,—–()。！？]")
ANY_LANGUAGE = "*"  # a rules file whose rules apply to posts in every language
NEGATION_WINDOW = 8  # words before a match that a "not"/"never" still governs


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    why: str
    forms: tuple[tuple[re.Pattern[str], str], ...]
    negatable: bool = False
    headline: bool = False
    # its file's negation before the match (None: the RuleSet's), and after it ("완치되지 않")
    negation: re.Pattern[str] | None = None
    negation_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    negation: re.Pattern[str]
    language: str = "en"  # the file's `language`: a code, or "*" for every language


def rules_path() -> Path:
    return resource_dir("templates") / "rules" / "health.toml"


@lru_cache(maxsize=16)
def load_rules(path: Path | None = None) -> RuleSet:
    """Read and validate the rules file; errors name the rule and key to fix."""
    path = path or rules_path()
    try:
        data = read_toml(path, "health rules")
    except FileNotFoundError:
        raise ConfigError(f"health rules {path} not found") from None
    conditions = "|".join(str(c) for c in data.get("conditions", []))
    negation = compile_pattern(path, "negation", str(data.get("negation", r"\b(?:not|no)\b")))
    after = data.get("negation_after")
    negation_after = compile_pattern(path, "negation_after", str(after)) if after else None
    rules = tuple(
        replace(
            parse_rule(path, i, raw, conditions), negation=negation, negation_after=negation_after
        )
        for i, raw in enumerate(data.get("rule", []), 1)
    )
    if not rules:
        raise ConfigError(f"health rules {path}: no [[rule]] tables")
    return RuleSet(rules, negation, str(data.get("language", "en")))


@lru_cache(maxsize=16)
def rules_for(language: str | None) -> RuleSet:
    """The rules of the language's file plus the language-independent ones; a language
    without a rules file gets the English rules."""
    paths = {
        path: rules_language(path) for path in sorted(rules_path().parent.glob("health*.toml"))
    }
    code = base_code(language)
    own = [p for p, lang in paths.items() if lang == code]
    own = own or [p for p, lang in paths.items() if lang == "en"]
    chosen = [load_rules(p) for p in own + [p for p, lang in paths.items() if lang == ANY_LANGUAGE]]
    return RuleSet(tuple(rule for f in chosen for rule in f.rules), chosen[0].negation, code)


@lru_cache(maxsize=16)
def rules_language(path: Path) -> str:
    """A rules file's `language`, read without compiling its rules (only the chosen files'
    patterns are compiled: a run needs two of the nine)."""
    try:
        return str(read_toml(path, "health rules").get("language", "en"))
    except FileNotFoundError:
        raise ConfigError(f"health rules {path} not found") from None


def parse_rule(path: Path, number: int, raw: dict[str, Any], conditions: str) -> Rule:
    name = str(raw.get("id") or f"rule {number}")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise ConfigError(
            f"health rules {path}, {name}: severity must be one of {', '.join(SEVERITIES)}"
        )
    forms = raw.get("forms")
    if not isinstance(forms, list) or not forms:
        raise ConfigError(f"health rules {path}, {name}: forms must list [pattern, replacement]")
    compiled = []
    for form in forms:
        if not (isinstance(form, list) and len(form) == 2):
            raise ConfigError(f"health rules {path}, {name}: each form is [pattern, replacement]")
        pattern = str(form[0]).replace("{condition}", conditions)
        compiled.append((compile_pattern(path, name, pattern), str(form[1])))
    return Rule(
        id=name,
        severity=cast(Severity, severity),
        why=str(raw.get("why", "")),
        forms=tuple(compiled),
        negatable=bool(raw.get("negatable", False)),
        headline=bool(raw.get("headline", False)),
    )


def compile_pattern(path: Path, name: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"health rules {path}, {name}: bad pattern ({exc})") from None


def is_negated(rule: Rule, text: str, match: re.Match[str], ruleset: RuleSet) -> bool:
    """ "no cure", "not guaranteed", "I'm not going to say it can cure": not a claim."""
    if not rule.negatable:
        return False
    clause = CLAUSE_BREAK.split(text[: match.start()])[-1]
    window = " ".join(clause.split()[-NEGATION_WINDOW:])
    if (rule.negation or ruleset.negation).search(window):
        return True
    rest = CLAUSE_BREAK.split(text[match.start() :])[0]  # the match to its clause's end
    return bool(rule.negation_after and rule.negation_after.match(rest))  # "완치되지 않습니다"
