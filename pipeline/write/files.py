"""The output folder's files: every file is written atomically (see `atomic.py`), hand-edited
files are kept (see `state.py`), and names that would leave the folder are refused.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from pipeline.write.atomic import write_atomic
from pipeline.write.manifest import MANIFEST
from pipeline.write.state import (
    FolderState,
    content_hash,
    is_hand_edited,
    load_state,
    load_state_or_none,
    save_state,
)


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


def write_post_files(
    folder: Path,
    files: Mapping[str, bytes],
    texts: tuple[Mapping[str, str], Mapping[str, str]] = ({}, {}),
    *,
    force: bool = False,
    merged: frozenset[str] = frozenset(),
) -> WriteReport:
    """Write the files one by one, atomically, keeping hand-edited ones unless `force`.

    `texts` is (generated, written): the text hashes to record. Files named in `merged` had
    their edits merged into `files` by the caller, so they are always written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    state = load_state_or_none(folder) if force else load_state(folder)
    paths = {name: safe_join(folder, name) for name in files}
    kept = {n for n in files if not force and n not in merged and is_hand_edited(folder, n, state)}
    old = state.files if state else {}
    hashes = {n: content_hash(data) for n, data in files.items() if n not in kept}
    during = {n: (*old.get(n, ()), h) for n, h in hashes.items()}
    if state is not None:  # while writing, both versions of a file count as the tool's own
        save_state(folder, FolderState({**old, **during}, state.generated, state.written))
    order = sorted(hashes, key=lambda n: n in merged)  # texts last: they describe the images
    written = [n for n in order if write_if_changed(paths[n], files[n])]
    removed = remove_stale(folder, old, set(files), state)
    final = {n: (h,) for n, h in hashes.items()} | {n: old[n] for n in kept if n in old}
    save_state(folder, FolderState(final, dict(texts[0]), dict(texts[1])))
    return WriteReport(folder, tuple(written), tuple(sorted(kept)), tuple(removed))


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


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


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an output folder while its edits are read and it is written, so that two processes
    of one batch that make the same article (a file and its URL, say) take turns.

    The lock file lives in the system's temporary folder: nothing is left in the output. The
    lock is `filelock`'s, which works the same on Linux, macOS and Windows.
    """
    import tempfile

    key = content_hash(str(folder.resolve()))[:24]
    with FileLock(Path(tempfile.gettempdir()) / f"repurpose-{key}.lock"):
        yield


def write_post_folder(out_dir: Path, slug: str, files: dict[str, bytes]) -> Path:
    """Write all files of one article into OUT/<slug>/, keeping hand-edited files."""
    return write_post_files(out_dir / slug, files).folder


def update_tool_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Rewrite some files (e.g. post.json with a posting plan) as the tool's own output.

    A file edited by hand is left alone, except post.json, whose edits the caller carried over.
    """
    state = load_state(folder)
    hashes = dict(state.files) if state else {}
    for name, data in files.items():
        if name != MANIFEST and is_hand_edited(folder, name, state):
            continue
        write_atomic(safe_join(folder, name), data)
        hashes[name] = (content_hash(data),)
    if state is not None:
        save_state(folder, FolderState(hashes, state.generated, state.written))


def safe_join(folder: Path, name: str) -> Path:
    """A file inside the folder; names that would leave it are refused."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise ValueError(f"refusing to write outside the output folder: {name}")
    return path
