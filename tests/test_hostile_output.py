"""Hostile cases for the output folder, with real processes: links out of the folder, pipes and
folders where files belong, damaged hand edits, a read-only folder, a full disk, and kill -9 at
random moments of the write phase. Each case checks one `Error:` line, the exit code, no
traceback, nothing written outside out/ and no half-written folder."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
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


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder holding the article; out/ is written inside it, and `outside/` beside
    it is the place nothing may be written."""
    (tmp_path / "work").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("not yours\n")
    (tmp_path / "work" / "article.md").write_bytes(ARTICLE.read_bytes())
    return tmp_path / "work"


def written_set(work: Path) -> Path:
    result = repurpose("run", "article.md", "-o", "out", "-q", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "out" / SLUG


def test_a_linked_article_folder_is_refused(work: Path) -> None:
    outside = work.parent / "outside"
    before = Tree.of(outside)
    (work / "out").mkdir()
    (work / "out" / SLUG).symlink_to(outside, target_is_directory=True)
    line = assert_one_error(repurpose("run", "article.md", "-o", "out", cwd=work))
    assert "is a symbolic link: refusing to write through it" in line
    assert Tree.of(outside) == before


@pytest.mark.parametrize("name", ["caption.txt", "post.toml", "alt-text.txt", "post.json"])
def test_a_linked_file_in_the_folder_is_refused(work: Path, name: str) -> None:
    folder = written_set(work)
    outside = work.parent / "outside"
    (folder / name).unlink()
    (folder / name).symlink_to(outside / "secret.txt")
    before = Tree.of(work.parent, skip=work / "out")
    for args in (("render", str(folder)), ("run", "article.md", "-o", "out")):
        line = assert_one_error(repurpose(*args, cwd=work))
        assert name in line and "symbolic link" in line
        assert Tree.of(work.parent, skip=work / "out") == before
        assert (
            "not yours" not in (folder / "post.json").read_text() if name != "post.json" else True
        )
    assert (outside / "secret.txt").read_text() == "not yours\n"


@pytest.mark.parametrize("name", ["caption.txt", "post.toml", "post.json"])
def test_a_named_pipe_in_place_of_a_file_does_not_hang(work: Path, name: str) -> None:
    folder = written_set(work)
    (folder / name).unlink()
    os.mkfifo(folder / name)
    line = assert_one_error(repurpose("render", str(folder), cwd=work, timeout=30))
    assert name in line and "not a regular file" in line


def test_post_toml_as_a_folder(work: Path) -> None:
    folder = written_set(work)
    (folder / "post.toml").unlink()
    (folder / "post.toml").mkdir()
    line = assert_one_error(repurpose("render", str(folder), cwd=work))
    assert "post.toml is a folder" in line


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("post.toml", "x = " + "[" * 20000 + "]" * 20000 + "\n"),
        ("post.json", "[" * 100000 + "]" * 100000),
        ("post.json", '{"a": ' * 50000 + "1" + "}" * 50000),
    ],
)
def test_deeply_nested_edit_files(work: Path, name: str, text: str) -> None:
    folder = written_set(work)
    (folder / name).write_text(text)
    line = assert_one_error(repurpose("render", str(folder), cwd=work))
    assert name in line
    assert_folders_whole(work / "out")


def test_an_edit_file_that_is_not_utf8(work: Path) -> None:
    folder = written_set(work)
    (folder / "caption.txt").write_bytes(b"\xff\xfe caption in Latin-1: caf\xe9\n")
    line = assert_one_error(repurpose("render", str(folder), cwd=work))
    assert "caption.txt is not UTF-8 text" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file: permissions do not apply")
def test_an_unreadable_post_json(work: Path) -> None:
    folder = written_set(work)
    (folder / "post.json").chmod(0)
    line = assert_one_error(repurpose("render", str(folder), cwd=work))
    assert "post.json cannot be read" in line


def test_stray_temporary_files_of_a_killed_write_are_removed(work: Path) -> None:
    folder = written_set(work)
    stray = folder / ".caption.txt.k3j_x9a2.tmp"
    stray.write_bytes(b"half a capt")
    mine = folder / ".notes.tmp"  # not a name the tool makes: kept
    mine.write_text("the clinic's")
    result = repurpose("render", str(folder), "-q", cwd=work)
    assert result.returncode == 0, result.stderr
    assert not stray.exists() and mine.exists()


# --- mounts: a read-only folder and a full disk (a tiny tmpfs, where the machine allows) ---


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()})")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_full_disk_leaves_the_previous_set_intact(work: Path) -> None:
    with tmpfs(work / "out", "4m") as out:
        folder = written_set(work)
        before = Tree.of(folder)
        filler = out / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:  # fill the disk to the last block
                handle.write(b"\0" * 65536)
        with contextlib.suppress(OSError), (out / "filler2").open("wb") as handle:
            while True:
                handle.write(b"\0" * 512)
        result = repurpose("run", "article.md", "-o", "out", "--force", "--png", cwd=work)
        line = assert_one_error(result)
        assert line == f"Error: {folder.relative_to(work)}: no space left on the device" + (
            " (free some space, then run again)"
        )
        after = Tree.of(folder)
        assert {k: v for k, v in after.files.items() if k != ".repurpose-state.json"} == {
            k: v for k, v in before.files.items() if k != ".repurpose-state.json"
        }
        filler.unlink()
        (out / "filler2").unlink()
        assert repurpose("run", "article.md", "-o", "out", "-q", cwd=work).returncode == 0
        assert_folders_whole(out)


def test_render_and_schedule_on_a_read_only_folder(work: Path) -> None:
    with tmpfs(work / "out", "16m") as out:
        folder = written_set(work)
        remount = ["mount", "-o", "remount,ro", str(out)]
        if subprocess.run(remount, capture_output=True, check=False).returncode != 0:
            pytest.skip("cannot remount the tmpfs read-only here")
        before = Tree.of(out)
        for args in (("render", str(folder)), ("schedule", str(folder), "--start", "tomorrow")):
            line = assert_one_error(repurpose(*args, cwd=work))
            assert "cannot write there: Read-only file system" in line, line
        assert Tree.of(out) == before


# --- kill -9 at random moments of the write phase ---


def kill_while_writing(work: Path, args: list[str], seed: int) -> None:
    """Start a run, wait for its write phase (the incomplete marker appears), then kill -9 it
    at a random moment within it."""
    process = start("run", "article.md", "-o", "out", "-q", *args, cwd=work)
    marker = work / "out" / SLUG / INCOMPLETE
    deadline = time.monotonic() + 30
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    # Early in the phase: on an idle machine the whole write (files, then one sync) can take
    # less than 20 ms, and a later kill would only find a finished folder.
    time.sleep(random.Random(seed).uniform(0, 0.012))
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def test_kill_9_during_the_write_never_loses_the_set_or_an_edit(work: Path) -> None:
    """Ten kills: each run changes every image (the look alternates), half of them with
    --force. After each kill the folder is whole or marked incomplete, the old post.json is
    still there, and the hand edit survives (without --force); the next run finishes it."""
    folder = written_set(work)
    edit = "Our own caption,\nover two lines."
    (folder / "caption.txt").write_text(edit + "\n")
    killed_mid_write = 0
    for trial in range(10):
        force = trial % 4 >= 2
        args = ["--look", ("bold", "calm")[trial % 2], *(["--force"] if force else [])]
        kill_while_writing(work, args, seed=trial)
        marked = (folder / INCOMPLETE).exists()
        killed_mid_write += marked
        if not marked:  # finished before the kill: it must be complete
            assert_folders_whole(work / "out")
        assert json.loads((folder / "post.json").read_text())["source"]["path"]
        if not force:
            assert (folder / "caption.txt").read_text() == edit + "\n"
        result = repurpose("run", "article.md", "-o", "out", *args, cwd=work)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert_folders_whole(work / "out")
        assert not (folder / INCOMPLETE).exists()
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        if not force:
            assert (folder / "caption.txt").read_text() == edit + "\n"
        else:
            (folder / "caption.txt").write_text(edit + "\n")
    assert killed_mid_write >= 3, "the kills should mostly land inside the write phase"
