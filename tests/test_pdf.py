"""--pdf: carousel.pdf, one page per carousel slide in order, made from the JPEGs, written with
the folder and listed in post.json; `render` keeps it up to date."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from pipeline.cli import main
from tests.conftest import KNEE


def manifest(folder: Path) -> dict[str, object]:
    return json.loads((folder / "post.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_run_with_pdf_writes_one_page_per_slide(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "--pdf", "-q"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    slides = sorted(p.name for p in folder.glob("carousel-*.jpg"))
    record = manifest(folder)["pdf"]
    assert record == {"file": "carousel.pdf", "pages": slides}
    pdf = (folder / "carousel.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/DCTDecode") == len(slides)
    first = Image.open(io.BytesIO(pdf_image(pdf, 0)))
    with Image.open(folder / slides[0]) as slide:
        assert first.size == slide.size
    assert not list(folder.glob(".*.tmp"))  # written atomically, with the rest


def pdf_image(pdf: bytes, index: int) -> bytes:
    """The index-th JPEG stream of the PDF (pages hold the slides' JPEG data)."""
    start = -1
    for _ in range(index + 1):
        start = pdf.index(b"\xff\xd8\xff", start + 1)
    return pdf[start : pdf.index(b"\xff\xd9", start) + 2]


def test_no_pdf_unless_asked_and_render_keeps_it(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert not (folder / "carousel.pdf").exists() and "pdf" not in manifest(folder)
    assert main(["render", str(folder), "--pdf", "-q"]) == 0
    assert (folder / "carousel.pdf").is_file()
    before = (folder / "carousel.pdf").read_bytes()
    assert main(["render", str(folder), "-q"]) == 0  # the folder has one: it is drawn again
    assert (folder / "carousel.pdf").read_bytes() == before  # the same slides, the same bytes
    assert "pdf" in manifest(folder)
