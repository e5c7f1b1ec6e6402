"""preview.html: the whole post as staff will see it, from the manifest, opening with no server.

Images are linked by their file names in the same folder, so the page works from disk in any
browser. All text goes through Jinja's autoescape.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pipeline.brand import resource_dir
from pipeline.usercache import template_cache
from pipeline.write.manifest import Manifest

PREVIEW = "preview.html"
CAPTION_LIMIT = 2200
CAPTION_FOLD = 125  # characters shown before "more"
LEVEL_KEYS = ("level", "severity")


def build_preview(manifest: Manifest) -> bytes:
    template = preview_environment().get_template("preview.html.j2")
    html = template.render(**preview_context(manifest.to_json()))
    return html.encode("utf-8", "backslashreplace")  # a file name that is not UTF-8


@lru_cache(maxsize=1)
def preview_environment() -> Environment:
    """Made once per process: a batch compiles the preview template once, and a fresh run not
    at all while the compiled copy in the user's cache is current."""
    return Environment(
        loader=FileSystemLoader(str(resource_dir("templates") / "preview")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        bytecode_cache=template_cache(),
    )


def preview_context(manifest: Mapping[str, Any]) -> dict[str, Any]:
    images = [i for i in manifest.get("images", []) if isinstance(i, dict)]
    caption = str(manifest.get("caption", ""))
    source = manifest.get("source", {})
    schedule = manifest.get("schedule") or {}
    variants = manifest.get("captions") or {}
    return {
        "title": source.get("title") or manifest.get("digest", {}).get("headline", "Post"),
        "source": source.get("url") or source.get("path") or "",
        "language": str(manifest.get("article", {}).get("language") or "en")[:2],
        "images": images,
        "slides": [i for i in images if i.get("kind", "carousel") == "carousel"],
        "quotes": [i for i in images if i.get("kind") == "quote"],
        "stories": [i for i in images if i.get("kind") == "story"],
        "feed": [i for i in images if i.get("kind") != "story"],
        "caption_head": caption[:CAPTION_FOLD],
        "caption_tail": caption[CAPTION_FOLD:],
        "caption_count": len(caption),
        "caption_limit": CAPTION_LIMIT,
        "fold": CAPTION_FOLD,
        "quote_captions": list((variants.get("quotes") or {}).items()),
        "story": str(variants.get("story") or ""),
        "findings": [describe_finding(f) for f in manifest.get("health_findings") or []],
        "warnings": [str(w) for w in manifest.get("warnings") or []],
        "plan": [describe_planned(p) for p in schedule.get("posts", [])],
        "plan_zone": schedule.get("timezone", ""),
    }


def describe_finding(finding: object) -> dict[str, Any]:
    """A health-check finding of any shape: its level as a badge, its other fields as lines."""
    if not isinstance(finding, Mapping):
        return {"level": "", "fields": [("finding", str(finding))]}
    level = next((str(finding[k]) for k in LEVEL_KEYS if finding.get(k)), "")
    fields = [(str(k), format_value(v)) for k, v in finding.items() if k not in LEVEL_KEYS and v]
    return {"level": level.lower(), "fields": fields}


def format_value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def describe_planned(post: Mapping[str, Any]) -> dict[str, str]:
    when = str(post.get("at", ""))
    with contextlib.suppress(ValueError):
        when = datetime.fromisoformat(when).strftime("%a %d %b %Y, %H:%M")
    return {
        "when": when,
        "kind": str(post.get("type", "")),
        "files": format_value(post.get("files", [])),
    }
