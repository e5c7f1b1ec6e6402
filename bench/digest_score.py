"""One clinic-dev article scored against its answer key (truth.json), from plain strings.

`Found` is what the pipeline produced for an article, already turned into strings (the digest's
fields, each point's forms, the texts drawn on cards), so this module needs no pipeline types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.digest_metric import (
    HEADLINE_F1,
    chrome_reasons,
    f1,
    field_matches,
    match_items,
    normalise,
    pieces,
    source_forms,
    untraced_pieces,
)

SCALARS = ("symptom", "cause", "conclusion")
LISTS = ("treatment", "prevention", "combined")
FIELDS = ("headline", *SCALARS, *LISTS, "faithful")
# coarse class from the posts.tsv `structure` note: the first rule that matches wins
CLASSES = (
    ("case", r"case stud|\bcases\b"),
    ("landing", r"landing"),
    ("labelled", r"\blabell?ed\b|(?<!no )\blabels\b"),
    ("references", r"referenc|footnote|bibliograph|citation|\bsources\b"),
    ("long", r"\blong\b"),
    ("qa/faq", r"q&a|\bfaq\b"),
    ("short", r"\bshort\b"),
    ("listicle", r"listicle|numbered|\bsteps?\b"),
    ("narrative", r"narrative|no headings|paragraphs"),
    ("labelled", r"pseudo-head|H\d\s?s?\b[^;]*/|H\ds\b|H\d (sections|')"),
    ("listicle", r"\blists?\b"),
)

Forms = tuple[str, ...]  # one found item: its text, then its label and text together


@dataclass(frozen=True)
class Found:
    headline: str
    symptom: str | None
    cause: str | None
    conclusion: str | None
    treatment: tuple[Forms, ...]
    prevention: tuple[Forms, ...]
    drawn: tuple[tuple[str, bool], ...]  # texts on the cards minus fixed words; on a point card
    source: str  # the article's title and blocks text


@dataclass
class Score:
    id: str
    language: str
    structure: str
    fold: int
    truth: dict[str, Any]
    found: Found | None = None
    refused: str | None = None  # the one-line error of a refusal (or crash)
    outcomes: dict[str, str] = field(default_factory=dict)  # ok / missing / wrong / fp / none
    lists: dict[str, tuple[int, int]] = field(default_factory=dict)  # matched, total
    missed: dict[str, list[str]] = field(default_factory=dict)  # truth items left unmatched
    unused: dict[str, list[str]] = field(default_factory=dict)  # found items left unmatched
    chrome: list[tuple[str, list[str]]] = field(default_factory=list)
    drawn: int = 0
    untraced: list[tuple[str, list[str]]] = field(default_factory=list)
    millis: float = 0.0
    digest_millis: float = 0.0

    def ratio(self, name: str) -> tuple[int, int]:
        """Right and scored counts of one of FIELDS for this article."""
        if name == "headline":
            return int(self.outcomes.get("headline") == "ok"), 1
        if name in SCALARS:
            scored = self.truth.get(name) is not None
            return int(self.outcomes.get(name) == "ok"), int(scored)
        if name == "faithful":
            return self.drawn - len(self.untraced), self.drawn
        return self.lists.get(name, (0, truth_items(self.truth, name)))


def structure_class(note: str) -> str:
    return next((name for name, rule in CLASSES if re.search(rule, note, re.I)), "other")


def truth_items(truth: dict[str, Any], name: str) -> int:
    return len(truth_list(truth, name))


def truth_list(truth: dict[str, Any], name: str) -> list[str]:
    treatment: list[str] = truth["treatment_points"]
    prevention: list[str] = truth["prevention"]
    return {"treatment": treatment, "prevention": prevention}.get(name, treatment + prevention)


def score_found(score: Score, found: Found) -> Score:
    score.found = found
    headline_ok = f1(score.truth["headline"], found.headline) >= HEADLINE_F1
    score.outcomes["headline"] = "ok" if headline_ok else "wrong"
    for name in SCALARS:
        score.outcomes[name] = outcome(score.truth.get(name), getattr(found, name))
    lists = {
        "treatment": found.treatment,
        "prevention": found.prevention,
        "combined": found.treatment + found.prevention,
    }
    for name, items in lists.items():
        score_list(score, name, truth_list(score.truth, name), items)
    score.chrome = find_chrome(found)
    score_faithfulness(score, found)
    return score


def outcome(truth: str | None, found: str | None) -> str:
    if truth is None:
        return "none" if found is None else "fp"
    if found is None:
        return "missing"
    return "ok" if field_matches(truth, found) else "wrong"


def score_list(score: Score, name: str, truth: list[str], found: Sequence[Forms]) -> None:
    pairs = match_items(truth, found)
    score.lists[name] = (len(pairs), len(truth))
    score.missed[name] = [t for i, t in enumerate(truth) if i not in pairs]
    used = set(pairs.values())
    score.unused[name] = [forms[-1] for j, forms in enumerate(found) if j not in used]


def find_chrome(found: Found) -> list[tuple[str, list[str]]]:
    """The digest's strings, then drawn texts that are not pieces of them (compose's own)."""
    own = [(t, False) for t in (found.headline, found.symptom, found.cause, found.conclusion)]
    own += [(forms[-1], True) for forms in found.treatment + found.prevention]
    texts = [(t, point) for t, point in own if t]
    known = [normalise(t) for t, _ in texts]
    texts += [
        (t, point)
        for t, point in found.drawn
        if not all(any(p in k for k in known) for p in pieces(t))
    ]
    points: dict[str, bool] = {}
    for text, point in texts:
        points[text] = points.get(text, False) or point
    hits = [(t, chrome_reasons(t, point=point)) for t, point in points.items()]
    return [(t, reasons) for t, reasons in hits if reasons]


def score_faithfulness(score: Score, found: Found) -> None:
    source = source_forms(found.source)
    texts = dict.fromkeys(t for t, _ in found.drawn)
    score.drawn = len(texts)
    for text in texts:
        missing = untraced_pieces(text, source)
        if missing:
            score.untraced.append((text, missing))
