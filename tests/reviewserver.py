"""A real `repurpose review` process on 127.0.0.1 (a free port), and plain HTTP requests to it."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> dict[str, Any]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data


@dataclass
class Review:
    url: str
    port: int
    process: subprocess.Popen[str]

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        reply = Reply(response.status, response.read(), dict(response.getheaders()))
        connection.close()
        return reply

    def get(self, path: str, **headers: str) -> Reply:
        return self.request("GET", path, headers=headers)

    def page_state(self, slug: str) -> tuple[str, str]:
        """The CSRF token and the post's version, as the page carries them."""
        html = self.get(f"/post/{slug}").text
        token = re.search(r'name="csrf-token" content="([^"]+)"', html)
        version = re.search(r'data-version="([^"]+)"', html)
        assert token and version, html[:500]
        return token.group(1), version.group(1)

    def act(self, slug: str, action: str, **fields: str) -> Reply:
        """A change as the page sends it: its token, and the version it shows (unless given)."""
        token, version = self.page_state(slug)
        body = json.dumps({"version": version, **fields}).encode("utf-8")
        headers = {"X-CSRF-Token": token, "Content-Type": "application/json"}
        return self.request("POST", f"/post/{slug}/{action}", body, headers)


@contextmanager
def review_server(out: Path, *extra: str) -> Iterator[Review]:
    command = [sys.executable, "-m", "pipeline", "review", str(out), "--port", "0", *extra]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + process.stderr.read()
        yield Review(match.group(0), int(match.group(1)), process)
    finally:
        process.terminate()
        process.wait(timeout=30)
