"""How URLs are fetched: the options every command shares. Light on purpose: a run over saved
files imports this, and `requests` only when it meets a URL (see `fetch.py`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.usercache import cache_root

USER_AGENT = (
    f"repurpose/{__version__} (+https://github.com/repurpose/repurpose; article to Instagram)"
)
TIMEOUT = (10.0, 30.0)  # connect, read seconds
MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FetchOptions:
    """How URLs are fetched. Tests inject short timeouts, a tiny backoff and a temp cache."""

    allow_private: bool = False
    cache_dir: Path | None = None  # None: no cache
    timeout: tuple[float, float] = TIMEOUT
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_wait: float = 60.0  # a longer Retry-After is reported instead of waited for
    max_bytes: int = MAX_BYTES
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/repurpose/http, or ~/.cache/repurpose/http."""
    return cache_root() / "http"
