"""The review page's edit speed, printed (not asserted): `make bench`.

A real `repurpose review` process over the knee-pain sample; each round saves a new slide text
as the page does (POST .../edit) and then fetches the new image, as the reloaded page does. It
prints the time from sending the edit to the new image being served: median and worst of 15.
Target: median <= 300 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cli import main  # noqa: E402
from tests.reviewserver import review_server  # noqa: E402

SAMPLE = ROOT / "samples" / "knee-pain-muscle-imbalance.html"
ROUNDS = 15


def edit_round(review: object, slug: str, text: str) -> float:
    from tests.reviewserver import Review

    assert isinstance(review, Review)
    token, version = review.page_state(slug)
    body = f'{{"version": "{version}", "key": "carousel-02.jpg.text", "text": "{text}"}}'
    start = time.perf_counter()
    reply = review.request("POST", f"/post/{slug}/edit", body.encode(), {"X-CSRF-Token": token})
    assert reply.status == 200, reply.text
    image = review.get(f"/post/{slug}/img/carousel-02.jpg?v={reply.json()['version']}")
    assert image.status == 200
    return time.perf_counter() - start


def main_bench() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        assert main(["run", str(SAMPLE), "-o", str(out), "-q"]) == 0
        slug = next(out.iterdir()).name
        with review_server(out) as review:
            edit_round(review, slug, "Warm-up edit.")
            times = [edit_round(review, slug, f"Knee pain, edit {i}.") for i in range(ROUNDS)]
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(
        f"review: edit saved -> new image served: median {median:.0f} ms, worst {worst:.0f} ms"
        f" over {ROUNDS} edits (target: median <= 300 ms)"
    )


if __name__ == "__main__":
    main_bench()
