"""End-to-end: the command line on the bundled samples, and its errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from pipeline.cli import main
from tests.conftest import KNEE, SAMPLE_FILES


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_run_writes_a_complete_folder(sample: Path, tmp_path: Path) -> None:
    assert main(["run", str(sample), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    manifest = json.loads((folder / "post.json").read_text())
    slides = [i for i in manifest["images"] if i["kind"] == "carousel"]
    quotes = [i for i in manifest["images"] if i["kind"] == "quote"]
    assert 5 <= len(slides) <= 10
    assert len(quotes) >= 2
    for entry in manifest["images"]:
        with Image.open(folder / entry["file"]) as image:
            assert image.format == "JPEG"
            assert image.size == (entry["width"], entry["height"])
            if entry["kind"] == "carousel":
                assert image.size == (1080, 1350)
            assert not image.info.get("progressive")
            assert image.info.get("icc_profile")
        assert entry["alt_text"].startswith(entry["texts"][0])
    caption = (folder / "caption.txt").read_text()
    assert caption.strip() == manifest["caption"]
    assert len(manifest["caption"]) <= 2200
    assert 3 <= len(manifest["hashtags"]) <= 5
    assert manifest["digest"]["headline"] == manifest["source"]["title"].split(" | ")[0]


def test_knee_pain_digest_reaches_the_slides(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = list(tmp_path.iterdir())
    manifest = json.loads((folder / "post.json").read_text())
    labels = [p["label"] for p in manifest["digest"]["treatment_points"]]
    assert "Acupuncture" in labels
    kickers = [i["texts"][0] for i in manifest["images"] if i["kind"] == "carousel"]
    assert kickers[1:3] == ["Symptom", "Cause"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("missing.html", "missing.html: no such file"),
        ("notes.txt", "notes.txt: no such file"),
        ("notes.pdf", "notes.pdf: no such file"),
    ],
)
def test_bad_source_is_one_line_error(
    source: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err.splitlines()[0]
    assert not out.exists() or not any(out.iterdir())


def test_page_without_article_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "login.html"
    page.write_text(
        "<html><body><form><input name=user><button>Log in</button></form></body></html>"
    )
    assert main(["run", str(page), "-o", str(tmp_path / "out")]) == 1
    assert "no article text" in capsys.readouterr().err


def test_good_sources_survive_a_bad_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "gone.html"), str(KNEE), "-o", str(out), "-q"]) == 1
    assert len([p for p in out.iterdir() if not p.name.startswith(".")]) == 1


@pytest.mark.parametrize("command", ["extract", "digest"])
def test_json_commands(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, str(KNEE)]) == 0
    data = json.loads(capsys.readouterr().out)
    if command == "extract":
        assert data["title"].startswith("Could Chronic Joint Pain")
        assert "Could Chronic Joint Pain" not in data["text"]
        assert "Contact detail icon" not in data["text"]
    else:
        assert data["symptom_label"] == "Chronic Knee Pain"
