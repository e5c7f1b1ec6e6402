"""load: local files, and URL fetching against a real HTTP server on 127.0.0.1.

Every bad answer must become one clear LoadError / `Error: ...` line, never a traceback or a
hang. Waits are kept tiny by injecting a short timeout, a tiny backoff and a fake sleep.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.load import fetch
from pipeline.load.source import (
    FetchOptions,
    decode_html,
    default_cache_dir,
    load_source,
    read_file,
)
from pipeline.models import LoadError
from tests.stubserver import Server as QuietServer

DATA = Path(__file__).parent / "data" / "extract"
ARTICLE = (DATA / "article.html").read_bytes()
MB = 1024 * 1024


@dataclass
class Reply:
    status: int = 200
    body: bytes = ARTICLE
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    chunks: Callable[[], Iterator[bytes]] | None = None  # streamed without Content-Length
    delay: float = 0.0


@dataclass
class Server:
    base: str
    routes: dict[str, Callable[[BaseHTTPRequestHandler], Reply]]
    seen: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path


def make_handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.seen.append((self.path, dict(self.headers)))
            route = server.routes.get(self.path)
            reply = route(self) if route else Reply(404, b"not found")
            time.sleep(reply.delay)
            # the client hangs up early on oversized bodies, as it should
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_reply(reply)

        def send_reply(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.chunks is None:
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
                return
            self.send_header("Connection", "close")
            self.end_headers()
            for chunk in reply.chunks():
                self.wfile.write(chunk)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for name in ("http_proxy", "https_proxy", "all_proxy"):  # reach 127.0.0.1 directly
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    state = Server("", {}, [])
    httpd = QuietServer(("127.0.0.1", 0), make_handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def options(tmp_path: Path, sleeps: list[float] | None = None, **changes: object) -> FetchOptions:
    """Fast options for tests: private addresses allowed, tiny waits recorded, a temp cache."""
    base: dict[str, object] = {
        "allow_private": True,
        "cache_dir": tmp_path / "cache",
        "timeout": (2.0, 2.0),
        "backoff": 0.001,
        "sleep": (sleeps if sleeps is not None else []).append,
    }
    base.update(changes)
    return FetchOptions(**base)  # type: ignore[arg-type]


def fixed(reply: Reply) -> Callable[[BaseHTTPRequestHandler], Reply]:
    return lambda _request: reply


def sequence(*replies: Reply) -> Callable[[BaseHTTPRequestHandler], Reply]:
    """Answer with each reply in turn, then keep repeating the last one."""
    queue = list(replies)
    return lambda _request: queue.pop(0) if len(queue) > 1 else queue[0]


def zeros(total: int) -> Callable[[], Iterator[bytes]]:
    return lambda: (b"<p>" + b"a" * (MB - 3) for _ in range(total // MB))


def gzip_bomb() -> bytes:
    """About 30 KB of gzip that inflates to 30 MB of HTML."""
    return gzip.compress(b"<html><body>" + b" " * (30 * MB), compresslevel=9)


# --- bad answers: one clear error each ------------------------------------------------------

BAD_ANSWERS = [
    ("/missing", None, "server answered HTTP 404"),
    ("/loop", Reply(302, b"", {"Location": "/loop"}), "more than 5 redirects"),
    (
        "/huge",
        Reply(headers={"Content-Type": "text/html"}, chunks=zeros(50 * MB)),
        "larger than 10 MB",
    ),
    (
        "/huge-declared",
        Reply(body=b"x" * (11 * MB)),
        "larger than 10 MB",
    ),
    (
        "/bomb",
        Reply(body=gzip_bomb(), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "larger than 10 MB after decompression",
    ),
    (
        "/paper.pdf",
        Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}),
        "not an HTML page (content type application/pdf)",
    ),
    (
        "/photo",
        Reply(body=b"\x89PNG\r\n", headers={"Content-Type": "image/png"}),
        "not an HTML page (content type image/png)",
    ),
    ("/empty", Reply(body=b""), "the server sent an empty page"),
    (
        "/login",
        Reply(body=(DATA / "login.html").read_bytes()),
        "no article text found",
    ),
]


@pytest.mark.parametrize(("path", "reply", "message"), BAD_ANSWERS, ids=lambda v: str(v)[:20])
def test_bad_answer_is_one_error_line(
    path: str,
    reply: Reply | None,
    message: str,
    server: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if reply is not None:
        server.routes[path] = fixed(reply)
    argv = ["extract", server.url(path), "--allow-private", "--cache-dir", str(tmp_path)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert message in lines[0]


def test_server_error_is_retried_then_reported(server: Server, tmp_path: Path) -> None:
    server.routes["/down"] = fixed(Reply(500, b"oops"))
    sleeps: list[float] = []
    with pytest.raises(LoadError, match="server answered HTTP 500"):
        load_source(server.url("/down"), options=options(tmp_path, sleeps, retries=2))
    assert [p for p, _ in server.seen] == ["/down"] * 3
    assert sleeps == [0.001, 0.002]


def test_timeout_is_one_error(server: Server, tmp_path: Path) -> None:
    server.routes["/slow"] = fixed(Reply(delay=1.0))
    with pytest.raises(LoadError, match="timed out"):
        load_source(server.url("/slow"), options=options(tmp_path, timeout=(1.0, 0.2)))


def test_retry_after_is_honoured(server: Server, tmp_path: Path) -> None:
    busy = Reply(429, b"slow down", {"Retry-After": "3"})
    server.routes["/busy"] = sequence(busy, Reply(503, b"", {}), Reply())
    sleeps: list[float] = []
    page = load_source(server.url("/busy"), options=options(tmp_path, sleeps))
    assert "Stretching and Mobility" in page.text
    # 3 s from Retry-After first, then the backoff (base 0.001 doubled once) for the 503
    assert sleeps == [3.0, 0.002]


def test_long_retry_after_is_reported_not_waited(server: Server, tmp_path: Path) -> None:
    server.routes["/later"] = fixed(Reply(503, b"", {"Retry-After": "3600"}))
    with pytest.raises(LoadError, match="HTTP 503 and asks to retry in 3600 s"):
        load_source(server.url("/later"), options=options(tmp_path))


def test_cache_is_revalidated_with_etag(server: Server, tmp_path: Path) -> None:
    def answer(request: BaseHTTPRequestHandler) -> Reply:
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(headers={"Content-Type": "text/html", "ETag": '"v1"'})

    server.routes["/cached"] = answer
    first = load_source(server.url("/cached"), options=options(tmp_path))
    second = load_source(server.url("/cached"), options=options(tmp_path))
    assert not first.from_cache and second.from_cache
    assert second.text == first.text
    assert server.seen[1][1].get("If-None-Match") == '"v1"'


def test_cache_uses_last_modified_and_can_be_disabled(server: Server, tmp_path: Path) -> None:
    stamp = "Wed, 21 Oct 2015 07:28:00 GMT"

    def answer(request: BaseHTTPRequestHandler) -> Reply:
        if request.headers.get("If-Modified-Since") == stamp:
            return Reply(304, b"", {})
        return Reply(headers={"Content-Type": "text/html", "Last-Modified": stamp})

    server.routes["/dated"] = answer
    load_source(server.url("/dated"), options=options(tmp_path))
    assert load_source(server.url("/dated"), options=options(tmp_path)).from_cache
    uncached = load_source(server.url("/dated"), options=options(tmp_path, cache_dir=None))
    assert not uncached.from_cache
    assert "If-Modified-Since" not in server.seen[2][1]


def test_user_agent_names_the_tool(server: Server, tmp_path: Path) -> None:
    server.routes["/ua"] = fixed(Reply())
    load_source(server.url("/ua"), options=options(tmp_path))
    assert server.seen[0][1]["User-Agent"].startswith("repurpose/")


def test_redirects_are_followed_and_each_hop_checked(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/old"] = fixed(Reply(301, b"", {"Location": "/new"}))
    server.routes["/new"] = fixed(Reply())
    checked: list[str] = []
    monkeypatch.setattr(fetch, "check_address", lambda url, _allow: checked.append(url))
    page = load_source(server.url("/old"), options=options(tmp_path))
    assert page.url == server.url("/new")
    assert checked == [server.url("/old"), server.url("/new")]


# --- private addresses ------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "10.1.2.3", "169.254.169.254"])
def test_private_addresses_are_refused(host: str, tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"private or loopback address.*--allow-private"):
        load_source(f"http://{host}/post", options=FetchOptions(cache_dir=tmp_path))


def test_cli_refuses_local_server_without_allow_private(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/post"] = fixed(Reply())
    assert main(["extract", server.url("/post"), "--no-cache"]) == 1
    assert "pass --allow-private" in capsys.readouterr().err
    assert server.seen == []


def test_any_private_address_among_several_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    addresses = [("93.184.216.34", 443), ("10.0.0.7", 443)]
    infos = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", a) for a in addresses]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *_a, **_k: infos)
    with pytest.raises(LoadError, match=r"10\.0\.0\.7"):
        fetch.check_address("https://mixed.example/post", allow_private=False)


def test_cli_fetches_with_allow_private(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/post"] = fixed(Reply())
    assert main(["extract", server.url("/post"), "--allow-private", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Shoulder Pain at the Desk"
    assert data["url"] == "https://clinic.example/blog/shoulder-pain"


# --- charsets ---------------------------------------------------------------------------------

PHRASE = "Schulterschmerzen können Ärger bereiten, sagt die Physiotherapeutin Zoë."


HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'


def page_bytes(encoding: str, meta: str = "") -> bytes:
    html = f"<html><head>{meta}</head><body><p>{PHRASE}</p></body></html>"
    return html.encode(encoding)


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        (page_bytes("cp1252"), "windows-1252", "cp1252"),
        (page_bytes("cp1252", '<meta charset="utf-8">'), "windows-1252", "cp1252"),
        (page_bytes("cp1252", '<meta charset="windows-1252">'), None, "cp1252"),
        (page_bytes("cp1252", HTTP_EQUIV), None, "cp1252"),
        (page_bytes("utf-8", '<meta charset="iso-8859-1">'), None, "utf-8"),
        (b"\xef\xbb\xbf" + page_bytes("utf-8"), None, "utf-8-sig"),
        (b"\xef\xbb\xbf" + page_bytes("utf-8"), "windows-1252", "utf-8-sig"),
        (page_bytes("utf-16"), None, "utf-16"),
    ],
    ids=[
        "header",
        "header-over-meta",
        "meta",
        "meta-http-equiv",
        "utf8-over-meta",
        "bom",
        "bom-first",
        "utf16-bom",
    ],
)
def test_charset_detection(body: bytes, header: str | None, expected: str) -> None:
    text, encoding = decode_html(body, header)
    assert encoding == expected
    assert PHRASE in text


def test_charset_detected_without_declaration() -> None:
    russian = "Боль в плече часто связана с долгой работой за компьютером. " * 20
    text, encoding = decode_html(f"<p>{russian}</p>".encode("cp1251"), None)
    assert russian in text and encoding == "cp1251"


def test_charset_from_http_header_end_to_end(server: Server, tmp_path: Path) -> None:
    server.routes["/latin"] = fixed(
        Reply(
            body=page_bytes("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"}
        )
    )
    page = load_source(server.url("/latin"), options=options(tmp_path))
    assert PHRASE in page.text and page.encoding == "cp1252"


# --- local files ------------------------------------------------------------------------------


def test_local_gzip_and_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "post.html.gz"
    path.write_bytes(gzip.compress(page_bytes("cp1252", '<meta charset="windows-1252">')))
    assert PHRASE in read_file(path).text


def test_local_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip_bomb())
    with pytest.raises(LoadError, match="decompresses to more than 10 MB"):
        read_file(path)


@pytest.mark.parametrize("suffix", [".md", ".markdown", ".mdx"])
def test_local_markdown(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"post{suffix}"
    path.write_text("---\ntitle: Hi\n---\n\nBody text.\n", encoding="utf-8")
    page = read_file(path)
    assert page.kind == "markdown" and page.text.startswith("---")


@pytest.mark.parametrize("suffix", [".jsx", ".tsx", ".js", ".mjs", ".ts"])
def test_a_component_or_data_module_is_read_as_code(suffix: str, tmp_path: Path) -> None:
    """React sites name their components .js as often as .jsx; a data module is .ts or .js."""
    path = tmp_path / f"Post{suffix}"
    path.write_text("export default () => <p>Heel pain</p>;\n", encoding="utf-8")
    assert read_file(path).kind == "jsx"


def test_an_unknown_suffix_names_the_files_that_are_read(tmp_path: Path) -> None:
    path = tmp_path / "post.py"
    path.write_text("print('hi')\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"unsupported file type \(use .*\.mdx.*\.js.*\.rb"):
        read_file(path)


# --- smaller pieces ---------------------------------------------------------------------------


def test_retry_after_as_http_date(server: Server, tmp_path: Path) -> None:
    soon = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    server.routes["/dated-retry"] = sequence(Reply(503, b"", {"Retry-After": soon}), Reply())
    sleeps: list[float] = []
    load_source(server.url("/dated-retry"), options=options(tmp_path, sleeps))
    assert len(sleeps) == 1 and 25 <= sleeps[0] <= 30


def test_deflate_body_is_decoded(server: Server, tmp_path: Path) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "deflate"}
    server.routes["/deflate"] = fixed(Reply(body=zlib.compress(ARTICLE), headers=headers))
    assert (
        "Stretching and Mobility"
        in load_source(server.url("/deflate"), options=options(tmp_path)).text
    )


def test_connection_refused_is_one_error(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before the fetch: nothing listens
    with pytest.raises(LoadError, match="could not fetch \\(connection failed\\)"):
        load_source(f"http://127.0.0.1:{port}/", options=options(tmp_path))


def test_redirect_to_another_scheme_is_refused(server: Server, tmp_path: Path) -> None:
    server.routes["/ftp"] = fixed(Reply(302, b"", {"Location": "ftp://example.org/file"}))
    with pytest.raises(LoadError, match="redirects to an unsupported address"):
        load_source(server.url("/ftp"), options=options(tmp_path))


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "repurpose" / "http"


def test_cli_run_from_a_url_uses_the_cache_dir(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/post"] = fixed(Reply(headers={"Content-Type": "text/html", "ETag": '"a"'}))
    cache, out = tmp_path / "cache", tmp_path / "out"
    argv = ["run", server.url("/post"), "-o", str(out), "--allow-private", "-q"]
    assert main([*argv, "--cache-dir", str(cache)]) == 0
    assert len(list(cache.glob("*.body"))) == 1
    assert [p.name for p in out.iterdir()] == ["shoulder-pain-at-the-desk"]
    assert main([*argv, "--no-cache"]) == 0
    assert "If-None-Match" not in server.seen[-1][1]


# --- damaged and unusual input (QA review) ---------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "run"])
def test_corrupt_gzip_body_is_one_error_line(
    command: str, server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    server.routes["/badgz"] = fixed(Reply(body=b"<html>not gzip at all</html>", headers=headers))
    url = server.url("/badgz")
    args = [command, "--allow-private", "--no-cache", url]
    assert main([*args, "-o", str(tmp_path)] if command == "run" else args) == 1
    assert capsys.readouterr().err == f"Error: {url}: the server sent a corrupt gzip body\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (gzip.compress(ARTICLE)[:600], "the gzip file is truncated"),
        (b"\x1f\x8b\x08\x00garbage, not deflate data", "not valid gzip data"),
    ],
    ids=["truncated", "corrupt"],
)
def test_damaged_local_gzip_says_so(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "post.html.gz"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=message):
        read_file(path)


LATIN_PAGE = (
    b"<html><head><title>Desk posture</title></head><body><article><h1>Desk posture</h1>"
    b"<p>A na\xefve view of shoulder pain blames the chair.</p></article></body></html>"
)


def test_local_cp1252_without_declaration_is_read_as_cp1252(tmp_path: Path) -> None:
    """No BOM, no meta, not UTF-8: charset-normalizer alone guesses cp1250 ("naďve") or worse."""
    path = tmp_path / "post.html"
    path.write_bytes(LATIN_PAGE)
    page = read_file(path)
    assert "A naïve view" in page.text and page.encoding == "cp1252"


def test_non_latin_detection_is_kept() -> None:
    text = "<p>Боль в плече часто связана с долгой работой за компьютером без перерыва.</p>"
    decoded, encoding = decode_html(text.encode("cp1251"), None)
    assert decoded == text and encoding == "cp1251"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("ftp://host/x", "ftp://host/x: unsupported URL scheme 'ftp' (use http or https)"),
        ("File:///tmp/post.html", "unsupported URL scheme 'file' (use http or https)"),
    ],
)
def test_other_url_schemes_are_named(source: str, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_source(source)
    assert str(caught.value).endswith(message)


def test_missing_path_without_suffix_is_no_such_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"nonexist: no such file$"):
        read_file(tmp_path / "nonexist")
    with pytest.raises(LoadError, match=r"is a folder, not a file$"):
        read_file(tmp_path)


def test_local_markdown_in_cp1252_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"---\ntitle: Desk posture\n---\n\nA na\xefve view of shoulder pain.\n")
    assert "A naïve view" in read_file(path).text


def test_a_page_that_trickles_in_has_a_deadline_for_the_whole_body(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each byte arrives well within the read timeout, but the whole body never would: the
    fetch gives up at the deadline with one clear error instead of living for ever."""
    from pipeline.load import fetch

    monkeypatch.setattr(fetch, "FETCH_DEADLINE", 1.0)

    def drip() -> Iterator[bytes]:
        yield b"<html><body><p>"
        for _ in range(100):
            time.sleep(0.2)  # a fifth of a second a byte: 20 s for the page
            yield b"x"

    server.routes["/drip"] = fixed(Reply(chunks=drip))
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"took over 1 s to arrive"):
        load_source(server.url("/drip"), options=options(tmp_path))
    assert time.monotonic() - started < 5
