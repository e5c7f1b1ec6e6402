"""The hedged suggestion for a flagged line: each rule's replacement applied, or the claim
dropped with the words that joined it, or "Remove this claim." when neither reads well."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.health.rules import Rule, RuleSet, is_negated

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
