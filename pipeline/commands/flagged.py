"""Blocked health claims are not drawn: a digest text with a *block* finding (a symptom, cause,
treatment point, self-care tip, takeaway or quote) is left out before the post is composed, so
it is on no image and in no caption, and the slides are numbered without it. Each one left out
is named on stderr and recorded in post.json `left_out`.

`--keep-flagged` (a person has reviewed the wording) draws them; `--strict` fails the source
instead. A headline cannot be left out (it is the cover, the story and every caption's hook):
a blocked headline fails the source with what to do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from pipeline.health import RuleSet, check_text, rules_for
from pipeline.models import Digest, HealthCheckError, HealthFinding, Point

KEY = "left_out"  # the post.json key


@dataclass(frozen=True)
class LeftOut:
    """One text not drawn: what it was in the article, its words, and the rule it breaks."""

    what: str  # "symptom", "cause", "treatment point 2", "self-care tip 1", "takeaway", "quote 1"
    text: str
    rule: str
    match: str
    why: str

    def line(self) -> str:
        return (
            f"health block [{self.rule}]: left out {self.what} “{self.text}” (matched"
            f" “{self.match}”). {self.why} Not drawn nor in the captions; after review,"
            " --keep-flagged draws it."
        )


def drop_flagged(digest: Digest, source: str) -> tuple[Digest, list[LeftOut]]:
    """The digest without its blocked texts, and what was left out."""
    rules = rules_for(digest.language)
    check_headline(digest.headline, rules, source)
    left: list[LeftOut] = []
    keep: dict[str, None] = {}
    for name, what in (("symptom", "symptom"), ("cause", "cause"), ("conclusion", "takeaway")):
        text = getattr(digest, name)
        if text and (found := blocked(text, rules)):
            left.append(left_out(what, text, found))
            keep[name] = None
    points = kept_points(digest.treatment_points, "treatment point", rules, left)
    tips = kept_points(digest.prevention, "self-care tip", rules, left)
    quotes = []
    for number, quote in enumerate(digest.quotes, start=1):
        if found := blocked(quote, rules):
            left.append(left_out(f"quote {number}", quote, found))
        else:
            quotes.append(quote)
    changes: dict[str, Any] = {
        **keep,
        "treatment_points": points,
        "prevention": tips,
        "quotes": tuple(quotes),
    }
    return replace(digest, **changes), left


def kept_points(
    points: tuple[Point, ...], what: str, rules: RuleSet, left: list[LeftOut]
) -> tuple[Point, ...]:
    """The points without a blocked claim in their label or their whole text (a slide may draw
    either the whole text or its short form); each one dropped is added to `left`."""
    kept = []
    for number, point in enumerate(points, start=1):
        found = blocked(f"{point.label or ''} {point.text}".strip(), rules)
        if found:
            left.append(left_out(f"{what} {number}", point.short, found))
        else:
            kept.append(point)
    return tuple(kept)


def check_headline(headline: str, rules: RuleSet, source: str) -> None:
    found = blocked(headline, rules, headline=True)
    if found:
        raise HealthCheckError(
            f"{source}: the headline “{headline}” makes a claim that may not be posted"
            f" (“{found.match}”: {found.why}) and cannot be left out: nothing written. After"
            " review, run with --keep-flagged and reword it in post.toml"
        )


def blocked(text: str, rules: RuleSet, headline: bool = False) -> HealthFinding | None:
    return next((f for f in check_text(text, rules, headline) if f.severity == "block"), None)


def left_out(what: str, text: str, finding: HealthFinding) -> LeftOut:
    return LeftOut(what, text, finding.rule, finding.match, finding.why)


def left_out_record(left: list[LeftOut]) -> dict[str, object]:
    """The post.json key, when anything was left out."""
    return {KEY: [asdict(item) for item in left]} if left else {}
