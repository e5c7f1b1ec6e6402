"""A batch's workers are warmed before they fork, and give freed memory back after each
article (pipeline/commands/warm.py, pipeline/commands/batch.py)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.commands import batch
from pipeline.commands.batch import prepared_fork, release_memory, run_batch
from pipeline.commands.run import RunOptions, run_brand
from pipeline.commands.warm import WARM_UP_MARKDOWN, WARM_UP_PAGE, warm_up
from pipeline.compose.caption import caption_environment
from pipeline.extract import extract_article
from pipeline.models import Page
from pipeline.render.looks import load_template

WARMED: list[int] = []  # the pids that ran `warm` (in a forked worker: the parent's)


def warm() -> None:
    WARMED.append(os.getpid())


def warmed_by(source: str) -> tuple[int, list[int]]:
    return os.getpid(), list(WARMED)


@pytest.fixture()
def unfrozen() -> Iterator[None]:
    WARMED.clear()
    yield
    gc.unfreeze()
    WARMED.clear()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_workers_start_with_what_the_parent_prepared(unfrozen: None) -> None:
    outcomes = run_batch(warmed_by, ["a", "b", "c"], 2, lambda o: None, prepare=warm)
    assert [os.getpid()] == WARMED  # once, here
    for outcome in outcomes:
        worker, seen = outcome.value or (0, [])
        assert worker != os.getpid() and seen == [os.getpid()]
    assert gc.get_freeze_count() > 0


def test_no_preparing_when_the_sources_run_here(unfrozen: None) -> None:
    outcomes = run_batch(warmed_by, ["a", "b"], 1, lambda o: None, prepare=warm)
    assert WARMED == [] and [o.value for o in outcomes] == [(os.getpid(), [])] * 2


def test_prepared_fork_prepares_then_freezes(unfrozen: None) -> None:
    prepared_fork(warm)
    assert [os.getpid()] == WARMED and gc.get_freeze_count() > 0


def test_the_warm_up_article_reaches_every_stage() -> None:
    article = extract_article(Page(origin="warm-up", text=WARM_UP_PAGE, kind="html"))
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert article.title == "Knee pain: what helps"
    assert {"Symptoms", "What causes it?", "Treatment"} <= set(headings)
    assert sum(b.kind == "item" for b in article.blocks) == 3
    post = extract_article(Page(origin="warm-up.md", text=WARM_UP_MARKDOWN, kind="markdown"))
    assert post.title == "Knee pain: what helps"
    assert sum(b.kind == "item" for b in post.blocks) == 2


def test_warm_up_fills_the_caches_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    options = RunOptions(tmp_path / "out", run_brand(None, None, False, None))
    load_template.cache_clear()
    caption_environment.cache_clear()
    warm_up(options)
    assert load_template.cache_info().currsize == 1
    assert caption_environment.cache_info().currsize == 1
    assert list(tmp_path.iterdir()) == []


def test_freed_memory_goes_back_where_the_c_library_allows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch.malloc_trim.cache_clear()
    try:
        if sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION"):
            assert batch.malloc_trim() is not None
        release_memory()  # never fails
        batch.malloc_trim.cache_clear()
        monkeypatch.setattr(sys, "platform", "darwin")
        assert batch.malloc_trim() is None
        release_memory()
    finally:
        batch.malloc_trim.cache_clear()
