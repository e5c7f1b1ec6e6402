"""Compiled regular expressions kept between runs (pipeline/patterncache.py).

A pattern equals another (`==`) when its source, flags and compiled program are the same, so
each test compares what the cache gives with a plain `re.compile`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import patterncache
from pipeline.digest.vocabulary import role_words, term_pattern
from pipeline.patterncache import compile_cached

SOURCE = r"(?<!\w)(?:[cC](?i:auses? include|aused by)|(?P<word>[sS](?i:ymptoms?)))|(?:원인|症状)"


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "repurpose" / "patterns"


def test_a_pattern_is_kept_and_read_back_the_same(cache: Path) -> None:
    first = compile_cached(SOURCE)
    assert first == re.compile(SOURCE)
    assert len(list(cache.iterdir())) == 1
    again = compile_cached(SOURCE)
    assert again == re.compile(SOURCE) and again is not first
    assert again.groupindex == {"word": 1}
    text = "Its symptoms are clear; 원인 and what caused by it"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in re.finditer(SOURCE, text)]


@pytest.mark.parametrize("damage", [b"", b"not json\n\x00\x01", b'{"flags": 32}\n\xff\xff'])
def test_a_damaged_entry_is_compiled_again_and_rewritten(cache: Path, damage: bytes) -> None:
    compile_cached(SOURCE)
    (entry,) = cache.iterdir()
    kept = entry.read_bytes()
    entry.write_bytes(damage)
    assert compile_cached(SOURCE) == re.compile(SOURCE)
    assert entry.read_bytes() == kept


def test_an_entry_of_another_pattern_is_not_taken(cache: Path) -> None:
    """An entry renamed to another source's name (its key inside says whose it is)."""
    compile_cached(SOURCE)
    (entry,) = cache.iterdir()
    other = r"(a)(b)(c)\3"
    target = patterncache.entry_path(other)
    assert target is not None
    entry.rename(target)
    assert compile_cached(other) == re.compile(other)
    assert compile_cached(other).search("abcc") is not None


def test_a_folder_that_cannot_be_written_costs_only_the_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "repurpose").write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compile_cached(SOURCE) == re.compile(SOURCE)


def test_a_bad_pattern_fails_as_re_compile_does(cache: Path) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        compile_cached("(?:unclosed")


def test_a_python_without_the_interface_compiles_as_usual(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterncache, "STAMP", "")
    assert compile_cached(SOURCE) == re.compile(SOURCE)
    assert not cache.exists()


@pytest.mark.parametrize(
    ("kind", "role"),
    [("headings", "treatment"), ("cues", "cause"), ("signals", "complaint"), ("points", "advice")],
)
def test_the_role_patterns_are_those_re_compile_makes(cache: Path, kind: str, role: str) -> None:
    term_pattern.cache_clear()
    try:
        cold = term_pattern(kind, role)
        term_pattern.cache_clear()
        warm = term_pattern(kind, role)
    finally:
        term_pattern.cache_clear()
    assert cold == warm == re.compile(cold.pattern)


@pytest.mark.parametrize("role", ["symptom", "cause", "treatment", "conclusion", "faq"])
def test_a_labels_role_words_go_as_the_plain_pattern_takes_them(cache: Path, role: str) -> None:
    plain = re.compile(rf"(?:{term_pattern('headings', role).pattern})\w*", re.IGNORECASE)
    for label in ("Signs and Symptoms", "CAUSES OF KNEE PAIN", "Treatment options", "Fazit",
                  "원인과 증상", "よくある質問", "Causas y tratamientos"):  # fmt: skip
        assert role_words("headings", role).sub(" ", label) == plain.sub(" ", label)


@pytest.mark.parametrize("flags", [re.IGNORECASE, re.IGNORECASE | re.MULTILINE])
def test_a_pattern_with_flags_is_kept_apart_from_the_same_source_without(
    cache: Path, flags: re.RegexFlag
) -> None:
    plain, flagged = compile_cached(SOURCE), compile_cached(SOURCE, flags)
    assert (plain, flagged) == (re.compile(SOURCE), re.compile(SOURCE, flags))
    assert len(list(cache.iterdir())) == 2
    again = compile_cached(SOURCE, flags)
    assert again == re.compile(SOURCE, flags) and again is not flagged
    word = compile_cached("symptoms", flags)
    assert (
        word.search("SYMPTOMS") is not None
        and compile_cached("symptoms").search("SYMPTOMS") is None
    )
