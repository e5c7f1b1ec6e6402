"""Part of stage 1, load: an image (a clinic's logo, an article's photo) from a URL or a file.

A URL is fetched like a page (`resource.py`: public addresses only unless allowed, redirects
checked, timeouts, a size cap after decompression); what comes back must say it is an image.
Either way the picture's size is read from its header first, and one of more than MAX_PIXELS
is refused before it is decoded: a small file can declare a huge picture (a decompression
bomb) that would fill the memory.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from pipeline.load.options import FetchOptions
from pipeline.models import LoadError, Page

if TYPE_CHECKING:
    from PIL import Image

MAX_PIXELS = 40_000_000  # 40 megapixels: any camera's photo, never a bomb's
MAX_IMAGE_BYTES = 15 * 1024 * 1024
UNSAFE_FORMATS = frozenset({"EPS", "PSD"})  # EPS runs Ghostscript; neither is a web image


@dataclass(frozen=True)
class LoadedImage:
    origin: str  # the URL or path it came from
    image: Image.Image  # decoded, upright, RGB or RGBA
    format: str  # "PNG", "JPEG", "ICO", ...


def fetch_image(url: str, options: FetchOptions, max_pixels: int = MAX_PIXELS) -> LoadedImage:
    """An image URL, fetched with the page rules; errors (and non-images) as LoadError."""
    return decode_image(fetch_image_bytes(url, options), url, max_pixels)


def fetch_image_bytes(url: str, options: FetchOptions) -> bytes:
    from pipeline.load.resource import fetch_resource  # requests, only when a URL is met

    capped = replace(options, max_bytes=min(options.max_bytes, MAX_IMAGE_BYTES))
    resource = fetch_resource(url, capped, accept="image/avif,image/webp,image/png,image/*")
    kind = resource.content_type
    if kind and not kind.startswith("image/") and kind != "application/octet-stream":
        raise LoadError(f"{url}: not an image (content type {kind})")
    return resource.body


def read_image_file(path: Path, max_pixels: int = MAX_PIXELS) -> LoadedImage:
    """A local image: a regular file, its size checked before it is read."""
    return decode_image(read_image_bytes(path), str(path), max_pixels)


def read_image_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise LoadError(f"{path}: image not found (or not a regular file)")
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise LoadError(f"{path}: image is larger than {MAX_IMAGE_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the image ({exc.strerror or exc})") from None


def decode_image(
    data: bytes, origin: str, max_pixels: int = MAX_PIXELS, max_side: int | None = None
) -> LoadedImage:
    """Bytes to an upright RGB or RGBA picture; its pixel count checked before decoding; at
    most `max_side` px on its longer side when given (a JPEG is then decoded at a reduced
    scale, which is much faster than decoding it whole)."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():  # the pixel count is checked below, against our cap
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            check_pixels(image.size, origin, max_pixels)
            if image.format in UNSAFE_FORMATS:
                raise LoadError(f"{origin}: {image.format} images are not read; use PNG or JPEG")
            if max_side:
                image.draft("RGB", (max_side, max_side))
            image.load()
            upright = ImageOps.exif_transpose(image)
            kind = str(image.format or "")
            has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
            converted = upright.convert("RGBA" if has_alpha else "RGB")
            if max_side:
                converted.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    except LoadError:
        raise
    except Image.DecompressionBombError:
        raise LoadError(f"{origin}: image has too many pixels (over {mega(max_pixels)})") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise LoadError(f"{origin}: not an image that can be read (PNG, JPEG, WebP, GIF)") from None
    return LoadedImage(origin, converted, kind)


def check_pixels(size: tuple[int, int], origin: str, max_pixels: int) -> None:
    width, height = size
    if width * height > max_pixels:
        raise LoadError(
            f"{origin}: image is {width}×{height} pixels, over the {mega(max_pixels)} limit"
        )


def mega(pixels: int) -> str:
    return f"{pixels / 1_000_000:g}-megapixel"


PHOTO_SIDE = 2160  # px: a 1080x1920 story's crop needs no more


def load_photo(
    src: str, page: Page, options: FetchOptions, fetch_images: bool, site: str | None = None
) -> LoadedImage:
    """The article's photo: from a fetched page, a URL fetched with the page rules; from a saved
    file, a relative path read inside the file's folder, or a web address (a URL, or a path from
    the site's root, "/images/x.jpg", against the article's own `site` URL) fetched only with
    `fetch_images`."""
    url = photo_url(src, page, site)
    if url is None:
        if not page.path:
            raise LoadError(f"the article's photo {src} has no folder to be found in")
        path = local_image_path(src, Path(page.path))
        return decode_image(read_image_bytes(path), str(path), MAX_PIXELS, PHOTO_SIDE)
    if not page.url and not fetch_images:
        raise LoadError(f"the article's photo is at {url}: pass --fetch-images to use it")
    return decode_image(fetch_image_bytes(url, options), url, MAX_PIXELS, PHOTO_SIDE)


def photo_url(src: str, page: Page, site: str | None) -> str | None:
    """The photo's web address, or None for a path beside a saved file."""
    if page.url:
        return urljoin(page.url, src)
    if src.startswith("//"):
        return "https:" + src
    if urlsplit(src).scheme in ("http", "https"):
        return src
    if src.startswith("/") and site and urlsplit(site).scheme in ("http", "https"):
        return urljoin(site, src)
    return None


def local_image_path(src: str, page_file: Path) -> Path:
    """A saved page's relative image path, inside the page's folder (no "../" out of it)."""
    parts = urlsplit(src)
    if parts.scheme and parts.scheme != "file":
        raise LoadError(f"the article's photo {src}: unsupported address")
    folder = page_file.resolve().parent
    path = (folder / unquote(parts.path).lstrip("/")).resolve()
    if not path.is_relative_to(folder):
        raise LoadError(f"the article's photo {src} is outside the article's folder: not read")
    return path
