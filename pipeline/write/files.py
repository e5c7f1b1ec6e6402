"""Stage 6, write: one output folder per article, with images, caption and the post.json manifest.

This module owns the output folder. Every file is written atomically (a temporary file beside it,
then a rename), so an interrupted run never leaves a half-written file. A hidden state file,
`.repurpose-state.json`, records a hash of every file the tool wrote and of every text it
generated, so that a later run can tell a person's edits from its own output and keep them.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, get_args

from PIL import ImageColor

from pipeline.brand import DEFAULT_FONTS, REQUIRED_COLORS, Brand, is_image
from pipeline.models import (
    Article,
    Captions,
    Card,
    CardKind,
    Digest,
    EditError,
    HealthFinding,
    Page,
    Post,
    RenderedImage,
)
from pipeline.render.looks import KINDS as LAYOUT_KINDS

MANIFEST = "post.json"
MANIFEST_VERSION = 1
STATE_FILE = ".repurpose-state.json"
CARD_FILE = re.compile(r"[A-Za-z0-9][\w-]*\.jpg")
STATE_VERSION = 1


def make_slug(title: str, max_length: int = 60) -> str:
    text = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    if len(slug) > max_length:
        cut = slug[: max_length + 1].rfind("-")
        slug = slug[: cut if cut > 0 else max_length].rstrip("-_")
    return slug or "article"


def build_manifest(
    page: Page,
    article: Article,
    digest: Digest,
    *,
    brand: Brand | None = None,
    extra: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """The manifest keys that drawing the cards does not change: where the article came from,
    what it is and its digest."""
    source: dict[str, Any] = {"title": article.title}
    if page.url:
        source["url"] = page.url
    else:
        # resolved, so the folder knows its article whichever directory the next run starts in
        source["path"] = str(Path(page.path).resolve()) if page.path else None
    manifest: dict[str, Any] = {
        "version": MANIFEST_VERSION,
        "source": source,
        "article": {
            "author": article.author,
            "date": article.date,
            "site_name": article.site_name,
            "language": article.language,
            "url": article.url,
        },
        "digest": asdict(digest),
        **(extra or {}),
    }
    if brand is not None:
        manifest["brand"] = brand_record(brand)
    return manifest


# The order of post.json's keys; keys a newer version or a person added follow, as they came.
KEY_ORDER = (
    "version",
    "source",
    "article",
    "digest",
    "images",
    "caption",
    "hashtags",
    "warnings",
    "captions",
    "health_findings",
    "cards",
)


def ordered_manifest(manifest: Mapping[str, Any]) -> dict[str, Any]:
    head = {key: manifest[key] for key in KEY_ORDER if key in manifest}
    return head | {key: value for key, value in manifest.items() if key not in head}


def rendered_entries(
    post: Post, images: Sequence[RenderedImage], health_findings: Sequence[HealthFinding] = ()
) -> dict[str, Any]:
    """The manifest keys that change when the cards are rendered again."""
    return {
        "images": [image_entry(image) for image in images],
        "caption": post.caption,
        "hashtags": list(post.hashtags),
        "warnings": [w for image in images for w in image.warnings],
        "captions": captions_manifest(post.captions),
        "health_findings": [asdict(finding) for finding in health_findings],
        "cards": [asdict(card) for card in post.cards],
    }


def captions_manifest(captions: Captions | None) -> dict[str, Any] | None:
    """The caption variants: the carousel's, one per quote image, and the story line."""
    if captions is None:
        return None
    return {
        "carousel": captions.carousel,
        "quotes": dict(captions.quotes),
        "story": captions.story,
    }


def captions_from_manifest(manifest: Mapping[str, Any]) -> Captions | None:
    """The caption variants recorded in a manifest (None when it has none)."""
    data = manifest.get("captions")
    if not isinstance(data, dict):
        return None
    quotes = data.get("quotes") or {}
    return Captions(
        carousel=str(data.get("carousel") or manifest.get("caption") or ""),
        quotes=tuple((str(file), str(text)) for file, text in quotes.items()),
        story=str(data.get("story") or ""),
    )


def image_entry(image: RenderedImage) -> dict[str, Any]:
    return {
        "file": image.card.file,
        "kind": image.card.group,
        "role": image.card.kind,
        "layout": image.card.layout,
        "width": image.width,
        "height": image.height,
        "alt_text": image.alt_text,
        "texts": list(image.texts),
    }


def brand_record(brand: Brand) -> dict[str, Any]:
    return json.loads(json.dumps(asdict(brand), default=str))  # type: ignore[no-any-return]


def brand_from_record(record: Mapping[str, Any]) -> Brand:
    """Rebuild the brand kit stored in a manifest; TypeError/ValueError when it does not fit."""
    known = {f.name for f in fields(Brand)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k in known}
    texts = ("name", "handle", "cta", "look", "logo")
    if not all(isinstance(values.get(key) or "", str) for key in texts):
        raise TypeError("brand texts must be text")
    logo = values.get("logo")
    values["logo"] = Path(logo) if isinstance(logo, str) and logo else None
    brand = Brand(**values)  # type: ignore[arg-type]
    for table in (brand.colors, brand.fonts):
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise TypeError("brand colours and fonts must be tables of text")
    for colour in brand.colors.values():
        ImageColor.getrgb(colour)  # ValueError for a colour Pillow cannot draw
    for role in brand.fonts:
        if role in DEFAULT_FONTS and not brand.font_path(role).is_file():
            raise ValueError(f"font for {role} not found")
    if any(k not in brand.colors for k in REQUIRED_COLORS):
        raise ValueError("a brand colour is missing")
    if brand.logo is not None and not (brand.logo.is_file() and is_image(brand.logo)):
        raise ValueError("the logo file is missing or not an image")
    return brand


def cards_from_manifest(manifest: Mapping[str, Any], name: str = MANIFEST) -> tuple[Card, ...]:
    """The cards recorded in a manifest, checked so a hand edit gets an error naming the key."""
    entries = manifest.get("cards")
    if not isinstance(entries, list) or not entries:
        raise EditError(f'{name} has no "cards" list: run `repurpose run` on the article again')
    known = {f.name for f in fields(Card)}
    kinds = get_args(CardKind)
    cards = []
    for i, entry in enumerate(entries):
        where = f"{name}: cards[{i}]"
        if not isinstance(entry, dict):
            raise EditError(f"{where} must be an object")
        for key, value in entry.items():
            if key in known and value is not None and not isinstance(value, str):
                raise EditError(f"{where}.{key} must be text (in double quotes)")
        if entry.get("kind") not in kinds:
            raise EditError(f"{where}.kind must be one of {', '.join(kinds)}")
        if entry.get("layout") not in (None, *LAYOUT_KINDS):
            raise EditError(f"{where}.layout must be one of {', '.join(LAYOUT_KINDS)} (or null)")
        if not entry.get("file") or not entry.get("text"):
            raise EditError(f"{where} needs a file and a text")
        if not CARD_FILE.fullmatch(entry["file"]):
            raise EditError(f'{where}.file must be a plain image name such as "carousel-02.jpg"')
        cards.append(Card(**{k: v for k, v in entry.items() if k in known}))
    files = [card.file for card in cards]
    if len(set(files)) < len(files):
        raise EditError(f"{name}: two cards share one file name")
    return tuple(cards)


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EditError(f"{path} not found: is {folder} a repurpose output folder?") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EditError(f"{path} is not valid JSON ({exc}): fix the edit, or use --force") from None
    if not isinstance(data, dict):
        raise EditError(f"{path} must hold a JSON object")
    check_shape(data, path)
    return data


SHAPES: dict[str, type | tuple[type, ...]] = {
    "source": dict,
    "article": dict,
    "digest": dict,
    "images": list,
    "caption": str,
    "hashtags": list,
    "warnings": list,
    "captions": (dict, type(None)),
    "health_findings": list,
    "cards": list,
    "brand": dict,
    "schedule": dict,
}


def check_shape(manifest: Mapping[str, Any], path: Path) -> None:
    """The top-level keys the tool reads have the right kind of value, so that a hand edit
    gets an error naming the key instead of a crash."""
    for key, kind in SHAPES.items():
        if key in manifest and not isinstance(manifest[key], kind):
            raise EditError(f'{path}: "{key}" has the wrong kind of value (undo that edit)')
    images = manifest.get("images", [])
    if not all(isinstance(i, dict) and isinstance(i.get("file"), str) for i in images):
        raise EditError(f'{path}: every entry of "images" needs a "file"')
    variants = manifest.get("captions") or {}
    quotes = variants.get("quotes") or {}
    texts = [variants.get("carousel", ""), variants.get("story", "")]
    texts += list(quotes.values()) if isinstance(quotes, dict) else [None]
    if not all(isinstance(t, str) for t in texts):
        raise EditError(f'{path}: "captions" must hold texts (undo that edit)')
    posts = manifest.get("schedule", {}).get("posts", [])
    if not isinstance(posts, list) or not all(isinstance(p, dict) for p in posts):
        raise EditError(f'{path}: "schedule" is damaged: run `repurpose schedule` again')


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def content_hash(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class FolderState:
    """What the tool last wrote into a folder, as hashes.

    files: file name -> hashes of the contents the tool wrote (two while a write is under way);
    generated: text key -> hash of the text the tool itself produced (from the article);
    written: text key -> hash of the text as last written out (edits included).
    """

    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)


def load_state(folder: Path) -> FolderState | None:
    """The folder's state, or None for a folder this version of the tool never wrote."""
    path = folder / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return FolderState(
            files={k: tuple(v) for k, v in data["files"].items()},
            generated=dict(data["generated"]),
            written=dict(data["written"]),
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise EditError(f"{path} is damaged: delete it, or use --force") from None


def load_state_or_none(folder: Path) -> FolderState | None:
    try:
        return load_state(folder)
    except EditError:
        return None


def save_state(folder: Path, state: FolderState) -> None:
    data = {"version": STATE_VERSION, **asdict(state)}
    data["files"] = {k: list(v) for k, v in sorted(state.files.items())}
    write_atomic(folder / STATE_FILE, manifest_bytes(data))


def is_hand_edited(folder: Path, name: str, state: FolderState | None) -> bool:
    """A file whose content is not what the tool last wrote there."""
    path = folder / name
    if state is None or not path.is_file():
        return False
    known = state.files.get(name)
    return known is None or content_hash(path.read_bytes()) not in known


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

    The lock file lives in the system's temporary folder: nothing is left in the output.
    """
    key = content_hash(str(folder.resolve()))[:24]
    with open(Path(tempfile.gettempdir()) / f"repurpose-{key}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over the target."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


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
