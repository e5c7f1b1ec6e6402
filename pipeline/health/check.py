"""The check of a post: every text that gets posted, its findings merged across files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.health.rules import SEVERITIES, Rule, RuleSet, is_negated, rules_for
from pipeline.health.wording import suggest_wording
from pipeline.languages import detect_language
from pipeline.models import HealthFinding, Post, RenderedImage


@dataclass(frozen=True)
class Checked:
    """One generated line and where it will appear."""

    where: str
    text: str
    headline: bool = False


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
