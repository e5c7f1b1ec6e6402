"""Colour arithmetic for brand kits: WCAG contrast, mixing, and palettes made readable.

Pure functions of #RRGGBB strings, shared by the brand kit (its checks and dark palette) and
`brand init` (a palette from a site's colours).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CONTRAST = 4.5  # WCAG AA for normal text


def derive_dark(colors: dict[str, str]) -> dict[str, str]:
    """A dark palette from a light one: swap text and background, lighten accent and muted."""
    background, text = colors["text"], colors["background"]
    return {
        "background": background,
        "text": text,
        "accent": lighten_until_readable(colors["accent"], background),
        "muted": lighten_until_readable(mix(text, background, 0.35), background),
    }


def lighten_until_readable(color: str, background: str) -> str:
    for step in range(11):
        candidate = mix(color, "#FFFFFF", step / 10)
        if contrast_ratio(candidate, background) >= MIN_CONTRAST:
            return candidate
    return "#FFFFFF"


TEXT_CONTRAST = 7.0  # a kit made from a site's colours: body text at WCAG AAA, not just AA


@dataclass(frozen=True)
class PaletteChoice:
    """A colour the kit uses, and the site's colour it was made from (for the kit's comment)."""

    color: str
    origin: str | None  # the site's colour, e.g. "#2A9D8F"
    source: str  # where the site's colour was found, e.g. "theme-color"


def palette_from_colors(seeds: list[tuple[str, str]]) -> dict[str, PaletteChoice]:
    """A light palette from a site's colours, (#RRGGBB, where found) most telling first: a
    near-white tint of the first as the background, the first darkened as text, the second
    (or the first) darkened as accent; every text colour reaches 4.5:1 on the background
    (the text TEXT_CONTRAST). Without colours, the bundled neutral palette."""
    if not seeds:
        return {role: PaletteChoice(color, None, "default") for role, color in NEUTRAL.items()}
    (first, where), (second, where_second) = seeds[0], (seeds[1:] or seeds)[0]
    background = mix(first, "#FFFFFF", 0.94)
    text = darken_until_readable(first, background, TEXT_CONTRAST)
    accent = darken_until_readable(second, background, MIN_CONTRAST)
    muted = darken_until_readable(mix(text, background, 0.4), background, MIN_CONTRAST)
    return {
        "background": PaletteChoice(background, first, where),
        "text": PaletteChoice(text, first, where),
        "accent": PaletteChoice(accent, second, where_second),
        "muted": PaletteChoice(muted, first, where),
    }


NEUTRAL = {"background": "#F7F3EE", "text": "#1F3D36", "accent": "#A4502A", "muted": "#4F5F5A"}


def darken_until_readable(color: str, background: str, ratio: float) -> str:
    """The colour with its lightness lowered (hue and saturation kept, so a coral stays a
    coral, not a brown) until it reaches `ratio` on the background."""
    import colorsys

    red, green, blue = (c / 255 for c in hex_to_rgb(color))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    for step in range(41):
        shade = colorsys.hls_to_rgb(hue, lightness * (1 - step / 40), saturation)
        candidate = "#" + "".join(f"{round(c * 255):02X}" for c in shade)
        if contrast_ratio(candidate, background) >= ratio:
            return candidate
    return "#000000"


def mix(first: str, second: str, share: float) -> str:
    """`share` of the second colour mixed into the first."""
    a, b = hex_to_rgb(first), hex_to_rgb(second)
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b, strict=True))


def is_hex_color(value: object) -> bool:
    text = str(value)
    return (
        len(text) == 7 and text[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in text[1:])
    )


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str | tuple[int, int, int], second: str | tuple[int, int, int]) -> float:
    one = relative_luminance(hex_to_rgb(first) if isinstance(first, str) else first)
    two = relative_luminance(hex_to_rgb(second) if isinstance(second, str) else second)
    light, dark = max(one, two), min(one, two)
    return (light + 0.05) / (dark + 0.05)
