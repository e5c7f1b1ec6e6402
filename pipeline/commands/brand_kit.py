"""The brand kit `repurpose brand init` writes: a commented TOML file in the format `brand.py`
reads, each value with a comment saying where it came from; the logo as a PNG; the logo's
dominant colours."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.brand import resource_dir
from pipeline.colors import PaletteChoice, contrast_ratio, palette_from_colors
from pipeline.extract.site import Colour
from pipeline.tomlfile import read_toml

if TYPE_CHECKING:
    from PIL import Image

LOGO_MAX_SIDE = 1024  # px: the footer draws it at about 60 px high
DEFAULT_CTA = "Book via the link in bio"
DEFAULT_DISCLAIMER = "Individual results vary. Not medical advice."


@dataclass(frozen=True)
class KitFacts:
    url: str | None
    name: str | None
    name_source: str | None
    handle: str | None
    colours: tuple[Colour, ...]
    logo_url: str | None
    logo_size: tuple[int, int] | None
    language: str | None


def kit_text(facts: KitFacts, logo_file: str | None) -> str:
    palette = palette_from_colors([(c.hex, c.source) for c in unique_colours(facts.colours)])
    lines = [*header(facts), *identity(facts, logo_file), "", *colour_table(palette, facts)]
    lines += language_table(facts.language)
    return "\n".join(lines) + "\n"


def header(facts: KitFacts) -> list[str]:
    where = f"from {facts.url}" if facts.url else "offline, from --name and --handle"
    return [
        f"# Brand kit made by `repurpose brand init`, {where}.",
        "# Use it with `repurpose run SOURCE --brand THIS_FILE`; edit anything. Every text colour",
        "# must reach a WCAG contrast of 4.5:1 on its background (checked when the kit is read).",
    ]


def identity(facts: KitFacts, logo_file: str | None) -> list[str]:
    name_note = (
        f"from {facts.name_source}" if facts.name else "not found: put in your clinic's name"
    )
    handle_note = "from a link to instagram.com" if facts.handle else 'not found: e.g. "@myclinic"'
    lines = [
        f"name = {quote(facts.name or '')}  # {name_note}",
        f"handle = {quote(facts.handle or '')}  # {handle_note}",
        f"cta = {quote(DEFAULT_CTA)}",
        f"disclaimer = {quote(DEFAULT_DISCLAIMER)}",
        'hashtags = []  # your fixed hashtags, e.g. ["Acupuncture"]',
        'look = "calm"  # calm (light), bold (dark), photo, or a layout .toml; --look overrides',
    ]
    if logo_file and facts.logo_size:
        width, height = facts.logo_size
        lines.append(f"logo = {quote(logo_file)}  # {width}×{height} px, from {facts.logo_url}")
    else:
        lines.append('# logo = "logo.png"  # a PNG with transparency, relative to this file')
    return lines


def colour_table(palette: dict[str, PaletteChoice], facts: KitFacts) -> list[str]:
    found = ", ".join(f"{c.source} {c.hex}" for c in unique_colours(facts.colours)[:4])
    lines = [f"[colors]  # the site's colours: {found}" if found else "[colors]  # defaults"]
    background = palette["background"].color
    for role, choice in palette.items():
        lines.append(f"{role} = {quote(choice.color)}{colour_note(role, choice, background)}")
    lines.append("# [dark_colors] for the bold look are derived from these; add the table to")
    lines.append("# choose them yourself.")
    return lines


def colour_note(role: str, choice: PaletteChoice, background: str) -> str:
    if choice.origin is None:
        return ""
    now = contrast_ratio(choice.color, background)
    if role == "background":
        return f"  # {choice.source} {choice.origin}, tinted to near white"
    if role == "muted":
        return f"  # the text colour, lighter: {now:.1f}:1"
    was = contrast_ratio(choice.origin, background)
    how = "kept" if choice.color == choice.origin else "darkened"
    return f"  # {choice.source} {choice.origin} ({was:.1f}:1), {how} to {now:.1f}:1"


def language_table(language: str | None) -> list[str]:
    """The bundled call to action and disclaimer in every language the bundled kit has, the
    site's own first, so posts in those languages carry no English."""
    bundled = read_toml(resource_dir("templates") / "brand.toml", "brand kit").get("languages", {})
    codes = sorted(bundled, key=lambda code: (code != language, code))
    site = f" (the site is in {language!r})" if language else ""
    lines = ["", f"# The call to action and disclaimer for articles in other languages{site}."]
    if language and language != "en" and language not in bundled:
        lines.append(f"# Add a [languages.{language}] table with cta and disclaimer in it.")
    for code in codes:
        lines += ["", f"[languages.{code}]"]
        lines += [f"{key} = {quote(str(value))}" for key, value in bundled[code].items()]
    return lines


def unique_colours(colours: tuple[Colour, ...]) -> list[Colour]:
    """Each colour once, leaving out near-whites and near-blacks (no brand's identity)."""
    seen: dict[str, Colour] = {}
    for colour in colours:
        if colour.hex not in seen and is_brand_colour(colour.hex):
            seen[colour.hex] = colour
    return list(seen.values())


def is_brand_colour(color: str) -> bool:
    white, black = contrast_ratio(color, "#FFFFFF"), contrast_ratio(color, "#000000")
    return white >= 1.25 and black >= 1.6  # between paper and ink


def quote(text: str) -> str:
    """A TOML basic string: JSON's escapes are all valid TOML escapes."""
    return json.dumps(text, ensure_ascii=False)


def dominant_colors(image: Image.Image, count: int = 3) -> list[str]:
    """The logo's most used colours that have some hue, most used first; transparent, grey,
    near-white and near-black pixels are left out."""
    from PIL import Image

    small = image.convert("RGBA")
    small.thumbnail((96, 96))
    data: list[tuple[int, int, int, int]] = list(small.get_flattened_data())  # type: ignore[arg-type]
    pixels = [p[:3] for p in data if p[3] >= 128 and is_colourful(p[:3])]
    if not pixels:
        return []
    strip = Image.new("RGB", (len(pixels), 1))
    strip.putdata(pixels)
    quantised = strip.quantize(colors=max(count, 4)).convert("RGB")
    counted: list[tuple[int, tuple[int, int, int]]] = quantised.getcolors() or []  # type: ignore[assignment]
    colours = sorted(counted, reverse=True)
    return ["#{:02X}{:02X}{:02X}".format(*rgb) for _, rgb in colours[:count]]


def is_colourful(rgb: tuple[int, ...]) -> bool:
    return max(rgb) - min(rgb) >= 40 and max(rgb) >= 30 and min(rgb) <= 230


def logo_png(image: Image.Image) -> bytes:
    """The logo as a PNG at most LOGO_MAX_SIDE px on its longer side, re-encoded (no metadata
    of the original is kept)."""
    copy = image.copy()
    copy.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    buffer = io.BytesIO()
    copy.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
