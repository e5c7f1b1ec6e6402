"""Part of stage 1, load: fetch a URL politely and safely.

Fetching: a User-Agent naming the tool, timeouts (10 s connect, 30 s read), at most 5
redirects, a 10 MB cap that also holds after gzip/deflate decompression, retries with
exponential backoff on 429 and 5xx (honouring Retry-After), HTML content types only, and
an on-disk cache revalidated with ETag/Last-Modified. Every address a URL (or a redirect)
resolves to must be public unless `allow_private` is set; this check resolves the name
itself, so DNS that changes between the check and the connection is not covered.
"""

from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import re
import socket
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import requests

from pipeline.load.decode import decode_html
from pipeline.load.options import MAX_BYTES as MAX_BYTES
from pipeline.load.options import TIMEOUT as TIMEOUT
from pipeline.load.options import USER_AGENT as USER_AGENT
from pipeline.load.options import FetchOptions as FetchOptions
from pipeline.load.options import default_cache_dir as default_cache_dir
from pipeline.models import LoadError, Page

T = TypeVar("T")

FETCH_DEADLINE = 60.0  # seconds for a whole body, however it trickles
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def fetch_url(url: str, options: FetchOptions) -> Page:
    cached = read_cache(options.cache_dir, url)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    if cached:
        headers.update(revalidation_headers(cached[0]))
    with requests.Session() as session:
        response = request_with_retries(session, url, headers, options)
        with response:
            if response.status_code == 304 and cached:
                return page_from_cache(url, *cached)
            check_response(url, response)
            body = read_body(url, response, options.max_bytes)
    if not body.strip():
        raise LoadError(f"{url}: the server sent an empty page")
    charset = response_charset(response)
    text, encoding = decode_html(body, charset)
    write_cache(options.cache_dir, url, response, body, charset)
    return Page(
        origin=url,
        text=text,
        kind="html",
        url=response.url,
        encoding=encoding,
        characters_cleaned=True,
    )


def page_from_cache(url: str, meta: dict[str, str], body: bytes) -> Page:
    """The cached copy, after the server answered 304 Not Modified."""
    text, encoding = decode_html(body, meta.get("charset"))
    final = meta.get("final_url") or url
    return Page(
        origin=url,
        text=text,
        kind="html",
        url=final,
        encoding=encoding,
        from_cache=True,
        characters_cleaned=True,
    )


def request_with_retries(
    session: requests.Session, url: str, headers: dict[str, str], options: FetchOptions
) -> requests.Response:
    """GET with redirects followed by hand (each hop checked), retrying on 429 and 5xx."""
    response, _ = with_retries(
        url, options, lambda: (follow_redirects(session, url, headers, options), None)
    )
    return response


def with_retries(
    url: str, options: FetchOptions, send: Callable[[], tuple[requests.Response, T]]
) -> tuple[requests.Response, T]:
    """`send` again on 429 and 5xx, after Retry-After or a doubling backoff; a wait longer than
    `options.max_wait` is reported instead of waited for. `send` returns the response and
    whatever else its caller needs from the request (for a feed, where it moved to)."""
    for attempt in range(options.retries + 1):
        response, extra = send()
        if response.status_code not in RETRY_STATUSES or attempt == options.retries:
            return response, extra
        wait = retry_after(response) or options.backoff * 2**attempt
        response.close()
        if wait > options.max_wait:
            raise LoadError(
                f"{url}: server answered HTTP {response.status_code} and asks to retry in "
                f"{wait:.0f} s; try again later"
            )
        options.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


def follow_redirects(
    session: requests.Session, url: str, headers: dict[str, str], options: FetchOptions
) -> requests.Response:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_address(current, options.allow_private)
        try:
            response = session.get(
                current,
                headers=headers,
                timeout=options.timeout,
                stream=True,
                allow_redirects=False,
            )
        except requests.Timeout:
            raise LoadError(
                f"{url}: timed out (no answer within {options.timeout[1]:g} s)"
            ) from None
        except requests.RequestException as exc:
            raise LoadError(f"{url}: could not fetch ({describe_error(exc)})") from None
        if not response.is_redirect:
            return response
        location = urljoin(current, response.headers.get("location", ""))
        response.close()
        if urlsplit(location).scheme not in ("http", "https"):
            raise LoadError(f"{url}: redirects to an unsupported address ({location})")
        current = location
    raise LoadError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")


def describe_error(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.ConnectionError):
        return "connection failed"
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return "invalid URL"
    return type(exc).__name__


def check_address(url: str, allow_private: bool) -> None:
    """Refuse hosts that resolve to any private, loopback, link-local or reserved address."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise LoadError(f"{url}: no host name in the URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise LoadError(f"{url}: cannot resolve host {host}") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        mapped = getattr(address, "ipv4_mapped", None)
        if not (mapped or address).is_global:
            raise LoadError(
                f"{url}: {host} is a private or loopback address ({address}); "
                "pass --allow-private to fetch it"
            )


def retry_after(response: requests.Response) -> float | None:
    """Seconds asked for by a Retry-After header (seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def check_response(url: str, response: requests.Response) -> None:
    if response.status_code >= 400:
        raise LoadError(f"{url}: server answered HTTP {response.status_code}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind not in HTML_TYPES:
        raise LoadError(
            f"{url}: not an HTML page (content type {kind}); give a web page, .html or .md file"
        )


def read_body(url: str, response: requests.Response, limit: int) -> bytes:
    """The body, decompressed by hand so that the size cap holds after decompression."""
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise LoadError(f"{url}: page is larger than {limit // 2**20} MB")
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    decompressor = make_decompressor(url, coding)
    parts: list[bytes] = []
    size = 0
    for chunk in stream_raw(url, response):
        data = decompress(url, coding, decompressor, chunk, limit + 1 - size)
        size += len(data)
        if size > limit or (decompressor and decompressor.unconsumed_tail):
            suffix = " after decompression" if decompressor else ""
            raise LoadError(f"{url}: page is larger than {limit // 2**20} MB{suffix}")
        parts.append(data)
    return b"".join(parts)


def decompress(url: str, coding: str, decompressor: Any, chunk: bytes, room: int) -> bytes:
    if decompressor is None:
        return chunk
    try:
        return decompressor.decompress(chunk, room)  # type: ignore[no-any-return]
    except zlib.error:
        raise LoadError(f"{url}: the server sent a corrupt {coding} body") from None


def make_decompressor(url: str, coding: str) -> Any:
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return zlib.decompressobj()
    if coding in ("identity", ""):
        return None
    raise LoadError(f"{url}: unsupported content encoding {coding!r}")


def stream_raw(url: str, response: requests.Response) -> Iterator[bytes]:
    """The raw body as it arrives, one receive at a time, within FETCH_DEADLINE seconds for the
    whole body: a server that drips one byte every few seconds never keeps a fetch alive."""
    deadline = time.monotonic() + FETCH_DEADLINE
    try:
        while chunk := response.raw.read1(65536, decode_content=False):
            yield chunk
            if time.monotonic() > deadline:
                raise LoadError(
                    f"{url}: the page took over {FETCH_DEADLINE:.0f} s to arrive: try again later"
                )
    except LoadError:
        raise
    except zlib.error:
        raise LoadError(f"{url}: the page's compressed data is corrupt") from None
    except Exception as exc:  # urllib3 read timeouts and protocol errors
        raise LoadError(
            f"{url}: the connection failed while reading ({type(exc).__name__})"
        ) from None


def response_charset(response: requests.Response) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", response.headers.get("content-type", ""), re.I)
    return match.group(1) if match else None


def cache_paths(cache_dir: Path, url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
    return cache_dir / f"{key}.json", cache_dir / f"{key}.body"


def read_cache(cache_dir: Path | None, url: str) -> tuple[dict[str, str], bytes] | None:
    if cache_dir is None:
        return None
    meta_path, body_path = cache_paths(cache_dir, url)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
    except (OSError, ValueError):
        return None
    return (meta, body) if isinstance(meta, dict) and meta.get("url") == url else None


def revalidation_headers(meta: dict[str, str]) -> dict[str, str]:
    headers = {}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    return headers


def write_cache(
    cache_dir: Path | None, url: str, response: requests.Response, body: bytes, charset: str | None
) -> None:
    """Keep a page that can be revalidated; a cache that cannot be written is skipped."""
    etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
    if cache_dir is None or not (etag or modified):
        return
    meta = {
        "url": url,
        "final_url": response.url,
        "etag": etag or "",
        "last_modified": modified or "",
        "charset": charset or "",
    }
    meta_path, body_path = cache_paths(cache_dir, url)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for path, data in ((body_path, body), (meta_path, json.dumps(meta).encode("utf-8"))):
            temp = path.with_suffix(path.suffix + ".tmp")
            temp.write_bytes(data)
            temp.replace(path)
    except OSError:
        return
