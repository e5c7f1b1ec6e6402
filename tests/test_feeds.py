"""Reading feeds, sitemaps and WordPress JSON: the entries, and a clear line for each fault."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pipeline.feeds.entries import MAX_ENTRIES, FeedError, build_listing, clean_link
from pipeline.feeds.parse import kind_of, parse_feed, parse_sitemap, parse_wordpress
from tests.feeds import Item, atom, rss, sitemap, wordpress

DAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
BASE = "https://clinic.example/feed/"


def listing_of(feed: bytes):  # type: ignore[no-untyped-def]
    kind, raw, problems = parse_feed(feed, BASE)
    return build_listing(kind, BASE, raw), problems


def test_rss_and_atom_entries_come_newest_first() -> None:
    items = [
        Item("https://clinic.example/a", "A", DAY - timedelta(days=2)),
        Item("https://clinic.example/b", "B", DAY),
    ]
    for feed in (rss(items), atom(items)):
        listing, problems = listing_of(feed)
        assert [e.url for e in listing.entries] == [
            "https://clinic.example/b",
            "https://clinic.example/a",
        ]
        assert listing.entries[0].when == DAY
        assert problems == []


def test_faults_get_one_line_each() -> None:
    items = [
        Item(None, "no link", DAY),
        Item("/blog/relative", "relative", DAY),
        Item("https://clinic.example/blog/x?utm_source=rss#top", "tracked", DAY),
        Item("https://clinic.example/blog/x", "again", DAY),
        Item("mailto:office@clinic.example", "mail", DAY),
    ]
    listing, _ = listing_of(rss(items))
    assert [e.url for e in listing.entries] == [
        "https://clinic.example/blog/relative",
        "https://clinic.example/blog/x",
    ]
    assert listing.problems == (
        "1 entry without a link skipped",
        f"1 relative link read against {BASE}",
        "1 duplicate entry (same link) skipped",
        "1 entry with a link that is not http(s) skipped",
    )


def test_ten_thousand_entries_are_capped_with_a_line() -> None:
    items = [
        Item(f"https://clinic.example/p/{n}", f"P{n}", DAY - timedelta(minutes=n))
        for n in range(10_000)
    ]
    listing, _ = listing_of(rss(items))
    assert len(listing.entries) == MAX_ENTRIES
    assert listing.entries[0].url == "https://clinic.example/p/0"
    assert listing.problems == (f"lists 10,000 entries: only the newest {MAX_ENTRIES} are read",)


def test_a_changed_entry_changes_its_fingerprint() -> None:
    one = listing_of(rss([Item("https://clinic.example/a", "A", DAY, "old")]))[0]
    two = listing_of(rss([Item("https://clinic.example/a", "A", DAY, "new")]))[0]
    same = listing_of(rss([Item("https://clinic.example/a", "A", DAY, "old")]))[0]
    assert one.entries[0].fingerprint != two.entries[0].fingerprint
    assert one.entries[0].fingerprint == same.entries[0].fingerprint


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"just text", "not a valid RSS or Atom feed"),
        (b"<rss><channel><item>", "not a valid RSS or Atom feed"),
    ],
)
def test_what_is_no_feed_is_an_error(body: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_feed(body, BASE)


def test_sitemaps_wordpress_and_kinds() -> None:
    urls = [("https://clinic.example/a", "2026-11-01"), ("https://clinic.example/b", "")]
    raw = parse_sitemap(sitemap(urls), BASE)
    assert [r.link for r in raw] == ["https://clinic.example/a", "https://clinic.example/b"]
    assert raw[0].updated == datetime(2026, 11, 1, tzinfo=UTC) and raw[1].updated is None
    posts = parse_wordpress(wordpress([("https://c.example/p", "A &amp; B", "2026-11-03")]), BASE)
    assert posts[0].title == "A & B" and posts[0].link == "https://c.example/p"
    with pytest.raises(FeedError, match="not a WordPress posts list"):
        parse_wordpress(b'{"code": "rest_no_route"}', BASE)
    assert kind_of(b"<?xml version='1.0'?><sitemapindex>", "") == "sitemapindex"
    assert kind_of(b"<!DOCTYPE html><html>", "text/html") == "html"
    assert clean_link("javascript:alert(1)", BASE) is None
