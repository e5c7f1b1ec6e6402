"""A real `redis-server` (Debian's package) on a free port of 127.0.0.1, in a temp folder, with
its append-only file on so that a stop and a start keep the queue; and `repurpose worker`
processes. Tests that need it skip, with the reason, where redis-server cannot start."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

HEARTBEAT = "2"  # seconds: a killed worker's jobs come back within a few seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Redis:
    port: int
    folder: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [
            str(shutil.which("redis-server")), "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.folder), "--appendonly", "yes", "--appendfsync", "always",
            "--save", "", "--protected-mode", "yes",
        ]  # fmt: skip
        log = (self.folder / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.process.poll() is None:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        self.stop()
        pytest.skip(f"redis-server did not start: {(self.folder / 'redis.log').read_text()}")

    def stop(self) -> None:
        """SIGTERM: Redis syncs its append-only file and exits."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def redis_server(folder: Path) -> Iterator[Redis]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (make test installs Debian's redis-server)")
    folder.mkdir(parents=True, exist_ok=True)
    server = Redis(free_port(), folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def worker_env() -> dict[str, str]:
    return {**os.environ, "REPURPOSE_QUEUE_HEARTBEAT": HEARTBEAT, "PYTHONPATH": str(ROOT)}


def start_worker(url: str, log: Path) -> subprocess.Popen[bytes]:
    """`repurpose worker --queue URL` as its own process, its output in `log`."""
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "worker", "--queue", url],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env=worker_env(),
        cwd=ROOT,
    )


def stop_worker(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM, as a service manager stops it; kill it if it has not ended in 60 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


def repurpose(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        env=worker_env(),
        cwd=cwd,
        timeout=300,
    )
