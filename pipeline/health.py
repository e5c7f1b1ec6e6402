"""The health-copy check: generated slides, quotes and captions against rules kept as data.

Rules live in `templates/rules/health.toml`. The check reads what will be posted; it never
changes the article or the generated text, it reports findings with a hedged alternative.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from pipeline.models import ConfigError, HealthFinding, Post, RenderedImage, Severity
from pipeline.settings import resource_dir

SEVERITIES = ("block", "warn")
CLAUSE_BREAK = re.compile(r"[.;:!?,—–()]")
NEGATION_WINDOW = 8  # words before a match that a "not"/"never" still governs


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    why: str
    forms: tuple[tuple[re.Pattern[str], str], ...]
    negatable: bool = False
    headline: bool = False


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    negation: re.Pattern[str]


@dataclass(frozen=True)
class Checked:
    """One generated line and where it will appear."""

    where: str
    text: str
    headline: bool = False


def rules_path() -> Path:
    return resource_dir("templates") / "rules" / "health.toml"


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> RuleSet:
    """Read and validate the rules file; errors name the rule and key to fix."""
    path = path or rules_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"health rules {path} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"health rules {path} are not valid TOML: {exc}") from None
    conditions = "|".join(str(c) for c in data.get("conditions", []))
    rules = tuple(
        parse_rule(path, i, raw, conditions) for i, raw in enumerate(data.get("rule", []), 1)
    )
    if not rules:
        raise ConfigError(f"health rules {path}: no [[rule]] tables")
    negation = compile_pattern(path, "negation", str(data.get("negation", r"\b(?:not|no)\b")))
    return RuleSet(rules, negation)


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


def check_text(text: str, ruleset: RuleSet, headline: bool = False) -> list[HealthFinding]:
    """Findings for one line of generated text (without `where`; see check_all).

    Every finding on a line carries the same suggestion: the line with all its flagged
    wording hedged at once, so staff get one sentence to paste.
    """
    fired: list[tuple[Rule, str]] = []
    for rule in ruleset.rules:
        if rule.headline and not headline:
            continue
        matched = first_match(rule, text, ruleset)
        if matched:
            fired.append((rule, matched))
    suggestion = suggest_wording([rule for rule, _ in fired], text, ruleset)
    return [make_finding(rule, text, matched, suggestion) for rule, matched in fired]


def first_match(rule: Rule, text: str, ruleset: RuleSet) -> str | None:
    for pattern, _ in rule.forms:
        for match in pattern.finditer(text):
            if not is_negated(rule, text, match, ruleset):
                return match.group(0).strip()
    return None


def is_negated(rule: Rule, text: str, match: re.Match[str], ruleset: RuleSet) -> bool:
    """ "no cure", "not guaranteed", "I'm not going to say it can cure": not a claim."""
    if not rule.negatable:
        return False
    clause = CLAUSE_BREAK.split(text[: match.start()])[-1]
    window = " ".join(clause.split()[-NEGATION_WINDOW:])
    return bool(ruleset.negation.search(window))


def make_finding(rule: Rule, text: str, matched: str, suggestion: str) -> HealthFinding:
    return HealthFinding(
        severity=rule.severity,
        rule=rule.id,
        text=text,
        match=matched,
        suggestion=suggestion,
        why=rule.why,
        where=(),
    )


def suggest_wording(rules: Sequence[Rule], text: str, ruleset: RuleSet) -> str:
    """The line with the rules' hedged replacements applied in file order, tidied."""
    for rule in rules:
        for pattern, replacement in rule.forms:
            text = hedge_form(rule, pattern, replacement, text, ruleset)
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return text[:1].upper() + text[1:]


def hedge_form(
    rule: Rule, pattern: re.Pattern[str], replacement: str, text: str, ruleset: RuleSet
) -> str:
    """Replace one form's matches; negated wording ("there is no cure") stays as it is."""

    def swap(match: re.Match[str]) -> str:
        if is_negated(rule, match.string, match, ruleset):
            return match.group(0)
        return match.expand(replacement)

    return pattern.sub(swap, text)


def check_all(items: Iterable[Checked], ruleset: RuleSet | None = None) -> list[HealthFinding]:
    """Findings over many lines; the same line in several files is one finding with every file."""
    ruleset = ruleset or load_rules()
    merged: dict[tuple[str, str, str], HealthFinding] = {}
    for item in items:
        for finding in check_text(item.text, ruleset, item.headline):
            key = (finding.rule, finding.text, finding.match)
            seen = merged.get(key)
            where = (*seen.where, item.where) if seen else (item.where,)
            merged[key] = replace(finding, where=unique(where))
    order = {severity: i for i, severity in enumerate(SEVERITIES)}
    return sorted(merged.values(), key=lambda f: order[f.severity])


def unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def post_texts(post: Post, images: Sequence[RenderedImage]) -> list[Checked]:
    """Every generated text that gets posted: the words drawn on each image, and every caption."""
    items = [
        Checked(image.card.file, text, headline=image.card.kind == "cover")
        for image in images
        for text in image.texts
    ]
    captions = [("caption.txt", post.caption)]
    if post.captions:
        captions += [(f"caption-{Path(f).stem}.txt", c) for f, c in post.captions.quotes]
        captions.append(("caption-story.txt", post.captions.story))
    for where, caption in captions:
        lines = [line for line in caption.splitlines() if line.strip()]
        items += [Checked(where, line, headline=i == 0) for i, line in enumerate(lines)]
    return items


def check_post(
    post: Post, images: Sequence[RenderedImage], ruleset: RuleSet | None = None
) -> list[HealthFinding]:
    return check_all(post_texts(post, images), ruleset)


def blocking(findings: Iterable[HealthFinding]) -> list[HealthFinding]:
    return [f for f in findings if f.severity == "block"]


def format_finding(finding: HealthFinding) -> str:
    """One stderr line: severity, rule, where, the exact text, and the hedged suggestion."""
    return (
        f"health {finding.severity} [{finding.rule}] in {', '.join(finding.where)}: "
        f"“{finding.text}” (matched “{finding.match}”). {finding.why} "
        f"Suggested: “{finding.suggestion}”"
    )
