"""One JSON API session: the token in a header (never in a URL, a message or a file), the
address checked like any fetch (private ones only with --allow-private), timeouts, and errors
turned into one line."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests

from pipeline.load.fetch import USER_AGENT, check_address
from pipeline.models import LoadError, PublishError

TIMEOUT = (10.0, 60.0)


@dataclass
class ApiError(Exception):
    status: int
    body: dict[str, Any]


@dataclass
class JsonApi:
    base: str
    auth: Mapping[str, str]  # the header that carries the token
    secret: str  # scrubbed from anything shown
    allow_private: bool = False
    timeout: tuple[float, float] = TIMEOUT
    sleep: Callable[[float], None] = field(default=time.sleep)

    def url(self, path: str) -> str:
        return f"{self.base.rstrip('/')}/{path.lstrip('/')}"

    def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        url = self.url(path)
        try:
            check_address(url, self.allow_private)
        except LoadError as exc:
            raise PublishError(self.scrub(str(exc))) from None
        headers = {"User-Agent": USER_AGENT, **self.auth}
        try:
            response = requests.request(
                method, url, headers=headers, timeout=self.timeout, **kwargs
            )
        except requests.RequestException as exc:
            raise PublishError(f"{self.base}: no answer ({type(exc).__name__})") from None
        body = parse_body(response)
        if response.status_code >= 400:
            raise ApiError(response.status_code, body)
        return body

    def scrub(self, text: str) -> str:
        return text.replace(self.secret, "[token]") if self.secret else text


def parse_body(response: requests.Response) -> dict[str, Any]:
    try:
        data = json.loads(response.content or b"{}")
    except ValueError:
        return {"raw": response.text[:200]}
    return data if isinstance(data, dict) else {"data": data}
