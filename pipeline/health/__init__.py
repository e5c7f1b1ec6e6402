"""The health-copy check: generated slides, quotes and captions against rules kept as data.

Rules live in `templates/rules/health.toml` (English) and `health-<code>.toml` (one file per
language; `health-any.toml` holds the language-independent ones). A post is checked against its
language's rules and the language-independent ones. The check reads what will be posted; it
never changes the article or the generated text, it reports findings with a hedged alternative.

rules.py reads the rule files (and says when a match is negated), wording.py makes the hedged
suggestion, check.py checks a post's texts.
"""

from pipeline.health.check import (
    Checked,
    blocking,
    check_all,
    check_post,
    check_text,
    format_finding,
    post_texts,
)
from pipeline.health.rules import Rule, RuleSet, load_rules, rules_for, rules_path
from pipeline.health.wording import REMOVE_CLAIM, suggest_wording

__all__ = [
    "REMOVE_CLAIM",
    "Checked",
    "Rule",
    "RuleSet",
    "blocking",
    "check_all",
    "check_post",
    "check_text",
    "format_finding",
    "load_rules",
    "post_texts",
    "rules_for",
    "rules_path",
    "suggest_wording",
]
