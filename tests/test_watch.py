"""`repurpose watch` against feeds, sitemaps and WordPress JSON served on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pipeline.brand import load_brand
from pipeline.cli import main
from pipeline.commands.run import RunOptions
from pipeline.commands.watch import WatchOptions, list_state, watch_every, watch_once
from pipeline.load.fetch import FetchOptions
from tests.conftest import KNEE, SAMPLES
from tests.feeds import Item, atom, conditional, rss, sitemap, sitemap_index, wordpress
from tests.stubserver import Reply, Stub, serve

HEEL = SAMPLES / "plantar-heel-pain.html"
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = "application/rss+xml"
DAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def site() -> Iterator[Stub]:
    with serve() as stub:
        stub.routes["/blog/knee"] = Reply(KNEE.read_bytes(), headers=HTML)
        stub.routes["/blog/heel"] = Reply(HEEL.read_bytes(), headers=HTML)
        yield stub


def options(tmp_path: Path, **more: object) -> WatchOptions:
    fetch = FetchOptions(allow_private=True, timeout=(2.0, 2.0), retries=0)
    run = RunOptions(tmp_path / "out", load_brand(), allow_private=True, fetch=fetch)
    values: dict[str, object] = {"state": tmp_path / "out.watch.sqlite", **more}
    return WatchOptions(run, fetch, **values)  # type: ignore[arg-type]


def items(base: str) -> list[Item]:
    return [
        Item(f"{base}/blog/knee", "Knee pain", DAY),
        Item(f"{base}/blog/heel", "Heel pain", DAY - timedelta(days=7)),
        Item(f"{base}/blog/old", "Old post", DAY - timedelta(days=30)),
    ]


def statuses(state: Path) -> dict[str, str]:
    with sqlite3.connect(state) as db:
        return {
            url.rsplit("/", 1)[1]: s for url, s in db.execute("SELECT url, status FROM entries")
        }


def test_first_run_takes_the_newest_then_nothing_is_new(site: Stub, tmp_path: Path) -> None:
    site.routes["/feed"] = conditional(rss(items(site.base)), RSS, '"v1"')
    lines: list[str] = []
    tally = watch_once([f"{site.base}/feed"], options(tmp_path), lines.append)
    assert (tally.new, tally.ok) == (1, True)
    assert statuses(tmp_path / "out.watch.sqlite") == {
        "knee": "done", "heel": "skipped", "old": "skipped"
    }  # fmt: skip
    assert any(line.startswith(f"new: {site.base}/blog/knee -> ") for line in lines)
    assert "/blog/heel" not in site.paths()
    site.calls.clear()
    again: list[str] = []
    tally = watch_once([f"{site.base}/feed"], options(tmp_path), again.append)
    assert (tally.new, tally.updated, tally.ok) == (0, 0, True)
    assert site.paths() == ["/feed"]  # a conditional GET, answered 304: no article fetched
    assert site.calls[0].headers.get("If-None-Match") == '"v1"'
    assert again == []


def test_cli_exits_0_when_nothing_is_new_and_lists(site: Stub, tmp_path: Path) -> None:
    site.routes["/feed"] = Reply(rss(items(site.base)), headers={"Content-Type": RSS})
    out = tmp_path / "out"
    argv = ["watch", f"{site.base}/feed", "-o", str(out), "--allow-private", "--no-cache", "-q"]
    assert main(argv) == 0
    assert [p.name for p in out.iterdir()] != []
    site.calls.clear()
    assert main(argv) == 0  # no ETag this time: the feed is read again, nothing is new
    assert site.paths() == ["/feed"]
    assert (tmp_path / "out.watch.sqlite").is_file()
    lines = list_state(tmp_path / "out.watch.sqlite")
    assert lines[0] == f"source {site.base}/feed"
    assert any(line.startswith("done") and "/blog/knee" in line for line in lines)
    assert sum(line.startswith("skipped") for line in lines) == 2


def test_backfill_and_since(site: Stub, tmp_path: Path) -> None:
    site.routes["/feed"] = Reply(atom(items(site.base)), headers={"Content-Type": "text/xml"})
    tally = watch_once([f"{site.base}/feed"], options(tmp_path, backfill=2), print)
    assert tally.new == 2
    other = tmp_path / "since"
    other.mkdir()
    since = DAY - timedelta(days=1)
    tally = watch_once([f"{site.base}/feed"], options(other, since=since), print)
    assert tally.new == 1
    assert statuses(other / "out.watch.sqlite")["heel"] == "skipped"


def test_an_updated_article_runs_again_keeping_hand_edits(site: Stub, tmp_path: Path) -> None:
    site.routes["/feed"] = Reply(rss(items(site.base)[:1]), headers={"Content-Type": RSS})
    watch_once([f"{site.base}/feed"], options(tmp_path), print)
    (folder,) = (tmp_path / "out").iterdir()
    (folder / "caption.txt").write_text("Our own words for this post.\n")
    changed = Item(f"{site.base}/blog/knee", "Knee pain", DAY + timedelta(days=1), "new text")
    site.routes["/feed"] = Reply(rss([changed]), headers={"Content-Type": RSS})
    page = KNEE.read_bytes().replace(b"</body>", b"<p>Updated in December.</p></body>")
    site.routes["/blog/knee"] = Reply(page, headers=HTML)
    lines: list[str] = []
    tally = watch_once([f"{site.base}/feed"], options(tmp_path), lines.append)
    assert (tally.new, tally.updated) == (0, 1)
    assert any(line.startswith(f"updated: {site.base}/blog/knee -> {folder}") for line in lines)
    assert any("kept hand edit: caption" in line for line in lines)
    assert (folder / "caption.txt").read_text() == "Our own words for this post.\n"
    assert [p.name for p in (tmp_path / "out").iterdir()] == [folder.name]


def test_a_broken_source_gets_a_line_and_the_others_go_on(site: Stub, tmp_path: Path) -> None:
    site.routes["/broken"] = Reply(b"<rss><channel><item>", headers={"Content-Type": RSS})
    site.routes["/page"] = Reply(b"<html><body><p>Hello</p></body></html>", headers=HTML)
    site.routes["/feed"] = Reply(rss(items(site.base)), headers={"Content-Type": RSS})
    sources = [f"{site.base}/broken", f"{site.base}/missing", f"{site.base}/page"]
    lines: list[str] = []
    tally = watch_once([*sources, f"{site.base}/feed"], options(tmp_path), lines.append)
    assert (tally.new, tally.broken, tally.ok) == (1, 3, False)
    errors = [line for line in lines if line.startswith("Error: ")]
    assert errors[0].startswith(f"Error: {site.base}/broken: not a valid RSS or Atom feed")
    assert errors[1] == f"Error: {site.base}/missing: server answered HTTP 404"
    assert "an HTML page that names no feed" in errors[2]
    assert any(line.startswith("source ") and "FAILED" in line for line in list_state(
        tmp_path / "out.watch.sqlite"))  # fmt: skip


def test_a_feed_that_moves_is_followed_and_remembered(site: Stub, tmp_path: Path) -> None:
    site.routes["/old-feed"] = Reply(b"", 301, {"Location": f"{site.base}/feed"})
    site.routes["/feed"] = Reply(rss(items(site.base)), headers={"Content-Type": RSS})
    lines: list[str] = []
    assert watch_once([f"{site.base}/old-feed"], options(tmp_path), lines.append).new == 1
    assert f"{site.base}/old-feed: {site.base}/old-feed moved permanently to" in lines[0]
    site.calls.clear()
    watch_once([f"{site.base}/old-feed"], options(tmp_path), lines.append)
    assert site.paths() == ["/feed"]


def test_a_slow_source_times_out_and_the_others_go_on(site: Stub, tmp_path: Path) -> None:
    site.routes["/slow"] = Reply(rss([]), headers={"Content-Type": RSS}, delay=3.0)
    site.routes["/feed"] = Reply(rss(items(site.base)), headers={"Content-Type": RSS})
    lines: list[str] = []
    tally = watch_once([f"{site.base}/slow", f"{site.base}/feed"], options(tmp_path), lines.append)
    assert (tally.new, tally.broken) == (1, 1)
    assert lines[0] == f"Error: {site.base}/slow: timed out (no answer within 2 s)"


def test_sitemap_index_wordpress_and_a_blog_page(site: Stub, tmp_path: Path) -> None:
    base = site.base
    site.routes["/sitemap.xml"] = Reply(
        sitemap_index([(f"{base}/post-sitemap.xml", "2026-11-02"), ("/page-sitemap.xml", "")]),
        headers={"Content-Type": "application/xml"},
    )
    site.routes["/post-sitemap.xml"] = Reply(
        sitemap([(f"{base}/about", "2026-10-01"), (f"{base}/blog/knee", "2026-11-02")])
    )
    site.routes["/wp-json/wp/v2/posts"] = Reply(
        wordpress([(f"{base}/blog/heel", "Heel &amp; foot", "2026-11-03T10:00:00")]),
        headers={"Content-Type": "application/json"},
    )
    site.routes["/blog/"] = Reply(
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/comments/feed">'
        b'<link rel="alternate" type="application/rss+xml" href="/feed"></head></html>',
        headers=HTML,
    )
    site.routes["/feed"] = Reply(rss(items(base)[:1]), headers={"Content-Type": RSS})
    sources = [f"{base}/sitemap.xml", f"{base}/wp-json/wp/v2/posts", f"{base}/blog/"]
    lines: list[str] = []
    tally = watch_once(sources, options(tmp_path), lines.append)
    assert (tally.new, tally.ok) == (2, True), lines
    assert "/page-sitemap.xml" not in site.paths()  # the posts' sitemap is enough
    assert f"{base}/blog/: found the feed {base}/feed" in lines
    assert statuses(tmp_path / "out.watch.sqlite") == {
        "knee": "done", "heel": "done", "about": "skipped"
    }  # fmt: skip


def test_a_failed_article_is_retried_later(site: Stub, tmp_path: Path) -> None:
    site.routes["/feed"] = Reply(
        rss([Item(f"{site.base}/blog/gone", "Gone", DAY)]), headers={"Content-Type": RSS}
    )
    now = [DAY]
    opts = options(tmp_path, clock=lambda: now[0])
    lines: list[str] = []
    assert watch_once([f"{site.base}/feed"], opts, lines.append).failed == 1
    assert lines[0].startswith(f"failed: {site.base}/blog/gone: ")
    assert lines[0].endswith("(retry after 2026-11-02 10:00 UTC)")
    assert watch_once([f"{site.base}/feed"], opts, lines.append).failed == 0  # not yet
    now[0] = DAY + timedelta(hours=2)
    site.routes["/blog/gone"] = Reply(KNEE.read_bytes(), headers=HTML)
    assert watch_once([f"{site.base}/feed"], opts, lines.append).new == 1


def test_every_repeats_with_jitter(site: Stub, tmp_path: Path) -> None:
    site.routes["/feed"] = Reply(rss(items(site.base)), headers={"Content-Type": RSS})
    naps: list[float] = []
    lines: list[str] = []
    watch_every([f"{site.base}/feed"], options(tmp_path), timedelta(hours=1), lines.append,
                naps.append, passes=3)  # fmt: skip
    assert len(naps) == 2 and all(3240 <= nap <= 3960 for nap in naps)
    assert lines[-1] == "watch: nothing new in 1 source"
    assert site.paths().count("/feed") == 3


def test_a_sitemap_of_corpus_articles(tmp_path: Path) -> None:
    """The redistributable clinic-dev articles as HTML pages behind a sitemap (skips without
    ../shared/corpus)."""
    import markdown
    import yaml

    from tests.conftest import corpus_dir

    files = sorted((corpus_dir("clinic-dev") / "files").glob("*.md"))[:3]
    with serve() as site:
        urls = []
        for n, path in enumerate(files):
            text = path.read_text(encoding="utf-8")
            meta: dict[str, object] = {}
            body = text
            if text.startswith("---"):
                _, head, body = text.split("---", 2)
                meta = yaml.safe_load(head) or {}
            title = escape_title(str(meta.get("title") or path.stem))
            page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            page += markdown.markdown(body) + "</article></body></html>"
            site.routes[f"/post/{n}"] = Reply(page.encode(), headers=HTML)
            urls.append((f"{site.base}/post/{n}", f"2026-11-0{n + 1}"))
        site.routes["/sitemap.xml"] = Reply(sitemap(urls), headers={"Content-Type": "text/xml"})
        tally = watch_once([f"{site.base}/sitemap.xml"], options(tmp_path, backfill=3), print)
    assert (tally.new, tally.failed) == (len(files), 0)


def escape_title(text: str) -> str:
    from html import escape

    return escape(text)
