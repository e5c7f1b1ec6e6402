"""Digest benchmark: each clinic-dev article's digest scored against a hand-written answer key.

    python -m bench.bench_digest [--corpus DIR] [--meta DIR] [--only ID] [--verbose] [FILE ...]

Section 1 reads ../shared/corpus/clinic-dev (posts.tsv, truth.json) and digests every article
it finds: the 11 redistributable ones in its files/ always, plus <id>.<ext> files in --corpus DIR
(default: env CLINIC_DEV_DIR, else .corpus/clinic-dev, git-ignored). Write the other 42 there
with the corpus's materialise.sh; never commit them. A file whose sha256 differs is skipped.
Each article is loaded, extracted, digested and composed into cards (default brand kit), then
scored with bench/digest_metric.py: headline (token F1 >= 0.8), symptom/cause/conclusion (F1 >=
0.25), treatment and prevention recall (one-to-one matching), site chrome in what is found,
faithfulness of every drawn text to the source, refusals and the median time. It prints a
summary block, tables by language, by structure class and by fold (index in posts.tsv % 5)
with the worst fold; --verbose adds each article's misses (truth vs found). --meta DIR scores
another answer key of the same shape (posts.tsv, truth.json, files/), e.g. a private held-out
set of posts kept outside the repository.

Section 2 scores samples/ and ../shared/corpus/clinic (or FILE_OR_FOLDER ...) against
tests/expected/*.json, as before (see bench/digest_expected.py). Figures only: never asserts.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from bench.digest_expected import (
    DEFAULT_SOURCES,
    expected_for,
    load_article,
    run_expected,
    score_digest,
)
from bench.digest_metric import strip_fixed
from bench.digest_report import report
from bench.digest_score import Forms, Found, Score, score_found, structure_class
from pipeline.brand import Brand, load_brand
from pipeline.compose import compose_post
from pipeline.compose.wording import wording_for
from pipeline.digest import digest_article
from pipeline.extract import extract_article
from pipeline.load import load_source
from pipeline.models import Article, Digest, Point, RepurposeError

__all__ = ["expected_for", "load_article", "main", "score_digest"]

ROOT = Path(__file__).resolve().parent.parent
META = ROOT.parent / "shared" / "corpus" / "clinic-dev"
DEFAULT_EXTRA = ROOT / ".corpus" / "clinic-dev"
FOLDS = 5


@dataclass(frozen=True)
class Entry:
    row: dict[str, str]  # the posts.tsv row
    truth: dict[str, Any]
    fold: int

    @property
    def id(self) -> str:
        return self.row["id"]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    meta = args.meta
    print(f"== {meta.name}: digests against truth.json")
    if (meta / "posts.tsv").is_file():
        entries = read_entries(meta)
        paths = find_articles(entries, meta, args.corpus)
        chosen = [e for e in entries if e.id in paths and args.only in (None, e.id)]
        if args.only and not chosen:
            print(f"--only {args.only}: no such id in posts.tsv, or its file was not found")
        found = where(paths, meta, args.corpus)
        source_note = f"{meta.name}, {len(paths)}/{len(entries)} articles found ({found})"
        brand = load_brand()
        if chosen:  # a first run untimed, so that lazy imports and caches are not timed
            score_article(chosen[0], paths[chosen[0].id], brand)
        report([score_article(e, paths[e.id], brand) for e in chosen], source_note, args.verbose)
    else:
        print(f"skipped: {meta} is absent (it lives beside the team's checkout)")
    print("\n== samples and ../shared/corpus/clinic: digests against tests/expected")
    run_expected(args.paths or list(DEFAULT_SOURCES), args.only, args.verbose)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_digest", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, metavar="FILE_OR_FOLDER")
    default = os.environ.get("CLINIC_DEV_DIR") or DEFAULT_EXTRA
    parser.add_argument("--corpus", type=Path, default=Path(default), metavar="DIR")
    parser.add_argument(
        "--meta",
        type=Path,
        default=META,
        metavar="DIR",
        help="the answer key's folder: posts.tsv, truth.json, files/ (default: clinic-dev)",
    )
    parser.add_argument("--only", metavar="ID", help="score one article (a posts.tsv id)")
    parser.add_argument("--verbose", action="store_true", help="per-article misses")
    return parser.parse_args(argv)


def read_entries(meta: Path) -> list[Entry]:
    with (meta / "posts.tsv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t"))
    truth = {t["id"]: t for t in json.loads((meta / "truth.json").read_text(encoding="utf-8"))}
    return [Entry(row, truth[row["id"]], i % FOLDS) for i, row in enumerate(rows)]


def find_articles(entries: list[Entry], meta: Path, extra: Path) -> dict[str, Path]:
    """Each article's file: files/ first, then the extra folder; a changed file is skipped."""
    found: dict[str, Path] = {}
    for entry in entries:
        name = f"{entry.id}.{entry.row['ext']}"
        for path in (meta / "files" / name, extra / name):
            if not path.is_file():
                continue
            if hashlib.sha256(path.read_bytes()).hexdigest() != entry.row["sha256"]:
                print(f"skipped {path}: sha256 differs from posts.tsv", file=sys.stderr)
                continue
            found[entry.id] = path
            break
    return found


def where(paths: dict[str, Path], meta: Path, extra: Path) -> str:
    stored = sum(p.parent == meta / "files" for p in paths.values())
    hint = "" if extra.is_dir() else "; write the rest there with the corpus's materialise.sh"
    return f"{stored} in files/, {len(paths) - stored} in {extra}{hint}"


def score_article(entry: Entry, path: Path, brand: Brand) -> Score:
    row = entry.row
    score = Score(
        entry.id, row["language"], structure_class(row["structure"]), entry.fold, entry.truth
    )
    started = time.perf_counter()
    try:
        article = extract_article(load_source(str(path)))
        digest_started = time.perf_counter()
        digest = digest_article(article)
    except RepurposeError as exc:
        score.refused = f"refused: {exc}"
    except Exception as exc:  # a crash is shown and scored as nothing found, never hidden
        score.refused = f"crashed: {type(exc).__name__}: {exc}"
    score.millis = 1000 * (time.perf_counter() - started)
    if score.refused:
        return score
    score.digest_millis = 1000 * (time.perf_counter() - digest_started)
    return score_found(score, found_strings(article, digest, brand))


def found_strings(article: Article, digest: Digest, brand: Brand) -> Found:
    prevention: tuple[Point, ...] = getattr(digest, "prevention", ())
    return Found(
        headline=digest.headline,
        symptom=digest.symptom,
        cause=digest.cause,
        conclusion=digest.conclusion,
        treatment=tuple(point_forms(p) for p in digest.treatment_points),
        prevention=tuple(point_forms(p) for p in prevention),
        drawn=drawn_texts(digest, brand),
        source=f"{article.title}\n{article.text}",
    )


def point_forms(point: Point) -> Forms:
    return (point.text, f"{point.label} {point.text}") if point.label else (point.text,)


def drawn_texts(digest: Digest, brand: Brand) -> tuple[tuple[str, bool], ...]:
    """Every text the cards draw, minus the tool's and the brand's fixed words; with a flag for
    the point slides. When composing fails, the digest's own strings stand in."""
    fixed = fixed_words(digest.language, brand)
    try:
        cards = compose_post(digest, brand, "bench").cards
    except Exception as exc:
        print(f"compose failed ({type(exc).__name__}: {exc}): digest strings used", file=sys.stderr)
        return digest_texts(digest)
    drawn: dict[str, bool] = {}
    for card in cards:
        for value in (card.text, card.kicker, card.note, card.footer, card.fine_print):
            text = strip_fixed(value or "", fixed)
            if text:
                drawn[text] = drawn.get(text, False) or card.kind == "point"
    return tuple(drawn.items())


def fixed_words(language: str, brand: Brand) -> list[str]:
    words = wording_for(language)
    own = brand.for_language(language)
    texts = [getattr(words, f.name) for f in fields(words)]
    return [*texts, own.name, own.handle, own.cta, own.disclaimer or ""]


def digest_texts(digest: Digest) -> tuple[tuple[str, bool], ...]:
    points = [*digest.treatment_points, *getattr(digest, "prevention", ())]
    texts = [(t, False) for t in (digest.headline, digest.symptom, digest.cause) if t]
    texts += [(t, False) for t in (digest.conclusion, *digest.quotes) if t]
    texts += [(t, True) for p in points for t in (p.label, p.short) if t]
    return tuple(dict(texts).items())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
