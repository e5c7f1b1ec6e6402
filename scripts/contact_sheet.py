"""Make a PNG contact sheet of an output folder's images, to look at a whole set at once.

Usage: python scripts/contact_sheet.py OUT/<slug> [SHEET.png] [--scale 0.25]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image


def contact_sheet(folder: Path, scale: float = 0.25, columns: int = 5) -> Image.Image:
    files = sorted(folder.glob("carousel-*.jpg")) + sorted(folder.glob("quote-*.jpg"))
    thumbs = []
    for file in files:
        with Image.open(file) as image:
            thumbs.append(image.resize((round(image.width * scale), round(image.height * scale))))
    if not thumbs:
        raise SystemExit(f"no images in {folder}")
    width = max(t.width for t in thumbs)
    height = max(t.height for t in thumbs)
    rows = (len(thumbs) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * (width + 8) + 8, rows * (height + 8) + 8), "#888888")
    for i, thumb in enumerate(thumbs):
        sheet.paste(thumb, (8 + (i % columns) * (width + 8), 8 + (i // columns) * (height + 8)))
    return sheet


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else folder / "contact-sheet.png"
    contact_sheet(folder).save(target)
    print(target)
