"""The workspace file (`repurpose.toml`): its clinics, its errors, and watch, schedule, export
and publish acting on every clinic or one, one clinic's failure never stopping the others."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.models import ConfigError
from pipeline.workspace import Clinic, PublishAccount, load_workspace, pick_clinics
from tests.conftest import KNEE, ROOT, SAMPLES
from tests.feeds import Item, rss
from tests.folders import fixed_clock, read_json, run_sample
from tests.stubserver import Reply, Stub, serve

HEEL = SAMPLES / "plantar-heel-pain.html"
BRAND = (ROOT / "templates" / "brand-example.toml").read_text(encoding="utf-8")
GOOD = """
queue = "redis://127.0.0.1:6379/0"

[[clinic]]
name = "alder"
brand = "kits/alder.toml"
feeds = ["https://alder.example/feed/"]
out = "out/alder"
slots = "Tue 08:30"
tz = "Europe/London"

[clinic.publish]
to = "instagram"
account = "17841400000000001"
media_base_url = "https://cdn.example/alder"
token_env = "ALDER_TOKEN"

[[clinic]]
name = "birch"
"""


def write(folder: Path, text: str) -> Path:
    path = folder / "repurpose.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_workspace_lists_its_clinics_with_paths_from_its_folder(tmp_path: Path) -> None:
    workspace = load_workspace(write(tmp_path, GOOD))
    assert workspace.queue == "redis://127.0.0.1:6379/0"
    assert workspace.clinics == (
        Clinic(
            "alder",
            tmp_path / "out/alder",
            tmp_path / "kits/alder.toml",
            ("https://alder.example/feed/",),
            "Tue 08:30",
            "Europe/London",
            PublishAccount(
                "instagram", "17841400000000001", "https://cdn.example/alder", "ALDER_TOKEN"
            ),
        ),
        Clinic("birch", tmp_path / "out/birch"),
    )
    assert pick_clinics(workspace, "birch") == workspace.clinics[1:]
    with pytest.raises(ConfigError, match=r"no clinic cedar in .* \(it has: alder, birch\)"):
        pick_clinics(workspace, "cedar")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "list the clinics as [[clinic]] tables"),
        ('[[clinic]]\nname = "a b"', "clinic 1 needs a name of letters, digits"),
        ('[[clinic]]\nname = "a"\ncolour = 1', "clinic a: unknown key 'colour'"),
        ('[[clinic]]\nname = "a"\nfeeds = [1]', "clinic a: 'feeds' must be a list of addresses"),
        ('[[clinic]]\nname = "a"\n[[clinic]]\nname = "a"', "two clinics are named a"),
        (
            '[[clinic]]\nname = "a"\nout = "x"\n[[clinic]]\nname = "b"\nout = "x"',
            "clinics a and b share the output folder",
        ),
        ('[[clinic]]\nname = "a"\npublish = {to = "tiktok"}', "'publish.to' must be one of"),
        (
            '[[clinic]]\nname = "a"\npublish = {to = "postiz", token_env = "A-B"}',
            "'publish.token_env' must name an environment variable",
        ),
        ('brand = "x"', "unknown key 'brand' (expected clinic, queue)"),
        ("[[clinic]\n", "is not valid TOML"),
    ],
)
def test_a_bad_workspace_is_one_error_naming_the_key(
    tmp_path: Path, text: str, error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, text)
    assert main(["schedule", "--workspace", str(path), "--start", "tomorrow"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"Error: workspace {path}") and error in line


def test_no_workspace_file_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--workspace", str(tmp_path / "none.toml"), "--to", "ics"]) == 1
    assert "no workspace file" in capsys.readouterr().err


def test_folders_or_a_workspace_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["schedule", "--start", "tomorrow"])
    assert stop.value.code == 2
    assert "the following arguments are required: OUT/SLUG" in capsys.readouterr().err


@pytest.fixture
def agency(tmp_path: Path) -> Path:
    """alder: a post folder, London Tuesday slots; birch: a post folder, a bad time zone;
    cedar: nothing written yet."""
    run_sample(tmp_path / "out" / "alder")
    run_sample(tmp_path / "out" / "birch")
    text = GOOD.replace('[[clinic]]\nname = "birch"\n', "")
    text += '[[clinic]]\nname = "birch"\ntz = "Mars/Olympus"\n[[clinic]]\nname = "cedar"\n'
    return write(tmp_path, text)


def test_schedule_and_export_each_clinic_and_name_the_failed_one(
    agency: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--workspace", str(agency)]
    assert main(["schedule", *argv, "--start", "2026-12-01"], fixed_clock) == 1
    err = capsys.readouterr().err
    assert "Error: birch: " in err and "Mars/Olympus" in err
    assert "cedar: no post folders in" in err
    assert err.rstrip().endswith("schedule: 2 of 3 clinics done; failed: birch")
    (alder,) = (tmp_path / "out" / "alder").iterdir()
    plan = read_json(alder / "post.json")["schedule"]
    assert (plan["slots"], plan["timezone"]) == ("Tue 08:30", "Europe/London")
    assert plan["posts"][0]["at"].startswith("2026-12-01T08:30")

    assert main(["export", *argv, "--clinic", "alder", "--to", "ics"], fixed_clock) == 0
    assert "BEGIN:VCALENDAR" in (tmp_path / "out" / "alder.ics").read_text(encoding="utf-8")
    assert "export: 1 clinic, all done" in capsys.readouterr().err


def test_publish_takes_each_clinics_token_variable(
    agency: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ALDER_TOKEN", raising=False)
    assert main(["publish", "--workspace", str(agency)], fixed_clock) == 1
    err = capsys.readouterr().err
    assert "Error: alder: set the environment variable ALDER_TOKEN" in err
    assert "birch: no publish account in the workspace: left alone" in err
    assert err.rstrip().endswith("publish: 2 of 3 clinics done; failed: alder")


@pytest.fixture
def blogs() -> Iterator[Stub]:
    with serve() as stub:
        html = {"Content-Type": "text/html; charset=utf-8"}
        stub.routes["/alder/knee"] = Reply(KNEE.read_bytes(), headers=html)
        item = Item(f"{stub.base}/alder/knee", "Knee", datetime(2026, 11, 2, tzinfo=UTC))
        stub.routes["/alder/feed"] = Reply(rss([item]), headers={"Content-Type": "text/xml"})
        stub.routes["/birch/feed"] = Reply(b"gone", 404)
        yield stub


def test_watch_each_clinic_into_its_own_folder_with_its_brand(
    blogs: Stub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "alder.toml").write_text(BRAND.replace("VIVE Energy Medicine", "Alder Clinic"))
    text = (
        f'[[clinic]]\nname = "alder"\nbrand = "alder.toml"\nfeeds = ["{blogs.base}/alder/feed"]\n'
        f'[[clinic]]\nname = "birch"\nfeeds = ["{blogs.base}/birch/feed"]\n'
    )
    path = write(tmp_path, text)
    argv = ["watch", "--workspace", str(path), "--allow-private", "--no-cache"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith("watch: 1 of 2 clinics done; failed: birch")
    (folder,) = (tmp_path / "out" / "alder").iterdir()
    assert read_json(folder / "post.json")["brand"]["name"] == "Alder Clinic"
    assert not (tmp_path / "out" / "birch").exists()
    with sqlite3.connect(tmp_path / "out" / "alder.watch.sqlite") as db:
        assert db.execute("SELECT status FROM entries").fetchall() == [("done",)]


def test_run_with_a_clinic_takes_its_brand_kit_and_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "alder.toml").write_text(BRAND.replace("VIVE Energy Medicine", "Alder Clinic"))
    path = write(
        tmp_path, '[[clinic]]\nname = "alder"\nbrand = "alder.toml"\n[[clinic]]\nname = "b"'
    )
    assert main(["run", "--workspace", str(path), str(KNEE), "-q"]) == 1
    assert "run with a workspace of 2 clinics: add --clinic" in capsys.readouterr().err
    assert main(["run", "--workspace", str(path), "--clinic", "alder", str(KNEE), "-q"]) == 0
    (folder,) = (tmp_path / "out" / "alder").iterdir()
    assert read_json(folder / "post.json")["brand"]["name"] == "Alder Clinic"


def test_the_embedded_default_runs_a_backfill_in_processes_and_remembers_it(
    blogs: Stub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No server: a clinic's entries in a local process pool (-j 2), state in SQLite."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    blogs.routes["/alder/heel"] = Reply(HEEL.read_bytes(), headers=html)
    day = datetime(2026, 11, 2, tzinfo=UTC)
    links = ("knee", "heel", "gone")
    feed = rss([Item(f"{blogs.base}/alder/{link}", link, day) for link in links])
    blogs.routes["/alder/feed"] = Reply(feed, headers={"Content-Type": "text/xml"})
    path = write(tmp_path, f'[[clinic]]\nname = "alder"\nfeeds = ["{blogs.base}/alder/feed"]\n')
    argv = ["watch", "--workspace", str(path), "--allow-private", "--no-cache", "--backfill", "3"]
    assert main([*argv, "-j", "2"]) == 1
    assert "watch: 0 of 1 clinic done; failed: alder" in capsys.readouterr().err
    with sqlite3.connect(tmp_path / "out" / "alder.watch.sqlite") as db:
        rows = dict(db.execute("SELECT title, status FROM entries").fetchall())
    assert rows == {"knee": "done", "heel": "done", "gone": "failed"}
    assert len(list((tmp_path / "out" / "alder").iterdir())) == 2


def test_a_flag_given_wins_over_the_workspace(
    agency: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--slots and --tz beat the clinic's own; -o names where one clinic's plan goes."""
    argv = ["--workspace", str(agency), "--clinic", "alder"]
    slots = ["--slots", "Mon 10:00", "--tz", "Asia/Seoul"]
    assert main(["schedule", *argv, *slots, "--start", "2026-12-01"], fixed_clock) == 0
    (alder,) = (tmp_path / "out" / "alder").iterdir()
    plan = read_json(alder / "post.json")["schedule"]
    assert (plan["slots"], plan["timezone"]) == ("Mon 10:00", "Asia/Seoul")

    plan_file = tmp_path / "alder-plan.ics"
    assert main(["export", *argv, "--to", "ics", "-o", str(plan_file)], fixed_clock) == 0
    assert "BEGIN:VCALENDAR" in plan_file.read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "alder.ics").exists()


def test_one_clinics_flags_with_several_clinics_are_an_error(
    agency: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o, --brand or --state would send every clinic to one folder, kit or state file."""
    argv = ["--workspace", str(agency)]
    assert main(["export", *argv, "--to", "ics", "-o", str(tmp_path / "all.ics")]) == 1
    err = capsys.readouterr().err
    assert "Error: export -o with a workspace of 3 clinics: add --clinic NAME" in err
    assert not (tmp_path / "all.ics").exists()
    assert main(["watch", *argv, "-o", str(tmp_path / "shared"), "--brand", "kit.toml"]) == 1
    assert "Error: watch -o and --brand with a workspace of 3 clinics" in capsys.readouterr().err
    assert not (tmp_path / "shared").exists()


def test_run_with_a_clinic_and_its_own_flags_uses_the_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "alder.toml").write_text(BRAND.replace("VIVE Energy Medicine", "Alder Clinic"))
    (tmp_path / "other.toml").write_text(BRAND.replace("VIVE Energy Medicine", "Other Kit"))
    path = write(tmp_path, '[[clinic]]\nname = "alder"\nbrand = "alder.toml"\n')
    mine = tmp_path / "mine"
    argv = ["run", "--workspace", str(path), str(KNEE), "-q", "-o", str(mine)]
    assert main([*argv, "--brand", str(tmp_path / "other.toml")]) == 0
    (folder,) = mine.iterdir()
    assert read_json(folder / "post.json")["brand"]["name"] == "Other Kit"
    assert not (tmp_path / "out").exists()
