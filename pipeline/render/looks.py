"""Looks as data: load a template from templates/cards/NAME.toml and validate it.

A template sets, for each card kind, the canvas, the background and one box per text field
(the types are in layouts.py, each layout's keys are checked by layout_parse.py). Every key is
checked on load; an unknown key or a bad value is a ConfigError naming the key. A template may
`extends = "other"` and override only what differs (tables merge key by key).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.models import ConfigError
from pipeline.render.layout_parse import parse_layout
from pipeline.render.layouts import BASE_KINDS, KINDS, VARIANTS, Template
from pipeline.tomlfile import check_keys, choice, read_toml, table


def template_dir() -> Path:
    from pipeline.brand import resource_dir

    return resource_dir("templates") / "cards"


def template_names() -> list[str]:
    return sorted(p.stem for p in template_dir().glob("*.toml"))


@lru_cache(maxsize=8)
def load_template(name: str) -> Template:
    """A bundled template by name ("calm"), or a path to a TOML file of one."""
    path = Path(name) if name.endswith(".toml") else template_dir() / f"{name}.toml"
    data = read_template_data(path, seen=())
    where = path.name
    check_keys(data, ("description", "palette", "background", *KINDS), where)
    for variant, base in VARIANTS.items():  # a style the look does not draw is a plain point
        if variant not in data and base in data:
            data = {**data, variant: data[base]}
    palette = choice(data, "palette", ("light", "dark"), where, "light")
    default_bg = data.get("background", {"type": "solid", "color": "background"})
    layouts = {
        kind: parse_layout(kind, table(data, kind, where), default_bg, path.parent, where)
        for kind in KINDS
        if kind in data
    }
    missing = [kind for kind in BASE_KINDS if kind not in layouts]
    if missing:
        raise ConfigError(f"layout {where}: no layout for {', '.join(missing)}")
    return Template(path.stem, str(data.get("description", "")), palette, layouts)


def read_template_data(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    try:
        data = read_toml(path, "layout")
    except FileNotFoundError:
        if path.parent != template_dir():  # a file the user named
            raise ConfigError(f"layout file {path} not found") from None
        names = ", ".join(template_names())
        raise ConfigError(f"look {path.stem!r} not found (bundled: {names})") from None
    anchor_images(data, path.parent)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or path in seen:
        raise ConfigError(f"layout {path.name}: 'extends' must name another template, once")
    beside = path.parent / f"{parent}.toml"  # a look beside this file, else a bundled one
    base_path = beside if beside.is_file() else template_dir() / f"{parent}.toml"
    return merge_tables(read_template_data(base_path, (*seen, path)), data)


def anchor_images(data: dict[str, Any], folder: Path) -> None:
    """Background image paths are relative to the file that names them, even when extended."""
    tables = [data, *(v for v in data.values() if isinstance(v, dict))]
    for section in tables:
        background = section.get("background")
        if isinstance(background, dict) and isinstance(background.get("image"), str):
            background["image"] = str(folder / background["image"])


def merge_tables(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_tables(merged[key], value)
        else:
            merged[key] = value
    return merged
