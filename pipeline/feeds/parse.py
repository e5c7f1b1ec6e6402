"""Read the bytes of a source: RSS/Atom (feedparser), sitemap.xml or a sitemap index (lxml,
no entities, no network), the WordPress REST API's JSON, or a blog page's feed links."""

from __future__ import annotations

import calendar
import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import feedparser
from bs4 import BeautifulSoup
from lxml import etree

from pipeline.feeds.entries import FeedError, RawEntry, fingerprint

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
WP_API_REL = "https://api.w.org/"


def kind_of(body: bytes, content_type: str) -> str:
    """ "html", "json", "sitemap", "sitemapindex" or "feed", from the bytes first."""
    head = body.lstrip()[:2048].lower()
    if head.startswith((b"[", b"{")) or content_type.endswith("json"):
        return "json"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemapindex" if b"<sitemapindex" in head else "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<html" in head or b"<!doctype html" in head or content_type == "text/html":
        return "html"
    return "feed"  # let the feed parser say what is wrong


NOT_DAMAGE = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def parse_feed(
    body: bytes, url: str, content_type: str = "application/xml"
) -> tuple[str, list[RawEntry], list[str]]:
    """("rss" or "atom", entries, problems); a FeedError for bytes that are no feed at all, or
    a damaged feed of which nothing can be read."""
    headers = {"content-type": content_type or "application/xml"}  # links stay as written
    parsed = feedparser.parse(body, response_headers=headers)
    version = str(parsed.get("version") or "")
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    problem = None if isinstance(problem, NOT_DAMAGE) else problem
    detail = f" ({str(problem).splitlines()[0]})" if problem else ""
    if not version or (problem and not any(e.get("link") for e in parsed.entries)):
        raise FeedError(f"{url}: not a valid RSS or Atom feed{detail}")
    entries = [feed_entry(item) for item in parsed.entries]
    damaged = [f"the feed is damaged{detail}: read what could be read"] if problem else []
    return ("atom" if version.startswith("atom") else "rss"), entries, damaged


def feed_entry(item: Any) -> RawEntry:
    published = struct_time(dict.get(item, "published_parsed"))
    updated = struct_time(dict.get(item, "updated_parsed"))
    content = " ".join(str(part.get("value", "")) for part in item.get("content", []))
    signature = fingerprint(
        str(item.get("title", "")),
        str(dict.get(item, "updated", "")),
        content or str(item.get("summary", "")),
    )
    return RawEntry(item.get("link"), str(item.get("title", "")), published, updated, signature)


def struct_time(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), UTC)


def parse_xml(body: bytes, url: str) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{url}: the sitemap is not valid XML ({exc})") from None


def parse_sitemap(body: bytes, url: str) -> list[RawEntry]:
    """The <url> entries of a sitemap: <loc>, and <lastmod> as the date and the fingerprint."""
    root = parse_xml(body, url)
    entries = []
    for node in root.iter(f"{SITEMAP_NS}url", "url"):
        loc = child_text(node, "loc")
        lastmod = child_text(node, "lastmod")
        when = parse_date(lastmod)
        entries.append(RawEntry(loc, "", None, when, fingerprint(lastmod)))
    return entries


def parse_sitemap_index(body: bytes, url: str) -> list[tuple[str, datetime | None]]:
    """The child sitemaps of an index, with their <lastmod>."""
    root = parse_xml(body, url)
    children = []
    for node in root.iter(f"{SITEMAP_NS}sitemap", "sitemap"):
        loc = child_text(node, "loc")
        if loc:
            children.append((loc, parse_date(child_text(node, "lastmod"))))
    return children


def child_text(node: Any, name: str) -> str | None:
    found = node.find(f"{SITEMAP_NS}{name}")
    if found is None:
        found = node.find(name)
    return found.text.strip() if found is not None and found.text else None


def parse_date(text: str | None) -> datetime | None:
    """An ISO 8601 date or date-time (W3C datetime, as sitemaps and WordPress write them)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_wordpress(body: bytes, url: str) -> list[RawEntry]:
    """Posts of `/wp-json/wp/v2/posts`: link, dates in GMT, and the rendered content's hash."""
    try:
        posts = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise FeedError(f"{url}: the WordPress API did not send valid JSON") from None
    if not isinstance(posts, list) or not all(isinstance(p, dict) for p in posts):
        raise FeedError(f"{url}: not a WordPress posts list (expected a JSON list of posts)")
    return [wordpress_entry(post) for post in posts]


def wordpress_entry(post: dict[str, Any]) -> RawEntry:
    title = rendered(post.get("title"))
    modified = str(post.get("modified_gmt") or post.get("modified") or "")
    link = post.get("link")
    return RawEntry(
        link if isinstance(link, str) else None,
        BeautifulSoup(title, "html.parser").get_text(),
        parse_date(str(post.get("date_gmt") or post.get("date") or "")),
        parse_date(modified),
        fingerprint(title, modified, rendered(post.get("content"))),
    )


def rendered(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("rendered") or "")
    return str(value or "")


def page_feed_links(html: bytes, url: str) -> tuple[list[str], str | None]:
    """A blog page's `<link rel="alternate">` feeds, and its WordPress API root if it names one."""
    soup = BeautifulSoup(html, "html.parser")
    feeds = [
        str(link.get("href"))
        for link in soup.find_all("link", href=True)
        if "alternate" in rels(link.get("rel")) and str(link.get("type", "")).lower() in FEED_TYPES
    ]
    api = soup.find("link", rel=lambda value: value == WP_API_REL, href=True)
    return feeds, str(api.get("href")) if api else None


def rels(value: Any) -> Sequence[str]:
    if isinstance(value, str):
        return value.lower().split()
    return [str(v).lower() for v in value or ()]
