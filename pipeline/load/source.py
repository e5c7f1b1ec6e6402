"""Stage 1, load: read a saved HTML/Markdown file, or fetch a URL politely and safely.

The public face is `load_source` and `FetchOptions`; the work is in `fetch.py` (URLs),
`files.py` (files) and `decode.py` (bytes to text).
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.load.decode import decode_html
from pipeline.load.files import ARTICLE_SUFFIXES, read_file
from pipeline.load.options import FetchOptions, default_cache_dir
from pipeline.models import LoadError, Page

__all__ = [
    "ARTICLE_SUFFIXES",
    "FetchOptions",
    "decode_html",
    "default_cache_dir",
    "is_url",
    "load_source",
    "read_file",
    "url_scheme",
]

URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def is_url(source: str) -> bool:
    """http:// or https://, in any case ("HTTP://" too, as browsers read it)."""
    return source[:8].lower().startswith(("http://", "https://"))


def url_scheme(source: str) -> str | None:
    """The scheme of anything written like a URL ("ftp" for ftp://host/x), else None."""
    match = URL_SCHEME.match(source)
    return match.group(1).lower() if match else None


def load_source(
    source: str, *, allow_private: bool = False, options: FetchOptions | None = None
) -> Page:
    """Load one SOURCE given on the command line: a URL or a file path."""
    if is_url(source):
        from pipeline.load.fetch import fetch_url  # requests, only for URLs

        return fetch_url(source, options or FetchOptions(allow_private=allow_private))
    scheme = url_scheme(source)
    if scheme is not None:
        raise LoadError(f"{source}: unsupported URL scheme {scheme!r} (use http or https)")
    return read_file(Path(source))
