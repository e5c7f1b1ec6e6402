"""The output folder's files: a whole folder is written at once (see `write_files`), hand-edited
files are kept (see `state.py`), and names or links that would leave the folder are refused
(see `paths.py`).

A folder is complete or clearly incomplete: while a write is under way it holds the marker
`.repurpose-incomplete` (naming the process), every file is first written to a temporary file
beside it, all of them are synced once, and only then renamed into place, post.json last. A run
killed half-way leaves the marker; the next run or render on the folder finishes it and removes
the temporary files the killed one left. A write that fails before the renames (a full disk)
leaves the previous set as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from pipeline.models import EditError, OutputError
from pipeline.write.atomic import (
    discard,
    output_error,
    remove_stray_temps,
    stage_file,
    sync_files,
    sync_folder,
    write_atomic,
)
from pipeline.write.manifest import MANIFEST
from pipeline.write.paths import check_article_folder, safe_join
from pipeline.write.state import (
    STATE_FILE,
    FolderState,
    content_hash,
    is_hand_edited,
    load_state,
    load_state_or_none,
    state_bytes,
)

INCOMPLETE = ".repurpose-incomplete"


def make_slug(title: str, max_length: int = 60) -> str:
    text = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    if len(slug) > max_length:
        cut = slug[: max_length + 1].rfind("-")
        slug = slug[: cut if cut > 0 else max_length].rstrip("-_")
    return slug or "article"


@dataclass(frozen=True)
class WriteReport:
    folder: Path
    written: tuple[str, ...]
    kept: tuple[str, ...]  # hand-edited files left as they were
    removed: tuple[str, ...]  # files of an earlier run that this one no longer makes
    finished: str | None = None  # "process N": an interrupted earlier write, finished now


def write_post_files(
    folder: Path,
    files: Mapping[str, bytes],
    texts: tuple[Mapping[str, str], Mapping[str, str]] = ({}, {}),
    *,
    force: bool = False,
    merged: frozenset[str] = frozenset(),
) -> WriteReport:
    """Write the folder's files at once (see the module's notes), keeping hand-edited ones
    unless `force`.

    `texts` is (generated, written): the text hashes to record. Files named in `merged` had
    their edits merged into `files` by the caller, so they are always written.
    """
    try:
        return write_post_folder_files(folder, files, texts, force, merged)
    except OSError as exc:
        raise output_error(folder, exc) from None


def write_post_folder_files(
    folder: Path,
    files: Mapping[str, bytes],
    texts: tuple[Mapping[str, str], Mapping[str, str]],
    force: bool,
    merged: frozenset[str],
) -> WriteReport:
    prepare_folder(folder)
    state = load_state_or_none(folder) if force else load_state(folder)
    paths = {name: safe_join(folder, name) for name in files}
    kept = {n for n in files if not force and n not in merged and is_hand_edited(folder, n, state)}
    old = state.files if state else {}
    hashes = {n: content_hash(data) for n, data in files.items() if n not in kept}
    during = {n: (*old.get(n, ()), h) for n, h in hashes.items()}
    order = sorted(hashes, key=lambda n: (n in merged, n == MANIFEST))  # texts, then post.json
    changed = {n: files[n] for n in order if not same_content(paths[n], files[n])}
    final = {n: (h,) for n, h in hashes.items()} | {n: old[n] for n in kept if n in old}
    changed[STATE_FILE] = state_bytes(FolderState(final, dict(texts[0]), dict(texts[1])))
    before = FolderState(
        {**old, **during}, *((state.generated, state.written) if state else ({}, {}))
    )
    with incomplete_while(folder) as finished:
        # while writing, both versions of a file count as the tool's own
        write_atomic(folder / STATE_FILE, state_bytes(before), sync=False)
        write_files(folder, changed)
        removed = remove_stale(folder, old, set(files), state)
    written = tuple(n for n in changed if n != STATE_FILE)
    return WriteReport(folder, written, tuple(sorted(kept)), tuple(removed), finished)


def prepare_folder(folder: Path) -> None:
    """The folder, made when missing; never a link; without the temporary files of a killed
    write."""
    check_article_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stray_temps(folder)


@contextlib.contextmanager
def incomplete_while(folder: Path) -> Iterator[str | None]:
    """Mark the folder incomplete while the block writes it; yields who left an earlier mark.

    The mark stays when the block fails, except when it failed before replacing any file (a
    full disk while staging) in a folder that has its previous set: that set is left as it was.
    """
    marker = folder / INCOMPLETE
    earlier = read_marker(marker)
    write_atomic(marker, f"process {os.getpid()}\n".encode(), sync=False)
    try:
        yield earlier
    except StagingFailed as failed:
        remove_stray_temps(folder)
        if earlier is None and (folder / MANIFEST).is_file():
            discard([marker])
        raise failed.error from None
    marker.unlink()
    sync_folder(folder)


def check_complete(folder: Path) -> Path:
    """The folder, when no write of it was cut short; else the error that says what to do."""
    check_article_folder(folder)
    if (folder / INCOMPLETE).exists():
        raise EditError(
            f"{folder} is incomplete: a run was stopped while writing it. Run `repurpose"
            f" render {folder}` (or the same `repurpose run`) to finish it"
        )
    return folder


def read_marker(marker: Path) -> str | None:
    if not marker.is_file() or marker.is_symlink():
        return None
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return marker.read_text(encoding="utf-8").strip() or "an earlier run"
    return "an earlier run"


class StagingFailed(Exception):
    """Writing the temporary files failed; nothing in the folder was replaced."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Every file to a temporary file first, one sync for all, then each renamed into place in
    the given order. A failure while staging removes the temporary files."""
    staged: dict[Path, Path] = {}
    try:
        for name, data in files.items():
            path = safe_join(folder, name)
            staged[path] = stage_file(path, data)
        sync_files(staged.values())
    except BaseException as exc:
        discard(staged.values())
        raise StagingFailed(exc) from None
    try:
        for path, temp in staged.items():
            os.replace(temp, path)
    finally:
        discard(staged.values())


def same_content(path: Path, data: bytes) -> bool:
    """Whether the file already holds exactly these bytes (then it is not written again)."""
    if not path.is_file() or path.stat().st_size != len(data):
        return False
    return path.read_bytes() == data


def remove_stale(
    folder: Path, old: Mapping[str, tuple[str, ...]], current: set[str], state: FolderState | None
) -> list[str]:
    """Delete files an earlier run wrote that this run does not, unless edited by hand."""
    removed = []
    for name in sorted(set(old) - current):
        path = safe_join(folder, name)
        if path.is_file() and not is_hand_edited(folder, name, state):
            path.unlink()
            removed.append(name)
    return removed


LOCK = ".repurpose.lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an article folder while its edits are read and it is written, so that two
    processes (of one batch, or two people on a shared folder) take turns.

    The lock file is the folder's own `.repurpose.lock` (never in a temporary folder that other
    users cannot open), writable for everyone who can write the folder. It is an
    operating-system lock (`filelock`, on Linux, macOS and Windows): the lock of a process that
    died is free at once, and the write that process left unfinished is finished by the next
    (see `incomplete_while`). A folder made only to be locked is removed again when nothing
    was written into it (a failed source, `--strict`).
    """
    check_article_folder(folder)
    created = not folder.exists()
    try:
        lock = acquire_lock(folder)
    except OSError as exc:
        raise output_error(folder, exc) from None
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.release()
            if created and os.listdir(folder) == [LOCK]:
                (folder / LOCK).unlink()
                folder.rmdir()


def acquire_lock(folder: Path, attempts: int = 20) -> FileLock:
    """The folder's lock, held. Another process may remove an empty folder and its lock file
    while this one waits: then the lock held is no longer the folder's, and it is taken again."""
    for _ in range(attempts):
        held: list[int] = []
        folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(folder / LOCK, mode=0o666, on_acquired=held.append)
        try:
            lock.acquire()
        except FileNotFoundError:
            continue
        with contextlib.suppress(OSError):
            if os.stat(folder / LOCK).st_ino == os.fstat(held[0]).st_ino:
                return lock
        lock.release()
    raise OutputError(f"{folder}: cannot take its lock ({LOCK}): try again")


def update_tool_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Rewrite some files (e.g. post.json with a posting plan) as the tool's own output.

    A file edited by hand is left alone, except post.json, whose edits the caller carried over.
    """
    try:
        prepare_folder(folder)
        state = load_state(folder)
        hashes = dict(state.files) if state else {}
        names = [n for n in files if n == MANIFEST or not is_hand_edited(folder, n, state)]
        batch = {n: files[n] for n in sorted(names, key=lambda n: n == MANIFEST)}
        hashes |= {n: (content_hash(data),) for n, data in batch.items()}
        if state is not None:
            batch[STATE_FILE] = state_bytes(FolderState(hashes, state.generated, state.written))
        with incomplete_while(folder):
            write_files(folder, batch)
    except OSError as exc:
        raise output_error(folder, exc) from None


def write_post_folder(out_dir: Path, slug: str, files: dict[str, bytes]) -> Path:
    """Write all files of one article into OUT/<slug>/, keeping hand-edited files."""
    return write_post_files(out_dir / slug, files).folder
