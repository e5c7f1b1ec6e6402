"""Who approved a set and what they saw, and what has been published: typed records kept in
post.json under "approval" and "publications" (added keys; older manifests have neither)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Approval:
    by: str
    at: str  # ISO 8601 with offset
    content: str  # a hash of the images, captions and alt texts approved (see `content_hash`)


@dataclass(frozen=True)
class Publication:
    """One piece sent to a platform: its files, and the id the platform gave it."""

    kind: str  # "carousel", "quote" or "story"
    files: tuple[str, ...]
    target: str  # "instagram" or "postiz"
    media_id: str  # Instagram's media id, or Postiz's post id
    at: str  # ISO 8601 with offset
    account: str | None = None


def approval_from_json(value: Any) -> Approval | None:
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(k), str) for k in ("by", "at", "content")
    ):
        return None
    return Approval(str(value["by"]), str(value["at"]), str(value["content"]))


def publications_from_json(value: Any) -> tuple[Publication, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        Publication(
            str(item.get("kind") or ""),
            tuple(str(f) for f in item.get("files") or ()),
            str(item.get("target") or ""),
            str(item.get("media_id") or ""),
            str(item.get("at") or ""),
            item.get("account") if isinstance(item.get("account"), str) else None,
        )
        for item in value
        if isinstance(item, Mapping)
    )


def content_hash(folder: Path, files: tuple[str, ...], texts: Mapping[str, str]) -> str:
    """What a person approves: every image's bytes, and every caption and alt text."""
    digest = hashlib.sha256()
    for name in sorted(files):
        path = folder / name
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    for key in sorted(texts):
        digest.update(f"\0{key}\0{texts[key]}".encode())
    return digest.hexdigest()[:32]
