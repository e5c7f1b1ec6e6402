"""Many sources in one `repurpose run`: expand URL lists, run on both cores, show progress.

A source is a file, a URL, or a list of them: `@urls.txt` (any file name) or a `.txt` file.
A list holds one source a line; blank lines, lines starting with # and trailing ` # comments` are
skipped, and relative file paths are taken from the list's own folder. A list whose lines are not
all URLs or article files (an article saved as .txt, say) is refused as a whole.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TextIO, TypeVar

from pipeline.load.source import ARTICLE_SUFFIXES, url_scheme
from pipeline.models import LoadError, RepurposeError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

T = TypeVar("T")
TRAILING_COMMENT = re.compile(r"\s+#.*$")


def expand_sources(items: Sequence[str]) -> list[str]:
    """The sources named on the command line, with lists read in; duplicates dropped."""
    sources: list[str] = []
    for item in items:
        for source in read_source_list(item) if is_source_list(item) else [item]:
            if source not in sources:
                sources.append(source)
    return sources


def is_source_list(item: str) -> bool:
    return item.startswith("@") or (item.lower().endswith(".txt") and Path(item).is_file())


MAX_LIST_BYTES = 1024 * 1024  # a list of a few thousand URLs; anything larger is not a list


def read_list_text(path: Path) -> str:
    """A list file's text: only a regular file, its size checked before it is read, so a named
    pipe or a device (`@/dev/zero`) is refused at once instead of read for ever."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file (a list of sources)") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the list of sources ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"{path}: not a regular file (a list of sources is a text file)")
    if info.st_size > MAX_LIST_BYTES:
        raise LoadError(f"{path}: larger than 1 MB, not a list of sources")
    try:
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            return handle.read(MAX_LIST_BYTES + 1)[:MAX_LIST_BYTES].decode("utf-8")
    except UnicodeDecodeError:
        raise LoadError(f"{path}: the list of sources is not UTF-8 text") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the list of sources ({exc.strerror})") from None


def read_source_list(item: str) -> list[str]:
    path = Path(item.removeprefix("@"))
    lines = read_list_text(path).splitlines()
    sources = []
    for number, line in enumerate(lines, 1):
        line = TRAILING_COMMENT.sub("", line).strip()
        if not line or line.startswith("#"):
            continue
        if not is_source_line(line):
            raise LoadError(
                f"{path}: not a list of sources (one URL or file per line;"
                f" line {number} is neither)"
            )
        if url_scheme(line) or Path(line).is_absolute():
            sources.append(line)
        else:
            sources.append(str(path.parent / line))
    if not sources:
        raise LoadError(f"{path}: the list of sources is empty")
    return sources


def is_source_line(line: str) -> bool:
    """A URL (any scheme: load names the unsupported ones) or an article file's name."""
    return url_scheme(line) is not None or line.lower().endswith(ARTICLE_SUFFIXES)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    source: str
    value: T | None = None
    error: str | None = None


class ProgressBar:
    """A one-line bar on a terminal; silent when the stream is not one."""

    WIDTH = 24

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.enabled = enabled and stream.isatty()

    def say(self, line: str) -> None:
        """Print a line above the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[2K")
        print(line, file=self.stream)
        self.draw()

    def advance(self) -> None:
        self.done += 1
        self.draw()

    def draw(self) -> None:
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: what was finished by then, out of how many."""

    def __init__(self, done: Sequence[Outcome[Any]], total: int) -> None:
        super().__init__(f"{len(done)} of {total}")
        self.done, self.total = list(done), total


def run_batch(
    work: Callable[[str], T],
    sources: Sequence[str],
    jobs: int,
    report: Callable[[Outcome[T]], None],
    debug: bool = False,
    prepare: Callable[[], None] | None = None,
) -> list[Outcome[T]]:
    """Run `work` on every source, in `jobs` processes when there are several; never stop early
    for a failure. Ctrl-C cancels the queued sources at once and raises `Interrupted`.

    `prepare` warms this process before it forks the workers (see commands/warm.py); it is
    not called when the sources run here, or when workers do not fork."""
    outcomes: list[Outcome[T]] = []
    try:
        for outcome in iterate_outcomes(work, sources, jobs, debug, prepare):
            report(outcome)
            outcomes.append(outcome)
    except KeyboardInterrupt:
        raise Interrupted(outcomes, len(sources)) from None
    order = {source: i for i, source in enumerate(sources)}
    return sorted(outcomes, key=lambda o: order[o.source])


def iterate_outcomes(
    work: Callable[[str], T],
    sources: Sequence[str],
    jobs: int,
    debug: bool,
    prepare: Callable[[], None] | None = None,
) -> Iterator[Outcome[T]]:
    if jobs <= 1 or len(sources) <= 1:
        for source in sources:
            yield settle(source, lambda s=source: work(s), debug)  # type: ignore[misc]
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only for several sources

    context = pool_context()
    if prepare is not None and context.get_start_method() == "fork":
        prepared_fork(prepare)
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(sources)), mp_context=context, initializer=start_worker
    )
    try:
        futures: dict[Future[T], str] = {pool.submit(Worker(work), s): s for s in sources}
        for future in as_completed(futures):
            yield settle(futures[future], future.result, debug)
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()


def pool_context() -> BaseContext:
    """Fork on Linux: the workers start with this process's imports (the stages, Pillow,
    trafilatura: about 0.7 s of CPU each when a worker imports them itself, as it would under
    forkserver, Python 3.14's new default there); the platform's default (spawn) elsewhere:
    macOS's system libraries are not safe to fork."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started; ask the running workers to stop (each removes its own
    temporary files), and kill any that has not within two seconds."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public way before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=2)
        if process.is_alive():
            process.kill()


def prepared_fork(prepare: Callable[[], None]) -> None:
    """Run `prepare` (warm the caches the workers will inherit), then freeze what it left:
    `gc.freeze()` keeps the workers' collections from walking, and so copying page by page,
    the objects they share with this process."""
    prepare()
    malloc_trim()  # ctypes, loaded once here rather than in every worker
    gc.collect()
    gc.freeze()


def release_memory() -> None:
    """Give freed heap memory back to the system: glibc keeps it for reuse, and a worker's
    resident size would grow with the batch. Elsewhere (macOS, Windows, musl) nothing."""
    trim = malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only a worker trims: a run of one source does not load ctypes

    try:
        function: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc: musl has no malloc_trim
        return None
    return function


_busy = False  # in a worker: whether it is working on a source


class Worker(Generic[T]):
    """The work of one source in a worker process; Ctrl-C is the parent's to handle."""

    def __init__(self, work: Callable[[str], T]) -> None:
        self.work = work

    def __call__(self, source: str) -> T:
        global _busy
        _busy = True
        try:
            return self.work(source)
        except KeyboardInterrupt:  # asked to stop: the write has cleaned up after itself
            os._exit(130)
        finally:
            _busy = False
            release_memory()  # flat memory over a long batch


def start_worker() -> None:
    """In each worker: Ctrl-C goes to the parent only; a stop request (SIGTERM) unwinds the
    source being written, so its temporary files are removed, or exits at once when idle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop_worker)


def stop_worker(signum: int, frame: object) -> None:
    if _busy:
        raise KeyboardInterrupt
    os._exit(130)


def settle(source: str, call: Callable[[], T], debug: bool) -> Outcome[T]:
    try:
        return Outcome(source, value=call())
    except RepurposeError as exc:
        if debug:
            raise
        return Outcome(source, error=str(exc))
    except OSError as exc:  # a file the stages did not expect to fail
        if debug:
            raise
        return Outcome(source, error=f"{exc.filename or source}: {exc.strerror or exc}")
    except Exception as exc:  # a bug or a dead worker: report it and go on with the rest
        if debug:
            raise
        return Outcome(source, error=f"unexpected {type(exc).__name__}: {exc}")
