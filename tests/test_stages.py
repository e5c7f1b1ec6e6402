"""Each stage on every bundled sample: what it must produce, and what must never leak through."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.brand import load_brand
from pipeline.compose.post import compose_post
from pipeline.digest.story import digest_article
from pipeline.extract.article import extract_article
from pipeline.load.source import load_source
from pipeline.models import Article, Digest, OutputError
from pipeline.render.card import render_card
from pipeline.write.files import make_slug, write_post_folder
from tests.conftest import KNEE, ROOT, SAMPLE_FILES

CHROME = (
    "Contact detail icon",
    "Footer Social",
    "Cookie",
    "Recent Posts",
    "Share this post",
    "Reply",
)


def sample_article(path: Path) -> Article:
    return extract_article(load_source(str(path)))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_extract_keeps_article_structure_and_drops_chrome(sample: Path) -> None:
    article = sample_article(sample)
    assert article.title
    assert article.title not in article.text
    assert any(b.kind == "heading" for b in article.blocks)
    assert any(b.kind == "item" or b.lead for b in article.blocks)
    for phrase in CHROME:
        assert phrase not in article.text


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_digest_words_come_from_the_article(sample: Path) -> None:
    article = sample_article(sample)
    digest = digest_article(article)
    body = " ".join(article.text.split())
    assert digest.headline in article.title
    assert digest.symptom and digest.symptom in body
    assert len(digest.treatment_points) >= 3
    for point in digest.treatment_points:
        assert point.text in body
        assert point.short.rstrip("…") in body
        assert len(point.short.split()) <= 20
    assert 2 <= len(digest.quotes) <= 4
    for quote in digest.quotes:
        assert quote in body and 8 <= len(quote.split()) <= 30


def test_knee_pain_digest_follows_the_labelled_sections() -> None:
    digest = digest_article(sample_article(KNEE))
    assert digest.symptom_label == "Chronic Knee Pain"
    assert digest.cause_label == "Muscle Imbalance"
    assert digest.symptom is not None and digest.symptom.startswith(
        "The patient reported ongoing knee pain"
    )
    labels = [p.label for p in digest.treatment_points]
    assert labels == [
        "Relieving Joint Strain",
        "Strengthening Muscles",
        "Acupuncture",
        "Strengthening Exercises",
        "Stretching and Mobility",
    ]
    assert digest.conclusion is not None and digest.conclusion.startswith("This case showed")


def knee_digest() -> Digest:
    return digest_article(sample_article(KNEE))


def test_compose_tells_the_story_in_order() -> None:
    post = compose_post(knee_digest(), load_brand(), "knee")
    roles = [c.kind for c in post.cards if c.group == "carousel"]
    assert roles[0] == "cover" and roles[-1] == "closing"
    assert 5 <= len(roles) <= 10
    assert [c.file for c in post.cards][:2] == ["carousel-01.jpg", "carousel-02.jpg"]
    assert post.cards[1].counter == f"2 / {len(roles)}"
    assert post.caption.splitlines()[0] == knee_digest().headline


def test_render_draws_every_text_inside_the_card() -> None:
    post = compose_post(knee_digest(), load_brand(), "knee")
    image = render_card(post.cards[0], load_brand())
    assert image.jpeg[:2] == b"\xff\xd8"
    assert (image.width, image.height) == (1080, 1350)
    assert post.cards[0].text.split()[0] in " ".join(image.texts)


def test_write_replaces_a_folder_whole(tmp_path: Path) -> None:
    write_post_folder(tmp_path, "slug", {"a.txt": b"1", "b.txt": b"2"})
    write_post_folder(tmp_path, "slug", {"a.txt": b"3"})
    visible = [p.name for p in (tmp_path / "slug").iterdir() if not p.name.startswith(".")]
    assert visible == ["a.txt"]  # the hidden .repurpose-state.json records what was written
    assert [p.name for p in tmp_path.iterdir()] == ["slug"]


def test_write_refuses_names_that_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="outside the output folder"):
        write_post_folder(tmp_path, "slug", {"../escape.txt": b"x"})
    assert not (tmp_path / "escape.txt").exists()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Could Chronic Joint Pain Be Improved?", "could-chronic-joint-pain-be-improved"),
        ("무릎 통증: 근육 불균형", "무릎-통증-근육-불균형"),
        ("!!!", "article"),
        (
            "Could Chronic Joint Pain Be Improved by Treating Muscle Imbalance?",
            "could-chronic-joint-pain-be-improved-by-treating-muscle",
        ),
    ],
)
def test_make_slug(title: str, slug: str) -> None:
    assert make_slug(title) == slug


def test_wheel_ships_fonts_and_templates(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("repurpose-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pipeline/_data/fonts/Inter-Regular.otf" in names
    assert "pipeline/_data/templates/brand.toml" in names
    assert "pipeline/_data/templates/captions/carousel.txt.j2" in names
