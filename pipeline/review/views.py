"""What the review pages show, as plain dicts for the Jinja templates: the posts list, and one
post as Instagram shows it with every editable text, finding and sign-off in its place."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from contextlib import suppress
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.commands.approve import is_approved
from pipeline.health import blocking
from pipeline.models import HealthFinding, RepurposeError
from pipeline.review.folders import Folder, open_folder, post_folders
from pipeline.write.arrangement import slides_left_out
from pipeline.write.edits import (
    ALT,
    CAPTION_FILE,
    QUOTE_CAPTION,
    STORY,
    STORY_FILE,
    quote_caption_file,
    text_key,
)
from pipeline.write.manifest import ImageRecord, Manifest, read_manifest
from pipeline.write.preview import CAPTION_FOLD, CAPTION_LIMIT
from pipeline.write.signoffs import Signoff, open_findings, signoffs_of, signs_off

FIELD_LABELS = {"kicker": "Label", "text": "Text", "note": "Small print"}


def status_of(folder: Folder) -> str:
    manifest = folder.manifest
    if still_approved(folder):
        return "scheduled" if manifest.schedule else "approved"
    if open_findings(manifest.health_findings, signoffs_of(manifest)):
        return "needs review"
    return "draft"


def still_approved(folder: Folder) -> bool:
    """`is_approved`, which hashes every image, asked again only when the folder changed: the
    open list asks every few seconds."""
    if folder.manifest.approval is None:
        return False
    stamps = []
    for image in folder.manifest.images:
        with suppress(OSError):
            info = (folder.path / image.file).stat()
            stamps.append((image.file, info.st_mtime_ns, info.st_size))
    return approved_at(folder.path, folder.version, tuple(stamps))


@lru_cache(maxsize=512)
def approved_at(path: Path, version: str, stamps: tuple[tuple[str, int, int], ...]) -> bool:
    return is_approved(path, read_manifest(path))


def list_posts(out: Path) -> list[dict[str, Any]]:
    """Every post in OUT, newest folder first; one that cannot be read is listed with why."""
    posts = []
    for path in sorted(post_folders(out), key=lambda p: -p.stat().st_mtime):
        try:
            posts.append(post_summary(open_folder(out, path.name)))
        except RepurposeError as exc:
            posts.append({"slug": path.name, "title": path.name, "error": str(exc)})
    return posts


def post_summary(folder: Folder) -> dict[str, Any]:
    manifest = folder.manifest
    cover = next((i.file for i in manifest.images if i.role == "cover"), None)
    headline = next((c.text for c in manifest.cards if c.kind == "cover"), None)
    signoffs = signoffs_of(manifest)
    return {
        "slug": folder.path.name,
        "title": headline or manifest.source.title or folder.path.name,
        "language": manifest.language,
        "status": status_of(folder),
        "cover": cover,
        "version": folder.version,
        "open": len(open_findings(manifest.health_findings, signoffs)),
        "blocking": len(open_findings(blocking(manifest.health_findings), signoffs)),
        "planned": planned_dates(manifest),
    }


def planned_dates(manifest: Manifest) -> list[dict[str, str]]:
    planned = []
    for post in (manifest.schedule or {}).get("posts", []):
        with suppress(TypeError, ValueError, KeyError):
            at = datetime.fromisoformat(post["at"])
            planned.append({"kind": str(post.get("type", "")), "when": f"{at:%a %d %b, %H:%M}"})
    return planned


def post_page(folder: Folder, texts: dict[str, str], looks: Sequence[str]) -> dict[str, Any]:
    """Everything the post page shows; `texts` are the folder's texts as they stand."""
    manifest = folder.manifest
    signoffs = signoffs_of(manifest)
    findings = [finding_view(f, signoffs, texts) for f in manifest.health_findings]
    images = [image_view(i, manifest, texts, findings) for i in manifest.images]
    slides = [i for i in images if i["kind"] == "carousel"]
    for place, slide in enumerate(slides):  # the cover stays first
        slide |= {"can_go_earlier": place > 1, "can_go_later": 0 < place < len(slides) - 1}
    return {
        **post_summary(folder),
        "images": images,
        "slides": slides,
        "quotes": [i for i in images if i["kind"] == "quote"],
        "stories": [i for i in images if i["kind"] == "story"],
        "feed": [i for i in images if i["kind"] != "story"],
        "captions": caption_views(manifest, texts, findings),
        "findings": findings,
        "warnings": list(manifest.warnings),
        "look": str((manifest.brand or {}).get("look") or "calm"),
        "looks": list(looks),
        "approval": manifest.approval,
        "approved": still_approved(folder),
        "spare_quotes": spare_quotes(manifest),
        "left_out": [{"file": c.file, "text": c.text} for c in slides_left_out(manifest)],
        "calendar": plan_calendar(manifest),
        "schedule": manifest.schedule or {},
    }


def finding_view(
    finding: HealthFinding, signoffs: Sequence[Signoff], texts: dict[str, str]
) -> dict[str, Any]:
    signed = next((s for s in signoffs if signs_off(s, finding)), None)
    suggestion = finding.suggestion
    return {
        "severity": finding.severity,
        "rule": finding.rule,
        "text": finding.text,
        "match": finding.match,
        "why": finding.why,
        "suggestion": suggestion,
        "can_accept": bool(suggestion) and not suggestion.startswith("Remove this claim"),
        "where": list(finding.where),
        "signed": signed,
        "keys": [k for k, v in texts.items() if finding.text and finding.text in v],
    }


def image_view(
    image: ImageRecord, manifest: Manifest, texts: dict[str, str], findings: list[dict[str, Any]]
) -> dict[str, Any]:
    card = next((c for c in manifest.cards if c.file == image.file), None)
    fields = []
    for name, label in FIELD_LABELS.items():
        key = text_key(image.file, name)
        if card is not None and (texts.get(key) or name == "text"):
            fields.append({"key": key, "label": label, "value": texts.get(key, "")})
    alt_key = text_key(image.file, ALT)
    return {
        "file": image.file,
        "kind": image.kind or "carousel",
        "role": image.role,
        "width": image.width,
        "height": image.height,
        "fields": fields,
        "alt": {"key": alt_key, "label": "Alt text", "value": texts.get(alt_key, image.alt_text)},
        "findings": [f for f in findings if image.file in f["where"]],
        "text": texts.get(text_key(image.file, "text"), ""),
        "movable": (image.kind or "carousel") == "carousel" and image.role != "cover",
    }


def caption_views(
    manifest: Manifest, texts: dict[str, str], findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    named = [("caption", "Carousel caption", CAPTION_FILE)]
    if manifest.captions is not None:
        for image, _ in manifest.captions.quotes:
            key = text_key(image, QUOTE_CAPTION)
            named.append((key, f"Caption of {image}", quote_caption_file(image)))
        named.append((STORY, "Story line", STORY_FILE))
    views = []
    for key, label, file in named:
        text = texts.get(key, "")
        views.append(
            {
                "key": key,
                "label": label,
                "value": text,
                "head": text[:CAPTION_FOLD],
                "tail": text[CAPTION_FOLD:],
                "count": len(text),
                "limit": CAPTION_LIMIT,
                "findings": [f for f in findings if file in f["where"]],
            }
        )
    return views


def spare_quotes(manifest: Manifest) -> list[str]:
    """The digest's quotes no card shows: what a quote card can be swapped for."""
    quotes = manifest.digest.get("quotes") or []
    shown = {card.text for card in manifest.cards}
    return [q for q in quotes if isinstance(q, str) and q not in shown]


def plan_calendar(manifest: Manifest) -> list[dict[str, Any]]:
    """The months the plan covers, as weeks of days, each day with what goes out on it."""
    by_day: dict[date, list[str]] = {}
    for post in (manifest.schedule or {}).get("posts", []):
        with suppress(TypeError, ValueError, KeyError):
            at = datetime.fromisoformat(post["at"])
            by_day.setdefault(at.date(), []).append(f"{at:%H:%M} {post.get('type', '')}")
    months = sorted({(d.year, d.month) for d in by_day})
    return [month_view(year, month, by_day) for year, month in months]


def month_view(year: int, month: int, by_day: dict[date, list[str]]) -> dict[str, Any]:
    weeks = calendar.Calendar().monthdatescalendar(year, month)
    return {
        "name": f"{calendar.month_name[month]} {year}",
        "weeks": [
            [{"day": d.day, "in": d.month == month, "posts": by_day.get(d, [])} for d in week]
            for week in weeks
        ],
    }
