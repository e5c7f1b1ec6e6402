"""post.json, the manifest that people and other tools read, as a frozen dataclass.

`Manifest.from_json` reads every version (1 and 2) and checks the shape, so a hand edit gets an
error naming the key instead of a crash (that reading is in `manifest_read.py`);
`Manifest.to_json` writes the current version. Keys are
only ever added: a key this version does not know (added by a newer version, or by a person) is
kept in `extra` and written back as it came.

Version 2 adds `digest.prevention` and `digest.case`; everything of version 1 reads unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from pipeline.brand import DEFAULT_FONTS, REQUIRED_COLORS, Brand, is_image
from pipeline.models import (
    Article,
    Captions,
    Card,
    Digest,
    EditError,
    HealthFinding,
    Page,
    Post,
    RenderedImage,
)
from pipeline.redact import strip_credentials
from pipeline.write.approval import (
    Approval,
    Publication,
)
from pipeline.write.paths import read_folder_file

MANIFEST = "post.json"
MANIFEST_VERSION = 2
CARD_FILE = re.compile(r"[A-Za-z0-9][\w-]*\.jpg")


JSON = dict[str, Any]


@dataclass(frozen=True)
class SourceRecord:
    """Where the article came from: its URL, or the resolved path of its file."""

    title: str
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class ArticleRecord:
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ImageRecord:
    """One image as written: `kind` is the card's group, `role` the card's kind."""

    file: str
    kind: str
    role: str
    layout: str | None
    width: int
    height: int
    alt_text: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Manifest:
    version: int
    source: SourceRecord
    article: ArticleRecord
    digest: JSON  # the Digest, as `repurpose digest` prints it
    images: tuple[ImageRecord, ...] = ()
    caption: str = ""
    hashtags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    captions: Captions | None = None
    health_findings: tuple[HealthFinding, ...] = ()
    cards: tuple[Card, ...] = ()
    brand: JSON | None = None
    schedule: JSON | None = None  # {timezone, slots, posts: [{type, files, at}]}
    approval: Approval | None = None  # `repurpose approve`: who, when, what they saw
    publications: tuple[Publication, ...] = ()  # `repurpose publish`: what went out, its ids
    extra: JSON = field(default_factory=dict)  # keys this version does not know, kept

    @property
    def language(self) -> str:
        return str(self.digest.get("language") or "en")

    @property
    def headline(self) -> str | None:
        headline = self.digest.get("headline")
        return headline if isinstance(headline, str) else None

    @classmethod
    def from_json(cls, data: Mapping[str, Any], name: str = MANIFEST) -> Manifest:
        from pipeline.write.manifest_read import manifest_from_json  # it imports this module

        return manifest_from_json(data, name)

    def to_json(self) -> JSON:
        return manifest_to_json(self)

    def to_bytes(self) -> bytes:
        return json_bytes(self.to_json())


LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def json_bytes(data: Mapping[str, Any]) -> bytes:
    """UTF-8 JSON. A file name that is not UTF-8 (its bytes kept as lone surrogates) is written
    with `\\udcXX` escapes, which read back to the same name."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text).encode("utf-8")


def build_manifest(
    page: Page, article: Article, digest: Digest, brand: Brand, extra: Mapping[str, Any]
) -> Manifest:
    """What drawing the cards does not change: where the article came from, what it is, its
    digest and the brand kit."""
    if page.url:  # recorded without any user:password@ in it: post.json is shared
        source = SourceRecord(article.title, url=strip_credentials(page.url))
    else:  # resolved, so the folder knows its article whichever directory the next run is in
        source = SourceRecord(
            article.title, path=str(Path(page.path).resolve()) if page.path else None
        )
    url = strip_credentials(article.url) if article.url else None
    record = ArticleRecord(article.author, article.date, article.site_name, article.language, url)
    return Manifest(
        MANIFEST_VERSION,
        source,
        record,
        asdict(digest),
        brand=brand_record(brand),
        extra=dict(extra),
    )


def with_rendered(
    manifest: Manifest,
    post: Post,
    images: Sequence[RenderedImage],
    findings: Sequence[HealthFinding],
    warnings: Sequence[str] = (),
) -> Manifest:
    """The manifest with what drawing made: images, captions, cards, findings and warnings."""
    return replace(
        manifest,
        version=MANIFEST_VERSION,
        images=tuple(image_record(image) for image in images),
        caption=post.caption,
        hashtags=tuple(post.hashtags),
        warnings=(*(w for image in images for w in image.warnings), *warnings),
        captions=post.captions,
        health_findings=tuple(findings),
        cards=tuple(post.cards),
    )


def image_record(image: RenderedImage) -> ImageRecord:
    card = image.card
    return ImageRecord(
        card.file,
        card.group,
        card.kind,
        card.layout,
        image.width,
        image.height,
        image.alt_text,
        tuple(image.texts),
    )


def manifest_to_json(manifest: Manifest) -> JSON:
    data: JSON = {
        "version": manifest.version,
        "source": {
            k: v for k, v in asdict(manifest.source).items() if v is not None or k == "path"
        },
        "article": asdict(manifest.article),
        "digest": manifest.digest,
        "images": [asdict(image) for image in manifest.images],
        "caption": manifest.caption,
        "hashtags": list(manifest.hashtags),
        "warnings": list(manifest.warnings),
        "captions": captions_json(manifest.captions),
        "health_findings": [asdict(finding) for finding in manifest.health_findings],
        "cards": [asdict(card) for card in manifest.cards],
        **manifest.extra,
    }
    for key in ("brand", "schedule"):
        if getattr(manifest, key) is not None:
            data[key] = getattr(manifest, key)
    if manifest.approval is not None:
        data["approval"] = asdict(manifest.approval)
    if manifest.publications:
        data["publications"] = [asdict(p) | {"files": list(p.files)} for p in manifest.publications]
    return data


def source_json(source: SourceRecord) -> JSON:
    if source.url:
        return {"title": source.title, "url": source.url}
    return {"title": source.title, "path": source.path}


def captions_json(captions: Captions | None) -> JSON | None:
    """The caption variants: the carousel's, one per quote image, and the story line."""
    if captions is None:
        return None
    return {"carousel": captions.carousel, "quotes": dict(captions.quotes), "story": captions.story}


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    try:
        data = json.loads(read_folder_file(path).decode("utf-8"))
    except FileNotFoundError:
        raise EditError(f"{path} not found: is {folder} a repurpose output folder?") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EditError(f"{path} is not valid JSON ({exc}): fix the edit, or use --force") from None
    except RecursionError:
        raise EditError(f"{path} is nested too deeply: undo that edit, or use --force") from None
    except OSError as exc:
        raise EditError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if not isinstance(data, dict):
        raise EditError(f"{path} must hold a JSON object")
    return Manifest.from_json(data, str(path))


def brand_record(brand: Brand) -> JSON:
    return json.loads(json.dumps(asdict(brand), default=str))  # type: ignore[no-any-return]


def brand_from_record(record: Mapping[str, Any]) -> Brand:
    """Rebuild the brand kit stored in a manifest; TypeError/ValueError when it does not fit."""
    from PIL import ImageColor  # only `render` rebuilds a brand kit: schedule and export don't

    known = {f.name for f in fields(Brand)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k in known}
    texts = ("name", "handle", "cta", "look", "logo")
    if not all(isinstance(values.get(key) or "", str) for key in texts):
        raise TypeError("brand texts must be text")
    logo = values.get("logo")
    values["logo"] = Path(logo) if isinstance(logo, str) and logo else None
    brand = Brand(**values)  # type: ignore[arg-type]
    for table in (brand.colors, brand.fonts):
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise TypeError("brand colours and fonts must be tables of text")
    for colour in brand.colors.values():
        ImageColor.getrgb(colour)  # ValueError for a colour Pillow cannot draw
    for role in brand.fonts:
        if role in DEFAULT_FONTS and not brand.font_path(role).is_file():
            raise ValueError(f"font for {role} not found")
    if any(k not in brand.colors for k in REQUIRED_COLORS):
        raise ValueError("a brand colour is missing")
    if brand.logo is not None and not (brand.logo.is_file() and is_image(brand.logo)):
        raise ValueError("the logo file is missing or not an image")
    return brand
