"""Hostile cases for the commands, with real processes: Ctrl-C at any moment, lists that are
pipes or devices, file names that are not UTF-8 or hold a line break, spreadsheet formulas in
exports, multi-line hand edits, blocked health claims, locks, and the README's own commands."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import signal
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.hostile import (
    INCOMPLETE,
    Tree,
    assert_folders_whole,
    assert_one_error,
    repurpose,
    start,
)

ARTICLE = SAMPLES / "tension-headaches.md"
SLUG = "tension-headaches-why-your-neck-may-be-part-of-the-story"
INTERRUPTED = re.compile(
    r"Interrupted: (\d+) of (\d+) written( \(list below\))?; the rest were not started\."
)
CLAIM = """---
title: Acupuncture for back pain
---

# Acupuncture for back pain

## Symptoms

Back pain makes it hard to sit at a desk for long hours and to sleep through the night.

## Causes

Weak core muscles and long hours of sitting strain the lower back over many months.

## Treatment

- **Acupuncture:** Acupuncture can cure almost any illness, including long-standing back pain.
- **Exercise:** Gentle core exercises done daily strengthen the muscles that support the spine.
- **Heat:** A warm compress for twenty minutes relaxes tight muscles after a long day.

## Conclusion

Most back pain improves with steady care and patience over a few weeks.
"""


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "article.md").write_bytes(ARTICLE.read_bytes())
    return tmp_path / "work"


def written_set(work: Path) -> Path:
    result = repurpose("run", "article.md", "-o", "out", "-q", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "out" / SLUG


# --- Ctrl-C ---


def test_ctrl_c_in_a_batch_cancels_the_queue_and_says_what_was_written(work: Path) -> None:
    text = ARTICLE.read_text()
    names = []
    for i in range(8):
        name = f"a{i}.md"
        (work / name).write_text(text.replace("Tension Headaches", f"Tension Headaches {i}"))
        names.append(name)
    process = start("run", *names, "-o", "out", "-j", "2", cwd=work)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list((work / "out").glob("*/post.json")):
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    sent = time.monotonic()
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - sent < 5, "queued sources kept running after Ctrl-C"
    assert process.returncode == 130, err
    assert "Traceback" not in err and "Error" not in err, err
    lines = [line for line in err.splitlines() if not line.startswith(("a", "health", "warn"))]
    match = INTERRUPTED.fullmatch(lines[0])
    assert match, err
    written, total = int(match.group(1)), int(match.group(2))
    assert total == 8 and written < 8
    listed = [line for line in lines[1:] if " -> " in line]
    assert len(listed) == written
    for line in listed:
        assert (work / line.split(" -> ")[1] / "post.json").is_file()
    assert_folders_whole(work / "out")
    folders = [p for p in (work / "out").iterdir() if p.is_dir()]
    assert len(folders) < 8  # the queued ones were never started


@pytest.mark.parametrize("trial", range(5))
def test_ctrl_c_at_a_random_moment_of_a_run(work: Path, trial: int) -> None:
    process = start("run", "article.md", "-o", "out", cwd=work)
    time.sleep(random.Random(trial).uniform(0.15, 1.2))
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert "Traceback" not in err, err
    if process.returncode == 0:  # finished before the signal
        return
    if process.returncode == -signal.SIGINT:  # before Python was up: nothing ran, nothing said
        assert not err and not (work / "out").exists()
        return
    assert process.returncode == 130, err
    assert [line for line in err.splitlines() if line.startswith("Interrupted")], err
    assert not [line for line in err.splitlines() if line.startswith("Error")], err
    assert_folders_whole(work / "out")
    again = repurpose("run", "article.md", "-o", "out", "-q", cwd=work)
    assert again.returncode == 0, again.stderr
    assert_folders_whole(work / "out")


# --- lists and names ---


def test_a_list_that_is_a_named_pipe(work: Path) -> None:
    os.mkfifo(work / "urls.txt")
    line = assert_one_error(repurpose("run", "@urls.txt", "-o", "out", cwd=work, timeout=20))
    assert "urls.txt: not a regular file" in line
    assert not (work / "out").exists()


@pytest.mark.parametrize("link", [False, True])
def test_a_list_that_is_dev_zero(work: Path, link: bool) -> None:
    if link:
        (work / "zero.txt").symlink_to("/dev/zero")
    source = "@zero.txt" if link else "@/dev/zero"
    line = assert_one_error(repurpose("run", source, "-o", "out", cwd=work, timeout=20))
    assert "not a regular file" in line


def test_a_file_name_that_is_not_utf8(work: Path) -> None:
    name = os.fsdecode(b"art\xff.md")
    (work / name).write_bytes(ARTICLE.read_bytes())
    result = repurpose("run", name, "-o", "out", cwd=work)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "art\\xff.md -> " in result.stderr
    gone = os.fsdecode(b"gone\xff.md")
    line = assert_one_error(repurpose("run", gone, "-o", "out", cwd=work))
    assert "gone\\xff.md" in line


def test_a_file_name_with_a_line_break_is_one_error_line(work: Path) -> None:
    result = repurpose("run", "bad\nname.md", "-o", "out", cwd=work)
    line = assert_one_error(result)
    assert result.stderr == line + "\n"
    assert "bad\\nname.md" in line


# --- exports: no spreadsheet formulas ---


FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd"]


def test_exported_csv_cells_are_never_formulas(work: Path) -> None:
    folder = written_set(work)
    (folder / "caption.txt").write_text(FORMULAS[0] + "\n")
    alts = (folder / "alt-text.txt").read_text().splitlines()
    file = alts[0].split(": ")[0]
    alts[0] = f"{file}: {FORMULAS[1]}"
    (folder / "alt-text.txt").write_text("\n".join(alts) + "\n")
    (folder / "caption-quote-01.txt").write_text("-2+3\n")
    assert repurpose("render", str(folder), "-q", cwd=work).returncode == 0
    planned = repurpose("schedule", str(folder), "--start", "tomorrow", "-q", cwd=work)
    assert planned.returncode == 0, planned.stderr
    base = ["--media-base-url", "https://clinic.example/ig"]
    for target in ("hootsuite", "metricool"):
        result = repurpose("export", str(folder), "--to", target, *base, cwd=work)
        assert result.returncode == 0, result.stderr
        cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
        assert cells
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], target
        assert any(c.startswith("'=HYPERLINK") for c in cells)


# --- hand edits that span lines ---


def test_multi_line_edits_round_trip_unchanged(work: Path) -> None:
    folder = written_set(work)
    sheet = (folder / "post.toml").read_text()
    data = tomllib.loads(sheet)
    card = data["cards"][2]
    alt = "First line of the alt text.\nSecond line, kept.\n\nA third after a blank line."
    text = "A slide text\nover two lines."
    sheet = sheet.replace(
        f'alt_text = """\n{card["alt_text"].strip()}\n"""', f'alt_text = """\n{alt}\n"""', 1
    )
    sheet = sheet.replace(f'text = """\n{card["text"].strip()}\n"""', f'text = """\n{text}\n"""', 1)
    (folder / "post.toml").write_text(sheet)
    caption = "A caption\n\nwith paragraphs\nand lines."
    (folder / "caption.txt").write_text(caption + "\n")
    for _ in range(2):  # drawn again twice: nothing is cut or lost
        result = repurpose("render", str(folder), "-q", cwd=work)
        assert result.returncode == 0, result.stderr
        again = tomllib.loads((folder / "post.toml").read_text())["cards"][2]
        assert (again["alt_text"].strip(), again["text"].strip()) == (alt, text)
        manifest = json.loads((folder / "post.json").read_text())
        assert manifest["images"][2]["alt_text"] == alt
        assert manifest["cards"][2]["text"] == text
        assert manifest["caption"] == caption
        assert (folder / "caption.txt").read_text() == caption + "\n"
    result = repurpose("run", "article.md", "-o", "out", "-q", cwd=work)  # a run keeps them
    assert result.returncode == 0, result.stderr
    assert json.loads((folder / "post.json").read_text())["images"][2]["alt_text"] == alt


# --- blocked health claims ---


def drawn_and_posted(folder: Path) -> str:
    manifest = json.loads((folder / "post.json").read_text())
    texts = [t for image in manifest["images"] for t in image["texts"]]
    captions = [p.read_text() for p in folder.glob("caption*.txt")]
    return "\n".join([*texts, *captions, (folder / "alt-text.txt").read_text()])


def test_a_blocked_claim_is_not_drawn_unless_kept(work: Path) -> None:
    (work / "claim.md").write_text(CLAIM)
    result = repurpose("run", "claim.md", "-o", "out", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "health block [cure]: left out treatment point 1" in result.stderr
    (folder,) = list((work / "out").iterdir())
    assert "cure" not in drawn_and_posted(folder).lower()
    manifest = json.loads((folder / "post.json").read_text())
    assert manifest["left_out"][0]["rule"] == "cure"
    counters = [c["counter"] for c in manifest["cards"] if c["kind"] == "point"]
    assert all(c.endswith(f"/ {len(counters) + 2}") for c in counters)

    kept = repurpose("run", "claim.md", "-o", "kept", "--keep-flagged", "-q", cwd=work)
    assert kept.returncode == 0 and "health block [cure]" in kept.stderr
    (folder,) = list((work / "kept").iterdir())
    assert "can cure" in drawn_and_posted(folder)

    strict = repurpose("run", "claim.md", "-o", "strict", "--strict", cwd=work)
    assert "under --strict; nothing written" in assert_one_error(strict)
    assert not (work / "strict").exists() or not any((work / "strict").iterdir())


def test_a_hand_edit_that_makes_a_blocked_claim_is_not_drawn(work: Path) -> None:
    folder = written_set(work)
    before = Tree.of(folder)
    (folder / "caption.txt").write_text("Our treatment is a guaranteed cure.\n")
    line = assert_one_error(repurpose("render", str(folder), cwd=work))
    assert "caption.txt" in line and "--keep-flagged" in line
    after = Tree.of(folder)
    assert {k: v for k, v in after.files.items() if k != "caption.txt"} == {
        k: v for k, v in before.files.items() if k != "caption.txt"
    }
    result = repurpose("render", str(folder), "--keep-flagged", "-q", cwd=work)
    assert result.returncode == 0, result.stderr


# --- locks ---


def test_the_lock_is_in_the_output_folder_and_a_dead_holder_is_taken_over(work: Path) -> None:
    temp = work.parent / "temp"  # the system's temporary folder, for this run only
    temp.mkdir()
    result = repurpose("run", "article.md", "-o", "out", "-q", cwd=work, env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr
    assert not list(temp.iterdir())  # no lock there, where other users could not open it
    folder = work / "out" / SLUG
    lock = folder / ".repurpose.lock"
    assert lock.is_file() and lock.stat().st_mode & 0o666 == 0o666  # other users can open it
    holder = start("run", "article.md", "-o", "out", "-q", "--force", "--look", "bold", cwd=work)
    deadline = time.monotonic() + 30
    while not (folder / INCOMPLETE).exists() and time.monotonic() < deadline:
        time.sleep(0.0005)
    os.killpg(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=30)
    result = repurpose("run", "article.md", "-o", "out", "--look", "bold", cwd=work, timeout=30)
    assert result.returncode == 0, result.stderr
    if (folder / INCOMPLETE).exists() or "finished the write" in result.stderr:
        assert re.search(
            r"note: finished the write that process \d+ left incomplete", result.stderr
        )
    assert_folders_whole(work / "out")


# --- the README's and --help's own commands ---


def example_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    from pipeline.cli import EXAMPLES

    lines = [line.strip() for line in (readme + "\n" + EXAMPLES).splitlines()]
    return [line for line in lines if line.startswith("repurpose schedule") and "out/" in line]


def test_dated_examples_run_on_any_day(work: Path) -> None:
    written_set(work)
    commands = example_commands()
    assert commands
    for line in commands:
        assert not re.search(r"\d{4}-\d{2}-\d{2}", line), f"a fixed date goes stale: {line}"
        args = line.split("`")[0].split()[1:]
        import shlex

        args = shlex.split(" ".join(args))
        args = [str(work / "out" / SLUG) if a == "out/*" else a for a in args]
        result = repurpose(*args, cwd=work)
        assert result.returncode == 0, f"{line}: {result.stderr}"


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge", "upper-scheme"])
def test_a_source_that_is_not_a_regular_file_or_a_shouting_url_gets_one_line(
    kind: str, tmp_path: Path
) -> None:
    """A pipe or /dev/zero named as the source itself, a file over the cap (refused before it is
    read) and an HTTP:// address: one Error line, at once, no traceback."""
    import os
    import subprocess
    import sys

    source = tmp_path / "article.html"
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "zero":
        source.symlink_to("/dev/zero")
    elif kind == "huge":
        with source.open("wb") as handle:
            handle.truncate(2 * 1024**3)  # sparse: 2 GB that costs nothing on disk
    argv = [str(source)] if kind != "upper-scheme" else ["HTTP://127.0.0.1:9/blog/knee"]
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", *argv, "-o", str(tmp_path / "out"), "-q"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: ")
    assert "Traceback" not in done.stderr
    if kind == "upper-scheme":
        assert "unsupported URL scheme" not in done.stderr and "private" in done.stderr
    else:
        assert ("not a regular file" in done.stderr) == (kind != "huge")
