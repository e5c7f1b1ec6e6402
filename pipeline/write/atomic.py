"""Atomic file writes: a temporary file beside the target, then a rename over it, so an
interrupted run never leaves a half-written file.

`write_atomic` writes one file and syncs it. `stage_file` and `commit_staged` split the same
steps so that a whole folder is written first and synced once (see `folder.py`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.models import OutputError

# The temporary files this module makes: ".<name>.<random>.tmp" (tempfile.mkstemp's names).
TEMP_NAME = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")


def write_atomic(path: Path, data: bytes, sync: bool = True) -> None:
    """Write to a temporary file in the same folder, then rename it over the target."""
    temp = stage_file(path, data)
    try:
        if sync:
            sync_files([temp])
        os.replace(temp, path)
    except BaseException:
        discard([temp])
        raise


def stage_file(path: Path, data: bytes) -> Path:
    """The data in a temporary file beside `path`, not yet synced nor renamed."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
    except BaseException:
        discard([Path(temp)])
        raise
    return Path(temp)


def sync_files(paths: Iterable[Path]) -> None:
    """Make the files' contents durable: one `sync()` for all of them where the system has it
    (POSIX), else one fsync per file (Windows)."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:  # pragma: no cover - Windows
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make the folder's renames durable (POSIX; Windows has no directory fsync)."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def discard(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def remove_stray_temps(folder: Path) -> list[str]:
    """Delete temporary files an earlier, killed write left in the folder (only this module's
    own names)."""
    removed = []
    for path in folder.iterdir():
        if TEMP_NAME.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path.name)
    return removed


def output_error(folder: Path, exc: OSError) -> OutputError:
    """One clear line for a failed write: a full disk, a read-only folder, no permission."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(
            f"{folder}: no space left on the device (free some space, then run again)"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"{folder}: cannot write there: {exc.strerror} (check its permissions)")
    name = exc.filename or folder
    return OutputError(f"{name}: cannot write: {exc.strerror or exc}")
