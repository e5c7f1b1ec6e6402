"""What the digest benchmark prints: the summary block, the tables and the per-article misses."""

from __future__ import annotations

import statistics
from collections.abc import Callable

from bench.digest_metric import FIELD_F1, HEADLINE_F1, f1
from bench.digest_score import FIELDS, SCALARS, Score

LANGUAGES = ("en", "es", "ko", "fr", "de", "pt", "it", "ja")
HEADS = ("head", "sympt", "cause", "concl", "treat", "prev", "t+p", "faith")
TARGET = 0.80
CLIP = 110


def report(scores: list[Score], source_note: str, verbose: bool) -> None:
    if not scores:
        print(f"no article scored ({source_note})")
        return
    if verbose:
        for score in scores:
            show_misses(score)
    print(f"\nsummary: {source_note}, {len(scores)} scored")
    summary(scores)
    table("by language", scores, lambda s: s.language, LANGUAGES)
    table("by structure class", scores, lambda s: s.structure)
    folds(scores)


def total(scores: list[Score], name: str) -> tuple[int, int]:
    pairs = [s.ratio(name) for s in scores]
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def rate(pair: tuple[int, int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


def ratio_line(name: str, pair: tuple[int, int], note: str) -> str:
    value = rate(pair)
    shown = f"{value:.2f}" if value is not None else "-"
    return f"  {name:<11}{pair[0]:>4}/{pair[1]:<4} {shown:>5}  {note}"


def summary(scores: list[Score]) -> None:
    print(ratio_line("headline", total(scores, "headline"), f"(token F1 >= {HEADLINE_F1})"))
    for name in SCALARS:
        print(ratio_line(name, total(scores, name), scalar_note(scores, name)))
    print(ratio_line("treatment", total(scores, "treatment"), "recall"))
    print(ratio_line("prevention", total(scores, "prevention"), "recall"))
    found = sum(len(s.found.treatment + s.found.prevention) for s in scores if s.found)
    matched = total(scores, "combined")
    note = f"recall (target {TARGET:.2f}); {found} items found, {matched[0]} of them matched"
    print(ratio_line("treat+prev", matched, note))
    print(ratio_line("faithful", total(scores, "faithful"), "drawn texts traced to the source"))
    chrome = [s for s in scores if s.chrome]
    strings = sum(len(s.chrome) for s in chrome)
    print(f"  {'chrome':<11}{strings:>4} strings in {len(chrome)} articles")
    refused = [s for s in scores if s.refused]
    print(f"  {'refused':<11}{len(refused):>4} " + " ".join(s.id for s in refused).rstrip())
    for score in refused:
        print(f"    {score.id}: {clip(score.refused or '')}")
    timing(scores)


def scalar_note(scores: list[Score], name: str) -> str:
    kinds = [s.outcomes.get(name) for s in scores if s.truth.get(name) is not None]
    nulls = [s for s in scores if s.truth.get(name) is None]
    fp = sum(s.outcomes.get(name) == "fp" for s in nulls)
    refused = sum(s.refused is not None for s in scores if s.truth.get(name) is not None)
    return (
        f"(F1 >= {FIELD_F1}) missing {kinds.count('missing')}, wrong {kinds.count('wrong')}"
        f", refused {refused}; false positives {fp} of {len(nulls)} null"
    )


def timing(scores: list[Score]) -> None:
    done = [s for s in scores if not s.refused]
    whole = statistics.median(s.millis for s in done) if done else 0.0
    alone = statistics.median(s.digest_millis for s in done) if done else 0.0
    print(
        f"  {'time':<11} median {whole:.1f} ms per article (load+extract+digest),"
        f" digest alone {alone:.1f} ms"
    )


def table(
    title: str, scores: list[Score], key: Callable[[Score], str], order: tuple[str, ...] = ()
) -> dict[str, list[Score]]:
    groups: dict[str, list[Score]] = {k: [] for k in order}
    for score in sorted(scores, key=key):
        groups.setdefault(key(score), []).append(score)
    print(f"\n{title}:")
    print(f"  {'':<11}{'n':>3} {'ref':>3} {'chrome':>6} " + " ".join(f"{h:>7}" for h in HEADS))
    for name, group in groups.items():
        cells = [cell(total(group, f)) for f in FIELDS]
        chrome = sum(len(s.chrome) for s in group)
        refused = sum(s.refused is not None for s in group)
        print(f"  {name:<11}{len(group):>3} {refused:>3} {chrome:>6} " + " ".join(cells))
    return groups


def cell(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}".rjust(7) if pair[1] else "-".rjust(7)


def folds(scores: list[Score]) -> None:
    groups = table("by fold (index in posts.tsv % 5)", scores, lambda s: f"fold {s.fold}")
    rates = {g: [rate(total(group, f)) for f in FIELDS] for g, group in groups.items()}
    worst = []
    for i, head in enumerate(HEADS):
        scored = {g: value for g, r in rates.items() if (value := r[i]) is not None}
        low = min(scored, key=lambda g: scored[g], default=None)
        worst.append(f"{head} {low[5:]} ({scored[low]:.2f})" if low else f"{head} -")
    print("  worst fold per field: " + ", ".join(worst))
    means = {g: statistics.fmean(r for r in rs if r is not None) for g, rs in rates.items()}
    low = min(means, key=lambda g: means[g])
    listed = ", ".join(f"{g[5:]} {m:.2f}" for g, m in means.items())
    print(f"  WORST FOLD: {low} (mean of its field scores {means[low]:.2f}; all folds: {listed})")


def show_misses(score: Score) -> None:
    print(
        f"-- {score.id} ({score.language}, {score.structure}, fold {score.fold}) "
        f"{score.millis:.0f} ms"
    )
    if score.refused or not score.found:
        print(f"   {score.refused}")
        return
    truth, found = score.truth, score.found
    if score.outcomes["headline"] != "ok":
        print(
            f"   headline WRONG (F1 {f1(truth['headline'], found.headline):.2f}): "
            f"truth {truth['headline']!r} | found {found.headline!r}"
        )
    for name in SCALARS:
        kind, want, got = score.outcomes[name], truth.get(name), getattr(found, name)
        if kind in ("missing", "wrong", "fp"):
            shown = f" (F1 {f1(want, got):.2f})" if want and got else ""
            print(f"   {name} {kind}{shown}: truth {clip(want)!r} | found {clip(got)!r}")
    for name in ("treatment", "prevention"):
        if score.missed[name]:
            print(f"   {name} {fraction(score.lists[name])} missed {clips(score.missed[name])}")
    if score.unused["combined"]:
        print(
            f"   treat+prev {fraction(score.lists['combined'])}; found items matching nothing "
            f"{clips(score.unused['combined'])}"
        )
    for text, reasons in score.chrome:
        print(f"   chrome [{', '.join(reasons)}]: {clip(text)!r}")
    for text, missing in score.untraced:
        print(f"   untraced: {clip(text)!r} -> {[clip(p, 60) for p in missing]}")


def fraction(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def clips(texts: list[str]) -> list[str | None]:
    return [clip(t, 60) for t in texts]


def clip(text: str | None, width: int = CLIP) -> str | None:
    return text if text is None or len(text) <= width else text[: width - 1] + "…"
