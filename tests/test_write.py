"""The output folder: atomic per-file writes, hashes of what the tool wrote, edits kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pipeline.write.files as write
from pipeline.models import EditError, OutputError
from pipeline.write.atomic import write_atomic
from pipeline.write.files import write_post_files
from pipeline.write.paths import safe_join
from pipeline.write.state import STATE_FILE, load_state


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_atomic_write_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "caption.txt"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert names(tmp_path) == {"caption.txt"}
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


def test_failed_atomic_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "post.json"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == {"post.json"}


def test_second_write_keeps_a_hand_edited_file(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"a.jpg": b"A1", "b.jpg": b"B1"})
    (folder / "a.jpg").write_bytes(b"retouched by hand")
    report = write_post_files(folder, {"a.jpg": b"A2", "b.jpg": b"B2"})
    assert report.kept == ("a.jpg",)
    assert report.written == ("b.jpg",)
    assert (folder / "a.jpg").read_bytes() == b"retouched by hand"
    assert (folder / "b.jpg").read_bytes() == b"B2"
    # still recognised as edited on the run after, until --force
    assert write_post_files(folder, {"a.jpg": b"A3", "b.jpg": b"B2"}).kept == ("a.jpg",)
    forced = write_post_files(folder, {"a.jpg": b"A3", "b.jpg": b"B2"}, force=True)
    assert forced.kept == () and (folder / "a.jpg").read_bytes() == b"A3"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"a.jpg": b"A"})
    assert write_post_files(folder, {"a.jpg": b"A"}).written == ()


def test_merged_files_are_always_written(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"post.json": b"{}"})
    (folder / "post.json").write_bytes(b'{"edited": true}')
    report = write_post_files(
        folder, {"post.json": b'{"merged": 1}'}, merged=frozenset({"post.json"})
    )
    assert report.kept == () and (folder / "post.json").read_bytes() == b'{"merged": 1}'


def test_files_a_new_run_no_longer_makes_are_removed_unless_edited(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"a.jpg": b"A", "quote-02.jpg": b"Q", "quote-03.jpg": b"R"})
    (folder / "quote-03.jpg").write_bytes(b"edited")
    report = write_post_files(folder, {"a.jpg": b"A"})
    assert report.removed == ("quote-02.jpg",)
    assert names(folder) == {"a.jpg", "quote-03.jpg", STATE_FILE}


def test_interrupted_write_is_not_mistaken_for_a_hand_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"a.jpg": b"A1", "b.jpg": b"B1"})
    real = os.replace

    def dies_on_second_image(source: str | Path, target: str | Path) -> None:
        if Path(target).name == "b.jpg":
            raise KeyboardInterrupt
        real(source, target)

    monkeypatch.setattr(os, "replace", dies_on_second_image)
    with pytest.raises(KeyboardInterrupt):
        write_post_files(folder, {"a.jpg": b"A2", "b.jpg": b"B2"})
    monkeypatch.setattr(os, "replace", real)
    assert (folder / "a.jpg").read_bytes() == b"A2"  # new content, old state
    assert (folder / write.INCOMPLETE).is_file()  # clearly incomplete
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    report = write_post_files(folder, {"a.jpg": b"A2", "b.jpg": b"B2"})
    assert report.kept == ()
    assert report.finished is not None
    assert (folder / "b.jpg").read_bytes() == b"B2"
    assert not (folder / write.INCOMPLETE).exists()


def test_files_unknown_to_the_state_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"a.jpg": b"A"})
    (folder / "notes.txt").write_text("the clinic's own notes")
    assert write_post_files(folder, {"a.jpg": b"A", "notes.txt": b"tool"}).kept == ("notes.txt",)


def test_damaged_state_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    write_post_files(folder, {"a.jpg": b"A"})
    (folder / STATE_FILE).write_text("{not json")
    with pytest.raises(
        EditError, match=r"\.repurpose-state\.json is damaged: delete it, or use --force"
    ):
        load_state(folder)
    write_post_files(folder, {"a.jpg": b"B"}, force=True)
    assert load_state(folder) is not None


@pytest.mark.parametrize("name", ["../escape.jpg", "sub/dir.jpg", "/etc/passwd"])
def test_names_that_leave_the_folder_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="outside the output folder"):
        safe_join(tmp_path, name)


def test_folder_lock_makes_a_second_process_wait(tmp_path: Path) -> None:
    """Two real processes: the second takes the folder only after the first lets it go."""
    import subprocess
    import sys
    import time

    from pipeline.write.files import folder_lock

    folder = tmp_path / "post"
    script = (
        "import sys, time; from pathlib import Path; from pipeline.write.files import folder_lock\n"
        "with folder_lock(Path(sys.argv[1])): print(time.monotonic(), flush=True)\n"
    )
    with folder_lock(folder):
        second = subprocess.Popen(
            [sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(1.0)
        released = time.monotonic()
        assert second.poll() is None  # still waiting for the lock
    out, _ = second.communicate(timeout=30)
    assert float(out) >= released
