"""The floor for a fresh `repurpose run`: a bare process that draws and encodes the same cards.

    python bench/reference_draw.py [OUT_DIR]

It imports only Pillow (no pipeline code), loads the same committed font files with the same
text layout engine (raqm), draws the knee-pain sample's 14 cards (9 carousel slides, 3 quote
cards, the square quote and the story) at their canvas sizes with the same texts and type sizes
as the calm look, and encodes each as the project does: baseline JPEG, quality 90, 4:2:0, the
committed sRGB profile embedded. Line breaks are greedy and the size is fixed (no fitting), so
this is less work than the real renderer: the honest lower bound a `run` is measured against.
With OUT_DIR it writes the JPEGs there (to look at); without, it only encodes them in memory.
"""

from __future__ import annotations

import io
import sys
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
ICC = (ROOT / "templates" / "srgb.icc").read_bytes()
BACKGROUND, TEXT, ACCENT, MUTED = "#F7F3EE", "#1F3D36", "#A4502A", "#4F5F5A"
HANDLE = "@viveenergymedicine"
HEADLINE = "Could Chronic Joint Pain Be Improved by Treating Muscle Imbalance?"
SOURCE = "— from our blog: " + HEADLINE

POINTS = [
    ("Symptom", "The patient reported ongoing knee pain, which was especially pronounced when"
     " standing or walking for extended periods."),
    ("Cause", "The root cause of the patient’s knee pain wasn’t just joint degeneration but also"
     " muscle imbalances around the knee."),
    ("Relieving Joint Strain", "Acupuncture was used to reduce inflammation and relieve pressure"
     " on the knee joint…"),
    ("Strengthening Muscles", "By focusing on strengthening weaker muscles, we aimed to improve"
     " the alignment of the knee…"),
    ("Acupuncture", "Needles were inserted around the knee joint and surrounding muscles to"
     " reduce inflammation and relieve pain."),
    ("Strengthening Exercises", "The patient was guided through strengthening exercises that"
     " focused on the quadriceps and hamstrings…"),
    ("Stretching and Mobility", "Gentle stretching exercises were recommended to relieve"
     " tension in the overworked muscles, promoting better muscle balance and reducing joint"
     " strain."),
]  # fmt: skip
QUOTES = [
    "The key to treating the patient’s chronic knee pain was to restore muscle balance around"
    " the joint.",
    "Acupuncture was used to reduce inflammation and relieve pressure on the knee joint by"
    " targeting the muscles that were out of balance.",
    "The root cause of the patient’s knee pain wasn’t just joint degeneration but also muscle"
    " imbalances around the knee.",
]
TAKEAWAY = "This case showed that chronic knee pain isn’t always just about aging joints."


@lru_cache(maxsize=32)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.RAQM)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy lines, each word measured once (as a careful bare script would)."""
    space = face.getlength(" ")
    lines: list[str] = []
    used = 0.0
    for word in text.split():
        length = face.getlength(word)
        if lines and used + space + length <= width:
            lines[-1] += " " + word
            used += space + length
        else:
            lines.append(word)
            used = length
    return lines


def paragraph(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    text: str,
    face: ImageFont.FreeTypeFont,
    width: int,
    leading: float,
    fill: str,
) -> None:
    x, y = xy
    for line in wrap(text, face, width):
        draw.text((x, y), line, font=face, fill=fill, anchor="ls")
        y += round(face.size * leading)


def tracked(
    draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, face: ImageFont.FreeTypeFont
) -> None:
    x = float(xy[0])
    for char in text.upper():
        draw.text((x, xy[1]), char, font=face, fill=ACCENT, anchor="ls")
        x += face.getlength(char) + 4


def slide(
    kicker: str | None,
    text: str,
    face: ImageFont.FreeTypeFont,
    counter: str | None,
    height: int = 1350,
    note: str | None = None,
) -> Image.Image:
    image = Image.new("RGB", (1080, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    top = 96 if height < 1920 else 282
    if kicker:
        tracked(draw, (96, top + 34), kicker, font("Inter-SemiBold.otf", 32))
        draw.rectangle((96, top + 68, 159, top + 73), ACCENT)
    paragraph(draw, (96, top + 300), text, face, 888, 1.2, TEXT)
    if note:
        paragraph(draw, (96, height - 220), note, font("Inter-SemiBold.otf", 40), 888, 1.2, ACCENT)
    small = font("Inter-Regular.otf", 32)
    draw.text((96, height - 106), HANDLE, font=small, fill=MUTED, anchor="ls")
    if counter:
        draw.text((984, height - 106), counter, font=small, fill=MUTED, anchor="rs")
    return image


def quote(text: str, size: tuple[int, int], type_size: int) -> Image.Image:
    image = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(image)
    left = 210 if size[1] > 1080 else 240
    draw.text((left - 120, 400), "“", font=font("NotoSerif-Regular.ttf", 240), fill=ACCENT)
    serif = font("NotoSerif-Regular.ttf", type_size)
    paragraph(draw, (left, 420), text, serif, 1080 - left - 96, 1.3, TEXT)
    paragraph(draw, (left, size[1] - 260), SOURCE, font("Inter-SemiBold.otf", 36), 774, 1.3, MUTED)
    draw.text(
        (96, size[1] - 106), HANDLE, font=font("Inter-Regular.otf", 32), fill=MUTED, anchor="ls"
    )
    return image


def draw_cards() -> list[tuple[str, Image.Image]]:
    bold, regular = font("Inter-Bold.otf", 96), font("Inter-Regular.otf", 62)
    cards = [
        ("carousel-01.jpg", slide("VIVE Energy Medicine", HEADLINE, bold, "1 / 9", note="Swipe →"))
    ]
    for number, (kicker, text) in enumerate(POINTS, 2):
        cards.append((f"carousel-{number:02}.jpg", slide(kicker, text, regular, f"{number} / 9")))
    closing = slide("Takeaway", TAKEAWAY, font("Inter-SemiBold.otf", 72), "9 / 9",
                    note="Book via the link in bio")  # fmt: skip
    cards.append(("carousel-09.jpg", closing))
    for number, text in enumerate(QUOTES, 1):
        cards.append((f"quote-{number:02}.jpg", quote(text, (1080, 1350), 58)))
    cards.append(("quote-01-square.jpg", quote(QUOTES[0], (1080, 1080), 50)))
    story = slide("New on our blog", HEADLINE, font("Inter-Bold.otf", 104), None, 1920,
                  note="Read it via the link in bio")  # fmt: skip
    cards.append(("story-01.jpg", story))
    return cards


def encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, progressive=False, optimize=False,
               subsampling="4:2:0", icc_profile=ICC)  # fmt: skip
    return buffer.getvalue()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for name, image in draw_cards():
        data = encode(image)
        if out:
            (out / name).write_bytes(data)


if __name__ == "__main__":
    main()
