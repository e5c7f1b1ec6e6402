"""What `repurpose watch` remembers, in one SQLite file beside OUT (no server): each source's
feed address and validators, and each entry it saw: its URL, dates, fingerprint, the folder it
went to, or the failure with its error and when to retry."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pipeline.feeds.entries import Entry
from pipeline.load.resource import Validators
from pipeline.models import ConfigError

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    address TEXT PRIMARY KEY, url TEXT, etag TEXT, last_modified TEXT,
    first_read_at TEXT, checked_at TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS entries (
    url TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, published TEXT, updated TEXT,
    fingerprint TEXT, status TEXT NOT NULL, folder TEXT, error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0, retry_at TEXT, seen_at TEXT, processed_at TEXT);
"""
RETRY_FIRST = timedelta(hours=1)
RETRY_MOST = timedelta(hours=24)


@dataclass(frozen=True)
class SourceRow:
    address: str
    url: str | None
    validators: Validators
    first_read_at: str | None
    checked_at: str | None
    error: str | None


@dataclass(frozen=True)
class EntryRow:
    url: str
    source: str
    title: str
    published: str | None
    fingerprint: str
    status: str  # done, failed, queued (--queue), skipped (beyond the backfill or before --since)
    folder: str | None
    error: str | None
    attempts: int
    retry_at: str | None


def default_state_path(out: Path) -> Path:
    """Beside OUT: out/ -> out.watch.sqlite."""
    resolved = out.resolve()
    return resolved.parent / f"{resolved.name}.watch.sqlite"


@contextmanager
def open_state(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"cannot open the watch state {path}: {exc}") from None
    with closing(connection):
        try:
            connection.executescript(SCHEMA)
            yield connection
            connection.commit()
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"the watch state {path} is damaged ({exc})") from None


def get_source(db: sqlite3.Connection, address: str) -> SourceRow | None:
    row = db.execute(
        "SELECT address, url, etag, last_modified, first_read_at, checked_at, error"
        " FROM sources WHERE address = ?",
        (address,),
    ).fetchone()
    if row is None:
        return None
    return SourceRow(row[0], row[1], Validators(row[2], row[3]), row[4], row[5], row[6])


def save_source(
    db: sqlite3.Connection, address: str, url: str, validators: Validators, now: datetime
) -> None:
    """The source was read: remember its address and validators; it has been read once."""
    db.execute(
        "INSERT INTO sources (address, url, etag, last_modified, first_read_at, checked_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(address) DO UPDATE SET url = excluded.url,"
        " etag = excluded.etag, last_modified = excluded.last_modified,"
        " checked_at = excluded.checked_at, error = NULL",
        (address, url, validators.etag, validators.last_modified, now.isoformat(), now.isoformat()),
    )
    db.commit()


def source_failed(db: sqlite3.Connection, address: str, error: str, now: datetime) -> None:
    db.execute(
        "INSERT INTO sources (address, checked_at, error) VALUES (?, ?, ?)"
        " ON CONFLICT(address) DO UPDATE SET checked_at = excluded.checked_at,"
        " error = excluded.error",
        (address, now.isoformat(), error),
    )
    db.commit()


ENTRY_COLUMNS = (
    "url, source, title, published, fingerprint, status, folder, error, attempts, retry_at"
)


def entry_of(row: tuple[object, ...]) -> EntryRow:
    return EntryRow(*row)  # type: ignore[arg-type]


def get_entry(db: sqlite3.Connection, url: str) -> EntryRow | None:
    row = db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE url = ?", (url,)).fetchone()
    return entry_of(row) if row else None


def all_entries(db: sqlite3.Connection) -> list[EntryRow]:
    rows = db.execute(
        f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY coalesce(published, seen_at) DESC, url"
    ).fetchall()
    return [entry_of(row) for row in rows]


def all_sources(db: sqlite3.Connection) -> list[SourceRow]:
    addresses = [r[0] for r in db.execute("SELECT address FROM sources ORDER BY address")]
    return [row for a in addresses if (row := get_source(db, a))]


def record_entry(
    db: sqlite3.Connection, source: str, entry: Entry, status: str, now: datetime, **more: object
) -> None:
    """Insert or update an entry with its new status (folder, error, attempts, retry_at)."""
    values = {
        "url": entry.url,
        "source": source,
        "title": entry.title,
        "published": entry.published.isoformat() if entry.published else None,
        "updated": entry.updated.isoformat() if entry.updated else None,
        "fingerprint": entry.fingerprint,
        "status": status,
        "seen_at": now.isoformat(),
        **more,
    }
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    updates = ", ".join(f"{k} = excluded.{k}" for k in values if k not in ("url", "seen_at"))
    db.execute(
        f"INSERT INTO entries ({names}) VALUES ({marks}) ON CONFLICT(url) DO UPDATE SET {updates}",
        tuple(values.values()),
    )
    db.commit()


def retry_time(attempts: int, now: datetime) -> datetime:
    """1 h after the first failure, doubling, at most a day."""
    return now + min(RETRY_FIRST * (1 << min(max(attempts - 1, 0), 5)), RETRY_MOST)
