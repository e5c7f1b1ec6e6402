"""Draw one or more output folders' images into one PNG, a row per folder, to look at whole
sets side by side (looks, languages, brand kits).

Usage:
  python scripts/contact_sheet.py OUT/<slug> [OUT/<slug> ...] [-o SHEET.png]
         [--scale 0.25] [--per-row 10] [--carousel-only] [--label "calm, en" ...]

One folder and no -o writes OUT/<slug>/contact-sheet.png, as before. Each row is labelled
with its --label (in order), else the folder's name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
LABEL_FONT = ROOT / "fonts" / "Inter-SemiBold.otf"
GAP = 8
LABEL_HEIGHT = 34
BACKGROUND = "#D9D6D0"
INK = "#222222"


def folder_images(folder: Path, carousel_only: bool) -> list[Path]:
    files = sorted(folder.glob("carousel-*.jpg"))
    if not carousel_only:
        files += sorted(f for f in folder.glob("quote-*.jpg") if "square" not in f.name)
        files += sorted(folder.glob("story-*.jpg"))
    return files


def thumbnail(file: Path, height: int) -> Image.Image:
    with Image.open(file) as image:
        width = round(image.width * height / image.height)
        return image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)


def contact_sheet(
    folders: list[Path],
    labels: list[str] | None = None,
    scale: float = 0.25,
    per_row: int = 10,
    carousel_only: bool = False,
) -> Image.Image:
    """A row of thumbnails per folder (at most `per_row`), 1350 px images at `scale` high."""
    height = round(1350 * scale)
    rows = []
    for folder in folders:
        files = folder_images(folder, carousel_only)[:per_row]
        if not files:
            raise SystemExit(f"no images in {folder}")
        rows.append([thumbnail(file, height) for file in files])
    width = max(sum(t.width + GAP for t in row) + GAP for row in rows)
    row_height = LABEL_HEIGHT + height + GAP
    sheet = Image.new("RGB", (width, len(rows) * row_height + GAP), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(LABEL_FONT), 20)
    names = labels or []
    for r, (folder, row) in enumerate(zip(folders, rows, strict=True)):
        top = GAP + r * row_height
        label = names[r] if r < len(names) else folder.name
        draw.text((GAP, top + LABEL_HEIGHT - 10), label, font=font, fill=INK, anchor="ls")
        x = GAP
        for thumb in row:
            sheet.paste(thumb, (x, top + LABEL_HEIGHT))
            x += thumb.width + GAP
    return sheet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--per-row", type=int, default=10)
    parser.add_argument("--carousel-only", action="store_true")
    parser.add_argument("--label", action="append", help="a row's label, once per folder")
    args = parser.parse_args()
    target = args.output or args.folders[0] / "contact-sheet.png"
    sheet = contact_sheet(args.folders, args.label, args.scale, args.per_row, args.carousel_only)
    sheet.save(target, optimize=True)
    print(target)


if __name__ == "__main__":
    main()
