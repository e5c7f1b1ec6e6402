"""Postiz's public API: each image uploaded (`POST /upload`), then the post created with the
returned paths (`POST /posts`). The caption goes as HTML paragraphs, so "&" and "<" reach
Instagram as written; its length is counted in UTF-16 units, as Postiz counts; at most
30 requests an hour, Postiz's public limit."""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.models import PublishError
from pipeline.publish.api import ApiError, JsonApi

POSTIZ_API = "https://api.postiz.com/public/v1"
HOURLY_REQUESTS = 30
MAX_CAPTION_UTF16 = 2200


def utf16_length(text: str) -> int:
    """Length as JavaScript counts it: characters outside the BMP (emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2


def html_paragraphs(text: str) -> str:
    """One <p> per line, the text escaped once, so Postiz's HTML-to-text gives it back."""
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in text.split("\n"))


@dataclass
class RateLimit:
    """Requests in the last hour of this run; one more than allowed is refused, not sent."""

    per_hour: int = HOURLY_REQUESTS
    clock: Callable[[], float] = field(default=time.monotonic)
    sent: list[float] = field(default_factory=list)

    def take(self, count: int = 1) -> None:
        now = self.clock()
        self.sent = [t for t in self.sent if now - t < 3600]
        if len(self.sent) + count > self.per_hour:
            raise PublishError(
                f"Postiz allows {self.per_hour} API requests an hour: the rest is left for the "
                "next run"
            )
        self.sent += [now] * count


@dataclass
class Postiz:
    api: JsonApi
    integration: str
    limit: RateLimit = field(default_factory=RateLimit)

    def publish(self, files: Sequence[Path], alts: Sequence[str], caption: str, kind: str) -> str:
        """Upload the images, create the post now; Postiz's post id."""
        if utf16_length(caption) > MAX_CAPTION_UTF16:
            raise PublishError(
                f"the caption is {utf16_length(caption):,} UTF-16 units long; Postiz and "
                f"Instagram take {MAX_CAPTION_UTF16:,}"
            )
        self.limit.take(len(files) + 1)  # all of it fits, or nothing is sent
        images = [self.upload(path, alt) for path, alt in zip(files, alts, strict=True)]
        body = post_body(self.integration, html_paragraphs(caption), images, kind)
        created = self.call("POST", "posts", json=body)
        first = created[0] if isinstance(created, list) and created else created
        return str(first.get("postId") or first.get("id") or "")

    def upload(self, path: Path, alt: str) -> dict[str, str]:
        with path.open("rb") as handle:
            found = self.call("POST", "upload", files={"file": (path.name, handle, "image/jpeg")})
        return {"id": str(found.get("id") or ""), "path": str(found.get("path") or ""), "alt": alt}

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            answer = self.api.call(method, path, **kwargs)
        except ApiError as exc:
            if exc.status == 429:
                raise PublishError("Postiz refused: too many requests (429); try later") from None
            message = self.api.scrub(str(exc.body.get("message") or exc.body))[:200]
            raise PublishError(f"Postiz refused {path} (HTTP {exc.status}): {message}") from None
        return answer.get("data", answer) if set(answer) == {"data"} else answer


def post_body(
    integration: str, content: str, images: list[dict[str, str]], kind: str
) -> dict[str, Any]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    post_type = "story" if kind == "story" else "post"
    return {
        "type": "now",
        "date": now,
        "shortLink": False,
        "tags": [],
        "posts": [
            {
                "integration": {"id": integration},
                "value": [{"content": content, "image": images}],
                "settings": {"__type": "instagram", "post_type": post_type, "collaborators": []},
            }
        ],
    }
