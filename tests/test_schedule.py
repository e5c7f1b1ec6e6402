"""The posting plan: weekly slots to timezone-aware dates; carousels first, quote cards drip."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pipeline.cli import main
from pipeline.commands.schedule import Piece, Slot, local_zone_name, parse_slots, plan_posts
from pipeline.models import PlanError
from pipeline.write.state import load_state
from tests.conftest import KNEE, SAMPLES
from tests.folders import FIXED_NOW, fixed_clock, read_json, run_sample

LONDON = ZoneInfo("Europe/London")
MON_THU = parse_slots("Mon 09:00, Thu 18:00")


def article(slug: str, quotes: int) -> list[Piece]:
    carousel = Piece(slug, "carousel", tuple(f"carousel-{i:02d}.jpg" for i in range(1, 8)))
    return [carousel] + [
        Piece(slug, "quote", (f"quote-{i:02d}.jpg",)) for i in range(1, quotes + 1)
    ]


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Mon 09:00, Thu 18:00", (Slot(0, time(9)), Slot(3, time(18)))),
        ("thursday 18:00,monday 9:00", (Slot(0, time(9)), Slot(3, time(18)))),
        ("Sun 07:05", (Slot(6, time(7, 5)),)),
    ],
)
def test_slots_parse(text: str, slots: tuple[Slot, ...]) -> None:
    assert parse_slots(text) == slots


@pytest.mark.parametrize("text", ["Mon", "Funday 09:00", "Mon 25:00", "Mon 9.00", ""])
def test_bad_slots_name_the_bad_part(text: str) -> None:
    with pytest.raises(PlanError, match="bad slot"):
        parse_slots(text)


def test_one_article_carousel_first_then_quotes_drip() -> None:
    plan = plan_posts([article("knee", 3)], date(2026, 12, 1), MON_THU, LONDON, FIXED_NOW)
    assert [p.piece.kind for p in plan] == ["carousel", "quote", "quote", "quote"]
    assert [p.at for p in plan] == [
        datetime(2026, 12, 3, 18, tzinfo=LONDON),  # 1 Dec is a Tuesday: first slot is Thursday
        datetime(2026, 12, 7, 9, tzinfo=LONDON),
        datetime(2026, 12, 10, 18, tzinfo=LONDON),
        datetime(2026, 12, 14, 9, tzinfo=LONDON),
    ]
    assert all(p.at.utcoffset() is not None for p in plan)


def test_several_articles_take_turns() -> None:
    posts = [article("knee", 2), article("heel", 3), article("neck", 1)]
    plan = plan_posts(posts, date(2026, 12, 1), MON_THU, LONDON, FIXED_NOW)
    order = [(p.piece.slug, p.piece.kind) for p in plan]
    assert order[:3] == [("knee", "carousel"), ("heel", "carousel"), ("neck", "carousel")]
    assert order[3:] == [
        ("knee", "quote"),
        ("heel", "quote"),
        ("neck", "quote"),
        ("knee", "quote"),
        ("heel", "quote"),
        ("heel", "quote"),
    ]
    times = [p.at for p in plan]
    assert times == sorted(times) and len(set(times)) == len(times)


def test_times_follow_daylight_saving() -> None:
    """Clocks go forward in London on 28 March 2027: 09:00 stays 09:00 on the wall."""
    plan = plan_posts([article("knee", 3)], date(2027, 3, 22), MON_THU, LONDON, FIXED_NOW)
    # Mon 22 and Thu 25 March are still GMT; Mon 29 March and Thu 1 April are BST.
    assert [p.at.utcoffset() for p in plan] == [
        timedelta(0),
        timedelta(0),
        timedelta(hours=1),
        timedelta(hours=1),
    ]
    assert {p.at.hour for p in plan} == {9, 18}


def test_a_wall_time_that_does_not_exist_moves_forward() -> None:
    slots = parse_slots("Sun 01:30")
    (planned,) = plan_posts([article("knee", 0)], date(2027, 3, 28), slots, LONDON, FIXED_NOW)
    assert planned.at.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert (planned.at.hour, planned.at.minute) == (2, 30)


def test_start_in_the_past_is_refused() -> None:
    with pytest.raises(PlanError, match="start date 2026-11-01 is in the past"):
        plan_posts([article("knee", 1)], date(2026, 11, 1), MON_THU, LONDON, FIXED_NOW)


def test_slots_earlier_today_are_skipped() -> None:
    slots = parse_slots("Tue 09:00, Tue 18:00")  # the fixed clock says Tuesday noon
    plan = plan_posts([article("knee", 1)], FIXED_NOW.date(), slots, LONDON, FIXED_NOW)
    assert plan[0].at == datetime(2026, 11, 24, 18, tzinfo=LONDON)


def test_schedule_command_writes_the_plan_into_each_manifest(tmp_path: Path) -> None:
    knee = run_sample(tmp_path / "a")
    heel = run_sample(tmp_path / "b", sample=SAMPLES / "plantar-heel-pain.html")
    args = ["schedule", str(knee), str(heel), "--start", "2026-12-01", "--tz", "Europe/London"]
    assert main([*args, "-q"], clock=fixed_clock) == 0
    plans = [read_json(f / "post.json")["schedule"] for f in (knee, heel)]
    assert plans[0]["timezone"] == "Europe/London"
    assert plans[0]["posts"][0]["type"] == "carousel"
    assert plans[0]["posts"][0]["at"] == "2026-12-03T18:00:00+00:00"
    assert plans[1]["posts"][0]["at"] == "2026-12-07T09:00:00+00:00"
    assert "Posting plan (Europe/London)" in (knee / "preview.html").read_text()
    state = load_state(knee)
    assert state is not None and "preview.html" in state.files


def test_run_again_keeps_the_plan_and_sees_no_hand_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    assert main(["schedule", str(folder), "--start", "2026-12-01", "-q"], clock=fixed_clock) == 0
    plan = read_json(folder / "post.json")["schedule"]
    assert main(["run", str(KNEE), "-o", str(tmp_path)]) == 0
    assert read_json(folder / "post.json")["schedule"] == plan
    assert "kept hand" not in capsys.readouterr().err
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q", "--force"]) == 0
    assert read_json(folder / "post.json")["schedule"] == plan  # a plan is not a hand edit


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "01/12/2026"], 'bad start date "01/12/2026": write it as YYYY-MM-DD'),
        (["--start", "2026-12-01", "--tz", "Mars/Olympus"], 'unknown time zone "Mars/Olympus"'),
        (["--start", "2026-12-01", "--slots", "daily"], 'bad slot "daily"'),
        (["--start", "2020-01-01"], "the start date 2020-01-01 is in the past"),
    ],
)
def test_schedule_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    capsys.readouterr()  # the run's own health findings
    assert main(["schedule", str(folder), *args], clock=fixed_clock) == 1
    assert capsys.readouterr().err.startswith(f"Error: {message}")


def test_a_later_plan_leaves_other_articles_slots_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    knee = run_sample(out)
    heel_out = tmp_path / "heel"
    heel = run_sample(heel_out, sample=SAMPLES / "plantar-heel-pain.html")
    heel = heel.rename(out / heel.name)
    args = ["--start", "2026-12-01", "--tz", "Europe/London", "-q"]
    assert main(["schedule", str(knee), *args], clock=fixed_clock) == 0
    assert main(["schedule", str(heel), *args], clock=fixed_clock) == 0
    knee_times = {p["at"] for p in read_json(knee / "post.json")["schedule"]["posts"]}
    heel_times = {p["at"] for p in read_json(heel / "post.json")["schedule"]["posts"]}
    assert not knee_times & heel_times
    assert min(heel_times) > max(knee_times)  # the slots in between were all knee's
    # planning knee again frees its own old slots: it gets the same ones back
    assert main(["schedule", str(knee), *args], clock=fixed_clock) == 0
    assert {p["at"] for p in read_json(knee / "post.json")["schedule"]["posts"]} == knee_times


def test_local_zone_comes_from_tz_then_the_system_then_utc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The portable path (tzlocal) and its fallback, tested here on Linux for every OS."""
    import tzlocal

    monkeypatch.setenv("TZ", ":Europe/Madrid")
    assert local_zone_name() == "Europe/Madrid"
    monkeypatch.delenv("TZ")
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "America/Chicago")
    assert local_zone_name() == "America/Chicago"

    def broken() -> str:
        raise LookupError("no zone configured")

    monkeypatch.setattr(tzlocal, "get_localzone_name", broken)
    assert local_zone_name() == "UTC"
