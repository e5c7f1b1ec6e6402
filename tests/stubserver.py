"""A real HTTP server on 127.0.0.1 whose answers the test sets per path, and which logs every
request (method, path, headers, body) so tests can check the order and content of calls."""

from __future__ import annotations

import http.server
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow server


@dataclass(frozen=True)
class Call:
    method: str
    path: str  # with the query string
    headers: dict[str, str]
    body: bytes


Route = Reply | Callable[[Call], Reply]


@dataclass
class Stub:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    fallback: Route | None = None  # for paths no route names (e.g. ids made up on the way)

    def paths(self, method: str | None = None) -> list[str]:
        return [c.path for c in self.calls if method is None or c.method == method]

    def answer(self, call: Call) -> Reply:
        route = self.routes.get(call.path) or self.routes.get(call.path.split("?")[0])
        route = route or self.fallback
        if route is None:
            return Reply(b"not found", 404, {"Content-Type": "text/plain"})
        return route(call) if callable(route) else route


def make_handler(stub: Stub) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def handle_any(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(size) if size else b""
            call = Call(self.command, self.path, dict(self.headers.items()), body)
            stub.calls.append(call)
            reply = stub.answer(call)
            time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if self.command != "HEAD" and reply.status != 304:
                self.wfile.write(reply.body)

        do_GET = do_POST = do_HEAD = do_DELETE = handle_any

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class Server(http.server.ThreadingHTTPServer):
    """A threading server that takes a client hanging up mid-answer (a refused 404, a body too
    large to read) as normal: socketserver would print that to stderr, into the output a test
    checks is one `Error:` line."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve() -> Iterator[Stub]:
    stub = Stub()
    httpd = Server(("127.0.0.1", 0), make_handler(stub))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    stub.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield stub
    finally:
        httpd.shutdown()
        httpd.server_close()
