"""An output folder belongs to one source: another article with the same title never takes over
its folder (or its hand edits); it gets OUT/<slug>-2. The same source keeps its folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import SAMPLES
from tests.folders import read_json

EDIT = "Our own words for the heel pain post, written by hand. #HeelPain"


def retitled(sample: Path, target: Path) -> Path:
    """A real article under the title "Heel Pain" (two of them make a clash of slugs)."""
    text = sample.read_text(encoding="utf-8")
    target.write_text(re.sub(r"^title: .*$", 'title: "Heel Pain"', text, count=1, flags=re.M))
    return target


def run(*args: str) -> None:
    assert main(["run", *args, "-q"]) == 0


def test_same_title_from_another_source_gets_the_next_slug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = retitled(SAMPLES / "tension-headaches.md", tmp_path / "hpA.md")
    b = retitled(SAMPLES / "es-dolor-de-espalda.md", tmp_path / "hpB.md")
    out = tmp_path / "out"
    run(str(a), "-o", str(out))
    (out / "heel-pain" / "caption.txt").write_text(EDIT + "\n")

    assert main(["run", str(b), "-o", str(out)]) == 0
    note = "  note: heel-pain holds another article with this title: wrote heel-pain-2"
    assert note in capsys.readouterr().err.splitlines()
    assert read_json(out / "heel-pain-2" / "post.json")["source"]["path"] == str(b)
    assert EDIT not in (out / "heel-pain-2" / "caption.txt").read_text()
    assert read_json(out / "heel-pain" / "post.json")["source"]["path"] == str(a)
    assert (out / "heel-pain" / "caption.txt").read_text() == EDIT + "\n"

    run(str(a), "-o", str(out))  # the same sources again: each keeps its own folder
    run(str(b), "-o", str(out))
    assert sorted(p.name for p in out.iterdir()) == ["heel-pain", "heel-pain-2"]
    assert read_json(out / "heel-pain" / "post.json")["caption"] == EDIT
    assert EDIT not in read_json(out / "heel-pain-2" / "post.json")["caption"]


def test_same_title_twice_in_one_batch_writes_two_folders(tmp_path: Path) -> None:
    a = retitled(SAMPLES / "tension-headaches.md", tmp_path / "hpA.md")
    b = retitled(SAMPLES / "es-dolor-de-espalda.md", tmp_path / "hpB.md")
    out = tmp_path / "out"
    run(str(a), str(b), "-o", str(out), "-j", "2")
    assert sorted(p.name for p in out.iterdir()) == ["heel-pain", "heel-pain-2"]
    sources = {read_json(p / "post.json")["source"]["path"] for p in out.iterdir()}
    assert sources == {str(a), str(b)}


def test_a_source_finds_its_numbered_folder_after_the_first_is_gone(tmp_path: Path) -> None:
    a = retitled(SAMPLES / "tension-headaches.md", tmp_path / "hpA.md")
    b = retitled(SAMPLES / "es-dolor-de-espalda.md", tmp_path / "hpB.md")
    out = tmp_path / "out"
    run(str(a), "-o", str(out))
    run(str(b), "-o", str(out))
    (out / "heel-pain-2" / "caption.txt").write_text(EDIT + "\n")
    shutil.rmtree(out / "heel-pain")
    run(str(b), "-o", str(out))
    assert [p.name for p in out.iterdir()] == ["heel-pain-2"]
    assert read_json(out / "heel-pain-2" / "post.json")["caption"] == EDIT


def test_ownership_does_not_depend_on_the_directory_a_run_starts_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two different articles, both saved as th.md in their own folders, run by relative path."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    retitled(SAMPLES / "tension-headaches.md", tmp_path / "a" / "th.md")
    retitled(SAMPLES / "ko-knee-pain.md", tmp_path / "b" / "th.md")
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path / "a")
    run("th.md", "-o", str(out))
    monkeypatch.chdir(tmp_path / "b")
    run("th.md", "-o", str(out))
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "heel-pain",
        "heel-pain-2",
    ]
    monkeypatch.chdir(tmp_path)  # the same file from elsewhere keeps its own folder
    run("a/th.md", "-o", str(out))
    assert len([p for p in out.iterdir() if not p.name.startswith(".")]) == 2
