"""`repurpose worker --queue redis://…`: run the queue's jobs, one at a time, until stopped.

Start one worker a core, on as many machines as needed; each must see the output folders at
the same paths. A job runs the same code as `repurpose run` (`run_source`), so its folder is
written whole or marked incomplete and finished by the next write, and hand edits are kept.
SIGTERM or Ctrl-C lets the job in hand finish and puts the worker's other jobs back.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.commands.run import RunOptions, run_brand, run_source
from pipeline.load import FetchOptions
from pipeline.models import RepurposeError
from pipeline.queue.broker import (
    QUEUE_NAME,
    connect,
    declare_actor,
    heartbeat_seconds,
    make_broker,
    until_redis,
)
from pipeline.queue.jobs import JobSpec, JobStore
from pipeline.redact import strip_credentials

if TYPE_CHECKING:
    from dramatiq.brokers.redis import RedisBroker

    from pipeline.brand import Brand
    from pipeline.commands.draw import RunResult

Say = Callable[[str], None]


class JobRunner:
    """The actor: run one job and record how it went."""

    def __init__(self, store: JobStore, url: str, say: Say) -> None:
        self.store, self.url, self.say = store, url, say

    def run(self, payload: dict[str, Any]) -> None:
        spec = JobSpec.from_dict(payload)
        until_redis(lambda: self.store.set_state(spec, "running"), self.url, self.say)
        try:
            result = run_source(spec.source, run_options(spec))
        except Exception as exc:  # any failure is the job's, kept with its error
            error = job_error(spec, exc)
            failed = partial(self.store.set_state, spec, "failed", error=error)
            until_redis(failed, self.url, self.say)
            self.say(f"failed: {spec.clinic}: {error}")
            return
        done = {"folder": str(result.folder)}
        until_redis(lambda: self.store.set_state(spec, "done", **done), self.url, self.say)
        self.say(report_line(spec, result))


def job_error(spec: JobSpec, exc: Exception) -> str:
    if isinstance(exc, RepurposeError):
        error = str(exc)
    elif isinstance(exc, OSError):
        error = f"{exc.filename or 'a file'}: {exc.strerror or exc}"
    else:
        error = f"unexpected {type(exc).__name__}: {exc}"
    return error if error.startswith(spec.source) else f"{spec.source}: {error}"


def report_line(spec: JobSpec, result: RunResult) -> str:
    lines = [f"done: {spec.clinic}: {spec.source} -> {result.folder} ({result.images} images)"]
    lines += [f"  {line}" for line in result.findings]
    return "\n".join(lines)


def run_options(spec: JobSpec) -> RunOptions:
    brand = clinic_brand(spec.brand, stamp(spec.brand), spec.look, spec.allow_low_contrast)
    templates = Path(spec.templates) if spec.templates else None
    cache = Path(spec.cache_dir) if spec.cache_dir else None
    return RunOptions(
        Path(spec.out),
        brand,
        allow_private=spec.allow_private,
        fetch=FetchOptions(allow_private=spec.allow_private, cache_dir=cache),
        force=spec.force,
        templates=templates,
        strict=spec.strict,
        png=spec.png,
        keep_flagged=spec.keep_flagged,
        force_article=spec.force_article,
    )


def stamp(brand: str | None) -> int:
    """The brand kit's modification time: an edited kit is read again."""
    try:
        return Path(brand).stat().st_mtime_ns if brand else 0
    except OSError:
        return -1


@lru_cache(maxsize=64)
def clinic_brand(brand: str | None, stamp: int, look: str | None, low_contrast: bool) -> Brand:
    return run_brand(Path(brand) if brand else None, look, low_contrast, None)


def run_worker(url: str, say: Say) -> int:
    """Run jobs until SIGTERM or Ctrl-C; 0 when stopped so."""
    import dramatiq

    client = connect(url)
    broker = make_broker(client)
    declare_actor(broker, JobRunner(JobStore(client), url, say).run)
    quiet_dramatiq(say)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    worker = dramatiq.Worker(broker, worker_threads=1)
    worker.start()
    say(f"worker: running jobs from {strip_credentials(url)} (Ctrl-C to stop)")
    try:
        keep_heartbeat(broker, url, say, stop)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a second Ctrl-C ends it at once
        say("worker: stopping after the job in hand")
        worker.stop(timeout=15 * 60 * 1000)
    return 0


def keep_heartbeat(broker: RedisBroker, url: str, say: Say, stop: threading.Event) -> None:
    """Tell Redis this worker lives, also while a long job runs (the broker's own heartbeat
    comes only with a fetch); report when Redis goes away and when it is back."""
    every = min(1.0, heartbeat_seconds() / 3)
    while not stop.wait(every):
        until_redis(lambda: broker.do_qsize(QUEUE_NAME), url, say)
        if stop.is_set():
            return


class OneLine(logging.Handler):
    """Dramatiq's log as one line a record, without tracebacks; its connection errors are
    left out (`until_redis` reports those once)."""

    def __init__(self, say: Say) -> None:
        super().__init__(logging.WARNING)
        self.say = say

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage().splitlines()[0]
        if "connection error" not in text.lower():
            self.say(f"worker: {text}")


def quiet_dramatiq(say: Say) -> None:
    logger = logging.getLogger("dramatiq")
    logger.handlers = [OneLine(say)]
    logger.propagate = False
