"""Settings: where the bundled fonts and templates live, and the clinic's brand kit."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.colors import MIN_CONTRAST, contrast_ratio, derive_dark, is_hex_color
from pipeline.colors import hex_to_rgb as hex_to_rgb  # importers of the brand kit's older home
from pipeline.models import ConfigError
from pipeline.tomlfile import read_toml

PACKAGE_DIR = Path(__file__).resolve().parent
EMOJI_FONTS = (  # colour emoji fonts Pillow can draw, used when installed (fonts-noto-color-emoji)
    Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),
    Path("/usr/share/fonts/noto/NotoColorEmoji.ttf"),
)


@lru_cache(maxsize=4)
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
    colors: dict[str, str] = field(default_factory=dict)  # the light palette
    fonts: dict[str, str] = field(default_factory=dict)
    dark_colors: dict[str, str] = field(default_factory=dict)  # for dark templates
    logo: Path | None = None
    look: str = "calm"  # the card look: a bundled name or a layout .toml file
    # [languages.ko] cta / disclaimer / hashtags: the brand's own words for that language
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)
    # [publish] media_base_url, instagram_account, postiz_integration: for `repurpose publish`
    publish: dict[str, str] = field(default_factory=dict)
    # fonts for scripts the committed fonts lack (file names in fonts/ or absolute paths)
    fallback_fonts: tuple[str, ...] = ()

    def for_language(self, language: str) -> Brand:
        """The kit with its call to action, disclaimer and hashtags in the article's language,
        where given."""
        own = self.languages.get(language.split("-")[0].lower(), {})
        return replace(
            self,
            cta=own.get("cta", self.cta),
            disclaimer=own.get("disclaimer", self.disclaimer),
            hashtags=tuple(own.get("hashtags", self.hashtags)),
        )

    @property
    def fallback_paths(self) -> tuple[Path, ...]:
        return tuple(font_file(name) for name in self.fallback_fonts)

    def font_path(self, role: str) -> Path:
        return font_file(self.fonts.get(role) or DEFAULT_FONTS[role])

    def palette(self, name: str) -> dict[str, str]:
        return self.dark_colors if name == "dark" and self.dark_colors else self.colors


@lru_cache(maxsize=64)
def font_file(name: str) -> Path:
    """A font by file name from fonts/, or by absolute path."""
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
    "korean_heavy": "NanumSquareEB.ttf",
    "japanese": "BIZUDGothic-Regular.ttf",
    "japanese_bold": "BIZUDGothic-Bold.ttf",
}
REQUIRED_COLORS = ("background", "text", "accent", "muted")
BRAND_KEYS = (
    "name", "handle", "cta", "disclaimer", "hashtags", "logo", "look", "colors",
    "dark_colors", "fonts", "languages", "publish", "fallback_fonts",
)  # fmt: skip
PUBLISH_KEYS = ("media_base_url", "instagram_account", "postiz_integration")
LANGUAGE_KEYS = ("cta", "disclaimer", "hashtags")


def load_brand(path: Path | None = None, allow_low_contrast: bool = False) -> Brand:
    """Read a brand kit TOML file; the bundled default when no path is given.

    Every text colour must reach 4.5:1 on its background, unless allow_low_contrast.
    """
    path = path or resource_dir("templates") / "brand.toml"
    data = read_kit(path)
    unknown = [key for key in data if key not in BRAND_KEYS]
    if unknown:
        raise ConfigError(
            f"brand kit {path}: unknown key '{unknown[0]}'"
            f" (expected one of: {', '.join(BRAND_KEYS)})"
        )
    check_kinds(data, path)
    colors = read_palette(data, "colors", path)
    dark = read_palette(data, "dark_colors", path) if "dark_colors" in data else derive_dark(colors)
    brand = Brand(
        name=str(data.get("name", "")),
        handle=str(data.get("handle", "")),
        cta=str(data.get("cta", "Book via the link in bio")),
        disclaimer=data.get("disclaimer") or None,
        hashtags=tuple(str(t) for t in data.get("hashtags", [])),
        colors=colors,
        fonts=read_fonts(data, path),
        dark_colors=dark,
        logo=read_logo(data, path),
        look=read_look(data, path),
        languages=read_languages(data, path),
        publish=read_publish(data, path),
        fallback_fonts=read_fallback_fonts(data, path),
    )
    if not allow_low_contrast:
        check_brand_contrast(brand, path)
    return brand


def read_publish(data: dict[str, Any], path: Path) -> dict[str, str]:
    """[publish]: where the images are served, and the accounts to publish to."""
    table = data.get("publish", {})
    if not isinstance(table, dict):
        raise ConfigError(f"brand kit {path}: [publish] must be a table")
    for key, value in table.items():
        if key not in PUBLISH_KEYS:
            raise ConfigError(
                f"brand kit {path}: unknown key 'publish.{key}'"
                f" (expected one of: {', '.join(PUBLISH_KEYS)})"
            )
        if not isinstance(value, str):
            raise ConfigError(f"brand kit {path}: 'publish.{key}' must be text in quotes")
    return dict(table)


def read_kit(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path, "brand kit")
    except FileNotFoundError:
        raise ConfigError(f"brand kit {path} not found") from None


def check_kinds(data: dict[str, Any], path: Path) -> None:
    """Each key holds the kind of value it needs, so that a slip gets an error naming the key."""
    for key in ("name", "handle", "cta", "disclaimer", "logo", "look"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(f"brand kit {path}: '{key}' must be text in quotes")
    check_tags(data.get("hashtags", []), path)
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict) or not all(isinstance(name, str) for name in fonts.values()):
        raise ConfigError(f"brand kit {path}: [fonts] must be a table of font file names")


def read_languages(data: dict[str, Any], path: Path) -> dict[str, dict[str, str]]:
    """[languages.xx] tables of cta and disclaimer texts, checked key by key."""
    languages = data.get("languages", {})
    if not isinstance(languages, dict):
        raise ConfigError(f"brand kit {path}: [languages] must hold tables such as [languages.es]")
    for code, texts in languages.items():
        if not isinstance(texts, dict):
            raise ConfigError(f"brand kit {path}: [languages.{code}] must be a table")
        for key, value in texts.items():
            if key not in LANGUAGE_KEYS:
                raise ConfigError(
                    f"brand kit {path}: unknown key 'languages.{code}.{key}'"
                    f" (expected one of: {', '.join(LANGUAGE_KEYS)})"
                )
            if key == "hashtags":
                check_tags(value, path, f"languages.{code}.hashtags")
            elif not isinstance(value, str):
                raise ConfigError(f"brand kit {path}: 'languages.{code}.{key}' must be text")
    return {str(code).lower(): dict(texts) for code, texts in languages.items()}


def check_tags(tags: object, path: Path, key: str = "hashtags") -> None:
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ConfigError(
            f"brand kit {path}: '{key}' must be a list of texts, e.g. [\"Acupuncture\"]"
        )


def read_fallback_fonts(data: dict[str, Any], path: Path) -> tuple[str, ...]:
    """Fonts tried after the committed ones, for scripts they lack: TTF or OTF files, relative
    to the brand kit, in fonts/, or absolute paths."""
    names = data.get("fallback_fonts", [])
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ConfigError(
            f"brand kit {path}: 'fallback_fonts' must be a list of font files,"
            ' e.g. ["/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf"]'
        )
    found = []
    for name in names:
        beside = (path.parent / name).resolve()
        file = beside if beside.is_file() else font_file(name)
        if not file.is_file() or file.suffix.lower() not in (".ttf", ".otf"):
            raise ConfigError(f"brand kit {path}: fallback font {name} not found (a .ttf or .otf)")
        found.append(str(file))
    return tuple(found)


def read_palette(data: dict[str, Any], key: str, path: Path) -> dict[str, str]:
    colors = data.get(key, {})
    if not isinstance(colors, dict):
        raise ConfigError(f"brand kit {path}: [{key}] must be a table of colours")
    missing = [c for c in REQUIRED_COLORS if c not in colors]
    if missing:
        raise ConfigError(f"brand kit {path}: [{key}] is missing {', '.join(missing)}")
    for name, value in colors.items():
        if name not in REQUIRED_COLORS:
            raise ConfigError(
                f"brand kit {path}: unknown colour '{key}.{name}'"
                f" (expected: {', '.join(REQUIRED_COLORS)})"
            )
        if not is_hex_color(value):
            raise ConfigError(f"brand kit {path}: '{key}.{name}' is {value!r}; use #RRGGBB")
    return {k: str(v) for k, v in colors.items()}


def read_fonts(data: dict[str, Any], path: Path) -> dict[str, str]:
    fonts = {str(k): str(v) for k, v in data.get("fonts", {}).items()}
    for role in fonts:
        if role not in DEFAULT_FONTS:
            raise ConfigError(
                f"brand kit {path}: unknown font role 'fonts.{role}'"
                f" (expected one of: {', '.join(DEFAULT_FONTS)})"
            )
        if not font_file(fonts[role]).is_file():
            raise ConfigError(
                f"brand kit {path}: font file {font_file(fonts[role])} for 'fonts.{role}' not found"
            )
    return fonts


def read_look(data: dict[str, Any], path: Path) -> str:
    """A bundled look by name, or a layout file, taken relative to the brand kit."""
    name = str(data.get("look", "calm"))
    if name.endswith(".toml") and not Path(name).is_absolute():
        return str(path.parent / name)
    return name


def read_logo(data: dict[str, Any], path: Path) -> Path | None:
    """The logo file, relative to the brand kit; kept as an absolute path, so that `render`
    finds it from any folder."""
    if not data.get("logo"):
        return None
    logo = (path.parent / str(data["logo"])).resolve()
    if not logo.is_file():
        raise ConfigError(f"brand kit {path}: logo file {logo} not found")
    if not is_image(logo):
        raise ConfigError(
            f"brand kit {path}: logo file {logo} is not an image Pillow can read (use a PNG)"
        )
    return logo


def is_image(path: Path) -> bool:
    from PIL import Image  # here, so that reading a manifest does not import Pillow

    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def check_brand_contrast(brand: Brand, path: Path | str) -> None:
    for palette_name, palette in (("colors", brand.colors), ("dark_colors", brand.dark_colors)):
        for role in ("text", "accent", "muted"):
            if not palette:
                continue
            ratio = contrast_ratio(palette[role], palette["background"])
            if ratio < MIN_CONTRAST:
                raise ConfigError(
                    f"brand kit {path}: {palette_name}.{role} {palette[role]} on"
                    f" {palette_name}.background {palette['background']} has contrast"
                    f" {ratio:.2f}:1, below {MIN_CONTRAST}:1 (pick darker or lighter colours,"
                    " or pass --allow-low-contrast)"
                )


@lru_cache(maxsize=1)
def emoji_font() -> Path | None:
    return next((path for path in EMOJI_FONTS if path.is_file()), None)
