"""preview.html: the whole post on one page, escaped, with every image loading in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline.write.manifest import Manifest
from pipeline.write.preview import build_preview
from tests.folders import read_json, run_sample

DATA = Path(__file__).parent / "data" / "schedule"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=10000",
]


def hostile() -> dict[str, Any]:
    data = json.loads((DATA / "hostile-manifest.json").read_text())
    assert isinstance(data, dict)
    return data


def test_preview_shows_every_piece_of_a_real_post(tmp_path: Path) -> None:
    folder = run_sample(tmp_path)
    manifest = read_json(folder / "post.json")
    html = (folder / "preview.html").read_text()
    assert html == build_preview(Manifest.from_json(manifest)).decode("utf-8")
    slides = [i for i in manifest["images"] if i["kind"] == "carousel"]
    quotes = [i for i in manifest["images"] if i["kind"] == "quote"]
    carousel = html.split("Carousel, in swipe order")[1].split("Quote cards")[0]
    order = re.findall(r'<img src="([^"]+)" alt="[^"]', carousel)
    assert order == [s["file"] for s in slides]  # swipe order, each with its alt text
    assert "story-01.jpg" not in carousel  # a story is not a carousel slide
    grid = html.split("Profile grid (3:4 crop)")[1].split("<h2>")[0]
    feed = [i for i in manifest["images"] if i["kind"] != "story"]
    assert len(re.findall(r"<img ", grid)) == len(feed)
    assert "aspect-ratio: 3 / 4" in html and "object-fit: cover" in html
    assert f"{len(manifest['caption'])} / 2200 characters" in html
    for entry in quotes:
        assert f'src="{entry["file"]}"' in html
    findings = html.split("Health-copy check")[1]
    for finding in manifest["health_findings"]:  # the knee headline asks an efficacy question
        assert f">{finding['severity']}<" in findings and finding["rule"] in findings


def test_no_findings_key_shows_no_findings_section() -> None:
    assert "Health-copy check" not in build_preview(Manifest.from_json(hostile())).decode("utf-8")


def test_everything_is_escaped() -> None:
    html = build_preview(Manifest.from_json(hostile())).decode("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;title&#39;)" in html
    assert 'alt="Cover &#34; onerror=&#34;alert(1)"' in html
    assert "<img src=x" not in html
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; friends" in html
    assert "&lt;i&gt;long&lt;/i&gt;" in html


def test_health_findings_are_shown_when_present() -> None:
    manifest = hostile()
    manifest["health_findings"] = [
        {
            "level": "block",
            "text": "cures <knee> pain",
            "file": "carousel-02.jpg",
            "suggestion": "may help with knee pain",
        },
        {"severity": "warn", "text": "Do you suffer from knee pain?"},
        "a finding given as plain text",
    ]
    html = build_preview(Manifest.from_json(manifest)).decode("utf-8")
    section = html.split("Health-copy check")[1]
    assert 'class="finding block"' in section
    assert "cures &lt;knee&gt; pain" in section and "may help with knee pain" in section
    assert ">warn<" in section and "Do you suffer from knee pain?" in section
    assert "a finding given as plain text" in section


def test_plan_is_listed_once_scheduled() -> None:
    manifest = hostile()
    manifest["schedule"] = {
        "timezone": "Europe/London",
        "posts": [
            {"type": "carousel", "files": ["carousel-01.jpg"], "at": "2026-12-03T18:00:00+00:00"}
        ],
    }
    html = build_preview(Manifest.from_json(manifest)).decode("utf-8")
    assert "Posting plan (Europe/London)" in html and "Thu 03 Dec 2026, 18:00" in html


def dump_dom(page: Path, profile: Path) -> str:
    """The page's DOM after load, from headless Debian chromium."""
    command = [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom"]
    result = subprocess.run(
        [*command, page.as_uri()], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason="Debian chromium is not installed (`make test` installs it with "
    "scripts/system-deps.sh chromium; it failed or was not run)",
)
def test_every_image_loads_in_headless_chromium(tmp_path: Path) -> None:
    folder = run_sample(tmp_path / "out")
    manifest = read_json(folder / "post.json")
    stories = sum(1 for i in manifest["images"] if i["kind"] == "story")
    # each image in its section, and each feed image (not a story) in the profile grid
    total = 2 * len(manifest["images"]) - stories
    dom = dump_dom(folder / "preview.html", tmp_path / "profile")
    assert f'data-images-loaded="{total}/{total}"' in dom
    assert '<p id="missing" role="alert"></p>' in dom  # the warning box stays empty

    # The check can fail: without one image the page says which one is missing.
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    (broken / "quote-01.jpg").unlink()
    dom = dump_dom(broken / "preview.html", tmp_path / "profile")
    assert f'data-images-loaded="{total - 2}/{total}"' in dom
    assert 'role="alert" style="display: block;">Missing images: quote-01.jpg</p>' in dom
