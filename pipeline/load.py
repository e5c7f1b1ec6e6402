"""Stage 1, load: read a saved HTML/Markdown file, or fetch a URL politely and safely."""

from __future__ import annotations

import zlib
from pathlib import Path

import requests

from pipeline import __version__
from pipeline.models import LoadError, Page

USER_AGENT = (
    f"repurpose/{__version__} (+https://github.com/repurpose/repurpose; article to Instagram)"
)
TIMEOUT = (10, 30)  # connect, read seconds
MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def load_source(source: str, *, allow_private: bool = False) -> Page:
    """Load one SOURCE given on the command line: a URL or a file path."""
    if is_url(source):
        return fetch_url(source, allow_private=allow_private)
    return read_file(Path(source))


def read_file(path: Path) -> Page:
    name = path.name.lower()
    if not name.endswith(HTML_SUFFIXES + MARKDOWN_SUFFIXES):
        raise LoadError(f"{path}: unsupported file type (use .html, .htm, .html.gz or .md)")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read ({exc.strerror})") from None
    if name.endswith(".gz"):
        raw = gunzip_capped(raw, str(path))
    if len(raw) > MAX_BYTES:
        raise LoadError(f"{path}: file is larger than {MAX_BYTES // 2**20} MB")
    text = raw.decode("utf-8-sig", errors="replace")
    if name.endswith(MARKDOWN_SUFFIXES):
        return Page(origin=str(path), text=text, kind="markdown", path=str(path))
    return Page(origin=str(path), text=text, kind="html", path=str(path))


def gunzip_capped(raw: bytes, origin: str) -> bytes:
    """Decompress gzip data, refusing more than MAX_BYTES of output (a gzip bomb)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(raw, MAX_BYTES + 1)
    except zlib.error:
        raise LoadError(f"{origin}: not valid gzip data") from None
    if len(out) > MAX_BYTES:
        raise LoadError(f"{origin}: decompresses to more than {MAX_BYTES // 2**20} MB")
    return out


def fetch_url(url: str, *, allow_private: bool = False) -> Page:
    try:
        response = requests.get(
            url, timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}, stream=True
        )
    except requests.RequestException as exc:
        raise LoadError(f"{url}: could not fetch ({type(exc).__name__})") from None
    with response:
        if response.status_code >= 400:
            raise LoadError(f"{url}: server answered HTTP {response.status_code}")
        body = b"".join(response.iter_content(65536))
    if len(body) > MAX_BYTES:
        raise LoadError(f"{url}: page is larger than {MAX_BYTES // 2**20} MB")
    text = body.decode(response.encoding or "utf-8", errors="replace")
    return Page(origin=url, text=text, kind="html", url=response.url)
