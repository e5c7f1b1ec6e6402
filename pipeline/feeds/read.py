"""Find and read one watched source: a feed, a sitemap (or index), the WordPress REST API, or a
blog page whose `<link rel="alternate">` names its feed. Every fetch goes through load's safe
fetcher, with the validators the caller kept, so an unchanged source costs one 304."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urljoin

from pipeline.feeds.entries import FeedError, Listing, RawEntry, build_listing
from pipeline.feeds.parse import (
    kind_of,
    page_feed_links,
    parse_feed,
    parse_sitemap,
    parse_sitemap_index,
    parse_wordpress,
)
from pipeline.load.fetch import FetchOptions
from pipeline.load.resource import Resource, Validators, fetch_resource

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.9, "
    "text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"
)
MAX_CHILD_SITEMAPS = 20
WP_POSTS = "wp/v2/posts?per_page=20&orderby=modified"


@dataclass(frozen=True)
class SourceRead:
    """What reading a source gave: its listing (None when it answered 304 Not Modified), the
    address to read next time, that address's validators, and the lines to say."""

    listing: Listing | None
    url: str
    validators: Validators
    notes: tuple[str, ...] = ()


def read_source(
    address: str,
    options: FetchOptions,
    url: str | None = None,
    known: Validators | None = None,
    page: bool = True,
) -> SourceRead:
    """Read `url` (the feed found for `address` before) or else `address` itself; an HTML page
    is looked through for its feed when `page`."""
    current = url or address
    resource = fetch_resource(current, options, known, accept=ACCEPT)
    notes = moved_notes(current, resource)
    if resource.moved_to:
        current = resource.moved_to
    if resource.not_modified:
        return SourceRead(None, current, known or Validators(), notes)
    if kind_of(resource.body, resource.content_type) == "html":
        if not page or (url and url != address):
            raise FeedError(f"{current}: an HTML page, not a feed")
        return read_blog_page(address, resource, options, notes)
    listing = listing_of(resource, current, options)
    return SourceRead(listing, current, resource.validators, notes)


def moved_notes(url: str, resource: Resource) -> tuple[str, ...]:
    if resource.moved_to:
        return (f"{url} moved permanently to {resource.moved_to}: reading it there from now on",)
    return ()


def read_blog_page(
    address: str, page: Resource, options: FetchOptions, notes: tuple[str, ...]
) -> SourceRead:
    """The feed a blog page links to (not its comments feed), else its WordPress API."""
    feeds, api = page_feed_links(page.body, page.final_url)
    feeds = sorted(feeds, key=lambda href: "comment" in href.lower())
    if feeds:
        found = urljoin(page.final_url, feeds[0])
    elif api:
        found = urljoin(urljoin(page.final_url, api), WP_POSTS)
    else:
        raise FeedError(
            f'{address}: an HTML page that names no feed (<link rel="alternate">); give the '
            "address of its RSS/Atom feed, its sitemap.xml or its /wp-json/wp/v2/posts"
        )
    read = read_source(found, options, page=False)
    return replace(read, notes=(*notes, f"found the feed {found}", *read.notes))


def listing_of(resource: Resource, url: str, options: FetchOptions) -> Listing:
    kind = kind_of(resource.body, resource.content_type)
    if kind == "json":
        return build_listing("wordpress", url, parse_wordpress(resource.body, url))
    if kind == "sitemap":
        return build_listing("sitemap", url, parse_sitemap(resource.body, url))
    if kind == "sitemapindex":
        return read_sitemap_index(resource, url, options)
    feed_kind, entries, problems = parse_feed(resource.body, url, resource.content_type)
    listing = build_listing(feed_kind, url, entries)
    return replace(listing, problems=(*problems, *listing.problems))


def read_sitemap_index(resource: Resource, url: str, options: FetchOptions) -> Listing:
    """The newest child sitemaps (the posts' ones when the index names them apart)."""
    children = parse_sitemap_index(resource.body, url)
    posts = [child for child in children if "post" in child[0].lower()]
    chosen = posts or children
    chosen = sorted(chosen, key=lambda c: c[1].timestamp() if c[1] else 0.0, reverse=True)
    problems, entries = [], list[RawEntry]()
    for loc, _ in chosen[:MAX_CHILD_SITEMAPS]:
        child = urljoin(url, loc)
        try:
            entries += parse_sitemap(fetch_resource(child, options, accept=ACCEPT).body, child)
        except FeedError as exc:
            problems.append(str(exc))
    if len(chosen) > MAX_CHILD_SITEMAPS:
        problems.append(f"names {len(chosen)} sitemaps: read the newest {MAX_CHILD_SITEMAPS}")
    listing = build_listing("sitemap", url, entries)
    return replace(listing, problems=(*problems, *listing.problems))
