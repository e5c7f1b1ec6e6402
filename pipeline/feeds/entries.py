"""What a feed, sitemap or WordPress API lists: entries with a link, dates and a fingerprint,
and the clear lines a source gets for what was wrong with it (duplicates, missing links...)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from pipeline.models import RepurposeError

MAX_ENTRIES = 500  # a feed of 10,000 entries: only the newest this many are read
TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


class FeedError(RepurposeError):
    """A source is not a feed, sitemap or WordPress site, or is damaged."""


@dataclass(frozen=True)
class Entry:
    """One article a source lists."""

    url: str  # absolute, without fragment or tracking parameters
    title: str
    published: datetime | None  # aware (UTC when the source gives no zone)
    updated: datetime | None
    fingerprint: str  # changes when the source says the article changed

    @property
    def when(self) -> datetime | None:
        return self.updated or self.published


@dataclass(frozen=True)
class Listing:
    """What one source lists now, newest first, and the lines to say about it."""

    kind: str  # "rss", "atom", "sitemap", "wordpress"
    url: str  # the address read (a feed found on a blog page, the API of a WordPress site)
    entries: tuple[Entry, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawEntry:
    """An entry as the source gives it, before links are checked."""

    link: str | None
    title: str
    published: datetime | None
    updated: datetime | None
    signature: str  # what, hashed, tells that the article changed (dates, content)


def fingerprint(*parts: str | None) -> str:
    text = "\x1f".join(part or "" for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def clean_link(link: str, base: str) -> str | None:
    """An absolute http(s) URL without fragment or tracking parameters; None for others."""
    parts = urlsplit(urljoin(base, link.strip()))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(k, v) for k, v in query if not k.lower().startswith(TRACKING)]
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def build_listing(kind: str, url: str, raw: Sequence[RawEntry]) -> Listing:
    """Entries with absolute, unique links, newest first, capped; a line for each kind of fault."""
    problems, entries, seen = [], [], set()
    missing = relative = duplicate = foreign = 0
    for item in raw:
        if not item.link or not item.link.strip():
            missing += 1
            continue
        relative += not urlsplit(item.link.strip()).scheme
        link = clean_link(item.link, url)
        if link is None:
            foreign += 1
        elif link in seen:
            duplicate += 1
        else:
            seen.add(link)
            entries.append(Entry(link, item.title, item.published, item.updated, item.signature))
    counts = (missing, relative, duplicate, foreign)
    problems += fault_lines(*counts, base=url)
    ordered = newest_first(entries)
    if len(ordered) > MAX_ENTRIES:
        problems.append(f"lists {len(ordered):,} entries: only the newest {MAX_ENTRIES} are read")
        ordered = ordered[:MAX_ENTRIES]
    return Listing(kind, url, tuple(ordered), tuple(problems))


def fault_lines(missing: int, relative: int, duplicate: int, foreign: int, base: str) -> list[str]:
    lines = []
    if missing:
        lines.append(f"{plural(missing, 'entry')} without a link skipped")
    if relative:
        lines.append(f"{plural(relative, 'relative link')} read against {base}")
    if duplicate:
        lines.append(f"{plural(duplicate, 'duplicate entry')} (same link) skipped")
    if foreign:
        lines.append(f"{plural(foreign, 'entry')} with a link that is not http(s) skipped")
    return lines


def plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """By date, newest first; entries without a date keep the source's order after the dated."""
    indexed = list(enumerate(entries))
    epoch = datetime.min.replace(tzinfo=UTC)
    dated = sorted((e for e in indexed if e[1].when), key=lambda e: (e[1].when or epoch, -e[0]))
    undated = [e for e in indexed if not e[1].when]
    return [entry for _, entry in [*reversed(dated), *undated]]
