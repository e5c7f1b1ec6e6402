"""`repurpose publish OUT/<slug>... --to instagram|postiz`: send what is due and approved.

Due: every planned piece whose time has passed (`repurpose schedule`), or with no plan the
carousel, or `--piece FILE` now. Each published piece's media id goes into post.json at once,
so a second run (or a crash and a re-run) never posts it twice. The token comes only from the
environment and is never written or shown.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from pipeline.commands.approve import set_hash
from pipeline.commands.export import post_caption
from pipeline.commands.schedule import Piece, pieces_of
from pipeline.load.fetch import FetchOptions
from pipeline.load.resource import head_resource
from pipeline.models import LoadError, PublishError, RepurposeError
from pipeline.publish.api import JsonApi
from pipeline.publish.instagram import GRAPH_API, Image, Instagram
from pipeline.publish.postiz import POSTIZ_API, Postiz
from pipeline.write.approval import Publication
from pipeline.write.files import folder_lock, update_tool_files
from pipeline.write.manifest import MANIFEST, Manifest, read_manifest

TOKENS = {"instagram": "INSTAGRAM_ACCESS_TOKEN", "postiz": "POSTIZ_API_KEY"}
MAX_IMAGE_BYTES = 8 * 1024 * 1024
Say = Callable[[str], None]


@dataclass(frozen=True)
class PublishOptions:
    target: str  # "instagram" or "postiz"
    now: datetime
    account: str | None = None  # Instagram user id, or Postiz integration id
    media_base_url: str | None = None
    api_base: str | None = None
    allow_private: bool = False
    piece: str | None = None  # one file: publish its piece now
    token_env: str | None = None  # the variable holding the token (a workspace clinic's own)
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


def publish_folders(folders: Sequence[Path], options: PublishOptions, say: Say) -> int:
    """Every folder in turn; one that fails is reported and the others go on. The failures."""
    variable = options.token_env or TOKENS[options.target]
    token = os.environ.get(variable, "").strip()
    if not token:
        raise PublishError(
            f"set the environment variable {variable} to the {options.target} "
            "token (it is never taken from the command line)"
        )
    failures = 0
    for folder in folders:
        try:
            publish_folder(folder, options, token, say)
        except RepurposeError as exc:
            if len(folders) == 1:
                raise
            say(f"Error: {exc}")
            failures += 1
    return failures


def publish_folder(folder: Path, options: PublishOptions, token: str, say: Say) -> None:
    manifest = read_manifest(folder)
    check_approved(folder, manifest)
    due = [p for p in due_pieces(folder, manifest, options) if not sent(manifest, p, options)]
    if not due:
        say(f"{folder}: nothing due")
        return
    publish_settings = dict((manifest.brand or {}).get("publish") or {})
    if options.target == "instagram":
        publish_instagram(folder, manifest, due, options, token, publish_settings, say)
    else:
        publish_postiz(folder, manifest, due, options, token, publish_settings, say)


def check_approved(folder: Path, manifest: Manifest) -> None:
    approval = manifest.approval
    if approval is None:
        raise PublishError(
            f"{folder} is not approved: review preview.html, then "
            f'`repurpose approve {folder} --by "YOUR NAME"`'
        )
    if approval.content != set_hash(folder, manifest):
        raise PublishError(
            f"{folder} changed after {approval.by} approved it ({approval.at[:16]}): review it "
            f'again, then `repurpose approve {folder} --by "YOUR NAME"`'
        )


def due_pieces(folder: Path, manifest: Manifest, options: PublishOptions) -> list[Piece]:
    pieces = pieces_of(folder.name, manifest)
    if options.piece:
        found = [p for p in pieces if options.piece in p.files]
        if not found:
            raise PublishError(f"{folder}: no piece has the image {options.piece}")
        return found[:1]
    plan = (manifest.schedule or {}).get("posts") or []
    if not plan:
        return [p for p in pieces if p.kind == "carousel"]
    due = []
    for entry in plan:
        at = datetime.fromisoformat(str(entry.get("at")))
        if at <= options.now:
            files = tuple(str(f) for f in entry.get("files", []))
            due.append(Piece(folder.name, str(entry.get("type")), files))
    return due


def sent(manifest: Manifest, piece: Piece, options: PublishOptions) -> bool:
    return any(p.files == piece.files and p.target == options.target for p in manifest.publications)


def media_base(options: PublishOptions, settings: dict[str, str]) -> str:
    base = options.media_base_url or settings.get("media_base_url")
    if not base or urlsplit(base).scheme not in ("http", "https"):
        raise PublishError(
            "Instagram fetches the images itself: give --media-base-url URL (where OUT/ is "
            "served) or media_base_url in the brand kit's [publish] table"
        )
    return base.rstrip("/")


def check_images(urls: Sequence[str], options: PublishOptions) -> None:
    """HEAD every image before anything is created: public, a JPEG, at most 8 MB."""
    fetch = FetchOptions(allow_private=options.allow_private, retries=1, sleep=options.sleep)
    for url in urls:
        try:
            head = head_resource(url, fetch)
        except LoadError as exc:
            raise PublishError(f"image not reachable: {exc}") from None
        if head.status != 200:
            raise PublishError(f"image not reachable: {url} answered HTTP {head.status}")
        if head.content_type not in ("image/jpeg", "image/jpg"):
            raise PublishError(f"{url} is served as {head.content_type or 'nothing'}, not JPEG")
        if head.length is not None and head.length > MAX_IMAGE_BYTES:
            raise PublishError(f"{url} is {head.length:,} bytes: Instagram takes 8 MB at most")


def publish_instagram(
    folder: Path,
    manifest: Manifest,
    due: Sequence[Piece],
    options: PublishOptions,
    token: str,
    settings: dict[str, str],
    say: Say,
) -> None:
    account = options.account or settings.get("instagram_account")
    if not account:
        raise PublishError("give --account IG_USER_ID (or instagram_account in [publish])")
    base = media_base(options, settings)
    urls = {f: f"{base}/{quote(folder.name)}/{quote(f)}" for p in due for f in p.files}
    check_images(list(urls.values()), options)
    api = JsonApi(options.api_base or GRAPH_API, {"Authorization": f"Bearer {token}"}, token,
                  options.allow_private, sleep=options.sleep)  # fmt: skip
    client = Instagram(api, account)
    room = client.remaining()
    if room < len(due):
        say(f"{folder}: the account may publish {room} more today: {len(due) - room} wait")
    alts = {image.file: image.alt_text for image in manifest.images}
    for piece in due[:room]:
        images = [Image(urls[f], alts.get(f, "")) for f in piece.files]
        caption = "" if piece.kind == "story" else post_caption(manifest, piece.kind, piece.files)
        media_id = client.publish(piece.kind, images, caption)
        record(folder, Publication(piece.kind, piece.files, "instagram", media_id,
                                   options.now.isoformat(), account))  # fmt: skip
        say(f"published {folder.name}: {piece.kind} ({', '.join(piece.files)}) -> {media_id}")


def publish_postiz(
    folder: Path,
    manifest: Manifest,
    due: Sequence[Piece],
    options: PublishOptions,
    token: str,
    settings: dict[str, str],
    say: Say,
) -> None:
    integration = options.account or settings.get("postiz_integration")
    if not integration:
        raise PublishError("give --account ID, the Postiz Instagram channel's id")
    api = JsonApi(options.api_base or POSTIZ_API, {"Authorization": token}, token,
                  options.allow_private, sleep=options.sleep)  # fmt: skip
    client = Postiz(api, integration)
    alts = {image.file: image.alt_text for image in manifest.images}
    for piece in due:
        if piece.kind == "story":
            caption = manifest.captions.story if manifest.captions else ""
        else:
            caption = post_caption(manifest, piece.kind, piece.files)
        files = [folder / f for f in piece.files]
        post_id = client.publish(files, [alts.get(f, "") for f in piece.files], caption, piece.kind)
        record(folder, Publication(piece.kind, piece.files, "postiz", post_id,
                                   options.now.isoformat(), integration))  # fmt: skip
        say(f"published {folder.name}: {piece.kind} ({', '.join(piece.files)}) -> {post_id}")


def record(folder: Path, publication: Publication) -> None:
    """Into post.json at once, under the folder's lock."""
    with folder_lock(folder):
        manifest = read_manifest(folder)
        manifest = replace(manifest, publications=(*manifest.publications, publication))
        update_tool_files(folder, {MANIFEST: manifest.to_bytes()})
