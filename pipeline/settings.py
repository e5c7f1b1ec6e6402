"""Settings: where the bundled fonts and templates live, and the clinic's brand kit."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.models import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """`fonts` or `templates`: inside an installed wheel, else at the top of the source tree."""
    for candidate in (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"bundled folder '{name}' is missing from the installation")


@dataclass(frozen=True)
class Brand:
    name: str
    handle: str
    cta: str
    disclaimer: str | None
    hashtags: tuple[str, ...]
    colors: dict[str, str] = field(default_factory=dict)
    fonts: dict[str, str] = field(default_factory=dict)

    def font_path(self, role: str) -> Path:
        name = self.fonts.get(role) or DEFAULT_FONTS[role]
        path = Path(name)
        return path if path.is_absolute() else resource_dir("fonts") / name


DEFAULT_FONTS = {
    "sans": "Inter-Regular.otf",
    "sans_bold": "Inter-Bold.otf",
    "sans_semibold": "Inter-SemiBold.otf",
    "serif": "NotoSerif-Regular.ttf",
    "serif_italic": "NotoSerif-Italic.ttf",
    "korean": "NanumSquareR.ttf",
    "korean_bold": "NanumSquareB.ttf",
}
REQUIRED_COLORS = ("background", "text", "accent", "muted")


def load_brand(path: Path | None = None) -> Brand:
    """Read a brand kit TOML file; the bundled default when no path is given."""
    path = path or resource_dir("templates") / "brand.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"brand kit {path} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"brand kit {path} is not valid TOML: {exc}") from None
    colors = data.get("colors", {})
    missing = [c for c in REQUIRED_COLORS if c not in colors]
    if missing:
        raise ConfigError(f"brand kit {path}: [colors] is missing {', '.join(missing)}")
    return Brand(
        name=str(data.get("name", "")),
        handle=str(data.get("handle", "")),
        cta=str(data.get("cta", "Book via the link in bio")),
        disclaimer=data.get("disclaimer") or None,
        hashtags=tuple(str(t) for t in data.get("hashtags", [])),
        colors={k: str(v) for k, v in colors.items()},
        fonts={k: str(v) for k, v in data.get("fonts", {}).items()},
    )
