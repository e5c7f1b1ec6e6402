"""Many sources in one `repurpose run`: expand URL lists, run on both cores, show progress.

A source is a file, a URL, or a list of them: `@urls.txt` (any file name) or a `.txt` file.
A list holds one source a line; blank lines, lines starting with # and trailing ` # comments` are
skipped, and relative file paths are taken from the list's own folder. A list whose lines are not
all URLs or article files (an article saved as .txt, say) is refused as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from pipeline.load.source import HTML_SUFFIXES, MARKDOWN_SUFFIXES, url_scheme
from pipeline.models import LoadError, RepurposeError

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


def read_source_list(item: str) -> list[str]:
    path = Path(item.removeprefix("@"))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file (a list of sources)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: cannot read the list of sources ({exc})") from None
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
    return url_scheme(line) is not None or line.lower().endswith(HTML_SUFFIXES + MARKDOWN_SUFFIXES)


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


def run_batch(
    work: Callable[[str], T],
    sources: Sequence[str],
    jobs: int,
    report: Callable[[Outcome[T]], None],
    debug: bool = False,
) -> list[Outcome[T]]:
    """Run `work` on every source, in `jobs` processes when there are several; never stop early."""
    outcomes = []
    for outcome in iterate_outcomes(work, sources, jobs, debug):
        report(outcome)
        outcomes.append(outcome)
    order = {source: i for i, source in enumerate(sources)}
    return sorted(outcomes, key=lambda o: order[o.source])


def iterate_outcomes(
    work: Callable[[str], T], sources: Sequence[str], jobs: int, debug: bool
) -> Iterator[Outcome[T]]:
    if jobs <= 1 or len(sources) <= 1:
        for source in sources:
            yield settle(source, lambda s=source: work(s), debug)  # type: ignore[misc]
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        futures: dict[Future[T], str] = {pool.submit(work, s): s for s in sources}
        for future in as_completed(futures):
            yield settle(futures[future], future.result, debug)


def settle(source: str, call: Callable[[], T], debug: bool) -> Outcome[T]:
    try:
        return Outcome(source, value=call())
    except RepurposeError as exc:
        if debug:
            raise
        return Outcome(source, error=str(exc))
    except Exception as exc:  # a bug or a dead worker: report it and go on with the rest
        if debug:
            raise
        return Outcome(source, error=f"unexpected {type(exc).__name__}: {exc}")
