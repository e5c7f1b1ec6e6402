"""Stage 6, write: one output folder per article, with images, caption and the post.json manifest.

This module owns the output folder. A run is built in a temporary folder beside the target and
swapped in with renames, so an interrupted or failed run never leaves a half-written folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pipeline.models import Article, Captions, Digest, HealthFinding, Page, Post, RenderedImage

MANIFEST = "post.json"
MANIFEST_VERSION = 1


def make_slug(title: str, max_length: int = 60) -> str:
    text = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    if len(slug) > max_length:
        cut = slug[: max_length + 1].rfind("-")
        slug = slug[: cut if cut > 0 else max_length].rstrip("-_")
    return slug or "article"


def build_manifest(
    page: Page,
    article: Article,
    digest: Digest,
    post: Post,
    images: list[RenderedImage],
    *,
    health_findings: Sequence[HealthFinding] = (),
) -> dict[str, Any]:
    source: dict[str, Any] = {"title": article.title}
    if page.url:
        source["url"] = page.url
    else:
        source["path"] = page.path
    warnings = [w for image in images for w in image.warnings]
    return {
        "version": MANIFEST_VERSION,
        "source": source,
        "article": {
            "author": article.author,
            "date": article.date,
            "site_name": article.site_name,
            "language": article.language,
            "url": article.url,
        },
        "digest": asdict(digest),
        "images": [
            {
                "file": image.card.file,
                "kind": image.card.group,
                "role": image.card.kind,
                "width": image.width,
                "height": image.height,
                "alt_text": image.alt_text,
                "texts": list(image.texts),
            }
            for image in images
        ],
        "caption": post.caption,
        "hashtags": list(post.hashtags),
        "warnings": warnings,
        "captions": captions_manifest(post.captions),
        "health_findings": [asdict(finding) for finding in health_findings],
        **post.extra,
    }


def captions_manifest(captions: Captions | None) -> dict[str, Any] | None:
    """The caption variants: the carousel's, one per quote image, and the story line."""
    if captions is None:
        return None
    return {
        "carousel": captions.carousel,
        "quotes": dict(captions.quotes),
        "story": captions.story,
    }


def write_post_folder(out_dir: Path, slug: str, files: dict[str, bytes]) -> Path:
    """Write all files of one article into OUT/<slug>/ at once: build aside, then swap in."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / slug
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}.", dir=out_dir))
    try:
        for name, data in files.items():
            path = safe_join(staging, name)
            path.write_bytes(data)
            os.chmod(path, 0o644)
        os.chmod(staging, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{slug}.old.", dir=out_dir))
            os.rename(target, old / slug)
            os.rename(staging, target)
            shutil.rmtree(old)
        else:
            os.rename(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target


def safe_join(folder: Path, name: str) -> Path:
    """A file inside the folder; names that would leave it are refused."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise ValueError(f"refusing to write outside the output folder: {name}")
    return path


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
