"""The carousel as a PDF, one page per slide, for LinkedIn document posts and print: made from
the JPEGs as written, their quantisation tables kept ("keep"), so a page looks as its image."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

RESOLUTION = 144.0  # px per inch: a 1080x1350 slide is a 7.5x9.4 inch page


def carousel_pdf(jpegs: Sequence[bytes], title: str) -> bytes:
    """One page per JPEG, in order. No creation date, so the same slides give the same bytes."""
    pages = [Image.open(io.BytesIO(data)) for data in jpegs]
    buffer = io.BytesIO()
    first, *rest = pages
    first.save(
        buffer,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=RESOLUTION,
        quality="keep",
        subsampling="keep",
        title=title,
        creationDate=None,
        modDate=None,
    )
    for page in pages:
        page.close()
    return buffer.getvalue()
