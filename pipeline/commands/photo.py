"""The article's own photo for `run` and `render`: found (extract), loaded (load, with the page
rules), kept in the folder as article-photo.jpg so that `render` draws it again without
fetching, and recorded in post.json under "photo". A missing or broken photo is a note; the
cards then use the look's own background.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.extract.photo import find_photo
from pipeline.load.images import decode_image, load_photo, read_image_bytes
from pipeline.load.options import FetchOptions
from pipeline.models import LoadError, Page
from pipeline.render.photo import Photo

PHOTO_FILE = "article-photo.jpg"


@dataclass(frozen=True)
class ArticlePhoto:
    photo: Photo
    jpeg: bytes  # what article-photo.jpg holds
    record: dict[str, Any]  # post.json "photo": {file, source, alt, from}


def article_photo(
    page: Page, options: FetchOptions, fetch_images: bool, site: str | None = None
) -> tuple[ArticlePhoto | None, list[str]]:
    """The article's photo, or None and a note saying why it is not used. `site` is the
    article's own URL, for a saved page's paths from the site's root."""
    ref = find_photo(page)
    if ref is None:
        return None, []
    try:
        loaded = load_photo(ref.src, page, options, fetch_images, site)
    except LoadError as exc:
        return None, [f"{exc} (the cards use the look's own background)"]
    jpeg = encode(loaded.image)
    kept = decode_image(jpeg, PHOTO_FILE).image  # drawn from what the folder keeps, as render is
    record = {"file": PHOTO_FILE, "source": loaded.origin, "alt": ref.alt, "from": ref.where}
    return ArticlePhoto(Photo(kept, ref.alt, loaded.origin), jpeg, record), []


def folder_photo(folder: Path, record: object) -> tuple[ArticlePhoto | None, list[str]]:
    """The photo a folder keeps (the run's, or one a person put in its place), for `render`."""
    if not isinstance(record, dict) or record.get("file") != PHOTO_FILE:
        return None, []
    try:
        data = read_image_bytes(folder / PHOTO_FILE)
        loaded = decode_image(data, str(folder / PHOTO_FILE))
    except LoadError as exc:
        return None, [f"{exc} (drew the look's own background)"]
    alt = str(record.get("alt") or "")
    return ArticlePhoto(Photo(loaded.image, alt, str(record.get("source", ""))), data, record), []


def encode(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()
