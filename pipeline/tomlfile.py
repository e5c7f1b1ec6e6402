"""The one TOML reader (brand kits, looks, health rules, post.toml), and typed readers for layout
tables, each naming the key, dotted, in its ConfigError."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pipeline.models import ConfigError, RepurposeError

PALETTE_ROLES = ("background", "text", "accent", "muted")
HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


def read_toml(
    path: Path, what: str, error: type[RepurposeError] = ConfigError, fix: str = ""
) -> dict[str, Any]:
    """Read a TOML file. A missing file raises FileNotFoundError (each caller knows what that
    means); any other failure is one `error`: "<what> <path> is not valid TOML: ...<fix>"."""
    try:
        text = path.read_text(encoding="utf-8")
    except IsADirectoryError:
        raise error(f"{what} {path} is a folder, not a file") from None
    except PermissionError:
        raise error(f"{what} {path} cannot be read: permission denied") from None
    except UnicodeDecodeError:
        raise error(f"{what} {path} is not UTF-8 text: save it as UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {path} is not valid TOML: {exc}{fix}") from None
    except RecursionError:
        raise error(f"{what} {path} is nested too deeply to be read{fix}") from None


def check_keys(
    data: dict[str, Any], allowed: tuple[str, ...], where: str, prefix: str = ""
) -> None:
    for key in data:
        if key not in allowed:
            name = f"{prefix}.{key}" if prefix else key
            raise ConfigError(
                f"layout {where}: unknown key '{name}' (expected one of: {', '.join(allowed)})"
            )


def as_table(data: Any, where: str, name: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ConfigError(f"layout {where}: '{name}' must be a table")
    return data


def table(data: dict[str, Any], key: str, where: str, prefix: str = "") -> dict[str, Any]:
    return as_table(data[key], where, f"{prefix}.{key}" if prefix else key)


def integer(data: dict[str, Any], key: str, where: str, prefix: str, default: int | None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigError(f"layout {where}: '{prefix}.{key}' must be a whole number")
    return value


def number(data: dict[str, Any], key: str, where: str, prefix: str, default: float) -> float:
    value = data.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ConfigError(f"layout {where}: '{prefix}.{key}' must be a number")
    return float(value)


def boolean(data: dict[str, Any], key: str, where: str, prefix: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"layout {where}: '{prefix}.{key}' must be true or false")
    return value


def text_value(data: dict[str, Any], key: str, where: str, prefix: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"layout {where}: '{prefix}.{key}' must be a text value")
    return value


def choice(
    data: dict[str, Any],
    key: str,
    options: tuple[str, ...],
    where: str,
    default: str,
    prefix: str = "",
) -> str:
    value = data.get(key, default)
    if value not in options:
        name = f"{prefix}.{key}" if prefix else key
        raise ConfigError(
            f"layout {where}: '{name}' is {value!r}; use one of: {', '.join(options)}"
        )
    return str(value)


def color_value(
    data: dict[str, Any], key: str, where: str, prefix: str, default: str | None
) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or not (value in PALETTE_ROLES or HEX_COLOR.fullmatch(value)):
        raise ConfigError(
            f"layout {where}: '{prefix}.{key}' is {value!r}; use #RRGGBB or one of:"
            f" {', '.join(PALETTE_ROLES)}"
        )
    return value


def int_list(data: dict[str, Any], key: str, count: int, where: str, prefix: str) -> list[int]:
    value = data.get(key)
    if (
        not isinstance(value, list)
        or len(value) != count
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise ConfigError(f"layout {where}: '{prefix}.{key}' must be a list of {count} numbers")
    return value


def size_range(data: dict[str, Any], where: str, prefix: str) -> tuple[int, int]:
    value = data.get("size")
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value, value
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 < value[0] <= value[1]
    ):
        return value[0], value[1]
    raise ConfigError(f"layout {where}: '{prefix}.size' must be a size or [smallest, largest]")
