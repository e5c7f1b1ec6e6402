"""The review web app: Python's own threading HTTP server, Jinja pages, JSON for changes.

Safe by default: it listens on loopback only (another address needs `allow_remote` and a
password, asked by HTTP Basic auth); it answers only to its own Host names (no DNS rebinding);
every change needs the page's CSRF token in a header and a same-origin request; only folders
directly inside OUT and the images their post.json lists can be read.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import json
import mimetypes
import secrets
import sys
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pipeline.brand import resource_dir
from pipeline.models import ConfigError, RepurposeError
from pipeline.review.folders import NotFound, find_folder, image_path, open_folder
from pipeline.review.routes import Reply, handle_get, handle_post
from pipeline.write.paths import read_folder_file

MAX_BODY = 256 * 1024
STATIC = {"review.css": "text/css", "review.js": "text/javascript"}
# The page's own fonts, from the committed fonts/: the same text on every machine, Korean and
# Japanese included, with no font fetched from the internet.
FONTS = {
    "Inter-Regular.otf": "font/otf",
    "Inter-Bold.otf": "font/otf",
    "NanumSquareR.ttf": "font/ttf",
    "NanumSquareB.ttf": "font/ttf",
    "BIZUDGothic-Regular.ttf": "font/ttf",
}
CSP = (
    "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


@dataclass(frozen=True)
class ReviewApp:
    out: Path
    clock: Callable[[], datetime]
    password: str | None = None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    hosts: frozenset[str] = frozenset()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, allow_remote: bool, password_file: Path | None) -> str | None:
    """The password visitors must give (from the file, when one is named); an address other
    computers can reach needs --allow-remote and a password."""
    if not is_loopback(host) and (not allow_remote or password_file is None):
        raise ConfigError(
            f"--host {host} lets other computers open the review page: add --allow-remote and "
            "--password-file FILE (a file holding the password they must give)"
        )
    if password_file is None:
        return None
    try:
        password = password_file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"{password_file}: {exc.strerror or exc}") from None
    if len(password) < 12:
        raise ConfigError(f"{password_file}: the password must have at least 12 characters")
    return password


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host names a loopback page answers to (a page on another site that points its own
    name at 127.0.0.1 gets nothing). Empty for a remote page: colleagues reach it by names this
    machine cannot know, and its password keeps other sites out."""
    if not is_loopback(host):
        return frozenset()
    names = {host, "localhost", "127.0.0.1", "[::1]"}
    return frozenset(f"{name}:{port}" for name in names) | (names if port == 80 else set())


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_dir("templates") / "review")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )


def make_server(app: ReviewApp, host: str, port: int) -> ThreadingHTTPServer:
    app = ReviewApp(app.out, app.clock, app.password, app.token, allowed_hosts(host, port))

    class Handler(ReviewHandler):
        review = app

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    if port == 0:  # a free port was chosen: the Host names follow it
        Handler.review = ReviewApp(
            app.out, app.clock, app.password, app.token, allowed_hosts(host, server.server_port)
        )
    return server


class ReviewHandler(BaseHTTPRequestHandler):
    review: ReviewApp
    server_version = "repurpose-review"
    sys_version = ""
    timeout = 60  # a connection that sends nothing for a minute is closed, not kept forever

    def log_message(self, format: str, *args: Any) -> None:
        pass  # no request log on stderr: the terminal shows the address and errors only

    def do_GET(self) -> None:
        if self.refused():
            return
        path = urlsplit(self.path).path
        try:
            self.send_reply(self.get(unquote(path)))
        except NotFound as exc:
            self.send_reply(Reply.page_error(HTTPStatus.NOT_FOUND, str(exc)))
        except RepurposeError as exc:
            self.send_reply(Reply.page_error(HTTPStatus.BAD_REQUEST, str(exc)))
        except Exception as exc:  # a bug: one line here and on the page, the server goes on
            self.send_reply(Reply.page_error(HTTPStatus.INTERNAL_SERVER_ERROR, unexpected(exc)))

    def get(self, path: str) -> Reply:
        parts = [p for p in path.split("/") if p]
        if len(parts) == 2 and parts[0] == "static" and parts[1] in STATIC:
            data = (resource_dir("templates") / "review" / parts[1]).read_bytes()
            return Reply(HTTPStatus.OK, data, STATIC[parts[1]])
        if len(parts) == 3 and parts[:2] == ["static", "fonts"] and parts[2] in FONTS:
            data = (resource_dir("fonts") / parts[2]).read_bytes()
            reply = Reply(HTTPStatus.OK, data, FONTS[parts[2]])
            reply.headers["Cache-Control"] = "max-age=86400"
            return reply
        if len(parts) == 4 and parts[0] == "post" and parts[2] == "img":
            folder = open_folder(self.review.out, parts[1])
            data = read_folder_file(image_path(folder, parts[3]))
            return Reply(HTTPStatus.OK, data, mimetypes.guess_type(parts[3])[0] or "image/jpeg")
        query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
        return handle_get(self.review.out, parts, query, self.context(), self.review.clock)

    def do_POST(self) -> None:
        if self.refused() or self.forged():
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.send_reply(Reply.error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too much text"))
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            if not isinstance(body, dict) or not all(isinstance(v, str) for v in body.values()):
                raise ValueError
        except (ValueError, UnicodeDecodeError):
            self.send_reply(Reply.error(HTTPStatus.BAD_REQUEST, "the request was not understood"))
            return
        parts = [p for p in unquote(urlsplit(self.path).path).split("/") if p]
        if len(parts) != 3 or parts[0] != "post":
            self.send_reply(Reply.error(HTTPStatus.NOT_FOUND, "no such action"))
            return
        try:
            folder = find_folder(self.review.out, parts[1])
        except NotFound as exc:
            self.send_reply(Reply.error(HTTPStatus.NOT_FOUND, str(exc)))
            return
        try:
            reply = handle_post(folder, parts[2], body, self.review.clock)
        except Exception as exc:  # a bug: one line here and on the page, the server goes on
            reply = Reply.error(HTTPStatus.INTERNAL_SERVER_ERROR, unexpected(exc))
        self.send_reply(reply)

    def context(self) -> dict[str, Any]:
        return {"token": self.review.token, "env": environment()}

    def refused(self) -> bool:
        """A request for another Host name (DNS rebinding), or without the password."""
        hosts = self.review.hosts
        if hosts and self.headers.get("Host", "") not in hosts:
            self.send_reply(Reply.error(HTTPStatus.MISDIRECTED_REQUEST, "unknown host name"))
            return True
        if self.review.password is None or self.authorised():
            return False
        reply = Reply.error(HTTPStatus.UNAUTHORIZED, "give the review password")
        reply.headers["WWW-Authenticate"] = 'Basic realm="repurpose review", charset="UTF-8"'
        self.send_reply(reply)
        return True

    def authorised(self) -> bool:
        scheme, _, value = self.headers.get("Authorization", "").partition(" ")
        try:
            given = b64decode(value, validate=True).decode("utf-8").partition(":")[2]
        except ValueError:
            return False
        expected = self.review.password or ""
        return scheme == "Basic" and hmac.compare_digest(given.encode(), expected.encode())

    def forged(self) -> bool:
        """A change without this page's token, or sent from another site."""
        token = self.headers.get("X-CSRF-Token", "")
        origin = self.headers.get("Origin")
        same_origin = origin is None or urlsplit(origin).netloc == self.headers.get("Host")
        if hmac.compare_digest(token.encode(), self.review.token.encode()) and same_origin:
            return False
        message = "this change did not come from the review page: reload it and try again"
        self.send_reply(Reply.error(HTTPStatus.FORBIDDEN, message))
        return True

    def send_reply(self, reply: Reply) -> None:
        self.send_response(reply.status)
        headers = {
            "Content-Type": reply.content_type,
            "Content-Length": str(len(reply.body)),
            "Content-Security-Policy": CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-store",
            **reply.headers,
        }
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)


def unexpected(exc: Exception) -> str:
    message = f"unexpected {type(exc).__name__}: {exc} (nothing more was changed)"
    print(f"Error: {message}", file=sys.stderr, flush=True)
    return message


def serve_review(app: ReviewApp, host: str, port: int, ready: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; `ready` gets the page's address once it listens."""
    try:
        server = make_server(app, host, port)
    except OSError as exc:
        raise ConfigError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (try another --port)"
        ) from None
    shown = f"[{host}]" if ":" in host else host
    ready(f"http://{shown}:{server.server_port}/")
    with server, contextlib.suppress(KeyboardInterrupt):  # Ctrl-C stops it; changes are saved
        server.serve_forever()
