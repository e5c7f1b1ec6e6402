"""The output folders the review page shows: found by name inside OUT only, read fresh on every
request (a post written by `run` or `watch` meanwhile shows at once), each with a version that
changes whenever a command or a person changes its texts or its manifest."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.models import RepurposeError
from pipeline.write.edits import ALT_FILE, CAPTION_FILE, EDIT_SHEET, STORY_FILE
from pipeline.write.manifest import CARD_FILE, MANIFEST, Manifest, read_manifest
from pipeline.write.paths import read_folder_file

SLUG = re.compile(r"[^\W_][\w.-]{0,200}")  # make_slug's names, Korean ones too
VERSIONED = (MANIFEST, EDIT_SHEET, CAPTION_FILE, STORY_FILE, ALT_FILE)


class NotFound(RepurposeError):
    """A post or file the page asked for is not in OUT (or may not be read)."""


@dataclass(frozen=True)
class Folder:
    path: Path
    manifest: Manifest
    version: str


def post_folders(out: Path) -> list[Path]:
    """Every article folder directly inside OUT (those holding a post.json), by name."""
    if not out.is_dir():
        return []
    return sorted(
        child
        for child in out.iterdir()
        if SLUG.fullmatch(child.name)
        and not child.is_symlink()
        and child.is_dir()
        and (child / MANIFEST).is_file()
    )


def find_folder(out: Path, slug: str) -> Path:
    """OUT/<slug>, only when it is a real folder directly inside OUT: no `..`, no absolute path,
    no link out of it."""
    if not SLUG.fullmatch(slug) or ".." in slug:
        raise NotFound(f"no post named {slug!r}")
    folder = out / slug
    if folder.is_symlink() or not folder.is_dir() or folder.resolve().parent != out.resolve():
        raise NotFound(f"no post named {slug!r}")
    return folder


def open_folder(out: Path, slug: str) -> Folder:
    folder = find_folder(out, slug)
    return Folder(folder, read_manifest(folder), folder_version(folder))


def folder_version(folder: Path) -> str:
    """A hash of post.json and every text a person may edit: any change by anyone changes it."""
    digest = hashlib.sha256()
    names = [*VERSIONED, *sorted(p.name for p in folder.glob("caption-*.txt"))]
    for name in names:
        try:
            data = read_folder_file(folder / name)
        except (FileNotFoundError, RepurposeError):
            data = b"-"
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:20]


def image_path(folder: Folder, name: str) -> Path:
    """An image the manifest lists; any other name (a path, post.json, a link) is not found."""
    listed = {image.file for image in folder.manifest.images}
    if not CARD_FILE.fullmatch(name) or name not in listed:
        raise NotFound(f"no image named {name!r} in this post")
    return folder.path / name
