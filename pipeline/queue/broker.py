"""The Redis address, the Dramatiq broker with its one actor, and one clear error when Redis
cannot be reached.

Dramatiq acknowledges a job only after it ran: the jobs of a worker that dies stay in that
worker's set in Redis and, once its heartbeat is older than `heartbeat_seconds()`, another
worker puts them back on the queue.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pipeline.models import ConfigError, RepurposeError
from pipeline.redact import strip_credentials

if TYPE_CHECKING:
    import redis
    from dramatiq import Actor
    from dramatiq.brokers.redis import RedisBroker

QUEUE_NAME = "repurpose"
ACTOR_NAME = "run_article"
NAMESPACE = "repurpose-dramatiq"
SCHEMES = ("redis://", "rediss://", "unix://")
HEARTBEAT_ENV = "REPURPOSE_QUEUE_HEARTBEAT"  # seconds without a heartbeat: a worker is dead
DEFAULT_HEARTBEAT = 30
MAINTENANCE_CHANCE = 100_000  # of a million commands: a dead worker's jobs come back quickly


class QueueError(RepurposeError):
    """Redis cannot be reached, or the queue cannot be used."""


def check_queue_url(url: str) -> str:
    if not url.startswith(SCHEMES):
        raise ConfigError(f"--queue {strip_credentials(url)}: write it as redis://HOST:PORT/DB")
    return url


def unreachable(url: str, exc: Exception) -> str:
    reason = str(exc).strip().rstrip(".") or type(exc).__name__
    return (
        f"cannot reach Redis at {strip_credentials(url)} ({reason}):"
        " start redis-server there or fix --queue"
    )


def connect(url: str) -> redis.Redis:
    """A client for the queue's Redis, checked with a PING."""
    import redis

    check_queue_url(url)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=15)
        client.ping()
    except redis.RedisError as exc:
        raise QueueError(unreachable(url, exc)) from None
    except ValueError as exc:  # a malformed address: a bad port, an unknown option
        raise ConfigError(f"--queue {strip_credentials(url)}: {exc}") from None
    return client


def heartbeat_seconds() -> float:
    text = os.environ.get(HEARTBEAT_ENV, "").strip()
    try:
        value = float(text) if text else DEFAULT_HEARTBEAT
    except ValueError:
        raise ConfigError(f"{HEARTBEAT_ENV}={text}: give a number of seconds") from None
    return max(value, 1.0)


def make_broker(client: redis.Redis) -> RedisBroker:
    """The broker on `client`, with one actor whose jobs run `work`. A job that raises (only
    when Redis went away in the middle) is tried again a few times."""
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker
    from dramatiq.middleware import Retries

    broker = RedisBroker(  # type: ignore[no-untyped-call]
        client=client,
        namespace=NAMESPACE,
        heartbeat_timeout=int(heartbeat_seconds() * 1000),
        maintenance_chance=MAINTENANCE_CHANCE,
        middleware=[Retries(max_retries=5, min_backoff=1000, max_backoff=30_000)],
    )
    dramatiq.set_broker(broker)
    return broker


T = TypeVar("T")


def until_redis(call: Callable[[], T], url: str, say: Callable[[str], None]) -> T:
    """`call`, again every second while Redis is down: one error line when it goes, one line
    when it is back."""
    import redis

    lost = False
    while True:
        try:
            result = call()
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            if not lost:
                say(f"Error: {unreachable(url, exc)}; waiting for it to come back")
                lost = True
            time.sleep(1)
            continue
        if lost:
            say(f"Redis at {strip_credentials(url)} is back: going on")
        return result


def declare_actor(broker: RedisBroker, work: Callable[[dict[str, Any]], None]) -> Actor[Any, Any]:
    import dramatiq

    declare = dramatiq.actor(
        actor_name=ACTOR_NAME, queue_name=QUEUE_NAME, broker=broker, max_retries=5
    )
    return declare(work)
