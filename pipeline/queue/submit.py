"""Send articles to the queue as jobs, wait for them with progress, and retry failed ones."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from pipeline.queue.broker import QueueError, connect, declare_actor, make_broker, unreachable
from pipeline.queue.jobs import JobRecord, JobSpec, JobStore, job_id
from pipeline.queue.worker import JobRunner

if TYPE_CHECKING:
    from dramatiq import Actor

Say = Callable[[str], None]
POLL_SECONDS = 0.5
GONE = "the job's record is gone from Redis (was it emptied?): send it again"


@dataclass
class Queue:
    """A connection to the queue: its address, the job records, and the actor to send to."""

    url: str
    store: JobStore
    actor: Actor[Any, Any]


def open_queue(url: str, say: Say) -> Queue:
    client = connect(url)
    broker = make_broker(client)
    store = JobStore(client)
    actor = declare_actor(broker, JobRunner(store, url, say).run)  # runs only in a worker
    return Queue(url, store, actor)


@dataclass(frozen=True)
class Sent:
    ids: list[str]
    already: int  # jobs that were pending or running already: not sent twice


def send_jobs(queue: Queue, specs: Sequence[JobSpec]) -> Sent:
    """Each article as a job, unless it is already waiting; one clear error if Redis fails."""
    import redis

    ids, already = [], 0
    for count, spec in enumerate(specs):
        try:
            if queue.store.waiting(spec):
                already += 1
            else:
                queue.store.set_state(spec, "pending")
                queue.actor.send(spec.to_dict())
        except redis.RedisError as exc:
            sent = f"{count} of {len(specs)} jobs sent"
            raise QueueError(f"{unreachable(queue.url, exc)} ({sent})") from None
        ids.append(job_id(spec))
    return Sent(ids, already)


def wait_for_jobs(
    queue: Queue,
    ids: Sequence[str],
    report: Callable[[JobRecord], None],
    say: Say,
    sleep: Callable[[float], None] = time.sleep,
) -> list[JobRecord]:
    """Poll until every job is done or failed, reporting each as it ends; while Redis is
    down, one error line and wait. A job whose record is gone counts as failed."""
    from pipeline.queue.broker import until_redis

    ended: dict[str, JobRecord] = {}
    while len(ended) < len(ids):
        open_ids = [i for i in ids if i not in ended]
        records = until_redis(partial(queue.store.records, open_ids), queue.url, say)
        for ident, record in zip(open_ids, records, strict=True):
            if record is None:
                record = JobRecord(ident, "", "", "failed", None, GONE, 0)
            if record.state in ("done", "failed"):
                ended[ident] = record
                report(record)
        if len(ended) < len(ids):
            sleep(POLL_SECONDS)
    return [ended[i] for i in ids]


def retry_failed(queue: Queue, clinics: Sequence[str]) -> int:
    """Send every failed job of the clinics again; how many."""
    specs = [
        spec
        for clinic in clinics
        for record in queue.store.in_state(clinic, "failed")
        if (spec := queue.store.spec_of(record.id)) is not None
    ]
    return len(send_jobs(queue, specs).ids)
