"""Part of stage 1, load: fetch any resource (a feed, a sitemap, JSON) or check an image URL.

The same safety as pages (`fetch.py`): the User-Agent, timeouts, private addresses refused at
every hop, at most 5 redirects, a size cap after decompression, retries on 429 and 5xx. What
differs: any content type is returned as bytes, the caller passes its own ETag/Last-Modified
(it keeps them itself, e.g. in the watch state) and learns about a 304, and a permanent
redirect (301, 308) is reported so the caller can remember the new address.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from pipeline.load.fetch import (
    MAX_REDIRECTS,
    USER_AGENT,
    FetchOptions,
    check_address,
    describe_error,
    read_body,
    with_retries,
)
from pipeline.models import LoadError

PERMANENT = frozenset({301, 308})


@dataclass(frozen=True)
class Validators:
    """What a server said about a resource, sent back to ask "changed since?"."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Resource:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200, or 304 when the validators still hold (then `body` is empty)
    body: bytes
    content_type: str  # lower case, without parameters
    validators: Validators
    moved_to: str | None = None  # where a permanent redirect (301/308) points

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch_resource(
    url: str,
    options: FetchOptions,
    validators: Validators | None = None,
    accept: str = "*/*",
) -> Resource:
    """GET `url` politely and safely; a 304 when `validators` still hold; errors as LoadError."""
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    with requests.Session() as session:
        response, moved = request_resource(session, "GET", url, headers, options)
        with response:
            if response.status_code == 304:
                return resource_of(url, response, b"", moved)
            if response.status_code >= 400:
                raise LoadError(f"{url}: server answered HTTP {response.status_code}")
            body = read_body(url, response, options.max_bytes)
    return resource_of(url, response, body, moved)


def resource_of(url: str, response: requests.Response, body: bytes, moved: str | None) -> Resource:
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    found = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
    return Resource(url, response.url, response.status_code, body, kind, found, moved)


@dataclass(frozen=True)
class HeadResult:
    url: str
    status: int
    content_type: str
    length: int | None  # Content-Length, when the server gives it


def head_resource(url: str, options: FetchOptions) -> HeadResult:
    """HEAD `url` (redirects followed and checked): what a server would give a downloader."""
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    with requests.Session() as session:
        response, _ = request_resource(session, "HEAD", url, headers, options)
        with response:
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            length = response.headers.get("content-length", "")
            size = int(length) if length.isdigit() else None
            return HeadResult(url, response.status_code, kind, size)


def request_resource(
    session: requests.Session, method: str, url: str, headers: dict[str, str], options: FetchOptions
) -> tuple[requests.Response, str | None]:
    """The response after redirects, retrying on 429 and 5xx; and where a permanent redirect
    of the first hop points."""
    return with_retries(url, options, lambda: follow(session, method, url, headers, options))


def follow(
    session: requests.Session, method: str, url: str, headers: dict[str, str], options: FetchOptions
) -> tuple[requests.Response, str | None]:
    current, moved = url, None
    for hop in range(MAX_REDIRECTS + 1):
        check_address(current, options.allow_private)
        response = send(session, method, current, url, headers, options)
        if not response.is_redirect:
            return response, moved
        location = urljoin(current, response.headers.get("location", ""))
        response.close()
        if urlsplit(location).scheme not in ("http", "https"):
            raise LoadError(f"{url}: redirects to an unsupported address ({location})")
        if hop == 0 and response.status_code in PERMANENT:
            moved = location
        current = location
    raise LoadError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")


def send(
    session: requests.Session,
    method: str,
    current: str,
    url: str,
    headers: dict[str, str],
    options: FetchOptions,
) -> requests.Response:
    try:
        return session.request(
            method,
            current,
            headers=headers,
            timeout=options.timeout,
            stream=True,
            allow_redirects=False,
        )
    except requests.Timeout:
        raise LoadError(f"{url}: timed out (no answer within {options.timeout[1]:g} s)") from None
    except requests.RequestException as exc:
        raise LoadError(f"{url}: could not fetch ({describe_error(exc)})") from None
