"""Score `repurpose extract` on the ScrapingHub extraction corpus, next to trafilatura's defaults.

    python -m bench.bench_extract [--half a|b|all] [--corpus DIR] [--worst N]
                                  [--save FILE] [--against FILE]

Reads ../shared/corpus/extraction (html/<id>.html.gz and ground-truth.json) and prints word
4-gram shingle precision, recall and F1 (the benchmark's metric, see bench/extract_metric.py),
plus the median extract time per page. `--half a` / `--half b` score the even / odd positions
of the sorted id list, for tuning on one half and reporting the other.

A cross-validation report follows: the scored ids, sorted, fall into FOLDS folds by position
(index % FOLDS); it prints each fold's F1 and the worst fold, so a change that helps a few
pages and hurts the rest shows. `--save FILE` writes the per-page F1 as JSON; `--against FILE`
counts the pages a change made better or worse than that saved run.
Exits 0 with a "skipped" message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from bench.extract_metric import PageScore, score_page, summarise
from pipeline.extract.article import extract_article
from pipeline.load.source import read_file
from pipeline.models import RepurposeError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"
FOLDS = 5
CHANGED = 0.001  # a page's F1 moved by more than this counts as better or worse


@dataclass(frozen=True)
class Run:
    name: str
    texts: dict[str, str]
    millis: list[float]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus: Path = args.corpus
    if not (corpus / "ground-truth.json").is_file():
        print(f"bench-extract skipped: {corpus} is absent (it lives beside the team's checkout)")
        return 0
    truth = {
        k: v.get("articleBody") or "" for k, v in load_json(corpus / "ground-truth.json").items()
    }
    ids = select_ids(sorted(truth), args.half)
    html = {i: read_file(corpus / "html" / f"{i}.html.gz").text for i in ids}
    runs = [
        run_extractor("repurpose", html, extract_ours),
        run_extractor("trafilatura", html, extract_trafilatura),
    ]
    print(f"{len(ids)} pages ({args.half}), metric: word 4-gram shingles, pages weighted equally")
    print(f"{'extractor':<12} {'P':>7} {'R':>7} {'F1':>7} {'F1*':>7} {'ms/page':>8}")
    for run in runs:
        print_run(run, truth)
    print("F1* = the same with lower-cased words and shingles as sets")
    print_folds(runs, truth)
    if args.worst:
        print_worst(runs[0], truth, args.worst)
    ours = page_f1s(runs[0], truth)
    if args.against:
        print_changes(ours, load_json(args.against))
    if args.save:
        args.save.write_text(json.dumps(ours, indent=1, sort_keys=True), encoding="utf-8")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=("a", "b", "all"), default="all")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--save", type=Path, help="write per-page F1 to this JSON file")
    parser.add_argument("--against", type=Path, help="compare per-page F1 with a saved run")
    return parser.parse_args(argv)


def select_ids(ids: list[str], half: str) -> list[str]:
    if half == "all":
        return ids
    return ids[0::2] if half == "a" else ids[1::2]


def extract_ours(html: str) -> str:
    from pipeline.models import Page

    try:
        return extract_article(Page(origin="bench", text=html, kind="html")).text
    except RepurposeError:
        return ""


def extract_trafilatura(html: str) -> str:
    return trafilatura.extract(html) or ""


def run_extractor(name: str, html: dict[str, str], extract: Callable[[str], str]) -> Run:
    texts: dict[str, str] = {}
    millis: list[float] = []
    for key, page in html.items():
        started = time.perf_counter()
        texts[key] = extract(page)
        millis.append((time.perf_counter() - started) * 1000)
    return Run(name, texts, millis)


def print_run(run: Run, truth: dict[str, str]) -> None:
    official = summarise(score_page(run.texts[k], truth[k]) for k in run.texts)
    simple = summarise(
        score_page(run.texts[k], truth[k], lowercase=True, as_sets=True) for k in run.texts
    )
    median = statistics.median(run.millis)
    print(
        f"{run.name:<12} {official.precision:7.4f} {official.recall:7.4f} {official.f1:7.4f}"
        f" {simple.f1:7.4f} {median:8.1f}"
    )


def split_folds(ids: list[str], folds: int = FOLDS) -> list[list[str]]:
    """The ids, sorted, dealt into `folds` folds by position (index % folds)."""
    ordered = sorted(ids)
    return [ordered[n::folds] for n in range(folds)]


def fold_f1s(run: Run, truth: dict[str, str]) -> list[float]:
    return [
        summarise(score_page(run.texts[k], truth[k]) for k in fold).f1
        for fold in split_folds(list(run.texts))
        if fold
    ]


def print_folds(runs: list[Run], truth: dict[str, str]) -> None:
    """Per-fold F1 and the worst fold for each extractor."""
    print(f"cross-validation: {FOLDS} folds by sorted id (index % {FOLDS})")
    for run in runs:
        f1s = fold_f1s(run, truth)
        shown = " ".join(f"{f1:.4f}" for f1 in f1s)
        print(
            f"{run.name:<12} folds {shown}  worst {min(f1s):.4f}  spread {max(f1s) - min(f1s):.4f}"
        )


def page_f1(score: PageScore) -> float:
    p, r = score.precision or 0.0, score.recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def page_f1s(run: Run, truth: dict[str, str]) -> dict[str, float]:
    return {k: round(page_f1(score_page(t, truth[k])), 6) for k, t in run.texts.items()}


def print_changes(ours: dict[str, float], before: dict[str, float]) -> None:
    """How many pages got better or worse than a saved run, and the largest moves."""
    moves = sorted((ours[k] - before[k], k) for k in ours if k in before)
    better = [m for m in moves if m[0] > CHANGED]
    worse = [m for m in moves if m[0] < -CHANGED]
    print(f"against saved run: {len(better)} pages better, {len(worse)} worse")
    for delta, key in worse[:5] + better[::-1][:5]:
        print(f"  {key[:12]} {before[key]:.3f} -> {ours[key]:.3f} ({delta:+.3f})")


def print_worst(run: Run, truth: dict[str, str], count: int) -> None:
    scores: list[tuple[float, str, PageScore]] = []
    for key, text in run.texts.items():
        score = score_page(text, truth[key])
        scores.append((page_f1(score), key, score))
    for f1, key, score in sorted(scores)[:count]:
        shown = [f"{x:.3f}" if x is not None else "n/a" for x in (score.precision, score.recall)]
        print(f"  {key[:12]} F1={f1:.3f} P={shown[0]} R={shown[1]}")


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    sys.exit(main())
