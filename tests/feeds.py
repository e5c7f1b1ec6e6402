"""Feeds, sitemaps and WordPress JSON built for tests, and conditional-GET answers."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape

from tests.stubserver import Call, Reply


@dataclass(frozen=True)
class Item:
    link: str | None
    title: str
    when: datetime
    summary: str = ""


def rss(items: Sequence[Item], title: str = "Clinic blog") -> bytes:
    entries = "".join(
        "<item>"
        f"<title>{escape(i.title)}</title>"
        + (f"<link>{escape(i.link)}</link>" if i.link is not None else "")
        + f'<guid isPermaLink="false">{escape(i.link or i.title)}</guid>'
        f"<pubDate>{format_datetime(i.when)}</pubDate>"
        f"<description>{escape(i.summary)}</description>"
        "</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://clinic.example/</link>"
        f"<description>posts</description>{entries}</channel></rss>"
    ).encode()


def atom(items: Sequence[Item]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(i.title)}</title><id>{escape(i.link or i.title)}</id>"
        + (f'<link rel="alternate" href="{escape(i.link)}"/>' if i.link else "")
        + f"<updated>{i.when.isoformat()}</updated><summary>{escape(i.summary)}</summary></entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Clinic</title><id>urn:clinic</id><updated>2026-11-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def sitemap(urls: Sequence[tuple[str, str]]) -> bytes:
    body = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
    ).encode()


def sitemap_index(children: Sequence[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<sitemap><loc>{escape(u)}</loc><lastmod>{d}</lastmod></sitemap>" for u, d in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
    ).encode()


def wordpress(posts: Sequence[tuple[str, str, str]]) -> bytes:
    """(link, title, modified) -> the JSON of /wp-json/wp/v2/posts."""
    return json.dumps(
        [
            {
                "id": n,
                "link": link,
                "date_gmt": modified,
                "modified_gmt": modified,
                "title": {"rendered": title},
                "content": {"rendered": f"<p>{title}</p>"},
            }
            for n, (link, title, modified) in enumerate(posts, 1)
        ]
    ).encode()


def conditional(body: bytes, kind: str, etag: str) -> Callable[[Call], Reply]:
    """A route that answers 304 when the client sends back the ETag it was given."""

    def answer(call: Call) -> Reply:
        if call.headers.get("If-None-Match") == etag:
            return Reply(b"", 304, {"ETag": etag})
        return Reply(body, 200, {"Content-Type": kind, "ETag": etag})

    return answer
