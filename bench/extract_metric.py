"""The ScrapingHub article-extraction-benchmark metric: word 4-gram shingle P/R/F1.

Re-implemented from the benchmark's description and its published evaluate script:

- tokens are runs of word characters (`\\w+`, Unicode), case kept as is;
- a text's shingles are its word 4-grams counted as a multiset (a text shorter than four words
  is one shingle of all its words; an empty text has none);
- per page, true positives are the shingles both texts share (minimum of the counts), false
  positives the predicted surplus, false negatives the missing ground truth;
- precision and recall are computed per page and averaged with every page weighted equally;
  F1 is the harmonic mean of the two averages.

Empty cases, as in the benchmark: when both texts are empty the page is left out of both
averages; an empty prediction has no precision (left out of the precision average) and
recall 0; a prediction for an empty ground truth has precision 0 and no recall.

`lowercase=True, as_sets=True` gives the simpler variant (lower-cased, shingles as sets),
printed beside the official figure for comparison.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"\w+")
NGRAM = 4


@dataclass(frozen=True)
class PageScore:
    precision: float | None  # None: nothing predicted
    recall: float | None  # None: nothing expected


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, *, lowercase: bool = False, as_sets: bool = False) -> Counter[str]:
    tokens = WORD.findall(text.lower() if lowercase else text)
    if not tokens:
        return Counter()
    grams = [" ".join(tokens[i : i + NGRAM]) for i in range(max(1, len(tokens) - NGRAM + 1))]
    counts = Counter(grams)
    return Counter(dict.fromkeys(counts, 1)) if as_sets else counts


def score_page(
    predicted: str, truth: str, *, lowercase: bool = False, as_sets: bool = False
) -> PageScore:
    pred = shingles(predicted, lowercase=lowercase, as_sets=as_sets)
    gold = shingles(truth, lowercase=lowercase, as_sets=as_sets)
    shared = sum((pred & gold).values())
    n_pred, n_gold = sum(pred.values()), sum(gold.values())
    if n_pred == n_gold == 0:
        return PageScore(None, None)
    precision = shared / n_pred if n_pred else None
    recall = shared / n_gold if n_gold else None
    return PageScore(precision, recall)


def summarise(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return Summary(precision, recall, f1, len(scores))
