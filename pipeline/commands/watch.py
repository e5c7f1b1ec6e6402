"""`repurpose watch`: read each source, run the articles that are new or changed, remember them.

One pass is what cron runs; `--every` repeats passes in the foreground. A source that fails
gets one line and the others go on. Only the newest `backfill` entries of a source read for the
first time are run (or those since `--since`), so nobody gets 300 posts by surprise.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline.commands.batch import Outcome, run_batch
from pipeline.commands.draw import RunResult
from pipeline.commands.run import RunOptions, run_source
from pipeline.commands.watch_state import (
    EntryRow,
    get_entry,
    get_source,
    open_state,
    record_entry,
    retry_time,
    save_source,
    source_failed,
)
from pipeline.feeds import Entry, SourceRead, read_source
from pipeline.load.fetch import FetchOptions
from pipeline.models import ConfigError, RepurposeError

Say = Callable[[str], None]


@dataclass(frozen=True)
class WatchOptions:
    run: RunOptions
    fetch: FetchOptions
    state: Path
    backfill: int = 1
    since: datetime | None = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC), compare=False)
    # --queue: send each article to the task queue instead of running it here
    submit: Callable[[str], None] | None = field(default=None, compare=False)
    jobs: int = 1  # -j: a source's articles in this many processes


@dataclass
class Tally:
    """What one pass did."""

    new: int = 0
    updated: int = 0
    failed: int = 0  # articles that failed in this pass
    broken: int = 0  # sources that could not be read
    queued: int = 0  # articles sent to the task queue (--queue)

    @property
    def ok(self) -> bool:
        return not (self.failed or self.broken)


@dataclass(frozen=True)
class Todo:
    entry: Entry
    kind: str  # "new", "updated" or "retry"
    row: EntryRow | None


def watch_once(sources: Sequence[str], options: WatchOptions, say: Say) -> Tally:
    """One pass over every source, under a lock so two passes never overlap."""
    lock = FileLock(str(options.state) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise ConfigError(
            f"another `repurpose watch` is using {options.state}: this pass is skipped"
        ) from None
    try:
        with open_state(options.state) as db:
            tally = Tally()
            for source in sources:
                watch_source(db, source, options, say, tally)
            return tally
    finally:
        lock.release()


def watch_source(
    db: sqlite3.Connection, address: str, options: WatchOptions, say: Say, tally: Tally
) -> None:
    known = get_source(db, address)
    try:
        url, validators = (known.url, known.validators) if known else (None, None)
        read = read_source(address, options.fetch, url, validators)
    except RepurposeError as exc:
        tally.broken += 1
        say(f"Error: {exc}")
        source_failed(db, address, str(exc), options.clock())
        return
    for note in read.notes:
        say(f"{address}: {note}")
    first = known is None or known.first_read_at is None
    if read.listing is not None:
        for problem in read.listing.problems:
            say(f"{read.url}: {problem}")
        todos = pick_entries(db, address, read, first, options, say)
        run_entries(db, address, todos, options, say, tally)
    save_source(db, address, read.url, read.validators, options.clock())


def pick_entries(
    db: sqlite3.Connection,
    address: str,
    read: SourceRead,
    first: bool,
    options: WatchOptions,
    say: Say,
) -> list[Todo]:
    """The entries to run now; on a source's first read the older ones are marked skipped."""
    assert read.listing is not None
    now, todos, fresh = options.clock(), [], 0
    for entry in read.listing.entries:
        row = get_entry(db, entry.url)
        if row is None and not wanted(entry, first, fresh, options):
            record_entry(db, address, entry, "skipped", now)
        elif row is None:
            fresh += 1
            todos.append(Todo(entry, "new", None))
        elif row.source != address:
            continue  # listed by another source too: that one follows it
        elif row.status in ("done", "queued") and row.fingerprint != entry.fingerprint:
            todos.append(Todo(entry, "updated", row))
        elif row.status == "failed" and (row.retry_at or "") <= now.isoformat():
            todos.append(Todo(entry, "retry", row))
    left = len(read.listing.entries) - len(todos)
    if first and left:
        say(f"{address}: first read: {len(todos)} to run, {left} seen before or left alone")
    return todos


def wanted(entry: Entry, first: bool, fresh: int, options: WatchOptions) -> bool:
    """A new entry is run unless it is before --since, or beyond the backfill on a first read."""
    if options.since is not None:
        return entry.when is not None and entry.when >= options.since
    return not first or fresh < options.backfill


def run_entries(
    db: sqlite3.Connection,
    address: str,
    todos: Sequence[Todo],
    options: WatchOptions,
    say: Say,
    tally: Tally,
) -> None:
    """Send the entries to the queue, or run them here in `options.jobs` processes (the
    process pool of `repurpose run`); each is recorded, in this process, as it ends."""
    if options.submit is not None:
        for todo in todos:
            queue_entry(db, address, todo, options, say, tally)
        return
    by_url = {todo.entry.url: todo for todo in todos}

    def record(outcome: Outcome[RunResult]) -> None:
        record_run(db, address, by_url[outcome.source], outcome, options, say, tally)

    run_batch(partial(run_source, options=options.run), list(by_url), options.jobs, record)


def queue_entry(
    db: sqlite3.Connection, address: str, todo: Todo, options: WatchOptions, say: Say, tally: Tally
) -> None:
    assert options.submit is not None
    options.submit(todo.entry.url)
    folder = todo.row.folder if todo.row else None
    record_entry(db, address, todo.entry, "queued", options.clock(), folder=folder)
    tally.queued += 1
    say(f"queued: {todo.entry.url}")


def record_run(
    db: sqlite3.Connection,
    address: str,
    todo: Todo,
    outcome: Outcome[RunResult],
    options: WatchOptions,
    say: Say,
    tally: Tally,
) -> None:
    entry, now, folder = todo.entry, options.clock(), todo.row.folder if todo.row else None
    if outcome.value is None:
        attempts = (todo.row.attempts if todo.row else 0) + 1
        retry = retry_time(attempts, now)
        failure = {"error": outcome.error, "attempts": attempts, "retry_at": retry.isoformat()}
        record_entry(db, address, entry, "failed", now, folder=folder, **failure)
        tally.failed += 1
        say(f"failed: {entry.url}: {outcome.error} (retry after {retry:%Y-%m-%d %H:%M} UTC)")
        return
    done = {"error": None, "attempts": 0, "retry_at": None, "processed_at": now.isoformat()}
    record_entry(db, address, entry, "done", now, folder=str(outcome.value.folder), **done)
    report_run(todo, outcome.value, say, tally)


def report_run(todo: Todo, result: RunResult, say: Say, tally: Tally) -> None:
    updated = todo.kind == "updated" or (todo.row is not None and todo.row.folder is not None)
    if updated:
        tally.updated += 1
        say(f"updated: {todo.entry.url} -> {result.folder} (the article changed; ran again)")
    else:
        tally.new += 1
        say(f"new: {todo.entry.url} -> {result.folder} ({result.images} images)")
    for note in result.notes:
        say(f"  note: {note}")
    for line in (*result.findings, *(f"warning: {w}" for w in result.warnings)):
        say(f"  {line}")


def watch_every(
    sources: Sequence[str],
    options: WatchOptions,
    every: timedelta,
    say: Say,
    sleep: Callable[[float], None] = time.sleep,
    passes: int | None = None,
) -> Tally:
    """Pass after pass, `every` apart with up to a tenth of jitter either way; a failed pass
    is reported and the next one comes all the same. `passes` bounds it (tests)."""
    done, last = 0, Tally()
    while passes is None or done < passes:
        try:
            last = watch_once(sources, options, say)
            say(summary(last, len(sources)))
        except RepurposeError as exc:
            say(f"Error: {exc}")
        done += 1
        if passes is None or done < passes:
            sleep(every.total_seconds() * random.uniform(0.9, 1.1))
    return last


def summary(tally: Tally, sources: int) -> str:
    if not (tally.new or tally.updated or tally.failed or tally.broken or tally.queued):
        return f"watch: nothing new in {sources} source{'s' if sources != 1 else ''}"
    parts = [f"{tally.new} new", f"{tally.updated} updated", f"{tally.failed} failed"]
    if tally.queued:
        parts.append(f"{tally.queued} sent to the queue")
    if tally.broken:
        parts.append(f"{tally.broken} of {sources} sources unreadable")
    return "watch: " + ", ".join(parts)


DURATION = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> timedelta:
    """'1h', '30m', '90s', '1d'; at least a minute, so a typo never hammers a site."""
    number, unit = text.strip()[:-1], text.strip()[-1:].lower()
    if unit not in DURATION or not number.isdigit():
        raise ConfigError(f'bad --every "{text}": write a number and a unit, e.g. 1h, 30m or 1d')
    every = timedelta(seconds=int(number) * DURATION[unit])
    if every < timedelta(minutes=1):
        raise ConfigError(f"--every {text} is too often: at least 1m")
    return every


def parse_since(text: str) -> datetime:
    try:
        day = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f'bad --since "{text}": write a date as YYYY-MM-DD') from None
    return day if day.tzinfo else day.replace(tzinfo=UTC)


def list_state(state: Path) -> list[str]:
    """`repurpose watch --list`: the sources, then every entry seen, newest first."""
    if not state.is_file():
        return [f"{state}: nothing watched yet"]
    from pipeline.commands.watch_state import all_entries, all_sources

    with open_state(state) as db:
        sources, entries = all_sources(db), all_entries(db)
    lines = [f"source {s.address}" + source_status(s.url, s.address, s.error) for s in sources]
    for row in entries:
        day = (row.published or "")[:10] or "undated   "
        where = row.folder if row.status == "done" else row.error if row.status == "failed" else ""
        retry = (
            f" (retry after {row.retry_at[:16]})" if row.status == "failed" and row.retry_at else ""
        )
        lines.append(f"{row.status:<8} {day}  {row.url}" + (f"  {where}" if where else "") + retry)
    return lines


def source_status(url: str | None, address: str, error: str | None) -> str:
    if error:
        return f"  FAILED: {error}"
    return f"  (reads {url})" if url and url != address else ""
