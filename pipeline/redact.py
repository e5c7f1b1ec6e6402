"""Credentials in URLs (`https://user:password@host/…`) are never written to an output or a
log: the URL is recorded and printed without them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s@]*@")


def strip_credentials(url: str) -> str:
    """The URL without `user:password@`; anything that is not such a URL stays as it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return USERINFO.sub(r"\1", url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def redact_text(text: str) -> str:
    """Every URL in a message without its credentials."""
    return USERINFO.sub(r"\1", text)
