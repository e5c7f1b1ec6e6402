"""Planning and exporting from the review page: `repurpose schedule` and `repurpose export`
themselves, for one post or for every approved one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from pipeline.commands import EXPORT_TARGETS
from pipeline.commands.approve import approved_only
from pipeline.commands.export import ExportOptions, export_folders
from pipeline.commands.schedule import Planned, schedule_folders
from pipeline.models import PlanError
from pipeline.review.actions import BadEdit, check_version, clean_name

CONTENT_TYPES = {
    "ics": ("text/calendar", "ics"),
    "hootsuite": ("text/csv", "csv"),
    "metricool": ("text/csv", "csv"),
    "postiz": ("application/json", "json"),
}


def plan_post(
    folder: Path, version: str, start: str, slots: str, zone: str, now: datetime
) -> list[Planned]:
    """The same plan as `repurpose schedule OUT/<slug> --start … --slots … --tz …`."""
    check_version(folder, version)
    slots = clean_name(slots, "at least one weekly slot")
    return schedule_folders([folder], start.strip(), slots, zone.strip() or None, now)


def approved_folders(folders: Sequence[Path]) -> list[Path]:
    return approved_only(folders)[0]


def export_plan(
    folders: Sequence[Path], target: str, media_base_url: str | None, now: datetime
) -> tuple[str, str]:
    """The export's text and its file name; an error says what is missing."""
    if target not in EXPORT_TARGETS:
        raise BadEdit(f"no export called {target!r}: choose one of {', '.join(EXPORT_TARGETS)}")
    if not folders:
        raise PlanError("no approved post has a posting plan yet: approve and plan one first")
    options = ExportOptions(target, now, media_base_url or None)
    text, _ = export_folders(folders, options)
    name = folders[0].name if len(folders) == 1 else "approved"
    return text, f"{name}-{target}.{CONTENT_TYPES[target][1]}"
