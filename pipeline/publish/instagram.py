"""The Instagram Graph API content publishing flow: item containers (with `is_carousel_item`
and `alt_text`), a CAROUSEL container with the caption and the children in order, or one image
container, or a STORIES container; each container polled until FINISHED; then media_publish.
The quota is read from content_publishing_limit first. Meta's error subcodes become one line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.models import PublishError
from pipeline.publish.api import ApiError, JsonApi

GRAPH_API = "https://graph.facebook.com/v21.0"
POLL_SECONDS = 5.0
POLL_TRIES = 60
SUBCODES = {
    2207004: "an image is larger than 8 MB",
    2207005: "an image is not in a format Instagram takes (JPEG)",
    2207009: "an image's aspect ratio is outside 4:5 to 1.91:1",
    2207010: "the caption is too long (2,200 characters at most)",
    2207042: "the account reached its publishing limit for 24 hours: try again tomorrow",
    2207052: "Instagram could not fetch an image from its URL: is it public?",
}
RATE_CODES = frozenset({4, 17, 32, 613})


@dataclass(frozen=True)
class Image:
    url: str
    alt_text: str


@dataclass
class Instagram:
    api: JsonApi
    account: str

    def remaining(self) -> int:
        """Posts still allowed in the rolling 24 hours (content_publishing_limit)."""
        data = self.call("GET", f"{self.account}/content_publishing_limit",
                         params={"fields": "quota_usage,config"})  # fmt: skip
        entry = (data.get("data") or [{}])[0]
        total = int((entry.get("config") or {}).get("quota_total") or 0)
        return max(total - int(entry.get("quota_usage") or 0), 0)

    def publish(self, kind: str, images: Sequence[Image], caption: str) -> str:
        """Create the containers, wait for each, publish; the new media's id."""
        if kind == "story":
            creation = self.container({"image_url": images[0].url, "media_type": "STORIES"})
        elif len(images) == 1:
            single = {
                "image_url": images[0].url,
                "caption": caption,
                "alt_text": images[0].alt_text,
            }
            creation = self.container(single)
        else:
            children = [self.item(image) for image in images]
            carousel = {
                "media_type": "CAROUSEL",
                "children": ",".join(children),
                "caption": caption,
            }
            creation = self.container(carousel)
        done = self.call("POST", f"{self.account}/media_publish", data={"creation_id": creation})
        return str(done["id"])

    def item(self, image: Image) -> str:
        fields = {"image_url": image.url, "is_carousel_item": "true", "alt_text": image.alt_text}
        return self.container(fields)

    def container(self, fields: dict[str, str]) -> str:
        created = self.call("POST", f"{self.account}/media", data=fields)
        container = str(created["id"])
        self.wait(container)
        return container

    def wait(self, container: str) -> None:
        for _ in range(POLL_TRIES):
            status = self.call("GET", container, params={"fields": "status_code"})
            code = str(status.get("status_code") or "")
            if code in ("FINISHED", "PUBLISHED"):
                return
            if code in ("ERROR", "EXPIRED"):
                raise PublishError(f"Instagram could not prepare container {container} ({code})")
            self.api.sleep(POLL_SECONDS)
        raise PublishError(f"container {container} was not ready after {POLL_TRIES} checks")

    def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            return self.api.call(method, path, **kwargs)
        except ApiError as exc:
            raise PublishError(graph_error(exc, self.api)) from None


def graph_error(exc: ApiError, api: JsonApi) -> str:
    """Meta's error as one line: the known subcodes in plain words."""
    found = exc.body.get("error")
    error: dict[str, Any] = found if isinstance(found, dict) else {}
    subcode, code = error.get("error_subcode"), error.get("code")
    if subcode in SUBCODES:
        return f"Instagram refused: {SUBCODES[subcode]} (subcode {subcode})"
    if code in RATE_CODES:
        return f"Instagram refused: too many calls, rate limited (code {code}); try again later"
    if code == 190:
        return (
            "Instagram refused the access token (expired or revoked): "
            "set a new one in INSTAGRAM_ACCESS_TOKEN"
        )
    message = api.scrub(str(error.get("message") or exc.body)).splitlines()[0][:200]
    return f"Instagram refused (HTTP {exc.status}, code {code}): {message}"
