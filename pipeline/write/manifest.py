"""post.json, the manifest that people and other tools read, as a frozen dataclass.

`Manifest.from_json` reads every version (1 and 2) and checks the shape, so a hand edit gets an
error naming the key instead of a crash; `Manifest.to_json` writes the current version. Keys are
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
from typing import Any, get_args

from pipeline.brand import DEFAULT_FONTS, REQUIRED_COLORS, Brand, is_image
from pipeline.models import (
    Article,
    Captions,
    Card,
    CardKind,
    Digest,
    EditError,
    HealthFinding,
    Page,
    Post,
    RenderedImage,
)
from pipeline.redact import strip_credentials
from pipeline.render.layouts import KINDS as LAYOUT_KINDS
from pipeline.write.approval import (
    Approval,
    Publication,
    approval_from_json,
    publications_from_json,
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


KNOWN = frozenset(f.name for f in fields(Manifest)) - {"extra"}


def manifest_from_json(data: Mapping[str, Any], name: str) -> Manifest:
    """Read any version of post.json; a key of the wrong kind is an EditError naming it."""
    check_kinds(data, name)
    source = data.get("source") or {}
    article = data.get("article") or {}
    return Manifest(
        version=int(data.get("version") or 1),
        source=SourceRecord(
            str(source.get("title") or ""),
            text_or_none(source, "url"),
            text_or_none(source, "path"),
        ),
        article=ArticleRecord(**{k: text_or_none(article, k) for k in ARTICLE_KEYS}),
        digest=dict(data.get("digest") or {}),
        images=tuple(image_from_json(i, name) for i in data.get("images", [])),
        caption=data.get("caption", ""),
        hashtags=tuple(str(tag) for tag in data.get("hashtags", [])),
        warnings=tuple(str(warning) for warning in data.get("warnings", [])),
        captions=captions_from_json(data),
        health_findings=tuple(finding_from_json(f) for f in data.get("health_findings", [])),
        cards=cards_from_json(data, name),
        brand=data.get("brand"),
        schedule=data.get("schedule"),
        approval=approval_from_json(data.get("approval")),
        publications=publications_from_json(data.get("publications")),
        extra={k: v for k, v in data.items() if k not in KNOWN},
    )


ARTICLE_KEYS = tuple(f.name for f in fields(ArticleRecord))

KINDS: dict[str, type | tuple[type, ...]] = {
    "version": int,
    "source": dict,
    "article": dict,
    "digest": dict,
    "images": list,
    "caption": str,
    "hashtags": list,
    "warnings": list,
    "captions": (dict, type(None)),
    "health_findings": list,
    "cards": list,
    "brand": dict,
    "schedule": dict,
    "approval": dict,
    "publications": list,
}


def check_kinds(data: Mapping[str, Any], name: str) -> None:
    """The top-level keys have the right kind of value."""
    for key, kind in KINDS.items():
        if key in data and not isinstance(data[key], kind):
            raise EditError(f'{name}: "{key}" has the wrong kind of value (undo that edit)')
    images = data.get("images", [])
    if not all(isinstance(i, dict) and isinstance(i.get("file"), str) for i in images):
        raise EditError(f'{name}: every entry of "images" needs a "file"')
    variants = data.get("captions") or {}
    quotes = variants.get("quotes") or {}
    texts = [variants.get("carousel", ""), variants.get("story", "")]
    texts += list(quotes.values()) if isinstance(quotes, dict) else [None]
    if not all(isinstance(t, str) for t in texts):
        raise EditError(f'{name}: "captions" must hold texts (undo that edit)')
    posts = data.get("schedule", {}).get("posts", [])
    if not isinstance(posts, list) or not all(isinstance(p, dict) for p in posts):
        raise EditError(f'{name}: "schedule" is damaged: run `repurpose schedule` again')


def text_or_none(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key) if isinstance(data, Mapping) else None
    return value if isinstance(value, str) else None


def image_from_json(entry: Mapping[str, Any], name: str) -> ImageRecord:
    texts = entry.get("texts") or []
    return ImageRecord(
        file=str(entry["file"]),
        kind=str(entry.get("kind") or ""),
        role=str(entry.get("role") or ""),
        layout=text_or_none(entry, "layout"),
        width=int(entry.get("width") or 0),
        height=int(entry.get("height") or 0),
        alt_text=str(entry.get("alt_text") or ""),
        texts=tuple(str(text) for text in texts) if isinstance(texts, list) else (),
    )


def finding_from_json(entry: Any) -> HealthFinding:
    """A finding as recorded; a hand-written one may say "level" for "severity", or be text."""
    data = entry if isinstance(entry, dict) else {"text": str(entry)}
    where = data.get("where") or ()
    severity = data.get("severity") or data.get("level")
    return HealthFinding(
        severity="block" if severity == "block" else "warn",
        rule=str(data.get("rule") or ""),
        text=str(data.get("text") or ""),
        match=str(data.get("match") or ""),
        suggestion=str(data.get("suggestion") or ""),
        why=str(data.get("why") or ""),
        where=tuple(str(w) for w in where) if isinstance(where, list | tuple) else (),
    )


def captions_from_json(data: Mapping[str, Any]) -> Captions | None:
    """The caption variants recorded in a manifest (None when it has none)."""
    variants = data.get("captions")
    if not isinstance(variants, dict):
        return None
    quotes = variants.get("quotes") or {}
    return Captions(
        carousel=str(variants.get("carousel") or data.get("caption") or ""),
        quotes=tuple((str(file), str(text)) for file, text in quotes.items()),
        story=str(variants.get("story") or ""),
    )


def cards_from_json(data: Mapping[str, Any], name: str = MANIFEST) -> tuple[Card, ...]:
    """The cards recorded in a manifest, checked so a hand edit gets an error naming the key."""
    entries = data.get("cards") or []
    cards = tuple(card_from_json(entry, f"{name}: cards[{i}]") for i, entry in enumerate(entries))
    files = [card.file for card in cards]
    if len(set(files)) < len(files):
        raise EditError(f"{name}: two cards share one file name")
    return cards


CARD_FIELDS = frozenset(f.name for f in fields(Card))


def card_from_json(entry: Any, where: str) -> Card:
    if not isinstance(entry, dict):
        raise EditError(f"{where} must be an object")
    for key, value in entry.items():
        if key in CARD_FIELDS and value is not None and not isinstance(value, str):
            raise EditError(f"{where}.{key} must be text (in double quotes)")
    kinds = get_args(CardKind)
    if entry.get("kind") not in kinds:
        raise EditError(f"{where}.kind must be one of {', '.join(kinds)}")
    if entry.get("layout") not in (None, *LAYOUT_KINDS):
        raise EditError(f"{where}.layout must be one of {', '.join(LAYOUT_KINDS)} (or null)")
    if not entry.get("file") or not entry.get("text"):
        raise EditError(f"{where} needs a file and a text")
    if not CARD_FILE.fullmatch(entry["file"]):
        raise EditError(f'{where}.file must be a plain image name such as "carousel-02.jpg"')
    return Card(**{k: v for k, v in entry.items() if k in CARD_FIELDS})


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
