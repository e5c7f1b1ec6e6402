"""Line-break quality over every drawn text, printed (not asserted).

    python -m bench.bench_breaks [--looks calm,bold,photo] [--list weak|short|edge|spread]
                                 [SOURCE_OR_FOLDER ...]

Default sources: samples/, ../shared/corpus/clinic-dev/files/ and $CLINIC_DEV_DIR (the 53
clinic-dev posts, never committed). Each source is loaded, digested and composed into cards
(default brand kit), and every card is placed (fitted, not drawn) in each look. Over the texts
that take two lines or more it counts:

- weak: lines (not the last) ending on a weak word (templates/breaks/*.toml `weak`);
- soft: lines ending on a soft word (`soft`);
- short last: a last line under a third of the widest line, or one word alone (Latin), or
  three characters or fewer (Japanese and Chinese);
- edge: a list separator (" · ") ending or starting a line, a line opening on a closing mark
  (。、」） and small kana) or ending on an opening one (「（);
- spread: the widest minus the narrowest line (the last aside) as a share of the box, mean
  and 90th percentile over texts of three lines or more; only the main text of point, closing
  and quote cards (the figure of the 5d6583a commit).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.brand import load_brand
from pipeline.compose import compose_post
from pipeline.digest import digest_article
from pipeline.extract import extract_article
from pipeline.load import load_source
from pipeline.models import RepurposeError
from pipeline.render.breakwords import is_soft_ending, is_weak_ending
from pipeline.render.card import card_layout, place_card
from pipeline.render.hyphen import CJK
from pipeline.render.looks import load_template
from pipeline.render.measure import measure_line
from pipeline.render.place import Placed
from pipeline.render.units import NO_LINE_END as NO_END
from pipeline.render.units import NO_LINE_START as NO_START

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clinic-dev" / "files"
SOURCE_SUFFIXES = (".md", ".html", ".htm", ".jsx", ".markdown")
SEPARATOR = "·"
MAIN_KINDS = frozenset({"point", "closing", "quote", "symptom", "cause", "takeaway"})


@dataclass(frozen=True)
class Text:
    source: str
    look: str
    card: str
    field: str
    kind: str
    lines: tuple[str, ...]
    widths: tuple[float, ...]
    box: int


def sources(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [ROOT / "samples", CORPUS]
    if not args and os.environ.get("CLINIC_DEV_DIR"):
        roots.append(Path(os.environ["CLINIC_DEV_DIR"]))
    found: dict[str, Path] = {}
    for root in roots:
        files = sorted(root.iterdir()) if root.is_dir() else [root]
        for file in files:
            if file.suffix in SOURCE_SUFFIXES:
                found.setdefault(file.name, file)  # the corpus files are also in clinic-dev
    return list(found.values())


def texts_of(source: Path, looks: list[str]) -> list[Text]:
    brand = load_brand()
    try:
        digest = digest_article(extract_article(load_source(str(source))))
    except RepurposeError:
        return []
    post = compose_post(digest, brand, "bench")
    found = []
    for look in looks:
        template = load_template(look)
        for card in post.cards:
            layout = card_layout(template, card)
            try:
                placed_boxes = place_card(card, layout, brand.for_language(digest.language))
            except ValueError as error:  # the renderer's "cannot fit": counted, not measured
                print(f"{look} {source.name} {card.file}: {error}", file=sys.stderr)
                continue
            for field, placed in placed_boxes.items():
                where = (source.name, look, card.file, field, card.kind)
                found.extend(placed_texts(where, placed))
    return found


def placed_texts(where: tuple[str, str, str, str, str], placed: Placed) -> list[Text]:
    """The box's lines (a checklist's: each item's), with their widths."""
    if placed.checklist:
        size, indent, groups = (
            placed.checklist.size,
            placed.checklist.indent,
            placed.checklist.items,
        )
    elif placed.fitted:
        size, indent, groups = placed.fitted.size, 0, (placed.fitted.lines,)
    else:
        return []
    found = []
    for lines in groups:
        widths = tuple(measure_line(placed.chain, line, size) for line in lines)
        found.append(Text(*where, lines, widths, placed.box.width - indent))
    return found


def short_last(text: Text) -> bool:
    last = text.lines[-1]
    if CJK.search(last) and " " not in last:
        return len(last) <= 3
    return len(last.split()) == 1 or text.widths[-1] < max(text.widths) / 3


def edges(text: Text) -> int:
    count = 0
    for i, line in enumerate(text.lines):
        if i and (line.startswith(SEPARATOR) or line[:1] in NO_START):
            count += 1
        if i < len(text.lines) - 1 and (line.endswith(SEPARATOR) or line[-1:] in NO_END):
            count += 1
    return count


def spread(text: Text) -> float:
    body = text.widths[:-1]
    return (max(body) - min(body)) / text.box


def last_word(line: str) -> str:
    return line.split()[-1] if line.split() else ""


def weak_line(text: Text) -> bool:
    return any(is_weak_ending(last_word(line)) for line in text.lines[:-1])


def soft_line(text: Text) -> bool:
    return any(is_soft_ending(last_word(line)) for line in text.lines[:-1])


def wide_spread(text: Text) -> bool:
    return len(text.lines) > 2 and spread(text) > 0.3


CHECKS = {"weak": weak_line, "soft": soft_line, "short": short_last, "edge": edges}
CHECKS["spread"] = wide_spread


def summary(look: str, mine: list[Text], list_weak: bool) -> None:
    ends = [last_word(line) for t in mine for line in t.lines[:-1]]
    weak = Counter(word.lower() for word in ends if is_weak_ending(word))
    soft = sum(1 for word in ends if is_soft_ending(word))
    main = [t for t in mine if len(t.lines) > 2 and t.field == "text" and t.kind in MAIN_KINDS]
    spreads = sorted(spread(t) for t in main)
    p90 = spreads[int(len(spreads) * 0.9)] if spreads else 0.0
    print(
        f"{look:6} texts {len(mine):4}  weak {sum(weak.values()):3}  soft {soft:3}"
        f"  short-last {sum(short_last(t) for t in mine):3}"
        f"  edge {sum(edges(t) for t in mine):3}"
        f"  spread mean {statistics.mean(spreads or [0]):.3f} p90 {p90:.3f}"
    )
    if list_weak:
        print("   ", dict(weak.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--looks", default="calm,bold,photo")
    parser.add_argument("--list", choices=tuple(CHECKS))
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    looks = args.looks.split(",")
    texts = [t for s in sources(args.paths) for t in texts_of(s, looks) if len(t.lines) > 1]
    for look in looks:
        summary(look, [t for t in texts if t.look == look], args.list == "weak")
    if args.list:
        for t in texts:
            if CHECKS[args.list](t):
                where = f"{t.look:5} {t.source[:40]:40} {t.card:18} {t.field:6}"
                print(f"{where} | " + " / ".join(t.lines))


if __name__ == "__main__":
    main()
