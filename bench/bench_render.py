"""Rendering speed, printed (not asserted): `make bench`.

1. ms per image, warm, split into layout (text cleaning and fitting), draw and JPEG encode;
2. one article's whole set (carousel, quotes, story) rendered warm, in one process.
Target on the 2-core machine: <= 15 ms per image warm. Fresh processes (start-up, a whole run
against a bare Pillow process, a batch) are bench/bench_speed.py's.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from pipeline.brand import Brand, load_brand  # noqa: E402
from pipeline.compose.post import compose_post  # noqa: E402
from pipeline.digest.story import digest_article  # noqa: E402
from pipeline.extract.article import extract_article  # noqa: E402
from pipeline.load.source import load_source  # noqa: E402
from pipeline.models import Card  # noqa: E402
from pipeline.render import card as render  # noqa: E402
from pipeline.render import measure  # noqa: E402
from pipeline.render.encode import encode_jpeg  # noqa: E402
from pipeline.render.layouts import Template  # noqa: E402
from pipeline.render.looks import load_template  # noqa: E402

SAMPLE = ROOT / "samples" / "knee-pain-muscle-imbalance.html"
REPEATS = 20


def best_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median of several runs, in ms: steadier than the mean on a shared machine."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def layout_only(card: Card, brand: Brand, template_name: str) -> None:
    layout = load_template(template_name).layouts[card.layout or card.kind]
    for box in layout.boxes:
        value = render.field_text(card, box.field)
        if value:
            chain = render.font_chain(brand, box.role)
            text, _ = render.clean_text(value.upper() if box.caps else value, chain, card.file)
            measure.fit_box.__wrapped__(text, box, chain)  # uncached: a new article's text


def render_uncached(card: Card, brand: Brand, template: Template) -> None:
    """As for a new article's card: its text not fitted before (the stamps stay cached)."""
    measure.fit_box.cache_clear()
    render.render_card(card, brand, template)


def bench_images(cards: tuple[Card, ...], brand: Brand, template_name: str) -> None:
    template = load_template(template_name)
    print(f"\n[{template_name}] ms per image, warm (median of {REPEATS})")
    print(f"{'image':24} {'layout':>7} {'draw':>7} {'encode':>7} {'total':>7}")
    totals = []
    for card in cards:
        render.render_card(card, brand, template)  # warm the font and width caches
        total = best_ms(lambda card=card: render_uncached(card, brand, template))  # type: ignore[misc]
        layout = best_ms(lambda card=card: layout_only(card, brand, template_name))  # type: ignore[misc]
        with Image.open(io.BytesIO(render.render_card(card, brand, template).jpeg)) as jpeg:
            canvas = jpeg.copy()  # the finished card, so encoding sees its real detail
        encode = best_ms(lambda canvas=canvas: encode_jpeg(canvas))  # type: ignore[misc]
        draw = max(total - layout - encode, 0.0)
        totals.append(total)
        print(f"{card.file:24} {layout:7.2f} {draw:7.2f} {encode:7.2f} {total:7.2f}")
    print(f"{'mean':24} {'':7} {'':7} {'':7} {statistics.mean(totals):7.2f}")


def bench_set(cards: tuple[Card, ...], brand: Brand) -> None:
    template = load_template(brand.look)
    ms = best_ms(lambda: [render.render_card(c, brand, template) for c in cards], 5)
    print(f"\nwhole set warm: {len(cards)} images in {ms:.0f} ms")


def main() -> None:
    started = time.perf_counter()
    brand = load_brand()
    page = load_source(str(SAMPLE))
    digest = digest_article(extract_article(page))
    post = compose_post(digest, brand, "bench")
    first = render.render_card(post.cards[0], brand)
    cold = (time.perf_counter() - started) * 1000
    print(f"cold start to first image in this process (imports excluded): {cold:.0f} ms")
    del first
    bench_images(post.cards, brand, "calm")
    bench_images(post.cards[:2], brand, "photo")
    bench_set(post.cards, brand)


if __name__ == "__main__":
    main()
