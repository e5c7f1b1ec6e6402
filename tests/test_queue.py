"""The Redis queue with real processes: a real redis-server, `repurpose worker`s, `run --queue`.

A batch of 40 sample and corpus articles across 3 clinics with their own brand kits, one of
the two workers killed in the middle of a job; Redis stopped and started again during a batch;
the same article twice; a failed job kept with its error and retried; Redis down.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from pipeline.queue.jobs import STATES, JobStore
from pipeline.write.files import check_complete
from tests.conftest import ROOT, SAMPLE_FILES, SHARED
from tests.redisserver import Redis, redis_server, repurpose, start_worker, stop_worker, worker_env

CORPUS_FILES = sorted((SHARED / "corpus" / "clinic-dev" / "files").glob("*.md"))
BRAND = (ROOT / "templates" / "brand-example.toml").read_text(encoding="utf-8")
CLINICS = {"alder": "Alder Clinic", "birch": "Birch Physio", "cedar": "Cedar Podiatry"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Redis]:
    with redis_server(tmp_path / "redis") as running:
        yield running


def write_workspace(folder: Path, url: str) -> Path:
    """Three clinics, each with its own brand kit (name and handle) and output folder."""
    lines = [f'queue = "{url}"']
    for slug, name in CLINICS.items():
        kit = BRAND.replace("VIVE Energy Medicine", name).replace("viveenergymedicine", slug)
        (folder / f"{slug}.toml").write_text(kit, encoding="utf-8")
        lines += ["[[clinic]]", f'name = "{slug}"', f'brand = "{slug}.toml"', f'out = "out/{slug}"']
    path = folder / "repurpose.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def batch_of_40() -> dict[str, list[Path]]:
    """40 redistributable articles: the samples and the clinic-dev corpus files, in turn."""
    articles = [*SAMPLE_FILES, *CORPUS_FILES]
    if len(articles) < 14:
        pytest.skip("the clinic-dev corpus files are absent (../shared/corpus/clinic-dev/files)")
    flat = (articles * 3)[:40]
    return {"alder": flat[:14], "birch": flat[14:27], "cedar": flat[27:40]}


def counts(url: str) -> dict[str, dict[str, int]]:
    store = JobStore(redis.Redis.from_url(url))
    return {clinic: store.counts(clinic) for clinic in store.clinics()}


def wait_until(check: object, what: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting: {what}")


def ended(url: str, total: int) -> bool:
    return sum(c["done"] + c["failed"] for c in counts(url).values()) >= total


def test_forty_articles_three_clinics_two_workers_one_killed(server: Redis, tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, server.url)
    batch = batch_of_40()
    workers = [start_worker(server.url, tmp_path / f"worker-{n}.log") for n in (1, 2)]
    try:
        for clinic, files in batch.items():
            sent = repurpose(
                "run", "--workspace", str(workspace), "--clinic", clinic, "--no-wait",
                *map(str, files),
            )  # fmt: skip
            assert sent.returncode == 0, sent.stderr
            assert f"{len(files)} jobs for {clinic} on the queue" in sent.stderr
        store = JobStore(redis.Redis.from_url(server.url))
        wait_until(lambda: sum(store.counts(c)["running"] for c in CLINICS) == 2, "both busy")
        workers[0].send_signal(signal.SIGKILL)  # in the middle of a job
        workers[0].wait()
        wait_until(lambda: ended(server.url, 40), "40 jobs ended")
    finally:
        for process in workers:
            stop_worker(process)
    status = counts(server.url)
    assert status == {
        c: {"pending": 0, "running": 0, "failed": 0, "done": len(batch[c])} for c in CLINICS
    }
    records = [r for c in CLINICS for r in store.in_state(c, "done")]
    assert max(r.attempts for r in records) >= 2  # the killed worker's job ran again
    for clinic, name in CLINICS.items():
        folders = sorted(p for p in (tmp_path / "out" / clinic).iterdir() if p.is_dir())
        assert len(folders) == len(batch[clinic])  # nothing lost, nothing twice
        for folder in folders:
            manifest = json.loads((check_complete(folder) / "post.json").read_text("utf-8"))
            assert manifest["brand"]["name"] == name
            assert manifest["brand"]["handle"] == f"@{clinic}"
            assert len(list(folder.glob("carousel-*.jpg"))) >= 3


def test_redis_stopped_and_started_during_a_batch(server: Redis, tmp_path: Path) -> None:
    files = [*SAMPLE_FILES, *CORPUS_FILES][:8]
    out = tmp_path / "out"
    worker = start_worker(server.url, tmp_path / "worker.log")
    command = [sys.executable, "-m", "pipeline", "run", "--queue", server.url, "-o", str(out)]
    run = subprocess.Popen(
        [*command, *map(str, files)],
        stderr=subprocess.PIPE,
        text=True,
        env=worker_env(),
        cwd=ROOT,
    )
    try:
        wait_until(lambda: counts(server.url).get("out", {}).get("done", 0) >= 1, "a first job")
        server.stop()
        time.sleep(2.5)  # both see Redis gone
        server.start()
        _, errors = run.communicate(timeout=180)
    finally:
        run.kill()
        stop_worker(worker)
    log = (tmp_path / "worker.log").read_text(encoding="utf-8")
    for text in (errors, log):
        assert f"Error: cannot reach Redis at {server.url}" in text
        assert "is back: going on" in text
        assert "Traceback" not in text
    assert run.returncode == 0, errors
    assert f"{len(files)} of {len(files)} articles done" in errors
    assert counts(server.url)["out"]["done"] == len(files)
    assert len([p for p in out.iterdir() if p.is_dir()]) == len(files)


def test_same_article_twice_is_one_folder_and_keeps_hand_edits(
    server: Redis, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    source = str(SAMPLE_FILES[0])
    worker = start_worker(server.url, tmp_path / "worker.log")
    try:
        first = repurpose("run", "--queue", server.url, "-o", str(out), source, source)
        assert first.returncode == 0, first.stderr
        (folder,) = [p for p in out.iterdir() if p.is_dir()]
        caption = folder / "caption.txt"
        edited = caption.read_text(encoding="utf-8").replace("\n", "\nHand edit.\n", 1)
        caption.write_text(edited, encoding="utf-8")
        again = repurpose("run", "--queue", server.url, "-o", str(out), source)
        assert again.returncode == 0, again.stderr
    finally:
        stop_worker(worker)
    assert [p for p in out.iterdir() if p.is_dir()] == [folder]
    assert "Hand edit." in caption.read_text(encoding="utf-8")
    assert counts(server.url)["out"]["done"] == 1


def test_a_failed_job_keeps_its_error_and_is_retried(server: Redis, tmp_path: Path) -> None:
    source = tmp_path / "later.md"
    worker = start_worker(server.url, tmp_path / "worker.log")
    try:
        failed = repurpose("run", "--queue", server.url, "-o", str(tmp_path / "out"), str(source))
        assert failed.returncode == 1
        assert "Error: 1 of 1 jobs failed:" in failed.stderr
        status = repurpose("queue", "status", "--queue", server.url, "--failed")
        assert status.returncode == 0, status.stderr
        assert f"failed out: {source}: no such file" in status.stdout
        source.write_text(SAMPLE_FILES[-1].read_text(encoding="utf-8"), encoding="utf-8")
        retried = repurpose("queue", "retry", "--queue", server.url)
        assert "1 failed jobs sent again" in retried.stderr
        wait_until(lambda: counts(server.url)["out"]["done"] == 1, "the retried job")
    finally:
        stop_worker(worker)
    header, row = repurpose("queue", "status", "--queue", server.url).stdout.splitlines()
    assert header.split() == ["clinic", *STATES]
    assert row.split() == ["out", "0", "0", "0", "1"]


@pytest.mark.parametrize("command", [["worker"], ["queue", "status"], ["run", "README.md"]])
def test_redis_down_is_one_error_line(command: list[str], tmp_path: Path) -> None:
    from tests.redisserver import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    result = repurpose(*command, "--queue", url, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: cannot reach Redis at {url} (")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_queue_address_that_is_not_redis_is_refused(tmp_path: Path) -> None:
    result = repurpose("queue", "status", "--queue", "http://127.0.0.1:1/", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "Error: --queue http://127.0.0.1:1/: write it as redis://HOST:PORT/DB\n",
    )


def test_watch_sends_new_articles_to_the_workspaces_queue(server: Redis, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from tests.feeds import Item, rss
    from tests.stubserver import Reply, serve

    with serve() as blog:
        blog.routes["/knee"] = Reply(
            SAMPLE_FILES[1].read_bytes(), headers={"Content-Type": "text/html"}
        )
        item = Item(f"{blog.base}/knee", "Knee", datetime(2026, 11, 2, tzinfo=UTC))
        blog.routes["/feed"] = Reply(rss([item]), headers={"Content-Type": "text/xml"})
        text = f'queue = "{server.url}"\n[[clinic]]\nname = "alder"\nfeeds = ["{blog.base}/feed"]\n'
        (tmp_path / "repurpose.toml").write_text(text, encoding="utf-8")
        watched = repurpose("watch", "--allow-private", "--no-cache", cwd=tmp_path)
        assert watched.returncode == 0, watched.stderr
        assert f"queued: {blog.base}/knee" in watched.stderr
        assert counts(server.url)["alder"]["pending"] == 1
        worker = start_worker(server.url, tmp_path / "worker.log")
        try:
            wait_until(lambda: counts(server.url)["alder"]["done"] == 1, "the watched article")
        finally:
            stop_worker(worker)
    (folder,) = (tmp_path / "out" / "alder").iterdir()
    check_complete(folder)


def test_an_ended_jobs_record_expires_and_a_waiting_ones_does_not(server: Redis) -> None:
    from pipeline.queue.jobs import JobSpec, job_id, key

    client = redis.Redis.from_url(server.url)
    store = JobStore(client, keep_seconds=0.2)
    done, waiting = JobSpec("a", "/x/one.md", "/out"), JobSpec("a", "/x/two.md", "/out")
    store.set_state(done, "running")
    assert client.pttl(key(job_id(done))) == -1
    store.set_state(done, "done", folder="/out/one")
    store.set_state(waiting, "pending")
    assert 0 < client.pttl(key(job_id(done))) <= 200
    assert client.pttl(key(job_id(waiting))) == -1
    assert store.counts("a") == {"pending": 1, "running": 0, "failed": 0, "done": 1}
    time.sleep(0.4)
    assert store.counts("a") == {"pending": 1, "running": 0, "failed": 0, "done": 0}
    assert not client.sismember("repurpose:clinic:a:done", job_id(done))


def test_the_keep_time_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.queue.jobs import keep_time

    monkeypatch.setenv("REPURPOSE_QUEUE_KEEP_DAYS", "2")
    assert keep_time() == 2 * 86400
    for bad in ("", "soon", "-1", "0"):
        monkeypatch.setenv("REPURPOSE_QUEUE_KEEP_DAYS", bad)
        assert keep_time() == 30 * 86400
