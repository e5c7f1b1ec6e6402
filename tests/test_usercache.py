"""Compiled templates kept in the user's cache: the same text with and without it, an edited
template compiled again, and no cache (or a broken one) is no error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader

from pipeline import usercache
from pipeline.usercache import template_cache


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    template_cache.cache_clear()
    yield tmp_path / "cache" / "repurpose" / "jinja"
    template_cache.cache_clear()


def render(folder: Path, cache: object) -> str:
    env = Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache)  # type: ignore[arg-type]
    return env.get_template("t.j2").render(name="knee")


def test_a_cached_template_renders_as_a_compiled_one(tmp_path: Path, fresh_cache: Path) -> None:
    (tmp_path / "t.j2").write_text("Hello {{ name | upper }}")
    first = render(tmp_path, template_cache())  # compiles and keeps the copy
    assert len(list(fresh_cache.iterdir())) == 1
    assert render(tmp_path, template_cache()) == render(tmp_path, None) == first == "Hello KNEE"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text("Hello {{ name }}")
    assert render(tmp_path, template_cache()) == "Hello knee"
    (tmp_path / "t.j2").write_text("Bye {{ name }}")
    assert render(tmp_path, template_cache()) == "Bye knee"


def test_no_cache_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert template_cache() is None


def test_a_write_that_fails_is_no_error(fresh_cache: Path) -> None:
    cache = template_cache()
    assert cache is not None
    fresh_cache.rmdir()  # gone after it was made: the copy cannot be written
    env = Environment(loader=DictLoader({"t.j2": "{{ 1 + 1 }}"}), bytecode_cache=cache)
    assert env.get_template("t.j2").render() == "2"


def test_a_damaged_copy_is_compiled_again(tmp_path: Path, fresh_cache: Path) -> None:
    (tmp_path / "t.j2").write_text("Hello {{ name }}")
    render(tmp_path, template_cache())
    (copy,) = fresh_cache.iterdir()
    copy.write_bytes(b"not a compiled template")
    assert render(tmp_path, usercache.template_cache()) == "Hello knee"
