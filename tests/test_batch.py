"""Batches: many sources (files, URLs, lists of URLs) on two processes, past failures, progress."""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.commands.batch import Outcome, ProgressBar, expand_sources, run_batch
from pipeline.models import LoadError
from tests.conftest import KNEE, SAMPLES
from tests.stubserver import Server

HEEL = SAMPLES / "plantar-heel-pain.html"
HEADACHES = SAMPLES / "tension-headaches.md"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The samples folder served on 127.0.0.1 by a real HTTP server."""
    handler = functools.partial(QuietHandler, directory=str(SAMPLES))
    httpd = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def folders(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if (p / "post.json").is_file())


def test_source_lists_are_read_in(tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "urls.txt").write_text(
        "# this month's posts\n"
        "https://clinic.example/blog/knee\n"
        "\n"
        "  articles/heel.html  \n"
        f"{KNEE}\n"
        "https://clinic.example/blog/knee\n"
    )
    (lists / "more.list").write_text("https://clinic.example/blog/neck\n")
    sources = expand_sources([str(lists / "urls.txt"), f"@{lists / 'more.list'}", str(KNEE)])
    assert sources == [
        "https://clinic.example/blog/knee",
        str(lists / "articles" / "heel.html"),
        str(KNEE),
        "https://clinic.example/blog/neck",
    ]


def test_a_missing_txt_file_is_still_a_source(tmp_path: Path) -> None:
    """Only an existing .txt file is a list; a missing one reaches the loader's own error."""
    assert expand_sources([str(tmp_path / "notes.txt")]) == [str(tmp_path / "notes.txt")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "urls.txt: no such file"),
        ("# nothing\n\n", "the list of sources is empty"),
    ],
)
def test_bad_source_lists(content: str | None, message: str, tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    if content is not None:
        path.write_text(content)
    with pytest.raises(LoadError, match=message):
        expand_sources([f"@{path}"])


def test_batch_of_urls_files_and_failures(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/{KNEE.name}\n{server}/gone.html\n")
    out = tmp_path / "out"
    args = ["run", f"@{urls}", str(HEEL), str(tmp_path / "missing.md"), str(HEADACHES)]
    assert main([*args, "-o", str(out), "--allow-private"]) == 1
    assert len(folders(out)) == 3  # the good ones are all written despite two failures
    err = capsys.readouterr().err
    tail = err[err.index("2 of 5 sources failed:") :].splitlines()
    assert tail[1] == f"  {server}/gone.html: server answered HTTP 404"
    assert tail[2] == f"  {tmp_path / 'missing.md'}: no such file"
    assert "3 articles, " in err


def test_quiet_batch_still_lists_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(KNEE), str(tmp_path / "gone.html"), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert " -> " not in err and "articles, " not in err
    gone = tmp_path / "gone.html"
    assert err.endswith(f"1 of 2 sources failed:\n  {gone}: no such file\n")


def test_one_article_twice_in_a_batch_writes_one_folder(server: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", str(KNEE), f"{server}/{KNEE.name}", "-o", str(out), "-q", "--allow-private"]
    assert main(args) == 0
    (folder,) = folders(out)
    assert not [p for p in (out / folder).iterdir() if p.name.endswith(".tmp")]


def pid_of(source: str) -> int:
    time.sleep(0.1)
    return os.getpid()


def fail_on_b(source: str) -> str:
    if source == "b":
        raise ValueError("boom")
    return source.upper()


def test_work_runs_in_worker_processes_and_in_order() -> None:
    outcomes = run_batch(pid_of, ["a", "b", "c", "d"], 2, lambda o: None)
    pids = {o.value for o in outcomes}
    assert [o.source for o in outcomes] == ["a", "b", "c", "d"]
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_an_unexpected_error_in_a_worker_does_not_stop_the_batch() -> None:
    seen: list[Outcome[str]] = []
    outcomes = run_batch(fail_on_b, ["a", "b", "c"], 2, seen.append)
    assert [(o.value, o.error) for o in outcomes] == [
        ("A", None),
        (None, "unexpected ValueError: boom"),
        ("C", None),
    ]
    assert len(seen) == 3


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only() -> None:
    terminal = Terminal()
    bar = ProgressBar(4, terminal, enabled=True)
    bar.advance()
    bar.say("knee.html -> out/knee (12 images)")
    bar.advance()
    bar.close()
    text = terminal.getvalue()
    assert "\r[######------------------] 1/4" in text
    assert "knee.html -> out/knee (12 images)\n" in text
    assert "\r[############------------] 2/4" in text

    pipe = io.StringIO()
    bar = ProgressBar(4, pipe, enabled=True)
    bar.advance()
    bar.say("a line")
    bar.close()
    assert pipe.getvalue() == "a line\n"

    quiet = Terminal()
    ProgressBar(4, quiet, enabled=False).advance()
    assert quiet.getvalue() == ""


def test_health_findings_of_parallel_runs_reach_stderr_even_when_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(KNEE), str(HEEL), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    manifest = json.loads(next(out.glob("could-*/post.json")).read_text())
    assert manifest["health_findings"]  # the knee headline asks an efficacy question
    for finding in manifest["health_findings"]:
        assert f"health {finding['severity']} [{finding['rule']}]" in err
    assert " -> " not in err
