"""What a job carries, and the record each job keeps in Redis: its clinic, source, state
(pending, running, failed or done), the folder it wrote or its error, and how often it started.
A record that ended (done or failed) expires after `REPURPOSE_QUEUE_KEEP_DAYS` days (30 unless
set), so Redis does not grow with every article ever run; a waiting job's record never expires.

A job's id comes from its clinic, output folder and source, so the same article sent twice is
one job (and one folder: the write path finds the article's own folder and keeps hand edits).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import redis

STATES = ("pending", "running", "failed", "done")
WAITING = ("pending", "running")
PREFIX = "repurpose:"
KEEP_DAYS = 30  # how long a done or failed job's record stays, unless REPURPOSE_QUEUE_KEEP_DAYS


@dataclass(frozen=True)
class JobSpec:
    """One article to run, with the settings of its clinic; paths are absolute, on storage
    that every worker sees."""

    clinic: str
    source: str
    out: str
    brand: str | None = None
    look: str | None = None
    templates: str | None = None
    strict: bool = False
    png: bool = False
    force: bool = False
    keep_flagged: bool = False
    force_article: bool = False
    allow_private: bool = False
    allow_low_contrast: bool = False
    cache_dir: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JobSpec:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def job_id(spec: JobSpec) -> str:
    key = "\0".join((spec.clinic, spec.out, spec.source))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]


@dataclass(frozen=True)
class JobRecord:
    id: str
    clinic: str
    source: str
    state: str
    folder: str | None
    error: str | None
    attempts: int


class JobStore:
    """The jobs' records: a hash per job and, per clinic, a set of job ids for each state.
    Ended records expire after `keep_seconds`; their ids leave the state sets when next read."""

    def __init__(self, client: redis.Redis, keep_seconds: float | None = None) -> None:
        self.client = client
        self.keep_ms = round(1000 * (keep_seconds if keep_seconds is not None else keep_time()))

    def set_state(self, spec: JobSpec, state: str, **more: str | int) -> None:
        ident = job_id(spec)
        values: dict[str, str | int] = {
            "clinic": spec.clinic,
            "source": spec.source,
            "state": state,
            "spec": json.dumps(spec.to_dict()),
            "updated": datetime.now(UTC).isoformat(timespec="seconds"),
            **more,
        }
        with self.client.pipeline(transaction=True) as pipe:
            pipe.hset(key(ident), mapping=values)  # type: ignore[arg-type]
            if state in ("pending", "done"):
                pipe.hdel(key(ident), "error")
            if state == "running":
                pipe.hincrby(key(ident), "attempts", 1)
            if state in WAITING:
                pipe.persist(key(ident))
            else:
                pipe.pexpire(key(ident), self.keep_ms)
            for other in STATES:
                pipe.srem(state_key(spec.clinic, other), ident)
            pipe.sadd(state_key(spec.clinic, state), ident)
            pipe.sadd(PREFIX + "clinics", spec.clinic)
            pipe.execute()

    def waiting(self, spec: JobSpec) -> bool:
        """Whether the job is already pending or running (then sending it again adds nothing)."""
        return self.client.hget(key(job_id(spec)), "state") in (b"pending", b"running")

    def records(self, ids: Sequence[str]) -> list[JobRecord | None]:
        with self.client.pipeline(transaction=False) as pipe:
            for ident in ids:
                pipe.hgetall(key(ident))
            rows = pipe.execute()
        pairs = zip(ids, rows, strict=True)
        return [record_of(ident, row) if row else None for ident, row in pairs]

    def clinics(self) -> list[str]:
        return sorted(text(n) for n in self.client.smembers(PREFIX + "clinics"))

    def counts(self, clinic: str) -> dict[str, int]:
        return {state: len(self.live_ids(clinic, state)) for state in STATES}

    def in_state(self, clinic: str, state: str) -> list[JobRecord]:
        return [r for r in self.records(self.live_ids(clinic, state)) if r is not None]

    def live_ids(self, clinic: str, state: str) -> list[str]:
        """The ids of the clinic's jobs in a state; those whose record expired leave the set."""
        ids = sorted(text(i) for i in self.client.smembers(state_key(clinic, state)))
        with self.client.pipeline(transaction=False) as pipe:
            for ident in ids:
                pipe.exists(key(ident))
            found = pipe.execute()
        gone = [ident for ident, there in zip(ids, found, strict=True) if not there]
        if gone:
            self.client.srem(state_key(clinic, state), *gone)
        return [ident for ident, there in zip(ids, found, strict=True) if there]

    def spec_of(self, ident: str) -> JobSpec | None:
        raw = self.client.hget(key(ident), "spec")
        return JobSpec.from_dict(json.loads(raw)) if raw else None


def keep_time() -> float:
    """Seconds an ended job's record stays: REPURPOSE_QUEUE_KEEP_DAYS (a positive number of
    days), else 30 days."""
    raw = os.environ.get("REPURPOSE_QUEUE_KEEP_DAYS", "")
    try:
        days = float(raw) if raw else KEEP_DAYS
    except ValueError:
        days = KEEP_DAYS
    return (days if days > 0 else KEEP_DAYS) * 86400


def key(ident: str) -> str:
    return f"{PREFIX}job:{ident}"


def state_key(clinic: str, state: str) -> str:
    return f"{PREFIX}clinic:{clinic}:{state}"


def text(value: bytes | str) -> str:
    return value.decode("utf-8", "surrogateescape") if isinstance(value, bytes) else value


def record_of(ident: str, row: dict[bytes, bytes]) -> JobRecord:
    get = {text(k): text(v) for k, v in row.items()}
    return JobRecord(
        ident,
        get.get("clinic", ""),
        get.get("source", ""),
        get.get("state", "pending"),
        get.get("folder") or None,
        get.get("error") or None,
        int(get.get("attempts", "0")),
    )


def ids_of(specs: Iterable[JobSpec]) -> list[str]:
    return [job_id(spec) for spec in specs]
