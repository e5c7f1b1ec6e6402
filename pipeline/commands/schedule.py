"""The posting plan: weekly slots turned into timezone-aware dates for each piece of a post.

Each article gives one carousel and its quote cards. The carousels go first, then the quote cards
drip out on later slots; several articles take turns, so one topic never fills a whole week.
The plan goes into post.json under "schedule"; the exports read it from there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import zip_longest
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pipeline.models import PlanError, RepurposeError
from pipeline.write.files import check_complete, folder_lock, update_tool_files
from pipeline.write.manifest import MANIFEST, Manifest, read_manifest
from pipeline.write.preview import PREVIEW, build_preview

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLOT_PATTERN = re.compile(r"^([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})$")


@dataclass(frozen=True, order=True)
class Slot:
    weekday: int  # Monday is 0
    at: time


@dataclass(frozen=True)
class Piece:
    """One thing to post: the carousel, or one quote card."""

    slug: str
    kind: str  # "carousel" or "quote"
    files: tuple[str, ...]


@dataclass(frozen=True)
class Planned:
    piece: Piece
    at: datetime


def parse_slots(text: str) -> tuple[Slot, ...]:
    """'Mon 09:00, Thu 18:00' -> weekly slots, sorted; an error names the bad part."""
    slots = set()
    for part in (p.strip() for p in text.split(",")):
        match = SLOT_PATTERN.match(part.lower())
        day = DAYS.index(match.group(1)) if match and match.group(1) in DAYS else None
        if not match or day is None or int(match.group(2)) > 23 or int(match.group(3)) > 59:
            raise PlanError(
                f'bad slot "{part}": write a weekday and a 24-hour time, e.g. "Mon 09:00"'
            )
        slots.add(Slot(day, time(int(match.group(2)), int(match.group(3)))))
    return tuple(sorted(slots))


RELATIVE_START = re.compile(r"\+(\d{1,3})d?")


def parse_start(text: str, today: date | None = None) -> date:
    """YYYY-MM-DD, or relative to today (in the plan's zone): "today", "tomorrow", "+7" or
    "+7d" (days from today), so a saved command works on any day."""
    word = text.strip().lower()
    if today is not None:
        if word in ("today", "tomorrow"):
            return today + timedelta(days=word == "tomorrow")
        if match := RELATIVE_START.fullmatch(word):
            return today + timedelta(days=int(match.group(1)))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanError(
            f'bad start date "{text}": write it as YYYY-MM-DD, "today", "tomorrow" or "+7"'
            " (days from today)"
        ) from None


def load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise PlanError(f'unknown time zone "{name}": use a name like Europe/London') from None


def local_zone_name() -> str:
    """The machine's IANA time zone name ($TZ first), found by tzlocal the same way on Linux,
    macOS and Windows (where it maps the Windows zone name); UTC when it cannot tell."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return name
    import tzlocal

    try:
        return tzlocal.get_localzone_name() or "UTC"
    except (OSError, LookupError, ValueError):  # no zone configured, or one tzlocal cannot read
        return "UTC"


def slot_times(start: date, slots: Sequence[Slot], zone: ZoneInfo) -> Iterator[datetime]:
    """Every slot from the start date on, in order, as aware datetimes in the zone."""
    day = start
    while True:
        for slot in slots:
            if slot.weekday == day.weekday():
                yield normalise(datetime.combine(day, slot.at, tzinfo=zone))
        day += timedelta(days=1)


def normalise(moment: datetime) -> datetime:
    """A wall time that does not exist (clocks going forward) moves to the real time after."""
    return moment.astimezone(UTC).astimezone(moment.tzinfo)


SQUARE_COPIES = ("quote_square",)  # the same quote again at 1:1, an alternative


def pieces_of(slug: str, manifest: Manifest) -> list[Piece]:
    """The carousel, each quote card, then the story; square copies of a quote are not planned."""
    images = manifest.images
    slides = tuple(i.file for i in images if (i.kind or "carousel") == "carousel")
    pieces = [Piece(slug, "carousel", slides)] if slides else []
    pieces += [
        Piece(slug, "quote", (i.file,))
        for i in images
        if i.kind == "quote" and i.layout not in SQUARE_COPIES
    ]
    pieces += [Piece(slug, "story", (i.file,)) for i in images if i.kind == "story"]
    return pieces


def order_pieces(posts: Sequence[Sequence[Piece]]) -> list[Piece]:
    """All carousels first, then every article's first quote card, then the second, ..."""
    rounds = zip_longest(*posts)
    return [piece for round_ in rounds for piece in round_ if piece is not None]


def plan_posts(
    posts: Sequence[Sequence[Piece]],
    start: date,
    slots: Sequence[Slot],
    zone: ZoneInfo,
    now: datetime,
    taken: Collection[datetime] = (),
) -> list[Planned]:
    """Give each piece the next free slot at or after the start date, never in the past.

    `taken` are times other articles' plans already use: those slots are skipped.
    """
    if not slots:
        raise PlanError("no posting slots given")
    if start < now.astimezone(zone).date():
        raise PlanError(f"the start date {start} is in the past: give a later --start")
    times = (t for t in slot_times(start, slots, zone) if t > now and t not in taken)
    return [Planned(piece, next(times)) for piece in order_pieces(posts)]


def planned_times(manifest: Manifest) -> set[datetime]:
    """The times a manifest's plan already uses (unreadable ones are ignored)."""
    times = set()
    for post in (manifest.schedule or {}).get("posts", []):
        with suppress(TypeError, ValueError):
            moment = datetime.fromisoformat(post["at"])
            if moment.tzinfo is not None:
                times.add(moment)
    return times


def schedule_entry(planned: Sequence[Planned], zone: ZoneInfo, slots_text: str) -> dict[str, Any]:
    """The manifest's "schedule" value for one article; `revision` counts the re-plans (it is
    the calendar export's SEQUENCE, so a moved post moves in calendar apps)."""
    return {
        "revision": 0,
        "timezone": zone.key,
        "slots": slots_text,
        "posts": [
            {"type": p.piece.kind, "files": list(p.piece.files), "at": p.at.isoformat()}
            for p in planned
        ],
    }


def check_distinct(folders: Sequence[Path]) -> None:
    """Posts are told apart by their folder's name (the slug), so names must differ."""
    if len({folder.name for folder in folders}) < len(folders):
        raise PlanError("two folders share a name: give each output folder once")


def schedule_folders(
    folders: Sequence[Path], start: str, slots_text: str, zone_name: str | None, now: datetime
) -> list[Planned]:
    """`repurpose schedule`: plan every piece of the folders and write the plan into each."""
    check_distinct(folders)
    zone = load_zone(zone_name or local_zone_name())
    slots = parse_slots(slots_text)
    first_day = parse_start(start, now.astimezone(zone).date())
    manifests = {folder: read_manifest(check_complete(folder)) for folder in folders}
    pieces = [pieces_of(folder.name, m) for folder, m in manifests.items()]
    planned = plan_posts(pieces, first_day, slots, zone, now, sibling_plans(folders))
    for folder, manifest in manifests.items():
        mine = [p for p in planned if p.piece.slug == folder.name]
        entry = schedule_entry(mine, zone, slots_text)
        entry["revision"] = int((manifest.schedule or {}).get("revision") or 0) + 1
        manifest = replace(manifest, schedule=entry)
        with folder_lock(folder):
            update_tool_files(
                folder, {MANIFEST: manifest.to_bytes(), PREVIEW: build_preview(manifest)}
            )
    return planned


def sibling_plans(folders: Sequence[Path]) -> set[datetime]:
    """Times already planned for the other articles in the same output folders."""
    given = {folder.resolve() for folder in folders}
    siblings = {p for f in folders for p in f.resolve().parent.iterdir() if p not in given}
    taken: set[datetime] = set()
    for sibling in sorted(siblings):
        if (sibling / MANIFEST).is_file():
            with suppress(RepurposeError):
                taken |= planned_times(read_manifest(sibling))
    return taken


def describe_piece(piece: Piece) -> str:
    return f"{piece.slug}: {piece.kind} ({', '.join(piece.files)})"
