"""Paths inside an output folder: the folder and its files are never links out of it, and the
files the tool reads back (post.json, post.toml, the text files) are regular files of a sane
size, so a link, a named pipe or a device in their place is refused instead of followed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.models import EditError, OutputError

MAX_READ = 20 * 1024 * 1024  # far above any post.json or caption the tool writes


def check_article_folder(folder: Path) -> None:
    """An article folder may not be a link (its files would land wherever it points) nor a
    file."""
    if folder.is_symlink():
        raise OutputError(
            f"{folder} is a symbolic link: refusing to write through it (remove the link)"
        )
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is not a folder: move it away, or give another -o")


def safe_join(folder: Path, name: str) -> Path:
    """A file directly inside the folder; a name that would leave it, or a link in the file's
    place, is refused."""
    if name in ("", ".", "..") or any(c in name for c in "/\\\0") or name != name.strip():
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    path = folder / name
    if path.is_symlink():
        raise OutputError(
            f"{path} is a symbolic link: refusing to write through it (delete the link)"
        )
    return path


def read_folder_file(path: Path) -> bytes:
    """The bytes of a file the tool reads back from a folder. FileNotFoundError when it is
    missing; one EditError for a link, a folder, a pipe or device, a huge or unreadable file."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise EditError(f"{path} cannot be read: {exc.strerror or exc}") from None
    check_regular(path, info)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            return handle.read(MAX_READ + 1)[:MAX_READ]
    except OSError as exc:
        message = f"{path} cannot be read: {exc.strerror or exc} (check its permissions)"
        raise EditError(message) from None


def check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise EditError(
            f"{path} is a symbolic link: refusing to read through it (put the file itself there)"
        )
    if stat.S_ISDIR(info.st_mode):
        raise EditError(f"{path} is a folder, not a file: remove it, or use --force")
    if not stat.S_ISREG(info.st_mode):
        raise EditError(f"{path} is not a regular file: remove it, or use --force")
    if info.st_size > MAX_READ:
        raise EditError(f"{path} is larger than {MAX_READ // 2**20} MB: not a file the tool wrote")


def read_folder_text(path: Path) -> str:
    """A text file of the folder, as UTF-8."""
    try:
        return read_folder_file(path).decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"{path} is not UTF-8 text: save it as UTF-8") from None
