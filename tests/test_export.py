"""Exports, each parsed by its format's own rules; and what each scheduler would reject."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

from pipeline.cli import main
from pipeline.commands.export import (
    ExportOptions,
    ScheduledPost,
    export_posts,
    fold_line,
    metricool_header,
    scheduled_posts,
)
from pipeline.models import PlanError
from pipeline.write.manifest import Manifest
from tests.conftest import SAMPLES
from tests.folders import FIXED_NOW, fixed_clock, read_json, run_sample

BASE = "https://clinic.example/instagram"
SLOTS = "Mon 09:00, Thu 18:00"


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two real articles, run and scheduled from 1 December 2026 in London."""
    out = tmp_path_factory.mktemp("out")
    folders = [
        run_sample(out / "knee"),
        run_sample(out / "heel", sample=SAMPLES / "plantar-heel-pain.html"),
    ]
    args = ["schedule", *map(str, folders), "--start", "2026-12-01", "--tz", "Europe/London"]
    assert main([*args, "--slots", SLOTS, "-q"], clock=fixed_clock) == 0
    return folders


def export(folders: list[Path], *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["export", *map(str, folders), *args], clock=fixed_clock) == 0
    return capsys.readouterr().out


def planned_posts(folders: list[Path]) -> list[dict[str, Any]]:
    posts = [p for f in folders for p in read_json(f / "post.json")["schedule"]["posts"]]
    return sorted(posts, key=lambda p: p["at"])


def test_hootsuite_csv(planned: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    text = export(planned, "--to", "hootsuite", capsys=capsys)
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel"))
    plan = planned_posts(planned)
    assert len(rows) == len(plan) <= 350
    for row, post in zip(rows, plan, strict=True):
        assert len(row) == 3  # date-time, message, link; no header row
        when = datetime.strptime(row[0], "%m/%d/%Y %H:%M")
        local = datetime.fromisoformat(post["at"]).replace(tzinfo=None)
        assert when == local and when.minute % 5 == 0
        assert 0 < len(row[1]) <= 2200 and row[2] == ""
    assert rows[0][1] == read_json(planned[0] / "post.json")["caption"]
    assert text.endswith("\r\n")


def test_metricool_csv(planned: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    text = export(planned, "--to", "metricool", "--media-base-url", BASE + "/", capsys=capsys)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect="excel")
    assert reader.fieldnames == metricool_header()
    required = ["Text", "Date", "Time", "Draft", "Facebook", "Instagram", "Instagram Post Type"]
    assert set(required) <= set(reader.fieldnames)
    rows = list(reader)
    first = read_json(planned[0] / "post.json")
    assert len(rows) == len(planned_posts(planned))
    carousel = rows[0]
    assert datetime.strptime(f"{carousel['Date']} {carousel['Time']}", "%Y-%m-%d %H:%M")
    assert (carousel["Instagram"], carousel["Facebook"], carousel["Draft"]) == (
        "TRUE",
        "FALSE",
        "FALSE",
    )
    slides = [i for i in first["images"] if i["kind"] == "carousel"]
    for n, slide in enumerate(slides, start=1):
        assert carousel[f"Picture Url {n}"] == f"{BASE}/{planned[0].name}/{slide['file']}"
        assert carousel[f"Alt text picture {n}"] == slide["alt_text"]
    after = [f"Picture Url {n}" for n in range(len(slides) + 1, 11)]  # the sheet holds ten
    assert all(carousel[column] == "" for column in after) and len(slides) <= 10
    quote_rows = [r for r in rows if r["Picture Url 2"] == ""]
    assert quote_rows and all(r["Picture Url 1"].endswith(".jpg") for r in quote_rows)


def test_postiz_json(planned: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--to", "postiz", "--media-base-url", BASE, "--postiz-integration", "ig-123"]
    bodies = json.loads(export(planned, *args, capsys=capsys))
    assert len(bodies) == len(planned_posts(planned))
    for body in bodies:
        assert body["type"] == "schedule" and body["shortLink"] is False
        assert datetime.fromisoformat(body["date"].replace("Z", "+00:00")) > FIXED_NOW
        (post,) = body["posts"]
        assert post["integration"] == {"id": "ig-123"}
        assert post["settings"]["__type"] == "instagram"
        (value,) = post["value"]
        assert len(value["content"]) >= 6
        assert 1 <= len(value["image"]) <= 10
        assert all(i["path"].startswith(BASE + "/") and i["id"] for i in value["image"])


def test_ics_parses_with_icalendar(planned: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    text = export(planned, "--to", "ics", "--media-base-url", BASE, capsys=capsys)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    plan = planned_posts(planned)
    assert len(events) == len(plan)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, post in zip(events, plan, strict=True):
        assert event.decoded("DTSTART") == datetime.fromisoformat(post["at"])
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=15)
    caption = read_json(planned[0] / "post.json")["caption"]
    assert str(events[0]["DESCRIPTION"]).startswith(caption)
    assert f"{BASE}/{planned[0].name}/carousel-01.jpg" in str(events[0]["DESCRIPTION"])


def test_export_to_a_file(planned: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    argv = ["export", *map(str, planned), "--to", "ics", "-o", str(target), "-q"]
    assert main(argv, clock=fixed_clock) == 0
    assert target.read_text().startswith("BEGIN:VCALENDAR")


def sample_post(folder: Path, **changes: Any) -> ScheduledPost:
    post = ScheduledPost(
        slug=folder.name,
        folder=folder,
        kind="carousel",
        at=datetime(2026, 12, 3, 18, 0, tzinfo=UTC),
        caption="Knee pain and muscle balance. #KneePain",
        files=("carousel-01.jpg",),
        alt_texts=("Cover slide.",),
        title="Knee pain",
    )
    return replace(post, **changes)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for i in range(1, 13):
        (tmp_path / f"carousel-{i:02d}.jpg").write_bytes(b"jpeg")
    return tmp_path


ELEVEN = tuple(f"carousel-{i:02d}.jpg" for i in range(1, 12))


@pytest.mark.parametrize(
    ("target", "changes", "count", "message"),
    [
        (
            "ics",
            {"at": FIXED_NOW - timedelta(days=1)},
            1,
            "is planned for 2026-11-23 12:00, in the past",
        ),
        ("metricool", {"at": FIXED_NOW}, 1, "in the past"),
        ("hootsuite", {}, 351, "351 posts: Hootsuite takes at most 350 rows"),
        (
            "hootsuite",
            {"at": datetime(2026, 12, 3, 18, 2, tzinfo=UTC)},
            1,
            "at 18:02: Hootsuite needs times on 5-minute marks",
        ),
        (
            "ics",
            {"files": ELEVEN, "alt_texts": ("",) * 11},
            1,
            "has 11 images (a carousel takes at most 10)",
        ),
        ("hootsuite", {"caption": "x" * 2201}, 1, "caption has 2201 characters (at most 2200)"),
        ("ics", {"alt_texts": ("a" * 1001,)}, 1, "alt text of carousel-01.jpg has 1001 characters"),
        ("ics", {"files": ("missing.jpg",)}, 1, "missing.jpg is missing"),
    ],
)
def test_what_each_target_rejects(
    target: str, changes: dict[str, Any], count: int, message: str, folder: Path
) -> None:
    posts = [sample_post(folder, **changes)] * count
    with pytest.raises(PlanError, match=f"cannot export to {target}: .*{re.escape(message)}"):
        export_posts(posts, ExportOptions(target, FIXED_NOW, BASE, "ig-1"))


def test_350_rows_are_fine_for_hootsuite(folder: Path) -> None:
    text = export_posts([sample_post(folder)] * 350, ExportOptions("hootsuite", FIXED_NOW))
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == 350


@pytest.mark.parametrize(
    ("target", "base", "integration", "message"),
    [
        ("metricool", None, None, "metricool needs public image URLs: give --media-base-url"),
        ("postiz", None, "ig-1", "postiz needs public image URLs"),
        ("metricool", "file:///srv/out", None, "must be a public http(s) address"),
        ("postiz", BASE, None, "Postiz needs --postiz-integration ID"),
    ],
)
def test_media_urls_and_ids_are_required(
    target: str, base: str | None, integration: str | None, message: str, folder: Path
) -> None:
    with pytest.raises(PlanError, match=re.escape(message)):
        export_posts([sample_post(folder)], ExportOptions(target, FIXED_NOW, base, integration))


def test_many_problems_are_summed_up_on_one_line(folder: Path) -> None:
    posts = [sample_post(folder, caption="x" * 3000)] * 5
    with pytest.raises(PlanError) as caught:
        export_posts(posts, ExportOptions("ics", FIXED_NOW))
    assert "(and 2 more)" in str(caught.value) and "\n" not in str(caught.value)


def test_unscheduled_folder_says_what_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    capsys.readouterr()  # the run's own health findings
    assert main(["export", str(folder), "--to", "ics"], clock=fixed_clock) == 1
    err = capsys.readouterr().err
    hint = f"run `repurpose schedule {folder} --start YYYY-MM-DD`"
    assert err == f"Error: {folder} has no posting plan: {hint}\n"


def test_plan_in_the_past_fails_through_the_cli(
    planned: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def later() -> datetime:
        return datetime(2027, 6, 1, tzinfo=UTC)

    assert main(["export", str(planned[0]), "--to", "hootsuite"], clock=later) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: cannot export to hootsuite: ") and "in the past" in err


def test_quote_posts_get_their_own_caption(planned: list[Path]) -> None:
    manifest = read_json(planned[0] / "post.json")
    posts = scheduled_posts(planned[0], Manifest.from_json(manifest))
    quote = next(p for p in posts if p.kind == "quote")
    card = next(c for c in manifest["cards"] if c["file"] == quote.files[0])
    assert card["text"].strip('“”"') in quote.caption
    assert quote.caption != manifest["caption"] and len(quote.caption) <= 2200


@pytest.mark.parametrize("line", ["x" * 200, "é" * 100, "🙂" * 40, "short"])
def test_ics_lines_fold_at_75_octets_without_splitting_characters(line: str) -> None:
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


def test_export_to_a_folder_that_does_not_exist(
    planned: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "plan.csv"
    argv = ["export", str(planned[0]), "--to", "hootsuite", "-o", str(target)]
    assert main(argv, clock=fixed_clock) == 1
    assert capsys.readouterr().err.startswith(f"Error: cannot write {target}: ")


def test_the_same_folder_twice_is_refused(
    planned: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(planned[0]), str(planned[0]), "--to", "ics"], clock=fixed_clock) == 1
    assert "two folders share a name" in capsys.readouterr().err
