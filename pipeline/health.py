"""The health-copy check: generated slides, quotes and captions against rules kept as data.

Rules live in `templates/rules/health.toml` (English) and `health-<code>.toml` (one file per
language; `health-any.toml` holds the language-independent ones). A post is checked against its
language's rules and the language-independent ones. The check reads what will be posted; it
never changes the article or the generated text, it reports findings with a hedged alternative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from pipeline.brand import resource_dir
from pipeline.languages import base_code, detect_language
from pipeline.models import ConfigError, HealthFinding, Post, RenderedImage, Severity
from pipeline.tomlfile import read_toml

SEVERITIES = ("block", "warn")
CLAUSE_BREAK = re.compile(r"[.;:!?,—–()。！？]")
ANY_LANGUAGE = "*"  # a rules file whose rules apply to posts in every language
NEGATION_WINDOW = 8  # words before a match that a "not"/"never" still governs
REMOVE = "!remove"  # a form's replacement when no honest rewording exists
REMOVE_CLAIM = "Remove this claim."
MAX_EDITS = 20  # edits one form may make on one line
JOINER = re.compile(r"(?:\s*,)?\s*(?:\b(?:and|or|plus|with)|&|,)$", re.IGNORECASE)
# Words that need what follows them: dropping the phrase after one leaves a broken sentence.
NEEDS_OBJECT = frozenset(
    [
        "a",
        "an",
        "the",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "get",
        "gets",
        "got",
        "give",
        "gives",
        "gave",
        "offer",
        "offers",
        "provide",
        "provides",
        "deliver",
        "delivers",
        "achieve",
        "achieves",
        "see",
        "sees",
        "bring",
        "brings",
        "promise",
        "promises",
        "produce",
        "produces",
        "enjoy",
        "expect",
        "for",
        "of",
        "to",
        "from",
        "by",
        "in",
        "on",
        "at",
        "our",
        "your",
        "their",
        "its",
        "my",
        "this",
        "that",
    ]
)
FUNCTION_WORDS = NEEDS_OBJECT | frozenset(["and", "or", "but", "with", "plus", "so", "than", "as"])


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


@dataclass(frozen=True)
class Checked:
    """One generated line and where it will appear."""

    where: str
    text: str
    headline: bool = False


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
    if (rule.negation or ruleset.negation).search(window):
        return True
    rest = CLAUSE_BREAK.split(text[match.start() :])[0]  # the match to its clause's end
    return bool(rule.negation_after and rule.negation_after.match(rest))  # "완치되지 않습니다"


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
    """The line with the rules' hedged replacements applied in file order, tidied.

    When a claim has no honest hedge, or dropping it would break the sentence, the suggestion
    is to remove the claim: a suggestion never adds wording the line did not have.
    """
    hedged: str | None = text
    for rule in rules:
        for pattern, replacement in rule.forms:
            if hedged is not None:
                hedged = hedge_form(rule, pattern, replacement, hedged, ruleset)
    if hedged is None or not re.search(r"\w", hedged):
        return REMOVE_CLAIM
    hedged = re.sub(r"\s{2,}", " ", hedged).strip()
    hedged = re.sub(r"\s+([.,;:!?])", r"\1", hedged)
    return hedged[:1].upper() + hedged[1:]


def hedge_form(
    rule: Rule, pattern: re.Pattern[str], replacement: str, text: str, ruleset: RuleSet
) -> str | None:
    """Replace one form's matches; negated wording ("there is no cure") stays as it is.

    None when the form's wording cannot be hedged or dropped cleanly.
    """
    position = 0
    for _ in range(MAX_EDITS):
        match = next_claim(rule, pattern, text, position, ruleset)
        if match is None:
            return text
        if replacement == REMOVE:
            return None
        if replacement or match.group(0)[-1:].isspace():  # a hedge, or a modifier dropped
            new = match.expand(replacement)
            text = text[: match.start()] + new + text[match.end() :]
            position = match.start() + len(new)
            continue
        dropped = drop_phrase(text, match.start(), match.end())
        if dropped is None:
            return None
        text, position = dropped
    return text


def next_claim(
    rule: Rule, pattern: re.Pattern[str], text: str, position: int, ruleset: RuleSet
) -> re.Match[str] | None:
    for match in pattern.finditer(text, position):
        if not is_negated(rule, text, match, ruleset):
            return match
    return None


def drop_phrase(text: str, start: int, end: int) -> tuple[str, int] | None:
    """Drop a whole phrase with the "and"/"with"/comma that joined it; None if that breaks it."""
    before = text[:start].rstrip()
    while (joined := JOINER.sub("", before)) != before:
        before = joined
    after = text[end:]
    last = (before.split() or [""])[-1].lower()
    following = re.match(r"\s*([^\W\d_]+)", after)
    nxt = following.group(1).lower() if following else ""
    if last in NEEDS_OBJECT and (not nxt or nxt in FUNCTION_WORDS):
        return None
    if (not before or before[-1] in ".!?:") and nxt in FUNCTION_WORDS:
        return None
    spacer = " " if following and before else ""
    return before + spacer + after.lstrip() if spacer else before + after, len(before)


def check_all(
    items: Iterable[Checked], ruleset: RuleSet | None = None, language: str | None = None
) -> list[HealthFinding]:
    """Findings over many lines; the same line in several files is one finding with every file.

    Without a ruleset: the rules of `language` (English when None) and the independent ones."""
    ruleset = ruleset or rules_for(language)
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
    """Every generated text that gets posted: the words drawn on each image, and every caption.

    Wherever the headline is drawn or posted (cover, story, a quote card's source line, a
    caption), it is checked as a headline, so its findings list every file that shows it.
    """
    headline = post_headline(post)
    items = [
        item
        for image in images
        for text in image.texts
        for item in split_headline(image.card.file, text, headline, image.card.kind == "cover")
    ]
    captions = [("caption.txt", post.caption)]
    if post.captions:
        captions += [(f"caption-{Path(f).stem}.txt", c) for f, c in post.captions.quotes]
        captions.append(("caption-story.txt", post.captions.story))
    for where, caption in captions:
        lines = [line for line in caption.splitlines() if line.strip()]
        for i, line in enumerate(lines):
            items += split_headline(where, line, headline, i == 0)
    return items


def post_headline(post: Post) -> str | None:
    return next((c.text for c in post.cards if c.kind in ("cover", "story") and c.text), None)


def split_headline(where: str, text: str, headline: str | None, first: bool) -> list[Checked]:
    """The line as one item; a line holding the headline and more: the headline, then the rest."""
    if not headline or headline not in text or text.strip() == headline:
        return [Checked(where, text, headline=first or text.strip() == headline)]
    before, _, after = text.partition(headline)
    rest = [part.strip(" —–-:") for part in (before, after)]
    return [
        Checked(where, headline, headline=True),
        *(Checked(where, part) for part in rest if re.search(r"\w", part)),
    ]


def check_post(
    post: Post,
    images: Sequence[RenderedImage],
    ruleset: RuleSet | None = None,
    language: str | None = None,
) -> list[HealthFinding]:
    """The post's findings, under the rules of its language: given, or told from its texts."""
    items = post_texts(post, images)
    if ruleset is None:
        language = language or detect_language("\n".join(item.text for item in items))
    return check_all(items, ruleset, language)


def blocking(findings: Iterable[HealthFinding]) -> list[HealthFinding]:
    return [f for f in findings if f.severity == "block"]


def format_finding(finding: HealthFinding) -> str:
    """One stderr line: severity, rule, where, the exact text, and the hedged suggestion."""
    return (
        f"health {finding.severity} [{finding.rule}] in {', '.join(finding.where)}: "
        f"“{finding.text}” (matched “{finding.match}”). {finding.why} "
        f"Suggested: “{finding.suggestion}”"
    )
