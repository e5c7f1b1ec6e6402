"""Reading post.json into a `Manifest`: every version (1 and 2), each key checked for its kind
of value, so that a hand edit gets an error naming the key instead of a crash; a key this
version does not know is kept in `extra`. The dataclasses and the writing are in `manifest.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any, get_args

from pipeline.models import Captions, Card, CardKind, EditError, HealthFinding
from pipeline.render.layouts import KINDS as LAYOUT_KINDS
from pipeline.write.approval import approval_from_json, publications_from_json
from pipeline.write.manifest import (
    CARD_FILE,
    MANIFEST,
    ArticleRecord,
    ImageRecord,
    Manifest,
    SourceRecord,
)

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
