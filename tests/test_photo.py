"""The article's own photo (issue 13): where it is found, how it is loaded (a real server on
127.0.0.1, local files), cropped and veiled, and what a run writes with it. Layout decisions are
checked on numbers and boxes; the veil on the pixels under each text, as the rule says."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageChops

from pipeline.brand import load_brand
from pipeline.cli import main
from pipeline.colors import MIN_CONTRAST, contrast_ratio, hex_to_rgb
from pipeline.extract.photo import find_photo
from pipeline.models import Card, Page
from pipeline.render.card import place_card
from pipeline.render.layouts import Layout
from pipeline.render.looks import load_template
from pipeline.render.photo import (
    DETAIL_SCALE,
    RGB,
    Box,
    Photo,
    crop_photo,
    detail_window,
    photo_canvas,
    text_boxes,
)
from pipeline.render.place import ink_box
from tests.conftest import KNEE
from tests.stubserver import Reply, Stub, serve

DATA = Path(__file__).parent / "data" / "photo"
ARTICLE = DATA / "article.md"
PHOTO = DATA / "treatment-room.jpg"
ALT = "A physiotherapist eases the neck muscles of a patient lying on a couch"
HTML = {"Content-Type": "text/html; charset=utf-8"}
JPEG = {"Content-Type": "image/jpeg"}


def html_page(head: str = "", body: str = "") -> Page:
    text = f"<html><head>{head}</head><body><article>{body}<p>Text.</p></article></body></html>"
    return Page("https://clinic.example/blog/a", text, "html", url="https://clinic.example/blog/a")


@pytest.mark.parametrize(
    ("head", "body", "src", "alt"),
    [
        (  # og:image first; its alt from og:image:alt
            '<meta property="og:image" content="/img/hero.jpg">'
            '<meta property="og:image:alt" content="A knee brace">',
            '<img src="/img/other.jpg" alt="Other">',
            "https://clinic.example/img/hero.jpg",
            "A knee brace",
        ),
        (  # no alt in the head: the body's <img> of the same file gives it
            '<meta property="og:image" content="https://cdn.example/hero.jpg?w=1200">',
            '<img src="https://cdn.example/hero.jpg" alt="Stretching the calf">',
            "https://cdn.example/hero.jpg?w=1200",
            "Stretching the calf",
        ),
        (  # JSON-LD image, not the organization's logo
            '<script type="application/ld+json">{"@type": "BlogPosting", "image":'
            ' {"url": "/a.jpg", "caption": "Ice on an ankle"}}</script>',
            "",
            "https://clinic.example/a.jpg",
            "Ice on an ankle",
        ),
        (  # the body: icons, logos, small images and SVGs are never the photo
            "",
            '<img src="/logo.png" alt="Clinic"><img src="/x.jpg" width="64" height="64">'
            '<img src="/chart.svg"><figure><img src="/big.jpg" alt="Hands on a back"></figure>',
            "https://clinic.example/big.jpg",
            "Hands on a back",
        ),
    ],
)
def test_the_photo_is_found_with_its_alt(head: str, body: str, src: str, alt: str) -> None:
    found = find_photo(html_page(head, body))
    assert found is not None and (found.src, found.alt) == (src, alt)


@pytest.mark.parametrize(
    "img",
    [
        '<img src="data:image/png;base64,AAAA">',
        "<img src=\"<?php bloginfo('template_directory')?>/img/side.jpg\">",  # unexpanded code
        '<img src="{$rt}/img/title.png">',
    ],
)
def test_a_page_without_a_photo_has_none(img: str) -> None:
    assert find_photo(html_page(body=img)) is None


def test_an_empty_front_matter_image_is_no_photo() -> None:
    text = "---\ntitle: Dry eye\nimage:\ntags: [eyes]\n---\n\n# Dry eye\n\nText.\n"
    assert find_photo(Page("a.md", text, "markdown", path="a.md")) is None


def test_a_markdown_file_has_its_first_image() -> None:
    page = Page(str(ARTICLE), ARTICLE.read_text(encoding="utf-8"), "markdown", path=str(ARTICLE))
    found = find_photo(page)
    assert found is not None and (found.src, found.alt) == ("treatment-room.jpg", ALT)


@pytest.mark.parametrize("size", [(1080, 1350), (1080, 1080), (1080, 1920)])
def test_the_crop_has_the_card_size_and_is_never_stretched(size: tuple[int, int]) -> None:
    with Image.open(PHOTO) as photo:
        crop = crop_photo(photo.convert("RGB"), size)
        scale = max(size[0] / photo.width, size[1] / photo.height)
        assert crop.size == size
        # one scale for both sides: the scaled photo covers the card, off by a rounding px
        assert round(photo.width * scale) >= size[0] and round(photo.height * scale) >= size[1]


def test_the_crop_keeps_the_most_detailed_region() -> None:
    """The test photo's detail (its subject) lies at x 1050-1450 of 1600 px: a 4:5 crop of it
    scaled to 1350 px high is 1080 of 2160 px wide; its centre would start at 540."""
    with Image.open(PHOTO) as photo:
        scaled = photo.convert("RGB").resize((2160, 1350))
    left, top = detail_window(scaled, (1080, 1350))
    assert top == 0 and left > 540
    assert left <= 1050 * 2160 / 1600 and left + 1080 >= 1450 * 2160 / 1600


def test_an_even_photo_is_cut_at_its_centre() -> None:
    left, top = detail_window(Image.new("RGB", (2000, 1350), "#808080"), (1080, 1350))
    assert top == 0 and abs(left - 460) <= DETAIL_SCALE  # within one px of the detail map


def cover_text_boxes(look: str) -> tuple[Layout, list[tuple[Box, RGB]], dict[str, str]]:
    """The look's cover layout, its texts' boxes with their colours, and the palette."""
    brand, template = load_brand(), load_template(look)
    layout = template.layouts["cover"]
    card = Card("cover", "c.jpg", "Knee pain on the stairs", kicker="Clinic", note="Swipe")
    colors = brand.palette(template.palette)
    placed = [(p.box, ink_box(p)) for p in place_card(card, layout, brand).values() if p.text]
    return layout, text_boxes(layout, placed, colors), colors


@pytest.mark.parametrize("look", ["calm", "bold"])
def test_text_over_the_photo_reaches_4_5_to_1_on_the_pixels_behind_it(look: str) -> None:
    """A harsh photo (black and white stripes) under the cover's texts."""
    stripes = Image.new("RGB", (1200, 1500), "white")
    for x in range(0, 1200, 40):
        stripes.paste((0, 0, 0), (x, 0, x + 20, 1500))
    layout, boxes, colors = cover_text_boxes(look)
    veil = hex_to_rgb(colors["background"])
    canvas = photo_canvas(Photo(stripes), layout, boxes, veil)
    assert boxes  # the cover's texts sit on the photo
    for box, color in boxes:
        low, high = cast(tuple[int, int], canvas.convert("L").crop(box).getextrema())
        for value in (low, high):
            assert contrast_ratio(color, (value, value, value)) >= MIN_CONTRAST


@pytest.mark.parametrize("look", ["calm", "bold"])
def test_the_cover_veils_only_behind_its_texts(look: str) -> None:
    """The test photo under the cover: the texts reach 4.5:1 on the pixels behind their lines,
    and the photo away from them (the top right, where no text is) keeps its own colours."""
    layout, boxes, colors = cover_text_boxes(look)
    with Image.open(PHOTO) as image:
        photo = Photo(image.convert("RGB"))
    canvas = photo_canvas(photo, layout, boxes, hex_to_rgb(colors["background"]))
    bare = crop_photo(photo.image, (layout.width, layout.height))
    for box, color in boxes:
        low, high = cast(tuple[int, int], canvas.convert("L").crop(box).getextrema())
        assert min(contrast_ratio(color, (v, v, v)) for v in (low, high)) >= MIN_CONTRAST
    corner = (700, 0, 1080, 60)  # above the headline, right of the kicker: no text near
    diff = ImageChops.difference(canvas.crop(corner), bare.crop(corner)).convert("L")
    assert max(cast(tuple[int, int], diff.getextrema())) <= 12  # the photo, not a veil


def test_the_photo_looks_crop_shows_the_detail_its_panel_leaves_in_view() -> None:
    """A wide photo with detail in two places: a large patch that the photo look's panel (x 64
    to 1016, y 420 to 1286 of the card) would hide, and a smaller one in the band above it."""
    wide = Image.new("RGB", (2700, 1350), "#808080")
    checks = Image.new("RGB", (16, 16), "white")
    checks.paste((0, 0, 0), (0, 0, 8, 8))
    checks.paste((0, 0, 0), (8, 8, 16, 16))
    for x in range(200, 900, 16):  # hidden unless the crop starts left of it
        for y in range(500, 1200, 16):
            wide.paste(checks, (x, y))
    for x in range(1700, 2300, 16):  # in the top band whatever the crop
        for y in range(40, 360, 16):
            wide.paste(checks, (x, y))
    layout = load_template("photo").layouts["point"]
    covered = tuple((p.x, p.y, p.x + p.width, p.y + p.height) for p in layout.panels)
    plain, _ = detail_window(wide, (1080, 1350))
    left, _ = detail_window(wide, (1080, 1350), covered)
    assert plain < 900  # on detail alone, the large patch wins
    assert left <= 1700 and left + 1080 >= 2300  # the panel hides it: the visible patch wins


def run_article(article: Path, out: Path, *more: str) -> tuple[int, Path | None]:
    code = main(["run", str(article), "-o", str(out), "--look", "photo", *more])
    folders = [p for p in out.iterdir() if p.is_dir()] if out.is_dir() else []
    return code, folders[0] if folders else None


def test_a_saved_article_with_a_local_photo(tmp_path: Path) -> None:
    code, folder = run_article(ARTICLE, tmp_path / "out", "-q")
    assert code == 0 and folder is not None
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    assert manifest["photo"]["file"] == "article-photo.jpg"
    assert manifest["photo"]["alt"] == ALT
    assert (folder / "article-photo.jpg").is_file()
    alts = {image["file"]: image["alt_text"] for image in manifest["images"]}
    assert alts["carousel-01.jpg"].endswith(f"Photo: {ALT}.")
    assert all(ALT in alt for alt in alts.values())  # the photo look draws it on every card
    cover = (folder / "carousel-01.jpg").read_bytes()
    (folder / "article-photo.jpg").unlink()  # render draws the kept photo; without it, a note
    assert main(["render", str(folder), "-q"]) == 0
    assert (folder / "carousel-01.jpg").read_bytes() != cover


def test_render_draws_the_kept_photo_again(tmp_path: Path) -> None:
    _, folder = run_article(ARTICLE, tmp_path / "out", "-q")
    assert folder is not None
    cover = (folder / "carousel-01.jpg").read_bytes()
    assert main(["render", str(folder), "-q"]) == 0
    assert (folder / "carousel-01.jpg").read_bytes() == cover


def test_a_photo_outside_the_articles_folder_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "site" / "post"
    folder.mkdir(parents=True)
    shutil.copy(PHOTO, tmp_path / "site" / "secret.jpg")
    article = folder / "article.md"
    article.write_text(
        ARTICLE.read_text(encoding="utf-8").replace("(treatment-room.jpg)", "(../secret.jpg)"),
        encoding="utf-8",
    )
    code, out = run_article(article, tmp_path / "out")
    assert code == 0 and out is not None and not (out / "article-photo.jpg").exists()
    assert "outside the article's folder" in capsys.readouterr().err


@pytest.fixture
def server() -> Iterator[Stub]:
    with serve() as stub:
        yield stub


def with_remote_photo(tmp_path: Path, url: str) -> Path:
    article = tmp_path / "article.md"
    text = ARTICLE.read_text(encoding="utf-8").replace("(treatment-room.jpg)", f"({url})")
    article.write_text(text, encoding="utf-8")
    return article


def test_a_saved_pages_remote_photo_needs_fetch_images(
    tmp_path: Path, server: Stub, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/photo.jpg"] = Reply(PHOTO.read_bytes(), 200, JPEG)
    article = with_remote_photo(tmp_path, f"{server.base}/photo.jpg")
    code, folder = run_article(article, tmp_path / "a", "--allow-private")
    assert code == 0 and folder is not None and server.calls == []
    assert "pass --fetch-images to use it" in capsys.readouterr().err
    code, folder = run_article(article, tmp_path / "b", "--allow-private", "--fetch-images", "-q")
    assert code == 0 and folder is not None and (folder / "article-photo.jpg").is_file()
    assert server.paths() == ["/photo.jpg"]


def bomb_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (9000, 9000)).save(buffer, "JPEG", quality=10)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("reply", "note"),
    [
        (Reply(b"gone", 404, {"Content-Type": "text/plain"}), "HTTP 404"),
        (Reply(b"<html>no</html>", 200, HTML), "not an image"),
        (Reply(b"\xff\xd8\xff garbage", 200, JPEG), "not an image that can be read"),
        (Reply(bomb_jpeg(), 200, JPEG), "over the 40-megapixel limit"),
    ],
)
def test_a_broken_photo_falls_back_to_the_looks_background(
    tmp_path: Path, server: Stub, capsys: pytest.CaptureFixture[str], reply: Reply, note: str
) -> None:
    page = KNEE.read_text(encoding="utf-8").replace(
        "<head>", f'<head><meta property="og:image" content="{server.base}/photo.jpg">', 1
    )
    server.routes["/post"] = Reply(page.encode(), 200, HTML)
    server.routes["/photo.jpg"] = reply
    code = main(["run", f"{server.base}/post", "-o", str(tmp_path), "--allow-private"])
    assert code == 0
    assert note in capsys.readouterr().err
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert not (folder / "article-photo.jpg").exists()
    assert "photo" not in json.loads((folder / "post.json").read_text(encoding="utf-8"))


def test_a_url_articles_photo_is_fetched(tmp_path: Path, server: Stub) -> None:
    page = KNEE.read_text(encoding="utf-8").replace(
        "<head>", '<head><meta property="og:image" content="/photo.jpg">', 1
    )
    server.routes["/post"] = Reply(page.encode(), 200, HTML)
    server.routes["/photo.jpg"] = Reply(PHOTO.read_bytes(), 200, JPEG)
    code = main(["run", f"{server.base}/post", "-o", str(tmp_path), "--allow-private", "-q"])
    assert code == 0 and "/photo.jpg" in server.paths()
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    record = json.loads((folder / "post.json").read_text(encoding="utf-8"))["photo"]
    assert record["source"] == f"{server.base}/photo.jpg"


def test_a_photo_on_a_private_address_needs_allow_private(
    tmp_path: Path, server: Stub, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/photo.jpg"] = Reply(PHOTO.read_bytes(), 200, JPEG)
    article = with_remote_photo(tmp_path, f"{server.base}/photo.jpg")
    code, folder = run_article(article, tmp_path / "out", "--fetch-images")
    assert code == 0 and folder is not None and server.calls == []
    assert "pass --allow-private to fetch it" in capsys.readouterr().err
    assert not (folder / "article-photo.jpg").exists()


def test_a_saved_pages_root_path_is_fetched_from_its_site_with_fetch_images(
    tmp_path: Path, server: Stub
) -> None:
    """ "/media/photo.jpg" in a saved page is the site's, not the disk's: it is fetched from the
    page's canonical URL's host, and only with --fetch-images."""
    server.routes["/media/photo.jpg"] = Reply(PHOTO.read_bytes(), 200, JPEG)
    head = (
        f'<head><link rel="canonical" href="{server.base}/blog/heel">'
        '<meta property="og:image" content="/media/photo.jpg">'
    )
    page = (Path(__file__).parent.parent / "samples" / "plantar-heel-pain.html").read_text()
    saved = tmp_path / "heel.html"
    saved.write_text(page.replace("<head>", head, 1), encoding="utf-8")
    code, folder = run_article(saved, tmp_path / "a", "--allow-private", "-q")
    assert code == 0 and folder is not None and server.calls == []
    code, folder = run_article(saved, tmp_path / "b", "--allow-private", "--fetch-images", "-q")
    assert code == 0 and folder is not None and server.paths() == ["/media/photo.jpg"]
    assert (folder / "article-photo.jpg").is_file()
