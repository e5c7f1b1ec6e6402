"""Part of stage 2, extract: where the article's own photo is, and its alt text.

In order: the page's `og:image`, its JSON-LD `image`, then the first large `<figure>` or `<img>`
of the body (a Markdown file: its front matter's `image`, then its first `![alt](src)`).
Icons, logos, avatars, tracking pixels, SVGs and inline `data:` images are never the photo.
The address is returned as the page wrote it, made absolute only against a fetched page's URL:
a saved file's relative path is resolved beside the file by load (`load/images.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from pipeline.extract.metadata import ld_text, read_json_ld
from pipeline.models import Page

MIN_SIDE = 400  # px declared in width/height: smaller images are icons or thumbnails
NOT_PHOTOS = re.compile(r"logo|icon|avatar|emoji|sprite|pixel|badge|gravatar|spinner", re.I)
TEMPLATE_CODE = re.compile(r"[<>{}$\s]|<\?")
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FRONT_MATTER_IMAGE = re.compile(
    r"^(?:image|cover|featured_image|og_image|hero)[ \t]*:[ \t]*[\"']?([^\"'\s]+)", re.M
)


@dataclass(frozen=True)
class PhotoRef:
    src: str  # absolute URL for a fetched page; as written for a file
    alt: str  # the image's own alt text ("" when it has none)
    where: str  # "og:image", "JSON-LD image", "the body's first figure", ...


def find_photo(page: Page) -> PhotoRef | None:
    if page.kind == "markdown":
        return markdown_photo(page.text)
    if page.kind != "html" or not page.text.strip():
        return None
    tree = lxml.html.fromstring(page.text)
    found = head_photo(tree) or body_photo(tree)
    if found is None:
        return None
    src = urljoin(page.url, found.src) if page.url else found.src
    alt = found.alt or alt_in_body(tree, found.src)
    return PhotoRef(src, alt, found.where)


def head_photo(tree: HtmlElement) -> PhotoRef | None:
    metas = {
        (m.get("property") or m.get("name") or "").lower(): m.get("content") or ""
        for m in reversed(list(tree.iter("meta")))
    }
    for key in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"):
        if is_photo_src(metas.get(key, "")):
            alt = metas.get("og:image:alt") or metas.get("twitter:image:alt") or ""
            return PhotoRef(metas[key].strip(), squash(alt), key)
    for item in read_json_ld(tree):
        src, alt = ld_image(item)
        if is_photo_src(src) and not is_organization(item):
            return PhotoRef(src, alt, "JSON-LD image")
    return None


def ld_image(item: dict[str, Any]) -> tuple[str, str]:
    image = item.get("image")
    image = image[0] if isinstance(image, list) and image else image
    if isinstance(image, dict):
        return ld_text(image.get("url") or image.get("contentUrl")), ld_text(image.get("caption"))
    return ld_text(image), ""


def is_organization(item: dict[str, Any]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Organization" in k or "Business" in k) for k in kinds)


def body_photo(tree: HtmlElement) -> PhotoRef | None:
    """The first large image of the article's body (its <article>, else <main>, else <body>),
    a figure's image first."""
    found = tree.xpath("//article | //main")
    root = found[0] if found else tree
    images = root.xpath(".//figure//img") + root.xpath(".//img")
    for img in images:
        src = img.get("src") or img.get("data-src") or ""
        if is_photo_src(src) and is_large(img) and not NOT_PHOTOS.search(attrs(img)):
            where = "the body's first figure" if img.xpath("ancestor::figure") else "the body"
            return PhotoRef(src.strip(), squash(img.get("alt") or ""), where)
    return None


def alt_in_body(tree: HtmlElement, src: str) -> str:
    """The alt of a body <img> showing the same file as the og:image, if there is one."""
    name = urlsplit(src).path.rsplit("/", 1)[-1]
    for img in tree.iter("img"):
        if name and (img.get("src") or "").split("?")[0].endswith(name):
            return squash(img.get("alt") or "")
    return ""


def is_large(img: HtmlElement) -> bool:
    """Declared width and height (when given) of at least MIN_SIDE px."""
    for key in ("width", "height"):
        value = (img.get(key) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < MIN_SIDE:
            return False
    return True


def attrs(img: HtmlElement) -> str:
    return " ".join(img.get(k) or "" for k in ("src", "class", "id", "alt"))


def is_photo_src(src: str) -> bool:
    """An address that can be an image file: not inline data, not a template's unexpanded
    code ("<?php … ?>/img.jpg", "{$root}/img.png"), not a vector or icon."""
    src = src.strip()
    if not src or src.lower().startswith("data:") or TEMPLATE_CODE.search(src):
        return False
    path = urlsplit(src).path.lower()
    return not path.endswith((".svg", ".svgz", ".ico")) and not NOT_PHOTOS.search(path)


def markdown_photo(text: str) -> PhotoRef | None:
    front = text.split("\n---", 1)[0] if text.startswith("---") else ""
    if (match := FRONT_MATTER_IMAGE.search(front)) and is_photo_src(match.group(1)):
        return PhotoRef(match.group(1), "", "the front matter's image")
    for alt, src in MARKDOWN_IMAGE.findall(text):
        if is_photo_src(src):
            return PhotoRef(src, squash(alt), "the first image")
    return None


def squash(text: str) -> str:
    return " ".join(text.split())
