"""The export fixes: stories planned, ICS SEQUENCE with a stable UID, alt text in Postiz bodies."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import icalendar

from pipeline.brand import load_brand
from pipeline.commands.export import ExportOptions, export_folders
from pipeline.commands.run import RunOptions, run_source
from pipeline.commands.schedule import schedule_folders
from pipeline.write.manifest import read_manifest
from tests.conftest import KNEE

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def events(folder: Path) -> dict[str, tuple[int, str]]:
    text, _ = export_folders([folder], ExportOptions("ics", NOW))
    calendar = icalendar.Calendar.from_ical(text)
    return {
        str(e["UID"]): (int(str(e["SEQUENCE"])), e.decoded("DTSTART").isoformat())
        for e in calendar.walk("VEVENT")
    }


def test_replanning_moves_events_and_stories_are_planned(tmp_path: Path) -> None:
    folder = run_source(str(KNEE), RunOptions(tmp_path / "out", load_brand())).folder
    schedule_folders([folder], "2026-12-01", "Mon 09:00", "UTC", NOW)
    kinds = [p["type"] for p in read_manifest(folder).schedule["posts"]]  # type: ignore[index]
    assert kinds[0] == "carousel" and kinds[-1] == "story"
    first = events(folder)
    schedule_folders([folder], "2026-12-08", "Mon 09:00", "UTC", NOW)
    second = events(folder)
    assert first.keys() == second.keys()  # the same UIDs: calendar apps move the events
    assert {seq for seq, _ in first.values()} == {1}
    assert {seq for seq, _ in second.values()} == {2}
    assert all(first[uid][1] != second[uid][1] for uid in first)


def test_postiz_bodies_carry_alt_text(tmp_path: Path) -> None:
    folder = run_source(str(KNEE), RunOptions(tmp_path / "out", load_brand())).folder
    schedule_folders([folder], "2026-12-01", "Mon 09:00", "UTC", NOW)
    options = ExportOptions("postiz", NOW, "https://cdn.example/ig", "ig-1")
    bodies = json.loads(export_folders([folder], options)[0])
    alts = {i.file: i.alt_text for i in read_manifest(folder).images}
    image = bodies[0]["posts"][0]["value"][0]["image"][0]
    assert image["alt"] == alts["carousel-01.jpg"] and image["alt"]
    assert bodies[-1]["posts"][0]["settings"]["post_type"] == "story"
