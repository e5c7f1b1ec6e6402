"""Exports of the posting plan for the clinic's scheduler: Hootsuite, Metricool, Postiz, iCalendar.

Each target rejects different things (see ../shared/INSTAGRAM.md); they are checked here first,
so staff get one clear error instead of a failed upload. The clock is passed in.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

from pipeline.commands import EXPORT_TARGETS as TARGETS
from pipeline.commands.schedule import check_distinct
from pipeline.models import PlanError
from pipeline.write.atomic import write_atomic
from pipeline.write.files import check_complete
from pipeline.write.manifest import Manifest, read_manifest

NEEDS_MEDIA_URLS = frozenset({"metricool", "postiz"})
MAX_CAPTION = 2200
MAX_ALT_TEXT = 1000
MAX_CAROUSEL = 10
HOOTSUITE_MAX_ROWS = 350
HOOTSUITE_MINUTES = 5
HOOTSUITE_DATE = "%m/%d/%Y %H:%M"
METRICOOL_PICTURES = 10
POSTIZ_MIN_CONTENT = 6
EVENT_LENGTH = timedelta(minutes=15)


@dataclass(frozen=True)
class ScheduledPost:
    slug: str
    folder: Path
    kind: str  # "carousel", "quote" or "story"
    at: datetime  # timezone-aware
    caption: str
    files: tuple[str, ...]
    alt_texts: tuple[str, ...]
    title: str
    revision: int = 0  # how many times the plan was made: the calendar's SEQUENCE


@dataclass(frozen=True)
class ExportOptions:
    target: str
    now: datetime
    media_base_url: str | None = None
    postiz_integration: str | None = None


def scheduled_posts(folder: Path, manifest: Manifest) -> list[ScheduledPost]:
    """The planned posts of one output folder; an error when it has no plan yet."""
    plan = manifest.schedule
    if not plan or not plan.get("posts"):
        raise PlanError(
            f"{folder} has no posting plan: run `repurpose schedule {folder} --start YYYY-MM-DD`"
        )
    alt_texts = {image.file: image.alt_text for image in manifest.images}
    title = manifest.headline or folder.name
    posts = []
    for entry in plan["posts"]:
        files = tuple(str(f) for f in entry.get("files", []))
        try:
            at = datetime.fromisoformat(str(entry.get("at")))
        except ValueError:
            raise PlanError(
                f"{folder}/post.json: bad date {entry.get('at')!r} in the plan"
            ) from None
        if at.tzinfo is None:
            raise PlanError(f"{folder}/post.json: the date {at} in the plan has no time zone")
        kind = str(entry.get("type"))
        caption = post_caption(manifest, kind, files)
        alts = tuple(alt_texts.get(f, "") for f in files)
        revision = int(plan.get("revision") or 0)
        posts.append(
            ScheduledPost(folder.name, folder, kind, at, caption, files, alts, title, revision)
        )
    return posts


def post_caption(manifest: Manifest, kind: str, files: Sequence[str]) -> str:
    """The carousel's caption; for a quote card its own caption variant (from the caption
    templates), or for a manifest without variants one built from the card."""
    if kind == "story":
        return manifest.captions.story if manifest.captions else manifest.headline or ""
    if kind != "quote":
        return manifest.caption
    variants = dict(manifest.captions.quotes) if manifest.captions else {}
    if files[0] in variants:
        return variants[files[0]]
    card = next((c for c in manifest.cards if c.file == files[0]), None)
    brand = manifest.brand or {}
    quote_text = (card.text if card else "").strip('“”"')
    parts = [
        f"“{quote_text}”" if quote_text else "",
        (card.note if card else None) or "",
        str(brand.get("disclaimer") or ""),
        " ".join(manifest.hashtags),
    ]
    return "\n\n".join(p for p in parts if p)


def check_posts(posts: Sequence[ScheduledPost], options: ExportOptions) -> None:
    """Everything the target would reject, as one error listing the problems."""
    problems = [p for post in posts for p in post_problems(post, options)]
    if options.target == "hootsuite" and len(posts) > HOOTSUITE_MAX_ROWS:
        problems.insert(0, f"{len(posts)} posts: Hootsuite takes at most {HOOTSUITE_MAX_ROWS} rows")
    if options.target in NEEDS_MEDIA_URLS:
        problems[:0] = media_url_problems(options.media_base_url, options.target)
    if options.target == "postiz" and not options.postiz_integration:
        problems.insert(0, "Postiz needs --postiz-integration ID (the Instagram channel's id)")
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise PlanError(f"cannot export to {options.target}: " + "; ".join(problems[:3]) + more)


def post_problems(post: ScheduledPost, options: ExportOptions) -> list[str]:
    where = f"{post.slug} {post.kind} ({post.files[0] if post.files else 'no images'})"
    problems = []
    if post.at <= options.now:
        problems.append(
            f"{where} is planned for {post.at:%Y-%m-%d %H:%M}, in the past: schedule again"
        )
    if options.target == "hootsuite" and (post.at.minute % HOOTSUITE_MINUTES or post.at.second):
        problems.append(f"{where} is at {post.at:%H:%M}: Hootsuite needs times on 5-minute marks")
    if len(post.caption) > MAX_CAPTION:
        problems.append(
            f"{where} caption has {len(post.caption)} characters (at most {MAX_CAPTION})"
        )
    if len(post.files) > MAX_CAROUSEL:
        problems.append(
            f"{where} has {len(post.files)} images (a carousel takes at most {MAX_CAROUSEL})"
        )
    if not post.files:
        problems.append(f"{where} has no images")
    problems += [f"{where}: {f} is missing" for f in post.files if not (post.folder / f).is_file()]
    problems += [
        f"{where}: alt text of {f} has {len(a)} characters (at most {MAX_ALT_TEXT})"
        for f, a in zip(post.files, post.alt_texts, strict=True)
        if len(a) > MAX_ALT_TEXT
    ]
    if options.target == "postiz" and len(post.caption.strip()) < POSTIZ_MIN_CONTENT:
        problems.append(
            f"{where}: Postiz needs a caption of at least {POSTIZ_MIN_CONTENT} characters"
        )
    return problems


def media_url_problems(base: str | None, target: str) -> list[str]:
    if not base:
        return [f"{target} needs public image URLs: give --media-base-url (where OUT/ is served)"]
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"--media-base-url {base} must be a public http(s) address"]
    return []


def media_url(base: str, post: ScheduledPost, file: str) -> str:
    return f"{base.rstrip('/')}/{quote(post.slug)}/{quote(file)}"


def export_posts(posts: Sequence[ScheduledPost], options: ExportOptions) -> str:
    """Check, then write the posts, in time order, in the target's format."""
    if options.target not in EXPORTERS:
        raise PlanError(f"unknown export target {options.target}: use one of {', '.join(TARGETS)}")
    ordered = sorted(posts, key=lambda p: (p.at, p.slug, p.files))
    check_posts(ordered, options)
    return EXPORTERS[options.target](ordered, options)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerows([[neutral_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def neutral_cell(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: one that starts with =, +, -, @, a tab
    or a carriage return gets a leading apostrophe, as OWASP advises against CSV injection
    (the scheduler shows the text; the apostrophe is the usual sign of a literal)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def plan_zone(posts: Sequence[ScheduledPost]) -> Any:
    """One zone for the whole file: the first post's (Hootsuite and Metricool take wall times)."""
    return posts[0].at.tzinfo if posts else ZoneInfo("UTC")


def to_hootsuite(posts: Sequence[ScheduledPost], options: ExportOptions) -> str:
    """Bulk composer: no header; date-time (mm/dd/yyyy hh:mm, 24 h), message, link (empty)."""
    zone = plan_zone(posts)
    return csv_text(
        [[p.at.astimezone(zone).strftime(HOOTSUITE_DATE), p.caption, ""] for p in posts]
    )


def metricool_header() -> list[str]:
    pictures = [f"Picture Url {i}" for i in range(1, METRICOOL_PICTURES + 1)]
    alts = [f"Alt text picture {i}" for i in range(1, METRICOOL_PICTURES + 1)]
    head = ["Text", "Date", "Time", "Draft", "Facebook", "Instagram"]
    return [*head, *pictures, *alts, "Instagram Post Type", "First Comment Text"]


def to_metricool(posts: Sequence[ScheduledPost], options: ExportOptions) -> str:
    zone, base = plan_zone(posts), str(options.media_base_url)
    rows = [metricool_header()]
    for post in posts:
        at = post.at.astimezone(zone)
        urls = [media_url(base, post, f) for f in post.files]
        blank = [""] * (METRICOOL_PICTURES - len(urls))
        flags = ["FALSE", "FALSE", "TRUE"]  # Draft, Facebook, Instagram
        row = [post.caption, f"{at:%Y-%m-%d}", f"{at:%H:%M}", *flags]
        kind = "STORY" if post.kind == "story" else "POST"
        rows.append([*row, *urls, *blank, *post.alt_texts, *blank, kind, ""])
    return csv_text(rows)


def to_postiz(posts: Sequence[ScheduledPost], options: ExportOptions) -> str:
    """A JSON list: each item is one request body for POST /public/v1/posts."""
    base = str(options.media_base_url)
    bodies = [
        {
            "type": "schedule",
            "shortLink": False,
            "date": utc_text(post.at),
            "tags": [],
            "posts": [
                {
                    "integration": {"id": options.postiz_integration},
                    "value": [{"content": post.caption, "image": postiz_images(post, base)}],
                    "settings": {
                        "__type": "instagram",
                        "post_type": "story" if post.kind == "story" else "post",
                        "collaborators": [],
                    },
                }
            ],
        }
        for post in posts
    ]
    return json.dumps(bodies, ensure_ascii=False, indent=2) + "\n"


def postiz_images(post: ScheduledPost, base: str) -> list[dict[str, str]]:
    return [
        {"id": f"{post.slug}/{f}", "path": media_url(base, post, f), "alt": alt}
        for f, alt in zip(post.files, post.alt_texts, strict=True)
    ]


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def to_ics(posts: Sequence[ScheduledPost], options: ExportOptions) -> str:
    """An iCalendar file (RFC 5545): one 15-minute event per post, times in UTC."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//repurpose//posting plan//EN"]
    lines += ["CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    stamp = options.now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for post in posts:
        images = event_images(post, options.media_base_url)
        what = {"carousel": "carousel", "story": "story"}.get(post.kind, "quote card")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ics_uid(post)}",
            f"SEQUENCE:{post.revision}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{post.at.astimezone(UTC):%Y%m%dT%H%M%SZ}",
            f"DTEND:{(post.at + EVENT_LENGTH).astimezone(UTC):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{ics_text(f'Instagram {what}: {post.title}')}",
            f"DESCRIPTION:{ics_text(post.caption + chr(10) * 2 + chr(10).join(images))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def ics_uid(post: ScheduledPost) -> str:
    """The same for a piece however often it is re-planned, so calendars move the event."""
    return f"{ics_text(post.slug)}-{ics_text(post.kind)}-{ics_text(post.files[0])}@repurpose"


def event_images(post: ScheduledPost, base: str | None) -> list[str]:
    if base:
        return [media_url(base, post, f) for f in post.files]
    return [str(post.folder / f) for f in post.files]


def ics_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 1, 75  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


EXPORTERS: dict[str, Callable[[Sequence[ScheduledPost], ExportOptions], str]] = {
    "hootsuite": to_hootsuite,
    "metricool": to_metricool,
    "postiz": to_postiz,
    "ics": to_ics,
}


def export_folders(folders: Sequence[Path], options: ExportOptions) -> tuple[str, int]:
    """`repurpose export`: the planned posts of the folders in the target's format, and how
    many posts it holds."""
    check_distinct(folders)
    posts = [
        p
        for folder in folders
        for p in scheduled_posts(folder, read_manifest(check_complete(folder)))
    ]
    return export_posts(posts, options), len(posts)


def save_export(path: Path, text: str) -> None:
    try:
        write_atomic(path.resolve(), text.encode("utf-8"))
    except OSError as exc:
        raise PlanError(f"cannot write {path}: {exc.strerror or exc}") from None
