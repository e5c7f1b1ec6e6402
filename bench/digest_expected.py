"""Second section of the digest benchmark: samples/ and ../shared/corpus/clinic scored against
the hand-written expectations in tests/expected/<file stem>.json (the tests use these too):

    {"headline": "...",                    # exact
     "symptom": "snippet" | true | false,   # snippet: in it; true: any text; false: None
     "cause": ..., "conclusion": ..., "cta": ...,   # the same; a missing key is not scored
     "points": [{"label": "Acupuncture", "text": "Needles were"}],  # label or snippet
     "chrome": ["Written by"]}              # must not appear anywhere in the digest
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.digest import digest_article
from pipeline.extract import extract_article
from pipeline.load import load_source
from pipeline.models import Article, Digest, Point, RepurposeError

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected"
DEFAULT_SOURCES = (ROOT / "samples", ROOT.parent / "shared" / "corpus" / "clinic")
FIELDS = ("symptom", "cause", "conclusion", "cta")
SUFFIXES = (".md", ".html", ".htm", ".gz")


@dataclass
class Score:
    headline_ok: bool = True
    points_expected: int = 0
    points_found: int = 0
    fields_ok: dict[str, bool] = field(default_factory=dict)
    chrome: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = text.replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def contains(haystack: str | None, needle: str) -> bool:
    return haystack is not None and normalise(needle) in normalise(haystack)


def score_digest(digest: Digest, expected: dict[str, Any]) -> Score:
    score = Score(headline_ok=digest.headline == expected.get("headline", digest.headline))
    for name in FIELDS:
        if name in expected and expected[name] is not None:
            score.fields_ok[name] = field_matches(getattr(digest, name), expected[name])
    unused = list(digest.treatment_points)
    for want in expected.get("points", []):
        score.points_expected += 1
        hit = next((p for p in unused if point_matches(p, want)), None)
        if hit is None:
            score.missed.append(want.get("label") or want.get("text", "?"))
            continue
        unused.remove(hit)
        score.points_found += 1
    text = json.dumps(asdict(digest), ensure_ascii=False)
    score.chrome = [c for c in expected.get("chrome", []) if contains(text, c)]
    return score


def field_matches(found: str | None, want: str | bool) -> bool:
    if want is True:
        return found is not None
    if want is False:
        return found is None
    return contains(found, want)


def point_matches(point: Point, want: dict[str, str]) -> bool:
    label, text = want.get("label"), want.get("text")
    if label and point.label and normalise(label) == normalise(point.label):
        return True
    return bool(text) and contains(f"{point.label or ''} {point.text}", text or "")


def article_files(sources: list[Path]) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            files += sorted(p for p in source.iterdir() if is_article(p))
        elif source.exists():
            files.append(source)
        else:
            print(
                f"skipped {source}: not found (the shared corpus exists only beside the team's"
                " checkout)",
                file=sys.stderr,
            )
    return files


def is_article(path: Path) -> bool:
    return path.name.endswith(SUFFIXES) and path.name != "README.md"


def expected_for(path: Path) -> dict[str, Any] | None:
    stem = path.name.split(".")[0]
    file = EXPECTED / f"{stem}.json"
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else None


def load_article(path: Path) -> Article:
    return extract_article(load_source(str(path)))


def show(path: Path, digest: Digest, score: Score | None, seconds: float) -> None:
    print(f"== {path.name}  ({seconds * 1000:.1f} ms)")
    print(f"   headline:   {digest.headline}")
    for name in ("symptom", "cause", "conclusion", "cta"):
        value = getattr(digest, name)
        print(f"   {name + ':':11} {value[:90] + '…' if value and len(value) > 90 else value}")
    for point in digest.treatment_points:
        print(f"   point:      [{point.label or '-'}] {point.short}")
    print(f"   quotes: {len(digest.quotes)}  keywords: {', '.join(digest.keywords)}")
    if score is None:
        print("   (no tests/expected file: not scored)")
        return
    fields = " ".join(f"{k}={'ok' if v else 'MISS'}" for k, v in score.fields_ok.items())
    print(
        f"   score: headline={'ok' if score.headline_ok else 'WRONG'} "
        f"points={score.points_found}/{score.points_expected} {fields}"
        + (f" chrome={score.chrome}" if score.chrome else "")
        + (f" missed={score.missed}" if score.missed else "")
    )


def summarise(scores: list[Score], timings: list[float]) -> None:
    if not scores:
        print("no scored articles")
        return
    expected = sum(s.points_expected for s in scores)
    found = sum(s.points_found for s in scores)
    headlines = sum(s.headline_ok for s in scores)
    symptoms = [s.fields_ok["symptom"] for s in scores if "symptom" in s.fields_ok]
    fields = [ok for s in scores for ok in s.fields_ok.values()]
    chrome = sum(len(s.chrome) for s in scores)
    print(
        f"\n{len(scores)} scored articles: headline {headlines}/{len(scores)}, "
        f"treatment points {found}/{expected} ({100 * found / max(1, expected):.0f}%), "
        f"symptom {sum(symptoms)}/{len(symptoms)}, all fields {sum(fields)}/{len(fields)}, "
        f"chrome strings {chrome}"
    )
    print(
        f"digest time: mean {1000 * sum(timings) / len(timings):.2f} ms, "
        f"max {1000 * max(timings):.2f} ms per article"
    )


def run_expected(sources: list[Path], only: str | None = None, verbose: bool = False) -> None:
    """Digest each file (timed over 20 runs), score it when tests/expected has it, summarise."""
    files = [p for p in article_files(sources) if only is None or p.name.split(".")[0] == only]
    scores: list[Score] = []
    timings: list[float] = []
    for path in files:
        try:
            article = load_article(path)
        except RepurposeError as exc:
            print(f"== {path.name}: skipped, {exc}")
            continue
        started = time.perf_counter()
        for _ in range(20):
            digest = digest_article(article)
        seconds = (time.perf_counter() - started) / 20
        timings.append(seconds)
        expected = expected_for(path)
        score = score_digest(digest, expected) if expected else None
        if verbose:
            show(path, digest, score, seconds)
        if score:
            scores.append(score)
    summarise(scores, timings)
