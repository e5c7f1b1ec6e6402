"""Whole-tool speed, printed as ratios measured in this one run (never asserted): `make bench`.

a. start-up: `python -c pass` against `repurpose --help` and `repurpose export --help`;
b. a fresh `repurpose run` of the knee sample against bench/reference_draw.py, a bare Pillow
   process that loads the same fonts and draws and encodes the same 14 cards;
c. a batch `repurpose run -j 2` over the corpus pages and samples: articles/s, CPU per article
   and the peak RSS of the largest process, for half and for all of the sources (flat memory);
d. extraction: `extract_article` against `trafilatura.extract` alone on the corpus pages;
e. the Redis queue: articles/s for 1, 2 and 4 `repurpose worker` processes on a local
   redis-server (skipped, with a note, when redis-server is not installed).

Every figure is the median of several fresh processes (wall time, and CPU time from
getrusage); a ratio compares two figures taken here, minutes apart, on the same machine. The
issue's targets are shown beside them: <= 4x, <= 1.8x, >= 12 articles/s and <= 140 ms CPU per
article, <= 1.2x. On a machine busy with other work, the CPU ratios are the steadier ones.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"
EXTRACTION = SHARED / "extraction"
CLINIC = SHARED / "clinic"
SAMPLE = ROOT / "samples" / "knee-pain-muscle-imbalance.html"
PYTHON = sys.executable
CLI = str(Path(PYTHON).parent / "repurpose")
REPEATS = 5


@dataclass(frozen=True)
class Timing:
    wall: float  # s
    cpu: float  # s, user + system of the process and its children
    max_rss_mb: float  # the largest single process


def measure(argv: Sequence[str]) -> Timing:
    """Run argv through a small wrapper so getrusage(RUSAGE_CHILDREN) sees this command alone."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(wall, u.ru_utime + u.ru_stime, u.ru_maxrss)\n"
    )
    done = subprocess.run(
        [PYTHON, "-c", wrapper, *argv], check=True, capture_output=True, text=True
    )
    wall, cpu, rss = done.stdout.split()
    return Timing(float(wall), float(cpu), int(rss) / 1024)


def median_of(argv: Sequence[str], repeats: int = REPEATS) -> Timing:
    runs = [measure(argv) for _ in range(repeats)]
    return Timing(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.max_rss_mb for r in runs),
    )


def ratio_line(name: str, timing: Timing, base: Timing, target: str) -> str:
    return (
        f"  {name:32} {timing.wall:6.3f} s wall {timing.wall / base.wall:5.2f}x"
        f"   {timing.cpu:6.3f} s CPU {timing.cpu / base.cpu:5.2f}x   target {target}"
    )


def compile_package() -> None:
    """Compile pipeline/ to bytecode first, as an installed copy has it (pip and pipx compile
    at install; an editable install writes it on its first run). Without this, a shell with
    PYTHONDONTWRITEBYTECODE=1 would compile some 150 modules at every start measured, while
    the libraries, and bench/reference_draw.py's Pillow, come compiled."""
    import compileall

    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("  (pipeline/ compiled to bytecode first: PYTHONDONTWRITEBYTECODE is set here)")


def bench_startup() -> None:
    print(f"a. start-up, median of {REPEATS} fresh processes each")
    bare = median_of([PYTHON, "-c", "pass"])
    print(f"  {'python -c pass':32} {bare.wall:6.3f} s wall          {bare.cpu:6.3f} s CPU")
    for argv in (["--help"], ["export", "--help"]):
        timing = median_of([CLI, *argv])
        print(ratio_line("repurpose " + " ".join(argv), timing, bare, "<= 4x"))


def bench_fresh_run() -> None:
    print(f"\nb. a fresh run of {SAMPLE.name}, median of {REPEATS}")
    with tempfile.TemporaryDirectory() as out:
        reference = median_of([PYTHON, str(ROOT / "bench" / "reference_draw.py")])
        run = median_of([CLI, "run", str(SAMPLE), "-o", out, "-q", "--force"])
        cards = len(list(Path(out).glob("*/*.jpg")))
    print(f"  {'bench/reference_draw.py':32} {reference.wall:6.3f} s wall"
          f"          {reference.cpu:6.3f} s CPU   14 cards")  # fmt: skip
    print(ratio_line("repurpose run", run, reference, "<= 1.8x") + f"   {cards} cards")


def batch_sources() -> list[Path]:
    found = {
        "corpus extraction pages": sorted((EXTRACTION / "html").glob("*.html.gz")),
        "samples": sorted(p for p in (ROOT / "samples").iterdir() if is_article(p)),
        "clinic corpus": sorted(p for p in CLINIC.glob("*.md") if p.name != "README.md"),
    }
    print("  sources: " + ", ".join(f"{len(v)} {k}" for k, v in found.items()))
    return [path for paths in found.values() for path in paths]


def is_article(path: Path) -> bool:
    return path.name.endswith((".html", ".htm", ".html.gz", ".md", ".markdown"))


def bench_batch() -> None:
    print("\nc. batch `repurpose run -j 2`, one fresh command per line")
    sources = batch_sources()
    halves = [sources[::2], sources] if len(sources) > 1 else [sources]
    for chosen in halves:
        with tempfile.TemporaryDirectory() as out:
            timing = measure([CLI, "run", *map(str, chosen), "-o", out, "-q", "-j", "2"])
            written = len([p for p in Path(out).iterdir() if p.is_dir()])
        per_s = len(chosen) / timing.wall
        print(
            f"  {len(chosen):3} sources ({written} written): {timing.wall:5.2f} s,"
            f" {per_s:5.1f} articles/s (target >= 12),"
            f" CPU {timing.cpu * 1000 / len(chosen):4.0f} ms/article (target <= 140),"
            f" largest process {timing.max_rss_mb:4.0f} MB (flat as sources grow)"
        )


def bench_extraction() -> None:
    print(
        f"\nd. extraction on the corpus pages, in this process, warm (one untimed pass first),"
        f" the two taking turns every {CHUNK} pages, median of {ROUNDS} rounds"
    )
    truth_file = EXTRACTION / "ground-truth.json"
    if not truth_file.is_file():
        print(f"  skipped: {EXTRACTION} is absent")
        return
    import trafilatura

    from bench.extract_metric import score_page, summarise
    from pipeline.extract.article import extract_article
    from pipeline.load.source import read_file
    from pipeline.models import Page, RepurposeError

    def ours(html: str) -> str:
        try:
            return extract_article(Page(origin="bench", text=html, kind="html")).text
        except RepurposeError:
            return ""

    def theirs(html: str) -> str:
        return trafilatura.extract(html) or ""

    truth = {k: v.get("articleBody") or "" for k, v in json.loads(truth_file.read_text()).items()}
    pages = {k: read_file(EXTRACTION / "html" / f"{k}.html.gz").text for k in sorted(truth)}
    print(f"  {len(pages)} pages")
    extractors: dict[str, Callable[[str], str]] = {
        "trafilatura.extract": theirs,
        "extract_article": ours,
    }
    seconds, texts = time_extractors(extractors, pages)
    base = seconds["trafilatura.extract"]
    for name in extractors:
        f1 = summarise(score_page(texts[name][k], truth[k]) for k in pages).f1
        print(
            f"  {name:22} {seconds[name]:6.2f} s  {seconds[name] / base:5.2f}x  F1 {f1:.3f}"
            "   target <= 1.2x"
        )


CHUNK = 10  # pages each extractor does before the other takes its turn
ROUNDS = 3


def time_extractors(
    extractors: dict[str, Callable[[str], str]], pages: dict[str, str]
) -> tuple[dict[str, float], dict[str, dict[str, str]]]:
    """CPU seconds of each extractor over all pages (the median of ROUNDS rounds) and its
    texts. They take turns every CHUNK pages, so that both meet the same load from other
    processes: on a busy machine a ratio of two runs minutes apart drifts by a tenth."""
    for extract in extractors.values():
        for html in list(pages.values())[:3]:
            extract(html)  # imports and first-call caches out of the timing
    keys = list(pages)
    rounds: dict[str, list[float]] = {name: [] for name in extractors}
    texts: dict[str, dict[str, str]] = {name: {} for name in extractors}
    for _ in range(ROUNDS):
        spent = dict.fromkeys(extractors, 0.0)
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            for name, extract in extractors.items():
                started = time.process_time()
                texts[name] |= {key: extract(pages[key]) for key in chunk}
                spent[name] += time.process_time() - started
        for name in extractors:
            rounds[name].append(spent[name])
    return {name: statistics.median(times) for name, times in rounds.items()}, texts


QUEUE_ARTICLES = 32


def bench_queue() -> None:
    print(f"\ne. the Redis queue: {QUEUE_ARTICLES} articles, `run --queue --no-wait`, N workers")
    server = shutil.which("redis-server")
    if server is None:
        print("  skipped: redis-server is not installed (apt-get install redis-server)")
        return
    found = sorted(batch_sources(), key=lambda path: EXTRACTION in path.parents)  # articles first
    sources = (found * 2)[:QUEUE_ARTICLES]
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        redis_process = subprocess.Popen(
            [server, "--port", str(port), "--bind", "127.0.0.1", "--dir", folder, "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        try:
            time.sleep(0.5)
            for workers in (1, 2, 4):
                seconds, done = time_queue(f"redis://127.0.0.1:{port}/{workers}", sources, workers)
                per_s = len(sources) / seconds
                print(f"  {workers} worker{'s' if workers > 1 else ' '}: {seconds:5.1f} s,"
                      f" {per_s:5.1f} articles/s ({done} written, the rest refused)")  # fmt: skip
        finally:
            redis_process.terminate()
            redis_process.wait()
    print(f"  ({os.cpu_count()} cores here: more workers than cores adds nothing on one machine)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def time_queue(url: str, sources: Sequence[Path], workers: int) -> tuple[float, int]:
    """From sending the batch to its last job done, with the workers started (and idle) first."""
    import redis

    from pipeline.queue.broker import NAMESPACE
    from pipeline.queue.jobs import JobStore

    client = redis.Redis.from_url(url)
    store = JobStore(client)
    processes = [
        subprocess.Popen([CLI, "worker", "--queue", url, "-q"], stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    try:
        while client.zcard(f"{NAMESPACE}:__heartbeats__") < workers:
            time.sleep(0.1)  # the workers' start-up, out of the timing
        with tempfile.TemporaryDirectory() as folder:
            out = str(Path(folder) / "queue-bench")  # the clinic's name: its output folder's
            started = time.perf_counter()
            subprocess.run(
                [CLI, "run", "--queue", url, "--no-wait", "-q", "-o", out, *map(str, sources)],
                check=True,
            )
            while sum(store.counts("queue-bench").values()) == 0 or not all_ended(store):
                time.sleep(0.1)
            return time.perf_counter() - started, store.counts("queue-bench")["done"]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()


def all_ended(store: Any) -> bool:
    counts: dict[str, int] = store.counts("queue-bench")
    return counts["pending"] == 0 and counts["running"] == 0


def main() -> None:
    started = time.perf_counter()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
    compile_package()
    bench_startup()
    bench_fresh_run()
    bench_batch()
    bench_extraction()
    bench_queue()
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\nbench took {time.perf_counter() - started:.0f} s (this process {own_mb} MB)")


if __name__ == "__main__":
    main()
